/* The compact resume state (a learning platform's suspend data): what it replays is the state
 * the player had, it stays within its computed bound, and bad or stale text never breaks it. */
#include "../../game/core/resume.h"
#include "harness.h"

typedef struct fixture {
    level_game manifest;
    level_room rooms[LEVEL_MAX_ROOMS];
    const level_room *ptr[LEVEL_MAX_ROOMS];
} fixture;

static fixture kinds, e2e;

static void load(fixture *f, const char *dir)
{
    size_t len;
    diag_list d = {0};
    char path[256];
    snprintf(path, sizeof path, "%sgame.json", dir);
    char *t = harness_read(path, &len);
    if (!level_load_game(&f->manifest, path, t, len, &d)) exit(2);
    free(t);
    for (int i = 0; i < f->manifest.room_count; i++) {
        snprintf(path, sizeof path, "%s%s", dir, f->manifest.rooms[i].file);
        t = harness_read(path, &len);
        if (!level_load_room(&f->rooms[i], path, t, len, &d)) exit(2);
        free(t);
        f->ptr[i] = &f->rooms[i];
    }
}

static void start(const fixture *f, play_state *p)
{
    play_begin(p, &f->manifest);
    for (int i = 0; i < f->manifest.room_count; i++) play_attach_room(p, i, f->ptr[i]);
}

/* A deterministic generator, so a failure repeats. */
static uint32_t rng = 12345;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}
static int pick(int n) { return n > 0 ? (int)(next_rand() % (uint32_t)n) : 0; }

/* A plausible answer: half the time the right one, else something a player might give. */
static void random_event(const fixture *f, const play_state *p, uint32_t seq, double t, report_event *ev)
{
    int ri = pick(f->manifest.room_count);
    const level_room *room = f->ptr[ri];
    const level_puzzle *pz = &room->puzzles[pick(room->puzzle_count)];
    const char *room_id = f->manifest.rooms[ri].id;
    if (pick(8) == 0) {
        report_hint_make(ev, seq, room_id, pz->id, t);
        return;
    }
    bool right = pick(2) == 0;
    char buf[LEVEL_MAX_OPTIONS][REPORT_ANSWER_MAX];
    const char *ids[LEVEL_MAX_OPTIONS];
    int n = 0, perm[LEVEL_MAX_OPTIONS];
    for (int i = 0; i < LEVEL_MAX_OPTIONS; i++) ids[i] = buf[i];
    for (int i = 0; i < pz->option_count; i++) perm[i] = i;
    if (!right)
        for (int i = pz->option_count - 1; i > 0; i--) {
            int j = pick(i + 1), tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
    switch (pz->kind) {
    case LEVEL_P_CHOICE:
        for (int i = 0; i < pz->option_count; i++)
            if (right ? pz->options[i].correct : pick(2) == 0) snprintf(buf[n++], REPORT_ANSWER_MAX, "%s", pz->options[i].id);
        break;
    case LEVEL_P_HOTSPOTS:
        if (pick(6) != 0) snprintf(buf[n++], REPORT_ANSWER_MAX, "%s", pz->options[pick(pz->option_count)].id);
        break;
    case LEVEL_P_ORDER:
        for (int i = 0; i < pz->option_count; i++) snprintf(buf[n++], REPORT_ANSWER_MAX, "%s", pz->options[perm[i]].id);
        break;
    case LEVEL_P_MATCH:
        for (int i = 0; i < pz->option_count; i++)
            snprintf(buf[n++], REPORT_ANSWER_MAX, "%s=%s", pz->options[i].id, pz->options[perm[i]].id);
        break;
    case LEVEL_P_CODE:
    case LEVEL_P_TEXT:
        snprintf(buf[n++], REPORT_ANSWER_MAX, "%s",
                 !right ? (pick(2) ? "wrong guess" : "X") : pz->final_code ? p->final_code : pz->answers[pick(pz->answer_count)]);
        break;
    case LEVEL_P_USE: {
        int wi = pick(room->widget_count);
        while (!room->widgets[wi].id) wi = (wi + 1) % room->widget_count;
        snprintf(buf[n++], REPORT_ANSWER_MAX, "%s", room->items[right ? pz->use_item : pick(room->item_count)].id);
        snprintf(buf[n++], REPORT_ANSWER_MAX, "%s", right ? pz->use_place : room->widgets[wi].id);
        break;
    }
    default: break;
    }
    report_event_make(ev, seq, room_id, pz->id, ids, n, t);
}

static bool same_state(const play_state *a, const play_state *b)
{
    bool same = a->escaped == b->escaped && strcmp(a->final_code, b->final_code) == 0 &&
                play_score(a) == play_score(b) && play_total_mistakes(a) == play_total_mistakes(b) &&
                play_total_hints(a) == play_total_hints(b);
    for (int i = 0; i < a->game->room_count; i++) {
        const game_state *x = &a->room_state[i], *y = &b->room_state[i];
        same = same && x->solved_count == y->solved_count && x->room_solved == y->room_solved &&
               x->items == y->items && memcmp(x->revealed, y->revealed, sizeof x->revealed) == 0 &&
               memcmp(x->puzzles, y->puzzles, sizeof x->puzzles) == 0 &&
               a->times[i].first_ms == b->times[i].first_ms && a->times[i].last_ms == b->times[i].last_ms &&
               play_room_score(a, i) == play_room_score(b, i);
    }
    return same;
}

/* Plays n random events the way the app keeps them (a locked or invalid answer is not kept),
   and writes the state. p is the kept events replayed, as the browser save would give them. */
static size_t play_random(const fixture *f, play_state *p, resume_writer *w, int n, uint32_t *kept, char *out, size_t cap)
{
    play_state live;
    start(f, &live);
    start(f, p);
    resume_writer_init(w, &f->manifest, f->ptr);
    double t = 0;
    *kept = 0;
    for (int i = 0; i < n; i++) {
        report_event ev;
        game_result res;
        t += pick(4) == 0 ? pick(400000) : pick(3000);
        random_event(f, &live, *kept + 1, t, &ev);
        game_verdict v = play_apply(&live, &ev, &res);
        if (v == GAME_INVALID || v == GAME_LOCKED) continue;
        ++*kept;
        play_apply(p, &ev, &res);
        resume_writer_add(w, &ev, &res);
    }
    return resume_writer_encode(w, 1, out, cap);
}

static uint32_t replay(const fixture *f, const char *text, play_state *q, resume_reader *r)
{
    start(f, q);
    uint32_t applied = 0;
    if (!resume_reader_init(r, text, q)) return 0;
    report_event ev;
    game_result res;
    while (resume_reader_next(r, q, &ev)) {
        if (play_apply(q, &ev, &res) != GAME_INVALID) applied++;
    }
    return applied;
}

TEST(replaying_the_state_gives_the_same_play_through_for_every_puzzle_kind)
{
    static char text[RESUME_LIMIT_SCORM2004];
    const fixture *fs[] = {&kinds, &e2e};
    for (int round = 0; round < 400; round++) {
        const fixture *f = fs[round % 2];
        play_state p, q;
        resume_writer w;
        resume_reader r;
        uint32_t kept;
        size_t len = play_random(f, &p, &w, 1 + pick(300), &kept, text, sizeof text);
        CHECK(len > 0 && !w.lossy);
        CHECK(len < resume_max_len(&f->manifest, f->ptr));
        CHECK(resume_event_count(text) == kept);
        uint32_t applied = replay(f, text, &q, &r);
        CHECK(applied == kept && !r.malformed && r.where == 1);
        if (!same_state(&p, &q) || applied != kept) {
            fprintf(stderr, "  round %d differs: %s\n", round, text);
            harness_current_failed = 1;
            resume_writer_free(&w);
            return;
        }
        resume_writer_free(&w);
    }
}

TEST(a_whole_game_fits_in_a_few_hundred_characters)
{
    /* the e2e game played right, with a wrong answer and a hint on the way */
    play_state p;
    resume_writer w;
    start(&e2e, &p);
    resume_writer_init(&w, &e2e.manifest, e2e.ptr);
    static const struct { const char *room, *puzzle; int n; const char *ids[4]; } steps[] = {
        {"mail", "spot", 1, {"date"}}, {"mail", "spot", 1, {"from"}}, {"mail", "spot", 1, {"from"}},
        {"mail", "spot", 1, {"link"}}, {"mail", "act", 1, {"click"}}, {"mail", "act", 1, {"click"}},
        {"mail", "act", 1, {"report"}}, {"mail", "who", 1, {"Tuki"}},
    };
    char text[512];
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        report_event ev;
        game_result res;
        report_event_make(&ev, (uint32_t)i + 1, steps[i].room, steps[i].puzzle, steps[i].ids, steps[i].n, 1000.0 * (double)i);
        play_apply(&p, &ev, &res);
        resume_writer_add(&w, &ev, &res);
    }
    size_t len = resume_writer_encode(&w, 1, text, sizeof text);
    CHECK(len > 0 && len < 80);
    CHECK(resume_event_count(text) == 8);
    /* the two wrong "click"s are one entry with a count; the repeat of "from" one of its own */
    CHECK_CONTAINS(text, "*2");
    play_state q;
    resume_reader r;
    CHECK(replay(&e2e, text, &q, &r) == 8);
    CHECK(same_state(&p, &q) && play_room_solved(&q, 1));
    resume_writer_free(&w);
}

TEST(the_bound_holds_when_every_puzzle_is_answered_wrong_repeated_and_hinted_at_the_limits)
{
    const fixture *fs[] = {&kinds, &e2e};
    for (int k = 0; k < 2; k++) {
        const fixture *f = fs[k];
        resume_writer w;
        play_state p;
        start(f, &p);
        resume_writer_init(&w, &f->manifest, f->ptr);
        /* worst case by hand: each entry at its longest payload and largest numbers */
        for (int i = 0; i < f->manifest.room_count; i++)
            for (int j = 0; j < f->ptr[i]->puzzle_count; j++) {
                const level_puzzle *pz = &f->ptr[i]->puzzles[j];
                const char whats[] = "wphr";
                for (int m = 0; m < 4; m++) {
                    int copies = whats[m] == 'r' && pz->kind == LEVEL_P_HOTSPOTS ? pz->correct_count : 1;
                    for (int c = 0; c < copies; c++) {
                        resume_entry *e = &w.entries[w.count++];
                        memset(e, 0, sizeof *e);
                        e->room = (uint8_t)i;
                        e->puzzle = (uint8_t)j;
                        e->what = whats[m];
                        e->count = whats[m] == 'r' ? 1 : RESUME_COUNT_MAX;
                        int len = pz->kind == LEVEL_P_MATCH ? 2 * pz->option_count
                                  : pz->kind == LEVEL_P_ORDER || (pz->kind == LEVEL_P_CHOICE && pz->correct_count > 1) ? pz->option_count
                                  : pz->kind == LEVEL_P_USE ? 3 : 1;
                        if (whats[m] == 'h' || (whats[m] != 'r' && (pz->kind == LEVEL_P_CODE || pz->kind == LEVEL_P_TEXT))) len = 0;
                        memset(e->payload, '_', (size_t)len);
                        e->payload_len = (uint8_t)len;
                        e->t_first = 68719476735LL * (w.count % 2); /* alternate: every delta is the largest */
                        e->t_last = 68719476735LL;
                    }
                }
            }
        static char text[RESUME_LIMIT_SCORM2004];
        size_t len = resume_writer_encode(&w, 0, text, sizeof text);
        CHECK(len > 0);
        CHECK(len + 1 <= resume_max_len(&f->manifest, f->ptr));
        resume_writer_free(&w);
    }
}

TEST(a_room_whose_content_changed_is_skipped_and_the_others_resume)
{
    play_state p, q;
    resume_writer w;
    uint32_t kept;
    char text[4096];
    rng = 777;
    play_random(&kinds, &p, &w, 60, &kept, text, sizeof text);
    /* "small" gets another puzzle id: its entries no longer fit */
    fixture changed = kinds;
    level_room small = kinds.rooms[2];
    level_puzzle puzzles[LEVEL_MAX_PUZZLES];
    memcpy(puzzles, small.puzzles, sizeof *puzzles * (size_t)small.puzzle_count);
    puzzles[0].id = "renamed";
    small.puzzles = puzzles;
    changed.ptr[2] = &small;
    resume_reader r;
    replay(&changed, text, &q, &r);
    CHECK(!r.room_ok[2] && r.room_ok[1]);
    CHECK(memcmp(q.room_state[1].puzzles, p.room_state[1].puzzles, sizeof q.room_state[1].puzzles) == 0);
    CHECK(q.room_state[2].puzzles[0].mistakes == 0 && q.room_state[2].puzzles[0].hints_used == 0);
    resume_writer_free(&w);
}

TEST(text_that_is_not_a_resume_state_gives_nothing_and_stops_safely)
{
    static const char *const bad[] = {
        "", "2", "1", "13", "13000", "13000000000~x", "[{\"v\":1}]",
        "13000000000~.", "13000000000~.10r", "13000000000~.1Zw", "13000000000~.10w*", "13000000000~.10w*0",
        "13000000000~.10w*zzzz", "13000000000~.10w+zzzzzzz", "13000000000~.10q", "13000000000~.10r0000000000000000000000000000000000000000000000000000000000000000000000",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        play_state q;
        resume_reader r;
        start(&kinds, &q);
        if (!resume_reader_init(&r, bad[i], &q)) continue;
        report_event ev;
        int n = 0;
        while (resume_reader_next(&r, &q, &ev) && n < 100) n++;
        CHECK(n == 0);
    }
    CHECK(resume_event_count("not a state") == 0);
}

TEST(a_damaged_state_replays_what_is_sound_and_nothing_else)
{
    /* Suspend data comes from another system: every cut and every changed character of a real
       state must replay safely (ASan watches), never more events than it holds. */
    static const char chars[] = "0aZ_-.*+~!r w?";
    play_state p, q;
    resume_writer w;
    uint32_t kept;
    char text[4096], bad[4096];
    rng = 99;
    size_t len = play_random(&kinds, &p, &w, 80, &kept, text, sizeof text);
    resume_writer_free(&w);
    for (size_t i = 0; i < len; i++) {
        for (size_t c = 0; c <= sizeof chars - 1; c++) {
            memcpy(bad, text, len + 1);
            if (c == sizeof chars - 1) bad[i] = '\0'; /* cut */
            else bad[i] = chars[c];
            resume_reader r;
            uint32_t applied = replay(&kinds, bad, &q, &r);
            CHECK(applied <= RESUME_COUNT_MAX * (uint32_t)len);
            if (c == sizeof chars - 1 && r.text && !r.malformed) CHECK(applied <= kept);
        }
    }
}

int main(void)
{
    load(&kinds, "tests/fixtures/kinds/");
    load(&e2e, "tests/fixtures/e2e-game/");
    RUN(replaying_the_state_gives_the_same_play_through_for_every_puzzle_kind);
    RUN(a_whole_game_fits_in_a_few_hundred_characters);
    RUN(the_bound_holds_when_every_puzzle_is_answered_wrong_repeated_and_hinted_at_the_limits);
    RUN(a_room_whose_content_changed_is_skipped_and_the_others_resume);
    RUN(text_that_is_not_a_resume_state_gives_nothing_and_stops_safely);
    RUN(a_damaged_state_replays_what_is_sound_and_nothing_else);
    fixture *fs[] = {&kinds, &e2e};
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < fs[k]->manifest.room_count; i++) level_free_room(&fs[k]->rooms[i]);
        level_free_game(&fs[k]->manifest);
    }
    return harness_done();
}
