/* pakopeli-seal - seals the rooms of a built game in place (issue 15, game/core/seal.h).
 *
 *   pakopeli-seal build/web/levels      every room named by build/web/levels/game.json
 *
 * The web build copies levels/ to build/web/levels and then runs this on the copy: the browser
 * gets the sealed rooms, the linter, `make dev`, the tests and the report server keep reading
 * the plain ones in levels/. A room's salt is a hash of its plain file, so the same input gives
 * the same output (a reproducible build), and sealing a sealed room is refused rather than done
 * twice. Uses the core's own loader, so what it seals is what the game would have loaded.
 *
 * It also copies each room's title into its entry of the built game.json ("title" beside "id"
 * and "file", seal_manifest_titles, as the report server does for its releases): the lobby
 * lists every room's title, and with them in the manifest a new player's lobby needs no other
 * room's file, which then come after its first frame (game/front/app.c, docs/performance.md,
 * issue 18's fifth round).
 *
 *   pakopeli-seal --titles levels         prints levels/game.json with the titles; writes nothing
 *
 * `make dev` (tests/e2e/dev-server.mjs) serves its game.json so, made afresh from the plain rooms
 * as they are saved, by the same rule as the build. Exit 1 and nothing printed when the titles
 * cannot be added (a room or the manifest that is no JSON while being edited): the dev server
 * then serves the plain file, and the game shows the file's error as before.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/diag.h"
#include "../core/level.h"
#include "../core/seal.h"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 65536 > cap) {
            char *b = realloc(buf, cap = cap * 2 + 65536 + 1);
            if (!b) break;
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    fclose(f);
    if (buf) buf[n] = '\0';
    *len = n;
    return buf;
}

/* Errors only: the linter reports warnings (a missing translation is not the build's business). */
static void print_diags(const diag_list *d)
{
    char line[DIAG_FILE_MAX + DIAG_PATH_MAX + DIAG_MSG_MAX + 64];
    for (int i = 0; i < d->count; i++) {
        if (d->items[i].severity != DIAG_ERROR) continue;
        diag_format(&d->items[i], line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
}

/* The plain rooms' texts by file, for seal_manifest_titles. */
typedef struct room_texts {
    const level_game *game;
    char *text[LEVEL_MAX_ROOMS];
    size_t len[LEVEL_MAX_ROOMS];
} room_texts;

static const char *room_text(void *user, const char *file, size_t *len)
{
    const room_texts *t = user;
    for (int i = 0; i < t->game->room_count; i++)
        if (t->text[i] && strcmp(t->game->rooms[i].file, file) == 0) {
            *len = t->len[i];
            return t->text[i];
        }
    return NULL;
}

int main(int argc, char **argv)
{
    const bool titles_only = argc == 3 && strcmp(argv[1], "--titles") == 0;
    if (!titles_only && (argc != 2 || argv[1][0] == '-')) {
        fprintf(stderr, "usage: pakopeli-seal LEVELS_DIR            (seals every room of LEVELS_DIR/game.json in place)\n"
                        "       pakopeli-seal --titles LEVELS_DIR   (prints LEVELS_DIR/game.json with the rooms' titles)\n");
        return 2;
    }
    const char *dir = argv[argc - 1];
    char path[4096];
    snprintf(path, sizeof path, "%s/game.json", dir);
    size_t len = 0;
    char *manifest = read_all(path, &len);
    diag_list d = {0};
    level_game game;
    if (!manifest || !level_load_game(&game, path, manifest, len, &d)) {
        if (!manifest) fprintf(stderr, "pakopeli-seal: cannot read %s\n", path);
        print_diags(&d);
        free(manifest);
        return 1;
    }
    room_texts rooms = {.game = &game};
    int failed = 0;
    for (int i = 0; i < game.room_count; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, game.rooms[i].file);
        char *text = rooms.text[i] = read_all(path, &rooms.len[i]);
        if (titles_only) continue; /* a room not there keeps its entry as it is (seal.h) */
        char *sealed = NULL;
        diag_list rd = {0};
        if (!text) {
            fprintf(stderr, "pakopeli-seal: cannot read %s\n", path);
        } else if (seal_room(path, text, rooms.len[i], &sealed, &rd)) {
            FILE *f = fopen(path, "wb");
            if (!f || fputs(sealed, f) < 0 || fclose(f) != 0) {
                fprintf(stderr, "pakopeli-seal: cannot write %s\n", path);
                free(sealed);
                sealed = NULL;
            }
        }
        print_diags(&rd);
        if (!sealed) failed++;
        free(sealed);
    }
    /* the plain rooms' titles, as written, into the manifest's entries (seal.h) */
    snprintf(path, sizeof path, "%s/game.json", dir);
    diag_list md = {0};
    /* 0: a static build has no releases to ask for (no levels/r/N/), so its manifest says none */
    char *out = seal_manifest_titles(path, manifest, len, 0, room_text, &rooms, &md);
    print_diags(&md);
    FILE *f = !out ? NULL : titles_only ? stdout : fopen(path, "wb");
    bool wrote = f && fputs(out, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) wrote = false;
    if (out && !wrote) fprintf(stderr, "pakopeli-seal: cannot write %s\n", titles_only ? "the standard output" : path);
    free(out);
    free(manifest);
    for (int i = 0; i < game.room_count; i++) free(rooms.text[i]);
    level_free_game(&game);
    if (failed) fprintf(stderr, "pakopeli-seal: %d room(s) not sealed\n", failed);
    return failed || !wrote ? 1 : 0;
}
