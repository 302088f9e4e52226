/* zipw.h - writes a zip archive into a buffer (the SCORM package HR downloads, scorm_pkg.h).
 *
 * Only what a learning platform reads: files (no folder entries, as `zip -D` makes them),
 * deflated with zlib when that is smaller, names in UTF-8, one fixed time stamp (1980-01-01, so
 * the same content gives the same bytes), no zip64 (an archive stays under 4 GiB: the server
 * refuses more). zlib does the compressing and the checksums; the container is three records
 * of PKWARE's APPNOTE (local header, central directory, end), written here.
 *
 *   buf out = {0};
 *   zipw z;
 *   zipw_init(&z, &out);
 *   zipw_add(&z, "imsmanifest.xml", text, len);
 *   if (!zipw_finish(&z)) ...;   // out holds the archive (out.failed: memory)
 */
#ifndef PK_ZIPW_H
#define PK_ZIPW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

typedef struct zipw {
    buf *out;      /* the archive, owned by the caller */
    buf dir;       /* the central directory so far (zipw_finish appends and frees it) */
    uint32_t count;
    bool failed;   /* memory, a name too long, or past 4 GiB: the archive is not usable */
} zipw;

void zipw_init(zipw *z, buf *out);
/* Adds a file; name is its path in the archive ("levels/game.json"). False once z failed. */
bool zipw_add(zipw *z, const char *name, const void *data, size_t len);
/* Writes the central directory and the end record. False when any step failed. */
bool zipw_finish(zipw *z);

#endif
