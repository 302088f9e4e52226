/* ending_view.c - the last screen: the player escaped. A summary of the play-through, what the
 * rooms taught, the completion code, and an optional rating that goes to the report server with
 * the results. One column that scrolls when the text size makes it taller than the screen. */
#include "ending_view.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "ui_keys.h"

/* Appends to a line built from localised pieces (the pieces are printf formats). */
static void add(char *line, size_t cap, const char *fmt, int value)
{
    size_t n = strlen(line);
    if (n > 0 && n + 3 < cap) {
        memcpy(line + n, " · ", 5);
        n = strlen(line);
    }
    snprintf(line + n, cap - n, fmt, value);
}

void ending_view_pass(ending_view *v, const ending_ctx *ec)
{
    view_ctx *c = ec->c;
    gfx *g = c->g;
    const char *game_title = i18n_get(&ec->manifest->title, c->lang);
    /* Wide: the card below the top bar scrolls inside itself. Narrow (phones, zoom): the whole
       screen scrolls, top bar included, and the card is as tall as its content. */
    bool stacked = rl_stacked(g->w);
    SDL_Rect card, view;
    int top;
    if (stacked) {
        view = (SDL_Rect){0, 0, g->w, g->h};
        top = wg_scroll_begin(c, view, &v->scroll);
        int bh = wg_top_bar(c, game_title, false, top);
        card = (SDL_Rect){12, top + bh + 12, g->w - 24, v->card_h > 0 ? v->card_h : g->h};
    } else {
        int bh = wg_top_bar(c, game_title, false, 0);
        card = (SDL_Rect){120, bh + 16, g->w - 240, g->h - bh - 32};
        view = (SDL_Rect){card.x + 4, card.y + 8, card.w - 8, card.h - 16};
        top = wg_scroll_begin(c, view, &v->scroll);
    }
    gfx_card(g, card, 16);
    int pad = card.w < 480 ? 16 : 32;
    int x = card.x + pad, w = card.w - 2 * pad - 8;
    int y = (stacked ? card.y : top) + 20;
    char line[256];

    y += text_draw(g, str(c->lang, STR_ESCAPED), (text_style){TEXT_BOLD, 32, GFX_OK, TEXT_LEFT}, x, y, w) + 10;
    ui_say(c->ui, str(c->lang, STR_ESCAPED));
    /* said as news too: the heading is the game's title (the top bar), so a screen reader
       otherwise heard only "Pakopeli" when the last door opened (Orca, tests/a11y/orca.mjs).
       Not the summary below: its minutes are the live play time, news again each minute. */
    ui_announce(c->ui, 0, str(c->lang, STR_ESCAPED));
    const char *ending = i18n_get(&ec->manifest->ending, c->lang);
    if (ending[0]) {
        y += text_draw(g, ending, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(c->ui, ending);
        ui_announce(c->ui, 0, ending);
    }
    const play_state *p = ec->play;
    char summary[256] = "";
    add(summary, sizeof summary, str(c->lang, STR_SUMMARY_TIME), (int)(ec->play_ms / 60000.0 + 0.5));
    add(summary, sizeof summary, str(c->lang, STR_MISTAKES), play_total_mistakes(p));
    add(summary, sizeof summary, str(c->lang, STR_HINTS_USED), play_total_hints(p));
    add(summary, sizeof summary, str(c->lang, STR_SCORE), play_score(p));
    y += text_draw(g, summary, (text_style){TEXT_BOLD, 19, GFX_ACCENT, TEXT_LEFT}, x, y, w) + 16;
    ui_say(c->ui, summary);
    if (ec->completion[0]) {
        snprintf(line, sizeof line, str(c->lang, STR_COMPLETION_CODE), ec->completion);
        y += text_draw(g, line, (text_style){TEXT_BOLD, 20, GFX_TEXT, TEXT_LEFT}, x, y, w) + 16;
        ui_say(c->ui, line);
        ui_announce(c->ui, 0, line);
    }

    y += text_draw(g, str(c->lang, STR_LEARNT), (text_style){TEXT_BOLD, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 6;
    ui_say(c->ui, str(c->lang, STR_LEARNT));
    for (int i = 0; i < ec->room_count; i++) {
        if (i == ec->hub || i18n_empty(&ec->rooms[i].outro)) continue;
        const char *title = i18n_get(&ec->rooms[i].title, c->lang);
        int th = text_draw(g, title, (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_LEFT}, x + 22, y, w - 22);
        gfx_check(g, x + 8, y + th / 2, 12, GFX_OK); /* drawn: the UI font has no check mark */
        y += th + 2;
        y += text_draw(g, i18n_get(&ec->rooms[i].outro, c->lang), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT},
                       x + 22, y, w - 22) + 8;
        ui_say(c->ui, title);
        ui_say(c->ui, i18n_get(&ec->rooms[i].outro, c->lang));
    }

    y += 16;
    int row = 48 * c->text_zoom / 100;
    if (v->rating_sent) {
        y += text_draw(g, str(c->lang, STR_FEEDBACK_THANKS), (text_style){TEXT_BOLD, 18, GFX_OK, TEXT_LEFT}, x, y, w) + 16;
        ui_say(c->ui, str(c->lang, STR_FEEDBACK_THANKS));
    } else {
        y += text_draw(g, str(c->lang, STR_FEEDBACK_ASK), (text_style){TEXT_BOLD, 17, GFX_TEXT, TEXT_LEFT}, x, y, w) + 8;
        ui_say(c->ui, str(c->lang, STR_FEEDBACK_ASK));
        int bw = row + 6;
        if (5 * (bw + 8) > w) bw = w / 5 - 8; /* a narrow card: the five still fit on one row */
        for (int r = 1; r <= 5; r++) {
            char label[48], num[12];
            bool on = v->rating == r;
            snprintf(label, sizeof label, "%d%s%s", r, on ? ", " : "", on ? str(c->lang, STR_SELECTED) : "");
            snprintf(num, sizeof num, "%d", r);
            if (wg_button_ex(c, uik(UIK_RATE, r), (SDL_Rect){x + (r - 1) * (bw + 8), y, bw, row}, num, label, on)) {
                v->rating = r;
                c->dirty = true;
            }
        }
        int sx = x + 5 * (bw + 8) + 8;
        if (sx + 180 > x + w) { /* no room beside them: below */
            sx = x;
            y += row + 12;
        }
        if (wg_button(c, uik(UIK_SEND, 0), (SDL_Rect){sx, y, 180, row}, str(c->lang, STR_SEND), v->rating > 0) &&
            v->rating > 0) {
            view_emit_kind(c, VIEW_SEND_RATING, v->rating);
        }
        y += row + 16;
    }
    if (wg_button(c, uik(UIK_AGAIN, 0), (SDL_Rect){x, y, w < 280 ? w : 280, row + 4}, str(c->lang, STR_PLAY_AGAIN), false))
        view_emit_kind(c, VIEW_RESTART, 0);
    y += row + 24;
    if (stacked && y - card.y != v->card_h) { /* the card's height, for the next pass */
        v->card_h = y - card.y;
        c->dirty = true;
    }
    wg_scroll_end(c, view, &v->scroll, top, stacked ? y + 12 : y);
}
