#include "ingest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/jsonx.h"

enum { BODY_MAX = 64 * 1024 };

typedef struct replay_ctx {
    replay_play *play;
    int bad; /* stored events that no longer replay (the levels changed since) */
} replay_ctx;

static bool replay_stored(void *user, uint32_t seq, const char *body)
{
    replay_ctx *ctx = user;
    diag_list *d = calloc(1, sizeof *d);
    if (!d) return false;
    jx_reader r = jx_reader_make("stored event", body, strlen(body), d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    replay_step step;
    if (!o || !report_event_from_json(&r, o, &ev) || !replay_apply(ctx->play, &ev, &step)) ctx->bad++;
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

/* Stores one replayed event with its effects, inside the request's transaction. */
static bool store(db *d, const replay_content *c, int64_t person_id, const char *play_key, db_play *play,
                  const replay_play *rp, const ingest_item *it, const replay_step *step, const char *body,
                  int64_t now)
{
    bool ok = true;
    if (play->id == 0) ok = db_play_add(d, person_id, play_key, now, &play->id) == DB_OK;
    ok = ok && db_event_add(d, play->id, person_id, it->ev.seq, it->key, body, now) == DB_OK;
    const play_state *ps = &rp->state;
    int r = step->room, k = step->puzzle;
    if (ok && r >= 0 && k >= 0) {
        const game_puzzle_state *gp = &ps->room_state[r].puzzles[k];
        ok = db_puzzle_result_set(d, play->id, c->rooms[r].id, c->rooms[r].puzzles[k].id, gp->solved,
                                  gp->mistakes, gp->hints_used, (int64_t)rp->solve_ms[r][k]) == DB_OK;
        const play_room_time *t = &ps->times[r];
        ok = ok && db_room_result_set(d, play->id, c->rooms[r].id, play_room_solved(ps, r),
                                      game_mistakes(&ps->room_state[r]), game_hints(&ps->room_state[r]),
                                      (int64_t)(t->last_ms > t->first_ms ? t->last_ms - t->first_ms : 0),
                                      play_room_score(ps, r)) == DB_OK;
    }
    play->last_seq = it->ev.seq;
    play->escaped = ps->escaped;
    play->score = play_score(ps);
    play->mistakes = play_total_mistakes(ps);
    play->hints = play_total_hints(ps);
    play->time_ms = (int64_t)replay_time_ms(rp);
    ok = ok && db_play_update(d, play, now) == DB_OK;
    ok = ok && db_person_touch(d, person_id, now) == DB_OK;
    if (ok && play->escaped) {
        db_person p;
        ok = db_person_get(d, person_id, now, &p) == DB_OK;
        /* The first completion counts; a code collision (60 random bits) just draws again. */
        for (int tries = 0; ok && p.completed == 0 && tries < 5; tries++) {
            char code[AUTH_CODE_MAX];
            auth_completion_code(code);
            db_rc rc = db_person_complete(d, person_id, play, code, now);
            if (rc == DB_OK) break;
            if (rc != DB_CONFLICT || tries == 4) ok = false;
        }
    }
    return ok;
}

void ingest_batch(db *d, const replay_content *c, int64_t person_id, const char *play_key,
                  const ingest_item *items, int n, int64_t now, ingest_result *out)
{
    memset(out, 0, sizeof *out);
    out->failed = -1;
    replay_play *rp = malloc(sizeof *rp);
    char *body = malloc(BODY_MAX), *stored = malloc(BODY_MAX);
    if (!rp || !body || !stored) {
        set(out, INGEST_ERROR, 0, "the server is out of memory");
        goto done;
    }
    db_lock(d); /* one play is replayed and extended by one request at a time */
    replay_begin(rp, c);
    db_play play = {0};
    db_rc rc = db_play_get(d, person_id, play_key, &play);
    if (rc == DB_OK) {
        replay_ctx ctx = {rp, 0};
        if (!db_play_events(d, play.id, replay_stored, &ctx)) rc = DB_ERROR;
        else if (ctx.bad)
            fprintf(stderr, "pakopeli-server: play %lld: %d stored events no longer replay (levels changed?)\n",
                    (long long)play.id, ctx.bad);
    } else if (rc == DB_NOT_FOUND) {
        rc = DB_OK;
    }
    if (rc != DB_OK) {
        db_unlock(d);
        set(out, INGEST_ERROR, 0, "the server could not store events just now; try again");
        goto done;
    }
    /* One transaction per request (one record, one fsync): the events accepted before any
       refusal are committed together, and only then acknowledged. A storage error rolls the
       whole request back and acknowledges nothing, so the client sends it all again (keys make
       that harmless). */
    bool in_tx = false, tx_failed = false;
    for (int i = 0; i < n; i++) {
        const ingest_item *it = &items[i];
        if (!report_event_to_json(&it->ev, body, BODY_MAX)) {
            set(out, INGEST_REFUSED, i, "event %u is too large", it->ev.seq);
            break;
        }
        rc = db_event_by_key(d, person_id, it->key, stored, BODY_MAX);
        if (rc == DB_OK) {
            if (strcmp(stored, body) != 0) {
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
        replay_step step;
        if (!replay_apply(rp, &it->ev, &step)) {
            set(out, INGEST_REFUSED, i, "event %u does not replay: %s", it->ev.seq, replay_why(&step));
            break;
        }
        if (!in_tx && !(in_tx = db_begin(d))) {
            tx_failed = true;
            break;
        }
        if (!store(d, c, person_id, play_key, &play, rp, it, &step, body, now)) {
            tx_failed = true;
            break;
        }
        out->accepted++;
    }
    if (in_tx && !tx_failed && !db_commit(d)) tx_failed = true; /* db_commit rolls back on failure */
    else if (in_tx && tx_failed) db_rollback(d);
    if (tx_failed) {
        out->accepted = out->duplicates = 0;
        set(out, INGEST_ERROR, 0, "the server could not store events just now; try again");
    }
    db_person p;
    if (db_person_get(d, person_id, now, &p) == DB_OK && p.completed) {
        out->completed = true;
        snprintf(out->completion_code, sizeof out->completion_code, "%s", p.code);
    }
    db_unlock(d);
done:
    free(rp);
    free(body);
    free(stored);
}
