#include "play.h"

#include <string.h>

void play_begin(play_state *p, const level_game *game)
{
    memset(p, 0, sizeof *p);
    p->game = game;
}

static bool is_hub(const play_state *p, int i)
{
    return p->game->hub && strcmp(p->game->rooms[i].id, p->game->hub) == 0;
}

/* The last door's code is the required rooms' parts in manifest order, known once all are
   solved; the hub's final-code puzzle stays locked until then. */
static void update_final_code(play_state *p)
{
    if (p->final_code[0] || !play_all_required_solved(p)) return;
    char joined[PLAY_CODE_MAX] = "";
    for (int i = 0; i < p->game->room_count; i++) {
        if (!p->game->rooms[i].required || is_hub(p, i) || !p->rooms[i]) continue;
        const char *part = game_code_part(&p->room_state[i]); /* a sealed room's, opened by solving it */
        part = part ? part : "";
        strncat(joined, part, sizeof joined - strlen(joined) - 1);
    }
    level_normalise_answer(joined, p->final_code, sizeof p->final_code);
    for (int i = 0; i < p->game->room_count; i++) p->room_state[i].final_code = p->final_code;
    /* a game without a final-code puzzle is escaped by solving its rooms */
    bool has_door = false;
    for (int i = 0; i < p->game->room_count; i++)
        for (int k = 0; p->rooms[i] && k < p->rooms[i]->puzzle_count; k++)
            if (p->rooms[i]->puzzles[k].final_code) has_door = true;
    if (!has_door) p->escaped = true;
}

void play_attach_room(play_state *p, int i, const level_room *room)
{
    if (i < 0 || i >= p->game->room_count) return;
    p->rooms[i] = room;
    game_begin(&p->room_state[i], room);
    if (p->final_code[0]) p->room_state[i].final_code = p->final_code;
    update_final_code(p);
}

bool play_room_solved(const play_state *p, int i)
{
    return i >= 0 && i < p->game->room_count && p->rooms[i] && p->room_state[i].room_solved;
}

bool play_all_required_solved(const play_state *p)
{
    for (int i = 0; i < p->game->room_count; i++)
        if (p->game->rooms[i].required && !is_hub(p, i) && !play_room_solved(p, i)) return false;
    return true;
}

bool play_room_open(const play_state *p, int i)
{
    if (i < 0 || i >= p->game->room_count) return false;
    if (!p->game->ordered || is_hub(p, i)) return true;
    for (int j = 0; j < i; j++)
        if (p->game->rooms[j].required && !is_hub(p, j) && !play_room_solved(p, j)) return false;
    return true;
}

game_verdict play_apply(play_state *p, const report_event *ev, game_result *res)
{
    memset(res, 0, sizeof *res);
    res->verdict = GAME_INVALID;
    res->puzzle = res->option = -1;
    if (p->events < UINT32_MAX) p->events++;
    int i = level_find_room(p->game, ev->room);
    if (i < 0 || !p->rooms[i] || !play_room_open(p, i) || p->events > PLAY_MAX_EVENTS ||
        p->room_events[i] >= PLAY_MAX_ROOM_EVENTS) {
        p->skipped++;
        return GAME_INVALID;
    }
    game_verdict v = report_replay(&p->room_state[i], ev, res);
    if (v == GAME_INVALID) {
        p->skipped++;
        return v;
    }
    p->room_events[i]++;
    play_room_time *t = &p->times[i];
    if (t->first_ms == 0 || ev->t_ms < t->first_ms) t->first_ms = ev->t_ms > 0 ? ev->t_ms : 1;
    if (ev->t_ms > t->last_ms) t->last_ms = ev->t_ms;
    if (res->room_solved_now) update_final_code(p);
    if (v == GAME_RIGHT && res->puzzle >= 0 && p->rooms[i]->puzzles[res->puzzle].final_code)
        p->escaped = true;
    return v;
}

int play_room_score(const play_state *p, int i)
{
    if (!p->rooms[i]) return 0;
    const game_state *g = &p->room_state[i];
    int score = 100 - 5 * game_mistakes(g) - 10 * game_hints(g);
    int target = p->rooms[i]->target_minutes;
    if (target > 0 && p->times[i].last_ms > p->times[i].first_ms) {
        int minutes = (int)((p->times[i].last_ms - p->times[i].first_ms) / 60000.0);
        if (minutes > target) score -= minutes - target;
    }
    return score < 0 ? 0 : score;
}

int play_score(const play_state *p)
{
    int sum = 0, n = 0;
    for (int i = 0; i < p->game->room_count; i++) {
        if (!p->game->rooms[i].required || is_hub(p, i)) continue;
        sum += play_room_score(p, i);
        n++;
    }
    return n ? (sum + n / 2) / n : 0;
}

int play_total_mistakes(const play_state *p)
{
    int n = 0;
    for (int i = 0; i < p->game->room_count; i++)
        if (p->rooms[i]) n += game_mistakes(&p->room_state[i]);
    return n;
}

int play_total_hints(const play_state *p)
{
    int n = 0;
    for (int i = 0; i < p->game->room_count; i++)
        if (p->rooms[i]) n += game_hints(&p->room_state[i]);
    return n;
}
