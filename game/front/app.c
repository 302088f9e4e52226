/* app.c - the front end's entry point: the frame function, loading, progress, settings.
 *
 * Loading is staged through platform fetch requests (fonts, the manifest, then every room
 * and its images), pumped once per frame, so the same code runs natively and in the browser
 * without blocking. Progress is the list of answer events, kept in storage and replayed
 * through the core on the next visit. A frame is drawn only when something changed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "../core/diag_text.h"
#include "app.h"
#include "../core/jsonx.h"
#include "dev_overlay.h"
#include "ui_keys.h"

/* The faces fetched at start. The comic's lettering (TEXT_COMIC, fonts/comic.ttf) is fetched
   only when a comic opens (comic_view.c): no screen before that uses it, and it is 15 kB of
   every player's first load (docs/performance.md). */
enum { START_FACES = TEXT_COMIC };
/* New texts rasterised in one frame, at most (frame()); issue 18: at most 2, p99 <= 4 ms. */
enum { TEXTS_PER_FRAME = 2 };
static const char *const FONT_FILES[START_FACES] = {"fonts/ui-regular.ttf", "fonts/ui-bold.ttf"};
static const char *const SAVE_KEY = "pakopeli.save";
/* The content release the saved answers were given on (pin_release; web/report.js reads it too). */
static const char *const SAVE_RELEASE_KEY = "pakopeli.release";
static const char *const SETTINGS_KEY = "pakopeli.settings";
static const char *const SEED_KEY = "pakopeli.seed";

static void enter_room(app *a, int i);
static void restart(app *a);

/* ---- the views' context ------------------------------------------------------------------- */

/* What every view draws with and reads this pass; it gives its actions back in it. */
static view_ctx view_context(app *a)
{
    return (view_ctx){.g = &a->gfx, .ui = &a->ui, .lang = a->lang, .text_zoom = a->settings.text_zoom,
                      .reduced_motion = a->settings.reduced_motion, .assets = &a->assets, .wg = &a->wg,
                      .now_ms = plat_now_ms(), .covered = a->settings_open};
}

static room_ctx room_context(app *a, view_ctx *c)
{
    return (room_ctx){.c = c, .manifest = &a->manifest, .rooms = a->rooms, .room_count = a->rooms_loaded,
                      .play = &a->play, .room = a->room, .hub = a->hub, .seed = a->seed};
}

/* ---- settings ----------------------------------------------------------------------------- */

static void apply_settings(app *a)
{
    text_set_zoom(a->settings.text_zoom);
    a->gfx.high_contrast = a->settings.high_contrast;
    char buf[64];
    snprintf(buf, sizeof buf, "zoom=%d;contrast=%d;motion=%d", a->settings.text_zoom,
             a->settings.high_contrast, a->settings.reduced_motion);
    plat_store_set(SETTINGS_KEY, buf);
    a->dirty = true;
}

static void load_settings(app *a)
{
    a->settings = (app_settings){100, false, plat_prefers_reduced_motion()};
    char buf[64];
    int zoom, contrast, motion;
    if (plat_store_get(SETTINGS_KEY, buf, sizeof buf) &&
        sscanf(buf, "zoom=%d;contrast=%d;motion=%d", &zoom, &contrast, &motion) == 3) {
        a->settings.text_zoom = (zoom == 125 || zoom == 150) ? zoom : 100;
        a->settings.high_contrast = contrast != 0;
        a->settings.reduced_motion = motion != 0;
    }
    char z[8];
    if (plat_param("zoom", z, sizeof z)) a->settings.text_zoom = atoi(z) == 150 ? 150 : atoi(z) == 125 ? 125 : 100;
    apply_settings(a);
}

static void set_language(app *a, i18n_lang lang)
{
    a->lang = lang;
    plat_store_set("pakopeli.lang", i18n_code(lang));
    plat_page_language(i18n_code(lang));
    a->ui.role_names[UI_BUTTON] = str(lang, STR_ROLE_BUTTON);
    a->ui.role_names[UI_PLACE] = str(lang, STR_ROLE_PLACE);
    a->ui.role_names[UI_OPTION] = str(lang, STR_ROLE_OPTION);
    a->ui.role_names[UI_LINK] = str(lang, STR_ROLE_LINK);
    a->ui.role_names[UI_FIELD] = str(lang, STR_ROLE_FIELD);
    a->dirty = true;
}

/* This player's seed for the order of choice options: made once and kept in storage, so the
   order stays the same for the player (across reloads and "start again"); ?seed=N (natively
   --seed=N) sets it. The browser tests store a fixed one (tests/e2e/lib.mjs), so the approved
   screens stay the same. */
static uint32_t player_seed(void)
{
    char buf[24];
    if (plat_param("seed", buf, sizeof buf) || plat_store_get(SEED_KEY, buf, sizeof buf)) {
        char *end;
        unsigned long v = strtoul(buf, &end, 10);
        if (end != buf && *end == '\0' && v > 0 && v <= 0xffffffffUL) return (uint32_t)v;
    }
    uint32_t s = (uint32_t)time(NULL) * 2654435761u ^ (uint32_t)(plat_now_ms() * 1000.0);
    if (s == 0) s = 1;
    snprintf(buf, sizeof buf, "%lu", (unsigned long)s);
    plat_store_set(SEED_KEY, buf);
    return s;
}

/* ---- progress ----------------------------------------------------------------------------- */

/* Play time in milliseconds, across reloads. */
static double play_ms(const app *a) { return a->clock_base_ms + (plat_now_ms() - a->session_start_ms); }

static void save_progress(app *a)
{
    /* the array is kept open at the end; close it only for storage */
    if (a->save_len + 2 > sizeof a->save) return;
    a->save[a->save_len] = ']';
    a->save[a->save_len + 1] = '\0';
    plat_store_set(SAVE_KEY, a->save);
    a->save[a->save_len] = '\0';
}

/* Appends an event to the saved progress (the JSON array kept open at its end). */
static void append_save(app *a, const char *json)
{
    size_t n = strlen(json);
    if (a->save_len + n + 3 >= sizeof a->save) return;
    char sep = a->save_len == 0 ? '[' : ',';
    a->save[a->save_len++] = sep;
    memcpy(a->save + a->save_len, json, n + 1);
    a->save_len += n;
}

/* Keeps an applied event: in the browser save, and in the learning platform's resume state. */
static bool keep(app *a, const report_event *ev, const game_result *res, char *json, size_t cap)
{
    if (!report_event_to_json(ev, json, cap)) return false;
    append_save(a, json);
    resume_writer_add(&a->lms, ev, res);
    a->lms_pending = true;
    return true;
}

/* Applies one answer (or hint, with ids NULL and n -1) to the room on screen: checks it
   through the core, records it in the saved progress and sends it to the report server.
   Returns the verdict in res. */
static void answer(app *a, const char *puzzle_id, const char *const *ids, int n, game_result *res)
{
    report_event ev;
    const char *room = a->manifest.rooms[a->room].id;
    bool made = n < 0 ? report_hint_make(&ev, a->seq + 1, room, puzzle_id, play_ms(a))
                      : report_event_make(&ev, a->seq + 1, room, puzzle_id, ids, n, play_ms(a));
    if (!made) {
        memset(res, 0, sizeof *res);
        res->verdict = GAME_INVALID;
        return;
    }
    game_verdict v = play_apply(&a->play, &ev, res);
    /* Only counted answers are kept: a locked or malformed one changed nothing to replay. */
    if (v != GAME_INVALID && v != GAME_LOCKED) {
        a->seq++;
        char json[REPORT_ID_MAX * 4 + LEVEL_MAX_OPTIONS * REPORT_ANSWER_MAX];
        if (keep(a, &ev, res, json, sizeof json)) {
            a->save_pending = true; /* written after this frame is presented: storage is slow */
            plat_send_event(json);
        }
    }
    a->dirty = true;
}

/* One saved event replayed at start; those that no longer fit changed content are dropped. */
static void replay_saved(app *a, report_event *ev, double *last_t)
{
    game_result res;
    if (play_apply(&a->play, ev, &res) == GAME_INVALID) return;
    ev->seq = ++a->seq; /* renumber: the kept events stay a gapless sequence */
    if (ev->t_ms > *last_t) *last_t = ev->t_ms;
    char json[REPORT_ID_MAX * 4 + LEVEL_MAX_OPTIONS * REPORT_ANSWER_MAX];
    keep(a, ev, &res, json, sizeof json);
}

/* Replays the saved events: the browser's own save, or in a learning platform its resume
   state when that holds as many events or more (another computer, or this one's save lost;
   when the platform refused the last commits, this browser's save is ahead and wins). */
static void resume(app *a)
{
    static char stored[APP_SAVE_MAX];
    static char lms[RESUME_LIMIT_SCORM2004 + 1];
    a->save_len = 0;
    a->save[0] = '\0';
    a->lms_where = -1;
    resume_writer_reset(&a->lms);
    cJSON *arr = plat_store_get(SAVE_KEY, stored, sizeof stored) ? cJSON_Parse(stored) : NULL;
    int local = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    double last_t = 0;
    report_event ev;
    resume_reader r;
    if (plat_lms_active() && plat_lms_resume(lms, sizeof lms) && resume_event_count(lms) >= (uint32_t)local &&
        resume_event_count(lms) > 0 && resume_reader_init(&r, lms, &a->play)) {
        while (resume_reader_next(&r, &a->play, &ev)) replay_saved(a, &ev, &last_t);
        a->lms_where = r.where;
    } else if (local > 0) {
        const cJSON *item;
        cJSON_ArrayForEach(item, arr)
        {
            diag_list d = {0};
            jx_reader jr = jx_reader_make(SAVE_KEY, "", 0, &d);
            if (report_event_from_json(&jr, item, &ev)) replay_saved(a, &ev, &last_t);
        }
    }
    cJSON_Delete(arr);
    a->clock_base_ms = last_t;
    a->lms_pending = true; /* the platform hears at once where the player is (and any events it missed) */
}

/* Tells the learning platform the play-through (after the frame: its commit may be slow). */
static void report_to_lms(app *a)
{
    static char text[RESUME_LIMIT_SCORM2004 + 1];
    a->lms_pending = false;
    if (!plat_lms_active() || a->screen == APP_LOADING || a->screen == APP_ERROR) return;
    size_t len = resume_writer_encode(&a->lms, a->room, text, sizeof text);
    plat_lms_progress(len > 0 && !a->lms.lossy ? text : NULL, play_score(&a->play), play_all_required_solved(&a->play));
}

/* The saved game is now played on the loaded content's release (pin_release reads it; web/report.js
   gives a new play this release). None when the content has no releases. */
static void remember_release(const app *a)
{
    char buf[32] = "";
    if (a->manifest.release > 0) snprintf(buf, sizeof buf, "%lld", (long long)a->manifest.release);
    plat_store_set(SAVE_RELEASE_KEY, buf);
}

static void reload_content(app *a);

/* Forgets all progress and starts again from the beginning. */
static void restart(app *a)
{
    plat_store_set(SAVE_KEY, "[]");
    plat_store_set("pakopeli.where", "");
    a->save_len = 0;
    a->save[0] = '\0';
    a->seq = 0;
    resume_writer_reset(&a->lms);
    a->lms_pending = true;
    a->clock_base_ms = 0;
    a->session_start_ms = plat_now_ms();
    a->ending = (ending_view){0};
    a->completion[0] = '\0';
    a->intro_seen = 0;
    a->settings_open = false;
    if (strcmp(a->content, "levels/") != 0) {
        /* A game finished on an older release (pin_release): the new one is played on the newest,
           loaded now as make dev loads changed content; start_playing begins it in the lobby. */
        snprintf(a->content, sizeof a->content, "levels/");
        reload_content(a);
        return;
    }
    remember_release(a);
    play_begin(&a->play, &a->manifest);
    for (int i = 0; i < a->rooms_loaded; i++) play_attach_room(&a->play, i, &a->rooms[i]);
    a->screen = APP_ROOM;
    enter_room(a, a->hub >= 0 ? a->hub : 0);
}

/* Opens the manifest's comic with this id over the screen; false if there is none. A comic
   whose file is still on its way (request_rest) opens when it comes (pump_comics). */
static bool open_comic(app *a, const char *id)
{
    for (int i = 0; id && i < a->manifest.comic_count; i++) {
        if (strcmp(a->manifest.comics[i].id, id) != 0) continue;
        if (i >= a->comics_loaded) {
            snprintf(a->comic_wanted, sizeof a->comic_wanted, "%s", id);
            return true;
        }
        view_ctx c = view_context(a);
        comic_view_open(&a->comic_view, &c, &a->comics[i]);
        a->dirty = true;
        return true;
    }
    return false;
}

/* Shows room i (not checked: the caller knows it may), its intro and comic on a first visit. */
static void show_room(app *a, int i)
{
    a->room = i;
    const game_state *gs = &a->play.room_state[i];
    bool first_visit = !(a->intro_seen & (1u << i)) && !gs->room_solved && gs->solved_count == 0;
    a->intro_seen |= 1u << i;
    if (first_visit && a->rooms[i].comic_intro) open_comic(a, a->rooms[i].comic_intro);
    view_ctx c = view_context(a);
    room_ctx rc = room_context(a, &c);
    room_view_begin(&a->view, &rc, first_visit);
    a->dirty = true;
}

/* Goes to room i (the hub, a topic room) if it is open. */
static void enter_room(app *a, int i)
{
    if (a->rooms_deferred && i >= a->rooms_loaded && i < a->manifest.room_count) {
        a->room_wanted = i; /* the loading line until it comes (pump_deferred) */
        a->dirty = true;
        return;
    }
    if (i < 0 || i >= a->rooms_loaded || !play_room_open(&a->play, i)) return;
    a->lms_pending = true; /* the resume state says where the player is */
    ui_announce_reset(&a->ui); /* a room entered again says its title and task again */
    plat_store_set("pakopeli.where", a->manifest.rooms[i].id);
    show_room(a, i);
}

/* Applies what the views asked for in this pass, in order (an answer's verdict may add more:
   the ending after the last door, a reward comic). The one place the screen is switched. */
static void apply_actions(app *a, view_ctx *c)
{
    for (int i = 0; i < c->action_count; i++) {
        const view_action act = c->actions[i];
        game_result res;
        switch (act.kind) {
        case VIEW_ANSWER: {
            answer(a, act.id, act.ids, act.n, &res);
            room_ctx rc = room_context(a, c);
            room_view_answered(&a->view, &rc, &res);
            break;
        }
        case VIEW_HINT: answer(a, act.id, NULL, -1, &res); break;
        case VIEW_ENTER_ROOM: enter_room(a, act.index); break;
        case VIEW_GO_HUB: enter_room(a, a->hub); break;
        case VIEW_OPEN_COMIC: open_comic(a, act.id); break;
        case VIEW_ENDING: a->screen = APP_ENDING; break;
        case VIEW_OPEN_SETTINGS:
            a->settings_open = true;
            ui_focus(&a->ui, uik(UIK_CLOSE_SETTINGS, 0));
            break;
        case VIEW_LANGUAGE:
            if (act.index >= 0 && act.index < LANG_COUNT) set_language(a, (i18n_lang)act.index);
            break;
        case VIEW_RESTART: restart(a); break;
        case VIEW_SEND_RATING:
            plat_send_feedback(act.index, "");
            a->ending.rating_sent = true;
            break;
        case VIEW_CLOSE_COMIC:
        case VIEW_NONE: break;
        }
        a->dirty = true;
    }
    if (c->dirty) a->dirty = true;
}

/* ---- the settings dialog ----------------------------------------------------------------- */

/* The settings dialog, drawn over the current screen while open. It is the app's own, so it
   changes the settings itself; a restart waits for the end of the pass like a view's. */
static void settings_pass(app *a, view_ctx *c)
{
    gfx *g = &a->gfx;
    c->covered = false; /* the dialog itself scrolls */
    gfx_fill(g, (SDL_Rect){0, 0, g->w, g->h}, GFX_SHADE);
    /* the rows grow with the text size: 48 px buttons at 100 %, up to 72 px at 150 %; on a
       screen too short for them all (browser zoom) the card's content scrolls */
    int row = rl_control_h(RL_CONTROL_H, a->settings.text_zoom), w = g->w - 24 < 640 ? g->w - 24 : 640;
    int pad = w < 480 ? 16 : 32;
    int h = 28 + 40 * a->settings.text_zoom / 100 + 16 + 30 * a->settings.text_zoom / 100 + 8 + 4 * (row + 12) + 24 + row + 28;
    if (h > g->h - 8) h = g->h - 8;
    SDL_Rect card = {(g->w - w) / 2, (g->h - h) / 2, w, h};
    gfx_card(g, card, 16);
    SDL_Rect view = {card.x, card.y + 4, card.w - 4, card.h - 8};
    int top = wg_scroll_begin(c, view, &a->settings_scroll);
    int x = card.x + pad, y = top + 24, cw = w - 2 * pad;
    y += text_draw(g, str(a->lang, STR_SETTINGS), (text_style){TEXT_BOLD, 26, GFX_TEXT, TEXT_LEFT}, x, y, cw) + 16;
    ui_dialog_begin(&a->ui, str(a->lang, STR_SETTINGS));

    y += text_draw(g, str(a->lang, STR_TEXT_SIZE), (text_style){TEXT_BOLD, 18, GFX_TEXT, TEXT_LEFT}, x, y, cw) + 8;
    ui_say(&a->ui, str(a->lang, STR_TEXT_SIZE));
    static const int zooms[] = {100, 125, 150};
    for (int i = 0; i < 3; i++) {
        char label[48];
        bool on = a->settings.text_zoom == zooms[i];
        snprintf(label, sizeof label, "%d %%%s%s", zooms[i], on ? ", " : "", on ? str(a->lang, STR_SELECTED) : "");
        SDL_Rect r = {x + i * ((cw - 16) / 3 + 8), y, (cw - 16) / 3, row};
        char visible[16];
        snprintf(visible, sizeof visible, "%d %%", zooms[i]);
        if (wg_button_ex(c, uik(UIK_ZOOM, i), r, visible, label, on)) {
            a->settings.text_zoom = zooms[i];
            apply_settings(a);
        }
    }
    y += row + 16;
    char label[96];
    snprintf(label, sizeof label, "%s: %s", str(a->lang, STR_HIGH_CONTRAST),
             str(a->lang, a->settings.high_contrast ? STR_ON : STR_OFF));
    if (wg_button(c, uik(UIK_CONTRAST, 0), (SDL_Rect){x, y, cw, row}, label, false)) {
        a->settings.high_contrast = !a->settings.high_contrast;
        apply_settings(a);
    }
    y += row + 12;
    snprintf(label, sizeof label, "%s: %s", str(a->lang, STR_REDUCED_MOTION),
             str(a->lang, a->settings.reduced_motion ? STR_ON : STR_OFF));
    if (wg_button(c, uik(UIK_MOTION, 0), (SDL_Rect){x, y, cw, row}, label, false)) {
        a->settings.reduced_motion = !a->settings.reduced_motion;
        apply_settings(a);
    }
    y += row + 12;
    if (wg_button(c, uik(UIK_RESTART, 0), (SDL_Rect){x, y, cw, row}, str(a->lang, STR_RESTART), false)) {
        a->settings_open = false;
        view_emit_kind(c, VIEW_RESTART, 0);
    }
    y += row + 24;
    bool close = wg_button(c, uik(UIK_CLOSE_SETTINGS, 0), (SDL_Rect){x, y, cw < 220 ? cw : 220, row}, str(a->lang, STR_CLOSE), true);
    wg_scroll_end(c, view, &a->settings_scroll, top, y + row + 24);
    if (close || a->ui.escape) {
        a->settings_open = false;
        ui_focus(&a->ui, uik(UIK_SETTINGS, 0));
        a->dirty = true;
    }
    ui_dialog_end(&a->ui);
}

/* ---- loading ------------------------------------------------------------------------------ */

static void fail_io(app *a, const char *path)
{
    diag_add(&a->diags, DIAG_ERROR, DIAG_IO, path, 0, 0, "", "the file could not be loaded");
    a->screen = APP_ERROR;
    a->dirty = true;
}

static void request_room(app *a, int i)
{
    char path[200];
    snprintf(path, sizeof path, "%s%s", a->content, a->manifest.rooms[i].file);
    a->f_rooms[i] = asset_request(&a->assets, path);
}

/* Whether this browser holds answers of a game (as resume() reads them). */
static bool has_saved_answers(void)
{
    static char stored[APP_SAVE_MAX];
    if (!plat_store_get(SAVE_KEY, stored, sizeof stored)) return false;
    cJSON *arr = cJSON_Parse(stored);
    bool some = cJSON_IsArray(arr) && cJSON_GetArraySize(arr) > 0;
    cJSON_Delete(arr);
    return some;
}

/* A player with nothing to resume: no saved answers here or in a learning platform, not sent
   to a room (?room=, or the room they were in). Asked again just before the game starts, as
   report.js may have settled whose save this is meanwhile. */
static bool new_player(app *a)
{
    char want[64] = "";
    if (plat_param("room", want, sizeof want) || plat_lms_active()) return false;
    if (plat_store_get("pakopeli.where", want, sizeof want) && want[0] &&
        !(a->manifest.hub && strcmp(want, a->manifest.hub) == 0))
        return false;
    return !has_saved_answers();
}

/* Whether the rooms after the first can wait until the lobby's first frame: the lobby is the
   manifest's first room (rooms load in its order: rooms_loaded counts rooms[0..n)), every room's
   title is in the manifest (the lobby's panel lists them), and the player is new. */
static bool can_defer_rooms(app *a)
{
    if (a->manifest.room_count < 2 || !a->manifest.hub || level_find_room(&a->manifest, a->manifest.hub) != 0)
        return false;
    for (int i = 0; i < a->manifest.room_count; i++)
        if (i18n_empty(&a->manifest.rooms[i].title)) return false;
    return new_player(a);
}

static bool pump_fonts(app *a)
{
    for (int f = 0; f < START_FACES; f++)
        if (asset_state(&a->assets, a->f_fonts[f]) == PLAT_FETCH_PENDING) return false;
    for (int f = 0; f < START_FACES; f++) {
        size_t len = 0;
        const char *d = asset_data(&a->assets, a->f_fonts[f], &len);
        if (d) text_set_face((text_face)f, d, len);
        asset_release(&a->assets, a->f_fonts[f]);
    }
    if (!text_has_face(TEXT_REGULAR)) {
        fail_io(a, FONT_FILES[TEXT_REGULAR]);
        return false;
    }
    a->fonts_ready = true;
    a->dirty = true;
    return true;
}

/* Asks for the manifest in a->content. */
static void request_manifest(app *a)
{
    char path[64];
    snprintf(path, sizeof path, "%sgame.json", a->content);
    a->f_manifest = asset_request(&a->assets, path);
}

/* A game in progress is finished on the content release it began on. The report server replays
   a play's answers on that release (game/server/ingest.c), and the saved answers were given to its
   rooms: after a volunteer has published a changed room, the current release's text would ask
   other questions than the server checks, and a refused answer would leave the player without a
   completion. So when the saved game's release (SAVE_RELEASE_KEY, written by start_playing) is not
   the one levels/game.json says, that release's own files are read from levels/r/N/, which the
   server keeps for as long as it has plays (store.c). Changes reach new games, and a game started
   over (restart). Content without releases (a static build, make dev, a learning platform's
   package) says none: nothing is pinned. True when the release's manifest was asked for. */
static bool pin_release(app *a)
{
    if (a->pin_tried || a->manifest.release <= 0 || !has_saved_answers()) return false;
    char buf[32] = "";
    long long mine = plat_store_get(SAVE_RELEASE_KEY, buf, sizeof buf) ? strtoll(buf, NULL, 10) : 0;
    if (mine <= 0 || mine == a->manifest.release) return false;
    a->pin_tried = true;
    level_free_game(&a->manifest);
    snprintf(a->content, sizeof a->content, "levels/r/%lld/", mine);
    request_manifest(a);
    return true;
}

static bool pump_manifest(app *a)
{
    if (asset_state(&a->assets, a->f_manifest) == PLAT_FETCH_PENDING) return false;
    char file[64];
    snprintf(file, sizeof file, "%sgame.json", a->content);
    size_t len = 0;
    const char *d = asset_data(&a->assets, a->f_manifest, &len);
    if (!d && strcmp(a->content, "levels/") != 0) {
        /* The saved game's release is not there (a server whose database was started anew): the
           saved answers are replayed into the current content, and those that no longer fit it
           are dropped (replay_saved), as before games were pinned. */
        fprintf(stderr, "%s: the saved game's release could not be read; playing the current one\n", file);
        asset_release(&a->assets, a->f_manifest);
        snprintf(a->content, sizeof a->content, "levels/");
        request_manifest(a);
        return false;
    }
    bool ok = d && level_load_game(&a->manifest, file, d, len, &a->diags);
    asset_release(&a->assets, a->f_manifest);
    if (!d) fail_io(a, file);
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
        return false;
    }
    if (pin_release(a)) return false;
    a->manifest_ready = true;
    level_apply_game_settings(&a->manifest, file, &a->diags);
    /* A new player's lobby shows only the lobby and the rooms' titles, which the built manifest
       carries (pakopeli-seal): the other rooms come after its first frame (request_rest), off the
       first load (45 kB br, docs/performance.md). Anyone else needs every room at once: their
       saved answers are replayed into all of them, and the last door needs all their parts. */
    a->rooms_deferred = can_defer_rooms(a);
    a->deferred_requested = false;
    a->room_wanted = -1;
    for (int i = 0; i < (a->rooms_deferred ? 1 : a->manifest.room_count); i++) request_room(a, i);
    return true;
}

/* The rooms a new player's lobby does without (can_defer_rooms), asked for now. */
static void request_deferred_rooms(app *a)
{
    if (!a->rooms_deferred || a->deferred_requested) return;
    a->deferred_requested = true;
    for (int i = 1; i < a->manifest.room_count; i++) request_room(a, i);
}

/* After the first interactive frame (frame()): what the first screen does not show. The comics'
   files (their images load only when one is opened) and every room's pictures; the start
   room's came before (pump_rooms). Off the first load: fewer bytes and requests before the
   player can act (docs/performance.md, issue 18). */
static void request_rest(app *a)
{
    a->rest_requested = true;
    request_deferred_rooms(a);
    for (int i = 0; i < a->manifest.comic_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "%s%s", a->content, a->manifest.comics[i].file);
        a->f_comics[i] = asset_request(&a->assets, path);
    }
    /* the other rooms' images once the comics' files are in and released (request_images) */
}

/* Loads the manifest's comics once their files are in; false while waiting or on errors.
   A comic the player opened before (open_comic) opens now. */
static bool pump_comics(app *a)
{
    for (int i = 0; i < a->manifest.comic_count; i++)
        if (asset_state(&a->assets, a->f_comics[i]) == PLAT_FETCH_PENDING) return false;
    bool ok = true;
    for (int i = 0; i < a->manifest.comic_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "%s%s", a->content, a->manifest.comics[i].file);
        size_t len = 0;
        const char *d = asset_data(&a->assets, a->f_comics[i], &len);
        if (!d) {
            fail_io(a, path);
            ok = false;
        } else if (ok && comic_load(&a->comics[i], path, d, len, &a->diags)) {
            a->comics_loaded = i + 1;
        } else {
            ok = false;
        }
        asset_release(&a->assets, a->f_comics[i]);
    }
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
        return false;
    }
    if (a->comic_wanted[0] && a->screen == APP_ROOM) open_comic(a, a->comic_wanted);
    a->comic_wanted[0] = '\0';
    return ok;
}

static void request_room_assets(app *a, int i)
{
    if (i < 0 || i >= a->rooms_loaded) return;
    asset_request(&a->assets, a->rooms[i].background);
    for (int k = 0; k < a->rooms[i].widget_count; k++) asset_request(&a->assets, a->rooms[i].widgets[k].image);
    for (int k = 0; k < a->rooms[i].item_count; k++) asset_request(&a->assets, a->rooms[i].items[k].icon);
}

/* Loads rooms[rooms_loaded..n) once all their files are in (false while waiting, and on errors:
   then the error screen). */
static bool load_rooms(app *a, int n)
{
    for (int i = a->rooms_loaded; i < n; i++)
        if (asset_state(&a->assets, a->f_rooms[i]) == PLAT_FETCH_PENDING) return false;
    bool ok = true;
    for (int i = a->rooms_loaded; i < n; i++) {
        char path[200];
        snprintf(path, sizeof path, "%s%s", a->content, a->manifest.rooms[i].file);
        size_t len = 0;
        const char *d = asset_data(&a->assets, a->f_rooms[i], &len);
        if (!d) {
            fail_io(a, path);
            ok = false;
        } else if (ok && level_load_room(&a->rooms[i], path, d, len, &a->diags)) {
            a->rooms_loaded = i + 1;
            level_apply_settings(&a->rooms[i], &a->manifest, &a->diags);
            if (strcmp(a->rooms[i].id, a->manifest.rooms[i].id) != 0) {
                diag_add(&a->diags, DIAG_ERROR, DIAG_UNKNOWN_REF, path, 0, 0, "id",
                         "the room's id '%s' differs from its id '%s' in levels/game.json",
                         a->rooms[i].id, a->manifest.rooms[i].id);
                ok = false;
            }
        } else {
            ok = false;
        }
        asset_release(&a->assets, a->f_rooms[i]);
    }
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
        return false;
    }
    return true;
}

static bool pump_rooms(app *a)
{
    if (!load_rooms(a, a->rooms_deferred ? 1 : a->manifest.room_count)) return false;
    a->rooms_ready = true;
    /* The first screen's pictures only: the room the player will most likely start in (as
       start_playing chooses it, short of the saved answers); the rest after the first frame. */
    char want[64] = "";
    int first = a->manifest.hub ? level_find_room(&a->manifest, a->manifest.hub) : -1;
    if (plat_param("room", want, sizeof want) || plat_store_get("pakopeli.where", want, sizeof want)) {
        int i = level_find_room(&a->manifest, want);
        if (i >= 0) first = i;
    }
    request_room_assets(a, first >= 0 && first < a->rooms_loaded ? first : 0);
    return true;
}

/* The rooms a new player's lobby did without, once they are in: attached to the play, and a
   door opened before they came is entered now. */
static void pump_deferred(app *a)
{
    if (!load_rooms(a, a->manifest.room_count)) return;
    for (int i = 1; i < a->rooms_loaded; i++) play_attach_room(&a->play, i, &a->rooms[i]);
    if (a->seq == 0) { /* the learning platform's state covers every room (none is active here) */
        resume_writer_free(&a->lms);
        if (!resume_writer_init(&a->lms, &a->manifest, a->play.rooms)) a->lms.lossy = true;
    }
    a->rooms_deferred = false;
    a->dirty = true;
    int wanted = a->room_wanted;
    a->room_wanted = -1;
    if (wanted >= 0 && a->screen == APP_ROOM && !a->comic_view.open) enter_room(a, wanted);
}

/* Every room's images, held while the game runs (a room switch never waits). Asked for after
   the first interactive frame (request_rest; the start room's came before, pump_rooms), so the
   pool holds what pakopeli-lint counts (code too-many): the rooms' images, then a comic's
   while it is open. */
static bool request_images(app *a)
{
    for (int i = 0; i < a->rooms_loaded; i++) request_room_assets(a, i);
    a->images_requested = true;
    const char *first;
    int refused = asset_refused(&a->assets, &first);
    if (refused == 0) return true;
    diag_add(&a->diags, DIAG_ERROR, DIAG_TOO_MANY, first, 0, 0, "",
             "the game's images are more than the %d files the engine holds at once: this one and %d more were "
             "not loaded (pakopeli-lint levels/ counts them)", ASSET_MAX, refused - 1);
    a->screen = APP_ERROR;
    a->dirty = true;
    return false;
}

static void start_playing(app *a)
{
    a->hub = a->manifest.hub ? level_find_room(&a->manifest, a->manifest.hub) : -1;
    play_begin(&a->play, &a->manifest);
    for (int i = 0; i < a->rooms_loaded; i++) play_attach_room(&a->play, i, &a->rooms[i]);
    a->session_start_ms = plat_now_ms();
    resume_writer_free(&a->lms); /* make dev: the content may have changed */
    if (!resume_writer_init(&a->lms, &a->manifest, a->play.rooms)) a->lms.lossy = true;
    resume(a);
    remember_release(a);
    /* ?room=id opens a room directly (authors test a room alone); else where the player was. */
    char want[64] = "";
    int start = a->hub >= 0 ? a->hub : 0;
    if (plat_param("room", want, sizeof want) || plat_store_get("pakopeli.where", want, sizeof want)) {
        int i = level_find_room(&a->manifest, want);
        if (i >= 0 && play_room_open(&a->play, i)) start = i;
    }
    if (a->lms_where >= 0 && play_room_open(&a->play, a->lms_where) && !plat_param("room", want, sizeof want))
        start = a->lms_where; /* the platform's state is this learner's, on any computer */
    a->screen = a->play.escaped ? APP_ENDING : APP_ROOM;
    show_room(a, start);
    if (a->seq > 0) {
        a->view.intro_open = false; /* a returning player goes straight on */
        if (a->hub >= 0) a->intro_seen |= 1u << a->hub;
    }
}

static void pump_loading(app *a)
{
    if (!a->fonts_ready && !pump_fonts(a)) return;
    if (a->comic_view.url_id[0]) { /* ?comic=id: a comic alone (comic_view.c) */
        view_ctx c = view_context(a);
        comic_view_loading st = comic_view_pump_loading(&a->comic_view, &c, &a->diags);
        if (st != COMIC_VIEW_LOADING) {
            a->screen = st == COMIC_VIEW_READY ? APP_COMIC : APP_ERROR;
            a->dirty = true;
        }
        if (c.dirty) a->dirty = true;
        return;
    }
    if (!a->manifest_ready && !pump_manifest(a)) return;
    if (!a->rooms_ready && !pump_rooms(a)) return;
    if (a->rooms_deferred && !new_player(a)) { /* a save came meanwhile: it needs every room */
        request_deferred_rooms(a);
        a->rooms_deferred = false;
        a->rooms_ready = false;
        return;
    }
    if (asset_pending(&a->assets)) return;
    start_playing(a);
    a->dirty = true;
}

/* Live preview (make dev): an author saved a content file. Load the manifest and every room
   again through the same staged loading and replay the saved answers, so the author stays in
   the room they were in (web/dev.js keeps ?room= in step). Loader errors show the error
   screen; the next save that fixes them comes back here and recovers. */
static void reload_content(app *a)
{
    if (!a->fonts_ready || a->comic_view.url_id[0]) return; /* a comic alone: dev.js reloads the page */
    for (int i = 0; i < a->rooms_loaded; i++) level_free_room(&a->rooms[i]);
    a->rooms_loaded = 0;
    a->comic_view.open = false; /* it may point into a comic freed below */
    for (int i = 0; i < a->comics_loaded; i++) comic_free(&a->comics[i]);
    a->comics_loaded = 0;
    if (a->manifest_ready) level_free_game(&a->manifest);
    a->manifest_ready = a->rooms_ready = a->images_requested = a->rest_requested = false;
    a->rooms_deferred = a->deferred_requested = false;
    a->room_wanted = -1;
    a->comic_wanted[0] = '\0';
    asset_clear(&a->assets); /* the new content asks for its own images (a comic's went with it) */
    if (a->phrases_state == 1) a->phrases_state = 0; /* its request went too: asked again when needed */
    memset(&a->diags, 0, sizeof a->diags);
    a->seq = 0; /* resume() numbers the replayed answers from here */
    request_manifest(a);
    a->screen = APP_LOADING;
    a->dirty = true;
}

/* ---- screens ------------------------------------------------------------------------------ */

static void loading_pass(app *a)
{
    if (!a->fonts_ready) return; /* nothing to draw text with yet: the page shows its own status */
    text_draw_in(&a->gfx, str(a->lang, STR_LOADING), (text_style){TEXT_REGULAR, 22, GFX_MUTED, TEXT_CENTER},
                 (SDL_Rect){0, 0, a->gfx.w, a->gfx.h});
    ui_say(&a->ui, str(a->lang, STR_LOADING));
}

/* The messages' translations (core/diag_text.h): the web game does not carry them, so they are
   fetched when the error screen is first wanted (diag-phrases.json, pakopeli-lint --phrases).
   Until they are in, the loading screen stays, so the card appears once, whole; if they cannot
   be read, the messages are English behind the kind of problem in the player's language. */
static bool pump_phrases(app *a)
{
    if (a->phrases_state == 2) return true;
    if (a->phrases_state == 0) {
        a->f_phrases = asset_request(&a->assets, "diag-phrases.json");
        a->phrases_state = 1;
    }
    if (asset_state(&a->assets, a->f_phrases) == PLAT_FETCH_PENDING) return false;
    size_t len = 0;
    const char *d = asset_data(&a->assets, a->f_phrases, &len);
    if (d && !diag_phrasebook_parse(&a->phrases, d, len)) fprintf(stderr, "diag-phrases.json: not a phrasebook\n");
    asset_release(&a->assets, a->f_phrases);
    a->phrases_state = 2;
    a->dirty = true;
    return true;
}

static void error_pass(app *a)
{
    gfx *g = &a->gfx;
    /* a phone gets narrower margins, so the message wraps less; the help line stays inside the
       card whatever the text size (it once ran out of it on a phone at 150 %) */
    int m = g->w < 480 ? 12 : 40, pad = g->w < 480 ? 24 : 40;
    SDL_Rect card = {m, m, g->w - 2 * m, g->h - 2 * m};
    gfx_card(g, card, 16);
    gfx_fill(g, (SDL_Rect){card.x, card.y + 16, 6, card.h - 32}, GFX_BAD);
    int x = card.x + pad, w = card.w - 2 * pad, y = card.y + 36;
    if (!a->fonts_ready) return;
    const char *help = str(a->lang, STR_ERROR_HELP);
    text_style hs = {TEXT_REGULAR, 17, GFX_MUTED, TEXT_LEFT};
    int hw, hh;
    text_measure(g, help, hs, w, &hw, &hh);
    int help_y = card.y + card.h - 24 - hh;
    y += text_draw(g, str(a->lang, STR_ERROR_TITLE), (text_style){TEXT_BOLD, 26, GFX_TEXT, TEXT_LEFT}, x, y, w) + 20;
    ui_say(&a->ui, str(a->lang, STR_ERROR_TITLE));
    for (int i = 0; i < a->diags.count && y < help_y - 60; i++) {
        if (a->diags.items[i].severity != DIAG_ERROR) continue;
        char line[2 * DIAG_MSG_MAX + DIAG_PATH_MAX + DIAG_FILE_MAX + 40];
        diag_format_in(&a->phrases, &a->diags.items[i], a->lang, line, sizeof line); /* in the player's language */
        y += text_draw(g, line, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, line);
    }
    text_draw(g, help, hs, x, help_y, w);
    ui_say(&a->ui, help);
}

static void frame(void *user)
{
    app *a = user;
    double t0 = plat_now_ms();
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        if (e.type == SDL_QUIT) plat_quit();
        else if (e.type == SDL_WINDOWEVENT) {
            if (gfx_update_scale(&a->gfx)) {
                text_set_density(&a->gfx);
                plat_layout(a->gfx.w, a->gfx.h);
            }
            a->dirty = true;
        } else if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) {
            a->dirty = true;
        } else if (a->comic_view.open && !a->settings_open && comic_view_event(&a->comic_view, &a->ui, &e)) {
            a->dirty = true;
        } else if (ui_event(&a->ui, &e)) {
            a->dirty = true;
        }
    }
    if (a->screen != APP_LOADING && plat_reload_requested()) reload_content(a); /* make dev */
    if (a->screen == APP_LOADING) pump_loading(a);
    if (a->screen == APP_ERROR) pump_phrases(a);
    else if (a->rest_requested && a->screen != APP_ERROR && !a->comic_view.url_id[0]) {
        if (a->rooms_deferred && a->deferred_requested) pump_deferred(a);
        if (a->screen != APP_ERROR && a->comics_loaded < a->manifest.comic_count) pump_comics(a);
        if (a->comics_loaded == a->manifest.comic_count && !a->rooms_deferred && !a->images_requested)
            request_images(a);
    }
    if (a->screen == APP_ENDING && !a->completion[0] && plat_completion_code(a->completion, sizeof a->completion))
        a->dirty = true; /* the server acknowledged the last answers: show the code HR can verify */
    if (a->view.field_open) {
        /* the page's text field: its text is the answer; Enter in it submits */
        char text[ROOM_VIEW_INPUT_MAX];
        bool submitted = false;
        if (!plat_text_field_poll(text, sizeof text, &submitted)) {
            a->view.field_open = false;
            a->dirty = true;
        } else if (strcmp(text, a->view.input) != 0 || submitted) {
            if (strcmp(text, a->view.input) != 0) a->view.input_checked = false; /* a new answer */
            snprintf(a->view.input, sizeof a->view.input, "%s", text);
            a->view.field_submitted = submitted;
            a->dirty = true;
        }
    }
    /* A running room timer redraws once a second, nothing else does when idle. */
    if (a->screen == APP_ROOM && a->view.timer_end_ms > 0 && !a->view.timer_done) {
        int second = (int)(plat_now_ms() / 1000.0);
        if (second != a->view.timer_second) {
            a->view.timer_second = second;
            a->dirty = true;
        }
    }
    if (dev_overlay_take_redraw()) a->dirty = true; /* make dev: the pointer moved over the scene */
    if (comic_view_animating(&a->comic_view, &a->assets)) a->dirty = true; /* a zoom under way draws every frame */
    if (!a->dirty) { /* sleep until input, a fetch, or the running timer's next second */
        bool ticking = a->screen == APP_ROOM && a->view.timer_end_ms > 0 && !a->view.timer_done;
        plat_idle(ticking ? 1000.0 - (double)((long long)plat_now_ms() % 1000) : -1.0);
        return;
    }
    /* At most TEXTS_PER_FRAME new texts are rasterised in a frame (text.h): a new screen's
       others are measured exactly and left for the next frames, which run again until every
       text is there, while the page keeps showing the last complete frame (and its mirror).
       A comic's zoom draws every frame at new sizes: it keeps drawing every text at once; so
       does the first screen, which nobody waits on a stutter of (and the first interactive
       frame comes sooner when its texts are not spread). */
    bool spread = a->marked_interactive && !comic_view_animating(&a->comic_view, &a->assets);
    text_frame_budget(spread ? TEXTS_PER_FRAME : 0);
    /* A pass may change state (an answer, a language): run again until it settles, so the
       frame we present always shows the newest state. Bounded: input is applied once. */
    /* (4: an answer is applied after the pass that gave it, and its verdict scrolled into view
       in the pass after the one that draws it.) */
    for (int pass = 0; pass < 4 && a->dirty; pass++) {
        a->dirty = false;
        SDL_Color bg = gfx_rgb(&a->gfx, GFX_BG);
        SDL_SetRenderDrawColor(a->gfx.renderer, bg.r, bg.g, bg.b, 255);
        SDL_RenderClear(a->gfx.renderer);
        ui_begin(&a->ui);
        view_ctx c = view_context(a);
        switch (a->screen) {
        case APP_LOADING: loading_pass(a); break;
        case APP_ERROR: a->phrases_state == 2 ? error_pass(a) : loading_pass(a); break;
        case APP_ROOM:
            if (a->room_wanted >= 0) { /* a door opened before its room came (pump_deferred) */
                loading_pass(a);
            } else if (a->comic_view.open) { /* a comic over the room (its intro, a reward, the hub's desk) */
                if (comic_view_pass(&a->comic_view, &c, a->hub >= 0 && a->room != a->hub)) c.dirty = true;
            } else {
                room_ctx rc = room_context(a, &c);
                room_view_pass(&a->view, &rc);
            }
            break;
        case APP_ENDING: {
            ending_ctx ec = {&c, &a->manifest, a->rooms, a->rooms_loaded, a->hub, &a->play, play_ms(a), a->completion};
            ending_view_pass(&a->ending, &ec);
            break;
        }
        case APP_COMIC: comic_view_standalone_pass(&a->comic_view, &c); break;
        }
        if (a->settings_open) settings_pass(a, &c);
        a->ui.hold = true; /* the mirror is published below, for the frame that is shown */
        ui_end(&a->ui, &a->gfx);
        apply_actions(a, &c);
    }
    a->dirty = false;
    /* Not presented while a text is left for later: SDL keeps this frame's draw commands queued
       (render batching) and the next frame clears over them, so the page never shows a screen
       without its texts. */
    bool complete = text_frame_complete();
    if (complete) {
        SDL_RenderPresent(a->gfx.renderer);
        gfx_shown();
        /* The mirror of the last pass, the one shown, with the news of every pass since the last
           shown frame: a pass that was not shown (an earlier pass of this frame, or a frame left
           for later) never reaches the page, so tests and screen readers read what is seen. */
        ui_publish(&a->ui);
    } else {
        a->dirty = true;
    }
    if (a->save_pending) {
        a->save_pending = false;
        save_progress(a);
    }
    if (a->lms_pending) report_to_lms(a);
    plat_frame_stats(plat_now_ms() - t0, text_frame().renders, complete);
    if (!complete) return;
    if (!a->marked_first_frame) {
        a->marked_first_frame = true;
        plat_mark("first-frame");
    }
    if (a->screen == APP_ERROR && a->fonts_ready && a->phrases_state == 2 && !a->marked_error) {
        a->marked_error = true;
        plat_mark("error"); /* the page takes its own "loading" line away: the card says what is wrong */
    }
    if ((a->screen == APP_ROOM || a->screen == APP_ENDING || a->screen == APP_COMIC) && !a->marked_interactive) {
        a->marked_interactive = true;
        plat_mark("interactive");
    }
    if (a->marked_interactive && a->manifest_ready && !a->rest_requested && a->screen != APP_LOADING) request_rest(a);
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
    static app a; /* large (progress, mirror buffers, pools): static, not on the stack */
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
    plat_layout(a.gfx.w, a.gfx.h);
    set_language(&a, initial_language());
    load_settings(&a);
    a.seed = player_seed();
    a.hub = -1;
    a.room_wanted = -1;
    for (int f = 0; f < START_FACES; f++) a.f_fonts[f] = asset_request(&a.assets, FONT_FILES[f]);
    snprintf(a.content, sizeof a.content, "levels/");
    if (!comic_view_request_from_url(&a.comic_view, &a.diags)) request_manifest(&a);
    a.screen = APP_LOADING;
    a.dirty = true;
    SDL_StartTextInput();
    plat_mark("started");
    plat_run(frame, &a);

    /* native only: the web never returns from plat_run */
    for (int i = 0; i < a.rooms_loaded; i++) level_free_room(&a.rooms[i]);
    for (int i = 0; i < a.comics_loaded; i++) comic_free(&a.comics[i]);
    if (a.manifest_ready) level_free_game(&a.manifest);
    diag_phrasebook_free(&a.phrases);
    comic_view_shutdown(&a.comic_view);
    resume_writer_free(&a.lms);
    asset_clear(&a.assets);
    text_shutdown();
    gfx_shutdown(&a.gfx);
    SDL_Quit();
    return 0;
}
