/* report.h - answer events: what the game records, saves, and sends to the report server.
 *
 * One event is one answer given to a puzzle, in the same form game_submit() takes, so
 * anything that holds the events (a saved game, the server) can replay them through the
 * core and reach the same state. The server trusts no claimed score: it replays.
 *
 * JSON form (schema version 1):
 *   {"v":1,"seq":3,"room":"outlook","puzzle":"signs","answer":["sender"],"t":15234}
 *   {"v":1,"seq":4,"room":"outlook","puzzle":"signs","hint":true,"t":17020}   (a hint taken)
 * seq counts events from 1 within a play-through; t is milliseconds since it started
 * (the client's clock: information only, the server keeps its own timestamps).
 */
#ifndef PK_REPORT_H
#define PK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "diag.h"
#include "game.h"

enum { REPORT_ID_MAX = 64, REPORT_ANSWER_MAX = 256, REPORT_VERSION = 1 };

typedef struct report_event {
    uint32_t seq;
    bool hint;                 /* a hint was taken; answer is empty */
    char room[REPORT_ID_MAX];
    char puzzle[REPORT_ID_MAX];
    int answer_count;
    char answer[LEVEL_MAX_OPTIONS][REPORT_ANSWER_MAX]; /* option ids, or a typed answer */
    double t_ms;
} report_event;

/* Fills an event from an answer just given. False if an id is too long to record. */
bool report_event_make(report_event *ev, uint32_t seq, const char *room, const char *puzzle,
                       const char *const *ids, int n, double t_ms);

/* Fills a hint event. */
bool report_hint_make(report_event *ev, uint32_t seq, const char *room, const char *puzzle, double t_ms);

/* Writes the event as one line of JSON; false if cap is too small. */
bool report_event_to_json(const report_event *ev, char *out, size_t cap);

/* Reads an event from parsed JSON, checking every field; problems go to r's diagnostics
   with their JSON path (pass a jx_reader made over the request body). */
struct jx_reader;
bool report_event_from_json(struct jx_reader *r, const cJSON *obj, report_event *ev);

/* Replays one event into g (which must be playing ev->room). Returns the verdict. */
game_verdict report_replay(game_state *g, const report_event *ev, game_result *res);

#endif
