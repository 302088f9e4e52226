/* lint.h - the parts of pakopeli-lint (issues 7 and 12): the content linter for volunteers, and
 * the one place where every rule that content must meet is stated (lint_rules.c).
 *
 * The linter links the game's own core loaders (level.h, comic.h), so it can never disagree
 * with the game about what loads; on top of them it checks what a single file cannot show
 * (references between files, the last door's code, asset files, the first-load budget), what
 * needs fonts (text that overflows its box at the largest text size, comic bubbles that do not
 * fit), and what makes a room teach well (puzzles, hints, explanations, languages).
 *
 *   lint_run run;
 *   lint_setup(&run, &opts);
 *   lint_add_levels(&run, "levels");        // or lint_add_file(&run, "tests/lint/x.json")
 *   lint_check(&run);                       // every check, diagnostics kept per file
 *   lint_print(&run, stdout);               // "file:line:column: error: path: message [code]"
 *   lint_shutdown(&run);
 *
 * Every diagnostic carries a stable diag_code (diag.h). The loaders' messages are English and
 * are translated at print time (lint_fi.c); the linter's own rules (lint_rules.c) write theirs
 * in Finnish, Swedish and English at once.
 *
 * ---- The machine-readable output: pakopeli-lint --json (for the studio, make dev, tests) -----
 *
 *   pakopeli-lint --json [--lang fi|sv|en] levels/           a whole game
 *   pakopeli-lint --json levels/x.json                      one file (game.json beside it lends ids)
 *   pakopeli-lint --json --stdin levels/x.json levels/ < draft.json   the draft is read from stdin
 *                     and checked as if it were levels/x.json, with the rest of the game (x.json
 *                     need not exist yet: a room not listed in game.json gets a warning saying so)
 * prints ONE JSON array on stdout, one object per problem, in file order and line order:
 *
 *   [{"file": "levels/x.json",     the file as given (relative paths stay relative)
 *     "line": 42, "column": 9,     1-based, where the field's value starts; 0 when unknown
 *     "path": "puzzles[1].hints",  the JSON path of the field ("" for the whole file); array
 *                                  indexes as in the file, so a form can find its field
 *     "severity": "error",         "error" (publishing is refused) or "warning"
 *     "code": "hints",             a stable code (diag_code_name); `--rules` lists them
 *     "message": "...",            in the --lang language (default en)
 *     "messages": {"fi": "...", "sv": "...", "en": "..."},   all three, for a studio that switches language
     "fit": [212, 60]}]           only on a widget's text that does not fit (code "overflow"): the
                                  smallest size (scene units, no wider or taller than the scene less
                                  8 on each side) at which the widget holds its text in every
                                  language on every checked screen with no word broken; the studio
                                  sizes a lobby door with it. Absent when no such size exists.
 * Exit status 0: no errors (warnings allowed); 1: errors; 2: bad usage or unreadable input.
 * The count line ("pakopeli-lint: 7 files, 0 errors ...") goes to stderr, never to stdout.
 *
 *   pakopeli-lint --rules [--json]          every rule: code, severity, scope, fi, sv and en text
 *   pakopeli-lint --budget levels/          the first load as served: {"total", "engine", "content",
 *                                           "budget", "left", "engine_measured"} in bytes
 *   pakopeli-lint --solution levels/x.json  the events that solve a room, as JSON (see lint_solve)
 *   pakopeli-lint --solution levels/        {"room-id": [events], ...} for every room of the game
 *   pakopeli-lint --guess-stats levels/     {"choice_puzzles", "first_right", "longest_right": {"fi", "sv",
 *                                           "en"}}: how many choice puzzles give their answer away
 */
#ifndef PK_LINT_H
#define PK_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/comic.h"
#include "../core/diag.h"
#include "../core/i18n.h"
#include "../core/level.h"

enum {
    LINT_MAX_FILES = 64,      /* manifest + rooms + comics + stray files in one run */
    LINT_PATH_MAX = DIAG_FILE_MAX
};

typedef enum lint_kind { LINT_GAME, LINT_ROOM, LINT_COMIC, LINT_UNKNOWN } lint_kind;

typedef struct lint_file {
    char path[LINT_PATH_MAX];  /* as shown in messages, e.g. "levels/outlook.json" */
    char *text;                /* the raw JSON, owned; NULL when the file could not be read */
    size_t len;
    lint_kind kind;
    diag_list diags;           /* this file's problems, loader's and ours */
    bool loaded;               /* the core loader accepted it: room or comic below is valid */
    int ref;                   /* index in the manifest's rooms or comics, -1 when not listed */
    level_room room;
    comic comic;
    /* the Finnish and Swedish messages of diags.items[i] when the rule wrote them (lint_flag),
       else "" (the loader's English is translated at print time, lint_fi.c) */
    char fi[DIAG_MAX][DIAG_MSG_MAX];
    char sv[DIAG_MAX][DIAG_MSG_MAX];
    /* the size [w, h] in scene units at which the widget of diags.items[i] holds its text in every
       language on every checked screen (an overflow or a broken word); {0, 0}: none given */
    int fit[DIAG_MAX][2];
} lint_file;

typedef struct lint_options {
    i18n_lang lang;            /* --lang fi|sv|en (default en) */
    bool json;                 /* --json: one JSON array instead of lines */
    bool no_text;              /* --no-text: skip the font-based checks (faster) */
    const char *root;          /* --root: folder that "assets/..." paths are relative to */
    const char *fonts_dir;     /* --fonts: where Lato and Comic Neue are (default: Debian's) */
    const char *stdin_as;      /* --stdin PATH: PATH's text is read from stdin (a studio draft) */
    const char *web;           /* --web DIR: the built game, for the first-load budget */
    const char *scorm;         /* --scorm 1.2|2004: the resume state must fit that package */
} lint_options;

typedef struct lint_run {
    lint_options opt;
    char root[4096];                /* asset paths are relative to this (PATH_MAX) */
    char levels[LINT_PATH_MAX];     /* the levels folder of the manifest, "" for none */
    lint_file *game;                /* the manifest's file, or NULL */
    level_game manifest;
    bool manifest_ok;
    lint_file files[LINT_MAX_FILES];
    int file_count;
    int dropped_files;              /* files beyond LINT_MAX_FILES */
    /* comics known by id: listed in the manifest, or found in levels/comics/ */
    char comic_ids[LINT_MAX_FILES][64];
    int comic_id_count;
    bool stdin_used;                /* the --stdin file was among those added */
    /* the first load as served, in bytes, once lint_check_budget has run (--budget prints it) */
    struct {
        long total, engine, content, budget;
        bool engine_measured;       /* from the built game; else the recorded estimate */
    } first_load;
} lint_run;

/* ---- lint.c: the run ---------------------------------------------------------------------- */

void lint_setup(lint_run *run, const lint_options *opt);
void lint_shutdown(lint_run *run);
/* A levels folder: its game.json, every room it lists, every other room file in the folder
   and every comic (listed, or in comics/). False when the folder cannot be read. */
bool lint_add_levels(lint_run *run, const char *dir);
/* One file alone; a game.json next to it (or above, for comics/) gives settings and ids. */
bool lint_add_file(lint_run *run, const char *path);
/* Loads everything added and runs every check. */
void lint_check(lint_run *run);
/* Prints the diagnostics, file by file in line order; returns the number of errors. */
int lint_print(lint_run *run, FILE *out);
/* Loads what was added and prints the events that solve each room (--solution): one room's
   array, or for a whole game {"room-id": [...]}; returns the exit status (1: a room has none). */
int lint_print_solution(lint_run *run, FILE *out);

/* Reports a problem at a JSON path of f (line and column found in its text). */
void lint_report(lint_file *f, diag_severity sev, diag_code code, const char *path, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* The file listed in the manifest as room i / comic i, or NULL. */
lint_file *lint_room_file(lint_run *run, int i);
/* True when a comic with this id exists (manifest or levels/comics/). */
bool lint_comic_known(const lint_run *run, const char *id);

/* ---- lint_rules.c: every rule, stated once -------------------------------------------------- */

/* Where a rule applies: to any room the linter reads, or only to a room that ships (listed in a
   game.json's "rooms"; a loose file such as a corpus case is not held to what makes a room
   teach well). */
typedef enum lint_scope { LINT_ANY, LINT_SHIPPED, LINT_WHOLE_GAME } lint_scope;

typedef struct lint_rule {
    diag_code code;
    diag_severity severity;
    lint_scope scope;
    const char *en, *fi, *sv;  /* the rule for authors, one sentence each (docs/authoring*.md) */
} lint_rule;

/* The rules of lint_rules.c, in the order the guide lists them; *count gets their number. */
const lint_rule *lint_rules(int *count);
/* The rule of a code, or NULL for the loaders' own codes (syntax, type, ...). */
const lint_rule *lint_rule_of(diag_code code);
/* Reports a problem of one of the rules: its severity from the table, its message in English,
   Finnish and Swedish (three printf formats that take the same arguments, in the same order). */
void lint_flag(lint_file *f, diag_code code, const char *path, const char *en, const char *fi, const char *sv, ...);
/* True when f is a room that ships: listed in the game's "rooms". */
bool lint_shipped(const lint_file *f);
/* True for a text that is the same in every language (a comic character's name): a plain text
   there is no missing translation (lint_rules.c's ONE_TEXT; path as in diagnostics). */
bool lint_one_text(const char *path);
/* The rules that make a room teach well and read in three languages (lint_rules.c). The texts
   are checked before the game's settings are filled in, the rest after. */
void lint_check_texts(lint_run *run, lint_file *f);
/* The same for the manifest's own texts, and missing translations in the manifest and its comics. */
void lint_check_game_texts(lint_run *run);
void lint_check_teaching(lint_run *run, lint_file *f);
/* Every string of a loaded file in letters the game's fonts carry (lint_letters.c). */
void lint_check_letters(lint_file *f);
/* The first load as served (gzip -9), against its budget (lint_budget.c). */
void lint_check_budget(lint_run *run);
/* Prints the rule table: lines, or with json one JSON array (`pakopeli-lint --rules`). */
void lint_print_rules(FILE *out, bool json, i18n_lang lang);

/* ---- lint_guess.c: a choice puzzle passed without reading it ------------------------------ */

/* The right option first, longest (in any language) or in the same place in every choice puzzle
   of a shipped room: a warning each, on the field to change. */
void lint_check_guessable(lint_run *run, lint_file *f);
/* Over every choice puzzle that ships: how many have the right option first, and longest in each
   language, as one JSON object (`pakopeli-lint --guess-stats`). */
void lint_print_guess_stats(lint_run *run, FILE *out);

/* ---- lint_solve.c: a room played through by the core's own rules ---------------------------- */

/* The events that solve room f from its start (what a player would click, in order), as a cJSON
   array of {"puzzle": id, "answer": [ids]} (the format of a report_event); final is the last
   door's code (the game's code parts joined), NULL when unknown. The caller frees it with
   cJSON_Delete. NULL when the room cannot be solved. */
struct cJSON *lint_solution(const lint_file *f, const char *final);
/* The game's last-door code: the required rooms' code parts joined, "" when unknown. */
void lint_final_code(lint_run *run, char *out, size_t cap);

/* ---- lint_checks.c: what the loaders cannot see alone ------------------------------------- */

/* Assets of a loaded room or comic: present, under assets/, decodable (SDL_image). */
void lint_check_assets(lint_run *run, lint_file *f);
/* A loaded room played through by the core: every puzzle can be opened and solved. */
void lint_check_solvable(lint_run *run, lint_file *f);
/* Widgets inside the scene, explanations that teach, references to rooms and comics. */
void lint_check_room(lint_run *run, lint_file *f);
/* The manifest against its rooms: files, ids, code parts and the last door. */
void lint_check_game(lint_run *run);

/* ---- lint_pool.c: the engine's one asset pool ------------------------------------------- */

/* The files the game holds at its fullest (every room's images, the largest comic's with its
   lettering) against the pool's size (ASSET_MAX): an error on the manifest when they exceed it. */
void lint_check_pool(lint_run *run);

/* ---- lint_resume.c: a learning platform's limit ----------------------------------------- */

/* With --scorm: the largest resume state of the game against the package's suspend-data limit,
   an error on the manifest when it could exceed it. Returns that largest length (0: not known). */
size_t lint_check_resume(lint_run *run);

/* ---- lint_text.c: text that must fit (SDL_ttf, no window) --------------------------------- */

/* Opens the fonts; false (and a note on stderr) when they are missing: text is not checked. */
bool lint_text_setup(const char *fonts_dir);
void lint_text_shutdown(void);
/* Scene texts in their widgets at the scene's sizes, panel texts at 150 %. */
void lint_text_room(lint_file *f);
/* Comic bubbles through the comic layout's own check (game/front/comic_layout.h). */
void lint_text_comic(lint_file *f);

/* ---- lint_fi.c: messages in Finnish and Swedish -------------------------------------------- */

/* Writes the message in lang for an English one of this code: a known message is translated
   whole, any other gets a lead-in in lang naming the kind of problem. */
void lint_message_in(diag_code code, const char *en, i18n_lang lang, char *out, size_t cap);

#endif
