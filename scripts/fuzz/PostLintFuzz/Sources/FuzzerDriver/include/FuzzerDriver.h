#ifndef POSTLINT_FUZZER_DRIVER_H
#define POSTLINT_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's documented entry for programs that keep their own main()
// (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library). SwiftPM links every
// executable target with its own renamed main, so the fuzz target calls this from there.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
