/* Sealed rooms (issue 15, game/core/seal.h): every shipped room sealed as the web build seals it,
 * then played side by side with its plain source. The linter's solver (pakopeli-lint --solution)
 * gives the known way through; each of its answers, and before it a sample of wrong answers to
 * the same puzzle, must get the same verdict, the same option, the same explanation and the same
 * counts from the sealed core as from the plain one. The sealed room opens its code part only
 * when solved, the last door opens with the same code, and the server's replay (the plain core)
 * accepts the events the sealed game sends. The sealed text keeps no answer in sight. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include <cjson/cJSON.h>

#include "../../game/core/play.h"
#include "../../game/core/resume.h"
#include "../../game/core/seal.h"
#include "harness.h"

#define DIR "levels/"
#define LINT "build/native/pakopeli-lint"

static level_game manifest;
static level_room plain[LEVEL_MAX_ROOMS], sealed[LEVEL_MAX_ROOMS];
static char *sealed_text[LEVEL_MAX_ROOMS];
static bool loaded[LEVEL_MAX_ROOMS];
static cJSON *solutions;

static void print_diags(const diag_list *d)
{
    for (int i = 0; i < d->count; i++) {
        char buf[800];
        diag_format(&d->items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
}

static bool is_hub(int i) { return manifest.hub && strcmp(manifest.rooms[i].id, manifest.hub) == 0; }

static cJSON *run_json(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) break;
            buf = nb;
            cap *= 2;
        }
    }
    pclose(p);
    if (!buf) return NULL;
    buf[n] = '\0';
    cJSON *doc = cJSON_Parse(buf);
    free(buf);
    return doc;
}

TEST(every_shipped_room_seals_and_loads_sealed)
{
    diag_list d = {0};
    size_t len;
    char *t = harness_read(DIR "game.json", &len);
    CHECK(level_load_game(&manifest, DIR "game.json", t, len, &d));
    free(t);
    for (int i = 0; i < manifest.room_count; i++) {
        char path[256];
        diag_list pd = {0}, sd = {0}, ld = {0};
        snprintf(path, sizeof path, DIR "%s", manifest.rooms[i].file);
        t = harness_read(path, &len);
        bool ok = t && level_load_room(&plain[i], path, t, len, &pd);
        ok = ok && seal_room(path, t, len, &sealed_text[i], &sd);
        ok = ok && level_load_room(&sealed[i], path, sealed_text[i], strlen(sealed_text[i]), &ld);
        print_diags(&sd);
        print_diags(&ld);
        CHECK(ok && ld.errors == 0);
        if (ok) {
            CHECK(sealed[i].sealed && !plain[i].sealed);
            CHECK(memcmp(sealed[i].salt, plain[i].salt, SEAL_SALT) == 0);
            CHECK(sealed[i].code_part == NULL);
            CHECK((sealed[i].code_box != NULL) == (plain[i].code_part != NULL));
            level_apply_settings(&plain[i], &manifest, &pd);
            level_apply_settings(&sealed[i], &manifest, &ld);
            /* sealing again gives the same text: a reproducible build */
            char *again = NULL;
            diag_list ad = {0};
            CHECK(seal_room(path, t, len, &again, &ad) && again && strcmp(again, sealed_text[i]) == 0);
            free(again);
            /* and a sealed room is not sealed twice */
            diag_list td = {0};
            char *twice = NULL;
            CHECK(!seal_room(path, sealed_text[i], strlen(sealed_text[i]), &twice, &td) && !twice);
        }
        loaded[i] = ok;
        free(t);
    }
}

/* The plain event as the sealed game sends it: a match's right-hand ids are the opaque ones. */
static void to_sealed_ids(const level_puzzle *pp, const char *const *ids, int n, char out[][REPORT_ID_MAX],
                          const char **outp)
{
    for (int k = 0; k < n; k++) {
        const char *eq = pp->kind == LEVEL_P_MATCH ? strchr(ids[k], '=') : NULL;
        int r = eq ? level_find_option(pp, eq + 1) : -1;
        if (r >= 0) snprintf(out[k], REPORT_ID_MAX, "%.*s=%s", (int)(eq - ids[k]), ids[k], pp->options[r].pair_id);
        else snprintf(out[k], REPORT_ID_MAX, "%s", ids[k]);
        outp[k] = out[k];
    }
}

static const char *explain_fi(const game_result *r)
{
    return r->explain ? i18n_get(r->explain, LANG_FI) : "(none)";
}

static int compared;
static resume_writer saved; /* the sealed game's events, as a learning platform keeps them */

/* One answer to both: the same verdict, option, counts and explanation. The server's replay
   (a plain room) takes the sealed form of the answer as it takes the plain one. */
static void both(play_state *pp, play_state *ps, play_state *pr, const char *room, const char *puzzle,
                 const char *const *ids, int n)
{
    int i = level_find_room(&manifest, room);
    const level_puzzle *pz = &plain[i].puzzles[level_find_puzzle(&plain[i], puzzle)];
    char buf[LEVEL_MAX_OPTIONS][REPORT_ID_MAX];
    const char *sids[LEVEL_MAX_OPTIONS];
    to_sealed_ids(pz, ids, n, buf, sids);
    report_event ep, es;
    game_result rp, rs, rr;
    static uint32_t seq;
    seq++;
    CHECK(report_event_make(&ep, seq, room, puzzle, ids, n, seq * 1000.0));
    CHECK(report_event_make(&es, seq, room, puzzle, sids, n, seq * 1000.0));
    game_verdict vp = play_apply(pp, &ep, &rp), vs = play_apply(ps, &es, &rs), vr = play_apply(pr, &es, &rr);
    if (vs != GAME_INVALID) resume_writer_add(&saved, &es, &rs);
    compared++;
    /* options by id: a sealed room's steps are in another order */
    const level_room *sr = &sealed[i];
    const level_puzzle *sp = &sr->puzzles[level_find_puzzle(sr, puzzle)];
    const char *op = rp.option >= 0 ? pz->options[rp.option].id : "-", *os = rs.option >= 0 ? sp->options[rs.option].id : "-";
    if (vp != vs || strcmp(op, os) != 0 || rp.found != rs.found || rp.needed != rs.needed ||
        strcmp(explain_fi(&rp), explain_fi(&rs)) != 0 || rp.room_solved_now != rs.room_solved_now ||
        vr != vp || rr.option != rp.option || rr.found != rp.found) {
        fprintf(stderr, "  %s/%s %s%s: plain %d (option %d, %d/%d), sealed %d (option %d, %d/%d), replay %d\n", room,
                puzzle, n ? ids[0] : "", n > 1 ? ",..." : "", (int)vp, rp.option, rp.found, rp.needed, (int)vs,
                rs.option, rs.found, rs.needed, (int)vr);
        harness_current_failed = 1;
    }
}

/* A sample of wrong answers to a puzzle, from its plain key: each wrong choice or place, the
   steps reversed, the pairs shifted by one, a wrong text or code, an item on the wrong place. */
static void wrong_answers(play_state *pp, play_state *ps, play_state *pr, int i, const level_puzzle *p)
{
    const char *room = manifest.rooms[i].id;
    const char *ids[LEVEL_MAX_OPTIONS];
    char pairs[LEVEL_MAX_OPTIONS][REPORT_ID_MAX];
    int n = p->option_count;
    switch (p->kind) {
    case LEVEL_P_CHOICE:
        for (int o = 0; o < n; o++) {
            if (p->options[o].correct) continue;
            int k = 0;
            ids[k++] = p->options[o].id;
            /* several right: a wrong one with all the right ones, and the right ones but one */
            for (int r = 0; p->correct_count > 1 && r < n; r++) if (p->options[r].correct) ids[k++] = p->options[r].id;
            both(pp, ps, pr, room, p->id, ids, k);
        }
        if (p->correct_count > 1) {
            int k = 0;
            for (int r = 0; r < n; r++) if (p->options[r].correct) ids[k++] = p->options[r].id;
            both(pp, ps, pr, room, p->id, ids + 1, k - 1);
        }
        break;
    case LEVEL_P_HOTSPOTS:
        for (int o = 0; o < n; o++) if (!p->options[o].correct) both(pp, ps, pr, room, p->id, &p->options[o].id, 1);
        both(pp, ps, pr, room, p->id, ids, 0); /* a miss */
        break;
    case LEVEL_P_ORDER:
        for (int k = 0; k < n; k++) ids[k] = p->options[n - 1 - k].id;
        both(pp, ps, pr, room, p->id, ids, n);
        for (int k = 0; k < n; k++) ids[k] = p->options[k == 0 ? 1 : k == 1 ? 0 : k].id; /* first two swapped */
        both(pp, ps, pr, room, p->id, ids, n);
        break;
    case LEVEL_P_MATCH:
        for (int k = 0; k < n; k++) {
            snprintf(pairs[k], sizeof pairs[k], "%s=%s", p->options[k].id, p->options[(k + 1) % n].id);
            ids[k] = pairs[k];
        }
        both(pp, ps, pr, room, p->id, ids, n);
        break;
    case LEVEL_P_CODE:
    case LEVEL_P_TEXT: {
        static const char *const wrong[] = {"0000", "väärin", "1234 5"};
        for (int k = 0; k < 3; k++) both(pp, ps, pr, room, p->id, &wrong[k], 1);
        break;
    }
    case LEVEL_P_USE:
        for (int it = 0; it < plain[i].item_count; it++)
            for (int w = 0; w < plain[i].widget_count; w += 7) {
                if (!plain[i].widgets[w].id || (it == p->use_item && strcmp(plain[i].widgets[w].id, p->use_place) == 0))
                    continue;
                ids[0] = plain[i].items[it].id;
                ids[1] = plain[i].widgets[w].id;
                both(pp, ps, pr, room, p->id, ids, 2);
            }
        break;
    default: break;
    }
}

TEST(the_known_answers_and_wrong_ones_get_the_same_verdicts_sealed_and_plain)
{
    solutions = run_json(LINT " --solution " DIR);
    CHECK(cJSON_IsObject(solutions));
    for (int i = 0; i < manifest.room_count; i++) if (!loaded[i]) return;
    if (!solutions) return;
    static play_state pp, ps, pr; /* plain, sealed, and the server's replay of the sealed game's events */
    play_begin(&pp, &manifest);
    play_begin(&ps, &manifest);
    play_begin(&pr, &manifest);
    const level_room *srooms[LEVEL_MAX_ROOMS];
    for (int i = 0; i < manifest.room_count; i++) srooms[i] = &sealed[i];
    CHECK(resume_writer_init(&saved, &manifest, srooms));
    for (int i = 0; i < manifest.room_count; i++) {
        play_attach_room(&pp, i, &plain[i]);
        play_attach_room(&ps, i, &sealed[i]);
        play_attach_room(&pr, i, &plain[i]);
    }
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < manifest.room_count; i++) {
            if (is_hub(i) != (pass == 1)) continue;
            const char *room = manifest.rooms[i].id;
            const cJSON *events = cJSON_GetObjectItemCaseSensitive(solutions, room), *e;
            bool tried[LEVEL_MAX_PUZZLES] = {0};
            cJSON_ArrayForEach(e, events) {
                const char *pz = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "puzzle"));
                const char *ids[LEVEL_MAX_OPTIONS];
                int n = 0, k = pz ? level_find_puzzle(&plain[i], pz) : -1;
                const cJSON *a;
                cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(e, "answer"))
                    if (n < LEVEL_MAX_OPTIONS && cJSON_IsString(a)) ids[n++] = a->valuestring;
                CHECK(k >= 0);
                if (k < 0) continue;
                if (!tried[k]) wrong_answers(&pp, &ps, &pr, i, &plain[i].puzzles[k]);
                tried[k] = true;
                CHECK(game_code_part(&ps.room_state[i]) == NULL || play_room_solved(&ps, i));
                both(&pp, &ps, &pr, room, pz, ids, n);
            }
            CHECK(play_room_solved(&ps, i) || is_hub(i));
            const char *cp = game_code_part(&pp.room_state[i]), *cs = game_code_part(&ps.room_state[i]);
            CHECK((cp == NULL) == (cs == NULL));
            if (cp && cs) CHECK_STR(cs, cp);
        }
    }
    CHECK_STR(ps.final_code, pp.final_code);
    CHECK(ps.escaped && pp.escaped && pr.escaped);
    CHECK(play_score(&ps) == play_score(&pp) && play_score(&pr) == play_score(&pp));
    CHECK(play_total_mistakes(&ps) == play_total_mistakes(&pp) && play_total_mistakes(&ps) > 0);
    CHECK(compared > 100);

    /* resumed from the learning platform's suspend data: the same play, typed answers and all */
    static char text[1 << 16];
    CHECK(!saved.lossy && resume_writer_encode(&saved, -1, text, sizeof text) > 0);
    static play_state back;
    play_begin(&back, &manifest);
    for (int i = 0; i < manifest.room_count; i++) play_attach_room(&back, i, &sealed[i]);
    resume_reader rd;
    report_event ev;
    game_result res;
    CHECK(resume_reader_init(&rd, text, &back));
    while (resume_reader_next(&rd, &back, &ev)) play_apply(&back, &ev, &res);
    CHECK(!rd.malformed && back.escaped);
    CHECK_STR(back.final_code, ps.final_code);
    CHECK(play_score(&back) == play_score(&ps) && play_total_mistakes(&back) == play_total_mistakes(&ps));
    CHECK(strlen(text) < resume_max_len(&manifest, srooms));
    resume_writer_free(&saved);
}

/* The sealed text holds none of the key: no "correct", "answers", "answer" or "code_part"; no
   accepted answer, code or code part as a text of its own (beyond where the room shows it to
   the player: "Suomi.fi-valtuudet" is also a matching task's left-hand text); no pair beside
   its right-hand text; the steps not in their order. */
static int count_string(const cJSON *v, const char *s)
{
    int n = cJSON_IsString(v) && strcmp(v->valuestring, s) == 0;
    for (const cJSON *c = v ? v->child : NULL; c; c = c->next) n += count_string(c, s);
    return n;
}

static bool has_string(const cJSON *v, const char *s) { return count_string(v, s) > 0; }

static bool has_key(const cJSON *v, const char *key)
{
    for (const cJSON *c = v ? v->child : NULL; c; c = c->next)
        if ((c->string && strcmp(c->string, key) == 0) || has_key(c, key)) return true;
    return false;
}

TEST(the_sealed_text_keeps_no_answer_in_sight)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        cJSON *doc = cJSON_Parse(sealed_text[i]);
        CHECK(doc != NULL);
        CHECK(!has_key(doc, "correct") && !has_key(doc, "answers") && !has_key(doc, "answer") && !has_key(doc, "code_part"));
        if (plain[i].code_part) CHECK(!has_string(doc, plain[i].code_part));
        const cJSON *pj = cJSON_GetObjectItemCaseSensitive(doc, "puzzles")->child;
        for (int k = 0; k < plain[i].puzzle_count && pj; k++, pj = pj->next) {
            const level_puzzle *p = &plain[i].puzzles[k];
            if (p->kind == LEVEL_P_USE) CHECK(!has_key(pj, "item") && !has_key(pj, "place"));
            if (p->kind == LEVEL_P_MATCH) CHECK(!has_key(cJSON_GetObjectItemCaseSensitive(pj, "pairs"), "right"));
            if (p->kind == LEVEL_P_ORDER) {
                bool same = true;
                for (int o = 0; o < p->option_count; o++)
                    same = same && strcmp(sealed[i].puzzles[k].options[o].id, p->options[o].id) == 0;
                CHECK(!same);
            }
            if (p->kind == LEVEL_P_MATCH) {
                int kept = 0; /* right-hand texts still beside their own left */
                for (int o = 0; o < p->option_count; o++)
                    kept += strcmp(i18n_get(&sealed[i].puzzles[k].options[o].pair, LANG_FI),
                                   i18n_get(&p->options[o].pair, LANG_FI)) == 0;
                CHECK(kept < p->option_count);
            }
        }
        cJSON_Delete(doc);
    }
    /* the original texts of the typed answers too, as the author wrote them */
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i]) continue;
        char path[256];
        size_t len;
        snprintf(path, sizeof path, DIR "%s", manifest.rooms[i].file);
        char *t = harness_read(path, &len);
        cJSON *src = cJSON_Parse(t), *doc = cJSON_Parse(sealed_text[i]);
        const cJSON *pj;
        cJSON_ArrayForEach(pj, cJSON_GetObjectItemCaseSensitive(src, "puzzles")) {
            const cJSON *a, *one = cJSON_GetObjectItemCaseSensitive(pj, "answer");
            cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(pj, "answers")) {
                int shown = count_string(src, a->valuestring) - count_string(cJSON_GetObjectItemCaseSensitive(pj, "answers"), a->valuestring);
                if (count_string(doc, a->valuestring) > shown)
                    fprintf(stderr, "  %s: '%s' in sight\n", path, a->valuestring);
                CHECK(count_string(doc, a->valuestring) <= shown);
            }
            if (cJSON_IsString(one)) CHECK(count_string(doc, one->valuestring) < count_string(src, one->valuestring));
        }
        cJSON_Delete(src);
        cJSON_Delete(doc);
        free(t);
    }
}

/* A wrong code part key (a puzzle's piece changed) does not open the box. */
TEST(the_code_part_opens_only_with_the_rooms_answers)
{
    for (int i = 0; i < manifest.room_count; i++) {
        if (!loaded[i] || !sealed[i].code_box) continue;
        unsigned char pieces[LEVEL_MAX_PUZZLES][SEAL_TAG];
        memset(pieces, 0, sizeof pieces);
        char out[SEAL_CODE_MAX];
        CHECK(!seal_open_code(&sealed[i], (const unsigned char(*)[SEAL_TAG])pieces, out));
        CHECK(out[0] == '\0');
    }
}

/* ---- the manifest's titles (seal_manifest_titles, issue 18) ---- */

/* The rooms' texts as a callback sees them: a file read from DIR (the previous one freed), or
   the one text of `only`. */
typedef struct texts {
    char *last;
    const char *missing;   /* this file has no text */
    const char *only_file, *only_text;
} texts;

static const char *text_of(void *user, const char *file, size_t *len)
{
    texts *t = user;
    free(t->last);
    t->last = NULL;
    if (t->missing && strcmp(file, t->missing) == 0) return NULL;
    if (t->only_file) {
        if (strcmp(file, t->only_file) != 0) return NULL;
        *len = strlen(t->only_text);
        return t->only_text;
    }
    char path[256];
    snprintf(path, sizeof path, DIR "%s", file);
    return t->last = harness_read(path, len);
}

TEST(the_manifest_carries_each_rooms_own_title)
{
    size_t len;
    char *m = harness_read(DIR "game.json", &len);
    diag_list d = {0};
    texts t = {0};
    char *out = seal_manifest_titles(DIR "game.json", m, len, 0, text_of, &t, &d);
    print_diags(&d);
    CHECK(out && d.errors == 0);
    cJSON *got = cJSON_Parse(out), *want = cJSON_Parse(m);
    cJSON *ge = cJSON_GetObjectItem(got, "rooms")->child, *we = cJSON_GetObjectItem(want, "rooms")->child;
    int n = 0;
    for (; ge && we; ge = ge->next, we = we->next, n++) {
        char path[256];
        size_t rl;
        snprintf(path, sizeof path, DIR "%s", cJSON_GetObjectItem(we, "file")->valuestring);
        char *rt = harness_read(path, &rl);
        cJSON *room = cJSON_Parse(rt);
        CHECK(cJSON_Compare(cJSON_GetObjectItem(ge, "title"), cJSON_GetObjectItem(room, "title"), true));
        /* and the entry is otherwise as it was */
        cJSON *bare = cJSON_Duplicate(ge, true);
        cJSON_DeleteItemFromObjectCaseSensitive(bare, "title");
        cJSON_DeleteItemFromObjectCaseSensitive(we, "title");
        CHECK(cJSON_Compare(bare, we, true));
        cJSON_Delete(bare);
        cJSON_Delete(room);
        free(rt);
    }
    CHECK(n == manifest.room_count && !ge && !we);
    /* the rest of the manifest as it was */
    cJSON_DeleteItemFromObjectCaseSensitive(got, "rooms");
    cJSON_DeleteItemFromObjectCaseSensitive(want, "rooms");
    CHECK(cJSON_Compare(got, want, true));
    /* and the game loads it with every title, so a new player's lobby needs no room file */
    level_game g;
    diag_list gd = {0};
    CHECK(level_load_game(&g, "game.json", out, strlen(out), &gd));
    for (int i = 0; i < g.room_count; i++) CHECK(!i18n_empty(&g.rooms[i].title));
    level_free_game(&g);
    cJSON_Delete(got);
    cJSON_Delete(want);
    free(out);
    /* a room without a file keeps its entry as it was (the game then waits for it) */
    texts miss = {.missing = manifest.rooms[1].file};
    diag_list md = {0};
    out = seal_manifest_titles(DIR "game.json", m, len, 0, text_of, &miss, &md);
    CHECK(out && md.errors == 0);
    level_game h;
    CHECK(out && level_load_game(&h, "game.json", out, strlen(out), &md));
    if (out && md.errors == 0) {
        CHECK(i18n_empty(&h.rooms[1].title) && !i18n_empty(&h.rooms[0].title));
        level_free_game(&h);
    }
    free(out);
    free(miss.last);
    free(t.last);
    free(m);
}

TEST(the_manifest_takes_the_rooms_title_over_its_own_and_refuses_one_the_game_cannot_load)
{
    const char *m = "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":\"Vanha\"},"
                    "{\"id\":\"b\",\"file\":\"b.json\"}]}";
    texts t = {.only_file = "a.json", .only_text = "{\"id\":\"a\",\"title\":{\"fi\":\"Uusi\",\"en\":\"New\"}}"};
    diag_list d = {0};
    char *out = seal_manifest_titles("game.json", m, strlen(m), 0, text_of, &t, &d);
    CHECK_STR(out, "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":{\"fi\":\"Uusi\","
                   "\"en\":\"New\"}},{\"id\":\"b\",\"file\":\"b.json\"}]}");
    free(out);
    /* a room that has no title (and one with no text): their entries as they were */
    texts untitled = {.only_file = "b.json", .only_text = "{\"id\": \"b\"}"};
    out = seal_manifest_titles("game.json", m, strlen(m), 0, text_of, &untitled, &d);
    CHECK_STR(out, "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":\"Vanha\"},"
                   "{\"id\":\"b\",\"file\":\"b.json\"}]}");
    free(out);
    CHECK(d.errors == 0);
    /* a room that is there but no JSON: refused, naming the room's file, line and column (a
       title lost without a word would be a part missing) */
    texts bad = {.only_file = "b.json", .only_text = "{\"id\": \"b\",\n"};
    diag_list bd = {0};
    CHECK(!seal_manifest_titles("game.json", m, strlen(m), 0, text_of, &bad, &bd));
    CHECK(bd.errors == 1 && bd.items[0].code == DIAG_SYNTAX && bd.items[0].line == 1 && bd.items[0].column > 1);
    CHECK_STR(bd.items[0].file, "b.json");
    /* a title the game's loader refuses would stop every player: refused, naming the entry */
    texts num = {.only_file = "b.json", .only_text = "{\"id\":\"b\",\"title\":5}"};
    diag_list nd = {0};
    out = seal_manifest_titles("game.json", m, strlen(m), 0, text_of, &num, &nd);
    CHECK(!out && nd.errors == 1 && nd.count == 1);
    if (nd.count == 1) CHECK_STR(nd.items[0].path, "rooms[1].title");
    /* a manifest that is not JSON: refused with the loader's syntax error */
    diag_list sd = {0};
    CHECK(!seal_manifest_titles("game.json", "{\"rooms\": [", 11, 0, text_of, &num, &sd));
    CHECK(sd.errors == 1 && sd.items[0].code == DIAG_SYNTAX);
}

/* The report server serves a release's manifest saying which release it is (store.c), so a
   game in progress asks for that release's rooms again; a static build and the studio's preview
   say none, even when an author wrote one. */
TEST(the_manifest_says_the_release_it_is_served_as_and_none_when_there_is_none)
{
    const char *m = "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\"}]}";
    const char *with = "{\"title\":\"Peli\",\"release\":3,\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\"}]}";
    texts t = {.only_file = "a.json", .only_text = "{\"id\":\"a\",\"title\":\"A\"}"};
    diag_list d = {0};
    char *out = seal_manifest_titles("game.json", m, strlen(m), 12, text_of, &t, &d);
    CHECK_STR(out, "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":\"A\"}],\"release\":12}");
    free(out);
    /* one already there is replaced, never doubled */
    out = seal_manifest_titles("game.json", with, strlen(with), 4, text_of, &t, &d);
    CHECK_STR(out, "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":\"A\"}],\"release\":4}");
    free(out);
    /* 0: none, and an author's is removed */
    out = seal_manifest_titles("game.json", with, strlen(with), 0, text_of, &t, &d);
    CHECK_STR(out, "{\"title\":\"Peli\",\"rooms\":[{\"id\":\"a\",\"file\":\"a.json\",\"title\":\"A\"}]}");
    free(out);
    CHECK(d.errors == 0);
    /* the game reads the number back, up to the last one a JSON number holds exactly */
    out = seal_manifest_titles("game.json", m, strlen(m), LEVEL_RELEASE_MAX, text_of, &t, &d);
    level_game g;
    CHECK(out && level_load_game(&g, "game.json", out, strlen(out), &d));
    if (out && d.errors == 0) {
        CHECK(g.release == LEVEL_RELEASE_MAX);
        level_free_game(&g);
    }
    free(out);
    /* a release the game would refuse is refused here too, naming the field */
    diag_list bd = {0};
    CHECK(!seal_manifest_titles("game.json", m, strlen(m), LEVEL_RELEASE_MAX + 2, text_of, &t, &bd));
    CHECK(bd.errors == 1 && bd.count == 1);
    if (bd.count == 1) CHECK_STR(bd.items[0].path, "release");
}

int main(void)
{
    RUN(every_shipped_room_seals_and_loads_sealed);
    RUN(the_known_answers_and_wrong_ones_get_the_same_verdicts_sealed_and_plain);
    RUN(the_sealed_text_keeps_no_answer_in_sight);
    RUN(the_code_part_opens_only_with_the_rooms_answers);
    RUN(the_manifest_carries_each_rooms_own_title);
    RUN(the_manifest_takes_the_rooms_title_over_its_own_and_refuses_one_the_game_cannot_load);
    RUN(the_manifest_says_the_release_it_is_served_as_and_none_when_there_is_none);
    for (int i = 0; i < manifest.room_count; i++) {
        if (loaded[i]) {
            level_free_room(&plain[i]);
            level_free_room(&sealed[i]);
        }
        free(sealed_text[i]);
    }
    level_free_game(&manifest);
    cJSON_Delete(solutions);
    return harness_done();
}
