/* Every puzzle kind, items, revealed places, the last door, the score, and resuming. */
#include "../../game/core/play.h"
#include "harness.h"

#define DIR "tests/fixtures/kinds/"
static level_game manifest;
static level_room rooms[3];

static void load(void)
{
    size_t len;
    diag_list d = {0};
    char *t = harness_read(DIR "game.json", &len);
    if (!level_load_game(&manifest, DIR "game.json", t, len, &d)) exit(2);
    free(t);
    for (int i = 0; i < manifest.room_count; i++) {
        char path[256];
        snprintf(path, sizeof path, DIR "%s", manifest.rooms[i].file);
        t = harness_read(path, &len);
        if (!level_load_room(&rooms[i], path, t, len, &d)) {
            char buf[600];
            diag_format(&d.items[0], buf, sizeof buf);
            fprintf(stderr, "%s\n", buf);
            exit(2);
        }
        free(t);
    }
}

static void start(play_state *p)
{
    play_begin(p, &manifest);
    for (int i = 0; i < manifest.room_count; i++) play_attach_room(p, i, &rooms[i]);
}

static uint32_t seq;
static game_verdict answer(play_state *p, const char *room, const char *puzzle, int n, const char **ids)
{
    report_event ev;
    game_result r;
    seq++;
    if (!report_event_make(&ev, seq, room, puzzle, ids, n, seq * 1000.0)) return GAME_INVALID;
    return play_apply(p, &ev, &r);
}
#define ANSWER(p, room, puzzle, ...) \
    answer(p, room, puzzle, (int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)), (const char *[]){__VA_ARGS__})

static void solve_kinds(play_state *p)
{
    ANSWER(p, "kinds", "pick", "a", "c");
    ANSWER(p, "kinds", "steps", "one", "two", "three");
    ANSWER(p, "kinds", "pairs", "chat=chat", "channel=channel");
    ANSWER(p, "kinds", "lock", "123");
    ANSWER(p, "kinds", "name", "suomi.fi");
    ANSWER(p, "kinds", "finnish", "ääni öljy");
    ANSWER(p, "kinds", "open", "keycard", "door");
}

TEST(several_right_answers_must_all_be_chosen)
{
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "kinds", "pick", "a") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "pick", "a", "b", "c") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "pick", "c", "a") == GAME_RIGHT);
}

TEST(a_solved_puzzle_gives_its_items_and_reveals_its_places)
{
    play_state p;
    start(&p);
    game_state *g = &p.room_state[1];
    int note = 2;
    CHECK(!game_widget_visible(g, note) && !game_has_item(g, 0));
    CHECK(ANSWER(&p, "kinds", "open", "keycard", "door") == GAME_LOCKED); /* not held yet */
    ANSWER(&p, "kinds", "pick", "a", "c");
    CHECK(game_widget_visible(g, note) && game_has_item(g, 0));
    CHECK(ANSWER(&p, "kinds", "open", "keycard", "desk") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "open", "keycard", "door") == GAME_RIGHT);
}

TEST(a_solved_puzzle_takes_away_what_it_hides_even_when_revealed_before)
{
    play_state p;
    start(&p);
    game_state *g = &p.room_state[1];
    int note = 2, desk = 0;
    ANSWER(&p, "kinds", "pick", "a", "c");
    CHECK(game_widget_visible(g, note));
    CHECK(ANSWER(&p, "kinds", "lock", "123") == GAME_RIGHT);
    CHECK(!game_widget_visible(g, note)); /* the note used up: it leaves the scene */
    CHECK(game_widget_visible(g, desk));
    CHECK(rooms[1].puzzles[3].hide_count == 1 && rooms[1].puzzles[3].hides[0] == note);
}

TEST(ordering_counts_the_steps_in_place_and_explains_the_first_misplaced)
{
    play_state p;
    start(&p);
    report_event ev;
    game_result r;
    const char *ids[] = {"one", "three", "two"};
    report_event_make(&ev, 1, "kinds", "steps", ids, 3, 0);
    CHECK(play_apply(&p, &ev, &r) == GAME_WRONG);
    CHECK(r.found == 1 && r.needed == 3);
    CHECK_STR(i18n_get(r.explain, LANG_EN), "Think again."); /* "three" has no explanation of its own */
    const char *ids2[] = {"two", "one", "three"};
    report_event_make(&ev, 2, "kinds", "steps", ids2, 3, 0);
    play_apply(&p, &ev, &r);
    CHECK_STR(i18n_get(r.explain, LANG_EN), "Two comes second.");
    CHECK(ANSWER(&p, "kinds", "steps", "one", "two") == GAME_INVALID); /* every step, once */
    CHECK(ANSWER(&p, "kinds", "steps", "one", "one", "two") == GAME_INVALID);
    CHECK(p.room_state[1].puzzles[1].mistakes == 2);
}

TEST(matching_needs_every_pair_right)
{
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "kinds", "pairs", "chat=channel", "channel=chat") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "pairs", "chat=chat") == GAME_INVALID);
    CHECK(ANSWER(&p, "kinds", "pairs", "chat=chat", "channel=chat") == GAME_INVALID);
    CHECK(ANSWER(&p, "kinds", "pairs", "channel=channel", "chat=chat") == GAME_RIGHT);
}

TEST(a_code_lock_ignores_spaces_and_waits_for_its_requirement)
{
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "kinds", "lock", "123") == GAME_LOCKED);
    ANSWER(&p, "kinds", "pick", "a", "c");
    CHECK(ANSWER(&p, "kinds", "lock", "124") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "lock", " 1 2 3 ") == GAME_RIGHT);
}

TEST(text_answers_are_normalised_for_case_spaces_and_finnish_letters)
{
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "kinds", "name", "Suomi") == GAME_WRONG);
    CHECK(ANSWER(&p, "kinds", "name", "  SUOMI   FI ") == GAME_RIGHT);
    CHECK(ANSWER(&p, "kinds", "finnish", "") == GAME_INVALID); /* an empty answer is no attempt */
    CHECK(ANSWER(&p, "kinds", "finnish", "ÄÄNI öljy!") == GAME_RIGHT);
    char out[64];
    level_normalise_answer("  Åbo  Akademi. ", out, sizeof out);
    CHECK_STR(out, "åbo akademi");
}

TEST(the_last_door_opens_with_the_parts_of_every_required_room)
{
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "hub", "last-door", "47x") == GAME_LOCKED);
    solve_kinds(&p);
    CHECK(play_room_solved(&p, 1) && !play_all_required_solved(&p));
    ANSWER(&p, "small", "q", "yes");
    CHECK(play_all_required_solved(&p));
    CHECK_STR(p.final_code, "4 7x");
    CHECK(ANSWER(&p, "hub", "last-door", "74X") == GAME_WRONG);
    CHECK(!p.escaped);
    CHECK(ANSWER(&p, "hub", "last-door", "47X") == GAME_RIGHT);
    CHECK(p.escaped);
}

TEST(the_score_loses_points_for_mistakes_hints_and_time_over_target)
{
    play_state p;
    start(&p);
    solve_kinds(&p);
    report_event ev;
    game_result r;
    report_hint_make(&ev, 100, "small", "q", 1000);
    CHECK(play_apply(&p, &ev, &r) != GAME_INVALID);
    const char *no = "no", *yes = "yes";
    report_event_make(&ev, 101, "small", "q", &no, 1, 2000);
    play_apply(&p, &ev, &r);
    report_event_make(&ev, 102, "small", "q", &yes, 1, 1000 + 3 * 60000.0); /* 3 min, target 1 */
    play_apply(&p, &ev, &r);
    CHECK(play_room_score(&p, 2) == 100 - 5 - 10 - 2);
    CHECK(play_room_score(&p, 1) == 100);
    CHECK(play_score(&p) == (100 + 83 + 1) / 2);
    CHECK(play_total_hints(&p) == 1 && play_total_mistakes(&p) == 1);
}

TEST(an_ordered_game_keeps_later_rooms_closed)
{
    level_game ordered = manifest;
    ordered.ordered = true;
    play_state p;
    play_begin(&p, &ordered);
    for (int i = 0; i < ordered.room_count; i++) play_attach_room(&p, i, &rooms[i]);
    CHECK(play_room_open(&p, 0) && play_room_open(&p, 1) && !play_room_open(&p, 2));
    CHECK(ANSWER(&p, "small", "q", "yes") == GAME_INVALID);
    solve_kinds(&p);
    CHECK(play_room_open(&p, 2));
}

TEST(resuming_replays_the_saved_events_and_skips_those_that_no_longer_fit)
{
    /* Old save: events for a puzzle that a newer room version removed, and for a gone room. */
    play_state p;
    start(&p);
    CHECK(ANSWER(&p, "kinds", "removed-puzzle", "a") == GAME_INVALID);
    CHECK(ANSWER(&p, "gone-room", "q", "yes") == GAME_INVALID);
    CHECK(ANSWER(&p, "kinds", "pick", "a", "c") == GAME_RIGHT);
    CHECK(p.skipped == 2 && p.events == 3);
    CHECK(p.room_state[1].puzzles[0].solved);
}

TEST(organisation_names_come_from_the_settings_in_every_language)
{
    diag_list d = {0};
    level_apply_settings(&rooms[2], &manifest, &d);
    const level_puzzle *q = &rooms[2].puzzles[0];
    CHECK_STR(i18n_get(&q->prompt, LANG_FI), "Löytyykö Intra? Soita 040 123 4567.");
    CHECK_STR(i18n_get(&q->prompt, LANG_EN), "Is the Intra there? Call 040 123 4567. {nosuch}");
    CHECK_STR(i18n_get(&q->prompt, LANG_SV), "Finns Intra?");
    CHECK(d.warnings == 0); /* {nosuch} is only in English: reported once, for Finnish, where it is absent */
}

int main(void)
{
    load();
    RUN(several_right_answers_must_all_be_chosen);
    RUN(a_solved_puzzle_gives_its_items_and_reveals_its_places);
    RUN(a_solved_puzzle_takes_away_what_it_hides_even_when_revealed_before);
    RUN(ordering_counts_the_steps_in_place_and_explains_the_first_misplaced);
    RUN(matching_needs_every_pair_right);
    RUN(a_code_lock_ignores_spaces_and_waits_for_its_requirement);
    RUN(text_answers_are_normalised_for_case_spaces_and_finnish_letters);
    RUN(the_last_door_opens_with_the_parts_of_every_required_room);
    RUN(the_score_loses_points_for_mistakes_hints_and_time_over_target);
    RUN(an_ordered_game_keeps_later_rooms_closed);
    RUN(resuming_replays_the_saved_events_and_skips_those_that_no_longer_fit);
    RUN(organisation_names_come_from_the_settings_in_every_language);
    for (int i = 0; i < manifest.room_count; i++) level_free_room(&rooms[i]);
    level_free_game(&manifest);
    return harness_done();
}
