/* ingest.h - accepting a player's answer events: check, replay, store, durable before answered.
 *
 * Rules, so a resend is harmless and a forgery is useless:
 *   - each event carries an idempotency key; a key seen before with the same event is a
 *     duplicate (accepted again, nothing changes), with a different event a conflict;
 *   - events of a play are numbered 1, 2, 3 ... (seq) and must arrive in that order with no
 *     gaps: the replay needs every answer before this one;
 *   - every event is replayed through the core on the server's copy of the levels; one that
 *     does not replay is refused, and nothing of it is stored;
 *   - the events of a request accepted before any refusal are stored together (one savepoint)
 *     in the group transaction that the requests arriving meanwhile share (db.h: group
 *     commit, one fsync for many), and acknowledged only after that transaction committed
 *     (the WAL fsynced; db.h), so everything acknowledged is on disk; a storage error, of
 *     the request or of the group's commit, acknowledges none (the client sends them again);
 *   - the server's clock times a play, not the client's (issue 15). Each event's time is the
 *     request's receive time, or, for a batch sent after an offline spell, placed back from it
 *     by the client's t, but never before the play's last stored event nor before the
 *     player's last contact with the server before this request (GET me, POST events), and
 *     never after now. Playing time grows event by event by the smaller step of the two
 *     clocks (a page closed overnight stops the client's clock; a claimed pause cannot be
 *     longer than what really passed). A t that goes back is refused. A solved room whose
 *     answers span less than its plausible minimum (cfg min_room_seconds) is recorded on the
 *     play (db_play.fast) for HR to see; the score stands, flagged.
 * A batch stops at its first refused event; those before it stay accepted.
 */
#ifndef PK_INGEST_H
#define PK_INGEST_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/report.h"
#include "cfg.h"
#include "db.h"
#include "replay.h"
#include "store.h"

enum { INGEST_BATCH_MAX = 100, INGEST_KEY_MAX = 81 };

typedef struct ingest_item {
    char key[INGEST_KEY_MAX]; /* idempotency key, checked with valid_key */
    report_event ev;
} ingest_item;

typedef enum ingest_code {
    INGEST_OK = 0,
    INGEST_CONFLICT,  /* a key reused for another event, or a sequence number taken */
    INGEST_GAP,       /* an event arrived before one it follows */
    INGEST_REFUSED,   /* the event does not replay */
    INGEST_ERROR      /* the database failed: nothing of this event was stored */
} ingest_code;

typedef struct ingest_result {
    int accepted;          /* events of the batch now stored, counting duplicates */
    int duplicates;        /* of those, events that were stored before */
    ingest_code code;      /* why the batch stopped early, INGEST_OK when it did not */
    int failed;            /* index of the event that stopped it, or -1 */
    char message[256];     /* English, safe to show (no SQL, no internals) */
    bool completed;        /* the person has completed the game (now or before) */
    char completion_code[AUTH_CODE_MAX];
} ingest_result;

/* Ingests n events of one play (play_key) of a person, in order. A new play is replayed on
   the content release its page loaded (content; 0 or unknown: the current one), a stored
   play on the release it began on (db_play.release). seen: the person's last contact with
   the server before this request (db_person.seen; 0 none), the earliest an event can be. */
void ingest_batch(db *d, store *st, const cfg *conf, int64_t person_id, const char *play_key, int64_t content,
                  const ingest_item *items, int n, int64_t seen, int64_t now, ingest_result *out);

#endif
