/* fuzz.h - what the libFuzzer targets share: reading the shipped content once.
 *
 * Each target is one file with LLVMFuzzerTestOneInput; tests/fuzz/fuzz.mk builds it with clang
 * and -fsanitize=fuzzer,address,undefined (float-cast-overflow included), so a crash, a leak,
 * a read out of bounds or undefined behaviour on any input stops the fuzzer with the input.
 * Properties are checked with FUZZ_ASSERT: a failure aborts, which libFuzzer reports as a crash.
 */
#ifndef PK_FUZZ_H
#define PK_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond)                                                                     \
    do {                                                                                      \
        if (!(cond)) {                                                                        \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);      \
            abort();                                                                          \
        }                                                                                     \
    } while (0)

/* The repository's levels folder: PAKOPELI_LEVELS, else "levels" (make runs from the root). */
static inline const char *fuzz_levels(void)
{
    const char *d = getenv("PAKOPELI_LEVELS");
    return d && *d ? d : "levels";
}

/* A whole file, NUL-terminated; the caller frees it. Aborts when it is missing. */
static inline char *fuzz_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fuzz: cannot open %s (run from the repo root)\n", path);
        abort();
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) abort();
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
