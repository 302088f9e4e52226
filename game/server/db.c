#include "db.h"
#include "units.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <libgen.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db_internal.h"
#include "lat.h"
#include "valid.h"

/* A prepared statement kept for reuse, found by the address of its SQL text (every statement
   is a constant, so one text is one call site). */
typedef struct db_cached {
    const char *sql;
    sqlite3_stmt *st;
    bool busy; /* handed out and not yet finished (a nested call prepares its own copy) */
} db_cached;

/* A request waiting for the group commit (db_group_run). */
typedef struct db_job {
    db_work_fn fn;
    void *user;
    bool done, ok;
    double queued;    /* when it was queued (seconds, monotonic) */
    double started;   /* when its group began (0: it never ran) */
    double committed; /* when its group's COMMIT returned and it was woken */
    pthread_cond_t wake; /* its own: a commit wakes the requests of its group, not every waiter */
    struct db_job *next;
} db_job;

enum { STMT_CACHE = 128, GROUP_MAX = 64 };

struct db {
    sqlite3 *sql;
    pthread_mutex_t lock; /* recursive: see db.h */
    int depth;            /* open db_begin() transactions (0 or 1) */
    db_cached cache[STMT_CACHE];
    int cached;
    /* Group commit: the committer thread and its queue, guarded by gmu (never held while
       SQLite works, so requests queue up during a commit). */
    pthread_t committer;
    bool committer_started, stopping;
    pthread_mutex_t gmu;
    pthread_cond_t work;    /* a job was queued, or stopping */
    db_job *queue, *tail;
    long long groups, grouped; /* commits of groups, and the requests in them (said at close) */
    long long reprepared;      /* statements prepared again because the cache was full (said at close) */
    /* where a group's time goes, summed (said at close): requests waiting in the queue for
       their group to start, the requests' own work, the COMMIT (its fsync), checkpoints */
    double t_queued, t_work, t_commit, t_checkpoint, commit_max;
    /* the same per request, as distributions (the tail is what a player waits for): in the
       queue until its group began, its group's work and COMMIT, woken until it ran again; and
       per group, the COMMIT alone */
    lat_hist h_queued, h_group, h_woken, h_commit;
    /* A second, read-only connection for the players' token lookup that starts every request
       (db_person_by_token). The committer holds `lock` through its COMMIT (the fsync); on this
       connection (WAL: readers do not wait for a writer) the requests that arrive meanwhile are
       checked and queued for the next group instead of waiting for the commit. */
    sqlite3 *rsql;
    pthread_mutex_t rlock;
    sqlite3_stmt *r_token;
    sqlite3_stmt *r_session; /* HR's session check, the same way: every HR request starts with it */
    sqlite3_stmt *r_release; /* the current content release (db_release_committed) */
    /* Checkpoints (copying the WAL into the database file, with an fsync of that file): SQLite's
       automatic one ran inside the COMMIT that crossed its threshold, so that group's answers
       waited for it. Now a thread of its own does them on a connection of its own while the
       committer goes on (wal_grew asks it). A PASSIVE checkpoint copies only what was committed
       when it began, so with commits coming all the time it never catches up and the WAL never
       starts over: past WAL_BOUND_PAGES the committer copies the rest itself, after it has woken
       its group (a few groups' pages, then the next commit starts the WAL over). */
    bool in_group, ck_due; /* guarded by lock */
    int wal_pages, ck_pages, bound_pages; /* the WAL's size after the last commit, when the checkpointer
                                             was last asked, and when the committer last caught up */
    long long checkpoints; /* caught up by the committer after a group (said at close) */
    sqlite3 *csql;          /* the checkpointer's connection */
    pthread_t checkpointer;
    bool checkpointer_started, ck_want, ck_stopping; /* guarded by cmu */
    pthread_mutex_t cmu;
    pthread_cond_t ccv;
    pthread_mutex_t ckrun; /* held through each checkpoint: the committer's catch-up waits for the
                              checkpointer's run to end (a PASSIVE checkpoint beside another one
                              returns BUSY at once and copies nothing) */
    lat_hist h_ckpt, h_catchup; /* the checkpointer's checkpoints, and the committer's */
    /* The syncer: a group's COMMIT only writes its frames to the WAL (synchronous=NORMAL), and
       this thread makes them durable (fdatasync of the WAL file) and then answers the group,
       while the committer already runs the next group. Every commit outside a group is synced
       before it returns (wal_grew). So what is answered is on disk, as with synchronous=FULL,
       and the committer no longer idles through each fsync. wal_fd < 0: FULL, no syncer. */
    int wal_fd;
    char wal_path[4200];
    pthread_mutex_t fdmu;   /* guards wal_fd (a sync, or opening the file again) and sync_failed */
    bool sync_failed;       /* a sync of the WAL failed: nothing is acknowledged any more (wal_sync) */
    pthread_t syncer;
    bool syncer_started, s_stopping; /* guarded by smu */
    pthread_mutex_t smu;
    pthread_cond_t scv;
    db_job *s_queue, *s_tail;        /* committed, not yet synced; guarded by smu */
    lat_hist h_sync;                 /* the syncer's fdatasync */
    long long commits_slow; /* commits that took more than 20 ms, the p99 wanted of a whole request */
};

/* The WAL's size that asks for a checkpoint (SQLite's own default), and the size past which the
   committer copies what the checkpointer could not (8,000 pages of 4 KiB: 32 MiB; about a second
   of completions at 1,000/s). */
#ifndef DB_CHECKPOINT_PAGES /* smaller in tests/unit/test_server_group.c, to cross them quickly */
#define DB_CHECKPOINT_PAGES 1000
#define DB_WAL_BOUND_PAGES 8000
#endif
enum { CHECKPOINT_PAGES = DB_CHECKPOINT_PAGES, WAL_BOUND_PAGES = DB_WAL_BOUND_PAGES };

/* 2: the manager role, units, managers' units, the mail queue (db_org.c); 3: sign-in states and
   players' device tokens from a work-account sign-in; 4: the author role, plays.content_release,
   the content store (db_content.c) */
enum { SCHEMA_VERSION = 4 };

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS users("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  role TEXT NOT NULL CHECK (role IN ('admin','viewer','manager','author')), pwhash TEXT NOT NULL,"
    "  must_change INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS sessions("
    "  id_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  csrf TEXT NOT NULL, created INTEGER NOT NULL, seen INTEGER NOT NULL) STRICT;"
    "CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);"
    "CREATE TABLE IF NOT EXISTS people("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL,"
    "  start_date TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',"
    "  anonymous INTEGER NOT NULL DEFAULT 0, token_hash TEXT UNIQUE,"
    "  invited INTEGER NOT NULL, expires INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,"
    "  started INTEGER NOT NULL DEFAULT 0, last INTEGER NOT NULL DEFAULT 0,"
    "  completed INTEGER NOT NULL DEFAULT 0, completed_play INTEGER NOT NULL DEFAULT 0, code TEXT UNIQUE,"
    "  score INTEGER NOT NULL DEFAULT 0, mistakes INTEGER NOT NULL DEFAULT 0,"
    "  hints INTEGER NOT NULL DEFAULT 0, time_ms INTEGER NOT NULL DEFAULT 0) STRICT;"
    "CREATE INDEX IF NOT EXISTS people_unit ON people(unit);"
    "CREATE TABLE IF NOT EXISTS plays("
    "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
    "  play_key TEXT NOT NULL, started INTEGER NOT NULL, last INTEGER NOT NULL,"
    "  last_seq INTEGER NOT NULL DEFAULT 0, escaped INTEGER NOT NULL DEFAULT 0,"
    "  score INTEGER NOT NULL DEFAULT 0, mistakes INTEGER NOT NULL DEFAULT 0,"
    "  hints INTEGER NOT NULL DEFAULT 0, time_ms INTEGER NOT NULL DEFAULT 0,"
    "  content_release INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(person_id, play_key)) STRICT;"
    "CREATE TABLE IF NOT EXISTS events("
    "  id INTEGER PRIMARY KEY, play_id INTEGER NOT NULL REFERENCES plays(id) ON DELETE CASCADE,"
    "  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL, idem_key TEXT NOT NULL, body TEXT NOT NULL, received INTEGER NOT NULL,"
    "  UNIQUE(person_id, idem_key), UNIQUE(play_id, seq)) STRICT;"
    "CREATE TABLE IF NOT EXISTS puzzle_results("
    "  play_id INTEGER NOT NULL REFERENCES plays(id) ON DELETE CASCADE, room TEXT NOT NULL,"
    "  puzzle TEXT NOT NULL, solved INTEGER NOT NULL, mistakes INTEGER NOT NULL,"
    "  hints INTEGER NOT NULL, solve_ms INTEGER NOT NULL, PRIMARY KEY(play_id, room, puzzle)) STRICT;"
    "CREATE TABLE IF NOT EXISTS room_results("
    "  play_id INTEGER NOT NULL REFERENCES plays(id) ON DELETE CASCADE, room TEXT NOT NULL,"
    "  solved INTEGER NOT NULL, mistakes INTEGER NOT NULL, hints INTEGER NOT NULL,"
    "  time_ms INTEGER NOT NULL, score INTEGER NOT NULL, PRIMARY KEY(play_id, room)) STRICT;"
    "CREATE TABLE IF NOT EXISTS feedback("
    "  id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
    "  room TEXT NOT NULL DEFAULT '', rating INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,"
    "  at INTEGER NOT NULL) STRICT;"
    "CREATE INDEX IF NOT EXISTS feedback_person ON feedback(person_id);"
    "CREATE TABLE IF NOT EXISTS audit("
    "  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,"
    "  detail TEXT NOT NULL) STRICT;"
    /* person numbers are never reused (the audit log names people by number): the highest one
       ever erased is kept, and db_person_add numbers above it */
    "CREATE TRIGGER IF NOT EXISTS people_ids AFTER DELETE ON people BEGIN "
    "  INSERT INTO meta(key, value) VALUES ('people_max', CAST(old.id AS TEXT)) ON CONFLICT(key) DO "
    "  UPDATE SET value = CAST(MAX(CAST(value AS INTEGER), old.id) AS TEXT); END;";

/* ---- statistics kept as results arrive ---------------------------------------------------------
 * The dashboard's statistics for all people or one unit are read from these small tables, kept
 * up to date by the triggers below in the same transaction as every change of people (status
 * class, unit, completion day) and of stat_rep, each person's results from their representative
 * play (REP_PLAY), which db_stats_person refreshes after every accepted request. A filter these
 * cannot answer (status, dates, name, a manager's scope) reads the results themselves. Solve
 * times are counted per whole second, so the median is exact to the second. */
static const char stat_schema[] =
    "CREATE TABLE IF NOT EXISTS stat_rep("
    "  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE, unit TEXT NOT NULL,"
    "  room TEXT NOT NULL, puzzle TEXT NOT NULL, solved INTEGER NOT NULL, mistakes INTEGER NOT NULL,"
    "  hints INTEGER NOT NULL, ms INTEGER NOT NULL, PRIMARY KEY(person_id, room, puzzle)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stat_cell("
    "  unit TEXT NOT NULL, room TEXT NOT NULL, puzzle TEXT NOT NULL, attempted INTEGER NOT NULL,"
    "  solved INTEGER NOT NULL, mistakes INTEGER NOT NULL, hints INTEGER NOT NULL,"
    "  PRIMARY KEY(unit, room, puzzle)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stat_time("
    "  unit TEXT NOT NULL, room TEXT NOT NULL, puzzle TEXT NOT NULL, s INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(unit, room, puzzle, s)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stat_time_all("
    "  room TEXT NOT NULL, puzzle TEXT NOT NULL, s INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(room, puzzle, s)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stat_day("
    "  unit TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(unit, day)) STRICT, WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS stat_status("
    "  unit TEXT NOT NULL, cls TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(unit, cls)) STRICT, WITHOUT ROWID;"
    /* invited or expired is decided by the clock when asked: the not-yet-started, by expiry */
    "CREATE INDEX IF NOT EXISTS people_waiting ON people(expires) WHERE completed = 0 AND revoked = 0 AND started = 0;"
    /* one unit's page of the list, newest first, reads only that unit's people */
    "CREATE INDEX IF NOT EXISTS people_unit_invited ON people(unit, invited, id);";

/* A person's status without the clock: expired and invited are both "waiting". */
#define STAT_CLS(p)                                                                             \
    "(CASE WHEN " p ".completed > 0 THEN 'completed' WHEN " p ".revoked > 0 THEN 'revoked' "   \
    "WHEN " p ".started > 0 THEN 'started' ELSE 'waiting' END)"
#define STAT_DAY(p) "date(" p ".completed / 1000, 'unixepoch', 'localtime')"

#define STAT_REP_ADD                                                                            \
    "INSERT INTO stat_cell VALUES (new.unit, new.room, new.puzzle, 1, new.solved, new.mistakes, new.hints) " \
    "ON CONFLICT DO UPDATE SET attempted = attempted + 1, solved = solved + excluded.solved, "  \
    "mistakes = mistakes + excluded.mistakes, hints = hints + excluded.hints;"                  \
    "INSERT INTO stat_time SELECT new.unit, new.room, new.puzzle, new.ms / 1000, 1 WHERE new.solved " \
    "ON CONFLICT DO UPDATE SET n = n + 1;"                                                      \
    "INSERT INTO stat_time_all SELECT new.room, new.puzzle, new.ms / 1000, 1 WHERE new.solved " \
    "ON CONFLICT DO UPDATE SET n = n + 1;"
#define STAT_REP_SUB                                                                            \
    "UPDATE stat_cell SET attempted = attempted - 1, solved = solved - old.solved, "            \
    "mistakes = mistakes - old.mistakes, hints = hints - old.hints "                            \
    "WHERE unit = old.unit AND room = old.room AND puzzle = old.puzzle;"                        \
    "UPDATE stat_time SET n = n - 1 WHERE old.solved AND unit = old.unit AND room = old.room "  \
    "AND puzzle = old.puzzle AND s = old.ms / 1000;"                                            \
    "UPDATE stat_time_all SET n = n - 1 WHERE old.solved AND room = old.room AND puzzle = old.puzzle " \
    "AND s = old.ms / 1000;"
#define STAT_PERSON_ADD                                                                         \
    "INSERT INTO stat_status VALUES (new.unit, " STAT_CLS("new") ", 1) ON CONFLICT DO UPDATE SET n = n + 1;" \
    "INSERT INTO stat_day SELECT new.unit, " STAT_DAY("new") ", 1 WHERE new.completed > 0 "    \
    "ON CONFLICT DO UPDATE SET n = n + 1;"
#define STAT_PERSON_SUB                                                                         \
    "UPDATE stat_status SET n = n - 1 WHERE unit = old.unit AND cls = " STAT_CLS("old") ";"    \
    "UPDATE stat_day SET n = n - 1 WHERE old.completed > 0 AND unit = old.unit AND day = " STAT_DAY("old") ";"

static const char stat_triggers[] =
    "CREATE TRIGGER IF NOT EXISTS stat_rep_ins AFTER INSERT ON stat_rep BEGIN " STAT_REP_ADD " END;"
    "CREATE TRIGGER IF NOT EXISTS stat_rep_del AFTER DELETE ON stat_rep BEGIN " STAT_REP_SUB " END;"
    "CREATE TRIGGER IF NOT EXISTS stat_rep_upd AFTER UPDATE ON stat_rep BEGIN " STAT_REP_SUB STAT_REP_ADD " END;"
    "CREATE TRIGGER IF NOT EXISTS stat_people_ins AFTER INSERT ON people BEGIN " STAT_PERSON_ADD " END;"
    "CREATE TRIGGER IF NOT EXISTS stat_people_del AFTER DELETE ON people BEGIN " STAT_PERSON_SUB " END;"
    "CREATE TRIGGER IF NOT EXISTS stat_people_upd AFTER UPDATE OF unit, completed, revoked, started ON people "
    "WHEN old.unit IS NOT new.unit OR old.completed IS NOT new.completed OR "
    STAT_CLS("old") " IS NOT " STAT_CLS("new") " BEGIN " STAT_PERSON_SUB STAT_PERSON_ADD
    "UPDATE stat_rep SET unit = new.unit WHERE person_id = new.id AND old.unit IS NOT new.unit; END;";

/* Bump when the statistics tables' meaning changes: the next start rebuilds them. */
#define STATS_VERSION "1"

static bool stats_rebuild(db *d, char **msg);

/* ---- plumbing ------------------------------------------------------------------------------- */

static void log_error(db *d, const char *what)
{
    fprintf(stderr, "pakopeli-server: database: %s: %s\n", what, sqlite3_errmsg(d->sql));
}

/* Ends the use of a statement from prep(): a cached one is reset for the next call (SQL is
   compiled once per connection), any other finalised. */
static void finish(db *d, sqlite3_stmt *st)
{
    if (!st) return;
    for (int i = 0; i < d->cached; i++)
        if (d->cache[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            d->cache[i].busy = false;
            return;
        }
    sqlite3_finalize(st);
}

/* Prepares sql (a constant: its address is the cache key) and binds arguments by a type string:
   'i' int, 'I' int64, 't' text.
   Returns NULL (logged) on error. */
static sqlite3_stmt *vprep(db *d, const char *sql, const char *types, va_list ap)
{
    sqlite3_stmt *st = NULL;
    db_cached *slot = NULL;
    for (int i = 0; i < d->cached; i++)
        if (d->cache[i].sql == sql) {
            slot = &d->cache[i];
            break;
        }
    if (slot && !slot->busy) {
        st = slot->st;
        slot->busy = true;
    } else if (!slot && d->cached < STMT_CACHE) {
        if (sqlite3_prepare_v3(d->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
            log_error(d, "prepare");
            return NULL;
        }
        d->cache[d->cached++] = (db_cached){sql, st, true};
    } else if (d->reprepared++, sqlite3_prepare_v2(d->sql, sql, -1, &st, NULL) != SQLITE_OK) {
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
            finish(d, st);
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

/* Runs a statement that returns no rows. */
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
        else if (s == SQLITE_CONSTRAINT) rc = DB_CONFLICT;
        else log_error(d, "step");
        finish(d, st);
    }
    db_unlock(d);
    return rc;
}

static void col_text(sqlite3_stmt *st, int i, char *dst, size_t cap)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    snprintf(dst, cap, "%s", s ? (const char *)s : "");
}

/* pk_fold(text): valid_fold for name search, as an SQL function. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    char out[512];
    valid_fold((const char *)s, out, sizeof out);
    sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

void db_lock(db *d) { pthread_mutex_lock(&d->lock); }
sqlite3 *db_handle(db *d) { return d->sql; }
int db_depth(const db *d) { return d->depth; }
void db_unlock(db *d) { pthread_mutex_unlock(&d->lock); }

bool db_begin(db *d)
{
    db_lock(d);
    if (sqlite3_exec(d->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        log_error(d, "begin");
        db_unlock(d);
        return false;
    }
    d->depth++;
    return true; /* the lock stays held until commit or rollback */
}

static void sync_fail(db *d, const char *what);

bool db_commit(db *d)
{
    bool ok = sqlite3_exec(d->sql, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    if (!ok) {
        log_error(d, "commit");
        if ((sqlite3_errcode(d->sql) & 0xff) == SQLITE_IOERR) sync_fail(d, "commit"); /* as group_run */
        sqlite3_exec(d->sql, "ROLLBACK", NULL, NULL, NULL);
    }
    d->depth--;
    db_unlock(d);
    return ok;
}

void db_rollback(db *d)
{
    sqlite3_exec(d->sql, "ROLLBACK", NULL, NULL, NULL);
    d->depth--;
    db_unlock(d);
}

/* ---- group commit ----------------------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs one of the group's own statements (kept prepared, like every other); false on error. */
static bool group_step(db *d, const char *sql, const char *what)
{
    sqlite3_stmt *st = prep(d, sql, NULL);
    bool ok = st && sqlite3_step(st) == SQLITE_DONE;
    if (!ok) log_error(d, what);
    finish(d, st);
    return ok;
}

/* Runs one group: every job in its own savepoint of one transaction, then one commit. */
static void group_run(db *d, db_job *jobs)
{
    static const char begin[] = "BEGIN IMMEDIATE", savepoint[] = "SAVEPOINT request",
                      undo[] = "ROLLBACK TO request", release[] = "RELEASE request", commit[] = "COMMIT";
    db_lock(d); /* for the whole group: nothing else runs inside its transaction */
    double t0 = now_s();
    for (db_job *j = jobs; j; j = j->next) {
        d->t_queued += t0 - j->queued;
        j->started = t0;
    }
    bool open = group_step(d, begin, "begin");
    d->depth++;
    d->in_group = true;
    for (db_job *j = jobs; j; j = j->next) {
        if (!open) continue;
        if (!group_step(d, savepoint, "savepoint")) break;
        j->ok = j->fn(d, j->user);
        if (!j->ok) group_step(d, undo, "rollback to");
        group_step(d, release, "release");
        /* After some errors (disk full, I/O) SQLite has rolled the whole transaction back by
           itself: then the work of every job of the group is gone. */
        if (sqlite3_get_autocommit(d->sql)) open = false;
    }
    double t1 = now_s();
    bool committed = open && group_step(d, commit, "commit");
    /* A COMMIT can sync too (SQLite's own fsync when it starts the WAL over writes its header):
       failing with an I/O error, it is wal_sync's failed sync, and nothing is acknowledged from
       here on either. */
    if (open && !committed && (sqlite3_errcode(d->sql) & 0xff) == SQLITE_IOERR) sync_fail(d, "commit");
    if (open && !committed) sqlite3_exec(d->sql, "ROLLBACK", NULL, NULL, NULL);
    double t2 = now_s();
    d->t_work += t1 - t0;
    d->t_commit += t2 - t1;
    if (t2 - t1 > d->commit_max) d->commit_max = t2 - t1;
    if (t2 - t1 > 0.020) d->commits_slow++;
    lat_add(&d->h_commit, t2 - t1);
    d->depth--;
    d->in_group = false;
    bool checkpoint = d->ck_due;
    d->ck_due = false;
    if (!checkpoint) db_unlock(d);
    if (committed && d->syncer_started) {
        /* written, not yet durable: the syncer answers it after its fdatasync */
        db_job *last = jobs;
        while (last->next) last = last->next;
        pthread_mutex_lock(&d->smu);
        if (d->s_tail) d->s_tail->next = jobs;
        else d->s_queue = jobs;
        d->s_tail = last;
        pthread_cond_signal(&d->scv);
        pthread_mutex_unlock(&d->smu);
    } else {
        pthread_mutex_lock(&d->gmu);
        for (db_job *j = jobs, *next; j; j = next) {
            next = j->next; /* j may be gone once its waiter runs */
            j->ok = j->ok && committed;
            j->committed = t2;
            j->done = true;
            pthread_cond_signal(&j->wake);
        }
        pthread_mutex_unlock(&d->gmu);
    }
    if (checkpoint) {
        /* The group is answered; the next one waits for this. Still under the lock, so no commit
           comes between (a checkpoint that a writer keeps overtaking never lets the WAL start
           over, and it grows without end). */
        pthread_mutex_lock(&d->ckrun);
        sqlite3_wal_checkpoint_v2(d->sql, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_unlock(&d->ckrun);
        d->checkpoints++;
        d->t_checkpoint += now_s() - t2;
        lat_add(&d->h_catchup, now_s() - t2);
        db_unlock(d);
    }
}

static void *committer_main(void *arg)
{
    db *d = arg;
    pthread_mutex_lock(&d->gmu);
    for (;;) {
        while (!d->queue && !d->stopping) pthread_cond_wait(&d->work, &d->gmu);
        if (!d->queue) break; /* stopping, and nothing left to do */
        /* Everything queued so far (up to GROUP_MAX) is the next group; what arrives while it
           is worked on and committed waits for the group after. */
        db_job *jobs = d->queue, *last = jobs;
        for (int n = 1; n < GROUP_MAX && last->next; n++) last = last->next;
        d->queue = last->next;
        if (!d->queue) d->tail = NULL;
        last->next = NULL;
        d->groups++;
        for (db_job *j = jobs; j; j = j->next) d->grouped++;
        pthread_mutex_unlock(&d->gmu);
        group_run(d, jobs);
        pthread_mutex_lock(&d->gmu);
    }
    pthread_mutex_unlock(&d->gmu);
    return NULL;
}

/* ---- the syncer ------------------------------------------------------------------------------- */

/* fsyncs the folder that holds path (a new file's name is durable only then); false on error. */
static bool sync_folder(const char *path)
{
    char copy[4200];
    snprintf(copy, sizeof copy, "%s", path);
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0) close(fd);
    return ok;
}

/* Makes everything written to the WAL so far durable: fdatasync of the file (any descriptor of
   it flushes the same inode). SQLite keeps the file while a connection is open, but should it
   ever be a new file, it is opened again (and its folder synced). False on error, and false for
   good once it has failed: a group's COMMIT is already visible when its sync fails, and Linux
   may mark the pages it could not write as clean, so a later sync would succeed without them and
   a client's resend (found stored) would be acknowledged though it never reached the disk. The
   server then acknowledges nothing until it is restarted and recovers from what is on disk
   (PostgreSQL stops for the same reason). */
static void sync_fail_locked(db *d, const char *what, int e)
{
    d->sync_failed = true;
    fprintf(stderr,
            "pakopeli-server: database: the disk could not %s %s (%s). Nothing more is "
            "acknowledged as saved: restart the server, which recovers what reached the disk "
            "(players' games send again what was not acknowledged)\n",
            what, d->wal_path, strerror(e));
}

/* Marks the database failed for good (wal_sync says why) after an I/O error outside wal_sync. */
static void sync_fail(db *d, const char *what)
{
    pthread_mutex_lock(&d->fdmu);
    if (!d->sync_failed) sync_fail_locked(d, what, EIO);
    pthread_mutex_unlock(&d->fdmu);
}

static bool wal_sync(db *d)
{
    pthread_mutex_lock(&d->fdmu);
    if (d->sync_failed) {
        pthread_mutex_unlock(&d->fdmu);
        return false;
    }
    struct stat a, b;
    bool ok = d->wal_fd >= 0;
    if (ok && (fstat(d->wal_fd, &a) != 0 || stat(d->wal_path, &b) != 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev)) {
        int fd = open(d->wal_path, O_RDONLY | O_CLOEXEC);
        ok = fd >= 0 && sync_folder(d->wal_path);
        if (fd >= 0) {
            close(d->wal_fd);
            d->wal_fd = fd;
        }
    }
    ok = ok && fdatasync(d->wal_fd) == 0;
    if (!ok) sync_fail_locked(d, "sync", errno);
    pthread_mutex_unlock(&d->fdmu);
    return ok;
}

static void *syncer_main(void *arg)
{
    db *d = arg;
    pthread_mutex_lock(&d->smu);
    for (;;) {
        while (!d->s_queue && !d->s_stopping) pthread_cond_wait(&d->scv, &d->smu);
        if (!d->s_queue) break; /* stopping, and every group answered */
        db_job *jobs = d->s_queue; /* every group committed so far: one fdatasync covers them all */
        d->s_queue = d->s_tail = NULL;
        pthread_mutex_unlock(&d->smu);
        double t0 = now_s();
        bool ok = wal_sync(d);
        double t1 = now_s();
        lat_add(&d->h_sync, t1 - t0);
        pthread_mutex_lock(&d->gmu);
        for (db_job *j = jobs, *next; j; j = next) {
            next = j->next; /* j may be gone once its waiter runs */
            j->ok = j->ok && ok; /* not durable: not acknowledged (the client sends it again) */
            j->committed = t1;
            j->done = true;
            pthread_cond_signal(&j->wake);
        }
        pthread_mutex_unlock(&d->gmu);
        pthread_mutex_lock(&d->smu);
    }
    pthread_mutex_unlock(&d->smu);
    return NULL;
}

/* Stops the syncer once it has answered every group handed to it. */
static void stop_syncer(db *d)
{
    if (!d->syncer_started) return;
    pthread_mutex_lock(&d->smu);
    d->s_stopping = true;
    pthread_cond_signal(&d->scv);
    pthread_mutex_unlock(&d->smu);
    pthread_join(d->syncer, NULL);
    d->syncer_started = false;
}

/* ---- checkpoints ------------------------------------------------------------------------------ */

/* The checkpointer: PASSIVE checkpoints on its own connection whenever wal_grew asks. PASSIVE
   never waits for the writer, and the writer never waits for it (WAL), so the players' commits
   go on while it copies pages and syncs the database file. */
static void *checkpointer_main(void *arg)
{
    db *d = arg;
    pthread_mutex_lock(&d->cmu);
    for (;;) {
        while (!d->ck_want && !d->ck_stopping) pthread_cond_wait(&d->ccv, &d->cmu);
        if (d->ck_stopping) break;
        d->ck_want = false;
        pthread_mutex_unlock(&d->cmu);
        double t = now_s();
        pthread_mutex_lock(&d->ckrun);
        sqlite3_wal_checkpoint_v2(d->csql, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_unlock(&d->ckrun);
        lat_add(&d->h_ckpt, now_s() - t);
        pthread_mutex_lock(&d->cmu);
    }
    pthread_mutex_unlock(&d->cmu);
    return NULL;
}

/* After every commit on the writing connection, in place of SQLite's automatic checkpoint (which
   does it inside the COMMIT, the committed group still waiting): past CHECKPOINT_PAGES the
   checkpointer is asked; past WAL_BOUND_PAGES the committer catches up itself, after the group
   is answered (group_run), or here after any other commit. */
static int wal_grew(void *arg, sqlite3 *h, const char *name, int pages)
{
    db *d = arg;
    /* A commit outside a group is durable before it returns, as with synchronous=FULL (a
       group's is the syncer's). An error here is the COMMIT's error. */
    if (d->syncer_started && !d->in_group && !wal_sync(d)) return SQLITE_IOERR_FSYNC;
    if (pages < d->wal_pages) d->ck_pages = d->bound_pages = 0; /* the WAL started over */
    d->wal_pages = pages;
    /* While a long read (HR's statistics) keeps the WAL from starting over, a checkpoint after
       every commit would copy little each time: again only when it has grown by a quarter. */
    if (pages >= CHECKPOINT_PAGES && pages - d->ck_pages >= CHECKPOINT_PAGES / 4) {
        d->ck_pages = pages;
        pthread_mutex_lock(&d->cmu);
        d->ck_want = true;
        pthread_cond_signal(&d->ccv);
        pthread_mutex_unlock(&d->cmu);
    }
    if (pages >= WAL_BOUND_PAGES && pages - d->bound_pages >= CHECKPOINT_PAGES / 4) {
        d->bound_pages = pages;
        if (d->in_group) {
            d->ck_due = true;
        } else {
            double t = now_s();
            pthread_mutex_lock(&d->ckrun);
            sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
            pthread_mutex_unlock(&d->ckrun);
            lat_add(&d->h_catchup, now_s() - t);
        }
    }
    return SQLITE_OK;
}

/* The connection's locks (each db has all of them, reader or writer), undone by destroy_locks. */
static void init_locks(db *d)
{
    pthread_mutexattr_t attr; /* recursive: a db_begin'd caller's own calls lock again */
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&d->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_mutex_init(&d->gmu, NULL);
    pthread_mutex_init(&d->rlock, NULL);
    pthread_cond_init(&d->work, NULL);
    pthread_mutex_init(&d->cmu, NULL);
    pthread_cond_init(&d->ccv, NULL);
    pthread_mutex_init(&d->ckrun, NULL);
    pthread_mutex_init(&d->fdmu, NULL);
    pthread_mutex_init(&d->smu, NULL);
    pthread_cond_init(&d->scv, NULL);
}

static void destroy_locks(db *d)
{
    pthread_cond_destroy(&d->scv);
    pthread_mutex_destroy(&d->smu);
    pthread_mutex_destroy(&d->fdmu);
    pthread_cond_destroy(&d->ccv);
    pthread_mutex_destroy(&d->cmu);
    pthread_mutex_destroy(&d->ckrun);
    pthread_mutex_destroy(&d->rlock);
    pthread_cond_destroy(&d->work);
    pthread_mutex_destroy(&d->gmu);
    pthread_mutex_destroy(&d->lock);
}

bool db_group_run(db *d, db_work_fn fn, void *user)
{
    db_job j = {.fn = fn, .user = user, .queued = now_s()};
    pthread_cond_init(&j.wake, NULL);
    pthread_mutex_lock(&d->gmu);
    if (d->stopping) {
        pthread_mutex_unlock(&d->gmu);
        pthread_cond_destroy(&j.wake);
        return false;
    }
    if (d->tail) d->tail->next = &j;
    else d->queue = &j;
    d->tail = &j;
    pthread_cond_signal(&d->work);
    while (!j.done) pthread_cond_wait(&j.wake, &d->gmu);
    pthread_mutex_unlock(&d->gmu);
    pthread_cond_destroy(&j.wake);
    if (j.started > 0) {
        lat_add(&d->h_queued, j.started - j.queued);
        lat_add(&d->h_group, j.committed - j.started);
        lat_add(&d->h_woken, now_s() - j.committed);
    }
    return j.ok;
}

/* ---- opening -------------------------------------------------------------------------------- */

/* Columns added within schema 4 (looked for rather than versioned, like db_org.c's users.email):
   the server's own times of each event and the person's last contact (ingest.h), and the rooms
   of a play solved implausibly fast. */
static bool add_columns(db *d, char *err, size_t cap)
{
    static const struct { const char *table, *column, *def; } cols[] = {
        {"events", "at_ms", "INTEGER NOT NULL DEFAULT 0"},
        {"events", "play_ms", "INTEGER NOT NULL DEFAULT -1"},
        {"plays", "fast", "TEXT NOT NULL DEFAULT ''"},
        {"people", "seen", "INTEGER NOT NULL DEFAULT 0"},
        {"people", "linked", "INTEGER NOT NULL DEFAULT 0"}, /* the latest link sent (retention) */
        {"mail", "error_kind", "TEXT NOT NULL DEFAULT ''"}, /* why a send failed, for HR (mail.h) */
    };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?", "tt", cols[i].table,
                                cols[i].column);
        bool has = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
        finish(d, st);
        if (has) continue;
        char sql[160];
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", cols[i].table, cols[i].column, cols[i].def);
        char *msg = NULL;
        if (sqlite3_exec(d->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
            snprintf(err, cap, "cannot add the column %s.%s: %s", cols[i].table, cols[i].column, msg ? msg : "?");
            sqlite3_free(msg);
            return false;
        }
    }
    return true;
}

/* Savepoints (one per request of a group, db_group_run) and statements with triggers keep the
   pages they change in a sub-journal, which SQLite spills to a new temporary file past 64 KiB:
   a request of a completion changes about 20 pages, so every request created, wrote and
   deleted a file in /var/tmp (135 kB a request, more than the WAL itself). Kept in memory up
   to this size instead; only rollbacks read it, and it is never part of what is durable. */
enum { SUBJOURNAL_SPILL = 16 * 1024 * 1024 };

static void sqlite_setup(void)
{
    /* before the first connection: SQLite takes global settings only until it is initialised */
    if (sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, (int)SUBJOURNAL_SPILL) != SQLITE_OK)
        fprintf(stderr, "pakopeli-server: database: sub-journals will spill to temporary files\n");
}

/* Stops the checkpointer (a checkpoint under way ends first). */
static void stop_checkpointer(db *d)
{
    if (!d->checkpointer_started) return;
    pthread_mutex_lock(&d->cmu);
    d->ck_stopping = true;
    pthread_cond_signal(&d->ccv);
    pthread_mutex_unlock(&d->cmu);
    pthread_join(d->checkpointer, NULL);
    d->checkpointer_started = false;
}

bool db_open(db **out, const char *path, char *err, size_t cap)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_setup);
    *out = NULL;
    db *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    init_locks(d);
    d->wal_fd = -1;

    /* FULLMUTEX: our own lock already serialises, but a second guard costs little. The
       connection's statements are prepared once and kept (prep/finish). */
    int rc = sqlite3_open_v2(path, &d->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                             NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot open database: %s", path, d->sql ? sqlite3_errmsg(d->sql) : "out of memory");
        goto fail;
    }
    chmod(path, 0600); /* personal data: readable by the server's user only */
    sqlite3_busy_timeout(d->sql, 5000);
    sqlite3_create_function(d->sql, "pk_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL);
    /* WAL + synchronous=FULL: a commit is on disk (WAL fsynced) before db_commit returns.
       secure_delete: erased people's data is overwritten, not just unlinked. */
    static const char *const pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA secure_delete=ON; PRAGMA trusted_schema=OFF;";
    char *msg = NULL;
    if (sqlite3_exec(d->sql, pragmas, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(d->sql, schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot set up database: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        goto fail;
    }
    sqlite3_stmt *st = prep(d, "SELECT value FROM meta WHERE key = 'schema'", NULL);
    int version = 0;
    if (st && sqlite3_step(st) == SQLITE_ROW) version = atoi((const char *)sqlite3_column_text(st, 0));
    finish(d, st);
    if (version > SCHEMA_VERSION) {
        snprintf(err, cap, "%s: made by a newer pakopeli-server (schema %d, this one knows %d)", path,
                 version, SCHEMA_VERSION);
        goto fail;
    }
    if (!db_org_setup(d, version, err, cap)) goto fail; /* idempotent: its tables and indexes */
    if (!db_content_setup(d, version, err, cap)) goto fail; /* idempotent too; migrates 1-3 -> 4 */
    if (!add_columns(d, err, cap)) goto fail;
    if (version < SCHEMA_VERSION &&
        run(d, "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", "i", SCHEMA_VERSION) != DB_OK) {
        snprintf(err, cap, "%s: cannot write", path);
        goto fail;
    }
    if (sqlite3_exec(d->sql, stat_schema, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot set up database: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        goto fail;
    }
    st = prep(d, "SELECT value FROM meta WHERE key = 'stats'", NULL);
    bool stats_current = st && sqlite3_step(st) == SQLITE_ROW &&
                         strcmp((const char *)sqlite3_column_text(st, 0), STATS_VERSION) == 0;
    finish(d, st);
    if (!stats_current && !stats_rebuild(d, &msg)) {
        snprintf(err, cap, "%s: cannot build the statistics: %s", path, msg ? msg : "?");
        sqlite3_free(msg);
        goto fail;
    }
    /* the reader (struct db), opened once the schema is there */
    if (sqlite3_open_v2(path, &d->rsql, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot open database for reading: %s", path,
                 d->rsql ? sqlite3_errmsg(d->rsql) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(d->rsql, 5000);
    sqlite3_create_function(d->rsql, "pk_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL);
    /* checkpoints beside the commits (wal_grew): the checkpointer's connection and thread */
    if (sqlite3_open_v2(path, &d->csql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
        sqlite3_exec(d->csql, "PRAGMA synchronous=FULL; PRAGMA trusted_schema=OFF;", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot open database for checkpoints: %s", path,
                 d->csql ? sqlite3_errmsg(d->csql) : "out of memory");
        goto fail;
    }
    if (pthread_create(&d->checkpointer, NULL, checkpointer_main, d) != 0) {
        snprintf(err, cap, "cannot start the checkpoint thread");
        goto fail;
    }
    d->checkpointer_started = true;
    sqlite3_wal_hook(d->sql, wal_grew, d);
    if (pthread_create(&d->committer, NULL, committer_main, d) != 0) {
        snprintf(err, cap, "cannot start the commit thread");
        goto fail;
    }
    d->committer_started = true;
    /* The syncer (struct db), once the WAL file exists (the setup above wrote to it): its
       descriptor, the folder synced once so the file's name is durable too, then NORMAL. If any
       step fails the writer stays FULL and the committer answers its groups itself. */
    snprintf(d->wal_path, sizeof d->wal_path, "%s-wal", path);
    d->wal_fd = open(d->wal_path, O_RDONLY | O_CLOEXEC);
    if (d->wal_fd >= 0 && sync_folder(d->wal_path) && fdatasync(d->wal_fd) == 0 &&
        pthread_create(&d->syncer, NULL, syncer_main, d) == 0) {
        d->syncer_started = true;
        db_lock(d);
        if (sqlite3_exec(d->sql, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
            db_unlock(d);
            stop_syncer(d);
        } else {
            db_unlock(d);
        }
    }
    *out = d;
    return true;
fail:
    stop_syncer(d);
    stop_checkpointer(d);
    for (int i = 0; i < d->cached; i++) sqlite3_finalize(d->cache[i].st);
    sqlite3_close(d->csql);
    sqlite3_close(d->rsql);
    sqlite3_close(d->sql);
    destroy_locks(d);
    free(d);
    return false;
}

bool db_open_reader(db **out, const char *path, char *err, size_t cap)
{
    *out = NULL;
    db *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    init_locks(d);
    d->wal_fd = -1;
    if (sqlite3_open_v2(path, &d->sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: cannot open database for reading: %s", path,
                 d->sql ? sqlite3_errmsg(d->sql) : "out of memory");
        sqlite3_close(d->sql);
        destroy_locks(d);
        free(d);
        return false;
    }
    sqlite3_busy_timeout(d->sql, 5000);
    sqlite3_create_function(d->sql, "pk_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL);
    sqlite3_exec(d->sql, "PRAGMA trusted_schema=OFF;", NULL, NULL, NULL);
    *out = d;
    return true;
}

void db_close(db *d)
{
    if (!d) return;
    if (d->committer_started) {
        pthread_mutex_lock(&d->gmu);
        d->stopping = true; /* the queued jobs are still run */
        pthread_cond_signal(&d->work);
        pthread_mutex_unlock(&d->gmu);
        pthread_join(d->committer, NULL);
        stop_syncer(d); /* after the committer's last group: it answers that too */
        /* any commit from here on (none is expected) is synced in its COMMIT again */
        sqlite3_exec(d->sql, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
        if (d->groups > 0) { /* for operators and `make bench`: is the grouping working? */
            int cur = 0, hi = 0;
            sqlite3_db_status(d->sql, SQLITE_DBSTATUS_CACHE_WRITE, &cur, &hi, 0);
            double g = (double)d->groups;
            fprintf(stderr,
                    "pakopeli-server: group commit: %lld requests in %lld commits (%.1f a commit); a group "
                    "%.2f ms of work, %.2f ms to commit (at most %.0f ms, %lld over 20 ms); a request %.2f ms queued; %lld checkpoints caught up after a group, of "
                    "%.1f ms; %d pages written; %lld statements prepared outside the cache\n",
                    d->grouped, d->groups, (double)d->grouped / g, 1e3 * d->t_work / g, 1e3 * d->t_commit / g, 1e3 * d->commit_max, d->commits_slow,
                    1e3 * d->t_queued / (double)d->grouped, d->checkpoints,
                    d->checkpoints ? 1e3 * d->t_checkpoint / (double)d->checkpoints : 0.0, cur, d->reprepared);
            char q[96], gw[96], w[96], c[96];
            lat_format(&d->h_queued, q, sizeof q);
            lat_format(&d->h_group, gw, sizeof gw);
            lat_format(&d->h_woken, w, sizeof w);
            lat_format(&d->h_commit, c, sizeof c);
            char y[96] = "none (synchronous=FULL: in the COMMIT)";
            if (lat_count(&d->h_sync)) lat_format(&d->h_sync, y, sizeof y);
            fprintf(stderr,
                    "pakopeli-server: group commit, a request's wait: queued %s; its group's work and commit, durable %s; "
                    "woken %s; a COMMIT alone %s; the syncer's fdatasync %s\n", q, gw, w, c, y);
            char k[96], u[96];
            lat_format(&d->h_ckpt, k, sizeof k);
            lat_format(&d->h_catchup, u, sizeof u);
            fprintf(stderr,
                    "pakopeli-server: checkpoints: %lu beside the commits, %s; %lu by the committer (the WAL past "
                    "%d pages), %s\n", lat_count(&d->h_ckpt), k, lat_count(&d->h_catchup), WAL_BOUND_PAGES, u);
        }
    }
    stop_checkpointer(d);
    if (d->wal_fd >= 0) close(d->wal_fd);
    sqlite3_close(d->csql); /* before the writer's: the last connection to close removes the WAL */
    for (int i = 0; i < d->cached; i++) sqlite3_finalize(d->cache[i].st);
    sqlite3_finalize(d->r_token);
    sqlite3_finalize(d->r_session);
    sqlite3_finalize(d->r_release);
    sqlite3_close(d->rsql);
    sqlite3_exec(d->sql, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close(d->sql); /* the last connection: SQLite checkpoints and removes the WAL */
    destroy_locks(d);
    free(d);
}

/* ---- HR accounts ---------------------------------------------------------------------------- */

db_rc db_user_add(db *d, const char *name, const char *role, const char *pwhash, bool must_change,
                  int64_t now)
{
    return run(d, "INSERT INTO users(name, role, pwhash, must_change, created) VALUES (?, ?, ?, ?, ?)", "tttiI",
               name, role, pwhash, must_change ? 1 : 0, now);
}

db_rc db_user_set_password(db *d, const char *name, const char *pwhash, bool must_change)
{
    db_user u;
    db_rc rc = db_user_get(d, name, &u);
    if (rc != DB_OK) return rc;
    return run(d, "UPDATE users SET pwhash = ?, must_change = ? WHERE id = ?", "tiI", pwhash,
               must_change ? 1 : 0, u.id);
}

db_rc db_user_remove(db *d, const char *name)
{
    db_lock(d);
    db_user u;
    db_rc rc = db_user_get(d, name, &u);
    if (rc == DB_OK && strcmp(u.role, "admin") == 0) {
        sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM users WHERE role = 'admin'", NULL);
        int admins = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
        finish(d, st);
        if (admins <= 1) rc = DB_LAST_ADMIN;
    }
    if (rc == DB_OK) rc = run(d, "DELETE FROM users WHERE id = ?", "I", u.id);
    db_unlock(d);
    return rc;
}

static void read_user(sqlite3_stmt *st, db_user *u)
{
    u->id = sqlite3_column_int64(st, 0);
    col_text(st, 1, u->name, sizeof u->name);
    col_text(st, 2, u->role, sizeof u->role);
    col_text(st, 3, u->pwhash, sizeof u->pwhash);
    u->must_change = sqlite3_column_int(st, 4) != 0;
}

db_rc db_user_get(db *d, const char *name, db_user *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT id, name, role, pwhash, must_change FROM users WHERE name = ?", "t", name);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        read_user(st, out);
        rc = DB_OK;
    }
    finish(d, st);
    db_unlock(d);
    return rc;
}

int db_user_count(db *d)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT COUNT(*) FROM users", NULL);
    int n = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    finish(d, st);
    db_unlock(d);
    return n;
}

/* An iterator is done only when SQLite says SQLITE_DONE: a step that fails mid-way (an I/O
   error, a busy or corrupt page) must not pass for the end of the rows, or a replay would
   be silently short (issue 15). Logs the failure. */
static bool rows_done(db *d, int s, const char *what)
{
    if (s == SQLITE_DONE) return true;
    log_error(d, what);
    return false;
}

bool db_rows_done(db *d, int s, const char *what) { return rows_done(d, s, what); }

bool db_user_list(db *d, db_user_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT id, name, role, '', must_change FROM users ORDER BY name", NULL);
    int s = SQLITE_ERROR;
    while (st && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_user u;
        read_user(st, &u);
        fn(user, &u);
    }
    bool ok = st && rows_done(d, s, "users");
    finish(d, st);
    db_unlock(d);
    return ok;
}

/* ---- HR sessions ---------------------------------------------------------------------------- */

db_rc db_session_add(db *d, const char *id_hash, int64_t user_id, const char *csrf, int64_t now)
{
    /* Old sessions are swept here rather than by a timer: logins are rare enough. */
    run(d, "DELETE FROM sessions WHERE seen < ?", "I", now - 24LL * 3600 * 1000);
    return run(d, "INSERT INTO sessions(id_hash, user_id, csrf, created, seen) VALUES (?, ?, ?, ?, ?)", "tItII",
               id_hash, user_id, csrf, now, now);
}

int64_t db_release_committed(db *d)
{
    if (!d->rsql) return db_release_current(d);
    static const char sql[] = "SELECT COALESCE(MAX(id), 0) FROM content_release";
    pthread_mutex_lock(&d->rlock);
    int64_t v = 0;
    if (!d->r_release &&
        sqlite3_prepare_v3(d->rsql, sql, -1, SQLITE_PREPARE_PERSISTENT, &d->r_release, NULL) != SQLITE_OK) {
        fprintf(stderr, "pakopeli-server: database: prepare: %s\n", sqlite3_errmsg(d->rsql));
        d->r_release = NULL;
    } else if (sqlite3_step(d->r_release) == SQLITE_ROW) {
        v = sqlite3_column_int64(d->r_release, 0);
    } else {
        fprintf(stderr, "pakopeli-server: database: current release: %s\n", sqlite3_errmsg(d->rsql));
    }
    if (d->r_release) sqlite3_reset(d->r_release);
    pthread_mutex_unlock(&d->rlock);
    return v;
}

static db_rc session_row(sqlite3_stmt *st, db_session *out)
{
    int step = sqlite3_step(st);
    if (step == SQLITE_DONE) return DB_NOT_FOUND;
    if (step != SQLITE_ROW) return DB_ERROR;
    out->user_id = sqlite3_column_int64(st, 0);
    col_text(st, 1, out->user, sizeof out->user);
    col_text(st, 2, out->role, sizeof out->role);
    col_text(st, 3, out->csrf, sizeof out->csrf);
    out->must_change = sqlite3_column_int(st, 4) != 0;
    out->created = sqlite3_column_int64(st, 5);
    out->seen = sqlite3_column_int64(st, 6);
    return DB_OK;
}

db_rc db_session_get(db *d, const char *id_hash, int64_t now, int64_t idle_ms, int64_t max_ms,
                     db_session *out)
{
    static const char sql[] = "SELECT s.user_id, u.name, u.role, s.csrf, u.must_change, s.created, s.seen "
                              "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?";
    db_rc rc;
    if (d->rsql) {
        /* Every HR request starts here: read on the reader connection (as the players' token,
           db_person_by_token), so it does not wait for the writer's lock, which the committer
           holds through each group's COMMIT; the writer only for the rare write below. */
        pthread_mutex_lock(&d->rlock);
        if (!d->r_session &&
            sqlite3_prepare_v3(d->rsql, sql, -1, SQLITE_PREPARE_PERSISTENT, &d->r_session, NULL) != SQLITE_OK) {
            fprintf(stderr, "pakopeli-server: database: prepare: %s\n", sqlite3_errmsg(d->rsql));
            d->r_session = NULL;
            pthread_mutex_unlock(&d->rlock);
            return DB_ERROR;
        }
        sqlite3_bind_text(d->r_session, 1, id_hash, -1, SQLITE_TRANSIENT);
        rc = session_row(d->r_session, out);
        if (rc == DB_ERROR) fprintf(stderr, "pakopeli-server: database: session: %s\n", sqlite3_errmsg(d->rsql));
        sqlite3_reset(d->r_session);
        sqlite3_clear_bindings(d->r_session);
        pthread_mutex_unlock(&d->rlock);
    } else {
        db_lock(d);
        sqlite3_stmt *st = prep(d, sql, "t", id_hash);
        rc = st ? session_row(st, out) : DB_ERROR;
        finish(d, st);
        db_unlock(d);
    }
    if (rc == DB_OK && (now - out->seen > idle_ms || now - out->created > max_ms)) {
        run(d, "DELETE FROM sessions WHERE id_hash = ?", "t", id_hash);
        rc = DB_NOT_FOUND;
    } else if (rc == DB_OK && now - out->seen > 60 * 1000) {
        /* at most one write a minute per session: every write is an fsync */
        run(d, "UPDATE sessions SET seen = ? WHERE id_hash = ?", "It", now, id_hash);
    }
    return rc;
}

db_rc db_session_remove(db *d, const char *id_hash)
{
    return run(d, "DELETE FROM sessions WHERE id_hash = ?", "t", id_hash);
}

db_rc db_session_remove_user(db *d, int64_t user_id, const char *keep_hash)
{
    return run(d, "DELETE FROM sessions WHERE user_id = ? AND id_hash != ?", "It", user_id,
               keep_hash ? keep_hash : "");
}

/* ---- people --------------------------------------------------------------------------------- */

#define PERSON_STATUS                                                                           \
    "CASE WHEN p.completed > 0 THEN 'completed' WHEN p.revoked > 0 THEN 'revoked' "            \
    "WHEN p.started > 0 THEN 'started' WHEN p.expires > 0 AND p.expires <= :now THEN 'expired' " \
    "ELSE 'invited' END"
/* The play whose results represent a person: the completing one, else the latest. */
#define REP_PLAY                                                                                \
    "(CASE WHEN p.completed_play > 0 THEN p.completed_play ELSE "                               \
    "(SELECT id FROM plays WHERE person_id = p.id ORDER BY last DESC, id DESC LIMIT 1) END)"
#define PERSON_COLS                                                                             \
    "p.id, p.name, p.unit, p.start_date, p.email, p.anonymous, p.invited, p.expires, p.revoked, " \
    "p.started, p.last, p.completed, p.completed_play, COALESCE(p.code, ''), p.score, "         \
    "p.mistakes, p.hints, p.time_ms, " PERSON_STATUS ", "                                       \
    "COALESCE((SELECT content_release FROM plays WHERE id = " REP_PLAY "), 0), p.seen, "      \
    "COALESCE((SELECT fast FROM plays WHERE id = " REP_PLAY "), '')"
/* The filter of the dashboard, all parameters: an empty value means "any". */
#define PERSON_FILTER                                                                           \
    "(:unit = '' OR p.unit = :unit) AND (:status = '' OR :status = 'overdue' OR "               \
    "(" PERSON_STATUS ") = :status) AND "                                                       \
    "(:from = '' OR p.start_date >= :from) AND (:to = '' OR p.start_date <= :to) AND "          \
    "(:q = '' OR instr(p.name_fold, :q) > 0) AND " DB_ORG_FILTER

/* Fills the statistics tables from scratch (a new or older database, or one written behind
   the server's back: deleting meta 'stats' asks for this), then installs their triggers. The
   triggers are dropped first so the bulk fill is counted once, by GROUP BY. */
static bool stats_rebuild(db *d, char **msg)
{
    static const char sql[] =
        "BEGIN IMMEDIATE;"
        "DROP TRIGGER IF EXISTS stat_rep_ins; DROP TRIGGER IF EXISTS stat_rep_del;"
        "DROP TRIGGER IF EXISTS stat_rep_upd; DROP TRIGGER IF EXISTS stat_people_ins;"
        "DROP TRIGGER IF EXISTS stat_people_del; DROP TRIGGER IF EXISTS stat_people_upd;"
        "DELETE FROM stat_rep; DELETE FROM stat_cell; DELETE FROM stat_time; DELETE FROM stat_time_all;"
        "DELETE FROM stat_day; DELETE FROM stat_status;"
        "INSERT INTO stat_rep SELECT p.id, p.unit, r.room, '', r.solved, r.mistakes, r.hints, r.time_ms "
        "FROM people p JOIN room_results r ON r.play_id = " REP_PLAY ";"
        "INSERT INTO stat_rep SELECT p.id, p.unit, r.room, r.puzzle, r.solved, r.mistakes, r.hints, r.solve_ms "
        "FROM people p JOIN puzzle_results r ON r.play_id = " REP_PLAY ";"
        "INSERT INTO stat_cell SELECT unit, room, puzzle, COUNT(*), SUM(solved), SUM(mistakes), SUM(hints) "
        "FROM stat_rep GROUP BY unit, room, puzzle;"
        "INSERT INTO stat_time SELECT unit, room, puzzle, ms / 1000, COUNT(*) FROM stat_rep WHERE solved "
        "GROUP BY 1, 2, 3, 4;"
        "INSERT INTO stat_time_all SELECT room, puzzle, ms / 1000, COUNT(*) FROM stat_rep WHERE solved "
        "GROUP BY 1, 2, 3;"
        "INSERT INTO stat_status SELECT p.unit, " STAT_CLS("p") ", COUNT(*) FROM people p GROUP BY 1, 2;"
        "INSERT INTO stat_day SELECT p.unit, " STAT_DAY("p") ", COUNT(*) FROM people p WHERE p.completed > 0 "
        "GROUP BY 1, 2;"
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('stats', '" STATS_VERSION "');";
    if (sqlite3_exec(d->sql, sql, NULL, NULL, msg) != SQLITE_OK ||
        sqlite3_exec(d->sql, stat_triggers, NULL, NULL, msg) != SQLITE_OK ||
        sqlite3_exec(d->sql, "COMMIT", NULL, NULL, msg) != SQLITE_OK) {
        sqlite3_exec(d->sql, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    return true;
}

static void read_person(sqlite3_stmt *st, db_person *p)
{
    memset(p, 0, sizeof *p);
    p->id = sqlite3_column_int64(st, 0);
    col_text(st, 1, p->name, sizeof p->name);
    col_text(st, 2, p->unit, sizeof p->unit);
    col_text(st, 3, p->start_date, sizeof p->start_date);
    col_text(st, 4, p->email, sizeof p->email);
    p->anonymous = sqlite3_column_int(st, 5) != 0;
    p->invited = sqlite3_column_int64(st, 6);
    p->expires = sqlite3_column_int64(st, 7);
    p->revoked = sqlite3_column_int64(st, 8);
    p->started = sqlite3_column_int64(st, 9);
    p->last = sqlite3_column_int64(st, 10);
    p->completed = sqlite3_column_int64(st, 11);
    p->completed_play = sqlite3_column_int64(st, 12);
    col_text(st, 13, p->code, sizeof p->code);
    p->score = sqlite3_column_int(st, 14);
    p->mistakes = sqlite3_column_int(st, 15);
    p->hints = sqlite3_column_int(st, 16);
    p->time_ms = sqlite3_column_int64(st, 17);
    col_text(st, 18, p->status, sizeof p->status);
    p->content_release = sqlite3_column_int64(st, 19);
    p->seen = sqlite3_column_int64(st, 20);
    col_text(st, 21, p->fast, sizeof p->fast);
}

static bool bind_named(sqlite3_stmt *st, const char *name, const char *text)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i == 0 || sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT) == SQLITE_OK;
}

static bool bind_now(sqlite3_stmt *st, int64_t now)
{
    int i = sqlite3_bind_parameter_index(st, ":now");
    return i == 0 || sqlite3_bind_int64(st, i, now) == SQLITE_OK;
}

static bool bind_filter(sqlite3_stmt *st, const db_filter *f, int64_t now)
{
    static const db_filter none;
    if (!f) f = &none;
    char folded[sizeof f->q * 2];
    valid_fold(f->q, folded, sizeof folded);
    return bind_now(st, now) && bind_named(st, ":unit", f->unit) && bind_named(st, ":status", f->status) &&
           bind_named(st, ":from", f->from) && bind_named(st, ":to", f->to) && bind_named(st, ":q", folded) &&
           db_org_bind_filter(st, f);
}

/* A person's name as stored: Unicode NFC with tidied spaces (units.h), so the NFD and NFC forms
   of "Päivi" are one name and one search; as given when it does not normalise (never expected:
   callers checked it with valid_text). */
void db_name_nfc(const char *in, char out[DB_NAME_MAX])
{
    if (!units_normalise(in, out, DB_NAME_MAX)) snprintf(out, DB_NAME_MAX, "%s", in);
}

db_rc db_person_add(db *d, const db_person *p, const char *token_hash, int64_t *id)
{
    char name[DB_NAME_MAX];
    db_name_nfc(p->name, name);
    db_lock(d);
    /* A person number is never given twice: an erased person's number stays theirs in the audit
       log (the highest ever used is kept in meta by the people_ids trigger). */
    db_rc rc = run(d,
                   "INSERT INTO people(id, name, name_fold, unit, start_date, email, anonymous, token_hash, invited, expires) "
                   "VALUES (MAX(COALESCE((SELECT MAX(id) FROM people), 0), "
                   "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'people_max'), 0)) + 1, "
                   "?, pk_fold(?), ?, ?, ?, ?, ?, ?, ?)",
                   "tttttitII", name, name, p->unit, p->start_date, p->email, p->anonymous ? 1 : 0, token_hash,
                   p->invited, p->expires);
    if (rc == DB_OK && id) *id = sqlite3_last_insert_rowid(d->sql);
    db_unlock(d);
    return rc;
}

static db_rc person_where(db *d, const char *sql, const char *key_text, int64_t key_id, int64_t now,
                          db_person *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, sql, NULL);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st) {
        int i = sqlite3_bind_parameter_index(st, ":key");
        if (key_text) sqlite3_bind_text(st, i, key_text, -1, SQLITE_TRANSIENT);
        else sqlite3_bind_int64(st, i, key_id);
        bind_now(st, now);
        if (sqlite3_step(st) == SQLITE_ROW) {
            read_person(st, out);
            rc = DB_OK;
        }
    }
    finish(d, st);
    db_unlock(d);
    return rc;
}

db_rc db_person_get(db *d, int64_t id, int64_t now, db_person *out)
{
    return person_where(d, "SELECT " PERSON_COLS " FROM people p WHERE p.id = :key", NULL, id, now, out);
}

db_rc db_person_by_token(db *d, const char *token_hash, int64_t now, db_person *out)
{
    /* the invitation's token, or one given to a device by a work-account sign-in (db_org.h);
       on the reader connection (struct db): it sees every committed change */
    static const char sql[] = "SELECT " PERSON_COLS " FROM people p WHERE p.token_hash = :key OR "
                              "p.id = (SELECT person_id FROM person_tokens WHERE hash = :key)";
    pthread_mutex_lock(&d->rlock);
    if (!d->r_token && sqlite3_prepare_v3(d->rsql, sql, -1, SQLITE_PREPARE_PERSISTENT, &d->r_token, NULL) != SQLITE_OK) {
        fprintf(stderr, "pakopeli-server: database: prepare: %s\n", sqlite3_errmsg(d->rsql));
        d->r_token = NULL;
        pthread_mutex_unlock(&d->rlock);
        return DB_ERROR;
    }
    sqlite3_stmt *st = d->r_token;
    db_rc rc = DB_NOT_FOUND;
    sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":key"), token_hash, -1, SQLITE_TRANSIENT);
    bind_now(st, now);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        read_person(st, out);
        rc = DB_OK;
    } else if (step != SQLITE_DONE) {
        fprintf(stderr, "pakopeli-server: database: step: %s\n", sqlite3_errmsg(d->rsql));
        rc = DB_ERROR;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    pthread_mutex_unlock(&d->rlock);
    return rc;
}

db_rc db_person_by_code(db *d, const char *code, int64_t now, db_person *out)
{
    return person_where(d, "SELECT " PERSON_COLS " FROM people p WHERE p.code = :key", code, 0, now, out);
}

db_rc db_person_set_token(db *d, int64_t id, const char *token_hash, int64_t expires, int64_t now)
{
    db_lock(d);
    db_rc rc = run(d, "UPDATE people SET token_hash = ?, expires = ?, revoked = 0, linked = ? WHERE id = ?", "tIII",
                   token_hash, expires, now, id);
    if (rc == DB_OK && sqlite3_changes(d->sql) == 0) rc = DB_NOT_FOUND;
    db_unlock(d);
    return rc;
}

db_rc db_person_revoke(db *d, int64_t id, int64_t now)
{
    db_lock(d);
    db_rc rc = run(d, "UPDATE people SET revoked = ? WHERE id = ? AND revoked = 0", "II", now, id);
    if (rc == DB_OK && sqlite3_changes(d->sql) == 0) {
        db_person p;
        rc = db_person_get(d, id, now, &p); /* already revoked is fine; unknown is not */
    }
    db_unlock(d);
    return rc;
}

db_rc db_person_erase(db *d, int64_t id)
{
    db_lock(d);
    db_person p;
    db_rc rc = person_where(d, "SELECT " PERSON_COLS " FROM people p WHERE p.id = :key", NULL, id, 0, &p);
    bool own = d->depth == 0 && db_begin(d);
    /* The audit log keeps that person number N was erased, never who: their name and address are
       taken out of earlier entries, and so is an export's name search that matched them. */
    static const char erased[] = "[poistettu]";
    if (rc == DB_OK)
        rc = run(d, "UPDATE audit SET detail = replace(detail, ?1, ?2) WHERE instr(detail, ?1) > 0", "tt", p.name,
                 erased);
    if (rc == DB_OK && p.email[0])
        rc = run(d, "UPDATE audit SET detail = replace(detail, ?1, ?2) WHERE instr(detail, ?1) > 0", "tt", p.email,
                 erased);
    if (rc == DB_OK)
        rc = run(d,
                 "UPDATE audit SET detail = substr(detail, 1, instr(detail, ' q=') + 2) || ?2 "
                 "WHERE action = 'export' AND instr(detail, ' q=') > 0 "
                 "AND length(substr(detail, instr(detail, ' q=') + 3)) > 0 "
                 "AND instr(pk_fold(?1), pk_fold(substr(detail, instr(detail, ' q=') + 3))) > 0",
                 "tt", p.name, erased);
    if (rc == DB_OK) rc = run(d, "DELETE FROM people WHERE id = ?", "I", id);
    if (rc == DB_OK && sqlite3_changes(d->sql) == 0) rc = DB_NOT_FOUND;
    if (own && !(rc == DB_OK ? db_commit(d) : (db_rollback(d), false)) && rc == DB_OK) rc = DB_ERROR;
    if (rc == DB_OK && d->depth == 0)
        sqlite3_wal_checkpoint_v2(d->sql, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    db_unlock(d);
    return rc;
}

bool db_people_list(db *d, const db_filter *f, int64_t now, int limit, db_person_fn fn, void *user)
{
    return db_people_page(d, f, now, 0, limit, fn, user);
}

bool db_people_page(db *d, const db_filter *f, int64_t now, int64_t offset, int limit, db_person_fn fn,
                    void *user)
{
    db_lock(d);
    /* With a unit, the same filter led by "p.unit = :unit", which the planner can see (it cannot
       through "(:unit = '' OR ...)"): the page walks people_unit_invited, not everyone newer. */
    sqlite3_stmt *st = prep(d,
                            f && f->unit[0] ? "SELECT " PERSON_COLS " FROM people p WHERE p.unit = :unit AND " PERSON_FILTER
                                              " ORDER BY p.invited DESC, p.id DESC LIMIT :limit OFFSET :offset"
                                            : "SELECT " PERSON_COLS " FROM people p WHERE " PERSON_FILTER
                                              " ORDER BY p.invited DESC, p.id DESC LIMIT :limit OFFSET :offset",
                            NULL);
    bool ok = st && bind_filter(st, f, now) &&
              sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit) == SQLITE_OK &&
              sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":offset"), offset) == SQLITE_OK;
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_person p;
        read_person(st, &p);
        fn(user, &p);
    }
    if (ok && s != SQLITE_DONE) {
        log_error(d, "people");
        ok = false;
    }
    finish(d, st);
    db_unlock(d);
    return ok;
}

int db_retention(db *d, int64_t cutoff)
{
    db_lock(d);
    int n = -1;
    /* a re-sent link (linked) counts as activity: a person invited again is kept */
    if (run(d, "DELETE FROM people WHERE MAX(completed, last, invited, linked) < ?", "I", cutoff) == DB_OK) {
        n = sqlite3_changes(d->sql);
        /* the audit log is pruned by the same rule (it may name who did what to whom) */
        run(d, "DELETE FROM audit WHERE at < ?", "I", cutoff);
        if (n > 0 || sqlite3_changes(d->sql) > 0)
            sqlite3_wal_checkpoint_v2(d->sql, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
    run(d, "DELETE FROM sessions WHERE seen < ?", "I", cutoff);
    db_unlock(d);
    return n;
}

bool db_units(db *d, db_text_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT DISTINCT unit FROM people ORDER BY unit", NULL);
    int s = SQLITE_ERROR;
    while (st && (s = sqlite3_step(st)) == SQLITE_ROW) fn(user, (const char *)sqlite3_column_text(st, 0));
    bool ok = st && rows_done(d, s, "units");
    finish(d, st);
    db_unlock(d);
    return ok;
}

/* ---- plays and events ----------------------------------------------------------------------- */

db_rc db_play_get(db *d, int64_t person_id, const char *play_key, db_play *out)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT id, last_seq, escaped, score, mistakes, hints, time_ms, content_release FROM plays "
                            "WHERE person_id = ? AND play_key = ?",
                            "It", person_id, play_key);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        out->id = sqlite3_column_int64(st, 0);
        out->last_seq = (uint32_t)sqlite3_column_int64(st, 1);
        out->escaped = sqlite3_column_int(st, 2) != 0;
        out->score = sqlite3_column_int(st, 3);
        out->mistakes = sqlite3_column_int(st, 4);
        out->hints = sqlite3_column_int(st, 5);
        out->time_ms = sqlite3_column_int64(st, 6);
        out->release = sqlite3_column_int64(st, 7);
        rc = DB_OK;
    }
    finish(d, st);
    db_unlock(d);
    return rc;
}

db_rc db_play_add(db *d, int64_t person_id, const char *play_key, int64_t release, int64_t now, int64_t *id)
{
    db_lock(d);
    db_rc rc = run(d, "INSERT INTO plays(person_id, play_key, started, last, content_release) VALUES (?, ?, ?, ?, ?)",
                   "ItIII", person_id, play_key, now, now, release);
    if (rc == DB_OK) *id = sqlite3_last_insert_rowid(d->sql);
    db_unlock(d);
    return rc;
}

db_rc db_play_update(db *d, const db_play *p, int64_t now)
{
    return run(d,
               "UPDATE plays SET last = ?, last_seq = ?, escaped = ?, score = ?, mistakes = ?, hints = ?, "
               "time_ms = ?, fast = ? WHERE id = ?",
               "IIiiiiItI", now, (int64_t)p->last_seq, p->escaped ? 1 : 0, p->score, p->mistakes, p->hints,
               p->time_ms, p->fast, p->id);
}

bool db_play_events(db *d, int64_t play_id, db_event_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st =
        prep(d, "SELECT seq, body, at_ms, play_ms FROM events WHERE play_id = ? ORDER BY seq", "I", play_id);
    bool ok = st != NULL;
    int s = SQLITE_ERROR;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW)
        if (!fn(user, (uint32_t)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3)))
            ok = false;
    ok = ok && rows_done(d, s, "events");
    finish(d, st);
    db_unlock(d);
    return ok;
}

db_rc db_event_by_key(db *d, int64_t person_id, const char *key, char *body, size_t cap)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT body FROM events WHERE person_id = ? AND idem_key = ?", "It", person_id, key);
    db_rc rc = st ? DB_NOT_FOUND : DB_ERROR;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        col_text(st, 0, body, cap);
        rc = DB_OK;
    }
    finish(d, st);
    db_unlock(d);
    return rc;
}

db_rc db_event_add(db *d, int64_t play_id, int64_t person_id, uint32_t seq, const char *key,
                   const char *body, int64_t at_ms, int64_t play_ms, int64_t now)
{
    return run(d,
               "INSERT INTO events(play_id, person_id, seq, idem_key, body, received, at_ms, play_ms) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               "IIIttIII", play_id, person_id, (int64_t)seq, key, body, now, at_ms, play_ms);
}

db_rc db_puzzle_result_set(db *d, int64_t play_id, const char *room, const char *puzzle, bool solved,
                           int mistakes, int hints, int64_t solve_ms)
{
    return run(d,
               "INSERT OR REPLACE INTO puzzle_results(play_id, room, puzzle, solved, mistakes, hints, solve_ms) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               "Ittiiii", play_id, room, puzzle, solved ? 1 : 0, mistakes, hints, (int)solve_ms);
}

db_rc db_room_result_set(db *d, int64_t play_id, const char *room, bool solved, int mistakes,
                         int hints, int64_t time_ms, int score)
{
    return run(d,
               "INSERT OR REPLACE INTO room_results(play_id, room, solved, mistakes, hints, time_ms, score) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               "ItiiiIi", play_id, room, solved ? 1 : 0, mistakes, hints, time_ms, score);
}

db_rc db_person_seen(db *d, int64_t person_id, bool events, int64_t now)
{
    /* a page load keeps the first contact since the last accepted events: a reload after
       playing offline must not move the offline batch's lower bound past its events */
    if (events) return run(d, "UPDATE people SET seen = ? WHERE id = ?", "II", now, person_id);
    return run(d, "UPDATE people SET seen = ? WHERE id = ? AND seen <= last", "II", now, person_id);
}

db_rc db_person_touch(db *d, int64_t person_id, int64_t now)
{
    return run(d,
               "UPDATE people SET started = CASE WHEN started = 0 THEN ? ELSE started END, last = ?, seen = ? "
               "WHERE id = ?",
               "IIII", now, now, now, person_id);
}

db_rc db_person_complete(db *d, int64_t person_id, const db_play *play, const char *code, int64_t now)
{
    return run(d,
               "UPDATE people SET completed = ?, completed_play = ?, code = ?, score = ?, mistakes = ?, "
               "hints = ?, time_ms = ? WHERE id = ? AND completed = 0",
               "IItiiiII", now, play->id, code, play->score, play->mistakes, play->hints, play->time_ms,
               person_id);
}

/* ---- statistics ----------------------------------------------------------------------------- */

bool db_stats_covers(const db_filter *f)
{
    /* f->overdue is only the cut-off day of status "overdue" */
    return !f || (!f->status[0] && !f->from[0] && !f->to[0] && !f->q[0] && !f->cfrom[0] && !f->cto[0] &&
                  f->scope == 0);
}

db_rc db_stats_person(db *d, int64_t person_id)
{
    static const char del[] = "DELETE FROM stat_rep WHERE person_id = ?";
    static const char rooms[] =
        "INSERT INTO stat_rep SELECT p.id, p.unit, r.room, '', r.solved, r.mistakes, r.hints, r.time_ms "
        "FROM people p JOIN room_results r ON r.play_id = " REP_PLAY " WHERE p.id = ?";
    static const char puzzles[] =
        "INSERT INTO stat_rep SELECT p.id, p.unit, r.room, r.puzzle, r.solved, r.mistakes, r.hints, r.solve_ms "
        "FROM people p JOIN puzzle_results r ON r.play_id = " REP_PLAY " WHERE p.id = ?";
    db_lock(d);
    db_rc rc = run(d, del, "I", person_id);
    if (rc == DB_OK) rc = run(d, rooms, "I", person_id);
    if (rc == DB_OK) rc = run(d, puzzles, "I", person_id);
    db_unlock(d);
    return rc;
}

/* The median of a cell from its per-second counts: the middle second (the mean of the two
   middle ones for an even count), at the middle of that second. */
static bool stat_median(db *d, const char *unit, const char *room, const char *puzzle, int solved, double *out)
{
    static const char all_sql[] = "SELECT s, n FROM stat_time_all WHERE room = ? AND puzzle = ? AND n > 0 ORDER BY s";
    static const char unit_sql[] =
        "SELECT s, n FROM stat_time WHERE unit = ? AND room = ? AND puzzle = ? AND n > 0 ORDER BY s";
    sqlite3_stmt *st = unit[0] ? prep(d, unit_sql, "ttt", unit, room, puzzle) : prep(d, all_sql, "tt", room, puzzle);
    if (!st) return false;
    /* 0-based ranks of the middle one or two */
    int64_t lo = (solved - 1) / 2, hi = solved / 2, seen = 0;
    double a = -1, b = -1;
    while (b < 0 && sqlite3_step(st) == SQLITE_ROW) {
        int64_t sec = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
        if (a < 0 && lo < seen + n) a = (double)sec * 1000 + 500;
        if (b < 0 && hi < seen + n) b = (double)sec * 1000 + 500;
        seen += n;
    }
    finish(d, st);
    if (a < 0 || b < 0) return false;
    *out = (a + b) / 2;
    return true;
}

bool db_stat_cells(db *d, const char *unit, db_stat_cell_fn fn, void *user)
{
    static const char sql[] =
        "SELECT room, puzzle, SUM(attempted), SUM(solved), SUM(mistakes), SUM(hints) FROM stat_cell "
        "WHERE ? = '' OR unit = ? GROUP BY room, puzzle HAVING SUM(attempted) > 0";
    db_lock(d);
    sqlite3_stmt *st = prep(d, sql, "tt", unit, unit);
    bool ok = st != NULL;
    int s = SQLITE_DONE;
    /* the rows are collected first: the medians need statements of their own */
    db_stat_cell *cells = NULL;
    int n = 0, cap = 0;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            db_stat_cell *c = realloc(cells, (size_t)cap * sizeof *c);
            if (!c) {
                ok = false;
                break;
            }
            cells = c;
        }
        db_stat_cell *c = &cells[n++];
        memset(c, 0, sizeof *c);
        col_text(st, 0, c->room, sizeof c->room);
        col_text(st, 1, c->puzzle, sizeof c->puzzle);
        c->attempted = sqlite3_column_int(st, 2);
        c->solved = sqlite3_column_int(st, 3);
        c->mistakes = sqlite3_column_int64(st, 4);
        c->hints = sqlite3_column_int64(st, 5);
    }
    if (ok && s != SQLITE_DONE) {
        log_error(d, "statistics");
        ok = false;
    }
    finish(d, st);
    for (int i = 0; ok && i < n; i++) {
        db_stat_cell *c = &cells[i];
        c->has_median = c->solved > 0 && stat_median(d, unit, c->room, c->puzzle, c->solved, &c->median_ms);
        fn(user, c);
    }
    free(cells);
    db_unlock(d);
    return ok;
}

bool db_stat_days(db *d, const char *unit, db_stat_day_fn fn, void *user)
{
    static const char sql[] =
        "SELECT day, SUM(n) FROM stat_day WHERE ? = '' OR unit = ? GROUP BY day HAVING SUM(n) > 0 ORDER BY day";
    db_lock(d);
    sqlite3_stmt *st = prep(d, sql, "tt", unit, unit);
    bool ok = st != NULL;
    int s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW)
        fn(user, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1));
    if (ok && s != SQLITE_DONE) {
        log_error(d, "statistics");
        ok = false;
    }
    finish(d, st);
    db_unlock(d);
    return ok;
}

bool db_stat_status(db *d, const char *unit, int64_t now, db_stat_status_counts *out)
{
    static const char sql[] = "SELECT cls, SUM(n) FROM stat_status WHERE ? = '' OR unit = ? GROUP BY cls";
    static const char expired_sql[] =
        "SELECT COUNT(*) FROM people WHERE completed = 0 AND revoked = 0 AND started = 0 AND expires > 0 "
        "AND expires <= ? AND (? = '' OR unit = ?)";
    memset(out, 0, sizeof *out);
    db_lock(d);
    sqlite3_stmt *st = prep(d, sql, "tt", unit, unit);
    bool ok = st != NULL;
    int waiting = 0, s = SQLITE_DONE;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        const char *cls = (const char *)sqlite3_column_text(st, 0);
        int n = sqlite3_column_int(st, 1);
        if (strcmp(cls, "completed") == 0) out->completed = n;
        else if (strcmp(cls, "revoked") == 0) out->revoked = n;
        else if (strcmp(cls, "started") == 0) out->started = n;
        else waiting = n;
    }
    ok = ok && s == SQLITE_DONE;
    finish(d, st);
    st = ok ? prep(d, expired_sql, "Itt", now, unit, unit) : NULL;
    ok = st && sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        out->expired = sqlite3_column_int(st, 0);
        out->invited = waiting - out->expired;
    } else {
        log_error(d, "statistics");
    }
    finish(d, st);
    db_unlock(d);
    return ok;
}

bool db_results(db *d, const db_filter *f, int64_t now, bool rooms, db_result_fn fn, void *user)
{
    static const char room_sql[] =
        "SELECT p.id, r.room, '', r.solved, r.mistakes, r.hints, r.time_ms FROM people p "
        "JOIN room_results r ON r.play_id = " REP_PLAY " WHERE " PERSON_FILTER;
    static const char puzzle_sql[] =
        "SELECT p.id, r.room, r.puzzle, r.solved, r.mistakes, r.hints, r.solve_ms FROM people p "
        "JOIN puzzle_results r ON r.play_id = " REP_PLAY " WHERE " PERSON_FILTER;
    db_lock(d);
    sqlite3_stmt *st = prep(d, rooms ? room_sql : puzzle_sql, NULL);
    bool ok = st && bind_filter(st, f, now);
    int s = SQLITE_ERROR;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_result_row r;
        r.person_id = sqlite3_column_int64(st, 0);
        col_text(st, 1, r.room, sizeof r.room);
        col_text(st, 2, r.puzzle, sizeof r.puzzle);
        r.solved = sqlite3_column_int(st, 3) != 0;
        r.mistakes = sqlite3_column_int(st, 4);
        r.hints = sqlite3_column_int(st, 5);
        r.ms = sqlite3_column_int64(st, 6);
        fn(user, &r);
    }
    ok = ok && rows_done(d, s, "results");
    finish(d, st);
    db_unlock(d);
    return ok;
}

/* ---- feedback ------------------------------------------------------------------------------- */

db_rc db_feedback_add(db *d, int64_t person_id, const char *room, int rating, const char *text,
                      int64_t now)
{
    /* the count and the insert in one statement, so two requests at once cannot pass the cap */
    db_lock(d);
    db_rc rc = run(d,
                   "INSERT INTO feedback(person_id, room, rating, text, at) SELECT ?, ?, ?, ?, ? "
                   "WHERE (SELECT COUNT(*) FROM feedback WHERE person_id = ?1) < ?6",
                   "ItitIi", person_id, room, rating, text, now, (int)DB_FEEDBACK_PER_PERSON);
    if (rc == DB_OK && sqlite3_changes(d->sql) == 0) rc = DB_CONFLICT;
    db_unlock(d);
    return rc;
}

bool db_feedback_list(db *d, const db_filter *f, int64_t now, int limit, int min_respondents, db_feedback_fn fn,
                      void *user, int *withheld)
{
    /* Never by person: of the filter only the unit and a manager's scope apply (a name, a status
       or a date range could narrow the comments down to one person). A unit's comments show only
       when at least min_respondents people of it gave feedback. */
    db_filter only = {0};
    if (f) {
        snprintf(only.unit, sizeof only.unit, "%s", f->unit);
        only.scope = f->scope;
    }
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT f.at, f.room, f.rating, f.text, p.unit FROM feedback f "
                            "JOIN people p ON p.id = f.person_id WHERE " PERSON_FILTER
                            " AND p.unit IN (SELECT p2.unit FROM feedback f2 JOIN people p2 ON p2.id = f2.person_id "
                            "GROUP BY p2.unit HAVING COUNT(DISTINCT f2.person_id) >= :min)"
                            " ORDER BY f.at DESC LIMIT :limit",
                            NULL);
    bool ok = st && bind_filter(st, &only, now) &&
              sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":limit"), limit) == SQLITE_OK &&
              sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":min"), min_respondents) == SQLITE_OK;
    int s = SQLITE_ERROR;
    while (ok && (s = sqlite3_step(st)) == SQLITE_ROW) {
        db_feedback fb;
        fb.at = sqlite3_column_int64(st, 0);
        col_text(st, 1, fb.room, sizeof fb.room);
        fb.rating = sqlite3_column_int(st, 2);
        fb.text = (const char *)sqlite3_column_text(st, 3);
        col_text(st, 4, fb.unit, sizeof fb.unit);
        fn(user, &fb);
    }
    ok = ok && rows_done(d, s, "feedback");
    finish(d, st);
    if (ok && withheld) {
        st = prep(d,
                  "SELECT COUNT(*) FROM feedback f JOIN people p ON p.id = f.person_id WHERE " PERSON_FILTER
                  " AND p.unit NOT IN (SELECT p2.unit FROM feedback f2 JOIN people p2 ON p2.id = f2.person_id "
                  "GROUP BY p2.unit HAVING COUNT(DISTINCT f2.person_id) >= :min)",
                  NULL);
        ok = st && bind_filter(st, &only, now) &&
             sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":min"), min_respondents) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW;
        if (ok) *withheld = sqlite3_column_int(st, 0);
        finish(d, st);
    }
    db_unlock(d);
    return ok;
}

/* ---- audit log ------------------------------------------------------------------------------ */

db_rc db_audit(db *d, int64_t now, const char *user, const char *action, const char *detail)
{
    return run(d, "INSERT INTO audit(at, user, action, detail) VALUES (?, ?, ?, ?)", "Ittt", now, user, action,
               detail ? detail : "");
}

bool db_audit_list(db *d, int limit, db_audit_fn fn, void *user)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d, "SELECT at, user, action, detail FROM audit ORDER BY id DESC LIMIT ?", "i", limit);
    int s = SQLITE_ERROR;
    while (st && (s = sqlite3_step(st)) == SQLITE_ROW)
        fn(user, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3));
    bool ok = st && rows_done(d, s, "audit");
    finish(d, st);
    db_unlock(d);
    return ok;
}

/* ---- maintenance ---------------------------------------------------------------------------- */

bool db_backup(const char *src_path, const char *dst_path, char *err, size_t cap)
{
    struct stat sb;
    if (stat(dst_path, &sb) == 0) {
        snprintf(err, cap, "%s exists already; choose a new file name", dst_path);
        return false;
    }
    sqlite3 *src = NULL, *dst = NULL;
    bool ok = false;
    if (sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: %s", src_path, src ? sqlite3_errmsg(src) : "cannot open");
        goto done;
    }
    sqlite3_busy_timeout(src, 5000);
    if (sqlite3_open_v2(dst_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        snprintf(err, cap, "%s: %s", dst_path, dst ? sqlite3_errmsg(dst) : "cannot create");
        goto done;
    }
    chmod(dst_path, 0600);
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) {
        snprintf(err, cap, "backup: %s", sqlite3_errmsg(dst));
        goto done;
    }
    /* All pages in one step: in WAL mode that is one read transaction, a consistent snapshot
       that does not block the server's writers. (Copying in small steps would restart after
       every write the server makes, and might never finish on a busy day.) */
    int rc;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        snprintf(err, cap, "backup: %s", sqlite3_errstr(rc));
        goto done;
    }
    /* a backup is a single self-contained file: no WAL beside it */
    if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(err, cap, "backup: %s", sqlite3_errmsg(dst));
        goto done;
    }
    ok = true;
done:
    sqlite3_close(src);
    sqlite3_close(dst);
    if (!ok && dst) remove(dst_path);
    return ok;
}

bool db_check_file(const char *path, char *out, size_t cap)
{
    sqlite3 *s = NULL;
    bool ok = false;
    snprintf(out, cap, "cannot open");
    if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            col_text(st, 0, out, cap);
            ok = strcmp(out, "ok") == 0;
        } else {
            snprintf(out, cap, "%s", sqlite3_errmsg(s));
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(s);
    return ok;
}

bool db_counts(db *d, int64_t *people, int64_t *events, int64_t *users)
{
    db_lock(d);
    sqlite3_stmt *st = prep(d,
                            "SELECT (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM events), "
                            "(SELECT COUNT(*) FROM users)",
                            NULL);
    bool ok = st && sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        *people = sqlite3_column_int64(st, 0);
        *events = sqlite3_column_int64(st, 1);
        *users = sqlite3_column_int64(st, 2);
    }
    finish(d, st);
    db_unlock(d);
    return ok;
}
