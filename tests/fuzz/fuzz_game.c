/* The game manifest loader on any bytes, with its settings put into its own texts. */
#include <string.h>

#include "../../game/core/level.h"
#include "fuzz.h"

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
    return 0;
}
