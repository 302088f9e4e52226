/* room_view.c - the room screen (see room_view.h): the mock application scene, the puzzle
 * panel beside it (or below it on a narrow screen), and the room's intro and "solved" dialogs.
 *
 * Each puzzle kind has a panel body below; every answer leaves as a VIEW_ANSWER action, which
 * app.c checks in the core, saves and reports, and hands back to room_view_answered.
 */
#include "room_view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../platform/platform.h"
#include "../core/seal.h"
#include "dev_overlay.h"
#include "text.h"
#include "ui_keys.h"

/* One pass: the view's own state, what it reads, and the shortcuts every helper uses. */
typedef struct room_pass {
    room_view *v;
    const room_ctx *rc;
    view_ctx *c;
    gfx *g;
    ui *ui;
} room_pass;

/* The scene drawn at scale with its top left at (ox, oy) on screen. */
typedef struct scene_xf {
    float scale;
    int ox, oy;
} scene_xf;

static SDL_Rect to_screen(scene_xf xf, level_rect r)
{
    return (SDL_Rect){xf.ox + (int)((float)r.x * xf.scale), xf.oy + (int)((float)r.y * xf.scale),
                      (int)((float)r.w * xf.scale), (int)((float)r.h * xf.scale)};
}

static const level_room *cur_room(const room_pass *rp) { return &rp->rc->rooms[rp->rc->room]; }
static const game_state *cur_state(const room_pass *rp) { return &rp->rc->play->room_state[rp->rc->room]; }

/* ---- entering a room and a puzzle --------------------------------------------------------- */

/* A non-identity shuffle, the same for the same seed: never already solved (an ordering), never
   the author's order (a choice). */
static void shuffle(int *out, int n, unsigned seed)
{
    for (int i = 0; i < n; i++) out[i] = i;
    for (int i = n - 1; i > 0; i--) {
        seed = seed * 1103515245u + 12345u;
        int j = (int)((seed >> 16) % (unsigned)(i + 1));
        int t = out[i];
        out[i] = out[j];
        out[j] = t;
    }
    bool identity = true;
    for (int i = 0; i < n; i++) identity = identity && out[i] == i;
    if (identity && n > 1) {
        int t = out[0];
        out[0] = out[1];
        out[1] = t;
    }
}

static void open_puzzle(room_pass *rp, int i)
{
    room_view *v = rp->v;
    if (v->field_open) plat_text_field_close();
    v->field_open = false;
    v->current = i;
    v->has_feedback = false;
    v->chosen = 0;
    v->wrong_place = -1;
    v->pick_left = -1;
    v->held_item = -1;
    v->input[0] = '\0';
    v->input_checked = false;
    v->scroll.offset = 0;
    v->pan_to_task = i >= 0;
    v->reveal_task = i >= 0;
    if (i < 0) return;
    const level_puzzle *p = &cur_room(rp)->puzzles[i];
    unsigned seed = 2166136261u;
    for (const char *c = p->id; *c; c++) seed = (seed ^ (unsigned char)*c) * 16777619u;
    shuffle(v->order, p->option_count, seed);
    if (p->kind == LEVEL_P_ORDER) {
        /* never shown already in the right order (Check would say "Right" for nothing done). The
           shuffle above avoids the file's order, but a sealed room ships its steps shuffled, so
           the file's order is not the right one: ask the answer key (plain or sealed) */
        bool right = p->option_count > 1;
        for (int k = 0; k < p->option_count && right; k++) right = seal_step_right(cur_room(rp), p, v->order[k], k);
        if (right) {
            int t = v->order[0];
            v->order[0] = v->order[1];
            v->order[1] = t;
        }
    }
    shuffle(v->shuffle, p->option_count, seed ^ 0x5bd1e995u);
    /* a choice's options in this player's own order: the right one is not always where the
       author wrote it (first, say), and the order stays the same each time this player comes */
    shuffle(v->choice_order, p->option_count, (seed ^ rp->rc->seed) * 2654435761u + rp->rc->seed);
    for (int k = 0; k < LEVEL_MAX_OPTIONS; k++) v->pairs[k] = -1;
}

void room_view_begin(room_view *v, const room_ctx *rc, bool show_intro)
{
    room_pass pass = {v, rc, rc->c, rc->c->g, rc->c->ui}, *rp = &pass;
    memset(v, 0, sizeof *v);
    v->intro_open = !i18n_empty(&cur_room(rp)->intro) && show_intro;
    open_puzzle(rp, game_next_puzzle(cur_state(rp)));
    if (!v->intro_open && cur_room(rp)->timer_minutes > 0 && !cur_state(rp)->room_solved)
        v->timer_end_ms = rp->c->now_ms + cur_room(rp)->timer_minutes * 60000.0;
    ui_focus(rp->ui, v->intro_open ? uik(UIK_START, 0) : 0);
    v->focus_task = !v->intro_open;
    rp->c->dirty = true;
}

/* An answer leaves as an action; its verdict comes back through room_view_answered. */
static void submit(room_pass *rp, const char *puzzle_id, const char *const *ids, int n)
{
    view_action act = {.kind = VIEW_ANSWER, .id = puzzle_id, .n = n};
    for (int i = 0; i < n && i < LEVEL_MAX_OPTIONS; i++) act.ids[i] = ids[i];
    view_emit(rp->c, &act);
}

void room_view_answered(room_view *v, const room_ctx *rc, const game_result *res)
{
    room_pass pass = {v, rc, rc->c, rc->c->g, rc->c->ui}, *rp = &pass;
    game_result r = *res;
    if (r.verdict == GAME_INVALID || r.verdict == GAME_LOCKED) return;
    v->feedback = r;
    v->has_feedback = true;
    v->feedback_seq++;
    v->reveal = 1; /* the verdict is scrolled into view once it is drawn */
    const level_puzzle *p = &cur_room(rp)->puzzles[r.puzzle];
    v->wrong_place = (p->kind == LEVEL_P_HOTSPOTS && r.verdict == GAME_WRONG) ? r.option : -1;
    if (r.verdict == GAME_RIGHT) {
        v->chosen = 0;
        v->held_item = -1;
        /* solved: the way on is the next thing to press (the options are no longer controls) */
        if (cur_state(rp)->puzzles[r.puzzle].solved) ui_focus(rp->ui, uik(UIK_NEXT, 0));
        if (p->final_code && rp->rc->play->escaped) view_emit_kind(rp->c, VIEW_ENDING, 0); /* the last door is open */
        if (p->comic) view_emit(rp->c, &(view_action){.kind = VIEW_OPEN_COMIC, .id = p->comic}); /* a reward */
        if (v->field_open) {
            plat_text_field_close();
            v->field_open = false;
        }
    }
    if (r.verdict == GAME_WRONG && (p->kind == LEVEL_P_CODE || p->kind == LEVEL_P_TEXT)) {
        /* what was typed stays in sight beside "Not quite"; typing again starts afresh */
        v->input_checked = true;
        if (v->field_open) { /* a phone's keyboard would hide the feedback: put it away */
            plat_text_field_close();
            v->field_open = false;
        }
    }
}

/* ---- the scene ---------------------------------------------------------------------------- */

static gfx_color tone_color(level_tone t)
{
    static const gfx_color c[LEVEL_TONE_COUNT] = {GFX_TEXT, GFX_MUTED, GFX_ACCENT, GFX_BAD, GFX_ACCENT};
    return c[t];
}

/* Scene text scales with the scene, not with the text-size setting: the scene is a picture
   of a screen, and everything in it is also in the mirror and the panel. Where each text goes
   is room_layout's (the linter measures the same boxes). */
static void widget_text(room_pass *rp, const char *t, const rl_box *b, float scale, gfx_color color, text_align align)
{
    text_style st = {b->face ? TEXT_BOLD : TEXT_REGULAR, rl_scene_style_size(b->size, scale, rp->c->text_zoom),
                     color, align};
    if (b->middle) text_draw_in(rp->g, t, st, b->r);
    else text_draw(rp->g, t, st, b->r.x, b->r.y, b->r.w);
}

static void draw_widget(room_pass *rp, const level_widget *w, SDL_Rect r, float scale, bool door_open)
{
    gfx *g = rp->g;
    const char *t = i18n_get(&w->text, rp->c->lang);
    gfx_color color = tone_color(w->tone);
    rl_box b;
    bool has_box = rl_widget_box(w, r, scale, &b);
    switch (w->type) {
    case LEVEL_W_WINDOW: {
        SDL_Rect bar = {r.x, r.y, r.w, (int)(36 * scale)};
        gfx_fill(g, r, GFX_SURFACE);
        gfx_fill(g, bar, GFX_SURFACE_ALT);
        gfx_outline(g, r, GFX_BORDER, 1);
        gfx_fill(g, (SDL_Rect){bar.x, bar.y + bar.h - 1, bar.w, 1}, GFX_BORDER);
        break;
    }
    case LEVEL_W_TOOLBAR:
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - 1, r.w, 1}, GFX_BORDER);
        if (w->tone == LEVEL_TONE_NORMAL) color = GFX_MUTED;
        break;
    case LEVEL_W_LIST: {
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_fill(g, (SDL_Rect){r.x + r.w - 1, r.y, 1, r.h}, GFX_BORDER);
        SDL_Rect row;
        rl_box rb;
        for (int i = 0; i < w->row_count && rl_list_row(w, r, scale, i, &row, &rb); i++) {
            if (i == 0) {
                gfx_fill(g, row, GFX_SURFACE);
                gfx_fill(g, (SDL_Rect){row.x, row.y, 4, row.h}, GFX_ACCENT);
            }
            gfx_fill(g, (SDL_Rect){row.x, row.y + row.h - 1, row.w, 1}, GFX_BORDER);
            widget_text(rp, i18n_get(&w->rows[i], rp->c->lang), &rb, scale, color, TEXT_LEFT);
        }
        return;
    }
    case LEVEL_W_BUTTON:
        if (w->tone == LEVEL_TONE_LINK) {
            text_style st = {b.face ? TEXT_BOLD : TEXT_REGULAR, rl_scene_style_size(b.size, scale, rp->c->text_zoom),
                             color, TEXT_LEFT};
            int tw, th;
            text_measure(g, t, st, b.r.w, &tw, &th);
            int y = b.r.y + (b.r.h - th) / 2;
            text_draw(g, t, st, b.r.x, y, b.r.w);
            gfx_fill(g, (SDL_Rect){b.r.x, y + th - 2, tw < b.r.w ? tw : b.r.w, 2}, GFX_ACCENT);
            return;
        }
        gfx_round_fill(g, r, 6, w->opens ? GFX_ACCENT : GFX_BORDER);
        gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 5,
                       w->opens && door_open ? GFX_SURFACE : GFX_SURFACE_ALT);
        if (has_box && t[0]) widget_text(rp, t, &b, scale, color, TEXT_CENTER);
        return;
    case LEVEL_W_TEXT: break;
    case LEVEL_W_CHAT: gfx_round_fill(g, r, 10, GFX_SURFACE_ALT); break;
    case LEVEL_W_ICON: {
        int side = r.h < r.w ? r.h : r.w;
        size_t len = 0;
        const char *bytes = asset_bytes(rp->c->assets, w->image, &len);
        gfx_image(g, w->image, bytes, len, (SDL_Rect){r.x, r.y, side, side});
        break;
    }
    case LEVEL_W_IMAGE: {
        size_t len = 0;
        const char *bytes = asset_bytes(rp->c->assets, w->image, &len);
        gfx_image(g, w->image, bytes, len, r);
        return;
    }
    case LEVEL_W_BOX:
    default:
        gfx_fill(g, r, GFX_SURFACE_ALT);
        gfx_outline(g, r, GFX_BORDER, 1);
        break;
    }
    if (has_box && t[0]) widget_text(rp, t, &b, scale, color, TEXT_LEFT);
}

/* What a screen reader says for a place: its name and the widget's own text, each word once.
   A name that is in the text, or a text in the name, is said once; a name that ends as the text
   begins ("Aihe: TOIMI HETI" over "TOIMI HETI: salasanasi vanhenee") is joined at the overlap,
   so the mirror never reads "TOIMI HETI: TOIMI HETI". */
static void place_label(const char *name, const char *text, char *out, size_t cap)
{
    if (!text[0] || strstr(name, text)) {
        snprintf(out, cap, "%s", name);
        return;
    }
    if (!name[0] || strstr(text, name)) {
        snprintf(out, cap, "%s", text);
        return;
    }
    size_t nl = strlen(name), tl = strlen(text);
    for (size_t k = nl < tl ? nl : tl; k >= 4; k--) { /* the longest overlap of whole words */
        bool word_start = k == nl || name[nl - k - 1] == ' ';
        bool word_end = k == tl || text[k] == ' ' || text[k] == ':' || text[k] == ',' || text[k] == '.';
        if (word_start && word_end && memcmp(name + nl - k, text, k) == 0) {
            snprintf(out, cap, "%s%s", name, text + k);
            return;
        }
    }
    snprintf(out, cap, "%s: %s", name, text);
}

/* The place of the current hotspot puzzle that covers widget w, or -1. */
static int place_of_widget(const level_puzzle *p, const level_widget *w)
{
    if (!p || p->kind != LEVEL_P_HOTSPOTS || !w->id) return -1;
    for (int i = 0; i < p->option_count; i++)
        if (p->options[i].widget && strcmp(p->options[i].widget, w->id) == 0) return i;
    return -1;
}

/* A door of the hub: the room it opens, or -1 (comic doors open from the comic viewer). */
static int door_room(const room_pass *rp, const level_widget *w)
{
    return w->opens ? level_find_room(rp->rc->manifest, w->opens) : -1;
}

/* Pans a scene wider than its view: the wheel sideways (or with Shift), a sideways swipe. */
static void pan_input(room_pass *rp, SDL_Rect view, int max_pan)
{
    room_view *v = rp->v;
    if (rp->ui->wheel_x && gfx_contains(view, rp->ui->mouse_x, rp->ui->mouse_y)) v->pan += (int)lroundf(rp->ui->wheel_x * 48.0f);
    if (rp->ui->scroll_drag_x && !rp->ui->drag_key && gfx_contains(view, rp->ui->press_x, rp->ui->press_y))
        v->pan -= rp->ui->scroll_drag_x;
    if (v->pan > max_pan) v->pan = max_pan;
    if (v->pan < 0) v->pan = 0;
}

/* The places a task is about, in scene units, those on the scene now: a search's places (all of
   them, so the pan tells nothing of which are right), a use's target, or else what the tasks
   it follows put on the scene for it (the access log a code is read from). */
static int task_places(const room_pass *rp, const level_puzzle *p, level_rect *out, int cap)
{
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    int n = 0;
    if (p->kind == LEVEL_P_HOTSPOTS) {
        for (int k = 0; k < p->option_count && n < cap; k++) {
            const level_widget *on = p->options[k].widget ? level_find_widget(room, p->options[k].widget) : NULL;
            if (on && !game_widget_visible(gs, (int)(on - room->widgets))) continue;
            out[n++] = p->options[k].rect;
        }
        return n;
    }
    if (p->kind == LEVEL_P_USE && p->use_place) {
        const level_widget *on = level_find_widget(room, p->use_place);
        if (on && game_widget_visible(gs, (int)(on - room->widgets))) out[n++] = on->rect;
        return n;
    }
    for (int r = 0; r < p->require_count; r++) {
        const level_puzzle *q = &room->puzzles[p->requires[r]];
        for (int k = 0; k < q->reveal_count && n < cap; k++)
            if (game_widget_visible(gs, q->reveals[k])) out[n++] = room->widgets[q->reveals[k]].rect;
    }
    return n;
}

static bool scene_key(uint32_t key)
{
    uik_kind kind = uik_kind_of(key);
    return kind == UIK_WIDGET || kind == UIK_PLACE || kind == UIK_DOOR;
}

static void scene_pass(room_pass *rp, const rl_screen *lay, int y_shift, bool interactive)
{
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    gfx *g = rp->g;
    SDL_Rect view = {lay->scene_view.x, lay->scene_view.y + y_shift, lay->scene_view.w, lay->scene_view.h};
    int max_pan = lay->scene_draw_w - view.w;
    bool pans = max_pan > 0;
    const level_puzzle *task = v->current >= 0 ? &room->puzzles[v->current] : NULL;
    if (pans && interactive && v->pan_to_task && task) { /* a task has opened: its places in view */
        level_rect places[LEVEL_MAX_OPTIONS + LEVEL_MAX_REQUIRES * LEVEL_MAX_EFFECTS];
        int n = task_places(rp, task, places, (int)(sizeof places / sizeof places[0]));
        v->pan = rl_pan_to(places, n, lay->scene_scale, view.w, max_pan, v->pan);
    }
    if (interactive) v->pan_to_task = false;
    if (pans && interactive) pan_input(rp, view, max_pan);
    else v->pan = 0;
    scene_xf xf = {lay->scene_scale, view.x - v->pan, view.y};
    /* a panned scene is clipped to its view, for the eye and for the pointer */
    SDL_Rect outer_clip;
    SDL_RenderGetClipRect(g->renderer, &outer_clip);
    bool outer_clipping = rp->ui->clipping;
    SDL_Rect outer_ui_clip = rp->ui->clip;
    if (pans) {
        SDL_Rect c = view;
        if (outer_clipping) SDL_IntersectRect(&view, &outer_ui_clip, &c);
        SDL_RenderSetClipRect(g->renderer, &c);
        ui_clip(rp->ui, c);
    }
    const level_puzzle *p = v->current >= 0 ? &room->puzzles[v->current] : NULL;
    bool open = p && !gs->puzzles[v->current].solved;
    bool hunting = interactive && open && p->kind == LEVEL_P_HOTSPOTS;
    bool using = interactive && open && p->kind == LEVEL_P_USE && v->held_item >= 0;

    SDL_Rect frame = {xf.ox, xf.oy, (int)((float)room->scene_w * xf.scale), (int)((float)room->scene_h * xf.scale)};
    gfx_fill(g, frame, GFX_SURFACE);
    if (room->background) {
        size_t len = 0;
        const char *bytes = asset_bytes(rp->c->assets, room->background, &len);
        gfx_image(g, room->background, bytes, len, frame);
    }
    ui_group_begin_at(rp->ui, str(rp->c->lang, STR_SCENE), frame);
    if (hunting && v->focus_task) { /* a search on the scene starts at its first place */
        ui_focus_first(rp->ui);
        v->focus_task = false;
    }
    for (int i = 0; i < room->widget_count; i++) {
        if (!game_widget_visible(gs, i)) continue;
        const level_widget *w = &room->widgets[i];
        SDL_Rect r = to_screen(xf, w->rect);
        int door = door_room(rp, w);
        bool door_open = door >= 0 && play_room_open(rp->rc->play, door);
        draw_widget(rp, w, r, xf.scale, door_open);
        const char *t = i18n_get(&w->text, rp->c->lang);
        const char *spoken = i18n_empty(&w->label) ? t : i18n_get(&w->label, rp->c->lang);
        int place = place_of_widget(p, w);
        bool has_text = spoken[0] || w->row_count > 0;
        bool comic_door = w->opens && strncmp(w->opens, "comic:", 6) == 0;
        if (interactive && comic_door) {
            ui_state s = ui_item(rp->ui, uik(UIK_DOOR, i), r, spoken, UI_BUTTON);
            if (s.hovered) gfx_outline(g, (SDL_Rect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, GFX_ACCENT, 2);
            if (s.activated) view_emit(rp->c, &(view_action){.kind = VIEW_OPEN_COMIC, .id = w->opens + 6});
        } else if (interactive && door >= 0) {
            char label[UI_LABEL_MAX];
            bool solved = play_room_solved(rp->rc->play, door);
            snprintf(label, sizeof label, "%s%s%s", spoken, solved || !door_open ? ", " : "",
                     solved ? str(rp->c->lang, STR_SOLVED_MARK) : !door_open ? str(rp->c->lang, STR_ROOM_LOCKED) : "");
            if (v->focus_task && !p && door_open && !solved) { /* the hub: the next room to play */
                ui_focus_first(rp->ui);
                v->focus_task = false;
            }
            ui_state s = ui_item(rp->ui, uik(UIK_DOOR, i), r, label, UI_BUTTON);
            if (s.hovered && door_open) gfx_outline(g, (SDL_Rect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, GFX_ACCENT, 2);
            if (solved) {
                SDL_Rect badge = {r.x + r.w - 14, r.y - 12, 26, 26};
                gfx_round_fill(g, badge, 13, GFX_OK);
                gfx_check(g, badge.x + 13, badge.y + 12, 14, GFX_ON_ACCENT);
            }
            if (s.activated && door_open) view_emit_kind(rp->c, VIEW_ENTER_ROOM, door);
        } else if ((hunting || using) &&
                   (place >= 0 || (has_text && w->type != LEVEL_W_WINDOW && w->type != LEVEL_W_LIST))) {
            /* Every readable widget is a candidate, so keyboard users get no list of answers. */
            const char *label = place >= 0 ? i18n_get(&p->options[place].text, rp->c->lang) : spoken;
            char full[UI_LABEL_MAX];
            place_label(label, spoken, full, sizeof full);
            ui_state s = ui_item(rp->ui, uik(UIK_WIDGET, i), r, full, UI_PLACE);
            if (s.hovered) gfx_outline(g, (SDL_Rect){r.x - 2, r.y - 2, r.w + 4, r.h + 4}, GFX_ACCENT, 1);
            if (s.activated && hunting) {
                const char *id = place >= 0 ? p->options[place].id : NULL;
                submit(rp, p->id, &id, place >= 0 ? 1 : 0);
            } else if (s.activated && using && w->id) {
                const char *ids[] = {room->items[v->held_item].id, w->id};
                submit(rp, p->id, ids, 2);
            }
        } else {
            ui_say(rp->ui, spoken);
            for (int k = 0; k < w->row_count; k++) ui_say(rp->ui, i18n_get(&w->rows[k], rp->c->lang));
        }
    }
    /* Places given as rectangles (on an author's screenshot) are items of their own. */
    if (hunting) {
        for (int k = 0; k < p->option_count; k++) {
            const level_option *o = &p->options[k];
            if (o->widget) continue;
            SDL_Rect r = to_screen(xf, o->rect);
            ui_state s = ui_item(rp->ui, uik(UIK_PLACE, k), r, i18n_get(&o->text, rp->c->lang), UI_PLACE);
            if (s.hovered) gfx_outline(g, r, GFX_ACCENT, 1);
            if (s.activated) submit(rp, p->id, &o->id, 1);
        }
        int mx, my;
        if (ui_missed_click(rp->ui, &mx, &my) && gfx_contains(frame, mx, my)) submit(rp, p->id, NULL, 0);
    }
    /* Found places keep a check mark; the last decoy gets a cross. Shapes, not colour alone. */
    for (int pi = 0; pi < room->puzzle_count; pi++) {
        const level_puzzle *q = &room->puzzles[pi];
        if (q->kind != LEVEL_P_HOTSPOTS) continue;
        for (int k = 0; k < q->option_count; k++) {
            bool found = gs->puzzles[pi].found & (1u << k);
            bool wrong = pi == v->current && k == v->wrong_place;
            if (!found && !wrong) continue;
            const level_widget *on = q->options[k].widget ? level_find_widget(room, q->options[k].widget) : NULL;
            if (on && !game_widget_visible(gs, (int)(on - room->widgets))) continue; /* taken away since ("hides") */
            SDL_Rect r = to_screen(xf, q->options[k].rect);
            gfx_color c = found ? GFX_OK : GFX_BAD;
            gfx_outline(g, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, c, 3);
            SDL_Rect badge = {r.x + r.w - 12, r.y - 14, 26, 26};
            gfx_round_fill(g, badge, 13, c);
            if (found) gfx_check(g, badge.x + 13, badge.y + 12, 14, GFX_ON_ACCENT);
            else gfx_cross(g, badge.x + 13, badge.y + 13, 11, GFX_ON_ACCENT);
        }
    }
    dev_overlay_scene(rp->g, rp->ui, room, frame, xf.scale); /* make dev (?dev=1): places and coordinates */
    ui_group_end(rp->ui);
    if (!pans) return;
    /* the keyboard's focus on a scene control pans it into view */
    SDL_Rect f = rp->ui->focus_rect;
    if (rp->ui->focus_visible && scene_key(rp->ui->focus_key)) {
        int before = v->pan;
        level_rect place = {(int)((float)(f.x - xf.ox) / xf.scale), 0, (int)((float)f.w / xf.scale + 0.5f), 1};
        v->pan = rl_pan_to(&place, 1, xf.scale, view.w, max_pan, v->pan);
        if (v->pan != before) rp->c->dirty = true;
    }
    if (outer_clipping) {
        SDL_RenderSetClipRect(g->renderer, &outer_clip);
        ui_clip(rp->ui, outer_ui_clip);
    } else {
        SDL_RenderSetClipRect(g->renderer, NULL);
        ui_clip_end(rp->ui);
    }
    /* a bar under the scene shows that it is wider than the screen, and where the view is */
    int bar_w = view.w * view.w / lay->scene_draw_w;
    int bar_x = view.x + (view.w - bar_w) * v->pan / max_pan;
    gfx_round_fill(g, (SDL_Rect){bar_x, view.y + view.h + 2, bar_w, 6}, 3, GFX_BORDER);
}

/* ---- the panel ---------------------------------------------------------------------------- */

typedef struct pane {
    room_pass *rp;
    int x, y, w;   /* y is the cursor, already shifted by the scroll */
    int ch;        /* a button's height at the player's text size */
    SDL_Rect news; /* where the newest verdict or hint was drawn, to scroll it into view */
    SDL_Rect task; /* where the task's number and prompt were drawn, for the same when it opens */
    int task_of;   /* the task drawn there (Continue may open the next one after it was drawn) */
} pane;

static void pane_text(pane *pn, const char *s, text_style st, int gap)
{
    if (!s || !s[0]) return;
    pn->y += text_draw(pn->rp->g, s, st, pn->x, pn->y, pn->w) + gap;
    ui_say(pn->rp->ui, s);
}

/* What the left edge of a row shows: a tick box (choices, items) or a grip (steps to drag). */
typedef enum row_mark { ROW_BOX, ROW_GRIP, ROW_RADIO } row_mark;

/* A selectable row: a mark and wrapped text. Returns its state. */
static ui_state option_row_ex(pane *pn, uint32_t key, const char *text, const char *label, bool marked,
                              bool enabled, int right_pad, row_mark style)
{
    gfx *g = pn->rp->g;
    text_style ts = {TEXT_REGULAR, 16, GFX_TEXT, TEXT_LEFT};
    int tw, th;
    text_measure(g, text, ts, pn->w - 56 - right_pad, &tw, &th);
    SDL_Rect r = {pn->x, pn->y, pn->w - right_pad, th + 20};
    ui_state s = {0};
    if (enabled && style == ROW_GRIP) s = ui_item_draggable(pn->rp->ui, key, r, label, UI_OPTION);
    else if (enabled) s = ui_item(pn->rp->ui, key, r, label, UI_OPTION);
    else ui_say(pn->rp->ui, label);
    gfx_round_fill(g, r, 8, marked ? GFX_ACCENT : GFX_BORDER);
    gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, s.hovered || s.dragged ? GFX_SURFACE_ALT : GFX_SURFACE);
    SDL_Rect mark = {r.x + 12, r.y + r.h / 2 - 10, 20, 20};
    if (style == ROW_GRIP) {
        for (int k = 0; k < 3; k++) gfx_fill(g, (SDL_Rect){mark.x, mark.y + 3 + k * 6, 20, 2}, marked ? GFX_OK : GFX_MUTED);
    } else if (style == ROW_RADIO) { /* one answer: a round button, filled when chosen */
        gfx_round_fill(g, mark, 10, GFX_MUTED);
        gfx_round_fill(g, (SDL_Rect){mark.x + 2, mark.y + 2, 16, 16}, 8, GFX_SURFACE);
        if (marked) gfx_round_fill(g, (SDL_Rect){mark.x + 5, mark.y + 5, 10, 10}, 5, GFX_ACCENT);
    } else {
        gfx_outline(g, mark, GFX_MUTED, 2);
        if (marked) gfx_check(g, mark.x + 10, mark.y + 9, 14, GFX_ACCENT);
    }
    text_draw(g, text, ts, r.x + 44, r.y + 10, pn->w - 56 - right_pad);
    pn->y += r.h + 8;
    return s;
}

static ui_state option_row(pane *pn, uint32_t key, const char *text, const char *label, bool marked,
                           bool enabled, int right_pad)
{
    return option_row_ex(pn, key, text, label, marked, enabled, right_pad, ROW_BOX);
}

static void body_choice(pane *pn, const level_puzzle *p, bool solved)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    bool several = p->correct_count > 1;
    if (several && !solved)
        pane_text(pn, str(rp->c->lang, STR_CHOOSE_SEVERAL), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 8);
    for (int i = 0; i < p->option_count; i++) {
        int k = v->choice_order[i]; /* keys and answers stay the option's own */
        const level_option *o = &p->options[k];
        const char *t = i18n_get(&o->text, rp->c->lang);
        bool marked = (several && (v->chosen & (1u << k))) || (solved && seal_option_right(cur_room(rp), p, k));
        char label[UI_LABEL_MAX];
        snprintf(label, sizeof label, "%s%s%s", t, marked ? ", " : "", marked ? str(rp->c->lang, STR_SELECTED) : "");
        ui_state s = option_row_ex(pn, uik(UIK_OPTION, k), t, label, marked, !solved, 0, several ? ROW_BOX : ROW_RADIO);
        if (!s.activated) continue;
        if (several) {
            v->chosen ^= 1u << k;
            rp->c->dirty = true;
        } else {
            submit(rp, p->id, &o->id, 1);
        }
    }
    if (several && !solved) {
        if (wg_button(rp->c, uik(UIK_CHECK, 0), (SDL_Rect){pn->x, pn->y, 180, pn->ch}, str(rp->c->lang, STR_CHECK), true)) {
            const char *ids[LEVEL_MAX_OPTIONS];
            int n = 0;
            for (int k = 0; k < p->option_count; k++)
                if (v->chosen & (1u << k)) ids[n++] = p->options[k].id;
            if (n > 0) submit(rp, p->id, ids, n);
        }
        pn->y += pn->ch + 12;
    }
}

/* A search's count so far ("Löydetty 1/5") and its style. */
static const text_style FOUND_STYLE = {TEXT_BOLD, 17, GFX_ACCENT, TEXT_LEFT};
static void found_of(const room_pass *rp, const level_puzzle *p, const game_puzzle_state *ps, char *buf, size_t cap)
{
    int found = 0;
    for (int k = 0; k < p->option_count; k++) found += (ps->found >> k) & 1u;
    snprintf(buf, cap, str(rp->c->lang, STR_FOUND_OF), found, p->correct_count);
}

static void body_hotspots(pane *pn, const level_puzzle *p, const game_puzzle_state *ps)
{
    char buf[128];
    found_of(pn->rp, p, ps, buf, sizeof buf);
    int top = pn->y; /* said with its rectangle: where the count is (in the card above, at 200 %) */
    pn->y += text_draw(pn->rp->g, buf, FOUND_STYLE, pn->x, pn->y, pn->w);
    ui_say_at(pn->rp->ui, (SDL_Rect){pn->x, top, pn->w, pn->y - top}, buf);
    pn->y += 12;
}

static void move_step(room_view *v, int from, int to, int n)
{
    if (from == to || from < 0 || to < 0 || from >= n || to >= n) return;
    int moving = v->order[from];
    if (from < to) memmove(&v->order[from], &v->order[from + 1], sizeof v->order[0] * (size_t)(to - from));
    else memmove(&v->order[to + 1], &v->order[to], sizeof v->order[0] * (size_t)(from - to));
    v->order[to] = moving;
}

/* A small button with a drawn arrow (no font has to carry the glyph) and a spoken label. */
static bool arrow_button(room_pass *rp, uint32_t key, SDL_Rect r, const char *label, bool up)
{
    gfx *g = rp->g;
    ui_state s = ui_item(rp->ui, key, r, label, UI_BUTTON);
    gfx_round_fill(g, r, 8, GFX_BORDER);
    gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
    gfx_triangle(g, r.x + r.w / 2, r.y + r.h / 2, 14, up, GFX_TEXT);
    return s.activated;
}

static void body_order(pane *pn, const level_puzzle *p, bool solved)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    gfx *g = rp->g;
    if (!solved) pane_text(pn, str(rp->c->lang, STR_ORDER_HELP), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 8);
    int n = p->option_count, tops[LEVEL_MAX_OPTIONS + 1], drop_from = -1;
    int show[LEVEL_MAX_OPTIONS];
    for (int i = 0; i < n; i++) show[i] = v->order[i];
    for (int i = 0; solved && i < n; i++) /* solved: the right order (a sealed room ships its steps shuffled) */
        for (int o = 0; o < n; o++)
            if (seal_step_right(cur_room(rp), p, o, i)) show[i] = o;
    for (int i = 0; i < n; i++) {
        const level_option *o = &p->options[show[i]];
        char label[UI_LABEL_MAX];
        snprintf(label, sizeof label, str(rp->c->lang, STR_STEP), i + 1, i18n_get(&o->text, rp->c->lang));
        tops[i] = pn->y;
        ui_state s = option_row_ex(pn, uik(UIK_OPTION, show[i]), label, label, solved, !solved, solved ? 0 : RL_STEP_ARROWS, ROW_GRIP);
        int row_h = pn->y - 8 - tops[i];
        if (solved) continue;
        SDL_Rect up = {pn->x + pn->w - 68, tops[i], 32, row_h}, down = {pn->x + pn->w - 32, tops[i], 32, row_h};
        char ul[UI_LABEL_MAX], dl[UI_LABEL_MAX];
        snprintf(ul, sizeof ul, "%s: %s", str(rp->c->lang, STR_MOVE_UP), i18n_get(&o->text, rp->c->lang));
        snprintf(dl, sizeof dl, "%s: %s", str(rp->c->lang, STR_MOVE_DOWN), i18n_get(&o->text, rp->c->lang));
        if (arrow_button(rp, uik(UIK_UP, show[i]), up, ul, true) && i > 0) {
            move_step(v, i, i - 1, n);
            rp->c->dirty = true;
        }
        if (arrow_button(rp, uik(UIK_DOWN, show[i]), down, dl, false) && i < n - 1) {
            move_step(v, i, i + 1, n);
            rp->c->dirty = true;
        }
        if (s.dragged) {
            gfx_outline(g, (SDL_Rect){pn->x, rp->ui->mouse_y - row_h / 2, pn->w - RL_STEP_ARROWS, row_h}, GFX_FOCUS, 2);
            rp->c->dirty = true;
        }
        if (s.dropped) drop_from = i;
    }
    tops[n] = pn->y;
    if (drop_from >= 0) {
        /* the step goes where the pointer let go: after every other step whose middle is above */
        int to = 0;
        for (int k = 0; k < n; k++)
            if (k != drop_from && (tops[k] + tops[k + 1]) / 2 < rp->ui->drop_y) to++;
        move_step(v, drop_from, to, n);
        rp->c->dirty = true;
    }
    if (!solved) {
        if (wg_button(rp->c, uik(UIK_CHECK, 0), (SDL_Rect){pn->x, pn->y, 180, pn->ch}, str(rp->c->lang, STR_CHECK), true)) {
            const char *ids[LEVEL_MAX_OPTIONS];
            for (int i = 0; i < n; i++) ids[i] = p->options[v->order[i]].id;
            submit(rp, p->id, ids, n);
        }
        pn->y += pn->ch + 12;
    }
}

/* One box of a matching puzzle: a number badge (filled when paired) and wrapped text. */
static ui_state match_box(room_pass *rp, uint32_t key, SDL_Rect r, const char *text, const char *label, int number,
                          bool picked, bool enabled)
{
    gfx *g = rp->g;
    ui_state s = {0};
    if (enabled) s = ui_item(rp->ui, key, r, label, UI_OPTION);
    else ui_say(rp->ui, label);
    gfx_round_fill(g, r, 8, picked ? GFX_ACCENT : GFX_BORDER);
    gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
    SDL_Rect badge = {r.x + 8, r.y + r.h / 2 - 13, 26, 26};
    if (number > 0) {
        char num[12];
        snprintf(num, sizeof num, "%d", number);
        gfx_round_fill(g, badge, 13, GFX_ACCENT);
        text_draw_in(g, num, (text_style){TEXT_BOLD, RL_TS_BODY, GFX_ON_ACCENT, TEXT_CENTER}, badge);
    } else {
        gfx_outline(g, badge, GFX_MUTED, 2);
    }
    text_draw(g, text, (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_TEXT, TEXT_LEFT}, r.x + 42, r.y + 10, r.w - 48);
    return s;
}

static void body_match(pane *pn, const level_puzzle *p, bool solved)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    gfx *g = rp->g;
    if (!solved) pane_text(pn, str(rp->c->lang, STR_MATCH_HELP), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 8);
    int n = p->option_count;
    /* side by side where there is room; on the narrow panel one list above the other, so no
       word has to be cut */
    bool stacked = (pn->w - 12) / 2 < 260;
    int col = stacked ? pn->w : (pn->w - 12) / 2;
    text_style ts = {TEXT_REGULAR, RL_TS_BODY, GFX_TEXT, TEXT_LEFT};
    int left_y = pn->y, right_y = pn->y;
    int owner[LEVEL_MAX_OPTIONS]; /* the left item paired with each right one, -1 none */
    int partner_of[LEVEL_MAX_OPTIONS]; /* solved: the right pairs (a sealed room ships them apart) */
    for (int k = 0; k < n; k++) {
        owner[k] = -1;
        partner_of[k] = v->pairs[k];
        for (int r = 0; solved && r < n; r++)
            if (seal_pair_right(cur_room(rp), p, k, r)) partner_of[k] = r;
    }
    for (int k = 0; k < n; k++) {
        int r = partner_of[k];
        if (r >= 0) owner[r] = k;
    }
    for (int left = 0; left < n; left++) {
        const char *lt = i18n_get(&p->options[left].text, rp->c->lang);
        int tw, th;
        text_measure(g, lt, ts, col - 48, &tw, &th);
        SDL_Rect r = {pn->x, left_y, col, th + 20};
        int partner = partner_of[left];
        char label[UI_LABEL_MAX];
        snprintf(label, sizeof label, "%d. %s", left + 1, lt);
        if (partner >= 0) {
            size_t m = strlen(label);
            snprintf(label + m, sizeof label - m, " – %s %s", str(rp->c->lang, STR_PAIRED_WITH),
                     i18n_get(&p->options[partner].pair, rp->c->lang));
        } else if (v->pick_left == left) {
            size_t m = strlen(label);
            snprintf(label + m, sizeof label - m, ", %s", str(rp->c->lang, STR_SELECTED));
        }
        ui_state s = match_box(rp, uik(UIK_LEFT, left), r, lt, label, left + 1, v->pick_left == left, !solved);
        if (s.activated) {
            v->pick_left = v->pick_left == left ? -1 : left;
            rp->c->dirty = true;
        }
        left_y += r.h + 8;
    }
    if (stacked) right_y = left_y + 8;
    int rx = stacked ? pn->x : pn->x + col + 12;
    for (int i = 0; i < n; i++) {
        int right = solved && partner_of[i] >= 0 ? partner_of[i] : v->shuffle[i];
        const char *rt = i18n_get(&p->options[right].pair, rp->c->lang);
        int tw, th;
        text_measure(g, rt, ts, col - 48, &tw, &th);
        SDL_Rect r = {rx, right_y, col, th + 20};
        char label[UI_LABEL_MAX];
        if (owner[right] >= 0) snprintf(label, sizeof label, "%s – %s %d", rt, str(rp->c->lang, STR_PAIRED_WITH), owner[right] + 1);
        else snprintf(label, sizeof label, "%s", rt);
        ui_state s = match_box(rp, uik(UIK_RIGHT, right), r, rt, label, owner[right] + 1, false, !solved);
        if (s.activated && v->pick_left >= 0) {
            for (int k = 0; k < n; k++)
                if (v->pairs[k] == right) v->pairs[k] = -1;
            v->pairs[v->pick_left] = right;
            v->pick_left = -1;
            rp->c->dirty = true;
        }
        right_y += r.h + 8;
    }
    pn->y = left_y > right_y ? left_y : right_y;
    if (!solved) {
        bool complete = true;
        for (int k = 0; k < n; k++) complete = complete && v->pairs[k] >= 0;
        if (wg_button(rp->c, uik(UIK_CHECK, 0), (SDL_Rect){pn->x, pn->y, 180, pn->ch}, str(rp->c->lang, STR_CHECK), complete) && complete) {
            const char *ids[LEVEL_MAX_OPTIONS]; /* the texts live in the view until app.c applies them */
            for (int k = 0; k < n; k++) {
                const level_option *r = &p->options[v->pairs[k]];
                snprintf(v->pair_ids[k], sizeof v->pair_ids[k], "%s=%s", p->options[k].id, r->pair_id ? r->pair_id : r->id);
                ids[k] = v->pair_ids[k];
            }
            submit(rp, p->id, ids, n);
        }
        pn->y += pn->ch + 12;
    }
}

/* Typing into the current answer; the keypad and the keyboard both end up here. */
static void type_into(room_view *v, const char *typed, int backspaces)
{
    if (v->input_checked && (typed[0] || backspaces)) { /* a checked wrong answer: start again */
        v->input[0] = '\0';
        v->input_checked = false;
        backspaces = 0;
    }
    for (int b = 0; b < backspaces; b++) {
        size_t n = strlen(v->input);
        while (n > 0 && ((unsigned char)v->input[n - 1] & 0xC0) == 0x80) n--; /* a whole UTF-8 letter */
        if (n > 0) n--;
        v->input[n] = '\0';
    }
    size_t have = strlen(v->input), add = strlen(typed);
    if (have + add < sizeof v->input) memcpy(v->input + have, typed, add + 1);
}

static void answer_field(pane *pn, bool code)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    gfx *g = rp->g;
    SDL_Rect r = {pn->x, pn->y, pn->w, 52};
    char label[UI_LABEL_MAX];
    snprintf(label, sizeof label, "%s: %s", str(rp->c->lang, STR_YOUR_ANSWER), v->input);
    /* a text field, said as one: Orca read "Vastauksesi: 89274 – vaihtoehto" (option) */
    ui_state s = ui_item(rp->ui, uik(UIK_FIELD, 0), r, label, UI_FIELD);
    /* a tap or click opens the page's real field (phones need it for their keyboard);
       keyboard players type straight into the game */
    if (s.activated && !rp->ui->focus_visible && !v->field_open)
        v->field_open = plat_text_field_open(r.x, r.y, r.w, r.h, label, v->input);
    gfx_round_fill(g, r, 8, s.focused ? GFX_ACCENT : GFX_BORDER);
    gfx_round_fill(g, (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4}, 6, GFX_SURFACE);
    text_style st = {code ? TEXT_BOLD : TEXT_REGULAR, code ? 26 : 19, GFX_TEXT, TEXT_LEFT};
    int tw = 0, th = 0;
    if (v->input[0]) text_measure(g, v->input, st, 0, &tw, &th);
    if (v->input[0]) text_draw_in(g, v->input, st, (SDL_Rect){r.x + 14, r.y, r.w - 28, r.h});
    gfx_fill(g, (SDL_Rect){r.x + 16 + tw, r.y + 12, 2, r.h - 24}, GFX_TEXT); /* caret */
    pn->y += r.h + 12;
}

/* The last door's code parts so far, in the rooms' order: "4 · ? · 7". */
static void code_parts(room_pass *rp, char *parts, size_t cap)
{
    parts[0] = '\0';
    for (int i = 0; i < rp->rc->manifest->room_count; i++) { /* a room not yet loaded has no part yet */
        if (i == rp->rc->hub || !rp->rc->manifest->rooms[i].required) continue;
        bool solved = play_room_solved(rp->rc->play, i);
        const char *part = game_code_part(&rp->rc->play->room_state[i]);
        part = part ? part : "";
        size_t n = strlen(parts);
        snprintf(parts + n, cap - n, "%s%s", n ? " · " : "", solved ? part : "?");
    }
}

static void body_code(pane *pn, const level_puzzle *p, bool solved)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    if (solved) return;
    if (p->final_code) { /* the last door: the parts gathered so far, where the code is typed */
        char parts[PLAY_CODE_MAX] = "", line[256];
        code_parts(rp, parts, sizeof parts);
        snprintf(line, sizeof line, str(rp->c->lang, STR_CODE_PARTS), parts);
        pane_text(pn, line, (text_style){TEXT_BOLD, 20, GFX_ACCENT, TEXT_LEFT}, 10);
    }
    pane_text(pn, str(rp->c->lang, STR_CODE_HELP), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 8);
    answer_field(pn, true);
    /* A keypad for touch and mouse: digits, and the letters only when the code has any. */
    const char *want = p->final_code ? cur_state(rp)->final_code : NULL;
    bool letters = p->code_letters; /* the loader knows, sealed or not */
    for (const char *c = want ? want : ""; *c; c++) letters = letters || (*c >= 'a' && *c <= 'z');
    const char *keys = letters ? "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "123456789 0 ";
    int cols = letters ? 9 : 3, n = (int)strlen(keys);
    int kw = (pn->w - (cols - 1) * 6) / cols, kh = letters ? 40 : 48;
    for (int i = 0; i < n; i++) {
        if (keys[i] == ' ') continue;
        SDL_Rect r = {pn->x + (i % cols) * (kw + 6), pn->y + (i / cols) * (kh + 6), kw, kh};
        char k[2] = {keys[i], 0};
        if (wg_button(rp->c, uik(UIK_KEYPAD, i), r, k, false)) {
            char lower[2] = {(char)(keys[i] >= 'A' && keys[i] <= 'Z' ? keys[i] + 32 : keys[i]), 0};
            type_into(v, lower, 0);
            rp->c->dirty = true;
        }
    }
    pn->y += ((n + cols - 1) / cols) * (kh + 6) + 6;
    int half = (pn->w - 8) / 2;
    if (wg_button(rp->c, uik(UIK_KEYPAD, 100), (SDL_Rect){pn->x, pn->y, half, 48}, str(rp->c->lang, STR_ERASE), false)) {
        type_into(v, "", 1);
        rp->c->dirty = true;
    }
    bool enter = v->field_submitted;
    v->field_submitted = false;
    if ((wg_button(rp->c, uik(UIK_CHECK, 0), (SDL_Rect){pn->x + half + 8, pn->y, half, 48}, str(rp->c->lang, STR_CHECK), true) || enter) &&
        v->input[0] && !v->input_checked) { /* the same wrong answer again counts nothing */
        const char *ids[] = {v->input};
        submit(rp, p->id, ids, 1);
    }
    pn->y += pn->ch + 12;
}

static void body_text(pane *pn, const level_puzzle *p, bool solved)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    if (solved) return;
    pane_text(pn, str(rp->c->lang, STR_TEXT_HELP), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 8);
    bool enter_on_field = (rp->ui->focus_key == uik(UIK_FIELD, 0) && rp->ui->activate_pending && !rp->ui->space_activation) ||
                          v->field_submitted;
    v->field_submitted = false;
    answer_field(pn, false);
    bool check = wg_button(rp->c, uik(UIK_CHECK, 0), (SDL_Rect){pn->x, pn->y, 180, pn->ch}, str(rp->c->lang, STR_CHECK), true);
    if ((check || enter_on_field) && v->input[0] && !v->input_checked) { /* not the same wrong one again */
        const char *ids[] = {v->input};
        submit(rp, p->id, ids, 1);
    }
    pn->y += pn->ch + 12;
}

static void inventory(pane *pn, bool choosing)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    if (!gs->items) return;
    pane_text(pn, str(rp->c->lang, STR_INVENTORY), (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_LEFT}, 6);
    if (choosing) pane_text(pn, str(rp->c->lang, STR_USE_HELP), (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 6);
    for (int i = 0; i < room->item_count; i++) {
        if (!game_has_item(gs, i)) continue;
        const level_item *it = &room->items[i];
        char label[UI_LABEL_MAX];
        bool held = v->held_item == i;
        snprintf(label, sizeof label, "%s%s%s", i18n_get(&it->name, rp->c->lang), held ? ", " : "",
                 held ? str(rp->c->lang, STR_HOLDING) : "");
        ui_state s = option_row(pn, uik(UIK_ITEM, i), i18n_get(&it->name, rp->c->lang), label, held, choosing, 0);
        if (s.activated) {
            v->held_item = held ? -1 : i;
            rp->c->dirty = true;
        }
    }
}

/* The last answer's verdict as the box below shows it: its head ("Oikein"), why, and more. */
typedef struct verdict_text {
    bool good;
    const char *head, *body;
    char extra[DIAG_MSG_MAX * 2];
    text_style hs, bs;
} verdict_text;

static void verdict_of(const room_pass *rp, verdict_text *vt)
{
    const game_result *r = &rp->v->feedback;
    const level_puzzle *p = &cur_room(rp)->puzzles[r->puzzle];
    bool good = r->verdict == GAME_RIGHT || r->verdict == GAME_PARTIAL;
    vt->good = good;
    vt->head = good ? str(rp->c->lang, STR_RIGHT)
             : r->verdict == GAME_REPEAT ? str(rp->c->lang, STR_ALREADY_FOUND)
                                         : str(rp->c->lang, STR_WRONG);
    vt->body = r->explain ? i18n_get(r->explain, rp->c->lang)
             : r->verdict == GAME_MISS ? str(rp->c->lang, STR_MISS) : "";
    vt->extra[0] = '\0';
    if ((p->kind == LEVEL_P_ORDER || p->kind == LEVEL_P_MATCH) && r->verdict == GAME_WRONG)
        snprintf(vt->extra, sizeof vt->extra, str(rp->c->lang, STR_IN_PLACE), r->found, r->needed);
    /* solved: the puzzle's lesson too, unless it already is the explanation shown */
    if (r->verdict == GAME_RIGHT && !i18n_empty(&p->solved) && r->explain != &p->solved)
        snprintf(vt->extra, sizeof vt->extra, "%s", i18n_get(&p->solved, rp->c->lang));
    vt->hs = (text_style){TEXT_BOLD, RL_TS_HEAD, good ? GFX_OK : r->verdict == GAME_REPEAT ? GFX_TEXT : GFX_BAD, TEXT_LEFT};
    vt->bs = (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_TEXT, TEXT_LEFT};
}

/* The verdict box's height in a column w wide; hh, bh, eh: its head's, body's and extra's. */
static int verdict_h(const room_pass *rp, const verdict_text *vt, int w, int *hh, int *bh, int *eh)
{
    int tw;
    *bh = *eh = 0;
    text_measure(rp->g, vt->head, vt->hs, w - 60, &tw, hh);
    if (vt->body[0]) text_measure(rp->g, vt->body, vt->bs, w - 28, &tw, bh);
    if (vt->extra[0]) text_measure(rp->g, vt->extra, vt->bs, w - 28, &tw, eh);
    return 14 + *hh + (vt->body[0] ? 6 + *bh : 0) + (vt->extra[0] ? 6 + *eh : 0) + 14;
}

static int feedback_box(pane *pn)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    gfx *g = rp->g;
    const game_result *r = &v->feedback;
    verdict_text vt;
    verdict_of(rp, &vt);
    bool good = vt.good;
    const char *head = vt.head, *body = vt.body, *extra = vt.extra;
    text_style hs = vt.hs, bs = vt.bs;
    int x = pn->x, y = pn->y, w = pn->w;
    int hh, bh, eh;
    int h = verdict_h(rp, &vt, w, &hh, &bh, &eh);
    gfx_round_fill(g, (SDL_Rect){x, y, w, h}, 8, good ? GFX_OK : r->verdict == GAME_REPEAT ? GFX_BORDER : GFX_BAD);
    gfx_round_fill(g, (SDL_Rect){x + 4, y, w - 4, h}, 8, GFX_SURFACE_ALT);
    if (good) gfx_check(g, x + 26, y + 14 + hh / 2, 16, GFX_OK);
    else if (r->verdict != GAME_REPEAT) gfx_cross(g, x + 26, y + 14 + hh / 2, 12, GFX_BAD);
    text_draw(g, head, hs, x + 46, y + 14, w - 60);
    int ty = y + 14 + hh + 6;
    if (body[0]) ty += text_draw(g, body, bs, x + 14, ty, w - 28) + 6;
    if (extra[0]) text_draw(g, extra, bs, x + 14, ty, w - 28);
    char line[2048];
    snprintf(line, sizeof line, "%s.%s%s%s%s", head, body[0] ? " " : "", body, extra[0] ? " " : "", extra);
    ui_say_at(rp->ui, (SDL_Rect){x, y, w, h}, line);
    ui_announce(rp->ui, v->feedback_seq, line);
    if (v->reveal == 1) pn->news = (SDL_Rect){x, y, w, h};
    pn->y += h + 12;
    return h;
}

/* The hub's panel when no puzzle is open there: the rooms and the parts of the code so far. */
static void hub_status(pane *pn)
{
    room_pass *rp = pn->rp;
    char parts[PLAY_CODE_MAX] = "", line[256];
    code_parts(rp, parts, sizeof parts);
    pane_text(pn, i18n_get(&rp->rc->manifest->intro, rp->c->lang), (text_style){TEXT_REGULAR, 17, GFX_TEXT, TEXT_LEFT}, 14);
    snprintf(line, sizeof line, str(rp->c->lang, STR_CODE_PARTS), parts);
    pane_text(pn, line, (text_style){TEXT_BOLD, 20, GFX_ACCENT, TEXT_LEFT}, 14);
    pane_text(pn, str(rp->c->lang, STR_DOORS), (text_style){TEXT_BOLD, 16, GFX_TEXT, TEXT_LEFT}, 6);
    for (int i = 0; i < rp->rc->manifest->room_count; i++) {
        if (i == rp->rc->hub) continue;
        bool solved = play_room_solved(rp->rc->play, i), open = play_room_open(rp->rc->play, i);
        /* a new player's lobby comes before the other rooms' files: their titles are in the
           built manifest (app.c can_defer_rooms) */
        const i18n_text *title = i < rp->rc->room_count ? &rp->rc->rooms[i].title : &rp->rc->manifest->rooms[i].title;
        snprintf(line, sizeof line, "%s %s%s%s", solved || open ? "•" : "–", i18n_get(title, rp->c->lang),
                 solved || !open ? ", " : "", solved ? str(rp->c->lang, STR_SOLVED_MARK) : !open ? str(rp->c->lang, STR_ROOM_LOCKED) : "");
        pane_text(pn, line, (text_style){TEXT_REGULAR, 16, solved ? GFX_OK : GFX_TEXT, TEXT_LEFT}, 4);
    }
}

static void timer_line(pane *pn)
{
    room_pass *rp = pn->rp;
    room_view *v = rp->v;
    if (v->timer_end_ms <= 0) return;
    double left = v->timer_end_ms - rp->c->now_ms;
    char buf[96];
    if (left <= 0) {
        v->timer_done = true;
        pane_text(pn, str(rp->c->lang, STR_TIME_UP), (text_style){TEXT_BOLD, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, 6);
    } else {
        int s = (int)(left / 1000.0);
        snprintf(buf, sizeof buf, str(rp->c->lang, STR_TIME_LEFT), s / 60, s % 60);
        /* read once a minute by screen readers, not every second: the mirror gets minutes only */
        text_draw(rp->g, buf, (text_style){TEXT_BOLD, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, pn->x, pn->y + 10, pn->w - 110);
        char minutes[96];
        snprintf(minutes, sizeof minutes, str(rp->c->lang, STR_TIME_LEFT), s / 60, 0);
        ui_say(rp->ui, minutes);
    }
    /* WCAG 2.2.1: the player can always have more time */
    if (wg_button(rp->c, uik(UIK_TIME, 0), (SDL_Rect){pn->x + pn->w - 100, pn->y, 100, 40}, str(rp->c->lang, STR_ADD_TIME), false)) {
        v->timer_end_ms = (left > 0 ? v->timer_end_ms : rp->c->now_ms) + 5 * 60000.0;
        v->timer_done = false;
        rp->c->dirty = true;
    }
    pn->y += 48;
}

/* Scrolls s so that the rectangle r (on screen) is inside view, once it has been drawn. */
static void reveal_in(room_pass *rp, wg_scroll *s, SDL_Rect view, SDL_Rect r)
{
    int before = s->offset;
    if (r.y + r.h > view.y + view.h) s->offset += r.y + r.h - (view.y + view.h) + 12;
    if (r.y - (s->offset - before) < view.y) s->offset = before + (r.y - view.y) - 12; /* taller than the view: its top */
    if (s->offset < 0) s->offset = 0;
    if (s->offset != before) rp->c->dirty = true;
}

/* The current task's number ("Tehtävä 1/6") and prompt, drawn from y on in a column w wide and
   said (the prompt with its rectangle); returns where they are. */
static SDL_Rect task_head(room_pass *rp, int x, int y, int w)
{
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    char buf[64];
    snprintf(buf, sizeof buf, str(rp->c->lang, STR_PUZZLE_OF), v->current + 1, room->puzzle_count);
    int top = y;
    y += text_draw(rp->g, buf, (text_style){TEXT_BOLD, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, x, y, w) + 6;
    ui_say(rp->ui, buf);
    const char *prompt = i18n_get(&room->puzzles[v->current].prompt, rp->c->lang);
    int prompt_top = y;
    y += text_draw(rp->g, prompt, (text_style){TEXT_BOLD, RL_TS_PROMPT, GFX_TEXT, TEXT_LEFT}, x, y, w);
    ui_say_at(rp->ui, (SDL_Rect){x, prompt_top, w, y - prompt_top}, prompt);
    return (SDL_Rect){x, top, w, y - top};
}

/* task_head's height, before it is drawn (the layout needs it to place the scene). */
static int task_head_h(room_pass *rp, int w)
{
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    char buf[64];
    int tw, nh, ph;
    snprintf(buf, sizeof buf, str(rp->c->lang, STR_PUZZLE_OF), v->current + 1, room->puzzle_count);
    text_measure(rp->g, buf, (text_style){TEXT_BOLD, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, w, &tw, &nh);
    text_measure(rp->g, i18n_get(&room->puzzles[v->current].prompt, rp->c->lang),
                 (text_style){TEXT_BOLD, RL_TS_PROMPT, GFX_TEXT, TEXT_LEFT}, w, &tw, &ph);
    return nh + 6 + ph;
}

/* A search with its task above the scene (rl_task_above): what the card shows under the prompt.
   The player is looking at the scene there, with more places to find, so what a find did goes
   where they look, not a screen below: the count ("Löydetty 1/5": how many are left) and the
   last verdict, whole - right or wrong, and why. The why is the point of the game (every answer
   explains itself) and at most three lines, so it is not cut: the scroll after a find
   (rl_after_find) shows it with the place clicked when both fit. Once the search is solved its
   verdict, with the lesson, is in the panel with Continue, the next thing to press, and the
   view goes there as after any other task. Returns the height, or draws from y when x >= 0
   (and returns where the news is: news). */
static int search_news(room_pass *rp, int x, int y, int w, SDL_Rect *news)
{
    room_view *v = rp->v;
    const level_puzzle *p = &cur_room(rp)->puzzles[v->current];
    const game_puzzle_state *ps = &cur_state(rp)->puzzles[v->current];
    bool verdict = !ps->solved && v->has_feedback && v->feedback.puzzle == v->current;
    char buf[128];
    found_of(rp, p, ps, buf, sizeof buf);
    int tw, fh, h;
    text_measure(rp->g, buf, FOUND_STYLE, w, &tw, &fh);
    h = fh;
    if (verdict) {
        verdict_text vt;
        int hh, bh, eh;
        verdict_of(rp, &vt);
        h += 12 + verdict_h(rp, &vt, w, &hh, &bh, &eh);
    }
    if (x < 0) return h;
    pane pn = {rp, x, y, w, 0, {0, 0, 0, 0}, {0, 0, 0, 0}, -1};
    body_hotspots(&pn, p, ps);
    if (verdict) feedback_box(&pn);
    *news = (SDL_Rect){x, y, w, h};
    return h;
}

/* The task's panel content from y on: timer, task, verdict, hints, inventory. Returns the pane
   (its y is the end of the content). head_above: the task's number and prompt are drawn above
   the scene this pass (a short one-column screen, rl_task_above), not here; and with them the
   search's count, and its verdicts until it is solved (search_news). */
static pane panel_content(room_pass *rp, int x, int y, int w, bool head_above)
{
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    pane pn = {rp, x, y, w, rl_control_h(RL_CONTROL_H, rp->c->text_zoom), {0, 0, 0, 0}, {0, 0, 0, 0}, -1};
    char buf[256];

    timer_line(&pn);
    const level_puzzle *p = v->current >= 0 ? &room->puzzles[v->current] : NULL;
    if (!p && rp->rc->room == rp->rc->hub) hub_status(&pn);
    if (p) {
        const game_puzzle_state *ps = &gs->puzzles[v->current];
        snprintf(buf, sizeof buf, str(rp->c->lang, STR_PUZZLE_OF), v->current + 1, room->puzzle_count);
        ui_group_begin(rp->ui, buf);
        if (v->focus_task && p->kind != LEVEL_P_HOTSPOTS) {
            ui_focus_first(rp->ui);
            v->focus_task = false;
        }
        const char *prompt = i18n_get(&p->prompt, rp->c->lang);
        char news[1024];
        snprintf(news, sizeof news, "%s. %s", buf, prompt);
        ui_announce(rp->ui, (uint32_t)(rp->rc->room << 8 | v->current) + 1u, news);
        if (!head_above) { /* else drawn above the scene (room_view_pass) */
            pn.task = task_head(rp, pn.x, pn.y, pn.w);
            pn.task_of = v->current;
            pn.y += pn.task.h + 14;
        }
        if (p->kind == LEVEL_P_CODE || p->kind == LEVEL_P_TEXT) {
            /* typing goes to the answer whatever has focus: it is the only field there is. Taken
               before the Check button and Enter are looked at: on a slow frame the last letters
               and the click (or Enter) arrive together, and the answer checked must have them */
            int backspaces;
            const char *typed = ui_take_typed(rp->ui, &backspaces);
            if (typed[0] || backspaces) {
                type_into(v, typed, backspaces);
                rp->c->dirty = true;
            }
        }
        switch (p->kind) {
        case LEVEL_P_CHOICE: body_choice(&pn, p, ps->solved); break;
        case LEVEL_P_HOTSPOTS:
            if (!head_above) body_hotspots(&pn, p, ps);
            break;
        case LEVEL_P_ORDER: body_order(&pn, p, ps->solved); break;
        case LEVEL_P_MATCH: body_match(&pn, p, ps->solved); break;
        case LEVEL_P_CODE: body_code(&pn, p, ps->solved); break;
        case LEVEL_P_TEXT: body_text(&pn, p, ps->solved); break;
        case LEVEL_P_USE: break;
        default: break;
        }
        if (v->has_feedback && v->feedback.puzzle == v->current && !(head_above && !ps->solved)) feedback_box(&pn);
        for (int h = 0; h < ps->hints_used && h < p->hint_count; h++) {
            char label[32], line[600];
            snprintf(label, sizeof label, str(rp->c->lang, STR_HINT_LABEL), h + 1, p->hint_count);
            snprintf(line, sizeof line, "%s: %s", label, i18n_get(&p->hints[h], rp->c->lang));
            int top = pn.y;
            pn.y += text_draw(rp->g, line, (text_style){TEXT_REGULAR, RL_TS_BODY, GFX_MUTED, TEXT_LEFT}, pn.x, pn.y, pn.w);
            ui_say_at(rp->ui, (SDL_Rect){pn.x, top, pn.w, pn.y - top}, line);
            ui_announce(rp->ui, (uint32_t)(rp->rc->room << 16 | v->current << 8 | h) + 1u, line);
            if (v->reveal == 2 && h == ps->hints_used - 1) pn.news = (SDL_Rect){pn.x, top, pn.w, pn.y - top};
            pn.y += 6;
        }
        inventory(&pn, p->kind == LEVEL_P_USE && !ps->solved);
        ui_group_end(rp->ui);
    }
    return pn;
}

/* The panel's action: Continue once the task is solved, else Hint. */
static void panel_action(room_pass *rp, SDL_Rect r)
{
    room_view *v = rp->v;
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    const level_puzzle *p = v->current >= 0 ? &room->puzzles[v->current] : NULL;
    char buf[256];
    if (p && gs->puzzles[v->current].solved) {
        if (wg_button(rp->c, uik(UIK_NEXT, 0), r, str(rp->c->lang, STR_CONTINUE), true)) {
            open_puzzle(rp, game_next_puzzle(gs));
            if (v->current < 0 && gs->room_solved && rp->rc->room != rp->rc->hub) v->solved_open = true;
            else if (rp->rc->play->escaped) view_emit_kind(rp->c, VIEW_ENDING, 0); /* the last door: no dialog first */
            ui_focus(rp->ui, v->solved_open ? uik(UIK_DONE, 0) : 0);
            v->focus_task = !v->solved_open; /* straight on to the next task's first control */
            rp->c->dirty = true;
        }
    } else if (p && p->hint_count > 0) {
        bool more = gs->puzzles[v->current].hints_used < p->hint_count;
        snprintf(buf, sizeof buf, "%s (%d/%d)", str(rp->c->lang, more ? STR_HINT : STR_NO_MORE_HINTS),
                 gs->puzzles[v->current].hints_used, p->hint_count);
        if (wg_button(rp->c, uik(UIK_HINT, 0), r, buf, false) && more) {
            view_emit(rp->c, &(view_action){.kind = VIEW_HINT, .id = p->id});
            v->reveal = 2;
        }
    }
}

/* Wide screens: the panel is a card beside the scene; its content scrolls inside it and the
   action button stays at its bottom. */
static void panel_pass(room_pass *rp, const rl_screen *lay)
{
    room_view *v = rp->v;
    SDL_Rect panel = lay->panel;
    gfx_card(rp->g, panel, 12);
    int ch = rl_control_h(RL_CONTROL_H, rp->c->text_zoom);
    SDL_Rect body = {panel.x, panel.y + 6, panel.w - 4, panel.h - ch - 36};
    int top = wg_scroll_begin(rp->c, body, &v->scroll);
    pane pn = panel_content(rp, panel.x + RL_PANEL_PAD, top + 12, lay->text_w, false);
    v->reveal_task = false; /* the card starts at its top, the task's prompt first */
    wg_scroll_end(rp->c, body, &v->scroll, top, pn.y + 12);
    if (v->reveal && pn.news.h > 0) {
        reveal_in(rp, &v->scroll, body, pn.news);
        v->reveal = 0;
    }
    panel_action(rp, (SDL_Rect){panel.x + 20, panel.y + panel.h - ch - 20, panel.w - 40, ch});
}

/* ---- the screen --------------------------------------------------------------------------- */

/* The solved dialog's extra line: the code part, mistakes and hints. */
static void solved_extra(room_pass *rp, char *extra, size_t cap)
{
    const game_state *gs = cur_state(rp);
    extra[0] = '\0';
    const char *part = game_code_part(gs);
    if (part) snprintf(extra, cap, str(rp->c->lang, STR_CODE_PART), part);
    size_t n = strlen(extra);
    snprintf(extra + n, cap - n, "\n");
    n = strlen(extra);
    snprintf(extra + n, cap - n, str(rp->c->lang, STR_MISTAKES), game_mistakes(gs));
    n = strlen(extra);
    snprintf(extra + n, cap - n, " · ");
    n = strlen(extra);
    snprintf(extra + n, cap - n, str(rp->c->lang, STR_HINTS_USED), game_hints(gs));
}

void room_view_pass(room_view *v, const room_ctx *rc)
{
    room_pass pass = {v, rc, rc->c, rc->c->g, rc->c->ui}, *rp = &pass;
    const level_room *room = cur_room(rp);
    const game_state *gs = cur_state(rp);
    gfx *g = rp->g;
    bool modal = v->intro_open || v->solved_open || rc->c->covered;
    /* the hub's last door opens once every room is solved: show it without a click */
    if (v->current < 0 && !modal) {
        int next = game_next_puzzle(gs);
        if (next >= 0) open_puzzle(rp, next);
    }
    const char *title = i18n_get(&room->title, rp->c->lang);
    bool back = rc->hub >= 0 && rc->room != rc->hub;
    rl_screen lay = rl_screen_layout(g->w, g->h, rp->c->text_zoom, rp->c->wg->bar_h, room->scene_w, room->scene_h);
    bool covered = rp->c->covered;
    rp->c->covered = modal; /* the screen behind a dialog takes no wheel or swipe */
    if (!lay.stacked) {
        wg_top_bar(rp->c, title, back, 0);
        scene_pass(rp, &lay, 0, !modal);
        if (!modal) panel_pass(rp, &lay);
    } else {
        /* One column that scrolls as a whole: the top bar, the scene, the task, its action. */
        SDL_Rect screen = {0, 0, g->w, g->h};
        int top = wg_scroll_begin(rp->c, screen, &v->scroll);
        wg_top_bar(rp->c, title, back, top);
        int pad = lay.panel.w < 480 ? 14 : RL_PANEL_PAD;
        /* the places the open task is about (scene units): the scroll shows them with its prompt */
        const level_puzzle *task = v->current >= 0 && !modal ? &room->puzzles[v->current] : NULL;
        level_rect places[LEVEL_MAX_OPTIONS + LEVEL_MAX_REQUIRES * LEVEL_MAX_EFFECTS];
        int n_places = task ? task_places(rp, task, places, (int)(sizeof places / sizeof places[0])) : 0;
        /* a search on the scene whose prompt below it would be a screen away from its first place
           (200 % zoom): the task's number and prompt in a card of their own above the scene. Only
           a search: a use's item, a code's field are in the panel, with their prompt. */
        SDL_Rect head = {0, 0, 0, 0}, card_news = {0, 0, 0, 0};
        bool head_above = false;
        int pin_h = 0; /* the search's news pinned to the screen's top (rl_pin_scroll): its height */
        int pin_scroll = -1; /* pinned in this pass: the scroll that shows the place below it */
        if (task && task->kind == LEVEL_P_HOTSPOTS) {
            int head_h = task_head_h(rp, lay.text_w); /* the prompt alone decides: a verdict never moves it */
            if (rl_task_above(&lay, head_h, places, n_places)) {
                int news_h = search_news(rp, -1, 0, lay.text_w, NULL);
                SDL_Rect hc = rl_put_task_above(&lay, head_h + 14 + news_h);
                hc.y += top;
                gfx_card(g, hc, 12);
                head = task_head(rp, lay.panel.x + pad, hc.y + 12, lay.text_w);
                card_news = (SDL_Rect){lay.panel.x + pad, head.y + head.h + 14, lay.text_w, news_h};
                /* pinned until the player moves on: scrolls, moves the focus, or the verdict goes */
                bool verdict = !gs->puzzles[v->current].solved && v->has_feedback && v->feedback.puzzle == v->current;
                if (v->pin_news && (!verdict || v->scroll.offset != v->pin_offset || rp->ui->focus_key != v->pin_focus))
                    v->pin_news = false;
                SDL_Rect drawn;
                if (v->pin_news) {
                    /* drawn here, in the card's place in reading order (the mirror has it once),
                       over the scene, which is clipped below it for the eye and the pointer */
                    pin_h = news_h + 24;
                    gfx_round_fill(g, (SDL_Rect){lay.panel.x, -12, lay.panel.w, pin_h + 12 + 3}, 12, GFX_BORDER);
                    gfx_card(g, (SDL_Rect){lay.panel.x, -12, lay.panel.w, pin_h + 12}, 12);
                    search_news(rp, lay.panel.x + pad, 12, lay.text_w, &drawn);
                    SDL_Rect below = {0, pin_h + 3, g->w, g->h - pin_h - 3};
                    SDL_RenderSetClipRect(g->renderer, &below);
                    ui_clip(rp->ui, below);
                } else {
                    search_news(rp, card_news.x, card_news.y, lay.text_w, &drawn);
                }
                head_above = true;
            }
        }
        if (!head_above) v->pin_news = false;
        /* how far the scene moved down in the column since the last pass (the card above grew) */
        int shift = v->scene_y > 0 ? lay.scene_view.y - v->scene_y : 0;
        /* the column's layout as the last pass had it: a room just entered learns its top bar's
           height in its first pass, and everything below moves with it */
        bool settled = v->scene_y > 0 && shift == 0;
        v->scene_y = lay.scene_view.y;
        scene_pass(rp, &lay, top, !modal);
        int y = top + lay.panel.y, bottom = y;
        if (!modal) {
            /* the card is drawn under the content once its height is known: measure first */
            SDL_Rect card = {lay.panel.x, y, lay.panel.w, v->panel_h > 0 ? v->panel_h : g->h};
            gfx_card(g, card, 12);
            pane pn = panel_content(rp, lay.panel.x + pad, y + 12, lay.text_w, head_above);
            if (head_above) pn.task = head, pn.task_of = v->current;
            int ch = pn.ch;
            SDL_Rect action = {lay.panel.x + pad, pn.y + 4, lay.text_w, ch};
            panel_action(rp, action);
            bottom = action.y + ch + 16;
            if (bottom - y != v->panel_h) {
                v->panel_h = bottom - y;
                rp->c->dirty = true;
            }
            if (v->reveal_task && pn.task.h > 0 && pn.task_of == v->current) {
                /* a task has opened (Continue, Start): the column went back to its top, where a
                   short screen (200 % zoom on a laptop) shows only the scene. The player reads
                   the task first, then looks for where to click: scroll so that its prompt shows,
                   and its places from the first one down as far as they fit (rl_reveal_task says
                   how, in column px). A keyboard focus in the scene takes the view back in
                   wg_scroll_end. */
                rl_span first = {0, 0}, ext = {0, 0};
                for (int i = 0; i < n_places; i++) {
                    int py = lay.scene_view.y + (int)((float)places[i].y * lay.scene_scale);
                    int ph = (int)((float)places[i].h * lay.scene_scale);
                    if (i == 0 || py < first.y) first = (rl_span){py, ph};
                    int end = ext.h > 0 && ext.y + ext.h > py + ph ? ext.y + ext.h : py + ph;
                    ext.y = i == 0 || py < ext.y ? py : ext.y;
                    ext.h = end - ext.y;
                }
                /* a task answered in the panel (a choice, an ordering, a matching, a code): what
                   the player does next is its first control under the prompt, not a place on the
                   scene (at 200 % zoom a choice about two posts opened with its prompt at the
                   screen's bottom and its options a scroll below, with nothing to say so) */
                if (task && task->kind != LEVEL_P_HOTSPOTS && task->kind != LEVEL_P_USE) {
                    for (int i = 0; i < rp->ui->count; i++) {
                        SDL_Rect r = rp->ui->rects[i];
                        if (r.y < pn.task.y + pn.task.h || r.x < lay.panel.x || r.y >= action.y + ch) continue;
                        first = (rl_span){r.y - top, r.h};
                        break;
                    }
                }
                int before = v->scroll.offset, content_h = bottom + 12 - top;
                v->scroll.offset = rl_reveal_task(g->h, v->scroll.offset, content_h - g->h,
                                                  (rl_span){pn.task.y - top, pn.task.h}, first, ext);
                if (v->scroll.offset != before) rp->c->dirty = true;
                /* done once the layout it was measured on holds (a returning player's room: the
                   first pass's top bar was not yet its own, and the prompt ended a screen down) */
                if (settled) v->reveal_task = false;
                else rp->c->dirty = true;
            }
            if (v->reveal == 1 && head_above && !gs->puzzles[v->current].solved && v->feedback.puzzle == v->current) {
                /* a find (or a miss) in a search whose card is above the scene: the player is
                   looking at the places, so the view stays with them and shows the card's news
                   only if it can with the place clicked (rl_after_find) */
                const game_result *r = &v->feedback;
                rl_span place = {0, 0};
                if (r->verdict != GAME_MISS && r->option >= 0 && r->option < task->option_count) {
                    level_rect pr = task->options[r->option].rect;
                    place = (rl_span){lay.scene_view.y + (int)((float)pr.y * lay.scene_scale),
                                      (int)((float)pr.h * lay.scene_scale)};
                }
                int before = v->scroll.offset, content_h = bottom + 12 - top;
                rl_span news = {card_news.y - top, card_news.h};
                int off = rl_after_find(g->h, v->scroll.offset, content_h - g->h, shift, news, place);
                /* the news cannot show with the place (a place low in the scene): it is pinned
                   to the screen's top, the place whole below it (the badge above the place too) */
                v->pin_news = false;
                if (news.y - 12 < off || news.y + news.h + 12 > off + g->h) {
                    int pinned = rl_pin_scroll(g->h, v->scroll.offset, content_h - g->h, shift, news.h + 24 + 14, place);
                    if (pinned >= 0) {
                        off = pin_scroll = pinned;
                        v->pin_news = true;
                        v->pin_offset = pinned;
                        v->pin_focus = rp->ui->focus_key;
                    }
                }
                v->scroll.offset = off;
                if (v->scroll.offset != before || v->pin_news) rp->c->dirty = true;
                v->reveal = 0;
            }
            if (v->reveal && pn.news.h > 0) {
                /* the verdict, and the way on below it when there is room for both */
                SDL_Rect news = pn.news;
                if (action.y + ch - news.y <= g->h - 24) news.h = action.y + ch - news.y;
                reveal_in(rp, &v->scroll, screen, news);
                v->reveal = 0;
            }
        }
        if (pin_h > 0) { /* the rest of the pass: the whole screen again */
            SDL_RenderSetClipRect(g->renderer, &screen);
            ui_clip(rp->ui, screen);
        }
        wg_scroll_end(rp->c, screen, &v->scroll, top, bottom + 12);
        /* NOT A BUG: wg_scroll_end keeps the keyboard focus in view by where it was drawn in this
           pass, before the scroll above moved it; the focus is the place clicked, which that
           scroll shows whole, so its answer stands */
        if (pin_scroll >= 0) v->scroll.offset = pin_scroll;
    }
    rp->c->covered = covered;
    if (v->intro_open) {
        if (wg_dialog(rp->c, title, i18n_get(&room->intro, rp->c->lang), NULL, uik(UIK_START, 0), str(rp->c->lang, STR_START), true)) {
            v->intro_open = false;
            if (room->timer_minutes > 0) v->timer_end_ms = rp->c->now_ms + room->timer_minutes * 60000.0;
            ui_focus(rp->ui, 0);
            v->focus_task = true;
            rp->c->dirty = true;
        }
    } else if (v->solved_open) {
        char extra[256];
        solved_extra(rp, extra, sizeof extra);
        bool to_hub = rp->rc->hub >= 0 && rp->rc->room != rp->rc->hub;
        if (wg_dialog(rp->c, str(rp->c->lang, STR_ROOM_SOLVED), i18n_get(&room->outro, rp->c->lang), extra, uik(UIK_DONE, 0),
                       str(rp->c->lang, to_hub ? STR_BACK_TO_HUB : STR_CONTINUE), false)) {
            v->solved_open = false;
            const char *outro = room->comic_outro;
            bool ending = rp->rc->play->escaped || (!to_hub && play_all_required_solved(rp->rc->play));
            if (ending) view_emit_kind(rp->c, VIEW_ENDING, 0);
            else if (to_hub) view_emit_kind(rp->c, VIEW_GO_HUB, 0);
            if (outro && !ending) view_emit(rp->c, &(view_action){.kind = VIEW_OPEN_COMIC, .id = outro});
            rp->c->dirty = true;
        }
    }
}
