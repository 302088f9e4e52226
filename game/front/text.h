/* text.h - text through SDL_ttf: fonts from memory, word wrap, and cached textures.
 *
 * Text is rasterised at the screen's real pixel density (gfx.pixel_scale) and drawn into
 * logical coordinates, so it stays sharp on high-DPI phones. A rendered text is kept in a
 * fixed pool of textures keyed by (text, face, size, colour, wrap width); a steady frame
 * renders nothing new (text_stats counts it, the benchmark checks it).
 */
#ifndef PK_TEXT_H
#define PK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL.h>

#include "gfx.h"

typedef enum text_face { TEXT_REGULAR, TEXT_BOLD, TEXT_COMIC, TEXT_FACE_COUNT } text_face;
typedef enum text_align { TEXT_LEFT, TEXT_CENTER, TEXT_RIGHT } text_align;

typedef struct text_style {
    text_face face;
    int size;          /* logical pixels before the player's text-size setting */
    gfx_color color;
    text_align align;
} text_style;

typedef struct text_stats {
    int renders;       /* texts rasterised since the last text_frame() */
    int deferred;      /* texts left for a later frame (text_frame_budget) since then */
    int cached;        /* entries in the pool */
} text_stats;

/* Takes a copy of a TTF file for a face; false when SDL_ttf cannot read it. */
bool text_set_face(text_face face, const char *bytes, size_t len);
bool text_has_face(text_face face);
/* Player's text-size setting: 100 = normal. Changing it re-wraps everything. */
void text_set_zoom(int percent);
int text_zoom(void);
/* Call after gfx_update_scale() reports a change: drops fonts and textures of the old density. */
void text_set_density(gfx *g);
/* Call once per drawn frame; resets the per-frame render counter. */
text_stats text_frame(void);
/* At most max new texts are rasterised until the next text_frame() (0: no limit). A text over
   the limit is measured exactly as it will be drawn (SDL_ttf's own size and line breaking, no
   pixels), so the frame's layout is the real one, and is not drawn: text_frame_complete() says
   false and the caller shows the previous frame instead of this one (app.c). A new screen's
   10-17 texts at once were the slow frames (docs/performance.md, issue 18). */
void text_frame_budget(int max);
bool text_frame_complete(void);
void text_shutdown(void);

/* Tells fn the lines of each wrapped text as it is laid out from now on ('\n' where rl_wrap
   broke it; by_renderer: a word wider than the line, so SDL_ttf breaks it itself and lines is
   the text unbroken), until fn is NULL. Tests read what the player reads, line by line. */
typedef void (*text_trace_fn)(void *ctx, const char *lines, bool by_renderer);
void text_trace(text_trace_fn fn, void *ctx);

/* Size of text wrapped to wrap_w logical pixels (0: no wrap). */
void text_measure(gfx *g, const char *s, text_style st, int wrap_w, int *w, int *h);
/* Draws text with its top-left at (x, y), wrapped to wrap_w; returns the height used. */
int text_draw(gfx *g, const char *s, text_style st, int x, int y, int wrap_w);
/* Draws text centred vertically in r (one or more lines, aligned by st.align). */
void text_draw_in(gfx *g, const char *s, text_style st, SDL_Rect r);

#endif
