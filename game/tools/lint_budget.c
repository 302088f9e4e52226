/* lint_budget.c - the first load as served, against its budget (docs/performance.md: 600 kB).
 *
 * The first load is what a player's browser fetches before the first interactive frame: the
 * page, the engine (pakopeli.js, pakopeli.wasm), the interface fonts, levels/game.json, the
 * room a new player starts in, the hub, and its pictures. The other rooms come after that
 * frame when the hub is the manifest's first room (the build copies every room's title into
 * game.json for the lobby: pakopeli-seal; game/front/app.c, can_defer_rooms), else before it;
 * the comics, the comic font and the other rooms' pictures after it (request_rest;
 * game/tools/preload.mjs lists the same content). The
 * report server sends text-like files gzip -9 compressed when that is smaller (files.c), and
 * PNG and JPEG as they are; this file counts them the same way, with zlib.
 *
 * The engine's share is measured from the built game (--web, default <root>/build/web) when it
 * is there, else taken from ENGINE_ESTIMATE (the last measured size, docs/performance.md), so
 * `make lint` works before a build. tests/e2e/quality.test.mjs measures the real first load in
 * a browser and holds the linter's number to it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <zlib.h>

#include "../core/seal.h"
#include "lint.h"

enum {
    FIRST_LOAD_BUDGET = 600 * 1000, /* bytes as served (gzip): BUDGETS.firstLoadServed */
    /* page, engine and interface fonts as served (gzip), when no build is at hand: the last
       measurement (`pakopeli-lint --budget --web build/web levels/`, 2026-11-28, issue 18);
       tests/e2e/quality.test.mjs fails when a build differs from it by more than 5 % */
    ENGINE_ESTIMATE = 321 * 1000
};

static bool compressible(const char *path)
{
    static const char *const ext[] = {".html", ".js", ".css", ".json", ".wasm", ".svg", ".ttf", ".otf", ".txt", NULL};
    size_t n = strlen(path);
    for (int i = 0; ext[i]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(path + n - e, ext[i]) == 0) return true;
    }
    return false;
}

/* Bytes of a text gzip -9 compressed, or as it is when that is not smaller. */
static long gzipped(const unsigned char *raw, size_t len)
{
    uLongf cap = compressBound(len) + 32;
    unsigned char *out = malloc(cap);
    long size = (long)len;
    /* a gzip stream: deflate at level 9 with gzip's header and trailer (windowBits 15 + 16) */
    z_stream z = {0};
    if (out && deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK) {
        z.next_in = (unsigned char *)raw;
        z.avail_in = (uInt)len;
        z.next_out = out;
        z.avail_out = (uInt)cap;
        if (deflate(&z, Z_FINISH) == Z_STREAM_END && (long)z.total_out < size) size = (long)z.total_out;
        deflateEnd(&z);
    }
    free(out);
    return size;
}

/* A room as the game gets it: sealed (game/core/seal.h), which its tags make a little larger;
   the plain file's size when it does not seal (its own errors say why). */
static long served_room(const lint_file *f)
{
    diag_list d = {0};
    char *sealed = NULL;
    if (!f->text || !seal_room(f->path, f->text, f->len, &sealed, &d)) return -1;
    long n = gzipped((const unsigned char *)sealed, strlen(sealed));
    free(sealed);
    return n;
}

/* Bytes of a file as the report server sends it; -1 when it cannot be read. */
static long served(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return -1;
    struct stat st;
    if (fstat(fileno(fp), &st) != 0) {
        fclose(fp);
        return -1;
    }
    size_t len = (size_t)st.st_size;
    if (!compressible(path)) {
        fclose(fp);
        return (long)len;
    }
    unsigned char *raw = malloc(len + 1);
    size_t got = raw ? fread(raw, 1, len, fp) : 0;
    fclose(fp);
    if (!raw || got != len) {
        free(raw);
        return -1;
    }
    long size = gzipped(raw, len);
    free(raw);
    return size;
}

/* The engine's share: every file of the built page's first load but the content (levels/,
   assets/). The comic's font (fonts/comic.ttf) comes only when a comic opens (app.c). */
static long engine_bytes(const char *web, bool *measured)
{
    static const char *const files[] = {"index.html", "style.css", "shell.js", "report.js", "pakopeli.js", "pakopeli.wasm",
                                        "fonts/ui-regular.ttf", "fonts/ui-bold.ttf", NULL};
    char path[sizeof ((lint_run *)0)->root + 64];
    snprintf(path, sizeof path, "%s/pakopeli.wasm", web);
    struct stat st;
    *measured = stat(path, &st) == 0;
    if (!*measured) return ENGINE_ESTIMATE;
    long sum = 0;
    for (int i = 0; files[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", web, files[i]);
        long n = served(path);
        if (n > 0) sum += n;
    }
    return sum;
}

typedef struct asset_cost {
    const char *asset;        /* as written in the room */
    lint_file *f;             /* the first room that uses it */
    char path[DIAG_PATH_MAX]; /* where */
    long bytes;
} asset_cost;

static void add_asset(asset_cost *list, int *n, int cap, lint_file *f, const char *path, const char *asset)
{
    if (!asset) return;
    for (int i = 0; i < *n; i++)
        if (strcmp(list[i].asset, asset) == 0) return; /* fetched once */
    if (*n == cap) return;
    asset_cost *a = &list[(*n)++];
    a->asset = asset;
    a->f = f;
    snprintf(a->path, sizeof a->path, "%s", path);
    a->bytes = 0;
}

void lint_check_budget(lint_run *run)
{
    if (!run->game || !run->manifest_ok) return;
    char web[sizeof run->root + 16];
    if (run->opt.web) snprintf(web, sizeof web, "%s", run->opt.web);
    else snprintf(web, sizeof web, "%s/build/web", run->root);
    bool measured; /* else the estimate: a later build may tell a slightly different story */
    long total = engine_bytes(web, &measured), content = 0;
    long g = served(run->game->path);
    if (g > 0) content += g;
    static asset_cost assets[512];
    int n = 0;
    char path[DIAG_PATH_MAX];
    /* the start room: the hub, else the first room (app.c, start_playing) */
    int start = run->manifest.hub ? level_find_room(&run->manifest, run->manifest.hub) : -1;
    if (start < 0) start = 0;
    bool deferred = run->manifest.room_count > 1 && run->manifest.hub && start == 0; /* app.c can_defer_rooms */
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        if (f->ref < 0 || f->kind != LINT_ROOM) continue;
        if (deferred && f->ref != start) continue;
        long b = served_room(f);
        if (b < 0) b = served(f->path);
        if (b > 0) content += b;
        if (f->ref != start || !f->loaded) continue;
        const level_room *r = &f->room;
        add_asset(assets, &n, 512, f, "scene.background", r->background);
        for (int w = 0; w < r->widget_count; w++) {
            snprintf(path, sizeof path, "scene.widgets[%d].image", w);
            add_asset(assets, &n, 512, f, path, r->widgets[w].image);
        }
        for (int k = 0; k < r->item_count; k++) {
            snprintf(path, sizeof path, "items[%d].icon", k);
            add_asset(assets, &n, 512, f, path, r->items[k].icon);
        }
    }
    for (int i = 0; i < n; i++) {
        char full[sizeof run->root + 300];
        snprintf(full, sizeof full, "%s/%s", run->root, assets[i].asset);
        long b = served(full);
        assets[i].bytes = b > 0 ? b : 0;
        content += assets[i].bytes;
    }
    run->first_load.engine = total;
    run->first_load.engine_measured = measured;
    run->first_load.content = content;
    run->first_load.budget = FIRST_LOAD_BUDGET;
    total += content;
    run->first_load.total = total;
    if (total <= FIRST_LOAD_BUDGET) return;
    /* name the biggest pictures first: they are what an author can shrink */
    long over = total - FIRST_LOAD_BUDGET;
    for (int shown = 0; shown < 3 && over > 0; shown++) {
        int big = -1;
        for (int i = 0; i < n; i++)
            if (assets[i].bytes > 0 && (big < 0 || assets[i].bytes > assets[big].bytes)) big = i;
        if (big < 0 || assets[big].bytes < 20 * 1000) break;
        asset_cost *a = &assets[big];
        long left = FIRST_LOAD_BUDGET - (total - a->bytes); /* room for this picture, the rest kept */
        if (left < 0) left = 0;
        lint_flag(a->f, DIAG_FIRST_LOAD, a->path,
                  "the picture '%s' is %ld kB as served, and the first load is %ld kB of its %d kB budget: this "
                  "picture may be at most %ld kB (save it smaller, e.g. as JPEG at the scene's size)",
                  "kuva '%s' on %ld kB siirrettynä, ja ensimmäinen lataus on %ld kB, kun budjetti on %d kB: tämä kuva "
                  "saa olla enintään %ld kB (tallenna se pienempänä, esim. JPEG-kuvana näkymän kokoisena)",
                  "bilden '%s' är %ld kB vid överföringen, och den första laddningen är %ld kB av budgetens %d kB: "
                  "den här bilden får vara högst %ld kB (spara den mindre, t.ex. som JPEG i vyns storlek)",
                  a->asset, (a->bytes + 500) / 1000, (total + 500) / 1000, FIRST_LOAD_BUDGET / 1000, left / 1000);
        over -= a->bytes;
        a->bytes = 0;
    }
    if (over == total - FIRST_LOAD_BUDGET) /* no picture to blame: the content as a whole */
        lint_flag(run->game, DIAG_FIRST_LOAD, "rooms",
                  "the first load is %ld kB as served, over its %d kB budget by %ld kB",
                  "ensimmäinen lataus on %ld kB siirrettynä, kun budjetti on %d kB: %ld kB liikaa",
                  "den första laddningen är %ld kB vid överföringen, %d kB är budgeten: %ld kB för mycket", (total + 500) / 1000,
                  FIRST_LOAD_BUDGET / 1000, (over + 999) / 1000);
}
