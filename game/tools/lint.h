/* lint.h - the parts of pakopeli-lint (issue 7): the content linter for volunteers.
 *
 * The linter links the game's own core loaders (level.h, comic.h), so it can never disagree
 * with the game about what loads; on top of them it checks what a single file cannot show
 * (references between files, the last door's code, asset files) and what needs fonts
 * (text that overflows its box at the largest text size, comic bubbles that do not fit).
 *
 *   lint_run run;
 *   lint_setup(&run, &opts);
 *   lint_add_levels(&run, "levels");        // or lint_add_file(&run, "tests/lint/x.json")
 *   lint_check(&run);                       // every check, diagnostics kept per file
 *   lint_print(&run, stdout);               // "file:line:column: error: path: message [code]"
 *   lint_shutdown(&run);
 *
 * Every diagnostic carries a stable diag_code (diag.h); the message is English and is
 * translated at print time (lint_fi.c) when --lang fi is given.
 */
#ifndef PK_LINT_H
#define PK_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/comic.h"
#include "../core/diag.h"
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
} lint_file;

typedef struct lint_options {
    bool finnish;              /* --lang fi */
    bool json;                 /* --json: one JSON array instead of lines */
    bool no_text;              /* --no-text: skip the font-based checks (faster) */
    const char *root;          /* --root: folder that "assets/..." paths are relative to */
    const char *fonts_dir;     /* --fonts: where Lato and Comic Neue are (default: Debian's) */
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

/* ---- lint_checks.c: what the loaders cannot see alone ------------------------------------- */

/* Assets of a loaded room or comic: present, under assets/, decodable (SDL_image). */
void lint_check_assets(lint_run *run, lint_file *f);
/* A loaded room played through by the core: every puzzle can be opened and solved. */
void lint_check_solvable(lint_run *run, lint_file *f);
/* Widgets inside the scene, explanations that teach, references to rooms and comics. */
void lint_check_room(lint_run *run, lint_file *f);
/* The manifest against its rooms: files, ids, code parts and the last door. */
void lint_check_game(lint_run *run);

/* ---- lint_text.c: text that must fit (SDL_ttf, no window) --------------------------------- */

/* Opens the fonts; false (and a note on stderr) when they are missing: text is not checked. */
bool lint_text_setup(const char *fonts_dir);
void lint_text_shutdown(void);
/* Scene texts in their widgets at the scene's sizes, panel texts at 150 %. */
void lint_text_room(lint_file *f);
/* Comic bubbles through the comic layout's own check (game/front/comic_layout.h). */
void lint_text_comic(lint_file *f);

/* ---- lint_fi.c: messages in Finnish ------------------------------------------------------- */

/* Writes the Finnish message for an English one of this code: a known message is translated
   whole, any other gets a Finnish lead-in naming the kind of problem. */
void lint_fi_message(diag_code code, const char *en, char *out, size_t cap);
/* Finnish words of the summary line. */
const char *lint_fi_code_name(diag_code code);

#endif
