/* files.h - serving the built game and the dashboard from disk, compressed once, from memory.
 *
 * A file is read and gzip-compressed on its first request and kept; a later request checks
 * the file's size and modification time (one stat) and reloads it when it changed, so a new
 * `make web` is served without a restart. Clients that accept gzip get the compressed copy
 * when it is smaller (the .wasm shrinks to about a third). ETag + If-None-Match give 304s.
 *
 * Paths are checked before they touch the file system: only [A-Za-z0-9._/-], no "..", no
 * hidden files, and the resolved file must lie inside its root (no symlinks out).
 *
 *   files *f = files_new();
 *   files_serve(f, "build/web", "pakopeli.wasm", req, resp);   // 200, 304 or 404 into resp
 *   files_free(f);   // after the HTTP server has stopped
 */
#ifndef PK_FILES_H
#define PK_FILES_H

#include "http.h"

typedef struct files files;

files *files_new(void);
void files_free(files *f);

/* Fills resp with the file rel (relative to root; "" or a path ending in / means its
   index.html) or a 404. The body is shared with the cache, released when sent. */
void files_serve(files *f, const char *root, const char *rel, const http_req *req, http_resp *resp);

/* The Content-Type for a file name, by extension. */
const char *files_type(const char *name);

#endif
