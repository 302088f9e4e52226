/* play.h - a whole play-through: the rooms of a game manifest, their code parts, the last
 * door, the score, and resuming from the recorded answers.
 *
 * The front end, a saved game and the report server drive it the same way: every answer or
 * hint is a report_event applied with play_apply(). Rooms are loaded by the caller (and
 * outlive the play state); play_attach_room() starts a room's state when it is loaded.
 *
 *   play_state p;
 *   play_begin(&p, &manifest);
 *   for each room i: play_attach_room(&p, i, &rooms[i]);
 *   play_apply(&p, &event, &result);        // GAME_INVALID for events that no longer fit
 *   if (p.escaped) ...                      // the last door is open
 */
#ifndef PK_PLAY_H
#define PK_PLAY_H

#include <stdbool.h>
#include <stdint.h>

#include "game.h"
#include "level.h"
#include "report.h"

enum {
    PLAY_CODE_MAX = 128,
    /* Bounds on a play, so nothing in it can grow without end: a room answers at most
       PLAY_MAX_ROOM_EVENTS events (a careful player needs well under a hundred), a whole
       play at most PLAY_MAX_EVENTS. Events beyond them are GAME_INVALID, which the report
       server refuses. */
    PLAY_MAX_ROOM_EVENTS = 2000,
    PLAY_MAX_EVENTS = 10000
};

typedef struct play_room_time {
    double first_ms, last_ms;   /* client times of the room's first and last event; 0 before */
} play_room_time;

typedef struct play_state {
    const level_game *game;                       /* not owned */
    const level_room *rooms[LEVEL_MAX_ROOMS];     /* not owned; NULL until attached */
    game_state room_state[LEVEL_MAX_ROOMS];
    play_room_time times[LEVEL_MAX_ROOMS];
    char final_code[PLAY_CODE_MAX];               /* normalised, "" until every required room is solved */
    bool escaped;                                 /* the last door is open */
    uint32_t events;                              /* events applied (valid or not) */
    uint32_t room_events[LEVEL_MAX_ROOMS];        /* events that replayed in each room */
    uint32_t skipped;                             /* events that no longer fit the content */
} play_state;

void play_begin(play_state *p, const level_game *game);
/* Starts room i's state on its loaded content. */
void play_attach_room(play_state *p, int i, const level_room *room);

/* True when room i may be entered: always in free order; in an ordered game, when every
   required room listed before it is solved. The hub is always open. */
bool play_room_open(const play_state *p, int i);
bool play_room_solved(const play_state *p, int i);
/* True when every required room is solved (the last door can be tried). */
bool play_all_required_solved(const play_state *p);

/* Applies one answer or hint event to the room it names. Returns the verdict; GAME_INVALID
   for an unknown or not yet loaded room, a room that is not open, ids that do not fit, or
   an event past the play's bounds (PLAY_MAX_ROOM_EVENTS, PLAY_MAX_EVENTS). */
game_verdict play_apply(play_state *p, const report_event *ev, game_result *res);

/* The score rule (docs/scoring.md): each required room starts at 100 and loses 5 per
   mistake, 10 per hint and, when the room sets target_minutes, 1 per minute over it,
   to no less than 0; the game's score is the rounded mean over the required rooms. */
int play_room_score(const play_state *p, int i);
int play_score(const play_state *p);
int play_total_mistakes(const play_state *p);
int play_total_hints(const play_state *p);

#endif
