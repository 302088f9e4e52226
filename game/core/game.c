#include "game.h"

#include <string.h>

void game_begin(game_state *g, const level_room *room)
{
    memset(g, 0, sizeof *g);
    g->room = room;
}

bool game_puzzle_open(const game_state *g, int puzzle)
{
    const level_puzzle *p = &g->room->puzzles[puzzle];
    for (int i = 0; i < p->require_count; i++)
        if (!g->puzzles[p->requires[i]].solved) return false;
    return true;
}

int game_next_puzzle(const game_state *g)
{
    for (int i = 0; i < g->room->puzzle_count; i++)
        if (!g->puzzles[i].solved && game_puzzle_open(g, i)) return i;
    return -1;
}

static void mark_solved(game_state *g, int puzzle, game_result *out)
{
    g->puzzles[puzzle].solved = true;
    g->solved_count++;
    if (g->solved_count == g->room->puzzle_count && !g->room_solved) {
        g->room_solved = true;
        out->room_solved_now = true;
    }
}

static int popcount32(uint32_t v)
{
    int n = 0;
    for (; v; v &= v - 1) n++;
    return n;
}

static void submit_choice(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    game_puzzle_state *s = &g->puzzles[pi];
    uint32_t chosen = 0;
    for (int i = 0; i < n; i++) {
        int o = level_find_option(p, ids[i]);
        if (o < 0 || (chosen & (1u << o))) {
            out->verdict = GAME_INVALID;
            return;
        }
        chosen |= 1u << o;
    }
    /* A puzzle with one right answer takes one choice; one with several takes the whole set. */
    if (n == 0 || (p->correct_count == 1 && n != 1)) {
        out->verdict = GAME_INVALID;
        return;
    }
    int first_wrong = -1, first_missing = -1;
    for (int o = 0; o < p->option_count; o++) {
        bool picked = chosen & (1u << o);
        if (picked && !p->options[o].correct && first_wrong < 0) first_wrong = o;
        if (!picked && p->options[o].correct && first_missing < 0) first_missing = o;
    }
    if (first_wrong < 0 && first_missing < 0) {
        out->verdict = GAME_RIGHT;
        /* With one right answer its own explanation says why; with several, the puzzle's. */
        out->option = p->correct_count == 1 ? level_find_option(p, ids[0]) : -1;
        out->explain = out->option >= 0 ? &p->options[out->option].explain
                                        : (i18n_empty(&p->solved) ? NULL : &p->solved);
        mark_solved(g, pi, out);
        return;
    }
    out->verdict = GAME_WRONG;
    s->mistakes++;
    /* Explain the wrong pick; if nothing picked was wrong, explain what was left out. */
    out->option = first_wrong >= 0 ? first_wrong : first_missing;
    out->explain = &p->options[out->option].explain;
}

static void submit_hotspot(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    game_puzzle_state *s = &g->puzzles[pi];
    out->needed = p->correct_count;
    if (n > 1) {
        out->verdict = GAME_INVALID;
        return;
    }
    if (n == 0) {
        out->verdict = GAME_MISS;
        s->mistakes++;
        out->found = popcount32(s->found);
        return;
    }
    int o = level_find_option(p, ids[0]);
    if (o < 0) {
        out->verdict = GAME_INVALID;
        return;
    }
    out->option = o;
    out->explain = &p->options[o].explain;
    if (!p->options[o].correct) {
        out->verdict = GAME_WRONG;
        s->mistakes++;
    } else if (s->found & (1u << o)) {
        out->verdict = GAME_REPEAT;
    } else {
        s->found |= 1u << o;
        out->verdict = popcount32(s->found) == p->correct_count ? GAME_RIGHT : GAME_PARTIAL;
        if (out->verdict == GAME_RIGHT) mark_solved(g, pi, out);
    }
    out->found = popcount32(s->found);
}

bool game_submit(game_state *g, const char *puzzle_id, const char *const *ids, int n,
                 game_result *out)
{
    memset(out, 0, sizeof *out);
    out->option = -1;
    out->puzzle = level_find_puzzle(g->room, puzzle_id);
    if (out->puzzle < 0 || n < 0 || n > LEVEL_MAX_OPTIONS) {
        out->verdict = GAME_INVALID;
        return false;
    }
    int pi = out->puzzle;
    if (g->puzzles[pi].solved) {
        out->verdict = GAME_REPEAT;
        return true;
    }
    if (!game_puzzle_open(g, pi)) {
        out->verdict = GAME_LOCKED;
        return true;
    }
    switch (g->room->puzzles[pi].kind) {
    case LEVEL_P_CHOICE: submit_choice(g, pi, ids, n, out); break;
    case LEVEL_P_HOTSPOTS: submit_hotspot(g, pi, ids, n, out); break;
    default: out->verdict = GAME_INVALID; break;
    }
    return out->verdict != GAME_INVALID;
}

const i18n_text *game_take_hint(game_state *g, int puzzle)
{
    if (puzzle < 0 || puzzle >= g->room->puzzle_count) return NULL;
    const level_puzzle *p = &g->room->puzzles[puzzle];
    game_puzzle_state *s = &g->puzzles[puzzle];
    if (s->hints_used >= p->hint_count) return NULL;
    return &p->hints[s->hints_used++];
}
