/* The server's intake of a player's answers (game/server/ingest.c), below HTTP and JSON: the
 * bytes are read as a player's requests (batches of events of one play: right answers, wrong
 * ones, hints, strangers' ids, resent, reordered, skipped or reused sequence numbers and keys,
 * times that go back) and run through ingest_batch on a real SQLite database, as api.c runs
 * them. The JSON around them has its own target (fuzz_request); this one reaches the replay,
 * the idempotency keys, the server's clock and the stored results, which JSON noise cannot.
 *
 * After every request, what a player and HR rely on:
 *   - the answer is consistent: 0 <= accepted <= n, OK exactly when all were accepted, the
 *     failed index is the first one not accepted; the database never fails;
 *   - what is stored is a whole play: events 1..last_seq with no gap, each of which replays
 *     through the core, with the server's times never going back and never after "now";
 *   - the play's stored summary (score, mistakes, hints, escaped) is that replay's;
 *   - the person is completed exactly when the play escaped;
 *   - the same request sent again (a lost answer, a retry) is all duplicates and changes
 *     nothing.
 * Each input is a new person with one play, so an input's outcome does not depend on the ones
 * before it (the database grows, on /dev/shm, and is removed at exit).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../game/core/jsonx.h"
#include "../../game/server/cfg.h"
#include "../../game/server/db.h"
#include "../../game/server/ingest.h"
#include "../../game/server/replay.h"
#include "../../game/server/store.h"
#include "fuzz.h"

enum { BATCHES_MAX = 10, EVENTS_MAX = 12 };

static db *d;
static store *st;
static cfg conf;
static char dir[] = "/dev/shm/pk-fuzz-ingest-XXXXXX";
static int64_t people;

static void cleanup(void)
{
    if (st) store_close(st);
    if (d) db_close(d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "fuzz_ingest: could not remove %s\n", dir);
}

static void set_up(void)
{
    char path[128], data[128], err[512];
    FUZZ_ASSERT(mkdtemp(dir) != NULL);
    atexit(cleanup);
    snprintf(path, sizeof path, "%s/pakopeli.db", dir);
    snprintf(data, sizeof data, "%s/data", dir);
    bool ok = db_open(&d, path, err, sizeof err);
    if (!ok) fprintf(stderr, "fuzz_ingest: %s\n", err);
    FUZZ_ASSERT(ok);
    ok = store_open(&st, &(store_desc){.db = d, .data = data, .web = "build/web", .seed = fuzz_levels(),
                                       .lint = "build/native/pakopeli-lint"},
                    1, err, sizeof err);
    if (!ok) fprintf(stderr, "fuzz_ingest: %s\n", err);
    FUZZ_ASSERT(ok);
    cfg_defaults(&conf);
    cfg_finish(&conf);
}

/* The input, a byte at a time; zeros once it is used up. */
typedef struct bytes {
    const uint8_t *p;
    size_t n;
} bytes;

static unsigned next(bytes *b)
{
    if (!b->n) return 0;
    b->n--;
    return *b->p++;
}

/* ---- the play as stored, replayed afresh ---------------------------------------------------- */

typedef struct check_ctx {
    replay_play *play;
    uint32_t count;     /* events seen */
    bool gapless;       /* numbered 1, 2, 3 ... */
    int bad;            /* events that did not replay */
    int64_t last_at, last_play, now;
    bool clocks_ok;
} check_ctx;

static bool stored_event(void *user, uint32_t seq, const char *body, int64_t at_ms, int64_t play_ms)
{
    check_ctx *c = user;
    c->count++;
    if (seq != c->count) c->gapless = false;
    if (at_ms < c->last_at || at_ms > c->now || play_ms < c->last_play) c->clocks_ok = false;
    c->last_at = at_ms;
    c->last_play = play_ms;
    c->play->last_seq = seq;
    static diag_list dl;
    memset(&dl, 0, sizeof dl);
    jx_reader r = jx_reader_make("stored event", body, strlen(body), &dl);
    cJSON *o = jx_parse(&r);
    report_event ev;
    replay_step step;
    if (!o || !report_event_from_json(&r, o, &ev)) {
        c->bad++;
    } else {
        ev.t_ms = (double)play_ms;
        if (!replay_apply(c->play, &ev, &step)) c->bad++;
    }
    cJSON_Delete(o);
    return true;
}

/* Replays the stored play into shadow and checks it against what is stored about it. */
static void check_stored(int64_t person, const char *key, replay_play *shadow, int64_t now)
{
    char err[256];
    const replay_content *content = store_replay(st, store_current(st), err, sizeof err);
    FUZZ_ASSERT(content != NULL);
    replay_begin(shadow, content);
    db_play play;
    db_rc rc = db_play_get(d, person, key, &play);
    FUZZ_ASSERT(rc == DB_OK || rc == DB_NOT_FOUND);
    if (rc == DB_NOT_FOUND) return;
    check_ctx c = {shadow, 0, true, 0, 0, 0, now, true};
    FUZZ_ASSERT(db_play_events(d, play.id, stored_event, &c));
    FUZZ_ASSERT(c.gapless && c.count == play.last_seq);
    FUZZ_ASSERT(c.bad == 0);
    FUZZ_ASSERT(c.clocks_ok);
    const play_state *ps = &shadow->state;
    FUZZ_ASSERT(play.escaped == ps->escaped);
    FUZZ_ASSERT(play.score == play_score(ps));
    FUZZ_ASSERT(play.mistakes == play_total_mistakes(ps));
    FUZZ_ASSERT(play.hints == play_total_hints(ps));
    db_person p;
    FUZZ_ASSERT(db_person_get(d, person, now, &p) == DB_OK);
    FUZZ_ASSERT((p.completed > 0) == ps->escaped);
}

/* ---- making events from bytes --------------------------------------------------------------- */

/* The puzzle a player would answer next: the first open room not yet solved (the lobby's
   last door once the rest are), its next puzzle. False when the game is over. */
static bool next_puzzle(const replay_play *shadow, int *room, int *puzzle)
{
    const play_state *ps = &shadow->state;
    for (int pass = 0; pass < 2; pass++)
        for (int r = 0; r < ps->game->room_count; r++) {
            if (!ps->rooms[r] || play_room_solved(ps, r) || !play_room_open(ps, r)) continue;
            int k = game_next_puzzle(&ps->room_state[r]);
            if (k < 0) continue;
            /* the lobby's final door last: only when no other room is left (second pass) */
            if (pass == 0 && ps->rooms[r]->puzzles[k].final_code) continue;
            *room = r;
            *puzzle = k;
            return true;
        }
    return false;
}

static char strings[EVENTS_MAX][LEVEL_MAX_OPTIONS][REPORT_ANSWER_MAX];

/* One event for item i; how is chosen by the bytes. shadow: the play as it will be once the
   events before this one are in (the right answer is the one to the puzzle after them). */
static void make_event(bytes *b, const replay_play *shadow, int i, uint32_t seq, double t, report_event *ev)
{
    const play_state *ps = &shadow->state;
    const level_game *game = ps->game;
    int r = 0, k = 0;
    unsigned how = next(b) % 8;
    if (!next_puzzle(shadow, &r, &k) || how >= 6) { /* anywhere at all */
        r = (int)(next(b) % (unsigned)game->room_count);
        k = ps->rooms[r] && ps->rooms[r]->puzzle_count ? (int)(next(b) % (unsigned)ps->rooms[r]->puzzle_count) : 0;
    }
    const level_room *room = ps->rooms[r];
    const char *room_id = game->rooms[r].id;
    const level_puzzle *p = room && room->puzzle_count ? &room->puzzles[k] : NULL;
    const char *puzzle_id = p ? p->id : "none";
    const char *ids[LEVEL_MAX_OPTIONS];
    int n = 0;
    if (how == 4 || !p) {
        FUZZ_ASSERT(report_hint_make(ev, seq, room_id, puzzle_id, t));
        return;
    }
    if (how <= 3) { /* the right answer, as the game would send it */
        switch (p->kind) {
        case LEVEL_P_HOTSPOTS: /* the next right place not found yet */
            for (int o = 0; o < p->option_count && !n; o++)
                if (p->options[o].correct && !(ps->room_state[r].puzzles[k].found >> o & 1u)) ids[n++] = p->options[o].id;
            if (!n) ids[n++] = p->options[0].id;
            break;
        case LEVEL_P_CHOICE:
            for (int o = 0; o < p->option_count; o++)
                if (p->options[o].correct) ids[n++] = p->options[o].id;
            break;
        case LEVEL_P_ORDER:
            for (int o = 0; o < p->option_count; o++) ids[n++] = p->options[o].id;
            break;
        case LEVEL_P_MATCH:
            for (int o = 0; o < p->option_count; o++) {
                snprintf(strings[i][o], REPORT_ANSWER_MAX, "%s=%s", p->options[o].id, p->options[o].id);
                ids[n++] = strings[i][o];
            }
            break;
        case LEVEL_P_USE:
            ids[n++] = room->items[p->use_item].id;
            ids[n++] = p->use_place;
            break;
        default:
            ids[n++] = p->final_code ? ps->final_code : (p->answer_count ? p->answers[0] : "");
            break;
        }
    } else if (how == 5 || how == 6) { /* options of this puzzle, any of them, in any order */
        int m = 1 + (int)(next(b) % 4);
        for (int j = 0; j < m && p->option_count; j++) ids[n++] = p->options[next(b) % (unsigned)p->option_count].id;
        if (!n) ids[n++] = "x";
    } else { /* made-up answers: short strings from the input */
        int m = 1 + (int)(next(b) % 3);
        for (int j = 0; j < m; j++) {
            int len = (int)(next(b) % 12);
            for (int c = 0; c < len; c++) strings[i][j][c] = (char)(' ' + next(b) % 95);
            strings[i][j][len] = '\0';
            ids[n++] = strings[i][j];
        }
    }
    if (!report_event_make(ev, seq, room_id, puzzle_id, ids, n, t)) FUZZ_ASSERT(report_hint_make(ev, seq, room_id, puzzle_id, t));
}

/* What api.c lets through to ingest_batch: the event as JSON, read back by the server's
   reader (report_event_from_json); a request with one it refuses never reaches the intake. */
static bool api_accepts(report_event *ev)
{
    static char json[REPORT_ID_MAX * 4 + LEVEL_MAX_OPTIONS * REPORT_ANSWER_MAX * 2];
    static diag_list dl;
    if (!report_event_to_json(ev, json, sizeof json)) return false;
    memset(&dl, 0, sizeof dl);
    jx_reader r = jx_reader_make("request", json, strlen(json), &dl);
    cJSON *o = jx_parse(&r);
    bool ok = o && report_event_from_json(&r, o, ev);
    cJSON_Delete(o);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!d) set_up();
    static ingest_item items[EVENTS_MAX];
    static replay_play shadow, draft;
    bytes b = {data, size};
    char token[64], key[16] = "play";
    snprintf(token, sizeof token, "fuzz-token-%lld", (long long)++people);
    db_person who = {0};
    snprintf(who.name, sizeof who.name, "Pelaaja %lld", (long long)people);
    snprintf(who.unit, sizeof who.unit, "Yksikkö");
    int64_t person = 0;
    FUZZ_ASSERT(db_person_add(d, &who, token, &person) == DB_OK);
    int64_t now = 1700000000000, seen = 0;
    double t = 0;
    check_stored(person, key, &shadow, now);
    for (int batch = 0; batch < BATCHES_MAX && b.n; batch++) {
        int n = 1 + (int)(next(&b) % EVENTS_MAX);
        now += (int64_t)next(&b) * 997;
        bool valid = true;
        draft = shadow;
        for (int i = 0; i < n; i++) {
            unsigned twist = next(&b) % 16;
            uint32_t seq = shadow.last_seq + (uint32_t)i + 1;
            if (twist == 0) seq = seq > 1 ? seq - 1 : 0; /* one taken, or none */
            if (twist == 1) seq += 1;                     /* one skipped */
            t += (double)next(&b) * 503;
            if (twist == 2) t -= 5000;                    /* a clock that goes back */
            make_event(&b, &draft, i, seq, t, &items[i].ev);
            replay_step step;
            (void)replay_apply(&draft, &items[i].ev, &step);
            snprintf(items[i].key, sizeof items[i].key, "k%u-%u", (unsigned)people,
                     twist == 3 ? next(&b) % 8 : seq);  /* a key used before, for this or another */
            valid = valid && api_accepts(&items[i].ev);
        }
        if (!valid) continue; /* api.c answers 400: nothing reaches the intake */
        ingest_result res;
        ingest_batch(d, st, &conf, person, key, 0, items, n, seen, now, &res);
        FUZZ_ASSERT(res.code != INGEST_ERROR);
        FUZZ_ASSERT(res.accepted >= 0 && res.accepted <= n && res.duplicates <= res.accepted);
        FUZZ_ASSERT((res.code == INGEST_OK) == (res.accepted == n));
        FUZZ_ASSERT(res.code == INGEST_OK ? res.failed == -1 : res.failed == res.accepted);
        check_stored(person, key, &shadow, now);
        if (getenv("FUZZ_INGEST_SAY"))
            fprintf(stderr, "batch %d: %d of %d accepted (code %d), stored %u, escaped %d\n", batch, res.accepted, n,
                    (int)res.code, shadow.last_seq, shadow.state.escaped);
        uint32_t stored = shadow.last_seq;
        if (res.accepted > 0) { /* the same request again: all of it is known, nothing changes */
            ingest_result again;
            ingest_batch(d, st, &conf, person, key, 0, items, res.accepted, now, now, &again);
            FUZZ_ASSERT(again.code == INGEST_OK && again.accepted == res.accepted &&
                        again.duplicates == res.accepted);
            check_stored(person, key, &shadow, now);
            FUZZ_ASSERT(shadow.last_seq == stored);
        }
        seen = now;
    }
    return 0;
}
