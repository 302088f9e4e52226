/* score.h - the score of a play-through, computed from what the core counted.
 *
 * One rule for every place that shows a score (the game's ending, the report server, the HR
 * dashboard), so they never disagree. The server computes it from its own replay of the
 * answers; a score claimed by a client is never read.
 *
 * The rule: a room starts at SCORE_MAX points and loses SCORE_PER_MISTAKE per mistake (a wrong
 * answer or a click on no place) and SCORE_PER_HINT per hint taken, never below 0. The game's
 * score is the mean of its rooms' scores, rounded half up.
 *
 *   int s = score_room(game_mistakes(&g), game_hints(&g));   // 100 - 5*m - 10*h, at least 0
 */
#ifndef PK_SCORE_H
#define PK_SCORE_H

enum { SCORE_MAX = 100, SCORE_PER_MISTAKE = 5, SCORE_PER_HINT = 10 };

/* The score of one solved room. Negative counts are treated as 0. */
int score_room(int mistakes, int hints);

/* The mean of n room scores, rounded half up; 0 when n <= 0. */
int score_game(const int *room_scores, int n);

#endif
