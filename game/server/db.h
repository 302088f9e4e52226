/* db.h - everything the report server keeps, in one SQLite file, and nothing else touches it.
 *
 * Every SQL statement of the server lives in db.c, each one constant text with ? parameters:
 * no value is ever pasted into SQL. The file is in WAL mode, and a transaction that db_commit()
 * reported as done survives a killed process or a power cut: the WAL is fsynced in its COMMIT
 * (a group commit's by the syncer thread before its requests are answered; db.c, struct db).
 *
 * One connection is shared by the server's threads behind a recursive lock. Every function
 * takes the lock itself; a caller that needs several calls to see one consistent state holds
 * db_lock() around them. Statements are prepared once per connection and reused.
 *
 *   db *d;
 *   char err[256];
 *   if (!db_open(&d, "data/pakopeli.db", err, sizeof err)) die(err);
 *   ...
 *   db_close(d);
 *
 * Units, managers' units, person edits, reports and the mail queue are in db_org.h (db_org.c),
 * on the same connection and under the same rule.
 *
 * Times are milliseconds since 1970 (the server's clock); 0 means "not yet" / "none".
 */
#ifndef PK_DB_H
#define PK_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"

typedef struct db db;

typedef enum db_rc {
    DB_OK = 0,
    DB_NOT_FOUND,   /* no such row (or an expired session) */
    DB_CONFLICT,    /* a unique value is taken (user name, idempotency key, sequence number) */
    DB_LAST_ADMIN,  /* the change would leave no admin account */
    DB_ERROR        /* I/O or database error: logged to stderr, never shown to clients */
} db_rc;

enum { DB_NAME_MAX = 201, DB_UNIT_MAX = 101, DB_EMAIL_MAX = 255, DB_USER_MAX = 65, DB_ID_MAX = 65, DB_FAST_MAX = 512 };

/* ---- opening --------------------------------------------------------------------------------- */

/* Opens or creates the database at path and its tables. False with a reason. */
bool db_open(db **out, const char *path, char *err, size_t cap);
/* A read-only connection of its own, for HR's long reads (the people list, the statistics): on
   the writer's connection, a name search's statistics (0.4-1.8 s at 130,000 people) held the
   lock that the players' group commits need, and completions fell from ~300/s to 8-18/s with
   a p99 of 2-7 s while it ran. Only reading db_* calls may be given it (a write fails). Open
   it after db_open; close it with db_close. */
bool db_open_reader(db **out, const char *path, char *err, size_t cap);
void db_close(db *d);

/* The recursive lock every function takes; hold it to make several calls one step. */
void db_lock(db *d);
void db_unlock(db *d);
/* A transaction of one caller (HR's import): held from begin to commit or rollback. */
bool db_begin(db *d);
bool db_commit(db *d);
void db_rollback(db *d);

/* Group commit: db_group_run hands fn to the server's one committer thread and waits. The
 * committer runs every request queued so far, each fn in a savepoint of its own inside one
 * transaction, then commits once (one fsync for all); requests that arrive meanwhile form
 * the next group. fn returns false to undo its own writes (a storage error); the others stay.
 * db_group_run returns true only when fn returned true and the group's commit is durable, so
 * a request may be acknowledged then and not before. fn runs with the lock held; nothing else
 * runs inside the group's transaction. The lock is held through the group's work and COMMIT
 * (the fsync that makes it durable follows on the syncer thread while the next group runs),
 * so what a request does before it queues must not need it: db_person_by_token (every
 * player's request starts with it) reads on a connection of its own. db_close says how many
 * requests shared a commit and where their time went. */
typedef bool (*db_work_fn)(db *d, void *user);
bool db_group_run(db *d, db_work_fn fn, void *user);

/* ---- HR accounts ------------------------------------------------------------------------------ */

typedef struct db_user {
    int64_t id;
    char name[DB_USER_MAX];
    char role[16];                 /* "admin", "viewer", "manager" (sees only their units) or
                                      "author" (the studio only, no HR data) */
    char pwhash[AUTH_PWHASH_MAX];
    bool must_change;              /* signed in with a one-time password: must set their own */
} db_user;

db_rc db_user_add(db *d, const char *name, const char *role, const char *pwhash, bool must_change,
                  int64_t now);
db_rc db_user_set_password(db *d, const char *name, const char *pwhash, bool must_change);
/* DB_LAST_ADMIN when name is the only admin. Ends the user's sessions. */
db_rc db_user_remove(db *d, const char *name);
db_rc db_user_get(db *d, const char *name, db_user *out);
int db_user_count(db *d);
typedef void (*db_user_fn)(void *user, const db_user *u);
bool db_user_list(db *d, db_user_fn fn, void *user);

/* ---- HR sessions ------------------------------------------------------------------------------ */

typedef struct db_session {
    int64_t user_id;
    char user[DB_USER_MAX];
    char role[16];
    char csrf[AUTH_TOKEN_MAX];
    bool must_change;
    int64_t created, seen;
} db_session;

db_rc db_session_add(db *d, const char *id_hash, int64_t user_id, const char *csrf, int64_t now);
/* The session, or DB_NOT_FOUND when unknown, idle longer than idle_ms or older than max_ms
   (an expired one is deleted). Refreshes its last-seen time at most once a minute. */
db_rc db_session_get(db *d, const char *id_hash, int64_t now, int64_t idle_ms, int64_t max_ms,
                     db_session *out);
db_rc db_session_remove(db *d, const char *id_hash);
/* Ends every session of a user except keep_hash (NULL: all). */
db_rc db_session_remove_user(db *d, int64_t user_id, const char *keep_hash);

/* ---- people (invited or anonymous players) ---------------------------------------------------- */

typedef struct db_person {
    int64_t id;
    char name[DB_NAME_MAX];
    char unit[DB_UNIT_MAX];
    char start_date[11];           /* YYYY-MM-DD or "" */
    char email[DB_EMAIL_MAX];      /* or "" */
    bool anonymous;                /* registered themselves in anonymous mode */
    int64_t invited, expires, revoked, started, last, completed;
    int64_t completed_play;        /* the play that completed the game, or 0 */
    char code[AUTH_CODE_MAX];      /* completion code or "" */
    int score, mistakes, hints;    /* from the completing play; 0 before */
    int64_t time_ms;               /* playing time of the completing play (game clock) */
    char status[12];               /* invited, started, completed, expired, revoked */
    int64_t content_release;       /* the content release of the person's representative play
                                      (the completing one, else the latest); 0 before any */
    int64_t seen;                  /* the player's last contact with the server (me, events); 0 never */
    char fast[DB_FAST_MAX];        /* the representative play's implausibly fast rooms (db_play.fast) */
} db_person;

typedef struct db_filter {
    char unit[DB_UNIT_MAX];        /* "" for all */
    char status[12];               /* "" for all, a status, or "overdue" (not completed, see below) */
    char from[11], to[11];         /* start-date range, inclusive; "" for open */
    char q[DB_NAME_MAX];           /* name contains (case-folded); "" for all */
    char cfrom[11], cto[11];       /* completion-date range (local days), inclusive; "" for open */
    char overdue[11];              /* with status "overdue": start dates on or before this day */
    int64_t scope;                 /* a manager's user id: only the units assigned to them; 0 all */
} db_filter;

/* Adds a person; the name is stored in NFC (db_name_nfc). */
db_rc db_person_add(db *d, const db_person *p, const char *token_hash, int64_t *id);
/* A person's name as stored and searched: NFC, spaces tidied (units_normalise). */
void db_name_nfc(const char *in, char out[DB_NAME_MAX]);
db_rc db_person_get(db *d, int64_t id, int64_t now, db_person *out);
/* On the read-only connection, without the lock: sees what is committed, not a transaction
   in progress (not for use inside one). */
db_rc db_person_by_token(db *d, const char *token_hash, int64_t now, db_person *out);
db_rc db_person_by_code(db *d, const char *code, int64_t now, db_person *out);
/* A new link: replaces the token hash, sets a new expiry and lifts a revocation; now counts as
   activity for retention (a person invited again is kept). */
db_rc db_person_set_token(db *d, int64_t id, const char *token_hash, int64_t expires, int64_t now);
db_rc db_person_revoke(db *d, int64_t id, int64_t now);
/* Removes the person and everything recorded about them, then checkpoints the log so the
   erased rows do not linger in the WAL file (secure_delete zeroes freed pages). */
db_rc db_person_erase(db *d, int64_t id);
typedef void (*db_person_fn)(void *user, const db_person *p);
/* People matching f, newest invitation first, at most limit. */
bool db_people_list(db *d, const db_filter *f, int64_t now, int limit, db_person_fn fn, void *user);
/* The same, skipping the first offset (the dashboard's pages; db_people_count has the total). */
bool db_people_page(db *d, const db_filter *f, int64_t now, int64_t offset, int limit, db_person_fn fn,
                    void *user);
/* Removes people whose last activity (completion, last event, or invitation) is before
   cutoff; returns how many, or -1 on error. */
int db_retention(db *d, int64_t cutoff);
/* Units in use, for the dashboard's filter. */
typedef void (*db_text_fn)(void *user, const char *text);
bool db_units(db *d, db_text_fn fn, void *user);

/* ---- plays and events ------------------------------------------------------------------------- */

typedef struct db_play {
    int64_t id;
    int64_t release;    /* the content release the play is replayed on (db_content_*) */
    uint32_t last_seq;  /* highest stored sequence number; 0 before the first */
    bool escaped;
    int score, mistakes, hints;
    int64_t time_ms;
    char fast[DB_FAST_MAX]; /* rooms solved faster than their plausible minimum, "id,id"; "" none */
} db_play;

db_rc db_play_get(db *d, int64_t person_id, const char *play_key, db_play *out);
/* release: the content release the play began on (its replay uses that one). */
db_rc db_play_add(db *d, int64_t person_id, const char *play_key, int64_t release, int64_t now, int64_t *id);
db_rc db_play_update(db *d, const db_play *p, int64_t now);
/* at_ms: the server's reckoning of when the event happened (0: stored before it was kept);
   play_ms: its playing time as the server accounts it (ingest.h), -1 when not kept. */
typedef bool (*db_event_fn)(void *user, uint32_t seq, const char *body, int64_t at_ms, int64_t play_ms);
/* Calls fn for the play's stored events in sequence order; stops when fn returns false. */
bool db_play_events(db *d, int64_t play_id, db_event_fn fn, void *user);
/* The stored event with this idempotency key of a person. */
db_rc db_event_by_key(db *d, int64_t person_id, const char *key, char *body, size_t cap);
db_rc db_event_add(db *d, int64_t play_id, int64_t person_id, uint32_t seq, const char *key,
                   const char *body, int64_t at_ms, int64_t play_ms, int64_t now);
db_rc db_puzzle_result_set(db *d, int64_t play_id, const char *room, const char *puzzle, bool solved,
                           int mistakes, int hints, int64_t solve_ms);
db_rc db_room_result_set(db *d, int64_t play_id, const char *room, bool solved, int mistakes,
                         int hints, int64_t time_ms, int score);
/* Notes the player's contact with the server, the lower bound of an offline batch's times
   (ingest.h): events (true) set it; a page load (false) only when nothing came since the last
   accepted events, so the contact before an offline spell stands. */
db_rc db_person_seen(db *d, int64_t person_id, bool events, int64_t now);
/* Marks a person started (first time), active now and in contact now (as db_person_seen with
   events: one UPDATE for the row every accepted request writes). */
db_rc db_person_touch(db *d, int64_t person_id, int64_t now);
/* Records the completion unless one is recorded already (the first completion counts). */
db_rc db_person_complete(db *d, int64_t person_id, const db_play *play, const char *code, int64_t now);

/* ---- statistics -------------------------------------------------------------------------------- */

/* One row per person (matching f) and room or puzzle, from the person's representative play:
   the one that completed the game, else the most recent. puzzle is "" for room rows. */
typedef struct db_result_row {
    int64_t person_id;
    char room[DB_ID_MAX];
    char puzzle[DB_ID_MAX];
    bool solved;
    int mistakes, hints;
    int64_t ms;        /* puzzles: time to solve; rooms: time in the room (game clock) */
} db_result_row;
typedef void (*db_result_fn)(void *user, const db_result_row *r);
bool db_results(db *d, const db_filter *f, int64_t now, bool rooms, db_result_fn fn, void *user);

/* Kept as results arrive (db.c, "statistics kept as results arrive"): for everyone or one unit,
   answered from small tables whatever the number of people. */

/* True when f asks only for everyone or one unit, which the kept statistics answer; any other
   filter needs db_results and db_people_list. */
bool db_stats_covers(const db_filter *f);
/* Refreshes the person's representative results in the kept statistics: call after storing
   results or a completion, inside the same transaction. */
db_rc db_stats_person(db *d, int64_t person_id);

typedef struct db_stat_cell {
    char room[DB_ID_MAX];
    char puzzle[DB_ID_MAX];        /* "" for the room's own row */
    int attempted, solved;
    int64_t mistakes, hints;
    bool has_median;
    double median_ms;              /* of those who solved, exact to the second */
} db_stat_cell;
typedef void (*db_stat_cell_fn)(void *user, const db_stat_cell *c);
/* Every room and puzzle with results, of unit ("" for everyone). */
bool db_stat_cells(db *d, const char *unit, db_stat_cell_fn fn, void *user);
typedef void (*db_stat_day_fn)(void *user, const char *day, int count);
/* Completions per local day (YYYY-MM-DD), oldest first. */
bool db_stat_days(db *d, const char *unit, db_stat_day_fn fn, void *user);
typedef struct db_stat_status_counts {
    int invited, started, completed, expired, revoked;
} db_stat_status_counts;
bool db_stat_status(db *d, const char *unit, int64_t now, db_stat_status_counts *out);

/* ---- feedback ---------------------------------------------------------------------------------- */

/* A person gives at most DB_FEEDBACK_PER_PERSON comments (one per room and a few more; 200
   posts from one token must not fill the database): DB_CONFLICT beyond it. */
enum { DB_FEEDBACK_PER_PERSON = 30 };
db_rc db_feedback_add(db *d, int64_t person_id, const char *room, int rating, const char *text,
                      int64_t now);
typedef struct db_feedback {
    int64_t at;
    char room[DB_ID_MAX];
    int rating;        /* 1..5, 0 when not given */
    const char *text;  /* valid during the callback */
    char unit[DB_UNIT_MAX];
} db_feedback;
typedef void (*db_feedback_fn)(void *user, const db_feedback *f);
/* Feedback without names, newest first. Only f's unit and scope apply (never a name, status or
   date: they could single a person out), and only units where at least min_respondents people
   gave feedback; *withheld (if not NULL) gets the count of comments held back by that rule. */
bool db_feedback_list(db *d, const db_filter *f, int64_t now, int limit, int min_respondents, db_feedback_fn fn,
                      void *user, int *withheld);

/* ---- the learning platform's packages ------------------------------------------------------- */

/* A SCORM package HR downloaded (scorm_pkg.h): which release the learning platform was given. */
typedef struct db_package {
    int64_t at;
    char user[DB_USER_MAX];
    char version[8];     /* "1.2" or "2004" */
    int64_t release;
} db_package;
db_rc db_package_note(db *d, int64_t now, const char *user, const char *version, int64_t release);
/* The newest download; DB_NOT_FOUND when there has been none. */
db_rc db_package_last(db *d, db_package *out);

/* ---- audit log --------------------------------------------------------------------------------- */

/* Appends to the audit log (its own transaction unless one is open). */
db_rc db_audit(db *d, int64_t now, const char *user, const char *action, const char *detail);
typedef void (*db_audit_fn)(void *user, int64_t at, const char *who, const char *action,
                            const char *detail);
bool db_audit_list(db *d, int limit, db_audit_fn fn, void *user);

/* ---- content store (the studio) ----------------------------------------------------------------
 *
 * The game's content files (game.json, the rooms, comics/...) are kept as versions. A publish
 * makes a new *release*: a numbered set of one version of every file, with who, when and a note.
 * Players get the newest release; a play records the release it began on. A file has at most
 * one shared draft. Every change of a file's draft or published text bumps its revision
 * (content_head), so a save based on an older revision is refused (DB_CONFLICT), never lost.
 * Uploaded images (assets/uploads/...) are kept as blobs; they never change once stored.
 */

enum { DB_CONTENT_NAME_MAX = 96, DB_NOTE_MAX = 501, DB_CONTENT_MAX = 2 * 1024 * 1024 };

/* One file of a release or one version in a file's history. body is valid during a callback
   only, or owned by the caller (free) when returned by db_content_get. */
typedef struct db_content_ver {
    char name[DB_CONTENT_NAME_MAX];  /* "game.json", "outlook.json", "comics/digituki.json" */
    int version;                     /* 1, 2, 3 ... per file */
    int64_t release;                 /* the release that published this version */
    int64_t at;
    char author[DB_USER_MAX];
    char note[DB_NOTE_MAX];
    bool deleted;                    /* this version removed the file */
    char *body;                      /* NULL when deleted */
    int rollback_version;            /* > 0: this version put back that earlier version (note: the author's words) */
} db_content_ver;

typedef struct db_release {
    int64_t id;
    int64_t at;
    char author[DB_USER_MAX];
    char note[DB_NOTE_MAX];
    bool feedback;                   /* "changed after feedback": shown to players in the lobby */
    /* A rollback, kept as data so each reader sees it in their language: the file and the
       version it put back (0: an ordinary publish). note holds only the author's own words. */
    char rollback_name[DB_CONTENT_NAME_MAX];
    int rollback_version;
} db_release;

/* A file in a publish: body NULL removes it from the game. */
typedef struct db_content_put {
    const char *name;
    const char *body;
} db_content_put;

/* The newest release's id, 0 when nothing is published. */
int64_t db_release_current(db *d);
/* The same as committed, read on the players' reader connection (db_open's): without the
   writer's lock, which the committer holds through each group's COMMIT. Not inside a
   transaction that publishes (it does not see that transaction's own release). */
int64_t db_release_committed(db *d);
db_rc db_release_get(db *d, int64_t id, db_release *out);
typedef void (*db_release_fn)(void *user, const db_release *r);
/* Releases, newest first, at most limit. */
bool db_release_list(db *d, int limit, db_release_fn fn, void *user);
/* One transaction: a new release = the current one with these files replaced or removed;
   their drafts go. DB_CONFLICT when a revision in revs (one per file, -1: do not check) is no
   longer the file's. *out_release is the new release. */
db_rc db_content_publish(db *d, const db_content_put *files, const int64_t *revs, int n, const char *author,
                         const char *note, bool feedback, int64_t now, int64_t *out_release);
/* A publish of one file's earlier version (its text in body), recorded as a rollback to version. */
db_rc db_content_rollback(db *d, const char *name, const char *body, int64_t rev, int version, const char *author,
                          const char *note, int64_t now, int64_t *out_release);
typedef void (*db_content_fn)(void *user, const db_content_ver *v);
/* The files of a release (bodies included), by name. */
bool db_release_files(db *d, int64_t release, db_content_fn fn, void *user);
/* A file's version (0: the one in the current release). DB_NOT_FOUND when there is none;
   out->body is the caller's to free. */
db_rc db_content_get(db *d, const char *name, int version, db_content_ver *out);
/* A file as a release has it, by the release's number: a committed release never changes, so
   the text belongs to that release whatever was published since (store_serve_level gives it
   under the number as its ETag). DB_NOT_FOUND when the release has no such file; out->body is
   the caller's to free. */
db_rc db_release_file(db *d, int64_t release, const char *name, db_content_ver *out);
/* A file's published versions, newest first (bodies not included: NULL). */
bool db_content_history(db *d, const char *name, db_content_fn fn, void *user);
/* The file's revision: bumped by every draft save and publish; 0 for an unknown file. */
int64_t db_content_revision(db *d, const char *name);

typedef struct db_draft {
    char name[DB_CONTENT_NAME_MAX];
    int64_t revision;
    int64_t at;
    char author[DB_USER_MAX];
    bool deleted;                    /* the draft removes the file */
    char *body;                      /* owned by the caller from db_draft_get; valid during a callback */
} db_draft;

/* Saves a draft when base_revision is the file's revision (else DB_CONFLICT, nothing changes).
   body NULL: a draft that removes the file. *new_revision is the file's revision now. */
db_rc db_draft_save(db *d, const char *name, const char *body, int64_t base_revision, const char *author,
                    int64_t now, int64_t *new_revision);
db_rc db_draft_get(db *d, const char *name, db_draft *out);
/* Drops a draft (back to the published text); bumps the revision. */
db_rc db_draft_discard(db *d, const char *name, int64_t base_revision, int64_t *new_revision);
typedef void (*db_draft_fn)(void *user, const db_draft *dr);
bool db_draft_list(db *d, db_draft_fn fn, void *user);

/* Uploaded images. DB_CONFLICT when the path is taken by other bytes. */
db_rc db_asset_put(db *d, const char *path, const char *type, const void *data, size_t len, const char *author,
                   int64_t now);
/* *data is the caller's to free. */
db_rc db_asset_get(db *d, const char *path, char type[32], void **data, size_t *len);
typedef void (*db_asset_fn)(void *user, const char *path, const char *type, const void *data, size_t len);
bool db_asset_list(db *d, db_asset_fn fn, void *user);

/* ---- maintenance ------------------------------------------------------------------------------- */

/* Copies the live database at src_path to dst_path with SQLite's online backup, while the
   server keeps running; dst_path must not exist. */
bool db_backup(const char *src_path, const char *dst_path, char *err, size_t cap);
/* PRAGMA integrity_check of a database file: true when "ok"; the first problem otherwise. */
bool db_check_file(const char *path, char *out, size_t cap);
/* Counts rows of the main tables for `pakopeli-server status` and tests. */
bool db_counts(db *d, int64_t *people, int64_t *events, int64_t *users);

#endif
