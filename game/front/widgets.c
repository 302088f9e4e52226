/* widgets.c - the house style's controls (see widgets.h). */
#include "widgets.h"

#include <math.h>
#include <stdio.h>

#include "text.h"
#include "ui_keys.h"

/* room_layout's measure callback: text.c's measurement at the player's text size. */
static void measure_text(void *ctx, int face, int size, const char *s, int wrap, int *w, int *h)
{
    text_measure(ctx, s, (text_style){face ? TEXT_BOLD : TEXT_REGULAR, size, GFX_TEXT, TEXT_LEFT}, wrap, w, h);
}

rl_measure wg_measure(view_ctx *c) { return (rl_measure){c->g, measure_text}; }

bool wg_button(view_ctx *c, uint32_t key, SDL_Rect r, const char *label, bool primary)
{
    return wg_button_ex(c, key, r, label, label, primary);
}

bool wg_button_ex(view_ctx *c, uint32_t key, SDL_Rect r, const char *label, const char *spoken, bool primary)
{
    gfx *g = c->g;
    ui_state s = ui_item(c->ui, key, r, spoken, UI_BUTTON);
    gfx_round_fill(g, r, 8, primary ? GFX_ACCENT : GFX_BORDER);
    if (!primary)
        gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
    else if (s.hovered)
        gfx_outline(g, r, GFX_TEXT, 2);
    text_draw_in(g, label, (text_style){TEXT_BOLD, 17, primary ? GFX_ON_ACCENT : GFX_TEXT, TEXT_CENTER},
                 (SDL_Rect){r.x + 8, r.y, r.w - 16, r.h});
    return s.activated;
}

int wg_scroll_begin(view_ctx *c, SDL_Rect view, wg_scroll *s)
{
    ui *u = c->ui;
    /* a dialog over the area has the wheel and the swipe: what is behind it stays put */
    if (!c->covered && u->wheel && gfx_contains(view, u->mouse_x, u->mouse_y)) s->offset -= (int)lroundf(u->wheel * 48.0f);
    if (!c->covered && u->scroll_drag && !u->drag_key && gfx_contains(view, u->press_x, u->press_y))
        s->offset -= u->scroll_drag; /* a swipe: the content follows the finger */
    int max = s->content_h - view.h;
    if (s->offset > max) s->offset = max;
    if (s->offset < 0) s->offset = 0;
    SDL_RenderSetClipRect(c->g->renderer, &view);
    ui_clip(u, view);
    return view.y - s->offset;
}

void wg_scroll_end(view_ctx *c, SDL_Rect view, wg_scroll *s, int top, int bottom)
{
    gfx *g = c->g;
    ui *u = c->ui;
    s->content_h = bottom - top;
    ui_clip_end(u);
    SDL_RenderSetClipRect(g->renderer, NULL);
    /* keep the keyboard focus in view */
    SDL_Rect f = u->focus_rect;
    int before = s->offset;
    if (u->focus_visible && u->focus_key && f.x >= view.x && f.x < view.x + view.w) {
        if (f.y < view.y && f.y + f.h > view.y - s->content_h) s->offset -= view.y - f.y + 12;
        else if (f.y + f.h > view.y + view.h && f.y < view.y + s->content_h) s->offset += f.y + f.h - (view.y + view.h) + 12;
    }
    if (s->offset != before) c->dirty = true; /* draw again with the focus in view; once */
    if (s->content_h > view.h) {
        /* a scroll bar, so it is visible that there is more */
        int bar_h = view.h * view.h / s->content_h;
        int bar_y = view.y + (view.h - bar_h) * s->offset / (s->content_h - view.h);
        gfx_round_fill(g, (SDL_Rect){view.x + view.w - 8, bar_y, 6, bar_h}, 3, GFX_BORDER);
    }
}

int wg_top_bar(view_ctx *c, const char *title, bool back, int y0)
{
    gfx *g = c->g;
    const char *names[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++) names[l] = str((i18n_lang)l, STR_LANGUAGE_NAME);
    rl_measure m = wg_measure(c);
    rl_top_bar bar;
    rl_top_bar_layout(&m, g->w, c->text_zoom, back ? str(c->lang, STR_BACK_TO_HUB) : NULL, title,
                      str(c->lang, STR_SETTINGS), names, &bar);
    if (bar.h != c->wg->bar_h) { /* the screen below it was laid out for another height */
        c->wg->bar_h = bar.h;
        c->dirty = true;
    }
    gfx_fill(g, (SDL_Rect){0, y0, g->w, bar.h}, GFX_SURFACE);
    gfx_fill(g, (SDL_Rect){0, y0 + bar.h - 1, g->w, 1}, GFX_BORDER);
#define AT(r) ((SDL_Rect){(r).x, (r).y + y0, (r).w, (r).h})
    ui_heading(c->ui, title);
    text_style ts = {TEXT_BOLD, RL_TS_TITLE, GFX_TEXT, TEXT_LEFT};
    if (rl_stacked(g->w)) text_draw(g, title, ts, bar.title.x, bar.title.y + y0, bar.title.w);
    else text_draw_in(g, title, ts, AT(bar.title));
    if (back && wg_button(c, uik(UIK_HUB, 0), AT(bar.back), str(c->lang, STR_BACK_TO_HUB), false))
        view_emit_kind(c, VIEW_GO_HUB, 0);
    if (wg_button(c, uik(UIK_SETTINGS, 0), AT(bar.settings), str(c->lang, STR_SETTINGS), false))
        view_emit_kind(c, VIEW_OPEN_SETTINGS, 0);
    for (int l = 0; l < LANG_COUNT; l++) {
        bool current = l == (int)c->lang;
        text_style st = {current ? TEXT_BOLD : TEXT_REGULAR, RL_TS_LANG, current ? GFX_TEXT : GFX_ACCENT, TEXT_CENTER};
        SDL_Rect r = AT(bar.lang[l]);
        char label[64];
        snprintf(label, sizeof label, "%s%s%s", names[l], current ? ", " : "", current ? str(c->lang, STR_SELECTED) : "");
        /* the name is in its own language: a screen reader says it right (lang, WCAG 3.1.2) */
        ui_state s = ui_item_lang(c->ui, uik(UIK_LANG, l), r, label, UI_BUTTON, i18n_code((i18n_lang)l));
        text_draw_in(g, names[l], st, r);
        if (current) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 3}, GFX_ACCENT);
        else if (s.hovered) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 1}, GFX_ACCENT);
        if (s.activated && !current) view_emit_kind(c, VIEW_LANGUAGE, l);
    }
#undef AT
    return bar.h;
}

bool wg_dialog(view_ctx *c, const char *title, const char *body, const char *extra, uint32_t key,
               const char *button, bool esc_closes)
{
    gfx *g = c->g;
    gfx_fill(g, (SDL_Rect){0, 0, g->w, g->h}, GFX_SHADE);
    rl_measure m = wg_measure(c);
    rl_dialog d;
    rl_dialog_layout(&m, g->w, g->h, c->text_zoom, title, body, extra, &d);
    if (c->wg->dialog_key != key) { /* another dialog: its text starts from the top */
        c->wg->dialog_key = key;
        c->wg->dialog_scroll = (wg_scroll){0, 0};
    }
    gfx_card(g, d.card, 16);
    int wrap = d.card.w - 2 * d.pad;
    ui_dialog_begin(c->ui, title);
    int top = wg_scroll_begin(c, d.view, &c->wg->dialog_scroll), y = top;
    y += text_draw(g, title, (text_style){TEXT_BOLD, RL_TS_DIALOG_TITLE, GFX_TEXT, TEXT_LEFT}, d.view.x, y, wrap);
    if (body && body[0]) {
        y += 16 + text_draw(g, body, (text_style){TEXT_REGULAR, RL_TS_DIALOG_BODY, GFX_TEXT, TEXT_LEFT}, d.view.x, y + 16, wrap);
        ui_say(c->ui, body);
        ui_announce(c->ui, 0, body);
    }
    if (extra && extra[0]) {
        y += 16 + text_draw(g, extra, (text_style){TEXT_BOLD, RL_TS_DIALOG_EXTRA, GFX_ACCENT, TEXT_LEFT}, d.view.x, y + 16, wrap);
        ui_say(c->ui, extra);
        ui_announce(c->ui, 0, extra);
    }
    wg_scroll_end(c, d.view, &c->wg->dialog_scroll, top, y);
    bool pressed = wg_button(c, key, d.button, button, true) || (esc_closes && c->ui->escape);
    ui_dialog_end(c->ui);
    return pressed;
}
