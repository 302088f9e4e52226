/* api.c - the JSON API under /api/v1/: what the game sends, and what the HR dashboard asks.
 *
 * Player side (the game's web/report.js), authorised by the personal token in
 *   Authorization: Bearer <token>
 *     GET  /api/v1/config     organisation, whether anonymous play is allowed, the content
 *                             release being served (no token needed)
 *     POST /api/v1/players    anonymous mode: {name, unit} -> {token}
 *     POST /api/v1/events     {play, content?, events: [{key, event}]} -> accepted, completion code
 *                             (content: the release the play began on, from /config)
 *     GET  /api/v1/me         the player's own status and completion code, nobody else's
 *     POST /api/v1/feedback   {room?, rating? 1-5, text?}: at least a rating or a text
 * HR side (web dashboard), authorised by the session cookie; every POST also needs the
 * session's CSRF token in X-CSRF-Token, a JSON body, and (when sent) a same-origin Origin:
 *     POST /api/v1/hr/login, /hr/logout, /hr/password;  GET /hr/session
 *     GET  /api/v1/hr/people?unit=&status=&from=&to=&cfrom=&cto=&q=&offset=&limit=
 *                                       one page of the list (status may be "overdue"; cfrom/cto
 *                                       filter by completion day); a manager sees only their units
 *     POST /api/v1/hr/people/ID/edit    correct name, unit, start date, e-mail (admin, audited)
 *     GET  /api/v1/hr/report            completion rate per unit and per month, overdue counts
 *     POST /api/v1/hr/units, /hr/units/ID, /hr/units/ID/remove   the list of units (admin)
 *     GET  /api/v1/hr/users; POST /hr/users/NAME {role, units}   managers and their units (admin)
 *     POST /api/v1/hr/people            invite one          (admin)
 *     POST /api/v1/hr/people/import     invite from CSV     (admin)
 *     POST /api/v1/hr/people/ID/resend|revoke|erase         (admin)
 *     POST /api/v1/hr/people/ID/remind  a reminder by e-mail now (admin; a manager for their own)
 *     GET  /api/v1/hr/stats, /hr/feedback, /hr/units, /hr/verify?code=, /hr/mail   (every HR role)
 *     GET  /api/v1/hr/audit, /hr/mail/templates; POST /hr/mail/templates          (admin)
 *     POST /api/v1/hr/export            the current view as CSV (audited)
 *     GET  /api/v1/hr/scorm?version=1.2|2004   the game as a SCORM package of the current release (admin, audited)
 *     GET  /api/v1/hr/scorm/status      the release published now and the newest package downloaded (admin)
 * Errors are {"error": {"code": "stable_code", "message": "...", "field": "json.path"}} with a
 * 4xx status for anything the client can fix; no SQL, paths or internals ever appear.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../core/jsonx.h"
#include "csv.h"
#include "db_org.h"
#include "mail.h"
#include "oidc.h"
#include "ingest.h"
#include "pwlist.h"
#include "scorm_pkg.h"
#include "srv.h"
#include "units.h"
#include "valid.h"

enum {
    LIMIT_SMALL = 16 * 1024,        /* logins, forms */
    LIMIT_EVENTS = 256 * 1024,      /* a batch of up to 100 events */
    LIMIT_IMPORT = 1024 * 1024,     /* a CSV of invitations */
    IMPORT_MAX = 2000,              /* rows per import */
    LIST_MAX = 5000,                /* rows per list or export */
    SESSION_MAX_HOURS = 12,         /* a session ends after this however active */
    FEEDBACK_MAX = 2000             /* bytes of feedback text */
};

/* __Host-: the browser keeps it only when Secure, for this host, Path=/ (no sibling subdomain
   can set or shadow it). Plain HTTP on loopback (development) cannot be Secure: pk_session. */
static const char session_cookie_secure[] = "__Host-pk_session", session_cookie_plain[] = "pk_session";

/* One request being answered. */
typedef struct call {
    srv *s;
    const http_req *req;
    http_resp *resp;
    int64_t now;
    diag_list *diags;     /* problems with the request body, with their JSON paths */
    jx_reader rd;
    cJSON *body;          /* the parsed JSON body of a POST, freed after the handler */
    db_session sess;      /* the HR session, after hr_auth() */
    bool studio;          /* a studio request (studio.c): the role author is welcome */
    char sess_hash[AUTH_HASH_MAX];
} call;

/* ---- answers ------------------------------------------------------------------------------------ */

static void send_json(call *c, int status, cJSON *o)
{
    http_resp *r = c->resp;
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->csp = HTTP_CSP_API;
    r->no_store = true;
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text) {
        r->status = 500;
        buf_puts(&r->body, "{\"error\":{\"code\":\"internal\",\"message\":\"The server could not answer.\"}}");
        return;
    }
    buf_puts(&r->body, text);
    free(text);
}

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void fail(call *c, int status, const char *code, const char *field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cJSON *o = cJSON_CreateObject(), *e = cJSON_AddObjectToObject(o, "error");
    cJSON_AddStringToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", msg);
    if (field && *field) cJSON_AddStringToObject(e, "field", field);
    send_json(c, status, o);
}

static void ok_empty(call *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "ok", true);
    send_json(c, 200, o);
}

/* Answers 400 with the first problem found in the request body. */
static void fail_body(call *c)
{
    static const char *const codes[] = {
        [DIAG_SYNTAX] = "bad_json",         [DIAG_TYPE] = "wrong_type",   [DIAG_MISSING] = "missing_field",
        [DIAG_UNKNOWN_FIELD] = "unknown_field", [DIAG_BAD_VALUE] = "bad_value", [DIAG_TOO_MANY] = "too_many",
    };
    if (c->diags->count == 0) {
        fail(c, 400, "bad_request", NULL, "The request is not valid.");
        return;
    }
    const diag *d = &c->diags->items[0];
    const char *code = (d->code < (int)(sizeof codes / sizeof codes[0]) && codes[d->code]) ? codes[d->code] : "bad_value";
    fail(c, 400, code, d->path, "%s%s%s", d->path[0] ? d->path : "", d->path[0] ? ": " : "", d->msg);
}

static void fail_db(call *c)
{
    fail(c, 503, "unavailable", NULL, "The server could not reach its database just now. Try again.");
}

static void add_time(cJSON *o, const char *key, int64_t ms)
{
    if (ms > 0) cJSON_AddNumberToObject(o, key, (double)ms);
    else cJSON_AddNullToObject(o, key);
}

/* ---- reading requests ----------------------------------------------------------------------------- */

enum { API_DIAG_LIMIT = 4 };

static bool is_json(const http_req *r)
{
    const char *t = http_header(r, "Content-Type");
    return t && strncmp(t, "application/json", 16) == 0 && (t[16] == '\0' || t[16] == ';' || t[16] == ' ');
}

/* Parses the JSON body into c->body; answers 415 or 400 and returns false when it cannot. */
static bool read_body(call *c, bool object)
{
    if (!is_json(c->req)) {
        fail(c, 415, "unsupported_type", NULL, "Send JSON with Content-Type: application/json.");
        return false;
    }
    if (strlen(c->req->body) != c->req->body_len) {
        fail(c, 400, "bad_json", NULL, "The body contains a NUL byte.");
        return false;
    }
    c->rd = jx_reader_make("request", c->req->body, c->req->body_len, c->diags);
    c->rd.limit = API_DIAG_LIMIT; /* a few located diagnostics say enough; more cost CPU (issue 15) */
    c->body = jx_parse(&c->rd);
    if (!c->body) {
        fail_body(c);
        return false;
    }
    if (object && !cJSON_IsObject(c->body)) {
        jx_error(&c->rd, NULL, DIAG_TYPE, "the body should be a JSON object {...}");
        fail_body(c);
        return false;
    }
    return true;
}

/* A text field: type-checked, trimmed, valid UTF-8 without controls, at most max bytes.
   Absent optional fields give "". Reports into the diagnostics and returns false. */
static bool text_field(call *c, const cJSON *o, const char *key, bool required, size_t max, bool multiline,
                       char *out, size_t cap)
{
    const char *v = NULL;
    out[0] = '\0';
    if (!jx_get_string(&c->rd, o, key, required, &v)) return false;
    if (!v) return true;
    if (strlen(v) >= cap || strlen(v) > max + 64)
        return jx_error(&c->rd, key, DIAG_BAD_VALUE, "at most %zu bytes", max);
    snprintf(out, cap, "%s", v);
    valid_trim(out);
    if (!out[0] && !required) return true;
    if (!out[0]) return jx_error(&c->rd, key, DIAG_BAD_VALUE, "should not be empty");
    if (strlen(out) > max) return jx_error(&c->rd, key, DIAG_BAD_VALUE, "at most %zu bytes", max);
    if (!valid_text(out, max, multiline))
        return jx_error(&c->rd, key, DIAG_BAD_VALUE, "contains characters that are not allowed (control or "
                                                     "direction characters, or invalid UTF-8)");
    return true;
}

static bool is_manager(const call *c) { return strcmp(c->sess.role, "manager") == 0; }

/* What every filter gets from the session and the settings: a manager's units, and the day on
   or before which a start date makes an unfinished person overdue. */
static void filter_scope(call *c, db_filter *f)
{
    f->scope = is_manager(c) ? c->sess.user_id : 0;
    time_t t = (time_t)(c->now / 1000) - (time_t)c->s->cfg.overdue_days * 86400;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(f->overdue, sizeof f->overdue, "%Y-%m-%d", &tm);
}

/* The dashboard's filter from query arguments (GET) or a JSON object (export). */
static bool filter_from_args(call *c, db_filter *f)
{
    memset(f, 0, sizeof *f);
    static const char *const statuses[] = {"invited", "started", "completed", "expired", "revoked", "overdue", NULL};
    const char *unit = http_arg(c->req, "unit"), *status = http_arg(c->req, "status");
    const char *from = http_arg(c->req, "from"), *to = http_arg(c->req, "to"), *q = http_arg(c->req, "q");
    if (unit && *unit) {
        if (strlen(unit) >= sizeof f->unit || !valid_text(unit, sizeof f->unit - 1, false)) {
            fail(c, 400, "bad_value", "unit", "unit: not a valid unit name");
            return false;
        }
        snprintf(f->unit, sizeof f->unit, "%s", unit);
    }
    if (status && *status) {
        bool known = false;
        for (int i = 0; statuses[i]; i++) known |= strcmp(status, statuses[i]) == 0;
        if (!known) {
            fail(c, 400, "bad_value", "status",
                 "status: expected invited, started, completed, expired, revoked or overdue");
            return false;
        }
        snprintf(f->status, sizeof f->status, "%s", status);
    }
    if ((from && *from && !valid_date(from)) || (to && *to && !valid_date(to))) {
        fail(c, 400, "bad_value", from && *from && !valid_date(from) ? "from" : "to",
             "dates are written YYYY-MM-DD");
        return false;
    }
    if (from) snprintf(f->from, sizeof f->from, "%s", from);
    if (to) snprintf(f->to, sizeof f->to, "%s", to);
    if (q && *q) {
        if (strlen(q) >= sizeof f->q || !valid_text(q, sizeof f->q - 1, false)) {
            fail(c, 400, "bad_value", "q", "q: not a valid search text");
            return false;
        }
        db_name_nfc(q, f->q); /* names are stored in NFC: an NFD search finds them too */
    }
    const char *cfrom = http_arg(c->req, "cfrom"), *cto = http_arg(c->req, "cto");
    if ((cfrom && *cfrom && !valid_date(cfrom)) || (cto && *cto && !valid_date(cto))) {
        fail(c, 400, "bad_value", cfrom && *cfrom && !valid_date(cfrom) ? "cfrom" : "cto",
             "dates are written YYYY-MM-DD");
        return false;
    }
    if (cfrom) snprintf(f->cfrom, sizeof f->cfrom, "%s", cfrom);
    if (cto) snprintf(f->cto, sizeof f->cto, "%s", cto);
    filter_scope(c, f);
    return true;
}

static bool filter_from_json(call *c, const cJSON *o, db_filter *f)
{
    memset(f, 0, sizeof *f);
    bool ok = text_field(c, o, "unit", false, sizeof f->unit - 1, false, f->unit, sizeof f->unit) &&
              text_field(c, o, "status", false, sizeof f->status - 1, false, f->status, sizeof f->status) &&
              text_field(c, o, "from", false, 10, false, f->from, sizeof f->from) &&
              text_field(c, o, "to", false, 10, false, f->to, sizeof f->to) &&
              text_field(c, o, "q", false, sizeof f->q - 1, false, f->q, sizeof f->q) &&
              text_field(c, o, "cfrom", false, 10, false, f->cfrom, sizeof f->cfrom) &&
              text_field(c, o, "cto", false, 10, false, f->cto, sizeof f->cto);
    const char *dates[] = {f->from, f->to, f->cfrom, f->cto}, *names[] = {"from", "to", "cfrom", "cto"};
    for (int i = 0; ok && i < 4; i++)
        if (dates[i][0] && !valid_date(dates[i]))
            ok = jx_error(&c->rd, names[i], DIAG_BAD_VALUE, "dates are written YYYY-MM-DD");
    static const char *const statuses[] = {"", "invited", "started", "completed", "expired", "revoked", "overdue", NULL};
    bool known = false;
    for (int i = 0; statuses[i]; i++) known |= strcmp(f->status, statuses[i]) == 0;
    if (ok && !known) ok = jx_error(&c->rd, "status", DIAG_BAD_VALUE, "unknown status");
    if (!ok) fail_body(c);
    else filter_scope(c, f);
    return ok;
}

/* ---- player authorisation -------------------------------------------------------------------------- */

/* The person whose token is in the Authorization header; answers 401/403 and returns false
   when there is none, it is unknown, revoked, or expired before the person started. */
static bool player_auth(call *c, db_person *p)
{
    const char *h = http_header(c->req, "Authorization");
    if (!h || strncmp(h, "Bearer ", 7) != 0) {
        fail(c, 401, "token_required", NULL, "This needs the personal link's token (Authorization: Bearer ...).");
        return false;
    }
    const char *token = h + 7;
    if (!valid_key(token, AUTH_TOKEN_MAX - 1)) {
        fail(c, 401, "unknown_token", NULL, "This link is not known. Ask HR for a new one.");
        return false;
    }
    char hash[AUTH_HASH_MAX];
    auth_token_hash(token, hash);
    db_rc rc = db_person_by_token(c->s->db, hash, c->now, p);
    if (rc == DB_ERROR) {
        fail_db(c);
        return false;
    }
    if (rc != DB_OK) {
        fail(c, 401, "unknown_token", NULL, "This link is not known. Ask HR for a new one.");
        return false;
    }
    if (p->revoked) {
        fail(c, 403, "link_revoked", NULL, "This link has been cancelled. Ask HR for a new one.");
        return false;
    }
    /* NOT A BUG: expiry stops new starts only; someone mid-game when the link expires can finish. */
    if (p->expires && p->expires <= c->now && !p->started) {
        fail(c, 403, "link_expired", NULL, "This link has expired. Ask HR for a new one.");
        return false;
    }
    return true;
}

/* ---- player endpoints -------------------------------------------------------------------------------- */

static void get_config(call *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "api", 1);
    cJSON_AddStringToObject(o, "org", c->s->cfg.org);
    cJSON_AddBoolToObject(o, "anonymous", c->s->cfg.anonymous);
    cJSON_AddBoolToObject(o, "sso", oidc_enabled(c->s)); /* "sign in with the work account" is offered */
    /* the content release the page is loading now: a new play is replayed on it */
    cJSON_AddNumberToObject(o, "content", (double)store_current(c->s->store));
    send_json(c, 200, o);
}

static void post_players(call *c)
{
    if (!c->s->cfg.anonymous) {
        fail(c, 403, "anonymous_disabled", NULL, "Playing needs a personal link from HR.");
        return;
    }
    char key[96];
    snprintf(key, sizeof key, "signup:%s", c->req->ip);
    int wait = auth_throttle_wait(c->s->signup_ip, key, c->now);
    if (wait > 0) {
        char v[16];
        snprintf(v, sizeof v, "%d", wait);
        http_add_header(c->resp, "Retry-After", v);
        fail(c, 429, "too_many", NULL, "Too many sign-ups from this address. Try again in %d s.", wait);
        return;
    }
    if (!read_body(c, true)) return;
    static const char *const fields[] = {"name", "unit", NULL};
    db_person p = {0};
    if (!jx_check_fields(&c->rd, c->body, fields) ||
        !text_field(c, c->body, "name", true, DB_NAME_MAX - 1, false, p.name, sizeof p.name) ||
        !text_field(c, c->body, "unit", true, DB_UNIT_MAX - 1, false, p.unit, sizeof p.unit)) {
        fail_body(c);
        return;
    }
    p.anonymous = true;
    p.invited = c->now;
    char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
    auth_random_token(token);
    auth_token_hash(token, hash);
    int64_t id;
    if (db_person_add(c->s->db, &p, hash, &id) != DB_OK) {
        fail_db(c);
        return;
    }
    auth_throttle_fail(c->s->signup_ip, key, c->now); /* counts sign-ups, not failures */
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "token", token);
    send_json(c, 201, o);
}

static void get_me(call *c)
{
    db_person p;
    if (!player_auth(c, &p)) return;
    db_person_seen(c->s->db, p.id, false, c->now);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", p.name);
    cJSON_AddStringToObject(o, "unit", p.unit);
    cJSON_AddStringToObject(o, "status", p.status);
    cJSON_AddBoolToObject(o, "completed", p.completed > 0);
    if (p.completed) cJSON_AddStringToObject(o, "completion_code", p.code);
    else cJSON_AddNullToObject(o, "completion_code");
    send_json(c, 200, o);
}

static void post_events(call *c)
{
    db_person p;
    if (!player_auth(c, &p) || !read_body(c, true)) return;
    static const char *const fields[] = {"play", "events", "content", NULL};
    static const char *const item_fields[] = {"key", "event", NULL};
    const char *play = NULL;
    const cJSON *events = NULL;
    int content = 0; /* the content release the page loaded (0: not said, the current one) */
    bool ok = jx_check_fields(&c->rd, c->body, fields);
    ok &= jx_get_string(&c->rd, c->body, "play", true, &play);
    ok &= jx_get_int(&c->rd, c->body, "content", false, 0, 2000000000, &content);
    ok &= jx_get_array(&c->rd, c->body, "events", true, &events);
    if (ok && !valid_key(play, 64))
        ok = jx_error(&c->rd, "play", DIAG_BAD_VALUE, "1-64 characters of A-Z a-z 0-9 . _ : -");
    int n = ok ? cJSON_GetArraySize(events) : 0;
    if (ok && (n < 1 || n > INGEST_BATCH_MAX))
        ok = jx_error(&c->rd, "events", DIAG_TOO_MANY, "send 1 to %d events at a time", INGEST_BATCH_MAX);
    if (!ok) {
        fail_body(c);
        return;
    }
    ingest_item *items = calloc((size_t)n, sizeof *items);
    if (!items) {
        fail(c, 503, "unavailable", NULL, "The server is busy. Try again.");
        return;
    }
    size_t m0 = jx_push_key(&c->rd, "events");
    for (int i = 0; i < n && ok; i++) {
        size_t m = jx_push_index(&c->rd, i);
        const cJSON *it = cJSON_GetArrayItem(events, i);
        const char *key = NULL;
        const cJSON *ev = NULL;
        if (!cJSON_IsObject(it)) {
            ok = jx_error(&c->rd, NULL, DIAG_TYPE, "should be an object {\"key\": ..., \"event\": {...}}");
        } else {
            ok = jx_check_fields(&c->rd, it, item_fields) && jx_get_string(&c->rd, it, "key", true, &key) &&
                 jx_get_object(&c->rd, it, "event", true, &ev);
            if (ok && !valid_key(key, INGEST_KEY_MAX - 1))
                ok = jx_error(&c->rd, "key", DIAG_BAD_VALUE, "1-80 characters of A-Z a-z 0-9 . _ : -");
            if (ok) {
                snprintf(items[i].key, sizeof items[i].key, "%s", key);
                size_t me = jx_push_key(&c->rd, "event");
                ok = report_event_from_json(&c->rd, ev, &items[i].ev);
                jx_pop(&c->rd, me);
            }
        }
        jx_pop(&c->rd, m);
    }
    jx_pop(&c->rd, m0);
    if (!ok) {
        free(items);
        fail_body(c);
        return;
    }
    ingest_result res;
    ingest_batch(c->s->db, c->s->store, &c->s->cfg, p.id, play, content, items, n, p.seen, c->now, &res);
    free(items);
    cJSON *o = cJSON_CreateObject();
    static const struct { int status; const char *code; } map[] = {
        [INGEST_OK] = {200, NULL},
        [INGEST_CONFLICT] = {409, "conflict"},
        [INGEST_GAP] = {409, "seq_gap"},
        [INGEST_REFUSED] = {422, "replay_refused"},
        [INGEST_ERROR] = {503, "unavailable"},
    };
    if (res.code != INGEST_OK) {
        cJSON *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", map[res.code].code);
        cJSON_AddStringToObject(e, "message", res.message);
        cJSON_AddNumberToObject(e, "index", res.failed);
        char field[32];
        snprintf(field, sizeof field, "events[%d]", res.failed);
        cJSON_AddStringToObject(e, "field", field);
    }
    cJSON_AddNumberToObject(o, "accepted", res.accepted);
    cJSON_AddNumberToObject(o, "duplicates", res.duplicates);
    cJSON_AddBoolToObject(o, "completed", res.completed);
    if (res.completed) cJSON_AddStringToObject(o, "completion_code", res.completion_code);
    else cJSON_AddNullToObject(o, "completion_code");
    send_json(c, map[res.code].status, o);
}

static void post_feedback(call *c)
{
    db_person p;
    if (!player_auth(c, &p) || !read_body(c, true)) return;
    static const char *const fields[] = {"room", "rating", "text", NULL};
    char room[DB_ID_MAX], *text = malloc(FEEDBACK_MAX + 1);
    int rating = 0;
    if (!text) {
        fail_db(c);
        return;
    }
    db_rc rc = DB_OK;
    bool ok = jx_check_fields(&c->rd, c->body, fields) &&
              text_field(c, c->body, "room", false, DB_ID_MAX - 1, false, room, sizeof room) &&
              jx_get_int(&c->rd, c->body, "rating", false, 1, 5, &rating) &&
              text_field(c, c->body, "text", false, FEEDBACK_MAX, true, text, FEEDBACK_MAX + 1);
    if (ok && room[0] && level_find_room(&srv_content(c->s)->game, room) < 0)
        ok = jx_error(&c->rd, "room", DIAG_BAD_VALUE, "no such room in this game");
    if (ok && !rating && !text[0]) ok = jx_error(&c->rd, "text", DIAG_MISSING, "give a rating, a text, or both");
    if (!ok) fail_body(c);
    else if ((rc = db_feedback_add(c->s->db, p.id, room, rating, text, c->now)) == DB_CONFLICT)
        fail(c, 429, "too_many", NULL, "Thank you: we have %d comments from you already.", (int)DB_FEEDBACK_PER_PERSON);
    else if (rc != DB_OK) fail_db(c);
    else {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddBoolToObject(o, "ok", true);
        send_json(c, 201, o);
    }
    free(text);
}

/* ---- HR sessions -------------------------------------------------------------------------------------- */

static bool cookie_secure(const call *c)
{
    switch (c->s->cfg.cookie_secure) {
    case CFG_SECURE_ALWAYS: return true;
    case CFG_SECURE_NEVER: return false;
    default: return !(c->s->loopback_bind && c->req->loopback);
    }
}

/* The session id the browser sent: the __Host- cookie, or the plain one where cookies are not
   Secure (a plain one on an HTTPS site could come from a sibling subdomain: ignored). */
static const char *session_id(const call *c)
{
    const char *id = http_cookie(c->req, session_cookie_secure);
    return id ? id : cookie_secure(c) ? NULL : http_cookie(c->req, session_cookie_plain);
}

/* A state-changing request from a browser must come from our own pages. */
static bool same_origin(call *c)
{
    const char *site = http_header(c->req, "Sec-Fetch-Site");
    if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0) return false;
    const char *origin = http_header(c->req, "Origin"), *host = http_header(c->req, "Host");
    if (!origin) return true; /* not a browser, or an old one: the CSRF token still guards */
    if (!host) return false;
    const char *rest = strncmp(origin, "https://", 8) == 0 ? origin + 8
                       : strncmp(origin, "http://", 7) == 0 ? origin + 7
                                                            : NULL;
    return rest && strcmp(rest, host) == 0;
}

typedef enum need { NEED_READ, NEED_WRITE, NEED_ADMIN_READ, NEED_ADMIN_WRITE, NEED_ANY_SESSION } need;

/* Checks the HR session for a request: logged in, not idle too long, password set, CSRF
   token and origin for writes, admin role where needed. Answers and returns false otherwise. */
static bool hr_auth(call *c, need n)
{
    const char *id = session_id(c);
    if (!id || !valid_key(id, AUTH_TOKEN_MAX - 1)) {
        fail(c, 401, "login_required", NULL, "Please log in.");
        return false;
    }
    auth_token_hash(id, c->sess_hash);
    db_rc rc = db_session_get(c->s->db, c->sess_hash, c->now, (int64_t)c->s->cfg.session_idle_minutes * 60000,
                              (int64_t)SESSION_MAX_HOURS * 3600000, &c->sess);
    if (rc == DB_ERROR) {
        fail_db(c);
        return false;
    }
    if (rc != DB_OK) {
        fail(c, 401, "login_required", NULL, "Your session has ended. Please log in again.");
        return false;
    }
    bool write = n == NEED_WRITE || n == NEED_ADMIN_WRITE || n == NEED_ANY_SESSION;
    if (write && strcmp(c->req->method, "POST") == 0) {
        const char *token = http_header(c->req, "X-CSRF-Token");
        if (!token || !auth_equal(token, c->sess.csrf) || !same_origin(c)) {
            fail(c, 403, "csrf", NULL, "The request did not come from the dashboard. Reload the page.");
            return false;
        }
    }
    if (c->sess.must_change && n != NEED_ANY_SESSION) {
        fail(c, 403, "password_change_required", NULL, "Set your own password first.");
        return false;
    }
    /* An author keeps the studio's content, and sees nothing of HR's people or results. */
    if (!c->studio && n != NEED_ANY_SESSION && strcmp(c->sess.role, "author") == 0) {
        fail(c, 403, "forbidden", NULL, "This account is for the authoring studio only.");
        return false;
    }
    if (c->studio && strcmp(c->sess.role, "admin") != 0 && strcmp(c->sess.role, "author") != 0) {
        fail(c, 403, "forbidden", NULL, "This needs an author or admin account.");
        return false;
    }
    if ((n == NEED_ADMIN_READ || n == NEED_ADMIN_WRITE) && strcmp(c->sess.role, "admin") != 0) {
        fail(c, 403, "forbidden", NULL, "This needs an admin account.");
        return false;
    }
    return true;
}

bool api_studio_session(srv *s, const http_req *req, http_resp *resp, db_session *out)
{
    call c = {.s = s, .req = req, .resp = resp, .now = srv_now(s), .studio = true};
    if (!hr_auth(&c, NEED_WRITE)) return false;
    *out = c.sess;
    return true;
}

static void set_session_cookie(call *c, const char *value, bool clear)
{
    char v[256];
    bool secure = cookie_secure(c);
    snprintf(v, sizeof v, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
             secure ? session_cookie_secure : session_cookie_plain, clear ? "" : value, clear ? "; Max-Age=0" : "",
             secure ? "; Secure" : "");
    http_add_header(c->resp, "Set-Cookie", v);
}

bool api_new_session(srv *s, http_resp *resp, int64_t user_id, int64_t now)
{
    /* cookies of a sign-in callback: Secure whenever the public address is https */
    char id[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX], csrf[AUTH_TOKEN_MAX], v[256];
    auth_random_token(id);
    auth_random_token(csrf);
    auth_token_hash(id, hash);
    if (db_session_add(s->db, hash, user_id, csrf, now) != DB_OK) return false;
    bool secure = s->cfg.cookie_secure == CFG_SECURE_ALWAYS ||
                  (s->cfg.cookie_secure == CFG_SECURE_AUTO && strncmp(s->cfg.public_url, "https://", 8) == 0);
    snprintf(v, sizeof v, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
             secure ? session_cookie_secure : session_cookie_plain, id, secure ? "; Secure" : "");
    return http_add_header(resp, "Set-Cookie", v);
}

static cJSON *session_json(call *c, const char *user, const char *role, const char *csrf, bool must_change)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "user", user);
    cJSON_AddStringToObject(o, "role", role);
    cJSON_AddStringToObject(o, "csrf", csrf);
    cJSON_AddBoolToObject(o, "must_change", must_change);
    cJSON_AddStringToObject(o, "org", c->s->cfg.org);
    cJSON_AddBoolToObject(o, "anonymous", c->s->cfg.anonymous);
    cJSON_AddNumberToObject(o, "idle_minutes", c->s->cfg.session_idle_minutes);
    cJSON_AddNumberToObject(o, "invite_days", c->s->cfg.invite_days);
    cJSON_AddNumberToObject(o, "retention_days", c->s->cfg.retention_days);
    cJSON_AddNumberToObject(o, "overdue_days", c->s->cfg.overdue_days);
    cJSON_AddBoolToObject(o, "emails", strcmp(role, "admin") == 0 || c->s->cfg.show_emails);
    cJSON_AddBoolToObject(o, "mail", c->s->cfg.smtp_url[0] != '\0');
    cJSON_AddBoolToObject(o, "units_closed", c->s->cfg.units_closed);
    return o;
}

static void too_many(call *c, int wait)
{
    char v[16];
    snprintf(v, sizeof v, "%d", wait);
    http_add_header(c->resp, "Retry-After", v);
    fail(c, 429, "too_many_attempts", NULL, "Too many failed logins. Try again in %d seconds.", wait);
}

static void post_login(call *c)
{
    if (!same_origin(c)) {
        fail(c, 403, "csrf", NULL, "The request did not come from the dashboard.");
        return;
    }
    if (!read_body(c, true)) return;
    static const char *const fields[] = {"user", "password", NULL};
    const char *user = NULL, *password = NULL;
    if (!jx_check_fields(&c->rd, c->body, fields) || !jx_get_string(&c->rd, c->body, "user", true, &user) ||
        !jx_get_string(&c->rd, c->body, "password", true, &password)) {
        fail_body(c);
        return;
    }
    if (strlen(user) >= DB_USER_MAX || strlen(password) > AUTH_PASSWORD_MAX) {
        fail(c, 401, "bad_login", NULL, "Wrong user name or password.");
        return;
    }
    char ukey[128], ikey[96];
    snprintf(ukey, sizeof ukey, "user:%s", user);
    snprintf(ikey, sizeof ikey, "ip:%s", c->req->ip);
    int wait = auth_throttle_wait(c->s->login_user, ukey, c->now);
    int iwait = auth_throttle_wait(c->s->login_ip, ikey, c->now);
    if (wait > 0 || iwait > 0) {
        too_many(c, wait > iwait ? wait : iwait);
        return;
    }
    db_user u;
    db_rc rc = db_user_get(c->s->db, user, &u);
    if (rc == DB_ERROR) {
        fail_db(c);
        return;
    }
    if (!auth_password_check(rc == DB_OK ? u.pwhash : NULL, password)) {
        auth_throttle_fail(c->s->login_user, ukey, c->now);
        auth_throttle_fail(c->s->login_ip, ikey, c->now);
        if (auth_throttle_wait(c->s->login_user, ukey, c->now) > 0)
            db_audit(c->s->db, c->now, user, "login-locked", "too many failed logins");
        fail(c, 401, "bad_login", NULL, "Wrong user name or password.");
        return;
    }
    auth_throttle_clear(c->s->login_user, ukey);
    /* A fresh session id at every login (no fixation); an old one from this browser ends. */
    const char *old = session_id(c);
    if (old && valid_key(old, AUTH_TOKEN_MAX - 1)) {
        char oh[AUTH_HASH_MAX];
        auth_token_hash(old, oh);
        db_session_remove(c->s->db, oh);
    }
    char id[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX], csrf[AUTH_TOKEN_MAX];
    auth_random_token(id);
    auth_random_token(csrf);
    auth_token_hash(id, hash);
    if (db_session_add(c->s->db, hash, u.id, csrf, c->now) != DB_OK) {
        fail_db(c);
        return;
    }
    set_session_cookie(c, id, false);
    send_json(c, 200, session_json(c, u.name, u.role, csrf, u.must_change));
}

static void post_logout(call *c)
{
    if (!hr_auth(c, NEED_ANY_SESSION)) return;
    db_session_remove(c->s->db, c->sess_hash);
    set_session_cookie(c, NULL, true);
    ok_empty(c);
}

static void get_session(call *c)
{
    if (!hr_auth(c, NEED_ANY_SESSION)) return;
    send_json(c, 200, session_json(c, c->sess.user, c->sess.role, c->sess.csrf, c->sess.must_change));
}

static void post_password(call *c)
{
    if (!hr_auth(c, NEED_ANY_SESSION) || !read_body(c, true)) return;
    static const char *const fields[] = {"old", "new", NULL};
    const char *old = NULL, *pw = NULL;
    if (!jx_check_fields(&c->rd, c->body, fields) || !jx_get_string(&c->rd, c->body, "old", true, &old) ||
        !jx_get_string(&c->rd, c->body, "new", true, &pw)) {
        fail_body(c);
        return;
    }
    /* throttled like a login, per user and per client address: a stolen session must not be a
       way to guess the password */
    char ukey[128], ikey[96];
    snprintf(ukey, sizeof ukey, "user:%s", c->sess.user);
    snprintf(ikey, sizeof ikey, "ip:%s", c->req->ip);
    int wait = auth_throttle_wait(c->s->login_user, ukey, c->now);
    int iwait = auth_throttle_wait(c->s->login_ip, ikey, c->now);
    if (wait > 0 || iwait > 0) {
        too_many(c, wait > iwait ? wait : iwait);
        return;
    }
    db_user u;
    if (db_user_get(c->s->db, c->sess.user, &u) != DB_OK) {
        fail_db(c);
        return;
    }
    if (strlen(old) > AUTH_PASSWORD_MAX || !auth_password_check(u.pwhash, old)) {
        auth_throttle_fail(c->s->login_user, ukey, c->now);
        auth_throttle_fail(c->s->login_ip, ikey, c->now);
        fail(c, 403, "bad_password", "old", "The current password is not right.");
        return;
    }
    const char *why = auth_password_problem(pw, u.name);
    if (!why) why = pwlist_problem(pw);
    if (why || strcmp(pw, old) == 0) {
        fail(c, 400, "weak_password", "new", "The new password needs %s and must differ from the old one.",
             why ? why : "to be new");
        return;
    }
    char hash[AUTH_PWHASH_MAX];
    if (!auth_password_hash(pw, hash) || db_user_set_password(c->s->db, u.name, hash, false) != DB_OK) {
        fail_db(c);
        return;
    }
    db_session_remove_user(c->s->db, u.id, c->sess_hash); /* other sessions end */
    db_audit(c->s->db, c->now, u.name, "password", "changed own password");
    send_json(c, 200, session_json(c, u.name, u.role, c->sess.csrf, false));
}

/* ---- HR: people ------------------------------------------------------------------------------------------ */

static cJSON *person_json(const db_person *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)p->id);
    cJSON_AddNumberToObject(o, "content", (double)p->content_release); /* which version they played */
    cJSON_AddStringToObject(o, "name", p->name);
    cJSON_AddStringToObject(o, "unit", p->unit);
    cJSON_AddStringToObject(o, "start_date", p->start_date);
    cJSON_AddStringToObject(o, "email", p->email);
    /* whether a reminder can reach them, for those who may not see the address (redact) */
    cJSON_AddBoolToObject(o, "has_email", p->email[0] != '\0');
    cJSON_AddBoolToObject(o, "anonymous", p->anonymous);
    cJSON_AddStringToObject(o, "status", p->status);
    add_time(o, "invited", p->invited);
    add_time(o, "expires", p->expires);
    add_time(o, "started", p->started);
    add_time(o, "last", p->last);
    add_time(o, "completed", p->completed);
    if (p->completed) {
        cJSON_AddNumberToObject(o, "score", p->score);
        cJSON_AddNumberToObject(o, "mistakes", p->mistakes);
        cJSON_AddNumberToObject(o, "hints", p->hints);
        cJSON_AddNumberToObject(o, "time_ms", (double)p->time_ms);
        cJSON_AddStringToObject(o, "code", p->code);
    }
    /* rooms solved faster than is plausible (ingest.h): the result stands, flagged for HR */
    cJSON *fast = cJSON_AddArrayToObject(o, "fast");
    for (const char *f = p->fast; fast && *f;) {
        size_t n = strcspn(f, ",");
        char room[DB_ID_MAX];
        snprintf(room, sizeof room, "%.*s", (int)(n < sizeof room ? n : sizeof room - 1), f);
        cJSON_AddItemToArray(fast, cJSON_CreateString(room));
        f += n + (f[n] == ',');
    }
    return o;
}

static void add_person_row(void *user, const db_person *p) { cJSON_AddItemToArray(user, person_json(p)); }

/* Admins see e-mail addresses; viewers and managers only when the organisation enables it. */
static bool sees_emails(const call *c) { return strcmp(c->sess.role, "admin") == 0 || c->s->cfg.show_emails; }

static cJSON *redact(const call *c, cJSON *person)
{
    if (!sees_emails(c)) cJSON_DeleteItemFromObject(person, "email");
    return person;
}

/* A number from the query: def when absent, false (answered) when not a number in min..max. */
static bool int_arg(call *c, const char *name, long long min, long long max, long long def, long long *out)
{
    const char *v = http_arg(c->req, name);
    *out = def;
    if (!v || !*v) return true;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end || n < min || n > max) {
        fail(c, 400, "bad_value", name, "%s: expected a whole number %lld..%lld", name, min, max);
        return false;
    }
    *out = n;
    return true;
}

/* The connection HR's pure reads use: read-only, of its own (db_open_reader), so they neither
   wait for the players' group commits nor hold them. What an HR request wrote before is there
   (WAL: a read sees every commit made before it began). */
static db *hr_reader(const call *c) { return c->s->hr_db ? c->s->hr_db : c->s->db; }

/* One page of the list: the server counts and pages, so 100,000 people cost one page. */
static void get_people(call *c)
{
    db_filter f;
    long long offset, limit;
    if (!hr_auth(c, NEED_READ) || !filter_from_args(c, &f) || !int_arg(c, "offset", 0, 1LL << 40, 0, &offset) ||
        !int_arg(c, "limit", 1, LIST_MAX, LIST_MAX, &limit))
        return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "people");
    db *rd = hr_reader(c);
    int64_t total = db_people_count(rd, &f, c->now);
    if (total < 0 || !db_people_page(rd, &f, c->now, offset, (int)limit, add_person_row, list)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    cJSON *row;
    cJSON_ArrayForEach(row, list) redact(c, row);
    cJSON_AddNumberToObject(o, "total", (double)total);
    cJSON_AddNumberToObject(o, "offset", (double)offset);
    cJSON_AddNumberToObject(o, "limit", (double)limit);
    cJSON_AddBoolToObject(o, "truncated", offset + cJSON_GetArraySize(list) < total);
    send_json(c, 200, o);
}

/* Reads and checks an invitation's fields into p. */
static bool person_fields(call *c, const cJSON *o, db_person *p)
{
    memset(p, 0, sizeof *p);
    bool ok = text_field(c, o, "name", true, DB_NAME_MAX - 1, false, p->name, sizeof p->name) &&
              text_field(c, o, "unit", true, DB_UNIT_MAX - 1, false, p->unit, sizeof p->unit) &&
              text_field(c, o, "start_date", false, 10, false, p->start_date, sizeof p->start_date) &&
              text_field(c, o, "email", false, DB_EMAIL_MAX - 1, false, p->email, sizeof p->email);
    if (ok && p->start_date[0] && !valid_date(p->start_date))
        ok = jx_error(&c->rd, "start_date", DIAG_BAD_VALUE, "a date written YYYY-MM-DD");
    if (ok && p->email[0] && !valid_email(p->email))
        ok = jx_error(&c->rd, "email", DIAG_BAD_VALUE, "not an e-mail address");
    return ok;
}

/* The unit as HR's list spells it: NFC, and an existing unit however it was typed. A new one is
   added to the list unless the organisation keeps the list closed. Answers and returns false
   when it cannot be used. */
static bool resolve_unit(call *c, const char *typed, char out[DB_UNIT_MAX], const char *field)
{
    char name[DB_UNIT_MAX], key[UNITS_KEY_MAX];
    if (!units_normalise(typed, name, sizeof name) || !units_key(name, key, sizeof key)) {
        fail(c, 400, "bad_value", field, "%s: not a valid unit name", field);
        return false;
    }
    db_rc rc = db_unit_ensure(c->s->db, name, key, !c->s->cfg.units_closed, c->now, out);
    if (rc == DB_NOT_FOUND) {
        fail(c, 422, "unknown_unit", field, "%s: \"%s\" is not on the list of units", field, name);
        return false;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return false;
    }
    return true;
}

static bool valid_days_field(call *c, const cJSON *o, int *days)
{
    *days = c->s->cfg.invite_days;
    return jx_get_int(&c->rd, o, "valid_days", false, 1, 365, days);
}

static cJSON *invitation_json(const db_person *p, const char *token)
{
    cJSON *o = person_json(p);
    char link[AUTH_TOKEN_MAX + 8];
    snprintf(link, sizeof link, "/#t=%s", token);
    cJSON_AddStringToObject(o, "token", token);
    cJSON_AddStringToObject(o, "link", link); /* relative: the dashboard prefixes its origin */
    return o;
}

static void post_person(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"name", "unit", "start_date", "email", "valid_days", NULL};
    db_person p;
    int days;
    if (!jx_check_fields(&c->rd, c->body, fields) || !person_fields(c, c->body, &p) ||
        !valid_days_field(c, c->body, &days)) {
        fail_body(c);
        return;
    }
    char unit[DB_UNIT_MAX];
    if (!resolve_unit(c, p.unit, unit, "unit")) return;
    memcpy(p.unit, unit, sizeof unit);
    p.invited = c->now;
    p.expires = c->now + (int64_t)days * 86400000;
    char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
    auth_random_token(token);
    auth_token_hash(token, hash);
    int64_t id;
    if (db_person_add(c->s->db, &p, hash, &id) != DB_OK || db_person_get(c->s->db, id, c->now, &p) != DB_OK) {
        fail_db(c);
        return;
    }
    char detail[64];
    snprintf(detail, sizeof detail, "person #%lld", (long long)id);
    db_audit(c->s->db, c->now, c->sess.user, "invite", detail);
    mail_invitation(c->s, &p, token, c->now);
    mail_wake();
    send_json(c, 201, invitation_json(&p, token));
}

/* "1.3.2025" (how Finnish Excel writes dates) or "2025-03-01" to "2025-03-01". */
static bool import_date(const char *in, char out[11])
{
    int d, m, y;
    char tail;
    if (!in[0]) {
        out[0] = '\0';
        return true;
    }
    if (sscanf(in, "%d.%d.%d%c", &d, &m, &y, &tail) == 3 && y >= 2000 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 &&
        d <= 31)
        snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    else snprintf(out, 11, "%.10s", in);
    return strlen(in) <= 10 && valid_date(out);
}

typedef struct import_ctx {
    call *c;
    db_person *rows;
    int count;
    int col[4];        /* column of name, unit, start date, email; -1 when absent */
    cJSON *errors;
    int error_count;
} import_ctx;

/* One problem of a CSV file: a stable code and its value for the dashboard to say in the
   user's language, and an English message for scripts. */
static void import_error(import_ctx *x, int line, const char *code, const char *fmt, const char *what)
{
    if (++x->error_count > 50) return;
    char msg[256];
    snprintf(msg, sizeof msg, fmt, what);
    cJSON *e = cJSON_CreateObject();
    cJSON_AddNumberToObject(e, "line", line);
    cJSON_AddStringToObject(e, "code", code);
    cJSON_AddStringToObject(e, "value", what);
    cJSON_AddStringToObject(e, "message", msg);
    cJSON_AddItemToArray(x->errors, e);
}

/* Recognises a header row (Finnish or English names) and maps the columns. */
static bool import_header(import_ctx *x, char **fields, int n)
{
    /* Finnish, Swedish and English column names */
    static const char *const names[4][7] = {{"nimi", "name", "namn", NULL},
                                            {"yksikkö", "unit", "yksikko", "enhet", NULL},
                                            {"aloituspäivä", "start_date", "start date", "aloituspaiva", "startdatum", NULL},
                                            {"sähköposti", "email", "e-mail", "sahkoposti", "e-post", "epost", NULL}};
    bool header = false;
    int col[4] = {-1, -1, -1, -1};
    for (int i = 0; i < n; i++) {
        char f[64];
        valid_fold(fields[i], f, sizeof f);
        valid_trim(f);
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 7 && names[k][j]; j++)
                if (strcmp(f, names[k][j]) == 0 && col[k] < 0) {
                    col[k] = i;
                    header = true;
                }
    }
    if (header) memcpy(x->col, col, sizeof col);
    return header;
}

static bool import_row(void *user, int line, char **fields, int n, csv_error *err)
{
    (void)err;
    import_ctx *x = user;
    if (x->count == 0 && x->error_count == 0 && line == 1 && import_header(x, fields, n)) {
        if (x->col[0] < 0 || x->col[1] < 0) import_error(x, line, "header", "the header needs %s", "name and unit (nimi, yksikkö)");
        return true;
    }
    if (x->count >= IMPORT_MAX) {
        import_error(x, line, "too_many_rows", "at most %s rows per file", "2000");
        return false;
    }
    db_person *p = &x->rows[x->count];
    memset(p, 0, sizeof *p);
    const char *v[4];
    for (int k = 0; k < 4; k++) {
        int i = x->col[k];
        v[k] = (i >= 0 && i < n) ? fields[i] : "";
    }
    char tmp[CSV_FIELD_MAX];
    static const char *const what[] = {"name", "unit"};
    size_t caps[] = {sizeof p->name, sizeof p->unit};
    char *dst[] = {p->name, p->unit};
    bool ok = true; /* every problem of a row is listed, so that one round of corrections fixes the file */
    for (int k = 0; k < 2; k++) {
        snprintf(tmp, sizeof tmp, "%s", v[k]);
        valid_trim(tmp);
        if (!tmp[0]) {
            import_error(x, line, "missing", "%s is missing", what[k]);
            ok = false;
        } else if (strlen(tmp) >= caps[k] || !valid_text(tmp, caps[k] - 1, false)) {
            import_error(x, line, "bad_text", "%s is too long or has characters that are not allowed", what[k]);
            ok = false;
        } else {
            snprintf(dst[k], caps[k], "%s", tmp);
        }
    }
    /* the unit as HR's list spells it; an unknown one is added on import unless the list is closed */
    char unit[DB_UNIT_MAX], key[UNITS_KEY_MAX], canon[DB_UNIT_MAX];
    if (p->unit[0] && (!units_normalise(p->unit, unit, sizeof unit) || !units_key(unit, key, sizeof key))) {
        import_error(x, line, "bad_text", "%s is too long or has characters that are not allowed", "unit");
        ok = false;
    } else if (p->unit[0]) {
        db_rc urc = db_unit_ensure(x->c->s->db, unit, key, false, x->c->now, canon);
        if (urc == DB_OK) memcpy(p->unit, canon, sizeof canon);
        else if (urc == DB_NOT_FOUND && !x->c->s->cfg.units_closed) memcpy(p->unit, unit, sizeof unit);
        else {
            import_error(x, line, "unknown_unit", "the unit \"%.100s\" is not on the list of units", unit);
            ok = false;
        }
    }
    snprintf(tmp, sizeof tmp, "%s", v[2]);
    valid_trim(tmp);
    if (!import_date(tmp, p->start_date)) {
        import_error(x, line, "bad_date", "the start date \"%.40s\" is not a date (write the day as 1.3.2025)", tmp);
        ok = false;
    }
    snprintf(tmp, sizeof tmp, "%s", v[3]);
    valid_trim(tmp);
    if (tmp[0] && (strlen(tmp) >= sizeof p->email || !valid_email(tmp))) {
        import_error(x, line, "bad_email", "the e-mail \"%.60s\" is not an e-mail address", tmp);
        ok = false;
    } else {
        memcpy(p->email, tmp, strlen(tmp) + 1); /* length checked above */
    }
    if (ok) x->count++;
    return true;
}

static void post_import(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"csv", "valid_days", NULL};
    const char *text = NULL;
    int days;
    if (!jx_check_fields(&c->rd, c->body, fields) || !jx_get_string(&c->rd, c->body, "csv", true, &text) ||
        !valid_days_field(c, c->body, &days)) {
        fail_body(c);
        return;
    }
    import_ctx x = {.c = c, .col = {0, 1, 2, 3}, .errors = cJSON_CreateArray()};
    x.rows = calloc(IMPORT_MAX, sizeof *x.rows);
    if (!x.rows || !x.errors) {
        free(x.rows);
        cJSON_Delete(x.errors);
        fail_db(c);
        return;
    }
    csv_error err;
    if (!csv_parse(text, strlen(text), import_row, &x, &err) && err.msg[0] && x.error_count == 0)
        import_error(&x, err.line, "csv", "%s", err.msg);
    if (x.error_count == 0 && x.count == 0) import_error(&x, 0, "empty", "%s", "the file has no rows");
    if (x.error_count) {
        /* all or nothing: HR fixes the file and sends it again */
        cJSON *o = cJSON_CreateObject(), *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", "bad_rows");
        cJSON_AddNumberToObject(o, "error_count", x.error_count); /* the list stops at 50 */
        cJSON_AddStringToObject(e, "message", "Some rows are not valid; nothing was imported.");
        cJSON_AddItemToObject(o, "rows", x.errors);
        free(x.rows);
        send_json(c, 422, o);
        return;
    }
    cJSON_Delete(x.errors);
    cJSON *o = cJSON_CreateObject(), *created = cJSON_AddArrayToObject(o, "created");
    bool began = db_begin(c->s->db), ok = began;
    for (int i = 0; ok && i < x.count; i++) {
        db_person *p = &x.rows[i];
        p->invited = c->now;
        p->expires = c->now + (int64_t)days * 86400000;
        char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
        auth_random_token(token);
        auth_token_hash(token, hash);
        char unit[DB_UNIT_MAX], key[UNITS_KEY_MAX];
        ok = units_key(p->unit, key, sizeof key) &&
             db_unit_ensure(c->s->db, p->unit, key, true, c->now, unit) == DB_OK;
        if (ok) memcpy(p->unit, unit, sizeof unit);
        ok = ok && db_person_add(c->s->db, p, hash, &p->id) == DB_OK &&
             db_person_get(c->s->db, p->id, c->now, p) == DB_OK &&
             mail_invitation(c->s, p, token, c->now) == DB_OK; /* queued with the rows: all or nothing */
        if (ok) cJSON_AddItemToArray(created, invitation_json(p, token));
    }
    char detail[64];
    snprintf(detail, sizeof detail, "%d people from CSV", x.count);
    ok = ok && db_audit(c->s->db, c->now, c->sess.user, "import", detail) == DB_OK;
    free(x.rows);
    if (!ok) {
        if (began) db_rollback(c->s->db);
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    if (!db_commit(c->s->db)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    mail_wake();
    send_json(c, 201, o);
}

static void get_person(call *c, int64_t id)
{
    if (!hr_auth(c, NEED_READ)) return;
    db_person p;
    db_rc rc = db_person_get(hr_reader(c), id, c->now, &p);
    if (rc == DB_OK && !db_person_in_scope(hr_reader(c), id, is_manager(c) ? c->sess.user_id : 0)) rc = DB_NOT_FOUND;
    if (rc == DB_NOT_FOUND) fail(c, 404, "not_found", NULL, "No such person.");
    else if (rc != DB_OK) fail_db(c);
    else send_json(c, 200, redact(c, person_json(&p)));
}

static void post_person_action(call *c, int64_t id, const char *action)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"valid_days", NULL};
    int days;
    if (!jx_check_fields(&c->rd, c->body, fields) || !valid_days_field(c, c->body, &days)) {
        fail_body(c);
        return;
    }
    db_person p;
    db_rc rc = db_person_get(c->s->db, id, c->now, &p);
    if (rc == DB_NOT_FOUND) {
        fail(c, 404, "not_found", NULL, "No such person.");
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    char detail[64];
    snprintf(detail, sizeof detail, "person #%lld", (long long)id);
    if (strcmp(action, "resend") == 0) {
        if (p.anonymous) {
            fail(c, 409, "anonymous", NULL, "An anonymous player has no invitation to resend.");
            return;
        }
        char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
        auth_random_token(token);
        auth_token_hash(token, hash);
        if (db_person_set_token(c->s->db, id, hash, c->now + (int64_t)days * 86400000, c->now) != DB_OK ||
            db_person_get(c->s->db, id, c->now, &p) != DB_OK) {
            fail_db(c);
            return;
        }
        db_audit(c->s->db, c->now, c->sess.user, "resend", detail);
        mail_invitation(c->s, &p, token, c->now);
        mail_wake();
        send_json(c, 200, invitation_json(&p, token));
    } else if (strcmp(action, "revoke") == 0) {
        if (db_person_revoke(c->s->db, id, c->now) != DB_OK || db_person_get(c->s->db, id, c->now, &p) != DB_OK) {
            fail_db(c);
            return;
        }
        db_audit(c->s->db, c->now, c->sess.user, "revoke", detail);
        send_json(c, 200, person_json(&p));
    } else {
        if (db_person_erase(c->s->db, id) != DB_OK) {
            fail_db(c);
            return;
        }
        db_audit(c->s->db, c->now, c->sess.user, "erase", detail);
        ok_empty(c);
    }
}

/* ---- HR: statistics ---------------------------------------------------------------------------------------- */

typedef struct agg {
    int attempted, solved;
    long long mistakes, hints;
    int64_t *times;    /* of those who solved (filtered statistics) */
    int n, cap;
    bool has_median;   /* kept statistics: the median comes with the counts */
    double median_ms;
} agg;

typedef struct stats_ctx {
    const replay_content *content;
    agg rooms[LEVEL_MAX_ROOMS];
    agg puzzles[LEVEL_MAX_ROOMS][LEVEL_MAX_PUZZLES];
    bool oom;
} stats_ctx;

static void agg_add(stats_ctx *x, agg *a, const db_result_row *r)
{
    a->attempted++;
    a->mistakes += r->mistakes;
    a->hints += r->hints;
    if (!r->solved) return;
    a->solved++;
    if (a->n == a->cap) {
        int cap = a->cap ? a->cap * 2 : 16;
        int64_t *t = realloc(a->times, (size_t)cap * sizeof *t);
        if (!t) {
            x->oom = true;
            return;
        }
        a->times = t;
        a->cap = cap;
    }
    a->times[a->n++] = r->ms;
}

static void stats_row(void *user, const db_result_row *r)
{
    stats_ctx *x = user;
    int i = level_find_room(&x->content->game, r->room);
    if (i < 0 || i >= x->content->room_count) return; /* a room no longer in the game */
    if (!r->puzzle[0]) {
        agg_add(x, &x->rooms[i], r);
        return;
    }
    int k = level_find_puzzle(&x->content->rooms[i], r->puzzle);
    if (k >= 0) agg_add(x, &x->puzzles[i][k], r);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void agg_json(cJSON *o, agg *a)
{
    cJSON_AddNumberToObject(o, "attempted", a->attempted);
    cJSON_AddNumberToObject(o, "solved", a->solved);
    if (a->attempted) {
        cJSON_AddNumberToObject(o, "rate", (double)a->solved / a->attempted);
        cJSON_AddNumberToObject(o, "mistakes_avg", (double)a->mistakes / a->attempted);
        cJSON_AddNumberToObject(o, "hints_avg", (double)a->hints / a->attempted);
    } else {
        cJSON_AddNullToObject(o, "rate");
        cJSON_AddNullToObject(o, "mistakes_avg");
        cJSON_AddNullToObject(o, "hints_avg");
    }
    cJSON_AddNumberToObject(o, "mistakes", (double)a->mistakes);
    cJSON_AddNumberToObject(o, "hints", (double)a->hints);
    if (a->n) {
        qsort(a->times, (size_t)a->n, sizeof *a->times, cmp_i64);
        double median = a->n % 2 ? (double)a->times[a->n / 2]
                                 : ((double)a->times[a->n / 2 - 1] + (double)a->times[a->n / 2]) / 2;
        cJSON_AddNumberToObject(o, "median_ms", median);
    } else if (a->has_median) {
        cJSON_AddNumberToObject(o, "median_ms", a->median_ms);
    } else {
        cJSON_AddNullToObject(o, "median_ms");
    }
    free(a->times);
    a->times = NULL;
}

static void add_text(cJSON *o, const char *key, const i18n_text *t)
{
    cJSON *x = cJSON_AddObjectToObject(o, key);
    cJSON_AddStringToObject(x, "fi", i18n_get(t, LANG_FI));
    cJSON_AddStringToObject(x, "sv", i18n_get(t, LANG_SV));
    cJSON_AddStringToObject(x, "en", i18n_get(t, LANG_EN));
}

/* Completions per local day, and the counts per status. */
typedef struct day_ctx {
    char (*days)[11];
    int *counts;
    int n, cap;
    int status[5];
    int total;
    bool oom;
} day_ctx;

static void day_add(day_ctx *x, const char *day, int count);

static void day_row(void *user, const db_person *p)
{
    day_ctx *x = user;
    static const char *const statuses[] = {"invited", "started", "completed", "expired", "revoked"};
    x->total++;
    for (int i = 0; i < 5; i++)
        if (strcmp(p->status, statuses[i]) == 0) x->status[i]++;
    if (!p->completed) return;
    time_t t = (time_t)(p->completed / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    char day[11];
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    day_add(x, day, 1);
}

static void day_add(day_ctx *x, const char *day, int count)
{
    for (int i = 0; i < x->n; i++)
        if (strcmp(x->days[i], day) == 0) {
            x->counts[i] += count;
            return;
        }
    if (x->n == x->cap) {
        int cap = x->cap ? x->cap * 2 : 32;
        char(*d)[11] = realloc(x->days, (size_t)cap * sizeof *d);
        if (d) x->days = d;
        int *c = realloc(x->counts, (size_t)cap * sizeof *c);
        if (c) x->counts = c;
        if (!d || !c) {
            x->oom = true;
            return;
        }
        x->cap = cap;
    }
    snprintf(x->days[x->n], 11, "%s", day);
    x->counts[x->n++] = count;
}

/* ---- the kept statistics (db_stats_covers): for everyone or one unit ---- */

static void stat_cell_row(void *user, const db_stat_cell *cell)
{
    stats_ctx *x = user;
    int i = level_find_room(&x->content->game, cell->room);
    if (i < 0 || i >= x->content->room_count) return; /* a room no longer in the game */
    agg *a = &x->rooms[i];
    if (cell->puzzle[0]) {
        int k = level_find_puzzle(&x->content->rooms[i], cell->puzzle);
        if (k < 0) return;
        a = &x->puzzles[i][k];
    }
    a->attempted = cell->attempted;
    a->solved = cell->solved;
    a->mistakes = cell->mistakes;
    a->hints = cell->hints;
    a->has_median = cell->has_median;
    a->median_ms = cell->median_ms;
}

static void stat_day_row(void *user, const char *day, int count) { day_add(user, day, count); }

static bool stats_kept(db *d, const db_filter *f, int64_t now, stats_ctx *x, day_ctx *days)
{
    db_stat_status_counts n;
    if (!db_stat_cells(d, f->unit, stat_cell_row, x) || !db_stat_days(d, f->unit, stat_day_row, days) ||
        !db_stat_status(d, f->unit, now, &n))
        return false;
    int status[5] = {n.invited, n.started, n.completed, n.expired, n.revoked}; /* day_row's order */
    for (int i = 0; i < 5; i++) {
        days->status[i] = status[i];
        days->total += status[i];
    }
    return true;
}

static void get_stats(call *c)
{
    db_filter f;
    if (!hr_auth(c, NEED_READ) || !filter_from_args(c, &f)) return;
    stats_ctx *x = calloc(1, sizeof *x);
    day_ctx days = {0};
    if (!x) {
        fail_db(c);
        return;
    }
    x->content = srv_content(c->s);
    db *rd = hr_reader(c);
    bool ok = db_stats_covers(&f) ? stats_kept(rd, &f, c->now, x, &days)
                                  : db_results(rd, &f, c->now, true, stats_row, x) &&
                                        db_results(rd, &f, c->now, false, stats_row, x) &&
                                        db_people_list(rd, &f, c->now, 1000000, day_row, &days);
    if (!ok || x->oom || days.oom) {
        for (int i = 0; i < LEVEL_MAX_ROOMS; i++) {
            free(x->rooms[i].times);
            for (int k = 0; k < LEVEL_MAX_PUZZLES; k++) free(x->puzzles[i][k].times);
        }
        free(x);
        free(days.days);
        free(days.counts);
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject(), *rooms = cJSON_AddArrayToObject(o, "rooms");
    const replay_content *ct = srv_content(c->s);
    for (int i = 0; i < ct->room_count; i++) {
        const level_room *room = &ct->rooms[i];
        if (room->puzzle_count == 0) continue; /* a hub without puzzles has nothing to measure */
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "id", room->id);
        add_text(r, "title", &room->title);
        agg_json(r, &x->rooms[i]);
        cJSON *ps = cJSON_AddArrayToObject(r, "puzzles");
        for (int k = 0; k < room->puzzle_count; k++) {
            cJSON *p = cJSON_CreateObject();
            cJSON_AddStringToObject(p, "id", room->puzzles[k].id);
            add_text(p, "prompt", &room->puzzles[k].prompt);
            agg_json(p, &x->puzzles[i][k]);
            cJSON_AddItemToArray(ps, p);
        }
        cJSON_AddItemToArray(rooms, r);
    }
    for (int i = 0; i < LEVEL_MAX_ROOMS; i++) /* rows of rooms no longer in the game */
        for (int k = 0; k < LEVEL_MAX_PUZZLES; k++) free(x->puzzles[i][k].times);
    for (int i = ct->room_count; i < LEVEL_MAX_ROOMS; i++) free(x->rooms[i].times);
    free(x);
    /* days in order, oldest first */
    for (int i = 1; i < days.n; i++)
        for (int j = i; j > 0 && strcmp(days.days[j - 1], days.days[j]) > 0; j--) {
            char t[11];
            memcpy(t, days.days[j], 11);
            memcpy(days.days[j], days.days[j - 1], 11);
            memcpy(days.days[j - 1], t, 11);
            int n = days.counts[j];
            days.counts[j] = days.counts[j - 1];
            days.counts[j - 1] = n;
        }
    cJSON *comp = cJSON_AddArrayToObject(o, "completions");
    for (int i = 0; i < days.n; i++) {
        cJSON *d = cJSON_CreateObject();
        cJSON_AddStringToObject(d, "date", days.days[i]);
        cJSON_AddNumberToObject(d, "count", days.counts[i]);
        cJSON_AddItemToArray(comp, d);
    }
    cJSON *st = cJSON_AddObjectToObject(o, "status");
    static const char *const statuses[] = {"invited", "started", "completed", "expired", "revoked"};
    for (int i = 0; i < 5; i++) cJSON_AddNumberToObject(st, statuses[i], days.status[i]);
    cJSON_AddNumberToObject(o, "total", days.total);
    free(days.days);
    free(days.counts);
    send_json(c, 200, o);
}

static void feedback_row(void *user, const db_feedback *f)
{
    cJSON *o = cJSON_CreateObject();
    add_time(o, "at", f->at);
    cJSON_AddStringToObject(o, "room", f->room);
    if (f->rating) cJSON_AddNumberToObject(o, "rating", f->rating);
    else cJSON_AddNullToObject(o, "rating");
    cJSON_AddStringToObject(o, "text", f->text ? f->text : "");
    cJSON_AddStringToObject(o, "unit", f->unit);
    cJSON_AddItemToArray(user, o);
}

static void get_feedback(call *c)
{
    db_filter f;
    if (!hr_auth(c, NEED_READ) || !filter_from_args(c, &f)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "feedback");
    int withheld = 0;
    if (!db_feedback_list(hr_reader(c), &f, c->now, 1000, c->s->cfg.feedback_min_respondents, feedback_row, list,
                          &withheld)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    /* what the answer did not use or show, so the dashboard can say so (db_feedback_list) */
    cJSON_AddNumberToObject(o, "min_respondents", c->s->cfg.feedback_min_respondents);
    cJSON_AddNumberToObject(o, "withheld", withheld);
    cJSON_AddBoolToObject(o, "filter_ignored", f.q[0] || f.status[0] || f.from[0] || f.to[0] || f.cfrom[0] || f.cto[0]);
    send_json(c, 200, o);
}

static void unit_row(void *user, const char *unit) { cJSON_AddItemToArray(user, cJSON_CreateString(unit)); }

static void unit_obj(void *user, const db_unit *u)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)u->id);
    cJSON_AddStringToObject(o, "name", u->name);
    if (u->parent) cJSON_AddNumberToObject(o, "parent", (double)u->parent);
    else cJSON_AddNullToObject(o, "parent");
    cJSON_AddNumberToObject(o, "people", u->people);
    cJSON_AddItemToArray(user, o);
}

static void get_units(call *c)
{
    if (!hr_auth(c, NEED_READ)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "units");
    cJSON *managed = cJSON_AddArrayToObject(o, "list");
    if (!db_unit_list(hr_reader(c), is_manager(c) ? c->sess.user_id : 0, unit_obj, managed)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    cJSON *u;
    if (is_manager(c)) /* the filter offers a manager only their own units */
        cJSON_ArrayForEach(u, managed) cJSON_AddItemToArray(list, cJSON_CreateString(cJSON_GetObjectItem(u, "name")->valuestring));
    else if (!db_units(hr_reader(c), unit_row, list)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

static void get_verify(call *c)
{
    if (!hr_auth(c, NEED_READ)) return;
    const char *in = http_arg(c->req, "code");
    char code[AUTH_CODE_MAX];
    if (!in || !auth_code_normalise(in, code)) {
        fail(c, 400, "bad_code", "code", "A completion code looks like PK-XXXX-XXXX-XXXX.");
        return;
    }
    db_person p;
    db_rc rc = db_person_by_code(hr_reader(c), code, c->now, &p);
    if (rc == DB_OK && !db_person_in_scope(hr_reader(c), p.id, is_manager(c) ? c->sess.user_id : 0)) rc = DB_NOT_FOUND;
    if (rc == DB_ERROR) {
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "code", code);
    cJSON_AddBoolToObject(o, "valid", rc == DB_OK);
    if (rc == DB_OK) cJSON_AddItemToObject(o, "person", redact(c, person_json(&p)));
    send_json(c, rc == DB_OK ? 200 : 404, o);
}

static void audit_row(void *user, int64_t at, const char *who, const char *action, const char *detail)
{
    cJSON *o = cJSON_CreateObject();
    add_time(o, "at", at);
    cJSON_AddStringToObject(o, "user", who ? who : "");
    cJSON_AddStringToObject(o, "action", action ? action : "");
    cJSON_AddStringToObject(o, "detail", detail ? detail : "");
    cJSON_AddItemToArray(user, o);
}

static void get_audit(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_READ)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "audit");
    if (!db_audit_list(hr_reader(c), 1000, audit_row, list)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

/* ---- HR: export ----------------------------------------------------------------------------------------- */

typedef struct export_ctx {
    buf *out;          /* rows pass through here ... */
    FILE *file;        /* ... to this unnamed file in the data folder, 64 KiB at a time */
    bool write_failed;
    bool fi;
    bool sv;           /* Swedish headers and statuses (dates and decimal commas as in Finnish) */
    bool emails;       /* this account may see e-mail addresses */
    int rows;
} export_ctx;

/* Dates and times as the county writes them, "1.3.2025 14:05" (Excel in Finland reads it as a
   date and time), whatever the language of the dashboard that asked: the dashboard shows 1.3.2025
   in Finnish, Swedish and English alike, and an English export once wrote 2025-03-01 beside it. */
static void fmt_time(int64_t ms, char *out, size_t cap)
{
    out[0] = '\0';
    if (ms <= 0) return;
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    snprintf(out, cap, "%d.%d.%d %d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

static void export_row(void *user, const db_person *p)
{
    export_ctx *x = user;
    static const char *const status_fi[][2] = {{"invited", "kutsuttu"}, {"started", "aloitettu"},
                                               {"completed", "suoritettu"}, {"expired", "vanhentunut"},
                                               {"revoked", "peruttu"}};
    static const char *const status_sv[] = {"inbjuden", "påbörjad", "slutförd", "utgången", "återkallad"};
    const char *status = p->status;
    for (int i = 0; i < 5; i++)
        if (strcmp(p->status, status_fi[i][0]) == 0) status = x->fi ? status_fi[i][1] : x->sv ? status_sv[i] : status;
    char start[16] = "", invited[32], started[32], completed[32], minutes[32] = "", score[16] = "",
         mistakes[16] = "", hints[16] = "", release[24] = "";
    if (p->start_date[0]) {
        int y, m, d;
        if (sscanf(p->start_date, "%d-%d-%d", &y, &m, &d) == 3) snprintf(start, sizeof start, "%d.%d.%d", d, m, y);
        else snprintf(start, sizeof start, "%s", p->start_date);
    }
    fmt_time(p->invited, invited, sizeof invited);
    fmt_time(p->started, started, sizeof started);
    fmt_time(p->completed, completed, sizeof completed);
    if (p->content_release > 0) snprintf(release, sizeof release, "%lld", (long long)p->content_release);
    if (p->completed) {
        snprintf(minutes, sizeof minutes, "%.1f", (double)p->time_ms / 60000.0);
        /* Excel with Finland's settings reads 12,5 as a number and 12.5 as a date or text; the
           dashboard's language (English too) does not change the workstation's settings */
        for (char *q = minutes; *q; q++)
            if (*q == '.') *q = ',';
        snprintf(score, sizeof score, "%d", p->score);
        snprintf(mistakes, sizeof mistakes, "%d", p->mistakes);
        snprintf(hints, sizeof hints, "%d", p->hints);
    }
    const char *row[] = {p->name, p->unit, start, x->emails ? p->email : "", status, invited, started, completed,
                         minutes, score, mistakes, hints, p->code, p->fast, release};
    csv_row(x->out, ';', row, 15);
    x->rows++;
    if (x->out->len >= 65536) {
        x->write_failed |= fwrite(x->out->data, 1, x->out->len, x->file) != x->out->len;
        x->out->len = 0;
    }
}

static void post_export(call *c)
{
    if (!hr_auth(c, NEED_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"unit", "status", "from", "to", "cfrom", "cto", "q", "lang", NULL};
    db_filter f;
    char lang[8];
    if (!jx_check_fields(&c->rd, c->body, fields)) {
        fail_body(c);
        return;
    }
    if (!filter_from_json(c, c->body, &f)) return;
    if (!text_field(c, c->body, "lang", false, 2, false, lang, sizeof lang)) {
        fail_body(c);
        return;
    }
    bool sv = strcmp(lang, "sv") == 0, fi = !sv && strcmp(lang, "en") != 0;
    http_resp *r = c->resp;
    buf_puts(&r->body, CSV_BOM);
    static const char *const head_fi[] = {"Nimi", "Yksikkö", "Aloituspäivä", "Sähköposti", "Tila", "Kutsuttu",
                                          "Aloitettu", "Suoritettu", "Peliaika (min)", "Pisteet", "Virheet",
                                          "Vihjeet", "Suorituskoodi", "Epätavallisen nopeat huoneet", "Sisältöversio"};
    static const char *const head_en[] = {"Name", "Unit", "Start date", "Email", "Status", "Invited", "Started",
                                          "Completed", "Playing time (min)", "Score", "Mistakes", "Hints",
                                          "Completion code", "Unusually fast rooms", "Content version"};
    static const char *const head_sv[] = {"Namn", "Enhet", "Startdatum", "E-post", "Status", "Inbjuden", "Påbörjad",
                                          "Slutförd", "Speltid (min)", "Poäng", "Fel", "Tips", "Slutförandekod",
                                          "Ovanligt snabba rum", "Innehållsversion"};
    /* rooms the server timed as implausibly fast (ingest.h), "" none; then the content release
       the person played (the studio's releases; the people list's column too), "" none yet */
    csv_row(&r->body, ';', fi ? head_fi : sv ? head_sv : head_en, 15);
    /* No cap, and no limit of memory: every matching row goes to an unnamed file in the data
       folder (O_TMPFILE: never visible, gone when closed; personal data stays where the database
       is), which is then sent from disk. The count goes in X-Export-Rows and the audit log. */
    int fd = open(c->s->cfg.data, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    export_ctx x = {.out = &r->body, .fi = fi, .sv = sv, .emails = sees_emails(c), .file = fd >= 0 ? fdopen(fd, "w+") : NULL};
    if (!x.file) {
        if (fd >= 0) close(fd);
        buf_free(&r->body);
        fail_db(c);
        return;
    }
    bool listed = db_people_list(hr_reader(c), &f, c->now, INT32_MAX, export_row, &x);
    x.write_failed |= r->body.failed || fwrite(r->body.data, 1, r->body.len, x.file) != r->body.len;
    buf_free(&r->body);
    long size = !x.write_failed && fflush(x.file) == 0 ? ftell(x.file) : -1;
    int out = size >= 0 ? dup(fileno(x.file)) : -1;
    fclose(x.file);
    if (!listed || out < 0 || lseek(out, 0, SEEK_SET) != 0) {
        if (out >= 0) close(out);
        fail_db(c);
        return;
    }
    char detail[512];
    snprintf(detail, sizeof detail, "%d rows; unit=%s status=%s from=%s to=%s cfrom=%s cto=%s q=%s", x.rows, f.unit,
             f.status, f.from, f.to, f.cfrom, f.cto, f.q);
    if (db_audit(c->s->db, c->now, c->sess.user, "export", detail) != DB_OK) {
        close(out);
        fail_db(c); /* no export that the audit log does not know about */
        return;
    }
    http_set_file(r, out, (uint64_t)size);
    r->status = 200;
    r->type = "text/csv; charset=utf-8";
    r->csp = HTTP_CSP_API;
    r->no_store = true;
    char day[16], disp[96];
    time_t t = (time_t)(c->now / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    snprintf(disp, sizeof disp, "attachment; filename=\"pakopeli-%s.csv\"", day);
    http_add_header(r, "Content-Disposition", disp);
    char rows[24];
    snprintf(rows, sizeof rows, "%d", x.rows);
    http_add_header(r, "X-Export-Rows", rows);
}

/* GET /hr/scorm?version=1.2|2004 (admin): the game as a SCORM package of the current release, for the
   organisation's learning platform (scorm_pkg.h, docs/lms.md). 422 with the linter's problems when the
   content's resume state could not fit the version's suspend data (SCORM 2004 holds more). */
static void get_scorm(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_READ)) return;
    const char *version = http_arg(c->req, "version");
    if (!version || !version[0]) version = "1.2";
    if (!scormpkg_version_ok(version)) {
        fail(c, 400, "bad_value", "version", "version: 1.2 or 2004");
        return;
    }
    buf zip = {0};
    store_lint_result lint;
    int64_t release = 0;
    char err[512] = "";
    if (!scormpkg_build(c->s->store, c->s->cfg.web, version, &zip, &release, &lint, err, sizeof err)) {
        fprintf(stderr, "pakopeli-server: SCORM %s package: %s\n", version, err);
        store_lint_free(&lint);
        fail(c, 500, "internal", NULL, "The package could not be made: %s", err);
        return;
    }
    if (lint.errors > 0) {
        cJSON *o = cJSON_CreateObject(), *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", "lint_errors");
        cJSON_AddStringToObject(e, "message", "The content does not fit this SCORM version: try 2004, or fewer puzzles, options or hints.");
        cJSON *problems = cJSON_Parse(lint.json);
        cJSON_AddItemToObject(o, "problems", problems ? problems : cJSON_CreateArray());
        store_lint_free(&lint);
        send_json(c, 422, o);
        return;
    }
    store_lint_free(&lint);
    char detail[96];
    snprintf(detail, sizeof detail, "SCORM %s, release %lld, %zu bytes", version, (long long)release, zip.len);
    if (db_audit(c->s->db, c->now, c->sess.user, "scorm-package", detail) != DB_OK ||
        db_package_note(c->s->db, c->now, c->sess.user, version, release) != DB_OK) {
        buf_free(&zip);
        fail_db(c);
        return;
    }
    http_resp *r = c->resp;
    buf_free(&r->body);
    r->body = zip; /* the response owns it now */
    r->status = 200;
    r->type = "application/zip";
    r->csp = HTTP_CSP_API;
    r->no_store = true;
    char disp[96], rel[24];
    snprintf(disp, sizeof disp, "attachment; filename=\"pakopeli-scorm%s-julkaisu-%lld.zip\"",
             strcmp(version, "1.2") == 0 ? "12" : "2004", (long long)release);
    http_add_header(r, "Content-Disposition", disp);
    snprintf(rel, sizeof rel, "%lld", (long long)release);
    http_add_header(r, "X-Pakopeli-Release", rel);
}

/* GET /hr/scorm/status (admin): the release published now and the newest package downloaded, so the
   dashboard can say when the learning platform's copy is older than what the volunteers published. */
static void get_scorm_status(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_READ)) return;
    db_package last;
    db_rc rc = db_package_last(c->s->db, &last);
    if (rc == DB_ERROR) {
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "current", (double)store_current(c->s->store));
    if (rc == DB_OK) {
        cJSON *l = cJSON_AddObjectToObject(o, "last");
        cJSON_AddNumberToObject(l, "release", (double)last.release);
        cJSON_AddStringToObject(l, "version", last.version);
        cJSON_AddNumberToObject(l, "at", (double)last.at);
        cJSON_AddStringToObject(l, "user", last.user);
    } else {
        cJSON_AddNullToObject(o, "last");
    }
    send_json(c, 200, o);
}

/* ---- HR: the organisation (units, managers, corrections, reports) ---------------------------------------- */

/* Adds "field: old -> new" to an audit detail when a value changed (only for values that are
   not personal data: names and e-mail addresses are named, not copied, into the log, which
   outlives an erasure). */
static void audit_change(char *detail, size_t cap, const char *field, const char *old, const char *now, bool show)
{
    if (strcmp(old, now) == 0) return;
    size_t n = strlen(detail);
    if (show) snprintf(detail + n, cap - n, "; %s: \"%s\" -> \"%s\"", field, old, now);
    else snprintf(detail + n, cap - n, "; %s changed", field);
}

/* POST /hr/people/ID/edit {name?, unit?, start_date?, email?}: corrects a typo without a new
   invitation. Every change is in the audit log. */
static void post_person_edit(call *c, int64_t id)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"name", "unit", "start_date", "email", NULL};
    db_person old, p;
    db_rc rc = db_person_get(c->s->db, id, c->now, &old);
    if (rc == DB_NOT_FOUND) {
        fail(c, 404, "not_found", NULL, "No such person.");
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    p = old;
    char name[DB_NAME_MAX] = "", unit[DB_UNIT_MAX] = "", start[11] = "", email[DB_EMAIL_MAX] = "";
    bool ok = jx_check_fields(&c->rd, c->body, fields) &&
              text_field(c, c->body, "name", false, DB_NAME_MAX - 1, false, name, sizeof name) &&
              text_field(c, c->body, "unit", false, DB_UNIT_MAX - 1, false, unit, sizeof unit) &&
              text_field(c, c->body, "start_date", false, 10, false, start, sizeof start) &&
              text_field(c, c->body, "email", false, DB_EMAIL_MAX - 1, false, email, sizeof email);
    if (ok && cJSON_GetObjectItem(c->body, "start_date") && start[0] && !valid_date(start))
        ok = jx_error(&c->rd, "start_date", DIAG_BAD_VALUE, "a date written YYYY-MM-DD");
    if (ok && email[0] && !valid_email(email)) ok = jx_error(&c->rd, "email", DIAG_BAD_VALUE, "not an e-mail address");
    if (!ok) {
        fail_body(c);
        return;
    }
    if (name[0]) snprintf(p.name, sizeof p.name, "%s", name);
    if (cJSON_GetObjectItem(c->body, "start_date")) snprintf(p.start_date, sizeof p.start_date, "%s", start);
    if (cJSON_GetObjectItem(c->body, "email")) snprintf(p.email, sizeof p.email, "%s", email);
    if (unit[0] && !resolve_unit(c, unit, p.unit, "unit")) return;
    char detail[768];
    snprintf(detail, sizeof detail, "person #%lld", (long long)id);
    audit_change(detail, sizeof detail, "name", old.name, p.name, false);
    audit_change(detail, sizeof detail, "unit", old.unit, p.unit, true);
    audit_change(detail, sizeof detail, "start_date", old.start_date, p.start_date, true);
    audit_change(detail, sizeof detail, "email", old.email, p.email, false);
    if (!db_begin(c->s->db)) {
        fail_db(c);
        return;
    }
    ok = db_person_edit(c->s->db, id, p.name, p.unit, p.start_date, p.email) == DB_OK &&
         db_audit(c->s->db, c->now, c->sess.user, "edit", detail) == DB_OK;
    if (!ok) db_rollback(c->s->db);
    if (!ok || !db_commit(c->s->db) || db_person_get(c->s->db, id, c->now, &p) != DB_OK) {
        fail_db(c);
        return;
    }
    send_json(c, 200, redact(c, person_json(&p)));
}

static void rate_row(void *user, const db_rate_row *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "key", r->key);
    cJSON_AddNumberToObject(o, "total", r->total);
    cJSON_AddNumberToObject(o, "completed", r->completed);
    cJSON_AddNumberToObject(o, "overdue", r->overdue);
    cJSON_AddNumberToObject(o, "rate", r->total ? (double)r->completed / r->total : 0);
    cJSON_AddItemToArray(user, o);
}

/* GET /hr/report?filter: completion rate per unit and per month (of the start date), with the
   overdue counts; a manager gets only their units. */
static void get_report(call *c)
{
    db_filter f;
    if (!hr_auth(c, NEED_READ) || !filter_from_args(c, &f)) return;
    cJSON *o = cJSON_CreateObject();
    cJSON *units = cJSON_AddArrayToObject(o, "units"), *months = cJSON_AddArrayToObject(o, "months");
    if (!db_report_units(hr_reader(c), &f, c->now, rate_row, units) ||
        !db_report_months(hr_reader(c), &f, c->now, rate_row, months)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    cJSON_AddNumberToObject(o, "overdue_days", c->s->cfg.overdue_days);
    cJSON_AddStringToObject(o, "overdue_before", f.overdue);
    send_json(c, 200, o);
}

/* A unit name from a JSON body, normalised; answers and returns false when unusable. */
static bool unit_name_field(call *c, char name[DB_UNIT_MAX], char key[UNITS_KEY_MAX])
{
    char typed[DB_UNIT_MAX * 2];
    if (!text_field(c, c->body, "name", true, sizeof typed - 1, false, typed, sizeof typed)) {
        fail_body(c);
        return false;
    }
    if (!units_normalise(typed, name, DB_UNIT_MAX) || !units_key(name, key, UNITS_KEY_MAX)) {
        fail(c, 400, "bad_value", "name", "name: at most %d bytes of text", DB_UNIT_MAX - 1);
        return false;
    }
    return true;
}

static bool parent_field(call *c, int64_t *parent)
{
    const cJSON *v = cJSON_GetObjectItem(c->body, "parent");
    *parent = 0;
    if (!v || cJSON_IsNull(v)) return true;
    if (!cJSON_IsNumber(v) || v->valuedouble < 1 || v->valuedouble > 9e15) {
        fail(c, 400, "bad_value", "parent", "parent: the id of a unit, or null");
        return false;
    }
    *parent = (int64_t)v->valuedouble;
    return true;
}

static void unit_answer(call *c, db_rc rc, int64_t id, const char *name, int status)
{
    db_unit u;
    if (rc == DB_CONFLICT)
        fail(c, 409, "duplicate_unit", "name", "There is a unit \"%s\" already (the same name however it is written).",
             name);
    else if (rc == DB_NOT_FOUND) fail(c, 404, "not_found", NULL, "No such unit.");
    else if (rc != DB_OK || db_unit_get(c->s->db, id, &u) != DB_OK) fail_db(c);
    else {
        cJSON *list = cJSON_CreateArray();
        unit_obj(list, &u);
        cJSON *o = cJSON_DetachItemFromArray(list, 0);
        cJSON_Delete(list);
        send_json(c, status, o);
    }
}

/* POST /hr/units {name, parent?}: a new unit (names compared in NFC, case-insensitively). */
static void post_unit(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"name", "parent", NULL};
    char name[DB_UNIT_MAX], key[UNITS_KEY_MAX];
    int64_t parent, id = 0;
    if (!jx_check_fields(&c->rd, c->body, fields)) {
        fail_body(c);
        return;
    }
    if (!unit_name_field(c, name, key) || !parent_field(c, &parent)) return;
    db_rc rc = db_unit_add(c->s->db, name, key, parent, c->now, &id);
    if (rc == DB_OK) db_audit(c->s->db, c->now, c->sess.user, "unit-add", name);
    unit_answer(c, rc, id, name, 201);
}

/* POST /hr/units/ID {name?, parent?} or /hr/units/ID/remove. */
static void post_unit_action(call *c, int64_t id, const char *action)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    db_unit u;
    db_rc rc = db_unit_get(c->s->db, id, &u);
    if (rc != DB_OK) {
        unit_answer(c, rc, id, "", 200);
        return;
    }
    if (strcmp(action, "remove") == 0) {
        rc = db_unit_remove(c->s->db, id);
        if (rc == DB_CONFLICT) fail(c, 409, "unit_in_use", NULL, "Move the %d people of \"%s\" to another unit first.",
                                    u.people, u.name);
        else if (rc != DB_OK) fail_db(c);
        else {
            db_audit(c->s->db, c->now, c->sess.user, "unit-remove", u.name);
            ok_empty(c);
        }
        return;
    }
    static const char *const fields[] = {"name", "parent", NULL};
    if (!jx_check_fields(&c->rd, c->body, fields)) {
        fail_body(c);
        return;
    }
    char name[DB_UNIT_MAX], key[UNITS_KEY_MAX], detail[256];
    if (cJSON_GetObjectItem(c->body, "name")) {
        if (!unit_name_field(c, name, key)) return;
        rc = strcmp(name, u.name) == 0 ? DB_OK : db_unit_rename(c->s->db, id, name, key);
        if (rc == DB_OK && strcmp(name, u.name) != 0) {
            snprintf(detail, sizeof detail, "\"%s\" -> \"%s\"", u.name, name);
            db_audit(c->s->db, c->now, c->sess.user, "unit-rename", detail);
        }
        if (rc != DB_OK) {
            unit_answer(c, rc, id, name, 200);
            return;
        }
    }
    if (cJSON_GetObjectItem(c->body, "parent")) {
        int64_t parent;
        if (!parent_field(c, &parent)) return;
        rc = db_unit_set_parent(c->s->db, id, parent);
        if (rc == DB_CONFLICT) {
            fail(c, 409, "unit_cycle", "parent", "A unit cannot belong to itself or to one of its own units.");
            return;
        }
        if (rc == DB_OK) {
            snprintf(detail, sizeof detail, "\"%s\" under #%lld", u.name, (long long)parent);
            db_audit(c->s->db, c->now, c->sess.user, "unit-move", detail);
        }
    }
    unit_answer(c, rc, id, u.name, 200);
}

static void user_row(void *user, const db_user *u)
{
    call *c = ((void **)user)[0];
    cJSON *list = ((void **)user)[1];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", u->name);
    cJSON_AddStringToObject(o, "role", u->role);
    char email[DB_EMAIL_MAX] = "";
    db_user_email(hr_reader(c), u->id, email);
    cJSON_AddStringToObject(o, "email", email);
    cJSON *units = cJSON_AddArrayToObject(o, "units");
    int64_t ids[256];
    int n = db_user_units(hr_reader(c), u->id, ids, 256);
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(units, cJSON_CreateNumber((double)ids[i]));
    cJSON_AddItemToArray(list, o);
}

/* GET /hr/users: the HR accounts with their roles and (managers') units. */
static void get_users(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_READ)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "users");
    void *ctx[2] = {c, list};
    if (!db_user_list(hr_reader(c), user_row, ctx)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

/* POST /hr/users/NAME {role?, units?: [unit ids]}: makes an account a manager of some units. */
static void post_user(call *c, const char *name)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"role", "units", "email", NULL};
    char role[16] = "", email[DB_EMAIL_MAX] = "";
    if (!jx_check_fields(&c->rd, c->body, fields) ||
        !text_field(c, c->body, "role", false, sizeof role - 1, false, role, sizeof role) ||
        !text_field(c, c->body, "email", false, sizeof email - 1, false, email, sizeof email)) {
        fail_body(c);
        return;
    }
    if (email[0] && !valid_email(email)) {
        fail(c, 400, "bad_value", "email", "email: not an e-mail address");
        return;
    }
    if (role[0] && strcmp(role, "admin") && strcmp(role, "viewer") && strcmp(role, "manager")) {
        fail(c, 400, "bad_value", "role", "role: admin, viewer or manager");
        return;
    }
    db_user u;
    db_rc rc = db_user_get(c->s->db, name, &u);
    if (rc == DB_NOT_FOUND) {
        fail(c, 404, "not_found", NULL, "No such user.");
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    char detail[512];
    if (role[0] && strcmp(role, u.role) != 0) {
        rc = db_user_set_role(c->s->db, name, role);
        if (rc == DB_LAST_ADMIN) {
            fail(c, 409, "last_admin", "role", "\"%s\" is the last admin; make another admin first.", name);
            return;
        }
        if (rc != DB_OK) {
            fail_db(c);
            return;
        }
        snprintf(detail, sizeof detail, "%s: %s -> %s", name, u.role, role);
        db_audit(c->s->db, c->now, c->sess.user, "user-role", detail);
    }
    if (cJSON_GetObjectItem(c->body, "email")) {
        if (db_user_set_email(c->s->db, name, email) != DB_OK) {
            fail_db(c);
            return;
        }
        db_audit(c->s->db, c->now, c->sess.user, "user-email", name);
    }
    const cJSON *units = cJSON_GetObjectItem(c->body, "units");
    if (units) {
        int64_t ids[256];
        int n = 0;
        const cJSON *v;
        if (!cJSON_IsArray(units) || cJSON_GetArraySize(units) > 256) {
            fail(c, 400, "bad_value", "units", "units: a list of at most 256 unit ids");
            return;
        }
        cJSON_ArrayForEach(v, units)
        {
            db_unit un;
            if (!cJSON_IsNumber(v) || db_unit_get(c->s->db, (int64_t)v->valuedouble, &un) != DB_OK) {
                fail(c, 400, "bad_value", "units", "units: %s is not a unit", cJSON_IsNumber(v) ? "an id" : "a value");
                return;
            }
            ids[n++] = un.id;
        }
        if (db_user_set_units(c->s->db, u.id, ids, n) != DB_OK) {
            fail_db(c);
            return;
        }
        size_t len = (size_t)snprintf(detail, sizeof detail, "%s:", name);
        for (int i = 0; i < n && len < sizeof detail; i++)
            len += (size_t)snprintf(detail + len, sizeof detail - len, " #%lld", (long long)ids[i]);
        db_audit(c->s->db, c->now, c->sess.user, "user-units", detail);
    }
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "users");
    void *ctx[2] = {c, list};
    if (db_user_get(c->s->db, name, &u) != DB_OK) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    user_row(ctx, &u);
    cJSON *one = cJSON_DetachItemFromArray(list, 0);
    cJSON_Delete(o);
    send_json(c, 200, one);
}

/* ---- HR: e-mail ------------------------------------------------------------------------------------------ */

/* POST /hr/people/ID/remind: a reminder now (admins, and managers for their own people); at
   most one a day per person. */
static void post_remind(call *c, int64_t id)
{
    if (!hr_auth(c, NEED_WRITE) || !read_body(c, true)) return;
    if (strcmp(c->sess.role, "viewer") == 0) {
        fail(c, 403, "forbidden", NULL, "Reminding needs an admin or a manager account.");
        return;
    }
    db_person p;
    db_rc rc = db_person_get(c->s->db, id, c->now, &p);
    if (rc == DB_OK && !db_person_in_scope(c->s->db, id, is_manager(c) ? c->sess.user_id : 0)) rc = DB_NOT_FOUND;
    if (rc == DB_NOT_FOUND) {
        fail(c, 404, "not_found", NULL, "No such person.");
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    if (!c->s->cfg.smtp_url[0]) {
        fail(c, 409, "mail_off", NULL, "E-mail is not set up on this server (smtp_url).");
        return;
    }
    if (!p.email[0] || p.completed || p.revoked || p.anonymous) {
        fail(c, 409, "cannot_remind", NULL, "Only people with an e-mail address who have not completed can be reminded.");
        return;
    }
    rc = mail_remind(c->s, &p, c->now);
    if (rc == DB_CONFLICT) {
        fail(c, 409, "reminded_today", NULL, "This person was reminded today already.");
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    char detail[64];
    snprintf(detail, sizeof detail, "person #%lld", (long long)id);
    db_audit(c->s->db, c->now, c->sess.user, "remind", detail);
    mail_wake();
    ok_empty(c);
}

static void mail_row(void *user, const db_mail *m)
{
    call *c = ((void **)user)[0];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", (double)m->id);
    if (m->person_id) cJSON_AddNumberToObject(o, "person", (double)m->person_id);
    cJSON_AddStringToObject(o, "name", m->name);
    if (sees_emails(c)) cJSON_AddStringToObject(o, "rcpt", m->rcpt);
    cJSON_AddStringToObject(o, "reason", m->reason);
    cJSON_AddStringToObject(o, "state", m->state);
    cJSON_AddNumberToObject(o, "attempts", m->attempts);
    add_time(o, "created", m->created);
    add_time(o, "sent", m->sent);
    if (!strcmp(m->state, "queued")) add_time(o, "next_try", m->next_try);
    cJSON_AddStringToObject(o, "error", m->error);
    cJSON_AddStringToObject(o, "error_kind", m->error_kind);
    cJSON_AddItemToArray(((void **)user)[1], o);
}

/* GET /hr/mail: every send and its state, newest first (a manager: mail to their people). */
static void get_mail(call *c)
{
    if (!hr_auth(c, NEED_READ)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "mail");
    void *ctx[2] = {c, list};
    if (!db_mail_list(hr_reader(c), is_manager(c) ? c->sess.user_id : 0, 1000, mail_row, ctx)) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    cJSON_AddBoolToObject(o, "enabled", c->s->cfg.smtp_url[0] != '\0');
    send_json(c, 200, o);
}

/* GET /hr/mail/templates: each kind in each language, HR's version or the default. */
static void get_templates(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_READ)) return;
    cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "templates");
    char *subject = malloc(MAIL_SUBJECT_MAX), *body = malloc(MAIL_BODY_MAX);
    for (int k = 0; subject && body && mail_kinds[k]; k++)
        for (int l = 0; mail_langs[l]; l++) {
            bool edited;
            mail_template(c->s, mail_kinds[k], mail_langs[l], subject, body, &edited);
            cJSON *t = cJSON_CreateObject();
            cJSON_AddStringToObject(t, "kind", mail_kinds[k]);
            cJSON_AddStringToObject(t, "lang", mail_langs[l]);
            cJSON_AddStringToObject(t, "subject", subject);
            cJSON_AddStringToObject(t, "body", body);
            cJSON_AddBoolToObject(t, "edited", edited);
            cJSON_AddItemToArray(list, t);
        }
    free(subject);
    free(body);
    send_json(c, 200, o);
}

/* POST /hr/mail/templates {kind, lang, subject, body} or {kind, lang, reset: true}. */
static void post_template(call *c)
{
    if (!hr_auth(c, NEED_ADMIN_WRITE) || !read_body(c, true)) return;
    static const char *const fields[] = {"kind", "lang", "subject", "body", "reset", NULL};
    char kind[24], lang[4], subject[MAIL_SUBJECT_MAX] = "";
    char *body = calloc(1, MAIL_BODY_MAX);
    bool reset = false;
    bool ok = body && jx_check_fields(&c->rd, c->body, fields) &&
              text_field(c, c->body, "kind", true, sizeof kind - 1, false, kind, sizeof kind) &&
              text_field(c, c->body, "lang", true, sizeof lang - 1, false, lang, sizeof lang) &&
              jx_get_bool(&c->rd, c->body, "reset", false, &reset);
    if (ok && !reset)
        ok = text_field(c, c->body, "subject", true, MAIL_SUBJECT_MAX - 1, false, subject, sizeof subject) &&
             text_field(c, c->body, "body", true, MAIL_BODY_MAX - 1, true, body, MAIL_BODY_MAX);
    bool known_kind = false, known_lang = false;
    for (int i = 0; ok && mail_kinds[i]; i++) known_kind |= strcmp(kind, mail_kinds[i]) == 0;
    for (int i = 0; ok && mail_langs[i]; i++) known_lang |= strcmp(lang, mail_langs[i]) == 0;
    if (ok && !known_kind) ok = jx_error(&c->rd, "kind", DIAG_BAD_VALUE, "invitation, not_started, not_finished, expiring or summary");
    if (ok && !known_lang) ok = jx_error(&c->rd, "lang", DIAG_BAD_VALUE, "fi, sv or en");
    if (!ok) {
        free(body);
        fail_body(c);
        return;
    }
    char detail[64];
    snprintf(detail, sizeof detail, "%s/%s%s", kind, lang, reset ? " reset" : "");
    if (db_template_set(c->s->db, kind, lang, reset ? NULL : subject, body, c->now) != DB_OK) {
        free(body);
        fail_db(c);
        return;
    }
    free(body);
    db_audit(c->s->db, c->now, c->sess.user, "template", detail);
    ok_empty(c);
}

/* ---- routing ----------------------------------------------------------------------------------------------- */

size_t api_body_limit(const char *method, const char *path)
{
    if (strcmp(method, "POST") != 0) return 0;
    if (strcmp(path, "/api/v1/events") == 0) return LIMIT_EVENTS;
    if (strcmp(path, "/api/v1/hr/people/import") == 0) return LIMIT_IMPORT;
    return LIMIT_SMALL;
}

/* prefix + "12" or prefix + "12/word" -> 12 and "" or "word"; false otherwise. */
static bool id_path(const char *p, const char *prefix, int64_t *id, const char **action)
{
    size_t n = strlen(prefix);
    if (strncmp(p, prefix, n) != 0) return false;
    p += n;
    int64_t v = 0;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 15) v = v * 10 + (*p++ - '0'), digits++;
    if (!digits || v <= 0 || (*p && *p != '/')) return false;
    *id = v;
    *action = *p ? p + 1 : "";
    return true;
}

/* "/hr/people/12/resend" -> 12 and "resend"; false when path is not of that shape. */
static bool person_path(const char *p, int64_t *id, const char **action)
{
    const char prefix[] = "/hr/people/";
    if (strncmp(p, prefix, sizeof prefix - 1) != 0) return false;
    p += sizeof prefix - 1;
    int64_t n = 0;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 15) n = n * 10 + (*p++ - '0'), digits++;
    if (!digits || n <= 0) return false;
    *id = n;
    if (*p == '\0') {
        *action = "";
        return true;
    }
    if (*p != '/') return false;
    *action = p + 1;
    return strcmp(*action, "resend") == 0 || strcmp(*action, "revoke") == 0 || strcmp(*action, "erase") == 0 ||
           strcmp(*action, "edit") == 0 || strcmp(*action, "remind") == 0;
}

void api_handle(srv *s, const http_req *req, http_resp *resp)
{
    call c = {.s = s, .req = req, .resp = resp, .now = srv_now(s)};
    c.diags = calloc(1, sizeof *c.diags);
    if (!c.diags) {
        fail(&c, 503, "unavailable", NULL, "The server is busy. Try again.");
        return;
    }
    const char *p = req->path;
    bool get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    bool post = strcmp(req->method, "POST") == 0;
    int64_t id = 0;
    const char *action = NULL;
    if (strncmp(p, "/api/v1/", 8) != 0) {
        fail(&c, 404, "not_found", NULL, "No such API. This server speaks /api/v1/.");
        goto done;
    }
    if (strncmp(p, "/api/v1/oidc/", 13) == 0) { /* pages for the browser, not JSON */
        oidc_handle(s, req, resp);
        goto done;
    }
    p += 7; /* keep the leading slash: "/events" */
    static const struct route { const char *path; bool post; void (*fn)(call *); } routes[] = {
        {"/config", false, get_config},       {"/players", true, post_players},
        {"/me", false, get_me},               {"/events", true, post_events},
        {"/feedback", true, post_feedback},   {"/hr/login", true, post_login},
        {"/hr/logout", true, post_logout},    {"/hr/session", false, get_session},
        {"/hr/password", true, post_password}, {"/hr/people", false, get_people},
        {"/hr/people", true, post_person},    {"/hr/people/import", true, post_import},
        {"/hr/stats", false, get_stats},      {"/hr/feedback", false, get_feedback},
        {"/hr/units", false, get_units},      {"/hr/verify", false, get_verify},
        {"/hr/audit", false, get_audit},      {"/hr/export", true, post_export},
        {"/hr/report", false, get_report},    {"/hr/units", true, post_unit},
        {"/hr/users", false, get_users},      {"/hr/mail", false, get_mail},
        {"/hr/mail/templates", false, get_templates}, {"/hr/mail/templates", true, post_template},
        {"/hr/scorm", false, get_scorm},     {"/hr/scorm/status", false, get_scorm_status},
    };
    bool path_known = false;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(p, routes[i].path) != 0) continue;
        path_known = true;
        if ((routes[i].post && post) || (!routes[i].post && get)) {
            routes[i].fn(&c);
            goto done;
        }
    }
    if (person_path(p, &id, &action)) {
        path_known = true;
        if (!action[0] && get) {
            get_person(&c, id);
            goto done;
        }
        if (action[0] && post) {
            if (strcmp(action, "edit") == 0) post_person_edit(&c, id);
            else if (strcmp(action, "remind") == 0) post_remind(&c, id);
            else post_person_action(&c, id, action);
            goto done;
        }
    }
    if (id_path(p, "/hr/units/", &id, &action) && (!action[0] || strcmp(action, "remove") == 0)) {
        path_known = true;
        if (post) {
            post_unit_action(&c, id, action);
            goto done;
        }
    }
    if (strncmp(p, "/hr/users/", 10) == 0 && valid_key(p + 10, DB_USER_MAX - 1)) {
        path_known = true;
        if (post) {
            post_user(&c, p + 10);
            goto done;
        }
    }
    if (path_known) {
        http_add_header(resp, "Allow", "GET, POST");
        fail(&c, 405, "method_not_allowed", NULL, "This address does not take %s.", strcmp(req->method, "OPTIONS") == 0 ? "OPTIONS" : "that method");
    } else {
        fail(&c, 404, "not_found", NULL, "No such API address.");
    }
done:
    cJSON_Delete(c.body);
    free(c.diags);
}
