#include "report.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "jsonx.h"

static bool copy_id(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) return false;
    memcpy(dst, src ? src : "", n + 1);
    return true;
}

bool report_event_make(report_event *ev, uint32_t seq, const char *room, const char *puzzle,
                       const char *const *ids, int n, double t_ms)
{
    memset(ev, 0, sizeof *ev);
    ev->seq = seq;
    ev->t_ms = t_ms;
    if (n < 0 || n > LEVEL_MAX_OPTIONS) return false;
    if (!copy_id(ev->room, sizeof ev->room, room) || !copy_id(ev->puzzle, sizeof ev->puzzle, puzzle))
        return false;
    for (int i = 0; i < n; i++)
        if (!copy_id(ev->answer[i], sizeof ev->answer[i], ids[i])) return false;
    ev->answer_count = n;
    return true;
}

bool report_hint_make(report_event *ev, uint32_t seq, const char *room, const char *puzzle, double t_ms)
{
    if (!report_event_make(ev, seq, room, puzzle, NULL, 0, t_ms)) return false;
    ev->hint = true;
    return true;
}

bool report_event_to_json(const report_event *ev, char *out, size_t cap)
{
    /* Every add is checked: an event missing a field after an allocation failure must be a
       failure, not a success that stores something other than what was answered. */
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddNumberToObject(o, "v", REPORT_VERSION) &&
              cJSON_AddNumberToObject(o, "seq", ev->seq) && cJSON_AddStringToObject(o, "room", ev->room) &&
              cJSON_AddStringToObject(o, "puzzle", ev->puzzle);
    if (ok && ev->hint) {
        ok = cJSON_AddTrueToObject(o, "hint") != NULL;
    } else if (ok) {
        cJSON *a = cJSON_AddArrayToObject(o, "answer"); /* owned by o from here on */
        ok = a != NULL;
        for (int i = 0; ok && i < ev->answer_count; i++) {
            cJSON *s = cJSON_CreateString(ev->answer[i]);
            ok = s && cJSON_AddItemToArray(a, s);
            if (!ok) cJSON_Delete(s);
        }
    }
    ok = ok && cJSON_AddNumberToObject(o, "t", (double)(long long)ev->t_ms);
    ok = ok && cap <= INT_MAX && cJSON_PrintPreallocated(o, out, (int)cap, false) != 0;
    cJSON_Delete(o);
    return ok;
}

bool report_event_from_json(struct jx_reader *r, const cJSON *obj, report_event *ev)
{
    static const char *const fields[] = {"v", "seq", "room", "puzzle", "answer", "hint", "t", NULL};
    memset(ev, 0, sizeof *ev);
    if (!cJSON_IsObject(obj)) return jx_error(r, NULL, DIAG_TYPE, "an event should be an object {...}");
    bool ok = jx_check_fields(r, obj, fields);
    int v = 0, seq = 0, t = 0;
    const char *room = NULL, *puzzle = NULL;
    const cJSON *answer = NULL;
    ok &= jx_get_int(r, obj, "v", true, REPORT_VERSION, REPORT_VERSION, &v);
    ok &= jx_get_int(r, obj, "seq", true, 1, 1000000, &seq);
    ok &= jx_get_string(r, obj, "room", true, &room);
    ok &= jx_get_string(r, obj, "puzzle", true, &puzzle);
    ok &= jx_get_bool(r, obj, "hint", false, &ev->hint);
    ok &= jx_get_array(r, obj, "answer", !ev->hint, &answer);
    if (ev->hint && answer) ok = jx_error(r, "answer", DIAG_BAD_VALUE, "a hint event has no answer");
    ok &= jx_get_int(r, obj, "t", false, 0, 2000000000, &t);
    if (!ok) return false;
    ev->seq = (uint32_t)seq;
    ev->t_ms = t;
    if (!copy_id(ev->room, sizeof ev->room, room)) return jx_error(r, "room", DIAG_BAD_VALUE, "too long");
    if (!copy_id(ev->puzzle, sizeof ev->puzzle, puzzle))
        return jx_error(r, "puzzle", DIAG_BAD_VALUE, "too long");
    int n = answer ? cJSON_GetArraySize(answer) : 0;
    if (n > LEVEL_MAX_OPTIONS) return jx_error(r, "answer", DIAG_TOO_MANY, "at most %d answers", LEVEL_MAX_OPTIONS);
    const cJSON *it_i = answer ? answer->child : NULL;
    for (int i = 0; (i < n) && it_i; i++, it_i = it_i->next) {
        const cJSON *s = it_i;
        if (!cJSON_IsString(s) || !copy_id(ev->answer[i], sizeof ev->answer[i], s->valuestring)) {
            size_t m = jx_push_key(r, "answer");
            jx_push_index(r, i);
            jx_error(r, NULL, DIAG_BAD_VALUE, "should be a text of at most %d bytes", REPORT_ANSWER_MAX - 1);
            jx_pop(r, m);
            return false;
        }
    }
    ev->answer_count = n;
    return true;
}

game_verdict report_replay(game_state *g, const report_event *ev, game_result *res)
{
    if (ev->hint) {
        memset(res, 0, sizeof *res);
        res->puzzle = level_find_puzzle(g->room, ev->puzzle);
        res->option = -1;
        res->verdict = game_take_hint(g, res->puzzle) ? GAME_REPEAT : GAME_INVALID;
        return res->verdict;
    }
    const char *ids[LEVEL_MAX_OPTIONS];
    for (int i = 0; i < ev->answer_count; i++) ids[i] = ev->answer[i];
    game_submit(g, ev->puzzle, ids, ev->answer_count, res);
    return res->verdict;
}
