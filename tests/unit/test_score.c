/* The score rule: 100, minus 5 per mistake and 10 per hint, never below 0; a game is the
   rounded mean of its rooms. */
#include "../../game/core/score.h"
#include "harness.h"

TEST(a_room_without_mistakes_or_hints_scores_the_maximum) { CHECK(score_room(0, 0) == 100); }

TEST(each_mistake_costs_five_and_each_hint_ten)
{
    CHECK(score_room(1, 0) == 95);
    CHECK(score_room(0, 1) == 90);
    CHECK(score_room(3, 2) == 65);
}

TEST(a_score_never_goes_below_zero_even_for_huge_counts)
{
    CHECK(score_room(20, 0) == 0);
    CHECK(score_room(25, 3) == 0);
    CHECK(score_room(2000000000, 2000000000) == 0);
    CHECK(score_room(-4, -1) == 100);
}

TEST(a_game_scores_the_rounded_mean_of_its_rooms)
{
    int rooms[] = {100, 95, 90};
    CHECK(score_game(rooms, 3) == 95);
    int halves[] = {100, 95};
    CHECK(score_game(halves, 2) == 98); /* 97.5 rounds up */
    CHECK(score_game(rooms, 0) == 0);
}

int main(void)
{
    RUN(a_room_without_mistakes_or_hints_scores_the_maximum);
    RUN(each_mistake_costs_five_and_each_hint_ten);
    RUN(a_score_never_goes_below_zero_even_for_huge_counts);
    RUN(a_game_scores_the_rounded_mean_of_its_rooms);
    return harness_done();
}
