#include "replay.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file; the caller frees it. Level files are small: cap at 4 MiB. */
static char *read_file(const char *path, size_t *len, char *err, size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, cap, "%s: cannot open (%s)", path, strerror(errno));
        return NULL;
    }
    char *data = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && n < 4L * 1024 * 1024 && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1))) {
            if (fread(data, 1, (size_t)n, f) == (size_t)n) {
                data[n] = '\0';
                *len = (size_t)n;
            } else {
                free(data);
                data = NULL;
            }
        }
    }
    fclose(f);
    if (!data) snprintf(err, cap, "%s: cannot read (too large or unreadable)", path);
    return data;
}

static bool first_error(const diag_list *d, char *err, size_t cap)
{
    for (int i = 0; i < d->count; i++)
        if (d->items[i].severity == DIAG_ERROR) {
            diag_format(&d->items[i], err, cap);
            return false;
        }
    snprintf(err, cap, "the level files did not load");
    return false;
}

bool replay_load(replay_content *c, const char *dir, char *err, size_t cap)
{
    memset(c, 0, sizeof *c);
    char path[1024];
    size_t len = 0;
    diag_list *d = calloc(1, sizeof *d); /* diag lists are large: not on the stack */
    if (!d) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    snprintf(path, sizeof path, "%s/game.json", dir);
    char *text = read_file(path, &len, err, cap);
    bool ok = text && level_load_game(&c->game, path, text, len, d);
    free(text);
    if (text && !ok) first_error(d, err, cap);
    if (!ok) {
        free(d);
        return false;
    }
    for (int i = 0; i < c->game.room_count && ok; i++) {
        memset(d, 0, sizeof *d);
        snprintf(path, sizeof path, "%s/%s", dir, c->game.rooms[i].file);
        text = read_file(path, &len, err, cap);
        ok = text && level_load_room(&c->rooms[i], path, text, len, d);
        if (text && !ok) first_error(d, err, cap);
        free(text);
        if (ok && strcmp(c->rooms[i].id, c->game.rooms[i].id) != 0) {
            snprintf(err, cap, "%s: room id \"%s\" differs from \"%s\" in game.json", path, c->rooms[i].id,
                     c->game.rooms[i].id);
            level_free_room(&c->rooms[i]);
            ok = false;
        }
        if (ok) c->room_count++;
    }
    free(d);
    if (!ok) replay_free(c);
    return ok;
}

void replay_free(replay_content *c)
{
    for (int i = 0; i < c->room_count; i++) level_free_room(&c->rooms[i]);
    if (c->game.room_count || c->game.mem.head) level_free_game(&c->game);
    memset(c, 0, sizeof *c);
}

void replay_begin(replay_play *p, const replay_content *c)
{
    memset(p, 0, sizeof *p);
    play_begin(&p->state, &c->game);
    for (int i = 0; i < c->room_count; i++) play_attach_room(&p->state, i, &c->rooms[i]);
}

bool replay_apply(replay_play *p, const report_event *ev, replay_step *out)
{
    memset(out, 0, sizeof *out);
    out->room = level_find_room(p->state.game, ev->room);
    out->puzzle = -1;
    bool was_solved = false;
    if (out->room >= 0 && p->state.rooms[out->room]) {
        out->puzzle = level_find_puzzle(p->state.rooms[out->room], ev->puzzle);
        if (out->puzzle >= 0) was_solved = p->state.room_state[out->room].puzzles[out->puzzle].solved;
    }
    bool room_new = out->room >= 0 && p->state.times[out->room].first_ms == 0;
    game_result res;
    out->verdict = play_apply(&p->state, ev, &res);
    if (out->verdict == GAME_INVALID || out->verdict == GAME_LOCKED) return false;
    p->last_seq = ev->seq;
    int r = out->room, k = out->puzzle;
    if (room_new) p->room_from_t[r] = p->last_t < ev->t_ms ? p->last_t : ev->t_ms;
    if (ev->t_ms > p->last_t) p->last_t = ev->t_ms;
    if (k >= 0 && !was_solved && p->state.room_state[r].puzzles[k].solved) {
        out->solved_now = true;
        double since = p->last_solve_t[r] > 0 ? p->last_solve_t[r] : p->room_from_t[r];
        double took = ev->t_ms - since;
        p->solve_ms[r][k] = took > 0 ? took : 0;
        p->last_solve_t[r] = ev->t_ms > 0 ? ev->t_ms : since;
    }
    return true;
}

const char *replay_why(const replay_step *s)
{
    if (s->room < 0) return "no such room in this game";
    if (s->puzzle < 0) return "no such puzzle in this room";
    if (s->verdict == GAME_LOCKED) return "this puzzle is not open yet at this point of the play";
    return "the answer does not fit this puzzle (unknown ids, a wrong number of them, a room not "
           "open yet, or a hint that does not exist)";
}

double replay_time_ms(const replay_play *p)
{
    double sum = 0;
    for (int i = 0; i < p->state.game->room_count; i++) {
        const play_room_time *t = &p->state.times[i];
        if (t->last_ms > t->first_ms) sum += t->last_ms - t->first_ms;
    }
    return sum;
}
