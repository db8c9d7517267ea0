#ifdef __linux__
#define _GNU_SOURCE
#endif
#include "HunspellShim.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

struct plhs_dictionary {
    Hunhandle *handle;
};

/// Hunspell shares one table of Unicode case data between the handles of UTF-8
/// dictionaries, counted without a lock: made by the first handle and freed with the last.
/// Handles are opened and closed under this lock, so the count stays right when threads
/// open slices at once; and one handle is kept for the life of the process (`keeper`), so
/// the table is made once, not again for every slice of ko_KR (a sixth of opening one).
static pthread_mutex_t lifecycle = PTHREAD_MUTEX_INITIALIZER;
static Hunhandle *keeper = NULL;

static int readable(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return 0;
    fclose(file);
    return 1;
}

plhs_dictionary *plhs_open(const char *affix_path, const char *dictionary_path) {
    // Hunspell_create does not report missing files; check first so callers can fall back.
    if (!readable(affix_path) || !readable(dictionary_path)) return NULL;
    pthread_mutex_lock(&lifecycle);
    Hunhandle *handle = Hunspell_create(affix_path, dictionary_path);
    pthread_mutex_unlock(&lifecycle);
    if (handle == NULL) return NULL;
    plhs_dictionary *dictionary = (plhs_dictionary *)malloc(sizeof(plhs_dictionary));
    if (dictionary == NULL) {
        pthread_mutex_lock(&lifecycle);
        Hunspell_destroy(handle);
        pthread_mutex_unlock(&lifecycle);
        return NULL;
    }
    dictionary->handle = handle;
    return dictionary;
}

static int write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written <= 0) return 0;
        text += written;
        length -= (size_t)written;
    }
    return 1;
}

/// A file descriptor holding `text` and a path by which Hunspell can open it; -1 on failure.
static int anonymous_file(const char *text, size_t length, char *path, size_t path_size) {
    int fd = -1;
#ifdef __linux__
    fd = memfd_create("postlint-hunspell", 0);
    if (fd >= 0) snprintf(path, path_size, "/proc/self/fd/%d", fd);
#endif
    if (fd < 0) {
        const char *folder = getenv("TMPDIR");
        snprintf(path, path_size, "%s/postlint-hunspell-XXXXXX", folder && *folder ? folder : "/tmp");
        fd = mkstemp(path);
    }
    if (fd < 0) return -1;
    if (!write_all(fd, text, length)) {
        close(fd);
        return -1;
    }
    return fd;
}

static void release_anonymous_file(int fd, const char *path) {
    if (strncmp(path, "/proc/self/fd/", 14) != 0) unlink(path);
    close(fd);
}

plhs_dictionary *plhs_open_texts(const char *affix, size_t affix_length, const char *dictionary, size_t dictionary_length) {
    char affix_path[512], dictionary_path[512];
    int affix_fd = anonymous_file(affix, affix_length, affix_path, sizeof affix_path);
    if (affix_fd < 0) return NULL;
    int dictionary_fd = anonymous_file(dictionary, dictionary_length, dictionary_path, sizeof dictionary_path);
    if (dictionary_fd < 0) {
        release_anonymous_file(affix_fd, affix_path);
        return NULL;
    }
    plhs_dictionary *opened = plhs_open(affix_path, dictionary_path);
    if (opened != NULL) {
        pthread_mutex_lock(&lifecycle);
        if (keeper == NULL) keeper = Hunspell_create(affix_path, dictionary_path);
        pthread_mutex_unlock(&lifecycle);
    }
    release_anonymous_file(affix_fd, affix_path);
    release_anonymous_file(dictionary_fd, dictionary_path);
    return opened;
}

int32_t plhs_spell(plhs_dictionary *dictionary, const char *utf8_word) {
    if (dictionary == NULL || utf8_word == NULL) return -1;
    // Hunspell rejects words longer than MAXWORDLEN (100) anyway; say so explicitly.
    if (strlen(utf8_word) >= 360) return -2;
    return Hunspell_spell(dictionary->handle, utf8_word) ? 1 : 0;
}

void plhs_close(plhs_dictionary *dictionary) {
    if (dictionary == NULL) return;
    pthread_mutex_lock(&lifecycle);
    Hunspell_destroy(dictionary->handle);
    pthread_mutex_unlock(&lifecycle);
    free(dictionary);
}
