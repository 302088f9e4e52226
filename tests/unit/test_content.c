/* The shipped content (levels/): it loads without errors or warnings in every language, its
 * organisation names all come from levels/game.json, its scenes are playable (places big enough
 * to tap, no two readable widgets on top of each other, art that nanosvg can draw), and the
 * known solutions in tests/fixtures/solutions.json play every room and open the last door. */
#include <cjson/cJSON.h>

#include "../../game/core/play.h"
#include "harness.h"

#define DIR "levels/"
#define SOLUTIONS "tests/fixtures/solutions.json"

static level_game manifest;
static level_room rooms[LEVEL_MAX_ROOMS];
static bool loaded[LEVEL_MAX_ROOMS];
static cJSON *solutions;

static void print_diags(const diag_list *d)
{
    for (int i = 0; i < d->count; i++) {
        char buf[800];
        diag_format(&d->items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
}

static bool is_hub(int i) { return manifest.hub && strcmp(manifest.rooms[i].id, manifest.hub) == 0; }

/* Counts code points, so that "ä" is one letter as the player sees it. */
static int letters(const char *s)
{
    int n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

TEST(the_manifest_and_every_room_load_with_settings_and_no_warnings)
{
    diag_list d = {0};
    size_t len;
    char *t = harness_read(DIR "game.json", &len);
    CHECK(level_load_game(&manifest, DIR "game.json", t, len, &d));
    free(t);
    CHECK(d.errors == 0 && d.warnings == 0);
    print_diags(&d);
    CHECK(manifest.hub != NULL);
    for (int i = 0; i < manifest.room_count; i++) {
        char path[256];
        diag_list rd = {0};
        snprintf(path, sizeof path, DIR "%s", manifest.rooms[i].file);
        t = harness_read(path, &len);
        loaded[i] = level_load_room(&rooms[i], path, t, len, &rd);
        free(t);
        if (loaded[i]) {
            level_apply_settings(&rooms[i], &manifest, &rd);
            CHECK_STR(rooms[i].id, manifest.rooms[i].id);
        }
        if (!loaded[i] || rd.errors || rd.warnings) {
            fprintf(stderr, "  %s:\n", path);
            print_diags(&rd);
        }
        CHECK(loaded[i] && rd.errors == 0 && rd.warnings == 0);
    }
}

/* Each text field of the content, in each language, for the checks below. */
typedef void (*text_fn)(const char *room, const char *what, const char *s, void *ctx);

static void each_lang(const char *room, const char *what, const i18n_text *t, text_fn fn, void *ctx)
{
    for (int l = 0; l < LANG_COUNT; l++)
        if (t->s[l]) fn(room, what, t->s[l], ctx);
}

static void each_text(const level_room *r, text_fn fn, void *ctx)
{
    each_lang(r->id, "title", &r->title, fn, ctx);
    each_lang(r->id, "intro", &r->intro, fn, ctx);
    each_lang(r->id, "outro", &r->outro, fn, ctx);
    for (int i = 0; i < r->widget_count; i++) {
        each_lang(r->id, "widget", &r->widgets[i].text, fn, ctx);
        each_lang(r->id, "widget label", &r->widgets[i].label, fn, ctx);
        for (int k = 0; k < r->widgets[i].row_count; k++) each_lang(r->id, "row", &r->widgets[i].rows[k], fn, ctx);
    }
    for (int i = 0; i < r->item_count; i++) {
        each_lang(r->id, "item", &r->items[i].name, fn, ctx);
        each_lang(r->id, "item about", &r->items[i].about, fn, ctx);
    }
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        each_lang(r->id, p->id, &p->prompt, fn, ctx);
        each_lang(r->id, p->id, &p->solved, fn, ctx);
        each_lang(r->id, p->id, &p->wrong, fn, ctx);
        for (int k = 0; k < p->hint_count; k++) each_lang(r->id, p->id, &p->hints[k], fn, ctx);
        for (int k = 0; k < p->option_count; k++) {
            each_lang(r->id, p->options[k].id, &p->options[k].text, fn, ctx);
            each_lang(r->id, p->options[k].id, &p->options[k].pair, fn, ctx);
            each_lang(r->id, p->options[k].id, &p->options[k].explain, fn, ctx);
        }
    }
}

static void no_braces(const char *room, const char *what, const char *s, void *ctx)
{
    (void)ctx;
    if (strchr(s, '{') || strchr(s, '}')) {
        fprintf(stderr, "  %s: %s: a {setting} was not replaced: %s\n", room, what, s);
        harness_current_failed = 1;
    }
}

TEST(every_organisation_name_is_replaced_by_a_setting)
{
    for (int i = 0; i < manifest.room_count; i++)
        if (loaded[i]) each_text(&rooms[i], no_braces, NULL);
}

TEST(every_puzzle_teaches_with_hints_explanations_and_a_lesson)
{
    static const char *const verdicts[] = {"Oikein", "Väärin", "Rätt", "Fel", "Right", "Wrong", "Correct", NULL};
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        const level_room *r = &rooms[i];
        for (int k = 0; k < r->puzzle_count; k++) {
            const level_puzzle *p = &r->puzzles[k];
            if (p->final_code) continue;
            if (p->hint_count < 1 || p->hint_count > 3 || i18n_empty(&p->solved)) {
                fprintf(stderr, "  %s/%s: needs 1-3 hints and a \"solved\" lesson\n", r->id, p->id);
                harness_current_failed = 1;
            }
            for (int o = 0; o < p->option_count; o++) {
                const level_option *op = &p->options[o];
                bool needs = p->kind == LEVEL_P_CHOICE || p->kind == LEVEL_P_HOTSPOTS || p->kind == LEVEL_P_MATCH;
                if (needs && i18n_empty(&op->explain)) {
                    fprintf(stderr, "  %s/%s/%s: no explanation\n", r->id, p->id, op->id);
                    harness_current_failed = 1;
                }
                for (int l = 0; l < LANG_COUNT; l++)
                    for (int v = 0; verdicts[v] && op->explain.s[l]; v++)
                        if (strncmp(op->explain.s[l], verdicts[v], strlen(verdicts[v])) == 0) {
                            fprintf(stderr, "  %s/%s/%s: the engine shows the verdict; do not start with \"%s\"\n",
                                    r->id, p->id, op->id, verdicts[v]);
                            harness_current_failed = 1;
                        }
            }
        }
    }
}

/* Longest texts that still fit the side panel (about 370 px at 15-19 px text). */
static void check_len(const level_room *r, const char *what, const i18n_text *t, int max)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        if (t->s[l] && letters(t->s[l]) > max) {
            fprintf(stderr, "  %s/%s (%s): %d letters, at most %d: %s\n", r->id, what, i18n_code((i18n_lang)l),
                    letters(t->s[l]), max, t->s[l]);
            harness_current_failed = 1;
        }
    }
}

TEST(texts_are_short_enough_for_the_panel)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        const level_room *r = &rooms[i];
        check_len(r, "intro", &r->intro, 260);
        check_len(r, "outro", &r->outro, 130); /* one line each on the ending screen */
        for (int k = 0; k < r->puzzle_count; k++) {
            const level_puzzle *p = &r->puzzles[k];
            check_len(r, p->id, &p->prompt, 150);
            check_len(r, p->id, &p->solved, 200);
            check_len(r, p->id, &p->wrong, 160);
            for (int h = 0; h < p->hint_count; h++) check_len(r, p->id, &p->hints[h], 160);
            for (int o = 0; o < p->option_count; o++) {
                const level_option *op = &p->options[o];
                int text_max = p->kind == LEVEL_P_MATCH ? 26 : p->kind == LEVEL_P_ORDER ? 90 : 120;
                check_len(r, op->id, &op->text, text_max);
                if (p->kind == LEVEL_P_MATCH) check_len(r, op->id, &op->pair, 48);
                check_len(r, op->id, &op->explain, 200);
            }
        }
    }
}

static bool overlap(level_rect a, level_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* A widget the player can point at during a hotspot or use puzzle (see room_view.c). */
static bool readable(const level_widget *w)
{
    if (w->type == LEVEL_W_WINDOW || w->type == LEVEL_W_LIST) return false;
    return !i18n_empty(&w->text) || !i18n_empty(&w->label);
}

TEST(scenes_have_tappable_places_and_no_readable_widgets_on_top_of_each_other)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        const level_room *r = &rooms[i];
        for (int a = 0; a < r->widget_count; a++) {
            const level_widget *w = &r->widgets[a];
            if (w->rect.x < 0 || w->rect.y < 0 || w->rect.x + w->rect.w > r->scene_w || w->rect.y + w->rect.h > r->scene_h) {
                fprintf(stderr, "  %s: widget %d (%s) is outside the scene\n", r->id, a, w->id ? w->id : "-");
                harness_current_failed = 1;
            }
            for (int b = a + 1; readable(w) && b < r->widget_count; b++) {
                if (readable(&r->widgets[b]) && overlap(w->rect, r->widgets[b].rect)) {
                    fprintf(stderr, "  %s: readable widgets %d (%s) and %d (%s) overlap: a click would hit both\n", r->id, a,
                            w->id ? w->id : "-", b, r->widgets[b].id ? r->widgets[b].id : "-");
                    harness_current_failed = 1;
                }
            }
        }
        for (int k = 0; k < r->puzzle_count; k++) {
            const level_puzzle *p = &r->puzzles[k];
            for (int o = 0; p->kind == LEVEL_P_HOTSPOTS && o < p->option_count; o++) {
                if (p->options[o].rect.h < 40 || p->options[o].rect.w < 40) {
                    fprintf(stderr, "  %s/%s/%s: a place should be at least 40 x 40 to tap\n", r->id, p->id, p->options[o].id);
                    harness_current_failed = 1;
                }
            }
            /* every readable widget on screen during a hunt is a place, so no click goes unexplained */
            for (int a = 0; p->kind == LEVEL_P_HOTSPOTS && a < r->widget_count; a++) {
                const level_widget *w = &r->widgets[a];
                if (!readable(w)) continue;
                bool shown = !w->hidden;
                for (int q = 0; q < k && !shown; q++)
                    for (int e = 0; e < r->puzzles[q].reveal_count; e++) shown = shown || r->puzzles[q].reveals[e] == a;
                bool place = false;
                for (int o = 0; o < p->option_count; o++) place = place || (w->id && p->options[o].widget && strcmp(w->id, p->options[o].widget) == 0);
                if (shown && !place) {
                    fprintf(stderr, "  %s/%s: widget %d (%s) can be clicked but is no place: add it as a decoy\n", r->id, p->id, a,
                            w->id ? w->id : "-");
                    harness_current_failed = 1;
                }
            }
        }
    }
}

/* Art is drawn by nanosvg: basic shapes and paths, solid colours, nothing it ignores. */
static void check_asset(const char *room, const char *path)
{
    if (!path) return;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "  %s: the asset %s does not exist\n", room, path);
        harness_current_failed = 1;
        return;
    }
    fclose(f);
    if (!strstr(path, ".svg")) return;
    size_t len;
    char *svg = harness_read(path, &len);
    static const char *const banned[] = {"<text", "<style", "class=", "Gradient", "<filter", "<image", "<use", "<mask",
                                         "<clipPath", "<pattern", "font-", NULL};
    for (int b = 0; banned[b]; b++) {
        if (strstr(svg, banned[b])) {
            fprintf(stderr, "  %s: %s has %s, which nanosvg cannot draw\n", room, path, banned[b]);
            harness_current_failed = 1;
        }
    }
    if (!strstr(svg, "viewBox")) {
        fprintf(stderr, "  %s: %s has no viewBox, so it cannot scale\n", room, path);
        harness_current_failed = 1;
    }
    free(svg);
}

/* The screen-reader mirror is one line per control: a line break in a spoken label splits it. */
static void one_line(const char *room, const char *what, const i18n_text *t)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        if (t->s[l] && strchr(t->s[l], '\n')) {
            fprintf(stderr, "  %s/%s: a line break in what a screen reader says; give the widget a \"label\"\n", room, what);
            harness_current_failed = 1;
            return;
        }
    }
}

TEST(every_spoken_label_is_one_line)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        const level_room *r = &rooms[i];
        for (int w = 0; w < r->widget_count; w++) {
            const level_widget *wd = &r->widgets[w];
            if (!readable(wd)) continue;
            one_line(r->id, wd->id ? wd->id : "widget", i18n_empty(&wd->label) ? &wd->text : &wd->label);
        }
        for (int k = 0; k < r->item_count; k++) one_line(r->id, r->items[k].id, &r->items[k].name);
        for (int k = 0; k < r->puzzle_count; k++)
            for (int o = 0; o < r->puzzles[k].option_count; o++) {
                one_line(r->id, r->puzzles[k].options[o].id, &r->puzzles[k].options[o].text);
                one_line(r->id, r->puzzles[k].options[o].id, &r->puzzles[k].options[o].pair);
            }
    }
}

TEST(every_image_exists_and_is_simple_svg)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        const level_room *r = &rooms[i];
        check_asset(r->id, r->background);
        for (int w = 0; w < r->widget_count; w++) check_asset(r->id, r->widgets[w].image);
        for (int k = 0; k < r->item_count; k++) check_asset(r->id, r->items[k].icon);
    }
}

TEST(every_room_is_big_enough_and_the_rooms_use_every_kind)
{
    bool used[LEVEL_P_KIND_COUNT] = {0};
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i] || is_hub(i)) continue;
        const level_room *r = &rooms[i];
        bool kinds[LEVEL_P_KIND_COUNT] = {0};
        int n = 0;
        for (int k = 0; k < r->puzzle_count; k++) {
            if (!kinds[r->puzzles[k].kind]) n++;
            kinds[r->puzzles[k].kind] = used[r->puzzles[k].kind] = true;
        }
        if (r->puzzle_count < 5 || n < 3) {
            fprintf(stderr, "  %s: %d puzzles of %d kinds; a room needs at least 5 of 3 kinds\n", r->id, r->puzzle_count, n);
            harness_current_failed = 1;
        }
        CHECK(r->code_part && r->code_part[0]);
        CHECK(!i18n_empty(&r->outro));
    }
    for (int k = 0; k < LEVEL_P_KIND_COUNT; k++) {
        if (!used[k]) fprintf(stderr, "  no room has a '%s' puzzle\n", level_kind_name((level_puzzle_kind)k));
        CHECK(used[k]);
    }
}

TEST(the_hub_has_a_door_to_every_room_the_comic_and_the_last_door)
{
    int hub = level_find_room(&manifest, manifest.hub);
    CHECK(hub >= 0 && loaded[hub]);
    if (hub < 0 || !loaded[hub]) return;
    const level_room *h = &rooms[hub];
    for (int i = 0; i < manifest.room_count; i++) {
        if (i == hub) continue;
        bool door = false;
        for (int w = 0; w < h->widget_count; w++) door = door || (h->widgets[w].opens && strcmp(h->widgets[w].opens, manifest.rooms[i].id) == 0);
        if (!door) fprintf(stderr, "  the hub has no door to %s\n", manifest.rooms[i].id);
        CHECK(door);
    }
    bool comic = false, final = false;
    for (int w = 0; w < h->widget_count; w++) {
        const char *o = h->widgets[w].opens;
        if (o && strncmp(o, "comic:", 6) == 0) comic = true;
        else if (o) CHECK(level_find_room(&manifest, o) >= 0);
    }
    for (int k = 0; k < h->puzzle_count; k++) final = final || h->puzzles[k].final_code;
    CHECK(comic && final);
}

static uint32_t seq;

TEST(the_known_solutions_solve_every_room_and_open_the_last_door)
{
    size_t len;
    char *t = harness_read(SOLUTIONS, &len);
    solutions = cJSON_ParseWithLength(t, len);
    free(t);
    CHECK(solutions != NULL);
    if (!solutions) return;
    for (int i = 0; i < manifest.room_count; i++) if (!loaded[i]) return;
    play_state p;
    play_begin(&p, &manifest);
    for (int i = 0; i < manifest.room_count; i++) play_attach_room(&p, i, &rooms[i]);
    /* the rooms in manifest order, then the hub's last door */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < manifest.room_count; i++) {
            if (is_hub(i) != (pass == 1)) continue;
            const char *room = manifest.rooms[i].id;
            const cJSON *events = cJSON_GetObjectItemCaseSensitive(solutions, room);
            if (!cJSON_IsArray(events)) {
                fprintf(stderr, "  %s has no solution in " SOLUTIONS "\n", room);
                harness_current_failed = 1;
                continue;
            }
            const cJSON *e;
            cJSON_ArrayForEach(e, events) {
                const cJSON *pz = cJSON_GetObjectItemCaseSensitive(e, "puzzle");
                const cJSON *ans = cJSON_GetObjectItemCaseSensitive(e, "answer");
                const char *ids[LEVEL_MAX_OPTIONS];
                int n = 0;
                const cJSON *a;
                cJSON_ArrayForEach(a, ans) if (n < LEVEL_MAX_OPTIONS && cJSON_IsString(a)) ids[n++] = a->valuestring;
                report_event ev;
                game_result res;
                CHECK(cJSON_IsString(pz));
                if (!cJSON_IsString(pz)) continue;
                seq++;
                CHECK(report_event_make(&ev, seq, room, pz->valuestring, ids, n, seq * 20000.0));
                game_verdict v = play_apply(&p, &ev, &res);
                if (v != GAME_RIGHT && v != GAME_PARTIAL) {
                    fprintf(stderr, "  %s/%s: the known answer got verdict %d\n", room, pz->valuestring, (int)v);
                    harness_current_failed = 1;
                }
            }
            if (!play_room_solved(&p, i) && !is_hub(i)) {
                fprintf(stderr, "  the solution of %s does not solve it\n", room);
                harness_current_failed = 1;
            }
            CHECK(game_mistakes(&p.room_state[i]) == 0);
        }
    }
    char want[PLAY_CODE_MAX] = "";
    for (int i = 0; i < manifest.room_count; i++)
        if (!is_hub(i)) strncat(want, rooms[i].code_part, sizeof want - strlen(want) - 1);
    CHECK_STR(p.final_code, want);
    CHECK(p.escaped);
    CHECK(play_score(&p) == 100);
}

int main(void)
{
    RUN(the_manifest_and_every_room_load_with_settings_and_no_warnings);
    RUN(every_organisation_name_is_replaced_by_a_setting);
    RUN(every_puzzle_teaches_with_hints_explanations_and_a_lesson);
    RUN(texts_are_short_enough_for_the_panel);
    RUN(scenes_have_tappable_places_and_no_readable_widgets_on_top_of_each_other);
    RUN(every_spoken_label_is_one_line);
    RUN(every_image_exists_and_is_simple_svg);
    RUN(every_room_is_big_enough_and_the_rooms_use_every_kind);
    RUN(the_hub_has_a_door_to_every_room_the_comic_and_the_last_door);
    RUN(the_known_solutions_solve_every_room_and_open_the_last_door);
    for (int i = 0; i < manifest.room_count; i++) if (loaded[i]) level_free_room(&rooms[i]);
    level_free_game(&manifest);
    cJSON_Delete(solutions);
    return harness_done();
}
