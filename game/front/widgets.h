/* widgets.h - the house style's controls, shared by every view: buttons, scrolling areas,
 * the top bar and dialog cards. Each draws into the view's context (view.h) and declares
 * itself to the UI (ui.h) in the same call; what the player asks of the top bar comes back
 * as the context's actions, like any view's.
 *
 *   int top = wg_scroll_begin(c, view, &s->scroll), y = top;
 *   if (wg_button(c, uik(UIK_CHECK, 0), (SDL_Rect){x, y, 180, 48}, "Tarkista", true)) ...
 *   wg_scroll_end(c, view, &s->scroll, top, y + 48);
 */
#ifndef PK_WIDGETS_H
#define PK_WIDGETS_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "room_layout.h"
#include "view.h"

/* A scrolling area's state: how far it is scrolled, and how tall its content was. */
typedef struct wg_scroll {
    int offset;
    int content_h;
} wg_scroll;

/* The widgets' state between passes; the app owns one for all views. */
typedef struct wg_state {
    int bar_h;                   /* the top bar's height as last laid out (room_layout.h) */
    uint32_t dialog_key;         /* the dialog on screen (its button's key), for its scroll */
    wg_scroll dialog_scroll;
} wg_state;

/* room_layout's measure callback for this context: text.c at the player's text size. */
rl_measure wg_measure(view_ctx *c);
/* A panel button; returns true when activated. */
bool wg_button(view_ctx *c, uint32_t key, SDL_Rect r, const char *label, bool primary);
/* The same with a spoken label that says more than the visible one ("150 %, selected"). */
bool wg_button_ex(view_ctx *c, uint32_t key, SDL_Rect r, const char *label, const char *spoken, bool primary);
/* A scrolling area: content taller than view scrolls with the wheel and a swipe (not while
   c->covered: a dialog over it takes them), and follows the keyboard focus. Between begin and end, draw at the y that begin returns (the top of the
   content, already scrolled); end takes the y after the last thing drawn. */
int wg_scroll_begin(view_ctx *c, SDL_Rect view, wg_scroll *s);
void wg_scroll_end(view_ctx *c, SDL_Rect view, wg_scroll *s, int top, int bottom);
/* The top bar with the title (the screen's heading), the way back to the hub when back is
   true, settings and languages, y0 down from the top (a scrolled column); returns its height.
   Gives VIEW_GO_HUB, VIEW_OPEN_SETTINGS or VIEW_LANGUAGE. */
int wg_top_bar(view_ctx *c, const char *title, bool back, int y0);
/* A dialog card over the screen: title, body and an extra line, one button; true when pressed.
   esc_closes lets Esc press it too (for dialogs that only dismiss). */
bool wg_dialog(view_ctx *c, const char *title, const char *body, const char *extra, uint32_t key,
               const char *button, bool esc_closes);

#endif
