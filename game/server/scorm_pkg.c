/* scorm_pkg.c - the game as a SCORM package of the current release (scorm_pkg.h). */
#include "scorm_pkg.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/level.h"
#include "zipw.h"

enum { PKG_MAX_FILES = 4096, PKG_PATH_MAX = 1024 };
/* The most a package may hold: the built game is about 1.7 MB, the content a few hundred kB,
   pictures within the linter's first-load budget; far over that is a fault, not a game. */
static const size_t PKG_MAX_BYTES = (size_t)256 << 20;

typedef struct entry {
    char *path;
    unsigned char *data;
    size_t len;
} entry;

typedef struct pack {
    entry *files;
    int n;
    size_t bytes;
    bool ok;
    char *err;
    size_t cap;
} pack;

bool scormpkg_version_ok(const char *version)
{
    return version && (strcmp(version, "1.2") == 0 || strcmp(version, "2004") == 0);
}

static void add(pack *p, const char *path, const void *data, size_t len)
{
    if (!p->ok) return;
    if (p->n == PKG_MAX_FILES || p->bytes + len > PKG_MAX_BYTES) {
        snprintf(p->err, p->cap, "the package would hold more than %d files or %zu MB", PKG_MAX_FILES, PKG_MAX_BYTES >> 20);
        p->ok = false;
        return;
    }
    if (p->n % 64 == 0) {
        entry *nf = realloc(p->files, sizeof *nf * (size_t)(p->n + 64));
        if (!nf) {
            p->ok = false;
            snprintf(p->err, p->cap, "out of memory");
            return;
        }
        p->files = nf;
    }
    entry *e = &p->files[p->n];
    e->path = strdup(path);
    e->data = malloc(len ? len : 1);
    if (!e->path || !e->data) {
        free(e->path);
        free(e->data);
        p->ok = false;
        snprintf(p->err, p->cap, "out of memory");
        return;
    }
    memcpy(e->data, data, len);
    e->len = len;
    p->n++;
    p->bytes += len;
}

static void add_content(void *user, const char *path, const void *data, size_t len) { add(user, path, data, len); }

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

/* What the served game has that a package must not (as scorm.mjs skips them): the report
   server's client, make dev's glue, the content (the release's comes from the store), the
   uploads (from the store too), the precompressed copies (a platform serves files as they are)
   and hidden files. rel: the path in the package; top: at the web folder's top. */
static bool skipped(const char *rel, const char *name, bool top)
{
    if (name[0] == '.' || ends_with(name, ".br") || ends_with(name, ".gz")) return true;
    if (top && (strcmp(name, "report.js") == 0 || strcmp(name, "dev.js") == 0 || strcmp(name, "levels") == 0)) return true;
    return strcmp(rel, "assets/uploads") == 0;
}

static bool read_file(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    bool ok = fseek(f, 0, SEEK_END) == 0;
    long size = ok ? ftell(f) : -1;
    ok = size >= 0 && fseek(f, 0, SEEK_SET) == 0;
    unsigned char *b = ok ? malloc((size_t)size + 1) : NULL;
    ok = b && fread(b, 1, (size_t)size, f) == (size_t)size;
    fclose(f);
    if (!ok) {
        free(b);
        return false;
    }
    *data = b;
    *len = (size_t)size;
    return true;
}

/* The web folder's files under rel ("" at the top), into p. */
static void add_tree(pack *p, const char *web, const char *rel)
{
    char dir[PKG_PATH_MAX * 2];
    snprintf(dir, sizeof dir, "%s%s%s", web, rel[0] ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(p->err, p->cap, "%s: cannot read the built game", dir);
        p->ok = false;
        return;
    }
    struct dirent *e;
    while (p->ok && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char sub[PKG_PATH_MAX], full[PKG_PATH_MAX * 3];
        if ((size_t)snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name) >= sizeof sub) continue;
        if (skipped(sub, e->d_name, rel[0] == '\0')) continue;
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(full, &sb) != 0) continue; /* a dangling link: nothing the game could load either */
        if (S_ISDIR(sb.st_mode)) {
            add_tree(p, web, sub);
        } else if (S_ISREG(sb.st_mode)) {
            unsigned char *data = NULL;
            size_t len = 0;
            if (!read_file(full, &data, &len)) {
                snprintf(p->err, p->cap, "%s: cannot read", full);
                p->ok = false;
            } else {
                add(p, sub, data, len);
                free(data);
            }
        }
    }
    closedir(d);
}

static entry *find(pack *p, const char *path)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->files[i].path, path) == 0) return &p->files[i];
    return NULL;
}

/* The page: scorm.js where report.js was (the package reports to the platform, web/scorm.js). */
/* The page's new text, taken from b (which is emptied), in place of its old one. */
static bool page_take(pack *p, entry *page, buf *b)
{
    size_t len = 0;
    char *out = buf_take(b, &len);
    if (!out) {
        snprintf(p->err, p->cap, "out of memory");
        return false;
    }
    free(page->data);
    page->data = (unsigned char *)out;
    p->bytes = p->bytes - page->len + len;
    page->len = len;
    return true;
}

static bool swap_reporter(pack *p, const char *version)
{
    static const char REPORT[] = "<script src=\"report.js\"></script>";
    entry *page = find(p, "index.html");
    char *at = NULL, *text = NULL;
    if (page) {
        text = malloc(page->len + 1);
        if (text) {
            memcpy(text, page->data, page->len);
            text[page->len] = '\0';
            at = strstr(text, REPORT);
        }
    }
    if (!at) {
        snprintf(p->err, p->cap, "the built game's index.html has no %s to put scorm.js in place of", REPORT);
        free(text);
        return false;
    }
    buf b = {0};
    buf_append(&b, text, (size_t)(at - text));
    buf_printf(&b, "<script src=\"scorm.js\" data-scorm=\"%s\"></script>", version);
    buf_puts(&b, at + sizeof REPORT - 1);
    free(text);
    return page_take(p, page, &b);
}

static int by_path(const void *a, const void *b) { return strcmp(((const entry *)a)->path, ((const entry *)b)->path); }

static void xml_text(buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        default: buf_append(b, s, 1);
        }
    }
}

/* A path as an href, as JavaScript's encodeURI writes it (scorm.mjs): UTF-8 bytes outside its
   unreserved and reserved sets as %XX; then as XML text. */
static void href(buf *b, const char *path)
{
    static const char keep[] = ";,/?:@&=+$-_.!~*'()#";
    char enc[PKG_PATH_MAX * 3 + 1];
    size_t n = 0;
    for (const unsigned char *s = (const unsigned char *)path; *s && n + 4 < sizeof enc; s++) {
        if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || (*s < 128 && strchr(keep, *s)))
            enc[n++] = (char)*s;
        else n += (size_t)snprintf(enc + n, sizeof enc - n, "%%%02X", *s);
    }
    enc[n] = '\0';
    xml_text(b, enc);
}

/* The game's title for the platform's lists: game.json's, in Finnish (as scorm.mjs). */
static char *title_of(pack *p)
{
    entry *g = find(p, "levels/game.json");
    cJSON *root = g ? cJSON_ParseWithLength((const char *)g->data, g->len) : NULL;
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(root, "title");
    const char *s = cJSON_IsString(t) ? t->valuestring : NULL;
    if (!s && cJSON_IsObject(t)) {
        const cJSON *fi = cJSON_GetObjectItemCaseSensitive(t, "fi"), *en = cJSON_GetObjectItemCaseSensitive(t, "en");
        s = cJSON_IsString(fi) && fi->valuestring[0] ? fi->valuestring : cJSON_IsString(en) ? en->valuestring : NULL;
    }
    char *out = strdup(s && s[0] ? s : "Pakopeli");
    cJSON_Delete(root);
    return out;
}

/* imsmanifest.xml: the one SCO and every file of the package (the same text as scorm.mjs). */
static bool manifest(pack *p, const char *version, buf *b)
{
    char *title = title_of(p);
    if (!title) return false;
    bool v12 = strcmp(version, "1.2") == 0;
    if (v12)
        buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<manifest identifier=\"pakopeli-scorm12\" version=\"1.0\"\n"
                    "    xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n"
                    "    xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\">\n"
                    "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n");
    else
        buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<manifest identifier=\"pakopeli-scorm2004\" version=\"1.0\"\n"
                    "    xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n"
                    "    xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n"
                    "    xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n"
                    "    xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n"
                    "    xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\">\n"
                    "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n");
    buf_puts(b, "  <organizations default=\"pakopeli-org\">\n    <organization identifier=\"pakopeli-org\">\n      <title>");
    xml_text(b, title);
    buf_puts(b, "</title>\n      <item identifier=\"pakopeli-item\" identifierref=\"pakopeli-sco\" isvisible=\"true\">\n        <title>");
    xml_text(b, title);
    buf_puts(b, "</title>\n      </item>\n    </organization>\n  </organizations>\n  <resources>\n");
    buf_printf(b, "    <resource identifier=\"pakopeli-sco\" type=\"webcontent\" adlcp:%s=\"sco\" href=\"index.html\">\n",
               v12 ? "scormtype" : "scormType");
    for (int i = 0; i < p->n; i++) {
        buf_puts(b, "      <file href=\"");
        href(b, p->files[i].path);
        buf_puts(b, "\"/>\n");
    }
    buf_puts(b, "    </resource>\n  </resources>\n</manifest>\n");
    free(title);
    return !b->failed;
}

/* ---- the page's preloads ---------------------------------------------------------------------- */

/* The content the engine loads in a learning platform before its first interactive frame, listed
   in the page as preloads the way game/tools/preload.mjs --lms lists them for `make scorm` (the
   same lines, so release 1 of the shipped levels gives `make scorm`'s page byte for byte): every
   room, in the manifest's order (in a platform the engine defers none: app.c new_player, the
   platform may hold a resume state in any room), then every "assets/..." the start room (the hub,
   else the first room) names. The built page lists the build's content for a browser that defers
   rooms; a package kept that list: the rooms came a round trip later, and after a volunteer gave
   the lobby another picture the package still preloaded the build's, for nothing. */
static const char PRELOAD_MARK[] = "<!-- content preloads (game/tools/preload.mjs) -->";
static const char PRELOAD_HEAD[] = "\n  <link rel=\"preload\" href=\"";
static const char PRELOAD_TAIL[] = "\" as=\"fetch\" crossorigin>";

typedef struct preloads {
    char (*assets)[PKG_PATH_MAX];
    int n, cap;
} preloads;

static void collect_assets(const cJSON *v, preloads *pl)
{
    if (cJSON_IsString(v)) {
        if (strncmp(v->valuestring, "assets/", 7) != 0 || strlen(v->valuestring) >= PKG_PATH_MAX) return;
        for (int i = 0; i < pl->n; i++)
            if (strcmp(pl->assets[i], v->valuestring) == 0) return;
        if (pl->n == pl->cap) {
            int cap = pl->cap ? pl->cap * 2 : 16;
            char(*grown)[PKG_PATH_MAX] = realloc(pl->assets, sizeof *grown * (size_t)cap);
            if (!grown) return; /* a preload fewer: the engine still asks for it */
            pl->assets = grown;
            pl->cap = cap;
        }
        snprintf(pl->assets[pl->n++], PKG_PATH_MAX, "%s", v->valuestring);
        return;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, v) collect_assets(it, pl);
}

static int by_name(const void *a, const void *b) { return strcmp(a, b); }

static void preload_line(buf *b, const char *path)
{
    buf_puts(b, PRELOAD_HEAD);
    href(b, path);
    buf_puts(b, PRELOAD_TAIL);
}

static bool rewrite_preloads(pack *p)
{
    entry *page = find(p, "index.html"), *g = find(p, "levels/game.json");
    if (!page || !g) return true; /* swap_reporter named a page without its mark; no game: nothing to list */
    char *text = malloc(page->len + 1);
    level_game *game = calloc(1, sizeof *game);
    diag_list *d = calloc(1, sizeof *d); /* large: not on the stack */
    if (!text || !game || !d) {
        free(text);
        free(game);
        free(d);
        snprintf(p->err, p->cap, "out of memory");
        return false;
    }
    memcpy(text, page->data, page->len);
    text[page->len] = '\0';
    char *mark = strstr(text, PRELOAD_MARK);
    bool loaded = level_load_game(game, "levels/game.json", (const char *)g->data, g->len, d);
    free(d);
    if (!mark || !loaded) { /* the store's content always loads; a page without the mark keeps its own */
        if (loaded) level_free_game(game);
        free(game);
        free(text);
        return true;
    }
    int start = game->hub ? level_find_room(game, game->hub) : 0;
    if (start < 0) start = 0;
    buf b = {0};
    char *after = mark + sizeof PRELOAD_MARK - 1;
    buf_append(&b, text, (size_t)(after - text));
    char path[PKG_PATH_MAX];
    for (int i = 0; i < game->room_count; i++) {
        snprintf(path, sizeof path, "levels/%s", game->rooms[i].file);
        preload_line(&b, path);
    }
    preloads pl = {0};
    if (game->room_count > 0) {
        snprintf(path, sizeof path, "levels/%s", game->rooms[start].file);
        entry *room = find(p, path);
        cJSON *doc = room ? cJSON_ParseWithLength((const char *)room->data, room->len) : NULL;
        collect_assets(doc, &pl);
        cJSON_Delete(doc);
    }
    qsort(pl.assets, (size_t)pl.n, sizeof *pl.assets, by_name);
    for (int i = 0; i < pl.n; i++) preload_line(&b, pl.assets[i]);
    free(pl.assets);
    level_free_game(game);
    free(game);
    /* the build's content preloads, right after the mark, give way (preload.mjs drops them too) */
    static const char *const CONTENT[] = {"levels/", "assets/"};
    for (;;) {
        size_t head = sizeof PRELOAD_HEAD - 1;
        if (strncmp(after, PRELOAD_HEAD, head) != 0) break;
        if (strncmp(after + head, CONTENT[0], 7) != 0 && strncmp(after + head, CONTENT[1], 7) != 0) break;
        char *end = strstr(after + head, PRELOAD_TAIL);
        if (!end || memchr(after + head, '\n', (size_t)(end - after - head))) break;
        after = end + sizeof PRELOAD_TAIL - 1;
    }
    buf_puts(&b, after);
    free(text);
    return page_take(p, page, &b);
}

bool scormpkg_build(store *st, const char *web, const char *version, buf *zip, int64_t *release,
                    store_lint_result *lint, char *err, size_t cap)
{
    buf_free(zip);
    memset(lint, 0, sizeof *lint);
    if (!scormpkg_version_ok(version)) {
        snprintf(err, cap, "SCORM version %s: should be 1.2 or 2004", version ? version : "(none)");
        return false;
    }
    pack p = {.ok = true, .err = err, .cap = cap};
    bool ok = store_package(st, version, add_content, &p, lint, release, err, cap) && p.ok;
    if (ok && lint->errors == 0) {
        add_tree(&p, web, "");
        ok = p.ok && swap_reporter(&p, version) && rewrite_preloads(&p);
        if (ok) qsort(p.files, (size_t)p.n, sizeof *p.files, by_path);
        buf man = {0};
        zipw z;
        zipw_init(&z, zip);
        if (ok) { /* imsmanifest.xml first, as `zip imsmanifest.xml FILES` puts it */
            ok = manifest(&p, version, &man) && zipw_add(&z, "imsmanifest.xml", man.data, man.len);
            for (int i = 0; ok && i < p.n; i++) ok = zipw_add(&z, p.files[i].path, p.files[i].data, p.files[i].len);
            ok = ok && zipw_finish(&z);
            if (!ok) snprintf(err, cap, "the package could not be written (out of memory?)");
        }
        buf_free(&z.dir); /* zipw_finish's, or what a failed add left */
        buf_free(&man);
        if (!ok) buf_free(zip);
    }
    for (int i = 0; i < p.n; i++) {
        free(p.files[i].path);
        free(p.files[i].data);
    }
    free(p.files);
    return ok;
}
