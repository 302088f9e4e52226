/* level.h - the content model: a game manifest and its rooms, loaded from JSON.
 *
 * A room is a scene (a mock application screen made of widgets) and the puzzles played
 * on it. Loading copies everything into the level's own arena and frees the JSON at once;
 * the loaded structs are read-only afterwards and outlive no arena.
 *
 *   level_room room;
 *   diag_list d = {0};
 *   if (level_load_room(&room, "levels/outlook.json", text, len, &d)) { ...; level_free_room(&room); }
 *
 * Every problem is reported into d with file, line, column and JSON path; a room that
 * loads with errors is not usable and has already been freed.
 */
#ifndef PK_LEVEL_H
#define PK_LEVEL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "i18n.h"

/* Fixed pools: the game state is fixed-size, so content must fit these (the loader says so). */
enum {
    LEVEL_MAX_ROOMS = 16,
    LEVEL_MAX_PUZZLES = 24,  /* per room */
    LEVEL_MAX_OPTIONS = 32,  /* choices or places per puzzle: a bit each in game state */
    LEVEL_MAX_WIDGETS = 160, /* per scene */
    LEVEL_MAX_HINTS = 6,
    LEVEL_MAX_REQUIRES = 8
};

typedef struct level_rect {
    int x, y, w, h;
} level_rect;

typedef enum level_widget_type {
    LEVEL_W_BOX,      /* a plain panel */
    LEVEL_W_WINDOW,   /* an application window with a title bar */
    LEVEL_W_TOOLBAR,  /* a bar of commands */
    LEVEL_W_LIST,     /* rows, such as a mail list */
    LEVEL_W_BUTTON,
    LEVEL_W_TEXT,     /* wrapped text */
    LEVEL_W_CHAT,     /* a chat bubble */
    LEVEL_W_ICON,     /* a small image with an optional caption */
    LEVEL_W_IMAGE,    /* an image scaled into its rect */
    LEVEL_W_COUNT
} level_widget_type;

/* Text size steps of a widget; the player's text-size setting scales all of them. */
typedef enum level_text_size { LEVEL_TS_SMALL, LEVEL_TS_NORMAL, LEVEL_TS_LARGE, LEVEL_TS_TITLE } level_text_size;

/* Colour roles, mapped to a palette by the front end so high contrast works everywhere. */
typedef enum level_tone {
    LEVEL_TONE_NORMAL, LEVEL_TONE_MUTED, LEVEL_TONE_ACCENT, LEVEL_TONE_DANGER, LEVEL_TONE_LINK,
    LEVEL_TONE_COUNT
} level_tone;

typedef struct level_widget {
    const char *id;          /* NULL when nothing refers to it */
    level_widget_type type;
    level_rect rect;         /* scene coordinates */
    i18n_text text;          /* label, body or window title */
    i18n_text *rows;         /* LEVEL_W_LIST rows */
    int row_count;
    const char *image;       /* asset path for icons and images, relative to the repo root */
    level_text_size size;
    level_tone tone;
    bool bold;
} level_widget;

typedef enum level_puzzle_kind {
    LEVEL_P_CHOICE,    /* multiple choice: one or several right options */
    LEVEL_P_HOTSPOTS,  /* find all the right places on the scene */
    LEVEL_P_KIND_COUNT
} level_puzzle_kind;

/* A choice of a multiple-choice puzzle, or a place of a hotspot puzzle. */
typedef struct level_option {
    const char *id;
    i18n_text text;      /* choice text, or a place's description for people who cannot see it */
    i18n_text explain;   /* why it is right or wrong: every answer teaches */
    bool correct;
    const char *widget;  /* hotspots: the widget the place covers, or NULL */
    level_rect rect;     /* hotspots: resolved from the widget, or given */
} level_option;

typedef struct level_puzzle {
    const char *id;
    level_puzzle_kind kind;
    i18n_text prompt;
    i18n_text solved;               /* shown when solved: the lesson in one or two sentences */
    level_option *options;
    int option_count;
    int correct_count;              /* options with correct = true */
    i18n_text hints[LEVEL_MAX_HINTS];
    int hint_count;
    int requires[LEVEL_MAX_REQUIRES]; /* indices of puzzles of the same room solved first */
    int require_count;
} level_puzzle;

typedef struct level_room {
    arena mem;                 /* owns every string and array below */
    const char *id;
    const char *file;
    i18n_text title, intro, outro;
    const char *code_part;     /* the part of the final code this room gives */
    int scene_w, scene_h;
    const char *background;    /* optional asset path drawn under the widgets */
    level_widget *widgets;
    int widget_count;
    level_puzzle *puzzles;
    int puzzle_count;
} level_room;

typedef struct level_room_ref {
    const char *id;
    const char *file; /* relative to the manifest's folder */
} level_room_ref;

typedef struct level_game {
    arena mem;
    i18n_text title, intro;
    level_room_ref rooms[LEVEL_MAX_ROOMS];
    int room_count;
} level_game;

/* Loads a room from JSON text. On success the caller frees it with level_free_room. */
bool level_load_room(level_room *room, const char *file, const char *text, size_t len,
                     diag_list *diags);
void level_free_room(level_room *room);

/* Loads the game manifest. On success the caller frees it with level_free_game. */
bool level_load_game(level_game *game, const char *file, const char *text, size_t len,
                     diag_list *diags);
void level_free_game(level_game *game);

/* Index of the puzzle or option with this id, or -1. */
int level_find_puzzle(const level_room *room, const char *id);
int level_find_option(const level_puzzle *p, const char *id);
const level_widget *level_find_widget(const level_room *room, const char *id);

const char *level_kind_name(level_puzzle_kind kind);

#endif
