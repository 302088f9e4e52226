/* The compact resume state (core/resume.h) on the shipped levels. A learning platform hands the
   game whatever its cmi.suspend_data holds, so the reader must take any text. Two modes, by the
   first byte:
     0  the rest is the entries of a state behind a valid header for the levels: replayed, it
        gives no more events than the text holds and never more than the play allows;
     1  the rest is a JSON array of events (as the browser save keeps them): played, written,
        read back and replayed, it must reach the very same state (the round trip the package's
        resume relies on). */
#include <string.h>

#include "../../game/core/jsonx.h"
#include "../../game/core/resume.h"
#include "fuzz.h"

static level_game game;
static level_room rooms[LEVEL_MAX_ROOMS];
static const level_room *ptrs[LEVEL_MAX_ROOMS];
static bool loaded;

static void load(void)
{
    char path[1024];
    size_t len;
    diag_list d = {0};
    snprintf(path, sizeof path, "%s/game.json", fuzz_levels());
    char *text = fuzz_read(path, &len);
    FUZZ_ASSERT(level_load_game(&game, path, text, len, &d));
    free(text);
    for (int i = 0; i < game.room_count; i++) {
        snprintf(path, sizeof path, "%s/%s", fuzz_levels(), game.rooms[i].file);
        text = fuzz_read(path, &len);
        FUZZ_ASSERT(level_load_room(&rooms[i], path, text, len, &d));
        free(text);
        ptrs[i] = &rooms[i];
    }
    loaded = true;
}

static void start(play_state *p)
{
    play_begin(p, &game);
    for (int i = 0; i < game.room_count; i++) play_attach_room(p, i, ptrs[i]);
}

/* Replays text into p; returns the events that applied. */
static uint32_t replay(const char *text, play_state *p, resume_writer *w)
{
    resume_reader r;
    report_event ev;
    game_result res;
    uint32_t applied = 0, given = 0;
    start(p);
    if (!resume_reader_init(&r, text, p)) return 0;
    while (resume_reader_next(&r, p, &ev)) {
        given++;
        FUZZ_ASSERT(given <= PLAY_MAX_EVENTS);
        if (play_apply(p, &ev, &res) == GAME_INVALID) continue;
        applied++;
        if (w && res.verdict != GAME_LOCKED) resume_writer_add(w, &ev, &res);
    }
    return applied;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char text[RESUME_LIMIT_SCORM2004 * 2];
    static play_state p, q;
    if (!loaded) load();
    if (size < 1 || size > RESUME_LIMIT_SCORM2004) return 0;
    resume_writer w;
    FUZZ_ASSERT(resume_writer_init(&w, &game, ptrs));
    if (data[0] == 0) {
        size_t n = resume_writer_encode(&w, -1, text, sizeof text); /* the header alone */
        FUZZ_ASSERT(n > 0);
        memcpy(text + n, data + 1, size - 1);
        text[n + size - 1] = '\0';
        if (strlen(text) == n + size - 1) {
            uint32_t applied = replay(text, &p, NULL);
            FUZZ_ASSERT(applied <= PLAY_MAX_EVENTS);
            FUZZ_ASSERT(play_score(&p) >= 0 && play_score(&p) <= 100);
        }
    } else if (data[0] == 1) {
        /* a play, as the app keeps it */
        diag_list d = {0};
        jx_reader r = jx_reader_make("events", (const char *)data + 1, size - 1, &d);
        r.limit = 4;
        cJSON *root = jx_parse(&r);
        start(&p);
        const cJSON *it, *events = cJSON_IsArray(root) ? root : NULL; /* a named pointer: clang warned on the macro's NULL */
        uint32_t kept = 0;
        cJSON_ArrayForEach(it, events)
        {
            report_event ev;
            game_result res;
            if (!report_event_from_json(&r, it, &ev)) continue;
            game_verdict v = play_apply(&p, &ev, &res);
            if (v == GAME_INVALID || v == GAME_LOCKED) continue;
            resume_writer_add(&w, &ev, &res);
            kept++;
        }
        cJSON_Delete(root);
        size_t n = resume_writer_encode(&w, 0, text, sizeof text);
        FUZZ_ASSERT(n > 0 && n < resume_max_len(&game, ptrs));
        FUZZ_ASSERT(resume_event_count(text) == kept);
        /* The state replayed from the text is the play's state (locked answers aside, which the
           app does not keep: they moved no state but a room's clock). */
        FUZZ_ASSERT(replay(text, &q, NULL) == kept);
        for (int i = 0; i < game.room_count; i++) {
            FUZZ_ASSERT(memcmp(p.room_state[i].puzzles, q.room_state[i].puzzles, sizeof p.room_state[i].puzzles) == 0);
            FUZZ_ASSERT(p.room_state[i].items == q.room_state[i].items);
            FUZZ_ASSERT(p.room_state[i].room_solved == q.room_state[i].room_solved);
        }
        FUZZ_ASSERT(p.escaped == q.escaped && strcmp(p.final_code, q.final_code) == 0);
    }
    resume_writer_free(&w);
    return 0;
}
