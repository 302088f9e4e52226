/* The report server's replay: the same level files and core as the game decide what was solved. */
#include "harness.h"
#include "../../game/server/replay.c"

static replay_content content;

static bool apply(replay_play *p, uint32_t seq, const char *puzzle, const char *answer, double t, replay_step *s)
{
    report_event ev;
    const char *ids[] = {answer};
    if (answer) report_event_make(&ev, seq, "outlook", puzzle, ids, 1, t);
    else report_hint_make(&ev, seq, "outlook", puzzle, t);
    return replay_apply(p, &ev, s);
}

TEST(the_known_solution_replays_to_an_escape_with_the_core_s_score)
{
    replay_play *p = malloc(sizeof *p);
    replay_begin(p, &content);
    replay_step s;
    const char *steps[][2] = {{"signs", "date"}, {"signs", "sender"},   {"signs", "urgency"}, {"signs", "link"},
                              {"signs", "attachment"}, {"what-to-do", "reply"}, {"what-to-do", "report"}};
    for (unsigned i = 0; i < 7; i++) CHECK(apply(p, i + 1, steps[i][0], steps[i][1], 1000.0 * (i + 1), &s));
    CHECK(s.solved_now && s.room == 0 && s.puzzle == 1);
    CHECK(p->state.escaped);
    CHECK(play_score(&p->state) == 90);
    CHECK(play_total_mistakes(&p->state) == 2);
    CHECK(p->solve_ms[0][0] == 5000.0); /* the first room's first puzzle counts from the play's start */
    CHECK(p->solve_ms[0][1] == 2000.0);
    CHECK(replay_time_ms(p) == 6000.0);
    free(p);
}

TEST(a_locked_puzzle_an_unknown_option_and_a_missing_hint_do_not_replay)
{
    replay_play *p = malloc(sizeof *p);
    replay_begin(p, &content);
    replay_step s;
    CHECK(!apply(p, 1, "what-to-do", "report", 0, &s));
    CHECK(s.verdict == GAME_LOCKED);
    CHECK_CONTAINS(replay_why(&s), "not open");
    CHECK(!apply(p, 1, "signs", "the-boss-said-so", 0, &s));
    CHECK(!apply(p, 1, "no-such-puzzle", "x", 0, &s));
    CHECK_CONTAINS(replay_why(&s), "no such puzzle");
    CHECK(apply(p, 1, "signs", NULL, 0, &s) && apply(p, 2, "signs", NULL, 0, &s));
    CHECK(!apply(p, 3, "signs", NULL, 0, &s)); /* the room has two hints */
    CHECK(p->last_seq == 2);
    free(p);
}

static bool apply_ids(replay_play *p, uint32_t seq, const char *room, const char *puzzle, const char *a,
                      const char *b, double t, replay_step *s)
{
    report_event ev;
    const char *ids[] = {a, b};
    report_event_make(&ev, seq, room, puzzle, ids, b ? 2 : 1, t);
    return replay_apply(p, &ev, s);
}

/* A puzzle solved with the room's first answer took the time to reach and read it, not 0 s:
   the first puzzle of each room counts from the play's previous answer (the dashboard showed
   a median of "0 s" for the first puzzle of every room). */
TEST(the_first_puzzle_of_each_room_counts_from_the_previous_answer_of_the_play)
{
    replay_content two;
    char err[512];
    CHECK(replay_load(&two, "tests/fixtures/e2e-game", err, sizeof err));
    replay_play *p = malloc(sizeof *p);
    replay_begin(p, &two);
    replay_step s;
    CHECK(apply_ids(p, 1, "mail", "spot", "from", NULL, 2000, &s));
    CHECK(apply_ids(p, 2, "mail", "spot", "link", NULL, 3000, &s) && s.solved_now);
    CHECK(apply_ids(p, 3, "mail", "act", "report", NULL, 4500, &s) && s.solved_now);
    CHECK(apply_ids(p, 4, "mail", "who", "tuki", NULL, 5000, &s) && s.solved_now);
    /* to the lobby, into the office, read, answer right at once */
    CHECK(apply_ids(p, 5, "office", "safe", "lock", "badge", 9000, &s) && s.solved_now);
    int mail = level_find_room(&two.game, "mail"), office = level_find_room(&two.game, "office");
    CHECK(p->solve_ms[mail][0] == 3000.0);   /* from the start of the play */
    CHECK(p->solve_ms[mail][1] == 1500.0);   /* from the previous solve in the room */
    CHECK(p->solve_ms[office][0] == 4000.0); /* from the mail room's last answer */
    CHECK(replay_time_ms(p) == 3000.0);      /* playing time is unchanged: first to last answer per room */
    free(p);
    replay_free(&two);
}

TEST(missing_level_files_are_reported_with_their_path)
{
    replay_content c;
    char err[512];
    CHECK(!replay_load(&c, "tests/fixtures/no-such-folder", err, sizeof err));
    CHECK_CONTAINS(err, "no-such-folder/game.json");
}

int main(void)
{
    char err[512];
    if (!replay_load(&content, "tests/fixtures/first-room", err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    RUN(the_known_solution_replays_to_an_escape_with_the_core_s_score);
    RUN(a_locked_puzzle_an_unknown_option_and_a_missing_hint_do_not_replay);
    RUN(the_first_puzzle_of_each_room_counts_from_the_previous_answer_of_the_play);
    RUN(missing_level_files_are_reported_with_their_path);
    replay_free(&content);
    return harness_done();
}
