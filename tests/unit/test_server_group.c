/* Group commit (game/server/db.h): requests arriving together share one transaction, a failing
 * request undoes only its own writes, and each learns its own outcome. */
#include "harness.h"

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdbool.h>
#include <stdint.h>

#include "../../game/server/db.h" /* linked with db.c and its helpers (server.mk) */

#include <errno.h>
#include <sys/syscall.h>

/* A disk that fails: while disk_fails is set every fdatasync (db.c's syncer, and SQLite's own in
   a checkpoint) fails with EIO, as a dying disk's or a full thin volume's does. This definition
   takes the place of the C library's in this test program; otherwise it asks the kernel. */
static int disk_fails;

int fdatasync(int fd)
{
    if (__atomic_load_n(&disk_fails, __ATOMIC_SEQ_CST)) {
        errno = EIO;
        return -1;
    }
    return (int)syscall(SYS_fdatasync, fd);
}

enum { THREADS = 12 };

typedef struct job {
    db *d;
    int index;
    bool fail;   /* this request writes, then reports a storage error */
    bool ok;     /* what db_group_run answered */
} job;

static bool work(db *d, void *user)
{
    job *j = user;
    char detail[32];
    snprintf(detail, sizeof detail, "request %d", j->index);
    if (db_audit(d, 1, "test", "group", detail) != DB_OK) return false;
    return !j->fail;
}

static void *client(void *arg)
{
    job *j = arg;
    j->ok = db_group_run(j->d, work, j);
    return NULL;
}

typedef struct seen {
    bool rows[THREADS];
    int n;
} seen;

static void audit_row(void *user, int64_t at, const char *who, const char *action, const char *detail)
{
    (void)at, (void)who, (void)action;
    seen *s = user;
    int i = -1;
    if (sscanf(detail, "request %d", &i) == 1 && i >= 0 && i < THREADS) s->rows[i] = true;
    s->n++;
}

TEST(requests_committed_together_keep_their_own_outcome)
{
    char dir[] = "/tmp/pk-group-XXXXXX", path[64], err[256];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/pakopeli.db", dir);
    db *d = NULL;
    CHECK(db_open(&d, path, err, sizeof err));
    if (!d) return;
    job jobs[THREADS];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (job){d, i, i % 4 == 3, false};
        pthread_create(&t[i], NULL, client, &jobs[i]);
    }
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    for (int i = 0; i < THREADS; i++) CHECK(jobs[i].ok == !jobs[i].fail);
    db_close(d);

    /* what a restarted server finds: exactly the acknowledged requests */
    CHECK(db_open(&d, path, err, sizeof err));
    if (!d) return;
    seen s = {0};
    CHECK(db_audit_list(d, 100, audit_row, &s));
    CHECK(s.n == THREADS - THREADS / 4);
    for (int i = 0; i < THREADS; i++) CHECK(s.rows[i] == !jobs[i].fail);
    db_close(d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

/* HR's long reads (db_open_reader) run beside the players' commits: a commit made from inside
   a read of the people list completes. On the writer's connection the read held the lock the
   committer needs, and this waited for ever (alarm: the test fails instead of hanging). */
typedef struct reading {
    db *d;
    int rows;
    bool committed;
} reading;

static void commit_while_reading(void *user, const db_person *p)
{
    (void)p;
    reading *r = user;
    if (r->rows++ > 0) return;
    job j = {r->d, 99, false, false};
    r->committed = db_group_run(r->d, work, &j);
}

TEST(a_long_read_does_not_hold_the_commits)
{
    char dir[] = "/tmp/pk-group-XXXXXX", path[64], err[256];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/pakopeli.db", dir);
    db *d = NULL, *hr = NULL;
    CHECK(db_open(&d, path, err, sizeof err));
    CHECK(d && db_open_reader(&hr, path, err, sizeof err));
    if (!d || !hr) return;
    for (int i = 0; i < 3; i++) {
        db_person p = {0};
        snprintf(p.name, sizeof p.name, "Pelaaja %d", i);
        snprintf(p.unit, sizeof p.unit, "Yksikkö");
        char token[32];
        snprintf(token, sizeof token, "token-%d", i);
        int64_t id;
        CHECK(db_person_add(d, &p, token, &id) == DB_OK);
    }
    reading r = {d, 0, false};
    alarm(20);
    CHECK(db_people_list(hr, NULL, 1, 100, commit_while_reading, &r));
    alarm(0);
    CHECK(r.rows == 3);
    CHECK(r.committed);
    db_close(hr);
    db_close(d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

/* Checkpoints run beside the commits (db.c: the checkpointer), and a PASSIVE checkpoint only
   copies what was committed when it began: with commits coming all the time the WAL never starts
   over unless the committer catches up past its bound. Built with DB_CHECKPOINT_PAGES 50 and
   DB_WAL_BOUND_PAGES 200 (server.mk): 4 writers write about 600 pages of 4 KiB in all, and the WAL
   file stays within twice its bound, with every row in the database. */
enum { WRITERS = 4, ROUNDS = 45, ROW_BYTES = 9000 };

static bool big_work(db *d, void *user)
{
    static char text[ROW_BYTES + 1];
    if (!text[0]) memset(text, 'x', ROW_BYTES); /* written before the threads start (below) */
    (void)user;
    return db_audit(d, 1, "test", "big", text) == DB_OK;
}

static void *big_writer(void *arg)
{
    db *d = arg;
    for (int i = 0; i < ROUNDS; i++)
        if (!db_group_run(d, big_work, NULL)) return (void *)1;
    return NULL;
}

static void count_row(void *user, int64_t at, const char *who, const char *action, const char *detail)
{
    (void)at, (void)who, (void)action, (void)detail;
    ++*(int *)user;
}

TEST(the_wal_starts_over_while_commits_keep_coming)
{
    char dir[] = "/tmp/pk-group-XXXXXX", path[64], wal[80], err[256];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/pakopeli.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", path);
    db *d = NULL;
    CHECK(db_open(&d, path, err, sizeof err));
    if (!d) return;
    big_work(d, NULL); /* outside a group: fills the text, writes one row */
    pthread_t t[WRITERS];
    for (int i = 0; i < WRITERS; i++) pthread_create(&t[i], NULL, big_writer, d);
    bool ok = true;
    for (int i = 0; i < WRITERS; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        ok = ok && r == NULL;
    }
    CHECK(ok);
    struct stat st;
    CHECK(stat(wal, &st) == 0);
    CHECK(st.st_size <= 2 * 200 * (4096 + 24) + 32); /* frames of a 4 KiB page, and the header */
    int rows = 0;
    CHECK(db_audit_list(d, 100000, count_row, &rows));
    CHECK(rows == 1 + WRITERS * ROUNDS);
    db_close(d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

/* After a failed sync nothing is acknowledged any more, not even a request that comes once the
   disk answers again: the failed group's rows are already committed (visible, and found by the
   client's resend), but Linux may have dropped the pages it could not write. Only a restart,
   which recovers from what is on disk, acknowledges again. Before, the group after the failure
   was acknowledged. */
TEST(after_a_failed_sync_nothing_is_acknowledged_until_a_restart)
{
    char dir[] = "/tmp/pk-group-XXXXXX", path[64], err[256];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/pakopeli.db", dir);
    db *d = NULL;
    CHECK(db_open(&d, path, err, sizeof err));
    if (!d) return;
    job j = {d, 1, false, false};
    CHECK(db_group_run(d, work, &j)); /* a healthy disk */
    __atomic_store_n(&disk_fails, 1, __ATOMIC_SEQ_CST);
    j.index = 2;
    CHECK(!db_group_run(d, work, &j)); /* its sync failed: not acknowledged */
    __atomic_store_n(&disk_fails, 0, __ATOMIC_SEQ_CST);
    j.index = 3;
    CHECK(!db_group_run(d, work, &j)); /* the disk answers again, but what it lost is unknown */
    db_close(d);
    CHECK(db_open(&d, path, err, sizeof err)); /* a restart */
    if (!d) return;
    j = (job){d, 4, false, false};
    CHECK(db_group_run(d, work, &j));
    db_close(d);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    RUN(requests_committed_together_keep_their_own_outcome);
    RUN(a_long_read_does_not_hold_the_commits);
    RUN(the_wal_starts_over_while_commits_keep_coming);
    RUN(after_a_failed_sync_nothing_is_acknowledged_until_a_restart);
    return harness_done();
}
