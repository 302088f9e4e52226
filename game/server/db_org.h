/* db_org.h - the organisation around the people: units (a list HR keeps, optionally in a
 * hierarchy), the units each manager sees, corrections to a person, the HR reports, and the
 * e-mail queue. The second half of the db module (db_org.c): same connection, same lock,
 * and every SQL statement lives there as constant text with ? parameters.
 *
 * Unit names arrive normalised (units.h): NFC `name` for showing, case-folded `key` for
 * telling two spellings of one unit apart (UNIQUE in the table).
 */
#ifndef PK_DB_ORG_H
#define PK_DB_ORG_H

#include "db.h"

/* ---- units ------------------------------------------------------------------------------------- */

typedef struct db_unit {
    int64_t id;
    char name[DB_UNIT_MAX];
    int64_t parent;                /* the service area this unit belongs to, or 0 */
    int people;                    /* people in this unit (not counting sub-units) */
} db_unit;

/* Adds a unit; DB_CONFLICT when one with the same key exists (its id in *id then). */
db_rc db_unit_add(db *d, const char *name, const char *key, int64_t parent, int64_t now, int64_t *id);
/* The canonical name of the unit with this key, adding it (name) when there is none and
   add is true; DB_NOT_FOUND when there is none and add is false. */
db_rc db_unit_ensure(db *d, const char *name, const char *key, bool add, int64_t now, char out[DB_UNIT_MAX]);
db_rc db_unit_get(db *d, int64_t id, db_unit *out);
/* Renames a unit and moves its people along (one transaction); DB_CONFLICT on a duplicate. */
db_rc db_unit_rename(db *d, int64_t id, const char *name, const char *key);
/* DB_CONFLICT when parent is the unit itself or one of its sub-units. 0 makes it top-level. */
db_rc db_unit_set_parent(db *d, int64_t id, int64_t parent);
/* DB_CONFLICT while people are in the unit (move them first). */
db_rc db_unit_remove(db *d, int64_t id);
typedef void (*db_unit_fn)(void *user, const db_unit *u);
/* Units in name order; with scope (a manager's id) only theirs and their sub-units. */
bool db_unit_list(db *d, int64_t scope, db_unit_fn fn, void *user);

/* ---- managers ---------------------------------------------------------------------------------- */

db_rc db_user_set_role(db *d, const char *name, const char *role);
/* Replaces the units a user is assigned (a manager sees these and their sub-units). */
db_rc db_user_set_units(db *d, int64_t user_id, const int64_t *units, int n);
/* The ids of a user's assigned units, at most cap; the count, or -1 on error. */
int db_user_units(db *d, int64_t user_id, int64_t *out, int cap);
/* An HR account's own e-mail address (for managers' weekly summaries); "" for none. */
db_rc db_user_set_email(db *d, const char *name, const char *email);
db_rc db_user_email(db *d, int64_t user_id, char out[DB_EMAIL_MAX]);
/* Managers who have an e-mail address: id, name, address. */
typedef void (*db_manager_fn)(void *user, int64_t id, const char *name, const char *email);
bool db_managers(db *d, db_manager_fn fn, void *user);
/* True when the person is in the scope (always when scope is 0). */
bool db_person_in_scope(db *d, int64_t person_id, int64_t scope);

/* ---- corrections ------------------------------------------------------------------------------- */

/* Sets name, unit, start date and e-mail of a person (the caller audits the change). */
db_rc db_person_edit(db *d, int64_t id, const char *name, const char *unit, const char *start_date,
                     const char *email);

/* ---- reports ----------------------------------------------------------------------------------- */

typedef struct db_rate_row {
    char key[DB_UNIT_MAX];         /* the unit, or the month YYYY-MM */
    int total, completed, overdue;
} db_rate_row;
typedef void (*db_rate_fn)(void *user, const db_rate_row *r);
/* Per unit of the people matching f (overdue counts those not completed whose start date is
   on or before f->overdue), in unit order. */
bool db_report_units(db *d, const db_filter *f, int64_t now, db_rate_fn fn, void *user);
/* Per month of the start date (the invitation's month when there is none), oldest first. */
bool db_report_months(db *d, const db_filter *f, int64_t now, db_rate_fn fn, void *user);
/* How many people match f (for paging). -1 on error. */
int64_t db_people_count(db *d, const db_filter *f, int64_t now);

/* ---- e-mail queue ------------------------------------------------------------------------------ */

enum { DB_MAIL_SECRET_MAX = 64, DB_MAIL_ERROR_MAX = 256 };

typedef struct db_mail {
    int64_t id, person_id, user_id;  /* the recipient: a person or (summaries) an HR user */
    char reason[24];                 /* invitation, not_started, not_finished, expiring, manual, summary */
    char rcpt[DB_EMAIL_MAX];
    char secret[DB_MAIL_SECRET_MAX]; /* the personal link's token until sent; then erased */
    char state[8];                   /* queued, sent, failed */
    int attempts;
    int64_t created, next_try, sent;
    char error[DB_MAIL_ERROR_MAX];   /* the last SMTP answer when it failed */
    char error_kind[16];             /* what HR can do about it (mail_send's kinds; "" before it was kept) */
    char name[DB_NAME_MAX];          /* the person's (or user's) name, for the dashboard */
} db_mail;

/* Queues a mail unless one with the same dedup key was ever queued: DB_CONFLICT then, so
   nobody gets the same reminder twice. */
db_rc db_mail_queue(db *d, int64_t person_id, int64_t user_id, const char *reason, const char *dedup,
                    const char *rcpt, const char *secret, int64_t now);
/* The oldest queued mail due at now; DB_NOT_FOUND when none. */
db_rc db_mail_next(db *d, int64_t now, db_mail *out);
db_rc db_mail_sent(db *d, int64_t id, int64_t now);
/* Records a failed try: queued again at next_try, or failed for good when final. kind is
   mail_send's (mail.h) or "gone"; error the server's or libcurl's words. */
db_rc db_mail_failed(db *d, int64_t id, const char *kind, const char *error, int64_t next_try, bool final);
typedef void (*db_mail_fn)(void *user, const db_mail *m);
/* Newest first; with scope only mails to people in the manager's units. */
bool db_mail_list(db *d, int64_t scope, int limit, db_mail_fn fn, void *user);

/* People who should get a reminder of a kind, with an e-mail address, not completed nor revoked:
   not_started: invited before `before`, not started, link still valid;
   not_finished: started before `before`, not completed;
   expiring: not started, link expiring between now and `before`. */
typedef void (*db_id_fn)(void *user, int64_t id);
bool db_mail_due(db *d, const char *kind, int64_t now, int64_t before, db_id_fn fn, void *user);

/* HR-edited templates: kind+lang -> subject and body. DB_NOT_FOUND when HR kept the default. */
db_rc db_template_get(db *d, const char *kind, const char *lang, char *subject, size_t scap, char *body,
                      size_t bcap);
db_rc db_template_set(db *d, const char *kind, const char *lang, const char *subject, const char *body,
                      int64_t now);

/* ---- work-account sign-in (oidc.c) ------------------------------------------------------------- */

/* A sign-in in progress: the hash of its state, its nonce and PKCE verifier, "hr" or "player". */
db_rc db_oidc_state_add(db *d, const char *state_hash, const char *nonce, const char *verifier,
                        const char *purpose, int64_t now);
/* Takes (and deletes) a state: DB_NOT_FOUND when unknown, used already, or older than ten minutes. */
db_rc db_oidc_state_take(db *d, const char *state_hash, int64_t now, char nonce[64], char verifier[64],
                         char purpose[16]);
/* Gives a person another token (a device signed in with the work account); the invitation's
   link keeps working. */
db_rc db_person_add_token(db *d, int64_t person_id, const char *token_hash, int64_t now);
/* The invited person with this e-mail address (case-insensitive). */
db_rc db_person_by_email(db *d, const char *email, int64_t *id);

#endif
