/* room_view.c - the room screen: the mock application scene on the left, the puzzle panel
 * on the right, and the intro and "room solved" dialogs. */
#include <stdio.h>
#include <string.h>

#include "app.h"

/* Stable keys for ui_item: a kind in the high bits, an index in the low ones. */
enum { K_LANG = 1, K_WIDGET = 2, K_OPTION = 3, K_CHECK = 4, K_HINT = 5, K_NEXT = 6, K_START = 7,
       K_AGAIN = 8, K_PLACE = 9 };
#define KEY(kind, i) (((uint32_t)(kind) << 16) | (uint32_t)(i))

static const SDL_Rect SCENE_AREA = {16, 72, 820, 632};
static const SDL_Rect PANEL = {852, 72, 412, 632};

typedef struct scene_xf {
    float scale;
    int ox, oy;
} scene_xf;

static scene_xf scene_fit(const level_room *room)
{
    float sx = (float)SCENE_AREA.w / (float)room->scene_w;
    float sy = (float)SCENE_AREA.h / (float)room->scene_h;
    float s = sx < sy ? sx : sy;
    return (scene_xf){s, SCENE_AREA.x + (SCENE_AREA.w - (int)((float)room->scene_w * s)) / 2,
                      SCENE_AREA.y + (SCENE_AREA.h - (int)((float)room->scene_h * s)) / 2};
}

static SDL_Rect to_screen(scene_xf xf, level_rect r)
{
    return (SDL_Rect){xf.ox + (int)((float)r.x * xf.scale), xf.oy + (int)((float)r.y * xf.scale),
                      (int)((float)r.w * xf.scale), (int)((float)r.h * xf.scale)};
}

static int size_px(level_text_size s)
{
    static const int px[] = {15, 17, 21, 26};
    return px[s];
}

static gfx_color tone_color(level_tone t)
{
    static const gfx_color c[LEVEL_TONE_COUNT] = {GFX_TEXT, GFX_MUTED, GFX_ACCENT, GFX_BAD, GFX_ACCENT};
    return c[t];
}

void room_view_begin(app *a)
{
    room_view *v = &a->view;
    memset(v, 0, sizeof *v);
    game_begin(&v->game, &a->room);
    v->current = game_next_puzzle(&v->game);
    v->intro_open = true;
    v->wrong_place = -1;
    ui_focus(&a->ui, KEY(K_START, 0));
    a->dirty = true;
}

/* ---- the scene ---------------------------------------------------------------------------- */

static void draw_widget(app *a, const level_widget *w, SDL_Rect r, float scale)
{
    gfx *g = &a->gfx;
    const char *t = i18n_get(&w->text, a->lang);
    text_style st = {w->bold ? TEXT_BOLD : TEXT_REGULAR, (int)((float)size_px(w->size) * scale),
                     tone_color(w->tone), TEXT_LEFT};
    switch (w->type) {
    case LEVEL_W_WINDOW: {
        gfx_fill(g, r, GFX_SURFACE);
        SDL_Rect bar = {r.x, r.y, r.w, (int)(36 * scale)};
        gfx_fill(g, bar, GFX_SURFACE_ALT);
        gfx_outline(g, r, GFX_BORDER, 1);
        gfx_fill(g, (SDL_Rect){bar.x, bar.y + bar.h - 1, bar.w, 1}, GFX_BORDER);
        st.face = TEXT_BOLD;
        text_draw_in(g, t, st, (SDL_Rect){bar.x + 14, bar.y, bar.w - 28, bar.h});
        break;
    }
    case LEVEL_W_TOOLBAR:
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - 1, r.w, 1}, GFX_BORDER);
        st.color = w->tone == LEVEL_TONE_NORMAL ? GFX_MUTED : st.color;
        text_draw_in(g, t, st, (SDL_Rect){r.x + 14, r.y, r.w - 28, r.h});
        break;
    case LEVEL_W_LIST: {
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_fill(g, (SDL_Rect){r.x + r.w - 1, r.y, 1, r.h}, GFX_BORDER);
        int row_h = (int)(58 * scale);
        for (int i = 0; i < w->row_count && (i + 1) * row_h <= r.h; i++) {
            SDL_Rect row = {r.x, r.y + i * row_h, r.w - 1, row_h};
            if (i == 0) {
                gfx_fill(g, row, GFX_SURFACE);
                gfx_fill(g, (SDL_Rect){row.x, row.y, 4, row.h}, GFX_ACCENT);
            }
            gfx_fill(g, (SDL_Rect){row.x, row.y + row.h - 1, row.w, 1}, GFX_BORDER);
            text_style rs = st;
            rs.face = i == 0 ? TEXT_BOLD : TEXT_REGULAR;
            rs.size = (int)(15 * scale);
            text_draw_in(g, i18n_get(&w->rows[i], a->lang), rs,
                         (SDL_Rect){row.x + 14, row.y, row.w - 24, row.h});
        }
        break;
    }
    case LEVEL_W_BUTTON:
        if (w->tone == LEVEL_TONE_LINK) {
            int tw, th;
            text_measure(g, t, st, r.w - 8, &tw, &th);
            int y = r.y + (r.h - th) / 2;
            text_draw(g, t, st, r.x + 4, y, r.w - 8);
            gfx_fill(g, (SDL_Rect){r.x + 4, y + th - 2, tw < r.w - 8 ? tw : r.w - 8, 2}, GFX_ACCENT);
        } else {
            gfx_round_fill(g, r, 6, GFX_BORDER);
            gfx_round_fill(g, (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, r.h - 2}, 5, GFX_SURFACE_ALT);
            st.align = TEXT_CENTER;
            text_draw_in(g, t, st, r);
        }
        break;
    case LEVEL_W_TEXT:
        text_draw(g, t, st, r.x, r.y, r.w);
        break;
    case LEVEL_W_CHAT:
        gfx_round_fill(g, r, 10, GFX_SURFACE_ALT);
        text_draw(g, t, st, r.x + 12, r.y + 8, r.w - 24);
        break;
    case LEVEL_W_ICON: {
        int side = r.h < r.w ? r.h : r.w;
        size_t len = 0;
        const char *bytes = app_asset_bytes(a, w->image, &len);
        gfx_image(g, w->image, bytes, len, (SDL_Rect){r.x, r.y, side, side});
        if (t[0]) text_draw_in(g, t, st, (SDL_Rect){r.x + side + 10, r.y, r.w - side - 10, r.h});
        break;
    }
    case LEVEL_W_IMAGE: {
        size_t len = 0;
        const char *bytes = app_asset_bytes(a, w->image, &len);
        gfx_image(g, w->image, bytes, len, r);
        break;
    }
    case LEVEL_W_BOX:
    default:
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_outline(g, r, GFX_BORDER, 1);
        if (t[0]) text_draw(g, t, st, r.x + 10, r.y + 8, r.w - 20);
        break;
    }
}

/* The place of the current hotspot puzzle that covers widget w, or -1. */
static int place_of_widget(const level_puzzle *p, const level_widget *w)
{
    if (!p || p->kind != LEVEL_P_HOTSPOTS || !w->id) return -1;
    for (int i = 0; i < p->option_count; i++)
        if (p->options[i].widget && strcmp(p->options[i].widget, w->id) == 0) return i;
    return -1;
}

static void submit(app *a, const char *puzzle_id, const char *const *ids, int n)
{
    room_view *v = &a->view;
    game_result r;
    game_submit(&v->game, puzzle_id, ids, n, &r);
    if (r.verdict == GAME_INVALID || r.verdict == GAME_LOCKED) return;
    /* Every counted answer is recorded, so the server can replay the play-through exactly. */
    report_event ev;
    char json[REPORT_ID_MAX * 4 + LEVEL_MAX_OPTIONS * REPORT_ANSWER_MAX];
    if (report_event_make(&ev, ++v->seq, a->room.id, puzzle_id, ids, n, plat_now_ms() - v->started_ms) &&
        report_event_to_json(&ev, json, sizeof json))
        plat_send_event(json);
    v->feedback = r;
    v->has_feedback = true;
    const level_puzzle *p = &a->room.puzzles[r.puzzle];
    v->wrong_place = (p->kind == LEVEL_P_HOTSPOTS && r.verdict == GAME_WRONG) ? r.option : -1;
    if (r.verdict == GAME_RIGHT) v->chosen = 0;
    a->dirty = true;
}

static void scene_pass(app *a, bool interactive)
{
    room_view *v = &a->view;
    const level_room *room = &a->room;
    gfx *g = &a->gfx;
    scene_xf xf = scene_fit(room);
    const level_puzzle *p = v->current >= 0 ? &room->puzzles[v->current] : NULL;
    bool hunting = interactive && p && p->kind == LEVEL_P_HOTSPOTS && !v->game.puzzles[v->current].solved;

    SDL_Rect frame = {xf.ox, xf.oy, (int)((float)room->scene_w * xf.scale), (int)((float)room->scene_h * xf.scale)};
    gfx_fill(g, frame, GFX_SURFACE);
    if (room->background) {
        size_t len = 0;
        const char *bytes = app_asset_bytes(a, room->background, &len);
        gfx_image(g, room->background, bytes, len, frame);
    }
    ui_say(&a->ui, str(a->lang, STR_SCENE));
    for (int i = 0; i < room->widget_count; i++) {
        const level_widget *w = &room->widgets[i];
        SDL_Rect r = to_screen(xf, w->rect);
        draw_widget(a, w, r, xf.scale);
        const char *t = i18n_get(&w->text, a->lang);
        int place = place_of_widget(p, w);
        bool has_text = t[0] || w->row_count > 0;
        if (hunting && (place >= 0 || (has_text && w->type != LEVEL_W_WINDOW && w->type != LEVEL_W_LIST))) {
            /* Every readable widget is a candidate, so keyboard users get no list of answers. */
            const char *label = place >= 0 ? i18n_get(&p->options[place].text, a->lang) : t;
            char full[UI_LABEL_MAX];
            snprintf(full, sizeof full, "%s%s%s", label, place >= 0 && strcmp(label, t) != 0 ? ": " : "",
                     place >= 0 && strcmp(label, t) != 0 ? t : "");
            ui_state s = ui_item(&a->ui, KEY(K_WIDGET, i), r, full, UI_PLACE);
            if (s.hovered) gfx_outline(g, (SDL_Rect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, GFX_ACCENT, 1);
            if (s.activated) {
                const char *id = place >= 0 ? p->options[place].id : NULL;
                submit(a, p->id, &id, place >= 0 ? 1 : 0);
            }
        } else {
            ui_say(&a->ui, t);
            for (int k = 0; k < w->row_count; k++) ui_say(&a->ui, i18n_get(&w->rows[k], a->lang));
        }
    }
    /* Places given as rectangles (on an author's screenshot) are items of their own. */
    if (hunting) {
        for (int k = 0; k < p->option_count; k++) {
            const level_option *o = &p->options[k];
            if (o->widget) continue;
            SDL_Rect r = to_screen(xf, o->rect);
            ui_state s = ui_item(&a->ui, KEY(K_PLACE, k), r, i18n_get(&o->text, a->lang), UI_PLACE);
            if (s.hovered) gfx_outline(g, r, GFX_ACCENT, 1);
            if (s.activated) submit(a, p->id, &o->id, 1);
        }
        int mx, my;
        if (ui_missed_click(&a->ui, &mx, &my) && gfx_contains(frame, mx, my)) submit(a, p->id, NULL, 0);
    }
    /* Found places keep a check mark; the last decoy gets a cross. Shapes, not colour alone. */
    for (int pi = 0; pi < room->puzzle_count; pi++) {
        const level_puzzle *q = &room->puzzles[pi];
        if (q->kind != LEVEL_P_HOTSPOTS) continue;
        for (int k = 0; k < q->option_count; k++) {
            bool found = v->game.puzzles[pi].found & (1u << k);
            bool wrong = pi == v->current && k == v->wrong_place;
            if (!found && !wrong) continue;
            SDL_Rect r = to_screen(xf, q->options[k].rect);
            gfx_color c = found ? GFX_OK : GFX_BAD;
            gfx_outline(g, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, c, 3);
            SDL_Rect badge = {r.x + r.w - 12, r.y - 14, 26, 26};
            gfx_round_fill(g, badge, 13, c);
            if (found) gfx_check(g, badge.x + 13, badge.y + 12, 14, GFX_ON_ACCENT);
            else gfx_cross(g, badge.x + 13, badge.y + 13, 11, GFX_ON_ACCENT);
        }
    }
}

/* ---- the side panel ----------------------------------------------------------------------- */

static bool panel_button(app *a, uint32_t key, SDL_Rect r, const char *label, bool primary)
{
    gfx *g = &a->gfx;
    ui_state s = ui_item(&a->ui, key, r, label, UI_BUTTON);
    gfx_round_fill(g, r, 8, primary ? GFX_ACCENT : GFX_BORDER);
    if (!primary) gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6,
                                 s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
    else if (s.hovered) gfx_outline(g, r, GFX_TEXT, 2);
    text_draw_in(g, label, (text_style){TEXT_BOLD, 17, primary ? GFX_ON_ACCENT : GFX_TEXT, TEXT_CENTER},
                 (SDL_Rect){r.x + 8, r.y, r.w - 16, r.h});
    return s.activated;
}

static int feedback_box(app *a, int x, int y, int w)
{
    room_view *v = &a->view;
    gfx *g = &a->gfx;
    const game_result *r = &v->feedback;
    bool good = r->verdict == GAME_RIGHT || r->verdict == GAME_PARTIAL;
    const char *head = good ? str(a->lang, STR_RIGHT)
                     : r->verdict == GAME_REPEAT ? str(a->lang, STR_ALREADY_FOUND)
                                                 : str(a->lang, STR_WRONG);
    const char *body = r->explain ? i18n_get(r->explain, a->lang)
                     : r->verdict == GAME_MISS ? str(a->lang, STR_MISS) : "";
    text_style hs = {TEXT_BOLD, 18, good ? GFX_OK : r->verdict == GAME_REPEAT ? GFX_TEXT : GFX_BAD, TEXT_LEFT};
    text_style bs = {TEXT_REGULAR, 16, GFX_TEXT, TEXT_LEFT};
    int hw, hh, bw, bh = 0;
    text_measure(&a->gfx, head, hs, w - 60, &hw, &hh);
    if (body[0]) text_measure(&a->gfx, body, bs, w - 28, &bw, &bh);
    int h = 14 + hh + (body[0] ? 6 + bh : 0) + 14;
    SDL_Rect box = {x, y, w, h};
    gfx_round_fill(g, box, 8, good ? GFX_OK : r->verdict == GAME_REPEAT ? GFX_BORDER : GFX_BAD);
    gfx_round_fill(g, (SDL_Rect){x + 3, y, w - 3, h}, 8, GFX_SURFACE_ALT);
    if (good) gfx_check(g, x + 26, y + 14 + hh / 2, 16, GFX_OK);
    else if (r->verdict != GAME_REPEAT) gfx_cross(g, x + 26, y + 14 + hh / 2, 12, GFX_BAD);
    text_draw(g, head, hs, x + 46, y + 14, w - 60);
    if (body[0]) text_draw(g, body, bs, x + 14, y + 14 + hh + 6, w - 28);
    char line[DIAG_MSG_MAX * 2];
    snprintf(line, sizeof line, "%s. %s", head, body);
    ui_say(&a->ui, line);
    return h;
}

static void panel_pass(app *a)
{
    room_view *v = &a->view;
    const level_room *room = &a->room;
    gfx *g = &a->gfx;
    gfx_round_fill(g, PANEL, 12, GFX_SURFACE);
    int x = PANEL.x + 20, w = PANEL.w - 40, y = PANEL.y + 18;
    char buf[256];
    if (v->current < 0) return;
    const level_puzzle *p = &room->puzzles[v->current];
    const game_puzzle_state *ps = &v->game.puzzles[v->current];

    snprintf(buf, sizeof buf, str(a->lang, STR_PUZZLE_OF), v->current + 1, room->puzzle_count);
    y += text_draw(g, buf, (text_style){TEXT_BOLD, 15, GFX_MUTED, TEXT_LEFT}, x, y, w) + 6;
    ui_say(&a->ui, buf);
    const char *prompt = i18n_get(&p->prompt, a->lang);
    y += text_draw(g, prompt, (text_style){TEXT_BOLD, 19, GFX_TEXT, TEXT_LEFT}, x, y, w) + 14;
    ui_say(&a->ui, prompt);

    if (p->kind == LEVEL_P_HOTSPOTS) {
        int found = 0;
        for (int k = 0; k < p->option_count; k++) found += (ps->found >> k) & 1u;
        snprintf(buf, sizeof buf, str(a->lang, STR_FOUND_OF), found, p->correct_count);
        y += text_draw(g, buf, (text_style){TEXT_BOLD, 17, GFX_ACCENT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, buf);
    } else {
        bool several = p->correct_count > 1;
        if (several) {
            y += text_draw(g, str(a->lang, STR_CHOOSE_SEVERAL),
                           (text_style){TEXT_REGULAR, 15, GFX_MUTED, TEXT_LEFT}, x, y, w) + 8;
        }
        for (int k = 0; k < p->option_count; k++) {
            const level_option *o = &p->options[k];
            const char *t = i18n_get(&o->text, a->lang);
            text_style ts = {TEXT_REGULAR, 16, GFX_TEXT, TEXT_LEFT};
            int tw, th;
            text_measure(g, t, ts, w - 56, &tw, &th);
            SDL_Rect r = {x, y, w, th + 20};
            bool ticked = several && (v->chosen & (1u << k));
            bool answered_right = ps->solved && o->correct;
            char label[UI_LABEL_MAX];
            snprintf(label, sizeof label, "%s%s%s", t, ticked || answered_right ? ", " : "",
                     ticked || answered_right ? str(a->lang, STR_SELECTED) : "");
            ui_state s = ps->solved ? (ui_state){0} : ui_item(&a->ui, KEY(K_OPTION, k), r, label, UI_OPTION);
            if (ps->solved) ui_say(&a->ui, label);
            gfx_round_fill(g, r, 8, ticked || answered_right ? GFX_ACCENT : GFX_BORDER);
            gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6,
                           s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
            /* a box (or a circle-ish square) that shows the state by shape */
            SDL_Rect mark = {r.x + 12, r.y + r.h / 2 - 10, 20, 20};
            gfx_outline(g, mark, GFX_MUTED, 2);
            if (ticked || answered_right) gfx_check(g, mark.x + 10, mark.y + 9, 14, GFX_ACCENT);
            text_draw(g, t, ts, r.x + 44, r.y + 10, w - 56);
            if (s.activated) {
                if (several) {
                    v->chosen ^= 1u << k;
                    a->dirty = true;
                } else {
                    submit(a, p->id, &o->id, 1);
                }
            }
            y += r.h + 8;
        }
        if (several && !ps->solved) {
            if (panel_button(a, KEY(K_CHECK, 0), (SDL_Rect){x, y, 160, 44}, str(a->lang, STR_CHECK), true)) {
                const char *ids[LEVEL_MAX_OPTIONS];
                int n = 0;
                for (int k = 0; k < p->option_count; k++)
                    if (v->chosen & (1u << k)) ids[n++] = p->options[k].id;
                if (n > 0) submit(a, p->id, ids, n);
            }
            y += 52;
        }
        y += 4;
    }

    if (v->has_feedback && v->feedback.puzzle == v->current) y += feedback_box(a, x, y, w) + 12;

    for (int h = 0; h < v->hint_shown && h < p->hint_count; h++) {
        snprintf(buf, sizeof buf, str(a->lang, STR_HINT_LABEL), h + 1, p->hint_count);
        char line[600];
        snprintf(line, sizeof line, "%s: %s", buf, i18n_get(&p->hints[h], a->lang));
        y += text_draw(g, line, (text_style){TEXT_REGULAR, 15, GFX_MUTED, TEXT_LEFT}, x, y, w) + 6;
        ui_say(&a->ui, line);
    }

    int by = PANEL.y + PANEL.h - 64;
    if (ps->solved) {
        if (panel_button(a, KEY(K_NEXT, 0), (SDL_Rect){x, by, w, 48}, str(a->lang, STR_CONTINUE), true)) {
            v->current = game_next_puzzle(&v->game);
            v->has_feedback = false;
            v->hint_shown = 0;
            v->wrong_place = -1;
            if (v->current < 0) v->solved_open = true;
            else ui_focus(&a->ui, 0);
            a->dirty = true;
        }
    } else if (p->hint_count > 0) {
        bool more = v->hint_shown < p->hint_count;
        snprintf(buf, sizeof buf, "%s (%d/%d)", str(a->lang, more ? STR_HINT : STR_NO_MORE_HINTS),
                 v->hint_shown, p->hint_count);
        if (panel_button(a, KEY(K_HINT, 0), (SDL_Rect){x, by, w, 48}, buf, false) && more) {
            if (game_take_hint(&v->game, v->current)) v->hint_shown++;
            a->dirty = true;
        }
    }
}

/* ---- dialogs ------------------------------------------------------------------------------ */

/* Esc closes only dialogs whose button merely dismisses them (esc_closes). */
static void dialog(app *a, const char *title, const char *body, const char *extra, uint32_t key,
                   const char *button, bool esc_closes, bool *close)
{
    gfx *g = &a->gfx;
    gfx_fill(g, (SDL_Rect){0, 0, GFX_W, GFX_H}, GFX_SHADE);
    int w = 640;
    text_style ts = {TEXT_BOLD, 28, GFX_TEXT, TEXT_LEFT};
    text_style bs = {TEXT_REGULAR, 19, GFX_TEXT, TEXT_LEFT};
    text_style es = {TEXT_BOLD, 22, GFX_ACCENT, TEXT_LEFT};
    int tw, th, bw, bh = 0, ew, eh = 0;
    text_measure(g, title, ts, w - 64, &tw, &th);
    if (body && body[0]) text_measure(g, body, bs, w - 64, &bw, &bh);
    if (extra && extra[0]) text_measure(g, extra, es, w - 64, &ew, &eh);
    int h = 32 + th + 16 + bh + (eh ? 16 + eh : 0) + 28 + 52 + 32;
    SDL_Rect card = {(GFX_W - w) / 2, (GFX_H - h) / 2, w, h};
    gfx_round_fill(g, card, 16, GFX_SURFACE);
    int y = card.y + 32;
    y += text_draw(g, title, ts, card.x + 32, y, w - 64) + 16;
    ui_say(&a->ui, title);
    if (bh) {
        y += text_draw(g, body, bs, card.x + 32, y, w - 64);
        ui_say(&a->ui, body);
    }
    if (eh) {
        y += 16 + text_draw(g, extra, es, card.x + 32, y + 16, w - 64);
        ui_say(&a->ui, extra);
    }
    if (panel_button(a, key, (SDL_Rect){card.x + 32, card.y + h - 32 - 52, 240, 52}, button, true) || (esc_closes && a->ui.escape))
        *close = true;
}

void room_view_pass(app *a)
{
    room_view *v = &a->view;
    const level_room *room = &a->room;
    bool modal = v->intro_open || v->solved_open;
    app_top_bar(a, i18n_get(&room->title, a->lang));
    if (!modal) {
        scene_pass(a, true);
        panel_pass(a);
    } else {
        scene_pass(a, false);
    }
    if (v->intro_open) {
        bool close = false;
        dialog(a, i18n_get(&room->title, a->lang), i18n_get(&room->intro, a->lang), NULL, KEY(K_START, 0),
               str(a->lang, STR_START), true, &close);
        if (close) {
            v->intro_open = false;
            v->started_ms = plat_now_ms();
            ui_focus(&a->ui, 0);
            a->dirty = true;
        }
    } else if (v->solved_open) {
        char extra[256] = "", line[128];
        if (room->code_part) snprintf(extra, sizeof extra, str(a->lang, STR_CODE_PART), room->code_part);
        int mistakes = 0, hints = 0;
        for (int i = 0; i < room->puzzle_count; i++) {
            mistakes += v->game.puzzles[i].mistakes;
            hints += v->game.puzzles[i].hints_used;
        }
        snprintf(line, sizeof line, "\n%s · ", str(a->lang, STR_MISTAKES));
        size_t n = strlen(extra);
        snprintf(extra + n, sizeof extra - n, line, mistakes);
        n = strlen(extra);
        snprintf(extra + n, sizeof extra - n, str(a->lang, STR_HINTS_USED), hints);
        char title[200];
        snprintf(title, sizeof title, "%s", str(a->lang, STR_ROOM_SOLVED));
        bool again = false;
        dialog(a, title, i18n_get(&room->outro, a->lang), extra, KEY(K_AGAIN, 0),
               str(a->lang, STR_PLAY_AGAIN), false, &again);
        if (again) {
            room_view_begin(a);
        }
    }
}
