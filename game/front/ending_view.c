/* ending_view.c - the last screen: the player escaped. A summary of the play-through, what the
 * rooms taught, and an optional rating that goes to the report server with the results. */
#include <stdio.h>
#include <string.h>

#include "app.h"

enum { K_RATE = 30, K_SEND = 31, K_AGAIN = 32 };
#define KEY(kind, i) (((uint32_t)(kind) << 16) | (uint32_t)(i))

void ending_view_pass(app *a)
{
    gfx *g = &a->gfx;
    app_top_bar(a, i18n_get(&a->manifest.title, a->lang));
    bool narrow = g->w < GFX_W;
    SDL_Rect card = {narrow ? 12 : 120, narrow ? 116 : 72, narrow ? g->w - 24 : g->w - 240, narrow ? g->h - 128 : g->h - 88};
    gfx_card(g, card, 16);
    int x = card.x + 32, w = card.w - 64, y = card.y + 28;
    char line[256];

    y += text_draw(g, str(a->lang, STR_ESCAPED), (text_style){TEXT_BOLD, 32, GFX_OK, TEXT_LEFT}, x, y, w) + 10;
    ui_say(&a->ui, str(a->lang, STR_ESCAPED));
    const char *ending = i18n_get(&a->manifest.ending, a->lang);
    if (ending[0]) {
        y += text_draw(g, ending, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, ending);
    }
    const play_state *p = &a->play;
    char summary[256];
    int minutes = (int)(app_play_ms(a) / 60000.0 + 0.5);
    snprintf(summary, sizeof summary, str(a->lang, STR_SUMMARY_TIME), minutes);
    size_t n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, " · ");
    n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, str(a->lang, STR_MISTAKES), play_total_mistakes(p));
    n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, " · ");
    n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, str(a->lang, STR_HINTS_USED), play_total_hints(p));
    n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, " · ");
    n = strlen(summary);
    snprintf(summary + n, sizeof summary - n, str(a->lang, STR_SCORE), play_score(p));
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
        snprintf(line, sizeof line, "%s", i18n_get(&a->rooms[i].title, a->lang));
        int th = text_draw(g, line, (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_LEFT}, x + 22, y, w - 22);
        gfx_check(g, x + 8, y + th / 2, 12, GFX_OK); /* drawn: the UI font has no check mark */
        y += th + 2;
        y += text_draw(g, i18n_get(&a->rooms[i].outro, a->lang), (text_style){TEXT_REGULAR, 15, GFX_MUTED, TEXT_LEFT},
                       x + 22, y, w - 22) + 8;
        ui_say(&a->ui, line);
        ui_say(&a->ui, i18n_get(&a->rooms[i].outro, a->lang));
    }

    y = card.y + card.h - 190;
    if (a->feedback_sent) {
        text_draw(g, str(a->lang, STR_FEEDBACK_THANKS), (text_style){TEXT_BOLD, 18, GFX_OK, TEXT_LEFT}, x, y, w);
        ui_say(&a->ui, str(a->lang, STR_FEEDBACK_THANKS));
    } else {
        y += text_draw(g, str(a->lang, STR_FEEDBACK_ASK), (text_style){TEXT_BOLD, 17, GFX_TEXT, TEXT_LEFT}, x, y, w) + 8;
        ui_say(&a->ui, str(a->lang, STR_FEEDBACK_ASK));
        for (int r = 1; r <= 5; r++) {
            char label[48];
            bool on = a->rating == r;
            snprintf(label, sizeof label, "%d%s%s", r, on ? ", " : "", on ? str(a->lang, STR_SELECTED) : "");
            SDL_Rect b = {x + (r - 1) * 62, y, 54, 48};
            ui_state s = ui_item(&a->ui, KEY(K_RATE, r), b, label, UI_OPTION);
            gfx_round_fill(g, b, 8, on ? GFX_ACCENT : GFX_BORDER);
            if (!on) gfx_round_fill(g, (SDL_Rect){b.x + 2, b.y + 2, b.w - 4, b.h - 4}, 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
            char num[4];
            snprintf(num, sizeof num, "%d", r);
            text_draw_in(g, num, (text_style){TEXT_BOLD, 18, on ? GFX_ON_ACCENT : GFX_TEXT, TEXT_CENTER}, b);
            if (s.activated) {
                a->rating = r;
                a->dirty = true;
            }
        }
        if (app_button(a, KEY(K_SEND, 0), (SDL_Rect){x + 5 * 62 + 10, y, 160, 48}, str(a->lang, STR_SEND), a->rating > 0) &&
            a->rating > 0) {
            plat_send_feedback(a->rating, "");
            a->feedback_sent = true;
            a->dirty = true;
        }
    }
    if (app_button(a, KEY(K_AGAIN, 0), (SDL_Rect){x, card.y + card.h - 72, 260, 52}, str(a->lang, STR_PLAY_AGAIN), false))
        app_restart(a);
}
