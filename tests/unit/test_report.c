/* Answer events: the round trip through JSON, refusal of bad events, and replay. */
#include "../../game/core/jsonx.h"
#include "../../game/core/report.h"
#include "harness.h"

static level_room room;

TEST(an_event_survives_a_round_trip_through_json)
{
    const char *ids[] = {"sender"};
    report_event ev, back;
    CHECK(report_event_make(&ev, 3, "outlook", "signs", ids, 1, 1234.7));
    char json[1024];
    CHECK(report_event_to_json(&ev, json, sizeof json));
    CHECK_STR(json, "{\"v\":1,\"seq\":3,\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":[\"sender\"],\"t\":1234}");
    diag_list d = {0};
    jx_reader r = jx_reader_make("event", json, strlen(json), &d);
    cJSON *o = jx_parse(&r);
    CHECK(o && report_event_from_json(&r, o, &back));
    cJSON_Delete(o);
    CHECK(back.seq == 3 && back.answer_count == 1);
    CHECK_STR(back.answer[0], "sender");
}

TEST(an_event_with_a_wrong_type_is_refused_with_its_field)
{
    const char *json = "{\"v\":1,\"seq\":\"3\",\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":[]}";
    diag_list d = {0};
    jx_reader r = jx_reader_make("event", json, strlen(json), &d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    CHECK(o && !report_event_from_json(&r, o, &ev));
    cJSON_Delete(o);
    CHECK(d.count >= 1 && d.items[0].code == DIAG_TYPE);
    CHECK_STR(d.items[0].path, "seq");
}

TEST(an_event_with_an_unknown_field_such_as_a_claimed_score_is_refused)
{
    const char *json = "{\"v\":1,\"seq\":1,\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":[],\"score\":100}";
    diag_list d = {0};
    jx_reader r = jx_reader_make("event", json, strlen(json), &d);
    cJSON *o = jx_parse(&r);
    report_event ev;
    CHECK(o && !report_event_from_json(&r, o, &ev));
    cJSON_Delete(o);
    CHECK(d.items[0].code == DIAG_UNKNOWN_FIELD);
}

TEST(replaying_the_known_solution_solves_the_room)
{
    game_state g;
    game_begin(&g, &room);
    const char *steps[][2] = {{"signs", "date"},    {"signs", "sender"}, {"signs", "urgency"},
                              {"signs", "link"},    {"signs", "attachment"},
                              {"what-to-do", "reply"}, {"what-to-do", "report"}};
    for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        report_event ev;
        const char *id = steps[i][1];
        CHECK(report_event_make(&ev, i + 1, "outlook", steps[i][0], &id, 1, 0));
        game_result res;
        report_replay(&g, &ev, &res);
    }
    CHECK(g.room_solved);
    CHECK(g.puzzles[0].mistakes == 1 && g.puzzles[1].mistakes == 1);
}

int main(void)
{
    size_t len;
    char *text = harness_read("tests/fixtures/first-room/outlook.json", &len);
    diag_list d = {0};
    if (!level_load_room(&room, "tests/fixtures/first-room/outlook.json", text, len, &d)) return 2;
    free(text);
    RUN(an_event_survives_a_round_trip_through_json);
    RUN(an_event_with_a_wrong_type_is_refused_with_its_field);
    RUN(an_event_with_an_unknown_field_such_as_a_claimed_score_is_refused);
    RUN(replaying_the_known_solution_solves_the_room);
    level_free_room(&room);
    return harness_done();
}
