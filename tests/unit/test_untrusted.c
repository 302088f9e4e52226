/* Hostile input to the core (issue 15): what a fuzzer and an audit found, one test each.
 * Timing (linear loading) and allocation failures have their own programs in tests/fuzz/. */
#include <stdint.h>

#include "../../game/core/jsonx.h"
#include "../../game/core/level.h"
#include "../../game/core/play.h"
#include "../../game/core/report.h"
#include "harness.h"

static diag_list d; /* large: not on the stack */

static bool load_room(level_room *room, const char *text, size_t len)
{
    memset(&d, 0, sizeof d);
    return level_load_room(room, "test.json", text, len, &d);
}

static const char *const spot_room =
    "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"widgets\":[{\"id\":\"w\",\"type\":\"text\","
    "\"rect\":[0,0,10,10]}]},\"puzzles\":[{\"id\":\"p\",\"kind\":\"hotspots\",\"prompt\":\"P\","
    "\"places\":[{\"id\":\"a\",\"widget\":\"w\",\"label\":\"L\",\"explain\":\"E\"}]}]}";

TEST(sixty_five_thousand_misses_do_not_wrap_the_mistakes_to_zero)
{
    level_room room;
    CHECK(load_room(&room, spot_room, strlen(spot_room)));
    game_state g;
    game_begin(&g, &room);
    game_result res;
    for (int i = 0; i < 65536; i++) game_submit(&g, "p", NULL, 0, &res);
    CHECK(game_mistakes(&g) == GAME_MAX_MISTAKES);
    const char *ids[] = {"a"};
    game_submit(&g, "p", ids, 1, &res);
    CHECK(res.verdict == GAME_RIGHT && game_mistakes(&g) == GAME_MAX_MISTAKES);
    level_free_room(&room);
}

TEST(a_play_refuses_events_past_its_bound_per_room)
{
    level_game game;
    const char *manifest = "{\"title\":\"G\",\"rooms\":[{\"id\":\"r\",\"file\":\"r.json\"}]}";
    memset(&d, 0, sizeof d);
    CHECK(level_load_game(&game, "game.json", manifest, strlen(manifest), &d));
    level_room room;
    CHECK(load_room(&room, spot_room, strlen(spot_room)));
    static play_state p;
    play_begin(&p, &game);
    play_attach_room(&p, 0, &room);
    report_event ev;
    game_result res;
    int accepted = 0;
    for (uint32_t i = 1; i <= PLAY_MAX_ROOM_EVENTS + 10; i++) {
        report_event_make(&ev, i, "r", "p", NULL, 0, i);
        if (play_apply(&p, &ev, &res) != GAME_INVALID) accepted++;
    }
    CHECK(accepted == PLAY_MAX_ROOM_EVENTS);
    const char *ids[] = {"a"};
    report_event_make(&ev, PLAY_MAX_ROOM_EVENTS + 11, "r", "p", ids, 1, 1);
    CHECK(play_apply(&p, &ev, &res) == GAME_INVALID); /* not even a right answer: the play is full */
    CHECK(play_room_score(&p, 0) == 0);
    level_free_room(&room);
    level_free_game(&game);
}

TEST(an_infinite_number_is_out_of_range_not_undefined_behaviour)
{
    /* 1e999 reads as inf; (long)inf is undefined (UBSan's float-cast-overflow sees it) */
    level_room room;
    const char *text = "{\"id\":\"r\",\"title\":\"T\",\"timer_minutes\":1e999,\"scene\":{},\"puzzles\":[]}";
    CHECK(!load_room(&room, text, strlen(text)));
    CHECK(d.items[0].code == DIAG_BAD_VALUE);
    CHECK_STR(d.items[0].path, "timer_minutes");
    memset(&d, 0, sizeof d);
    const char *ev_text = "{\"v\":1,\"seq\":-1e999,\"room\":\"r\",\"puzzle\":\"p\",\"answer\":[],\"t\":1e999}";
    jx_reader r = jx_reader_make("request", ev_text, strlen(ev_text), &d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    CHECK(o && !report_event_from_json(&r, o, &ev));
    CHECK(d.errors == 2);
    cJSON_Delete(o);
}

TEST(a_nul_inside_an_id_is_refused_not_cut_short)
{
    level_room room;
    const char *text = "{\"id\":\"small\\u0000../../x\",\"title\":\"T\",\"scene\":{},\"puzzles\":[]}";
    CHECK(!load_room(&room, text, strlen(text)));
    CHECK(d.count == 1 && d.items[0].code == DIAG_BAD_VALUE);
    CHECK(d.items[0].line == 1 && d.items[0].column == 13);
    CHECK_CONTAINS(d.items[0].msg, "NUL");
}

TEST(a_nul_in_an_event_room_is_refused)
{
    memset(&d, 0, sizeof d);
    const char *text = "{\"v\":1,\"seq\":1,\"room\":\"outlook\\u0000evil\",\"puzzle\":\"p\",\"answer\":[\"a\"]}";
    jx_reader r = jx_reader_make("request", text, strlen(text), &d);
    CHECK(jx_parse(&r) == NULL);
    CHECK(d.errors == 1);
    /* an escaped backslash before u0000 is the text \u0000, not a NUL */
    memset(&d, 0, sizeof d);
    const char *ok_text = "{\"a\":\"\\\\u0000\"}";
    jx_reader r2 = jx_reader_make("request", ok_text, strlen(ok_text), &d);
    cJSON *o = jx_parse(&r2);
    CHECK(o && d.errors == 0);
    cJSON_Delete(o);
}

TEST(text_after_a_nul_byte_is_refused)
{
    level_room room;
    const char text[] = "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":[]}\0{\"more\":1}";
    CHECK(!load_room(&room, text, sizeof text - 1));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    const char inside[] = "{\"id\":\"r\",\"title\":\"T\0hidden\",\"scene\":{},\"puzzles\":[]}";
    CHECK(!load_room(&room, inside, sizeof inside - 1));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
}

TEST(a_list_widget_with_too_many_rows_is_refused_by_its_cap)
{
    size_t n = 100000, cap = 200 + n * 4;
    char *text = malloc(cap);
    size_t len = (size_t)snprintf(text, cap, "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"widgets\":[{\"type\":"
                                             "\"list\",\"rect\":[0,0,9,9],\"rows\":[");
    for (size_t i = 0; i < n; i++) len += (size_t)snprintf(text + len, cap - len, "%s\"x\"", i ? "," : "");
    len += (size_t)snprintf(text + len, cap - len, "]}]},\"puzzles\":[]}");
    level_room room;
    CHECK(!load_room(&room, text, len));
    CHECK(d.items[0].code == DIAG_TOO_MANY);
    CHECK_STR(d.items[0].path, "scene.widgets[0].rows");
    free(text);
}

TEST(a_network_reader_stops_after_its_limit_of_unknown_fields)
{
    size_t n = 5000, cap = 32 + n * 16;
    char *text = malloc(cap);
    size_t len = 1;
    text[0] = '{';
    for (size_t i = 0; i < n; i++) len += (size_t)snprintf(text + len, cap - len, "%s\"f%zu\":1", i ? "," : "", i);
    text[len++] = '}';
    memset(&d, 0, sizeof d);
    jx_reader r = jx_reader_make("request", text, len, &d);
    r.limit = 4;
    cJSON *o = jx_parse(&r);
    static const char *const none[] = {"v", NULL};
    CHECK(o && !jx_check_fields(&r, o, none));
    CHECK(d.count == 4);
    CHECK(d.errors <= 5); /* stopped: not 5,000 diagnostics counted one by one */
    CHECK(d.items[3].line == 1 && d.items[3].column > 1);
    cJSON_Delete(o);
    /* a file's reader reports every one, locating at most DIAG_MAX of them */
    memset(&d, 0, sizeof d);
    jx_reader rf = jx_reader_make("file.json", text, len, &d);
    o = jx_parse(&rf);
    CHECK(!jx_check_fields(&rf, o, none));
    CHECK(d.count == DIAG_MAX && d.errors == (int)n && d.dropped == (int)n - DIAG_MAX);
    cJSON_Delete(o);
    free(text);
}

TEST(a_long_text_with_a_setting_is_expanded_whole_never_cut_inside_a_letter)
{
    level_game game;
    const char *manifest = "{\"title\":\"G\",\"settings\":{\"intra\":\"Intra\"},"
                           "\"rooms\":[{\"id\":\"r\",\"file\":\"r.json\"}]}";
    memset(&d, 0, sizeof d);
    CHECK(level_load_game(&game, "game.json", manifest, strlen(manifest), &d));
    /* {intra} then 2,100 bytes of "ä" (two bytes each): the old 2,048-byte buffer cut it */
    size_t cap = 8000;
    char *text = malloc(cap);
    size_t len = (size_t)snprintf(text, cap, "{\"id\":\"r\",\"title\":\"{intra} ");
    for (int i = 0; i < 1050; i++) len += (size_t)snprintf(text + len, cap - len, "\xc3\xa4");
    len += (size_t)snprintf(text + len, cap - len, "!\",\"scene\":{},\"puzzles\":[{\"id\":\"p\",\"kind\":"
                                                   "\"text\",\"prompt\":\"P\",\"answers\":[\"x\"],\"wrong\":\"W\"}]}");
    level_room room;
    CHECK(load_room(&room, text, len));
    level_apply_settings(&room, &game, &d);
    const char *t = i18n_get(&room.title, LANG_FI);
    CHECK(strncmp(t, "Intra \xc3\xa4", 8) == 0);
    CHECK(strlen(t) == 6 + 2100 + 1 && t[strlen(t) - 1] == '!');
    level_free_room(&room);
    level_free_game(&game);
    free(text);
}

TEST(an_event_as_json_is_the_whole_event_or_a_failure)
{
    report_event ev;
    const char *ids[] = {"a", "b"};
    CHECK(report_event_make(&ev, 3, "outlook", "signs", ids, 2, 1500));
    char out[512];
    CHECK(report_event_to_json(&ev, out, sizeof out));
    CHECK_STR(out, "{\"v\":1,\"seq\":3,\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":[\"a\",\"b\"],\"t\":1500}");
    CHECK(!report_event_to_json(&ev, out, 20)); /* too small: a failure, not a cut line */
}

int main(void)
{
    RUN(sixty_five_thousand_misses_do_not_wrap_the_mistakes_to_zero);
    RUN(a_play_refuses_events_past_its_bound_per_room);
    RUN(an_infinite_number_is_out_of_range_not_undefined_behaviour);
    RUN(a_nul_inside_an_id_is_refused_not_cut_short);
    RUN(a_nul_in_an_event_room_is_refused);
    RUN(text_after_a_nul_byte_is_refused);
    RUN(a_list_widget_with_too_many_rows_is_refused_by_its_cap);
    RUN(a_network_reader_stops_after_its_limit_of_unknown_fields);
    RUN(a_long_text_with_a_setting_is_expanded_whole_never_cut_inside_a_letter);
    RUN(an_event_as_json_is_the_whole_event_or_a_failure);
    return harness_done();
}
