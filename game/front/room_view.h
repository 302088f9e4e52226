/* room_view.h - the room screen: the mock application's scene, the task panel beside it (or
 * below it on a narrow screen), and the room's intro and "solved" dialogs.
 *
 * The view reads the content and the play-through (const) through its room_ctx and keeps only
 * what the screen shows in room_view. Answers, hints, doors and comics go back to app.c as
 * actions (view.h); app.c checks an answer through the core and hands the verdict back with
 * room_view_answered. Nothing here decides what is right.
 *
 *   room_view_begin(&v, &rc, show_intro);       // entering a room
 *   room_view_pass(&v, &rc);                    // each pass; then apply rc.c->actions
 *   room_view_answered(&v, &rc, &result);       // after app.c applied a VIEW_ANSWER
 */
#ifndef PK_ROOM_VIEW_H
#define PK_ROOM_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/game.h"
#include "../core/level.h"
#include "../core/play.h"
#include "../core/report.h"
#include "view.h"
#include "widgets.h"

enum { ROOM_VIEW_INPUT_MAX = 128 };

/* What the room screen shows; reset when another room is entered. */
typedef struct room_view {
    int current;                 /* puzzle shown in the side panel, -1: none open */
    bool intro_open, solved_open;
    bool has_feedback;
    game_result feedback;        /* the last answer's verdict and explanation */
    uint32_t chosen;             /* choice with several right answers: ticked options */
    int wrong_place;             /* hotspots: the last decoy clicked, to mark it; -1 none */
    int order[LEVEL_MAX_OPTIONS];/* ordering: the player's arrangement (option indices) */
    int pairs[LEVEL_MAX_OPTIONS];/* matching: right-hand option paired with each left one, -1 none */
    int pick_left;               /* matching: the left item waiting for a partner, -1 none */
    int shuffle[LEVEL_MAX_OPTIONS]; /* matching: display order of the right-hand texts */
    int choice_order[LEVEL_MAX_OPTIONS]; /* choice: display order of the options, this player's own */
    char pair_ids[LEVEL_MAX_OPTIONS][2 * REPORT_ID_MAX + 2]; /* matching: the answer "left=right" sent */
    int held_item;               /* use: the item chosen from the inventory, -1 none */
    char input[ROOM_VIEW_INPUT_MAX]; /* code and text: what the player has typed */
    bool input_checked;          /* input was a wrong answer: shown, replaced by the next typing */
    bool field_open;             /* the page's own text field is over the answer field */
    bool field_submitted;        /* Enter was pressed in it */
    wg_scroll scroll;            /* the side panel's content; on a narrow screen the whole column */
    int pan;                     /* a scene wider than its view: how far it is panned sideways */
    bool pan_to_task;            /* a task has opened: pan its places into view (once) */
    bool reveal_task;            /* a task has opened: on a narrow screen scroll its prompt into view (once) */
    int reveal;                  /* 1: a new verdict, 2: a new hint: scroll until it is in view (once) */
    bool focus_task;             /* the next task's first control takes the focus */
    int panel_h;                 /* narrow screens: the panel's height in the last pass (its card) */
    int scene_y;                 /* narrow screens: where the scene began in the column in the last pass */
    bool pin_news;               /* a search's card is above the scene and the place clicked a screen
                                    below it: its count and verdict are pinned to the screen's top */
    int pin_offset;              /* ... while the column stays at this scroll (the player scrolls: back
                                    to the card) */
    uint32_t pin_focus;          /* ... and the keyboard focus on this control */
    uint32_t feedback_seq;       /* counts verdicts: each is announced once, even if it repeats */
    double timer_end_ms;         /* room timer: when it runs out (0: no timer) */
    int timer_second;            /* the second last drawn: the timer redraws once a second */
    bool timer_done;
} room_view;

/* What the room view reads besides its own state: the view context, the content and the
   play-through. */
typedef struct room_ctx {
    view_ctx *c;                 /* drawing, UI, language, assets; actions go here */
    const level_game *manifest;
    const level_room *rooms;     /* rooms[0..room_count) are loaded (a new player's lobby may come
                                    before the others: manifest->room_count is every room) */
    int room_count;
    const play_state *play;
    int room;                    /* the room on screen */
    int hub;                     /* the hub room, or -1 */
    uint32_t seed;               /* this player's own: the order of a choice's options */
} room_ctx;

/* Resets v for the room rc->room; show_intro opens its intro dialog (a first visit). */
void room_view_begin(room_view *v, const room_ctx *rc, bool show_intro);
/* Draws one pass of the room screen; what the player asked for is in rc->c->actions. */
void room_view_pass(room_view *v, const room_ctx *rc);
/* The verdict of the VIEW_ANSWER this view gave, after app.c applied it: shows it, moves the
   focus on, and may give more actions (the ending after the last door, a reward comic). */
void room_view_answered(room_view *v, const room_ctx *rc, const game_result *r);

#endif
