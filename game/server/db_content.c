/* db_content.c - the content store of db.h (the studio): releases, file versions, drafts with
 * revisions, uploaded images. The third part of db.c, like db_org.c: every statement is constant
 * text with ? parameters, and nothing outside db*.c sees SQLite.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

/* ---- plumbing (as in db.c) --------------------------------------------------------------------- */

static void log_error(db *d, const char *what)
{
    fprintf(stderr, "pakopeli-server: database: %s: %s\n", what, sqlite3_errmsg(db_handle(d)));
}

/* Prepares sql and binds by a type string: 'i' int, 'I' int64, 't' text, 'n' text or NULL,
   'b' blob (pointer, then its length as size_t). NULL (logged) on error. The caller holds the lock. */
static sqlite3_stmt *vprep(db *d, const char *sql, const char *types, va_list ap)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db_handle(d), sql, -1, &st, NULL) != SQLITE_OK) {
        log_error(d, "prepare");
        return NULL;
    }
    for (int i = 0; types && types[i]; i++) {
        int rc;
        switch (types[i]) {
        case 'i': rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
        case 'I': rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t)); break;
        case 'b': {
            const void *p = va_arg(ap, const void *);
            size_t n = va_arg(ap, size_t);
            rc = sqlite3_bind_blob64(st, i + 1, p, (sqlite3_uint64)n, SQLITE_TRANSIENT);
            break;
        }
        case 'n': {
            const char *t = va_arg(ap, const char *);
            rc = t ? sqlite3_bind_text(st, i + 1, t, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i + 1);
            break;
        }
        default: rc = sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT); break;
        }
        if (rc != SQLITE_OK) {
            log_error(d, "bind");
            sqlite3_finalize(st);
            return NULL;
        }
    }
    return st;
}

static sqlite3_stmt *prep(db *d, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    sqlite3_stmt *st = vprep(d, sql, types, ap);
    va_end(ap);
    return st;
}

static db_rc run(db *d, const char *sql, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    db_lock(d);
    sqlite3_stmt *st = vprep(d, sql, types, ap);
    va_end(ap);
    db_rc rc = DB_ERROR;
    if (st) {
        int s = sqlite3_step(st);
        if (s == SQLITE_DONE || s == SQLITE_ROW) rc = DB_OK;
        else if ((s & 0xff) == SQLITE_CONSTRAINT) rc = DB_CONFLICT;
        else log_error(d, "step");
        sqlite3_finalize(st);
    }
    db_unlock(d);
    return rc;
}

static void col_text(sqlite3_stmt *st, int i, char *dst, size_t cap)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    snprintf(dst, cap, "%s", s ? (const char *)s : "");
}

/* ---- schema ------------------------------------------------------------------------------------ */

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS content_release("
    "  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, author TEXT NOT NULL, note TEXT NOT NULL,"
    "  feedback INTEGER NOT NULL DEFAULT 0, rollback_name TEXT NOT NULL DEFAULT '',"
    "  rollback_version INTEGER NOT NULL DEFAULT 0) STRICT;"
    "CREATE TABLE IF NOT EXISTS content_version("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL,"
    "  release_id INTEGER NOT NULL REFERENCES content_release(id), body TEXT, UNIQUE(name, version)) STRICT;"
    "CREATE TABLE IF NOT EXISTS content_release_file("
    "  release_id INTEGER NOT NULL REFERENCES content_release(id), name TEXT NOT NULL,"
    "  version_id INTEGER NOT NULL REFERENCES content_version(id), PRIMARY KEY(release_id, name)) STRICT;"
    "CREATE TABLE IF NOT EXISTS content_head(name TEXT PRIMARY KEY, revision INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS content_draft("
    "  name TEXT PRIMARY KEY, body TEXT, author TEXT NOT NULL, at INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS content_asset("
    "  path TEXT PRIMARY KEY, type TEXT NOT NULL, data BLOB NOT NULL, author TEXT NOT NULL,"
    "  at INTEGER NOT NULL) STRICT;"
    /* the SCORM packages HR downloaded (scorm_pkg.c): which release the learning platform has */
    "CREATE TABLE IF NOT EXISTS content_package("
    "  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, version TEXT NOT NULL,"
    "  release_id INTEGER NOT NULL) STRICT;";

/* Schema 1-3 -> 4: the users table takes the role author (a CHECK changes only by a copy; foreign
   keys are off around it so that dropping the old table cascades to nothing), and plays
   record the content release they were played on. Runs after db_org_setup, which has given
   users its e-mail column by then. */
static const char to_v4[] =
    "PRAGMA foreign_keys=OFF; BEGIN;"
    "CREATE TABLE users_v4("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK (role IN ('admin','viewer','manager','author')), pwhash TEXT NOT NULL,"
    "  must_change INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, email TEXT NOT NULL DEFAULT '') STRICT;"
    "INSERT INTO users_v4(id, name, role, pwhash, must_change, created, email)"
    "  SELECT id, name, role, pwhash, must_change, created, email FROM users;"
    "DROP TABLE users; ALTER TABLE users_v4 RENAME TO users;"
    "ALTER TABLE plays ADD COLUMN content_release INTEGER NOT NULL DEFAULT 0;"
    "COMMIT; PRAGMA foreign_keys=ON;";

/* A rollback is kept as data (which file, which version), not as words: the studio says it in
   the reader's language. Releases stored before that carry it in their note, in Finnish and
   English ("Palautettu versioon N / rolled back to version N[: the author's note]"); the note
   keeps only the author's words and the version moves to its column. The file is the one the
   rollback published (a rollback publishes one file). Idempotent through has_column. */
static const char to_rollback_data[] =
    "BEGIN;"
    "ALTER TABLE content_release ADD COLUMN rollback_name TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE content_release ADD COLUMN rollback_version INTEGER NOT NULL DEFAULT 0;"
    "UPDATE content_release SET"
    "  rollback_version = CAST(substr(note, 21, instr(substr(note, 21), ' ') - 1) AS INTEGER),"
    "  rollback_name = COALESCE((SELECT name FROM content_version WHERE release_id = content_release.id LIMIT 1), ''),"
    "  note = CASE WHEN instr(note, ': ') > 0 THEN substr(note, instr(note, ': ') + 2) ELSE '' END"
    "  WHERE note GLOB 'Palautettu versioon [0-9]* / rolled back to version [0-9]*';"
    "COMMIT;";

static bool has_column(sqlite3 *h, const char *table, const char *column)
{
    char q[128];
    snprintf(q, sizeof q, "SELECT 1 FROM pragma_table_info('%s') WHERE name = ?", table);
    sqlite3_stmt *st = NULL;
    bool found = sqlite3_prepare_v2(h, q, -1, &st, NULL) == SQLITE_OK &&
                 sqlite3_bind_text(st, 1, column, -1, SQLITE_STATIC) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

bool db_content_setup(db *d, int from_version, char *err, size_t cap)
{
    sqlite3 *h = db_handle(d);
    char *msg = NULL;
    db_lock(d);
    bool ok = true;
    if (from_version >= 1 && from_version < 4 && sqlite3_exec(h, to_v4, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot upgrade the users and plays tables: %s", msg ? msg : "?");
        sqlite3_exec(h, "ROLLBACK; PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
        ok = false;
    }
    sqlite3_free(msg);
    msg = NULL;
    if (ok && sqlite3_exec(h, schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot set up the content tables: %s", msg ? msg : "?");
        ok = false;
    }
    sqlite3_free(msg);
    msg = NULL;
    if (ok && !has_column(h, "content_release", "rollback_version") &&
        sqlite3_exec(h, to_rollback_data, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot add the rollback columns to the content releases: %s", msg ? msg : "?");
        sqlite3_exec(h, "ROLLBACK;", NULL, NULL, NULL);
        ok = false;
    }
    sqlite3_free(msg);
    db_unlock(d);
    return ok;
}

/* ---- releases, versions, drafts, uploads --------------------------------------------------------- */

/* ---- content store (the studio) ------------------------------------------------------------- */

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t) return NULL;
    size_t n = (size_t)sqlite3_column_bytes(st, i);
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, t, n);
        out[n] = '\0';
    }
    return out;
}

static int64_t one_int(db *d, const char *sql, const char *types, const char *arg)
{
    sqlite3_stmt *st = types ? prep(d, sql, types, arg) : prep(d, sql, NULL);
    int64_t v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return v;
}

int64_t db_release_current(db *d)
{
    db_lock(d);
    int64_t v = one_int(d, "SELECT COALESCE(MAX(id), 0) FROM content_release", NULL, NULL);
    db_unlock(d);
    return v;
}

#define RELEASE_COLS "id, at, author, note, feedback, rollback_name, rollback_version"

static void read_release(sqlite3_stmt *st, db_release *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->at = sqlite3_column_int64(st, 1);
    col_text(st, 2, r->author, sizeof r->author);
    col_text(st, 3, r->note, sizeof r->note);
    r->feedback = sqlite3_column_int(st, 4) != 0;
    col_text(st, 5, r->rollback_name, sizeof r->rollback_name);
    r->rollback_version = sqlite3_column_int(st, 6);
}

db_rc db_release_get(db *d, int64_t id, db_release *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT " RELEASE_COLS " FROM content_release WHERE id = ?", "I", id);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        read_release(st, out);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

bool db_release_list(db *d, int limit, db_release_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT " RELEASE_COLS " FROM content_release ORDER BY id DESC LIMIT ?",
                            "i", limit);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        db_release r;
        read_release(st, &r);
        fn(user, &r);
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return st != NULL;
}

static db_rc bump_revision(db *d, const char *name, int64_t *out)
{
    db_rc rc = run(d,
                   "INSERT INTO content_head(name, revision) VALUES (?, 1) "
                   "ON CONFLICT(name) DO UPDATE SET revision = revision + 1",
                   "t", name);
    if (rc == DB_OK && out) *out = one_int(d, "SELECT revision FROM content_head WHERE name = ?", "t", name);
    return rc;
}

int64_t db_content_revision(db *d, const char *name)
{
    db_lock(d);
    int64_t v = one_int(d, "SELECT revision FROM content_head WHERE name = ?", "t", name);
    db_unlock(d);
    return v;
}

static db_rc publish(db *d, const db_content_put *files, const int64_t *revs, int n, const char *author,
                     const char *note, bool feedback, int rollback_version, int64_t now, int64_t *out_release)
{
    if (!db_begin(d)) return DB_ERROR;
    db_rc rc = DB_OK;
    for (int i = 0; i < n && rc == DB_OK; i++)
        if (revs && revs[i] >= 0 && db_content_revision(d, files[i].name) != revs[i]) rc = DB_CONFLICT;
    int64_t prev = db_release_current(d), rel = 0;
    if (rc == DB_OK)
        rc = run(d,
                 "INSERT INTO content_release(at, author, note, feedback, rollback_name, rollback_version) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 "Ittiti", now, author, note, feedback ? 1 : 0, rollback_version > 0 ? files[0].name : "",
                 rollback_version);
    if (rc == DB_OK) {
        rel = sqlite3_last_insert_rowid(db_handle(d));
        /* the new release starts as a copy of the previous one ... */
        rc = run(d,
                 "INSERT INTO content_release_file(release_id, name, version_id) "
                 "SELECT ?, name, version_id FROM content_release_file WHERE release_id = ?",
                 "II", rel, prev);
    }
    for (int i = 0; i < n && rc == DB_OK; i++) { /* ... with these files replaced or removed */
        int64_t ver = one_int(d, "SELECT COALESCE(MAX(version), 0) + 1 FROM content_version WHERE name = ?", "t",
                              files[i].name);
        rc = run(d, "INSERT INTO content_version(name, version, release_id, body) VALUES (?, ?, ?, ?)", "tIIn",
                 files[i].name, ver, rel, files[i].body);
        int64_t vid = sqlite3_last_insert_rowid(db_handle(d));
        if (rc == DB_OK)
            rc = run(d, "DELETE FROM content_release_file WHERE release_id = ? AND name = ?", "It", rel, files[i].name);
        if (rc == DB_OK && files[i].body)
            rc = run(d, "INSERT INTO content_release_file(release_id, name, version_id) VALUES (?, ?, ?)", "ItI", rel,
                     files[i].name, vid);
        if (rc == DB_OK) rc = run(d, "DELETE FROM content_draft WHERE name = ?", "t", files[i].name);
        if (rc == DB_OK) rc = bump_revision(d, files[i].name, NULL);
    }
    if (rc != DB_OK) {
        db_rollback(d);
        return rc;
    }
    if (!db_commit(d)) return DB_ERROR;
    if (out_release) *out_release = rel;
    return DB_OK;
}

db_rc db_content_publish(db *d, const db_content_put *files, const int64_t *revs, int n, const char *author,
                         const char *note, bool feedback, int64_t now, int64_t *out_release)
{
    return publish(d, files, revs, n, author, note, feedback, 0, now, out_release);
}

db_rc db_content_rollback(db *d, const char *name, const char *body, int64_t rev, int version, const char *author,
                          const char *note, int64_t now, int64_t *out_release)
{
    db_content_put put = {name, body};
    return publish(d, &put, &rev, 1, author, note, false, version, now, out_release);
}

static void read_ver(sqlite3_stmt *st, db_content_ver *v, bool body)
{
    memset(v, 0, sizeof *v);
    col_text(st, 0, v->name, sizeof v->name);
    v->version = sqlite3_column_int(st, 1);
    v->release = sqlite3_column_int64(st, 2);
    v->at = sqlite3_column_int64(st, 3);
    col_text(st, 4, v->author, sizeof v->author);
    col_text(st, 5, v->note, sizeof v->note);
    v->deleted = sqlite3_column_type(st, 6) == SQLITE_NULL;
    if (body) v->body = (char *)sqlite3_column_text(st, 6);
    v->rollback_version = sqlite3_column_int(st, 7);
}

#define VER_COLS "v.name, v.version, v.release_id, r.at, r.author, r.note, v.body, r.rollback_version"

bool db_release_files(db *d, int64_t release, db_content_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT " VER_COLS " FROM content_release_file f JOIN content_version v ON v.id = f.version_id "
                            "JOIN content_release r ON r.id = v.release_id WHERE f.release_id = ? ORDER BY v.name",
                            "I", release);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        db_content_ver v;
        read_ver(st, &v, true);
        fn(user, &v);
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return st != NULL;
}

db_rc db_content_get(db *d, const char *name, int version, db_content_ver *out)
{
    db_lock(d);
    sqlite3_stmt *st =
        version > 0
            ? prep(d, "SELECT " VER_COLS " FROM content_version v JOIN content_release r ON r.id = v.release_id "
                      "WHERE v.name = ? AND v.version = ?", "ti", name, version)
            : prep(d, "SELECT " VER_COLS " FROM content_release_file f JOIN content_version v ON v.id = f.version_id "
                      "JOIN content_release r ON r.id = v.release_id WHERE f.name = ? AND f.release_id = "
                      "(SELECT MAX(id) FROM content_release)", "t", name);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        read_ver(st, out, false);
        out->body = dup_col(st, 6);
        rc = out->deleted || out->body ? DB_OK : DB_ERROR;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

db_rc db_release_file(db *d, int64_t release, const char *name, db_content_ver *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT " VER_COLS " FROM content_release_file f JOIN content_version v ON v.id = f.version_id "
                            "JOIN content_release r ON r.id = v.release_id WHERE f.release_id = ? AND f.name = ?",
                            "It", release, name);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        read_ver(st, out, false);
        out->body = dup_col(st, 6);
        rc = out->body ? DB_OK : DB_ERROR; /* a release holds no removed file */
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

bool db_content_history(db *d, const char *name, db_content_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT v.name, v.version, v.release_id, r.at, r.author, r.note, "
                               "CASE WHEN v.body IS NULL THEN NULL ELSE '' END, r.rollback_version "
                               "FROM content_version v JOIN content_release r ON r.id = v.release_id "
                               "WHERE v.name = ? ORDER BY v.version DESC",
                            "t", name);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        db_content_ver v;
        read_ver(st, &v, false);
        fn(user, &v);
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return st != NULL;
}

db_rc db_draft_save(db *d, const char *name, const char *body, int64_t base_revision, const char *author,
                    int64_t now, int64_t *new_revision)
{
    if (!db_begin(d)) return DB_ERROR;
    db_rc rc = db_content_revision(d, name) == base_revision ? DB_OK : DB_CONFLICT;
    if (rc == DB_OK)
        rc = run(d,
                 "INSERT INTO content_draft(name, body, author, at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT(name) DO UPDATE SET body = excluded.body, author = excluded.author, at = excluded.at",
                 "tntI", name, body, author, now);
    if (rc == DB_OK) rc = bump_revision(d, name, new_revision);
    if (rc != DB_OK) {
        db_rollback(d);
        return rc;
    }
    return db_commit(d) ? DB_OK : DB_ERROR;
}

db_rc db_draft_get(db *d, const char *name, db_draft *out)
{
    db_lock(d);
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = prep(d, "SELECT name, body, author, at FROM content_draft WHERE name = ?", "t", name);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, out->name, sizeof out->name);
        out->deleted = sqlite3_column_type(st, 1) == SQLITE_NULL;
        out->body = dup_col(st, 1);
        col_text(st, 2, out->author, sizeof out->author);
        out->at = sqlite3_column_int64(st, 3);
        rc = out->deleted || out->body ? DB_OK : DB_ERROR;
    }
    sqlite3_finalize(st);
    if (rc == DB_OK) out->revision = one_int(d, "SELECT revision FROM content_head WHERE name = ?", "t", name);
    db_unlock(d);
    return rc;
}

db_rc db_draft_discard(db *d, const char *name, int64_t base_revision, int64_t *new_revision)
{
    if (!db_begin(d)) return DB_ERROR;
    db_rc rc = db_content_revision(d, name) == base_revision ? DB_OK : DB_CONFLICT;
    if (rc == DB_OK) rc = run(d, "DELETE FROM content_draft WHERE name = ?", "t", name);
    if (rc == DB_OK) rc = bump_revision(d, name, new_revision);
    if (rc != DB_OK) {
        db_rollback(d);
        return rc;
    }
    return db_commit(d) ? DB_OK : DB_ERROR;
}

bool db_draft_list(db *d, db_draft_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT c.name, c.body, c.author, c.at, COALESCE(h.revision, 0) FROM content_draft c "
                            "LEFT JOIN content_head h ON h.name = c.name ORDER BY c.name",
                            NULL);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        db_draft dr;
        memset(&dr, 0, sizeof dr);
        col_text(st, 0, dr.name, sizeof dr.name);
        dr.deleted = sqlite3_column_type(st, 1) == SQLITE_NULL;
        dr.body = (char *)sqlite3_column_text(st, 1);
        col_text(st, 2, dr.author, sizeof dr.author);
        dr.at = sqlite3_column_int64(st, 3);
        dr.revision = sqlite3_column_int64(st, 4);
        fn(user, &dr);
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return st != NULL;
}

db_rc db_asset_put(db *d, const char *path, const char *type, const void *data, size_t len, const char *author,
                   int64_t now)
{
    db_lock(d);
    char t[32];
    void *old = NULL;
    size_t old_len = 0;
    db_rc rc = db_asset_get(d, path, t, &old, &old_len);
    if (rc == DB_OK) rc = old_len == len && memcmp(old, data, len) == 0 ? DB_OK : DB_CONFLICT;
    else if (rc == DB_NOT_FOUND)
        rc = run(d, "INSERT INTO content_asset(path, type, data, author, at) VALUES (?, ?, ?, ?, ?)", "ttbtI", path,
                 type, data, len, author, now);
    free(old);
    db_unlock(d);
    return rc;
}

db_rc db_asset_get(db *d, const char *path, char type[32], void **data, size_t *len)
{
    db_lock(d);
    *data = NULL;
    *len = 0;
    sqlite3_stmt *st = prep(d, "SELECT type, data FROM content_asset WHERE path = ?", "t", path);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, type, 32);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        *data = malloc(n ? n : 1);
        if (*data) {
            if (n) memcpy(*data, sqlite3_column_blob(st, 1), n);
            *len = n;
            rc = DB_OK;
        } else {
            rc = DB_ERROR;
        }
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

bool db_asset_list(db *d, db_asset_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT path, type, data FROM content_asset ORDER BY path", NULL);
    while (st && sqlite3_step(st) == SQLITE_ROW)
        fn(user, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           sqlite3_column_blob(st, 2), (size_t)sqlite3_column_bytes(st, 2));
    sqlite3_finalize(st);
    db_unlock(d);
    return st != NULL;
}

/* ---- the learning platform's packages ---------------------------------------------------------- */

db_rc db_package_note(db *d, int64_t now, const char *user, const char *version, int64_t release)
{
    return run(d, "INSERT INTO content_package(at, user, version, release_id) VALUES (?, ?, ?, ?)", "IttI", now, user,
               version, release);
}

db_rc db_package_last(db *d, db_package *out)
{
    memset(out, 0, sizeof *out);
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT at, user, version, release_id FROM content_package ORDER BY id DESC LIMIT 1", "");
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        out->at = sqlite3_column_int64(st, 0);
        col_text(st, 1, out->user, sizeof out->user);
        col_text(st, 2, out->version, sizeof out->version);
        out->release = sqlite3_column_int64(st, 3);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}
