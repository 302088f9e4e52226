#include "gfx.h"

#include <stdlib.h>

#include "../platform/platform.h"

#include <stdlib.h>
#include <string.h>

/* Colours chosen for WCAG AA contrast (4.5:1 for text) on their usual backgrounds. */
static const SDL_Color palette[2][GFX_COLOR_COUNT] = {
    {
        [GFX_BG] = {0xE9, 0xEE, 0xF2, 255},      [GFX_SURFACE] = {0xFF, 0xFF, 0xFF, 255},
        [GFX_SURFACE_ALT] = {0xF3, 0xF5, 0xF8, 255}, [GFX_TEXT] = {0x1B, 0x24, 0x30, 255},
        [GFX_MUTED] = {0x4F, 0x5B, 0x6A, 255},   [GFX_ACCENT] = {0x0B, 0x5C, 0xAD, 255},
        [GFX_ON_ACCENT] = {0xFF, 0xFF, 0xFF, 255}, [GFX_OK] = {0x1D, 0x6B, 0x35, 255},
        [GFX_BAD] = {0xB0, 0x24, 0x1B, 255},     [GFX_FOCUS] = {0xC2, 0x41, 0x0C, 255},
        [GFX_BORDER] = {0xB8, 0xC2, 0xCC, 255},  [GFX_SHADE] = {0x10, 0x18, 0x24, 150},
    },
    {
        [GFX_BG] = {0x00, 0x00, 0x00, 255},      [GFX_SURFACE] = {0x00, 0x00, 0x00, 255},
        [GFX_SURFACE_ALT] = {0x12, 0x12, 0x12, 255}, [GFX_TEXT] = {0xFF, 0xFF, 0xFF, 255},
        [GFX_MUTED] = {0xE0, 0xE0, 0xE0, 255},   [GFX_ACCENT] = {0xFF, 0xE6, 0x00, 255},
        [GFX_ON_ACCENT] = {0x00, 0x00, 0x00, 255}, [GFX_OK] = {0x7C, 0xFF, 0x9B, 255},
        [GFX_BAD] = {0xFF, 0x9C, 0x8C, 255},     [GFX_FOCUS] = {0x00, 0xE5, 0xFF, 255},
        [GFX_BORDER] = {0xFF, 0xFF, 0xFF, 255},  [GFX_SHADE] = {0x00, 0x00, 0x00, 200},
    },
};

/* one texture for each file the asset pool can hold (the same number: platform.h) */
enum { IMAGE_SLOTS = PLAT_FETCH_SLOTS };

static struct {
    char path[IMAGE_SLOTS][128];
    SDL_Texture *tex[IMAGE_SLOTS];
    int w[IMAGE_SLOTS], h[IMAGE_SLOTS];
    int count;
} images;

bool gfx_setup(gfx *g, const char *title)
{
    memset(g, 0, sizeof *g);
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    g->window = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, GFX_W,
                                 GFX_H, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g->window) return false;
    g->renderer = SDL_CreateRenderer(g->window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!g->renderer) g->renderer = SDL_CreateRenderer(g->window, -1, 0);
    if (!g->renderer) return false;
    SDL_SetRenderDrawBlendMode(g->renderer, SDL_BLENDMODE_BLEND);
    gfx_update_scale(g);
    return true;
}

/* Textures retired while a frame is being drawn (gfx_retire): destroyed by gfx_shown. A frame
   retires at most a few (its new texts' evictions, an image drawn at a new size); a zoom change
   retires the whole text cache at once, hence a growing array. */
static struct {
    SDL_Texture **tex;
    int count, cap;
} retired;

void gfx_retire(SDL_Texture *tex)
{
    if (!tex) return;
    if (retired.count == retired.cap) {
        int cap = retired.cap ? retired.cap * 2 : 64;
        SDL_Texture **grown = realloc(retired.tex, (size_t)cap * sizeof *grown);
        if (!grown) { /* no memory to wait with: destroy now (a held frame may flash, nothing leaks) */
            SDL_DestroyTexture(tex);
            return;
        }
        retired.tex = grown;
        retired.cap = cap;
    }
    retired.tex[retired.count++] = tex;
}

void gfx_shown(void)
{
    for (int i = 0; i < retired.count; i++) SDL_DestroyTexture(retired.tex[i]);
    retired.count = 0;
}

void gfx_shutdown(gfx *g)
{
    gfx_shown();
    free(retired.tex);
    retired.tex = NULL;
    retired.cap = 0;
    for (int i = 0; i < images.count; i++) SDL_DestroyTexture(images.tex[i]);
    images.count = 0;
    if (g->renderer) SDL_DestroyRenderer(g->renderer);
    if (g->window) SDL_DestroyWindow(g->window);
    memset(g, 0, sizeof *g);
}

bool gfx_update_scale(gfx *g)
{
    /* Units are the window's own: CSS pixels on the web (browser zoom and a phone's width
       change them), screen coordinates natively. Output pixels per unit is the device pixel
       ratio, at which text is rasterised so that it stays sharp. */
    int w = GFX_W, h = GFX_H, ow = GFX_W, oh = GFX_H;
    SDL_GetWindowSize(g->window, &w, &h);
    SDL_GetRendererOutputSize(g->renderer, &ow, &oh);
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    float s = (float)ow / (float)w;
    if (s < 0.25f) s = 0.25f;
    if (s > 8.0f) s = 8.0f;
    bool changed = s != g->pixel_scale || w != g->w || h != g->h;
    if (w != g->w || h != g->h) SDL_RenderSetLogicalSize(g->renderer, w, h);
    g->pixel_scale = s;
    g->w = w;
    g->h = h;
    return changed;
}

SDL_Color gfx_rgb(const gfx *g, gfx_color c) { return palette[g->high_contrast ? 1 : 0][c]; }

void gfx_fill_rgba(gfx *g, SDL_Rect r, SDL_Color c)
{
    SDL_SetRenderDrawColor(g->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(g->renderer, &r);
}

void gfx_fill(gfx *g, SDL_Rect r, gfx_color c) { gfx_fill_rgba(g, r, gfx_rgb(g, c)); }

void gfx_outline(gfx *g, SDL_Rect r, gfx_color c, int t)
{
    SDL_Color k = gfx_rgb(g, c);
    SDL_SetRenderDrawColor(g->renderer, k.r, k.g, k.b, k.a);
    SDL_Rect sides[4] = {{r.x, r.y, r.w, t}, {r.x, r.y + r.h - t, r.w, t}, {r.x, r.y, t, r.h},
                         {r.x + r.w - t, r.y, t, r.h}};
    SDL_RenderFillRects(g->renderer, sides, 4);
}

void gfx_round_fill(gfx *g, SDL_Rect r, int radius, gfx_color c)
{
    SDL_Color k = gfx_rgb(g, c);
    SDL_SetRenderDrawColor(g->renderer, k.r, k.g, k.b, k.a);
    if (radius * 2 > r.h) radius = r.h / 2;
    if (radius * 2 > r.w) radius = r.w / 2;
    SDL_Rect mid = {r.x, r.y + radius, r.w, r.h - 2 * radius};
    SDL_RenderFillRect(g->renderer, &mid);
    /* the rounded ends, one row at a time: cheap at these sizes and needs no texture */
    for (int i = 0; i < radius; i++) {
        float dy = (float)(radius - i) - 0.5f;
        float dx = SDL_sqrtf((float)(radius * radius) - dy * dy);
        int inset = radius - (int)(dx + 0.5f);
        SDL_Rect top = {r.x + inset, r.y + i, r.w - 2 * inset, 1};
        SDL_Rect bottom = {r.x + inset, r.y + r.h - 1 - i, r.w - 2 * inset, 1};
        SDL_RenderFillRect(g->renderer, &top);
        SDL_RenderFillRect(g->renderer, &bottom);
    }
}

void gfx_card(gfx *g, SDL_Rect r, int radius)
{
    if (g->high_contrast) {
        gfx_round_fill(g, r, radius, GFX_BORDER);
        gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, radius - 1, GFX_SURFACE);
    } else {
        gfx_round_fill(g, r, radius, GFX_SURFACE);
    }
}

static void thick_line(gfx *g, float x1, float y1, float x2, float y2, float w)
{
    for (float o = -w / 2; o <= w / 2; o += 0.5f) {
        SDL_RenderDrawLineF(g->renderer, x1 + o, y1, x2 + o, y2);
        SDL_RenderDrawLineF(g->renderer, x1, y1 + o, x2, y2 + o);
    }
}

void gfx_check(gfx *g, int cx, int cy, int size, gfx_color c)
{
    SDL_Color k = gfx_rgb(g, c);
    SDL_SetRenderDrawColor(g->renderer, k.r, k.g, k.b, k.a);
    float s = (float)size / 2;
    thick_line(g, cx - s, (float)cy, cx - s / 3, cy + s * 0.7f, 3);
    thick_line(g, cx - s / 3, cy + s * 0.7f, cx + s, cy - s * 0.7f, 3);
}

void gfx_cross(gfx *g, int cx, int cy, int size, gfx_color c)
{
    SDL_Color k = gfx_rgb(g, c);
    SDL_SetRenderDrawColor(g->renderer, k.r, k.g, k.b, k.a);
    float s = (float)size / 2;
    thick_line(g, cx - s, cy - s, cx + s, cy + s, 3);
    thick_line(g, cx - s, cy + s, cx + s, cy - s, 3);
}

void gfx_triangle(gfx *g, int cx, int cy, int size, bool up, gfx_color c)
{
    SDL_Color k = gfx_rgb(g, c);
    float h = (float)size * 0.5f, d = up ? -1.0f : 1.0f;
    SDL_Vertex v[3] = {
        {{(float)cx, (float)cy + d * h}, k, {0, 0}},
        {{(float)cx - h, (float)cy - d * h * 0.6f}, k, {0, 0}},
        {{(float)cx + h, (float)cy - d * h * 0.6f}, k, {0, 0}},
    };
    SDL_RenderGeometry(g->renderer, NULL, v, 3, NULL, 0);
}

/* PNG, JPEG or SVG, decoded (an SVG drawn to fit fit_w x fit_h; at its own size when 0) by the
   platform: the browser on the web, so the WebAssembly carries no decoder or SVG renderer
   (plat_decode_image, docs/performance.md, issue 18); SDL_image natively. Content may only use
   these three (pakopeli-lint). */
static SDL_Surface *load_image(const char *bytes, size_t len, int fit_w, int fit_h)
{
    int w = 0, h = 0;
    unsigned char *px = plat_decode_image(bytes, len, fit_w, fit_h, &w, &h);
    if (!px) {
        SDL_SetError("not a PNG, JPEG or SVG image");
        return NULL;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    for (int y = 0; s && y < h; y++) {
        Uint32 *row = (Uint32 *)(void *)((unsigned char *)s->pixels + (size_t)y * (size_t)s->pitch);
        const unsigned char *p = px + (size_t)y * (size_t)w * 4;
        for (int x = 0; x < w; x++, p += 4) row[x] = (Uint32)p[3] << 24 | (Uint32)p[0] << 16 | (Uint32)p[1] << 8 | p[2];
    }
    free(px);
    return s;
}

bool gfx_image(gfx *g, const char *path, const char *bytes, size_t len, SDL_Rect r)
{
    int i = 0;
    while (i < images.count && strcmp(images.path[i], path) != 0) i++;
    if (i == images.count) {
        if (!bytes || images.count == IMAGE_SLOTS) return false;
        SDL_Surface *s = load_image(bytes, len, 0, 0);
        if (!s) return false;
        images.tex[i] = SDL_CreateTextureFromSurface(g->renderer, s);
        images.w[i] = s->w;
        images.h[i] = s->h;
        SDL_FreeSurface(s);
        if (!images.tex[i]) return false;
        SDL_strlcpy(images.path[i], path, sizeof images.path[i]);
        images.count++;
    }
    float sx = (float)r.w / images.w[i], sy = (float)r.h / images.h[i];
    float s = sx < sy ? sx : sy;
    SDL_Rect dst = {r.x + (r.w - (int)(images.w[i] * s)) / 2, r.y + (r.h - (int)(images.h[i] * s)) / 2,
                    (int)(images.w[i] * s), (int)(images.h[i] * s)};
    SDL_RenderCopy(g->renderer, images.tex[i], NULL, &dst);
    return true;
}

static bool is_svg(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && SDL_strcasecmp(path + n - 4, ".svg") == 0;
}

bool gfx_image_prepare(gfx *g, const char *path, const char *bytes, size_t len, int w, int h)
{
    int i = 0;
    while (i < images.count && strcmp(images.path[i], path) != 0) i++;
    if (!bytes || w <= 0 || h <= 0) return i < images.count;
    bool svg = is_svg(path);
    /* Output pixels the image will cover, fitted to w x h as gfx_image draws it; capped so a
       texture stays within what every GPU takes. */
    float pw = (float)w * g->pixel_scale, ph = (float)h * g->pixel_scale;
    if (pw > 2048) pw = 2048;
    if (ph > 2048) ph = 2048;
    if (i < images.count) {
        if (!svg) return true;
        int tw = 0, th = 0;
        SDL_QueryTexture(images.tex[i], NULL, NULL, &tw, &th);
        float aspect = (float)images.w[i] / (float)images.h[i];
        float fitted = pw < ph * aspect ? pw : ph * aspect;
        if (fitted <= (float)tw * 1.1f) return true; /* sharp enough: no new raster */
    } else if (images.count == IMAGE_SLOTS) {
        return false;
    }
    /* an SVG drawn at the size it covers; a PNG or JPEG at its own */
    SDL_Surface *s = svg ? load_image(bytes, len, (int)pw, (int)ph) : load_image(bytes, len, 0, 0);
    if (!s) return false;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(g->renderer, s);
    int sw = s->w, sh = s->h;
    SDL_FreeSurface(s);
    if (!tex) return false;
    if (i < images.count) {
        gfx_retire(images.tex[i]); /* same aspect: images.w/h still hold */
    } else {
        SDL_strlcpy(images.path[i], path, sizeof images.path[i]);
        images.w[i] = sw;
        images.h[i] = sh;
        images.count++;
    }
    images.tex[i] = tex;
    return true;
}

void gfx_image_forget(const char *path)
{
    for (int i = 0; i < images.count; i++) {
        if (strcmp(images.path[i], path) != 0) continue;
        gfx_retire(images.tex[i]);
        images.count--;
        if (i != images.count) { /* the last slot fills the hole */
            memcpy(images.path[i], images.path[images.count], sizeof images.path[i]);
            images.tex[i] = images.tex[images.count];
            images.w[i] = images.w[images.count];
            images.h[i] = images.h[images.count];
        }
        return;
    }
}

bool gfx_contains(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}
