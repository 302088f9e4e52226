/* lint_text.c - text that must fit, measured with the game's own fonts and SDL_ttf, headless.
 *
 * Scene texts are drawn into their widgets at the scene's sizes (room_layout.h rl_scene_text),
 * scaled with the scene and not with the player's text size; panel texts, the top bar and
 * dialogs grow with the text size up to 150 %. Where each text goes, on which screens, is
 * asked of room_layout.c, the module the views draw with, and text wraps with the same SDL_ttf
 * call (TTF_RenderUTF8_Blended_Wrapped), so what fits here fits on screen. Comic bubbles go
 * through comic_layout_check, which the viewer also uses.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>

#include "../front/comic_layout.h"
#include "../front/room_layout.h"
#include "../front/strings.h"
#include "lint.h"

enum {
    FACES = 2,            /* Lato regular, bold */
    FONT_SLOTS = 48,
    MEMO_SLOTS = 4096,    /* measured texts: the same text is asked for at several sizes */
    ZOOM_MAX = RL_ZOOM_MAX
};

/* The screens content is checked on, in CSS px (the canvas, less the page's footer): a laptop
   at 100 % browser zoom, a phone held upright, and the laptop at 200 % browser zoom. */
static const struct { const char *name; int w, h; } SCREENS[] = {
    {"laptop", 1280, 720}, {"phone", 390, 844}, {"zoomed", 640, 340},
};
enum { SCREEN_COUNT = sizeof SCREENS / sizeof SCREENS[0], LAPTOP = 0 };

static const char *const FACE_FILES[FACES] = {"Lato-Regular.ttf", "Lato-Bold.ttf"};
static const char *const DEFAULT_FONTS = "/usr/share/fonts/truetype/lato";
static const char *const COMIC_FONT = "/usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf";
static const char *const LANG_NAMES[LANG_COUNT] = {"Finnish", "Swedish", "English"};

static struct {
    bool ready;
    char *face[FACES];
    size_t face_len[FACES];
    struct { int face, px; TTF_Font *font; } fonts[FONT_SLOTS];
    int font_count;
    struct { uint64_t key; int w, h; } memo[MEMO_SLOTS];
    comic_measurer comic;
    bool comic_ready, comic_tried;
    char comic_path[1024];
} T;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = buf ? (size_t)n : 0;
    return buf;
}

bool lint_text_setup(const char *fonts_dir)
{
    if (TTF_Init() != 0) return false;
    const char *dir = fonts_dir ? fonts_dir : DEFAULT_FONTS;
    for (int i = 0; i < FACES; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, FACE_FILES[i]);
        T.face[i] = slurp(path, &T.face_len[i]);
        if (!T.face[i]) {
            fprintf(stderr, "pakopeli-lint: the font %s is missing, so text fit is not checked "
                            "(apt-get install fonts-lato, or give --fonts DIR)\n", path);
            lint_text_shutdown();
            return false;
        }
    }
    if (fonts_dir) snprintf(T.comic_path, sizeof T.comic_path, "%s/ComicNeue-Bold.otf", fonts_dir);
    else snprintf(T.comic_path, sizeof T.comic_path, "%s", COMIC_FONT);
    T.ready = true;
    return true;
}

void lint_text_shutdown(void)
{
    for (int i = 0; i < T.font_count; i++) TTF_CloseFont(T.fonts[i].font);
    for (int i = 0; i < FACES; i++) free(T.face[i]);
    bool had_ttf = T.ready || T.face[0];
    if (T.comic_ready) comic_measurer_shutdown(&T.comic);
    memset(&T, 0, sizeof T);
    if (had_ttf && TTF_WasInit()) TTF_Quit();
}

static TTF_Font *font(int face, int px)
{
    for (int i = 0; i < T.font_count; i++)
        if (T.fonts[i].face == face && T.fonts[i].px == px) return T.fonts[i].font;
    if (T.font_count == FONT_SLOTS) return NULL;
    TTF_Font *f = TTF_OpenFontRW(SDL_RWFromConstMem(T.face[face], (int)T.face_len[face]), 1, px);
    if (!f) return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT); /* as text.c */
    T.fonts[T.font_count].face = face;
    T.fonts[T.font_count].px = px;
    T.fonts[T.font_count++].font = f;
    return f;
}

/* The width of n bytes of s on one line in font ctx (rl_wrap's measure). */
static int ttf_width(void *ctx, const char *s, size_t n)
{
    char buf[1024];
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8((TTF_Font *)ctx, buf, &w, &h);
    return w;
}

/* Text wrapped to wrap px in f: broken into lines by rl_wrap, so no line starts with the space
   it broke at (as text.c does). SDL_ttf 2.20's own wrapping leaves that space at the start of the next
   line when a word ends exactly where the width runs out ("Sisältötiedostossa\n on virhe"),
   and an empty line when a '\n' does; so the broken lines are drawn as they are (width 0: at
   '\n' only, the surface as wide as the widest line). A word wider than wrap is left to
   SDL_ttf, which breaks it inside. */
static SDL_Surface *render_wrapped(TTF_Font *f, const char *s, SDL_Color c, int wrap)
{
    size_t cap = strlen(s) + 1;
    char *lines = malloc(cap);
    if (!lines) return NULL;
    bool fits = rl_wrap(s, wrap, ttf_width, f, lines, cap) && strchr(lines, '\n'); /* one line: as it was */
    for (const char *l = lines; fits && *l;) {
        size_t n = strcspn(l, "\n");
        fits = ttf_width(f, l, n) <= wrap;
        l += n + (l[n] == '\n');
    }
    SDL_Surface *surf = fits ? TTF_RenderUTF8_Blended_Wrapped(f, lines, c, 0)
                             : TTF_RenderUTF8_Blended_Wrapped(f, s, c, (Uint32)wrap);
    free(lines);
    return surf;
}

/* The size text.c's text_measure gives: wrapped to wrap pixels (0: one line). */
static void measure(int face, int px, const char *s, int wrap, int *w, int *h)
{
    *w = *h = 0;
    if (!s || !s[0] || wrap < 0) return;
    uint64_t key = 1469598103934665603ull; /* FNV-1a of the text and the style */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) key = (key ^ *p) * 1099511628211ull;
    key = (key ^ (uint64_t)(face * 7919 + px * 104729 + wrap * 15485863ull)) * 1099511628211ull;
    if (!key) key = 1;
    unsigned slot = (unsigned)(key % MEMO_SLOTS);
    if (T.memo[slot].key == key) {
        *w = T.memo[slot].w;
        *h = T.memo[slot].h;
        return;
    }
    TTF_Font *f = font(face, px);
    if (!f) return;
    if (wrap > 0) {
        SDL_Surface *surf = render_wrapped(f, s, (SDL_Color){0, 0, 0, 255}, wrap);
        if (surf) {
            *w = surf->w;
            *h = surf->h;
            SDL_FreeSurface(surf);
        }
    } else {
        TTF_SizeUTF8(f, s, w, h);
    }
    T.memo[slot].key = key;
    T.memo[slot].w = *w;
    T.memo[slot].h = *h;
}

/* text.c real_px at density 1. */
static int zoomed(int size, int zoom) { return rl_text_px(size, zoom); }

/* room_layout's measure callback: ctx points at the text size (%). */
static void measure_cb(void *ctx, int face, int size, const char *s, int wrap, int *w, int *h)
{
    measure(face, zoomed(size, *(const int *)ctx), s, wrap, w, h);
}

/* The widest word of s at this font, for "broken in the middle" messages. */
static int widest_word(int face, int px, const char *s, char *word, size_t cap)
{
    int best = 0;
    const char *p = s;
    while (p && *p) {
        while (*p == ' ' || *p == '\n' || *p == '\t') p++;
        size_t n = strcspn(p, " \n\t");
        if (!n) break;
        char buf[256];
        if (n >= sizeof buf) n = sizeof buf - 1;
        memcpy(buf, p, n);
        buf[n] = '\0';
        int w, h;
        measure(face, px, buf, 0, &w, &h);
        if (w > best) {
            best = w;
            snprintf(word, cap, "%s", buf);
        }
        p += n;
    }
    return best;
}

/* The path of a text in one language: "title.sv", or "title" for a plain string. */
static void text_path(char *out, size_t cap, const char *base, const i18n_text *t, i18n_lang l)
{
    bool plain = t->s[LANG_SV] == t->s[LANG_FI] && t->s[LANG_EN] == t->s[LANG_FI];
    snprintf(out, cap, "%s%s%s", base, plain ? "" : ".", plain ? "" : i18n_code(l));
}

/* The languages worth measuring: a missing translation or a plain string shows the Finnish
   text, which is measured once, as Finnish. */
static bool own_text(const i18n_text *t, int l) { return t->s[l] && (l == LANG_FI || t->s[l] != t->s[LANG_FI]); }

/* ---- the scene (room_layout.c rl_widget_box, which room_view.c draws into) ---------------- */

typedef struct layout_scale {
    const char *name;
    float scale;
    int zoom;
} layout_scale;

/* The pixel size of scene text of units at scale: it does not follow the text size, but
   rounding does (room_view.c widget_text). */
static int scene_px(int units, float scale, int zoom) { return zoomed(rl_scene_style_size(units, scale, zoom), zoom); }

typedef struct box {
    int wrap, room;     /* wrap width and the height the text may take, screen pixels */
    int face;
    int size;           /* scene units */
} box;

/* Where the view puts a widget's text, at scale; false when the widget has no text box. */
static bool widget_box(const level_widget *w, float scale, box *b)
{
    SDL_Rect r = {0, 0, (int)((float)w->rect.w * scale), (int)((float)w->rect.h * scale)};
    rl_box rb;
    if (!rl_widget_box(w, r, scale, &rb)) return false;
    b->wrap = rb.r.w;
    b->room = rb.r.h;
    b->face = rb.face;
    b->size = rb.size;
    return true;
}

/* Whether w holds its text in every language at every layout; with words, also with no word
   broken in the middle. */
static bool widget_holds(const level_widget *w, const layout_scale *layouts, int n, bool words)
{
    char word[256];
    for (int l = 0; l < LANG_COUNT; l++) {
        if (!own_text(&w->text, l) || !w->text.s[l][0]) continue;
        for (int s = 0; s < n; s++) {
            box b;
            float sc = layouts[s].scale;
            if (!widget_box(w, sc, &b) || b.wrap <= 0) return false;
            int px = scene_px(b.size, sc, layouts[s].zoom), tw, th;
            measure(b.face, px, w->text.s[l], b.wrap, &tw, &th);
            if (th > b.room) return false;
            if (words && widest_word(b.face, px, w->text.s[l], word, sizeof word) > b.wrap) return false;
        }
    }
    return true;
}

/* A small size, no smaller than w's own and within the scene less 8 on each side, at which w
   holds its text (widget_holds): of the widths tried, the one of least area. No word broken if
   any size allows it. The studio sizes a lobby door with it (lint.h "fit"), so the rule
   that a door's title fits is only this one. Each width is one wrap: the heights tried for it
   measure nothing new (measure's memo), so this costs about one check per width. */
/* The lowest height from w's own up to max_h at which a copy of w that is ww wide holds its text;
   0 when even max_h does not. The heights measure nothing new (one wrap per width, memoized). */
static int lowest_height(const level_widget *w, int ww, int max_h, const layout_scale *layouts, int n, bool words)
{
    level_widget t = *w;
    t.rect.w = ww;
    t.rect.h = max_h;
    if (!widget_holds(&t, layouts, n, words)) return 0;
    int lo = w->rect.h, hi = max_h;
    while (lo < hi) {
        t.rect.h = lo + (hi - lo) / 2;
        if (widget_holds(&t, layouts, n, words)) hi = t.rect.h;
        else lo = t.rect.h + 1;
    }
    return hi;
}

static bool fit_size(const level_widget *w, int scene_w, int scene_h, const layout_scale *layouts, int n, int out[2])
{
    int max_w = scene_w - 16, max_h = scene_h - 16;
    long best = 0;
    for (int words = 1; words >= 0 && !best; words--) {
        if (!lowest_height(w, max_w, max_h, layouts, n, words)) continue; /* not even the widest holds it */
        /* every 16 units first, then the widths just below the best of those: a long text
           measured at every 4 units took seconds */
        for (int ww = w->rect.w; ww <= max_w; ww += 16) {
            if (best && (long)ww * w->rect.h >= best) break; /* wider only costs more from here */
            int hh = lowest_height(w, ww, max_h, layouts, n, words);
            if (hh && (!best || (long)ww * hh < best)) best = (long)ww * hh, out[0] = ww, out[1] = hh;
        }
        for (int ww = out[0] - 12; best && ww < out[0]; ww += 4) {
            int hh = ww < w->rect.w ? 0 : lowest_height(w, ww, max_h, layouts, n, words);
            if (hh && (long)ww * hh <= best) {
                best = (long)ww * hh, out[0] = ww, out[1] = hh;
                break;
            }
        }
    }
    return best > 0;
}

static void check_scene(lint_file *f, const layout_scale *layouts, int layout_count)
{
    const level_room *r = &f->room;
    char path[DIAG_PATH_MAX], base[DIAG_PATH_MAX - 8], word[256];
    for (int i = 0; i < r->widget_count; i++) {
        const level_widget *w = &r->widgets[i];
        if (w->type == LEVEL_W_LIST) {
            /* rows of 58 units: a row that does not fit in the list's height is not drawn */
            SDL_Rect unit_rect = {0, 0, w->rect.w, w->rect.h}, row;
            rl_box rb;
            int shown = 0;
            while (shown < w->row_count + 1 && rl_list_row(w, unit_rect, 1.0f, shown, &row, &rb)) shown++;
            if (w->row_count > shown) {
                snprintf(path, sizeof path, "scene.widgets[%d].rows[%d]", i, shown);
                lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                            "the list is %d high and shows %d rows of 58, so this row and the %d after it are not "
                            "shown: make the list taller", w->rect.h, shown, w->row_count - shown - 1);
            }
            for (int k = 0; k < w->row_count && k < shown; k++) {
                for (int l = 0; l < LANG_COUNT; l++) {
                    if (!own_text(&w->rows[k], l)) continue;
                    int worst_h = 0, worst_room = 0;
                    float worst_scale = 1;
                    for (int s = 0; s < layout_count; s++) {
                        float sc = layouts[s].scale;
                        SDL_Rect lr = {0, 0, (int)((float)w->rect.w * sc), (int)((float)w->rect.h * sc)};
                        if (!rl_list_row(w, lr, sc, k, &row, &rb)) continue;
                        int tw, th, row_h = row.h;
                        measure(rb.face, scene_px(rb.size, sc, layouts[s].zoom), w->rows[k].s[l], rb.r.w, &tw, &th);
                        if (th > row_h && th * 100 / row_h > worst_h * 100 / (worst_room ? worst_room : 1)) {
                            worst_h = th, worst_room = row_h, worst_scale = sc;
                        }
                    }
                    if (!worst_h) continue;
                    snprintf(base, sizeof base, "scene.widgets[%d].rows[%d]", i, k);
                    text_path(path, sizeof path, base, &w->rows[k], (i18n_lang)l);
                    lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                                "the %s text does not fit its row: it needs %d units of height, a row has %d "
                                "(shorten the text or make the list wider)", LANG_NAMES[l],
                                (int)((float)worst_h / worst_scale + 0.5f), RL_LIST_ROW);
                }
            }
            continue;
        }
        box b;
        if (!widget_box(w, 1.0f, &b)) continue;
        int fit[2] = {0, 0};
        bool fit_tried = false;
        for (int l = 0; l < LANG_COUNT; l++) {
            if (!own_text(&w->text, l) || !w->text.s[l][0]) continue;
            snprintf(base, sizeof base, "scene.widgets[%d].text", i);
            text_path(path, sizeof path, base, &w->text, (i18n_lang)l);
            int need = 0, room = 0;
            bool broken = false;
            int word_w = 0, word_room = 0;
            for (int s = 0; s < layout_count; s++) {
                float sc = layouts[s].scale;
                widget_box(w, sc, &b);
                if (b.wrap <= 0) continue;
                int px = scene_px(b.size, sc, layouts[s].zoom), tw, th;
                measure(b.face, px, w->text.s[l], b.wrap, &tw, &th);
                int need_u = (int)((float)th / sc + 0.99f), room_u = (int)((float)b.room / sc + 0.5f);
                if (th > b.room && need_u - room_u > need - room) need = need_u, room = room_u;
                int ww = widest_word(b.face, px, w->text.s[l], word, sizeof word);
                if (ww > b.wrap && !broken) broken = true, word_w = ww, word_room = b.wrap;
            }
            if ((b.wrap <= 0 || need || broken) && !fit_tried) {
                fit_tried = true;
                if (!fit_size(w, r->scene_w, r->scene_h, layouts, layout_count, fit)) fit[0] = fit[1] = 0;
            }
            int before = f->diags.count;
            if (b.wrap <= 0) {
                lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path, "the widget is too narrow for any text");
            } else if (need && fit[0]) {
                lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                            "the %s text does not fit its widget: it needs %d units of height, the widget has room "
                            "for %d (shorten the text or make the widget %d × %d)", LANG_NAMES[l], need, room,
                            fit[0], fit[1]);
            } else if (need) {
                lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                            "the %s text does not fit its widget: it needs %d units of height, the widget has room "
                            "for %d (shorten the text or make the widget bigger)", LANG_NAMES[l], need, room);
            } else if (broken) {
                widest_word(b.face, scene_px(b.size, layouts[0].scale, layouts[0].zoom), w->text.s[l], word, sizeof word);
                lint_report(f, DIAG_WARNING, DIAG_OVERFLOW, path,
                            "the word '%s' is wider than the widget (%d px, room for %d) and is broken in the "
                            "middle: make the widget wider or the word shorter", word, word_w, word_room);
            }
            if (f->diags.count > before && fit[0]) {
                f->fit[f->diags.count - 1][0] = fit[0];
                f->fit[f->diags.count - 1][1] = fit[1];
            }
        }
    }
}

/* ---- the panel, the top bar and dialogs at 150 % ------------------------------------------ */

static void check_words(lint_file *f, const i18n_text *t, const char *base, int face, int size, int wrap,
                        const char *where)
{
    char path[DIAG_PATH_MAX], word[256];
    int px = zoomed(size, ZOOM_MAX);
    for (int l = 0; l < LANG_COUNT; l++) {
        if (!own_text(t, l)) continue;
        int w = widest_word(face, px, t->s[l], word, sizeof word);
        if (w <= wrap) continue;
        text_path(path, sizeof path, base, t, (i18n_lang)l);
        lint_report(f, DIAG_WARNING, DIAG_OVERFLOW, path,
                    "at 150 %% text the word '%s' is wider than a line %s (%d px, room for %d) and is broken in the "
                    "middle: use a shorter word", word, where, w, wrap);
    }
}

/* Pairs have narrow boxes (two columns on a phone), so long words break there often: one warning per puzzle,
   with the longest word as the example, rather than one per word. */
static void check_pairs(lint_file *f, const level_puzzle *p, int i, int wrap)
{
    char word[256], example[256] = "", path[DIAG_PATH_MAX];
    int count = 0, widest = 0;
    int px = zoomed(RL_TS_BODY, ZOOM_MAX);
    for (int k = 0; k < p->option_count; k++) {
        for (int side = 0; side < 2; side++) {
            const i18n_text *t = side ? &p->options[k].pair : &p->options[k].text;
            for (int l = 0; l < LANG_COUNT; l++) {
                if (!own_text(t, l)) continue;
                const char *s = t->s[l];
                while (*s) { /* every word, not just the widest */
                    while (*s == ' ' || *s == '\n') s++;
                    size_t n = strcspn(s, " \n");
                    if (!n) break;
                    char buf[256];
                    snprintf(buf, sizeof buf, "%.*s", (int)(n < 255 ? n : 255), s);
                    int w = widest_word(0, px, buf, word, sizeof word);
                    if (w > wrap) {
                        count++;
                        if (w > widest) widest = w, snprintf(example, sizeof example, "%s", buf);
                    }
                    s += n;
                }
            }
        }
    }
    if (!count) return;
    snprintf(path, sizeof path, "puzzles[%d].pairs", i);
    lint_report(f, DIAG_WARNING, DIAG_OVERFLOW, path,
                "at 150 %% text %d words are wider than the pairs' columns (%d px) and are broken in the middle, "
                "the widest '%s' (%d px): use shorter words where you can", count, wrap, example, widest);
}

/* widgets.c wg_dialog, laid out by room_layout: on a laptop at 150 % text a dialog's text should
   not have to scroll. */
static void check_dialog(lint_file *f, const i18n_text *title, const i18n_text *body, const char *base,
                         const char *extra_fmt_arg)
{
    char path[DIAG_PATH_MAX];
    int zoom = ZOOM_MAX;
    rl_measure m = {&zoom, measure_cb};
    for (int l = 0; l < LANG_COUNT; l++) {
        if (!own_text(body, l)) continue;
        const char *t = title->s[l] ? title->s[l] : title->s[LANG_FI];
        char extra[256] = "";
        if (extra_fmt_arg) {
            char mistakes[64], hints[64];
            snprintf(mistakes, sizeof mistakes, str((i18n_lang)l, STR_MISTAKES), 0);
            snprintf(hints, sizeof hints, str((i18n_lang)l, STR_HINTS_USED), 0);
            snprintf(extra, sizeof extra, str((i18n_lang)l, STR_CODE_PART), extra_fmt_arg);
            size_t n = strlen(extra);
            snprintf(extra + n, sizeof extra - n, "\n%s · %s", mistakes, hints);
        }
        rl_dialog d;
        rl_dialog_layout(&m, SCREENS[LAPTOP].w, SCREENS[LAPTOP].h, zoom, t, body->s[l], extra, &d);
        if (!d.scrolls) continue;
        text_path(path, sizeof path, base, body, (i18n_lang)l);
        lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                    "at 150 %% text the %s text needs %d px in its dialog, but a laptop's screen has room for %d: "
                    "shorten it (one or two short paragraphs)", LANG_NAMES[l], d.content_h, d.view.h);
    }
}

/* The room's top bar on a screen w wide at text size zoom, as rl_top_bar_layout lays it out:
   the tallest of its languages (a title shown in Finnish where it has no translation). A long
   title takes two lines on a laptop; on a phone or at 200 % zoom the title wraps above the
   buttons' rows, so a bar of one 56 px row is nowhere an assumption: the room below is laid
   out for the bar the player sees. back: the room has the way back to the hub. */
static int bar_height(const level_room *r, int w, int zoom, bool back)
{
    rl_measure m = {&zoom, measure_cb};
    const char *names[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++) names[l] = str((i18n_lang)l, STR_LANGUAGE_NAME);
    int h = 0;
    for (int l = 0; l < LANG_COUNT; l++) {
        rl_top_bar bar;
        rl_top_bar_layout(&m, w, zoom, back ? str((i18n_lang)l, STR_BACK_TO_HUB) : NULL,
                          i18n_get(&r->title, (i18n_lang)l), str((i18n_lang)l, STR_SETTINGS), names, &bar);
        if (bar.h > h) h = bar.h;
    }
    return h;
}

/* The width of panel text on the narrowest checked screen at 150 % text. */
static int panel_text_w(const level_room *r, bool back)
{
    int w = 1 << 30;
    for (int s = 0; s < SCREEN_COUNT; s++) {
        int bar_h = bar_height(r, SCREENS[s].w, ZOOM_MAX, back);
        rl_screen sc = rl_screen_layout(SCREENS[s].w, SCREENS[s].h, ZOOM_MAX, bar_h, r->scene_w, r->scene_h);
        if (sc.text_w < w) w = sc.text_w;
    }
    return w;
}

static void check_panel(lint_file *f, bool back)
{
    const level_room *r = &f->room;
    char base[DIAG_PATH_MAX - 8], path[DIAG_PATH_MAX];
    /* the top bar of a laptop: the title on one or two lines between the way back and the
       settings (on narrow screens it wraps under them, by design) */
    int zoom = ZOOM_MAX;
    rl_measure m = {&zoom, measure_cb};
    const char *names[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++) names[l] = str((i18n_lang)l, STR_LANGUAGE_NAME);
    for (int l = 0; l < LANG_COUNT; l++) {
        if (!own_text(&r->title, l)) continue;
        rl_top_bar bar;
        rl_top_bar_layout(&m, SCREENS[LAPTOP].w, zoom, back ? str((i18n_lang)l, STR_BACK_TO_HUB) : NULL, r->title.s[l],
                          str((i18n_lang)l, STR_SETTINGS), names, &bar);
        if (bar.title_fits) continue;
        text_path(path, sizeof path, "title", &r->title, (i18n_lang)l);
        lint_report(f, DIAG_ERROR, DIAG_OVERFLOW, path,
                    "at 150 %% text the %s title needs more than two lines in the top bar (room for %d px): shorten it",
                    LANG_NAMES[l], bar.title.w);
    }
    check_dialog(f, &r->title, &r->intro, "intro", NULL);
    check_dialog(f, &r->title, &r->outro, "outro", r->code_part ? r->code_part : "");
    /* room_view.c: prompt bold 19 over the panel's text width (room_layout, the narrowest
       checked screen); option_row 16 less 56 of box and mark; steps have RL_STEP_ARROWS more for the arrows;
       feedback_box 16 less 28. Pairs (body_match): one list above the other when two columns
       would be under 260 px, else two columns; less 48 for the badge */
    const int W = panel_text_w(r, back);
    const int col = (W - 12) / 2 < 260 ? W : (W - 12) / 2;
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        snprintf(base, sizeof base, "puzzles[%d].prompt", i);
        check_words(f, &p->prompt, base, 1, 19, W, "of the panel");
        for (int k = 0; k < p->option_count; k++) {
            const level_option *o = &p->options[k];
            switch (p->kind) {
            case LEVEL_P_CHOICE:
                snprintf(base, sizeof base, "puzzles[%d].options[%d].text", i, k);
                check_words(f, &o->text, base, 0, 16, W - 56, "of an option");
                break;
            case LEVEL_P_ORDER:
                snprintf(base, sizeof base, "puzzles[%d].steps[%d].text", i, k);
                check_words(f, &o->text, base, 0, 16, W - 56 - RL_STEP_ARROWS, "of a step");
                break;
            case LEVEL_P_MATCH: break; /* below, once for the whole puzzle */
            default: break;
            }
            const char *list = p->kind == LEVEL_P_CHOICE ? "options" : p->kind == LEVEL_P_HOTSPOTS ? "places"
                             : p->kind == LEVEL_P_ORDER ? "steps" : "pairs";
            snprintf(base, sizeof base, "puzzles[%d].%s[%d].explain", i, list, k);
            check_words(f, &o->explain, base, 0, 16, W - 28, "of an explanation");
        }
        if (p->kind == LEVEL_P_MATCH) check_pairs(f, p, i, col - 48);
        snprintf(base, sizeof base, "puzzles[%d].wrong", i);
        check_words(f, &p->wrong, base, 0, 16, W - 28, "of an explanation");
        snprintf(base, sizeof base, "puzzles[%d].solved", i);
        check_words(f, &p->solved, base, 0, 16, W - 28, "of an explanation");
        for (int h = 0; h < p->hint_count; h++) {
            snprintf(base, sizeof base, "puzzles[%d].hints[%d]", i, h);
            check_words(f, &p->hints[h], base, 0, RL_TS_BODY, W, "of the panel");
        }
    }
    for (int i = 0; i < r->item_count; i++) {
        snprintf(base, sizeof base, "items[%d].name", i);
        check_words(f, &r->items[i].name, base, 0, 16, W - 56, "of the inventory");
    }
}

void lint_text_room(lint_file *f)
{
    if (!T.ready) return;
    const level_room *r = &f->room;
    /* the scene's scale on each checked screen at each text size (the panel beside it grows
       with the text, so the scene's scale changes with it) */
    static const int zooms[] = {100, 125, ZOOM_MAX};
    /* rooms other than the hub have the way back in the top bar; a lone room (no manifest) may */
    bool has_doors = false;
    for (int i = 0; i < r->widget_count; i++) has_doors = has_doors || (r->widgets[i].opens && strncmp(r->widgets[i].opens, "comic:", 6) != 0);
    layout_scale layouts[SCREEN_COUNT * 3];
    int n = 0;
    for (int s = 0; s < SCREEN_COUNT; s++)
        for (int z = 0; z < 3; z++) {
            /* the room below the bar is laid out for the bar's real height (bar_height) */
            int bar_h = bar_height(r, SCREENS[s].w, zooms[z], !has_doors);
            rl_screen sc = rl_screen_layout(SCREENS[s].w, SCREENS[s].h, zooms[z], bar_h, r->scene_w, r->scene_h);
            layouts[n++] = (layout_scale){SCREENS[s].name, sc.scene_scale, zooms[z]};
        }
    check_scene(f, layouts, n);
    check_panel(f, !has_doors);
}

void lint_text_comic(lint_file *f)
{
    if (!T.ready) return;
    if (!T.comic_tried) {
        T.comic_tried = true;
        size_t len = 0;
        char *bytes = slurp(T.comic_path, &len);
        T.comic_ready = bytes && comic_measurer_setup(&T.comic, bytes, len);
        free(bytes);
        if (!T.comic_ready)
            fprintf(stderr, "pakopeli-lint: the comic font %s is missing, so bubbles are not checked "
                            "(apt-get install fonts-comic-neue)\n", T.comic_path);
    }
    if (T.comic_ready) comic_layout_check(&T.comic, &f->comic, f->text, f->len, &f->diags);
}
