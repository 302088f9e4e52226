/* comic_layout.h - where a comic's bubbles go and how their text wraps, and the check that
 * every bubble fits its panel at every text size in every language.
 *
 * It needs SDL_ttf to measure, but no window and no renderer, so the viewer, the content
 * linter and the tests all lay out the same way:
 *
 *   comic_measurer m;
 *   comic_measurer_setup(&m, font_bytes, font_len);   // Comic Neue, build/web/fonts/comic.ttf
 *   comic_panel_layout pl;
 *   if (!comic_layout_panel(&m, &c.pages[0].panels[0], LANG_SV, 150, &pl)) ...pl.fit says why
 *   comic_layout_check(&m, &c, json_text, json_len, &diags);  // every panel, size, language
 *   comic_measurer_shutdown(&m);
 *
 * Units are the page's (comic.h): lettering is COMIC_TEXT_SIZE page units high at text size
 * 100 %, and the viewer scales page units to the screen. A layout decides the line breaks;
 * the viewer draws each line as laid out and never re-wraps, so what the check measured is
 * what players see. Authors may put soft hyphens (U+00AD) into long Finnish words:
 * a line may break there and then shows a hyphen.
 */
#ifndef PK_COMIC_LAYOUT_H
#define PK_COMIC_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL_ttf.h>

#include "../core/comic.h"
#include "../core/diag.h"
#include "../core/i18n.h"

enum {
    COMIC_TEXT_SIZE = 20,   /* lettering height in page units at text size 100 % */
    COMIC_ZOOM_MAX = 150,   /* the largest text size a player can choose, in percent */
    COMIC_LINES_MAX = 20,   /* lines in one bubble */
    COMIC_TEXT_MAX = 600,   /* bytes of one bubble's text the layout reads */
    COMIC_MEASURE_SIZES = 8 /* font sizes a measurer keeps open */
};

/* The text sizes the check tries: every step a player can choose. */
extern const int comic_zoom_steps[3];

typedef struct comic_frect {
    float x, y, w, h;
} comic_frect;

/* The lettering font, opened at the sizes layouts ask for. Zero-initialised is "not set up". */
typedef struct comic_measurer {
    char *font;              /* owned copy of the font file: SDL_ttf reads it lazily */
    size_t font_len;
    struct {
        int px;
        TTF_Font *font;
    } sizes[COMIC_MEASURE_SIZES];
    int size_count;
} comic_measurer;

/* One laid-out line: bytes [start, end) of the bubble's text. */
typedef struct comic_line {
    int start, end;
    bool hyphen;             /* broken at a soft hyphen: draw a "-" after it */
} comic_line;

/* Why a bubble does not fit its panel. */
typedef enum comic_fit {
    COMIC_FIT_OK,
    COMIC_FIT_WORD_TOO_WIDE, /* one word is wider than the panel allows */
    COMIC_FIT_TOO_TALL,      /* the text is taller than the panel */
    COMIC_FIT_CROWDED,       /* it cannot be placed without covering an earlier bubble */
    COMIC_FIT_TOO_LONG,      /* more than COMIC_TEXT_MAX bytes or COMIC_LINES_MAX lines */
    COMIC_FIT_COVERS_TAIL,   /* it covers the tip of its own tail: the speaker, and no tail shows */
    COMIC_FIT_NO_FONT        /* the measurer has no usable font */
} comic_fit;

typedef struct comic_bubble_layout {
    comic_frect box;         /* the bubble, page units, relative to the panel's top-left corner */
    comic_frect text;        /* where the lines go: the box less its padding */
    comic_line lines[COMIC_LINES_MAX];
    int line_count;
    float line_h;            /* distance between lines, page units */
    comic_fit fit;
} comic_bubble_layout;

typedef struct comic_panel_layout {
    comic_bubble_layout bubbles[COMIC_MAX_BUBBLES];
    int count;
    float text_px;           /* lettering height, page units (COMIC_TEXT_SIZE x zoom) */
    comic_fit fit;           /* COMIC_FIT_OK, or why the first bad bubble does not fit */
    int bad;                 /* index of the first bubble that does not fit, or -1 */
} comic_panel_layout;

/* Takes a copy of a TTF/OTF file; false when SDL_ttf cannot read it. Calls TTF_Init. */
bool comic_measurer_setup(comic_measurer *m, const char *font_bytes, size_t len);
/* Closes the fonts and frees the copy; pairs with setup (and TTF_Init with TTF_Quit). */
void comic_measurer_shutdown(comic_measurer *m);

/* Lays out a panel's bubbles in lang at a text size (percent). Always fills out with a best
   effort (bubbles kept inside the panel); returns true when every bubble fits. A bubble is
   widened (shorter) rather than cover a speaker: the tip of a tail in its panel, or less than
   half a letter from it. At 100 % one that still does is COMIC_FIT_COVERS_TAIL; at larger
   text sizes it is the best the panel allows and fits (the art is drawn for 100 %). */
bool comic_layout_panel(comic_measurer *m, const comic_panel *p, i18n_lang lang, int zoom,
                        comic_panel_layout *out);

/* Lays out every panel at every text size of comic_zoom_steps in every language that has a
   text, and reports each bubble that does not fit as a DIAG_OVERFLOW error at its text's
   path (pages[0].panels[2].bubbles[1].text.sv). With the comic's JSON text the diagnostics
   get line and column; json may be NULL. Returns true when everything fits. */
bool comic_layout_check(comic_measurer *m, const comic *c, const char *json, size_t json_len,
                        diag_list *diags);

/* A line's text as it is drawn: soft hyphens removed, "-" added when broken at one. */
void comic_line_text(const char *text, comic_line line, char *out, size_t cap);

/* A short English explanation of a fit result, for diagnostics. */
const char *comic_fit_message(comic_fit fit);

#endif
