/* app.h - the front end's state, shared by its screens (app.c, room_view.c, ending_view.c). */
#ifndef PK_APP_H
#define PK_APP_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/game.h"
#include "../core/level.h"
#include "../core/play.h"
#include "../core/report.h"
#include "../core/resume.h"
#include "../platform/platform.h"
#include "comic_view.h"
#include "gfx.h"
#include "room_layout.h"
#include "strings.h"
#include "text.h"
#include "ui.h"

enum { APP_MAX_ASSETS = 64, APP_SAVE_MAX = 64 * 1024, APP_INPUT_MAX = 128 };

typedef enum app_screen { APP_LOADING, APP_ERROR, APP_ROOM, APP_ENDING, APP_COMIC } app_screen;

typedef struct app_asset {
    char path[128];
    plat_fetch fetch;
} app_asset;

typedef struct app_settings {
    int text_zoom;        /* 100, 125 or 150 (%) */
    bool high_contrast;
    bool reduced_motion;
} app_settings;

/* A scrolling area's state: how far it is scrolled, and how tall its content was. */
typedef struct app_scroll {
    int offset;
    int content_h;
} app_scroll;

/* What the room screen shows; reset when another room is entered. */
typedef struct room_view {
    int current;                 /* puzzle shown in the side panel, -1: none open */
    bool intro_open, solved_open;
    bool has_feedback;
    game_result feedback;        /* the last answer's verdict and explanation */
    uint32_t chosen;             /* choice with several right answers: ticked options */
    int wrong_place;             /* hotspots: the last decoy clicked, to mark it; -1 none */
    int hint_shown;              /* hints revealed for the current puzzle */
    int order[LEVEL_MAX_OPTIONS];/* ordering: the player's arrangement (option indices) */
    int pairs[LEVEL_MAX_OPTIONS];/* matching: right-hand option paired with each left one, -1 none */
    int pick_left;               /* matching: the left item waiting for a partner, -1 none */
    int shuffle[LEVEL_MAX_OPTIONS]; /* matching: display order of the right-hand texts */
    int held_item;               /* use: the item chosen from the inventory, -1 none */
    char input[APP_INPUT_MAX];   /* code and text: what the player has typed */
    bool input_checked;          /* input was a wrong answer: shown, replaced by the next typing */
    bool field_open;             /* the page's own text field is over the answer field */
    bool field_submitted;        /* Enter was pressed in it */
    app_scroll scroll;           /* the side panel's content; on a narrow screen the whole column */
    int pan;                     /* a scene wider than its view: how far it is panned sideways */
    int reveal;                  /* 1: a new verdict, 2: a new hint: scroll until it is in view (once) */
    bool focus_task;             /* the next task's first control takes the focus */
    int panel_h;                 /* narrow screens: the panel's height in the last pass (its card) */
    uint32_t feedback_seq;       /* counts verdicts: each is announced once, even if it repeats */
    double timer_end_ms;         /* room timer: when it runs out (0: no timer) */
    int timer_second;            /* the second last drawn: the timer redraws once a second */
    bool timer_done;
} room_view;

typedef struct app {
    gfx gfx;
    ui ui;
    i18n_lang lang;
    app_screen screen;
    bool dirty;                  /* something changed: run a pass and present */
    bool marked_first_frame;     /* milestones told to the page once (benchmarks, tests) */
    bool marked_interactive;
    app_settings settings;
    bool settings_open;
    int bar_h;                   /* the top bar's height as last laid out (room_layout.h) */
    uint32_t dialog_key;         /* the dialog on screen (its button's key), for its scroll */
    app_scroll dialog_scroll;
    app_scroll settings_scroll;

    /* loading */
    plat_fetch f_manifest, f_fonts[TEXT_FACE_COUNT], f_rooms[LEVEL_MAX_ROOMS];
    bool fonts_ready, manifest_ready, rooms_ready;
    app_asset assets[APP_MAX_ASSETS];
    int asset_count;

    level_game manifest;
    level_room rooms[LEVEL_MAX_ROOMS];
    comic comics[LEVEL_MAX_COMICS];   /* the manifest's comics, in its order */
    int comics_loaded;
    plat_fetch f_comics[LEVEL_MAX_COMICS];
    int rooms_loaded;            /* rooms[0..rooms_loaded) hold content to free */
    diag_list diags;             /* what went wrong loading, shown on the error screen */

    play_state play;             /* the whole play-through: every room's state */
    int room;                    /* index of the room on screen */
    int hub;                     /* index of the hub room, or -1 */
    uint32_t intro_seen;         /* bit i: room i's intro has been shown (once is enough) */
    room_view view;

    /* progress: the answer events so far, as a JSON array kept in browser storage */
    char save[APP_SAVE_MAX];
    size_t save_len;
    uint32_t seq;
    bool save_pending;           /* progress changed: stored after the frame is on screen */
    double clock_base_ms;        /* play time already spent before this page load */
    double session_start_ms;

    /* a learning platform (SCORM package): the same events as its compact resume state */
    resume_writer lms;           /* owns its entries; set up when the content has loaded */
    bool lms_pending;            /* progress changed: told to the platform after the frame */
    int lms_where;               /* the room the platform's resume state was in, -1 none */

    /* the ending */
    int rating;                  /* 1..5, 0: not given */
    char completion[64];         /* the report server's completion code, "" until it has one */
    app_scroll ending_scroll;
    int ending_h;                /* narrow screens: the ending card's height in the last pass */
    bool feedback_sent;

    comic_view comic_view;       /* a comic open over the screen, or alone (?comic=id) */
} app;

/* Applies one answer (or hint, with ids NULL and n -1) to the room on screen: checks it
   through the core, records it in the saved progress and sends it to the report server.
   Returns the verdict in res. */
void app_answer(app *a, const char *puzzle_id, const char *const *ids, int n, game_result *res);
/* Play time in milliseconds, across reloads. */
double app_play_ms(const app *a);
/* Opens the manifest's comic with this id over the screen; false if there is none. */
bool app_open_comic(app *a, const char *id);
/* Goes to room i (the hub, a topic room) if it is open. */
void app_enter_room(app *a, int i);
/* Forgets all progress and starts again from the beginning. */
void app_restart(app *a);

/* Room screen (room_view.c) */
void room_view_begin(app *a);
void room_view_pass(app *a);
/* Ending screen (ending_view.c) */
void ending_view_pass(app *a);

/* Starts loading an asset (an image, a font) once; app_asset_bytes gives it when it is in. */
void app_request_asset(app *a, const char *path);
/* Bytes of an asset requested with app_request_asset, or NULL while pending or failed. */
const char *app_asset_bytes(app *a, const char *path, size_t *len);
void app_set_language(app *a, i18n_lang lang);
/* Draws the top bar with the title, the way back to the hub, settings and languages, at the
   top of the screen or y0 down (a scrolled column); returns its height. */
int app_top_bar(app *a, const char *title);
int app_top_bar_at(app *a, const char *title, int y0);
/* room_layout's measure callback for this app: text.c at the player's text size. */
rl_measure app_measure(app *a);
/* The settings dialog, drawn over the current screen while open. */
void app_settings_pass(app *a);
/* A dialog card: title, body and an extra line, one button; returns true when pressed.
   esc_closes lets Esc press it too (for dialogs that only dismiss). */
bool app_dialog(app *a, const char *title, const char *body, const char *extra, uint32_t key,
                const char *button, bool esc_closes);
/* A scrolling area: content taller than view scrolls with the wheel, and follows the keyboard
   focus. Between begin and end, draw at the y that begin returns (the top of the content, already
   scrolled); end takes the y after the last thing drawn. The scroll offset and the content
   height live in the caller's state. */
int app_scroll_begin(app *a, SDL_Rect view, app_scroll *s);
void app_scroll_end(app *a, SDL_Rect view, app_scroll *s, int top, int bottom);
/* A panel button in the house style; returns true when activated. */
bool app_button(app *a, uint32_t key, SDL_Rect r, const char *label, bool primary);
/* The same with a spoken label that says more than the visible one ("150 %, selected"). */
bool app_button_ex(app *a, uint32_t key, SDL_Rect r, const char *label, const char *spoken, bool primary);

#endif
