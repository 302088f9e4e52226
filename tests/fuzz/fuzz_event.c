/* report_event_from_json on any bytes; what it accepts must survive a round trip through
   report_event_to_json unchanged (what the game sends is what the server stores). */
#include <string.h>

#include "../../game/core/jsonx.h"
#include "../../game/core/report.h"
#include "fuzz.h"

static bool read_event(const char *text, size_t len, report_event *ev, int limit)
{
    static diag_list d;
    memset(&d, 0, sizeof d);
    jx_reader r = jx_reader_make("request", text, len, &d);
    r.limit = limit;
    cJSON *o = jx_parse(&r);
    bool ok = o && report_event_from_json(&r, o, ev);
    FUZZ_ASSERT(ok || d.errors > 0);
    FUZZ_ASSERT(d.count <= (limit ? limit : DIAG_MAX));
    cJSON_Delete(o);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static report_event ev, again;
    static char out[LEVEL_MAX_OPTIONS * (REPORT_ANSWER_MAX * 6 + 4) + 1024];
    if (!read_event((const char *)data, size, &ev, 4)) return 0;
    FUZZ_ASSERT(ev.seq >= 1 && ev.answer_count >= 0 && ev.answer_count <= LEVEL_MAX_OPTIONS);
    FUZZ_ASSERT(report_event_to_json(&ev, out, sizeof out));
    FUZZ_ASSERT(read_event(out, strlen(out), &again, 0));
    FUZZ_ASSERT(again.seq == ev.seq && again.hint == ev.hint && again.t_ms == ev.t_ms);
    FUZZ_ASSERT(strcmp(again.room, ev.room) == 0 && strcmp(again.puzzle, ev.puzzle) == 0);
    FUZZ_ASSERT(again.answer_count == ev.answer_count);
    for (int i = 0; i < ev.answer_count; i++) FUZZ_ASSERT(strcmp(again.answer[i], ev.answer[i]) == 0);
    return 0;
}
