#include "files.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zlib.h>

enum { FILE_MAX = 64 << 20 }; /* nothing we serve is near this; a guard against surprises */

/* Bytes shared by the cache and responses in flight; freed when the last one lets go. */
typedef struct blob {
    atomic_int refs;
    size_t len;
    unsigned char data[];
} blob;

typedef struct entry {
    char path[PATH_MAX];     /* resolved absolute path */
    off_t size;
    struct timespec mtime;
    const char *type;
    char etag[64];
    blob *raw, *gz;          /* gz is NULL when compression does not pay */
    blob *br;                /* the build's FILE.br (brotli -q 11, Makefile), NULL when absent or stale */
    struct entry *next;
} entry;

struct files {
    pthread_mutex_t lock;
    entry *head;
};

static void blob_release(void *p)
{
    blob *b = p;
    if (b && atomic_fetch_sub(&b->refs, 1) == 1) free(b);
}

static blob *blob_new(size_t len)
{
    blob *b = malloc(offsetof(blob, data) + len + 1);
    if (!b) return NULL;
    atomic_init(&b->refs, 1);
    b->len = len;
    return b;
}

files *files_new(void)
{
    files *f = calloc(1, sizeof *f);
    if (f) pthread_mutex_init(&f->lock, NULL);
    return f;
}

void files_free(files *f)
{
    if (!f) return;
    for (entry *e = f->head, *next; e; e = next) {
        next = e->next;
        blob_release(e->raw);
        blob_release(e->gz);
        blob_release(e->br);
        free(e);
    }
    pthread_mutex_destroy(&f->lock);
    free(f);
}

const char *files_type(const char *name)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},   {".json", "application/json; charset=utf-8"},
        {".wasm", "application/wasm"},         {".svg", "image/svg+xml"},
        {".png", "image/png"},                 {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},               {".webp", "image/webp"},
        {".ttf", "font/ttf"},                  {".otf", "font/otf"},
        {".woff2", "font/woff2"},              {".txt", "text/plain; charset=utf-8"},
        {".ico", "image/x-icon"},              {".ogg", "audio/ogg"},
        {".mp3", "audio/mpeg"},
    };
    const char *dot = strrchr(name, '.');
    if (dot)
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            if (strcmp(dot, types[i][0]) == 0) return types[i][1];
    return "application/octet-stream";
}

static bool compressible(const char *type)
{
    return strncmp(type, "text/", 5) == 0 || strstr(type, "json") || strstr(type, "wasm") ||
           strstr(type, "svg") || strstr(type, "font/ttf") || strstr(type, "font/otf");
}

/* gzip of raw, or NULL when it is not smaller. */
static blob *gzip(const blob *raw)
{
    z_stream z = {0};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return NULL;
    size_t cap = deflateBound(&z, raw->len);
    blob *out = blob_new(cap);
    if (!out) {
        deflateEnd(&z);
        return NULL;
    }
    z.next_in = (Bytef *)raw->data;
    z.avail_in = (uInt)raw->len;
    z.next_out = out->data;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = cap - z.avail_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END || n >= raw->len) {
        free(out);
        return NULL;
    }
    out->len = n;
    return out;
}

/* Only plain names: letters, digits, . _ - and /; no empty, dot-led or ".." segments. */
static bool safe_rel(const char *rel)
{
    if (strlen(rel) > 256) return false;
    const char *seg = rel;
    for (const char *p = rel;; p++) {
        char c = *p;
        if (c == '/' || c == '\0') {
            size_t n = (size_t)(p - seg);
            if (n == 0 && c == '/') return false;      /* "//" or a leading "/" */
            if (n > 0 && seg[0] == '.') return false;   /* ".", "..", hidden files */
            if (c == '\0') return true;
            seg = p + 1;
            continue;
        }
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '-';
        if (!ok) return false;
    }
}

static void not_found(http_resp *resp)
{
    resp->status = 404;
    resp->type = "text/plain; charset=utf-8";
    buf_puts(&resp->body, "Not found\n");
}

/* Whether Accept-Encoding lists coding (as a whole token) without refusing it with q=0. */
static bool accepts(const http_req *req, const char *coding)
{
    const char *ae = http_header(req, "Accept-Encoding");
    size_t n = strlen(coding);
    for (const char *g = ae ? strstr(ae, coding) : NULL; g; g = strstr(g + n, coding)) {
        bool starts = g == ae || g[-1] == ',' || g[-1] == ' ';
        const char *q = g + n;
        while (*q == ' ') q++;
        if (!starts || (*q && *q != ',' && *q != ';')) continue; /* part of another name */
        return !(strncmp(q, ";q=0", 4) == 0 && (q[4] == '\0' || q[4] == ',' || strncmp(q + 4, ".0", 2) == 0));
    }
    return false;
}

/* FILE.br beside path when it is at least as new as the file itself (to the second); NULL
   otherwise, so a file changed after the build is never answered with its old brotli. */
static blob *brotli_sidecar(const char *path, const struct stat *sb)
{
    char br[PATH_MAX + 8];
    struct stat bs;
    snprintf(br, sizeof br, "%s.br", path);
    /* whole seconds: brotli -k and many copying tools keep only those */
    if (stat(br, &bs) != 0 || !S_ISREG(bs.st_mode) || bs.st_size > FILE_MAX || bs.st_size >= sb->st_size ||
        bs.st_mtim.tv_sec < sb->st_mtim.tv_sec)
        return NULL;
    blob *b = blob_new((size_t)bs.st_size);
    FILE *fp = b ? fopen(br, "rb") : NULL;
    bool ok = fp && fread(b->data, 1, b->len, fp) == b->len;
    if (fp) fclose(fp);
    if (!ok) {
        free(b);
        return NULL;
    }
    return b;
}

/* Loads or refreshes the entry for path; lock held. NULL when unreadable. */
static entry *load(files *f, const char *path, const struct stat *sb)
{
    entry *e = f->head;
    for (; e; e = e->next)
        if (strcmp(e->path, path) == 0) break;
    if (e && e->size == sb->st_size && e->mtime.tv_sec == sb->st_mtim.tv_sec &&
        e->mtime.tv_nsec == sb->st_mtim.tv_nsec)
        return e;
    if (sb->st_size > FILE_MAX) return NULL;
    blob *raw = blob_new((size_t)sb->st_size);
    FILE *fp = raw ? fopen(path, "rb") : NULL;
    bool ok = fp && fread(raw->data, 1, raw->len, fp) == raw->len;
    if (fp) fclose(fp);
    if (!ok) {
        free(raw);
        return NULL;
    }
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e) {
            free(raw);
            return NULL;
        }
        snprintf(e->path, sizeof e->path, "%s", path);
        e->next = f->head;
        f->head = e;
    }
    blob_release(e->raw);
    blob_release(e->gz);
    blob_release(e->br);
    e->raw = raw;
    e->type = files_type(path);
    e->gz = compressible(e->type) ? gzip(raw) : NULL;
    e->br = compressible(e->type) ? brotli_sidecar(path, sb) : NULL;
    e->size = sb->st_size;
    e->mtime = sb->st_mtim;
    snprintf(e->etag, sizeof e->etag, "\"%llx-%llx-%lx\"", (unsigned long long)sb->st_size,
             (unsigned long long)sb->st_mtim.tv_sec, (unsigned long)sb->st_mtim.tv_nsec);
    return e;
}

void files_serve(files *f, const char *root, const char *rel, const http_req *req, http_resp *resp)
{
    char want[512], real_root[PATH_MAX], real[PATH_MAX];
    size_t n = strlen(rel);
    snprintf(want, sizeof want, "%s%s", rel, (n == 0 || rel[n - 1] == '/') ? "index.html" : "");
    struct stat sb;
    if (!safe_rel(want) || !realpath(root, real_root)) {
        not_found(resp);
        return;
    }
    char joined[PATH_MAX + 600];
    snprintf(joined, sizeof joined, "%s/%s", real_root, want);
    size_t rl = strlen(real_root);
    if (!realpath(joined, real) || strncmp(real, real_root, rl) != 0 || real[rl] != '/' ||
        stat(real, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        not_found(resp);
        return;
    }
    pthread_mutex_lock(&f->lock);
    entry *e = load(f, real, &sb);
    if (!e) {
        pthread_mutex_unlock(&f->lock);
        not_found(resp);
        return;
    }
    bool br = e->br && accepts(req, "br"), gz = !br && e->gz && accepts(req, "gzip");
    blob *b = br ? e->br : gz ? e->gz : e->raw;
    const char *inm = http_header(req, "If-None-Match");
    resp->type = e->type;
    http_add_header(resp, "ETag", e->etag);
    /* no-cache: revalidate every time (cheap with ETag), so players never mix two builds */
    http_add_header(resp, "Cache-Control", "no-cache");
    if (compressible(e->type)) http_add_header(resp, "Vary", "Accept-Encoding");
    if (inm && strcmp(inm, e->etag) == 0) {
        pthread_mutex_unlock(&f->lock);
        resp->status = 304;
        return;
    }
    atomic_fetch_add(&b->refs, 1);
    pthread_mutex_unlock(&f->lock);
    if (br) http_add_header(resp, "Content-Encoding", "br");
    if (gz) http_add_header(resp, "Content-Encoding", "gzip");
    resp->status = 200;
    resp->data = b->data;
    resp->data_len = b->len;
    resp->release = blob_release;
    resp->release_arg = b;
}
