/* room_layout.h - where the room screen's parts go and how their texts are boxed, in the
 * page's CSS pixels. Shared by the views (room_view.c, app.c's top bar and dialogs) and the
 * content linter's overflow checks (game/tools/lint_text.c), so the two never disagree.
 *
 * Pure C: no window and no renderer. Text is measured through a callback, which the game
 * answers with text.c (its cache, the real pixel density) and the linter with SDL_ttf alone:
 *
 *   rl_measure m = {ctx, my_measure};          // my_measure(ctx, face, size, s, wrap, &w, &h)
 *   rl_screen s = rl_screen_layout(w, h, 125, bar.h, room->scene_w, room->scene_h);
 *   rl_top_bar bar; rl_top_bar_layout(&m, w, zoom, back, title, settings, names, &bar);
 *   rl_dialog d;    rl_dialog_layout(&m, w, h, zoom, title, body, extra, &d);
 *
 * Units are CSS pixels: the canvas is as many units wide as the page's CSS width, and the
 * platform layer renders them at the device pixel ratio. Browser zoom makes the CSS width
 * smaller, so everything grows with it, as on any web page. Sizes of text (size arguments,
 * RL_TS_*) are CSS px at the player's text size 100 %; the measure callback applies the text
 * size. Scene coordinates are the author's (level.h), 1 unit = 1 CSS px at most; the scene is
 * scaled into the screen, never below RL_SCENE_SCALE_MIN (its smallest text then stays >= 12
 * CSS px) - a scene wider than its view then pans sideways (docs/architecture.md, "Layout").
 */
#ifndef PK_ROOM_LAYOUT_H
#define PK_ROOM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL_rect.h>

#include "../core/i18n.h"
#include "../core/level.h"

enum {
    RL_WIDE_MIN_W = 1060,   /* narrower canvases get one column: top bar, scene, panel, scrolling */
    RL_MARGIN = 16,         /* around the scene and the panel on a wide screen */
    RL_PANEL_MIN_W = 380, RL_PANEL_MAX_W = 520,
    RL_PANEL_PAD = 20,      /* panel text starts this far in from the card's edge */
    RL_SCROLLBAR = 24,      /* room kept right of panel text for the scroll bar */
    RL_BAR_CONTROL_H = 40,  /* a top-bar button at 100 % text */
    RL_CONTROL_H = 48,      /* a panel button at 100 % text; both grow with the text size */
    RL_CONTROL_MIN = 24,    /* no control is smaller than this, CSS px (WCAG 2.5.8) */
    RL_ZOOM_MAX = 150,      /* the largest text size a player can choose, % */
    RL_SCENE_TEXT_MIN = 12, /* the smallest scene text on screen, CSS px */
    RL_LIST_ROW = 58,       /* a scene list's row height, scene units */
    RL_PAN_FULL_W = 580,    /* a column at least this wide shows the scene at full size, panning */
    RL_STEP_ARROWS = 72     /* a step's up and down buttons, right of its text (two of 32, gaps) */
};

/* Text sizes, CSS px at text size 100 %. Panels and dialogs never go below 16 (WCAG 1.4.4). */
enum {
    RL_TS_BODY = 16,        /* options, explanations, help lines, hints */
    RL_TS_BUTTON = 17,
    RL_TS_HEAD = 18,        /* the feedback's verdict */
    RL_TS_PROMPT = 19,      /* a task's question */
    RL_TS_TITLE = 21,       /* the top bar's title */
    RL_TS_LANG = 16,        /* language names in the top bar */
    RL_TS_DIALOG_TITLE = 28, RL_TS_DIALOG_BODY = 19, RL_TS_DIALOG_EXTRA = 21
};

/* Scene text steps (level_text_size) in scene units: small, normal, large, title. */
extern const int rl_scene_text[4];
/* The smallest scale a scene is drawn at: its small text is then RL_SCENE_TEXT_MIN px. */
#define RL_SCENE_SCALE_MIN ((float)RL_SCENE_TEXT_MIN / 15.0f)

/* Measures s in face (0 regular, 1 bold) at size (CSS px at 100 %, the callee applies the
   player's text size), wrapped to wrap px (0: one line). */
typedef void (*rl_measure_fn)(void *ctx, int face, int size, const char *s, int wrap, int *w, int *h);
typedef struct rl_measure {
    void *ctx;
    rl_measure_fn fn;
} rl_measure;

/* ---- wrapping text ------------------------------------------------------------------------- */

/* Width in px of the first n bytes of s on one line (the caller's font: SDL_ttf in both). */
typedef int (*rl_width_fn)(void *ctx, const char *s, size_t n);

/* Breaks s into lines at most wrap px wide, at spaces, greedily, and writes it to out with a
   '\n' at each break; the author's own '\n' stay. The space a line breaks at is dropped, so no
   line starts (or ends) with it. A separator ("·", "•", "|", a dash, "/") stays at the end of
   the line before it and never starts one; a line with a list separator ("4 · 7 · 2",
   "Virheitä: 0 · Vihjeitä: 1") breaks after those first, so its items stay whole; a short word
   without letters (a code part "8", "?", a figure) is never left alone on a line: the break
   moves a word earlier. Where nothing else fits, a line breaks before a separator. A word
   wider than wrap gets a line of its own (the renderer breaks it). out needs strlen(s) + 1 bytes (breaks only replace spaces); false when cap is
   smaller (out is then s cut to fit). text.c draws and measures, and the linter measures,
   only text broken here: what the linter passes is what the player sees. */
bool rl_wrap(const char *s, int wrap, rl_width_fn width, void *ctx, char *out, size_t cap);

/* ---- the screen ----------------------------------------------------------------------------- */

typedef struct rl_screen {
    int w, h;             /* the canvas, CSS px */
    bool stacked;         /* one scrolling column (phones, zoomed or narrow windows) */
    SDL_Rect scene_view;  /* where the scene is seen; stacked: y counts from the column's top */
    float scene_scale;    /* screen px per scene unit */
    int scene_draw_w;     /* the scene's drawn width; wider than scene_view.w: it pans sideways */
    int scene_draw_h;
    SDL_Rect panel;       /* wide: the panel's card; stacked: its x, w and top y (h is 0) */
    int text_w;           /* width of the panel's text (less padding and the scroll bar) */
} rl_screen;

/* Lays out a room screen of w x h CSS px whose top bar is bar_h tall (rl_top_bar_layout),
   at text size zoom %, for a scene of scene_w x scene_h units. */
rl_screen rl_screen_layout(int w, int h, int zoom, int bar_h, int scene_w, int scene_h);
/* True when a canvas this wide gets the one-column layout. */
bool rl_stacked(int w);
/* A button's height for text of size at text size zoom: base at 100 %, growing with the text. */
int rl_control_h(int base, int zoom);

/* How far to pan a scene wider than its view so that places (rectangles in scene units) are in
   view: the pan, from 0 to max_pan, that shows the most of them whole (each with a margin),
   then the most of their left edges (where their text starts), then the most of the places
   that cannot show whole (a phone: a channel's messages wider than the view, read to their
   cut), and of those the nearest to the current pan, so places already in view do not move
   the scene. Used when a task opens
   (its places) and when the keyboard moves to a place on the scene (that place). */
int rl_pan_to(const level_rect *places, int n, float scale, int view_w, int max_pan, int pan);

/* The one-column layout, when a task opens. Its number and prompt (task_h px: they are read
   first) go in the panel below the scene, unless that is too far from the places the player
   must click: a search on the scene (its places, scene units) whose prompt below the scene
   and the top of its first (topmost) place cannot both show on the screen (a laptop at 200 %
   zoom, 640x380 CSS px, where the scene alone is 560 px tall). Then the task's number and
   prompt go above the scene, in a card of their own: rl_put_task_above. False on a wide
   screen, without places, and when both fit (a phone held upright). */
bool rl_task_above(const rl_screen *s, int task_h, const level_rect *places, int n);
/* Moves the scene and the panel of a one-column screen down to make room for the task's card
   (task_h px of text, 12 px of padding above and below, a gap under it); returns the card. */
SDL_Rect rl_put_task_above(rl_screen *s, int task_h);

/* A stretch of the one-column layout, px from the column's top. */
typedef struct rl_span {
    int y, h;
} rl_span;

/* How far to scroll the one-column layout when a task opens, px from the column's top: task is
   its number and prompt, first its topmost place on the scene, places the extent of all of
   them (h 0: none); offset is the scroll now, max_offset the most it can be, view_h the screen's
   height. The rule, each step kept while the next is tried:
   1. the prompt is whole in view (taller than the view: its top) - the player reads it first;
   2. the first place is whole in view (or its top, if it cannot be), so a mouse user sees where
      to start without scrolling up;
   3. as much of the places as fits;
   and of the scrolls that do equally well, the nearest to offset (what is in view stays put).
   A keyboard focus, a verdict and a hint are scrolled to later and win (room_view.c). */
int rl_reveal_task(int view_h, int offset, int max_offset, rl_span task, rl_span first, rl_span places);

/* How far to scroll the one-column layout after an answer to a search whose task is in the card
   above the scene (rl_put_task_above), where the card also shows what that answer did (the
   count found and the verdict: news). offset is the scroll when the player clicked, shift how far
   the scene has moved down since (the card grew by it; negative: it shrank), news the feedback
   and place the clicked place (h 0: none, a click that hit no place), px from the column's top.
   The player is looking at the scene, with more places to find, so the rule is:
   1. the scene stays where it was on the screen (offset + shift) if the feedback shows whole;
   2. else the nearest scroll to that which shows the feedback and the place both whole;
   3. if they cannot both show (a place low in a scene taller than the screen), the scene stays
      where it was: the place's mark says right or wrong where the player looks (the card holds
      the count and why, a scroll up, and a screen reader hears the verdict anyway). A click that
      hit no place has no mark: the feedback whole, the nearest scroll that shows it. */
int rl_after_find(int view_h, int offset, int max_offset, int shift, rl_span news, rl_span place);
/* Case 3 of rl_after_find, made good: the feedback (pin_h px, the verdict and why) is pinned to
   the screen's top instead, and the column scrolls so that the place clicked is whole below it:
   the scroll nearest offset + shift that does. -1 when none does (the place taller than what
   the pinned feedback leaves of the screen): then rl_after_find's answer stands. */
int rl_pin_scroll(int view_h, int offset, int max_offset, int shift, int pin_h, rl_span place);

/* ---- the scene's widgets -------------------------------------------------------------------- */

/* Where a widget's text goes, in screen px (r is the widget's rectangle on screen). */
typedef struct rl_box {
    SDL_Rect r;           /* text area: x, y of its top left, w its wrap width, h the room it has */
    int face;             /* 0 regular, 1 bold */
    int size;             /* scene text size in scene units (rl_scene_text) */
    bool middle;          /* centred vertically in r (one-line labels), else from r's top */
} rl_box;

/* The text box of widget w drawn at r with scale; false when the widget draws no text
   (images; lists are boxed row by row with rl_list_row). */
bool rl_widget_box(const level_widget *w, SDL_Rect r, float scale, rl_box *b);
/* Row k of a list widget drawn at r: its rectangle, and its text box in b. False when the
   row is below the list's height (not drawn: the linter reports it). */
bool rl_list_row(const level_widget *w, SDL_Rect r, float scale, int k, SDL_Rect *row, rl_box *b);
/* The style size that draws scene text of size units at scale, whatever the player's text
   size (the scene is a picture of a screen: it zooms with the scene, not with the setting). */
int rl_scene_style_size(int units, float scale, int zoom);
/* The pixel size text.c renders style size at text size zoom (at density 1). */
int rl_text_px(int size, int zoom);

/* ---- the top bar ---------------------------------------------------------------------------- */

typedef struct rl_top_bar {
    int h;                /* its height: one row on a wide screen, more when it must wrap */
    bool has_back;
    SDL_Rect back;        /* the way back to the hub (has_back) */
    SDL_Rect title;       /* the title's box: one or two lines on a wide screen, wrapped below it */
    SDL_Rect settings;
    SDL_Rect lang[LANG_COUNT];
    bool title_fits;      /* the title fits its box, in two lines at most on a wide screen (the linter asks) */
} rl_top_bar;

/* Lays out the top bar of a canvas w wide. back is NULL when there is no way back. */
void rl_top_bar_layout(const rl_measure *m, int w, int zoom, const char *back, const char *title,
                       const char *settings, const char *const lang_names[LANG_COUNT], rl_top_bar *out);

/* ---- dialogs -------------------------------------------------------------------------------- */

typedef struct rl_dialog {
    SDL_Rect card;
    SDL_Rect view;        /* the texts' area; they scroll in it when content_h > view.h */
    int pad;
    int title_h, body_h, extra_h;
    int content_h;        /* all the texts with their gaps */
    SDL_Rect button;
    bool scrolls;
} rl_dialog;

/* Lays out a dialog on a w x h canvas; body and extra may be NULL or "". */
void rl_dialog_layout(const rl_measure *m, int w, int h, int zoom, const char *title, const char *body,
                      const char *extra, rl_dialog *out);

#endif
