#include "ICUWordBreak.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

// Opening a word-break iterator loads its rules; keep one per thread and re-point it at
// each text (ubrk_setUText) instead of opening a new one per call.
static _Thread_local UBreakIterator *thread_iterator = NULL;

static UBreakIterator *word_iterator(UErrorCode *status) {
    if (thread_iterator == NULL) {
        thread_iterator = ubrk_open(UBRK_WORD, "ko", NULL, 0, status);
        if (U_FAILURE(*status)) thread_iterator = NULL;
    }
    return thread_iterator;
}

int32_t plicu_word_segments(const char *utf8, int32_t length, int32_t *bounds, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = word_iterator(&status);
    if (iterator == NULL) return -3;
    // A UTF-8 UText makes ICU's native indexes UTF-8 byte offsets: no UTF-16 copy.
    UText *text = utext_openUTF8(NULL, utf8, length, &status);
    if (U_FAILURE(status)) return -3;
    ubrk_setUText(iterator, text, &status);
    if (U_FAILURE(status)) {
        utext_close(text);
        return -3;
    }
    int32_t count = 0;
    int32_t start = ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; start = end, end = ubrk_next(iterator)) {
        int32_t tag = ubrk_getRuleStatus(iterator);
        if (tag < UBRK_WORD_LETTER || tag >= UBRK_WORD_IDEO_LIMIT) continue;
        if (2 * count + 1 >= capacity) {
            count = -2;
            break;
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count += 1;
    }
    // Detach the text before closing it, so the cached iterator never points at freed memory.
    UErrorCode detach = U_ZERO_ERROR;
    UText *empty = utext_openUTF8(NULL, "", 0, &detach);
    ubrk_setUText(iterator, empty, &detach);
    utext_close(text);
    utext_close(empty);
    return count;
}
