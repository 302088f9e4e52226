/* ending_view.h - the last screen: the player escaped. A summary of the play-through, what the
 * rooms taught, the completion code HR can verify, an optional rating and "play again".
 *
 *   ending_view_pass(&v, &(ending_ctx){.c = &c, ...});   // VIEW_SEND_RATING, VIEW_RESTART
 */
#ifndef PK_ENDING_VIEW_H
#define PK_ENDING_VIEW_H

#include <stdbool.h>

#include "../core/level.h"
#include "../core/play.h"
#include "view.h"
#include "widgets.h"

/* What the ending shows; reset by a restart. */
typedef struct ending_view {
    int rating;                  /* 1..5, 0: not chosen */
    bool rating_sent;            /* the rating went to the report server: thanks instead */
    wg_scroll scroll;
    int card_h;                  /* narrow screens: the card's height in the last pass */
} ending_view;

typedef struct ending_ctx {
    view_ctx *c;
    const level_game *manifest;
    const level_room *rooms;     /* rooms[0..room_count) are loaded */
    int room_count;
    int hub;                     /* the hub room, or -1 */
    const play_state *play;
    double play_ms;              /* play time across reloads */
    const char *completion;      /* the report server's completion code, "" until it has one */
} ending_ctx;

/* Draws one pass of the ending; gives VIEW_SEND_RATING (index: the rating) and VIEW_RESTART. */
void ending_view_pass(ending_view *v, const ending_ctx *ec);

#endif
