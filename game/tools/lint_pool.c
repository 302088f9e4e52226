/* lint_pool.c - the game's files against the engine's one asset pool (game/front/asset.h).
 *
 * The game holds every room's images while it runs (a room switch never waits), and a comic's
 * panels and its lettering font while the comic is open. All of them come from one pool of
 * ASSET_MAX files; a file beyond it is never loaded, and the game stops on its error screen.
 * The rule counts what the game holds at its fullest: the rooms' different images, the
 * largest comic's different panel images and the lettering font, against the pool's own
 * constant, so the linter and the engine can never disagree about the number.
 */
#include <string.h>

#include "../front/asset.h"
#include "lint.h"

enum { POOL_SEEN_MAX = LEVEL_MAX_ROOMS * (LEVEL_MAX_WIDGETS + LEVEL_MAX_ITEMS + 1) };

typedef struct seen_set {
    const char *paths[POOL_SEEN_MAX];
    int count;
} seen_set;

/* Adds path once; true when it was new. */
static bool add(seen_set *s, const char *path)
{
    if (!path || !path[0]) return false;
    for (int i = 0; i < s->count; i++)
        if (strcmp(s->paths[i], path) == 0) return false;
    if (s->count == POOL_SEEN_MAX) return false;
    s->paths[s->count++] = path;
    return true;
}

void lint_check_pool(lint_run *run)
{
    if (!run->game || !run->manifest_ok) return;
    static seen_set rooms; /* large: static, the linter runs one check at a time */
    rooms.count = 0;
    const char *busiest = NULL;
    int busiest_n = 0;
    for (int i = 0; i < run->manifest.room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!f || !f->loaded) continue;
        const level_room *r = &f->room;
        int before = rooms.count;
        add(&rooms, r->background);
        for (int k = 0; k < r->widget_count; k++) add(&rooms, r->widgets[k].image);
        for (int k = 0; k < r->item_count; k++) add(&rooms, r->items[k].icon);
        if (rooms.count - before > busiest_n) {
            busiest_n = rooms.count - before;
            busiest = r->id;
        }
    }
    int comic_n = 0;
    const char *largest = NULL;
    for (int k = 0; k < run->file_count; k++) {
        lint_file *f = &run->files[k];
        if (f->kind != LINT_COMIC || f->ref < 0 || !f->loaded) continue;
        static seen_set panels;
        panels.count = 0;
        for (int p = 0; p < f->comic.page_count; p++)
            for (int i = 0; i < f->comic.pages[p].panel_count; i++) add(&panels, f->comic.pages[p].panels[i].image);
        if (panels.count + 1 > comic_n) {
            comic_n = panels.count + 1; /* and the lettering font */
            largest = f->comic.id;
        }
    }
    int need = rooms.count + comic_n;
    if (need <= ASSET_MAX) return;
    if (largest)
        lint_flag(run->game, DIAG_TOO_MANY, "rooms",
                  "the game holds %d files at once (the rooms' %d different images, and %d for the comic '%s' with its "
                  "lettering) but the engine's pool holds %d: use fewer different images (the room '%s' has %d)",
                  "peli pitää yhtä aikaa %d tiedostoa (huoneiden %d eri kuvaa ja %d sarjakuvalle '%s' kirjaimineen), "
                  "mutta pelimoottori pitää enintään %d: käytä vähemmän eri kuvia (huoneessa '%s' on %d)",
                  "spelet håller %d filer samtidigt (rummens %d olika bilder och %d för serien '%s' med dess "
                  "textning), men spelmotorn håller högst %d: använd färre olika bilder (rummet '%s' har %d)",
                  need, rooms.count, comic_n, largest, ASSET_MAX, busiest ? busiest : "-", busiest_n);
    else
        lint_flag(run->game, DIAG_TOO_MANY, "rooms",
                  "the rooms have %d different images but the engine's pool holds %d files at once: use fewer "
                  "different images (the room '%s' has %d)",
                  "huoneissa on %d eri kuvaa, mutta pelimoottori pitää yhtä aikaa enintään %d tiedostoa: käytä "
                  "vähemmän eri kuvia (huoneessa '%s' on %d)",
                  "rummen har %d olika bilder, men spelmotorn håller högst %d filer samtidigt: använd färre olika "
                  "bilder (rummet '%s' har %d)",
                  need, ASSET_MAX, busiest ? busiest : "-", busiest_n);
}
