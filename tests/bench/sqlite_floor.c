/* sqlite_floor.c - the disk's floor for the report server's part of `make bench`: how many
 * single-row SQLite transactions per second this folder takes with the server's settings
 * (WAL, synchronous=FULL: one fsync of the WAL file per commit), one prepared INSERT reused.
 * A server that commits each request alone cannot beat this rate; group commit can.
 *
 * Each transaction's time (BEGIN to COMMIT returned) is kept too: its distribution is the floor of
 * a request's latency, which waits for at least one such commit (with group commit, up to two:
 * the one in flight when it arrived, and its own group's).
 *
 *   sqlite_floor FOLDER SECONDS    prints {"rate": commits/s, "commits": n, "seconds": s,
 *                                          "p50": ms, "p99": ms, "max": ms}
 *
 * It writes FOLDER/floor.db (and its -wal) and removes them when done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* the q-quantile of n sorted values, nearest rank */
static double quantile(const double *v, long n, double q)
{
    if (n == 0) return 0;
    long rank = (long)(q * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return v[rank - 1];
}

static void die(sqlite3 *db, const char *what)
{
    fprintf(stderr, "sqlite_floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: sqlite_floor FOLDER SECONDS\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/floor.db", argv[1]);
    double seconds = atof(argv[2]);
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) die(db, path);
    /* the server's settings (game/server/db.c) */
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                     "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;",
                     NULL, NULL, NULL) != SQLITE_OK)
        die(db, "setup");
    /* Steady state, as a running server has it: the WAL file already has its full size (the
       automatic checkpoint at 1,000 pages), so a commit overwrites blocks in place instead of
       growing the file (which costs the file system a journal commit of its own). */
    if (sqlite3_exec(db,
                     "BEGIN; CREATE TABLE warm(b BLOB); INSERT INTO warm VALUES (zeroblob(4500000)); COMMIT;"
                     "DROP TABLE warm; PRAGMA wal_checkpoint(TRUNCATE);"
                     "BEGIN; CREATE TABLE warm(b BLOB); INSERT INTO warm VALUES (zeroblob(4500000)); COMMIT;"
                     "DROP TABLE warm; PRAGMA wal_checkpoint(PASSIVE);",
                     NULL, NULL, NULL) != SQLITE_OK)
        die(db, "warm-up");
    sqlite3_stmt *ins = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &ins, NULL) != SQLITE_OK) die(db, "prepare");
    /* a body about the size of one answer event */
    static const char body[] = "{\"seq\":1,\"t\":1234,\"room\":\"outlook\",\"puzzle\":\"signs\",\"answer\":\"b\"}";
    long n = 0, cap = 4096;
    double *lat = malloc((size_t)cap * sizeof *lat);
    if (!lat) die(NULL, "out of memory");
    double t0 = now_s(), t = t0;
    while (t - t0 < seconds) {
        double ts = t;
        if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) die(db, "begin");
        sqlite3_bind_text(ins, 1, body, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) die(db, "insert");
        sqlite3_reset(ins);
        if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) die(db, "commit");
        t = now_s();
        if (n == cap) {
            cap *= 2;
            lat = realloc(lat, (size_t)cap * sizeof *lat);
            if (!lat) die(NULL, "out of memory");
        }
        lat[n++] = t - ts;
    }
    sqlite3_finalize(ins);
    sqlite3_close(db);
    qsort(lat, (size_t)n, sizeof *lat, by_value);
    printf("{\"rate\": %.1f, \"commits\": %ld, \"seconds\": %.3f, \"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f}\n",
           (double)n / (t - t0), n, t - t0, 1e3 * quantile(lat, n, 0.5), 1e3 * quantile(lat, n, 0.99),
           n ? 1e3 * lat[n - 1] : 0.0);
    free(lat);
    char aux[4200];
    remove(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    remove(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    remove(aux);
    return 0;
}
