#ifndef POSTLINT_HUNSPELL_SHIM_H
#define POSTLINT_HUNSPELL_SHIM_H

// postlint's own plain-C view of Hunspell: open a dictionary, ask whether a word is
// spelled correctly. Words are UTF-8 (both dictionaries postlint uses declare SET UTF-8).
// A handle is NOT thread-safe: use one handle per thread, or a lock around each call.

#include <stddef.h>
#include <stdint.h>

typedef struct plhs_dictionary plhs_dictionary;

/// Opens `affix_path` + `dictionary_path`; NULL when either file is missing or unreadable.
plhs_dictionary *plhs_open(const char *affix_path, const char *dictionary_path);

/// 1 when the word is correct, 0 when not, negative for a NULL handle or an over-long word.
int32_t plhs_spell(plhs_dictionary *dictionary, const char *utf8_word);

/// Opens a dictionary held in memory (affix and dictionary file texts): Hunspell reads only
/// from paths, so the texts go through anonymous files (memfd on Linux, unlinked temporary
/// files elsewhere). NULL when they cannot be written or Hunspell refuses them.
plhs_dictionary *plhs_open_texts(const char *affix, size_t affix_length, const char *dictionary, size_t dictionary_length);

void plhs_close(plhs_dictionary *dictionary);

#endif
