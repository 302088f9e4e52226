/* The game manifest loader on any bytes, with its settings put into its own texts; and the
   rooms' titles put into it (seal_manifest_titles) with the same bytes as every room's text,
   whose "title" is the manifest's own, and a release (odd sizes) or none: what comes out must
   load and say that release (any "release" of the input replaced or removed), or say why not. */
#include <stdlib.h>
#include <string.h>

#include "../../game/core/level.h"
#include "../../game/core/seal.h"
#include "fuzz.h"

typedef struct input {
    const char *text;
    size_t len;
} input;

static const char *same_text(void *user, const char *file, size_t *len)
{
    const input *in = user;
    if (file[0] == 'x') return NULL; /* a room without a file */
    *len = in->len;
    return in->text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static diag_list d;
    static level_game game;
    memset(&d, 0, sizeof d);
    if (level_load_game(&game, "game.json", (const char *)data, size, &d)) {
        FUZZ_ASSERT(d.errors == 0);
        FUZZ_ASSERT(game.room_count >= 1 && game.room_count <= LEVEL_MAX_ROOMS);
        level_apply_game_settings(&game, "game.json", &d);
        for (int i = 0; i < game.room_count; i++) FUZZ_ASSERT(level_find_room(&game, game.rooms[i].id) >= 0);
        level_free_game(&game);
    } else {
        FUZZ_ASSERT(d.errors > 0);
    }
    static diag_list td;
    memset(&td, 0, sizeof td);
    input in = {(const char *)data, size};
    int64_t release = size % 2 ? (int64_t)size : 0;
    char *titled = seal_manifest_titles("game.json", (const char *)data, size, release, same_text, &in, &td);
    if (titled) {
        FUZZ_ASSERT(td.errors == 0);
        FUZZ_ASSERT(level_load_game(&game, "game.json", titled, strlen(titled), &td));
        FUZZ_ASSERT(game.release == release);
        level_free_game(&game);
        free(titled);
    } else {
        FUZZ_ASSERT(td.errors > 0);
    }
    return 0;
}
