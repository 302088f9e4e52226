#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../core/seal.h"
#include "auth.h"

enum { PATH_MAX_ = 1024, PATH_BIG = 2200, LINT_OUT_MAX = 4 * 1024 * 1024 };

typedef struct loaded {
    int64_t release;
    replay_content *content;
} loaded;

struct store {
    db *db;
    char data[PATH_MAX_], web[PATH_MAX_], lint[PATH_MAX_];
    char uploads[PATH_MAX_];          /* DATA/content/assets/uploads */
    pthread_mutex_t lock;             /* guards the loaded releases */
    loaded *loaded;
    int loaded_count, loaded_cap;
    /* The game's manifest with the rooms' titles (manifest_of), kept for the current release
       (the newest served as current): every new player's first load asks for it. An older
       release's (levels/r/N/, a game in progress) is made on each request: few ask, and the
       browser keeps it for good. Its own lock: store_replay holds the other while it writes and
       loads a release. */
    pthread_mutex_t manifest_lock;
    int64_t manifest_release;
    char *manifest;
};

/* ---- files ----------------------------------------------------------------------------------- */

static bool mkdirs(const char *path)
{
    char tmp[PATH_BIG + 200];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return false;
            *p = '/';
        }
    return mkdir(tmp, 0700) == 0 || errno == EEXIST;
}

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *data = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && n < DB_CONTENT_MAX && fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)n + 1))) {
            if (fread(data, 1, (size_t)n, f) == (size_t)n) {
                data[n] = '\0';
                if (len) *len = (size_t)n;
            } else {
                free(data);
                data = NULL;
            }
        }
    }
    fclose(f);
    return data;
}

/* Writes a file whole: a temporary beside it, then a rename, so a reader never sees half. */
static bool write_file(const char *path, const void *data, size_t len)
{
    char dir[PATH_BIG + 200], tmp[PATH_BIG + 232];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = '\0';
        if (!mkdirs(dir)) return false;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) return false;
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (ok) ok = rename(tmp, path) == 0;
    if (!ok) remove(tmp);
    return ok;
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char child[PATH_BIG];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            struct stat sb;
            if (lstat(child, &sb) == 0 && S_ISDIR(sb.st_mode)) remove_tree(child);
            else remove(child);
        }
        closedir(d);
    }
    rmdir(path);
}

/* ---- names ------------------------------------------------------------------------------------ */

static bool id_chars(const char *s, size_t n)
{
    if (n == 0 || n > 64) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    }
    return true;
}

bool store_valid_name(const char *name)
{
    size_t n = strlen(name);
    if (n < 6 || n >= DB_CONTENT_NAME_MAX || strcmp(name + n - 5, ".json") != 0) return false;
    const char *base = name;
    if (strncmp(name, "comics/", 7) == 0) base = name + 7;
    return id_chars(base, strlen(base) - 5);
}

bool store_valid_upload(const char *path)
{
    static const char prefix[] = "assets/uploads/";
    if (strncmp(path, prefix, sizeof prefix - 1) != 0) return false;
    const char *name = path + sizeof prefix - 1, *dot = strrchr(name, '.');
    size_t n = strlen(name);
    if (!dot || dot == name || n > 80 || name[0] == '.') return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
            return false;
    if (strstr(name, "..")) return false;
    return strcmp(dot, ".png") == 0 || strcmp(dot, ".jpg") == 0 || strcmp(dot, ".jpeg") == 0 ||
           strcmp(dot, ".svg") == 0;
}

/* ---- writing a content set to a folder --------------------------------------------------------- */

typedef struct write_ctx {
    const char *dir;
    const store_file *overlay;
    int n;
    bool ok;
} write_ctx;

static void write_release_file(void *user, const db_content_ver *v)
{
    write_ctx *x = user;
    for (int i = 0; i < x->n; i++)
        if (strcmp(x->overlay[i].name, v->name) == 0) return; /* replaced */
    char path[PATH_BIG + 200];
    snprintf(path, sizeof path, "%s/%s", x->dir, v->name);
    if (v->body && !write_file(path, v->body, strlen(v->body))) x->ok = false;
}

/* dir/NAME for every file of the release, with the overlay over it. */
static bool write_set(store *st, int64_t release, const store_file *overlay, int n, const char *dir)
{
    if (!mkdirs(dir)) return false;
    write_ctx x = {dir, overlay, n, true};
    if (!db_release_files(st->db, release, write_release_file, &x)) return false;
    for (int i = 0; i < n && x.ok; i++) {
        if (!overlay[i].body) continue;
        char path[PATH_BIG + 200];
        snprintf(path, sizeof path, "%s/%s", dir, overlay[i].name);
        x.ok = write_file(path, overlay[i].body, strlen(overlay[i].body));
    }
    return x.ok;
}

/* ---- seeding ----------------------------------------------------------------------------------- */

static bool seed(store *st, const char *levels, int64_t now, char *err, size_t cap)
{
    char path[PATH_MAX_];
    snprintf(path, sizeof path, "%s/game.json", levels);
    char *game = read_text(path, NULL);
    if (!game) {
        snprintf(err, cap,
                 "%s: no content to start with (no game.json there).\n"
                 "  Copy the game's plain content there (the repository's levels/ folder), or set levels = the folder\n"
                 "  that has it (docs/operating.md, Install).\n"
                 "  Sisältöä ei ole: kansiossa %s ei ole game.json-tiedostoa. Kopioi pelin sisältö (repositorion\n"
                 "  levels/-kansio) sinne tai aseta levels = kansio, jossa se on.",
                 levels, levels);
        return false;
    }
    cJSON *root = cJSON_Parse(game);
    db_content_put files[2 * LEVEL_MAX_ROOMS + 2];
    char *bodies[2 * LEVEL_MAX_ROOMS + 2];
    int n = 0;
    files[n].name = "game.json";
    files[n].body = bodies[n] = game;
    n++;
    bool ok = root != NULL;
    static const char *const lists[] = {"rooms", "comics"};
    for (int l = 0; l < 2 && ok; l++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, lists[l]), *it;
        cJSON_ArrayForEach(it, arr)
        {
            const cJSON *file = cJSON_GetObjectItemCaseSensitive(it, "file");
            if (!cJSON_IsString(file) || !store_valid_name(file->valuestring) || n >= (int)(sizeof files / sizeof files[0]))
                continue; /* the linter names it; the seed takes what it can */
            snprintf(path, sizeof path, "%s/%s", levels, file->valuestring);
            char *body = read_text(path, NULL);
            if (!body) {
                snprintf(err, cap, "%s: cannot read", path);
                ok = false;
                break;
            }
            /* the web build's copy is sealed (game/core/seal.h): no answers to replay on */
            cJSON *doc = cJSON_Parse(body);
            bool sealed = cJSON_GetObjectItemCaseSensitive(doc, "sealed") != NULL;
            cJSON_Delete(doc);
            if (sealed) {
                snprintf(err, cap,
                         "%s is sealed: the web build's copy has no answers to check plays against.\n"
                         "  Set levels = the plain content (the repository's levels/ folder, e.g. /opt/pakopeli/levels).\n"
                         "  Sisältö on sinetöity: pelin verkkoversion kopiossa ei ole vastauksia, joilla pelit tarkistetaan.\n"
                         "  Aseta levels = pelin alkuperäinen sisältö (repositorion levels/-kansio).",
                         path);
                free(body);
                ok = false;
                break;
            }
            files[n].name = file->valuestring;
            files[n].body = bodies[n] = body;
            n++;
        }
    }
    if (!root) snprintf(err, cap, "%s: not valid JSON", levels);
    if (ok && db_content_publish(st->db, files, NULL, n, "(seed)", "levels/", false, now, NULL) != DB_OK) {
        snprintf(err, cap, "cannot store the seed content");
        ok = false;
    }
    for (int i = 0; i < n; i++) free(bodies[i]);
    cJSON_Delete(root);
    return ok;
}

static void write_upload_copy(void *user, const char *path, const char *type, const void *data, size_t len)
{
    (void)type;
    store *st = user;
    char full[PATH_BIG];
    snprintf(full, sizeof full, "%s/content/%s", st->data, path);
    struct stat sb;
    if (stat(full, &sb) != 0 || (size_t)sb.st_size != len) write_file(full, data, len);
}

bool store_open(store **out, const store_desc *desc, int64_t now, char *err, size_t cap)
{
    *out = NULL;
    store *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    st->db = desc->db;
    snprintf(st->data, sizeof st->data, "%s", desc->data);
    snprintf(st->web, sizeof st->web, "%s", desc->web);
    snprintf(st->lint, sizeof st->lint, "%s", desc->lint ? desc->lint : "");
    snprintf(st->uploads, sizeof st->uploads, "%s/content/assets/uploads", desc->data);
    pthread_mutex_init(&st->lock, NULL);
    pthread_mutex_init(&st->manifest_lock, NULL);
    if (!mkdirs(st->uploads)) {
        snprintf(err, cap, "cannot create %s", st->uploads);
        store_close(st);
        return false;
    }
    if (db_release_current(st->db) == 0 && !seed(st, desc->seed, now, err, cap)) {
        store_close(st);
        return false;
    }
    db_asset_list(st->db, write_upload_copy, st); /* the disk copies, after a restore */
    *out = st;
    return true;
}

void store_close(store *st)
{
    if (!st) return;
    for (int i = 0; i < st->loaded_count; i++) {
        replay_free(st->loaded[i].content);
        free(st->loaded[i].content);
    }
    free(st->loaded);
    pthread_mutex_destroy(&st->lock);
    free(st->manifest);
    pthread_mutex_destroy(&st->manifest_lock);
    free(st);
}

/* as committed (db_release_committed): a page load's /config and HR's statistics ask for it, and
   must not wait for the players' commits; no caller holds a publishing transaction open */
int64_t store_current(store *st) { return db_release_committed(st->db); }

/* ---- the replay --------------------------------------------------------------------------------- */

const replay_content *store_replay(store *st, int64_t release, char *err, size_t cap)
{
    pthread_mutex_lock(&st->lock);
    const replay_content *found = NULL;
    for (int i = 0; i < st->loaded_count && !found; i++)
        if (st->loaded[i].release == release) found = st->loaded[i].content;
    if (found) {
        pthread_mutex_unlock(&st->lock);
        return found;
    }
    char dir[PATH_BIG];
    snprintf(dir, sizeof dir, "%s/content/releases/%lld", st->data, (long long)release);
    replay_content *c = calloc(1, sizeof *c);
    bool ok = c && (st->loaded_count < st->loaded_cap ||
                    (st->loaded = realloc(st->loaded, sizeof *st->loaded * (size_t)(st->loaded_cap = st->loaded_cap * 2 + 8))));
    if (!ok) snprintf(err, cap, "out of memory");
    /* Written afresh every time it is first needed: the database is the truth. */
    if (ok && !write_set(st, release, NULL, 0, dir)) {
        snprintf(err, cap, "release %lld: cannot write its files", (long long)release);
        ok = false;
    }
    if (ok) ok = replay_load(c, dir, err, cap);
    if (ok) {
        st->loaded[st->loaded_count].release = release;
        st->loaded[st->loaded_count].content = c;
        st->loaded_count++;
        found = c;
    } else {
        free(c);
    }
    pthread_mutex_unlock(&st->lock);
    return found;
}

/* ---- the linter ----------------------------------------------------------------------------------- */

/* DIR/assets: the shipped images (links into the built game's assets/) and the uploads. */
static bool link_assets(store *st, const char *dir)
{
    char assets[PATH_BIG], web_assets[PATH_BIG];
    snprintf(assets, sizeof assets, "%s/assets", dir);
    snprintf(web_assets, sizeof web_assets, "%s/assets", st->web);
    if (!mkdirs(assets)) return false;
    DIR *d = opendir(web_assets);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.' || strcmp(e->d_name, "uploads") == 0) continue;
            char from[PATH_BIG * 2], to[PATH_BIG * 2];
            snprintf(to, sizeof to, "%s/%s", assets, e->d_name);
            if (web_assets[0] == '/') snprintf(from, sizeof from, "%s/%s", web_assets, e->d_name);
            else {
                char cwd[PATH_MAX_];
                if (!getcwd(cwd, sizeof cwd)) cwd[0] = '\0';
                snprintf(from, sizeof from, "%s/%s/%s", cwd, web_assets, e->d_name);
            }
            if (symlink(from, to) != 0) {
                closedir(d);
                return false;
            }
        }
        closedir(d);
    }
    char up[PATH_BIG * 2], target[4096];
    snprintf(up, sizeof up, "%s/uploads", assets);
    if (!realpath(st->uploads, target)) return false;
    return symlink(target, up) == 0;
}

/* A scratch folder for one linter run, dir (PATH_BIG): DIR/levels holds the release with the overlay
   over it, DIR/assets the pictures (link_assets). The caller removes it (remove_tree). */
static bool scratch_set(store *st, int64_t release, const store_file *overlay, int n, char *dir, char *err, size_t cap)
{
    char levels[PATH_BIG + 8], rnd[AUTH_TOKEN_MAX];
    auth_random_token(rnd);
    snprintf(dir, PATH_BIG, "%s/content/lint/%.16s", st->data, rnd);
    snprintf(levels, sizeof levels, "%s/levels", dir);
    bool ok = write_set(st, release, overlay, n, levels) && link_assets(st, dir);
    if (!ok) snprintf(err, cap, "cannot write the content for the linter");
    return ok;
}

/* Runs the linter in dir (--json --lang LANG, or --budget when lang is NULL); its standard
   output into *out. The built game is named with --web, so the first-load budget counts the
   engine as served. */
static bool run_argv(store *st, const char *dir, char *const *argv, char **out, char *err, size_t cap);

static bool run_lint(store *st, const char *dir, const char *lang, char **out, char *err, size_t cap)
{
    char web[4096];
    if (!realpath(st->web, web)) snprintf(web, sizeof web, "%s", st->web);
    char *const lint_argv[] = {st->lint, "--json", "--lang", (char *)lang, "--root", ".", "--web", web, "levels", NULL};
    char *const budget_argv[] = {st->lint, "--budget", "--no-text", "--root", ".", "--web", web, "levels", NULL};
    return run_argv(st, dir, lang ? lint_argv : budget_argv, out, err, cap);
}

bool store_rules(store *st, char **json, char *err, size_t cap)
{
    char *const argv[] = {st->lint, "--rules", "--json", NULL};
    *json = NULL;
    return run_argv(st, st->data, argv, json, err, cap);
}

/* Runs the linter with argv in dir; its standard output into *out (malloc). */
static bool run_argv(store *st, const char *dir, char *const *argv, char **out, char *err, size_t cap)
{
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(err, cap, "cannot start the linter (pipe)");
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        snprintf(err, cap, "cannot start the linter (fork)");
        return false;
    }
    if (pid == 0) { /* the child: only async-signal-safe calls until exec */
        dup2(fds[1], 1);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, 2);
        close(fds[0]);
        close(fds[1]);
        if (chdir(dir) != 0) _exit(126);
        execv(st->lint, argv);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0, cap_out = 65536;
    char *outb = malloc(cap_out);
    bool ok = outb != NULL;
    for (;;) {
        if (ok && len + 4096 >= cap_out) {
            if (cap_out >= LINT_OUT_MAX) {
                ok = false;
            } else {
                char *nb = realloc(outb, cap_out *= 2);
                if (!nb) ok = false;
                else outb = nb;
            }
        }
        char scratch[4096];
        ssize_t got = read(fds[0], ok ? outb + len : scratch, ok ? cap_out - len - 1 : sizeof scratch);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        if (ok) len += (size_t)got;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        snprintf(err, cap, "the linter (%s) did not run (status %d)", st->lint,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        free(outb);
        return false;
    }
    outb[len] = '\0';
    *out = outb;
    return true;
}

/* The linter's JSON array of problems (text, taken) counted into out. */
static bool lint_result(char *text, store_lint_result *out, char *err, size_t cap)
{
    cJSON *arr = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsArray(arr)) {
        cJSON_Delete(arr);
        snprintf(err, cap, "the linter's answer was not a JSON array");
        return false;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        const cJSON *sev = cJSON_GetObjectItemCaseSensitive(it, "severity");
        if (cJSON_IsString(sev) && strcmp(sev->valuestring, "error") == 0) out->errors++;
        else out->warnings++;
    }
    out->json = cJSON_PrintUnformatted(arr);
    cJSON_Delete(arr);
    if (!out->json) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    out->ran = true;
    return true;
}

bool store_lint(store *st, const store_file *overlay, int n, const char *lang, store_lint_result *out, char *err,
                size_t cap)
{
    memset(out, 0, sizeof *out);
    char dir[PATH_BIG];
    bool ok = scratch_set(st, db_release_current(st->db), overlay, n, dir, err, cap);
    char *text = NULL;
    if (ok) ok = run_lint(st, dir, strcmp(lang, "fi") == 0 ? "fi" : strcmp(lang, "sv") == 0 ? "sv" : "en", &text, err, cap);
    remove_tree(dir);
    return ok && lint_result(text, out, err, cap);
}

bool store_budget(store *st, const store_file *overlay, int n, char **json, char *err, size_t cap)
{
    *json = NULL;
    char dir[PATH_BIG];
    bool ok = scratch_set(st, db_release_current(st->db), overlay, n, dir, err, cap);
    if (ok) ok = run_lint(st, dir, NULL, json, err, cap);
    remove_tree(dir);
    return ok;
}

void store_lint_free(store_lint_result *r)
{
    free(r->json);
    r->json = NULL;
}

/* ---- drafts as an overlay ------------------------------------------------------------------------ */

typedef struct drafts_ctx {
    const char *const *names;
    int count;
    store_file *files;
    int n, cap;
    bool ok;
} drafts_ctx;

static void add_draft(void *user, const db_draft *dr)
{
    drafts_ctx *x = user;
    if (x->names) {
        bool wanted = false;
        for (int i = 0; i < x->count && !wanted; i++) wanted = strcmp(x->names[i], dr->name) == 0;
        if (!wanted) return;
    }
    if (x->n == x->cap) {
        store_file *nf = realloc(x->files, sizeof *nf * (size_t)(x->cap = x->cap * 2 + 8));
        if (!nf) {
            x->ok = false;
            return;
        }
        x->files = nf;
    }
    store_file *f = &x->files[x->n];
    snprintf(f->name, sizeof f->name, "%s", dr->name);
    f->body = dr->deleted ? NULL : strdup(dr->body ? dr->body : "");
    if (!dr->deleted && !f->body) x->ok = false;
    else x->n++;
}

int store_drafts(store *st, const char *const *names, int count, store_file **out)
{
    drafts_ctx x = {names, count, NULL, 0, 0, true};
    if (!db_draft_list(st->db, add_draft, &x)) x.ok = false;
    if (!x.ok) {
        store_files_free(x.files, x.n);
        *out = NULL;
        return -1;
    }
    *out = x.files;
    return x.n;
}

void store_files_free(store_file *files, int n)
{
    for (int i = 0; i < n; i++) free(files[i].body);
    free(files);
}

bool store_write_upload(store *st, const char *path, const void *data, size_t len)
{
    char full[PATH_BIG];
    snprintf(full, sizeof full, "%s/content/%s", st->data, path);
    return write_file(full, data, len);
}

/* ---- the game's manifest with the rooms' titles (issue 18) --------------------------------------- */

/* A set of content files by name: a release's, with the drafts over it for the preview. */
typedef struct file_set {
    store_file *files;
    int n, cap;
    bool ok;
} file_set;

/* Puts (or, body NULL, removes) a file. */
static void set_put(file_set *s, const char *name, const char *body)
{
    store_file *f = NULL;
    for (int i = 0; i < s->n && !f; i++)
        if (strcmp(s->files[i].name, name) == 0) f = &s->files[i];
    if (!f) {
        if (!body) return;
        if (s->n == s->cap) {
            store_file *nf = realloc(s->files, sizeof *nf * (size_t)(s->cap * 2 + 8));
            if (!nf) {
                s->ok = false;
                return;
            }
            s->files = nf;
            s->cap = s->cap * 2 + 8;
        }
        f = &s->files[s->n++];
        snprintf(f->name, sizeof f->name, "%s", name);
        f->body = NULL;
    }
    free(f->body);
    f->body = body ? strdup(body) : NULL;
    if (body && !f->body) s->ok = false;
}

static void set_put_release_file(void *user, const db_content_ver *v)
{
    if (strncmp(v->name, "comics/", 7) != 0) set_put(user, v->name, v->body); /* the titles are the rooms' */
}

static const char *set_text(void *user, const char *name, size_t *len)
{
    const file_set *s = user;
    for (int i = 0; i < s->n; i++)
        if (s->files[i].body && strcmp(s->files[i].name, name) == 0) {
            *len = strlen(s->files[i].body);
            return s->files[i].body;
        }
    return NULL;
}

static const char *no_text(void *user, const char *name, size_t *len)
{
    (void)user, (void)name, (void)len;
    return NULL;
}

/* The set's game.json with each room's title in its entry (seal_manifest_titles: the same rule as
   the web build's pakopeli-seal), so a new player's lobby needs no other room's file (app.c
   can_defer_rooms), and with "release": the release it is of, so a game in progress asks for
   that release's files again (levels/r/N/); 0 (the preview of drafts): none, the preview never
   pins a game to a release. If the titles cannot be added (a room that is no JSON or a title the
   game's loader refuses, which the linter keeps from being published; a draft may have either),
   the manifest without them: the game then waits for every room before its lobby, as before
   (said on stderr for a release; a draft's problems are the preview's to show). NULL when the
   set has no game.json or memory runs out. */
static char *titled_manifest(file_set *s, int64_t release, bool drafts)
{
    size_t len = 0;
    const char *plain = s->ok ? set_text(s, "game.json", &len) : NULL;
    if (!plain) return NULL;
    diag_list d = {0};
    char *out = seal_manifest_titles("game.json", plain, len, release, set_text, s, &d);
    if (!out) {
        if (!drafts) fprintf(stderr, "store: levels/game.json served without the rooms' titles (%d errors)\n", d.errors);
        diag_list bare = {0}; /* still with its release; as written only when even that fails */
        out = seal_manifest_titles("game.json", plain, len, release, no_text, NULL, &bare);
        if (!out) out = strdup(plain);
    }
    return out;
}

/* The manifest of a release (immutable: made once and, remember, kept: the current release's) or,
   drafts: with every draft over the current release, as the preview plays it. The caller frees
   it; NULL: no such file (or no such release). */
static char *manifest_of(store *st, int64_t release, bool drafts, bool remember)
{
    char *out = NULL;
    if (!drafts) {
        pthread_mutex_lock(&st->manifest_lock);
        if (st->manifest && st->manifest_release == release) out = strdup(st->manifest);
        pthread_mutex_unlock(&st->manifest_lock);
        if (out) return out;
    }
    file_set s = {.ok = true};
    s.ok = db_release_files(st->db, release, set_put_release_file, &s) && s.ok;
    if (drafts && s.ok) {
        store_file *dr = NULL;
        int n = store_drafts(st, NULL, 0, &dr);
        s.ok = n >= 0;
        for (int i = 0; i < n; i++)
            if (strncmp(dr[i].name, "comics/", 7) != 0) set_put(&s, dr[i].name, dr[i].body);
        if (n >= 0) store_files_free(dr, n);
    }
    out = titled_manifest(&s, drafts ? 0 : release, drafts);
    store_files_free(s.files, s.n);
    if (out && !drafts && remember) {
        char *keep = strdup(out);
        pthread_mutex_lock(&st->manifest_lock);
        if (keep && release >= st->manifest_release) {
            free(st->manifest);
            st->manifest = keep;
            st->manifest_release = release;
            keep = NULL;
        }
        pthread_mutex_unlock(&st->manifest_lock);
        free(keep);
    }
    return out;
}

/* ---- a package of the current release ------------------------------------------------------------ */

typedef struct package_ctx {
    file_set files;
    store_package_fn fn;
    void *user;
    bool ok;
    char *err;
    size_t cap;
} package_ctx;

static void package_release_file(void *user, const db_content_ver *v)
{
    package_ctx *x = user;
    if (v->body) set_put(&x->files, v->name, v->body);
}

static void package_upload(void *user, const char *path, const char *type, const void *data, size_t len)
{
    (void)type;
    package_ctx *x = user;
    if (x->ok && store_valid_upload(path)) x->fn(x->user, path, data, len);
}

bool store_package(store *st, const char *version, store_package_fn fn, void *user, store_lint_result *lint,
                   int64_t *release, char *err, size_t cap)
{
    memset(lint, 0, sizeof *lint);
    int64_t rel = *release = db_release_current(st->db);
    /* the linter first, on this release as it is published, with the package's own bound */
    char dir[PATH_BIG], web[4096];
    if (!realpath(st->web, web)) snprintf(web, sizeof web, "%s", st->web);
    char *const argv[] = {st->lint, "--json", "--lang", "fi", "--no-text", "--scorm", (char *)version,
                          "--root", ".", "--web", web, "levels", NULL};
    bool ok = scratch_set(st, rel, NULL, 0, dir, err, cap);
    char *text = NULL;
    if (ok) ok = run_argv(st, dir, argv, &text, err, cap);
    remove_tree(dir);
    if (!ok || !lint_result(text, lint, err, cap)) return false;
    if (lint->errors > 0) return true;

    /* then the files, as the game reads them */
    package_ctx x = {.files = {.ok = true}, .fn = fn, .user = user, .ok = true, .err = err, .cap = cap};
    if (!db_release_files(st->db, rel, package_release_file, &x) || !x.files.ok) {
        store_files_free(x.files.files, x.files.n);
        snprintf(err, cap, "cannot read release %lld", (long long)rel);
        return false;
    }
    for (int i = 0; i < x.files.n && x.ok; i++) {
        const store_file *f = &x.files.files[i];
        if (!f->body) continue;
        char *out = NULL;
        diag_list d = {0};
        if (strcmp(f->name, "game.json") == 0)
            out = seal_manifest_titles("game.json", f->body, strlen(f->body), 0, set_text, &x.files, &d);
        else if (strncmp(f->name, "comics/", 7) == 0) out = strdup(f->body);
        else if (!seal_room(f->name, f->body, strlen(f->body), &out, &d)) out = NULL;
        if (!out) {
            snprintf(err, cap, "levels/%s could not be made ready for the package (%d errors)", f->name, d.errors);
            x.ok = false;
            break;
        }
        char path[DB_CONTENT_NAME_MAX + 8];
        snprintf(path, sizeof path, "levels/%s", f->name);
        fn(user, path, out, strlen(out));
        free(out);
    }
    store_files_free(x.files.files, x.files.n);
    if (x.ok && !db_asset_list(st->db, package_upload, &x)) {
        snprintf(err, cap, "cannot read the uploaded pictures");
        x.ok = false;
    }
    return x.ok;
}

/* ---- serving --------------------------------------------------------------------------------------- */

static void not_found(http_resp *resp)
{
    resp->status = 404;
    resp->type = "text/plain; charset=utf-8";
    buf_puts(&resp->body, "Not found\n");
}

/* The validator and how long a copy is good: the current release's files change with the next
   publish, so a browser asks again each time (a 304 while still current); a numbered release's
   (levels/r/N/) never change, so a copy is kept for good without asking. */
static void level_cache_headers(http_resp *resp, const char *etag, int64_t pinned)
{
    http_add_header(resp, "ETag", etag);
    http_add_header(resp, "Cache-Control", pinned ? "public, max-age=31536000, immutable" : "no-cache");
}

void store_serve_level(store *st, const char *name, int64_t pinned, bool drafts, const http_req *req, http_resp *resp)
{
    if (!store_valid_name(name) || pinned < 0) {
        not_found(resp);
        return;
    }
    drafts = drafts && pinned == 0;
    char *body = NULL, etag[64] = "";
    bool have = false;
    /* Read once; every text below is that release's, asked for by its number (a committed
       release never changes): a publish landing meanwhile must not put the next release's text
       under this one's ETag, or a browser keeps it by a 304 while plays are judged on the other.
       A pinned release (levels/r/N/) is one that is committed: none past the newest. */
    int64_t release = pinned ? pinned : db_release_current(st->db);
    if (pinned && pinned > store_current(st)) {
        not_found(resp);
        return;
    }
    bool manifest = strcmp(name, "game.json") == 0;
    if (drafts) {
        db_draft dr;
        if (manifest) {
            have = true;
            body = manifest_of(st, release, true, false); /* the game.json draft, or the release's */
        } else if (db_draft_get(st->db, name, &dr) == DB_OK) {
            have = true;
            body = dr.body; /* NULL: the draft removes the file */
        }
        resp->no_store = true; /* a draft changes under the preview */
    }
    if (!have) {
        db_content_ver v;
        if (manifest) body = manifest_of(st, release, false, !pinned); /* all of the same release */
        else if (db_release_file(st->db, release, name, &v) == DB_OK) body = v.body;
        /* A release is immutable: its number is a strong validator. The manifest's is marked: it
           carries the rooms' titles since issue 18 ("rNt") and its "release" since a game in
           progress stays on its release ("rNr"), and a browser's copy from before has not them:
           the same number alone would keep that copy by a 304. */
        const char *inm = http_header(req, "If-None-Match");
        if (!drafts && body) {
            snprintf(etag, sizeof etag, manifest ? "\"r%lldr\"" : "\"r%lld\"", (long long)release);
            if (inm && strcmp(inm, etag) == 0) {
                free(body);
                level_cache_headers(resp, etag, pinned);
                resp->status = 304;
                return;
            }
        }
    }
    if (!body) {
        not_found(resp);
        return;
    }
    /* The game gets its rooms sealed (game/core/seal.h): the answer key as salted tags, never
       in plain sight. The studio's preview of drafts keeps the plain text, as the replay does. */
    if (!drafts && !manifest && strncmp(name, "comics/", 7) != 0) {
        diag_list d = {0};
        char *sealed = NULL;
        if (!seal_room(name, body, strlen(body), &sealed, &d)) {
            free(body);
            resp->status = 500;
            resp->type = "text/plain; charset=utf-8";
            buf_puts(&resp->body, "the room could not be sealed\n");
            fprintf(stderr, "store: levels/%s could not be sealed (%d errors)\n", name, d.errors);
            return;
        }
        free(body);
        body = sealed;
    }
    resp->status = 200;
    resp->type = "application/json; charset=utf-8";
    if (etag[0]) level_cache_headers(resp, etag, pinned); /* a 200's only: a 500 is never kept */
    char rel[32];
    snprintf(rel, sizeof rel, "%lld", (long long)release);
    http_add_header(resp, "X-Pakopeli-Release", rel);
    buf_puts(&resp->body, body);
    free(body);
}

void store_serve_upload(store *st, const char *path, const http_req *req, http_resp *resp)
{
    (void)req;
    char type[32];
    void *data = NULL;
    size_t len = 0;
    if (!store_valid_upload(path) || db_asset_get(st->db, path, type, &data, &len) != DB_OK) {
        free(data);
        not_found(resp);
        return;
    }
    resp->status = 200;
    resp->type = strcmp(type, "image/png") == 0    ? "image/png"
                 : strcmp(type, "image/jpeg") == 0 ? "image/jpeg"
                                                   : "image/svg+xml";
    /* An upload never changes (a new picture gets a new name). */
    http_add_header(resp, "Cache-Control", "public, max-age=31536000, immutable");
    buf_append(&resp->body, data, len);
    free(data);
}
