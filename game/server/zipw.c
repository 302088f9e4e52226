/* zipw.c - a zip archive into a buffer (zipw.h). Records per PKWARE's APPNOTE 6.3 (4.3.7 local
   header, 4.3.12 central directory header, 4.3.16 end of central directory); little-endian. */
#include "zipw.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { ZIPW_NAME_MAX = 0xffff, ZIPW_FLAG_UTF8 = 1u << 11, ZIPW_STORED = 0, ZIPW_DEFLATED = 8 };
/* 1980-01-01 00:00:00 in MS-DOS form: the earliest a zip can say, the same for every build */
static const uint16_t DOS_TIME = 0, DOS_DATE = (0 << 9) | (1 << 5) | 1;

static void put16(unsigned char *p, uint32_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static void put32(unsigned char *p, uint32_t v)
{
    put16(p, v & 0xffff);
    put16(p + 2, v >> 16);
}

void zipw_init(zipw *z, buf *out)
{
    memset(z, 0, sizeof *z);
    z->out = out;
}

/* data deflated (raw, no zlib header: the zip's method 8) into *packed; its length, or 0 when
   deflating does not make it smaller or memory ran out (then the file is stored). */
static size_t deflate_raw(const void *data, size_t len, unsigned char **packed)
{
    *packed = NULL;
    if (len < 64 || len > UINT32_MAX) return 0;
    z_stream s = {0};
    if (deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    uLong bound = deflateBound(&s, (uLong)len);
    unsigned char *out = malloc(bound);
    size_t got = 0;
    if (out) {
        s.next_in = (Bytef *)(uintptr_t)data;
        s.avail_in = (uInt)len;
        s.next_out = out;
        s.avail_out = (uInt)bound;
        if (deflate(&s, Z_FINISH) == Z_STREAM_END && s.total_out < len) got = s.total_out;
    }
    deflateEnd(&s);
    if (!got) free(out);
    else *packed = out;
    return got;
}

bool zipw_add(zipw *z, const char *name, const void *data, size_t len)
{
    size_t nlen = name ? strlen(name) : 0;
    if (z->failed || nlen == 0 || nlen > ZIPW_NAME_MAX || len > UINT32_MAX || z->count == 0xffff) {
        z->failed = true;
        return false;
    }
    uint32_t crc = (uint32_t)crc32(0L, Z_NULL, 0);
    for (size_t at = 0; at < len;) { /* crc32 takes uInt lengths */
        size_t n = len - at > (1u << 30) ? (1u << 30) : len - at;
        crc = (uint32_t)crc32(crc, (const Bytef *)data + at, (uInt)n);
        at += n;
    }
    unsigned char *packed = NULL;
    size_t plen = deflate_raw(data, len, &packed);
    uint16_t method = plen ? ZIPW_DEFLATED : ZIPW_STORED;
    const void *body = plen ? (const void *)packed : data;
    size_t blen = plen ? plen : len;
    size_t offset = z->out->len;
    if (offset > UINT32_MAX || offset + 30 + nlen + blen > UINT32_MAX) {
        free(packed);
        z->failed = true;
        return false;
    }

    unsigned char h[30];
    put32(h, 0x04034b50);
    put16(h + 4, 20); /* version needed: 2.0 (deflate) */
    put16(h + 6, ZIPW_FLAG_UTF8);
    put16(h + 8, method);
    put16(h + 10, DOS_TIME);
    put16(h + 12, DOS_DATE);
    put32(h + 14, crc);
    put32(h + 18, (uint32_t)blen);
    put32(h + 22, (uint32_t)len);
    put16(h + 26, (uint32_t)nlen);
    put16(h + 28, 0);
    bool ok = buf_append(z->out, h, sizeof h) && buf_append(z->out, name, nlen) && buf_append(z->out, body, blen);
    free(packed);

    unsigned char c[46];
    put32(c, 0x02014b50);
    put16(c + 4, (3u << 8) | 20); /* made by: Unix, 2.0 */
    put16(c + 6, 20);
    put16(c + 8, ZIPW_FLAG_UTF8);
    put16(c + 10, method);
    put16(c + 12, DOS_TIME);
    put16(c + 14, DOS_DATE);
    put32(c + 16, crc);
    put32(c + 20, (uint32_t)blen);
    put32(c + 24, (uint32_t)len);
    put16(c + 28, (uint32_t)nlen);
    put16(c + 30, 0); /* extra */
    put16(c + 32, 0); /* comment */
    put16(c + 34, 0); /* disk */
    put16(c + 36, 0); /* internal attributes */
    put32(c + 38, 0100644u << 16); /* external: a regular file, rw-r--r-- */
    put32(c + 42, (uint32_t)offset);
    ok = ok && buf_append(&z->dir, c, sizeof c) && buf_append(&z->dir, name, nlen);
    if (!ok) z->failed = true;
    else z->count++;
    return ok;
}

bool zipw_finish(zipw *z)
{
    size_t at = z->out->len;
    bool ok = !z->failed && !z->dir.failed && at <= UINT32_MAX && z->dir.len <= UINT32_MAX &&
              (z->dir.len == 0 || buf_append(z->out, z->dir.data, z->dir.len));
    unsigned char e[22];
    put32(e, 0x06054b50);
    put16(e + 4, 0);
    put16(e + 6, 0);
    put16(e + 8, z->count);
    put16(e + 10, z->count);
    put32(e + 12, (uint32_t)z->dir.len);
    put32(e + 16, (uint32_t)at);
    put16(e + 20, 0);
    ok = ok && buf_append(z->out, e, sizeof e) && !z->out->failed;
    buf_free(&z->dir);
    if (!ok) z->failed = true;
    return ok;
}
