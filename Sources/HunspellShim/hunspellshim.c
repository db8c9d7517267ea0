#include "HunspellShim.h"

#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct plhs_dictionary {
    Hunhandle *handle;
};

static int readable(const char *path) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return 0;
    fclose(file);
    return 1;
}

plhs_dictionary *plhs_open(const char *affix_path, const char *dictionary_path) {
    // Hunspell_create does not report missing files; check first so callers can fall back.
    if (!readable(affix_path) || !readable(dictionary_path)) return NULL;
    Hunhandle *handle = Hunspell_create(affix_path, dictionary_path);
    if (handle == NULL) return NULL;
    plhs_dictionary *dictionary = (plhs_dictionary *)malloc(sizeof(plhs_dictionary));
    if (dictionary == NULL) {
        Hunspell_destroy(handle);
        return NULL;
    }
    dictionary->handle = handle;
    return dictionary;
}

int32_t plhs_spell(plhs_dictionary *dictionary, const char *utf8_word) {
    if (dictionary == NULL || utf8_word == NULL) return -1;
    // Hunspell rejects words longer than MAXWORDLEN (100) anyway; say so explicitly.
    if (strlen(utf8_word) >= 360) return -2;
    return Hunspell_spell(dictionary->handle, utf8_word) ? 1 : 0;
}

void plhs_close(plhs_dictionary *dictionary) {
    if (dictionary == NULL) return;
    Hunspell_destroy(dictionary->handle);
    free(dictionary);
}
