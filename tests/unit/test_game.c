/* Playing a room through the core: right, wrong, partial and repeated answers. */
#include "../../game/core/game.h"
#include "harness.h"

static level_room room;

static void load_outlook(void)
{
    size_t len;
    char *text = harness_read("tests/fixtures/first-room/outlook.json", &len);
    diag_list d = {0};
    if (!level_load_room(&room, "tests/fixtures/first-room/outlook.json", text, len, &d)) exit(2);
    free(text);
}

static game_result submit1(game_state *g, const char *puzzle, const char *id)
{
    game_result r;
    const char *ids[] = {id};
    game_submit(g, puzzle, ids, id ? 1 : 0, &r);
    return r;
}

TEST(the_choice_question_is_locked_until_the_signs_are_found)
{
    game_state g;
    game_begin(&g, &room);
    CHECK(submit1(&g, "what-to-do", "report").verdict == GAME_LOCKED);
    CHECK(game_next_puzzle(&g) == 0);
}

TEST(finding_the_signs_one_by_one_is_partial_until_all_are_found)
{
    game_state g;
    game_begin(&g, &room);
    game_result r = submit1(&g, "signs", "sender");
    CHECK(r.verdict == GAME_PARTIAL && r.found == 1 && r.needed == 4);
    CHECK_CONTAINS(i18n_get(r.explain, LANG_EN), "foreign domain");
    CHECK(submit1(&g, "signs", "sender").verdict == GAME_REPEAT);
    CHECK(submit1(&g, "signs", "urgency").verdict == GAME_PARTIAL);
    CHECK(submit1(&g, "signs", "link").verdict == GAME_PARTIAL);
    r = submit1(&g, "signs", "attachment");
    CHECK(r.verdict == GAME_RIGHT && r.found == 4);
    CHECK(g.puzzles[0].solved && g.puzzles[0].mistakes == 0);
    CHECK(game_next_puzzle(&g) == 1);
}

TEST(a_decoy_or_a_miss_counts_as_a_mistake_and_a_decoy_explains_why)
{
    game_state g;
    game_begin(&g, &room);
    game_result r = submit1(&g, "signs", "date");
    CHECK(r.verdict == GAME_WRONG);
    CHECK_CONTAINS(i18n_get(r.explain, LANG_FI), "Aamuinen");
    CHECK(submit1(&g, "signs", NULL).verdict == GAME_MISS);
    CHECK(g.puzzles[0].mistakes == 2 && !g.puzzles[0].solved);
}

TEST(a_wrong_answer_is_refused_with_its_reason_and_the_right_one_solves_the_room)
{
    game_state g;
    game_begin(&g, &room);
    const char *signs[] = {"sender", "urgency", "link", "attachment"};
    for (int i = 0; i < 4; i++) submit1(&g, "signs", signs[i]);
    game_result r = submit1(&g, "what-to-do", "forward");
    CHECK(r.verdict == GAME_WRONG && !g.room_solved);
    CHECK_CONTAINS(i18n_get(r.explain, LANG_EN), "spreads the dangerous link");
    r = submit1(&g, "what-to-do", "report");
    CHECK(r.verdict == GAME_RIGHT && r.room_solved_now && g.room_solved);
    CHECK(g.puzzles[1].mistakes == 1);
    CHECK(submit1(&g, "what-to-do", "report").verdict == GAME_REPEAT);
}

TEST(unknown_ids_and_too_many_choices_are_invalid)
{
    game_state g;
    game_begin(&g, &room);
    game_result r;
    CHECK(!game_submit(&g, "nope", NULL, 0, &r) && r.verdict == GAME_INVALID);
    CHECK(submit1(&g, "signs", "nope").verdict == GAME_INVALID);
    const char *two[] = {"report", "reply"};
    for (int i = 0; i < 4; i++) submit1(&g, "signs", (const char *[]){"sender", "urgency", "link", "attachment"}[i]);
    CHECK(!game_submit(&g, "what-to-do", two, 2, &r) && r.verdict == GAME_INVALID);
    CHECK(g.puzzles[1].mistakes == 0);
}

TEST(hints_are_given_in_order_and_counted)
{
    game_state g;
    game_begin(&g, &room);
    const i18n_text *h1 = game_take_hint(&g, 0), *h2 = game_take_hint(&g, 0);
    CHECK(h1 && h2 && h1 != h2);
    CHECK(game_take_hint(&g, 0) == NULL);
    CHECK(g.puzzles[0].hints_used == 2);
}

int main(void)
{
    load_outlook();
    RUN(the_choice_question_is_locked_until_the_signs_are_found);
    RUN(finding_the_signs_one_by_one_is_partial_until_all_are_found);
    RUN(a_decoy_or_a_miss_counts_as_a_mistake_and_a_decoy_explains_why);
    RUN(a_wrong_answer_is_refused_with_its_reason_and_the_right_one_solves_the_room);
    RUN(unknown_ids_and_too_many_choices_are_invalid);
    RUN(hints_are_given_in_order_and_counted);
    level_free_room(&room);
    return harness_done();
}
