/* game.h - the state of a play-through and the rules that change it.
 *
 * Pure C: no SDL, no browser. The front end, the tests, the report server's replay check
 * and a saved game all drive it the same way: an answer is a puzzle id and a list of
 * option ids, submitted to game_submit(). The state is a fixed-size struct the caller
 * owns; it points at a loaded room that must outlive it.
 *
 *   game_state g;
 *   game_begin(&g, &room);
 *   game_result res;
 *   const char *ids[] = {"report"};
 *   game_submit(&g, "what-to-do", ids, 1, &res);   // res.verdict, res.explain ...
 */
#ifndef PK_GAME_H
#define PK_GAME_H

#include <stdbool.h>
#include <stdint.h>

#include "level.h"

typedef enum game_verdict {
    GAME_RIGHT,     /* the answer is right and the puzzle is solved */
    GAME_PARTIAL,   /* a right place found; more remain */
    GAME_WRONG,     /* a wrong choice or place: counted as a mistake */
    GAME_MISS,      /* a click on no place at all: counted, no explanation to give */
    GAME_REPEAT,    /* the same right place again, or a solved puzzle: changes nothing */
    GAME_LOCKED,    /* the puzzle's requirements are not met yet */
    GAME_INVALID    /* unknown puzzle or option ids, or the wrong number of them */
} game_verdict;

/* A puzzle's mistakes stop counting here (the score is 0 long before). */
enum { GAME_MAX_MISTAKES = 9999 };

typedef struct game_puzzle_state {
    bool solved;
    uint16_t mistakes;   /* wrong answers and misses, at most GAME_MAX_MISTAKES */
    uint16_t hints_used;
    uint32_t found;      /* hotspots: bit i set when place i has been found */
    unsigned char piece[16]; /* solved: the right answer's piece of the room's code key (seal.h) */
} game_puzzle_state;

typedef struct game_state {
    const level_room *room;  /* not owned */
    game_puzzle_state puzzles[LEVEL_MAX_PUZZLES];
    int solved_count;
    bool room_solved;
    uint32_t items;          /* bit i: the player holds room->items[i] */
    uint32_t revealed[(LEVEL_MAX_WIDGETS + 31) / 32]; /* hidden widgets shown by solved puzzles */
    uint32_t removed[(LEVEL_MAX_WIDGETS + 31) / 32];  /* widgets a solved puzzle took away; wins over revealed */
    const char *final_code;  /* normalised code of the last door, set by the play layer; not owned */
    char code_part[32];      /* a sealed room's code part, opened when the room is solved */
} game_state;

typedef struct game_result {
    game_verdict verdict;
    int puzzle;                 /* index of the puzzle, or -1 */
    int option;                 /* the option the explanation is about, or -1 */
    const i18n_text *explain;   /* why: points into the room, NULL when there is nothing to say */
    int found, needed;          /* hotspots: right places found so far, and how many there are;
                                   order and match: items in the right place, and how many */
    bool room_solved_now;       /* this answer solved the last puzzle of the room */
} game_result;

/* Starts a fresh play-through of room. */
void game_begin(game_state *g, const level_room *room);

/* Submits an answer. Returns false only for GAME_INVALID. The ids, by kind:
   - choice: the chosen option ids (all of them for a puzzle with several right answers);
   - hotspots: one place id per click, or none for a click that hit no place;
   - order: every step id, in the player's order;
   - match: one "left=right" per pair, using the pairs' ids (left "a" matched with the
     right-hand text of pair "b" is "a=b");
   - code and text: one string, the typed answer;
   - use: the item id and the place (widget) id. */
bool game_submit(game_state *g, const char *puzzle_id, const char *const *ids, int n,
                 game_result *out);

/* True when every puzzle this one requires is solved. */
bool game_puzzle_open(const game_state *g, int puzzle);

/* The next open, unsolved puzzle in the room's order, or -1 when none. */
int game_next_puzzle(const game_state *g);

/* Reveals the next hint of a puzzle and returns it, or NULL when none are left. Counted. */
const i18n_text *game_take_hint(game_state *g, int puzzle);

/* True when widget i is on screen: not hidden, or revealed by a solved puzzle, and not taken away
   by a solved puzzle ("gives": {"hides": [...]}). */
bool game_widget_visible(const game_state *g, int widget);
bool game_has_item(const game_state *g, int item);

/* The room's part of the last door's code: a plain room's own, a sealed room's once solved
   (opened with the answers that solved it), else NULL. */
const char *game_code_part(const game_state *g);

/* Totals over the room's puzzles. */
int game_mistakes(const game_state *g);
int game_hints(const game_state *g);

#endif
