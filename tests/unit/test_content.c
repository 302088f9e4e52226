/* The shipped content (levels/), asked of the linter: every rule that content must meet lives in
 * pakopeli-lint (game/tools/lint_rules.c states them), so this test runs it and finds nothing,
 * errors or warnings. What stays here is what the linter cannot vouch for itself: that the
 * events its own solver prints (pakopeli-lint --solution) play every room through the core's
 * play_apply, as the report server replays a play-through, and open the last door; and that the
 * shipped game as a whole uses every kind of puzzle and shows the comic in the lobby. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <cjson/cJSON.h>

#include "../../game/core/play.h"
#include "harness.h"

#define DIR "levels/"
#define LINT "build/native/pakopeli-lint"

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

/* What a command prints on stdout, parsed as JSON; NULL when it cannot run or prints no JSON. */
static cJSON *run_json(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) break;
            buf = nb;
            cap *= 2;
        }
    }
    pclose(p);
    if (!buf) return NULL;
    buf[n] = '\0';
    cJSON *doc = cJSON_Parse(buf);
    free(buf);
    return doc;
}

TEST(the_linter_finds_nothing_in_the_shipped_content)
{
    cJSON *problems = run_json(LINT " --json " DIR " 2>/dev/null");
    CHECK(cJSON_IsArray(problems));
    const cJSON *p;
    cJSON_ArrayForEach(p, problems) {
        fprintf(stderr, "  %s:%d: %s: %s [%s]\n", cJSON_GetObjectItem(p, "file")->valuestring,
                cJSON_GetObjectItem(p, "line")->valueint, cJSON_GetObjectItem(p, "path")->valuestring,
                cJSON_GetObjectItem(p, "message")->valuestring, cJSON_GetObjectItem(p, "code")->valuestring);
        harness_current_failed = 1;
    }
    cJSON_Delete(problems);
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

/* The linter holds each room to 5 puzzles of 3 kinds; the game as a whole teaches every kind. */
TEST(the_rooms_together_use_every_kind_of_puzzle)
{
    bool used[LEVEL_P_KIND_COUNT] = {0};
    for (int i = 0; i < manifest.room_count; i++)
        for (int k = 0; loaded[i] && k < rooms[i].puzzle_count; k++) used[rooms[i].puzzles[k].kind] = true;
    for (int k = 0; k < LEVEL_P_KIND_COUNT; k++) {
        if (!used[k]) fprintf(stderr, "  no room has a '%s' puzzle\n", level_kind_name((level_puzzle_kind)k));
        CHECK(used[k]);
    }
}

/* The linter checks a door to every room (no-door) and the last door (final-unreachable). */
TEST(the_lobby_shows_the_comic)
{
    int hub = level_find_room(&manifest, manifest.hub);
    CHECK(hub >= 0 && loaded[hub]);
    if (hub < 0 || !loaded[hub]) return;
    bool comic = false;
    for (int w = 0; w < rooms[hub].widget_count; w++)
        comic = comic || (rooms[hub].widgets[w].opens && strncmp(rooms[hub].widgets[w].opens, "comic:", 6) == 0);
    CHECK(comic);
}

static uint32_t seq;

TEST(the_linters_solutions_play_every_room_and_open_the_last_door)
{
    solutions = run_json(LINT " --solution " DIR);
    CHECK(cJSON_IsObject(solutions));
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
                fprintf(stderr, "  the linter gives no solution for %s\n", room);
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
    RUN(the_linter_finds_nothing_in_the_shipped_content);
    RUN(the_manifest_and_every_room_load_with_settings_and_no_warnings);
    RUN(the_rooms_together_use_every_kind_of_puzzle);
    RUN(the_lobby_shows_the_comic);
    RUN(the_linters_solutions_play_every_room_and_open_the_last_door);
    for (int i = 0; i < manifest.room_count; i++) if (loaded[i]) level_free_room(&rooms[i]);
    level_free_game(&manifest);
    cJSON_Delete(solutions);
    return harness_done();
}
