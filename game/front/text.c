#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <SDL_ttf.h>

#include "room_layout.h"

enum { FONT_SLOTS = 24, CACHE_SLOTS = 384 };

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
    int zoom;
    float density;
    text_stats stats;
} T = {.zoom = 100, .density = 1.0f};

static void drop_all(void)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (T.cache[i].tex) SDL_DestroyTexture(T.cache[i].tex);
        memset(&T.cache[i], 0, sizeof T.cache[i]);
    }
    for (int i = 0; i < T.font_count; i++) TTF_CloseFont(T.fonts[i].font);
    T.font_count = 0;
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
    T.frame++;
    return s;
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
    SDL_Surface *surf = wrap_px > 0 ? render_wrapped(f, s, c, wrap_px)
                                    : TTF_RenderUTF8_Blended(f, s, c);
    if (!surf) return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->renderer, surf);
    int w = surf->w, h = surf->h;
    SDL_FreeSurface(surf);
    if (!tex) return NULL;
    if (oldest->tex) SDL_DestroyTexture(oldest->tex);
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
