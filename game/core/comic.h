/* comic.h - a comic: pages of panels, each with an image, a description for people who cannot
 * see it, and speech bubbles, thought bubbles and captions in Finnish, Swedish and English.
 *
 * The format is written by volunteers (docs/comics.md), so the loader reads it like a room
 * (level.h): every problem goes into a diag_list with file, line, column and JSON path, the
 * content is copied into the comic's own arena and the JSON is freed at once. Bubble text is
 * never part of an image: the front end letters it (game/front/comic_layout.h), so it can be
 * translated and scaled.
 *
 *   comic c;
 *   diag_list d = {0};
 *   if (comic_load(&c, "levels/comics/digituki.json", text, len, &d)) { ...; comic_free(&c); }
 *
 * Places inside a panel are percentages of the panel (0..100), so a bubble stays where the
 * author put it whatever size the panel is drawn at. Panels are stored in reading order.
 */
#ifndef PK_COMIC_H
#define PK_COMIC_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "i18n.h"

/* Fixed pools: the viewer keeps a page's layout in fixed arrays (the loader says when content
   does not fit). */
enum {
    COMIC_MAX_PAGES = 24,
    COMIC_MAX_PANELS = 12,     /* per page */
    COMIC_MAX_BUBBLES = 6,     /* per panel */
    COMIC_MAX_CHARACTERS = 16,
    COMIC_DEFAULT_PAGE_W = 1200,
    COMIC_DEFAULT_PAGE_H = 800
};

typedef enum comic_bubble_kind {
    COMIC_SPEECH,   /* someone speaks: a bubble with a tail pointing at them */
    COMIC_THOUGHT,  /* someone thinks: a cloud, optionally with small circles towards them */
    COMIC_CAPTION,  /* the narrator: a box without a tail */
    COMIC_KIND_COUNT
} comic_bubble_kind;

typedef struct comic_rect {
    int x, y, w, h;
} comic_rect;

typedef struct comic_point {
    float x, y;     /* percent of the panel: 0,0 top left, 100,100 bottom right */
} comic_point;

typedef struct comic_bubble {
    comic_bubble_kind kind;
    i18n_text text;
    int speaker;        /* index into comic.characters; -1 for captions */
    comic_point at;     /* where the bubble's top-left corner goes, if it fits there */
    float width;        /* the widest the bubble may be before it wraps, percent of the panel */
    bool has_tail;
    comic_point tail;   /* where the tail points: the speaker's mouth, or head for thoughts */
} comic_bubble;

typedef struct comic_panel {
    comic_rect rect;         /* page units */
    int order;               /* 1-based reading order on its page */
    int source_index;        /* index in the page's "panels" array, for diagnostics */
    const char *image;       /* "assets/....svg" or ".png", relative to the repo root */
    i18n_text description;   /* what the panel shows, for people who cannot see it */
    comic_bubble *bubbles;   /* in reading order */
    int bubble_count;
} comic_panel;

typedef struct comic_page {
    int w, h;                /* page units */
    comic_panel *panels;     /* sorted into reading order */
    int panel_count;
} comic_page;

typedef struct comic_character {
    const char *id;
    i18n_text name;          /* what the screen reader says before their words */
} comic_character;

typedef struct comic {
    arena mem;               /* owns every string and array below */
    const char *id;
    const char *file;
    i18n_text title;
    comic_character characters[COMIC_MAX_CHARACTERS];
    int character_count;
    comic_page pages[COMIC_MAX_PAGES];
    int page_count;
    int panel_total;         /* panels on all pages */
} comic;

/* Loads a comic from JSON text. On success the caller frees it with comic_free; on failure
   every problem is in diags and nothing needs freeing. Missing Swedish or English texts are
   warnings (the Finnish text is shown); a missing Finnish text is an error. */
bool comic_load(comic *c, const char *file, const char *text, size_t len, diag_list *diags);
void comic_free(comic *c);

/* Index of the character with this id, or -1. */
int comic_find_character(const comic *c, const char *id);

/* Panels counted through all pages in reading order: the n-th panel of the comic (0-based)
   from a page and a panel on it, and back. comic_panel_at returns false when n is out of range. */
int comic_panel_number(const comic *c, int page, int panel);
bool comic_panel_at(const comic *c, int n, int *page, int *panel);

/* "speech", "thought", "caption". */
const char *comic_kind_name(comic_bubble_kind kind);

#endif
