/* db_internal.h - what db.c shares with db_org.c, its second half. Not for other modules:
 * they use db.h and db_org.h, and never see SQLite.
 */
#ifndef PK_DB_INTERNAL_H
#define PK_DB_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#include "db.h"

sqlite3 *db_handle(db *d);
/* Open db_begin() transactions (0 or 1). */
int db_depth(const db *d);

/* An iterator's last sqlite3_step result: true only for SQLITE_DONE, the end of the rows; any
   other (an I/O error, a busy or corrupt page, an interrupt) is logged with what and is false,
   so a failure mid-way never passes for a short list. */
bool db_rows_done(db *d, int s, const char *what);

/* Creates the tables of db_content.c that are missing (idempotent) and migrates a database of
   schema from_version (1-3) to 4. */
bool db_content_setup(db *d, int from_version, char *err, size_t cap);

/* Creates the tables and indexes of db_org.c that are missing (at every start: idempotent) and
   migrates a database of schema from_version (0: new). */
bool db_org_setup(db *d, int from_version, char *err, size_t cap);

/* The parts of the dashboard's filter that db_org.c adds (see db_filter in db.h): a manager's
   units with their sub-units, the completion-date range, and the overdue cut-off. */
#define DB_ORG_FILTER                                                                          \
    "(:scope = 0 OR p.unit IN (WITH RECURSIVE s(id) AS (SELECT unit_id FROM user_units "       \
    "WHERE user_id = :scope UNION SELECT u.id FROM units u JOIN s ON u.parent = s.id) "         \
    "SELECT name FROM units WHERE id IN s)) AND "                                               \
    "(:cfrom = '' OR (p.completed > 0 AND date(p.completed / 1000, 'unixepoch', 'localtime') >= :cfrom)) AND " \
    "(:cto = '' OR (p.completed > 0 AND date(p.completed / 1000, 'unixepoch', 'localtime') <= :cto)) AND " \
    "(:status != 'overdue' OR (p.completed = 0 AND p.revoked = 0 AND p.start_date != '' AND "  \
    "p.start_date <= :overdue))"

/* Binds the parameters of DB_ORG_FILTER (absent ones are skipped). */
bool db_org_bind_filter(sqlite3_stmt *st, const db_filter *f);

#endif
