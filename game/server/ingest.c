#include "ingest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/jsonx.h"

enum { BODY_MAX = 64 * 1024 };

/* The clocks of a play so far (ingest.h: the server's reckoning). */
typedef struct play_clock {
    bool any;        /* an event of the play is stored */
    double t;        /* the client's t of the last event */
    int64_t at;      /* the server's time of the last event (0: stored before it was kept) */
    double play;     /* the accounted playing time of the last event */
} play_clock;

typedef struct replay_ctx {
    replay_play *play;
    play_clock *clock;
    int bad; /* stored events that no longer replay (the levels changed since) */
} replay_ctx;

static bool replay_stored(void *user, uint32_t seq, const char *body, int64_t at_ms, int64_t play_ms)
{
    replay_ctx *ctx = user;
    diag_list *d = calloc(1, sizeof *d);
    if (!d) return false;
    jx_reader r = jx_reader_make("stored event", body, strlen(body), d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    replay_step step;
    bool parsed = o && report_event_from_json(&r, o, &ev);
    if (parsed) {
        ctx->clock->any = true;
        ctx->clock->t = ev.t_ms;
        ctx->clock->at = at_ms;
        if (play_ms >= 0) ev.t_ms = (double)play_ms; /* replayed on the server's accounting */
        ctx->clock->play = ev.t_ms;
    }
    if (!parsed || !replay_apply(ctx->play, &ev, &step)) ctx->bad++;
    ctx->play->last_seq = seq; /* stored numbering stands even when the content moved on */
    cJSON_Delete(o);
    free(d);
    return true;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void set(ingest_result *out, ingest_code code, int index, const char *fmt, ...)
{
    out->code = code;
    out->failed = index;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->message, sizeof out->message, fmt, ap);
    va_end(ap);
}

/* Stores one replayed event inside the request's savepoint; its results are written once per
   request (store_results), not per event. */
static bool store_event(db *d, int64_t person_id, const char *play_key, db_play *play, const ingest_item *it,
                        const char *body, const play_clock *clk, int64_t now)
{
    bool ok = true;
    if (play->id == 0) ok = db_play_add(d, person_id, play_key, play->release, now, &play->id) == DB_OK;
    return ok && db_event_add(d, play->id, person_id, it->ev.seq, it->key, body, clk->at, (int64_t)clk->play,
                              now) == DB_OK;
}

/* The rooms and puzzles a request's events changed (replay_step's room and puzzle). */
typedef struct touched {
    bool puzzle[LEVEL_MAX_ROOMS][LEVEL_MAX_PUZZLES];
    bool room[LEVEL_MAX_ROOMS];
} touched;

/* Each changed puzzle's and room's result as the request's last event left it. Written per event
   they were 2 upserts an event, each rewritten by the next (and each firing the statistics'
   triggers); a room's result only changes with its own events, so the state after the request
   is what the last of them wrote. */
static bool store_results(db *d, const replay_content *c, const db_play *play, const replay_play *rp,
                          const touched *tc)
{
    const play_state *ps = &rp->state;
    bool ok = true;
    for (int r = 0; ok && r < LEVEL_MAX_ROOMS; r++) {
        if (!tc->room[r]) continue;
        for (int k = 0; ok && k < LEVEL_MAX_PUZZLES; k++) {
            if (!tc->puzzle[r][k]) continue;
            const game_puzzle_state *gp = &ps->room_state[r].puzzles[k];
            ok = db_puzzle_result_set(d, play->id, c->rooms[r].id, c->rooms[r].puzzles[k].id, gp->solved,
                                      gp->mistakes, gp->hints_used, (int64_t)rp->solve_ms[r][k]) == DB_OK;
        }
        const play_room_time *t = &ps->times[r];
        ok = ok && db_room_result_set(d, play->id, c->rooms[r].id, play_room_solved(ps, r),
                                      game_mistakes(&ps->room_state[r]), game_hints(&ps->room_state[r]),
                                      (int64_t)(t->last_ms > t->first_ms ? t->last_ms - t->first_ms : 0),
                                      play_room_score(ps, r)) == DB_OK;
    }
    return ok;
}

/* The solved rooms of more than one puzzle whose first and last answers are closer together
   than the room's plausible minimum (cfg min_room_seconds), as "id,id". A room of one puzzle
   (the last door) has no span to judge. */
static void fast_rooms(const replay_play *rp, const cfg *conf, char *out, size_t cap)
{
    const play_state *ps = &rp->state;
    size_t o = 0;
    out[0] = '\0';
    for (int r = 0; r < ps->game->room_count; r++) {
        const level_room *room = ps->rooms[r];
        if (!room || room->puzzle_count < 2 || !play_room_solved(ps, r)) continue;
        const play_room_time *t = &ps->times[r];
        double span = t->last_ms > t->first_ms ? t->last_ms - t->first_ms : 0;
        if (span >= cfg_room_min_seconds(conf, room->id) * 1000.0) continue;
        int n = snprintf(out + o, cap - o, "%s%s", o ? "," : "", room->id);
        if (n < 0 || (size_t)n >= cap - o) break;
        o += (size_t)n;
    }
}

/* After a request's new events: the play's summary, the person's activity, and the completion
   (once per request, not per event: the same rows would be written n times). */
static bool store_play(db *d, int64_t person_id, db_play *play, const replay_play *rp, const cfg *conf,
                       int64_t now)
{
    const play_state *ps = &rp->state;
    fast_rooms(rp, conf, play->fast, sizeof play->fast);
    play->last_seq = rp->last_seq;
    play->escaped = ps->escaped;
    play->score = play_score(ps);
    play->mistakes = play_total_mistakes(ps);
    play->hints = play_total_hints(ps);
    play->time_ms = (int64_t)replay_time_ms(rp);
    bool ok = db_play_update(d, play, now) == DB_OK;
    ok = ok && db_person_touch(d, person_id, now) == DB_OK;
    if (ok && play->escaped) {
        /* The first completion counts (db_person_complete changes nobody already completed, so
           no read first); a code collision (60 random bits) just draws again. */
        for (int tries = 0; ok && tries < 5; tries++) {
            char code[AUTH_CODE_MAX];
            auth_completion_code(code);
            db_rc rc = db_person_complete(d, person_id, play, code, now);
            if (rc == DB_OK) break;
            if (rc != DB_CONFLICT || tries == 4) ok = false;
        }
    }
    return ok;
}

/* One request's work, run by the committer thread inside the group transaction (db.h). */
typedef struct ingest_job {
    store *st;
    int64_t content;  /* the release the page loaded (0: not said) */
    int64_t person_id;
    const char *play_key;
    const ingest_item *items;
    int n;
    int64_t now;
    int64_t seen;      /* the player's last contact before this request (0: none) */
    const cfg *conf;
    ingest_result *out;
    replay_play *rp;
    char *body, *stored;
} ingest_job;

/* False only on a storage error: then the request's writes are undone (its savepoint). */
static bool ingest_work(db *d, void *user)
{
    ingest_job *j = user;
    ingest_result *out = j->out;
    replay_play *rp = j->rp;
    db_play play = {0};
    db_rc rc = db_play_get(d, j->person_id, j->play_key, &play);
    if (rc != DB_OK && rc != DB_NOT_FOUND) return false;
    /* The release the play is replayed on: its own once stored (plays from before the studio
       have 0: the seed, release 1); a new play takes the one its page loaded, if known. */
    int64_t current = store_current(j->st);
    if (rc == DB_OK) play.release = play.release > 0 ? play.release : 1;
    else play.release = j->content > 0 && j->content <= current ? j->content : current;
    char why[256];
    const replay_content *c = store_replay(j->st, play.release, why, sizeof why);
    if (!c) {
        fprintf(stderr, "pakopeli-server: release %lld: %s\n", (long long)play.release, why);
        return false;
    }
    replay_begin(rp, c);
    play_clock clk = {0};
    if (rc == DB_OK) {
        replay_ctx ctx = {rp, &clk, 0};
        if (!db_play_events(d, play.id, replay_stored, &ctx)) return false;
        if (ctx.bad)
            fprintf(stderr, "pakopeli-server: play %lld: %d stored events no longer replay (levels changed?)\n",
                    (long long)play.id, ctx.bad);
    } else if (rc != DB_NOT_FOUND) {
        return false;
    }
    bool stored_any = false;
    touched tc;
    memset(&tc, 0, sizeof tc);
    /* The server's clock (ingest.h): this batch's events happened no earlier than the play's last
       stored event and the player's last contact before this request, and no later than now. */
    int64_t lo = clk.at > j->seen ? clk.at : j->seen;
    if (lo <= 0 || lo > j->now) lo = j->now;
    const int64_t lo0 = lo;
    double t_end = j->items[j->n - 1].ev.t_ms;
    for (int i = 0; i < j->n; i++) {
        const ingest_item *it = &j->items[i];
        if (!report_event_to_json(&it->ev, j->body, BODY_MAX)) {
            set(out, INGEST_REFUSED, i, "event %u is too large", it->ev.seq);
            break;
        }
        rc = db_event_by_key(d, j->person_id, it->key, j->stored, BODY_MAX);
        if (rc == DB_OK) {
            if (strcmp(j->stored, j->body) != 0) {
                set(out, INGEST_CONFLICT, i, "key \"%s\" was used before for a different event", it->key);
                break;
            }
            out->accepted++;
            out->duplicates++;
            continue;
        }
        if (rc != DB_NOT_FOUND) {
            set(out, INGEST_ERROR, i, "the server could not store events just now; try again");
            break;
        }
        if (it->ev.seq <= rp->last_seq) {
            set(out, INGEST_CONFLICT, i, "event number %u of this play was already received with another key",
                it->ev.seq);
            break;
        }
        if (it->ev.seq != rp->last_seq + 1) {
            set(out, INGEST_GAP, i, "event number %u arrived before the events before it; send them first",
                it->ev.seq);
            break;
        }
        if (clk.any && it->ev.t_ms < clk.t) {
            set(out, INGEST_REFUSED, i, "event %u: its time t goes back (%.0f ms, after %.0f ms)", it->ev.seq,
                it->ev.t_ms, clk.t);
            break;
        }
        /* The client's t places an event within the batch (it may have waited offline); the
           server's times bound it. Playing time grows by the smaller of the two clocks' steps:
           a claimed pause longer than really passed counts only what passed, and time with the
           page closed (the client's clock stands still) does not count. */
        double back = t_end - it->ev.t_ms;
        int64_t at = j->now - (int64_t)(back > 0 ? back : 0);
        if (at < lo) at = lo;
        if (at > j->now) at = j->now;
        /* the first event: the client's time since the play began, but no more than the server
           saw pass since the player's contact before it (a page load, GET me) */
        double play_ms = it->ev.t_ms < (double)(at - lo0) ? it->ev.t_ms : (double)(at - lo0);
        if (play_ms < 1) play_ms = 1;
        if (clk.any) {
            double step_t = it->ev.t_ms - clk.t;
            double step_s = clk.at > 0 ? (double)(at - clk.at) : step_t;
            play_ms = clk.play + (step_t < step_s ? step_t : step_s);
        }
        report_event timed = it->ev;
        timed.t_ms = play_ms;
        replay_step step;
        if (!replay_apply(rp, &timed, &step)) {
            set(out, INGEST_REFUSED, i, "event %u does not replay: %s", it->ev.seq, replay_why(&step));
            break;
        }
        play_clock next = {true, it->ev.t_ms, at, play_ms};
        if (!store_event(d, j->person_id, j->play_key, &play, it, j->body, &next, j->now)) return false;
        if (step.room >= 0 && step.room < LEVEL_MAX_ROOMS && step.puzzle >= 0 && step.puzzle < LEVEL_MAX_PUZZLES) {
            tc.room[step.room] = true;
            tc.puzzle[step.room][step.puzzle] = true;
        }
        clk = next;
        lo = at;
        out->accepted++;
        stored_any = true;
    }
    if (stored_any && !store_results(d, c, &play, rp, &tc)) return false;
    if (stored_any && !store_play(d, j->person_id, &play, rp, j->conf, j->now)) return false;
    if (stored_any && db_stats_person(d, j->person_id) != DB_OK) return false; /* the kept statistics */
    /* The player's contact, in the same transaction: written after it on its own, it was a
       second commit (and fsync) per request that also held the lock the groups need. With new
       events db_person_touch (store_play) has written it. */
    if (!stored_any && db_person_seen(d, j->person_id, true, j->now) != DB_OK) return false;
    db_person p;
    if (db_person_get(d, j->person_id, j->now, &p) == DB_OK && p.completed) {
        out->completed = true;
        snprintf(out->completion_code, sizeof out->completion_code, "%s", p.code);
    }
    return true;
}

void ingest_batch(db *d, store *st, const cfg *conf, int64_t person_id, const char *play_key, int64_t content,
                  const ingest_item *items, int n, int64_t seen, int64_t now, ingest_result *out)
{
    memset(out, 0, sizeof *out);
    out->failed = -1;
    ingest_job j = {st, content, person_id, play_key, items, n, now, seen, conf, out, malloc(sizeof(replay_play)),
                    malloc(BODY_MAX), malloc(BODY_MAX)};
    if (!j.rp || !j.body || !j.stored) {
        set(out, INGEST_ERROR, 0, "the server is out of memory");
    } else if (!db_group_run(d, ingest_work, &j)) {
        /* A storage error, of this request or of the group's commit: nothing of it is stored,
           nothing is acknowledged, and the client sends it all again (keys make that harmless). */
        memset(out, 0, sizeof *out);
        set(out, INGEST_ERROR, 0, "the server could not store events just now; try again");
    }
    free(j.rp);
    free(j.body);
    free(j.stored);
}
