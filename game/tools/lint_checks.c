/* lint_checks.c - what the core loaders cannot see in one file: assets on disk, references
 * between files, the last door's code, and a room played through to its end by the core. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <SDL.h>
#include <SDL_image.h>
#include <cjson/cJSON.h>

#include "../core/game.h"
#include "../core/jsonx.h"
#include "../core/play.h"
#include "../core/report.h"
#include "lint.h"

enum {
    ASSET_BIG = 1024 * 1024,  /* bytes: a bigger image slows every start of the game */
    ASSET_CACHE = 256,
    PLACE_MIN = 40            /* scene units: a place smaller than this is hard to tap */
};

/* ---- assets ------------------------------------------------------------------------------- */

typedef struct asset_seen {
    char path[128];
    bool ok;
    int w, h;
    char problem[160];        /* why it cannot be used, "" when ok */
    diag_code code;
} asset_seen;

static asset_seen seen[ASSET_CACHE];
static int seen_count;

/* The file name in the same folder that is closest to the missing one ("Mail.svg" for
   "mail.svg"), so a typo is easy to fix. */
static const char *closest_sibling(const char *full, char *out, size_t cap)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", full);
    char *slash = strrchr(dir, '/');
    if (!slash) return NULL;
    *slash = '\0';
    const char *want = slash + 1;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    static char names[128][64];
    const char *cands[129];
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 128;) {
        if (e->d_name[0] == '.' || strlen(e->d_name) >= 64) continue;
        snprintf(names[n], sizeof names[n], "%.63s", e->d_name);
        cands[n] = names[n];
        n++;
    }
    closedir(d);
    cands[n] = NULL;
    const char *s = jx_suggest(want, cands);
    if (!s) {
        for (int i = 0; i < n && !s; i++)
            if (strcasecmp(cands[i], want) == 0) s = cands[i];
    }
    if (!s) return NULL;
    snprintf(out, cap, "%s", s);
    return out;
}

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* SVG features nanosvg (which draws SVG in the native build and its tests) ignores or draws
   wrongly; the browser draws the web build's SVG (plat_decode_image), and this subset keeps the
   two alike. */
static const char *svg_unsupported(const char *svg)
{
    static const char *const banned[] = {"<text", "<style", "class=", "Gradient", "<filter", "<image", "<use",
                                         "<mask", "<clipPath", "<pattern", "font-", NULL};
    for (int i = 0; banned[i]; i++)
        if (strstr(svg, banned[i])) return banned[i];
    if (!strstr(svg, "viewBox")) return "no viewBox (so it cannot scale)";
    return NULL;
}

static asset_seen *look_at(lint_run *run, const char *asset)
{
    for (int i = 0; i < seen_count; i++)
        if (strcmp(seen[i].path, asset) == 0) return &seen[i];
    static asset_seen scratch;
    asset_seen *a = seen_count < ASSET_CACHE ? &seen[seen_count++] : &scratch;
    memset(a, 0, sizeof *a);
    snprintf(a->path, sizeof a->path, "%s", asset);
    a->code = DIAG_ASSET;
    if (asset[0] == '/' || strstr(asset, "..") || strchr(asset, '\\') || strncmp(asset, "assets/", 7) != 0) {
        snprintf(a->problem, sizeof a->problem,
                 "'%s' should be a file under assets/, such as \"assets/scenes/my-screen.png\" "
                 "(the game ships only that folder)", asset);
        a->code = DIAG_BAD_VALUE;
        return a;
    }
    if (!has_ext(asset, ".png") && !has_ext(asset, ".jpg") && !has_ext(asset, ".jpeg") && !has_ext(asset, ".svg")) {
        snprintf(a->problem, sizeof a->problem, "'%s': the game reads PNG, JPEG and SVG images only", asset);
        a->code = DIAG_BAD_VALUE;
        return a;
    }
    char full[sizeof run->root + 200], near[64];
    snprintf(full, sizeof full, "%s/%s", run->root, asset);
    struct stat st;
    if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
        const char *s = closest_sibling(full, near, sizeof near);
        snprintf(a->problem, sizeof a->problem, "the image '%s' does not exist%s%s%s", asset,
                 s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
        return a;
    }
    FILE *fp = fopen(full, "rb");
    char *bytes = fp ? malloc((size_t)st.st_size + 1) : NULL;
    size_t len = bytes ? fread(bytes, 1, (size_t)st.st_size, fp) : 0;
    if (fp) fclose(fp);
    if (!bytes || len != (size_t)st.st_size) {
        free(bytes);
        snprintf(a->problem, sizeof a->problem, "the image '%s' cannot be read", asset);
        return a;
    }
    bytes[len] = '\0';
    SDL_RWops *rw = SDL_RWFromConstMem(bytes, (int)len);
    SDL_Surface *s = rw ? IMG_Load_RW(rw, 1) : NULL;
    if (!s) {
        snprintf(a->problem, sizeof a->problem, "the image '%s' cannot be decoded: it is damaged or not a PNG, JPEG or SVG",
                 asset);
    } else {
        a->ok = true;
        a->w = s->w;
        a->h = s->h;
        SDL_FreeSurface(s);
    }
    if (a->ok && has_ext(asset, ".svg")) {
        const char *bad = svg_unsupported(bytes);
        if (bad) snprintf(a->problem, sizeof a->problem,
                          "the image '%s' uses %s, which the game's SVG renderer does not draw: "
                          "convert text to paths and use plain shapes", asset, bad);
    } else if (a->ok && len > ASSET_BIG) {
        snprintf(a->problem, sizeof a->problem,
                 "the image '%s' is %zu KB: every player downloads it, so keep images under %d KB "
                 "(a screenshot at the scene's size, as PNG or JPEG)", asset, len / 1024, ASSET_BIG / 1024);
    }
    free(bytes);
    return a;
}

/* want_w/h: the scene's size, for a background (0: any size). */
static void check_asset(lint_run *run, lint_file *f, const char *path, const char *asset, int want_w, int want_h)
{
    if (!asset) return;
    asset_seen *a = look_at(run, asset);
    if (a->problem[0])
        lint_report(f, a->ok ? DIAG_WARNING : DIAG_ERROR, a->code, path, "%s", a->problem);
    if (a->ok && want_w > 0 && a->w > 0 && a->h > 0) {
        double pic = (double)a->w / a->h, scene = (double)want_w / want_h;
        if (pic / scene > 1.02 || scene / pic > 1.02)
            lint_report(f, DIAG_WARNING, DIAG_ASSET, path,
                        "the picture is %dx%d but the scene is %dx%d: it is drawn with empty edges, so places "
                        "marked on it will not line up; set the scene's \"size\" to [%d, %d]",
                        a->w, a->h, want_w, want_h, a->w, a->h);
    }
}

void lint_check_assets(lint_run *run, lint_file *f)
{
    char path[DIAG_PATH_MAX];
    if (f->kind == LINT_ROOM) {
        const level_room *r = &f->room;
        check_asset(run, f, "scene.background", r->background, r->scene_w, r->scene_h);
        for (int i = 0; i < r->widget_count; i++) {
            snprintf(path, sizeof path, "scene.widgets[%d].image", i);
            check_asset(run, f, path, r->widgets[i].image, 0, 0);
        }
        for (int i = 0; i < r->item_count; i++) {
            snprintf(path, sizeof path, "items[%d].icon", i);
            check_asset(run, f, path, r->items[i].icon, 0, 0);
        }
    } else if (f->kind == LINT_COMIC) {
        const comic *c = &f->comic;
        for (int p = 0; p < c->page_count; p++) {
            for (int k = 0; k < c->pages[p].panel_count; k++) {
                const comic_panel *pn = &c->pages[p].panels[k];
                snprintf(path, sizeof path, "pages[%d].panels[%d].image", p, pn->source_index);
                check_asset(run, f, path, pn->image, 0, 0);
            }
        }
    }
}

/* ---- one room ----------------------------------------------------------------------------- */

static bool overlap(level_rect a, level_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Texts a player reads through a screen reader and clicks: two of them on top of each other
   make a click ambiguous. */
static bool readable(const level_widget *w)
{
    return (!i18n_empty(&w->text) || !i18n_empty(&w->label)) && w->type != LEVEL_W_WINDOW && w->type != LEVEL_W_LIST &&
           w->type != LEVEL_W_BOX;
}

static void check_comic_ref(lint_run *run, lint_file *f, const char *path, const char *id)
{
    if (!id || lint_comic_known(run, id)) return;
    const char *names[LINT_MAX_FILES + 1];
    for (int i = 0; i < run->comic_id_count; i++) names[i] = run->comic_ids[i];
    names[run->comic_id_count] = NULL;
    const char *s = jx_suggest(id, names);
    lint_report(f, DIAG_ERROR, DIAG_UNKNOWN_REF, path,
                "no comic has the id '%s'%s%s%s: a comic is levels/comics/<id>.json or listed in \"comics\" of game.json",
                id, s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
}

static void check_room_ref(lint_run *run, lint_file *f, const char *path, const char *id)
{
    if (level_find_room(&run->manifest, id) >= 0) return;
    const char *names[LEVEL_MAX_ROOMS + 1];
    int n = 0;
    for (int i = 0; i < run->manifest.room_count; i++)
        if (run->manifest.rooms[i].id) names[n++] = run->manifest.rooms[i].id;
    names[n] = NULL;
    const char *s = jx_suggest(id, names);
    lint_report(f, DIAG_ERROR, DIAG_UNKNOWN_REF, path, "no room in game.json has the id '%s'%s%s%s", id,
                s ? " (did you mean '" : "", s ? s : "", s ? "'?)" : "");
}

/* The verdict is the engine's to show ("Right" / "Not quite"); an explanation says why. */
static const char *verdict_opening(const char *s)
{
    static const char *const words[] = {"Oikein", "Väärin", "Oikea vastaus", "Väärä vastaus", "Rätt", "Fel",
                                        "Riktigt", "Right", "Wrong", "Correct", "Incorrect", NULL};
    for (int i = 0; s && words[i]; i++) {
        size_t n = strlen(words[i]);
        if (strncasecmp(s, words[i], n) == 0 && s[n] && strchr(".!,:;–-", s[n])) return words[i];
        /* "–" is several bytes: compare its first byte too */
        if (strncasecmp(s, words[i], n) == 0 && (unsigned char)s[n] == 0xE2) return words[i];
    }
    return NULL;
}

static void check_explanation(lint_file *f, const i18n_text *t, const char *path)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        if (!t->s[l] || (l > 0 && t->s[l] == t->s[LANG_FI])) continue;
        const char *w = verdict_opening(t->s[l]);
        if (!w) continue;
        char p[DIAG_PATH_MAX];
        bool plain = t->s[LANG_SV] == t->s[LANG_FI] && t->s[LANG_EN] == t->s[LANG_FI];
        snprintf(p, sizeof p, "%s%s%s", path, plain ? "" : ".", plain ? "" : i18n_code((i18n_lang)l));
        lint_report(f, DIAG_WARNING, DIAG_BAD_VALUE, p,
                    "the explanation starts with '%s': the game already shows whether the answer was right, "
                    "so start with the reason", w);
    }
}

/* Characters a phone player can type on the code keypad (room_view.c): digits and A-Z. Writes
   the first other one into out as a whole UTF-8 letter ("Ä", not half of it); false when none. */
static bool untypable(const char *norm, char *out, size_t cap)
{
    for (const unsigned char *c = (const unsigned char *)norm; c && *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == ' ') continue;
        size_t n = 1;
        while (c[n] && (c[n] & 0xC0) == 0x80 && n < 4) n++;
        snprintf(out, cap, "%.*s", (int)n, (const char *)c);
        /* answers are kept in lower case (level_normalise_answer): show the letter as the keypad
           would label it, 'Ä' rather than 'ä' */
        if (n == 2 && c[0] == 0xC3 && c[1] >= 0xA0 && c[1] <= 0xBE && c[1] != 0xB7 && cap > 2)
            out[1] = (char)(c[1] - 0x20);
        return true;
    }
    return false;
}

void lint_check_room(lint_run *run, lint_file *f)
{
    const level_room *r = &f->room;
    char path[DIAG_PATH_MAX];
    for (int i = 0; i < r->widget_count; i++) {
        const level_widget *w = &r->widgets[i];
        level_rect rc = w->rect;
        if (rc.x < 0 || rc.y < 0 || rc.x + rc.w > r->scene_w || rc.y + rc.h > r->scene_h) {
            snprintf(path, sizeof path, "scene.widgets[%d].rect", i);
            lint_report(f, DIAG_ERROR, DIAG_OUT_OF_BOUNDS, path,
                        "the widget [%d, %d, %d, %d] reaches outside the %dx%d scene", rc.x, rc.y, rc.w, rc.h,
                        r->scene_w, r->scene_h);
        }
        for (int j = i + 1; readable(w) && j < r->widget_count; j++) {
            if (readable(&r->widgets[j]) && overlap(rc, r->widgets[j].rect) && w->hidden == r->widgets[j].hidden) {
                snprintf(path, sizeof path, "scene.widgets[%d].rect", j);
                lint_report(f, DIAG_WARNING, DIAG_OUT_OF_BOUNDS, path,
                            "this widget lies on top of widget %d%s%s%s: a click or tap would hit both", i,
                            w->id ? " ('" : "", w->id ? w->id : "", w->id ? "')" : "");
            }
        }
        if (w->opens && run->manifest_ok) {
            snprintf(path, sizeof path, "scene.widgets[%d].opens", i);
            if (strncmp(w->opens, "comic:", 6) == 0) check_comic_ref(run, f, path, w->opens + 6);
            else check_room_ref(run, f, path, w->opens);
        }
    }
    if (run->manifest_ok || run->comic_id_count) {
        check_comic_ref(run, f, "comic_intro", r->comic_intro);
        check_comic_ref(run, f, "comic_outro", r->comic_outro);
    }
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        for (int k = 0; k < p->require_count; k++) {
            if (p->requires[k] <= i) continue;
            snprintf(path, sizeof path, "puzzles[%d].requires", i);
            lint_flag(f, DIAG_REQUIRES_FORWARD, path,
                      "puzzle '%s' requires '%s', which comes later in the list: move '%s' before it, so the list is the "
                      "order a player meets them",
                      "tehtävä '%s' edellyttää tehtävää '%s', joka on listassa myöhemmin: siirrä '%s' sen edelle, jotta "
                      "lista on järjestys, jossa pelaaja ne kohtaa",
                      "uppgiften '%s' kräver '%s', som kommer senare i listan: flytta '%s' före den, så att listan "
                      "är den ordning som spelaren möter dem i",
                      p->id, r->puzzles[p->requires[k]].id, r->puzzles[p->requires[k]].id);
            break;
        }
        if (p->comic && (run->manifest_ok || run->comic_id_count)) {
            snprintf(path, sizeof path, "puzzles[%d].gives.comic", i);
            check_comic_ref(run, f, path, p->comic);
        }
        const char *list = p->kind == LEVEL_P_CHOICE ? "options" : p->kind == LEVEL_P_HOTSPOTS ? "places"
                         : p->kind == LEVEL_P_ORDER ? "steps" : "pairs";
        for (int k = 0; k < p->option_count; k++) {
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].explain", i, list, k);
            check_explanation(f, &p->options[k].explain, path);
            const level_rect *rc = &p->options[k].rect;
            if (p->kind == LEVEL_P_HOTSPOTS && (rc->w < PLACE_MIN || rc->h < PLACE_MIN)) {
                snprintf(path, sizeof path, "puzzles[%d].places[%d].%s", i, k, p->options[k].widget ? "widget" : "rect");
                lint_report(f, DIAG_WARNING, DIAG_BAD_VALUE, path,
                            "the place is %dx%d: make it at least %dx%d so that it is easy to tap on a phone", rc->w,
                            rc->h, PLACE_MIN, PLACE_MIN);
            }
        }
        char bad[8];
        if (p->kind == LEVEL_P_CODE && !p->final_code && p->answer_count > 0 && untypable(p->answers[0], bad, sizeof bad)) {
            snprintf(path, sizeof path, "puzzles[%d].answer", i);
            lint_flag(f, DIAG_KEYPAD, path,
                      "the code has '%s', which the code keypad has no key for: use digits 0-9 and letters A-Z, or a "
                      "\"text\" puzzle",
                      "koodissa on '%s', jolle koodinäppäimistössä ei ole näppäintä: käytä numeroita 0-9 ja kirjaimia "
                      "A-Z tai \"text\"-tehtävää",
                      "koden har '%s', som kodlåsets knappsats saknar en tangent för: använd siffrorna 0–9 och "
                      "bokstäverna A–Z eller en \"text\"-uppgift", bad);
        }
        snprintf(path, sizeof path, "puzzles[%d].wrong", i);
        check_explanation(f, &p->wrong, path);
        snprintf(path, sizeof path, "puzzles[%d].solved", i);
        check_explanation(f, &p->solved, path);
    }
}

/* ---- a room played through ---------------------------------------------------------------- */

static int widget_index(const level_room *r, const char *id)
{
    for (int i = 0; id && i < r->widget_count; i++)
        if (r->widgets[i].id && strcmp(r->widgets[i].id, id) == 0) return i;
    return -1;
}

/* Why puzzle p cannot be solved in state g as a player meets it, or NULL when it can:
   a place on a widget that is still hidden, or an item the player does not hold yet. */
static const char *stuck_reason(const game_state *g, const level_puzzle *p, char *buf, size_t cap)
{
    const level_room *r = g->room;
    if (p->kind == LEVEL_P_HOTSPOTS) {
        for (int k = 0; k < p->option_count; k++) {
            const level_option *o = &p->options[k];
            int w = widget_index(r, o->widget);
            if (o->correct && w >= 0 && !game_widget_visible(g, w)) {
                snprintf(buf, cap, "the place '%s' is on the hidden widget '%s', and no puzzle before this one reveals it",
                         o->id, o->widget);
                return buf;
            }
        }
    }
    if (p->kind == LEVEL_P_USE) {
        int w = widget_index(r, p->use_place);
        if (p->use_item >= 0 && !game_has_item(g, p->use_item)) {
            snprintf(buf, cap, "it needs the item '%s', but only a later puzzle gives it", r->items[p->use_item].id);
            return buf;
        }
        if (w >= 0 && !game_widget_visible(g, w)) {
            snprintf(buf, cap, "the item is used on the hidden widget '%s', and no puzzle before this one reveals it",
                     p->use_place);
            return buf;
        }
    }
    return NULL;
}

/* One answer, through the core as a player gives it; kept in events when they are wanted. */
static void submit(game_state *g, const level_puzzle *p, const char *const *ids, int n, game_result *res, cJSON *events)
{
    game_submit(g, p->id, ids, n, res);
    if (!events || (res->verdict != GAME_RIGHT && res->verdict != GAME_PARTIAL)) return;
    cJSON *e = cJSON_CreateObject();
    cJSON_AddStringToObject(e, "puzzle", p->id);
    cJSON_AddItemToObject(e, "answer", cJSON_CreateStringArray(ids, n));
    cJSON_AddItemToArray(events, e);
}

/* Gives the right answer to puzzle i through the core, as a player would; events (or NULL)
   gets what was given. */
static bool solve(game_state *g, int i, cJSON *events)
{
    const level_puzzle *p = &g->room->puzzles[i];
    const char *ids[LEVEL_MAX_OPTIONS];
    char pairs[LEVEL_MAX_OPTIONS][140];
    int n = 0;
    game_result res;
    switch (p->kind) {
    case LEVEL_P_CHOICE:
        for (int k = 0; k < p->option_count; k++)
            if (p->options[k].correct) ids[n++] = p->options[k].id;
        break;
    case LEVEL_P_HOTSPOTS:
        for (int k = 0; k < p->option_count; k++) {
            if (!p->options[k].correct) continue;
            submit(g, p, &p->options[k].id, 1, &res, events);
            if (res.verdict == GAME_RIGHT) return true;
        }
        return false;
    case LEVEL_P_ORDER:
        for (int k = 0; k < p->option_count; k++) ids[n++] = p->options[k].id;
        break;
    case LEVEL_P_MATCH:
        for (int k = 0; k < p->option_count; k++) {
            snprintf(pairs[k], sizeof pairs[k], "%s=%s", p->options[k].id, p->options[k].id);
            ids[n++] = pairs[k];
        }
        break;
    case LEVEL_P_CODE:
        ids[n++] = p->final_code ? g->final_code : p->answers[0];
        break;
    case LEVEL_P_TEXT:
        ids[n++] = p->answers[0];
        break;
    case LEVEL_P_USE:
        if (p->use_item < 0) return false;
        ids[n++] = g->room->items[p->use_item].id;
        ids[n++] = p->use_place;
        break;
    default: return false;
    }
    submit(g, p, ids, n, &res, events);
    return res.verdict == GAME_RIGHT;
}

void lint_check_solvable(lint_run *run, lint_file *f)
{
    (void)run;
    const level_room *r = &f->room;
    static game_state g;
    game_begin(&g, r);
    g.final_code = "1234"; /* the last door: the parts are checked with the manifest */
    char why[256], path[DIAG_PATH_MAX];
    int stuck_at = -1; /* the puzzle where the play-through stopped, or -1 */
    for (int steps = 0; steps <= r->puzzle_count; steps++) {
        int i = game_next_puzzle(&g);
        if (i < 0) break;
        snprintf(path, sizeof path, "puzzles[%d]", i);
        const char *stuck = stuck_reason(&g, &r->puzzles[i], why, sizeof why);
        if (stuck) {
            lint_report(f, DIAG_ERROR, DIAG_UNSOLVABLE, path, "a player gets stuck at this puzzle: %s", stuck);
            stuck_at = i;
            break;
        }
        if (!solve(&g, i, NULL)) {
            lint_report(f, DIAG_ERROR, DIAG_UNSOLVABLE, path, "the puzzle's own right answer is not accepted");
            stuck_at = i;
            break;
        }
    }
    /* hidden widgets: revealed by some puzzle, and by one a player solves (one a later puzzle
       took away again, "hides", was seen in between) */
    for (int w = 0; w < r->widget_count; w++) {
        if (!r->widgets[w].hidden || game_widget_visible(&g, w)) continue;
        if (g.removed[w / 32] & (1u << (w % 32))) continue;
        int by = -1;
        for (int i = 0; i < r->puzzle_count && by < 0; i++)
            for (int e = 0; e < r->puzzles[i].reveal_count; e++)
                if (r->puzzles[i].reveals[e] == w) by = i;
        const char *id = r->widgets[w].id ? r->widgets[w].id : "?";
        snprintf(path, sizeof path, "scene.widgets[%d].hidden", w);
        if (by < 0)
            lint_flag(f, DIAG_WIDGET_HIDDEN, path,
                      "the widget '%s' is hidden and no puzzle reveals it, so no player ever sees it: reveal it in a "
                      "puzzle's \"gives\", or remove \"hidden\"",
                      "widget '%s' on piilotettu, eikä mikään tehtävä paljasta sitä, joten kukaan pelaaja ei näe sitä: "
                      "paljasta se jonkin tehtävän \"gives\"-kohdassa tai poista \"hidden\"",
                      "widgeten '%s' är dold och ingen uppgift tar fram den, så ingen spelare ser den någonsin: ta "
                      "fram den i en uppgifts \"gives\" eller ta bort \"hidden\"", id);
        else if (stuck_at >= 0)
            lint_flag(f, DIAG_WIDGET_UNREACHABLE, path,
                      "the widget '%s' is revealed only by puzzle '%s', which a player never reaches: the room gets stuck "
                      "at puzzle '%s'",
                      "widgetin '%s' paljastaa vain tehtävä '%s', johon pelaaja ei koskaan pääse: huone jumittuu "
                      "tehtävään '%s'",
                      "widgeten '%s' tas fram bara av uppgiften '%s', som spelaren aldrig når: rummet fastnar vid "
                      "uppgiften '%s'", id, r->puzzles[by].id, r->puzzles[stuck_at].id);
        else
            lint_flag(f, DIAG_WIDGET_UNREACHABLE, path,
                      "the widget '%s' is revealed only by puzzle '%s', which a player never solves",
                      "widgetin '%s' paljastaa vain tehtävä '%s', jota pelaaja ei koskaan ratkaise",
                      "widgeten '%s' tas fram bara av uppgiften '%s', som spelaren aldrig löser", id, r->puzzles[by].id);
    }
    if (stuck_at >= 0) return; /* what comes after is not reached; the stuck puzzle says why */
    /* what is left can never be opened: say which requirement never comes true */
    for (int i = 0; i < r->puzzle_count; i++) {
        if (g.puzzles[i].solved) continue;
        const level_puzzle *p = &r->puzzles[i];
        snprintf(path, sizeof path, "puzzles[%d].requires", i);
        const char *what = NULL, *id = NULL;
        for (int k = 0; k < p->require_count && !id; k++)
            if (!g.puzzles[p->requires[k]].solved) what = "puzzle", id = r->puzzles[p->requires[k]].id;
        for (int k = 0; k < p->require_item_count && !id; k++)
            if (!game_has_item(&g, p->requires_items[k])) what = "item", id = r->items[p->requires_items[k]].id;
        if (id)
            lint_report(f, DIAG_ERROR, DIAG_UNREACHABLE, path,
                        "puzzle '%s' can never be opened: it requires the %s '%s', which a player can never get", p->id,
                        what, id);
        else
            lint_report(f, DIAG_ERROR, DIAG_UNREACHABLE, path, "puzzle '%s' can never be opened", p->id);
    }
}

cJSON *lint_solution(const lint_file *f, const char *final)
{
    const level_room *r = &f->room;
    static game_state g;
    char norm[PLAY_CODE_MAX];
    game_begin(&g, r);
    level_normalise_answer(final ? final : "1234", norm, sizeof norm);
    g.final_code = norm;
    cJSON *events = cJSON_CreateArray();
    for (int steps = 0; steps <= r->puzzle_count; steps++) {
        int i = game_next_puzzle(&g);
        if (i < 0) break;
        if (r->puzzles[i].final_code && !final) break; /* the last door: its code is the game's */
        char why[256];
        if (stuck_reason(&g, &r->puzzles[i], why, sizeof why) || !solve(&g, i, events)) {
            cJSON_Delete(events);
            return NULL;
        }
    }
    for (int i = 0; i < r->puzzle_count; i++) {
        if (!g.puzzles[i].solved && !(r->puzzles[i].final_code && !final)) {
            cJSON_Delete(events);
            return NULL;
        }
    }
    return events;
}

/* ---- the manifest and its rooms ----------------------------------------------------------- */

static void suggest_file(lint_run *run, const char *file, char *out, size_t cap)
{
    char full[1200], near[64];
    snprintf(full, sizeof full, "%s/%s", run->levels, file);
    const char *s = closest_sibling(full, near, sizeof near);
    if (s) snprintf(out, cap, " (did you mean '%s'?)", s);
    else out[0] = '\0';
}


static bool is_hub(const lint_run *run, int i)
{
    return run->manifest.hub && run->manifest.rooms[i].id && strcmp(run->manifest.rooms[i].id, run->manifest.hub) == 0;
}

void lint_final_code(lint_run *run, char *out, size_t cap)
{
    out[0] = '\0';
    if (!run->manifest_ok) return;
    for (int i = 0; i < run->manifest.room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!run->manifest.rooms[i].required || is_hub(run, i) || !f || !f->loaded || !f->room.code_part) continue;
        strncat(out, f->room.code_part, cap - strlen(out) - 1);
    }
}

/* One solution's events applied to the whole game's play state, as the report server replays a
   play-through; false when one is not accepted. */
static bool replay(play_state *p, int room, const cJSON *events, uint32_t *seq)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, events) {
        const cJSON *pz = cJSON_GetObjectItemCaseSensitive(e, "puzzle"), *ans = cJSON_GetObjectItemCaseSensitive(e, "answer");
        const char *ids[LEVEL_MAX_OPTIONS];
        int n = 0;
        const cJSON *a;
        cJSON_ArrayForEach(a, ans) if (n < LEVEL_MAX_OPTIONS) ids[n++] = a->valuestring;
        report_event ev;
        game_result res;
        ++*seq;
        if (!report_event_make(&ev, *seq, p->game->rooms[room].id, pz->valuestring, ids, n, *seq * 20000.0)) return false;
        game_verdict v = play_apply(p, &ev, &res);
        if (v != GAME_RIGHT && v != GAME_PARTIAL) return false;
    }
    return true;
}

/* The lobby has a door to every room, and the last door opens when the game is played from the
   lobby through every room by the linter's own solutions. */
static void lint_check_doors(lint_run *run, int door_room, int door_puzzle)
{
    const level_game *m = &run->manifest;
    int hub = m->hub ? level_find_room(m, m->hub) : -1;
    lint_file *hf = hub >= 0 ? lint_room_file(run, hub) : NULL;
    for (int i = 0; hf && hf->loaded && i < m->room_count; i++) {
        if (i == hub) continue;
        bool door = false;
        for (int w = 0; w < hf->room.widget_count && !door; w++)
            door = hf->room.widgets[w].opens && strcmp(hf->room.widgets[w].opens, m->rooms[i].id) == 0;
        if (door) continue;
        if (m->rooms[i].required && door_room >= 0)
            lint_flag(hf, DIAG_NO_DOOR, "scene.widgets",
                      "the lobby has no door to room '%s' (listed in %s), so no player gets its code part and the last "
                      "door never opens: add a widget with \"opens\": \"%s\"",
                      "aulassa ei ole ovea huoneeseen '%s' (listattu tiedostossa %s), joten kukaan ei saa sen koodin osaa "
                      "eikä viimeinen ovi aukea: lisää widget, jossa \"opens\": \"%s\"",
                      "lobbyn har ingen dörr till rummet '%s' (listat i %s), så ingen spelare får dess koddel och "
                      "den sista dörren öppnas aldrig: lägg till en widget med \"opens\": \"%s\"",
                      m->rooms[i].id, run->game->path, m->rooms[i].id);
        else
            lint_flag(hf, DIAG_NO_DOOR, "scene.widgets",
                      "the lobby has no door to room '%s' (listed in %s): add a widget with \"opens\": \"%s\"",
                      "aulassa ei ole ovea huoneeseen '%s' (listattu tiedostossa %s): lisää widget, jossa \"opens\": \"%s\"",
                      "lobbyn har ingen dörr till rummet '%s' (listat i %s): lägg till en widget med \"opens\": "
                      "\"%s\"",
                      m->rooms[i].id, run->game->path, m->rooms[i].id);
    }
    if (door_room < 0) return;
    for (int i = 0; i < m->room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!f || !f->loaded) return; /* its own problem is reported; the play-through needs every room */
    }
    static play_state p;
    play_begin(&p, m);
    for (int i = 0; i < m->room_count; i++) play_attach_room(&p, i, &lint_room_file(run, i)->room);
    char final[PLAY_CODE_MAX * 2], why[200] = "", why_fi[200] = "", why_sv[200] = "";
    lint_final_code(run, final, sizeof final);
    uint32_t seq = 0;
    for (int i = 0; i < m->room_count && !why[0]; i++) {
        if (i == door_room) continue;
        cJSON *events = lint_solution(lint_room_file(run, i), final);
        if (!events || !replay(&p, i, events, &seq)) {
            snprintf(why, sizeof why, "room '%s' cannot be played to its end", m->rooms[i].id);
            snprintf(why_fi, sizeof why_fi, "huonetta '%s' ei voi pelata loppuun", m->rooms[i].id);
            snprintf(why_sv, sizeof why_sv, "rummet '%s' kan inte spelas till slutet", m->rooms[i].id);
        }
        cJSON_Delete(events);
    }
    lint_file *df = lint_room_file(run, door_room);
    if (!why[0]) {
        cJSON *events = lint_solution(df, final);
        if (!events || !replay(&p, door_room, events, &seq) || !p.escaped) {
            snprintf(why, sizeof why, "the code '%s' that the rooms' parts make does not open it", final);
            snprintf(why_fi, sizeof why_fi, "huoneiden osista syntyvä koodi '%s' ei avaa sitä", final);
            snprintf(why_sv, sizeof why_sv, "koden '%s' som rummens delar bildar öppnar den inte", final);
        }
        cJSON_Delete(events);
    }
    if (!why[0]) return;
    char path[DIAG_PATH_MAX];
    snprintf(path, sizeof path, "puzzles[%d]", door_puzzle);
    lint_flag(df, DIAG_FINAL_UNREACHABLE, path, "played from the lobby through every room, the last door does not open: %s",
              "kun aulasta pelataan jokainen huone, viimeinen ovi ei aukea: %s",
              "när man från lobbyn spelar igenom varje rum öppnas den sista dörren inte: %s", why);
    int k = df->diags.count - 1; /* the reason in Finnish and Swedish, too */
    if (k >= 0 && df->diags.items[k].code == DIAG_FINAL_UNREACHABLE) {
        snprintf(df->fi[k], sizeof df->fi[k], "kun aulasta pelataan jokainen huone, viimeinen ovi ei aukea: %s", why_fi);
        snprintf(df->sv[k], sizeof df->sv[k], "när man från lobbyn spelar igenom varje rum öppnas den sista dörren inte: %s",
                 why_sv);
    }
}

/* A comic that no room opens is a file no player ever sees (issue 12: the studio wires a new comic
   into the lobby; this says so when that button is gone). Only with a manifest: a comic linted
   alone has no rooms to be opened from. */
static bool opens_comic(const level_room *r, const char *id)
{
    if ((r->comic_intro && strcmp(r->comic_intro, id) == 0) || (r->comic_outro && strcmp(r->comic_outro, id) == 0))
        return true;
    for (int w = 0; w < r->widget_count; w++) {
        const char *o = r->widgets[w].opens;
        if (o && strncmp(o, "comic:", 6) == 0 && strcmp(o + 6, id) == 0) return true;
    }
    for (int k = 0; k < r->puzzle_count; k++)
        if (r->puzzles[k].comic && strcmp(r->puzzles[k].comic, id) == 0) return true;
    return false;
}

static void lint_check_comics_reached(lint_run *run)
{
    const level_game *m = &run->manifest;
    for (int i = 0; i < m->room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!f || !f->loaded) return; /* a room that did not load may be the one that opens it */
    }
    for (int k = 0; k < run->file_count; k++) {
        lint_file *c = &run->files[k];
        if (c->kind != LINT_COMIC || !c->loaded || !c->comic.id) continue;
        bool reached = false;
        for (int i = 0; i < m->room_count && !reached; i++) reached = opens_comic(&lint_room_file(run, i)->room, c->comic.id);
        if (!reached)
            lint_flag(c, DIAG_COMIC_UNREACHED, "id",
                      "no room opens the comic '%s', so no player sees it: add a button with \"opens\": \"comic:%s\" "
                      "to the lobby (or name it in a room's comic_intro or comic_outro, or a puzzle's comic)",
                      "mikään huone ei avaa sarjakuvaa '%s', joten pelaajat eivät näe sitä: lisää aulaan painike, jossa "
                      "\"opens\": \"comic:%s\" (tai nimeä se huoneen tai tehtävän comic-kentässä)",
                      "inget rum öppnar serien '%s', så ingen spelare ser den: lägg i lobbyn till en knapp med "
                      "\"opens\": \"comic:%s\" (eller nämn den i ett rums eller en uppgifts comic-fält)",
                      c->comic.id, c->comic.id);
    }
}

void lint_check_game(lint_run *run)
{
    if (!run->game || !run->manifest_ok) return;
    const level_game *m = &run->manifest;
    lint_file *g = run->game;
    char path[DIAG_PATH_MAX], hint[128];
    for (int i = 0; i < m->room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!f) {
            suggest_file(run, m->rooms[i].file, hint, sizeof hint);
            snprintf(path, sizeof path, "rooms[%d].file", i);
            lint_report(g, DIAG_ERROR, DIAG_IO, path, "the room file '%s' is not in %s%s", m->rooms[i].file,
                        run->levels, hint);
        } else if (f->loaded && f->room.id && strcmp(f->room.id, m->rooms[i].id) != 0) {
            lint_report(f, DIAG_ERROR, DIAG_UNKNOWN_REF, "id", "the room's id '%s' differs from its id '%s' in %s",
                        f->room.id, m->rooms[i].id, g->path);
        }
    }
    for (int i = 0; i < m->comic_count; i++) {
        lint_file *f = NULL;
        for (int k = 0; k < run->file_count; k++)
            if (run->files[k].kind == LINT_COMIC && run->files[k].ref == i) f = &run->files[k];
        if (!f) {
            suggest_file(run, m->comics[i].file, hint, sizeof hint);
            snprintf(path, sizeof path, "comics[%d].file", i);
            lint_report(g, DIAG_ERROR, DIAG_IO, path, "the comic file '%s' is not in %s%s", m->comics[i].file,
                        run->levels, hint);
        } else if (f->loaded && f->comic.id && strcmp(f->comic.id, m->comics[i].id) != 0) {
            lint_report(f, DIAG_ERROR, DIAG_UNKNOWN_REF, "id", "the comic's id '%s' differs from its id '%s' in %s",
                        f->comic.id, m->comics[i].id, g->path);
        }
    }
    /* a comic found by its file name must carry that name as its id (?comic=id opens it so) */
    for (int k = 0; k < run->file_count; k++) {
        lint_file *f = &run->files[k];
        if (f->kind != LINT_COMIC || !f->loaded || f->ref >= 0 || !f->comic.id) continue;
        const char *base = strrchr(f->path, '/');
        base = base ? base + 1 : f->path;
        if (strncmp(base, f->comic.id, strlen(f->comic.id)) != 0 || strcmp(base + strlen(f->comic.id), ".json") != 0)
            lint_report(f, DIAG_ERROR, DIAG_UNKNOWN_REF, "id", "the comic's id '%s' differs from its file name '%s'",
                        f->comic.id, base);
    }

    /* ---- the last door: the required rooms' code parts, joined in manifest order ---- */
    int door_room = -1, door_puzzle = -1;
    for (int i = 0; i < m->room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        for (int k = 0; f && f->loaded && k < f->room.puzzle_count; k++) {
            if (!f->room.puzzles[k].final_code) continue;
            if (door_room >= 0) {
                snprintf(path, sizeof path, "puzzles[%d].final", k);
                lint_report(f, DIAG_WARNING, DIAG_BAD_VALUE, path,
                            "another final door is already in room '%s': one last door is enough", m->rooms[door_room].id);
                continue;
            }
            door_room = i;
            door_puzzle = k;
            if (m->rooms[i].required && !is_hub(run, i)) {
                snprintf(path, sizeof path, "puzzles[%d].final", k);
                lint_report(f, DIAG_ERROR, DIAG_UNSOLVABLE, path,
                            "the last door opens when every required room is solved, but this room is required "
                            "itself and cannot be solved before its door opens: put the door in the hub, or set "
                            "\"required\": false for room '%s' in %s", m->rooms[i].id, g->path);
            }
        }
    }
    char joined[PLAY_CODE_MAX * 2] = "";
    int parts = 0, required = 0;
    for (int i = 0; i < m->room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        bool counts = m->rooms[i].required && !is_hub(run, i);
        required += counts; /* a room that does not load still counts: its own error says why */
        if (!f || !f->loaded) continue;
        const char *part = f->room.code_part;
        if (part && !part[0]) {
            lint_report(f, DIAG_ERROR, DIAG_BAD_VALUE, "code_part", "the code part is empty");
            continue;
        }
        if (!counts) {
            if (part && door_room >= 0)
                lint_report(f, DIAG_WARNING, DIAG_BAD_VALUE, "code_part",
                            "this code part is never asked: the room is %s, so it is not part of the last door's code",
                            is_hub(run, i) ? "the hub" : "not required (\"required\": false in game.json)");
            continue;
        }
        if (!part) {
            if (door_room >= 0)
                lint_report(f, DIAG_ERROR, DIAG_UNSOLVABLE, "id",
                            "the last door in room '%s' needs a part of the code from every required room, but this "
                            "room has no \"code_part\"", m->rooms[door_room].id);
            continue;
        }
        parts++;
        char bad[8];
        if (untypable(part, bad, sizeof bad))
            lint_flag(f, DIAG_KEYPAD, "code_part",
                      "the code part has '%s', which the code keypad has no key for: use digits 0-9 and letters A-Z",
                      "koodin osassa on '%s', jolle koodinäppäimistössä ei ole näppäintä: käytä numeroita 0-9 ja "
                      "kirjaimia A-Z",
                      "koddelen har '%s', som kodlåsets knappsats saknar en tangent för: använd siffrorna 0–9 och "
                      "bokstäverna A–Z", bad);
        strncat(joined, part, sizeof joined - strlen(joined) - 1);
    }
    if (door_room >= 0) {
        lint_file *f = lint_room_file(run, door_room);
        snprintf(path, sizeof path, "puzzles[%d]", door_puzzle);
        if (required == 0)
            lint_report(f, DIAG_ERROR, DIAG_UNSOLVABLE, path,
                        "the last door's code is made of the required rooms' code parts, but no room is required");
        else if (strlen(joined) >= PLAY_CODE_MAX)
            lint_report(f, DIAG_ERROR, DIAG_TOO_MANY, path, "the code parts together are longer than %d characters",
                        PLAY_CODE_MAX - 1);
    } else if (parts > 0 && m->hub && lint_room_file(run, level_find_room(m, m->hub)) &&
               lint_room_file(run, level_find_room(m, m->hub))->loaded) {
        /* a game with a lobby ends at its last door: without one, nobody ever escapes */
        lint_flag(lint_room_file(run, level_find_room(m, m->hub)), DIAG_FINAL_UNREACHABLE, "puzzles",
                  "the rooms give code parts, but the lobby has no last door: add a \"code\" puzzle with \"final\": true",
                  "huoneet antavat koodin osia, mutta aulassa ei ole viimeistä ovea: lisää \"code\"-tehtävä, jossa "
                  "\"final\": true",
                  "rummen ger koddelar, men lobbyn har ingen sista dörr: lägg till en \"code\"-uppgift med "
                  "\"final\": true");
    } else if (parts > 0) {
        for (int i = 0; i < m->room_count; i++) {
            lint_file *f = lint_room_file(run, i);
            if (f && f->loaded && f->room.code_part) {
                lint_report(f, DIAG_WARNING, DIAG_BAD_VALUE, "code_part",
                            "no room has a last door (a \"code\" puzzle with \"final\": true), so code parts are never asked");
                break;
            }
        }
    }
    lint_check_doors(run, door_room, door_puzzle);
    lint_check_comics_reached(run);
}
