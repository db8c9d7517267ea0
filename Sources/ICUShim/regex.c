#include "ICURegex.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

// A compiled pattern with the UText it currently searches (ICU keeps a pointer to it),
// and where the next search resumes after a non-empty match (-1: no reset needed).
typedef struct {
    URegularExpression *regex;
    UText *text;
    int64_t resume;
    // `\G` matches where the previous match ended, which a reset forgets: such patterns
    // keep ICU's own find-next (and its whole-text time limit).
    int resettable;
} plicu_regex;

static void copy_error(const char *message, char *error, int32_t capacity) {
    if (error == NULL || capacity <= 0) return;
    strncpy(error, message, (size_t)capacity - 1);
    error[capacity - 1] = 0;
}

void *plicu_regex_open(const char *pattern, int32_t length, int32_t flags,
                       char *error, int32_t errorCapacity, int32_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    uint32_t icuFlags = 0;
    if (flags & 1) icuFlags |= UREGEX_CASE_INSENSITIVE;
    if (flags & 2) icuFlags |= UREGEX_MULTILINE;
    UText *source = utext_openUTF8(NULL, pattern, length, &status);
    URegularExpression *regex = uregex_openUText(source, icuFlags, &parse, &status);
    utext_close(source);
    if (errorOffset) *errorOffset = -1;
    if (U_FAILURE(status)) {
        if (errorOffset && parse.offset >= 0) *errorOffset = parse.offset;
        copy_error(u_errorName(status), error, errorCapacity);
        if (regex) uregex_close(regex);
        return NULL;
    }
    plicu_regex *handle = calloc(1, sizeof(plicu_regex));
    if (handle == NULL) {
        uregex_close(regex);
        copy_error("out of memory", error, errorCapacity);
        return NULL;
    }
    handle->regex = regex;
    handle->resettable = 1;
    for (int32_t index = 0; index + 1 < length; index++) {
        if (pattern[index] == '\\' && pattern[index + 1] == 'G') handle->resettable = 0;
    }
    return handle;
}

void *plicu_regex_clone(const void *regex) {
    const plicu_regex *original = regex;
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *copy = uregex_clone(original->regex, &status);
    if (U_FAILURE(status)) return NULL;
    plicu_regex *handle = calloc(1, sizeof(plicu_regex));
    if (handle == NULL) {
        uregex_close(copy);
        return NULL;
    }
    handle->regex = copy;
    handle->resettable = original->resettable;
    return handle;
}

void plicu_regex_close(void *regex) {
    plicu_regex *handle = regex;
    if (handle == NULL) return;
    uregex_close(handle->regex);
    if (handle->text) utext_close(handle->text);
    free(handle);
}

int32_t plicu_regex_group_count(const void *regex) {
    const plicu_regex *handle = regex;
    UErrorCode status = U_ZERO_ERROR;
    int32_t count = uregex_groupCount(handle->regex, &status);
    return U_FAILURE(status) ? -3 : count;
}

int32_t plicu_regex_set_text(void *regex, const char *utf8, int64_t length, int32_t timeLimit) {
    plicu_regex *handle = regex;
    UErrorCode status = U_ZERO_ERROR;
    UText *text = utext_openUTF8(handle->text, utf8, length, &status);
    if (U_FAILURE(status)) return -3;
    handle->text = text;
    uregex_setUText(handle->regex, text, &status);
    uregex_setTimeLimit(handle->regex, timeLimit, &status);
    handle->resume = -1;
    return U_FAILURE(status) ? -3 : 1;
}

int32_t plicu_regex_set_text16(void *regex, const uint16_t *utf16, int32_t length, int32_t timeLimit) {
    plicu_regex *handle = regex;
    UErrorCode status = U_ZERO_ERROR;
    uregex_setText(handle->regex, (const UChar *)utf16, length, &status);
    uregex_setTimeLimit(handle->regex, timeLimit, &status);
    handle->resume = -1;
    return U_FAILURE(status) ? -3 : 1;
}

int32_t plicu_regex_find_next(void *regex, int64_t *ranges, int32_t capacity) {
    plicu_regex *handle = regex;
    UErrorCode status = U_ZERO_ERROR;
    // ICU counts a matcher's time across its finds until it is reset, so a long post with
    // thousands of matches ran a well-behaved pattern out of time. Resetting at the end of
    // the last match makes the limit hold for each match, as meant (after an empty match
    // findNext itself moves on, so there is no reset then).
    if (handle->resettable && handle->resume >= 0) uregex_reset64(handle->regex, handle->resume, &status);
    UBool found = uregex_findNext(handle->regex, &status);
    if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) return -4;
    if (U_FAILURE(status)) return -3;
    if (!found) return 0;
    int32_t groups = uregex_groupCount(handle->regex, &status);
    if (2 * (groups + 1) > capacity) return -5;
    for (int32_t group = 0; group <= groups; group++) {
        ranges[2 * group] = uregex_start64(handle->regex, group, &status);
        ranges[2 * group + 1] = uregex_end64(handle->regex, group, &status);
    }
    handle->resume = ranges[1] > ranges[0] ? ranges[1] : -1;
    return U_FAILURE(status) ? -3 : 1;
}
