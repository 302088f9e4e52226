/* The server's replay on any list of events: a JSON array of events, read the way the server
   reads them and replayed through the core on the shipped levels. Whatever the list, the
   score stays in 0..100 and the counters stay within their bounds. */
#include <string.h>

#include "../../game/core/jsonx.h"
#include "../../game/server/replay.h"
#include "fuzz.h"

static replay_content content;
static bool loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static diag_list d;
    static replay_play play;
    if (!loaded) {
        char err[512];
        loaded = replay_load(&content, fuzz_levels(), err, sizeof err);
        if (!loaded) fprintf(stderr, "fuzz_replay: %s\n", err);
        FUZZ_ASSERT(loaded);
    }
    memset(&d, 0, sizeof d);
    jx_reader r = jx_reader_make("events", (const char *)data, size, &d);
    r.limit = 4;
    cJSON *root = jx_parse(&r);
    if (!cJSON_IsArray(root)) {
        cJSON_Delete(root);
        return 0;
    }
    replay_begin(&play, &content);
    const cJSON *it;
    cJSON_ArrayForEach(it, root)
    {
        report_event ev;
        replay_step step;
        if (!report_event_from_json(&r, it, &ev)) continue;
        bool ok = replay_apply(&play, &ev, &step);
        FUZZ_ASSERT(!ok || step.room >= 0);
        FUZZ_ASSERT(replay_time_ms(&play) >= 0);
    }
    int score = play_score(&play.state);
    FUZZ_ASSERT(score >= 0 && score <= 100);
    for (int i = 0; i < content.room_count; i++) {
        FUZZ_ASSERT(play.state.room_events[i] <= PLAY_MAX_ROOM_EVENTS);
        FUZZ_ASSERT(game_mistakes(&play.state.room_state[i]) >= 0);
    }
    cJSON_Delete(root);
    return 0;
}
