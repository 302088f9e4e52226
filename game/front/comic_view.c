/* comic_view.c - the comic viewer (see comic_view.h): camera, bubbles, input, the mirror,
 * remembering the place, and the ?comic=id screen for authors and tests. */
#include "comic_view.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_keys.h"
#include "widgets.h"


static const char *const FONT_PATH = "fonts/comic.ttf"; /* the lettering: Comic Neue */
static const double ZOOM_MS = 420;                       /* one move of the guided view */
static const float STAGE_PAD = 12;                       /* logical units around the page */
static const float GUIDED_MARGIN = 14;                   /* page units around a panel */

/* ---- places ------------------------------------------------------------------------------- */

static const comic_page *page_of(const comic_view *v, int at, int *panel)
{
    int page = 0, p = 0;
    if (!comic_panel_at(v->comic, at, &page, &p)) page = p = 0;
    if (panel) *panel = p;
    return &v->comic->pages[page];
}

static int page_index(const comic_view *v, int at)
{
    return (int)(page_of(v, at, NULL) - v->comic->pages);
}

static bool at_end(const comic_view *v)
{
    if (v->mode == COMIC_VIEW_GUIDED) return v->at >= v->comic->panel_total - 1;
    return page_index(v, v->at) >= v->comic->page_count - 1;
}

static void store_place(const comic_view *v)
{
    char key[96], value[48];
    snprintf(key, sizeof key, "pakopeli.comic.%s", v->comic->id);
    snprintf(value, sizeof value, "at=%d;mode=%s", v->at, v->mode == COMIC_VIEW_GUIDED ? "guided" : "page");
    plat_store_set(key, value);
}

static void restore_place(comic_view *v, view_ctx *vc)
{
    char key[96], value[48], mode[16] = "";
    int at = 0;
    snprintf(key, sizeof key, "pakopeli.comic.%s", v->comic->id);
    /* Phones held upright read panel by panel; wide screens see the whole page first. */
    v->mode = rl_stacked(vc->g->w) ? COMIC_VIEW_GUIDED : COMIC_VIEW_PAGE;
    v->at = 0;
    if (plat_store_get(key, value, sizeof value) && sscanf(value, "at=%d;mode=%15s", &at, mode) == 2) {
        if (at >= 0 && at < v->comic->panel_total) v->at = at;
        if (strcmp(mode, "guided") == 0) v->mode = COMIC_VIEW_GUIDED;
        else if (strcmp(mode, "page") == 0) v->mode = COMIC_VIEW_PAGE;
    }
}

/* ---- opening and closing ------------------------------------------------------------------ */

/* Holds (or lets go of) the lettering font and every panel's image in the asset pool: a comic's
   files are held while it is open, so closing it frees their slots for the next one. */
static void hold_files(const comic *c, asset_pool *pool, bool hold)
{
    if (hold) asset_request(pool, FONT_PATH);
    else asset_release_path(pool, FONT_PATH);
    for (int p = 0; p < c->page_count; p++)
        for (int i = 0; i < c->pages[p].panel_count; i++) {
            if (hold) asset_request(pool, c->pages[p].panels[i].image);
            else asset_release_path(pool, c->pages[p].panels[i].image);
        }
}

void comic_view_open(comic_view *v, view_ctx *vc, const comic *c)
{
    if (v->open && v->comic) hold_files(v->comic, vc->assets, false); /* another comic over it */
    v->comic = c;
    v->open = true;
    v->pending_step = 0;
    v->pending_jump = -1;
    v->pending_close = v->pending_toggle = false;
    v->animating = false;
    v->cam_page = -1;
    v->layout_page = -1;
    v->prepared_page = -1;
    v->pressing = false;
    restore_place(v, vc);
    hold_files(c, vc->assets, true);
    v->focus_later = uik(UIK_COMIC_NEXT, 0); /* when it is drawn: a loading screen in between drops it */
    v->scroll_to_stage = true;
    vc->dirty = true;
}

void comic_view_shutdown(comic_view *v)
{
    comic_measurer_shutdown(&v->measurer);
    if (v->url_loaded) comic_free(&v->url_comic);
    v->url_loaded = false;
    v->open = false;
    v->comic = NULL;
}

bool comic_view_animating(const comic_view *v, const asset_pool *assets)
{
    if (!v->open) return false;
    return v->animating || (!v->measurer.font && !v->measurer_failed) || asset_pending(assets);
}

/* ---- input -------------------------------------------------------------------------------- */

typedef struct stage_xf {
    SDL_Rect stage;    /* where the comic is drawn, logical units */
    float scale;       /* logical units per page unit */
    float ox, oy;      /* where page (0, 0) lands */
} stage_xf;

bool comic_view_event(comic_view *v, ui *u, const SDL_Event *e)
{
    if (!v->open || !v->comic) return false;
    switch (e->type) {
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        bool shift = (e->key.keysym.mod & KMOD_SHIFT) != 0;
        if (k == SDLK_RIGHT || k == SDLK_PAGEDOWN) v->pending_step++;
        else if (k == SDLK_LEFT || k == SDLK_PAGEUP) v->pending_step--;
        else if (k == SDLK_HOME) v->pending_jump = 0;
        else if (k == SDLK_END) v->pending_jump = v->comic->panel_total - 1;
        else if (k == SDLK_ESCAPE) v->pending_close = true;
        else if (k == SDLK_SPACE) {
            /* Space turns the page, unless the player has moved the keyboard focus to another
               control: then it presses that control, as everywhere else. */
            uint32_t f = u->focus_key;
            if (u->focus_visible && f != 0 && f != uik(UIK_COMIC_NEXT, 0)) return false;
            v->pending_step += shift ? -1 : 1;
        } else {
            return false;
        }
        return true;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT || !gfx_contains(v->stage, e->button.x, e->button.y))
            return false;
        v->pressing = true;
        v->press_x = e->button.x;
        v->press_y = e->button.y;
        u->focus_visible = false;
        return true;
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT || !v->pressing) return false;
        v->pressing = false;
        int dx = e->button.x - v->press_x, dy = e->button.y - v->press_y;
        if (abs(dx) > 48 && abs(dx) > abs(dy)) { /* a swipe: the page follows the finger */
            v->pending_step += dx < 0 ? 1 : -1;
            return true;
        }
        if (abs(dx) > 16 || abs(dy) > 16) return true; /* a drag that went nowhere */
        SDL_Rect s = v->stage;
        int edge = s.w / 5;
        if (e->button.x < s.x + edge) v->pending_step--;
        else if (e->button.x >= s.x + s.w - edge) v->pending_step++;
        else if (v->mode == COMIC_VIEW_GUIDED) v->pending_step++;
        else {
            /* a tap on a panel of the whole page zooms to it */
            const comic_page *pg = page_of(v, v->at, NULL);
            float px = ((float)e->button.x - v->ox) / v->scale;
            float py = ((float)e->button.y - v->oy) / v->scale;
            for (int i = 0; i < pg->panel_count; i++) {
                comic_rect r = pg->panels[i].rect;
                if (px >= (float)r.x && py >= (float)r.y && px < (float)(r.x + r.w) && py < (float)(r.y + r.h)) {
                    v->pending_jump = comic_panel_number(v->comic, page_index(v, v->at), i);
                    v->pending_toggle = true;
                }
            }
        }
        return true;
    }
    default:
        return false;
    }
}

/* Applies the input gathered since the last pass. */
static void apply_input(comic_view *v, view_ctx *vc)
{
    int before_at = v->at;
    comic_view_mode before_mode = v->mode;
    if (v->pending_toggle) {
        v->mode = v->mode == COMIC_VIEW_GUIDED ? COMIC_VIEW_PAGE : COMIC_VIEW_GUIDED;
        v->pending_toggle = false;
    }
    if (v->pending_jump >= 0) { /* a panel: in the page view, its page */
        v->at = v->pending_jump;
        v->pending_jump = -1;
    }
    while (v->pending_step != 0) {
        int dir = v->pending_step > 0 ? 1 : -1;
        v->pending_step -= dir;
        if (v->mode == COMIC_VIEW_GUIDED) {
            int to = v->at + dir;
            if (to >= 0 && to < v->comic->panel_total) v->at = to;
        } else {
            int pg = page_index(v, v->at) + dir;
            if (pg >= 0 && pg < v->comic->page_count) v->at = comic_panel_number(v->comic, pg, 0);
        }
    }
    if (v->at != before_at || v->mode != before_mode) {
        store_place(v);
        vc->dirty = true;
    }
}

/* ---- camera ------------------------------------------------------------------------------- */

static comic_frect target_cam(const comic_view *v)
{
    int panel;
    const comic_page *pg = page_of(v, v->at, &panel);
    if (v->mode == COMIC_VIEW_PAGE) return (comic_frect){0, 0, (float)pg->w, (float)pg->h};
    comic_rect r = pg->panels[panel].rect;
    return (comic_frect){(float)r.x - GUIDED_MARGIN, (float)r.y - GUIDED_MARGIN, (float)r.w + 2 * GUIDED_MARGIN,
                         (float)r.h + 2 * GUIDED_MARGIN};
}

static comic_frect lerp(comic_frect a, comic_frect b, float t)
{
    return (comic_frect){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t};
}

static float ease(float t) { return t < 0.5f ? 4 * t * t * t : 1 - powf(-2 * t + 2, 3) / 2; }

/* The unmasked window of the guided view: a panel, or the whole page for -1. */
static comic_frect focus_rect(const comic_page *pg, int panel)
{
    if (panel < 0) return (comic_frect){0, 0, (float)pg->w, (float)pg->h};
    comic_rect r = pg->panels[panel].rect;
    return (comic_frect){(float)r.x, (float)r.y, (float)r.w, (float)r.h};
}

/* Moves the camera towards what the view shows now; returns the camera and the unmasked
   window for this frame (both page units). */
static void update_camera(comic_view *v, view_ctx *vc, comic_frect *cam, comic_frect *window)
{
    int panel;
    const comic_page *pg = page_of(v, v->at, &panel);
    int page = (int)(pg - v->comic->pages);
    comic_frect to = target_cam(v);
    comic_frect win = focus_rect(pg, v->mode == COMIC_VIEW_GUIDED ? panel : -1);
    bool moved = memcmp(&to, &v->cam_to, sizeof to) != 0 || memcmp(&win, &v->win_to, sizeof win) != 0;
    if (v->cam_page != page || vc->reduced_motion) {
        /* another page, or no motion wanted: cut */
        v->cam_from = v->cam_to = to;
        v->win_from = v->win_to = win;
        v->animating = false;
    } else if (moved) {
        /* from wherever the camera is now, also in the middle of a move */
        double now = plat_now_ms();
        float t = v->animating ? ease(fminf(1, (float)((now - v->anim_start) / ZOOM_MS))) : 1.0f;
        v->cam_from = lerp(v->cam_from, v->cam_to, t);
        v->win_from = lerp(v->win_from, v->win_to, t);
        v->cam_to = to;
        v->win_to = win;
        v->anim_start = now;
        v->animating = true;
    }
    v->cam_page = page;
    float t = 1;
    if (v->animating) {
        double dt = plat_now_ms() - v->anim_start;
        if (dt >= ZOOM_MS) v->animating = false;
        else t = ease((float)(dt / ZOOM_MS));
    }
    *cam = lerp(v->cam_from, v->cam_to, t);
    *window = lerp(v->win_from, v->win_to, t);
}

static stage_xf fit(SDL_Rect stage, comic_frect cam)
{
    float sw = (float)stage.w - 2 * STAGE_PAD, sh = (float)stage.h - 2 * STAGE_PAD;
    float s = fminf(sw / cam.w, sh / cam.h);
    stage_xf xf = {stage, s, 0, 0};
    xf.ox = (float)stage.x + ((float)stage.w - cam.w * s) / 2 - cam.x * s;
    xf.oy = (float)stage.y + ((float)stage.h - cam.h * s) / 2 - cam.y * s;
    return xf;
}

static SDL_Rect to_screen(stage_xf xf, comic_frect r)
{
    float x0 = xf.ox + r.x * xf.scale, y0 = xf.oy + r.y * xf.scale;
    float x1 = xf.ox + (r.x + r.w) * xf.scale, y1 = xf.oy + (r.y + r.h) * xf.scale;
    return (SDL_Rect){(int)floorf(x0), (int)floorf(y0), (int)ceilf(x1) - (int)floorf(x0),
                      (int)ceilf(y1) - (int)floorf(y0)};
}

/* ---- layouts and images ------------------------------------------------------------------- */

static void ensure_layouts(comic_view *v, view_ctx *vc, int page)
{
    if (!v->measurer.font && !v->measurer_failed) {
        size_t len = 0;
        const char *bytes = asset_bytes(vc->assets, FONT_PATH, &len);
        if (bytes) {
            v->measurer_failed = !comic_measurer_setup(&v->measurer, bytes, len);
            /* the same bytes letter the bubbles (text.c): fetched only now, not at start (app.c) */
            if (!v->measurer_failed && !text_has_face(TEXT_COMIC) && !text_set_face(TEXT_COMIC, bytes, len))
                v->measurer_failed = true;
        } else if (!asset_pending(vc->assets)) {
            v->measurer_failed = true;
        }
        if (v->measurer_failed) fprintf(stderr, "comic: the lettering font %s cannot be used\n", FONT_PATH);
        v->layout_page = -1;
    }
    if (!v->measurer.font) return;
    int zoom = text_zoom();
    if (v->layout_page == page && v->layout_zoom == zoom && v->layout_lang == vc->lang) return;
    const comic_page *pg = &v->comic->pages[page];
    for (int i = 0; i < pg->panel_count; i++)
        if (!comic_layout_panel(&v->measurer, &pg->panels[i], vc->lang, zoom, &v->layouts[i]))
            fprintf(stderr, "comic %s: page %d panel %d: a bubble does not fit at %d %%: %s\n", v->comic->id,
                    page + 1, i + 1, zoom, comic_fit_message(v->layouts[i].fit));
    v->layout_page = page;
    v->layout_zoom = zoom;
    v->layout_lang = vc->lang;
}

/* Rasterises the page's images for the size they settle at, and lets other pages' go. */
static void prepare_images(comic_view *v, view_ctx *vc, SDL_Rect stage)
{
    int panel;
    const comic_page *pg = page_of(v, v->at, &panel);
    int page = (int)(pg - v->comic->pages);
    if (v->prepared_page == page && v->prepared_at == v->at && v->prepared_mode == v->mode &&
        v->prepared_scale == vc->g->pixel_scale)
        return;
    stage_xf whole = fit(stage, (comic_frect){0, 0, (float)pg->w, (float)pg->h});
    stage_xf guided = fit(stage, target_cam(v));
    bool all = true;
    for (int i = 0; i < pg->panel_count; i++) {
        const comic_panel *p = &pg->panels[i];
        float s = (v->mode == COMIC_VIEW_GUIDED && i == panel) ? guided.scale : whole.scale;
        size_t len = 0;
        const char *bytes = asset_bytes(vc->assets, p->image, &len);
        if (!bytes) {
            all = false;
            continue;
        }
        gfx_image_prepare(vc->g, p->image, bytes, len, (int)ceilf((float)p->rect.w * s),
                          (int)ceilf((float)p->rect.h * s));
    }
    if (v->prepared_page != page) {
        for (int q = 0; q < v->comic->page_count; q++) {
            if (q == page) continue;
            for (int i = 0; i < v->comic->pages[q].panel_count; i++) {
                const char *img = v->comic->pages[q].panels[i].image;
                bool shared = false;
                for (int k = 0; k < pg->panel_count; k++) shared |= strcmp(pg->panels[k].image, img) == 0;
                if (!shared) gfx_image_forget(img);
            }
        }
    }
    if (!all) return; /* try again when the rest have come */
    v->prepared_page = page;
    v->prepared_at = v->at;
    v->prepared_mode = v->mode;
    v->prepared_scale = vc->g->pixel_scale;
}

/* ---- drawing bubbles ---------------------------------------------------------------------- */

static void tri(gfx *g, SDL_FPoint p0, SDL_FPoint p1, SDL_FPoint p2, SDL_Color c)
{
    SDL_Vertex v[3] = {{p0, c, {0, 0}}, {p1, c, {0, 0}}, {p2, c, {0, 0}}};
    SDL_RenderGeometry(g->renderer, NULL, v, 3, NULL, 0);
}

static void disc(gfx *g, float cx, float cy, float r, gfx_color c)
{
    int ri = (int)(r + 0.5f);
    if (ri < 1) ri = 1;
    gfx_round_fill(g, (SDL_Rect){(int)(cx - (float)ri), (int)(cy - (float)ri), 2 * ri, 2 * ri}, ri, c);
}

static SDL_Rect grow(SDL_Rect r, int by) { return (SDL_Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

/* The point of the box's edge nearest to p, and the edge's outward direction. */
static SDL_FPoint edge_point(SDL_Rect b, SDL_FPoint p, float inset, SDL_FPoint *along)
{
    float cx = fminf(fmaxf(p.x, (float)b.x + inset), (float)(b.x + b.w) - inset);
    float cy = fminf(fmaxf(p.y, (float)b.y + inset), (float)(b.y + b.h) - inset);
    if (p.y > (float)(b.y + b.h)) {
        *along = (SDL_FPoint){1, 0};
        return (SDL_FPoint){cx, (float)(b.y + b.h)};
    }
    if (p.y < (float)b.y) {
        *along = (SDL_FPoint){1, 0};
        return (SDL_FPoint){cx, (float)b.y};
    }
    *along = (SDL_FPoint){0, 1};
    return (SDL_FPoint){p.x < (float)b.x ? (float)b.x : (float)(b.x + b.w), cy};
}

static void draw_bubble(view_ctx *vc, const comic_bubble *bb, const comic_bubble_layout *bl, float text_px,
                        stage_xf xf, comic_rect panel)
{
    gfx *g = vc->g;
    float s = xf.scale;
    float px0 = xf.ox + (float)panel.x * s, py0 = xf.oy + (float)panel.y * s;
    SDL_Rect box = {(int)(px0 + bl->box.x * s), (int)(py0 + bl->box.y * s), (int)(bl->box.w * s + 0.5f),
                    (int)(bl->box.h * s + 0.5f)};
    int ink = (int)fmaxf(1.5f, 2.6f * s + 0.5f);
    float tp = text_px * s;
    SDL_Color ink_c = gfx_rgb(g, GFX_TEXT), paper_c = gfx_rgb(g, GFX_SURFACE);
    SDL_FPoint tip = {px0 + bb->tail.x / 100.0f * (float)panel.w * s, py0 + bb->tail.y / 100.0f * (float)panel.h * s};
    bool tail = bb->has_tail && !gfx_contains(box, (int)tip.x, (int)tip.y);

    if (bb->kind == COMIC_CAPTION) {
        gfx_fill(g, grow(box, ink), GFX_TEXT);
        SDL_Color warm = g->high_contrast ? paper_c : (SDL_Color){0xFF, 0xF1, 0xC4, 255};
        gfx_fill_rgba(g, box, warm);
    } else if (bb->kind == COMIC_THOUGHT) {
        int r = box.h / 2 < box.w / 2 ? box.h / 2 : box.w / 2;
        if (tail) { /* small clouds towards the thinker */
            SDL_FPoint along;
            SDL_FPoint from = edge_point(box, tip, (float)r, &along);
            static const float at[3] = {0.30f, 0.62f, 0.90f}, size[3] = {0.34f, 0.24f, 0.15f};
            for (int i = 0; i < 3; i++) {
                float cx = from.x + (tip.x - from.x) * at[i], cy = from.y + (tip.y - from.y) * at[i];
                disc(g, cx, cy, fmaxf(2.5f, size[i] * tp) + (float)ink, GFX_TEXT);
                disc(g, cx, cy, fmaxf(2.5f, size[i] * tp), GFX_SURFACE);
            }
        }
        gfx_round_fill(g, grow(box, ink), r + ink, GFX_TEXT);
        gfx_round_fill(g, box, r, GFX_SURFACE);
    } else {
        int r = (int)fminf((float)box.h / 2, 0.9f * tp);
        SDL_FPoint b1 = {0, 0}, b2 = {0, 0}, dir = {0, 0};
        if (tail) {
            SDL_FPoint along;
            /* a long tail gets a wider base, so it reads as a tail and not a needle */
            float far = sqrtf((tip.x - (float)(box.x + box.w / 2)) * (tip.x - (float)(box.x + box.w / 2)) +
                              (tip.y - (float)(box.y + box.h / 2)) * (tip.y - (float)(box.y + box.h / 2)));
            float hw = fminf(fmaxf(0.5f * tp, 0.09f * far), 1.1f * tp);
            if (hw < 5) hw = 5;
            SDL_FPoint base = edge_point(box, tip, (float)r + hw, &along);
            b1 = (SDL_FPoint){base.x - along.x * hw, base.y - along.y * hw};
            b2 = (SDL_FPoint){base.x + along.x * hw, base.y + along.y * hw};
            float dx = tip.x - base.x, dy = tip.y - base.y, d = sqrtf(dx * dx + dy * dy);
            dir = d > 0 ? (SDL_FPoint){dx / d, dy / d} : (SDL_FPoint){0, 1};
            float k = (float)ink * 1.6f;
            tri(g, (SDL_FPoint){b1.x - along.x * k, b1.y - along.y * k}, (SDL_FPoint){b2.x + along.x * k, b2.y + along.y * k},
                (SDL_FPoint){tip.x + dir.x * k, tip.y + dir.y * k}, ink_c);
        }
        gfx_round_fill(g, grow(box, ink), r + ink, GFX_TEXT);
        if (tail) {
            /* the paper of the tail reaches into the box, so the joint shows no ink */
            SDL_FPoint in1 = {b1.x - dir.x * (float)ink * 2, b1.y - dir.y * (float)ink * 2};
            SDL_FPoint in2 = {b2.x - dir.x * (float)ink * 2, b2.y - dir.y * (float)ink * 2};
            tri(g, in1, in2, tip, paper_c);
        }
        gfx_round_fill(g, box, r, GFX_SURFACE);
    }

    /* The lines as laid out; never re-wrapped here (see comic_layout.h). */
    const char *t = i18n_get(&bb->text, vc->lang);
    text_style st = {TEXT_COMIC, (int)floorf((float)COMIC_TEXT_SIZE * s), GFX_TEXT,
                     bb->kind == COMIC_CAPTION ? TEXT_LEFT : TEXT_CENTER};
    if (st.size < 1) return;
    float lh = bl->line_h * s;
    float y = py0 + bl->text.y * s + (bl->text.h * s - lh * (float)bl->line_count) / 2;
    float tx = px0 + bl->text.x * s, tw = bl->text.w * s;
    for (int i = 0; i < bl->line_count; i++) {
        char line[COMIC_TEXT_MAX + 4];
        comic_line_text(t, bl->lines[i], line, sizeof line);
        if (line[0]) {
            int w, h;
            text_measure(g, line, st, 0, &w, &h);
            float x = st.align == TEXT_CENTER ? tx + (tw - (float)w) / 2 : tx;
            text_draw(g, line, st, (int)(x + 0.5f), (int)(y + (lh - (float)h) / 2 + 0.5f), 0);
        }
        y += lh;
    }
}

/* ---- the mirror --------------------------------------------------------------------------- */

/* Text as a screen reader should get it: no soft hyphens, line breaks as spaces. */
static void plain(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        if (s[0] == '\xC2' && s[1] == '\xAD') {
            s++;
            continue;
        }
        out[n++] = *s == '\n' ? ' ' : *s;
    }
    out[n] = '\0';
}

static void say_panel(comic_view *v, view_ctx *vc, const comic_panel *p, int number)
{
    const comic *c = v->comic;
    char text[1200], line[1400]; /* descriptions may be long; the mirror takes them whole */
    plain(i18n_get(&p->description, vc->lang), text, sizeof text);
    snprintf(line, sizeof line, str(vc->lang, STR_COMIC_PANEL), number, text);
    ui_say(vc->ui, line);
    for (int b = 0; b < p->bubble_count; b++) {
        const comic_bubble *bb = &p->bubbles[b];
        plain(i18n_get(&bb->text, vc->lang), text, sizeof text);
        const char *who = bb->speaker >= 0 ? i18n_get(&c->characters[bb->speaker].name, vc->lang) : "";
        if (bb->kind == COMIC_SPEECH) snprintf(line, sizeof line, str(vc->lang, STR_COMIC_SAYS), who, text);
        else if (bb->kind == COMIC_THOUGHT) snprintf(line, sizeof line, str(vc->lang, STR_COMIC_THINKS), who, text);
        else snprintf(line, sizeof line, str(vc->lang, STR_COMIC_CAPTION), text);
        ui_say(vc->ui, line);
    }
}

/* ---- the toolbar -------------------------------------------------------------------------- */

static int label_w(view_ctx *vc, const char *s)
{
    int w, h;
    text_measure(vc->g, s, (text_style){TEXT_BOLD, 17, GFX_TEXT, TEXT_CENTER}, 0, &w, &h);
    return w + 32;
}

/* Where the toolbar's parts go. Landscape: one row. Portrait (a phone held upright): two rows,
   and a row of its own for the page indicator when it does not fit between the step buttons
   (large text on a phone: "Sivu 1/1" once hid behind "Valmis"). */
typedef struct toolbar_lay {
    bool narrow;
    int h, top, bh, row1, row2;
    SDL_Rect prev, next, mode, close;
    int ix, iy, iw;              /* the page indicator's left, top and width */
    const char *prev_label, *next_label, *mode_label, *close_label;
    char indicator[96];
} toolbar_lay;

static void toolbar_layout(const comic_view *v, view_ctx *vc, toolbar_lay *t)
{
    gfx *g = vc->g;
    const comic *c = v->comic;
    bool end = at_end(v);
    t->narrow = rl_stacked(g->w);
    t->bh = 44;
    t->prev_label = str(vc->lang, STR_COMIC_PREV);
    t->next_label = str(vc->lang, end ? STR_COMIC_DONE : STR_COMIC_NEXT);
    t->mode_label = str(vc->lang, v->mode == COMIC_VIEW_GUIDED ? STR_COMIC_WHOLE_PAGE : STR_COMIC_GUIDED);
    t->close_label = str(vc->lang, STR_CLOSE);
    snprintf(t->indicator, sizeof t->indicator, str(vc->lang, STR_COMIC_PAGE_OF), page_index(v, v->at) + 1, c->page_count);
    int ih;
    text_measure(g, t->indicator, (text_style){TEXT_BOLD, 17, GFX_MUTED, TEXT_CENTER}, 0, &t->iw, &ih);
    int pw = label_w(vc, t->prev_label), nw = label_w(vc, t->next_label);
    int own_row = t->narrow && t->iw + 24 > g->w - 16 - nw - (16 + pw) ? ih + 12 : 0;
    t->h = (t->narrow ? 124 : 64) + own_row;
    t->top = g->h - t->h - v->toolbar_shift;
    int top = t->top + own_row;
    t->row1 = top + (t->narrow ? 10 : (64 - t->bh) / 2);
    t->row2 = top + 10 + t->bh + 10;
    t->prev = (SDL_Rect){16, t->row1, pw, t->bh};
    t->next = (SDL_Rect){t->prev.x + t->prev.w + 10, t->row1, nw, t->bh};
    if (t->narrow) t->next.x = g->w - 16 - t->next.w;
    int cw = label_w(vc, t->close_label), mw = label_w(vc, t->mode_label);
    t->close = (SDL_Rect){g->w - 16 - cw, t->narrow ? t->row2 : t->row1, cw, t->bh};
    t->mode = (SDL_Rect){t->close.x - 10 - mw, t->close.y, mw, t->bh};
    int left = t->narrow ? t->prev.x + t->prev.w : t->next.x + t->next.w;
    int right = t->narrow ? t->next.x : t->mode.x;
    if (own_row) {
        t->ix = (g->w - t->iw) / 2;
        t->iy = t->top + 8;
    } else {
        t->ix = t->narrow ? left + (right - left - t->iw) / 2 : left + 20;
        t->iy = t->row1 + (t->bh - ih) / 2;
    }
}

static int toolbar_height(const comic_view *v, view_ctx *vc)
{
    toolbar_lay t;
    toolbar_layout(v, vc, &t);
    return t.h;
}

static void toolbar(comic_view *v, view_ctx *vc)
{
    gfx *g = vc->g;
    const comic *c = v->comic;
    toolbar_lay t;
    toolbar_layout(v, vc, &t);
    bool narrow = t.narrow, end = at_end(v);
    int page = page_index(v, v->at), bh = t.bh, row1 = t.row1, row2 = t.row2;
    gfx_fill(g, (SDL_Rect){0, t.top, g->w, t.h}, GFX_SURFACE);
    gfx_fill(g, (SDL_Rect){0, t.top, g->w, 1}, GFX_BORDER);
    const char *prev = t.prev_label, *next = t.next_label, *mode = t.mode_label, *close = t.close_label;
    SDL_Rect r_prev = t.prev, r_next = t.next, r_mode = t.mode, r_close = t.close;
    int ix = t.ix, iw = t.iw;
    text_draw(g, t.indicator, (text_style){TEXT_BOLD, 17, GFX_MUTED, TEXT_CENTER}, ix, t.iy, 0);

    if (wg_button(vc, uik(UIK_COMIC_PREV, 0), r_prev, prev, false)) v->pending_step--;
    if (wg_button(vc, uik(UIK_COMIC_NEXT, 0), r_next, next, true)) {
        if (end) v->pending_close = true;
        else v->pending_step++;
    }
    /* Page buttons: as many as fit, centred on the current page. */
    int pb_w = 44, pb_gap = 6;
    int px = narrow ? 16 : ix + iw + 16;
    int room = (narrow ? r_mode.x - 10 : r_mode.x - 16) - px;
    int fit = room / (pb_w + pb_gap);
    if (fit > c->page_count) fit = c->page_count;
    int first = page - fit / 2;
    if (first > c->page_count - fit) first = c->page_count - fit;
    if (first < 0) first = 0;
    for (int i = first; i < first + fit; i++) {
        char label[64], num[12];
        bool current = i == page;
        snprintf(num, sizeof num, "%d", i + 1);
        snprintf(label, sizeof label, str(vc->lang, STR_COMIC_GO_TO_PAGE), i + 1);
        if (current) {
            size_t n = strlen(label);
            snprintf(label + n, sizeof label - n, ", %s", str(vc->lang, STR_SELECTED));
        }
        SDL_Rect r = {px + (i - first) * (pb_w + pb_gap), narrow ? row2 : row1, pb_w, bh};
        ui_state s = ui_item(vc->ui, uik(UIK_COMIC_PAGE, i), r, label, UI_BUTTON);
        gfx_round_fill(g, r, 8, current ? GFX_ACCENT : GFX_BORDER);
        if (!current) gfx_round_fill(g, grow(r, -2), 6, s.hovered ? GFX_SURFACE_ALT : GFX_SURFACE);
        text_draw_in(g, num, (text_style){TEXT_BOLD, 17, current ? GFX_ON_ACCENT : GFX_TEXT, TEXT_CENTER}, r);
        if (s.activated && !current) v->pending_jump = comic_panel_number(c, i, 0);
    }
    if (wg_button(vc, uik(UIK_COMIC_MODE, 0), r_mode, mode, false)) v->pending_toggle = true;
    if (wg_button(vc, uik(UIK_COMIC_CLOSE, 0), r_close, close, false)) v->pending_close = true;
}

/* ---- the pass ----------------------------------------------------------------------------- */

bool comic_view_pass(comic_view *v, view_ctx *vc, bool back)
{
    gfx *g = vc->g;
    if (!v->open || !v->comic) return false;
    const comic *c = v->comic;
    apply_input(v, vc);
    if (v->pending_close) {
        v->pending_close = false;
        v->open = false;
        v->animating = false;
        hold_files(c, vc->assets, false);
        store_place(v);
        vc->dirty = true;
        return true;
    }

    /* The comic gets what the top bar and the toolbar leave. Where that is under half the screen
       (a laptop at 200 % zoom, 640 x 380: 113 px, its lettering 5 px) the screen is one column
       that scrolls, as a room's does: the top bar, then the comic and its toolbar filling the
       screen, opened scrolled down to them (the top bar a scroll or a Tab above). */
    SDL_Rect screen = {0, 0, g->w, g->h};
    v->toolbar_shift = 0;
    int tb_h = toolbar_height(v, vc);
    bool column = g->h - vc->wg->bar_h - tb_h < g->h / 2 && g->h - tb_h > 0;
    int y0 = column ? wg_scroll_begin(vc, screen, &v->scroll) : 0;
    int bar_h = wg_top_bar(vc, i18n_get(&c->title, vc->lang), back, y0);
    SDL_Rect stage = {0, y0 + bar_h, g->w, column ? g->h - tb_h : g->h - bar_h - tb_h};
    if (column) v->toolbar_shift = g->h - (stage.y + stage.h + tb_h);

    int panel;
    const comic_page *pg = page_of(v, v->at, &panel);
    int page = (int)(pg - c->pages);
    ensure_layouts(v, vc, page);
    prepare_images(v, vc, stage);
    comic_frect cam, window;
    update_camera(v, vc, &cam, &window);
    stage_xf xf = fit(stage, cam);
    v->stage = stage;
    v->scale = xf.scale;
    v->ox = xf.ox;
    v->oy = xf.oy;

    SDL_RenderSetClipRect(g->renderer, &stage);
    SDL_Rect paper = to_screen(xf, (comic_frect){0, 0, (float)pg->w, (float)pg->h});
    gfx_fill(g, paper, GFX_SURFACE);
    gfx_outline(g, paper, GFX_BORDER, 1);
    SDL_Rect win = to_screen(xf, window);
    for (int i = 0; i < pg->panel_count; i++) {
        const comic_panel *p = &pg->panels[i];
        comic_rect pr = p->rect;
        SDL_Rect r = to_screen(xf, (comic_frect){(float)pr.x, (float)pr.y, (float)pr.w, (float)pr.h});
        SDL_Rect vis;
        if (!SDL_IntersectRect(&r, &win, &vis) || !SDL_IntersectRect(&vis, &stage, &vis)) continue;
        SDL_RenderSetClipRect(g->renderer, &vis);
        size_t len = 0;
        const char *bytes = asset_bytes(vc->assets, p->image, &len);
        gfx_fill(g, r, GFX_SURFACE_ALT);
        if (bytes) gfx_image(g, p->image, bytes, len, r);
        if (v->layout_page == page) {
            const comic_panel_layout *pl = &v->layouts[i];
            for (int b = 0; b < pl->count; b++) draw_bubble(vc, &p->bubbles[b], &pl->bubbles[b], pl->text_px, xf, pr);
        }
        SDL_RenderSetClipRect(g->renderer, &stage);
        int ink = (int)fmaxf(2, 3 * xf.scale);
        gfx_outline(g, grow(r, ink), GFX_TEXT, ink);
    }
    /* the guided view hides the rest of the page */
    if (v->mode == COMIC_VIEW_GUIDED || v->animating) {
        SDL_Rect m = grow(win, (int)fmaxf(3, 4 * xf.scale));
        gfx_fill(g, (SDL_Rect){stage.x, stage.y, stage.w, m.y - stage.y}, GFX_BG);
        gfx_fill(g, (SDL_Rect){stage.x, m.y + m.h, stage.w, stage.y + stage.h - m.y - m.h}, GFX_BG);
        gfx_fill(g, (SDL_Rect){stage.x, m.y, m.x - stage.x, m.h}, GFX_BG);
        gfx_fill(g, (SDL_Rect){m.x + m.w, m.y, stage.x + stage.w - m.x - m.w, m.h}, GFX_BG);
    }
    SDL_RenderSetClipRect(g->renderer, NULL);

    /* the mirror: where we are, then what the panels show and say, in reading order */
    char buf[160], part[64];
    snprintf(buf, sizeof buf, str(vc->lang, STR_COMIC_PAGE_OF), page + 1, c->page_count);
    if (v->mode == COMIC_VIEW_GUIDED) {
        snprintf(part, sizeof part, str(vc->lang, STR_COMIC_PANEL_OF), v->at + 1, c->panel_total);
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, ", %s", part);
    }
    ui_say(vc->ui, buf);
    if (v->mode == COMIC_VIEW_GUIDED) {
        say_panel(v, vc, &pg->panels[panel], v->at + 1);
    } else {
        for (int i = 0; i < pg->panel_count; i++) say_panel(v, vc, &pg->panels[i], comic_panel_number(c, page, i) + 1);
    }
    if (at_end(v)) ui_say(vc->ui, str(vc->lang, STR_COMIC_END));
    if (v->focus_later == uik(UIK_COMIC_NEXT, 0)) {
        ui_focus(vc->ui, v->focus_later);
        v->focus_later = 0;
    }
    toolbar(v, vc);
    if (column) {
        wg_scroll_end(vc, screen, &v->scroll, y0, stage.y + stage.h + tb_h);
        if (v->scroll_to_stage) { /* the column's height is known now: the comic fills the screen */
            v->scroll.offset = v->scroll.content_h - g->h;
            v->scroll_to_stage = false;
            vc->dirty = true;
        }
    } else {
        v->scroll_to_stage = true; /* should the screen become short (a zoom), start at the comic */
    }
    if (vc->ui->escape && !vc->covered) v->pending_close = true;
    if (v->pending_step || v->pending_jump >= 0 || v->pending_toggle || v->pending_close) vc->dirty = true;
    return false;
}

/* ---- a comic alone, from the URL ---------------------------------------------------------- */

bool comic_view_request_from_url(comic_view *v, diag_list *d)
{
    char id[64] = "";
    if (!plat_param("comic", id, sizeof id) || !id[0]) return false;
    for (const char *p = id; *p; p++) {
        char ch = *p;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) {
            diag_add(d, DIAG_ERROR, DIAG_BAD_VALUE, "?comic=", 0, 0, "",
                     "a comic id may contain only a-z, 0-9, '-' and '_'");
            snprintf(v->url_id, sizeof v->url_id, "-");
            return true;
        }
    }
    snprintf(v->url_id, sizeof v->url_id, "%s", id);
    snprintf(v->url_path, sizeof v->url_path, "levels/comics/%s.json", id);
    v->url_requested = false; /* asked for through the asset pool on the first loading step */
    return true;
}

comic_view_loading comic_view_pump_loading(comic_view *v, view_ctx *vc, diag_list *diags)
{
    if (diags->errors > 0) return COMIC_VIEW_FAILED;
    if (!v->url_loaded) {
        if (!v->url_requested) {
            v->url_fetch = asset_request(vc->assets, v->url_path);
            v->url_requested = true;
        }
        if (asset_state(vc->assets, v->url_fetch) == PLAT_FETCH_PENDING) return COMIC_VIEW_LOADING;
        size_t len = 0;
        const char *d = asset_data(vc->assets, v->url_fetch, &len);
        bool ok = d && comic_load(&v->url_comic, v->url_path, d, len, diags);
        asset_release(vc->assets, v->url_fetch);
        if (!d) diag_add(diags, DIAG_ERROR, DIAG_IO, v->url_path, 0, 0, "", "the file could not be loaded");
        if (ok && strcmp(v->url_comic.id, v->url_id) != 0) {
            diag_add(diags, DIAG_ERROR, DIAG_UNKNOWN_REF, v->url_path, 0, 0, "id",
                     "the comic's id '%s' differs from its file name '%s.json'", v->url_comic.id, v->url_id);
            comic_free(&v->url_comic);
            ok = false;
        }
        if (!ok) return COMIC_VIEW_FAILED;
        v->url_loaded = true;
        comic_view_open(v, vc, &v->url_comic);
    }
    return asset_pending(vc->assets) ? COMIC_VIEW_LOADING : COMIC_VIEW_READY;
}

void comic_view_standalone_pass(comic_view *v, view_ctx *vc)
{
    if (!v->comic) return;
    if (v->open) {
        if (!comic_view_pass(v, vc, false)) return;
        v->focus_later = uik(UIK_COMIC_OPEN, 0);
        vc->dirty = true;
        return;
    }
    if (v->focus_later == uik(UIK_COMIC_OPEN, 0)) {
        ui_focus(vc->ui, v->focus_later);
        v->focus_later = 0;
    }
    const char *title = i18n_get(&v->comic->title, vc->lang);
    wg_top_bar(vc, title, false, 0);
    if (wg_dialog(vc, title, str(vc->lang, STR_COMIC_CLOSED), NULL, uik(UIK_COMIC_OPEN, 0), str(vc->lang, STR_COMIC_OPEN), false))
        comic_view_open(v, vc, v->comic);
}
