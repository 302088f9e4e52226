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
#include <stdint.h>

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
    LEVEL_MAX_REQUIRES = 8,
    LEVEL_MAX_ITEMS = 16,    /* inventory items per room: a bit each in game state */
    LEVEL_MAX_ANSWERS = 8,   /* accepted variants of a text answer */
    LEVEL_MAX_EFFECTS = 8,   /* items given or places revealed by one puzzle */
    LEVEL_MAX_COMICS = 8,
    LEVEL_MAX_ROWS = 64      /* rows of a list widget: what fits a scene, with room to spare */
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
    bool hidden;             /* not shown until a solved puzzle reveals it */
    const char *opens;       /* hub doors: the room id this widget opens, or "comic:<id>" */
    i18n_text label;         /* what a screen reader says for it, when not simply its text */
} level_widget;

typedef enum level_puzzle_kind {
    LEVEL_P_CHOICE,    /* multiple choice: one or several right options */
    LEVEL_P_HOTSPOTS,  /* find all the right places on the scene */
    LEVEL_P_ORDER,     /* put the steps in the right order (listed in the right order) */
    LEVEL_P_MATCH,     /* pair each item with its partner */
    LEVEL_P_CODE,      /* a code lock: digits or letters gathered from clues */
    LEVEL_P_TEXT,      /* a typed answer, normalised, with accepted variants */
    LEVEL_P_USE,       /* use an inventory item on a place */
    LEVEL_P_KIND_COUNT
} level_puzzle_kind;

/* One answerable thing of a puzzle: a choice, a place, a step, or the left side of a pair. */
typedef struct level_option {
    const char *id;
    i18n_text text;      /* what the player sees; for a place, its description for people who cannot see it */
    i18n_text pair;      /* matching: the right-hand partner's text */
    i18n_text explain;   /* why it is right or wrong: every answer teaches */
    bool correct;        /* choice and hotspots; steps and pairs are all "correct". Plain rooms only:
                            a sealed room's answers are in tag (seal.h asks either) */
    const char *pair_id; /* match: the id an answer uses for this pair's right-hand text ("left=pair_id");
                            the sealed form's opaque id (seal.h), which a plain room accepts too */
    unsigned char tag[16]; /* sealed rooms: the salted tag of this option's answer piece (seal.h) */
    const char *widget;  /* hotspots: the widget the place covers, or NULL */
    level_rect rect;     /* hotspots: resolved from the widget, or given */
} level_option;

/* Something a room's player can carry, given by a solved puzzle. */
typedef struct level_item {
    const char *id;
    i18n_text name;
    i18n_text about;     /* what it is, for the inventory and screen readers */
    const char *icon;    /* asset path, optional */
} level_item;

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
    int requires_items[LEVEL_MAX_REQUIRES]; /* indices of items the player must hold */
    int require_item_count;
    i18n_text wrong;                /* order, match, code, text, use: why a wrong answer is wrong */
    const char *answers[LEVEL_MAX_ANSWERS]; /* code and text: accepted answers, normalised at load */
    int answer_count;               /* a sealed room's answers are the tags' hex (seal.h) */
    bool code_letters;              /* code: the code has letters (the keypad shows them) */
    bool final_code;                /* code: the answer is the game's code parts joined (the last door) */
    int use_item;                   /* use: index of the item to use */
    const char *use_place;          /* use: widget id of the place to use it on (NULL when sealed) */
    int gives_items[LEVEL_MAX_EFFECTS]; /* effects when solved */
    int give_count;
    int reveals[LEVEL_MAX_EFFECTS];     /* widget indices shown when solved */
    int reveal_count;
    int hides[LEVEL_MAX_EFFECTS];       /* widget indices taken off the scene when solved (a reported
                                           mail leaves the inbox, a deleted post the channel) */
    int hide_count;
    const char *comic;              /* a comic id to show when solved, or NULL */
} level_puzzle;

typedef struct level_room {
    arena mem;                 /* owns every string and array below */
    const char *id;
    const char *file;
    i18n_text title, intro, outro;
    const char *code_part;     /* the part of the final code this room gives (plain rooms; a sealed
                                  room's is in code_box, opened by solving it: game_code_part) */
    const char *code_box;      /* sealed: the code part encrypted (hex), or NULL */
    bool sealed;               /* the shipped form: answers as salted tags (seal.h) */
    unsigned char salt[16];    /* the room's salt: a hash of the plain file (seal.h) */
    int scene_w, scene_h;
    const char *background;    /* optional asset path drawn under the widgets */
    level_widget *widgets;
    int widget_count;
    level_puzzle *puzzles;
    int puzzle_count;
    level_item items[LEVEL_MAX_ITEMS];
    int item_count;
    int timer_minutes;         /* 0: no timer; the player can always extend it (WCAG 2.2.1) */
    int target_minutes;        /* the time the score expects; 0: time does not count */
    const char *comic_intro;   /* comic ids shown before the room and after it is solved */
    const char *comic_outro;
} level_room;

typedef struct level_room_ref {
    const char *id;
    const char *file;  /* relative to the manifest's folder */
    bool required;     /* needed for the final code (default true) */
    i18n_text title;   /* the room's own title, copied here by the web build (pakopeli-seal) so the
                          lobby can list every room before their files come (app.c); empty in
                          authored content, where the room file is the one place of its title */
} level_room_ref;

typedef struct level_comic_ref {
    const char *id;
    const char *file;
} level_comic_ref;

/* An organisation's own name for something ("the intranet" is "Intra" here), used in texts as
   {key}: one place to change when another organisation adopts the game. */
typedef struct level_setting {
    const char *key;
    i18n_text value;
} level_setting;

enum { LEVEL_MAX_SETTINGS = 24 };

/* The largest "release" a manifest may say: 2^53 - 1, the last whole number a JSON number (a
   double, in C and in JavaScript) holds exactly. */
#define LEVEL_RELEASE_MAX INT64_C(9007199254740991)

typedef struct level_game {
    arena mem;
    level_setting settings[LEVEL_MAX_SETTINGS];
    int setting_count;
    i18n_text title, intro, ending;
    const char *hub;                /* id of the room that opens the game, or NULL: the first room */
    bool ordered;                   /* rooms must be solved in the listed order */
    level_room_ref rooms[LEVEL_MAX_ROOMS];
    int room_count;
    level_comic_ref comics[LEVEL_MAX_COMICS];
    int comic_count;
    int64_t release;                /* the report server's content release this manifest is of (1, 2,
                                       ...), written by the server when it serves it (store.c), never
                                       by authors: a game in progress finishes on the release it began
                                       on (levels/r/N/). 0: not said (a static build, the studio's
                                       preview, authored files) */
} level_game;

/* Loads a room from JSON text. On success the caller frees it with level_free_room. */
bool level_load_room(level_room *room, const char *file, const char *text, size_t len,
                     diag_list *diags);
void level_free_room(level_room *room);

/* Loads the game manifest. On success the caller frees it with level_free_game. */
bool level_load_game(level_game *game, const char *file, const char *text, size_t len,
                     diag_list *diags);
void level_free_game(level_game *game);

/* Replaces every {key} in the room's texts with the game's setting of that name, per language.
   An unknown {key} is reported as a warning and left as it is. */
void level_apply_settings(level_room *room, const level_game *game, diag_list *diags);

/* The same for the manifest's own texts (title, intro, ending). */
void level_apply_game_settings(level_game *game, const char *file, diag_list *diags);

/* Index of the puzzle or option with this id, or -1. */
int level_find_puzzle(const level_room *room, const char *id);
int level_find_option(const level_puzzle *p, const char *id);
int level_find_item(const level_room *room, const char *id);
int level_find_room(const level_game *game, const char *id);
const level_widget *level_find_widget(const level_room *room, const char *id);

const char *level_kind_name(level_puzzle_kind kind);

/* Normalises a typed answer for comparison: lower case (including Å, Ä, Ö and other Latin-1
   letters), spaces collapsed, leading and trailing spaces and punctuation dropped.
   Writes at most cap bytes including the NUL. */
void level_normalise_answer(const char *in, char *out, size_t cap);

#endif
