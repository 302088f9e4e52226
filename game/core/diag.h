/* diag.h - diagnostics: errors and warnings with file, line, column and JSON path.
 *
 * Loaders report every problem they find into a diag_list the caller owns, so
 * the game can show the first one and the linter can print them all. Nothing
 * here allocates: a list holds at most DIAG_MAX entries and counts the rest.
 *
 *   diag_list d = {0};
 *   if (!level_load_room(&room, "levels/outlook.json", text, len, &d))
 *       diag_format(&d.items[0], buf, sizeof buf);
 */
#ifndef PK_DIAG_H
#define PK_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum { DIAG_MAX = 64, DIAG_PATH_MAX = 160, DIAG_MSG_MAX = 256, DIAG_FILE_MAX = 160 };

/* Stable codes: tests and the linter assert on these, never on message text. */
typedef enum diag_code {
    DIAG_OK = 0,
    DIAG_IO,              /* file missing or unreadable */
    DIAG_SYNTAX,          /* not JSON */
    DIAG_TYPE,            /* a field has the wrong JSON type */
    DIAG_MISSING,         /* a required field is absent */
    DIAG_UNKNOWN_FIELD,   /* a field the format does not know (often a typo) */
    DIAG_BAD_VALUE,       /* right type, value out of range or not allowed */
    DIAG_DUPLICATE_ID,    /* two things share an id */
    DIAG_UNKNOWN_REF,     /* an id that points to nothing */
    DIAG_TRANSLATION,     /* a text lacks one of the languages */
    DIAG_TOO_MANY,        /* more items than the engine's fixed pools allow */
    DIAG_UNSOLVABLE,      /* content that a player can never finish */
    DIAG_ASSET,           /* an asset file is missing or unreadable */
    DIAG_OVERFLOW,        /* text does not fit its box */
    DIAG_OUT_OF_BOUNDS,   /* a place lies outside its scene */
    DIAG_UNREACHABLE,     /* a puzzle whose conditions can never be met */
    /* The linter's own rules (game/tools/lint_rules.c states each once, in Finnish and English);
       the loaders never report these. New codes go at the end: the names are stable. */
    DIAG_ROOM_SIZE,       /* a room with too few puzzles or kinds of puzzle */
    DIAG_HINTS,           /* a puzzle with no hint, or more than three */
    DIAG_LESSON,          /* a puzzle with no "solved" lesson */
    DIAG_EXPLAIN,         /* an option, place or pair that does not say why */
    DIAG_TEXT_LENGTH,     /* a text longer than its screen holds */
    DIAG_DECOY,           /* a clickable text in a hotspot hunt that is no place */
    DIAG_SPOKEN_LINE,     /* a line break in what a screen reader says */
    DIAG_PLAIN_TEXT,      /* a plain string where three languages are expected */
    DIAG_REQUIRES_FORWARD,/* "requires" names a later puzzle */
    DIAG_WIDGET_HIDDEN,   /* a hidden widget that no puzzle ever reveals */
    DIAG_WIDGET_UNREACHABLE, /* a widget revealed only by a puzzle a player never solves */
    DIAG_NO_DOOR,         /* a room that the lobby has no door to */
    DIAG_FINAL_UNREACHABLE, /* the last door cannot be opened */
    DIAG_KEYPAD,          /* a code the code keypad cannot type */
    DIAG_FIRST_LOAD,      /* the first load is over its budget */
    DIAG_LETTER,          /* a letter the game's fonts do not carry */
    DIAG_GUESSABLE,       /* a choice puzzle passed without reading: the right option first or longest */
    DIAG_COMIC_UNREACHED, /* a comic that no room opens, so no player sees it */
    DIAG_LESSON_ECHO,     /* a lesson that repeats the right answer's explanation read just before it */
    DIAG_CODE_COUNT       /* not a code: how many there are */
} diag_code;

typedef enum diag_severity { DIAG_ERROR, DIAG_WARNING } diag_severity;

typedef struct diag {
    diag_code code;
    diag_severity severity;
    char file[DIAG_FILE_MAX];
    int line, column;           /* 1-based; 0 when unknown */
    char path[DIAG_PATH_MAX];   /* JSON path such as "puzzles[2].answer"; "" for the whole file */
    char msg[DIAG_MSG_MAX];
} diag;

typedef struct diag_list {
    diag items[DIAG_MAX];
    int count;      /* entries stored */
    int dropped;    /* entries beyond DIAG_MAX, counted but not kept */
    int errors;     /* errors reported, stored or not */
    int warnings;
} diag_list;

/* Appends a diagnostic; printf-style message. Returns false for convenience in loaders. */
bool diag_add(diag_list *list, diag_severity sev, diag_code code, const char *file, int line,
              int column, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Formats one entry as "file:line:column: error: path: message" (compiler style). */
void diag_format(const diag *d, char *out, size_t cap);

/* Name of a code for test output and the linter's --json mode, e.g. "unknown-field". */
const char *diag_code_name(diag_code code);

#endif
