/* main.c - pakopeli-server: the command line, start-up, the retention sweep, shutdown.
 *
 *   pakopeli-server [serve] [--config=FILE] [--SETTING=VALUE ...]
 *   pakopeli-server user add NAME [--role=admin|viewer|manager|author] [--password-stdin]
 *   pakopeli-server user passwd NAME [--password-stdin]
 *   pakopeli-server user remove NAME
 *   pakopeli-server user list
 *   pakopeli-server backup FILE        online copy of the live database
 *   pakopeli-server restore FILE       replace the database by a backup (server stopped)
 *   pakopeli-server check [FILE]       PRAGMA integrity_check
 *   pakopeli-server config             print the effective settings
 * Settings (file or flags) are listed in cfg.h and docs/operating.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "mail.h"
#include "oidc.h"
#include "pwlist.h"
#include "srv.h"
#include "valid.h"

static const char usage[] =
    "usage: pakopeli-server [serve] [--config=FILE] [--SETTING=VALUE ...]\n"
    "       pakopeli-server user add NAME [--role=admin|viewer|manager|author] [--password-stdin]\n"
    "       pakopeli-server user passwd NAME [--password-stdin]\n"
    "       pakopeli-server user remove NAME | user list\n"
    "       pakopeli-server backup FILE | restore FILE | check [FILE] | config\n"
    "settings: address port data web hr studio lint levels org retention_days anonymous invite_days\n"
    "          session_idle_minutes threads cookie_secure (see docs/operating.md)\n";

/* Command line after the settings are taken out. */
typedef struct args {
    const char *words[8];
    int count;
    const char *role;
    bool password_stdin;
} args;

static int die(const char *fmt, const char *a)
{
    fprintf(stderr, "pakopeli-server: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\n");
    return 1;
}

/* Reads settings (--config first, then the other --flags) and the remaining words. */
static bool parse_args(int argc, char **argv, cfg *c, args *a)
{
    char err[512];
    memset(a, 0, sizeof *a);
    a->role = "viewer"; /* least privilege unless asked: an admin can erase everything (issue 15) */
    for (int i = 1; i < argc; i++) /* the file first, so flags win whatever their order */
        if (strncmp(argv[i], "--config=", 9) == 0 || strcmp(argv[i], "--config") == 0) {
            const char *path = argv[i][8] == '=' ? argv[i] + 9 : (i + 1 < argc ? argv[++i] : "");
            if (!cfg_load_file(c, path, err, sizeof err)) {
                fprintf(stderr, "pakopeli-server: %s\n", err);
                return false;
            }
        }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--config") == 0) {
            i++;
            continue;
        }
        if (strncmp(arg, "--config=", 9) == 0) continue;
        if (strcmp(arg, "--password-stdin") == 0) {
            a->password_stdin = true;
            continue;
        }
        if (strncmp(arg, "--role=", 7) == 0) {
            a->role = arg + 7;
            continue;
        }
        if (strcmp(arg, "--anonymous") == 0) {
            c->anonymous = true;
            continue;
        }
        if (strncmp(arg, "--", 2) == 0) {
            char key[64];
            const char *eq = strchr(arg, '='), *value;
            size_t kn = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
            if (kn >= sizeof key) kn = sizeof key - 1;
            memcpy(key, arg + 2, kn);
            key[kn] = '\0';
            for (char *k = key; *k; k++)
                if (*k == '-') *k = '_';
            if (eq) value = eq + 1;
            else if (i + 1 < argc) value = argv[++i];
            else {
                fprintf(stderr, "pakopeli-server: --%s needs a value\n", key);
                return false;
            }
            if (!cfg_set(c, key, value, err, sizeof err)) {
                fprintf(stderr, "pakopeli-server: %s\n%s", err, usage);
                return false;
            }
            continue;
        }
        if (a->count >= (int)(sizeof a->words / sizeof a->words[0])) {
            fputs(usage, stderr);
            return false;
        }
        a->words[a->count++] = arg;
    }
    cfg_finish(c);
    return true;
}

static bool ensure_dir(const char *path)
{
    char tmp[CFG_PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return false;
            *p = '/';
        }
    return mkdir(tmp, 0700) == 0 || errno == EEXIST;
}

/* One server per data folder: a second one (or a restore) would fight over the file. */
static int lock_data(const cfg *c, bool wait)
{
    char path[CFG_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/pakopeli.lock", c->data);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    if (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
        close(fd);
        return -2;
    }
    return fd;
}

static bool open_db(srv *s)
{
    char err[512];
    if (!ensure_dir(s->cfg.data)) {
        die("cannot create the data folder %s", s->cfg.data);
        return false;
    }
    snprintf(s->db_path, sizeof s->db_path, "%s/pakopeli.db", s->cfg.data);
    if (!db_open(&s->db, s->db_path, err, sizeof err) || !db_open_reader(&s->hr_db, s->db_path, err, sizeof err)) {
        die("%s", err);
        return false;
    }
    return true;
}

static bool read_password(char *out, size_t cap)
{
    if (!fgets(out, (int)cap, stdin)) return false;
    size_t n = strlen(out);
    while (n && (out[n - 1] == '\n' || out[n - 1] == '\r')) out[--n] = '\0';
    return true;
}

/* ---- user commands --------------------------------------------------------------------------- */

static void print_user(void *user, const db_user *u)
{
    (void)user;
    printf("%-24s %-7s%s\n", u->name, u->role, u->must_change ? "  (one-time password not yet changed)" : "");
}

static int cmd_user(srv *s, const args *a)
{
    const char *verb = a->count > 1 ? a->words[1] : "";
    const char *name = a->count > 2 ? a->words[2] : NULL;
    if (strcmp(verb, "list") == 0) return db_user_list(s->db, print_user, NULL) ? 0 : 1;
    if (!name || (strcmp(verb, "add") && strcmp(verb, "passwd") && strcmp(verb, "remove"))) {
        fputs(usage, stderr);
        return 2;
    }
    if (strcmp(verb, "remove") == 0) {
        db_rc rc = db_user_remove(s->db, name);
        if (rc == DB_NOT_FOUND) return die("no user \"%s\"", name);
        if (rc == DB_LAST_ADMIN) return die("\"%s\" is the last admin; add another admin first", name);
        if (rc != DB_OK) return 1;
        db_audit(s->db, srv_now(s), "(command line)", "user-remove", name);
        printf("removed %s\n", name);
        return 0;
    }
    if (strlen(name) >= DB_USER_MAX || !valid_key(name, DB_USER_MAX - 1))
        return die("a user name is 1-64 characters of A-Z a-z 0-9 . _ : - (got \"%s\")", name);
    if (strcmp(a->role, "admin") != 0 && strcmp(a->role, "viewer") != 0 && strcmp(a->role, "manager") != 0 &&
        strcmp(a->role, "author") != 0)
        return die("--role is admin, viewer, manager or author, not \"%s\"", a->role);
    char pw[AUTH_PASSWORD_MAX + 2], hash[AUTH_PWHASH_MAX];
    bool one_time = !a->password_stdin;
    if (a->password_stdin) {
        if (!read_password(pw, sizeof pw)) return die("%s", "no password on standard input");
        const char *why = auth_password_problem(pw, name);
        if (!why) why = pwlist_problem(pw);
        if (why) return die("the password needs %s", why);
    } else {
        auth_random_password(pw);
    }
    if (!auth_password_hash(pw, hash)) return die("%s", "could not hash the password (out of memory?)");
    db_rc rc = strcmp(verb, "add") == 0 ? db_user_add(s->db, name, a->role, hash, one_time, srv_now(s))
                                        : db_user_set_password(s->db, name, hash, one_time);
    if (rc == DB_CONFLICT) return die("a user \"%s\" exists already", name);
    if (rc == DB_NOT_FOUND) return die("no user \"%s\"", name);
    if (rc != DB_OK) return 1;
    if (strcmp(verb, "passwd") == 0) {
        db_user u;
        if (db_user_get(s->db, name, &u) == DB_OK) db_session_remove_user(s->db, u.id, NULL);
    }
    db_audit(s->db, srv_now(s), "(command line)", strcmp(verb, "add") == 0 ? "user-add" : "user-passwd", name);
    if (one_time) printf("%s: one-time password: %s\n(shown once; it must be changed at the first login)\n", name, pw);
    else printf("%s: password set\n", name);
    return 0;
}

/* ---- backup and restore ---------------------------------------------------------------------- */

static int cmd_backup(srv *s, const args *a)
{
    if (a->count < 2) {
        fputs(usage, stderr);
        return 2;
    }
    char err[512], check[256];
    snprintf(s->db_path, sizeof s->db_path, "%s/pakopeli.db", s->cfg.data);
    struct stat sb;
    if (stat(s->db_path, &sb) != 0) return die("no database at %s", s->db_path);
    if (!db_backup(s->db_path, a->words[1], err, sizeof err)) return die("%s", err);
    if (!db_check_file(a->words[1], check, sizeof check)) return die("the backup does not check out: %s", check);
    printf("backup written to %s (integrity ok)\n", a->words[1]);
    return 0;
}

static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    bool ok = in && out;
    char chunk[65536];
    size_t n;
    while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0) ok = fwrite(chunk, 1, n, out) == n;
    ok = ok && !ferror(in) && fflush(out) == 0 && fsync(fileno(out)) == 0;
    if (in) fclose(in);
    if (out && fclose(out) != 0) ok = false;
    return ok;
}

static int cmd_restore(srv *s, const args *a)
{
    if (a->count < 2) {
        fputs(usage, stderr);
        return 2;
    }
    char check[256], db_path[CFG_PATH_MAX + 32], tmp[CFG_PATH_MAX + 48], keep[CFG_PATH_MAX + 96];
    if (!db_check_file(a->words[1], check, sizeof check)) return die("the backup does not check out: %s", check);
    if (!ensure_dir(s->cfg.data)) return die("cannot create %s", s->cfg.data);
    int lock = lock_data(&s->cfg, false);
    if (lock == -2) return die("%s", "the server is running on this data folder; stop it first");
    if (lock < 0) return die("cannot lock %s", s->cfg.data);
    snprintf(db_path, sizeof db_path, "%s/pakopeli.db", s->cfg.data);
    snprintf(tmp, sizeof tmp, "%s.restoring", db_path);
    /* The restored file belongs to whoever owned the database (else the data folder): restore is
       often run as root, and a root-owned database is one the server's user cannot write. */
    struct stat owner;
    if (stat(db_path, &owner) != 0 && stat(s->cfg.data, &owner) != 0) {
        close(lock);
        return die("cannot read the owner of %s", s->cfg.data);
    }
    if (fchown(lock, owner.st_uid, owner.st_gid) != 0) { /* a lock file made just now: best effort */
    }
    if (!copy_file(a->words[1], tmp)) {
        remove(tmp);
        close(lock);
        return die("cannot copy the backup to %s", tmp);
    }
    struct stat got;
    if (chmod(tmp, 0600) != 0 || stat(tmp, &got) != 0 ||
        ((got.st_uid != owner.st_uid || got.st_gid != owner.st_gid) && chown(tmp, owner.st_uid, owner.st_gid) != 0)) {
        remove(tmp);
        close(lock);
        char who[48];
        snprintf(who, sizeof who, "user %u, group %u", (unsigned)owner.st_uid, (unsigned)owner.st_gid);
        return die("cannot give the restored database to its owner (%s): run restore as that user "
                   "(sudo -u pakopeli pakopeli-server restore ...) or as root",
                   who);
    }
    /* The current database is kept beside, with its WAL (which may hold committed rows). */
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    static const char *const suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char from[CFG_PATH_MAX + 40];
        snprintf(from, sizeof from, "%s%s", db_path, suffix[i]);
        snprintf(keep, sizeof keep, "%s.before-restore-%s%s", db_path, stamp, suffix[i]);
        if (rename(from, keep) != 0 && errno != ENOENT) {
            close(lock);
            return die("cannot move %s aside", from);
        }
    }
    if (rename(tmp, db_path) != 0) {
        close(lock);
        return die("cannot put the backup in place at %s", db_path);
    }
    close(lock);
    printf("restored %s from %s; the previous database is kept as %s.before-restore-%s\n", db_path, a->words[1],
           db_path, stamp);
    return 0;
}

static int cmd_check(srv *s, const args *a)
{
    char path[CFG_PATH_MAX + 32], out[256];
    if (a->count > 1) snprintf(path, sizeof path, "%s", a->words[1]);
    else snprintf(path, sizeof path, "%s/pakopeli.db", s->cfg.data);
    bool ok = db_check_file(path, out, sizeof out);
    printf("%s: %s\n", path, out);
    return ok ? 0 : 1;
}

/* ---- serving --------------------------------------------------------------------------------- */

static pthread_mutex_t sweep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sweep_cond = PTHREAD_COND_INITIALIZER;
static bool stopping;

static void sweep(srv *s)
{
    int64_t now = srv_now(s);
    int n = db_retention(s->db, now - (int64_t)s->cfg.retention_days * 86400000);
    if (n > 0) {
        char detail[64];
        snprintf(detail, sizeof detail, "%d people older than %d days removed", n, s->cfg.retention_days);
        db_audit(s->db, now, "(retention)", "retention", detail);
        fprintf(stderr, "pakopeli-server: retention: %s\n", detail);
    }
}

/* Removes records older than the retention period once an hour. */
static void *sweeper(void *arg)
{
    srv *s = arg;
    pthread_mutex_lock(&sweep_lock);
    while (!stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 3600;
        pthread_cond_timedwait(&sweep_cond, &sweep_lock, &until);
        if (stopping) break;
        pthread_mutex_unlock(&sweep_lock);
        sweep(s);
        pthread_mutex_lock(&sweep_lock);
    }
    pthread_mutex_unlock(&sweep_lock);
    return NULL;
}

/* The folder pakopeli-server runs from, "." when it cannot be told: pakopeli-lint and the plain
   content (levels/) are installed beside it (docs/operating.md, Install). */
static void self_dir(char *out, size_t cap)
{
    ssize_t n = readlink("/proc/self/exe", out, cap - 1);
    out[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(out, '/');
    if (slash) *slash = '\0';
    else snprintf(out, cap, ".");
}

static int cmd_serve(srv *s)
{
    char err[2048]; /* a content error says what to do in English and in Finnish */
    int lock = lock_data(&s->cfg, false);
    if (lock == -2) return die("another pakopeli-server is running on %s", s->cfg.data);
    if (lock < 0) return die("cannot lock the data folder %s", s->cfg.data);
    if (!s->cfg.lint[0]) { /* pakopeli-lint is built beside the server */
        char self[CFG_PATH_MAX - 16];
        self_dir(self, sizeof self);
        snprintf(s->cfg.lint, sizeof s->cfg.lint, "%s/pakopeli-lint", self);
    }
    if (!store_open(&s->store, &(store_desc){.db = s->db, .data = s->cfg.data, .web = s->cfg.web,
                                              .seed = s->cfg.levels, .lint = s->cfg.lint},
                    srv_now(s), err, sizeof err))
        return die("content: %s", err);
    if (!(s->start_content = store_replay(s->store, store_current(s->store), err, sizeof err)))
        return die("levels: %s", err);
    s->files = files_new();
    s->login_user = auth_throttle_new(5);
    s->login_ip = auth_throttle_new(30);
    s->signup_ip = auth_throttle_new(60);
    if (!s->files || !s->login_user || !s->login_ip || !s->signup_ip) return die("%s", "out of memory");
    s->loopback_bind = http_is_loopback_address(s->cfg.address);

    if (db_user_count(s->db) == 0) {
        char pw[32], hash[AUTH_PWHASH_MAX];
        auth_random_password(pw);
        if (!auth_password_hash(pw, hash) || db_user_add(s->db, "admin", "admin", hash, true, srv_now(s)) != DB_OK)
            return die("%s", "cannot create the first admin account");
        printf("pakopeli-server: first start: created the HR admin account \"admin\"\n"
               "  one-time password: %s\n"
               "  (shown once; it must be changed at the first login)\n",
               pw);
    }
    sweep(s);

    /* Signals go to the main thread only (sigwait), so block them before threads start. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    http_server *h = http_start(&(http_desc){.address = s->cfg.address, .port = s->cfg.port,
                                             .threads = s->cfg.threads, .handler = srv_handle,
                                             .limit = srv_body_limit, .app = s,
                                             .frame_ancestors = s->cfg.frame_ancestors,
                                             .trusted_proxies = s->cfg.trusted_proxies},
                                err, sizeof err);
    if (!h) return die("%s", err);
    pthread_t sweep_thread;
    bool swept = pthread_create(&sweep_thread, NULL, sweeper, s) == 0;
    if (!mail_start(s)) fprintf(stderr, "pakopeli-server: cannot start the mail sender\n");
    bool v6 = strchr(s->cfg.address, ':') != NULL;
    printf("pakopeli-server: listening on http://%s%s%s:%d/ (data %s, %d room%s, content release %lld, %s mode)\n",
           v6 ? "[" : "", s->cfg.address, v6 ? "]" : "", http_port(h), s->cfg.data, s->start_content->room_count,
           s->start_content->room_count == 1 ? "" : "s", (long long)store_current(s->store),
           s->cfg.anonymous ? "anonymous-allowed" : "invitation");
    fflush(stdout);

    int sig = 0;
    sigwait(&sigs, &sig);
    printf("pakopeli-server: stopping (signal %d)\n", sig);
    fflush(stdout);
    http_stop(h);
    mail_stop(s);
    if (swept) {
        pthread_mutex_lock(&sweep_lock);
        stopping = true;
        pthread_cond_signal(&sweep_cond);
        pthread_mutex_unlock(&sweep_lock);
        pthread_join(sweep_thread, NULL);
    }
    close(lock);
    return 0;
}

int main(int argc, char **argv)
{
    static srv s; /* large (the level content); static so it is not on the stack */
    cfg_defaults(&s.cfg);
    args a;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        }
    if (!parse_args(argc, argv, &s.cfg, &a)) return 2;
    char self[CFG_PATH_MAX - 16];
    self_dir(self, sizeof self);
    cfg_find_levels(&s.cfg, self); /* before `config`, which prints what serve would use */
    const char *cmd = a.count ? a.words[0] : "serve";
    if (strcmp(cmd, "config") == 0) {
        cfg_print(&s.cfg, stdout);
        return 0;
    }
    if (!auth_init()) return die("%s", "libsodium could not start (no random source?)");
    /* before any thread: libcurl's global set-up is not thread-safe */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return die("%s", "libcurl could not start");
    char merr[512];
    if (!mail_configure(&s, merr, sizeof merr) || !oidc_configure(&s, merr, sizeof merr)) return die("%s", merr);
    if (strcmp(cmd, "backup") == 0) return cmd_backup(&s, &a);
    if (strcmp(cmd, "restore") == 0) return cmd_restore(&s, &a);
    if (strcmp(cmd, "check") == 0) return cmd_check(&s, &a);
    if (strcmp(cmd, "serve") != 0 && strcmp(cmd, "user") != 0) {
        fputs(usage, stderr);
        return 2;
    }
    if (!open_db(&s)) return 1;
    int rc = strcmp(cmd, "user") == 0 ? cmd_user(&s, &a) : cmd_serve(&s);
    db_close(s.hr_db);
    db_close(s.db);
    store_close(s.store);
    files_free(s.files);
    auth_throttle_free(s.login_user);
    auth_throttle_free(s.login_ip);
    auth_throttle_free(s.signup_ip);
    oidc_free();
    curl_global_cleanup();
    return rc;
}
