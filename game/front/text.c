#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "room_layout.h"

enum { FONT_SLOTS = 24, CACHE_SLOTS = 384, MEASURED_SLOTS = 64 };

typedef struct font_slot {
    text_face face;
    int px;            /* real pixel size */
    TTF_Font *font;
} font_slot;

typedef struct cache_entry {
    uint64_t key;
    SDL_Texture *tex;
    int w, h;          /* in real pixels */
    uint32_t last_used;
} cache_entry;

static struct {
    char *face_data[TEXT_FACE_COUNT]; /* owned copies: SDL_ttf reads them lazily */
    size_t face_len[TEXT_FACE_COUNT];
    font_slot fonts[FONT_SLOTS];
    int font_count;
    cache_entry cache[CACHE_SLOTS];
    uint32_t frame;
    int budget;        /* new rasterisations allowed per frame, 0: any number */
    cache_entry measured[MEASURED_SLOTS]; /* texts over the budget: their sizes only (tex NULL), a ring */
    int measured_next;
    int zoom;
    float density;
    text_stats stats;
    text_trace_fn trace; /* text_trace: told each wrapped text's lines as they are laid out */
    void *trace_ctx;
} T = {.zoom = 100, .density = 1.0f};

static void drop_all(void)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        gfx_retire(T.cache[i].tex); /* may be in the held frame's queued commands */
        memset(&T.cache[i], 0, sizeof T.cache[i]);
    }
    for (int i = 0; i < T.font_count; i++) TTF_CloseFont(T.fonts[i].font);
    T.font_count = 0;
    memset(T.measured, 0, sizeof T.measured);
}

bool text_set_face(text_face face, const char *bytes, size_t len)
{
    if (!TTF_WasInit() && TTF_Init() != 0) return false;
    char *copy = malloc(len);
    if (!copy) return false;
    memcpy(copy, bytes, len);
    /* Check it opens before accepting it. */
    TTF_Font *probe = TTF_OpenFontRW(SDL_RWFromConstMem(copy, (int)len), 1, 12);
    if (!probe) {
        free(copy);
        return false;
    }
    TTF_CloseFont(probe);
    drop_all();
    free(T.face_data[face]);
    T.face_data[face] = copy;
    T.face_len[face] = len;
    return true;
}

bool text_has_face(text_face face) { return T.face_data[face] != NULL; }

void text_set_zoom(int percent)
{
    if (percent == T.zoom) return;
    T.zoom = percent;
    drop_all();
}

int text_zoom(void) { return T.zoom; }

void text_set_density(gfx *g)
{
    if (g->pixel_scale == T.density) return;
    T.density = g->pixel_scale;
    drop_all();
}

text_stats text_frame(void)
{
    text_stats s = T.stats;
    s.cached = 0;
    for (int i = 0; i < CACHE_SLOTS; i++) s.cached += T.cache[i].tex != NULL;
    T.stats.renders = 0;
    T.stats.deferred = 0;
    T.frame++;
    return s;
}

void text_trace(text_trace_fn fn, void *ctx)
{
    T.trace = fn;
    T.trace_ctx = ctx;
    drop_all(); /* texts laid out before are laid out again, so each is told */
}

void text_frame_budget(int max) { T.budget = max > 0 ? max : 0; }
bool text_frame_complete(void) { return T.stats.deferred == 0; }

/* One UTF-8 code point as SDL_ttf's UTF8_getch reads valid text; *inc: its bytes. */
static uint32_t utf8_next(const char *s, size_t len, int *inc)
{
    const unsigned char *p = (const unsigned char *)s;
    int n = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
    if ((size_t)n > len) n = 1;
    uint32_t c = n == 1 ? p[0] : (uint32_t)(p[0] & (0x7F >> n));
    for (int i = 1; i < n; i++) c = (c << 6) | (p[i] & 0x3F);
    *inc = n;
    return c;
}

/* The size TTF_RenderUTF8_Blended (wrapped false) or TTF_RenderUTF8_Blended_Wrapped (wrapped
   true, wrap_px 0: at newlines only) gives its surface, without rasterising: the same calls on
   the same bytes as SDL_ttf 2.20's TTF_Render_Wrapped_Internal, which breaks lines with
   TTF_MeasureUTF8 at the last space, tab or newline (or inside a word that does not fit), and
   with wrap 0 only at newlines, the surface as wide as the widest line. */
static bool size_exact(TTF_Font *f, const char *s, bool wrapped, int wrap_px, text_align align, int *w, int *h)
{
    int width = 0, height = 0;
    if (TTF_SizeUTF8(f, s, &width, &height) < 0 || width == 0) return false;
    if (!wrapped) {
        *w = width;
        *h = height;
        return true;
    }
    size_t textlen = strlen(s);
    char *copy = malloc(textlen + 1), *text = copy;
    if (!copy) return false;
    memcpy(copy, s, textlen + 1);
    int lines = 0, widest = 0;
    do {
        int extent = 0, max_count = 0, char_count = 0;
        size_t save_textlen = (size_t)-1;
        char *save_text = NULL, *start = text;
        lines++;
        if (TTF_MeasureUTF8(f, text, wrap_px, &extent, &max_count) < 0) {
            free(copy);
            return false;
        }
        if (wrap_px > 0 && max_count == 0) max_count = 1;
        while (textlen > 0) {
            int inc = 0;
            uint32_t c = utf8_next(text, textlen, &inc);
            text += inc;
            textlen -= (size_t)inc;
            if (c == 0xFEFF || c == 0xFFFE) continue; /* byte-order marks: skipped, as SDL_ttf does */
            char_count++;
            bool delim = wrap_px > 0 ? (c == ' ' || c == '\t' || c == '\r' || c == '\n') : c == '\n';
            if (delim) {
                save_textlen = textlen;
                save_text = text;
                if (c == '\n' || c == '\r') {
                    *(text - 1) = '\0';
                    break;
                }
            }
            if (char_count == max_count) break;
        }
        if (save_text && textlen) {
            text = save_text;
            textlen = save_textlen;
        }
        if (wrap_px == 0) { /* broken at a newline (now '\0') or the end: the line's own width */
            int lw = 0, lh = 0;
            if (TTF_SizeUTF8(f, start, &lw, &lh) == 0 && lw > widest) widest = lw;
        }
    } while (textlen > 0);
    free(copy);
    int skip = TTF_FontLineSkip(f);
    if (wrap_px == 0) *w = lines > 1 ? widest : width;
    else *w = lines <= 1 && align == TEXT_LEFT ? (wrap_px < width ? wrap_px : width) : wrap_px;
    *h = (height > skip ? height : skip) + skip * (lines - 1);
    return true;
}

void text_shutdown(void)
{
    drop_all();
    for (int i = 0; i < TEXT_FACE_COUNT; i++) {
        free(T.face_data[i]);
        T.face_data[i] = NULL;
    }
    if (TTF_WasInit()) TTF_Quit();
}

static TTF_Font *font_for(text_face face, int px)
{
    if (!T.face_data[face]) face = TEXT_REGULAR;
    if (!T.face_data[face]) return NULL;
    for (int i = 0; i < T.font_count; i++)
        if (T.fonts[i].face == face && T.fonts[i].px == px) return T.fonts[i].font;
    if (T.font_count == FONT_SLOTS) {
        /* Rare (many zoom steps in one session): start over rather than track usage. */
        drop_all();
    }
    TTF_Font *f = TTF_OpenFontRW(SDL_RWFromConstMem(T.face_data[face], (int)T.face_len[face]), 1, px);
    if (!f) return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    T.fonts[T.font_count++] = (font_slot){face, px, f};
    return f;
}

static int real_px(text_style st)
{
    int px = (int)((float)st.size * (float)T.zoom / 100.0f * T.density + 0.5f);
    return px < 6 ? 6 : px;
}

static uint64_t hash_key(const char *s, text_style st, int px, int wrap_px, SDL_Color c)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) h = (h ^ *p) * 1099511628211ull;
    uint64_t extra[] = {(uint64_t)st.face, (uint64_t)px, (uint64_t)wrap_px, (uint64_t)st.align,
                        ((uint64_t)c.r << 24) | ((uint64_t)c.g << 16) | ((uint64_t)c.b << 8) | c.a};
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) h = (h ^ extra[i]) * 1099511628211ull;
    return h ? h : 1;
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
   it broke at (the linter breaks the same way). SDL_ttf 2.20's own wrapping leaves that space at the start of the next
   line when a word ends exactly where the width runs out ("Sisältötiedostossa\n on virhe"),
   and an empty line when a '\n' does; so the broken lines are drawn as they are (width 0: at
   '\n' only, the surface as wide as the widest line). A word wider than wrap is left to
   SDL_ttf, which breaks it inside. */
/* What render_wrapped hands SDL_ttf: rl_wrap's lines to break at '\n' only (*ttf_wrap 0), or, when
   a word is wider than wrap (or the text is one line), the text itself with SDL_ttf's own
   wrapping at wrap (*ttf_wrap = wrap). The caller frees the string. */
static char *wrap_plan(TTF_Font *f, const char *s, int wrap, int *ttf_wrap)
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
    if (!fits) memcpy(lines, s, cap);
    *ttf_wrap = fits ? 0 : wrap;
    if (T.trace)
        T.trace(T.trace_ctx, lines, !fits && wrap > 0 && (strchr(lines, '\n') || ttf_width(f, lines, cap - 1) > wrap));
    return lines;
}

static SDL_Surface *render_wrapped(TTF_Font *f, const char *s, SDL_Color c, int wrap)
{
    int ttf_wrap = 0;
    char *lines = wrap_plan(f, s, wrap, &ttf_wrap);
    if (!lines) return NULL;
    SDL_Surface *surf = TTF_RenderUTF8_Blended_Wrapped(f, lines, c, (Uint32)ttf_wrap);
    free(lines);
    return surf;
}

/* The size render_wrapped's surface will have, without rasterising. */
static bool size_wrapped(TTF_Font *f, const char *s, int wrap, text_align align, int *w, int *h)
{
    int ttf_wrap = 0;
    char *lines = wrap_plan(f, s, wrap, &ttf_wrap);
    if (!lines) return false;
    bool ok = size_exact(f, lines, true, ttf_wrap, align, w, h);
    free(lines);
    return ok;
}

static cache_entry *lookup(gfx *g, const char *s, text_style st, int wrap_w)
{
    if (!s || !s[0]) return NULL;
    int px = real_px(st);
    int wrap_px = wrap_w > 0 ? (int)((float)wrap_w * T.density) : 0;
    SDL_Color c = gfx_rgb(g, st.color);
    uint64_t key = hash_key(s, st, px, wrap_px, c);
    cache_entry *oldest = &T.cache[0];
    for (int i = 0; i < CACHE_SLOTS; i++) {
        cache_entry *e = &T.cache[i];
        if (e->key == key && e->tex) {
            e->last_used = T.frame;
            return e;
        }
        if (!e->tex || (oldest->tex && e->last_used < oldest->last_used)) oldest = e;
    }
    TTF_Font *f = font_for(st.face, px);
    if (!f) return NULL;
#if SDL_TTF_VERSION_ATLEAST(2, 20, 0)
    TTF_SetFontWrappedAlign(f, st.align == TEXT_CENTER ? TTF_WRAPPED_ALIGN_CENTER
                               : st.align == TEXT_RIGHT ? TTF_WRAPPED_ALIGN_RIGHT
                                                        : TTF_WRAPPED_ALIGN_LEFT);
#endif
    if (T.budget > 0 && T.stats.renders >= T.budget) { /* over this frame's budget: its size only */
        T.stats.deferred++;
        for (int i = 0; i < MEASURED_SLOTS; i++) /* measured in an earlier pass: the passes repeat */
            if (T.measured[i].key == key) return &T.measured[i];
        cache_entry *m = &T.measured[T.measured_next];
        *m = (cache_entry){0};
        bool ok = wrap_px > 0 ? size_wrapped(f, s, wrap_px, st.align, &m->w, &m->h)
                              : size_exact(f, s, false, 0, st.align, &m->w, &m->h);
        if (!ok) return NULL;
        m->key = key;
        T.measured_next = (T.measured_next + 1) % MEASURED_SLOTS;
        return m;
    }
    SDL_Surface *surf = wrap_px > 0 ? render_wrapped(f, s, c, wrap_px)
                                    : TTF_RenderUTF8_Blended(f, s, c);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->renderer, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    gfx_retire(oldest->tex); /* may be in the held frame's queued commands */
    *oldest = (cache_entry){key, tex, w, h, T.frame};
    T.stats.renders++;
    return oldest;
}

void text_measure(gfx *g, const char *s, text_style st, int wrap_w, int *w, int *h)
{
    cache_entry *e = lookup(g, s, st, wrap_w);
    *w = e ? (int)((float)e->w / T.density + 0.5f) : 0;
    *h = e ? (int)((float)e->h / T.density + 0.5f) : 0;
}

int text_draw(gfx *g, const char *s, text_style st, int x, int y, int wrap_w)
{
    cache_entry *e = lookup(g, s, st, wrap_w);
    if (!e) return 0;
    if (!e->tex) return (int)((float)e->h / T.density + 0.5f); /* left for a later frame */
    SDL_FRect dst = {(float)x, (float)y, (float)e->w / T.density, (float)e->h / T.density};
    if (wrap_w > 0 && st.align == TEXT_CENTER) dst.x += ((float)wrap_w - dst.w) / 2;
    if (wrap_w > 0 && st.align == TEXT_RIGHT) dst.x += (float)wrap_w - dst.w;
    SDL_RenderCopyF(g->renderer, e->tex, NULL, &dst);
    return (int)(dst.h + 0.5f);
}

void text_draw_in(gfx *g, const char *s, text_style st, SDL_Rect r)
{
    int w, h;
    text_measure(g, s, st, r.w, &w, &h);
    text_draw(g, s, st, r.x, r.y + (r.h - h) / 2, r.w);
}
