/* app.h - the application: what it owns (content, the play-through, progress, the screens'
 * states) and the one place that changes them (app.c). Views never see this struct: each is
 * handed a view context (view.h) and its own state, and gives back actions that app.c
 * applies after the pass, so the screen is switched in app.c alone.
 */
#ifndef PK_APP_H
#define PK_APP_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/diag_text.h"
#include "../core/game.h"
#include "../core/level.h"
#include "../core/play.h"
#include "../core/report.h"
#include "../core/resume.h"
#include "../platform/platform.h"
#include "asset.h"
#include "comic_view.h"
#include "ending_view.h"
#include "gfx.h"
#include "room_layout.h"
#include "room_view.h"
#include "strings.h"
#include "text.h"
#include "ui.h"
#include "view.h"
#include "widgets.h"

enum { APP_SAVE_MAX = 64 * 1024 };

typedef enum app_screen { APP_LOADING, APP_ERROR, APP_ROOM, APP_ENDING, APP_COMIC } app_screen;

typedef struct app_settings {
    int text_zoom;        /* 100, 125 or 150 (%) */
    bool high_contrast;
    bool reduced_motion;
} app_settings;

typedef struct app {
    gfx gfx;
    ui ui;
    i18n_lang lang;
    app_screen screen;           /* switched only by app.c (the actions views give back) */
    bool dirty;                  /* something changed: run a pass and present */
    bool marked_first_frame;     /* milestones told to the page once (benchmarks, tests) */
    bool marked_interactive;
    bool marked_error;           /* the error screen is drawn (the page hides its loading line) */
    app_settings settings;
    bool settings_open;
    wg_scroll settings_scroll;
    wg_state wg;                 /* the widgets' state between passes (the top bar, dialogs) */

    /* loading: every file comes through the one asset pool, and the loaders release it */
    asset_handle f_manifest, f_fonts[TEXT_COMIC], f_rooms[LEVEL_MAX_ROOMS];
    /* Where the content is read from: "levels/", or "levels/r/N/" while a game begun on release N
       of the report server's content is finished on it (app.c pin_release). */
    char content[32];
    bool pin_tried;              /* the saved game's release was asked for once this load */
    bool fonts_ready, manifest_ready, rooms_ready, images_requested;
    asset_pool assets;           /* every fetched file: the rooms' images stay while the game runs */

    level_game manifest;
    level_room rooms[LEVEL_MAX_ROOMS];
    comic comics[LEVEL_MAX_COMICS];   /* the manifest's comics, in its order */
    int comics_loaded;
    bool rest_requested;         /* the comics and other rooms' pictures: after the first frame */
    char comic_wanted[64];       /* a comic opened before its file came: opened when it does */
    asset_handle f_comics[LEVEL_MAX_COMICS];
    int rooms_loaded;            /* rooms[0..rooms_loaded) hold content to free */
    bool rooms_deferred;         /* a new player's lobby: rooms[1..] come after its first frame */
    bool deferred_requested;     /* ... and their files are asked for */
    int room_wanted;             /* a door opened before its room came: entered when it does, or -1 */
    diag_list diags;             /* what went wrong loading, shown on the error screen */
    diag_phrasebook phrases;     /* their translations, fetched when the error screen first shows */
    asset_handle f_phrases;
    int phrases_state;           /* 0 not asked for, 1 on its way, 2 done (read, or English only) */

    play_state play;             /* the whole play-through: every room's state */
    int room;                    /* index of the room on screen */
    int hub;                     /* index of the hub room, or -1 */
    uint32_t intro_seen;         /* bit i: room i's intro has been shown (once is enough) */
    uint32_t seed;               /* this player's own order of choice options (app.c player_seed) */
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
    char completion[64];         /* the report server's completion code, "" until it has one */
    ending_view ending;

    comic_view comic_view;       /* a comic open over the screen, or alone (?comic=id) */
} app;

#endif
