/* dev_overlay.c - places, ids and coordinates over the scene in the live preview (see the
 * header). Nothing here runs unless the page asked for it with ?dev=1. */
#include "dev_overlay.h"

#include <stdio.h>
#include <string.h>

#include "../platform/platform.h"
#include "text.h"

static struct {
    int active;          /* -1: not asked yet; 0: off; 1: on */
    SDL_Renderer *renderer; /* set on the first draw: the event filter works from then on */
    bool redraw;         /* the pointer moved or a measure ended: the app draws again */
    SDL_Rect frame;      /* the scene as last drawn, logical units */
    float scale;         /* logical units per scene unit */
    bool measuring;      /* Shift + drag under way */
    int x0, y0, x1, y1;  /* its corners, logical units */
    char last[96];       /* the last measured rectangle, shown until the next one */
} D = {.active = -1};

/* Scene units of a logical point. */
static void to_scene(int lx, int ly, int *sx, int *sy)
{
    *sx = (int)((float)(lx - D.frame.x) / D.scale + 0.5f);
    *sy = (int)((float)(ly - D.frame.y) / D.scale + 0.5f);
}

static void logical(SDL_Renderer *r, int wx, int wy, int *lx, int *ly)
{
    float fx, fy;
    SDL_RenderWindowToLogical(r, wx, wy, &fx, &fy);
    *lx = (int)fx;
    *ly = (int)fy;
}

/* Runs as SDL queues each event, before the game sees it. Shift + drag on the scene is the
   overlay's own (dropped, so it answers nothing); pointer moves ask for a redraw. */
static int SDLCALL filter(void *user, SDL_Event *e)
{
    (void)user;
    if (!D.renderer || D.scale <= 0) return 1;
    SDL_Renderer *r = D.renderer;
    int lx, ly;
    switch (e->type) {
    case SDL_MOUSEMOTION:
        D.redraw = true;
        if (D.measuring) {
            logical(r, e->motion.x, e->motion.y, &D.x1, &D.y1);
            return 0;
        }
        return 1;
    case SDL_MOUSEBUTTONDOWN:
        logical(r, e->button.x, e->button.y, &lx, &ly);
        if (e->button.button != SDL_BUTTON_LEFT || !(SDL_GetModState() & KMOD_SHIFT) ||
            lx < D.frame.x || ly < D.frame.y || lx >= D.frame.x + D.frame.w || ly >= D.frame.y + D.frame.h)
            return 1;
        D.measuring = true;
        D.x0 = D.x1 = lx;
        D.y0 = D.y1 = ly;
        D.redraw = true;
        return 0;
    case SDL_MOUSEBUTTONUP:
        if (!D.measuring || e->button.button != SDL_BUTTON_LEFT) return 1;
        D.measuring = false;
        logical(r, e->button.x, e->button.y, &D.x1, &D.y1);
        int ax, ay, bx, by;
        to_scene(D.x0 < D.x1 ? D.x0 : D.x1, D.y0 < D.y1 ? D.y0 : D.y1, &ax, &ay);
        to_scene(D.x0 < D.x1 ? D.x1 : D.x0, D.y0 < D.y1 ? D.y1 : D.y0, &bx, &by);
        snprintf(D.last, sizeof D.last, "\"rect\": [%d, %d, %d, %d]", ax, ay, bx - ax, by - ay);
        /* the page (web/dev.js) shows console lines that start so, with a copy button */
        printf("pakopeli-dev: %s\n", D.last);
        fflush(stdout);
        D.redraw = true;
        return 0;
    default: return 1;
    }
}

bool dev_overlay_active(void)
{
    if (D.active < 0) {
        char v[8] = "";
        D.active = plat_param("dev", v, sizeof v) && strcmp(v, "0") != 0;
    }
    return D.active == 1;
}

static SDL_Rect on_screen(level_rect r)
{
    return (SDL_Rect){D.frame.x + (int)((float)r.x * D.scale), D.frame.y + (int)((float)r.y * D.scale),
                      (int)((float)r.w * D.scale), (int)((float)r.h * D.scale)};
}

/* A small label on a plate, kept inside the scene. */
static void tag(gfx *g, const char *s, int x, int y)
{
    text_style st = {TEXT_BOLD, 12, GFX_ON_ACCENT, TEXT_LEFT};
    int w, h;
    text_measure(g, s, st, 0, &w, &h);
    if (x + w + 8 > D.frame.x + D.frame.w) x = D.frame.x + D.frame.w - w - 8;
    if (x < D.frame.x) x = D.frame.x;
    if (y < D.frame.y) y = D.frame.y;
    gfx_fill(g, (SDL_Rect){x, y, w + 8, h + 2}, GFX_TEXT);
    text_draw(g, s, (text_style){TEXT_BOLD, 12, GFX_SURFACE, TEXT_LEFT}, x + 4, y + 1, 0);
}

bool dev_overlay_take_redraw(void)
{
    bool r = D.redraw;
    D.redraw = false;
    return r;
}

void dev_overlay_scene(gfx *g, ui *u, const level_room *room, SDL_Rect frame, float scale)
{
    if (!dev_overlay_active()) return;
    if (!D.renderer) SDL_SetEventFilter(filter, NULL);
    D.renderer = g->renderer;
    D.frame = frame;
    D.scale = scale;
    char buf[160];

    /* every place of every hotspot puzzle, and the places items are used on */
    for (int i = 0; i < room->puzzle_count; i++) {
        const level_puzzle *p = &room->puzzles[i];
        if (p->kind == LEVEL_P_HOTSPOTS) {
            for (int k = 0; k < p->option_count; k++) {
                const level_option *o = &p->options[k];
                SDL_Rect r = on_screen(o->rect);
                gfx_outline(g, r, o->correct ? GFX_OK : GFX_BAD, 2);
                /* + a right place, \u00D7 a decoy: Lato has no check mark, and colour alone is not enough */
                snprintf(buf, sizeof buf, "%s %s/%s [%d, %d, %d, %d]", o->correct ? "+" : "\xC3\x97", p->id,
                         o->id, o->rect.x, o->rect.y, o->rect.w, o->rect.h);
                tag(g, buf, r.x, r.y + r.h + 1);
            }
        } else if (p->kind == LEVEL_P_USE && p->use_place) {
            const level_widget *w = level_find_widget(room, p->use_place);
            if (!w) continue;
            SDL_Rect r = on_screen(w->rect);
            gfx_outline(g, r, GFX_FOCUS, 2);
            snprintf(buf, sizeof buf, "%s: %s", p->id, p->use_place);
            tag(g, buf, r.x, r.y + r.h + 1);
        }
    }

    /* the pointer: a cross-hair, its scene coordinates, and the widget under it */
    int mx = u->mouse_x, my = u->mouse_y;
    if (mx >= frame.x && my >= frame.y && mx < frame.x + frame.w && my < frame.y + frame.h) {
        int sx, sy;
        to_scene(mx, my, &sx, &sy);
        gfx_fill(g, (SDL_Rect){frame.x, my, frame.w, 1}, GFX_FOCUS);
        gfx_fill(g, (SDL_Rect){mx, frame.y, 1, frame.h}, GFX_FOCUS);
        const level_widget *under = NULL;
        for (int i = 0; i < room->widget_count; i++) {
            level_rect r = room->widgets[i].rect;
            if (sx >= r.x && sy >= r.y && sx < r.x + r.w && sy < r.y + r.h && room->widgets[i].id) under = &room->widgets[i];
        }
        if (under) {
            gfx_outline(g, on_screen(under->rect), GFX_FOCUS, 1);
            snprintf(buf, sizeof buf, "x %d, y %d \xC2\xB7 %s [%d, %d, %d, %d]", sx, sy, under->id, under->rect.x,
                     under->rect.y, under->rect.w, under->rect.h);
        } else {
            snprintf(buf, sizeof buf, "x %d, y %d", sx, sy);
        }
        tag(g, buf, mx + 12, my + 14);
        ui_say(u, buf); /* the tests read it; only in the preview */
    }
    if (D.measuring) {
        int x = D.x0 < D.x1 ? D.x0 : D.x1, y = D.y0 < D.y1 ? D.y0 : D.y1;
        int w = D.x0 < D.x1 ? D.x1 - D.x0 : D.x0 - D.x1, h = D.y0 < D.y1 ? D.y1 - D.y0 : D.y0 - D.y1;
        gfx_outline(g, (SDL_Rect){x, y, w, h}, GFX_ACCENT, 2);
        int ax, ay, bx, by;
        to_scene(x, y, &ax, &ay);
        to_scene(x + w, y + h, &bx, &by);
        snprintf(buf, sizeof buf, "\"rect\": [%d, %d, %d, %d]", ax, ay, bx - ax, by - ay);
        tag(g, buf, x, y + h + 2);
    } else if (D.last[0]) {
        tag(g, D.last, frame.x + 4, frame.y + frame.h - 20);
        ui_say(u, D.last);
    }
}
