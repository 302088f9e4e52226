/* The database's iterators fail when SQLite fails mid-way (issue 15): a list that ends early
 * because a step failed must not pass for the whole list (a short replay became a misleading
 * "409 seq_gap"). The failure is made real: the callback interrupts the connection, so the
 * next sqlite3_step returns SQLITE_INTERRUPT instead of a row or SQLITE_DONE.
 * db.c is included for its connection handle (STYLE.md 12); server.mk links SQLite. */
#include <unistd.h>

#include "../../game/server/db.c"
#include "../../game/server/db_org.h"
#include "harness.h"

static db *d;
static int rows;

static void interrupt_after_first(void)
{
    if (++rows == 1) sqlite3_interrupt(d->sql);
}
static void on_audit(void *u, int64_t at, const char *who, const char *action, const char *detail)
{
    (void)u, (void)at, (void)who, (void)action, (void)detail;
    interrupt_after_first();
}
static void on_user(void *u, const db_user *x)
{
    (void)u, (void)x;
    interrupt_after_first();
}
static bool on_event(void *u, uint32_t seq, const char *body, int64_t at_ms, int64_t play_ms)
{
    (void)u, (void)seq, (void)body, (void)at_ms, (void)play_ms;
    interrupt_after_first();
    return true;
}

TEST(an_iterator_that_sqlite_stops_mid_way_reports_a_failure_not_a_short_list)
{
    for (int i = 0; i < 3; i++) CHECK(db_audit(d, 1000 + i, "admin", "test", "row") == DB_OK);
    rows = 0;
    CHECK(!db_audit_list(d, 10, on_audit, NULL));
    CHECK(rows == 1);

    CHECK(db_user_add(d, "aino", "viewer", "x", false, 1) == DB_OK);
    CHECK(db_user_add(d, "bertil", "viewer", "x", false, 1) == DB_OK);
    rows = 0;
    CHECK(!db_user_list(d, on_user, NULL));

    db_person p;
    memset(&p, 0, sizeof p);
    snprintf(p.name, sizeof p.name, "Väinö Öhman");
    snprintf(p.unit, sizeof p.unit, "Päivystys");
    int64_t person = 0, play = 0;
    CHECK(db_person_add(d, &p, "hash-of-token", &person) == DB_OK);
    CHECK(db_play_add(d, person, "play-1", 1, 1, &play) == DB_OK); /* release 1 */
    for (uint32_t s = 1; s <= 3; s++) {
        char key[16];
        snprintf(key, sizeof key, "k%u", s);
        CHECK(db_event_add(d, play, person, s, key, "{}", 1, 1, 1) == DB_OK);
    }
    rows = 0;
    CHECK(!db_play_events(d, play, on_event, NULL));
    rows = 100; /* no interruption: the whole list is a success */
    CHECK(db_play_events(d, play, on_event, NULL));
}

static void on_unit(void *u, const db_unit *x)
{
    (void)u, (void)x;
    interrupt_after_first();
}
static void on_manager(void *u, int64_t id, const char *name, const char *email)
{
    (void)u, (void)id, (void)name, (void)email;
    interrupt_after_first();
}
static void on_mail(void *u, const db_mail *m)
{
    (void)u, (void)m;
    interrupt_after_first();
}
static int due_rows;
static void on_due(void *u, int64_t id)
{
    (void)u, (void)id;
    due_rows++;
}
/* SQLite calls this every few virtual-machine steps; non-zero interrupts the statement. */
static int fail_now(void *u)
{
    (void)u;
    return 1;
}

/* The same for db_org.c (issue 14's units, managers and mail): a failed step is a failure, and
   a failed single-row read is an error, not "not found" (an invitation that "does not exist"
   or a sign-in "already used" because the disk hiccuped). */
TEST(the_organisation_s_lists_and_reads_report_a_failure_not_a_short_list_or_not_found)
{
    int64_t a = 0, b = 0, u = 0;
    CHECK(db_unit_add(d, "Päivystys", "paivystys", 0, 1, &a) == DB_OK);
    CHECK(db_unit_add(d, "Kotihoito", "kotihoito", 0, 1, &b) == DB_OK);
    rows = 0;
    CHECK(!db_unit_list(d, 0, on_unit, NULL));
    CHECK(rows == 1);
    rows = 100;
    CHECK(db_unit_list(d, 0, on_unit, NULL));

    CHECK(db_user_add(d, "esko", "manager", "x", false, 1) == DB_OK);
    CHECK(db_user_add(d, "erja", "manager", "x", false, 1) == DB_OK);
    CHECK(db_user_set_email(d, "esko", "esko@example.fi") == DB_OK);
    CHECK(db_user_set_email(d, "erja", "erja@example.fi") == DB_OK);
    rows = 0;
    CHECK(!db_managers(d, on_manager, NULL));

    for (int i = 0; i < 3; i++) {
        db_person p;
        memset(&p, 0, sizeof p);
        snprintf(p.name, sizeof p.name, "Henkilö %d", i);
        snprintf(p.unit, sizeof p.unit, "Päivystys");
        snprintf(p.email, sizeof p.email, "h%d@example.fi", i);
        p.invited = 1000;
        p.expires = 5000;
        char hash[32], dedup[32];
        snprintf(hash, sizeof hash, "org-hash-%d", i);
        snprintf(dedup, sizeof dedup, "invitation:%d", i);
        int64_t id = 0;
        CHECK(db_person_add(d, &p, hash, &id) == DB_OK);
        CHECK(db_mail_queue(d, id, 0, "invitation", dedup, p.email, NULL, 1000) == DB_OK);
        u = id;
    }
    rows = 0;
    CHECK(!db_mail_list(d, 0, 10, on_mail, NULL));
    rows = 100;
    CHECK(db_mail_list(d, 0, 10, on_mail, NULL));

    /* the reminders' query collects ids before calling back: fail it from inside SQLite */
    due_rows = 0;
    CHECK(db_mail_due(d, "expiring", 4000, 6000, on_due, NULL));
    CHECK(due_rows == 3);
    sqlite3_progress_handler(d->sql, 1, fail_now, NULL);
    due_rows = 0;
    CHECK(!db_mail_due(d, "expiring", 4000, 6000, on_due, NULL)); /* not "nobody is due" */
    CHECK(due_rows == 0);
    int64_t found = 0;
    CHECK(db_person_by_email(d, "h1@example.fi", &found) == DB_ERROR); /* not "no invitation" */
    char email[DB_EMAIL_MAX];
    CHECK(db_user_email(d, 1, email) == DB_ERROR);
    db_unit unit;
    CHECK(db_unit_get(d, a, &unit) == DB_ERROR);
    int64_t ids[4];
    CHECK(db_user_units(d, 1, ids, 4) == -1);
    sqlite3_progress_handler(d->sql, 0, NULL, NULL);
    CHECK(db_person_by_email(d, "h1@example.fi", &found) == DB_OK && found == u - 1);
    CHECK(db_person_by_email(d, "nobody@example.fi", &found) == DB_NOT_FOUND);
    CHECK(db_unit_get(d, b, &unit) == DB_OK);
}

int main(void)
{
    char dir[] = "/tmp/pakopeli-db-errors-XXXXXX", path[64], err[256];
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/test.db", dir);
    if (!db_open(&d, path, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    RUN(an_iterator_that_sqlite_stops_mid_way_reports_a_failure_not_a_short_list);
    RUN(the_organisation_s_lists_and_reads_report_a_failure_not_a_short_list_or_not_found);
    db_close(d);
    unlink(path);
    char wal[80];
    snprintf(wal, sizeof wal, "%s-wal", path), unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path), unlink(wal);
    rmdir(dir);
    return harness_done();
}
