/* The database's iterators fail when SQLite fails mid-way (issue 15): a list that ends early
 * because a step failed must not pass for the whole list (a short replay became a misleading
 * "409 seq_gap"). The failure is made real: the callback interrupts the connection, so the
 * next sqlite3_step returns SQLITE_INTERRUPT instead of a row or SQLITE_DONE.
 * db.c is included for its connection handle (STYLE.md 12); server.mk links SQLite. */
#include <unistd.h>

#include "../../game/server/db.c"
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
static bool on_event(void *u, uint32_t seq, const char *body)
{
    (void)u, (void)seq, (void)body;
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
        CHECK(db_event_add(d, play, person, s, key, "{}", 1) == DB_OK);
    }
    rows = 0;
    CHECK(!db_play_events(d, play, on_event, NULL));
    rows = 100; /* no interruption: the whole list is a success */
    CHECK(db_play_events(d, play, on_event, NULL));
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
    db_close(d);
    unlink(path);
    char wal[80];
    snprintf(wal, sizeof wal, "%s-wal", path), unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path), unlink(wal);
    rmdir(dir);
    return harness_done();
}
