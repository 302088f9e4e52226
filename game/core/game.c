#include "game.h"

#include <string.h>

#include "seal.h"

/* ids of a "left=right" pair fit here (ids are short; the loader keeps them to [a-z0-9_-]) */
enum { REPORT_ID_MAX_CORE = 64 };

/* Counters stop at their bound instead of wrapping: 65,536 misses must not read as none. */
static void count_mistake(game_puzzle_state *s)
{
    if (s->mistakes < GAME_MAX_MISTAKES) s->mistakes++;
}

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
    for (int i = 0; i < p->require_item_count; i++)
        if (!game_has_item(g, p->requires_items[i])) return false;
    if (p->kind == LEVEL_P_CODE && p->final_code && !g->final_code) return false;
    return true;
}

bool game_widget_visible(const game_state *g, int widget)
{
    if (widget < 0 || widget >= g->room->widget_count) return false;
    if (g->removed[widget / 32] & (1u << (widget % 32))) return false;
    return !g->room->widgets[widget].hidden || (g->revealed[widget / 32] & (1u << (widget % 32)));
}

bool game_has_item(const game_state *g, int item)
{
    return item >= 0 && item < LEVEL_MAX_ITEMS && (g->items & (1u << item));
}

int game_mistakes(const game_state *g)
{
    int n = 0;
    for (int i = 0; i < g->room->puzzle_count; i++) n += g->puzzles[i].mistakes;
    return n;
}

int game_hints(const game_state *g)
{
    int n = 0;
    for (int i = 0; i < g->room->puzzle_count; i++) n += g->puzzles[i].hints_used;
    return n;
}

int game_next_puzzle(const game_state *g)
{
    for (int i = 0; i < g->room->puzzle_count; i++)
        if (!g->puzzles[i].solved && game_puzzle_open(g, i)) return i;
    return -1;
}

const char *game_code_part(const game_state *g)
{
    if (!g->room->sealed) return g->room->code_part;
    return g->room_solved && g->code_part[0] ? g->code_part : NULL;
}

/* The right answer's piece of the code key (mask: choice and places; ids: the rest, seal.h),
   then the puzzle's effects; the last puzzle opens a sealed room's code part. */
static void mark_solved(game_state *g, int puzzle, game_result *out, uint32_t mask, const char *const *ids, int n)
{
    const level_puzzle *p = &g->room->puzzles[puzzle];
    seal_piece(g->room, puzzle, mask, ids, n, g->puzzles[puzzle].piece);
    for (int i = 0; i < p->give_count; i++) g->items |= 1u << p->gives_items[i];
    for (int i = 0; i < p->reveal_count; i++) g->revealed[p->reveals[i] / 32] |= 1u << (p->reveals[i] % 32);
    for (int i = 0; i < p->hide_count; i++) g->removed[p->hides[i] / 32] |= 1u << (p->hides[i] % 32);
    g->puzzles[puzzle].solved = true;
    g->solved_count++;
    if (g->solved_count == g->room->puzzle_count && !g->room_solved) {
        g->room_solved = true;
        out->room_solved_now = true;
        if (g->room->sealed && g->room->code_box) {
            unsigned char pieces[LEVEL_MAX_PUZZLES][SEAL_TAG];
            for (int i = 0; i < g->room->puzzle_count; i++) memcpy(pieces[i], g->puzzles[i].piece, SEAL_TAG);
            seal_open_code(g->room, (const unsigned char(*)[SEAL_TAG])pieces, g->code_part);
        }
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
        bool picked = chosen & (1u << o), right = seal_option_right(g->room, p, o);
        if (picked && !right && first_wrong < 0) first_wrong = o;
        if (!picked && right && first_missing < 0) first_missing = o;
    }
    if (first_wrong < 0 && first_missing < 0) {
        out->verdict = GAME_RIGHT;
        /* With one right answer its own explanation says why; with several, the puzzle's. */
        out->option = p->correct_count == 1 ? level_find_option(p, ids[0]) : -1;
        out->explain = out->option >= 0 ? &p->options[out->option].explain
                                        : (i18n_empty(&p->solved) ? NULL : &p->solved);
        mark_solved(g, pi, out, chosen, NULL, 0);
        return;
    }
    out->verdict = GAME_WRONG;
    count_mistake(s);
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
        count_mistake(s);
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
    if (!seal_option_right(g->room, p, o)) {
        out->verdict = GAME_WRONG;
        count_mistake(s);
    } else if (s->found & (1u << o)) {
        out->verdict = GAME_REPEAT;
    } else {
        s->found |= 1u << o;
        out->verdict = popcount32(s->found) == p->correct_count ? GAME_RIGHT : GAME_PARTIAL;
        if (out->verdict == GAME_RIGHT) mark_solved(g, pi, out, s->found, NULL, 0);
    }
    out->found = popcount32(s->found);
}

/* A wrong answer to a puzzle judged as a whole: counted, and explained by the first
   misplaced item when its author wrote why, else by the puzzle's own "wrong" text. */
static void wrong_whole(game_state *g, int pi, int first_bad, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    count_mistake(&g->puzzles[pi]);
    out->verdict = GAME_WRONG;
    if (first_bad >= 0 && !i18n_empty(&p->options[first_bad].explain)) {
        out->option = first_bad;
        out->explain = &p->options[first_bad].explain;
    } else {
        out->explain = i18n_empty(&p->wrong) ? NULL : &p->wrong;
    }
}

static void right_whole(game_state *g, int pi, game_result *out, const char *const *ids, int n)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    out->verdict = GAME_RIGHT;
    out->explain = i18n_empty(&p->solved) ? NULL : &p->solved;
    mark_solved(g, pi, out, 0, ids, n);
}

static void submit_order(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    uint32_t seen = 0;
    if (n != p->option_count) {
        out->verdict = GAME_INVALID;
        return;
    }
    int first_bad = -1;
    for (int i = 0; i < n; i++) {
        int o = level_find_option(p, ids[i]);
        if (o < 0 || (seen & (1u << o))) {
            out->verdict = GAME_INVALID;
            return;
        }
        seen |= 1u << o;
        if (seal_step_right(g->room, p, o, i)) out->found++;
        else if (first_bad < 0) first_bad = o;
    }
    out->needed = n;
    if (first_bad < 0) right_whole(g, pi, out, ids, n);
    else wrong_whole(g, pi, first_bad, out);
}

static void submit_match(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    uint32_t left_seen = 0, right_seen = 0;
    if (n != p->option_count) {
        out->verdict = GAME_INVALID;
        return;
    }
    int first_bad = -1;
    const char *rights[LEVEL_MAX_OPTIONS]; /* the code key's piece: each left's right-hand id, in order */
    for (int i = 0; i < n; i++) {
        const char *eq = strchr(ids[i], '=');
        char left[REPORT_ID_MAX_CORE];
        size_t ll = eq ? (size_t)(eq - ids[i]) : 0;
        if (!eq || ll >= sizeof left) {
            out->verdict = GAME_INVALID;
            return;
        }
        memcpy(left, ids[i], ll);
        left[ll] = '\0';
        int l = level_find_option(p, left), r = seal_find_right(g->room, p, eq + 1);
        if (l < 0 || r < 0 || (left_seen & (1u << l)) || (right_seen & (1u << r))) {
            out->verdict = GAME_INVALID;
            return;
        }
        left_seen |= 1u << l;
        right_seen |= 1u << r;
        rights[l] = p->options[r].pair_id;
        if (seal_pair_right(g->room, p, l, r)) out->found++;
        else if (first_bad < 0) first_bad = l;
    }
    out->needed = n;
    if (first_bad < 0) right_whole(g, pi, out, rights, n);
    else wrong_whole(g, pi, first_bad, out);
}

static void submit_typed(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    if (n != 1) {
        out->verdict = GAME_INVALID;
        return;
    }
    char norm[256];
    level_normalise_answer(ids[0], norm, sizeof norm);
    if (!norm[0]) {
        out->verdict = GAME_INVALID; /* an empty answer is not an attempt */
        return;
    }
    bool right = false;
    char a[256];
    if (p->kind == LEVEL_P_CODE) {
        /* codes are compared without spaces: "47 21" opens a "4721" lock */
        size_t na = 0;
        for (const char *c = norm; *c && na + 1 < sizeof a; c++) if (*c != ' ') a[na++] = *c;
        a[na] = '\0';
        if (p->final_code) {
            char b[256];
            size_t nb = 0;
            for (const char *c = g->final_code ? g->final_code : ""; *c && nb + 1 < sizeof b; c++) if (*c != ' ') b[nb++] = *c;
            b[nb] = '\0';
            right = g->final_code && strcmp(a, b) == 0;
        } else {
            right = seal_typed_right(g->room, p, a);
        }
    } else {
        right = seal_typed_right(g->room, p, norm);
    }
    const char *piece = a;
    if (right) right_whole(g, pi, out, &piece, p->kind == LEVEL_P_CODE ? 1 : 0);
    else wrong_whole(g, pi, -1, out);
}

static void submit_use(game_state *g, int pi, const char *const *ids, int n, game_result *out)
{
    const level_puzzle *p = &g->room->puzzles[pi];
    int item = n == 2 ? level_find_item(g->room, ids[0]) : -1;
    if (item < 0 || !level_find_widget(g->room, ids[1])) {
        out->verdict = GAME_INVALID;
        return;
    }
    if (!game_has_item(g, item)) {
        out->verdict = GAME_LOCKED; /* one cannot use what one does not hold */
        return;
    }
    if (seal_use_right(g->room, p, item, ids[1])) right_whole(g, pi, out, ids, 2);
    else wrong_whole(g, pi, -1, out);
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
    case LEVEL_P_ORDER: submit_order(g, pi, ids, n, out); break;
    case LEVEL_P_MATCH: submit_match(g, pi, ids, n, out); break;
    case LEVEL_P_CODE:
    case LEVEL_P_TEXT: submit_typed(g, pi, ids, n, out); break;
    case LEVEL_P_USE: submit_use(g, pi, ids, n, out); break;
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
