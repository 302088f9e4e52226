/* The report server's request validation: the body of POST /api/v1/events read the way
   api.c reads it (a reader with the server's small limit of diagnostics, the envelope's
   fields, every event through report_event_from_json), the checks every stored text,
   key, date, address and completion code passes (valid.h, auth_code_normalise), and a
   /levels/r/N/NAME path's release number (valid_release_path). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../game/core/jsonx.h"
#include "../../game/core/report.h"
#include "../../game/server/auth.h"
#include "../../game/server/valid.h"
#include "fuzz.h"

static void events_body(const char *text, size_t len)
{
    static diag_list d;
    memset(&d, 0, sizeof d);
    jx_reader r = jx_reader_make("request", text, len, &d);
    r.limit = 4;
    cJSON *body = jx_parse(&r);
    static const char *const fields[] = {"play", "events", NULL};
    static const char *const item_fields[] = {"key", "event", NULL};
    const char *play = NULL;
    const cJSON *events = NULL;
    bool ok = cJSON_IsObject(body) && jx_check_fields(&r, body, fields);
    ok = ok && jx_get_string(&r, body, "play", true, &play) && jx_get_array(&r, body, "events", true, &events);
    ok = ok && valid_key(play, 64);
    const cJSON *it;
    int n = 0;
    if (ok) cJSON_ArrayForEach(it, events)
        {
            if (++n > 100) break;
            const char *key = NULL;
            const cJSON *ev = NULL;
            report_event e;
            if (cJSON_IsObject(it) && jx_check_fields(&r, it, item_fields) &&
                jx_get_string(&r, it, "key", true, &key) && jx_get_object(&r, it, "event", true, &ev) &&
                valid_key(key, 80) && report_event_from_json(&r, ev, &e))
                FUZZ_ASSERT(e.seq >= 1 && e.answer_count <= LEVEL_MAX_OPTIONS);
        }
    FUZZ_ASSERT(d.count <= 4);
    cJSON_Delete(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    events_body((const char *)data, size);
    char s[2048];
    size_t n = size < sizeof s - 1 ? size : sizeof s - 1;
    memcpy(s, data, n);
    s[n] = '\0';
    (void)valid_text(s, 200, false);
    (void)valid_text(s, 2000, true);
    (void)valid_email(s);
    (void)valid_date(s);
    (void)valid_key(s, 80);
    char folded[256];
    valid_fold(s, folded, sizeof folded);
    FUZZ_ASSERT(strlen(folded) < sizeof folded);
    char code[AUTH_CODE_MAX];
    (void)auth_code_normalise(s, code);
    char client[64] = "";
    if (valid_forwarded_client(s, "127.0.0.1 ::1", client, sizeof client))
        FUZZ_ASSERT(client[0] && !valid_in_list("127.0.0.1 ::1", client)); /* X-Forwarded-For */
    int64_t release = -1;
    const char *name = NULL;
    if (valid_release_path(s, INT64_C(9007199254740991), &release, &name)) {
        /* a number from 1 as a manifest writes it, exactly the digits before the slash */
        char digits[24];
        int w = snprintf(digits, sizeof digits, "%" PRId64 "/", release);
        FUZZ_ASSERT(release >= 1 && release <= INT64_C(9007199254740991));
        FUZZ_ASSERT(name == s + w && strncmp(s, digits, (size_t)w) == 0);
    } else {
        FUZZ_ASSERT(release == -1 && name == NULL);
    }
    valid_trim(s);
    return 0;
}
