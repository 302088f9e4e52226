/* app.c - the front end's entry point: the frame function, loading, and the error screen.
 *
 * Loading is staged through platform fetch requests (fonts, then the manifest, then the
 * room and its images), pumped once per frame, so the same code runs natively and in the
 * browser without blocking. A frame is drawn only when something changed (app.dirty).
 */
#include <stdio.h>
#include <string.h>

#include <SDL.h>

#include "app.h"

static const char *const FONT_FILES[TEXT_FACE_COUNT] = {
    "fonts/ui-regular.ttf", "fonts/ui-bold.ttf", "fonts/comic.ttf",
};

/* ---- assets ------------------------------------------------------------------------------- */

static void request_asset(app *a, const char *path)
{
    if (!path) return;
    for (int i = 0; i < a->asset_count; i++)
        if (strcmp(a->assets[i].path, path) == 0) return;
    if (a->asset_count == APP_MAX_ASSETS) return;
    app_asset *as = &a->assets[a->asset_count++];
    snprintf(as->path, sizeof as->path, "%s", path);
    as->fetch = plat_fetch_start(path);
}

const char *app_asset_bytes(app *a, const char *path, size_t *len)
{
    for (int i = 0; path && i < a->asset_count; i++)
        if (strcmp(a->assets[i].path, path) == 0) return plat_fetch_data(a->assets[i].fetch, len);
    return NULL;
}

static bool assets_pending(const app *a)
{
    for (int i = 0; i < a->asset_count; i++)
        if (plat_fetch_state(a->assets[i].fetch) == PLAT_FETCH_PENDING) return true;
    return false;
}

/* ---- chrome ------------------------------------------------------------------------------- */

void app_set_language(app *a, i18n_lang lang)
{
    a->lang = lang;
    plat_store_set("pakopeli.lang", i18n_code(lang));
    a->ui.role_names[UI_BUTTON] = str(lang, STR_ROLE_BUTTON);
    a->ui.role_names[UI_PLACE] = str(lang, STR_ROLE_PLACE);
    a->ui.role_names[UI_OPTION] = str(lang, STR_ROLE_OPTION);
    a->ui.role_names[UI_LINK] = str(lang, STR_ROLE_LINK);
    a->dirty = true;
}

void app_top_bar(app *a, const char *title)
{
    gfx *g = &a->gfx;
    gfx_fill(g, (SDL_Rect){0, 0, GFX_W, 56}, GFX_SURFACE);
    gfx_fill(g, (SDL_Rect){0, 55, GFX_W, 1}, GFX_BORDER);
    text_draw_in(g, title, (text_style){TEXT_BOLD, 21, GFX_TEXT, TEXT_LEFT}, (SDL_Rect){20, 0, 820, 56});
    ui_say(&a->ui, title);
    /* Laid out from the right edge, declared left to right so they read in order. */
    SDL_Rect rects[LANG_COUNT];
    int x = GFX_W - 20;
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        int tw, th;
        text_measure(g, str((i18n_lang)l, STR_LANGUAGE_NAME), (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_CENTER}, 0, &tw, &th);
        rects[l] = (SDL_Rect){x - tw - 20, 8, tw + 20, 40};
        x = rects[l].x - 4;
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        const char *name = str((i18n_lang)l, STR_LANGUAGE_NAME);
        bool current = l == (int)a->lang;
        text_style st = {current ? TEXT_BOLD : TEXT_REGULAR, 16, current ? GFX_TEXT : GFX_ACCENT, TEXT_CENTER};
        SDL_Rect r = rects[l];
        char label[64];
        snprintf(label, sizeof label, "%s%s%s", name, current ? ", " : "", current ? str(a->lang, STR_SELECTED) : "");
        ui_state s = ui_item(&a->ui, (1u << 16) | (uint32_t)l, r, label, UI_BUTTON);
        text_draw_in(g, name, st, r);
        if (current) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 3}, GFX_ACCENT);
        else if (s.hovered) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 1}, GFX_ACCENT);
        if (s.activated && !current) app_set_language(a, (i18n_lang)l);
    }
}

/* ---- loading ------------------------------------------------------------------------------ */

static void fail_io(app *a, const char *path)
{
    diag_add(&a->diags, DIAG_ERROR, DIAG_IO, path, 0, 0, "", "the file could not be loaded");
    a->screen = APP_ERROR;
    a->dirty = true;
}

static void pump_loading(app *a)
{
    if (!a->fonts_ready) {
        for (int f = 0; f < TEXT_FACE_COUNT; f++) {
            plat_fetch_state_t st = plat_fetch_state(a->f_fonts[f]);
            if (st == PLAT_FETCH_PENDING) return;
        }
        for (int f = 0; f < TEXT_FACE_COUNT; f++) {
            size_t len = 0;
            const char *d = plat_fetch_data(a->f_fonts[f], &len);
            if (d && !text_set_face((text_face)f, d, len) && f == TEXT_REGULAR) fail_io(a, FONT_FILES[f]);
            plat_fetch_release(a->f_fonts[f]);
        }
        if (!text_has_face(TEXT_REGULAR)) {
            if (a->screen != APP_ERROR) fail_io(a, FONT_FILES[TEXT_REGULAR]);
            return;
        }
        a->fonts_ready = true;
        a->dirty = true;
    }
    if (!a->manifest_ready) {
        plat_fetch_state_t st = plat_fetch_state(a->f_manifest);
        if (st == PLAT_FETCH_PENDING) return;
        size_t len = 0;
        const char *d = plat_fetch_data(a->f_manifest, &len);
        if (!d) {
            plat_fetch_release(a->f_manifest);
            fail_io(a, "levels/game.json");
            return;
        }
        bool ok = level_load_game(&a->manifest, "levels/game.json", d, len, &a->diags);
        plat_fetch_release(a->f_manifest);
        if (!ok) {
            a->screen = APP_ERROR;
            a->dirty = true;
            return;
        }
        a->manifest_ready = true;
        /* ?room=id opens one room directly (authors test a room alone); else the first. */
        char want[64] = "";
        plat_param("room", want, sizeof want);
        int pick = 0;
        for (int i = 0; i < a->manifest.room_count; i++)
            if (strcmp(a->manifest.rooms[i].id, want) == 0) pick = i;
        snprintf(a->room_path, sizeof a->room_path, "levels/%s", a->manifest.rooms[pick].file);
        a->f_room = plat_fetch_start(a->room_path);
    }
    if (!a->room_loaded) {
        plat_fetch_state_t st = plat_fetch_state(a->f_room);
        if (st == PLAT_FETCH_PENDING) return;
        size_t len = 0;
        const char *d = plat_fetch_data(a->f_room, &len);
        if (!d) {
            plat_fetch_release(a->f_room);
            fail_io(a, a->room_path);
            return;
        }
        bool ok = level_load_room(&a->room, a->room_path, d, len, &a->diags);
        plat_fetch_release(a->f_room);
        if (!ok) {
            a->screen = APP_ERROR;
            a->dirty = true;
            return;
        }
        a->room_loaded = true;
        request_asset(a, a->room.background);
        for (int i = 0; i < a->room.widget_count; i++) request_asset(a, a->room.widgets[i].image);
    }
    if (assets_pending(a)) return;
    room_view_begin(a);
    a->screen = APP_ROOM;
    a->dirty = true;
}

/* ---- screens ------------------------------------------------------------------------------ */

static void loading_pass(app *a)
{
    if (!a->fonts_ready) return; /* nothing to draw text with yet: the page shows its own spinner */
    text_draw_in(&a->gfx, str(a->lang, STR_LOADING), (text_style){TEXT_REGULAR, 22, GFX_MUTED, TEXT_CENTER},
                 (SDL_Rect){0, 0, GFX_W, GFX_H});
    ui_say(&a->ui, str(a->lang, STR_LOADING));
}

static void error_pass(app *a)
{
    gfx *g = &a->gfx;
    SDL_Rect card = {80, 80, GFX_W - 160, GFX_H - 160};
    gfx_round_fill(g, card, 16, GFX_SURFACE);
    gfx_fill(g, (SDL_Rect){card.x, card.y + 16, 6, card.h - 32}, GFX_BAD);
    int x = card.x + 40, w = card.w - 80, y = card.y + 36;
    y += text_draw(g, str(a->lang, STR_ERROR_TITLE), (text_style){TEXT_BOLD, 26, GFX_TEXT, TEXT_LEFT}, x, y, w) + 20;
    ui_say(&a->ui, str(a->lang, STR_ERROR_TITLE));
    for (int i = 0; i < a->diags.count && y < card.y + card.h - 100; i++) {
        if (a->diags.items[i].severity != DIAG_ERROR) continue;
        char line[DIAG_MSG_MAX + DIAG_PATH_MAX + DIAG_FILE_MAX + 40];
        diag_format(&a->diags.items[i], line, sizeof line);
        y += text_draw(g, line, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, line);
        fprintf(stderr, "%s\n", line);
    }
    text_draw(g, str(a->lang, STR_ERROR_HELP), (text_style){TEXT_REGULAR, 17, GFX_MUTED, TEXT_LEFT}, x,
              card.y + card.h - 60, w);
    ui_say(&a->ui, str(a->lang, STR_ERROR_HELP));
}

static void frame(void *user)
{
    app *a = user;
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT) plat_quit();
        else if (e.type == SDL_WINDOWEVENT) {
            if (gfx_update_scale(&a->gfx)) text_set_density(&a->gfx);
            a->dirty = true;
        } else if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
            a->dirty = true;
        } else if (ui_event(&a->ui, &e)) {
            a->dirty = true;
        }
    }
    if (a->screen == APP_LOADING) pump_loading(a);
    if (!a->dirty) return;
    /* A pass may change state (an answer, a language): run again until it settles, so the
       frame we present always shows the newest state. Bounded: input is applied once. */
    for (int pass = 0; pass < 3 && a->dirty; pass++) {
        a->dirty = false;
        SDL_Color bg = gfx_rgb(&a->gfx, GFX_BG);
        SDL_SetRenderDrawColor(a->gfx.renderer, bg.r, bg.g, bg.b, 255);
        SDL_RenderClear(a->gfx.renderer);
        ui_begin(&a->ui);
        switch (a->screen) {
        case APP_LOADING: loading_pass(a); break;
        case APP_ERROR: error_pass(a); break;
        case APP_ROOM: room_view_pass(a); break;
        }
        ui_end(&a->ui, &a->gfx);
    }
    a->dirty = false;
    SDL_RenderPresent(a->gfx.renderer);
    text_frame();
    if (a->screen == APP_ROOM && !a->marked_interactive) {
        a->marked_interactive = true;
        plat_mark("interactive");
    }
}

static i18n_lang initial_language(void)
{
    char code[32] = "";
    i18n_lang l;
    if (plat_param("lang", code, sizeof code) && i18n_parse_code(code, &l)) return l;
    if (plat_store_get("pakopeli.lang", code, sizeof code) && i18n_parse_code(code, &l)) return l;
    plat_preferred_language(code, sizeof code);
    if (i18n_parse_code(code, &l)) return l;
    return LANG_FI;
}

int main(int argc, char **argv)
{
    static app a; /* large (mirror buffers, pools): static, not on the stack */
    plat_init(argc, argv);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    if (!gfx_setup(&a.gfx, "Pakopeli")) {
        fprintf(stderr, "window: %s\n", SDL_GetError());
        return 1;
    }
    text_set_density(&a.gfx);
    app_set_language(&a, initial_language());
    for (int f = 0; f < TEXT_FACE_COUNT; f++) a.f_fonts[f] = plat_fetch_start(FONT_FILES[f]);
    a.f_manifest = plat_fetch_start("levels/game.json");
    a.screen = APP_LOADING;
    a.dirty = true;
    plat_mark("started");
    plat_run(frame, &a);

    /* native only: the web never returns from plat_run */
    if (a.room_loaded) level_free_room(&a.room);
    if (a.manifest_ready) level_free_game(&a.manifest);
    for (int i = 0; i < a.asset_count; i++) plat_fetch_release(a.assets[i].fetch);
    text_shutdown();
    gfx_shutdown(&a.gfx);
    SDL_Quit();
    return 0;
}
