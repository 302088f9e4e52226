#include "score.h"

int score_room(int mistakes, int hints)
{
    if (mistakes < 0) mistakes = 0;
    if (hints < 0) hints = 0;
    /* NOT A BUG: compare before multiplying, so huge counts cannot overflow int */
    if (mistakes > SCORE_MAX || hints > SCORE_MAX) return 0;
    int s = SCORE_MAX - SCORE_PER_MISTAKE * mistakes - SCORE_PER_HINT * hints;
    return s > 0 ? s : 0;
}

int score_game(const int *room_scores, int n)
{
    if (n <= 0) return 0;
    long sum = 0;
    for (int i = 0; i < n; i++) sum += room_scores[i];
    return (int)((2 * sum + n) / (2 * n)); /* round half up, all values non-negative */
}
