/* oom_sweep - every allocation of the loaders fails once (issue 15; Lua's ltests.c idea).
 *
 * For each input and each N = 1, 2, 3 ... the Nth allocation fails (the arena's malloc through
 * the linker's --wrap=malloc, cJSON's through cJSON_InitHooks), until a run needs fewer than
 * N allocations. Under ASan and LSan every run must end without a crash, without a leak (LSan
 * checks at exit), and with an honest answer: when an allocation failed, the loader says it
 * failed; it never returns success with a part missing.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../game/core/comic.h"
#include "../../game/core/jsonx.h"
#include "../../game/core/level.h"
#include "../../game/core/report.h"
#include "../../game/core/seal.h"
#include "../unit/harness.h"

void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n);

static long alloc_count, fail_at; /* fail the fail_at-th allocation; 0: never */
static bool failed;

void *__wrap_malloc(size_t n)
{
    if (fail_at && ++alloc_count == fail_at) {
        failed = true;
        return NULL;
    }
    return __real_malloc(n);
}

static void *counted_malloc(size_t n) { return __wrap_malloc(n); }

static void arm(long n)
{
    alloc_count = 0;
    fail_at = n;
    failed = false;
}

static diag_list d;
static level_game game;

typedef bool (*load_fn)(const char *path, const char *text, size_t len);

static bool load_room(const char *path, const char *text, size_t len)
{
    static level_room room;
    if (!level_load_room(&room, path, text, len, &d)) return false;
    int errors = d.errors;
    level_apply_settings(&room, &game, &d);
    level_free_room(&room);
    return d.errors == errors;
}

static bool load_game(const char *path, const char *text, size_t len)
{
    static level_game g;
    if (!level_load_game(&g, path, text, len, &d)) return false;
    int errors = d.errors;
    level_apply_game_settings(&g, path, &d);
    level_free_game(&g);
    return d.errors == errors;
}

static bool load_comic(const char *path, const char *text, size_t len)
{
    static comic c;
    if (!comic_load(&c, path, text, len, &d)) return false;
    comic_free(&c);
    return true;
}

static bool load_event(const char *path, const char *text, size_t len)
{
    jx_reader r = jx_reader_make(path, text, len, &d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    bool ok = o && report_event_from_json(&r, o, &ev);
    cJSON_Delete(o);
    char out[4096];
    return ok && report_event_to_json(&ev, out, sizeof out);
}

/* The kinds fixture's rooms' texts (read before any sweep: reading disarms it), for the manifest's titles. */
static char *room_texts[LEVEL_MAX_ROOMS];
static char room_names[LEVEL_MAX_ROOMS][64];

static const char *room_text(void *user, const char *file, size_t *len)
{
    (void)user;
    for (int i = 0; i < LEVEL_MAX_ROOMS && room_texts[i]; i++)
        if (strcmp(room_names[i], file) == 0) {
            *len = strlen(room_texts[i]);
            return room_texts[i];
        }
    return NULL;
}

/* The manifest with every room's title (seal_manifest_titles) and its release: a success has
   them all. */
static bool titled_game(const char *path, const char *text, size_t len)
{
    char *out = seal_manifest_titles(path, text, len, 7, room_text, NULL, &d);
    static level_game g;
    diag_list gd = {0};
    bool loaded = out && level_load_game(&g, path, out, strlen(out), &gd), ok = loaded && g.release == 7;
    free(out);
    for (int i = 0; ok && i < g.room_count; i++) ok = !i18n_empty(&g.rooms[i].title);
    if (loaded) level_free_game(&g);
    return ok;
}

/* Sweeps one input; returns how many allocations a whole load takes. */
static long sweep(const char *path, const char *text, size_t len, load_fn fn)
{
    arm(0);
    memset(&d, 0, sizeof d);
    if (!fn(path, text, len)) {
        fprintf(stderr, "  %s does not load even with memory to spare\n", path);
        harness_current_failed = 1;
        return 0;
    }
    long n;
    for (n = 1;; n++) {
        arm(n);
        memset(&d, 0, sizeof d);
        bool ok = fn(path, text, len);
        bool hit = failed;
        arm(0);
        if (!hit) break; /* fewer than n allocations: every one has failed once */
        if (ok) {
            fprintf(stderr, "  %s: allocation %ld failed, yet the load reported success\n", path, n);
            harness_current_failed = 1;
        }
    }
    return n - 1;
}

static char *read_file(const char *path, size_t *len)
{
    arm(0);
    return harness_read(path, len);
}

TEST(every_allocation_of_the_loaders_may_fail_without_a_crash_a_leak_or_a_false_success)
{
    struct { const char *path; load_fn fn; } inputs[] = {
        {"tests/fixtures/kinds/game.json", load_game},
        {"tests/fixtures/kinds/kinds.json", load_room},
        {"tests/fixtures/kinds/small.json", load_room},
        {"tests/fixtures/first-room/outlook.json", load_room},
        {"levels/comics/digituki.json", load_comic},
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t len;
        char *text = read_file(inputs[i].path, &len);
        long n = sweep(inputs[i].path, text, len, inputs[i].fn);
        printf("  %s: each of %ld allocations failed once\n", inputs[i].path, n);
        free(text);
    }
    {
        size_t len;
        char *text = read_file("tests/fixtures/kinds/game.json", &len);
        long n = sweep("tests/fixtures/kinds/game.json", text, len, titled_game);
        printf("  tests/fixtures/kinds/game.json with its rooms' titles: each of %ld allocations failed once\n", n);
        free(text);
    }
    const char *ev = "{\"v\":1,\"seq\":3,\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":[\"a\",\"b\",\"c\"],\"t\":12}";
    long n = sweep("event", ev, strlen(ev), load_event);
    printf("  an event read and written: each of %ld allocations failed once\n", n);
    CHECK(n > 5);
}

int main(void)
{
    cJSON_InitHooks(&(cJSON_Hooks){.malloc_fn = counted_malloc, .free_fn = free});
    size_t len;
    char *text = read_file("tests/fixtures/kinds/game.json", &len);
    memset(&d, 0, sizeof d);
    if (!level_load_game(&game, "game.json", text, len, &d)) return 2;
    free(text);
    for (int i = 0; i < game.room_count; i++) {
        char path[128];
        snprintf(room_names[i], sizeof room_names[i], "%s", game.rooms[i].file);
        snprintf(path, sizeof path, "tests/fixtures/kinds/%s", game.rooms[i].file);
        room_texts[i] = read_file(path, &len);
    }
    RUN(every_allocation_of_the_loaders_may_fail_without_a_crash_a_leak_or_a_false_success);
    for (int i = 0; i < LEVEL_MAX_ROOMS; i++) free(room_texts[i]);
    level_free_game(&game);
    return harness_done();
}
