/* db_org.c - the second half of the db module: units, managers, corrections, reports and the
 * e-mail queue (db_org.h). Same rule as db.c: constant SQL with ? parameters, the db lock
 * around every use of the connection.
 */
#include "db_org.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "units.h"
#include "valid.h"

/* ---- plumbing (as in db.c) --------------------------------------------------------------------- */

static void log_error(db *d, const char *what)
{
    fprintf(stderr, "pakopeli-server: database: %s: %s\n", what, sqlite3_errmsg(db_handle(d)));
}

/* Prepares sql and binds by a type string: 'i' int, 'I' int64, 't' text. NULL (logged) on error.
   The caller holds the db lock. */
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

static int changes(db *d) { return sqlite3_changes(db_handle(d)); }

static void col_text(sqlite3_stmt *st, int i, char *dst, size_t cap)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    snprintf(dst, cap, "%s", s ? (const char *)s : "");
}

static bool bind_text(sqlite3_stmt *st, const char *name, const char *text)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i == 0 || sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

bool db_org_bind_filter(sqlite3_stmt *st, const db_filter *f)
{
    static const db_filter none;
    if (!f) f = &none;
    int i = sqlite3_bind_parameter_index(st, ":scope");
    return (i == 0 || sqlite3_bind_int64(st, i, f->scope) == SQLITE_OK) && bind_text(st, ":cfrom", f->cfrom) &&
           bind_text(st, ":cto", f->cto) && bind_text(st, ":overdue", f->overdue);
}

/* ---- schema ------------------------------------------------------------------------------------ */

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS units("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT NOT NULL UNIQUE,"
    "  parent INTEGER REFERENCES units(id) ON DELETE SET NULL, created INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS user_units("
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,"
    "  PRIMARY KEY(user_id, unit_id)) STRICT;"
    "CREATE TABLE IF NOT EXISTS mail("
    "  id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id) ON DELETE CASCADE,"
    "  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, reason TEXT NOT NULL,"
    "  dedup TEXT NOT NULL UNIQUE, rcpt TEXT NOT NULL, secret TEXT NOT NULL DEFAULT '',"
    "  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','sent','failed')),"
    "  attempts INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, next_try INTEGER NOT NULL,"
    "  sent INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '') STRICT;"
    "CREATE INDEX IF NOT EXISTS mail_due ON mail(state, next_try);"
    "CREATE INDEX IF NOT EXISTS mail_person ON mail(person_id);"
    "CREATE TABLE IF NOT EXISTS mail_templates("
    "  kind TEXT NOT NULL, lang TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,"
    "  changed INTEGER NOT NULL, PRIMARY KEY(kind, lang)) STRICT;"
    "CREATE TABLE IF NOT EXISTS oidc_states("
    "  state_hash TEXT PRIMARY KEY, nonce TEXT NOT NULL, verifier TEXT NOT NULL, purpose TEXT NOT NULL,"
    "  created INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS person_tokens("
    "  hash TEXT PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
    "  created INTEGER NOT NULL) STRICT;"
    "CREATE INDEX IF NOT EXISTS person_tokens_person ON person_tokens(person_id);"
    /* the dashboard's pages: newest invitation first, without sorting 100,000 rows per page */
    "CREATE INDEX IF NOT EXISTS people_invited ON people(invited, id);";

/* Schema 1 allowed only admin and viewer: SQLite cannot change a CHECK, so the table is
   rebuilt (the documented 12-step way: foreign keys off, copy, rename). */
static const char users_v2[] =
    "PRAGMA foreign_keys=OFF; BEGIN;"
    "CREATE TABLE users_v2("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK (role IN ('admin','viewer','manager')), pwhash TEXT NOT NULL,"
    "  must_change INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL) STRICT;"
    "INSERT INTO users_v2(id, name, role, pwhash, must_change, created)"
    "  SELECT id, name, role, pwhash, must_change, created FROM users;"
    "DROP TABLE users; ALTER TABLE users_v2 RENAME TO users; COMMIT; PRAGMA foreign_keys=ON;";

/* Units that people already have become the managed list, in NFC. */
static bool adopt_units(db *d, int64_t now)
{
    sqlite3_stmt *st = prep(d, "SELECT DISTINCT unit FROM people", NULL);
    bool ok = st != NULL;
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        char old[DB_UNIT_MAX * 2], name[DB_UNIT_MAX], key[UNITS_KEY_MAX], canon[DB_UNIT_MAX];
        col_text(st, 0, old, sizeof old);
        if (!units_normalise(old, name, sizeof name) || !units_key(name, key, sizeof key)) continue;
        ok = db_unit_ensure(d, name, key, true, now, canon) == DB_OK &&
             (strcmp(old, canon) == 0 || run(d, "UPDATE people SET unit = ? WHERE unit = ?", "tt", canon, old) == DB_OK);
    }
    ok = ok && db_rows_done(d, s, "units from people");
    sqlite3_finalize(st);
    return ok;
}

bool db_org_setup(db *d, int from_version, char *err, size_t cap)
{
    sqlite3 *h = db_handle(d);
    char *msg = NULL;
    db_lock(d);
    bool ok = true;
    if (from_version == 1 && sqlite3_exec(h, users_v2, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot upgrade the users table: %s", msg ? msg : "?");
        sqlite3_exec(h, "ROLLBACK; PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
        ok = false;
    }
    if (ok && sqlite3_exec(h, schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot set up the units and mail tables: %s", msg ? msg : "?");
        ok = false;
    }
    /* the managers' own address (added within schema 2, so looked for rather than versioned) */
    sqlite3_stmt *st = ok ? prep(d, "SELECT COUNT(*) FROM pragma_table_info('users') WHERE name = 'email'", NULL) : NULL;
    bool has_email = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (ok && !has_email &&
        sqlite3_exec(h, "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT ''", NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot add the users' e-mail column: %s", msg ? msg : "?");
        ok = false;
    }
    /* The name folded for search (pk_fold), stored beside it: a search or its count reads it
       instead of folding every name again (libunistring per person: 244 ms at 130,000 people).
       Looked for, like the users' e-mail; rows written before it existed, or behind the
       server's back (the bench's sqlite3), are folded here at start. */
    st = ok ? prep(d, "SELECT COUNT(*) FROM pragma_table_info('people') WHERE name = 'name_fold'", NULL) : NULL;
    bool has_fold = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (ok && !has_fold &&
        sqlite3_exec(h, "ALTER TABLE people ADD COLUMN name_fold TEXT NOT NULL DEFAULT ''", NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot add the people's folded-name column: %s", msg ? msg : "?");
        ok = false;
    }
    if (ok && sqlite3_exec(h, "UPDATE people SET name_fold = pk_fold(name) WHERE name_fold = '' AND name != ''", NULL, NULL,
                           &msg) != SQLITE_OK) {
        snprintf(err, cap, "cannot fold the people's names: %s", msg ? msg : "?");
        ok = false;
    }
    if (ok && from_version == 1) { /* once, when units became a list */
        sqlite3_exec(h, "BEGIN", NULL, NULL, NULL);
        ok = adopt_units(d, 0);
        sqlite3_exec(h, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
        if (!ok) snprintf(err, cap, "cannot adopt the units in use");
    }
    sqlite3_free(msg);
    db_unlock(d);
    return ok;
}

/* ---- units ------------------------------------------------------------------------------------- */

db_rc db_unit_add(db *d, const char *name, const char *key, int64_t parent, int64_t now, int64_t *id)
{
    db_lock(d);
    db_rc rc;
    if (parent) {
        db_unit p;
        rc = db_unit_get(d, parent, &p);
        if (rc != DB_OK) goto done;
    }
    sqlite3_stmt *st = prep(d, "SELECT id FROM units WHERE key = ?", "t", key);
    rc = st ? DB_OK : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        if (id) *id = sqlite3_column_int64(st, 0);
        rc = DB_CONFLICT;
    }
    sqlite3_finalize(st);
    if (rc != DB_OK) goto done;
    if (parent)
        rc = run(d, "INSERT INTO units(name, key, parent, created) VALUES (?, ?, ?, ?)", "ttII", name, key, parent, now);
    else rc = run(d, "INSERT INTO units(name, key, created) VALUES (?, ?, ?)", "ttI", name, key, now);
    if (rc == DB_OK && id) *id = sqlite3_last_insert_rowid(db_handle(d));
done:
    db_unlock(d);
    return rc;
}

db_rc db_unit_ensure(db *d, const char *name, const char *key, bool add, int64_t now, char out[DB_UNIT_MAX])
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT name FROM units WHERE key = ?", "t", key);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        col_text(st, 0, out, DB_UNIT_MAX);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    if (rc == DB_NOT_FOUND && add) {
        rc = run(d, "INSERT INTO units(name, key, created) VALUES (?, ?, ?)", "ttI", name, key, now);
        if (rc == DB_OK) snprintf(out, DB_UNIT_MAX, "%s", name);
    }
    db_unlock(d);
    return rc;
}

static void read_unit(sqlite3_stmt *st, db_unit *u)
{
    u->id = sqlite3_column_int64(st, 0);
    col_text(st, 1, u->name, sizeof u->name);
    u->parent = sqlite3_column_int64(st, 2);
    u->people = sqlite3_column_int(st, 3);
}

#define UNIT_COLS "u.id, u.name, COALESCE(u.parent, 0), (SELECT COUNT(*) FROM people p WHERE p.unit = u.name)"

db_rc db_unit_get(db *d, int64_t id, db_unit *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT " UNIT_COLS " FROM units u WHERE u.id = ?", "I", id);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        read_unit(st, out);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

db_rc db_unit_rename(db *d, int64_t id, const char *name, const char *key)
{
    if (!db_begin(d)) return DB_ERROR;
    db_unit u;
    db_rc rc = db_unit_get(d, id, &u);
    if (rc == DB_OK) rc = run(d, "UPDATE units SET name = ?, key = ? WHERE id = ?", "ttI", name, key, id);
    if (rc == DB_OK) rc = run(d, "UPDATE people SET unit = ? WHERE unit = ?", "tt", name, u.name);
    if (rc != DB_OK) {
        db_rollback(d);
        return rc;
    }
    return db_commit(d) ? DB_OK : DB_ERROR;
}

db_rc db_unit_set_parent(db *d, int64_t id, int64_t parent)
{
    db_lock(d);
    db_unit u;
    db_rc rc = db_unit_get(d, id, &u);
    if (rc == DB_OK && parent) {
        /* the new parent must not be the unit or below it: no cycles */
        sqlite3_stmt *st = prep(d,
                                "WITH RECURSIVE s(id) AS (SELECT ? UNION SELECT u.id FROM units u JOIN s ON u.parent = s.id) "
                                "SELECT COUNT(*) FROM s WHERE id = ?",
                                "II", id, parent);
        if (!st || sqlite3_step(st) != SQLITE_ROW) rc = DB_ERROR;
        else if (sqlite3_column_int(st, 0) > 0) rc = DB_CONFLICT;
        sqlite3_finalize(st);
        db_unit p;
        if (rc == DB_OK) rc = db_unit_get(d, parent, &p);
    }
    if (rc == DB_OK) {
        if (parent) rc = run(d, "UPDATE units SET parent = ? WHERE id = ?", "II", parent, id);
        else rc = run(d, "UPDATE units SET parent = NULL WHERE id = ?", "I", id);
    }
    db_unlock(d);
    return rc;
}

db_rc db_unit_remove(db *d, int64_t id)
{
    db_lock(d);
    db_unit u;
    db_rc rc = db_unit_get(d, id, &u);
    if (rc == DB_OK && u.people > 0) rc = DB_CONFLICT;
    if (rc == DB_OK) rc = run(d, "DELETE FROM units WHERE id = ?", "I", id);
    db_unlock(d);
    return rc;
}

bool db_unit_list(db *d, int64_t scope, db_unit_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT " UNIT_COLS " FROM units u WHERE ? = 0 OR u.id IN (WITH RECURSIVE s(id) AS "
                            "(SELECT unit_id FROM user_units WHERE user_id = ? UNION SELECT x.id FROM units x "
                            "JOIN s ON x.parent = s.id) SELECT id FROM s) ORDER BY u.key",
                            "II", scope, scope);
    int s = SQLITE_ERROR;
    while (st && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_unit u;
        read_unit(st, &u);
        fn(user, &u);
    }
    bool ok = st && db_rows_done(d, s, "units");
    sqlite3_finalize(st);
    db_unlock(d);
    return ok;
}

/* ---- managers ---------------------------------------------------------------------------------- */

db_rc db_user_set_role(db *d, const char *name, const char *role)
{
    db_lock(d);
    db_user u;
    db_rc rc = db_user_get(d, name, &u);
    if (rc == DB_OK && strcmp(u.role, "admin") == 0 && strcmp(role, "admin") != 0) {
        sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM users WHERE role = 'admin'", NULL);
        int admins = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        sqlite3_finalize(st);
        if (admins <= 1) rc = DB_LAST_ADMIN;
    }
    if (rc == DB_OK) rc = run(d, "UPDATE users SET role = ? WHERE id = ?", "tI", role, u.id);
    db_unlock(d);
    return rc;
}

db_rc db_user_set_units(db *d, int64_t user_id, const int64_t *units, int n)
{
    if (!db_begin(d)) return DB_ERROR;
    db_rc rc = run(d, "DELETE FROM user_units WHERE user_id = ?", "I", user_id);
    for (int i = 0; rc == DB_OK && i < n; i++)
        rc = run(d, "INSERT OR IGNORE INTO user_units(user_id, unit_id) VALUES (?, ?)", "II", user_id, units[i]);
    if (rc != DB_OK) {
        db_rollback(d);
        return rc == DB_CONFLICT ? DB_NOT_FOUND : rc; /* a unit that does not exist */
    }
    return db_commit(d) ? DB_OK : DB_ERROR;
}

int db_user_units(db *d, int64_t user_id, int64_t *out, int cap)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT unit_id FROM user_units WHERE user_id = ? ORDER BY unit_id", "I", user_id);
    int n = st ? 0 : -1, s = SQLITE_DONE;
    while (st && n < cap && (s = sqlite3_step(st)) == SQLITE_ROW) out[n++] = sqlite3_column_int64(st, 0);
    if (st && n < cap && !db_rows_done(d, s, "a manager's units")) n = -1; /* (at cap: the caller's limit) */
    sqlite3_finalize(st);
    db_unlock(d);
    return n;
}

db_rc db_user_set_email(db *d, const char *name, const char *email)
{
    db_lock(d);
    db_rc rc = run(d, "UPDATE users SET email = ? WHERE name = ?", "tt", email, name);
    if (rc == DB_OK && changes(d) == 0) rc = DB_NOT_FOUND;
    db_unlock(d);
    return rc;
}

db_rc db_user_email(db *d, int64_t user_id, char out[DB_EMAIL_MAX])
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT email FROM users WHERE id = ?", "I", user_id);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        col_text(st, 0, out, DB_EMAIL_MAX);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

bool db_managers(db *d, db_manager_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT id, name, email FROM users WHERE role = 'manager' AND email != '' ORDER BY id", NULL);
    int s = SQLITE_ERROR;
    while (st && (s = sqlite3_step(st)) == SQLITE_ROW)
        fn(user, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 2));
    bool ok = st && db_rows_done(d, s, "managers");
    sqlite3_finalize(st);
    db_unlock(d);
    return ok;
}

bool db_person_in_scope(db *d, int64_t person_id, int64_t scope)
{
    if (!scope) return true;
    db_lock(d);
    db_filter f = {.scope = scope};
    sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM people p WHERE p.id = :id AND :status = '' AND " DB_ORG_FILTER,
                            NULL);
    bool in = false;
    if (st && sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), person_id) == SQLITE_OK &&
        bind_text(st, ":status", "") && db_org_bind_filter(st, &f) && sqlite3_step(st) == SQLITE_ROW)
        in = sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    db_unlock(d);
    return in;
}

/* ---- corrections ------------------------------------------------------------------------------- */

db_rc db_person_edit(db *d, int64_t id, const char *name, const char *unit, const char *start_date,
                     const char *email)
{
    char nfc[DB_NAME_MAX];
    db_name_nfc(name, nfc);
    db_lock(d);
    db_rc rc = run(d, "UPDATE people SET name = ?, name_fold = pk_fold(?), unit = ?, start_date = ?, email = ? WHERE id = ?",
                   "tttttI", nfc, nfc, unit, start_date, email, id);
    if (rc == DB_OK && changes(d) == 0) rc = DB_NOT_FOUND;
    db_unlock(d);
    return rc;
}

/* ---- reports ----------------------------------------------------------------------------------- */

/* The same filter as db.c's PERSON_FILTER, which db_org.c cannot see: kept in step by the
   API tests that compare the people list with these reports. */
#define STATUS_SQL                                                                              \
    "CASE WHEN p.completed > 0 THEN 'completed' WHEN p.revoked > 0 THEN 'revoked' "            \
    "WHEN p.started > 0 THEN 'started' WHEN p.expires > 0 AND p.expires <= :now THEN 'expired' " \
    "ELSE 'invited' END"
#define FILTER_SQL                                                                              \
    "(:unit = '' OR p.unit = :unit) AND (:status = '' OR :status = 'overdue' OR "               \
    "(" STATUS_SQL ") = :status) AND "                                                          \
    "(:from = '' OR p.start_date >= :from) AND (:to = '' OR p.start_date <= :to) AND "          \
    "(:q = '' OR instr(p.name_fold, :q) > 0) AND " DB_ORG_FILTER
#define OVERDUE_SQL                                                                             \
    "(p.completed = 0 AND p.revoked = 0 AND p.start_date != '' AND p.start_date <= :overdue)"

static bool bind_all(sqlite3_stmt *st, const db_filter *f, int64_t now);

static bool rates(db *d, const char *sql, const db_filter *f, int64_t now, db_rate_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, sql, NULL);
    bool ok = st && bind_all(st, f, now);
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_rate_row r;
        col_text(st, 0, r.key, sizeof r.key);
        r.total = sqlite3_column_int(st, 1);
        r.completed = sqlite3_column_int(st, 2);
        r.overdue = sqlite3_column_int(st, 3);
        fn(user, &r);
    }
    if (ok && s != SQLITE_DONE) {
        log_error(d, "report");
        ok = false;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return ok;
}

bool db_report_units(db *d, const db_filter *f, int64_t now, db_rate_fn fn, void *user)
{
    return rates(d,
                 "SELECT p.unit, COUNT(*), SUM(p.completed > 0), SUM(" OVERDUE_SQL ") FROM people p WHERE " FILTER_SQL
                 " GROUP BY p.unit ORDER BY p.unit",
                 f, now, fn, user);
}

bool db_report_months(db *d, const db_filter *f, int64_t now, db_rate_fn fn, void *user)
{
    return rates(d,
                 "SELECT CASE WHEN p.start_date != '' THEN substr(p.start_date, 1, 7) ELSE "
                 "strftime('%Y-%m', p.invited / 1000, 'unixepoch', 'localtime') END AS month, COUNT(*), "
                 "SUM(p.completed > 0), SUM(" OVERDUE_SQL ") FROM people p WHERE " FILTER_SQL
                 " GROUP BY month ORDER BY month",
                 f, now, fn, user);
}

int64_t db_people_count(db *d, const db_filter *f, int64_t now)
{
    /* Everyone, or one unit, with or without one status: the kept statistics (db.c, people per
       unit and status class, kept by triggers in the same transaction as every change) answer
       without reading every person; counting 130,000 rows was most of the list's first page. */
    static const db_filter none;
    db_filter by_unit = f ? *f : none;
    by_unit.status[0] = '\0';
    static const char *const statuses[] = {"", "invited", "started", "completed", "expired", "revoked"};
    int which = -1;
    if (db_stats_covers(&by_unit))
        for (int i = 0; i < 6; i++)
            if (strcmp(f ? f->status : "", statuses[i]) == 0) which = i;
    db_stat_status_counts k;
    if (which >= 0 && db_stat_status(d, by_unit.unit, now, &k)) {
        const int by_status[] = {k.invited + k.started + k.completed + k.expired + k.revoked,
                                 k.invited, k.started, k.completed, k.expired, k.revoked};
        return by_status[which];
    }
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM people p WHERE " FILTER_SQL, NULL);
    int64_t n = -1;
    if (st && bind_all(st, f, now) && sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    db_unlock(d);
    return n;
}

static bool bind_all(sqlite3_stmt *st, const db_filter *f, int64_t now)
{
    static const db_filter none;
    if (!f) f = &none;
    char folded[sizeof f->q * 2];
    valid_fold(f->q, folded, sizeof folded);
    int i = sqlite3_bind_parameter_index(st, ":now");
    return (i == 0 || sqlite3_bind_int64(st, i, now) == SQLITE_OK) && bind_text(st, ":unit", f->unit) &&
           bind_text(st, ":status", f->status) && bind_text(st, ":from", f->from) && bind_text(st, ":to", f->to) &&
           bind_text(st, ":q", folded) && db_org_bind_filter(st, f);
}

/* ---- e-mail queue ------------------------------------------------------------------------------ */

db_rc db_mail_queue(db *d, int64_t person_id, int64_t user_id, const char *reason, const char *dedup,
                    const char *rcpt, const char *secret, int64_t now)
{
    if (person_id)
        return run(d,
                   "INSERT INTO mail(person_id, reason, dedup, rcpt, secret, created, next_try) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   "IttttII", person_id, reason, dedup, rcpt, secret ? secret : "", now, now);
    return run(d,
               "INSERT INTO mail(user_id, reason, dedup, rcpt, secret, created, next_try) VALUES (?, ?, ?, ?, ?, ?, ?)",
               "IttttII", user_id, reason, dedup, rcpt, secret ? secret : "", now, now);
}

#define MAIL_COLS                                                                               \
    "m.id, COALESCE(m.person_id, 0), COALESCE(m.user_id, 0), m.reason, m.rcpt, m.secret, m.state, " \
    "m.attempts, m.created, m.next_try, m.sent, m.error, COALESCE(p.name, u.name, ''), m.error_kind"
#define MAIL_FROM "mail m LEFT JOIN people p ON p.id = m.person_id LEFT JOIN users u ON u.id = m.user_id"

static void read_mail(sqlite3_stmt *st, db_mail *m)
{
    memset(m, 0, sizeof *m);
    m->id = sqlite3_column_int64(st, 0);
    m->person_id = sqlite3_column_int64(st, 1);
    m->user_id = sqlite3_column_int64(st, 2);
    col_text(st, 3, m->reason, sizeof m->reason);
    col_text(st, 4, m->rcpt, sizeof m->rcpt);
    col_text(st, 5, m->secret, sizeof m->secret);
    col_text(st, 6, m->state, sizeof m->state);
    m->attempts = sqlite3_column_int(st, 7);
    m->created = sqlite3_column_int64(st, 8);
    m->next_try = sqlite3_column_int64(st, 9);
    m->sent = sqlite3_column_int64(st, 10);
    col_text(st, 11, m->error, sizeof m->error);
    col_text(st, 12, m->name, sizeof m->name);
    col_text(st, 13, m->error_kind, sizeof m->error_kind);
}

db_rc db_mail_next(db *d, int64_t now, db_mail *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT " MAIL_COLS " FROM " MAIL_FROM
                            " WHERE m.state = 'queued' AND m.next_try <= ? ORDER BY m.next_try, m.id LIMIT 1",
                            "I", now);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        read_mail(st, out);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

db_rc db_mail_sent(db *d, int64_t id, int64_t now)
{
    /* the link's token is no longer needed once it is in the recipient's mailbox */
    return run(d, "UPDATE mail SET state = 'sent', sent = ?, secret = '', attempts = attempts + 1, error = '', "
                  "error_kind = '' WHERE id = ?",
               "II", now, id);
}

db_rc db_mail_failed(db *d, int64_t id, const char *kind, const char *error, int64_t next_try, bool final)
{
    if (final)
        return run(d,
                   "UPDATE mail SET state = 'failed', secret = '', attempts = attempts + 1, error = ?, error_kind = ? "
                   "WHERE id = ?",
                   "ttI", error, kind, id);
    return run(d, "UPDATE mail SET next_try = ?, attempts = attempts + 1, error = ?, error_kind = ? WHERE id = ?",
               "IttI", next_try, error, kind, id);
}

bool db_mail_list(db *d, int64_t scope, int limit, db_mail_fn fn, void *user)
{
    db_lock(d);
    db_filter f = {.scope = scope};
    sqlite3_stmt *st = prep(d,
                            "SELECT " MAIL_COLS " FROM " MAIL_FROM " WHERE :scope = 0 OR (m.person_id IS NOT NULL AND "
                            "(:status = '' AND " DB_ORG_FILTER ")) ORDER BY m.id DESC LIMIT :limit",
                            NULL);
    bool ok = st && bind_text(st, ":status", "") && db_org_bind_filter(st, &f) &&
              sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit) == SQLITE_OK;
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_mail m;
        read_mail(st, &m);
        m.secret[0] = '\0'; /* the dashboard never sees a link's token */
        fn(user, &m);
    }
    ok = ok && db_rows_done(d, s, "mail");
    sqlite3_finalize(st);
    db_unlock(d);
    return ok;
}

bool db_mail_due(db *d, const char *kind, int64_t now, int64_t before, db_id_fn fn, void *user)
{
    static const char not_started[] =
        "SELECT id FROM people WHERE email != '' AND completed = 0 AND revoked = 0 AND started = 0 "
        "AND anonymous = 0 AND invited <= ? AND (expires = 0 OR expires > ?) ORDER BY id";
    static const char not_finished[] =
        "SELECT id FROM people WHERE email != '' AND completed = 0 AND revoked = 0 AND started > 0 "
        "AND started <= ? AND ? > 0 ORDER BY id";
    static const char expiring[] =
        "SELECT id FROM people WHERE email != '' AND completed = 0 AND revoked = 0 AND started = 0 "
        "AND anonymous = 0 AND expires > ? AND expires <= ? ORDER BY id";
    const char *sql = strcmp(kind, "not_started") == 0 ? not_started
                      : strcmp(kind, "not_finished") == 0 ? not_finished
                      : strcmp(kind, "expiring") == 0 ? expiring
                                                        : NULL;
    if (!sql) return false;
    db_lock(d);
    bool exp = sql == expiring;
    sqlite3_stmt *st = prep(d, sql, "II", exp ? now : before, exp ? before : now);
    /* ids first, then the callback: it may write (queue mail) while no statement is open */
    int64_t *ids = NULL;
    size_t n = 0, cap = 0;
    bool ok = st != NULL;
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            int64_t *grown = realloc(ids, cap * sizeof *ids);
            if (!grown) {
                ok = false;
                break;
            }
            ids = grown;
        }
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    /* a failed step must not pass for "nobody is due" (nor send to a part of them twice over) */
    ok = ok && db_rows_done(d, s, "mail due");
    sqlite3_finalize(st);
    db_unlock(d);
    for (size_t i = 0; ok && i < n; i++) fn(user, ids[i]);
    free(ids);
    return ok;
}

db_rc db_template_get(db *d, const char *kind, const char *lang, char *subject, size_t scap, char *body,
                      size_t bcap)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT subject, body FROM mail_templates WHERE kind = ? AND lang = ?", "tt", kind, lang);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        col_text(st, 0, subject, scap);
        col_text(st, 1, body, bcap);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}

db_rc db_template_set(db *d, const char *kind, const char *lang, const char *subject, const char *body,
                      int64_t now)
{
    if (!subject) return run(d, "DELETE FROM mail_templates WHERE kind = ? AND lang = ?", "tt", kind, lang);
    return run(d,
               "INSERT OR REPLACE INTO mail_templates(kind, lang, subject, body, changed) VALUES (?, ?, ?, ?, ?)",
               "ttttI", kind, lang, subject, body, now);
}

/* ---- work-account sign-in ---------------------------------------------------------------------- */

db_rc db_oidc_state_add(db *d, const char *state_hash, const char *nonce, const char *verifier,
                        const char *purpose, int64_t now)
{
    /* abandoned sign-ins are swept here: a state lives ten minutes */
    run(d, "DELETE FROM oidc_states WHERE created < ?", "I", now - 600000);
    return run(d, "INSERT INTO oidc_states(state_hash, nonce, verifier, purpose, created) VALUES (?, ?, ?, ?, ?)",
               "ttttI", state_hash, nonce, verifier, purpose, now);
}

db_rc db_oidc_state_take(db *d, const char *state_hash, int64_t now, char nonce[64], char verifier[64],
                         char purpose[16])
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT nonce, verifier, purpose, created FROM oidc_states WHERE state_hash = ?", "t",
                            state_hash);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        col_text(st, 0, nonce, 64);
        col_text(st, 1, verifier, 64);
        col_text(st, 2, purpose, 16);
        rc = sqlite3_column_int64(st, 3) >= now - 600000 ? DB_OK : DB_NOT_FOUND;
    }
    sqlite3_finalize(st);
    /* used once: a replayed callback finds nothing */
    if (rc != DB_ERROR) run(d, "DELETE FROM oidc_states WHERE state_hash = ?", "t", state_hash);
    db_unlock(d);
    return rc;
}

db_rc db_person_add_token(db *d, int64_t person_id, const char *token_hash, int64_t now)
{
    return run(d, "INSERT INTO person_tokens(hash, person_id, created) VALUES (?, ?, ?)", "tII", token_hash, person_id,
               now);
}

db_rc db_person_by_email(db *d, const char *email, int64_t *id)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT id FROM people WHERE anonymous = 0 AND lower(email) = lower(?) "
                            "ORDER BY revoked = 0 DESC, invited DESC LIMIT 1",
                            "t", email);
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    /* no row is "not found" only when SQLite says so: a failed step is an error */
    db_rc rc = step == SQLITE_ROW || db_rows_done(d, step, "a row") ? DB_NOT_FOUND : DB_ERROR;
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        rc = DB_OK;
    }
    sqlite3_finalize(st);
    db_unlock(d);
    return rc;
}
