#include "comic_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/jsonx.h"

const int comic_zoom_steps[3] = {100, 125, COMIC_ZOOM_MAX};

/* Soft hyphen U+00AD in UTF-8. */
#define SHY0 '\xC2'
#define SHY1 '\xAD'

/* The viewer renders each line at a rounded font size, so a drawn line can come out a little
   wider than measured; layouts keep this much in hand. */
static const float WIDTH_SLACK = 1.05f;

/* ---- the measurer ------------------------------------------------------------------------- */

bool comic_measurer_setup(comic_measurer *m, const char *font_bytes, size_t len)
{
    memset(m, 0, sizeof *m);
    if (!font_bytes || len == 0 || len > 0x7fffffff) return false;
    if (TTF_Init() != 0) return false;
    m->font = malloc(len);
    if (!m->font) {
        TTF_Quit();
        return false;
    }
    memcpy(m->font, font_bytes, len);
    m->font_len = len;
    TTF_Font *probe = TTF_OpenFontRW(SDL_RWFromConstMem(m->font, (int)len), 1, 12);
    if (!probe) {
        comic_measurer_shutdown(m);
        return false;
    }
    TTF_CloseFont(probe);
    return true;
}

void comic_measurer_shutdown(comic_measurer *m)
{
    if (!m->font) return;
    for (int i = 0; i < m->size_count; i++) TTF_CloseFont(m->sizes[i].font);
    free(m->font);
    memset(m, 0, sizeof *m);
    TTF_Quit();
}

static TTF_Font *font_at(comic_measurer *m, int px)
{
    if (!m->font) return NULL;
    for (int i = 0; i < m->size_count; i++)
        if (m->sizes[i].px == px) return m->sizes[i].font;
    if (m->size_count == COMIC_MEASURE_SIZES) {
        /* Rare (only three text sizes exist): start over rather than track use. */
        for (int i = 0; i < m->size_count; i++) TTF_CloseFont(m->sizes[i].font);
        m->size_count = 0;
    }
    TTF_Font *f = TTF_OpenFontRW(SDL_RWFromConstMem(m->font, (int)m->font_len), 1, px);
    if (!f) return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT); /* as text.c draws */
    m->sizes[m->size_count].px = px;
    m->sizes[m->size_count].font = f;
    m->size_count++;
    return f;
}

/* ---- line breaking ------------------------------------------------------------------------ */

void comic_line_text(const char *text, comic_line line, char *out, size_t cap)
{
    size_t n = 0;
    if (cap == 0) return;
    for (int i = line.start; i < line.end && n + 1 < cap; i++) {
        if (text[i] == SHY0 && i + 1 < line.end && text[i + 1] == SHY1) {
            i++;
            continue;
        }
        out[n++] = text[i];
    }
    if (line.hyphen && n + 1 < cap) out[n++] = '-';
    out[n] = '\0';
}

static float line_width(TTF_Font *f, const char *text, int start, int end, bool hyphen)
{
    char buf[COMIC_TEXT_MAX + 4];
    comic_line_text(text, (comic_line){start, end, hyphen}, buf, sizeof buf);
    int w = 0, h = 0;
    if (!buf[0]) return 0;
    if (TTF_SizeUTF8(f, buf, &w, &h) != 0) return 1e9f;
    return (float)w * WIDTH_SLACK + 1.0f;
}

typedef struct wrap_result {
    int line_count;
    float widest;
    bool word_too_wide, too_many_lines;
} wrap_result;

static bool emit(comic_bubble_layout *b, wrap_result *res, TTF_Font *f, const char *t, int start,
                 int end, bool hyphen)
{
    if (b->line_count == COMIC_LINES_MAX) {
        res->too_many_lines = true;
        return false;
    }
    b->lines[b->line_count++] = (comic_line){start, end, hyphen};
    float w = line_width(f, t, start, end, hyphen);
    if (w > res->widest) res->widest = w;
    return true;
}

/* Greedy word wrap to max_w (font pixels = page units at this size). Breaks at spaces, at
   "\n", and inside a word at a soft hyphen when the word does not fit. */
static wrap_result wrap(TTF_Font *f, const char *t, int len, float max_w, comic_bubble_layout *b)
{
    wrap_result res = {0};
    b->line_count = 0;
    int pos = 0, line_start = 0, line_end = 0;
    bool empty = true;
    while (pos < len) {
        if (t[pos] == '\n') {
            if (!emit(b, &res, f, t, line_start, empty ? line_start : line_end, false)) break;
            pos++;
            line_start = line_end = pos;
            empty = true;
            continue;
        }
        if (t[pos] == ' ') {
            pos++;
            continue;
        }
        int word_end = pos;
        while (word_end < len && t[word_end] != ' ' && t[word_end] != '\n') word_end++;
        int from = empty ? pos : line_start;
        if (line_width(f, t, from, word_end, false) <= max_w) {
            if (empty) line_start = pos;
            line_end = word_end;
            empty = false;
            pos = word_end;
            continue;
        }
        /* The word does not fit on this line: break it at the last soft hyphen (shown as "-")
           or real hyphen ("sote-keskus") that fits. */
        int best_end = -1, best_next = -1;
        bool best_shy = false;
        for (int i = pos; i + 1 < word_end; i++) {
            bool shy = t[i] == SHY0 && t[i + 1] == SHY1;
            bool dash = t[i] == '-' && i > pos;
            int end = shy ? i : i + 1;
            if ((shy || dash) && line_width(f, t, from, end, shy) <= max_w) {
                best_end = end;
                best_next = shy ? i + 2 : i + 1;
                best_shy = shy;
            }
        }
        if (best_end >= 0) {
            if (!emit(b, &res, f, t, from, best_end, best_shy)) break;
            pos = best_next;
            line_start = line_end = pos;
            empty = true;
            continue;
        }
        if (!empty) {
            if (!emit(b, &res, f, t, line_start, line_end, false)) break;
            line_start = line_end = pos;
            empty = true;
            continue; /* the same word again, on an empty line */
        }
        /* Alone on its line and still too wide, with no soft hyphen to break at. */
        res.word_too_wide = true;
        if (!emit(b, &res, f, t, pos, word_end, false)) break;
        pos = word_end;
        line_start = line_end = pos;
        empty = true;
    }
    if (!empty && !res.too_many_lines) emit(b, &res, f, t, line_start, line_end, false);
    res.line_count = b->line_count;
    return res;
}

/* ---- placing bubbles ---------------------------------------------------------------------- */

static bool intersects(comic_frect a, comic_frect b, float gap)
{
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap &&
           b.y < a.y + a.h + gap;
}

typedef struct padding {
    float x, y;
} padding;

static padding pad_for(comic_bubble_kind kind, float px)
{
    switch (kind) {
    case COMIC_THOUGHT: return (padding){px * 1.0f, px * 0.6f}; /* round ends need room */
    case COMIC_CAPTION: return (padding){px * 0.5f, px * 0.35f};
    case COMIC_SPEECH:
    default: return (padding){px * 0.7f, px * 0.45f};
    }
}

static bool inside(comic_frect r, float pw, float ph, float margin)
{
    return r.x >= margin - 0.01f && r.y >= margin - 0.01f && r.x + r.w <= pw - margin + 0.01f &&
           r.y + r.h <= ph - margin + 0.01f;
}

static bool covers_earlier(const comic_panel_layout *out, int i, comic_frect r, float gap)
{
    for (int j = 0; j < i; j++)
        if (intersects(r, out->bubbles[j].box, gap)) return true;
    return false;
}

/* True when a bubble's box reaches the tip of a tail in its panel, or comes nearer it than a
   tail worth drawing (half a letter): a tail points at its speaker (usually just above their
   head), so such a bubble covers a speaker, and over its own tip the viewer draws no tail (in
   Swedish at 150 % Eino's bubble once hid the top of his head). */
static bool covers_a_speaker(comic_frect box, const comic_panel *p, float pw, float ph, float text_px)
{
    float room = 0.5f * text_px;
    for (int i = 0; i < p->bubble_count; i++) {
        const comic_bubble *bb = &p->bubbles[i];
        if (!bb->has_tail) continue;
        float tx = bb->tail.x / 100.0f * pw, ty = bb->tail.y / 100.0f * ph;
        if (tx > box.x - room && tx < box.x + box.w + room && ty > box.y - room && ty < box.y + box.h + room)
            return true;
    }
    return false;
}

/* A speaker's head, page units from the panel's corner: just below the tip of their bubble's
   tail (a tail ends just above the head, docs/comics.md), about five letters of the 100 %
   lettering wide and high (the art and the lettering are drawn to one scale: a head in the
   county's comic is 90-110 page units). A tail on the panel's edge points at someone outside
   it: no head inside. */
static bool head_of(const comic_bubble *bb, float pw, float ph, comic_frect *head)
{
    if (!bb->has_tail) return false;
    float tx = bb->tail.x / 100.0f * pw, ty = bb->tail.y / 100.0f * ph, s = (float)COMIC_TEXT_SIZE;
    if (tx <= 0.5f || tx >= pw - 0.5f || ty <= 0.5f || ty >= ph - 0.5f) return false;
    *head = (comic_frect){tx - 2.5f * s, ty, 5 * s, 5 * s};
    return true;
}

static float lesser(float a, float b) { return a < b ? a : b; }
static float greater(float a, float b) { return a > b ? a : b; }

static float overlap(comic_frect a, comic_frect b)
{
    float w = lesser(a.x + a.w, b.x + b.w) - greater(a.x, b.x), h = lesser(a.y + a.h, b.y + b.h) - greater(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/* How much of the panel's faces box hides (square page units): its overlap with every
   speaker's head, half a head for each tail's tip it covers, and for bubble i's own speaker half a head more when the box hangs below
   the tip over the head (its tail would cross the face to reach the tip). */
static float hides(comic_frect box, const comic_panel *p, int i, float pw, float ph)
{
    float a = 0, room = 0.5f * (float)COMIC_TEXT_SIZE * (float)COMIC_ZOOM_MAX / 100.0f;
    comic_frect h;
    for (int k = 0; k < p->bubble_count; k++) {
        if (head_of(&p->bubbles[k], pw, ph, &h)) a += overlap(box, h);
        /* over a tip (or nearer than half a letter) no tail shows: as bad as half a face */
        const comic_bubble *bb = &p->bubbles[k];
        float tx = bb->tail.x / 100.0f * pw, ty = bb->tail.y / 100.0f * ph;
        if (bb->has_tail && tx > box.x - room && tx < box.x + box.w + room && ty > box.y - room &&
            ty < box.y + box.h + room)
            a += 0.5f * 25 * (float)(COMIC_TEXT_SIZE * COMIC_TEXT_SIZE);
    }
    if (head_of(&p->bubbles[i], pw, ph, &h) && box.y + box.h > h.y && box.x < h.x + h.w && box.x + box.w > h.x)
        a += (box.y > h.y - room ? 1.0f : 0.5f) * h.w * h.h; /* below the tip: the tail runs up the face */
    return a;
}

/* How far a bubble's tail reaches from box to its tip (page units, across plus down); 0 without one. */
static float tail_length(comic_frect box, const comic_bubble *bb, float pw, float ph)
{
    if (!bb->has_tail) return 0;
    float tx = bb->tail.x / 100.0f * pw, ty = bb->tail.y / 100.0f * ph;
    float dx = greater(greater(box.x - tx, tx - (box.x + box.w)), 0), dy = greater(greater(box.y - ty, ty - (box.y + box.h)), 0);
    return dx + dy;
}

/* The tail as drawn: from the point of box's edge nearest the tip to the tip. False without one,
   or when the tip is inside the box. */
static bool tail_of(comic_frect box, const comic_bubble *bb, float pw, float ph, float seg[4])
{
    if (!bb->has_tail) return false;
    float tx = bb->tail.x / 100.0f * pw, ty = bb->tail.y / 100.0f * ph;
    float ex = lesser(greater(tx, box.x), box.x + box.w), ey = lesser(greater(ty, box.y), box.y + box.h);
    if (ex == tx && ey == ty) return false;
    seg[0] = ex, seg[1] = ey, seg[2] = tx, seg[3] = ty;
    return true;
}

static float cross(float ax, float ay, float bx, float by, float cx, float cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static bool segments_cross(const float a[4], const float b[4])
{
    float d1 = cross(b[0], b[1], b[2], b[3], a[0], a[1]), d2 = cross(b[0], b[1], b[2], b[3], a[2], a[3]);
    float d3 = cross(a[0], a[1], a[2], a[3], b[0], b[1]), d4 = cross(a[0], a[1], a[2], a[3], b[2], b[3]);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* A segment over a box (an end in it, or crossing an edge): a tail over a bubble. */
static bool segment_through(const float s[4], comic_frect b)
{
    for (int e = 0; e < 2; e++)
        if (s[2 * e] > b.x && s[2 * e] < b.x + b.w && s[2 * e + 1] > b.y && s[2 * e + 1] < b.y + b.h) return true;
    float x1 = b.x + b.w, y1 = b.y + b.h;
    float edges[4][4] = {{b.x, b.y, x1, b.y}, {x1, b.y, x1, y1}, {x1, y1, b.x, y1}, {b.x, y1, b.x, b.y}};
    for (int k = 0; k < 4; k++)
        if (segments_cross(s, edges[k])) return true;
    return false;
}

/* Bubble i at c with the earlier ones: its tail crosses one of theirs or runs over an earlier
   bubble, or an earlier tail runs over it. Comics never do that: the reader follows a tail. */
static bool tails_tangle(const comic_panel_layout *out, const comic_panel *p, int i, comic_frect c, float pw, float ph)
{
    float mine[4], theirs[4];
    bool has = tail_of(c, &p->bubbles[i], pw, ph, mine);
    for (int j = 0; j < i; j++) {
        comic_frect o = out->bubbles[j].box;
        bool other = tail_of(o, &p->bubbles[j], pw, ph, theirs);
        if ((has && other && segments_cross(mine, theirs)) || (has && segment_through(mine, o)) ||
            (other && segment_through(theirs, c)))
            return true;
    }
    return false;
}

/* What tangled tails cost a place: four faces' worth. */
#define TANGLE (4 * 25.0f * (float)(COMIC_TEXT_SIZE * COMIC_TEXT_SIZE))

/* A place for bubble i that still reads after the earlier ones: lower than each, or right of it. */
static bool reads_after(const comic_panel_layout *out, int i, comic_frect c)
{
    for (int j = 0; j < i; j++) {
        comic_frect o = out->bubbles[j].box;
        if (c.y < o.y - 0.5f && c.x < o.x + o.w) return false;
    }
    return true;
}

/* Larger text (125 and 150 %) in a panel drawn for the lettering at 100 %: where the author's
   place hides faces or an earlier bubble, the free place, reading after the earlier bubbles,
   that hides the least of the faces (hides), then the nearest to the author's. Tried on a grid
   of a letter's height and at the edges of the panel and the earlier bubbles. False when no
   place is free. */
static bool place_clear_of_faces(const comic_panel_layout *out, const comic_panel *p, int i, comic_frect want,
                                 float pw, float ph, float margin, float gap, comic_frect *best)
{
    enum { MAX_AT = 64 };
    float xs[MAX_AT], ys[MAX_AT];
    int nx = 0, ny = 0;
    float step = (float)COMIC_TEXT_SIZE, x_max = pw - margin - want.w, y_max = ph - margin - want.h;
    if (x_max < margin || y_max < margin) return false;
    xs[nx++] = want.x;
    ys[ny++] = want.y;
    xs[nx++] = x_max;
    ys[ny++] = y_max;
    for (int j = 0; j < i; j++) {
        comic_frect o = out->bubbles[j].box;
        if (nx + 2 <= MAX_AT) xs[nx++] = o.x + o.w + gap, xs[nx++] = o.x - gap - want.w;
        if (ny + 2 <= MAX_AT) ys[ny++] = o.y + o.h + gap, ys[ny++] = o.y - gap - want.h;
    }
    for (float x = margin; x <= x_max && nx < MAX_AT; x += step) xs[nx++] = x;
    for (float y = margin; y <= y_max && ny < MAX_AT; y += step) ys[ny++] = y;
    float best_cost = -1;
    for (int a = 0; a < nx; a++)
        for (int b = 0; b < ny; b++) {
            comic_frect c = {xs[a], ys[b], want.w, want.h};
            bool authors = a == 0 && b == 0;
            if (!inside(c, pw, ph, margin) || covers_earlier(out, i, c, gap) || (!authors && !reads_after(out, i, c)))
                continue;
            /* a face is worth moving a bubble across most of a panel, a sliver of hair is not; and
               a bubble stays by its speaker (a long tail crosses the picture, or another tail) */
            float cost = hides(c, p, i, pw, ph) + 8.0f * (fabsf(c.x - want.x) + fabsf(c.y - want.y)) +
                         40.0f * tail_length(c, &p->bubbles[i], pw, ph) +
                         (tails_tangle(out, p, i, c, pw, ph) ? TANGLE : 0);
            if (best_cost < 0 || cost < best_cost) {
                *best = c;
                best_cost = cost;
            }
        }
    return best_cost >= 0;
}

/* Where bubble i goes: where the author put it if that is free, else the nearest free place
   beside or below an earlier bubble it would cover (earlier ones are read first, so they stay).
   With larger_text (above 100 %) the lines are taller than the art was drawn for, and a place
   clear of the faces comes first (place_clear_of_faces): in small panels at 150 % the page view
   showed bubbles over faces (Aino's 'Katsotaan yhdessä' below her hair, over her eyes). */
static comic_frect place(const comic_panel_layout *out, const comic_panel *p, int i, comic_frect want,
                         float pw, float ph, float margin, float gap, bool larger_text, comic_fit *fit)
{
    comic_frect box = want;
    if (box.x > pw - margin - box.w) box.x = pw - margin - box.w;
    if (box.x < margin) box.x = margin;
    if (box.y > ph - margin - box.h) box.y = ph - margin - box.h;
    if (box.y < margin) box.y = margin;
    if (box.y + box.h > ph - margin) {
        *fit = COMIC_FIT_TOO_TALL;
        return box;
    }
    comic_frect clear;
    bool free = !covers_earlier(out, i, box, gap);
    if (larger_text && !(free && hides(box, p, i, pw, ph) <= 0) &&
        place_clear_of_faces(out, p, i, box, pw, ph, margin, gap, &clear))
        return clear;
    if (free) return box;
    comic_frect best = box;
    float best_d = -1;
    for (int j = 0; j < i; j++) {
        comic_frect o = out->bubbles[j].box;
        comic_frect c[4] = {
            {o.x + o.w + gap, box.y, box.w, box.h}, /* beside it, right */
            {o.x - gap - box.w, box.y, box.w, box.h}, /* beside it, left */
            {box.x, o.y + o.h + gap, box.w, box.h}, /* below it */
            {box.x, o.y - gap - box.h, box.w, box.h}, /* above it */
        };
        for (int k = 0; k < 4; k++) {
            if (!inside(c[k], pw, ph, margin) || covers_earlier(out, i, c[k], gap)) continue;
            /* of the free places, one clear of the speakers first, then the nearest */
            float d = fabsf(c[k].x - box.x) + fabsf(c[k].y - box.y);
            if (covers_a_speaker(c[k], p, pw, ph, out->text_px)) d += 4 * (pw + ph);
            if (best_d < 0 || d < best_d) {
                best = c[k];
                best_d = d;
            }
        }
    }
    if (best_d < 0) *fit = COMIC_FIT_CROWDED;
    return best;
}

/* One attempt with each bubble's preferred width multiplied by its widen factor. Returns the
   number of bubbles that do not fit. */
static int place_all(comic_measurer *m, const comic_panel *p, i18n_lang lang, int px, const float *widen,
                     comic_panel_layout *out, float *hidden)
{
    *hidden = 0;
    TTF_Font *f = font_at(m, px);
    float pw = (float)p->rect.w, ph = (float)p->rect.h;
    float margin = 8, gap = 6;
    int bad = 0;
    out->count = p->bubble_count < COMIC_MAX_BUBBLES ? p->bubble_count : COMIC_MAX_BUBBLES;
    out->text_px = (float)px;
    out->fit = COMIC_FIT_OK;
    out->bad = -1;
    for (int i = 0; i < out->count; i++) {
        const comic_bubble *bb = &p->bubbles[i];
        comic_bubble_layout *b = &out->bubbles[i];
        memset(b, 0, sizeof *b);
        const char *t = i18n_get(&bb->text, lang);
        int len = (int)strlen(t);
        if (!f) {
            b->fit = COMIC_FIT_NO_FONT;
        } else if (len > COMIC_TEXT_MAX) {
            b->fit = COMIC_FIT_TOO_LONG;
            len = COMIC_TEXT_MAX;
        }
        padding pad = pad_for(bb->kind, (float)px);
        float max_w = bb->width / 100.0f * pw * widen[i];
        if (max_w > pw - 2 * margin) max_w = pw - 2 * margin;
        float min_w = (float)px * 2.5f;
        if (max_w < min_w) max_w = min_w;
        wrap_result wr = {0};
        if (f) {
            wr = wrap(f, t, len, max_w - 2 * pad.x, b);
            b->line_h = (float)TTF_FontLineSkip(f);
        }
        if (wr.too_many_lines && b->fit == COMIC_FIT_OK) b->fit = COMIC_FIT_TOO_LONG;
        if (wr.word_too_wide && b->fit == COMIC_FIT_OK) b->fit = COMIC_FIT_WORD_TOO_WIDE;
        float w = wr.widest + 2 * pad.x, h = (float)b->line_count * b->line_h + 2 * pad.y;
        if (w < min_w) w = min_w;
        if (w > pw - 2 * margin) w = pw - 2 * margin; /* a too-wide word is clipped, and reported */
        comic_fit where = COMIC_FIT_OK;
        b->box = place(out, p, i, (comic_frect){bb->at.x / 100.0f * pw, bb->at.y / 100.0f * ph, w, h}, pw, ph,
                       margin, gap, px > COMIC_TEXT_SIZE, &where);
        if (b->fit == COMIC_FIT_OK) b->fit = where;
        if (b->fit == COMIC_FIT_OK && covers_a_speaker(b->box, p, pw, ph, (float)px)) b->fit = COMIC_FIT_COVERS_TAIL;
        /* larger text: a bubble over a face (below a tail's tip, which the tip alone misses) is
           a problem to widen away too, and the attempts are weighed by the faces they hide */
        comic_frect box = b->box;
        if (px > COMIC_TEXT_SIZE) {
            /* weighed as place_clear_of_faces weighs a place, so that a bubble widened where the
               author put it beats one moved away; a move is worth trying wider first, too */
            float faces = hides(box, p, i, pw, ph);
            float wx = lesser(greater(bb->at.x / 100.0f * pw, margin), pw - margin - box.w);
            float wy = lesser(greater(bb->at.y / 100.0f * ph, margin), ph - margin - box.h);
            float moved = fabsf(box.x - wx) + fabsf(box.y - wy);
            *hidden += faces + 8.0f * moved + 40.0f * tail_length(box, bb, pw, ph) +
                       (tails_tangle(out, p, i, box, pw, ph) ? TANGLE : 0);
            if (b->fit == COMIC_FIT_OK && (faces > 0 || moved > 0.5f)) b->fit = COMIC_FIT_COVERS_TAIL;
        }
        b->text = (comic_frect){box.x + pad.x, box.y + pad.y, box.w - 2 * pad.x, box.h - 2 * pad.y};
        if (b->fit != COMIC_FIT_OK) {
            bad++;
            if (out->bad < 0) {
                out->bad = i;
                out->fit = b->fit;
            }
        }
    }
    return bad;
}

bool comic_layout_panel(comic_measurer *m, const comic_panel *p, i18n_lang lang, int zoom,
                        comic_panel_layout *out)
{
    /* A bubble that does not fit where and as wide as the author said is widened step by step
       (wider is shorter), the others keep their width; the attempt with the fewest problems
       is kept (the first, on a tie). */
    static const float steps[] = {1.0f, 1.3f, 1.7f, 2.2f, 10.0f};
    enum { STEPS = sizeof steps / sizeof steps[0] };
    int px = (int)((float)COMIC_TEXT_SIZE * (float)zoom / 100.0f + 0.5f);
    if (px < 6) px = 6;
    int step[COMIC_MAX_BUBBLES] = {0};
    float widen[COMIC_MAX_BUBBLES];
    int best_bad = -1, best_worse = 0;
    float best_hidden = 0;
    static comic_panel_layout attempt; /* large: off the stack; layouts run on one thread */
    for (int round = 0; round < STEPS * COMIC_MAX_BUBBLES; round++) {
        for (int i = 0; i < COMIC_MAX_BUBBLES; i++) widen[i] = steps[step[i]];
        float hidden;
        int bad = place_all(m, p, lang, px, widen, &attempt, &hidden);
        /* above 100 % a covered face is forgiven below, so among attempts that otherwise fit
           the one that hides the least of the faces wins */
        int worse = 0;
        for (int i = 0; i < attempt.count; i++)
            worse += attempt.bubbles[i].fit != COMIC_FIT_OK && attempt.bubbles[i].fit != COMIC_FIT_COVERS_TAIL;
        bool better = best_bad < 0 || (zoom > 100 ? worse < best_worse || (worse == best_worse && hidden < best_hidden)
                                                  : bad < best_bad);
        if (better) {
            best_bad = bad;
            best_worse = worse;
            best_hidden = hidden;
            *out = attempt;
        }
        if (bad == 0) break;
        /* Widen one bubble at a time: the first that does not fit, or, when it has no room
           left, the least widened earlier one (shorter, it leaves room below). */
        int grow = -1;
        for (int i = 0; i < attempt.count && grow < 0; i++) {
            comic_fit fit = attempt.bubbles[i].fit;
            if (fit == COMIC_FIT_OK || fit == COMIC_FIT_NO_FONT) continue;
            if (fit == COMIC_FIT_CROWDED)
                for (int j = 0; j < i; j++)
                    if (step[j] < STEPS - 1 && (grow < 0 || step[j] < step[grow])) grow = j;
            if (grow < 0 && step[i] < STEPS - 1) grow = i;
        }
        if (grow < 0) break;
        step[grow]++;
    }
    /* NOT A BUG: a speaker covered at a larger text size is kept as the best attempt found and
       not counted. The art is drawn for the lettering at 100 %, where no bubble may cover a
       speaker; at 150 % a small panel has no room above the heads for its lines, and the text
       comes first (the guided view shows the panel larger). The widening above still keeps
       speakers clear wherever the panel has room. */
    if (zoom > 100 && best_bad > 0) {
        out->fit = COMIC_FIT_OK;
        out->bad = -1;
        best_bad = 0;
        for (int i = 0; i < out->count; i++) {
            comic_bubble_layout *b = &out->bubbles[i];
            if (b->fit == COMIC_FIT_COVERS_TAIL) b->fit = COMIC_FIT_OK;
            if (b->fit == COMIC_FIT_OK) continue;
            best_bad++;
            if (out->bad < 0) out->bad = i, out->fit = b->fit;
        }
    }
    return best_bad == 0;
}

/* ---- the check ---------------------------------------------------------------------------- */

const char *comic_fit_message(comic_fit fit)
{
    switch (fit) {
    case COMIC_FIT_OK: return "fits";
    case COMIC_FIT_WORD_TOO_WIDE:
        return "a word is wider than the panel: shorten it or add a soft hyphen (\\u00AD)";
    case COMIC_FIT_TOO_TALL: return "the text is taller than the panel: shorten it";
    case COMIC_FIT_CROWDED:
        return "it covers an earlier bubble: shorten the texts or move the bubble (Place from the left / top)";
    case COMIC_FIT_TOO_LONG: return "the text is too long for one bubble: split it";
    case COMIC_FIT_COVERS_TAIL:
        return "it covers the speaker its tail points at: shorten the text, widen the bubble (Width) or move it (Place from the left / top)";
    case COMIC_FIT_NO_FONT: return "the lettering font could not be opened";
    }
    return "?";
}

bool comic_layout_check(comic_measurer *m, const comic *c, const char *json, size_t json_len,
                        diag_list *diags)
{
    static const char *const lang_names[LANG_COUNT] = {"Finnish", "Swedish", "English"};
    static comic_panel_layout pl;
    bool ok = true;
    for (int pg = 0; pg < c->page_count; pg++) {
        const comic_page *page = &c->pages[pg];
        for (int pi = 0; pi < page->panel_count; pi++) {
            const comic_panel *p = &page->panels[pi];
            bool reported[COMIC_MAX_BUBBLES][LANG_COUNT] = {{0}};
            for (int z = 0; z < 3; z++) {
                for (int l = 0; l < LANG_COUNT; l++) {
                    if (comic_layout_panel(m, p, (i18n_lang)l, comic_zoom_steps[z], &pl)) continue;
                    for (int b = 0; b < pl.count; b++) {
                        const comic_bubble *bb = &p->bubbles[b];
                        if (pl.bubbles[b].fit == COMIC_FIT_OK || reported[b][l]) continue;
                        reported[b][l] = true;
                        ok = false;
                        /* A plain string is every language's text, and a missing translation
                           shows the Finnish one: report those once, at the Finnish text. */
                        const i18n_text *t = &bb->text;
                        bool plain = t->s[LANG_SV] == t->s[LANG_FI] && t->s[LANG_EN] == t->s[LANG_FI];
                        if (l != LANG_FI && (plain || !t->s[l])) continue;
                        char path[DIAG_PATH_MAX];
                        snprintf(path, sizeof path, "pages[%d].panels[%d].bubbles[%d].text%s%s", pg,
                                 p->source_index, b, plain ? "" : ".", plain ? "" : i18n_code((i18n_lang)l));
                        int line = 0, col = 0;
                        if (json) jx_locate(json, json_len, path, &line, &col);
                        diag_add(diags, DIAG_ERROR, DIAG_OVERFLOW, c->file ? c->file : "", line, col,
                                 path, "at text size %d %% the %s text does not fit its panel: %s",
                                 comic_zoom_steps[z], lang_names[l], comic_fit_message(pl.bubbles[b].fit));
                    }
                }
            }
        }
    }
    return ok;
}
