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
 * and "file"): the lobby lists every room's title, and with them in the manifest a new player's
 * lobby needs no other room's file, which then come after its first frame (game/front/app.c,
 * docs/performance.md, issue 18's fifth round).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

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

int main(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: pakopeli-seal LEVELS_DIR   (seals every room of LEVELS_DIR/game.json in place)\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/game.json", argv[1]);
    size_t len = 0;
    char *text = read_all(path, &len);
    diag_list d = {0};
    level_game game;
    if (!text || !level_load_game(&game, path, text, len, &d)) {
        if (!text) fprintf(stderr, "pakopeli-seal: cannot read %s\n", path);
        print_diags(&d);
        free(text);
        return 1;
    }
    cJSON *manifest = cJSON_Parse(text);
    cJSON *entries = cJSON_GetObjectItemCaseSensitive(manifest, "rooms");
    free(text);
    int failed = 0;
    for (int i = 0; i < game.room_count; i++) {
        snprintf(path, sizeof path, "%s/%s", argv[1], game.rooms[i].file);
        text = read_all(path, &len);
        char *sealed = NULL;
        diag_list rd = {0};
        if (text) { /* the plain room's title, as written (the game applies the settings to it) */
            cJSON *room = cJSON_Parse(text);
            cJSON *entry = cJSON_GetArrayItem(entries, i);
            const cJSON *title = cJSON_GetObjectItemCaseSensitive(room, "title");
            if (entry && title) {
                cJSON_DeleteItemFromObjectCaseSensitive(entry, "title");
                cJSON_AddItemToObject(entry, "title", cJSON_Duplicate(title, true));
            }
            cJSON_Delete(room);
        }
        if (!text) {
            fprintf(stderr, "pakopeli-seal: cannot read %s\n", path);
        } else if (seal_room(path, text, len, &sealed, &rd)) {
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
        free(text);
    }
    level_free_game(&game);
    snprintf(path, sizeof path, "%s/game.json", argv[1]);
    char *out = manifest ? cJSON_Print(manifest) : NULL;
    FILE *f = out ? fopen(path, "wb") : NULL;
    bool wrote = f && fputs(out, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0) wrote = false;
    if (!wrote) {
        fprintf(stderr, "pakopeli-seal: cannot write %s\n", path);
        failed++;
    }
    cJSON_free(out);
    cJSON_Delete(manifest);
    if (failed) fprintf(stderr, "pakopeli-seal: %d room(s) not sealed\n", failed);
    return failed ? 1 : 0;
}
