#ifndef POSTLINT_ICU_WORD_BREAK_H
#define POSTLINT_ICU_WORD_BREAK_H

// ICU's word-break iterator (UAX #29 plus ICU's dictionaries) over UTF-8 text, with
// plain C types only. Offsets are UTF-8 byte offsets into the given text.

#include <stdint.h>

/// Finds the words of `utf8` (segments ICU tags as letters, kana or ideographs; numbers,
/// spaces and punctuation are left out) and writes each as a pair start, end into
/// `bounds` (so `capacity` must be twice the number of words expected).
/// Returns the number of words, -2 when `bounds` is too small, -3 on an ICU failure.
/// Thread-safe: each thread keeps its own iterator.
int32_t plicu_word_segments(const char *utf8, int32_t length, int32_t *bounds, int32_t capacity);

#endif
