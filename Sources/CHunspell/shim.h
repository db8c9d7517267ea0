// Only C code includes Hunspell's headers (see Sources/HunspellShim); Swift imports
// HunspellShim instead, the same pattern as ICU.
#include <hunspell.h>
