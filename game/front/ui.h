/* ui.h - immediate-mode controls with keyboard focus and a screen-reader mirror.
 *
 * Each pass, views declare their controls with ui_item() in reading order and say their
 * texts with ui_say(). Input collected since the last pass is applied to the items of this
 * pass: a click or tap on an item (activated when the pointer is released where it was
 * pressed, so a swipe never presses a button), or Enter/Space on the focused one, activates it.
 * A press that moves drags a draggable item, or else scrolls the area under it. Tab and
 * the arrow keys move the focus through the items in declaration order. The texts and the
 * focused control go to the platform's mirror (an ARIA live region on the web).
 *
 *   ui_begin(&ui);
 *   ui_say(&ui, "Find four signs of phishing.");
 *   if (ui_item(&ui, KEY_START, rect, "Start", UI_BUTTON).activated) start();
 *   ui_end(&ui, &gfx);       // draws the focus ring, updates the mirror
 */
#ifndef PK_UI_H
#define PK_UI_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "gfx.h"

enum { UI_MAX_ITEMS = 128, UI_MIRROR_MAX = 16384, UI_LABEL_MAX = 512, UI_NEWS_MAX = 4096, UI_ANNOUNCED = 64 };

/* Structure lines in the mirror start with this byte (never in content text), then a letter:
   H heading, G group begins, g group ends, D dialog begins, d dialog ends; "|text" follows
   where there is a label. web/shell.js builds the page's elements from them. */
#define UI_MARK "\x1e"

typedef enum ui_role { UI_BUTTON, UI_PLACE, UI_OPTION, UI_LINK, UI_FIELD } ui_role;

typedef struct ui_state {
    bool hovered, focused, activated;
    bool dragged;          /* the pointer is dragging this item (ui.mouse_x/y say where) */
    bool dropped;          /* a drag of this item ended in this pass, at ui.drop_x/y */
} ui_state;

typedef struct ui {
    /* input waiting for the next pass */
    bool click_pending;
    int click_x, click_y;
    int nav_pending;           /* +1 next, -1 previous, 0 none */
    bool tab_pending;          /* the move came from Tab, which may leave the canvas */
    bool activate_pending;     /* Enter or Space */
    bool escape_pending;
    int mouse_x, mouse_y;

    /* focus, by the stable key a view gives each item */
    uint32_t focus_key;        /* 0: nothing focused */
    bool focus_visible;        /* keyboard users see a ring; mouse users do not need one */
    bool click_hit;            /* the last click hit an item (views use it to count misses) */
    bool click_consumed;

    /* this pass */
    uint32_t keys[UI_MAX_ITEMS];
    SDL_Rect rects[UI_MAX_ITEMS];
    int count;
    /* the previous pass, for hit tests between passes and for navigation */
    uint32_t prev_keys[UI_MAX_ITEMS];
    SDL_Rect prev_rects[UI_MAX_ITEMS];
    int prev_count;
    uint32_t hover_key;

    char mirror[UI_MIRROR_MAX];
    size_t mirror_len;
    char focus_label[UI_LABEL_MAX];
    const char *role_names[5]; /* localised "button", "place" ... set by the app */
    SDL_Rect focus_rect;
    bool escape;               /* Esc was pressed: the view may close something */
    bool space_activation;     /* the activation came from Space (a text field types it instead) */

    /* dragging: a press that moves more than a few pixels becomes a drag or a scroll, not a click */
    bool pressed;
    bool moved;                /* the press has moved beyond the click tolerance */
    int press_x, press_y;
    uint32_t press_key, drag_key;
    int scroll_drag;           /* a swipe's vertical movement since the last pass (content follows it) */
    int scroll_drag_x;         /* and its sideways movement (a scene wider than the screen pans) */
    bool draggable[UI_MAX_ITEMS], prev_draggable[UI_MAX_ITEMS];
    bool drop_pending;
    int drop_x, drop_y;

    /* typing: text since the last pass (UTF-8) and Backspace presses */
    char typed[64];
    int backspaces;
    /* mouse wheel steps since the last pass, + is up; fractions too: at 200 % browser zoom a notch
       is half a step (SDL's preciseY), which as a whole step came only with the second notch */
    float wheel;
    float wheel_x;             /* sideways steps (a trackpad, or the wheel with Shift), + is right */
    bool clipping;             /* items outside clip can be neither seen nor clicked */
    SDL_Rect clip;

    /* announcements: new things said once (ui_announce), sent with the mirror */
    char news[UI_NEWS_MAX];
    size_t news_len;
    bool hold;                 /* set before ui_end: this pass is not shown, keep the mirror as it is */
    bool news_held;            /* news of a held pass, sent with the next mirror */
    uint64_t announced[UI_ANNOUNCED]; /* what was said since ui_announce_reset (a ring) */
    int announced_next;
    bool focus_first;          /* the next item declared takes the focus (ui_focus_first) */
} ui;

/* Feeds an SDL event in; returns true when the screen needs another pass. */
bool ui_event(ui *u, const SDL_Event *e);
void ui_begin(ui *u);
/* Declares a control; label is what a screen reader says. */
ui_state ui_item(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role);
/* The same for a control that the pointer can drag (its state says dragged and dropped). */
ui_state ui_item_draggable(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role);
/* The same for a control whose label is in another language than the game's (a language's
   own name): lang is its code, so a screen reader pronounces it right (WCAG 3.1.2). */
ui_state ui_item_lang(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role, const char *lang);
/* Adds a text line to the mirror. */
void ui_say(ui *u, const char *text);
/* A text line with its place on screen (feedback: tests check that it is in view). */
void ui_say_at(ui *u, SDL_Rect r, const char *text);
/* The screen's heading (its title): a heading in the mirror, announced once when it is new. */
void ui_heading(ui *u, const char *text);
/* A labelled group (a task with its controls) and a dialog around the lines declared between
   begin and end. A dialog's title is announced once when it opens. */
void ui_group_begin(ui *u, const char *label);
/* The same for a group with a place on screen (the scene: the live preview's tools use it). */
void ui_group_begin_at(ui *u, const char *label, SDL_Rect r);
/* Ends the group; a group with nothing declared in it leaves nothing in the mirror. */
void ui_group_end(ui *u);
void ui_dialog_begin(ui *u, const char *title);
void ui_dialog_end(ui *u);
/* Says text once (a live region on the web): again only after ui_announce_reset, or when
   event differs (a second wrong answer with the same explanation is news again). */
void ui_announce(ui *u, uint32_t event, const char *text);
/* Forgets what was announced: a new screen or room says its things again. */
void ui_announce_reset(ui *u);
/* Gives the focus to the next control declared (the next task's first control). */
void ui_focus_first(ui *u);
/* A click in this pass that hit no item: views that count misses ask this. */
bool ui_missed_click(const ui *u, int *x, int *y);
/* Draws the focus ring and sends the mirror to the platform. */
void ui_end(ui *u, gfx *g);
/* With hold set before ui_end, the pass's mirror is not sent: the caller sends the last pass's
   (with the news of every held pass) by ui_publish once it shows the frame (app.c). */
void ui_publish(ui *u);
/* Limits hits to r (a scrolled panel) until ui_clip_end. */
void ui_clip(ui *u, SDL_Rect r);
void ui_clip_end(ui *u);
/* Takes the text typed since the last pass (and the Backspace count) for the focused field. */
const char *ui_take_typed(ui *u, int *backspaces);
/* Moves the focus to key (when a dialog opens, say). */
void ui_focus(ui *u, uint32_t key);

#endif
