/* app.h - the front end's state, shared by its screens (app.c, room_view.c). */
#ifndef PK_APP_H
#define PK_APP_H

#include <stdbool.h>

#include "../core/diag.h"
#include "../core/game.h"
#include "../core/level.h"
#include "../core/report.h"
#include "../platform/platform.h"
#include "gfx.h"
#include "strings.h"
#include "text.h"
#include "ui.h"

enum { APP_MAX_ASSETS = 48 };

typedef enum app_screen { APP_LOADING, APP_ERROR, APP_ROOM } app_screen;

typedef struct app_asset {
    char path[128];
    plat_fetch fetch;
} app_asset;

typedef struct room_view {
    game_state game;
    int current;                 /* puzzle shown in the side panel */
    bool intro_open, solved_open;
    bool has_feedback;
    game_result feedback;        /* the last answer's verdict and explanation */
    uint32_t chosen;             /* multiple choice with several right answers: ticked options */
    int wrong_place;             /* hotspots: the last decoy clicked, to mark it; -1 none */
    int hint_shown;              /* hints revealed for the current puzzle */
    uint32_t seq;                /* answer events sent in this play-through */
    double started_ms;           /* when the intro was closed */
} room_view;

typedef struct app {
    gfx gfx;
    ui ui;
    i18n_lang lang;
    app_screen screen;
    bool dirty;                  /* something changed: run a pass and present */
    bool marked_interactive;

    /* loading */
    plat_fetch f_manifest, f_room, f_fonts[TEXT_FACE_COUNT];
    bool fonts_ready, manifest_ready;
    app_asset assets[APP_MAX_ASSETS];
    int asset_count;
    char room_path[200];

    level_game manifest;
    level_room room;
    bool room_loaded;
    diag_list diags;             /* what went wrong loading, shown on the error screen */
    room_view view;
} app;

/* Room screen (room_view.c) */
void room_view_begin(app *a);
void room_view_pass(app *a);

/* Bytes of an asset requested with app_request_asset, or NULL while pending or failed. */
const char *app_asset_bytes(app *a, const char *path, size_t *len);
void app_set_language(app *a, i18n_lang lang);
/* Draws the top bar with the title and the language buttons. */
void app_top_bar(app *a, const char *title);

#endif
