/* ending_view.c - the last screen: the player escaped. A summary of the play-through, what the
 * rooms taught, the completion code, and an optional rating that goes to the report server with
 * the results. One column that scrolls when the text size makes it taller than the screen. */
#include <stdio.h>
#include <string.h>

#include "app.h"

enum { K_RATE = 30, K_SEND = 31, K_AGAIN = 32 };
#define KEY(kind, i) (((uint32_t)(kind) << 16) | (uint32_t)(i))

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

void ending_view_pass(app *a)
{
    gfx *g = &a->gfx;
    const char *game_title = i18n_get(&a->manifest.title, a->lang);
    /* Wide: the card below the top bar scrolls inside itself. Narrow (phones, zoom): the whole
       screen scrolls, top bar included, and the card is as tall as its content. */
    bool stacked = rl_stacked(g->w);
    SDL_Rect card, view;
    int top;
    if (stacked) {
        view = (SDL_Rect){0, 0, g->w, g->h};
        top = app_scroll_begin(a, view, &a->ending_scroll);
        int bh = app_top_bar_at(a, game_title, top);
        card = (SDL_Rect){12, top + bh + 12, g->w - 24, a->ending_h > 0 ? a->ending_h : g->h};
    } else {
        int bh = app_top_bar(a, game_title);
        card = (SDL_Rect){120, bh + 16, g->w - 240, g->h - bh - 32};
        view = (SDL_Rect){card.x + 4, card.y + 8, card.w - 8, card.h - 16};
        top = app_scroll_begin(a, view, &a->ending_scroll);
    }
    gfx_card(g, card, 16);
    int pad = card.w < 480 ? 16 : 32;
    int x = card.x + pad, w = card.w - 2 * pad - 8;
    int y = (stacked ? card.y : top) + 20;
    char line[256];

    y += text_draw(g, str(a->lang, STR_ESCAPED), (text_style){TEXT_BOLD, 32, GFX_OK, TEXT_LEFT}, x, y, w) + 10;
    ui_say(&a->ui, str(a->lang, STR_ESCAPED));
    const char *ending = i18n_get(&a->manifest.ending, a->lang);
    if (ending[0]) {
        y += text_draw(g, ending, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, ending);
    }
    const play_state *p = &a->play;
    char summary[256] = "";
    add(summary, sizeof summary, str(a->lang, STR_SUMMARY_TIME), (int)(app_play_ms(a) / 60000.0 + 0.5));
    add(summary, sizeof summary, str(a->lang, STR_MISTAKES), play_total_mistakes(p));
    add(summary, sizeof summary, str(a->lang, STR_HINTS_USED), play_total_hints(p));
    add(summary, sizeof summary, str(a->lang, STR_SCORE), play_score(p));
    y += text_draw(g, summary, (text_style){TEXT_BOLD, 19, GFX_ACCENT, TEXT_LEFT}, x, y, w) + 16;
    ui_say(&a->ui, summary);
    if (a->completion[0]) {
        snprintf(line, sizeof line, str(a->lang, STR_COMPLETION_CODE), a->completion);
        y += text_draw(g, line, (text_style){TEXT_BOLD, 20, GFX_TEXT, TEXT_LEFT}, x, y, w) + 16;
        ui_say(&a->ui, line);
    }

    y += text_draw(g, str(a->lang, STR_LEARNT), (text_style){TEXT_BOLD, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 6;
    ui_say(&a->ui, str(a->lang, STR_LEARNT));
    for (int i = 0; i < a->rooms_loaded; i++) {
        if (i == a->hub || i18n_empty(&a->rooms[i].outro)) continue;
        const char *title = i18n_get(&a->rooms[i].title, a->lang);
        int th = text_draw(g, title, (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_LEFT}, x + 22, y, w - 22);
        gfx_check(g, x + 8, y + th / 2, 12, GFX_OK); /* drawn: the UI font has no check mark */
        y += th + 2;
        y += text_draw(g, i18n_get(&a->rooms[i].outro, a->lang), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT},
                       x + 22, y, w - 22) + 8;
        ui_say(&a->ui, title);
        ui_say(&a->ui, i18n_get(&a->rooms[i].outro, a->lang));
    }

    y += 16;
    int row = 48 * a->settings.text_zoom / 100;
    if (a->feedback_sent) {
        y += text_draw(g, str(a->lang, STR_FEEDBACK_THANKS), (text_style){TEXT_BOLD, 18, GFX_OK, TEXT_LEFT}, x, y, w) + 16;
        ui_say(&a->ui, str(a->lang, STR_FEEDBACK_THANKS));
    } else {
        y += text_draw(g, str(a->lang, STR_FEEDBACK_ASK), (text_style){TEXT_BOLD, 17, GFX_TEXT, TEXT_LEFT}, x, y, w) + 8;
        ui_say(&a->ui, str(a->lang, STR_FEEDBACK_ASK));
        int bw = row + 6;
        if (5 * (bw + 8) > w) bw = w / 5 - 8; /* a narrow card: the five still fit on one row */
        for (int r = 1; r <= 5; r++) {
            char label[48], num[4];
            bool on = a->rating == r;
            snprintf(label, sizeof label, "%d%s%s", r, on ? ", " : "", on ? str(a->lang, STR_SELECTED) : "");
            snprintf(num, sizeof num, "%d", r);
            if (app_button_ex(a, KEY(K_RATE, r), (SDL_Rect){x + (r - 1) * (bw + 8), y, bw, row}, num, label, on)) {
                a->rating = r;
                a->dirty = true;
            }
        }
        int sx = x + 5 * (bw + 8) + 8;
        if (sx + 180 > x + w) { /* no room beside them: below */
            sx = x;
            y += row + 12;
        }
        if (app_button(a, KEY(K_SEND, 0), (SDL_Rect){sx, y, 180, row}, str(a->lang, STR_SEND), a->rating > 0) &&
            a->rating > 0) {
            plat_send_feedback(a->rating, "");
            a->feedback_sent = true;
            a->dirty = true;
        }
        y += row + 16;
    }
    if (app_button(a, KEY(K_AGAIN, 0), (SDL_Rect){x, y, w < 280 ? w : 280, row + 4}, str(a->lang, STR_PLAY_AGAIN), false))
        app_restart(a);
    y += row + 24;
    if (stacked && y - card.y != a->ending_h) { /* the card's height, for the next pass */
        a->ending_h = y - card.y;
        a->dirty = true;
    }
    app_scroll_end(a, view, &a->ending_scroll, top, stacked ? y + 12 : y);
}
