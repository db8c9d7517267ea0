#include "ICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

static int32_t status_result(UErrorCode status, int32_t written) {
    if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
    if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND ||
        status == U_TRUNCATED_CHAR_FOUND || status == U_ILLEGAL_ESCAPE_SEQUENCE)
        return -1;
    if (U_FAILURE(status)) return -3;
    return written;
}

static UConverter *open_strict(const char *charset, UErrorCode *status) {
    UConverter *converter = ucnv_open(charset, status);
    if (U_FAILURE(*status)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, status);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, status);
    return converter;
}

static int32_t convert(const char *to, const char *from, const char *input, int32_t length,
                       char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *target = open_strict(to, &status);
    UConverter *source = open_strict(from, &status);
    if (U_FAILURE(status)) {
        if (target) ucnv_close(target);
        if (source) ucnv_close(source);
        return -3;
    }
    char *out = output;
    const char *in = input;
    ucnv_convertEx(target, source, &out, output + capacity, &in, input + length,
                   NULL, NULL, NULL, NULL, 1, 1, &status);
    int32_t written = (int32_t)(out - output);
    ucnv_close(target);
    ucnv_close(source);
    return status_result(status, written);
}

int32_t plicu_encode(const char *charset, const char *utf8, int32_t length,
                     char *output, int32_t capacity) {
    return convert(charset, "UTF-8", utf8, length, output, capacity);
}

int32_t plicu_decode(const char *charset, const char *bytes, int32_t length,
                     char *output, int32_t capacity) {
    return convert("UTF-8", charset, bytes, length, output, capacity);
}

int32_t plicu_detect(const char *bytes, int32_t length, char *name, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -3;
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && (int32_t)strlen(found) < capacity) {
            strcpy(name, found);
        } else {
            confidence = -2;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

/// UTF-8 -> freshly allocated UTF-16; the caller frees it.
static UChar *utf16_from_utf8(const char *utf8, int32_t length, int32_t *utf16Length) {
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, utf16Length, utf8, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
    status = U_ZERO_ERROR;
    UChar *utf16 = (UChar *)malloc(sizeof(UChar) * (size_t)(*utf16Length + 1));
    u_strFromUTF8(utf16, *utf16Length + 1, NULL, utf8, length, &status);
    if (U_FAILURE(status)) { free(utf16); return NULL; }
    return utf16;
}

int32_t plicu_is_nfc(const char *utf8, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    int32_t utf16Length = 0;
    UChar *utf16 = utf16_from_utf8(utf8, length, &utf16Length);
    if (U_FAILURE(status) || utf16 == NULL) { free(utf16); return -3; }
    UBool normalized = unorm2_isNormalized(nfc, utf16, utf16Length, &status);
    free(utf16);
    return U_FAILURE(status) ? -3 : (normalized ? 1 : 0);
}

int32_t plicu_to_nfc(const char *utf8, int32_t length, char *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    int32_t utf16Length = 0;
    UChar *utf16 = utf16_from_utf8(utf8, length, &utf16Length);
    if (U_FAILURE(status) || utf16 == NULL) { free(utf16); return -3; }
    int32_t normalizedCapacity = utf16Length * 3 + 16;
    UChar *normalized = (UChar *)malloc(sizeof(UChar) * (size_t)normalizedCapacity);
    int32_t normalizedLength = unorm2_normalize(nfc, utf16, utf16Length, normalized,
                                                normalizedCapacity, &status);
    free(utf16);
    int32_t written = 0;
    if (U_SUCCESS(status)) {
        u_strToUTF8(output, capacity, &written, normalized, normalizedLength, &status);
    }
    free(normalized);
    return status_result(status, written);
}

int32_t plicu_script(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(codePoint, &status);
    return U_FAILURE(status) ? -3 : (int32_t)script;
}

int32_t plicu_byte_table(const char *charset, int32_t *codePoints) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = open_strict(charset, &status);
    if (U_FAILURE(status)) return -3;
    for (int32_t byte = 0; byte < 256; byte++) {
        char input = (char)byte;
        UChar output[4];
        UErrorCode byteStatus = U_ZERO_ERROR;
        ucnv_reset(converter);
        int32_t length = ucnv_toUChars(converter, output, 4, &input, 1, &byteStatus);
        codePoints[byte] = -1;
        if (U_SUCCESS(byteStatus) && length == 1 && output[0] != 0xFFFD) {
            codePoints[byte] = output[0];
        }
    }
    ucnv_close(converter);
    return 0;
}

int32_t plicu_char_type(int32_t codePoint) {
    return (int32_t)u_charType(codePoint);
}

int32_t plicu_is_pictographic(int32_t codePoint) {
    return u_hasBinaryProperty(codePoint, UCHAR_EXTENDED_PICTOGRAPHIC) ? 1 : 0;
}

int32_t plicu_nfc_quick_check(int32_t codePoint) {
    return u_getIntPropertyValue(codePoint, UCHAR_NFC_QUICK_CHECK);
}

int32_t plicu_nfc_boundary_before(int32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    return U_SUCCESS(status) && unorm2_hasBoundaryBefore(nfc, codePoint) ? 1 : 0;
}
