/* Loading rooms and manifests, and every kind of loader error with its place. */
#include "../../game/core/jsonx.h"
#include "../../game/core/diag_text.h"
#include "../../game/core/level.h"
#include "harness.h"

static bool load_text(level_room *room, const char *text, diag_list *d)
{
    memset(d, 0, sizeof *d);
    return level_load_room(room, "test.json", text, strlen(text), d);
}

TEST(the_outlook_room_loads_with_its_scene_and_puzzles)
{
    size_t len;
    char *text = harness_read("tests/fixtures/first-room/outlook.json", &len);
    level_room room;
    diag_list d = {0};
    CHECK(level_load_room(&room, "tests/fixtures/first-room/outlook.json", text, len, &d));
    CHECK(d.errors == 0);
    CHECK(d.warnings == 0); /* every string exists in all three languages */
    CHECK_STR(room.id, "outlook");
    CHECK(room.puzzle_count == 2);
    CHECK(room.widget_count > 5);
    CHECK_STR(room.code_part, "4");
    int signs = level_find_puzzle(&room, "signs");
    CHECK(signs == 0 && room.puzzles[signs].kind == LEVEL_P_HOTSPOTS);
    CHECK(room.puzzles[signs].correct_count == 4);
    /* a place on a widget takes the widget's rectangle */
    const level_widget *w = level_find_widget(&room, "link");
    CHECK(w && room.puzzles[signs].options[2].rect.x == w->rect.x);
    CHECK(room.puzzles[1].require_count == 1 && room.puzzles[1].requires[0] == 0);
    CHECK_STR(i18n_get(&room.title, LANG_EN), "Outlook: a suspicious message");
    level_free_room(&room);
    free(text);
}

TEST(the_manifest_lists_the_rooms)
{
    size_t len;
    char *text = harness_read("tests/fixtures/first-room/game.json", &len);
    level_game game;
    diag_list d = {0};
    CHECK(level_load_game(&game, "tests/fixtures/first-room/game.json", text, len, &d));
    CHECK(game.room_count >= 1);
    CHECK_STR(game.rooms[0].id, "outlook");
    level_free_game(&game);
    free(text);
}

/* The web build copies each room's title into its manifest entry (pakopeli-seal), so a new
   player's lobby lists the rooms before their files come (app.c can_defer_rooms); the settings
   apply to it as to the room's own. Authored manifests have none. */
TEST(a_built_manifest_carries_the_rooms_titles_with_the_settings_applied)
{
    const char *text = "{\"title\":\"G\",\"hub\":\"hub\",\"settings\":{\"intranet\":{\"fi\":\"Intra\",\"en\":\"Intra\"}},"
                       "\"rooms\":[{\"id\":\"hub\",\"file\":\"hub.json\"},"
                       "{\"id\":\"i\",\"file\":\"i.json\",\"title\":{\"fi\":\"{intranet} ohjeet\",\"en\":\"{intranet} guides\"}}]}";
    level_game game;
    diag_list d = {0};
    CHECK(level_load_game(&game, "game.json", text, strlen(text), &d));
    level_apply_game_settings(&game, "game.json", &d);
    CHECK(d.errors == 0);
    CHECK(i18n_empty(&game.rooms[0].title));
    CHECK_STR(i18n_get(&game.rooms[1].title, LANG_FI), "Intra ohjeet");
    CHECK_STR(i18n_get(&game.rooms[1].title, LANG_EN), "Intra guides");
    level_free_game(&game);
}

/* The report server says which content release it serves (store.c), so a game in progress
   asks for that release's rooms again (levels/r/N/). A whole number from 1; anything else is
   refused with the field named, in Finnish too. */
TEST(a_served_manifest_says_its_release_and_a_wrong_release_is_refused_by_name)
{
    const char *base = "{\"title\":\"G\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\"}]";
    char text[256];
    level_game game;
    diag_list d = {0};
    snprintf(text, sizeof text, "%s}", base);
    CHECK(level_load_game(&game, "game.json", text, strlen(text), &d));
    CHECK(game.release == 0); /* authored: not said */
    level_free_game(&game);
    static const struct {
        const char *value;
        int64_t release;
    } ok[] = {{"1", 1}, {"42", 42}, {"9007199254740991", INT64_C(9007199254740991)}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        snprintf(text, sizeof text, "%s,\"release\":%s}", base, ok[i].value);
        memset(&d, 0, sizeof d);
        CHECK(level_load_game(&game, "game.json", text, strlen(text), &d));
        CHECK(d.errors == 0 && game.release == ok[i].release);
        level_free_game(&game);
    }
    static const struct {
        const char *value;
        diag_code code;
    } bad[] = {{"\"3\"", DIAG_TYPE},        {"0", DIAG_BAD_VALUE},    {"-2", DIAG_BAD_VALUE},
               {"1.5", DIAG_BAD_VALUE},     {"9007199254740993", DIAG_BAD_VALUE}, {"1e300", DIAG_BAD_VALUE},
               {"null", DIAG_TYPE},         {"true", DIAG_TYPE},      {"[1]", DIAG_TYPE}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text, "%s,\n\"release\": %s}", base, bad[i].value);
        memset(&d, 0, sizeof d);
        CHECK(!level_load_game(&game, "game.json", text, strlen(text), &d));
        CHECK(d.errors == 1);
        CHECK(d.items[0].code == bad[i].code);
        CHECK_STR(d.items[0].path, "release");
        CHECK(d.items[0].line == 2); /* at the field */
        char fi[600];
        diag_format_lang(&d.items[0], LANG_FI, fi, sizeof fi);
        CHECK_CONTAINS(fi, "game.json:2:");
        CHECK_CONTAINS(fi, ": virhe: release: ");
        CHECK_CONTAINS(fi, bad[i].code == DIAG_TYPE ? "pitäisi olla luku" : "pitäisi olla kokonaisluku 1–9007199254740991");
    }
}

TEST(a_json_syntax_error_names_the_line_and_column)
{
    level_room room;
    diag_list d;
    CHECK(!load_text(&room, "{\n  \"id\": \"x\",\n  \"title\": \"T\"\n  \"puzzles\": []\n}", &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_SYNTAX);
    CHECK(d.items[0].line == 4 && d.items[0].column == 3);
    char buf[512];
    diag_format(&d.items[0], buf, sizeof buf);
    CHECK_CONTAINS(buf, "test.json:4:3: error");
}

TEST(a_missing_field_names_the_path)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":[{\"id\":\"p\",\"kind\":\"choice\","
        "\"options\":[{\"id\":\"a\",\"text\":\"A\",\"correct\":true}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.errors == 2); /* no prompt, and no explanation */
    CHECK(d.items[0].code == DIAG_MISSING);
    CHECK_STR(d.items[0].path, "puzzles[0]");
    CHECK_CONTAINS(d.items[0].msg, "'prompt'");
    CHECK_STR(d.items[1].path, "puzzles[0].options[0]");
    CHECK_CONTAINS(d.items[1].msg, "'explain'");
}

TEST(a_misspelt_field_gets_a_did_you_mean_at_its_line)
{
    level_room room;
    diag_list d;
    const char *text = "{\"id\":\"r\",\n\"tittle\":\"T\",\"title\":\"T\",\"scene\":{},\"puzzles\":[]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.items[0].code == DIAG_UNKNOWN_FIELD);
    CHECK_CONTAINS(d.items[0].msg, "did you mean 'title'");
    CHECK(d.items[0].line == 2 && d.items[0].column == 10);
}

TEST(a_wrong_type_is_named_with_what_was_expected)
{
    level_room room;
    diag_list d;
    CHECK(!load_text(&room, "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":{}}", &d));
    CHECK(d.items[0].code == DIAG_TYPE);
    CHECK_STR(d.items[0].path, "puzzles");
    CHECK_CONTAINS(d.items[0].msg, "should be a list");
}

TEST(a_place_on_an_unknown_widget_is_an_unknown_reference_with_a_suggestion)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"widgets\":[{\"id\":\"sender\",\"type\":\"text\","
        "\"rect\":[0,0,10,10]}]},\"puzzles\":[{\"id\":\"p\",\"kind\":\"hotspots\",\"prompt\":\"P\","
        "\"places\":[{\"id\":\"a\",\"widget\":\"sendr\",\"label\":\"L\",\"explain\":\"E\"}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_UNKNOWN_REF);
    CHECK_STR(d.items[0].path, "puzzles[0].places[0].widget");
    CHECK_CONTAINS(d.items[0].msg, "did you mean 'sender'");
}

TEST(a_place_outside_the_scene_is_reported)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"size\":[200,100]},\"puzzles\":[{\"id\":\"p\","
        "\"kind\":\"hotspots\",\"prompt\":\"P\",\"places\":[{\"id\":\"a\",\"rect\":[150,50,100,10],"
        "\"label\":\"L\",\"explain\":\"E\"}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.items[0].code == DIAG_OUT_OF_BOUNDS);
}

TEST(a_choice_puzzle_without_a_right_answer_is_unsolvable)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":[{\"id\":\"p\",\"kind\":\"choice\","
        "\"prompt\":\"P\",\"options\":[{\"id\":\"a\",\"text\":\"A\",\"explain\":\"E\"}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.items[0].code == DIAG_UNSOLVABLE);
    CHECK_STR(d.items[0].path, "puzzles[0].options");
}

TEST(requirements_that_go_round_in_a_circle_are_unreachable)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":["
        "{\"id\":\"a\",\"kind\":\"choice\",\"prompt\":\"P\",\"requires\":[\"b\"],\"options\":[{\"id\":\"x\",\"text\":\"X\",\"correct\":true,\"explain\":\"E\"}]},"
        "{\"id\":\"b\",\"kind\":\"choice\",\"prompt\":\"P\",\"requires\":[\"a\"],\"options\":[{\"id\":\"x\",\"text\":\"X\",\"correct\":true,\"explain\":\"E\"}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.items[0].code == DIAG_UNREACHABLE);
}

TEST(a_missing_translation_is_a_warning_and_falls_back_to_finnish)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":{\"fi\":\"Huone\",\"en\":\"Room\"},\"scene\":{},\"puzzles\":[{\"id\":\"p\","
        "\"kind\":\"choice\",\"prompt\":\"P\",\"options\":[{\"id\":\"a\",\"text\":\"A\",\"correct\":true,"
        "\"explain\":\"E\"}]}]}";
    CHECK(load_text(&room, text, &d));
    CHECK(d.errors == 0 && d.warnings == 1);
    CHECK(d.items[0].code == DIAG_TRANSLATION && d.items[0].severity == DIAG_WARNING);
    CHECK_STR(d.items[0].path, "title");
    CHECK_STR(i18n_get(&room.title, LANG_SV), "Huone");
    level_free_room(&room);
}

TEST(duplicate_ids_are_reported)
{
    level_room room;
    diag_list d;
    const char *text =
        "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":[{\"id\":\"p\",\"kind\":\"choice\","
        "\"prompt\":\"P\",\"options\":[{\"id\":\"a\",\"text\":\"A\",\"correct\":true,\"explain\":\"E\"},"
        "{\"id\":\"a\",\"text\":\"B\",\"explain\":\"E\"}]}]}";
    CHECK(!load_text(&room, text, &d));
    CHECK(d.items[0].code == DIAG_DUPLICATE_ID);
    CHECK_STR(d.items[0].path, "puzzles[0].options[1].id");
}

TEST(locate_finds_nested_values_and_falls_back_to_the_parent)
{
    const char *t = "{\n \"a\": [1,\n  {\"b\": \"x\"}]\n}";
    int line, col;
    jx_locate(t, strlen(t), "a[1].b", &line, &col);
    CHECK(line == 3 && col == 9);
    jx_locate(t, strlen(t), "a[1].missing", &line, &col);
    CHECK(line == 3 && col == 3);
}

int main(void)
{
    RUN(the_outlook_room_loads_with_its_scene_and_puzzles);
    RUN(the_manifest_lists_the_rooms);
    RUN(a_built_manifest_carries_the_rooms_titles_with_the_settings_applied);
    RUN(a_served_manifest_says_its_release_and_a_wrong_release_is_refused_by_name);
    RUN(a_json_syntax_error_names_the_line_and_column);
    RUN(a_missing_field_names_the_path);
    RUN(a_misspelt_field_gets_a_did_you_mean_at_its_line);
    RUN(a_wrong_type_is_named_with_what_was_expected);
    RUN(a_place_on_an_unknown_widget_is_an_unknown_reference_with_a_suggestion);
    RUN(a_place_outside_the_scene_is_reported);
    RUN(a_choice_puzzle_without_a_right_answer_is_unsolvable);
    RUN(requirements_that_go_round_in_a_circle_are_unreachable);
    RUN(a_missing_translation_is_a_warning_and_falls_back_to_finnish);
    RUN(duplicate_ids_are_reported);
    RUN(locate_finds_nested_values_and_falls_back_to_the_parent);
    return harness_done();
}
