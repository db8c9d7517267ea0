#ifndef POSTLINT_ICU_REGEX_H
#define POSTLINT_ICU_REGEX_H

// ICU regular expressions over UTF-8 text, for rule patterns (built-in and user-written).
// Plain C types only (see ICUShim.h for why). Offsets are UTF-8 byte offsets into the
// text given to plicu_regex_set_text. A handle is not thread-safe: clone it per thread.
//
// Results:
//    1  a match was found (find) / success
//    0  no further match
//   -3  ICU failure
//   -4  the match ran over its time limit (a catastrophic pattern on this text)
//   -5  the pattern has more groups than `capacity` allows

#include <stdint.h>

/// Compiles `pattern` (UTF-8). Flags: 1 = case-insensitive, 2 = multi-line (^ and $ at
/// lines). On failure returns NULL and writes a NUL-terminated explanation into `error`
/// (and the pattern offset of the mistake into *errorOffset, or -1).
void *plicu_regex_open(const char *pattern, int32_t length, int32_t flags,
                       char *error, int32_t errorCapacity, int32_t *errorOffset);

/// A copy that shares the compiled pattern and can match on another thread.
void *plicu_regex_clone(const void *regex);

void plicu_regex_close(void *regex);

/// Number of capture groups of the pattern.
int32_t plicu_regex_group_count(const void *regex);

/// Sets the UTF-8 text to search (ICU reads it in place: keep it alive while matching)
/// and the time limit of each match in ICU's steps (~ milliseconds; 0 = no limit).
int32_t plicu_regex_set_text(void *regex, const char *utf8, int64_t length, int32_t timeLimit);

/// Sets UTF-16 text instead (ICU's native form, much faster to search than UTF-8);
/// offsets are then UTF-16 code unit indices.
int32_t plicu_regex_set_text16(void *regex, const uint16_t *utf16, int32_t length, int32_t timeLimit);
/// Finds the next match. Writes start/end byte offsets of group 0...n into `ranges`
/// (2 entries per group, -1 for groups that did not take part).
int32_t plicu_regex_find_next(void *regex, int64_t *ranges, int32_t capacity);

#endif
