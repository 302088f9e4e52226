/* Sealed rooms (game/core/seal.h) on any bytes: the loader, then every puzzle answered through
   the sealed checks (options, steps in the file's order, pairs by their opaque ids, a typed
   answer, an item on a place) until the room is solved or nothing more opens. A plain room
   that loads is sealed, and what the sealer makes must load sealed again, with the same
   puzzles, and no plain answer left in it. */
#include <cjson/cJSON.h>
#include <string.h>

#include "../../game/core/game.h"
#include "../../game/core/seal.h"
#include "fuzz.h"

static void play(const level_room *room)
{
    static game_state g;
    game_begin(&g, room);
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < room->puzzle_count; i++) {
            const level_puzzle *p = &room->puzzles[i];
            const char *ids[LEVEL_MAX_OPTIONS];
            char pairs[LEVEL_MAX_OPTIONS][160];
            int n = 0;
            game_result res;
            switch (p->kind) {
            case LEVEL_P_CHOICE:
            case LEVEL_P_HOTSPOTS:
                for (int o = 0; o < p->option_count; o++) {
                    ids[0] = p->options[o].id;
                    game_submit(&g, p->id, ids, 1, &res);
                }
                continue;
            case LEVEL_P_ORDER:
                for (int o = 0; o < p->option_count; o++) ids[n++] = p->options[o].id;
                break;
            case LEVEL_P_MATCH:
                for (int o = 0; o < p->option_count; o++) {
                    const level_option *r = &p->options[(o + round) % p->option_count];
                    snprintf(pairs[o], sizeof pairs[o], "%s=%s", p->options[o].id, r->pair_id ? r->pair_id : "");
                    ids[n++] = pairs[o];
                }
                break;
            case LEVEL_P_CODE:
            case LEVEL_P_TEXT:
                ids[n++] = round ? "1234" : "Suomi.fi";
                break;
            case LEVEL_P_USE:
                if (room->item_count == 0 || room->widget_count == 0) continue;
                ids[n++] = room->items[round % room->item_count].id;
                ids[n++] = room->widgets[round % room->widget_count].id;
                break;
            default: continue;
            }
            game_submit(&g, p->id, ids, n, &res);
        }
    }
    const char *part = game_code_part(&g);
    FUZZ_ASSERT(!room->sealed || !part || g.room_solved);
}

/* A key of the plain answer key where the loader reads it: the room, a puzzle, an option,
   place, step or pair (what other fields hold, such as "$schema", the game never reads). */
static bool key_in(const cJSON *obj)
{
    static const char *const keys[] = {"correct", "code_part", "answers", "answer", NULL};
    for (int k = 0; keys[k]; k++)
        if (cJSON_GetObjectItemCaseSensitive(obj, keys[k])) return true;
    return false;
}

static bool has_key(const cJSON *doc)
{
    if (key_in(doc)) return true;
    const cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(doc, "puzzles")) {
        if (key_in(p)) return true;
        static const char *const lists[] = {"options", "places", "steps", "pairs", NULL};
        for (int l = 0; lists[l]; l++) {
            const cJSON *o;
            cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(p, lists[l])) if (key_in(o)) return true;
        }
    }
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static diag_list d;
    static level_room room, again;
    memset(&d, 0, sizeof d);
    if (!level_load_room(&room, "fuzz.json", (const char *)data, size, &d)) {
        FUZZ_ASSERT(d.errors > 0); /* a refusal always says why */
        return 0;
    }
    play(&room);
    if (!room.sealed) {
        char *sealed = NULL;
        memset(&d, 0, sizeof d);
        if (seal_room("fuzz.json", (const char *)data, size, &sealed, &d)) {
            memset(&d, 0, sizeof d);
            FUZZ_ASSERT(level_load_room(&again, "fuzz.json", sealed, strlen(sealed), &d));
            FUZZ_ASSERT(again.sealed && again.puzzle_count == room.puzzle_count && !again.code_part);
            FUZZ_ASSERT(memcmp(again.salt, room.salt, SEAL_SALT) == 0);
            cJSON *doc = cJSON_Parse(sealed);
            FUZZ_ASSERT(doc && !has_key(doc));
            cJSON_Delete(doc);
            play(&again);
            level_free_room(&again);
            free(sealed);
        } else {
            FUZZ_ASSERT(!sealed && d.errors > 0);
        }
    }
    level_free_room(&room);
    return 0;
}
