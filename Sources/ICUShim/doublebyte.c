#include "ICUDoubleByte.h"

#include <unicode/ucnv.h>

/// The one code point `bytes` decode to, or -1 (undefined or several characters);
/// `roundTrip` tells whether encoding it again gives the same bytes.
static int32_t decode_one(UConverter *converter, const char *bytes, int32_t length, uint8_t *roundTrip) {
    *roundTrip = 0;
    UErrorCode status = U_ZERO_ERROR;
    UChar text[4];
    ucnv_resetToUnicode(converter);
    int32_t units = ucnv_toUChars(converter, text, 4, bytes, length, &status);
    if (U_FAILURE(status) || units < 1 || units > 2) return -1;
    int32_t codePoint = text[0];
    if (units == 2) {
        if ((text[0] & 0xFC00) != 0xD800 || (text[1] & 0xFC00) != 0xDC00) return -1;
        codePoint = 0x10000 + ((text[0] - 0xD800) << 10) + (text[1] - 0xDC00);
    }
    char back[8];
    ucnv_resetFromUnicode(converter);
    int32_t written = ucnv_fromUChars(converter, back, 8, text, units, &status);
    if (U_FAILURE(status) || written != length) return codePoint;
    for (int32_t index = 0; index < length; index++) {
        if (back[index] != bytes[index]) return codePoint;
    }
    *roundTrip = 1;
    return codePoint;
}

int32_t plicu_double_byte_table(const char *charset, int32_t *codePoints, uint8_t *roundTrips) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -3;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    for (int32_t index = 0; index < 65536; index++) {
        codePoints[index] = -1;
        roundTrips[index] = 0;
    }
    for (int32_t byte = 0x80; byte <= 0xFF; byte++) {
        char single[1] = {(char)byte};
        codePoints[byte] = decode_one(converter, single, 1, &roundTrips[byte]);
    }
    for (int32_t lead = 0x81; lead <= 0xFE; lead++) {
        for (int32_t trail = 0x40; trail <= 0xFE; trail++) {
            char pair[2] = {(char)lead, (char)trail};
            codePoints[lead << 8 | trail] = decode_one(converter, pair, 2, &roundTrips[lead << 8 | trail]);
        }
    }
    ucnv_close(converter);
    return 0;
}

void *plicu_double_byte_open(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return NULL;
    }
    return converter;
}

void plicu_double_byte_close(void *converter) {
    if (converter) ucnv_close((UConverter *)converter);
}

int32_t plicu_double_byte_encode(void *handle, int32_t codePoint, uint8_t *bytes) {
    UConverter *converter = (UConverter *)handle;
    if (!converter || codePoint < 0x80 || codePoint > 0xFFFF || (codePoint & 0xF800) == 0xD800) return 0;
    UChar text[1] = {(UChar)codePoint};
    char encoded[8];
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(converter);
    int32_t written = ucnv_fromUChars(converter, encoded, 8, text, 1, &status);
    if (U_FAILURE(status) || written < 1 || written > 2) return 0;
    uint8_t roundTrip = 0;
    if (decode_one(converter, encoded, written, &roundTrip) != codePoint || !roundTrip) return 0;
    for (int32_t index = 0; index < written; index++) bytes[index] = (uint8_t)encoded[index];
    return written;
}
