#include "ui.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../platform/platform.h"

/* Copies src to dst (cap bytes, always terminated when cap > 0) with its line breaks spoken:
   the eye sees the break, the ear needs a pause. After a word or a number ("Koodin osa: 4"
   over "Virheitä: 0") a break becomes ". ", after the text's own punctuation a space. Returns
   the length written, or cap when src did not fit. */
static size_t spoken_copy(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    for (const char *p = src; *p; p++) {
        if (*p != '\n') {
            if (n + 1 >= cap) return cap;
            dst[n++] = *p;
            continue;
        }
        size_t k = n;
        while (k > 0 && dst[k - 1] == ' ') k--;
        unsigned char prev = k > 0 ? (unsigned char)dst[k - 1] : 0;
        bool pause = prev && (isalnum(prev) || prev >= 0x80 || prev == ')' || prev == '%');
        if (n + 2 >= cap) return cap;
        if (pause) dst[n++] = '.';
        if (n == 0 || dst[n - 1] != ' ') dst[n++] = ' ';
    }
    if (cap) dst[n] = '\0';
    return n;
}

/* Appends to the mirror with the item's own line breaks spoken (spoken_copy): one line is one
   thing on screen, which is how the page (and the tests) read it. */
static void mirror_append(ui *u, const char *fmt, ...)
{
    if (u->mirror_len >= sizeof u->mirror - 1) return;
    static char tmp[UI_MIRROR_MAX]; /* not on the stack: 16 kB; the UI runs on one thread */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n <= 0 || (size_t)n >= sizeof tmp) return;
    /* the item's own ending newline (the line separator) stays a newline */
    bool eol = tmp[n - 1] == '\n';
    if (eol) tmp[n - 1] = '\0';
    size_t room = sizeof u->mirror - u->mirror_len;
    size_t w = spoken_copy(u->mirror + u->mirror_len, room, tmp);
    if (w >= room || (eol && w + 1 >= room)) { u->mirror[u->mirror_len] = '\0'; return; } /* cut: keep what fits */
    u->mirror_len += w;
    if (eol) u->mirror[u->mirror_len++] = '\n';
    u->mirror[u->mirror_len] = '\0';
}

static uint32_t hit(const uint32_t *keys, const SDL_Rect *rects, int count, int x, int y)
{
    /* last declared is on top */
    for (int i = count - 1; i >= 0; i--)
        if (gfx_contains(rects[i], x, y)) return keys[i];
    return 0;
}

/* Between passes, keys/rects/draggable hold the last pass: the one on screen, which is what
   the player points at (prev_* is the pass before it, kept for navigation during a pass). */
bool ui_event(ui *u, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_MOUSEMOTION: {
        u->mouse_x = e->motion.x;
        u->mouse_y = e->motion.y;
        if (u->pressed && !u->moved &&
            (abs(e->motion.x - u->press_x) > 10 || abs(e->motion.y - u->press_y) > 10)) {
            u->moved = true;
            for (int i = 0; i < u->count; i++)
                if (u->keys[i] == u->press_key && u->draggable[i]) u->drag_key = u->press_key;
            u->scroll_drag += e->motion.y - u->press_y; /* the part before the tolerance counts too */
            u->scroll_drag_x += e->motion.x - u->press_x;
            return true;
        }
        if (u->drag_key) return true;
        if (u->pressed && u->moved) {
            u->scroll_drag += e->motion.yrel;
            u->scroll_drag_x += e->motion.xrel;
            return true;
        }
        uint32_t h = hit(u->keys, u->rects, u->count, e->motion.x, e->motion.y);
        if (h == u->hover_key) return false;
        u->hover_key = h;
        return true;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT) return false;
        u->mouse_x = e->button.x;
        u->mouse_y = e->button.y;
        u->pressed = true;
        u->moved = false;
        u->press_x = e->button.x;
        u->press_y = e->button.y;
        u->press_key = hit(u->keys, u->rects, u->count, e->button.x, e->button.y);
        u->focus_visible = false;
        return true;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT || !u->pressed) return false;
        u->pressed = false;
        if (u->drag_key) {
            u->drop_pending = true;
            u->drop_x = e->button.x;
            u->drop_y = e->button.y;
        } else if (!u->moved) {
            /* released where it was pressed: a click or a tap */
            u->click_pending = true;
            u->click_x = u->press_x;
            u->click_y = u->press_y;
        }
        return true;
    case SDL_MOUSEWHEEL: {
        /* precise: what the device gave, fractions kept (SDL's whole y waits until they add up) */
        float y = e->wheel.preciseY != 0.0f ? e->wheel.preciseY : (float)e->wheel.y;
        float x = e->wheel.preciseX != 0.0f ? e->wheel.preciseX : (float)e->wheel.x;
        if (SDL_GetModState() & KMOD_SHIFT) u->wheel_x -= y;
        else u->wheel += y;
        u->wheel_x += x;
        return true;
    }
    case SDL_TEXTINPUT: {
        size_t have = strlen(u->typed), add = strlen(e->text.text);
        if (have + add < sizeof u->typed) memcpy(u->typed + have, e->text.text, add + 1);
        return true;
    }
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        bool shift = (e->key.keysym.mod & KMOD_SHIFT) != 0;
        u->tab_pending = k == SDLK_TAB;
        if (k == SDLK_TAB) u->nav_pending = shift ? -1 : 1;
        else if (k == SDLK_DOWN || k == SDLK_RIGHT) u->nav_pending = 1;
        else if (k == SDLK_UP || k == SDLK_LEFT) u->nav_pending = -1;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
            u->activate_pending = true;
            u->space_activation = k == SDLK_SPACE;
        } else if (k == SDLK_BACKSPACE) u->backspaces++;
        else if (k == SDLK_ESCAPE) u->escape_pending = true;
        else return false;
        u->focus_visible = true;
        return true;
    }
    default:
        return false;
    }
}

void ui_begin(ui *u)
{
    memcpy(u->prev_keys, u->keys, sizeof u->keys);
    memcpy(u->prev_rects, u->rects, sizeof u->rects);
    memcpy(u->prev_draggable, u->draggable, sizeof u->draggable);
    u->prev_count = u->count;
    u->count = 0;
    u->mirror_len = 0;
    u->mirror[0] = '\0';
    u->focus_label[0] = '\0';
    u->click_hit = false;
    u->escape = u->escape_pending;
    u->escape_pending = false;
    if (!u->news_held) { /* news of a pass that was not shown goes with the next one */
        u->news_len = 0;
        u->news[0] = '\0';
    }
    u->news_held = false;

    /* Navigation uses the order of the previous pass: the same items, normally. */
    if (u->nav_pending && u->prev_count > 0) {
        int at = -1;
        for (int i = 0; i < u->prev_count; i++)
            if (u->prev_keys[i] == u->focus_key) at = i;
        if (at < 0) at = u->nav_pending > 0 ? -1 : u->prev_count;
        at += u->nav_pending;
        if (u->tab_pending && (at < 0 || at >= u->prev_count)) {
            /* Tab past either end leaves the game for the page: no keyboard trap (WCAG 2.1.2) */
            u->focus_key = 0;
            plat_leave_focus(u->nav_pending > 0);
        } else {
            u->focus_key = u->prev_keys[(at + u->prev_count) % u->prev_count];
        }
    }
    /* a screen with nothing to choose (loading, a picture that only waits) holds no one: Tab leaves */
    if (u->tab_pending && u->prev_count == 0) plat_leave_focus(u->nav_pending > 0);
    u->nav_pending = 0;
    u->tab_pending = false;
}

static ui_state item(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role, bool draggable,
                     const char *lang);

ui_state ui_item(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role)
{
    return item(u, key, r, label, role, false, NULL);
}

ui_state ui_item_draggable(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role)
{
    return item(u, key, r, label, role, true, NULL);
}

ui_state ui_item_lang(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role, const char *lang)
{
    return item(u, key, r, label, role, false, lang);
}

static ui_state item(ui *u, uint32_t key, SDL_Rect r, const char *label, ui_role role, bool draggable,
                     const char *lang)
{
    ui_state s = {0};
    if (u->focus_first) {
        u->focus_first = false;
        u->focus_key = key;
    }
    if (u->count < UI_MAX_ITEMS) {
        u->keys[u->count] = key;
        u->rects[u->count] = r;
        u->draggable[u->count] = draggable;
        u->count++;
    }
    s.hovered = key == u->hover_key;
    s.focused = key == u->focus_key;
    bool reachable = !u->clipping || gfx_contains(u->clip, u->click_x, u->click_y);
    if (u->drag_key == key) {
        s.dragged = !u->drop_pending;
        s.dropped = u->drop_pending;
    }
    /* the click belongs to the topmost control under it in the pass the player saw (press_key);
       with none there, to whatever this pass puts under it */
    bool mine = u->press_key == 0 || u->press_key == key;
    if (u->click_pending && reachable && mine && gfx_contains(r, u->click_x, u->click_y)) {
        s.activated = true;
        u->click_hit = true;
        u->focus_key = key;
        s.focused = true;
    }
    if (s.focused && u->activate_pending) {
        /* one key press activates one control, even if the focus moves within this pass */
        s.activated = true;
        u->activate_pending = false;
    }

    const char *role_name = u->role_names[role] ? u->role_names[role] : "";
    /* "@x,y,w,h|" lets the page place the control (tests click there; see web/shell.js); in a
       scrolling area ";x,y,w,h" adds the part of the screen where it can be seen */
    char where[96];
    if (u->clipping)
        snprintf(where, sizeof where, "@%d,%d,%d,%d;%d,%d,%d,%d", r.x, r.y, r.w, r.h, u->clip.x, u->clip.y,
                 u->clip.w, u->clip.h);
    else
        snprintf(where, sizeof where, "@%d,%d,%d,%d", r.x, r.y, r.w, r.h);
    /* "~sv" marks a label in another language */
    mirror_append(u, "%s%s%s|%s%s%s%s\n", where, lang ? "~" : "", lang ? lang : "", s.focused ? "▶ " : "", label,
                  role_name[0] ? " – " : "", role_name);
    if (s.focused) {
        snprintf(u->focus_label, sizeof u->focus_label, "%s%s%s", label, role_name[0] ? " – " : "",
                 role_name);
        u->focus_rect = r;
    }
    return s;
}

void ui_say(ui *u, const char *text)
{
    if (!text || !text[0]) return;
    mirror_append(u, "%s\n", text);
}

void ui_say_at(ui *u, SDL_Rect r, const char *text)
{
    if (!text || !text[0]) return;
    if (u->clipping) /* in a scrolling area: where it can be seen, as for controls */
        mirror_append(u, UI_MARK "R%d,%d,%d,%d;%d,%d,%d,%d|%s\n", r.x, r.y, r.w, r.h, u->clip.x, u->clip.y, u->clip.w,
                      u->clip.h, text);
    else
        mirror_append(u, UI_MARK "R%d,%d,%d,%d|%s\n", r.x, r.y, r.w, r.h, text);
}

void ui_heading(ui *u, const char *text)
{
    if (!text || !text[0]) return;
    mirror_append(u, UI_MARK "H|%s\n", text);
    ui_announce(u, 0, text);
}

void ui_group_begin(ui *u, const char *label) { mirror_append(u, UI_MARK "G|%s\n", label ? label : ""); }
void ui_group_begin_at(ui *u, const char *label, SDL_Rect r)
{
    mirror_append(u, UI_MARK "G@%d,%d,%d,%d|%s\n", r.x, r.y, r.w, r.h, label ? label : "");
}

/* A group with nothing in it says nothing: its begin line, then the mirror's last, is taken back
   (a search's task at 200 % zoom draws its number and prompt above the scene, outside the panel's
   group, which a screen reader otherwise read as an empty "Tehtävä 1/6"). Nested empty groups go
   from the inside out. */
void ui_group_end(ui *u)
{
    static const char begin[] = UI_MARK "G";
    size_t end = u->mirror_len;
    if (end > 0 && u->mirror[end - 1] == '\n') {
        size_t start = end - 1;
        while (start > 0 && u->mirror[start - 1] != '\n') start--;
        if (strncmp(u->mirror + start, begin, sizeof begin - 1) == 0) {
            u->mirror_len = start;
            u->mirror[start] = '\0';
            return;
        }
    }
    mirror_append(u, UI_MARK "g\n");
}

void ui_dialog_begin(ui *u, const char *title)
{
    mirror_append(u, UI_MARK "D|%s\n", title ? title : "");
    mirror_append(u, UI_MARK "H|%s\n", title ? title : "");
    ui_announce(u, 0, title);
}

void ui_dialog_end(ui *u) { mirror_append(u, UI_MARK "d\n"); }

void ui_announce(ui *u, uint32_t event, const char *text)
{
    if (!text || !text[0]) return;
    uint64_t h = 1469598103934665603ull; /* FNV-1a of the text and the event */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) h = (h ^ *p) * 1099511628211ull;
    h = (h ^ event) * 1099511628211ull;
    for (int i = 0; i < UI_ANNOUNCED; i++)
        if (u->announced[i] == h) return;
    u->announced[u->announced_next] = h;
    u->announced_next = (u->announced_next + 1) % UI_ANNOUNCED;
    size_t room = sizeof u->news - u->news_len;
    size_t n = spoken_copy(u->news + u->news_len, room, text);
    if (n + 2 > room) { u->news[u->news_len] = '\0'; return; }
    u->news_len += n;
    u->news[u->news_len++] = '\n';
    u->news[u->news_len] = '\0';
}

void ui_announce_reset(ui *u)
{
    memset(u->announced, 0, sizeof u->announced);
    u->announced_next = 0;
}

void ui_focus_first(ui *u) { u->focus_first = true; }

bool ui_missed_click(const ui *u, int *x, int *y)
{
    if (!u->click_pending || u->click_hit) return false;
    *x = u->click_x;
    *y = u->click_y;
    return true;
}

void ui_focus(ui *u, uint32_t key) { u->focus_key = key; }

void ui_clip(ui *u, SDL_Rect r)
{
    u->clipping = true;
    u->clip = r;
}

void ui_clip_end(ui *u) { u->clipping = false; }

const char *ui_take_typed(ui *u, int *backspaces)
{
    static char out[sizeof u->typed];
    memcpy(out, u->typed, sizeof out);
    *backspaces = u->backspaces;
    u->typed[0] = '\0';
    u->backspaces = 0;
    return out;
}

void ui_end(ui *u, gfx *g)
{
    bool focus_present = false;
    for (int i = 0; i < u->count; i++)
        if (u->keys[i] == u->focus_key) focus_present = true;
    if (!focus_present) u->focus_key = 0;
    if (u->focus_key && u->focus_visible) {
        SDL_Rect r = u->focus_rect;
        gfx_outline(g, (SDL_Rect){r.x - 4, r.y - 4, r.w + 8, r.h + 8}, GFX_FOCUS, 3);
    }
    u->click_pending = false;
    u->activate_pending = false;
    u->space_activation = false;
    u->wheel = 0;
    u->wheel_x = 0;
    u->scroll_drag = 0;
    u->scroll_drag_x = 0;
    u->typed[0] = '\0'; /* text typed while no field had focus goes nowhere */
    u->backspaces = 0;
    if (u->drop_pending) {
        u->drop_pending = false;
        u->drag_key = 0;
        u->press_key = 0;
    }
    if (u->mirror_len > 0 && u->mirror[u->mirror_len - 1] == '\n') u->mirror[--u->mirror_len] = '\0';
    if (u->hold) { /* the page keeps the mirror of what is on screen (app.c: a frame left for later) */
        u->news_held = true;
        return;
    }
    ui_publish(u);
}

void ui_publish(ui *u)
{
    u->hold = false;
    u->news_held = false;
    if (u->news_len > 0 && u->news[u->news_len - 1] == '\n') u->news[--u->news_len] = '\0';
    plat_mirror(u->mirror, u->focus_label, u->news);
    u->news_len = 0;
    u->news[0] = '\0';
}
