/* The floor under any Markdown-aware linter's speed: read each file named on the command
 * line and parse it with cmark-gfm, with the options and extensions postlint uses
 * (Sources/PostLint/Document/MarkdownStructure.swift), and nothing else: no rule, no
 * report. One thread per core takes the next file, as postlint's workers do. bench/run
 * times it beside the peers. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char **paths;
static int path_count;
static atomic_int next_path;
static atomic_int failures;

static void parse(const char *path) {
    static const char *extension_names[] = {"table", "strikethrough", "autolink", "tasklist"};
    FILE *file = fopen(path, "rb");
    if (!file) {
        fprintf(stderr, "cannot read %s\n", path);
        atomic_fetch_add(&failures, 1);
        return;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc(size > 0 ? (size_t)size : 1);
    size_t read = fread(text, 1, size > 0 ? (size_t)size : 0, file);
    fclose(file);
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (size_t index = 0; index < sizeof extension_names / sizeof *extension_names; index++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[index]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, text, read);
    cmark_node_free(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    free(text);
}

static void *worker(void *unused) {
    (void)unused;
    for (int index; (index = atomic_fetch_add(&next_path, 1)) < path_count;) parse(paths[index]);
    return NULL;
}

int main(int argc, char **argv) {
    paths = argv + 1;
    path_count = argc - 1;
    /* Registering is not thread-safe: once, before the workers start. */
    cmark_gfm_core_extensions_ensure_registered();
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
    pthread_t workers[64];
    for (int thread = 0; thread < threads; thread++) pthread_create(&workers[thread], NULL, worker, NULL);
    for (int thread = 0; thread < threads; thread++) pthread_join(workers[thread], NULL);
    return atomic_load(&failures) ? 2 : 0;
}
