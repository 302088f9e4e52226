/* store.h - the game's content as the server keeps it: published releases, drafts, uploads.
 *
 * The database (db.h, "content store") is the truth; this module turns it into what the
 * rest needs, on disk where a program reads files:
 *   - seeding: on the first start (no release yet) the levels folder becomes release 1;
 *   - the replay: store_replay(release) loads a release's rooms through the core, once, and
 *     keeps them for the server's life (a play is replayed on the release it began on);
 *   - the linter: store_lint() writes the current release with some files replaced (drafts,
 *     an import) to a scratch folder and runs pakopeli-lint --json on it, so the studio, the
 *     publish check and `make lint` share one set of rules, stated once, in C;
 *   - serving: the game's levels/ from the current release, levels/r/N/ from release N (a game
 *     in progress finishes on the release it began on), uploaded images from the database.
 * Uploaded images are also written to DATA/content/assets/uploads/ (a cache the linter reads).
 *
 *   store *st;
 *   if (!store_open(&st, &(store_desc){.db = d, .data = "data", .web = "build/web",
 *                                      .seed = "levels", .lint = "build/native/pakopeli-lint"},
 *                   now, err, sizeof err)) die(err);
 *   const replay_content *c = store_replay(st, store_current(st), err, sizeof err);
 *   store_close(st);   // after the HTTP server has stopped
 */
#ifndef PK_STORE_H
#define PK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "http.h"
#include "replay.h"

typedef struct store store;

typedef struct store_desc {
    db *db;
    const char *data;   /* the server's data folder */
    const char *web;    /* the built game: its assets/ hold the shipped images */
    const char *seed;   /* the levels folder release 1 is made from */
    const char *lint;   /* the pakopeli-lint program */
} store_desc;

/* Opens the store; seeds release 1 from desc->seed when nothing is published. */
bool store_open(store **out, const store_desc *desc, int64_t now, char *err, size_t cap);
void store_close(store *st);

int64_t store_current(store *st);

/* A release's content for the replay, loaded once and kept until store_close (never freed
   while the server runs, so the pointer stays valid). NULL with a reason. */
const replay_content *store_replay(store *st, int64_t release, char *err, size_t cap);

/* A file replacing the current release's one in a lint run or a preview: body NULL removes it. */
typedef struct store_file {
    char name[DB_CONTENT_NAME_MAX];
    char *body;
} store_file;

typedef struct store_lint_result {
    char *json;         /* the linter's JSON array of problems (malloc), "[]" when none */
    int errors, warnings;
    bool ran;           /* false: the linter could not run (message in the caller's err) */
} store_lint_result;

/* Lints the current release with the files of overlay replacing its own. lang: "fi", "sv" or "en". */
bool store_lint(store *st, const store_file *overlay, int n, const char *lang, store_lint_result *out, char *err,
                size_t cap);
void store_lint_free(store_lint_result *r);
/* The linter's rules (pakopeli-lint --rules --json: code, severity, scope, the rule in fi and en,
   and the texts that are the same in every language) into *json (malloc). */
bool store_rules(store *st, char **json, char *err, size_t cap);
/* The first load as served, with the overlay over the current release: the linter's --budget
   JSON ({total, engine, content, budget, left, ...}) into *json (malloc). */
bool store_budget(store *st, const store_file *overlay, int n, char **json, char *err, size_t cap);

/* The overlay of every draft (drafts=true), for the preview and the publish check; the caller
   frees it with store_files_free. names/count: only these files' drafts (NULL: all). */
int store_drafts(store *st, const char *const *names, int count, store_file **out);
void store_files_free(store_file *files, int n);

/* A valid content file name: "game.json", "room-id.json", "comics/id.json". */
bool store_valid_name(const char *name);
/* A valid upload path: "assets/uploads/" + [a-z0-9._-] name ending .png/.jpg/.jpeg/.svg. */
bool store_valid_upload(const char *path);

/* Writes an upload's disk copy (after db_asset_put). */
bool store_write_upload(store *st, const char *path, const void *data, size_t len);

/* Serves levels/NAME of a release. release 0: the current one (no-cache, its game.json says
   "release": current), or with drafts, every draft over it (the studio's preview: no-store, and
   a game.json with no "release", so the preview never pins a game to one). release N > 0:
   levels/r/N/NAME, release N's file as the current one would be served while N was current
   (rooms sealed, game.json with its titles and "release": N), kept for good (Cache-Control:
   immutable: a committed release never changes); drafts do not apply. 404 when N is not a
   committed release, the file is not in it, or release < 0 (a path valid_release_path refused).
   Every 200 says X-Pakopeli-Release. */
void store_serve_level(store *st, const char *name, int64_t release, bool drafts, const http_req *req,
                       http_resp *resp);

/* A file of a package (store_package): its path in the package and its bytes, lent for the call. */
typedef void (*store_package_fn)(void *user, const char *path, const void *data, size_t len);
/* The current release as a learning platform's package holds it (scorm_pkg.h): first the linter
   on it with --scorm VERSION ("1.2" or "2004": the resume state must fit that version's suspend
   data) into *lint, and when it found no error each file to fn: levels/NAME as the game reads it
   (rooms sealed, game.json with the rooms' titles and no "release": a package is one release for
   good) and every upload (assets/uploads/NAME). *release: the release packed. False with a reason
   when something could not be read or run; true with lint->errors > 0 when the content does not
   fit (nothing given to fn). The caller frees *lint with store_lint_free. */
bool store_package(store *st, const char *version, store_package_fn fn, void *user, store_lint_result *lint,
                   int64_t *release, char *err, size_t cap);
/* Serves assets/uploads/NAME from the database. */
void store_serve_upload(store *st, const char *path, const http_req *req, http_resp *resp);

#endif
