/* bench_load.c - how long the core takes to load and check each shipped room and comic.
 *
 * Usage: bench_load LEVELS_DIR      (prints one JSON object per file on stdout)
 *
 * For every file named by LEVELS_DIR/game.json (the manifest itself, each room with the
 * game's settings applied, each comic) and every comic in LEVELS_DIR/comics/ it repeats load + check + free until a batch takes at
 * least 40 ms, five batches, and prints the median time of one load in microseconds. This is
 * what the game does once per file at start (game/front/app.c pump_rooms) and what the report
 * server does before replaying answers, measured natively without a browser.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../game/core/comic.h"
#include "../../game/core/diag.h"
#include "../../game/core/level.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

typedef enum kind { K_GAME, K_ROOM, K_COMIC } kind;

static level_game manifest; /* large: static, not on the stack */
static level_room room;
static comic com;
static diag_list diags;

/* One load + check + free; false when the file does not load cleanly. */
static bool load_once(kind k, const char *name, const char *text, size_t len)
{
    memset(&diags, 0, sizeof diags);
    bool ok = false;
    switch (k) {
    case K_GAME: {
        static level_game g;
        ok = level_load_game(&g, name, text, len, &diags);
        if (ok) level_free_game(&g);
        break;
    }
    case K_ROOM:
        ok = level_load_room(&room, name, text, len, &diags);
        if (ok) {
            level_apply_settings(&room, &manifest, &diags);
            level_free_room(&room);
        }
        break;
    case K_COMIC:
        ok = comic_load(&com, name, text, len, &diags);
        if (ok) comic_free(&com);
        break;
    }
    return ok && diags.errors == 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static bool bench_file(kind k, const char *dir, const char *file, const char *what)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text || !load_once(k, file, text, len)) {
        fprintf(stderr, "bench_load: %s does not load cleanly\n", path);
        free(text);
        return false;
    }
    long iters = 1;
    for (;;) { /* calibrate: one batch of at least 40 ms */
        double t = now_us();
        for (long i = 0; i < iters; i++) load_once(k, file, text, len);
        if (now_us() - t >= 40000 || iters >= (1L << 24)) break;
        iters *= 2;
    }
    double per[5];
    for (int b = 0; b < 5; b++) {
        double t = now_us();
        for (long i = 0; i < iters; i++) load_once(k, file, text, len);
        per[b] = (now_us() - t) / (double)iters;
    }
    qsort(per, 5, sizeof per[0], cmp_double);
    printf("{\"kind\":\"%s\",\"file\":\"%s\",\"bytes\":%zu,\"iterations\":%ld,\"us\":%.2f,\"us_min\":%.2f}\n",
           what, file, len, iters * 5, per[2], per[0]);
    free(text);
    return true;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "levels";
    char path[512];
    snprintf(path, sizeof path, "%s/game.json", dir);
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text || !level_load_game(&manifest, "game.json", text, len, &diags)) {
        fprintf(stderr, "bench_load: cannot load %s\n", path);
        return 1;
    }
    free(text);
    bool ok = bench_file(K_GAME, dir, "game.json", "game");
    for (int i = 0; i < manifest.room_count; i++) ok &= bench_file(K_ROOM, dir, manifest.rooms[i].file, "room");
    for (int i = 0; i < manifest.comic_count; i++) ok &= bench_file(K_COMIC, dir, manifest.comics[i].file, "comic");
    /* comics not (yet) named by the manifest */
    snprintf(path, sizeof path, "%s/comics", dir);
    DIR *d = opendir(path);
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
        char file[300];
        snprintf(file, sizeof file, "comics/%s", e->d_name);
        bool listed = false;
        for (int i = 0; i < manifest.comic_count; i++) listed |= strcmp(manifest.comics[i].file, file) == 0;
        if (!listed) ok &= bench_file(K_COMIC, dir, file, "comic");
    }
    if (d) closedir(d);
    level_free_game(&manifest);
    return ok ? 0 : 1;
}
