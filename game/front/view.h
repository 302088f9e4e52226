/* view.h - what a screen's view is given, and what it gives back.
 *
 * A view (room_view.c, ending_view.c, comic_view.c) draws one pass of its screen into the
 * context it is handed: the renderer, the UI, the language and text size, the asset pool. It
 * reads the content and the play-through (const) and changes only its own state. What the
 * player asked for (an answer, a door, another language) it returns as actions, which app.c
 * applies after the pass, in order: the one place that checks answers, switches screens and
 * changes settings. So a view runs natively in a test with a context of the test's making,
 * and the test reads the actions (tests/front/test_room_view.c).
 *
 *   view_ctx c = {.g = &gfx, .ui = &ui, .lang = LANG_FI, .text_zoom = 100, .assets = &pool, .wg = &wg};
 *   room_view_pass(&view, &(room_ctx){.c = &c, ...});
 *   for (int i = 0; i < c.action_count; i++) apply(&c.actions[i]);
 */
#ifndef PK_VIEW_H
#define PK_VIEW_H

#include <stdbool.h>

#include "../core/level.h"
#include "asset.h"
#include "gfx.h"
#include "strings.h"
#include "ui.h"

enum { VIEW_MAX_ACTIONS = 8 };

typedef enum view_action_kind {
    VIEW_NONE,
    VIEW_ANSWER,         /* id: the puzzle; ids[0..n): the answer to check (n 0: a miss) */
    VIEW_HINT,           /* id: the puzzle whose next hint the player asked for */
    VIEW_ENTER_ROOM,     /* index: a room of the manifest (a door of the hub) */
    VIEW_GO_HUB,         /* the top bar's way back to the hub */
    VIEW_OPEN_COMIC,     /* id: a comic of the manifest, over the screen */
    VIEW_CLOSE_COMIC,    /* the comic over the screen was closed */
    VIEW_ENDING,         /* the last door is open: the ending screen */
    VIEW_OPEN_SETTINGS,
    VIEW_LANGUAGE,       /* index: an i18n_lang */
    VIEW_RESTART,        /* forget all progress and start again */
    VIEW_SEND_RATING,    /* index: the player's rating, 1..5 */
} view_action_kind;

typedef struct view_action {
    view_action_kind kind;
    int index;
    const char *id;                      /* loaded content's, or the view state's */
    const char *ids[LEVEL_MAX_OPTIONS];  /* VIEW_ANSWER: content's ids or the view state's texts */
    int n;
} view_action;

struct wg_state;

typedef struct view_ctx {
    /* what the view draws with and reads */
    gfx *g;
    ui *ui;
    i18n_lang lang;
    int text_zoom;               /* the player's text size, 100, 125 or 150 (%) */
    bool reduced_motion;
    asset_pool *assets;          /* images and fonts by path; a view may ask for more */
    struct wg_state *wg;         /* the widgets' own state between passes (widgets.h) */
    double now_ms;               /* the time of this pass (plat_now_ms) */
    bool covered;                /* a dialog is over the view (the app's settings, or the view's own
                                    while it draws what is behind): no wheel or swipe goes behind it */
    /* what the view gives back */
    bool dirty;                  /* the view changed its own state: draw another pass */
    view_action actions[VIEW_MAX_ACTIONS];
    int action_count;
} view_ctx;

/* Adds an action for app.c to apply after the pass; false (and nothing added) when the
   pass has already given VIEW_MAX_ACTIONS (one input event gives one or two). */
bool view_emit(view_ctx *c, const view_action *a);
/* The same for an action that is only a kind and an index. */
bool view_emit_kind(view_ctx *c, view_action_kind kind, int index);

#endif
