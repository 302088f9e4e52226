/* replay.h - the server's own account of a play-through, from the answers alone.
 *
 * The server never believes a score. It loads the very level files the game loads (the
 * levels/ folder: game.json and its rooms) and runs every received event through the same
 * core (play.h) the game runs; what that replay says was solved, and how, is what the server
 * records. An event that the core refuses (an unknown room, puzzle or option, a puzzle or
 * room that is not open yet, a hint that does not exist) does not replay and is refused.
 *
 *   replay_content c;
 *   if (!replay_load(&c, "build/web/levels", err, sizeof err)) die(err);
 *   replay_play *p = malloc(sizeof *p);      // about 40 KiB: keep it off small stacks
 *   replay_begin(p, &c);
 *   replay_step s;
 *   if (!replay_apply(p, &event, &s)) refuse(replay_why(&s));
 *   ... p->state.escaped, play_score(&p->state) ...
 *   replay_free(&c);
 */
#ifndef PK_REPLAY_H
#define PK_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/play.h"

typedef struct replay_content {
    level_game game;
    level_room rooms[LEVEL_MAX_ROOMS]; /* rooms[i] is game.rooms[i] */
    int room_count;                    /* rooms loaded; equals game.room_count once loaded */
} replay_content;

/* Loads dir/game.json and every room it lists. Errors name the file, line and field. */
bool replay_load(replay_content *c, const char *dir, char *err, size_t cap);
void replay_free(replay_content *c);

typedef struct replay_play {
    play_state state;
    uint32_t last_seq;                                       /* of the last event applied */
    double solve_ms[LEVEL_MAX_ROOMS][LEVEL_MAX_PUZZLES];     /* game-clock time each puzzle took */
    double last_solve_t[LEVEL_MAX_ROOMS];                    /* client time of the room's last solve */
    /* A room's first puzzle counts from the play's previous answer before the room's first one
       (0, the start of the play, for the first room): the game reports answers, not entering a
       room, and counting from the room's first answer made a puzzle solved at once take 0 s. */
    double room_from_t[LEVEL_MAX_ROOMS];
    double last_t;                                           /* client time of the play's last event */
} replay_play;

typedef struct replay_step {
    game_verdict verdict;
    int room;           /* index into the content's rooms, -1 when unknown */
    int puzzle;         /* index into the room's puzzles, -1 when unknown */
    bool solved_now;    /* this event solved its puzzle */
} replay_step;

void replay_begin(replay_play *p, const replay_content *c);

/* Applies one event. False when it does not replay; p is then unchanged in every way that
   matters (the core changes nothing for refused answers). */
bool replay_apply(replay_play *p, const report_event *ev, replay_step *out);

/* Why a step did not replay, in English, for the error message. */
const char *replay_why(const replay_step *s);

/* The play's playing time: the sum over rooms of first to last event (game clock). */
double replay_time_ms(const replay_play *p);

#endif
