#include "comic.h"

#include <string.h>

#include "jsonx.h"
#include "load.h"

/* ---- readers (the shared ones are in load.h) ----------------------------------------------- */

/* [a, b] with both numbers in [lo, hi]. */
static bool read_pair(load_ctx *L, const cJSON *obj, const char *key, bool required, double lo,
                      double hi, const char *what, double out[2])
{
    const cJSON *a = NULL;
    if (!jx_get_array(&L->r, obj, key, required, &a)) return false;
    if (!a) return true;
    const cJSON *x = cJSON_GetArrayItem(a, 0), *y = cJSON_GetArrayItem(a, 1);
    if (cJSON_GetArraySize(a) != 2 || !cJSON_IsNumber(x) || !cJSON_IsNumber(y))
        return jx_error(&L->r, key, DIAG_TYPE, "should be %s: two numbers in [ ]", what);
    /* on the number that is out of range (page_size[0], the width), so that a form marks the
       field the author typed, not the pair as a whole */
    for (int i = 0; i < 2; i++) {
        double v = (i ? y : x)->valuedouble;
        if (v >= lo && v <= hi) continue;
        size_t m = jx_push_key(&L->r, key);
        jx_push_index(&L->r, i);
        jx_error(&L->r, NULL, DIAG_BAD_VALUE, "should be %s, each %g to %g", what, lo, hi);
        jx_pop(&L->r, m);
        return false;
    }
    out[0] = x->valuedouble;
    out[1] = y->valuedouble;
    return true;
}

static bool read_rect(load_ctx *L, const cJSON *obj, const char *key, comic_rect *out)
{
    const cJSON *a = NULL;
    if (!jx_get_array(&L->r, obj, key, true, &a) || !a) return false;
    int v[4];
    if (cJSON_GetArraySize(a) != 4)
        return jx_error(&L->r, key, DIAG_BAD_VALUE, "should be [x, y, width, height]");
    const cJSON *it_i = a->child;
    for (int i = 0; i < 4 && it_i; i++, it_i = it_i->next) {
        const cJSON *n = it_i;
        if (!cJSON_IsNumber(n) || !(n->valuedouble >= -10000 && n->valuedouble <= 10000))
            return jx_error(&L->r, key, DIAG_TYPE, "should be [x, y, width, height] in numbers");
        v[i] = (int)n->valuedouble;
    }
    if (v[2] < 40 || v[3] < 40)
        return jx_error(&L->r, key, DIAG_BAD_VALUE, "a panel must be at least 40 by 40");
    *out = (comic_rect){v[0], v[1], v[2], v[3]};
    return true;
}

/* An image is a file under assets/, SVG, PNG or JPEG (what gfx draws: a photo scaled by the studio
   is a JPEG); the path cannot leave the game's folder. */
static bool read_image(load_ctx *L, const cJSON *obj, const char **out)
{
    const char *s = NULL;
    if (!jx_get_string(&L->r, obj, "image", true, &s) || !s) return false;
    size_t n = strlen(s);
    bool svg = n > 4 && (strcmp(s + n - 4, ".svg") == 0 || strcmp(s + n - 4, ".SVG") == 0);
    bool png = n > 4 && (strcmp(s + n - 4, ".png") == 0 || strcmp(s + n - 4, ".PNG") == 0);
    bool jpg = (n > 4 && (strcmp(s + n - 4, ".jpg") == 0 || strcmp(s + n - 4, ".JPG") == 0)) ||
               (n > 5 && (strcmp(s + n - 5, ".jpeg") == 0 || strcmp(s + n - 5, ".JPEG") == 0));
    if (strncmp(s, "assets/", 7) != 0 || strstr(s, "..") || strchr(s, '\\'))
        return jx_error(&L->r, "image", DIAG_BAD_VALUE,
                        "'%s' should be a file under assets/, such as \"assets/comics/page1-1.svg\"", s);
    if (!svg && !png && !jpg)
        return jx_error(&L->r, "image", DIAG_BAD_VALUE, "'%s' should be an .svg, .png or .jpg file", s);
    if (n >= 128) return jx_error(&L->r, "image", DIAG_BAD_VALUE, "the path is too long");
    *out = load_dup(L, s);
    return true;
}

/* ---- bubbles, panels, pages --------------------------------------------------------------- */

static const char *const kind_names[] = {"speech", "thought", "caption", NULL};

static bool read_speaker(load_ctx *L, const comic *c, const cJSON *b, int *out)
{
    const char *id = NULL;
    if (!jx_get_string(&L->r, b, "speaker", true, &id) || !id) return false;
    *out = comic_find_character(c, id);
    if (*out >= 0) return true;
    const char *names[COMIC_MAX_CHARACTERS + 1];
    int n = 0;
    for (int i = 0; i < c->character_count; i++)
        if (c->characters[i].id) names[n++] = c->characters[i].id;
    names[n] = NULL;
    const char *s = jx_suggest(id, names);
    if (n == 0)
        return jx_error(&L->r, "speaker", DIAG_UNKNOWN_REF,
                        "no character has the id '%s': list the people in \"characters\"", id);
    return jx_error(&L->r, "speaker", DIAG_UNKNOWN_REF, "no character has the id '%s'%s%s%s", id,
                    s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
}

static bool read_bubble(load_ctx *L, const comic *c, const cJSON *b, comic_bubble *out)
{
    static const char *const fields[] = {"kind", "text", "speaker", "at", "width", "tail", NULL};
    static const float default_width[COMIC_KIND_COUNT] = {42, 42, 60};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(b)) return jx_error(r, NULL, DIAG_TYPE, "a bubble should be an object {...}");
    bool ok = jx_check_fields(r, b, fields);
    int kind = -1;
    ok &= load_enum(L, b, "kind", true, kind_names, &kind);
    ok &= load_text(L, b, "text", true, &out->text);
    double at[2] = {0, 0}, tail[2] = {0, 0}, width = 0;
    ok &= read_pair(L, b, "at", true, 0, 100, "[x, y] in percent of the panel", at);
    out->at = (comic_point){(float)at[0], (float)at[1]};
    out->speaker = -1;
    if (kind < 0) return false;
    out->kind = (comic_bubble_kind)kind;

    const cJSON *w = cJSON_GetObjectItemCaseSensitive(b, "width");
    out->width = default_width[kind];
    if (w) {
        if (!cJSON_IsNumber(w)) ok = jx_error(r, "width", DIAG_TYPE, "should be a number (percent of the panel)");
        else if (w->valuedouble < 10 || w->valuedouble > 100)
            ok = jx_error(r, "width", DIAG_BAD_VALUE, "should be 10 to 100 (percent of the panel)");
        else width = w->valuedouble;
        if (width > 0) out->width = (float)width;
    }

    bool has_speaker = cJSON_GetObjectItemCaseSensitive(b, "speaker") != NULL;
    out->has_tail = cJSON_GetObjectItemCaseSensitive(b, "tail") != NULL;
    if (out->kind == COMIC_CAPTION) {
        if (has_speaker)
            ok = jx_error(r, "speaker", DIAG_BAD_VALUE,
                          "a caption is the narrator's and has no \"speaker\"; use \"speech\" or \"thought\"");
        if (out->has_tail) ok = jx_error(r, "tail", DIAG_BAD_VALUE, "a caption has no \"tail\"");
        out->has_tail = false;
    } else {
        ok &= read_speaker(L, c, b, &out->speaker);
        if (out->kind == COMIC_SPEECH && !out->has_tail)
            ok = jx_error(r, NULL, DIAG_MISSING,
                          "a speech bubble needs a \"tail\": [x, y] where the speaker's mouth is");
    }
    if (out->has_tail) {
        ok &= read_pair(L, b, "tail", true, 0, 100, "[x, y] in percent of the panel", tail);
        out->tail = (comic_point){(float)tail[0], (float)tail[1]};
    }
    return ok;
}

static bool read_panel(load_ctx *L, const comic *c, const cJSON *p, comic_panel *out, bool *has_order)
{
    static const char *const fields[] = {"rect", "order", "image", "description", "bubbles", NULL};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(p)) return jx_error(r, NULL, DIAG_TYPE, "a panel should be an object {...}");
    bool ok = jx_check_fields(r, p, fields);
    ok &= read_rect(L, p, "rect", &out->rect);
    *has_order = cJSON_GetObjectItemCaseSensitive(p, "order") != NULL;
    ok &= jx_get_int(r, p, "order", false, 1, COMIC_MAX_PANELS, &out->order);
    ok &= read_image(L, p, &out->image);
    ok &= load_text(L, p, "description", true, &out->description);
    const cJSON *bubbles = NULL;
    ok &= jx_get_array(r, p, "bubbles", false, &bubbles);
    if (bubbles) {
        size_t m = jx_push_key(r, "bubbles");
        int n = cJSON_GetArraySize(bubbles);
        if (n > COMIC_MAX_BUBBLES) {
            ok = jx_error(r, NULL, DIAG_TOO_MANY,
                          "at most %d bubbles and captions in a panel: split the panel in two",
                          COMIC_MAX_BUBBLES);
            n = COMIC_MAX_BUBBLES;
        }
        out->bubbles = load_alloc(L, sizeof *out->bubbles * (size_t)(n ? n : 1));
        out->bubble_count = out->bubbles ? n : 0;
        const cJSON *it_i = bubbles->child;
        for (int i = 0; (i < out->bubble_count) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            ok &= read_bubble(L, c, it_i, &out->bubbles[i]);
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    return ok;
}

static bool overlaps(comic_rect a, comic_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Reading order: either every panel of a page has an "order" (1..n, each once) or none has,
   and then the order of the list is the reading order. Sorts the panels into that order. */
static bool order_panels(load_ctx *L, comic_page *pg, const bool *has_order)
{
    jx_reader *r = &L->r;
    int given = 0;
    for (int i = 0; i < pg->panel_count; i++) given += has_order[i];
    if (given == 0) {
        for (int i = 0; i < pg->panel_count; i++) pg->panels[i].order = i + 1;
        return true;
    }
    bool ok = true;
    if (given != pg->panel_count) {
        for (int i = 0; i < pg->panel_count; i++) {
            if (has_order[i]) continue;
            size_t m = jx_push_key(r, "panels");
            jx_push_index(r, i);
            ok = jx_error(r, NULL, DIAG_MISSING,
                          "this panel has no \"order\" but others on the page do: give every panel "
                          "an order, or none");
            jx_pop(r, m);
        }
        return ok;
    }
    int seen[COMIC_MAX_PANELS + 1];
    for (int i = 0; i <= COMIC_MAX_PANELS; i++) seen[i] = -1;
    for (int i = 0; i < pg->panel_count; i++) {
        int o = pg->panels[i].order;
        size_t m = jx_push_key(r, "panels");
        jx_push_index(r, i);
        if (o > pg->panel_count)
            ok = jx_error(r, "order", DIAG_BAD_VALUE,
                          "order %d on a page of %d panels: number the panels 1 to %d", o,
                          pg->panel_count, pg->panel_count);
        else if (seen[o] >= 0)
            ok = jx_error(r, "order", DIAG_DUPLICATE_ID, "order %d is also given to panel %d", o,
                          seen[o] + 1);
        else
            seen[o] = i;
        jx_pop(r, m);
    }
    if (!ok) return false;
    /* insertion sort: at most COMIC_MAX_PANELS, and stable */
    for (int i = 1; i < pg->panel_count; i++) {
        comic_panel p = pg->panels[i];
        int j = i - 1;
        while (j >= 0 && pg->panels[j].order > p.order) {
            pg->panels[j + 1] = pg->panels[j];
            j--;
        }
        pg->panels[j + 1] = p;
    }
    return true;
}

static bool read_page(load_ctx *L, comic *c, const cJSON *p, int default_w, int default_h,
                      comic_page *out)
{
    static const char *const fields[] = {"size", "panels", NULL};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(p)) return jx_error(r, NULL, DIAG_TYPE, "a page should be an object {\"panels\": [...]}");
    bool ok = jx_check_fields(r, p, fields);
    double size[2] = {default_w, default_h};
    ok &= read_pair(L, p, "size", false, 200, 4000, "[width, height]", size);
    out->w = (int)size[0];
    out->h = (int)size[1];
    const cJSON *panels = NULL;
    if (!jx_get_array(r, p, "panels", true, &panels) || !panels) return false;
    size_t m = jx_push_key(r, "panels");
    int n = cJSON_GetArraySize(panels);
    if (n == 0) ok = jx_error(r, NULL, DIAG_MISSING, "a page needs at least one panel");
    if (n > COMIC_MAX_PANELS) {
        ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d panels on a page", COMIC_MAX_PANELS);
        n = COMIC_MAX_PANELS;
    }
    out->panels = load_alloc(L, sizeof *out->panels * (size_t)(n ? n : 1));
    out->panel_count = out->panels ? n : 0;
    bool has_order[COMIC_MAX_PANELS] = {0};
    const cJSON *it_i = panels->child;
    for (int i = 0; (i < out->panel_count) && it_i; i++, it_i = it_i->next) {
        size_t mi = jx_push_index(r, i);
        comic_panel *pn = &out->panels[i];
        pn->source_index = i;
        bool panel_ok = read_panel(L, c, it_i, pn, &has_order[i]);
        ok &= panel_ok;
        comic_rect rc = pn->rect;
        if (panel_ok && (rc.x < 0 || rc.y < 0 || rc.x + rc.w > out->w || rc.y + rc.h > out->h))
            ok = jx_error(r, "rect", DIAG_OUT_OF_BOUNDS,
                          "the panel [%d, %d, %d, %d] is outside the %dx%d page", rc.x, rc.y,
                          rc.w, rc.h, out->w, out->h);
        for (int j = 0; panel_ok && j < i; j++)
            if (out->panels[j].rect.w > 0 && overlaps(rc, out->panels[j].rect))
                jx_warning(r, "rect", DIAG_OUT_OF_BOUNDS, "the panel overlaps panel %d", j + 1);
        jx_pop(r, mi);
    }
    jx_pop(r, m);
    if (ok) ok = order_panels(L, out, has_order);
    return ok;
}

static void read_characters(load_ctx *L, comic *c, const cJSON *root)
{
    static const char *const fields[] = {"id", "name", NULL};
    jx_reader *r = &L->r;
    const cJSON *chars = NULL;
    if (!jx_get_array(r, root, "characters", false, &chars) || !chars) return;
    size_t m = jx_push_key(r, "characters");
    int n = cJSON_GetArraySize(chars);
    if (n > COMIC_MAX_CHARACTERS) {
        jx_error(r, NULL, DIAG_TOO_MANY, "at most %d characters", COMIC_MAX_CHARACTERS);
        n = COMIC_MAX_CHARACTERS;
    }
    const cJSON *it_i = chars->child;
    for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
        const cJSON *o = it_i;
        size_t mi = jx_push_index(r, i);
        if (!cJSON_IsObject(o)) {
            jx_error(r, NULL, DIAG_TYPE, "should be an object {\"id\": ..., \"name\": {...}}");
        } else {
            comic_character *ch = &c->characters[c->character_count];
            jx_check_fields(r, o, fields);
            load_id(L, o, "id", true, &ch->id);
            load_text(L, o, "name", true, &ch->name);
            if (ch->id && comic_find_character(c, ch->id) >= 0)
                jx_error(r, "id", DIAG_DUPLICATE_ID, "character id '%s' is used twice", ch->id);
            if (ch->id) c->character_count++;
        }
        jx_pop(r, mi);
    }
    jx_pop(r, m);
}

/* ---- the comic ---------------------------------------------------------------------------- */

bool comic_load(comic *c, const char *file, const char *text, size_t len, diag_list *diags)
{
    static const char *const fields[] = {"id", "title", "characters", "page_size", "pages", NULL};
    memset(c, 0, sizeof *c);
    load_ctx L = {.r = jx_reader_make(file, text, len, diags), .mem = &c->mem};
    jx_reader *r = &L.r;
    int errors_before = diags->errors;
    cJSON *root = jx_parse(r);
    if (!root) return false;
    if (!cJSON_IsObject(root)) {
        jx_error(r, NULL, DIAG_TYPE, "a comic file should be one object {...}");
        cJSON_Delete(root);
        return false;
    }
    c->file = load_dup(&L, file);
    jx_check_fields(r, root, fields);
    load_id(&L, root, "id", true, &c->id);
    load_text(&L, root, "title", true, &c->title);
    read_characters(&L, c, root);
    double page_size[2] = {COMIC_DEFAULT_PAGE_W, COMIC_DEFAULT_PAGE_H};
    read_pair(&L, root, "page_size", false, 200, 4000, "[width, height]", page_size);

    const cJSON *pages = NULL;
    if (jx_get_array(r, root, "pages", true, &pages) && pages) {
        size_t m = jx_push_key(r, "pages");
        int n = cJSON_GetArraySize(pages);
        if (n == 0) jx_error(r, NULL, DIAG_MISSING, "a comic needs at least one page");
        if (n > COMIC_MAX_PAGES) {
            jx_error(r, NULL, DIAG_TOO_MANY, "at most %d pages", COMIC_MAX_PAGES);
            n = COMIC_MAX_PAGES;
        }
        const cJSON *it_i = pages->child;
        for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            comic_page *pg = &c->pages[c->page_count++];
            read_page(&L, c, it_i, (int)page_size[0], (int)page_size[1], pg);
            c->panel_total += pg->panel_count;
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    if (L.oom) diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, "", "out of memory");
    cJSON_Delete(root);
    if (diags->errors != errors_before) {
        comic_free(c);
        return false;
    }
    return true;
}

void comic_free(comic *c)
{
    arena_free(&c->mem);
    memset(c, 0, sizeof *c);
}

int comic_find_character(const comic *c, const char *id)
{
    for (int i = 0; id && i < c->character_count; i++)
        if (c->characters[i].id && strcmp(c->characters[i].id, id) == 0) return i;
    return -1;
}

int comic_panel_number(const comic *c, int page, int panel)
{
    int n = 0;
    for (int i = 0; i < page && i < c->page_count; i++) n += c->pages[i].panel_count;
    return n + panel;
}

bool comic_panel_at(const comic *c, int n, int *page, int *panel)
{
    if (n < 0) return false;
    for (int i = 0; i < c->page_count; i++) {
        if (n < c->pages[i].panel_count) {
            *page = i;
            *panel = n;
            return true;
        }
        n -= c->pages[i].panel_count;
    }
    return false;
}

const char *comic_kind_name(comic_bubble_kind kind)
{
    return (unsigned)kind < COMIC_KIND_COUNT ? kind_names[kind] : "?";
}
