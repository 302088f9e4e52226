/* room_layout.c - the room screen's geometry in CSS pixels (room_layout.h). No drawing here:
 * room_view.c and app.c draw into these rectangles, lint_text.c measures against them. */
#include "room_layout.h"

#include <string.h>

const int rl_scene_text[4] = {15, 17, 21, 26};

/* The scene size a screen is planned for when no room is at hand (the ending, a comic). */
enum { DEFAULT_SCENE_W = 800, DEFAULT_SCENE_H = 560, GAP = 12 };

static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

int rl_control_h(int base, int zoom)
{
    int h = (base * zoom + 50) / 100;
    return h < RL_CONTROL_MIN ? RL_CONTROL_MIN : h;
}

int rl_text_px(int size, int zoom)
{
    int px = (int)((float)size * (float)zoom / 100.0f + 0.5f);
    return px < 6 ? 6 : px;
}

int rl_scene_style_size(int units, float scale, int zoom)
{
    return (int)((float)units * scale * 100.0f / (float)zoom + 0.5f);
}

/* The panel grows with the text size (half as fast), within its bounds. */
static int panel_width(int w, int zoom)
{
    int pw = w * 32 / 100 * (100 + (zoom - 100) / 2) / 100;
    int hi = RL_PANEL_MAX_W * (100 + (zoom - 100) / 2) / 100;
    return clampi(pw, RL_PANEL_MIN_W, hi);
}

int rl_pan_to(const level_rect *places, int n, float scale, int view_w, int max_pan, int pan)
{
    enum { MARGIN = 12 };
    if (max_pan <= 0) return 0;
    pan = clampi(pan, 0, max_pan);
    int best = pan, best_score = -1, best_shown = 0, best_move = 0;
    /* the pans worth trying: where it is now, and each place put at the view's left or right edge */
    for (int c = -1; c < 2 * n; c++) {
        int p = pan;
        if (c >= 0) {
            const level_rect *r = &places[c / 2];
            p = c % 2 == 0 ? (int)((float)r->x * scale) - MARGIN : (int)((float)(r->x + r->w) * scale) + MARGIN - view_w;
            p = clampi(p, 0, max_pan);
        }
        int score = 0, shown = 0;
        for (int i = 0; i < n; i++) {
            int x0 = (int)((float)places[i].x * scale), x1 = (int)((float)(places[i].x + places[i].w) * scale);
            bool left_in = x0 >= p && x0 < p + view_w;
            bool whole = x0 >= p - 1 && x1 <= p + view_w + 1; /* a place at the scene's edge has no margin */
            score += 2 * whole + left_in;
            /* of a place wider than the view (a phone: a channel's messages), as much as fits */
            if (!whole && left_in) shown += (x1 < p + view_w ? x1 : p + view_w) - x0;
        }
        int move = p > pan ? p - pan : pan - p;
        if (score > best_score || (score == best_score && shown > best_shown) ||
            (score == best_score && shown == best_shown && move < best_move))
            best = p, best_score = score, best_shown = shown, best_move = move;
    }
    return best;
}

/* ---- a task opening in the one-column layout ------------------------------------------------- */

enum { REVEAL_MARGIN = 12 }; /* what is "in view" keeps this far from the screen's edges */

bool rl_task_above(const rl_screen *s, int task_h, const level_rect *places, int n)
{
    if (!s->stacked || n <= 0) return false;
    int first = 0; /* the topmost place: where the eye starts */
    for (int i = 1; i < n; i++)
        if (places[i].y < places[first].y) first = i;
    int place_y = s->scene_view.y + (int)((float)places[first].y * s->scene_scale);
    int task_bottom = s->panel.y + 12 + task_h; /* panel_content starts 12 px into the card */
    /* the prompt below the scene and the first place, each with its margin, on one screen? */
    return task_bottom + REVEAL_MARGIN - (place_y - REVEAL_MARGIN) > s->h;
}

SDL_Rect rl_put_task_above(rl_screen *s, int task_h)
{
    SDL_Rect card = {s->panel.x, s->scene_view.y, s->panel.w, task_h + 24};
    int shift = card.h + GAP;
    s->scene_view.y += shift;
    s->panel.y += shift;
    return card;
}

int rl_reveal_task(int view_h, int offset, int max_offset, rl_span task, rl_span first, rl_span places)
{
    enum { M = REVEAL_MARGIN };
    if (max_offset < 0) max_offset = 0;
    /* 1. the scrolls that show the prompt whole, [lo, hi]; taller than the view: its top */
    int hi = task.y - M, lo = task.y + task.h + M - view_h;
    if (lo > hi) lo = hi;
    hi = clampi(hi, 0, max_offset);
    lo = clampi(lo, 0, max_offset);
    /* the best scroll is at one of these (each score below changes only at one of them) */
    int tries[] = {offset, lo, hi, first.y - M, first.y + first.h + M - view_h,
                   places.y - M, places.y + places.h + M - view_h};
    int best = clampi(offset, lo, hi), best_first = -1, best_seen = -1, best_move = 0;
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        int o = clampi(tries[i], lo, hi), top = o + M, bottom = o + view_h - M;
        /* 2. the first place whole in view (2), or at least its top (1) */
        int f = 0;
        if (first.h > 0 && first.y >= top && first.y < bottom) f = first.y + first.h <= bottom ? 2 : 1;
        /* 3. how much of the places shows */
        int a = places.y > top ? places.y : top, b = places.y + places.h < bottom ? places.y + places.h : bottom;
        int seen = places.h > 0 && b > a ? b - a : 0;
        int move = o > offset ? o - offset : offset - o;
        if (f > best_first || (f == best_first && (seen > best_seen || (seen == best_seen && move < best_move))))
            best = o, best_first = f, best_seen = seen, best_move = move;
    }
    return best;
}

/* The scrolls [lo, hi] that show a stretch whole with its margins (empty when it is taller). */
static void whole_in(rl_span s, int view_h, int *lo, int *hi)
{
    *lo = s.y + s.h + REVEAL_MARGIN - view_h;
    *hi = s.y - REVEAL_MARGIN;
}

int rl_after_find(int view_h, int offset, int max_offset, int shift, rl_span news, rl_span place)
{
    if (max_offset < 0) max_offset = 0;
    int stay = clampi(offset + shift, 0, max_offset), lo, hi;
    whole_in(news, view_h, &lo, &hi);
    if (stay >= lo && stay <= hi) return stay; /* 1. */
    if (place.h > 0) {
        int plo, phi;
        whole_in(place, view_h, &plo, &phi);
        lo = lo > plo ? lo : plo;
        hi = hi < phi ? hi : phi;
    }
    lo = lo < 0 ? 0 : lo;
    hi = hi > max_offset ? max_offset : hi;
    if (lo > hi) return place.h > 0 ? stay : clampi(news.y - REVEAL_MARGIN, 0, max_offset); /* 3. */
    return clampi(stay, lo, hi); /* 2. */
}

int rl_pin_scroll(int view_h, int offset, int max_offset, int shift, int pin_h, rl_span place)
{
    if (max_offset < 0) max_offset = 0;
    if (place.h <= 0) return -1;
    int lo = place.y + place.h + REVEAL_MARGIN - view_h, hi = place.y - pin_h - REVEAL_MARGIN;
    lo = lo < 0 ? 0 : lo;
    hi = hi > max_offset ? max_offset : hi;
    if (lo > hi) return -1;
    return clampi(offset + shift, lo, hi);
}

/* A word that joins what is around it: items ("4 · 7", "Virheitä: 0 · Vihjeitä: 1") or clauses
   ("Teams – viestit"). It stays at the end of the line before it and never starts a line. */
static bool is_separator(const char *w, size_t n)
{
    static const char *const seps[] = {"\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
                                       "|", "/", "-", "+", "=", "&"};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (n == strlen(seps[i]) && memcmp(w, seps[i], n) == 0) return true;
    return false;
}

/* The separator of a list's items (the code parts, the ending's figures, a page's dates). */
static bool is_list_separator(const char *w, size_t n)
{
    return (n == 2 && memcmp(w, "\xC2\xB7", 2) == 0) || (n == 3 && memcmp(w, "\xE2\x80\xA2", 3) == 0) ||
           (n == 1 && w[0] == '|');
}

/* A short word without letters (a code part "8" or "?", a figure "12"): it says nothing on a
   line of its own, so it is never left alone on one. */
static bool is_lone_token(const char *w, size_t n)
{
    if (n == 0 || n > 4) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
    }
    return true;
}

/* The first word at or after p before end: [*ws, *we); false when there is none. */
static bool next_word(const char *p, const char *end, const char **ws, const char **we)
{
    while (p < end && *p == ' ') p++;
    *ws = p;
    while (p < end && *p != ' ') p++;
    *we = p;
    return *we > *ws;
}

/* One paragraph (the text between the author's breaks) being wrapped. */
typedef struct wrap_para {
    const char *end;
    int wrap;
    rl_width_fn width;
    void *ctx;
    bool list; /* it has a list separator: its lines break after those first */
} wrap_para;

/* How good a break after the word [ws, we) is, when [ns, ne) follows: 0 after a list's
   separator (the items stay whole), 1 at any other space, 2 before a separator (only when
   nothing else fits). */
static int break_kind(const wrap_para *p, const char *ws, const char *we, const char *ns, const char *ne)
{
    if (is_separator(ns, (size_t)(ne - ns))) return 2;
    return p->list && is_list_separator(ws, (size_t)(we - ws)) ? 0 : 1;
}

/* Where the line that starts at ls (its first word at or after first) ends: at the farthest
   break of the best kind that fits (break_kind), the paragraph's end when the rest fits, or
   after its first word when nothing fits (a word wider than the line: the renderer breaks it). */
static const char *line_end(const wrap_para *p, const char *ls, const char *first)
{
    const char *ws, *we, *ns, *ne, *best[3] = {NULL, NULL, NULL};
    if (!next_word(first, p->end, &ws, &we)) return p->end;
    const char *first_end = we;
    for (;;) {
        bool fits = p->width(p->ctx, ls, (size_t)(we - ls)) <= p->wrap;
        if (!next_word(we, p->end, &ns, &ne)) {
            if (fits) return p->end;
            break;
        }
        if (!fits) break;
        best[break_kind(p, ws, we, ns, ne)] = we;
        ws = ns;
        we = ne;
    }
    for (int k = 0; k < 3; k++)
        if (best[k]) return best[k];
    return first_end == we && !next_word(we, p->end, &ns, &ne) ? p->end : first_end;
}

/* The line that ends at e is followed by a lone token on a line of its own ("Koodin osat: 4 · 7 · 2 ·
   9 ·" and then "8"): end it earlier instead, at the farthest break (not before a separator)
   from which the words moved down fit with the token on the next line. Returns e when none. */
static const char *spare_lone(const wrap_para *p, const char *first, const char *e)
{
    const char *ts, *te, *ws, *we, *ns, *ne, *best = e;
    if (e == p->end || !next_word(e, p->end, &ts, &te) || !is_lone_token(ts, (size_t)(te - ts))) return e;
    bool more = next_word(te, p->end, &ns, &ne);
    if (line_end(p, ts, ts) != (more ? te : p->end)) return e; /* the token has company */
    if (!next_word(first, p->end, &ws, &we)) return e;
    while (we < e && next_word(we, p->end, &ns, &ne)) {
        if (break_kind(p, ws, we, ns, ne) < 2 && p->width(p->ctx, ns, (size_t)(te - ns)) <= p->wrap) best = we;
        ws = ns;
        we = ne;
    }
    return best;
}

bool rl_wrap(const char *s, int wrap, rl_width_fn width, void *ctx, char *out, size_t cap)
{
    size_t len = strlen(s);
    if (cap == 0) return false;
    if (len + 1 > cap) {
        memcpy(out, s, cap - 1);
        out[cap - 1] = '\0';
        return false;
    }
    size_t o = 0;
    for (const char *para = s;;) { /* each paragraph; the author's '\n' stay, with the spaces after them */
        const char *end = para + strcspn(para, "\n");
        wrap_para p = {end, wrap, width, ctx, false};
        const char *ws, *we;
        for (const char *q = para; next_word(q, end, &ws, &we); q = we)
            p.list = p.list || is_list_separator(ws, (size_t)(we - ws));
        const char *ls = para, *first = para;
        for (;;) {
            const char *e = wrap > 0 ? line_end(&p, ls, first) : end;
            e = spare_lone(&p, first, e);
            memcpy(out + o, ls, (size_t)(e - ls));
            o += (size_t)(e - ls);
            if (e == end) break;
            out[o++] = '\n'; /* the spaces of the break go */
            next_word(e, end, &ls, &we);
            first = ls;
        }
        if (!*end) break;
        out[o++] = '\n';
        para = end + 1;
    }
    out[o] = '\0';
    return true;
}

/* Side by side needs the scene readable (RL_SCENE_SCALE_MIN) beside the panel, in both
   directions; otherwise one column that scrolls. */
static bool wide_fits(int w, int h, int zoom, int bar_h, int sw, int sh)
{
    int aw = w - 3 * RL_MARGIN - panel_width(w, zoom), ah = h - bar_h - 2 * RL_MARGIN;
    return w >= RL_WIDE_MIN_W && (float)aw >= (float)sw * RL_SCENE_SCALE_MIN &&
           (float)ah >= (float)sh * RL_SCENE_SCALE_MIN;
}

bool rl_stacked(int w) { return w < RL_WIDE_MIN_W; }

rl_screen rl_screen_layout(int w, int h, int zoom, int bar_h, int sw, int sh)
{
    rl_screen s;
    memset(&s, 0, sizeof s);
    s.w = w;
    s.h = h;
    if (sw <= 0 || sh <= 0) sw = DEFAULT_SCENE_W, sh = DEFAULT_SCENE_H;
    s.stacked = !wide_fits(w, h, zoom, bar_h, sw, sh);
    if (!s.stacked) {
        int pw = panel_width(w, zoom);
        SDL_Rect area = {RL_MARGIN, bar_h + RL_MARGIN, w - 3 * RL_MARGIN - pw, h - bar_h - 2 * RL_MARGIN};
        float sx = (float)area.w / (float)sw, sy = (float)area.h / (float)sh;
        s.scene_scale = sx < sy ? sx : sy;
        if (s.scene_scale > 1.0f) s.scene_scale = 1.0f; /* authored 1:1 in CSS px: never blown up */
        s.scene_draw_w = (int)((float)sw * s.scene_scale);
        s.scene_draw_h = (int)((float)sh * s.scene_scale);
        /* centred in its area */
        s.scene_view = (SDL_Rect){area.x + (area.w - s.scene_draw_w) / 2, area.y + (area.h - s.scene_draw_h) / 2,
                                  s.scene_draw_w, s.scene_draw_h};
        s.panel = (SDL_Rect){w - RL_MARGIN - pw, bar_h + RL_MARGIN, pw, h - bar_h - 2 * RL_MARGIN};
        s.text_w = pw - 2 * RL_PANEL_PAD - RL_SCROLLBAR / 2 - 2;
        return s;
    }
    /* One column, scrolled as a whole: the top bar, the scene, the panel below it. The scene
       keeps its authored size (1 unit = 1 CSS px) where the column is at least RL_PAN_FULL_W
       wide, so browser zoom enlarges it like everything else; on narrower screens (phones) it
       is fitted to the width but never below its readable scale. Either way a scene wider than
       the column pans sideways. */
    int cw = w - 2 * GAP;
    float scale = 1.0f;
    if (cw < RL_PAN_FULL_W) {
        scale = (float)cw / (float)sw;
        if (scale > 1.0f) scale = 1.0f;
        if (scale < RL_SCENE_SCALE_MIN) scale = RL_SCENE_SCALE_MIN;
    }
    s.scene_scale = scale;
    s.scene_draw_w = (int)((float)sw * scale);
    s.scene_draw_h = (int)((float)sh * scale);
    int vw = s.scene_draw_w < cw ? s.scene_draw_w : cw;
    s.scene_view = (SDL_Rect){(w - vw) / 2, bar_h + GAP, vw, s.scene_draw_h};
    s.panel = (SDL_Rect){GAP, s.scene_view.y + s.scene_view.h + GAP, cw, 0};
    int pad = cw < 480 ? 14 : RL_PANEL_PAD;
    s.text_w = cw - 2 * pad;
    return s;
}

/* ---- the scene's widgets (room_view.c draw_widget draws into these) ------------------------- */

bool rl_widget_box(const level_widget *w, SDL_Rect r, float scale, rl_box *b)
{
    memset(b, 0, sizeof *b);
    b->face = w->bold ? 1 : 0;
    b->size = rl_scene_text[w->size];
    switch (w->type) {
    case LEVEL_W_WINDOW: /* the title in the title bar, 36 units high */
        b->face = 1;
        b->r = (SDL_Rect){r.x + 14, r.y, r.w - 28, (int)(36 * scale)};
        b->middle = true;
        return true;
    case LEVEL_W_TOOLBAR:
        b->r = (SDL_Rect){r.x + 14, r.y, r.w - 28, r.h};
        b->middle = true;
        return true;
    case LEVEL_W_BUTTON:
        if (w->tone == LEVEL_TONE_LINK) {
            b->r = (SDL_Rect){r.x + 4, r.y, r.w - 8, r.h};
        } else {
            b->r = (SDL_Rect){r.x + 8, r.y, r.w - 16, r.h};
            if (w->opens) b->face = 1;
        }
        b->middle = true;
        return true;
    case LEVEL_W_TEXT: b->r = r; return true;
    case LEVEL_W_CHAT: b->r = (SDL_Rect){r.x + 12, r.y + 8, r.w - 24, r.h - 8}; return true;
    case LEVEL_W_ICON: {
        int side = r.h < r.w ? r.h : r.w;
        b->r = (SDL_Rect){r.x + side + 10, r.y, r.w - side - 10, r.h};
        b->middle = true;
        return true;
    }
    case LEVEL_W_BOX: b->r = (SDL_Rect){r.x + 10, r.y + 8, r.w - 20, r.h - 8}; return true;
    case LEVEL_W_IMAGE:
    case LEVEL_W_LIST:
    default: return false;
    }
}

bool rl_list_row(const level_widget *w, SDL_Rect r, float scale, int k, SDL_Rect *row, rl_box *b)
{
    int row_h = (int)(RL_LIST_ROW * scale);
    if (row_h <= 0 || (k + 1) * row_h > r.h) return false;
    *row = (SDL_Rect){r.x, r.y + k * row_h, r.w - 1, row_h};
    memset(b, 0, sizeof *b);
    b->r = (SDL_Rect){row->x + 14, row->y, row->w - 24, row->h};
    b->face = k == 0 ? 1 : 0; /* the newest row is the one in bold, as in a mail client */
    b->size = rl_scene_text[LEVEL_TS_SMALL];
    b->middle = true;
    (void)w;
    return true;
}

/* ---- the top bar ---------------------------------------------------------------------------- */

static void measure(const rl_measure *m, int face, int size, const char *s, int wrap, int *w, int *h)
{
    *w = *h = 0;
    if (s && s[0]) m->fn(m->ctx, face, size, s, wrap, w, h);
}

void rl_top_bar_layout(const rl_measure *m, int w, int zoom, const char *back, const char *title,
                       const char *settings, const char *const lang_names[LANG_COUNT], rl_top_bar *out)
{
    memset(out, 0, sizeof *out);
    int ch = rl_control_h(RL_BAR_CONTROL_H, zoom), tw, th;
    int x = 16;
    if (back) {
        measure(m, 1, RL_TS_BUTTON, back, 0, &tw, &th);
        out->has_back = true;
        out->back = (SDL_Rect){x, 8, tw + 24, ch};
        x += out->back.w + 12;
    }
    int lw[LANG_COUNT], sw;
    for (int l = 0; l < LANG_COUNT; l++) {
        measure(m, 1, RL_TS_LANG, lang_names[l], 0, &tw, &th);
        lw[l] = tw + 20;
    }
    measure(m, 1, RL_TS_BUTTON, settings, 0, &tw, &th);
    sw = tw + 28;
    /* One row when the title keeps a fair share of it: languages from the right edge, the
       settings left of them, the title between the way back and the settings. */
    int rx = w - 16;
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        out->lang[l] = (SDL_Rect){rx - lw[l], 8, lw[l], ch};
        rx = out->lang[l].x - 4;
    }
    out->settings = (SDL_Rect){rx - 16 - sw, 8, sw, ch};
    int title_w = out->settings.x - 12 - x;
    if (!rl_stacked(w) && title_w >= 200) {
        /* A title too long for one line takes two, and the bar grows to hold them with the
           controls in its middle: a room's name of some forty letters in Swedish needed two at
           150 % text, and the linter refused it (the room below is laid out for the bar's height). */
        int two, aw;
        out->h = ch + 16;
        measure(m, 1, RL_TS_TITLE, "Ag", 0, &aw, &two);
        measure(m, 1, RL_TS_TITLE, "Ag Ag", aw * 3 / 2, &tw, &two); /* two lines as the wrapping spaces them */
        measure(m, 1, RL_TS_TITLE, title, title_w, &tw, &th);
        if (th > out->h && th <= two) {
            out->h = th + 16;
            int dy = (out->h - (ch + 16)) / 2;
            if (out->has_back) out->back.y += dy;
            out->settings.y += dy;
            for (int l = 0; l < LANG_COUNT; l++) out->lang[l].y += dy;
        }
        out->title = (SDL_Rect){x, 0, title_w, out->h};
        out->title_fits = th <= out->h;
        return;
    }
    /* Narrow: the title wraps beside the way back; the buttons flow in rows below it. */
    title_w = w - 16 - x;
    measure(m, 1, RL_TS_TITLE, title, title_w > 40 ? title_w : 40, &tw, &th);
    int row1 = th > ch ? th : ch;
    out->title = (SDL_Rect){x, 8, title_w, row1};
    out->title_fits = true;
    int y = 8 + row1 + 8, fx = 16;
    SDL_Rect *flow[LANG_COUNT + 1];
    flow[0] = &out->settings;
    for (int l = 0; l < LANG_COUNT; l++) flow[l + 1] = &out->lang[l];
    for (int i = 0; i < LANG_COUNT + 1; i++) {
        int iw = flow[i]->w;
        if (fx > 16 && fx + iw > w - 16) {
            fx = 16;
            y += ch + 8;
        }
        *flow[i] = (SDL_Rect){fx, y, iw, ch};
        fx += iw + (i == 0 ? 16 : 4);
    }
    out->h = y + ch + 8;
}

/* ---- dialogs -------------------------------------------------------------------------------- */

void rl_dialog_layout(const rl_measure *m, int w, int h, int zoom, const char *title, const char *body,
                      const char *extra, rl_dialog *out)
{
    memset(out, 0, sizeof *out);
    int cw = w - 24 < 680 ? w - 24 : 680;
    int pad = cw < 480 ? 16 : 32;
    int wrap = cw - 2 * pad, tw;
    measure(m, 1, RL_TS_DIALOG_TITLE, title, wrap, &tw, &out->title_h);
    measure(m, 0, RL_TS_DIALOG_BODY, body, wrap, &tw, &out->body_h);
    measure(m, 1, RL_TS_DIALOG_EXTRA, extra, wrap, &tw, &out->extra_h);
    out->pad = pad;
    out->content_h = out->title_h + (out->body_h ? 16 + out->body_h : 0) + (out->extra_h ? 16 + out->extra_h : 0);
    int bh = rl_control_h(52, zoom), below = 24 + bh + pad;
    int ch = pad + out->content_h + below;
    int max_h = h - (h > 200 ? 20 : 8);
    if (ch > max_h) ch = max_h;
    out->card = (SDL_Rect){(w - cw) / 2, (h - ch) / 2, cw, ch};
    int vh = ch - pad - below;
    if (vh < 0) vh = 0;
    /* the text area reaches into the right padding, where its scroll bar goes */
    out->view = (SDL_Rect){out->card.x + pad, out->card.y + pad, cw - pad - 6, vh};
    out->scrolls = out->content_h > vh;
    out->button = (SDL_Rect){out->card.x + pad, out->card.y + ch - pad - bh, wrap < 280 ? wrap : 280, bh};
}
