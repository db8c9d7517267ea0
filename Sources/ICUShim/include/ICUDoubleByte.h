#ifndef POSTLINT_ICU_DOUBLE_BYTE_H
#define POSTLINT_ICU_DOUBLE_BYTE_H

// The round-trip table of an East Asian double-byte code page (windows-949, Shift_JIS,
// GBK), for the mojibake rule: which character each byte or byte pair decodes to.

#include <stdint.h>

/// Fills `codePoints[65536]`: entry `lead << 8 | trail` (lead 0x81...0xFE) is the code
/// point the pair decodes to, and entry `byte` (0x80...0xFF) the code point of that single
/// byte; -1 where the bytes are undefined or decode to more than one code point.
/// `roundTrips[65536]` is 1 where encoding the code point again gives the same bytes, 0
/// where ICU encodes it otherwise (Shift_JIS decodes both ED 8C and FA A8 to U+752F).
/// Returns 0, or -3 when the converter cannot be opened.
int32_t plicu_double_byte_table(const char *charset, int32_t *codePoints, uint8_t *roundTrips);

/// Opens a converter for `charset` that stops at anything it cannot map (for
/// `plicu_double_byte_encode`); NULL when it cannot be opened. Not thread-safe: one per user.
void *plicu_double_byte_open(const char *charset);
void plicu_double_byte_close(void *converter);

/// Writes to `bytes` (room for 2) the bytes ICU encodes `codePoint` to, when they are one
/// or two bytes that decode back to it exactly; returns their count, or 0 (no such bytes).
/// One conversion per character instead of the whole table: the mojibake rule meets a few
/// dozen distinct characters in a post, the table has 24,000 entries.
int32_t plicu_double_byte_encode(void *converter, int32_t codePoint, uint8_t *bytes);

#endif
