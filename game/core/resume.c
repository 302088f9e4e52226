#include "resume.h"

#include "seal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One character per index or base-64 digit: letters, digits, '-' and '_' pass through every
   platform's storage and JSON unescaped. */
static const char DIGITS[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
enum {
    FP_CHARS = 3,          /* 18 bits of a room's fingerprint */
    NUM_MAX_CHARS = 6,     /* times: up to 64^6 - 1 ms (795 days of play) */
    COUNT_MAX_CHARS = 3    /* counts: up to RESUME_COUNT_MAX */
};
static const long long T_MAX = 68719476735LL; /* 64^6 - 1 */

static int digit(char c)
{
    const char *at = c ? strchr(DIGITS, c) : NULL;
    return at && at < DIGITS + 64 ? (int)(at - DIGITS) : -1;
}

/* ---- the content's shape ------------------------------------------------------------------ */

static uint32_t fnv(uint32_t h, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) h = (h ^ *c) * 16777619u;
    return (h ^ 0xffu) * 16777619u; /* a separator, so "ab","c" differs from "a","bc" */
}

/* What the indices of an entry depend on: the ids and their order, and the accepted answers. */
static uint32_t fingerprint(const level_room *room)
{
    uint32_t h = 2166136261u;
    if (!room) return 0;
    h = fnv(h, room->id);
    for (int k = 0; k < room->puzzle_count; k++) {
        const level_puzzle *p = &room->puzzles[k];
        h = fnv(h, p->id);
        h = fnv(h, level_kind_name(p->kind));
        for (int o = 0; o < p->option_count; o++) h = fnv(h, p->options[o].id);
        for (int a = 0; a < p->answer_count; a++) h = fnv(h, p->answers[a]);
    }
    for (int i = 0; i < room->item_count; i++) h = fnv(h, room->items[i].id);
    for (int i = 0; i < room->widget_count; i++) h = fnv(h, room->widgets[i].id);
    return h & ((1u << (6 * FP_CHARS)) - 1);
}

static bool typed(const level_puzzle *p) { return p->kind == LEVEL_P_CODE || p->kind == LEVEL_P_TEXT; }

/* ---- writing ------------------------------------------------------------------------------ */

static int what_slot(char what) { return what == 'w' ? 0 : what == 'p' ? 1 : 2; }

/* Entries one puzzle can have: one each of wrong, repeat and hint, and its right answers. */
static int puzzle_entries(const level_puzzle *p)
{
    return 3 + (p->kind == LEVEL_P_HOTSPOTS ? p->correct_count : 1);
}

bool resume_writer_init(resume_writer *w, const level_game *game, const level_room *const *rooms)
{
    memset(w, 0, sizeof *w);
    w->game = game;
    w->rooms = rooms;
    int cap = 1;
    for (int i = 0; i < game->room_count; i++)
        for (int k = 0; rooms[i] && k < rooms[i]->puzzle_count; k++) cap += puzzle_entries(&rooms[i]->puzzles[k]);
    w->entries = calloc((size_t)cap, sizeof *w->entries);
    w->cap = w->entries ? cap : 0;
    return w->entries != NULL;
}

void resume_writer_free(resume_writer *w)
{
    free(w->entries);
    w->entries = NULL;
    w->cap = w->count = 0;
}

void resume_writer_reset(resume_writer *w)
{
    w->count = 0;
    w->lossy = false;
    memset(w->merge, 0, sizeof w->merge);
}

static bool put(resume_entry *e, int v)
{
    if (v < 0 || v >= 64 || e->payload_len >= RESUME_PAYLOAD_MAX) return false;
    e->payload[e->payload_len++] = DIGITS[v];
    return true;
}

/* A sealed room's right typed answer, as its bytes six bits a character: the room has no
   accepted answer to point at, only tags (seal.h). At most RESUME_TEXT_MAX bytes. */
static bool put_text(resume_entry *e, const char *text)
{
    size_t len = strlen(text);
    if (len == 0 || len > RESUME_TEXT_MAX) return false;
    unsigned acc = 0, bits = 0;
    for (size_t i = 0; i < len; i++) {
        acc = (acc << 8) | (unsigned char)text[i];
        bits += 8;
        while (bits >= 6) put(e, (int)((acc >> (bits -= 6)) & 63));
    }
    if (bits) put(e, (int)((acc << (6 - bits)) & 63));
    return true;
}

static bool get_text(const resume_entry *e, char *out, size_t cap)
{
    unsigned acc = 0, bits = 0;
    size_t n = 0;
    for (int i = 0; i < e->payload_len; i++) {
        int v = digit(e->payload[i]);
        if (v < 0) return false;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            if (n + 1 >= cap) return false;
            out[n++] = (char)((acc >> (bits -= 8)) & 255);
        }
    }
    out[n] = '\0';
    return n > 0;
}

/* The answer as index characters; false when an id is not the content's (never for an event
   play_apply judged, except a repeat, which may carry anything: it is replayed without one). */
static bool payload_of(resume_entry *e, const level_room *room, const level_puzzle *p, const report_event *ev)
{
    if (e->what == 'h') return true;
    if (typed(p)) {
        if (e->what != 'r') return true; /* a wrong typed answer is replayed with any wrong text */
        if (p->final_code) return (e->payload[e->payload_len++] = '!'), true;
        char norm[256];
        level_normalise_answer(ev->answer_count ? ev->answer[0] : "", norm, sizeof norm);
        if (room->sealed) return put_text(e, norm); /* its answers are tags: keep what was typed */
        int at = 0; /* a code lock has one answer, compared without spaces */
        for (int a = 0; p->kind == LEVEL_P_TEXT && a < p->answer_count; a++)
            if (strcmp(norm, p->answers[a]) == 0) at = a;
        return put(e, at);
    }
    if (p->kind == LEVEL_P_USE) {
        if (e->what == 'p') return true;
        const level_widget *wd = ev->answer_count == 2 ? level_find_widget(room, ev->answer[1]) : NULL;
        int item = ev->answer_count == 2 ? level_find_item(room, ev->answer[0]) : -1;
        int wi = wd ? (int)(wd - room->widgets) : -1;
        return wd && put(e, item) && put(e, wi / 64) && put(e, wi % 64);
    }
    if (e->what == 'p' && p->kind != LEVEL_P_HOTSPOTS) return true; /* only a solved puzzle repeats */
    for (int i = 0; i < ev->answer_count; i++) {
        if (p->kind == LEVEL_P_MATCH) {
            char left[REPORT_ID_MAX];
            const char *eq = strchr(ev->answer[i], '=');
            size_t ll = eq ? (size_t)(eq - ev->answer[i]) : sizeof left;
            if (ll >= sizeof left) return false;
            memcpy(left, ev->answer[i], ll);
            left[ll] = '\0';
            if (!put(e, level_find_option(p, left)) || !put(e, seal_find_right(room, p, eq + 1))) return false;
        } else if (!put(e, level_find_option(p, ev->answer[i]))) {
            if (e->what == 'p') return (e->payload_len = 0), true;
            return false;
        }
    }
    return true;
}

static long long clamp_t(double t_ms)
{
    if (!(t_ms > 0)) return 0;
    return t_ms > (double)T_MAX ? T_MAX : (long long)t_ms;
}

void resume_writer_add(resume_writer *w, const report_event *ev, const game_result *res)
{
    int ri = level_find_room(w->game, ev->room);
    const level_room *room = ri >= 0 ? w->rooms[ri] : NULL;
    int pi = res->puzzle;
    if (!room || pi < 0 || pi >= room->puzzle_count) {
        w->lossy = true;
        return;
    }
    char what;
    if (ev->hint) what = 'h';
    else if (res->verdict == GAME_RIGHT || res->verdict == GAME_PARTIAL) what = 'r';
    else if (res->verdict == GAME_WRONG || res->verdict == GAME_MISS) what = 'w';
    else if (res->verdict == GAME_REPEAT) what = 'p';
    else return; /* locked and invalid answers are not kept */
    long long t = clamp_t(ev->t_ms);
    if (what != 'r') {
        int at = w->merge[ri][pi][what_slot(what)];
        if (at > 0) {
            resume_entry *e = &w->entries[at - 1];
            if (e->count < RESUME_COUNT_MAX) e->count++;
            if (t > e->t_last) e->t_last = t;
            return;
        }
    }
    if (w->count == w->cap) {
        w->lossy = true;
        return;
    }
    resume_entry *e = &w->entries[w->count];
    memset(e, 0, sizeof *e);
    e->room = (uint8_t)ri;
    e->puzzle = (uint8_t)pi;
    e->what = what;
    e->count = 1;
    e->t_first = e->t_last = t;
    if (!payload_of(e, room, &room->puzzles[pi], ev)) {
        w->lossy = true;
        return;
    }
    w->count++;
    if (what != 'r') w->merge[ri][pi][what_slot(what)] = w->count;
}

/* Appends a base-64 number after a field mark; false when out is full. */
static bool num(char *out, size_t cap, size_t *n, char mark, long long v)
{
    char tmp[12];
    int k = 0;
    do {
        tmp[k++] = DIGITS[v % 64];
        v /= 64;
    } while (v > 0 && k < (int)sizeof tmp);
    if (*n + 1 + (size_t)k >= cap) return false;
    out[(*n)++] = mark;
    while (k > 0) out[(*n)++] = tmp[--k];
    return true;
}

size_t resume_writer_encode(const resume_writer *w, int where, char *out, size_t cap)
{
    size_t n = 0;
    int rooms = w->game->room_count;
    if (cap < (size_t)(4 + FP_CHARS * rooms)) goto full;
    out[n++] = (char)('0' + RESUME_VERSION);
    out[n++] = DIGITS[rooms];
    for (int i = 0; i < rooms; i++) {
        uint32_t fp = fingerprint(w->rooms[i]);
        for (int c = FP_CHARS - 1; c >= 0; c--) out[n++] = DIGITS[(fp >> (6 * c)) & 63];
    }
    out[n++] = where >= 0 && where < rooms ? DIGITS[where] : '~';
    long long prev = 0;
    for (int i = 0; i < w->count; i++) {
        const resume_entry *e = &w->entries[i];
        if (n + 4 + e->payload_len >= cap) goto full;
        out[n++] = '.';
        out[n++] = DIGITS[e->room];
        out[n++] = DIGITS[e->puzzle];
        out[n++] = e->what;
        memcpy(out + n, e->payload, e->payload_len);
        n += e->payload_len;
        long long dt = e->t_first > prev ? e->t_first - prev : 0;
        prev += dt; /* the reader's clock: a time that went back is read as no time passing */
        long long span = e->t_last > prev ? e->t_last - prev : 0;
        if (e->count > 1 && !num(out, cap, &n, '*', e->count)) goto full;
        if (dt > 0 && !num(out, cap, &n, '+', dt)) goto full;
        if (e->count > 1 && span > 0 && !num(out, cap, &n, '~', span)) goto full;
    }
    out[n] = '\0';
    return n;
full:
    if (cap) out[0] = '\0';
    return 0;
}

size_t resume_max_len(const level_game *game, const level_room *const *rooms)
{
    size_t n = 4 + FP_CHARS * (size_t)game->room_count;
    const size_t merged = 4 + (1 + COUNT_MAX_CHARS) + 2 * (1 + NUM_MAX_CHARS); /* ".RPw" *count +dt ~span */
    const size_t single = 4 + (1 + NUM_MAX_CHARS);                              /* ".RPr" +dt */
    for (int i = 0; i < game->room_count; i++) {
        for (int k = 0; rooms[i] && k < rooms[i]->puzzle_count; k++) {
            const level_puzzle *p = &rooms[i]->puzzles[k];
            size_t opts = (size_t)p->option_count, wrong = 0, right = 0, repeat = 0, rights = 1;
            switch (p->kind) {
            case LEVEL_P_CHOICE:
                wrong = p->correct_count == 1 ? 1 : opts;
                right = p->correct_count == 1 ? 1 : (size_t)p->correct_count;
                break;
            case LEVEL_P_HOTSPOTS: wrong = right = repeat = 1; rights = (size_t)p->correct_count; break;
            case LEVEL_P_ORDER: wrong = right = opts; break;
            case LEVEL_P_MATCH: wrong = right = 2 * opts; break;
            case LEVEL_P_CODE:
            case LEVEL_P_TEXT: /* the shipped rooms are sealed: a right answer is kept as typed */
                right = p->final_code ? 1 : (RESUME_TEXT_MAX * 8 + 5) / 6;
                break;
            case LEVEL_P_USE: wrong = right = 3; break;
            default: break;
            }
            n += merged + wrong;                          /* every wrong answer, merged */
            n += merged + repeat;                         /* every repeat, merged */
            if (p->hint_count > 0) n += merged;           /* every hint, merged */
            n += rights * (single + right);               /* each right answer once */
        }
    }
    return n + 1; /* the NUL */
}

/* ---- reading ------------------------------------------------------------------------------ */

static bool read_num(const char *s, size_t *pos, int max_chars, long long *v)
{
    *v = 0;
    int k = 0;
    for (int d; (d = digit(s[*pos])) >= 0; (*pos)++, k++) {
        if (k == max_chars) return false;
        *v = *v * 64 + d;
    }
    return k > 0;
}

bool resume_reader_init(resume_reader *r, const char *text, const play_state *p)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    r->where = -1;
    int rooms = p->game->room_count;
    if (!text || text[0] != '0' + RESUME_VERSION || digit(text[1]) != rooms) return false;
    size_t pos = 2;
    for (int i = 0; i < rooms; i++) {
        uint32_t fp = 0;
        for (int c = 0; c < FP_CHARS; c++, pos++) {
            int d = digit(text[pos]);
            if (d < 0) return false;
            fp = fp * 64 + (uint32_t)d;
        }
        r->room_ok[i] = p->rooms[i] && fp == fingerprint(p->rooms[i]);
    }
    int where = digit(text[pos]);
    if (where < 0 && text[pos] != '~') return false;
    r->where = where >= 0 && where < rooms ? where : -1;
    r->pos = pos + 1;
    if (text[r->pos] != '.' && text[r->pos] != '\0') return false;
    return true;
}

/* Reads the entry at r->pos into r->cur; false at the end or at something malformed. */
static bool read_entry(resume_reader *r)
{
    const char *s = r->text;
    size_t pos = r->pos;
    if (s[pos] != '.') {
        r->malformed = s[pos] != '\0';
        return false;
    }
    pos++;
    resume_entry *e = &r->cur;
    memset(e, 0, sizeof *e);
    int room = digit(s[pos]), puzzle = room >= 0 ? digit(s[pos + 1]) : -1;
    char what = puzzle >= 0 ? s[pos + 2] : '\0';
    if (room < 0 || puzzle < 0 || !what || !strchr("rwph", what)) goto bad;
    pos += 3;
    e->room = (uint8_t)room;
    e->puzzle = (uint8_t)puzzle;
    e->what = what;
    for (; (digit(s[pos]) >= 0 || s[pos] == '!'); pos++) {
        if (e->payload_len == RESUME_PAYLOAD_MAX) goto bad;
        e->payload[e->payload_len++] = s[pos];
    }
    long long count = 1, dt = 0, span = 0;
    if (s[pos] == '*' && (pos++, !read_num(s, &pos, COUNT_MAX_CHARS, &count))) goto bad;
    if (s[pos] == '+' && (pos++, !read_num(s, &pos, NUM_MAX_CHARS, &dt))) goto bad;
    if (s[pos] == '~' && (pos++, !read_num(s, &pos, NUM_MAX_CHARS, &span))) goto bad;
    if (s[pos] != '.' && s[pos] != '\0') goto bad;
    if (count < 1 || count > RESUME_COUNT_MAX) goto bad;
    r->t = r->t + dt > T_MAX ? T_MAX : r->t + dt;
    e->count = (uint32_t)count;
    e->t_first = r->t;
    e->t_last = r->t + span > T_MAX ? T_MAX : r->t + span;
    r->pos = pos;
    return true;
bad:
    r->malformed = true;
    return false;
}

/* Turns the current entry into the answer ids of an event; false when they do not fit the
   puzzle (the entry is then skipped). */
static bool answer_of(const resume_entry *e, const play_state *p, report_event *ev)
{
    const level_room *room = p->rooms[e->room];
    const level_puzzle *pz = &room->puzzles[e->puzzle];
    int idx[RESUME_PAYLOAD_MAX];
    for (int i = 0; i < e->payload_len; i++) idx[i] = digit(e->payload[i]);
    ev->answer_count = 0;
    if (e->what == 'h') {
        ev->hint = true;
        return e->payload_len == 0;
    }
    if (typed(pz)) {
        const char *text = "0"; /* a repeat: the puzzle is solved, any text repeats */
        char typed_text[RESUME_TEXT_MAX + 1];
        if (e->what == 'r') {
            if (e->payload_len == 1 && e->payload[0] == '!') text = p->final_code;
            else if (room->sealed) text = get_text(e, typed_text, sizeof typed_text) ? typed_text : NULL;
            else if (e->payload_len == 1 && idx[0] >= 0 && idx[0] < pz->answer_count) text = pz->answers[idx[0]];
            else return false;
            if (!text) return false;
        } else if (e->what == 'w') {
            /* Any text the core judges wrong replays the mistake: the first of these that is. */
            static const char *const tries[] = {"0", "1", "x", "y", "00", "11", "xx", "yy", "0x", "x0", "01"};
            text = NULL;
            for (size_t i = 0; !text && i < sizeof tries / sizeof *tries; i++) {
                game_state scratch = p->room_state[e->room];
                game_result res;
                game_submit(&scratch, pz->id, &tries[i], 1, &res);
                if (res.verdict == GAME_WRONG) text = tries[i];
            }
            if (!text) return false;
        }
        snprintf(ev->answer[0], sizeof ev->answer[0], "%s", text);
        ev->answer_count = 1;
        return true;
    }
    if (pz->kind == LEVEL_P_USE) {
        if (e->payload_len == 0 && e->what == 'p') return true;
        if (e->payload_len != 3 || idx[0] < 0 || idx[0] >= room->item_count || idx[1] < 0 || idx[2] < 0) return false;
        int wi = idx[1] * 64 + idx[2];
        if (wi >= room->widget_count || !room->widgets[wi].id) return false;
        snprintf(ev->answer[0], sizeof ev->answer[0], "%s", room->items[idx[0]].id);
        snprintf(ev->answer[1], sizeof ev->answer[1], "%s", room->widgets[wi].id);
        ev->answer_count = 2;
        return true;
    }
    int per = pz->kind == LEVEL_P_MATCH ? 2 : 1;
    if (e->payload_len % per || e->payload_len / per > LEVEL_MAX_OPTIONS) return false;
    for (int i = 0; i < e->payload_len; i++)
        if (idx[i] < 0 || idx[i] >= pz->option_count) return false;
    for (int i = 0; i < e->payload_len / per; i++) {
        if (per == 2)
            snprintf(ev->answer[i], sizeof ev->answer[i], "%s=%s", pz->options[idx[2 * i]].id,
                     pz->options[idx[2 * i + 1]].pair_id ? pz->options[idx[2 * i + 1]].pair_id
                                                         : pz->options[idx[2 * i + 1]].id);
        else
            snprintf(ev->answer[i], sizeof ev->answer[i], "%s", pz->options[idx[i]].id);
    }
    ev->answer_count = e->payload_len / per;
    return true;
}

bool resume_reader_next(resume_reader *r, const play_state *p, report_event *ev)
{
    /* a play takes no more (play.h): a hostile text of large counts ends here, not in a long loop */
    if (r->seq >= PLAY_MAX_EVENTS) return false;
    for (;;) {
        if (r->left == 0) {
            if (!read_entry(r)) return false;
            const resume_entry *e = &r->cur;
            if (e->room >= p->game->room_count || !r->room_ok[e->room] ||
                e->puzzle >= p->rooms[e->room]->puzzle_count)
                continue; /* changed content: as the browser save, what no longer fits is dropped */
            r->left = e->count;
        }
        const resume_entry *e = &r->cur;
        memset(ev, 0, sizeof *ev);
        if (!answer_of(e, p, ev)) {
            r->left = 0;
            continue;
        }
        snprintf(ev->room, sizeof ev->room, "%s", p->game->rooms[e->room].id);
        snprintf(ev->puzzle, sizeof ev->puzzle, "%s", p->rooms[e->room]->puzzles[e->puzzle].id);
        r->left--;
        /* the first copy at the first time, the last at the last: the room's times stay exact */
        ev->t_ms = (double)(r->left == 0 ? e->t_last : e->t_first);
        ev->seq = ++r->seq;
        return true;
    }
}

uint32_t resume_event_count(const char *text)
{
    if (!text || text[0] != '0' + RESUME_VERSION) return 0;
    uint32_t n = 0;
    for (const char *s = strchr(text, '.'); s; s = strchr(s + 1, '.')) {
        const char *end = strchr(s + 1, '.');
        const char *star = strchr(s + 1, '*');
        long long count = 1;
        if (star && (!end || star < end)) {
            size_t pos = (size_t)(star + 1 - text);
            if (!read_num(text, &pos, COUNT_MAX_CHARS, &count) || count > RESUME_COUNT_MAX) count = 1;
        }
        n += (uint32_t)count;
    }
    return n;
}
