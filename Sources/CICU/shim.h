// Only C code includes ICU's headers (see Sources/ICUShim); Swift imports ICUShim instead.
#include <unicode/ucnv.h>
