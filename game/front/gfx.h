/* gfx.h - drawing on SDL's renderer in the window's own units: CSS pixels in the browser, so
 * browser zoom, a phone's width and high-DPI screens all work as on a web page (the layout is
 * room_layout.h's). Output pixels per unit (the device pixel ratio) is gfx.pixel_scale.
 *
 * Colours come from roles (gfx_color), never from literal RGB in views, so the high-contrast
 * palette changes everything at once. Images are decoded by the platform (plat_decode_image; an
 * SVG again at the size it is drawn) and kept in a small cache keyed by path.
 */
#ifndef PK_GFX_H
#define PK_GFX_H

#include <stdbool.h>

#include <SDL.h>

/* The desktop window's first size; on the web the page decides. */
enum { GFX_W = 1280, GFX_H = 720 };

typedef enum gfx_color {
    GFX_BG,          /* page behind everything */
    GFX_SURFACE,     /* cards and panels */
    GFX_SURFACE_ALT, /* mock-screen chrome: title bars, toolbars, lists */
    GFX_TEXT,
    GFX_MUTED,
    GFX_ACCENT,      /* primary buttons, links */
    GFX_ON_ACCENT,   /* text on an accent fill */
    GFX_OK,
    GFX_BAD,
    GFX_FOCUS,       /* the keyboard focus ring */
    GFX_BORDER,
    GFX_SHADE,       /* translucent overlay behind dialogs */
    GFX_COLOR_COUNT
} gfx_color;

typedef struct gfx {
    SDL_Window *window;
    SDL_Renderer *renderer;
    float pixel_scale;       /* output pixels per unit (device pixel ratio): text is rendered at it */
    int w, h;                /* the window in units (CSS px on the web) */
    bool high_contrast;
} gfx;

/* Opens the window and renderer; false with SDL's error on failure. */
bool gfx_setup(gfx *g, const char *title);
void gfx_shutdown(gfx *g);
/* Destroys tex once the frame being drawn has been shown (gfx_shown), not now: SDL_DestroyTexture
   flushes the renderer's queued draw commands when tex is among them, and a frame held back for
   its texts (text_frame_budget) would then reach the page half drawn (WebGL shows whatever was
   drawn when the animation frame ends). Owned here from the call on; NULL is ignored. */
void gfx_retire(SDL_Texture *tex);
/* Right after SDL_RenderPresent: the queue is empty, so the retired textures go. */
void gfx_shown(void);
/* Re-reads the window and output sizes after a resize, a zoom or a DPI change; true when
   pixel_scale or the size changed (text must be re-rasterised, layout redone). */
bool gfx_update_scale(gfx *g);

SDL_Color gfx_rgb(const gfx *g, gfx_color c);
void gfx_fill(gfx *g, SDL_Rect r, gfx_color c);
void gfx_fill_rgba(gfx *g, SDL_Rect r, SDL_Color c);
void gfx_outline(gfx *g, SDL_Rect r, gfx_color c, int thickness);
void gfx_round_fill(gfx *g, SDL_Rect r, int radius, gfx_color c);
/* A card (panel, dialog): a rounded surface, with a visible edge in high contrast where the
   surface and the page are both black. */
void gfx_card(gfx *g, SDL_Rect r, int radius);
/* A check mark or a cross drawn with lines, so meaning never rests on colour alone. */
void gfx_check(gfx *g, int cx, int cy, int size, gfx_color c);
void gfx_cross(gfx *g, int cx, int cy, int size, gfx_color c);
/* A filled triangle pointing up or down, centred on (cx, cy). */
void gfx_triangle(gfx *g, int cx, int cy, int size, bool up, gfx_color c);

/* Draws an image scaled into r keeping its aspect ratio. The bytes are decoded on first use
   (PNG, JPEG or SVG) and cached under path; returns false if they cannot be decoded. */
bool gfx_image(gfx *g, const char *path, const char *bytes, size_t len, SDL_Rect r);

/* Makes sure the image is decoded sharp enough to be drawn into w x h logical units: an SVG
   is rasterised again at that size (in output pixels) when its raster is smaller. Call it when
   a view settles on a new size, not every frame: rasterising takes time. False when the
   bytes cannot be decoded. */
bool gfx_image_prepare(gfx *g, const char *path, const char *bytes, size_t len, int w, int h);
/* Drops an image's texture (it is decoded again on its next use), to free video memory. */
void gfx_image_forget(const char *path);

bool gfx_contains(SDL_Rect r, int x, int y);

#endif
