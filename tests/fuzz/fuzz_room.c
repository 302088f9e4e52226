/* The room loader on any bytes, then the organisation's settings put into its texts. */
#include <string.h>

#include "../../game/core/level.h"
#include "fuzz.h"

static level_game game;
static bool have_game;

static void setup(void)
{
    static diag_list d;
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/game.json", fuzz_levels());
    char *text = fuzz_read(path, &len);
    have_game = level_load_game(&game, path, text, len, &d);
    free(text);
    FUZZ_ASSERT(have_game);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static diag_list d;
    static level_room room;
    if (!have_game) setup();
    memset(&d, 0, sizeof d);
    int before = d.errors;
    if (level_load_room(&room, "fuzz.json", (const char *)data, size, &d)) {
        FUZZ_ASSERT(d.errors == before);
        FUZZ_ASSERT(room.puzzle_count >= 0 && room.puzzle_count <= LEVEL_MAX_PUZZLES);
        level_apply_settings(&room, &game, &d);
        for (int i = 0; i < room.puzzle_count; i++) FUZZ_ASSERT(room.puzzles[i].id != NULL);
        level_free_room(&room);
    } else {
        FUZZ_ASSERT(d.errors > before); /* a refusal always says why */
    }
    return 0;
}
