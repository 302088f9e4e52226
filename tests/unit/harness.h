/* harness.h - a tiny test harness: TEST(name) functions registered by RUN, checks that keep
 * going after a failure, and the closing line "N passed, N failed" that CI reads.
 *
 *   TEST(loading_a_room_gives_its_puzzles) { CHECK(room.puzzle_count == 2); }
 *   int main(void) { RUN(loading_a_room_gives_its_puzzles); return harness_done(); }
 */
#ifndef PK_HARNESS_H
#define PK_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed, harness_failed, harness_current_failed;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                                           \
    do {                                                                                      \
        if (!(cond)) {                                                                        \
            fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
            harness_current_failed = 1;                                                       \
        }                                                                                     \
    } while (0)

#define CHECK_STR(a, b)                                                                       \
    do {                                                                                      \
        const char *a_ = (a), *b_ = (b);                                                      \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                              \
            fprintf(stderr, "  %s:%d: CHECK_STR failed: \"%s\" != \"%s\"\n", __FILE__,       \
                    __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                        \
            harness_current_failed = 1;                                                       \
        }                                                                                     \
    } while (0)

#define CHECK_CONTAINS(hay, needle)                                                           \
    do {                                                                                      \
        const char *h_ = (hay), *n_ = (needle);                                               \
        if (!h_ || !strstr(h_, n_)) {                                                         \
            fprintf(stderr, "  %s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, \
                    h_ ? h_ : "(null)", n_);                                                  \
            harness_current_failed = 1;                                                       \
        }                                                                                     \
    } while (0)

#define RUN(name)                                                                             \
    do {                                                                                      \
        harness_current_failed = 0;                                                           \
        name();                                                                               \
        if (harness_current_failed) {                                                         \
            harness_failed++;                                                                 \
            fprintf(stderr, "FAIL %s\n", #name);                                              \
        } else {                                                                              \
            harness_passed++;                                                                 \
        }                                                                                     \
    } while (0)

static inline int harness_done(void)
{
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}

/* Reads a whole file for tests; the caller frees it. Aborts the test binary if missing. */
static inline char *harness_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s (run tests from the repo root)\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1); /* not "buf": the server's tests include buf.h's type */
    if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) exit(2);
    text[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return text;
}

#endif
