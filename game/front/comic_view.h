/* comic_view.h - the comic viewer: a whole page at a time, or panel by panel ("guided view")
 * zooming smoothly from panel to panel in reading order (a cut when reduced motion is on).
 *
 * Bubbles are lettered by the engine (comic_layout.h), so they re-wrap when the language or
 * the text size changes. The screen-reader mirror reads each panel's description, then its
 * bubbles in order with who speaks. The viewer remembers where the player was in platform
 * storage under "pakopeli.comic.<id>".
 *
 * The app opens a comic over any screen (a view asks with VIEW_OPEN_COMIC):
 *
 *   comic_view_open(&cv, &ctx, &loaded_comic);   // the comic must outlive the viewer
 *   ... in the frame's event loop, before ui_event:
 *   if (cv.open && comic_view_event(&cv, &ui, &e)) dirty = true;
 *   ... before deciding whether to draw:
 *   if (comic_view_animating(&cv, &assets)) dirty = true;
 *   ... instead of the screen's pass while it is open:
 *   if (comic_view_pass(&cv, &ctx, back)) { closed: back to the screen }
 *
 * Input: arrow keys, Page Up/Down and Space step (Space only while no control has the
 * keyboard focus), Home/End go to the start and the end, Esc closes; a click or tap on the
 * left or right edge steps, a swipe steps, a tap on a panel of the whole page zooms to it.
 */
#ifndef PK_COMIC_VIEW_H
#define PK_COMIC_VIEW_H

#include <stdbool.h>

#include <SDL.h>

#include "../core/comic.h"
#include "../core/diag.h"
#include "../platform/platform.h"
#include "asset.h"
#include "comic_layout.h"
#include "ui.h"
#include "view.h"
#include "widgets.h"

typedef enum comic_view_mode { COMIC_VIEW_PAGE, COMIC_VIEW_GUIDED } comic_view_mode;

typedef struct comic_view {
    const comic *comic;          /* not owned */
    bool open;
    comic_view_mode mode;
    int at;                      /* the current panel, counted through all pages (comic.h) */
    int pending_step;            /* steps asked for by input since the last pass */
    int pending_jump;            /* -1, or a panel number to go to (Home, End, a tapped panel) */
    bool pending_close;
    bool pending_toggle;         /* switch between page and guided view */
    uint32_t focus_later;        /* a control (ui key) to get the keyboard focus once it is drawn */

    /* camera: the part of the page on screen, in page units; animates in guided view */
    comic_frect cam_from, cam_to;
    comic_frect win_from, win_to; /* the unmasked window (a panel, or the page) moves too */
    double anim_start;           /* plat_now_ms() when the move began */
    bool animating;
    int cam_page;                /* page the camera is on; -1 before the first pass */

    /* bubble layouts of the page on screen, redone when the page, language or text size changes */
    comic_measurer measurer;
    bool measurer_failed;
    int layout_page, layout_zoom;
    i18n_lang layout_lang;
    comic_panel_layout layouts[COMIC_MAX_PANELS];

    /* images rasterised for: redone when the page, view, or screen density changes */
    int prepared_page, prepared_at;
    comic_view_mode prepared_mode;
    float prepared_scale;

    /* a short screen (a laptop at 200 % zoom): the top bar, the comic and its toolbar scroll as
       one column, the comic and the toolbar filling the screen (short_column) */
    wg_scroll scroll;
    bool scroll_to_stage;        /* opened: scroll the top bar away once the column is measured */
    int toolbar_shift;           /* the toolbar's distance above the screen's bottom (scrolled) */

    /* where the last pass drew the page, for taps that come between passes */
    SDL_Rect stage;              /* the comic's area, logical units */
    float scale, ox, oy;         /* logical units per page unit; where page (0, 0) landed */

    /* a press on the comic that may become a tap or a swipe */
    bool pressing;
    int press_x, press_y;

    /* a comic named in the URL (?comic=id), loaded and owned by the viewer */
    char url_id[64];
    char url_path[128];
    asset_handle url_fetch;
    bool url_requested;
    bool url_loaded;
    comic url_comic;
} comic_view;

/* Opens c at the place the player left it (or its first panel). Requests the panel images and
   the lettering font through the context's assets. */
void comic_view_open(comic_view *v, view_ctx *vc, const comic *c);
/* Draws the viewer (with the top bar; back: it offers the way to the hub) and applies input;
   returns true in the pass the player closes it. */
bool comic_view_pass(comic_view *v, view_ctx *vc, bool back);
/* Takes the events the viewer handles (steps, taps, swipes, Esc); false for others, which go
   on to ui_event. Call only while the viewer is open and nothing is over it. */
bool comic_view_event(comic_view *v, ui *u, const SDL_Event *e);
/* True while a zoom is under way or its files are coming: the app must draw every frame. */
bool comic_view_animating(const comic_view *v, const asset_pool *assets);
/* Frees the viewer's font copy (and a comic it loaded itself); natively at exit. */
void comic_view_shutdown(comic_view *v);

/* ---- a comic alone, from the URL: ?comic=<id> loads levels/comics/<id>.json --------------- */

typedef enum comic_view_loading { COMIC_VIEW_LOADING, COMIC_VIEW_READY, COMIC_VIEW_FAILED } comic_view_loading;

/* True when the URL names a comic: the app then loads it instead of the game. A bad id is
   reported into d. */
bool comic_view_request_from_url(comic_view *v, diag_list *d);
/* One loading step per frame after the fonts are in: READY when the comic and its files are
   in (the app shows its screen), FAILED with the reasons in diags. */
comic_view_loading comic_view_pump_loading(comic_view *v, view_ctx *vc, diag_list *diags);
/* The comic's own screen: the viewer, and after closing a card that opens it again. */
void comic_view_standalone_pass(comic_view *v, view_ctx *vc);

#endif
