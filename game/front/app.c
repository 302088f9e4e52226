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

#include <SDL.h>

#include "app.h"
#include "../core/jsonx.h"

static const char *const FONT_FILES[TEXT_FACE_COUNT] = {
    "fonts/ui-regular.ttf", "fonts/ui-bold.ttf", "fonts/comic.ttf",
};
static const char *const SAVE_KEY = "pakopeli.save";
static const char *const SETTINGS_KEY = "pakopeli.settings";

/* Keys of the chrome's controls (views use kinds 2..31, see room_view.c). */
enum { K_LANG = 1, K_SETTINGS = 40, K_HUB = 41, K_ZOOM = 42, K_CONTRAST = 43, K_MOTION = 44,
       K_RESTART = 45, K_CLOSE_SETTINGS = 46 };
#define KEY(kind, i) (((uint32_t)(kind) << 16) | (uint32_t)(i))

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

void app_request_asset(app *a, const char *path) { request_asset(a, path); }

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

void app_set_language(app *a, i18n_lang lang)
{
    a->lang = lang;
    plat_store_set("pakopeli.lang", i18n_code(lang));
    plat_page_language(i18n_code(lang));
    a->ui.role_names[UI_BUTTON] = str(lang, STR_ROLE_BUTTON);
    a->ui.role_names[UI_PLACE] = str(lang, STR_ROLE_PLACE);
    a->ui.role_names[UI_OPTION] = str(lang, STR_ROLE_OPTION);
    a->ui.role_names[UI_LINK] = str(lang, STR_ROLE_LINK);
    a->dirty = true;
}

/* ---- progress ----------------------------------------------------------------------------- */

double app_play_ms(const app *a) { return a->clock_base_ms + (plat_now_ms() - a->session_start_ms); }

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

void app_answer(app *a, const char *puzzle_id, const char *const *ids, int n, game_result *res)
{
    report_event ev;
    const char *room = a->manifest.rooms[a->room].id;
    bool made = n < 0 ? report_hint_make(&ev, a->seq + 1, room, puzzle_id, app_play_ms(a))
                      : report_event_make(&ev, a->seq + 1, room, puzzle_id, ids, n, app_play_ms(a));
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

void app_restart(app *a)
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
    a->rating = 0;
    a->completion[0] = '\0';
    a->feedback_sent = false;
    a->intro_seen = 0;
    play_begin(&a->play, &a->manifest);
    for (int i = 0; i < a->rooms_loaded; i++) play_attach_room(&a->play, i, &a->rooms[i]);
    a->screen = APP_ROOM;
    a->settings_open = false;
    app_enter_room(a, a->hub >= 0 ? a->hub : 0);
}

void app_enter_room(app *a, int i)
{
    if (i < 0 || i >= a->rooms_loaded || !play_room_open(&a->play, i)) return;
    a->room = i;
    a->lms_pending = true; /* the resume state says where the player is */
    ui_announce_reset(&a->ui); /* a room entered again says its title and task again */
    plat_store_set("pakopeli.where", a->manifest.rooms[i].id);
    room_view_begin(a);
}

/* ---- chrome ------------------------------------------------------------------------------- */

bool app_button(app *a, uint32_t key, SDL_Rect r, const char *label, bool primary)
{
    return app_button_ex(a, key, r, label, label, primary);
}

bool app_button_ex(app *a, uint32_t key, SDL_Rect r, const char *label, const char *spoken, bool primary)
{
    gfx *g = &a->gfx;
    ui_state s = ui_item(&a->ui, key, r, spoken, UI_BUTTON);
    gfx_round_fill(g, r, 8, primary ? GFX_ACCENT : GFX_BORDER);
    if (!primary)
        gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
    else if (s.hovered)
        gfx_outline(g, r, GFX_TEXT, 2);
    text_draw_in(g, label, (text_style){TEXT_BOLD, 17, primary ? GFX_ON_ACCENT : GFX_TEXT, TEXT_CENTER},
                 (SDL_Rect){r.x + 8, r.y, r.w - 16, r.h});
    return s.activated;
}

int app_scroll_begin(app *a, SDL_Rect view, app_scroll *s)
{
    if (a->ui.wheel && gfx_contains(view, a->ui.mouse_x, a->ui.mouse_y)) s->offset -= a->ui.wheel * 48;
    if (a->ui.scroll_drag && !a->ui.drag_key && gfx_contains(view, a->ui.press_x, a->ui.press_y))
        s->offset -= a->ui.scroll_drag; /* a swipe: the content follows the finger */
    int max = s->content_h - view.h;
    if (s->offset > max) s->offset = max;
    if (s->offset < 0) s->offset = 0;
    SDL_RenderSetClipRect(a->gfx.renderer, &view);
    ui_clip(&a->ui, view);
    return view.y - s->offset;
}

void app_scroll_end(app *a, SDL_Rect view, app_scroll *s, int top, int bottom)
{
    gfx *g = &a->gfx;
    s->content_h = bottom - top;
    ui_clip_end(&a->ui);
    SDL_RenderSetClipRect(g->renderer, NULL);
    /* keep the keyboard focus in view */
    SDL_Rect f = a->ui.focus_rect;
    int before = s->offset;
    if (a->ui.focus_visible && a->ui.focus_key && f.x >= view.x && f.x < view.x + view.w) {
        if (f.y < view.y && f.y + f.h > view.y - s->content_h) s->offset -= view.y - f.y + 12;
        else if (f.y + f.h > view.y + view.h && f.y < view.y + s->content_h) s->offset += f.y + f.h - (view.y + view.h) + 12;
    }
    if (s->offset != before) a->dirty = true; /* draw again with the focus in view; once */
    if (s->content_h > view.h) {
        /* a scroll bar, so it is visible that there is more */
        int bar_h = view.h * view.h / s->content_h;
        int bar_y = view.y + (view.h - bar_h) * s->offset / (s->content_h - view.h);
        gfx_round_fill(g, (SDL_Rect){view.x + view.w - 8, bar_y, 6, bar_h}, 3, GFX_BORDER);
    }
}

/* room_layout's measure callback: text.c's measurement at the player's text size. */
static void measure_text(void *ctx, int face, int size, const char *s, int wrap, int *w, int *h)
{
    text_measure(ctx, s, (text_style){face ? TEXT_BOLD : TEXT_REGULAR, size, GFX_TEXT, TEXT_LEFT}, wrap, w, h);
}

rl_measure app_measure(app *a) { return (rl_measure){&a->gfx, measure_text}; }

int app_top_bar(app *a, const char *title) { return app_top_bar_at(a, title, 0); }

int app_top_bar_at(app *a, const char *title, int y0)
{
    gfx *g = &a->gfx;
    bool back = a->screen == APP_ROOM && a->hub >= 0 && a->room != a->hub;
    const char *names[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++) names[l] = str((i18n_lang)l, STR_LANGUAGE_NAME);
    rl_measure m = app_measure(a);
    rl_top_bar bar;
    rl_top_bar_layout(&m, g->w, a->settings.text_zoom, back ? str(a->lang, STR_BACK_TO_HUB) : NULL, title,
                      str(a->lang, STR_SETTINGS), names, &bar);
    if (bar.h != a->bar_h) { /* the screen below it was laid out for another height */
        a->bar_h = bar.h;
        a->dirty = true;
    }
    gfx_fill(g, (SDL_Rect){0, y0, g->w, bar.h}, GFX_SURFACE);
    gfx_fill(g, (SDL_Rect){0, y0 + bar.h - 1, g->w, 1}, GFX_BORDER);
#define AT(r) ((SDL_Rect){(r).x, (r).y + y0, (r).w, (r).h})
    ui_heading(&a->ui, title);
    text_style ts = {TEXT_BOLD, RL_TS_TITLE, GFX_TEXT, TEXT_LEFT};
    if (rl_stacked(g->w)) text_draw(g, title, ts, bar.title.x, bar.title.y + y0, bar.title.w);
    else text_draw_in(g, title, ts, AT(bar.title));
    if (back && app_button(a, KEY(K_HUB, 0), AT(bar.back), str(a->lang, STR_BACK_TO_HUB), false))
        app_enter_room(a, a->hub);
    if (app_button(a, KEY(K_SETTINGS, 0), AT(bar.settings), str(a->lang, STR_SETTINGS), false)) {
        a->settings_open = true;
        ui_focus(&a->ui, KEY(K_CLOSE_SETTINGS, 0));
        a->dirty = true;
    }
    for (int l = 0; l < LANG_COUNT; l++) {
        bool current = l == (int)a->lang;
        text_style st = {current ? TEXT_BOLD : TEXT_REGULAR, RL_TS_LANG, current ? GFX_TEXT : GFX_ACCENT, TEXT_CENTER};
        SDL_Rect r = AT(bar.lang[l]);
        char label[64];
        snprintf(label, sizeof label, "%s%s%s", names[l], current ? ", " : "", current ? str(a->lang, STR_SELECTED) : "");
        /* the name is in its own language: a screen reader says it right (lang, WCAG 3.1.2) */
        ui_state s = ui_item_lang(&a->ui, KEY(K_LANG, l), r, label, UI_BUTTON, i18n_code((i18n_lang)l));
        text_draw_in(g, names[l], st, r);
        if (current) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 3}, GFX_ACCENT);
        else if (s.hovered) gfx_fill(g, (SDL_Rect){r.x + 10, r.y + r.h - 6, r.w - 20, 1}, GFX_ACCENT);
        if (s.activated && !current) app_set_language(a, (i18n_lang)l);
    }
#undef AT
    return bar.h;
}

bool app_dialog(app *a, const char *title, const char *body, const char *extra, uint32_t key,
                const char *button, bool esc_closes)
{
    gfx *g = &a->gfx;
    gfx_fill(g, (SDL_Rect){0, 0, g->w, g->h}, GFX_SHADE);
    rl_measure m = app_measure(a);
    rl_dialog d;
    rl_dialog_layout(&m, g->w, g->h, a->settings.text_zoom, title, body, extra, &d);
    if (a->dialog_key != key) { /* another dialog: its text starts from the top */
        a->dialog_key = key;
        a->dialog_scroll = (app_scroll){0, 0};
    }
    gfx_card(g, d.card, 16);
    int wrap = d.card.w - 2 * d.pad;
    ui_dialog_begin(&a->ui, title);
    int top = app_scroll_begin(a, d.view, &a->dialog_scroll), y = top;
    y += text_draw(g, title, (text_style){TEXT_BOLD, RL_TS_DIALOG_TITLE, GFX_TEXT, TEXT_LEFT}, d.view.x, y, wrap);
    if (body && body[0]) {
        y += 16 + text_draw(g, body, (text_style){TEXT_REGULAR, RL_TS_DIALOG_BODY, GFX_TEXT, TEXT_LEFT}, d.view.x, y + 16, wrap);
        ui_say(&a->ui, body);
        ui_announce(&a->ui, 0, body);
    }
    if (extra && extra[0]) {
        y += 16 + text_draw(g, extra, (text_style){TEXT_BOLD, RL_TS_DIALOG_EXTRA, GFX_ACCENT, TEXT_LEFT}, d.view.x, y + 16, wrap);
        ui_say(&a->ui, extra);
        ui_announce(&a->ui, 0, extra);
    }
    app_scroll_end(a, d.view, &a->dialog_scroll, top, y);
    bool pressed = app_button(a, key, d.button, button, true) || (esc_closes && a->ui.escape);
    ui_dialog_end(&a->ui);
    return pressed;
}

void app_settings_pass(app *a)
{
    gfx *g = &a->gfx;
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
    int top = app_scroll_begin(a, view, &a->settings_scroll);
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
        if (app_button_ex(a, KEY(K_ZOOM, i), r, visible, label, on)) {
            a->settings.text_zoom = zooms[i];
            apply_settings(a);
        }
    }
    y += row + 16;
    char label[96];
    snprintf(label, sizeof label, "%s: %s", str(a->lang, STR_HIGH_CONTRAST),
             str(a->lang, a->settings.high_contrast ? STR_ON : STR_OFF));
    if (app_button(a, KEY(K_CONTRAST, 0), (SDL_Rect){x, y, cw, row}, label, false)) {
        a->settings.high_contrast = !a->settings.high_contrast;
        apply_settings(a);
    }
    y += row + 12;
    snprintf(label, sizeof label, "%s: %s", str(a->lang, STR_REDUCED_MOTION),
             str(a->lang, a->settings.reduced_motion ? STR_ON : STR_OFF));
    if (app_button(a, KEY(K_MOTION, 0), (SDL_Rect){x, y, cw, row}, label, false)) {
        a->settings.reduced_motion = !a->settings.reduced_motion;
        apply_settings(a);
    }
    y += row + 12;
    if (app_button(a, KEY(K_RESTART, 0), (SDL_Rect){x, y, cw, row}, str(a->lang, STR_RESTART), false)) app_restart(a);
    y += row + 24;
    bool close = app_button(a, KEY(K_CLOSE_SETTINGS, 0), (SDL_Rect){x, y, cw < 220 ? cw : 220, row}, str(a->lang, STR_CLOSE), true);
    app_scroll_end(a, view, &a->settings_scroll, top, y + row + 24);
    if (close || a->ui.escape) {
        a->settings_open = false;
        ui_focus(&a->ui, KEY(K_SETTINGS, 0));
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

static bool pump_fonts(app *a)
{
    for (int f = 0; f < TEXT_FACE_COUNT; f++)
        if (plat_fetch_state(a->f_fonts[f]) == PLAT_FETCH_PENDING) return false;
    for (int f = 0; f < TEXT_FACE_COUNT; f++) {
        size_t len = 0;
        const char *d = plat_fetch_data(a->f_fonts[f], &len);
        if (d) text_set_face((text_face)f, d, len);
        plat_fetch_release(a->f_fonts[f]);
    }
    if (!text_has_face(TEXT_REGULAR)) {
        fail_io(a, FONT_FILES[TEXT_REGULAR]);
        return false;
    }
    a->fonts_ready = true;
    a->dirty = true;
    return true;
}

static bool pump_manifest(app *a)
{
    if (plat_fetch_state(a->f_manifest) == PLAT_FETCH_PENDING) return false;
    size_t len = 0;
    const char *d = plat_fetch_data(a->f_manifest, &len);
    bool ok = d && level_load_game(&a->manifest, "levels/game.json", d, len, &a->diags);
    plat_fetch_release(a->f_manifest);
    if (!d) fail_io(a, "levels/game.json");
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
        return false;
    }
    a->manifest_ready = true;
    level_apply_game_settings(&a->manifest, "levels/game.json", &a->diags);
    /* Every room is fetched at once: they are small, and the last door needs all their parts. */
    for (int i = 0; i < a->manifest.room_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "levels/%s", a->manifest.rooms[i].file);
        a->f_rooms[i] = plat_fetch_start(path);
    }
    /* comics too: small JSON; their images load only when one is opened */
    for (int i = 0; i < a->manifest.comic_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "levels/%s", a->manifest.comics[i].file);
        a->f_comics[i] = plat_fetch_start(path);
    }
    return true;
}

/* Loads the manifest's comics once their files are in; false while waiting or on errors. */
static bool pump_comics(app *a)
{
    for (int i = 0; i < a->manifest.comic_count; i++)
        if (plat_fetch_state(a->f_comics[i]) == PLAT_FETCH_PENDING) return false;
    bool ok = true;
    for (int i = 0; i < a->manifest.comic_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "levels/%s", a->manifest.comics[i].file);
        size_t len = 0;
        const char *d = plat_fetch_data(a->f_comics[i], &len);
        if (!d) {
            fail_io(a, path);
            ok = false;
        } else if (ok && comic_load(&a->comics[i], path, d, len, &a->diags)) {
            a->comics_loaded = i + 1;
        } else {
            ok = false;
        }
        plat_fetch_release(a->f_comics[i]);
    }
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
    }
    return ok;
}

bool app_open_comic(app *a, const char *id)
{
    for (int i = 0; id && i < a->comics_loaded; i++) {
        if (strcmp(a->manifest.comics[i].id, id) == 0) {
            comic_view_open(a, &a->comics[i]);
            a->dirty = true;
            return true;
        }
    }
    return false;
}

static bool pump_rooms(app *a)
{
    for (int i = 0; i < a->manifest.room_count; i++)
        if (plat_fetch_state(a->f_rooms[i]) == PLAT_FETCH_PENDING) return false;
    bool ok = true;
    for (int i = 0; i < a->manifest.room_count; i++) {
        char path[200];
        snprintf(path, sizeof path, "levels/%s", a->manifest.rooms[i].file);
        size_t len = 0;
        const char *d = plat_fetch_data(a->f_rooms[i], &len);
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
        plat_fetch_release(a->f_rooms[i]);
    }
    if (!ok) {
        a->screen = APP_ERROR;
        a->dirty = true;
        return false;
    }
    a->rooms_ready = true;
    for (int i = 0; i < a->rooms_loaded; i++) {
        request_asset(a, a->rooms[i].background);
        for (int k = 0; k < a->rooms[i].widget_count; k++) request_asset(a, a->rooms[i].widgets[k].image);
        for (int k = 0; k < a->rooms[i].item_count; k++) request_asset(a, a->rooms[i].items[k].icon);
    }
    return true;
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
    a->room = start;
    room_view_begin(a);
    if (a->seq > 0) {
        a->view.intro_open = false; /* a returning player goes straight on */
        if (a->hub >= 0) a->intro_seen |= 1u << a->hub;
    }
}

static void pump_loading(app *a)
{
    if (!a->fonts_ready && !pump_fonts(a)) return;
    if (a->comic_view.url_id[0]) { /* ?comic=id: a comic alone (comic_view.c) */
        comic_view_pump_loading(a);
        return;
    }
    if (!a->manifest_ready && !pump_manifest(a)) return;
    if (!a->rooms_ready && !pump_rooms(a)) return;
    if (a->comics_loaded < a->manifest.comic_count && !pump_comics(a)) return;
    if (assets_pending(a)) return;
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
    a->manifest_ready = a->rooms_ready = false;
    memset(&a->diags, 0, sizeof a->diags);
    a->seq = 0; /* resume() numbers the replayed answers from here */
    a->f_manifest = plat_fetch_start("levels/game.json");
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

static void error_pass(app *a)
{
    gfx *g = &a->gfx;
    SDL_Rect card = {40, 40, g->w - 80, g->h - 80};
    gfx_card(g, card, 16);
    gfx_fill(g, (SDL_Rect){card.x, card.y + 16, 6, card.h - 32}, GFX_BAD);
    int x = card.x + 40, w = card.w - 80, y = card.y + 36;
    if (!a->fonts_ready) return;
    y += text_draw(g, str(a->lang, STR_ERROR_TITLE), (text_style){TEXT_BOLD, 26, GFX_TEXT, TEXT_LEFT}, x, y, w) + 20;
    ui_say(&a->ui, str(a->lang, STR_ERROR_TITLE));
    for (int i = 0; i < a->diags.count && y < card.y + card.h - 100; i++) {
        if (a->diags.items[i].severity != DIAG_ERROR) continue;
        char line[DIAG_MSG_MAX + DIAG_PATH_MAX + DIAG_FILE_MAX + 40];
        diag_format(&a->diags.items[i], line, sizeof line);
        y += text_draw(g, line, (text_style){TEXT_REGULAR, 18, GFX_TEXT, TEXT_LEFT}, x, y, w) + 12;
        ui_say(&a->ui, line);
    }
    text_draw(g, str(a->lang, STR_ERROR_HELP), (text_style){TEXT_REGULAR, 17, GFX_MUTED, TEXT_LEFT}, x,
              card.y + card.h - 60, w);
    ui_say(&a->ui, str(a->lang, STR_ERROR_HELP));
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
        } else if (a->comic_view.open && comic_view_event(a, &e)) {
            a->dirty = true;
        } else if (ui_event(&a->ui, &e)) {
            a->dirty = true;
        }
    }
    if (a->screen != APP_LOADING && plat_reload_requested()) reload_content(a); /* make dev */
    if (a->screen == APP_LOADING) pump_loading(a);
    if (a->screen == APP_ENDING && !a->completion[0] && plat_completion_code(a->completion, sizeof a->completion))
        a->dirty = true; /* the server acknowledged the last answers: show the code HR can verify */
    if (a->view.field_open) {
        /* the page's text field: its text is the answer; Enter in it submits */
        char text[APP_INPUT_MAX];
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
    if (comic_view_animating(a)) a->dirty = true; /* a zoom under way draws every frame */
    if (!a->dirty) { /* sleep until input, a fetch, or the running timer's next second */
        bool ticking = a->screen == APP_ROOM && a->view.timer_end_ms > 0 && !a->view.timer_done;
        plat_idle(ticking ? 1000.0 - (double)((long long)plat_now_ms() % 1000) : -1.0);
        return;
    }
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
        case APP_ENDING: ending_view_pass(a); break;
        case APP_COMIC: comic_view_standalone_pass(a); break;
        }
        if (a->settings_open) app_settings_pass(a);
        ui_end(&a->ui, &a->gfx);
    }
    a->dirty = false;
    SDL_RenderPresent(a->gfx.renderer);
    if (a->save_pending) {
        a->save_pending = false;
        save_progress(a);
    }
    if (a->lms_pending) report_to_lms(a);
    if (!a->marked_first_frame) {
        a->marked_first_frame = true;
        plat_mark("first-frame");
    }
    plat_frame_stats(plat_now_ms() - t0, text_frame().renders);
    if ((a->screen == APP_ROOM || a->screen == APP_ENDING || a->screen == APP_COMIC) && !a->marked_interactive) {
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
    app_set_language(&a, initial_language());
    load_settings(&a);
    a.hub = -1;
    for (int f = 0; f < TEXT_FACE_COUNT; f++) a.f_fonts[f] = plat_fetch_start(FONT_FILES[f]);
    if (!comic_view_request_from_url(&a)) a.f_manifest = plat_fetch_start("levels/game.json");
    a.screen = APP_LOADING;
    a.dirty = true;
    SDL_StartTextInput();
    plat_mark("started");
    plat_run(frame, &a);

    /* native only: the web never returns from plat_run */
    for (int i = 0; i < a.rooms_loaded; i++) level_free_room(&a.rooms[i]);
    for (int i = 0; i < a.comics_loaded; i++) comic_free(&a.comics[i]);
    if (a.manifest_ready) level_free_game(&a.manifest);
    comic_view_shutdown(&a);
    resume_writer_free(&a.lms);
    for (int i = 0; i < a.asset_count; i++) plat_fetch_release(a.assets[i].fetch);
    text_shutdown();
    gfx_shutdown(&a.gfx);
    SDL_Quit();
    return 0;
}
