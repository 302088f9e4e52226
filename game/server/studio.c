/* studio.c - the authoring studio's API (/api/v1/studio/) and the draft preview (/studio/preview/).
 *
 * Signed in like the HR dashboard (session cookie; X-CSRF-Token and same origin on POST), as an
 * author or an admin; a viewer is refused, and an author sees nothing of HR (api.c).
 *     GET  /api/v1/studio/content                 fl of the current release, drafts, releases
 *     GET  /api/v1/studio/file?name=              published text, draft, revision
 *     POST /api/v1/studio/draft   {name, revision, body}       save a draft (body null: remove)
 *          409 {error, theirs: {body, author, at, revision}} when revision is not the file's
 *     POST /api/v1/studio/discard {name, revision}             back to the published text
 *     GET  /api/v1/studio/lint?lang=fi            the linter on the current release + all drafts
 *     POST /api/v1/studio/publish {names, revisions, note, feedback, lang}
 *          422 {problems} while the linter reports an error; else {release}
 *     GET  /api/v1/studio/versions?name=          a file's published versions
 *     GET  /api/v1/studio/version?name=&version=  one of them
 *     GET  /api/v1/studio/diff?name=&from=&to=    what changed between two versions, by JSON path
 *     POST /api/v1/studio/rollback {name, version, note, revision}  publishes an old version again
 *     GET  /api/v1/studio/export?name=            the file as published (download)
 *     POST /api/v1/studio/import {name, text, revision, lang}       lint first; a draft only when
 *          the linter finds no error (422 with every problem, nothing changed, otherwise)
 *     POST /api/v1/studio/upload?name=x.png       the image's bytes (PNG, JPEG, SVG) -> {path}
 *     GET  /api/v1/studio/budget                  the first-load budget and what is left
 *     GET  /api/v1/studio/stats?room=             how players did and what they said, without names
 *     GET  /api/v1/studio/rules                   the linter's rules ({rules: [...]}, pakopeli-lint --rules --json)
 * The rules content must meet are the linter's (pakopeli-lint, store_lint): none is written here.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "srv.h"

enum {
    LIMIT_JSON = 4 * 1024 * 1024,     /* a draft or an import (rooms are ~40 kB; JSON-escaped text) */
    LIMIT_UPLOAD = 2 * 1024 * 1024,   /* the HTTP limit; the image limits are below */
    IMAGE_MAX = 1024 * 1024,          /* bytes of one uploaded picture (the studio scales photos first) */
    IMAGE_SIDE_MAX = 4096,            /* pixels per side */
    NOTE_MAX = 500
};

typedef struct scall {
    srv *s;
    const http_req *req;
    http_resp *resp;
    int64_t now;
    db_session sess;
    cJSON *body;
    char lang[8];   /* ?lang= of a GET, read before a slow route leaves the request thread */
} scall;

/* ---- answers ------------------------------------------------------------------------------------ */

static void send_json(scall *c, int status, cJSON *o)
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

static cJSON *error_obj(const char *code, const char *field, const char *msg)
{
    cJSON *o = cJSON_CreateObject(), *e = cJSON_AddObjectToObject(o, "error");
    cJSON_AddStringToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", msg);
    if (field) cJSON_AddStringToObject(e, "field", field);
    return o;
}

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void fail(scall *c, int status, const char *code, const char *field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    send_json(c, status, error_obj(code, field, msg));
}

static void fail_db(scall *c) { fail(c, 503, "unavailable", NULL, "The server could not reach its database just now. Try again."); }

/* ---- reading requests ------------------------------------------------------------------------------ */

static bool read_body(scall *c)
{
    if (c->body) return true; /* read on the request thread before a slow route went to a worker */
    const char *t = http_header(c->req, "Content-Type");
    if (!t || strncmp(t, "application/json", 16) != 0) {
        fail(c, 415, "unsupported_type", NULL, "Send JSON with Content-Type: application/json.");
        return false;
    }
    c->body = cJSON_ParseWithLength(c->req->body, c->req->body_len);
    if (!cJSON_IsObject(c->body)) {
        fail(c, 400, "bad_json", NULL, "The body should be a JSON object.");
        return false;
    }
    return true;
}

static const char *str_field(scall *c, const char *key, bool required, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->body, key);
    if (!v && !required) return "";
    if (!cJSON_IsString(v) || strlen(v->valuestring) > max) {
        fail(c, 400, "bad_value", key, "%s: give a text of at most %zu bytes.", key, max);
        return NULL;
    }
    return v->valuestring;
}

static bool int_field(scall *c, const char *key, int64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c->body, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 9e15) {
        fail(c, 400, "bad_value", key, "%s: give a number.", key);
        return false;
    }
    *out = (int64_t)v->valuedouble;
    return true;
}

static const char *name_arg(scall *c, const char *name)
{
    if (!name || !store_valid_name(name)) {
        fail(c, 400, "bad_name", "name",
             "name: a content file such as \"outlook.json\" or \"comics/digituki.json\" (a-z, 0-9, - and _).");
        return NULL;
    }
    return name;
}

static const char *lang_of(scall *c, const char *given)
{
    (void)c;
    return given && strcmp(given, "en") == 0 ? "en" : given && strcmp(given, "sv") == 0 ? "sv" : "fi";
}

/* Adds text parsed as JSON (a content file) under key, or the text itself when it does not parse. */
static void add_body(cJSON *o, const char *key, const char *text)
{
    if (!text) {
        cJSON_AddNullToObject(o, key);
        return;
    }
    cJSON *j = cJSON_Parse(text);
    if (j) cJSON_AddItemToObject(o, key, j);
    else cJSON_AddStringToObject(o, key, text);
}

/* ---- content -------------------------------------------------------------------------------------------- */

typedef struct list_ctx {
    cJSON *fl;
} list_ctx;

static const char *title_fi(const cJSON *doc, char *out, size_t cap)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc, "title");
    if (cJSON_IsObject(t)) t = cJSON_GetObjectItemCaseSensitive(t, "fi");
    snprintf(out, cap, "%s", cJSON_IsString(t) ? t->valuestring : "");
    return out;
}

static void list_file(void *user, const db_content_ver *v)
{
    list_ctx *x = user;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", v->name);
    cJSON_AddStringToObject(o, "kind", strcmp(v->name, "game.json") == 0 ? "game"
                                       : strncmp(v->name, "comics/", 7) == 0 ? "comic" : "room");
    cJSON_AddNumberToObject(o, "version", v->version);
    cJSON_AddNumberToObject(o, "at", (double)v->at);
    cJSON_AddStringToObject(o, "author", v->author);
    cJSON *doc = v->body ? cJSON_Parse(v->body) : NULL;
    char title[256];
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(doc, "id");
    cJSON_AddStringToObject(o, "id", cJSON_IsString(id) ? id->valuestring : "");
    cJSON_AddStringToObject(o, "title", title_fi(doc, title, sizeof title));
    cJSON_Delete(doc);
    cJSON_AddItemToArray(x->fl, o);
}

static void list_draft(void *user, const db_draft *dr)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", dr->name);
    cJSON_AddStringToObject(o, "author", dr->author);
    cJSON_AddNumberToObject(o, "at", (double)dr->at);
    cJSON_AddNumberToObject(o, "revision", (double)dr->revision);
    cJSON_AddBoolToObject(o, "removes", dr->deleted);
    cJSON *doc = dr->body ? cJSON_Parse(dr->body) : NULL;
    char title[256];
    cJSON_AddStringToObject(o, "title", title_fi(doc, title, sizeof title));
    cJSON_Delete(doc);
    cJSON_AddItemToArray(user, o);
}

/* What a rollback did, as data ({name, version}, null for a publish): the studio words it in
   the reader's language, and note stays the author's own words. */
static void add_rollback(cJSON *o, const char *name, int version)
{
    if (version <= 0) {
        cJSON_AddNullToObject(o, "rollback");
        return;
    }
    cJSON *r = cJSON_AddObjectToObject(o, "rollback");
    if (name) cJSON_AddStringToObject(r, "name", name);
    cJSON_AddNumberToObject(r, "version", version);
}

static void list_release(void *user, const db_release *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "release", (double)r->id);
    cJSON_AddNumberToObject(o, "at", (double)r->at);
    cJSON_AddStringToObject(o, "author", r->author);
    cJSON_AddStringToObject(o, "note", r->note);
    cJSON_AddBoolToObject(o, "feedback", r->feedback);
    add_rollback(o, r->rollback_name, r->rollback_version);
    cJSON_AddItemToArray(user, o);
}

static void get_content(scall *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "release", (double)store_current(c->s->store));
    cJSON_AddStringToObject(o, "user", c->sess.user);
    cJSON_AddStringToObject(o, "role", c->sess.role);
    list_ctx x = {cJSON_AddArrayToObject(o, "files")};
    bool ok = db_release_files(c->s->db, store_current(c->s->store), list_file, &x) &&
              db_draft_list(c->s->db, list_draft, cJSON_AddArrayToObject(o, "drafts")) &&
              db_release_list(c->s->db, 30, list_release, cJSON_AddArrayToObject(o, "releases"));
    if (!ok) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

static void get_file(scall *c)
{
    const char *name = name_arg(c, http_arg(c->req, "name"));
    if (!name) return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    cJSON_AddNumberToObject(o, "revision", (double)db_content_revision(c->s->db, name));
    db_content_ver v;
    db_rc rc = db_content_get(c->s->db, name, 0, &v);
    if (rc == DB_OK) {
        cJSON *p = cJSON_AddObjectToObject(o, "published");
        cJSON_AddNumberToObject(p, "version", v.version);
        cJSON_AddNumberToObject(p, "at", (double)v.at);
        cJSON_AddStringToObject(p, "author", v.author);
        cJSON_AddStringToObject(p, "note", v.note);
        add_body(p, "body", v.body);
        free(v.body);
    } else {
        cJSON_AddNullToObject(o, "published");
    }
    db_draft dr;
    db_rc rd = db_draft_get(c->s->db, name, &dr);
    if (rd == DB_OK) {
        cJSON *p = cJSON_AddObjectToObject(o, "draft");
        cJSON_AddStringToObject(p, "author", dr.author);
        cJSON_AddNumberToObject(p, "at", (double)dr.at);
        add_body(p, "body", dr.body);
        free(dr.body);
    } else {
        cJSON_AddNullToObject(o, "draft");
    }
    if (rc == DB_ERROR || rd == DB_ERROR) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

/* The 409 answer: the other version in full, so the author can keep both. */
static void conflict(scall *c, const char *name, const char *mine_key, const cJSON *mine)
{
    cJSON *o = error_obj("conflict", "revision",
                         "Someone else saved this file after you opened it. Both versions are shown: keep "
                         "yours, take theirs, or copy from one to the other.");
    cJSON *t = cJSON_AddObjectToObject(o, "theirs");
    cJSON_AddNumberToObject(t, "revision", (double)db_content_revision(c->s->db, name));
    db_draft dr;
    if (db_draft_get(c->s->db, name, &dr) == DB_OK) {
        cJSON_AddStringToObject(t, "author", dr.author);
        cJSON_AddNumberToObject(t, "at", (double)dr.at);
        cJSON_AddStringToObject(t, "state", "draft");
        add_body(t, "body", dr.body);
        free(dr.body);
    } else {
        db_content_ver v;
        if (db_content_get(c->s->db, name, 0, &v) == DB_OK) {
            cJSON_AddStringToObject(t, "author", v.author);
            cJSON_AddNumberToObject(t, "at", (double)v.at);
            cJSON_AddStringToObject(t, "state", "published");
            add_body(t, "body", v.body);
            free(v.body);
        } else {
            cJSON_AddNullToObject(t, "body");
        }
    }
    if (mine) cJSON_AddItemToObject(o, mine_key, cJSON_Duplicate(mine, true));
    send_json(c, 409, o);
}

static void post_draft(scall *c)
{
    if (!read_body(c)) return;
    const char *name = str_field(c, "name", true, DB_CONTENT_NAME_MAX);
    int64_t base = 0;
    if (!name || !name_arg(c, name) || !int_field(c, "revision", &base)) return;
    const cJSON *body = cJSON_GetObjectItemCaseSensitive(c->body, "body");
    if (!cJSON_IsObject(body) && !cJSON_IsNull(body)) {
        fail(c, 400, "bad_value", "body", "body: the file as a JSON object, or null to remove it.");
        return;
    }
    char *text = cJSON_IsObject(body) ? cJSON_Print(body) : NULL;
    if (cJSON_IsObject(body) && !text) {
        fail(c, 503, "unavailable", NULL, "The server is busy. Try again.");
        return;
    }
    int64_t rev = 0;
    db_rc rc = db_draft_save(c->s->db, name, text, base, c->sess.user, c->now, &rev);
    free(text);
    if (rc == DB_CONFLICT) {
        conflict(c, name, "mine", body);
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    cJSON_AddNumberToObject(o, "revision", (double)rev);
    cJSON_AddNumberToObject(o, "at", (double)c->now);
    send_json(c, 200, o);
}

static void post_discard(scall *c)
{
    if (!read_body(c)) return;
    const char *name = str_field(c, "name", true, DB_CONTENT_NAME_MAX);
    int64_t base = 0, rev = 0;
    if (!name || !name_arg(c, name) || !int_field(c, "revision", &base)) return;
    db_rc rc = db_draft_discard(c->s->db, name, base, &rev);
    if (rc == DB_CONFLICT) {
        conflict(c, name, "mine", NULL);
        return;
    }
    if (rc != DB_OK) {
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "revision", (double)rev);
    send_json(c, 200, o);
}

/* ---- the linter ----------------------------------------------------------------------------------------- */

/* Runs the linter on the current release with overlay over it; false after answering. */
static bool lint(scall *c, const store_file *overlay, int n, const char *lang, store_lint_result *out)
{
    char err[512];
    if (!store_lint(c->s->store, overlay, n, lang, out, err, sizeof err)) {
        fprintf(stderr, "pakopeli-server: studio: %s\n", err);
        fail(c, 503, "lint_unavailable", NULL,
             "The content checker could not run, so nothing was changed. Try again; if it keeps failing, "
             "tell the administrator (pakopeli-lint is needed beside the server).");
        return false;
    }
    return true;
}

static cJSON *lint_json(const store_lint_result *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "errors", r->errors);
    cJSON_AddNumberToObject(o, "warnings", r->warnings);
    cJSON *p = cJSON_Parse(r->json);
    cJSON_AddItemToObject(o, "problems", p ? p : cJSON_CreateArray());
    return o;
}

static void get_lint(scall *c)
{
    store_file *fl = NULL;
    int n = store_drafts(c->s->store, NULL, 0, &fl);
    if (n < 0) {
        fail_db(c);
        return;
    }
    store_lint_result r;
    if (lint(c, fl, n, lang_of(c, c->lang), &r)) {
        send_json(c, 200, lint_json(&r));
        store_lint_free(&r);
    }
    store_files_free(fl, n);
}

/* ---- publishing ------------------------------------------------------------------------------------------ */

static void post_publish(scall *c)
{
    if (!read_body(c)) return;
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(c->body, "names"),
                *revs = cJSON_GetObjectItemCaseSensitive(c->body, "revisions"), *it;
    const char *note = str_field(c, "note", true, NOTE_MAX);
    if (!note) return;
    if (!note[0]) {
        fail(c, 400, "missing_note", "note", "Write a short note of what changed (players and other authors see it).");
        return;
    }
    int n = cJSON_GetArraySize(names);
    if (!cJSON_IsArray(names) || n < 1 || n > 2 * LEVEL_MAX_ROOMS + 2) {
        fail(c, 400, "bad_value", "names", "names: the files whose drafts to publish.");
        return;
    }
    const char *list[2 * LEVEL_MAX_ROOMS + 2];
    int64_t rv[2 * LEVEL_MAX_ROOMS + 2];
    int k = 0;
    cJSON_ArrayForEach(it, names)
    {
        if (!cJSON_IsString(it) || !store_valid_name(it->valuestring)) {
            fail(c, 400, "bad_name", "names", "names: content files such as \"outlook.json\".");
            return;
        }
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(revs, it->valuestring);
        rv[k] = cJSON_IsNumber(r) ? (int64_t)r->valuedouble : -1;
        list[k++] = it->valuestring;
    }
    const cJSON *fb = cJSON_GetObjectItemCaseSensitive(c->body, "feedback");
    store_file *fl = NULL;
    int m = store_drafts(c->s->store, list, k, &fl);
    if (m < 0) {
        fail_db(c);
        return;
    }
    if (m == 0) {
        store_files_free(fl, m);
        fail(c, 400, "no_drafts", "names", "There is nothing to publish: these files have no draft.");
        return;
    }
    store_lint_result r;
    if (!lint(c, fl, m, lang_of(c, str_field(c, "lang", false, 8)), &r)) {
        store_files_free(fl, m);
        return;
    }
    if (r.errors > 0) {
        cJSON *o = lint_json(&r);
        cJSON *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", "lint_errors");
        cJSON_AddStringToObject(e, "message", "Publishing waits until the checker finds no errors. Fix the fields it names.");
        send_json(c, 422, o);
    } else {
        db_content_put puts[2 * LEVEL_MAX_ROOMS + 2];
        int64_t prevs[2 * LEVEL_MAX_ROOMS + 2];
        for (int i = 0; i < m; i++) {
            puts[i].name = fl[i].name;
            puts[i].body = fl[i].body;
            prevs[i] = -1;
            for (int j = 0; j < k; j++)
                if (strcmp(list[j], fl[i].name) == 0) prevs[i] = rv[j];
        }
        int64_t rel = 0;
        db_rc rc = db_content_publish(c->s->db, puts, prevs, m, c->sess.user, note, cJSON_IsTrue(fb), c->now, &rel);
        if (rc == DB_CONFLICT) {
            fail(c, 409, "conflict", "revisions", "Someone saved one of these files after you opened it; reload to see their changes.");
        } else if (rc != DB_OK) {
            fail_db(c);
        } else {
            char detail[600];
            snprintf(detail, sizeof detail, "release %lld: %s", (long long)rel, note);
            db_audit(c->s->db, c->now, c->sess.user, "content-publish", detail);
            cJSON *o = lint_json(&r);
            cJSON_AddNumberToObject(o, "release", (double)rel);
            /* the learning platform's package, if HR has downloaded one: it keeps its release until
               HR downloads the next (the studio tells the author so) */
            db_package pkg;
            if (db_package_last(c->s->db, &pkg) == DB_OK) cJSON_AddNumberToObject(o, "package_release", (double)pkg.release);
            send_json(c, 200, o);
        }
    }
    store_lint_free(&r);
    store_files_free(fl, m);
}

/* ---- versions --------------------------------------------------------------------------------------------- */

static void history_row(void *user, const db_content_ver *v)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "version", v->version);
    cJSON_AddNumberToObject(o, "release", (double)v->release);
    cJSON_AddNumberToObject(o, "at", (double)v->at);
    cJSON_AddStringToObject(o, "author", v->author);
    cJSON_AddStringToObject(o, "note", v->note);
    add_rollback(o, NULL, v->rollback_version);
    cJSON_AddBoolToObject(o, "removed", v->deleted);
    cJSON_AddItemToArray(user, o);
}

static void get_versions(scall *c)
{
    const char *name = name_arg(c, http_arg(c->req, "name"));
    if (!name) return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    if (!db_content_history(c->s->db, name, history_row, cJSON_AddArrayToObject(o, "versions"))) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

static int version_arg(const char *v)
{
    if (!v || !*v || strlen(v) > 9) return -1;
    for (const char *p = v; *p; p++)
        if (*p < '0' || *p > '9') return -1;
    return atoi(v);
}

/* A version's text (version 0: the current one); answers 404 itself. Caller frees. */
static char *version_text(scall *c, const char *name, int version)
{
    db_content_ver v;
    db_rc rc = db_content_get(c->s->db, name, version, &v);
    if (rc == DB_ERROR) fail_db(c);
    else if (rc != DB_OK || !v.body) fail(c, 404, "not_found", "version", "%s has no version %d.", name, version);
    return rc == DB_OK ? v.body : NULL;
}

static void get_version(scall *c)
{
    const char *name = name_arg(c, http_arg(c->req, "name"));
    int version = version_arg(http_arg(c->req, "version"));
    if (!name) return;
    char *text = version_text(c, name, version < 0 ? 0 : version);
    if (!text) return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    cJSON_AddNumberToObject(o, "version", version);
    add_body(o, "body", text);
    free(text);
    send_json(c, 200, o);
}

/* Every leaf that differs between a and b, as {path, from, to}; added and removed keys too. */
static void diff_json(const cJSON *a, const cJSON *b, char *path, size_t len, size_t cap, cJSON *out, int *count)
{
    if (*count >= 500) return;
    bool both_obj = cJSON_IsObject(a) && cJSON_IsObject(b), both_arr = cJSON_IsArray(a) && cJSON_IsArray(b);
    if (both_obj) {
        const cJSON *it;
        cJSON_ArrayForEach(it, a)
        {
            size_t n = len + (size_t)snprintf(path + len, cap - len, "%s%s", len ? "." : "", it->string);
            diff_json(it, cJSON_GetObjectItemCaseSensitive(b, it->string), path, n < cap ? n : cap - 1, cap, out, count);
            path[len] = '\0';
        }
        cJSON_ArrayForEach(it, b)
        {
            if (cJSON_GetObjectItemCaseSensitive(a, it->string)) continue;
            size_t n = len + (size_t)snprintf(path + len, cap - len, "%s%s", len ? "." : "", it->string);
            diff_json(NULL, it, path, n < cap ? n : cap - 1, cap, out, count);
            path[len] = '\0';
        }
        return;
    }
    if (both_arr) {
        int na = cJSON_GetArraySize(a), nb = cJSON_GetArraySize(b);
        for (int i = 0; i < (na > nb ? na : nb); i++) {
            size_t n = len + (size_t)snprintf(path + len, cap - len, "[%d]", i);
            diff_json(cJSON_GetArrayItem(a, i), cJSON_GetArrayItem(b, i), path, n < cap ? n : cap - 1, cap, out, count);
            path[len] = '\0';
        }
        return;
    }
    if (a && b && cJSON_Compare(a, b, true)) return;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", path);
    cJSON_AddItemToObject(o, "from", a ? cJSON_Duplicate(a, true) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "to", b ? cJSON_Duplicate(b, true) : cJSON_CreateNull());
    cJSON_AddItemToArray(out, o);
    (*count)++;
}

static void get_diff(scall *c)
{
    const char *name = name_arg(c, http_arg(c->req, "name"));
    if (!name) return;
    int from = version_arg(http_arg(c->req, "from")), to = version_arg(http_arg(c->req, "to"));
    if (from < 0) {
        fail(c, 400, "bad_value", "from", "from: a version number.");
        return;
    }
    char *a = version_text(c, name, from);
    if (!a) return;
    char *b = NULL;
    if (to < 0) { /* compare with the draft (or the published text when there is none) */
        db_draft dr;
        if (db_draft_get(c->s->db, name, &dr) == DB_OK && dr.body) b = dr.body;
    }
    if (!b && !(b = version_text(c, name, to < 0 ? 0 : to))) {
        free(a);
        return;
    }
    cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name);
    cJSON *changes = cJSON_AddArrayToObject(o, "changes");
    char path[512] = "";
    int count = 0;
    diff_json(ja, jb, path, 0, sizeof path, changes, &count);
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    free(a);
    free(b);
    send_json(c, 200, o);
}

static void post_rollback(scall *c)
{
    if (!read_body(c)) return;
    const char *name = str_field(c, "name", true, DB_CONTENT_NAME_MAX);
    const char *note = name ? str_field(c, "note", false, NOTE_MAX - 1) : NULL;
    int64_t version = 0, base = 0;
    if (!name || !note || !name_arg(c, name) || !int_field(c, "version", &version) || !int_field(c, "revision", &base))
        return;
    char *text = version_text(c, name, (int)version);
    if (!text) return;
    store_file f = {.body = text};
    snprintf(f.name, sizeof f.name, "%s", name);
    store_lint_result r;
    if (!lint(c, &f, 1, lang_of(c, str_field(c, "lang", false, 8)), &r)) {
        free(text);
        return;
    }
    if (r.errors > 0) { /* an old version may no longer fit the rest of the game */
        cJSON *o = lint_json(&r);
        cJSON *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", "lint_errors");
        cJSON_AddStringToObject(e, "message", "This version no longer fits the rest of the game; the checker says why.");
        send_json(c, 422, o);
    } else {
        int64_t rel = 0;
        db_rc rc = db_content_rollback(c->s->db, name, text, base, (int)version, c->sess.user, note, c->now, &rel);
        if (rc == DB_CONFLICT) conflict(c, name, "mine", NULL);
        else if (rc != DB_OK) fail_db(c);
        else {
            char detail[NOTE_MAX + DB_CONTENT_NAME_MAX + 64];
            snprintf(detail, sizeof detail, "%s: rolled back to version %lld%s%s", name, (long long)version,
                     note[0] ? ": " : "", note);
            db_audit(c->s->db, c->now, c->sess.user, "content-rollback", detail);
            cJSON *o = lint_json(&r);
            cJSON_AddNumberToObject(o, "release", (double)rel);
            send_json(c, 200, o);
        }
    }
    store_lint_free(&r);
    free(text);
}

/* ---- fl in and out ----------------------------------------------------------------------------------------- */

static void get_export(scall *c)
{
    const char *name = name_arg(c, http_arg(c->req, "name"));
    if (!name) return;
    char *text = version_text(c, name, 0);
    if (!text) return;
    http_resp *r = c->resp;
    r->status = 200;
    r->type = "application/json; charset=utf-8";
    r->csp = HTTP_CSP_API;
    r->no_store = true;
    const char *base = strrchr(name, '/');
    char disp[160];
    snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", base ? base + 1 : name);
    http_add_header(r, "Content-Disposition", disp);
    buf_puts(&r->body, text);
    free(text);
}

static void post_import(scall *c)
{
    if (!read_body(c)) return;
    const char *name = str_field(c, "name", true, DB_CONTENT_NAME_MAX);
    const char *text = name ? str_field(c, "text", true, LIMIT_JSON) : NULL;
    int64_t base = 0;
    if (!name || !text || !name_arg(c, name) || !int_field(c, "revision", &base)) return;
    store_file f = {.body = (char *)text};
    snprintf(f.name, sizeof f.name, "%s", name);
    store_lint_result r;
    if (!lint(c, &f, 1, lang_of(c, str_field(c, "lang", false, 8)), &r)) return;
    cJSON *o = lint_json(&r);
    cJSON *doc = cJSON_Parse(text);
    if (r.errors > 0 || !doc) {
        cJSON *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", "lint_errors");
        cJSON_AddStringToObject(e, "message", "Nothing was changed: the checker found errors in the file.");
        cJSON_Delete(doc);
        send_json(c, 422, o);
        store_lint_free(&r);
        return;
    }
    char *pretty = cJSON_Print(doc);
    cJSON_Delete(doc);
    int64_t rev = 0;
    db_rc rc = pretty ? db_draft_save(c->s->db, name, pretty, base, c->sess.user, c->now, &rev) : DB_ERROR;
    free(pretty);
    store_lint_free(&r);
    if (rc == DB_CONFLICT) {
        cJSON_Delete(o);
        conflict(c, name, "mine", NULL);
    } else if (rc != DB_OK) {
        cJSON_Delete(o);
        fail_db(c);
    } else {
        cJSON_AddNumberToObject(o, "revision", (double)rev);
        send_json(c, 200, o);
    }
}

/* ---- images -------------------------------------------------------------------------------------------------- */

static uint32_t be32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

/* Reads a picture's kind and size from its header: PNG (IHDR), JPEG (the first SOF marker),
   SVG (an <svg> root and nothing that runs). NULL when the bytes are none of these. The
   linter decodes the image fully when the room is checked. */
static const char *sniff_image(const unsigned char *d, size_t n, const char *ext, int *w, int *h, const char **why)
{
    *w = *h = 0;
    *why = "the file is not a PNG, JPEG or SVG picture";
    if (n >= 33 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
        if (strcmp(ext, ".png") != 0) return (*why = "the file is a PNG picture: name it .png"), NULL;
        *w = (int)be32(d + 16);
        *h = (int)be32(d + 20);
        return "image/png";
    }
    if (n >= 4 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        if (strcmp(ext, ".jpg") != 0 && strcmp(ext, ".jpeg") != 0)
            return (*why = "the file is a JPEG picture: name it .jpg"), NULL;
        for (size_t i = 2; i + 9 < n;) {
            if (d[i] != 0xFF) break;
            unsigned m = d[i + 1];
            size_t len = (size_t)d[i + 2] << 8 | d[i + 3];
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                *h = d[i + 5] << 8 | d[i + 6];
                *w = d[i + 7] << 8 | d[i + 8];
                return "image/jpeg";
            }
            i += 2 + len;
        }
        *why = "the JPEG picture is damaged (no size in it)";
        return NULL;
    }
    if (strcmp(ext, ".svg") == 0) {
        char *text = malloc(n + 1);
        if (!text) return NULL;
        memcpy(text, d, n);
        text[n] = '\0';
        for (char *p = text; *p; p++)
            if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
        const char *root = strstr(text, "<svg");
        bool bad = strlen(text) != n || !root || strstr(text, "<script") || strstr(text, "javascript:") ||
                   strstr(text, "<foreignobject") || strstr(text, "<!entity") || strstr(text, " on") != NULL;
        /* " on" catches onload= and the like; a text "on" inside the drawing is rare in SVG markup
           made by drawing programs, and the refusal says what to do. */
        if (bad && root && (strstr(text, "<script") || strstr(text, "javascript:") || strstr(text, " on")))
            *why = "the SVG picture contains scripts or event handlers (onload=...): save it again as a plain SVG";
        else if (bad)
            *why = "the file is not an SVG picture";
        free(text);
        if (!bad) {
            *w = *h = 1;
            return "image/svg+xml";
        }
        return NULL;
    }
    return NULL;
}

static void post_upload(scall *c)
{
    const char *name = http_arg(c->req, "name");
    char path[160];
    snprintf(path, sizeof path, "assets/uploads/%s", name ? name : "");
    if (!name || !store_valid_upload(path)) {
        fail(c, 400, "bad_name", "name",
             "name: a picture file name of a-z, 0-9, -, _ ending .png, .jpg or .svg (at most 80 letters).");
        return;
    }
    const unsigned char *d = (const unsigned char *)c->req->body;
    size_t n = c->req->body_len;
    if (n == 0) {
        fail(c, 400, "empty", "file", "The picture is empty.");
        return;
    }
    if (n > IMAGE_MAX) {
        fail(c, 413, "too_large", "file",
             "The picture is %zu kB; at most %d kB. The studio scales photos down before sending: use a PNG, "
             "JPEG or SVG picture.", n / 1024, IMAGE_MAX / 1024);
        return;
    }
    int w, h;
    const char *why;
    const char *type = sniff_image(d, n, strrchr(name, '.'), &w, &h, &why);
    if (!type) {
        fail(c, 415, "bad_image", "file", "%s.", why);
        return;
    }
    if (w < 1 || h < 1 || w > IMAGE_SIDE_MAX || h > IMAGE_SIDE_MAX) {
        fail(c, 413, "too_large", "file", "The picture is %d x %d pixels; at most %d on each side.", w, h,
             IMAGE_SIDE_MAX);
        return;
    }
    db_rc rc = db_asset_put(c->s->db, path, type, d, n, c->sess.user, c->now);
    if (rc == DB_CONFLICT) {
        fail(c, 409, "name_taken", "name", "Another picture already has the name %s: choose another name.", name);
        return;
    }
    if (rc != DB_OK || !store_write_upload(c->s->store, path, d, n)) {
        fail_db(c);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", path);
    cJSON_AddStringToObject(o, "type", type);
    cJSON_AddNumberToObject(o, "bytes", (double)n);
    if (strcmp(type, "image/svg+xml") != 0) {
        cJSON_AddNumberToObject(o, "width", w);
        cJSON_AddNumberToObject(o, "height", h);
    }
    send_json(c, 201, o);
}

/* ---- the rules ------------------------------------------------------------------------------------------------ */

/* The linter's rules as it states them, so the studio shows what the linter holds (which texts
   are the same in every language, say) and never a rule of its own. */
static void get_rules(scall *c)
{
    char *text = NULL, err[512];
    bool ok = store_rules(c->s->store, &text, err, sizeof err);
    cJSON *rules = ok ? cJSON_Parse(text) : NULL;
    free(text);
    if (!cJSON_IsArray(rules)) {
        cJSON_Delete(rules);
        fprintf(stderr, "pakopeli-server: studio: rules: %s\n", ok ? "not JSON" : err);
        fail(c, 503, "lint_unavailable", NULL, "The content checker could not say its rules just now.");
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "rules", rules);
    send_json(c, 200, o);
}

/* ---- the first-load budget -------------------------------------------------------------------------------------- */

/* The first load as served with every draft published, as the linter counts it (--budget):
   the studio shows what is left before a picture is uploaded. */
static void get_budget(scall *c)
{
    store_file *fl = NULL;
    int n = store_drafts(c->s->store, NULL, 0, &fl);
    if (n < 0) {
        fail_db(c);
        return;
    }
    char *text = NULL, err[512];
    bool ok = store_budget(c->s->store, fl, n, &text, err, sizeof err);
    store_files_free(fl, n);
    cJSON *o = ok ? cJSON_Parse(text) : NULL;
    free(text);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        fprintf(stderr, "pakopeli-server: studio: budget: %s\n", ok ? "not JSON" : err);
        fail(c, 503, "lint_unavailable", NULL, "The content checker could not measure the first load just now.");
        return;
    }
    cJSON_AddNumberToObject(o, "image_max", IMAGE_MAX);
    send_json(c, 200, o);
}

/* ---- what players said and how they did (no names) -------------------------------------------------------- */

enum { STATS_PEOPLE_MAX = 20000 };

typedef struct stat_acc {
    char puzzle[DB_ID_MAX];  /* "" for the room */
    int n, solved;
    int64_t mistakes, hints;
    int64_t *ms;             /* times of those who solved it, for the median */
    int ms_n, ms_cap;
} stat_acc;

typedef struct stats_ctx {
    const char *room;
    stat_acc acc[LEVEL_MAX_PUZZLES + 1];
    int count;
    cJSON *comments;
    int ratings[6];
} stats_ctx;

static stat_acc *acc_for(stats_ctx *x, const char *puzzle)
{
    for (int i = 0; i < x->count; i++)
        if (strcmp(x->acc[i].puzzle, puzzle) == 0) return &x->acc[i];
    if (x->count >= (int)(sizeof x->acc / sizeof x->acc[0])) return NULL;
    stat_acc *a = &x->acc[x->count++];
    snprintf(a->puzzle, sizeof a->puzzle, "%s", puzzle);
    return a;
}

static void stats_row(void *user, const db_result_row *r)
{
    stats_ctx *x = user;
    if (strcmp(r->room, x->room) != 0) return;
    stat_acc *a = acc_for(x, r->puzzle);
    if (!a) return;
    a->n++;
    a->mistakes += r->mistakes;
    a->hints += r->hints;
    if (!r->solved) return;
    a->solved++;
    if (a->ms_n == a->ms_cap && a->ms_cap < STATS_PEOPLE_MAX) {
        int64_t *m = realloc(a->ms, sizeof *m * (size_t)(a->ms_cap = a->ms_cap * 2 + 16));
        if (!m) return;
        a->ms = m;
    }
    if (a->ms_n < a->ms_cap) a->ms[a->ms_n++] = r->ms;
}

static int cmp_ms(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void stats_feedback(void *user, const db_feedback *f)
{
    stats_ctx *x = user;
    if (strcmp(f->room, x->room) != 0) return;
    if (f->rating >= 1 && f->rating <= 5) x->ratings[f->rating]++;
    if (f->text && f->text[0] && cJSON_GetArraySize(x->comments) < 50) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "at", (double)f->at);
        cJSON_AddNumberToObject(o, "rating", f->rating);
        cJSON_AddStringToObject(o, "text", f->text);
        cJSON_AddItemToArray(x->comments, o);
    }
}

/* Per room and puzzle: how many played, solved, the median time, mistakes and hints per player,
   ratings and the latest comments. Like the dashboard's statistics, without any name or unit. */
static void get_stats(scall *c)
{
    const char *room = http_arg(c->req, "room");
    if (!room || !*room || strlen(room) >= DB_ID_MAX) {
        fail(c, 400, "bad_value", "room", "room: a room id.");
        return;
    }
    stats_ctx *x = calloc(1, sizeof *x);
    if (!x) {
        fail(c, 503, "unavailable", NULL, "The server is busy. Try again.");
        return;
    }
    x->room = room;
    x->comments = cJSON_CreateArray();
    db_filter f;
    memset(&f, 0, sizeof f);
    bool ok = db_results(c->s->db, &f, c->now, true, stats_row, x) && db_results(c->s->db, &f, c->now, false, stats_row, x) &&
              db_feedback_list(c->s->db, &f, c->now, 500, c->s->cfg.feedback_min_respondents, stats_feedback, x, NULL);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "room", room);
    cJSON *puzzles = cJSON_AddArrayToObject(o, "puzzles");
    for (int i = 0; i < x->count; i++) {
        stat_acc *a = &x->acc[i];
        cJSON *p = a->puzzle[0] ? cJSON_CreateObject() : cJSON_AddObjectToObject(o, "summary");
        if (a->puzzle[0]) {
            cJSON_AddStringToObject(p, "puzzle", a->puzzle);
            cJSON_AddItemToArray(puzzles, p);
        }
        cJSON_AddNumberToObject(p, "players", a->n);
        cJSON_AddNumberToObject(p, "solved", a->solved);
        cJSON_AddNumberToObject(p, "mistakes_per_player", a->n ? (double)a->mistakes / a->n : 0);
        cJSON_AddNumberToObject(p, "hints_per_player", a->n ? (double)a->hints / a->n : 0);
        if (a->ms_n) {
            qsort(a->ms, (size_t)a->ms_n, sizeof a->ms[0], cmp_ms);
            cJSON_AddNumberToObject(p, "median_ms", (double)a->ms[a->ms_n / 2]);
        } else {
            cJSON_AddNullToObject(p, "median_ms");
        }
        free(a->ms);
    }
    cJSON *r = cJSON_AddArrayToObject(o, "ratings");
    for (int i = 1; i <= 5; i++) cJSON_AddItemToArray(r, cJSON_CreateNumber(x->ratings[i]));
    cJSON_AddItemToObject(o, "comments", x->comments);
    free(x);
    if (!ok) {
        cJSON_Delete(o);
        fail_db(c);
        return;
    }
    send_json(c, 200, o);
}

/* ---- routing ------------------------------------------------------------------------------------------------------ */

size_t studio_body_limit(const char *method, const char *path)
{
    if (strcmp(method, "POST") != 0) return 0;
    if (strcmp(path, "/api/v1/studio/upload") == 0) return LIMIT_UPLOAD;
    return LIMIT_JSON;
}

/* The routes that run the linter (a separate process, a second or more) answer from a worker
   thread (http_later), so that checks never hold the request threads an author's save needs.
   The session and the body are read here first; the worker gets a copy of the call. */
typedef struct slow_call {
    scall c;
    void (*fn)(scall *);
} slow_call;

static void slow_run(void *arg, http_resp *resp)
{
    slow_call *j = arg;
    j->c.resp = resp;
    j->c.req = NULL; /* suspended: everything needed was read into c */
    j->fn(&j->c);
}

static void slow_drop(void *arg)
{
    slow_call *j = arg;
    cJSON_Delete(j->c.body);
    free(j);
}

static void go_slow(scall *c, void (*fn)(scall *))
{
    if (strcmp(c->req->method, "POST") == 0 && !read_body(c)) return;
    const char *lang = http_arg(c->req, "lang");
    snprintf(c->lang, sizeof c->lang, "%s", lang && strlen(lang) < sizeof c->lang ? lang : "");
    slow_call *j = malloc(sizeof *j);
    if (!j) {
        fail(c, 503, "unavailable", NULL, "The server is busy. Try again.");
        return;
    }
    j->c = *c;
    j->fn = fn;
    c->body = NULL; /* the job owns it now */
    c->resp->later = (http_later){slow_run, slow_drop, j};
}

void studio_api(srv *s, const http_req *req, http_resp *resp)
{
    scall c = {.s = s, .req = req, .resp = resp, .now = srv_now(s)};
    const char *p = req->path + 15; /* after "/api/v1/studio/" */
    bool get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    bool post = strcmp(req->method, "POST") == 0;
    static const struct route { const char *path; bool post; void (*fn)(scall *); bool slow; } routes[] = {
        {"content", false, get_content, false},   {"file", false, get_file, false},
        {"draft", true, post_draft, false},       {"discard", true, post_discard, false},
        {"lint", false, get_lint, true},          {"publish", true, post_publish, true},
        {"versions", false, get_versions, false}, {"version", false, get_version, false},
        {"diff", false, get_diff, false},         {"rollback", true, post_rollback, true},
        {"export", false, get_export, false},     {"import", true, post_import, true},
        {"upload", true, post_upload, false},     {"budget", false, get_budget, true},
        {"stats", false, get_stats, false},       {"rules", false, get_rules, true},
    };
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(p, routes[i].path) != 0) continue;
        if (!((routes[i].post && post) || (!routes[i].post && get))) {
            http_add_header(resp, "Allow", routes[i].post ? "POST" : "GET");
            fail(&c, 405, "method_not_allowed", NULL, "This address does not take that method.");
            return;
        }
        if (!api_studio_session(s, req, resp, &c.sess)) return;
        if (routes[i].slow) go_slow(&c, routes[i].fn);
        else routes[i].fn(&c);
        cJSON_Delete(c.body);
        return;
    }
    fail(&c, 404, "not_found", NULL, "No such studio API address.");
}

/* The game playing the drafts: the built game's fl, with levels/ from the drafts over the
   current release and the uploads from the database. Only for a signed-in author or admin. */
void studio_preview(srv *s, const http_req *req, http_resp *resp, const char *rel)
{
    db_session sess;
    if (!api_studio_session(s, req, resp, &sess)) return;
    resp->csp = HTTP_CSP_PREVIEW;
    if (strncmp(rel, "levels/", 7) == 0) {
        store_serve_level(s->store, rel + 7, 0, true, req, resp);
        return;
    }
    if (strncmp(rel, "assets/uploads/", 15) == 0) {
        store_serve_upload(s->store, rel, req, resp);
        return;
    }
    files_serve(s->files, s->cfg.web, rel, req, resp);
}
