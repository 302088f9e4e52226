#include "level.h"

#include <stdio.h>
#include <string.h>

#include "jsonx.h"
#include "load.h"
#include "seal.h"

/* A sealed room's tag: 32 hex digits (seal.h), into out (bytes) and/or *hex (a copy). */
static bool check_tag(load_ctx *L, const char *key, const char *s, unsigned char *out, const char **hex)
{
    bool ok = s && strlen(s) == 2 * SEAL_TAG;
    for (int i = 0; ok && i < SEAL_TAG; i++) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = s[2 * i + k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            ok = ok && d >= 0;
            v = v * 16 + (d < 0 ? 0 : d);
        }
        if (out) out[i] = (unsigned char)v;
    }
    if (!ok) return jx_error(&L->r, key, DIAG_BAD_VALUE, "should be %d hex digits (0-9, a-f)", 2 * SEAL_TAG);
    if (hex) *hex = load_dup(L, s);
    return true;
}

static bool read_tag(load_ctx *L, const cJSON *obj, const char *key, unsigned char *out, const char **hex)
{
    const char *s = NULL;
    if (!jx_get_string(&L->r, obj, key, true, &s) || !s) return false;
    return check_tag(L, key, s, out, hex);
}

/* ---- readers (the shared ones are in load.h) ----------------------------------------------- */

static bool read_rect(load_ctx *L, const cJSON *obj, const char *key, bool required, level_rect *out)
{
    const cJSON *a = NULL;
    if (!jx_get_array(&L->r, obj, key, required, &a)) return false;
    if (!a) return true;
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
    if (v[2] <= 0 || v[3] <= 0)
        return jx_error(&L->r, key, DIAG_BAD_VALUE, "width and height must be greater than 0");
    *out = (level_rect){v[0], v[1], v[2], v[3]};
    return true;
}

/* ---- rooms -------------------------------------------------------------------------------- */

static const char *const widget_type_names[] = {"box",  "window", "toolbar", "list", "button",
                                                "text", "chat",   "icon",    "image", NULL};
static const char *const text_size_names[] = {"small", "normal", "large", "title", NULL};
static const char *const tone_names[] = {"normal", "muted", "accent", "danger", "link", NULL};
static const char *const kind_names[] = {"choice", "hotspots", "order", "match",
                                         "code",   "text",     "use",   NULL};

static bool read_widget(load_ctx *L, const cJSON *w, level_widget *out)
{
    static const char *const fields[] = {"id",   "type", "rect", "text",   "rows",  "image", "size",
                                         "tone", "bold", "hidden", "opens", "label", NULL};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(w)) return jx_error(r, NULL, DIAG_TYPE, "a widget should be an object {...}");
    bool ok = jx_check_fields(r, w, fields);
    int type = -1, size = LEVEL_TS_NORMAL, tone = LEVEL_TONE_NORMAL;
    ok &= load_id(L, w, "id", false, &out->id);
    ok &= load_enum(L, w, "type", true, widget_type_names, &type);
    ok &= read_rect(L, w, "rect", true, &out->rect);
    ok &= load_text(L, w, "text", false, &out->text);
    ok &= load_enum(L, w, "size", false, text_size_names, &size);
    ok &= load_enum(L, w, "tone", false, tone_names, &tone);
    ok &= jx_get_bool(r, w, "bold", false, &out->bold);
    ok &= jx_get_bool(r, w, "hidden", false, &out->hidden);
    ok &= load_text(L, w, "label", false, &out->label);
    const char *opens = NULL;
    ok &= jx_get_string(r, w, "opens", false, &opens);
    out->opens = load_dup(L, opens);
    const char *img = NULL;
    ok &= jx_get_string(r, w, "image", false, &img);
    out->image = load_dup(L, img);
    out->type = type < 0 ? LEVEL_W_BOX : (level_widget_type)type;
    out->size = (level_text_size)size;
    out->tone = (level_tone)tone;
    if ((out->type == LEVEL_W_ICON || out->type == LEVEL_W_IMAGE) && !out->image && type >= 0)
        ok = jx_error(r, NULL, DIAG_MISSING, "an %s widget needs an \"image\"",
                      widget_type_names[type]);
    const cJSON *rows = NULL;
    ok &= jx_get_array(r, w, "rows", false, &rows);
    if (rows) {
        out->row_count = cJSON_GetArraySize(rows);
        if (out->row_count > LEVEL_MAX_ROWS) {
            ok = jx_error(r, "rows", DIAG_TOO_MANY, "at most %d rows in a list", LEVEL_MAX_ROWS);
            out->row_count = LEVEL_MAX_ROWS;
        }
        out->rows = load_alloc(L, sizeof *out->rows * (size_t)(out->row_count ? out->row_count : 1));
        size_t m = jx_push_key(r, "rows");
        const cJSON *it_i = rows->child;
        for (int i = 0; i < out->row_count && out->rows && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            ok &= load_text_value(L, it_i, &out->rows[i]);
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    return ok;
}

/* The list a puzzle kind answers from, and what its entries are called in JSON. */
static const char *list_key(level_puzzle_kind kind)
{
    switch (kind) {
    case LEVEL_P_CHOICE: return "options";
    case LEVEL_P_HOTSPOTS: return "places";
    case LEVEL_P_ORDER: return "steps";
    case LEVEL_P_MATCH: return "pairs";
    default: return NULL;
    }
}

static bool read_option(load_ctx *L, const cJSON *o, level_puzzle_kind kind, level_option *out)
{
    static const char *const choice_fields[] = {"id", "text", "explain", "correct", NULL};
    static const char *const spot_fields[] = {"id",   "label",  "explain", "correct",
                                              "rect", "widget", NULL};
    static const char *const step_fields[] = {"id", "text", "explain", NULL};
    static const char *const pair_fields[] = {"id", "left", "right", "explain", NULL};
    /* the sealed form: no "correct", no right-hand text beside its left; a tag instead */
    static const char *const sealed_choice[] = {"id", "text", "explain", "tag", NULL};
    static const char *const sealed_spot[] = {"id", "label", "explain", "tag", "rect", "widget", NULL};
    static const char *const sealed_step[] = {"id", "text", "explain", "tag", NULL};
    static const char *const sealed_pair[] = {"id", "left", "explain", "tag", NULL};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(o)) return jx_error(r, NULL, DIAG_TYPE, "should be an object {...}");
    const char *const *fields = kind == LEVEL_P_CHOICE ? (L->sealed ? sealed_choice : choice_fields)
                              : kind == LEVEL_P_HOTSPOTS ? (L->sealed ? sealed_spot : spot_fields)
                              : kind == LEVEL_P_ORDER ? (L->sealed ? sealed_step : step_fields)
                              : (L->sealed ? sealed_pair : pair_fields);
    bool ok = jx_check_fields(r, o, fields);
    ok &= load_id(L, o, "id", true, &out->id);
    if (L->sealed) ok &= read_tag(L, o, "tag", out->tag, NULL);
    out->correct = true; /* steps and pairs are all part of the answer; places unless decoys */
    switch (kind) {
    case LEVEL_P_CHOICE:
        out->correct = false;
        ok &= load_text(L, o, "text", true, &out->text);
        ok &= load_text(L, o, "explain", true, &out->explain);
        ok &= jx_get_bool(r, o, "correct", false, &out->correct);
        break;
    case LEVEL_P_HOTSPOTS: {
        ok &= load_text(L, o, "label", true, &out->text);
        ok &= load_text(L, o, "explain", true, &out->explain);
        ok &= jx_get_bool(r, o, "correct", false, &out->correct);
        const char *wid = NULL;
        ok &= jx_get_string(r, o, "widget", false, &wid);
        out->widget = load_dup(L, wid);
        bool has_rect = cJSON_GetObjectItemCaseSensitive(o, "rect") != NULL;
        ok &= read_rect(L, o, "rect", false, &out->rect);
        if (!wid && !has_rect)
            ok = jx_error(r, NULL, DIAG_MISSING, "a place needs a \"widget\" id or a \"rect\"");
        break;
    }
    case LEVEL_P_ORDER:
        ok &= load_text(L, o, "text", true, &out->text);
        ok &= load_text(L, o, "explain", false, &out->explain);
        break;
    default: /* LEVEL_P_MATCH */
        ok &= load_text(L, o, "left", true, &out->text);
        if (!L->sealed) ok &= load_text(L, o, "right", true, &out->pair); /* sealed: from "rights" */
        ok &= load_text(L, o, "explain", false, &out->explain);
        break;
    }
    if (L->sealed && (kind == LEVEL_P_CHOICE || kind == LEVEL_P_HOTSPOTS)) out->correct = false; /* the tags say */
    return ok;
}

/* A matching task's right-hand ids: a sealed room's own list "rights" (shuffled, opaque ids, so
   the file does not pair them); a plain room's pairs get the same opaque ids, which its replay
   accepts beside the pairs' own (seal_find_right). */
static bool read_rights(load_ctx *L, const cJSON *p, level_puzzle *out)
{
    jx_reader *r = &L->r;
    if (!L->sealed) {
        for (int k = 0; k < out->option_count; k++) {
            char id[SEAL_PAIR_ID];
            seal_pair_id(L->salt, out->id, out->options[k].id, id);
            out->options[k].pair_id = load_dup(L, id);
        }
        return true;
    }
    static const char *const fields[] = {"id", "right", NULL};
    const cJSON *rights = NULL;
    if (!jx_get_array(r, p, "rights", true, &rights) || !rights) return false;
    bool ok = cJSON_GetArraySize(rights) == out->option_count ||
              jx_error(r, "rights", DIAG_BAD_VALUE, "should have one right-hand text per pair (%d)", out->option_count);
    size_t m = jx_push_key(r, "rights");
    int k = 0;
    for (const cJSON *o = rights->child; o && k < out->option_count; o = o->next, k++) {
        size_t mi = jx_push_index(r, k);
        if (!cJSON_IsObject(o)) {
            ok = jx_error(r, NULL, DIAG_TYPE, "should be an object {...}");
        } else {
            ok &= jx_check_fields(r, o, fields);
            ok &= load_id(L, o, "id", true, &out->options[k].pair_id);
            ok &= load_text(L, o, "right", true, &out->options[k].pair);
        }
        jx_pop(r, mi);
    }
    jx_pop(r, m);
    return ok;
}

/* Raw references kept until every puzzle, item and widget of the room is known. */
typedef struct puzzle_refs {
    const cJSON *requires;
    const cJSON *gives;
    const char *use_item;
} puzzle_refs;

static bool read_puzzle(load_ctx *L, const cJSON *p, level_puzzle *out, puzzle_refs *refs)
{
    static const char *const common[] = {"id", "kind", "prompt", "solved", "hints", "requires", "gives"};
    static const char *const extra[LEVEL_P_KIND_COUNT][4] = {
        [LEVEL_P_CHOICE] = {"options"},         [LEVEL_P_HOTSPOTS] = {"places"},
        [LEVEL_P_ORDER] = {"steps", "wrong"},   [LEVEL_P_MATCH] = {"pairs", "wrong"},
        [LEVEL_P_CODE] = {"answer", "final", "wrong"}, [LEVEL_P_TEXT] = {"answers", "wrong"},
        [LEVEL_P_USE] = {"item", "place", "wrong"},
    };
    static const char *const sealed_extra[LEVEL_P_KIND_COUNT][4] = {
        [LEVEL_P_CHOICE] = {"options", "right_count"}, [LEVEL_P_HOTSPOTS] = {"places", "right_count"},
        [LEVEL_P_ORDER] = {"steps", "wrong"},          [LEVEL_P_MATCH] = {"pairs", "rights", "wrong"},
        [LEVEL_P_CODE] = {"answer_tag", "letters", "final", "wrong"}, [LEVEL_P_TEXT] = {"answer_tags", "wrong"},
        [LEVEL_P_USE] = {"use_tag", "wrong"},
    };
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(p)) return jx_error(r, NULL, DIAG_TYPE, "a puzzle should be an object {...}");
    int kind = -1;
    bool ok = load_id(L, p, "id", true, &out->id);
    ok &= load_enum(L, p, "kind", true, kind_names, &kind);
    if (kind < 0) return false;
    out->kind = (level_puzzle_kind)kind;
    {
        const char *fields[16];
        int n = 0;
        for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) fields[n++] = common[i];
        const char *const *more = L->sealed ? sealed_extra[kind] : extra[kind];
        for (int i = 0; i < 4 && more[i]; i++) fields[n++] = more[i];
        fields[n] = NULL;
        ok &= jx_check_fields(r, p, fields);
    }
    ok &= load_text(L, p, "prompt", true, &out->prompt);
    ok &= load_text(L, p, "solved", false, &out->solved);

    const cJSON *hints = NULL;
    ok &= jx_get_array(r, p, "hints", false, &hints);
    if (hints) {
        size_t m = jx_push_key(r, "hints");
        int n = cJSON_GetArraySize(hints);
        if (n > LEVEL_MAX_HINTS)
            ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d hints per puzzle", LEVEL_MAX_HINTS);
        const cJSON *it_i = hints->child;
        for (int i = 0; (i < n && i < LEVEL_MAX_HINTS) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            ok &= load_text_value(L, it_i, &out->hints[i]);
            jx_pop(r, mi);
        }
        out->hint_count = n < LEVEL_MAX_HINTS ? n : LEVEL_MAX_HINTS;
        jx_pop(r, m);
    }
    ok &= jx_get_array(r, p, "requires", false, &refs->requires);
    ok &= jx_get_object(r, p, "gives", false, &refs->gives);

    const char *key = list_key(out->kind);
    if (key) {
        const cJSON *opts = NULL;
        if (!jx_get_array(r, p, key, true, &opts) || !opts) return false;
        size_t m = jx_push_key(r, key);
        int n = cJSON_GetArraySize(opts);
        int min = (out->kind == LEVEL_P_ORDER || out->kind == LEVEL_P_MATCH) ? 2 : 1;
        if (n < min) ok = jx_error(r, NULL, DIAG_MISSING, "needs at least %d items", min);
        if (n > LEVEL_MAX_OPTIONS) {
            ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d items", LEVEL_MAX_OPTIONS);
            n = LEVEL_MAX_OPTIONS;
        }
        out->options = load_alloc(L, sizeof *out->options * (size_t)(n ? n : 1));
        out->option_count = out->options ? n : 0;
        const cJSON *it_i = opts->child;
        for (int i = 0; (i < out->option_count) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            ok &= read_option(L, it_i, out->kind, &out->options[i]);
            if (out->options[i].correct) out->correct_count++;
            for (int j = 0; j < i; j++) {
                if (out->options[i].id && out->options[j].id &&
                    strcmp(out->options[i].id, out->options[j].id) == 0)
                    ok = jx_error(r, "id", DIAG_DUPLICATE_ID, "id '%s' is used twice in this list",
                                  out->options[i].id);
            }
            jx_pop(r, mi);
        }
        jx_pop(r, m);
        if (L->sealed && (out->kind == LEVEL_P_CHOICE || out->kind == LEVEL_P_HOTSPOTS))
            ok &= jx_get_int(r, p, "right_count", true, 1, out->option_count > 0 ? out->option_count : 1,
                             &out->correct_count);
        if (out->kind == LEVEL_P_MATCH) ok &= read_rights(L, p, out);
        m = jx_push_key(r, key);
        if (n > 0 && out->correct_count == 0)
            ok = jx_error(r, NULL, DIAG_UNSOLVABLE,
                          "no item has \"correct\": true, so the puzzle can never be solved");
        jx_pop(r, m);
    }
    if (out->kind >= LEVEL_P_ORDER) ok &= load_text(L, p, "wrong", true, &out->wrong);

    if (out->kind == LEVEL_P_CODE && L->sealed) {
        ok &= jx_get_bool(r, p, "final", false, &out->final_code);
        ok &= jx_get_bool(r, p, "letters", false, &out->code_letters);
        if (!out->final_code) ok &= read_tag(L, p, "answer_tag", NULL, &out->answers[out->answer_count++]);
    } else if (out->kind == LEVEL_P_CODE) {
        ok &= jx_get_bool(r, p, "final", false, &out->final_code);
        const char *ans = NULL;
        ok &= jx_get_string(r, p, "answer", !out->final_code, &ans);
        if (ans && out->final_code)
            ok = jx_error(r, "answer", DIAG_BAD_VALUE,
                          "the final door's code is made of the rooms' code parts: leave \"answer\" out");
        if (ans) {
            char norm[128];
            level_normalise_answer(ans, norm, sizeof norm);
            if (!norm[0]) ok = jx_error(r, "answer", DIAG_BAD_VALUE, "the code cannot be empty");
            out->answers[out->answer_count++] = load_dup(L, norm);
            for (const char *c = norm; *c; c++) out->code_letters = out->code_letters || (*c >= 'a' && *c <= 'z');
        }
    }
    if (out->kind == LEVEL_P_TEXT && L->sealed) {
        const cJSON *tags = NULL;
        if (jx_get_array(r, p, "answer_tags", true, &tags) && tags) {
            size_t m = jx_push_key(r, "answer_tags");
            int i = 0;
            for (const cJSON *v = tags->child; v; v = v->next, i++) {
                if (i >= LEVEL_MAX_ANSWERS) {
                    ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d accepted answers", LEVEL_MAX_ANSWERS);
                    break;
                }
                size_t mi = jx_push_index(r, i);
                const char *hex = NULL;
                if (!cJSON_IsString(v)) ok = jx_error(r, NULL, DIAG_TYPE, "should be a text in quotes");
                else ok &= check_tag(L, NULL, v->valuestring, NULL, &hex);
                if (hex) out->answers[out->answer_count++] = hex;
                jx_pop(r, mi);
            }
            if (i == 0) ok = jx_error(r, NULL, DIAG_UNSOLVABLE, "list at least one accepted answer");
            jx_pop(r, m);
        } else {
            ok = false;
        }
    } else if (out->kind == LEVEL_P_TEXT) {
        const cJSON *answers = NULL;
        if (jx_get_array(r, p, "answers", true, &answers) && answers) {
            size_t m = jx_push_key(r, "answers");
            int n = cJSON_GetArraySize(answers);
            if (n == 0) ok = jx_error(r, NULL, DIAG_UNSOLVABLE, "list at least one accepted answer");
            if (n > LEVEL_MAX_ANSWERS) {
                ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d accepted answers", LEVEL_MAX_ANSWERS);
                n = LEVEL_MAX_ANSWERS;
            }
            const cJSON *it_i = answers->child;
            for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
                const cJSON *v = it_i;
                size_t mi = jx_push_index(r, i);
                if (!cJSON_IsString(v)) {
                    ok = jx_error(r, NULL, DIAG_TYPE, "should be a text in quotes");
                } else {
                    char norm[256];
                    level_normalise_answer(v->valuestring, norm, sizeof norm);
                    if (!norm[0]) ok = jx_error(r, NULL, DIAG_BAD_VALUE, "an accepted answer cannot be empty");
                    out->answers[out->answer_count++] = load_dup(L, norm);
                }
                jx_pop(r, mi);
            }
            jx_pop(r, m);
        } else {
            ok = false;
        }
    }
    if (out->kind == LEVEL_P_USE && L->sealed) {
        out->use_item = -1;
        ok &= read_tag(L, p, "use_tag", NULL, &out->answers[out->answer_count++]);
    } else if (out->kind == LEVEL_P_USE) {
        const char *place = NULL;
        ok &= jx_get_string(r, p, "item", true, &refs->use_item);
        ok &= jx_get_string(r, p, "place", true, &place);
        out->use_place = load_dup(L, place);
    }
    return ok;
}

static bool read_item(load_ctx *L, const cJSON *o, level_item *out)
{
    static const char *const fields[] = {"id", "name", "about", "icon", NULL};
    jx_reader *r = &L->r;
    if (!cJSON_IsObject(o)) return jx_error(r, NULL, DIAG_TYPE, "an item should be an object {...}");
    bool ok = jx_check_fields(r, o, fields);
    ok &= load_id(L, o, "id", true, &out->id);
    ok &= load_text(L, o, "name", true, &out->name);
    ok &= load_text(L, o, "about", false, &out->about);
    const char *icon = NULL;
    ok &= jx_get_string(r, o, "icon", false, &icon);
    out->icon = load_dup(L, icon);
    return ok;
}

static int find_widget_index(const level_room *room, const char *id)
{
    for (int i = 0; id && i < room->widget_count; i++)
        if (room->widgets[i].id && strcmp(room->widgets[i].id, id) == 0) return i;
    return -1;
}

/* Reports an id that names no widget, suggesting the closest one. */
static bool unknown_widget(load_ctx *L, const level_room *room, const char *key, const char *id)
{
    const char *names[LEVEL_MAX_WIDGETS + 1];
    int n = 0;
    for (int q = 0; q < room->widget_count; q++)
        if (room->widgets[q].id) names[n++] = room->widgets[q].id;
    names[n] = NULL;
    const char *s = jx_suggest(id, names);
    return jx_error(&L->r, key, DIAG_UNKNOWN_REF, "no widget has the id '%s'%s%s%s", id,
                    s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
}

/* Resolves "requires" (puzzle or item ids) and "gives" (items, reveals, comic) of puzzle i. */
static bool resolve_effects(load_ctx *L, level_room *room, int i, const puzzle_refs *refs)
{
    jx_reader *r = &L->r;
    level_puzzle *p = &room->puzzles[i];
    bool ok = true;
    if (refs->requires) {
        size_t mr = jx_push_key(r, "requires");
        int n = cJSON_GetArraySize(refs->requires);
        if (n > LEVEL_MAX_REQUIRES) {
            ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d requirements", LEVEL_MAX_REQUIRES);
            n = LEVEL_MAX_REQUIRES;
        }
        const cJSON *it_k = refs->requires->child;
        for (int k = 0; (k < n) && it_k; k++, it_k = it_k->next) {
            const cJSON *v = it_k;
            size_t mk = jx_push_index(r, k);
            int idx = cJSON_IsString(v) ? level_find_puzzle(room, v->valuestring) : -1;
            int item = cJSON_IsString(v) ? level_find_item(room, v->valuestring) : -1;
            if (!cJSON_IsString(v)) ok = jx_error(r, NULL, DIAG_TYPE, "should be a puzzle or item id in quotes");
            else if (idx == i) ok = jx_error(r, NULL, DIAG_UNREACHABLE, "a puzzle cannot require itself");
            else if (idx >= 0) p->requires[p->require_count++] = idx;
            else if (item >= 0) p->requires_items[p->require_item_count++] = item;
            else ok = jx_error(r, NULL, DIAG_UNKNOWN_REF, "no puzzle or item has the id '%s'", v->valuestring);
            jx_pop(r, mk);
        }
        jx_pop(r, mr);
    }
    if (refs->gives) {
        static const char *const fields[] = {"items", "reveals", "hides", "comic", NULL};
        size_t mg = jx_push_key(r, "gives");
        ok &= jx_check_fields(r, refs->gives, fields);
        const cJSON *items = NULL, *reveals = NULL, *hides = NULL;
        ok &= jx_get_array(r, refs->gives, "items", false, &items);
        ok &= jx_get_array(r, refs->gives, "reveals", false, &reveals);
        ok &= jx_get_array(r, refs->gives, "hides", false, &hides);
        const char *comic = NULL;
        ok &= jx_get_string(r, refs->gives, "comic", false, &comic);
        p->comic = load_dup(L, comic);
        static const char *const lists[] = {"items", "reveals", "hides"};
        for (int pass = 0; pass < 3; pass++) {
            const cJSON *list = pass == 0 ? items : pass == 1 ? reveals : hides;
            if (!list) continue;
            size_t ml = jx_push_key(r, lists[pass]);
            int n = cJSON_GetArraySize(list);
            if (n > LEVEL_MAX_EFFECTS) {
                ok = jx_error(r, NULL, DIAG_TOO_MANY, "at most %d", LEVEL_MAX_EFFECTS);
                n = LEVEL_MAX_EFFECTS;
            }
            const cJSON *it_k = list->child;
            for (int k = 0; (k < n) && it_k; k++, it_k = it_k->next) {
                const cJSON *v = it_k;
                size_t mk = jx_push_index(r, k);
                if (!cJSON_IsString(v)) {
                    ok = jx_error(r, NULL, DIAG_TYPE, "should be an id in quotes");
                } else if (pass == 0) {
                    int it = level_find_item(room, v->valuestring);
                    if (it < 0) ok = jx_error(r, NULL, DIAG_UNKNOWN_REF, "no item has the id '%s' (list it in \"items\" of the room)", v->valuestring);
                    else p->gives_items[p->give_count++] = it;
                } else {
                    int w = find_widget_index(room, v->valuestring);
                    if (w < 0) ok = unknown_widget(L, room, NULL, v->valuestring);
                    else if (pass == 1) p->reveals[p->reveal_count++] = w;
                    else p->hides[p->hide_count++] = w;
                }
                jx_pop(r, mk);
            }
            jx_pop(r, ml);
        }
        jx_pop(r, mg);
    }
    if (p->kind == LEVEL_P_USE && !room->sealed) {
        p->use_item = level_find_item(room, refs->use_item);
        if (p->use_item < 0)
            ok = jx_error(r, "item", DIAG_UNKNOWN_REF, "no item has the id '%s'", refs->use_item ? refs->use_item : "");
        if (p->use_place && find_widget_index(room, p->use_place) < 0) ok = unknown_widget(L, room, "place", p->use_place);
    }
    return ok;
}

/* Puzzles whose "requires" lead round in a circle can never be opened. */
static bool requires_cycle(const level_room *room, int start)
{
    int stack[LEVEL_MAX_PUZZLES * LEVEL_MAX_REQUIRES], top = 0;
    bool seen[LEVEL_MAX_PUZZLES] = {0};
    stack[top++] = start;
    while (top > 0) {
        int i = stack[--top];
        const level_puzzle *p = &room->puzzles[i];
        for (int k = 0; k < p->require_count; k++) {
            int j = p->requires[k];
            if (j == start) return true;
            if (!seen[j] && top < (int)(sizeof stack / sizeof stack[0])) {
                seen[j] = true;
                stack[top++] = j;
            }
        }
    }
    return false;
}

static bool resolve_room(load_ctx *L, level_room *room, const puzzle_refs *refs)
{
    jx_reader *r = &L->r;
    bool ok = true;
    for (int i = 0; i < room->widget_count; i++) {
        for (int j = 0; j < i; j++) {
            if (room->widgets[i].id && room->widgets[j].id &&
                strcmp(room->widgets[i].id, room->widgets[j].id) == 0) {
                size_t m = jx_push_key(r, "scene.widgets");
                jx_push_index(r, i);
                ok = jx_error(r, "id", DIAG_DUPLICATE_ID, "widget id '%s' is used twice",
                              room->widgets[i].id);
                jx_pop(r, m);
            }
        }
    }
    for (int i = 0; i < room->item_count; i++) {
        size_t m = jx_push_key(r, "items");
        jx_push_index(r, i);
        for (int j = 0; j < i; j++)
            if (strcmp(room->items[i].id, room->items[j].id) == 0)
                ok = jx_error(r, "id", DIAG_DUPLICATE_ID, "item id '%s' is used twice", room->items[i].id);
        if (level_find_puzzle(room, room->items[i].id) >= 0)
            ok = jx_error(r, "id", DIAG_DUPLICATE_ID, "'%s' is already a puzzle's id: \"requires\" could not tell them apart",
                          room->items[i].id);
        jx_pop(r, m);
    }
    for (int i = 0; i < room->puzzle_count; i++) {
        level_puzzle *p = &room->puzzles[i];
        size_t m = jx_push_key(r, "puzzles");
        jx_push_index(r, i);
        for (int j = 0; j < i; j++)
            if (p->id && room->puzzles[j].id && strcmp(p->id, room->puzzles[j].id) == 0)
                ok = jx_error(r, "id", DIAG_DUPLICATE_ID, "puzzle id '%s' is used twice", p->id);
        if (p->kind == LEVEL_P_HOTSPOTS) {
            for (int k = 0; k < p->option_count; k++) {
                level_option *o = &p->options[k];
                size_t mo = jx_push_key(r, "places");
                jx_push_index(r, k);
                if (o->widget) {
                    const level_widget *w = level_find_widget(room, o->widget);
                    if (!w) ok = unknown_widget(L, room, "widget", o->widget);
                    else o->rect = w->rect;
                }
                const level_rect *rc = &o->rect;
                if (rc->w > 0 && (rc->x < 0 || rc->y < 0 || rc->x + rc->w > room->scene_w ||
                                  rc->y + rc->h > room->scene_h))
                    ok = jx_error(r, o->widget ? "widget" : "rect", DIAG_OUT_OF_BOUNDS,
                                  "the place [%d, %d, %d, %d] is outside the %dx%d scene", rc->x,
                                  rc->y, rc->w, rc->h, room->scene_w, room->scene_h);
                jx_pop(r, mo);
            }
        }
        ok &= resolve_effects(L, room, i, &refs[i]);
        jx_pop(r, m);
    }
    /* An item that a puzzle needs must be given by some other puzzle. */
    for (int i = 0; i < room->puzzle_count; i++) {
        level_puzzle *p = &room->puzzles[i];
        for (int k = 0; k < p->require_item_count + (p->kind == LEVEL_P_USE && p->use_item >= 0); k++) {
            int item = k < p->require_item_count ? p->requires_items[k] : p->use_item;
            bool given = false;
            for (int j = 0; j < room->puzzle_count; j++)
                for (int g = 0; j != i && g < room->puzzles[j].give_count; g++)
                    if (room->puzzles[j].gives_items[g] == item) given = true;
            if (!given) {
                size_t m = jx_push_key(r, "puzzles");
                jx_push_index(r, i);
                ok = jx_error(r, NULL, DIAG_UNREACHABLE, "no other puzzle gives the item '%s', so this one can never be solved",
                              room->items[item].id);
                jx_pop(r, m);
            }
        }
    }
    for (int i = 0; ok && i < room->puzzle_count; i++) {
        if (requires_cycle(room, i)) {
            size_t m = jx_push_key(r, "puzzles");
            jx_push_index(r, i);
            ok = jx_error(r, "requires", DIAG_UNREACHABLE,
                          "puzzle '%s' can never be opened: its \"requires\" go round in a circle",
                          room->puzzles[i].id);
            jx_pop(r, m);
        }
    }
    return ok;
}

bool level_load_room(level_room *room, const char *file, const char *text, size_t len,
                     diag_list *diags)
{
    static const char *const fields[] = {"id",      "title", "intro",          "outro",      "scene",
                                         "code_part", "puzzles", "items", "timer_minutes",
                                         "target_minutes", "comic_intro", "comic_outro", "sealed",
                                         "code_box", NULL};
    static const char *const scene_fields[] = {"size", "background", "widgets", NULL};
    static const char *const sealed_fields[] = {"version", "salt", NULL};
    memset(room, 0, sizeof *room);
    load_ctx L = {.r = jx_reader_make(file, text, len, diags), .mem = &room->mem};
    jx_reader *r = &L.r;
    int errors_before = diags->errors;
    cJSON *root = jx_parse(r);
    if (!root) return false;
    if (!cJSON_IsObject(root)) {
        jx_error(r, NULL, DIAG_TYPE, "a room file should be one object {...}");
        cJSON_Delete(root);
        return false;
    }
    room->file = load_dup(&L, file);
    jx_check_fields(r, root, fields);
    /* sealed (the shipped form, seal.h) or plain: the salt is a hash of the plain file */
    const cJSON *sealed = NULL;
    jx_get_object(r, root, "sealed", false, &sealed);
    if (sealed) {
        size_t m = jx_push_key(r, "sealed");
        int version = 0;
        jx_check_fields(r, sealed, sealed_fields);
        jx_get_int(r, sealed, "version", true, 1, 1, &version);
        read_tag(&L, sealed, "salt", room->salt, NULL);
        jx_pop(r, m);
        room->sealed = L.sealed = true;
    } else {
        seal_salt_of(text, len, room->salt);
    }
    L.salt = room->salt;
    load_id(&L, root, "id", true, &room->id);
    load_text(&L, root, "title", true, &room->title);
    load_text(&L, root, "intro", false, &room->intro);
    load_text(&L, root, "outro", false, &room->outro);
    const char *code = NULL, *ci = NULL, *co = NULL;
    jx_get_string(r, root, "code_part", false, &code);
    room->code_part = load_dup(&L, code);
    if (room->sealed && code) jx_error(r, "code_part", DIAG_BAD_VALUE, "a sealed room's code part is in \"code_box\"");
    const char *box = NULL;
    jx_get_string(r, root, "code_box", false, &box);
    if (box && !room->sealed) jx_error(r, "code_box", DIAG_BAD_VALUE, "only a sealed room has a \"code_box\"");
    if (box && (strlen(box) > 2 * (SEAL_CODE_MAX + 16) || strspn(box, "0123456789abcdef") != strlen(box)))
        jx_error(r, "code_box", DIAG_BAD_VALUE, "should be hex digits (0-9, a-f), at most %d", 2 * (SEAL_CODE_MAX + 16));
    room->code_box = load_dup(&L, box);
    jx_get_int(r, root, "timer_minutes", false, 0, 180, &room->timer_minutes);
    jx_get_int(r, root, "target_minutes", false, 0, 180, &room->target_minutes);
    jx_get_string(r, root, "comic_intro", false, &ci);
    jx_get_string(r, root, "comic_outro", false, &co);
    room->comic_intro = load_dup(&L, ci);
    room->comic_outro = load_dup(&L, co);
    const cJSON *items = NULL;
    if (jx_get_array(r, root, "items", false, &items) && items) {
        size_t m = jx_push_key(r, "items");
        int n = cJSON_GetArraySize(items);
        if (n > LEVEL_MAX_ITEMS) {
            jx_error(r, NULL, DIAG_TOO_MANY, "at most %d items in a room", LEVEL_MAX_ITEMS);
            n = LEVEL_MAX_ITEMS;
        }
        const cJSON *it_i = items->child;
        for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            read_item(&L, it_i, &room->items[room->item_count++]);
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }

    room->scene_w = 800;
    room->scene_h = 560;
    const cJSON *scene = NULL;
    if (jx_get_object(r, root, "scene", true, &scene) && scene) {
        size_t m = jx_push_key(r, "scene");
        jx_check_fields(r, scene, scene_fields);
        const cJSON *size = NULL;
        if (jx_get_array(r, scene, "size", false, &size) && size) {
            const cJSON *w = cJSON_GetArrayItem(size, 0), *h = cJSON_GetArrayItem(size, 1);
            if (cJSON_GetArraySize(size) != 2 || !cJSON_IsNumber(w) || !cJSON_IsNumber(h) ||
                w->valuedouble < 100 || h->valuedouble < 100 || w->valuedouble > 4000 ||
                h->valuedouble > 4000)
                jx_error(r, "size", DIAG_BAD_VALUE, "should be [width, height], each 100 to 4000");
            else {
                room->scene_w = (int)w->valuedouble;
                room->scene_h = (int)h->valuedouble;
            }
        }
        const char *bg = NULL;
        jx_get_string(r, scene, "background", false, &bg);
        room->background = load_dup(&L, bg);
        const cJSON *widgets = NULL;
        if (jx_get_array(r, scene, "widgets", false, &widgets) && widgets) {
            size_t mw = jx_push_key(r, "widgets");
            int n = cJSON_GetArraySize(widgets);
            if (n > LEVEL_MAX_WIDGETS) {
                jx_error(r, NULL, DIAG_TOO_MANY, "at most %d widgets in a scene", LEVEL_MAX_WIDGETS);
                n = LEVEL_MAX_WIDGETS;
            }
            room->widgets = load_alloc(&L, sizeof *room->widgets * (size_t)(n ? n : 1));
            room->widget_count = room->widgets ? n : 0;
            const cJSON *it_i = widgets->child;
            for (int i = 0; (i < room->widget_count) && it_i; i++, it_i = it_i->next) {
                size_t mi = jx_push_index(r, i);
                read_widget(&L, it_i, &room->widgets[i]);
                jx_pop(r, mi);
            }
            jx_pop(r, mw);
        }
        jx_pop(r, m);
    }

    const cJSON *puzzles = NULL;
    puzzle_refs refs[LEVEL_MAX_PUZZLES];
    memset(refs, 0, sizeof refs);
    if (jx_get_array(r, root, "puzzles", true, &puzzles) && puzzles) {
        size_t m = jx_push_key(r, "puzzles");
        int n = cJSON_GetArraySize(puzzles);
        if (n == 0) jx_error(r, NULL, DIAG_UNSOLVABLE, "a room needs at least one puzzle");
        if (n > LEVEL_MAX_PUZZLES) {
            jx_error(r, NULL, DIAG_TOO_MANY, "at most %d puzzles in a room", LEVEL_MAX_PUZZLES);
            n = LEVEL_MAX_PUZZLES;
        }
        room->puzzles = load_alloc(&L, sizeof *room->puzzles * (size_t)(n ? n : 1));
        room->puzzle_count = room->puzzles ? n : 0;
        const cJSON *it_i = puzzles->child;
        for (int i = 0; (i < room->puzzle_count) && it_i; i++, it_i = it_i->next) {
            size_t mi = jx_push_index(r, i);
            read_puzzle(&L, it_i, &room->puzzles[i], &refs[i]);
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    /* NOT resolve_room after an allocation failed: a NULL id would reach strcmp */
    if (diags->errors == errors_before && !L.oom) resolve_room(&L, room, refs);
    if (L.oom) diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, "", "out of memory");
    cJSON_Delete(root);
    if (diags->errors != errors_before) {
        level_free_room(room);
        return false;
    }
    return true;
}

void level_free_room(level_room *room)
{
    arena_free(&room->mem);
    memset(room, 0, sizeof *room);
}

/* ---- the game manifest -------------------------------------------------------------------- */

bool level_load_game(level_game *game, const char *file, const char *text, size_t len,
                     diag_list *diags)
{
    static const char *const fields[] = {"title", "intro",  "ending",   "rooms", "hub",
                                         "ordered", "comics", "settings", "release", NULL};
    static const char *const room_fields[] = {"id", "file", "required", "title", NULL};
    static const char *const comic_fields[] = {"id", "file", NULL};
    memset(game, 0, sizeof *game);
    load_ctx L = {.r = jx_reader_make(file, text, len, diags), .mem = &game->mem};
    jx_reader *r = &L.r;
    int errors_before = diags->errors;
    cJSON *root = jx_parse(r);
    if (!root) return false;
    if (!cJSON_IsObject(root)) {
        jx_error(r, NULL, DIAG_TYPE, "the game file should be one object {...}");
        cJSON_Delete(root);
        return false;
    }
    jx_check_fields(r, root, fields);
    load_text(&L, root, "title", true, &game->title);
    load_text(&L, root, "intro", false, &game->intro);
    load_text(&L, root, "ending", false, &game->ending);
    jx_get_bool(r, root, "ordered", false, &game->ordered);
    /* the server's release number (level.h): a whole number from 1, or the field is wrong */
    jx_get_int64(r, root, "release", false, 1, LEVEL_RELEASE_MAX, &game->release);
    const char *hub = NULL;
    jx_get_string(r, root, "hub", false, &hub);
    game->hub = load_dup(&L, hub);
    const cJSON *settings = NULL;
    if (jx_get_object(r, root, "settings", false, &settings) && settings) {
        size_t m = jx_push_key(r, "settings");
        for (const cJSON *f = settings->child; f; f = f->next) {
            if (game->setting_count == LEVEL_MAX_SETTINGS) {
                jx_error(r, NULL, DIAG_TOO_MANY, "at most %d settings", LEVEL_MAX_SETTINGS);
                break;
            }
            level_setting *st = &game->settings[game->setting_count++];
            st->key = load_dup(&L, f->string);
            size_t mk = jx_push_key(r, f->string);
            load_text_value(&L, f, &st->value);
            jx_pop(r, mk);
        }
        jx_pop(r, m);
    }
    const cJSON *comics = NULL;
    if (jx_get_array(r, root, "comics", false, &comics) && comics) {
        size_t m = jx_push_key(r, "comics");
        int n = cJSON_GetArraySize(comics);
        if (n > LEVEL_MAX_COMICS) {
            jx_error(r, NULL, DIAG_TOO_MANY, "at most %d comics", LEVEL_MAX_COMICS);
            n = LEVEL_MAX_COMICS;
        }
        const cJSON *it_i = comics->child;
        for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
            const cJSON *o = it_i;
            size_t mi = jx_push_index(r, i);
            if (!cJSON_IsObject(o)) {
                jx_error(r, NULL, DIAG_TYPE, "should be an object {\"id\": ..., \"file\": ...}");
            } else {
                level_comic_ref *c = &game->comics[game->comic_count++];
                jx_check_fields(r, o, comic_fields);
                load_id(&L, o, "id", true, &c->id);
                const char *f = NULL;
                jx_get_string(r, o, "file", true, &f);
                c->file = load_dup(&L, f);
            }
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    const cJSON *rooms = NULL;
    if (jx_get_array(r, root, "rooms", true, &rooms) && rooms) {
        size_t m = jx_push_key(r, "rooms");
        int n = cJSON_GetArraySize(rooms);
        if (n == 0) jx_error(r, NULL, DIAG_MISSING, "the game needs at least one room");
        if (n > LEVEL_MAX_ROOMS) {
            jx_error(r, NULL, DIAG_TOO_MANY, "at most %d rooms", LEVEL_MAX_ROOMS);
            n = LEVEL_MAX_ROOMS;
        }
        const cJSON *it_i = rooms->child;
        for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
            const cJSON *o = it_i;
            size_t mi = jx_push_index(r, i);
            if (!cJSON_IsObject(o)) {
                jx_error(r, NULL, DIAG_TYPE, "should be an object {\"id\": ..., \"file\": ...}");
            } else {
                level_room_ref *ref = &game->rooms[game->room_count++];
                jx_check_fields(r, o, room_fields);
                load_id(&L, o, "id", true, &ref->id);
                const char *f = NULL;
                jx_get_string(r, o, "file", true, &f);
                ref->file = load_dup(&L, f);
                ref->required = true;
                jx_get_bool(r, o, "required", false, &ref->required);
                load_text(&L, o, "title", false, &ref->title);
                for (int j = 0; j < game->room_count - 1; j++)
                    if (ref->id && game->rooms[j].id && strcmp(ref->id, game->rooms[j].id) == 0)
                        jx_error(r, "id", DIAG_DUPLICATE_ID, "room id '%s' is used twice", ref->id);
            }
            jx_pop(r, mi);
        }
        jx_pop(r, m);
    }
    if (game->hub && level_find_room(game, game->hub) < 0)
        jx_error(r, "hub", DIAG_UNKNOWN_REF, "no room in \"rooms\" has the id '%s'", game->hub);
    if (L.oom) diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, "", "out of memory");
    cJSON_Delete(root);
    if (diags->errors != errors_before) {
        level_free_game(game);
        return false;
    }
    return true;
}

void level_free_game(level_game *game)
{
    arena_free(&game->mem);
    memset(game, 0, sizeof *game);
}

/* ---- lookups ------------------------------------------------------------------------------ */

int level_find_puzzle(const level_room *room, const char *id)
{
    for (int i = 0; id && i < room->puzzle_count; i++)
        if (room->puzzles[i].id && strcmp(room->puzzles[i].id, id) == 0) return i;
    return -1;
}

int level_find_option(const level_puzzle *p, const char *id)
{
    for (int i = 0; id && i < p->option_count; i++)
        if (p->options[i].id && strcmp(p->options[i].id, id) == 0) return i;
    return -1;
}

/* ---- organisation settings ---------------------------------------------------------------- */

static const level_setting *find_setting(const level_game *game, const char *key, size_t len)
{
    for (int i = 0; i < game->setting_count; i++)
        if (strlen(game->settings[i].key) == len && strncmp(game->settings[i].key, key, len) == 0)
            return &game->settings[i];
    return NULL;
}

/* Writes s with every known {key} replaced into out (when out is not NULL) and returns the
   length. Called twice: once to measure, once to fill, so a text is never cut. */
static size_t expand_into(const char *s, const level_game *game, i18n_lang l, char *out)
{
    size_t n = 0;
    const char *next_close = strchr(s, '}'); /* only moves forward: linear in the text */
    for (const char *p = s; *p;) {
        if (next_close && next_close < p) next_close = strchr(p, '}');
        const char *close = *p == '{' ? next_close : NULL;
        const level_setting *st = close ? find_setting(game, p + 1, (size_t)(close - p - 1)) : NULL;
        if (st) {
            const char *v = i18n_get(&st->value, l);
            size_t vl = strlen(v);
            if (out) memcpy(out + n, v, vl);
            n += vl;
            p = close + 1;
        } else {
            if (out) out[n] = *p;
            n++;
            p++;
        }
    }
    if (out) out[n] = '\0';
    return n;
}

static void expand_text(arena *mem, const char *file, const level_game *game, i18n_text *t,
                        const char *path, diag_list *diags)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        const char *s = t->s[l];
        if (!s || !strchr(s, '{')) continue;
        if (l == LANG_FI) {
            const char *close = strchr(s, '}');
            for (const char *p = strchr(s, '{'); p && close; p = strchr(p + 1, '{')) {
                if (close < p) close = strchr(p, '}');
                if (close && !find_setting(game, p + 1, (size_t)(close - p - 1)))
                    diag_add(diags, DIAG_WARNING, DIAG_UNKNOWN_REF, file, 0, 0, path,
                             "no setting named {%.*s} in levels/game.json", (int)(close - p - 1), p + 1);
            }
        }
        /* a plain string serves every language: each gets its own copy, with its own names;
           measured first, so a long text is copied whole, never cut (inside a letter or not) */
        size_t need = expand_into(s, game, (i18n_lang)l, NULL);
        char *copy = arena_alloc(mem, need + 1);
        if (!copy) {
            diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, path,
                     "out of memory while putting the organisation's names into the text");
            continue;
        }
        expand_into(s, game, (i18n_lang)l, copy);
        t->s[l] = copy;
    }
}

void level_apply_settings(level_room *room, const level_game *game, diag_list *diags)
{
    char path[DIAG_PATH_MAX];
    expand_text(&room->mem, room->file, game, &room->title, "title", diags);
    expand_text(&room->mem, room->file, game, &room->intro, "intro", diags);
    expand_text(&room->mem, room->file, game, &room->outro, "outro", diags);
    for (int i = 0; i < room->widget_count; i++) {
        level_widget *w = &room->widgets[i];
        snprintf(path, sizeof path, "scene.widgets[%d].text", i);
        expand_text(&room->mem, room->file, game, &w->text, path, diags);
        snprintf(path, sizeof path, "scene.widgets[%d].label", i);
        expand_text(&room->mem, room->file, game, &w->label, path, diags);
        for (int k = 0; k < w->row_count; k++) {
            snprintf(path, sizeof path, "scene.widgets[%d].rows[%d]", i, k);
            expand_text(&room->mem, room->file, game, &w->rows[k], path, diags);
        }
    }
    for (int i = 0; i < room->item_count; i++) {
        snprintf(path, sizeof path, "items[%d].name", i);
        expand_text(&room->mem, room->file, game, &room->items[i].name, path, diags);
        snprintf(path, sizeof path, "items[%d].about", i);
        expand_text(&room->mem, room->file, game, &room->items[i].about, path, diags);
    }
    for (int i = 0; i < room->puzzle_count; i++) {
        level_puzzle *p = &room->puzzles[i];
        snprintf(path, sizeof path, "puzzles[%d].prompt", i);
        expand_text(&room->mem, room->file, game, &p->prompt, path, diags);
        snprintf(path, sizeof path, "puzzles[%d].solved", i);
        expand_text(&room->mem, room->file, game, &p->solved, path, diags);
        snprintf(path, sizeof path, "puzzles[%d].wrong", i);
        expand_text(&room->mem, room->file, game, &p->wrong, path, diags);
        for (int k = 0; k < p->hint_count; k++) {
            snprintf(path, sizeof path, "puzzles[%d].hints[%d]", i, k);
            expand_text(&room->mem, room->file, game, &p->hints[k], path, diags);
        }
        for (int k = 0; k < p->option_count; k++) {
            snprintf(path, sizeof path, "puzzles[%d].options[%d]", i, k);
            expand_text(&room->mem, room->file, game, &p->options[k].text, path, diags);
            expand_text(&room->mem, room->file, game, &p->options[k].pair, path, diags);
            expand_text(&room->mem, room->file, game, &p->options[k].explain, path, diags);
        }
    }
}

void level_apply_game_settings(level_game *game, const char *file, diag_list *diags)
{
    expand_text(&game->mem, file, game, &game->title, "title", diags);
    expand_text(&game->mem, file, game, &game->intro, "intro", diags);
    expand_text(&game->mem, file, game, &game->ending, "ending", diags);
    for (int i = 0; i < game->room_count; i++) {
        char path[DIAG_PATH_MAX];
        snprintf(path, sizeof path, "rooms[%d].title", i);
        expand_text(&game->mem, file, game, &game->rooms[i].title, path, diags);
    }
}

int level_find_item(const level_room *room, const char *id)
{
    for (int i = 0; id && i < room->item_count; i++)
        if (room->items[i].id && strcmp(room->items[i].id, id) == 0) return i;
    return -1;
}

int level_find_room(const level_game *game, const char *id)
{
    for (int i = 0; id && i < game->room_count; i++)
        if (game->rooms[i].id && strcmp(game->rooms[i].id, id) == 0) return i;
    return -1;
}

void level_normalise_answer(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    bool space = false;
    const unsigned char *p = (const unsigned char *)in;
    if (cap == 0) return;
    while (*p) {
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = n > 0;
            p++;
            continue;
        }
        unsigned char buf[2];
        size_t len = 1;
        buf[0] = c;
        if (c >= 'A' && c <= 'Z') {
            buf[0] = (unsigned char)(c + 32);
        } else if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
            /* U+00C0..U+00DE (À..Þ, not ×) is two bytes C3 80..9E; lower case is +0x20 */
            buf[1] = (unsigned char)(p[1] + 0x20);
            len = 2;
        } else if (c >= 0xC0) {
            buf[1] = p[1];
            len = p[1] ? 2 : 1; /* other letters are kept as they are */
            if (c >= 0xE0) len = 1; /* longer sequences are copied byte by byte */
        }
        if (space && n + 1 < cap) out[n++] = ' ';
        space = false;
        for (size_t k = 0; k < len && n + 1 < cap; k++) out[n++] = (char)buf[k];
        p += len;
    }
    /* trailing punctuation ("Suomi.fi." or "OmaKanta!") does not make an answer wrong */
    while (n > 0 && strchr(".,!?;:\"'", out[n - 1])) n--;
    out[n] = '\0';
}

const level_widget *level_find_widget(const level_room *room, const char *id)
{
    for (int i = 0; id && i < room->widget_count; i++)
        if (room->widgets[i].id && strcmp(room->widgets[i].id, id) == 0) return &room->widgets[i];
    return NULL;
}

const char *level_kind_name(level_puzzle_kind kind)
{
    return (unsigned)kind < LEVEL_P_KIND_COUNT ? kind_names[kind] : "?";
}
