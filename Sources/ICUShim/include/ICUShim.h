#ifndef POSTLINT_ICU_SHIM_H
#define POSTLINT_ICU_SHIM_H

// postlint's own plain-C view of ICU. Only plain C types cross this boundary, so Swift
// never sees ICU's headers (which clash with Foundation's private copy of ICU).
// Every function returns the length written, or a negative number:
//   -1  the input cannot be converted (unmappable or illegal sequence)
//   -2  the output buffer is too small
//   -3  ICU could not open the converter or another ICU failure

#include <stdint.h>

/// UTF-8 text -> bytes in `charset`. Unmappable characters fail the whole conversion.
int32_t plicu_encode(const char *charset, const char *utf8, int32_t length,
                     char *output, int32_t capacity);

/// Bytes in `charset` -> UTF-8. Illegal or unassigned bytes fail the conversion.
int32_t plicu_decode(const char *charset, const char *bytes, int32_t length,
                     char *output, int32_t capacity);

/// Guesses the charset of `bytes` with ICU's detector. Writes the name (NUL-terminated)
/// and returns the confidence 0...100, or a negative number when nothing matched.
int32_t plicu_detect(const char *bytes, int32_t length, char *name, int32_t capacity);

/// 1 when the UTF-8 text is already in NFC, 0 when not, negative on failure.
int32_t plicu_is_nfc(const char *utf8, int32_t length);

/// Writes the NFC form of UTF-8 text as UTF-8.
int32_t plicu_to_nfc(const char *utf8, int32_t length, char *output, int32_t capacity);

/// ICU's UScriptCode of a code point (e.g. 18 = Hangul, 25 = Latin, 0 = Common).
int32_t plicu_script(int32_t codePoint);

/// The code point each single byte decodes to in the single-byte `charset`: fills
/// `codePoints[256]`, with -1 for bytes the code page leaves undefined or unmapped.
/// Returns 0, or a negative number when the converter cannot be opened.
int32_t plicu_byte_table(const char *charset, int32_t *codePoints);

/// ICU's general category (UCharCategory) of a code point: 0 unassigned, 17 private use...
int32_t plicu_char_type(int32_t codePoint);

/// 1 when the code point is Extended_Pictographic (an emoji or pictograph), else 0.
int32_t plicu_is_pictographic(int32_t codePoint);

/// The NFC quick-check value of a code point: 1 yes (may stay as it is), 0 no (never
/// occurs in NFC, e.g. U+212B ANGSTROM SIGN), 2 maybe (combining: may compose with what
/// comes before it, e.g. a decomposed Hangul vowel jamo).
int32_t plicu_nfc_quick_check(int32_t codePoint);

/// 1 when NFC has a boundary before this code point (text can be split there), else 0.
int32_t plicu_nfc_boundary_before(int32_t codePoint);

#endif
