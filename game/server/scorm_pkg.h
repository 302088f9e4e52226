/* scorm_pkg.h - the game as a SCORM package of the current release (docs/lms.md), for HR to put
 * in the organisation's learning platform without anyone building it.
 *
 * What `make scorm` (game/tools/scorm.mjs) packs from the repository, made here from what the
 * server has: the built game (the server's web folder, without report.js, dev.js, the content
 * and the precompressed copies), the current release's content as the game reads it and the
 * uploaded pictures (store_package), web/scorm.js on the page in place of report.js, and
 * imsmanifest.xml first, listing every file under the one SCO. A volunteer's publish thus
 * reaches the platform as a download from the dashboard, not a developer's build. For release
 * 1 seeded from the shipped levels the files are those of `make scorm`'s zip
 * (tests/server/scorm-download.test.mjs). The page's content preloads are the release's, as the
 * engine loads them in a platform (every room, the start room's pictures: preload.mjs --lms),
 * not the build's (tests/server/scorm-first-load.test.mjs).
 *
 *   buf zip = {0};
 *   store_lint_result lint;
 *   int64_t release;
 *   if (!scormpkg_build(st, "build/web", "1.2", &zip, &release, &lint, err, sizeof err)) ...;
 *   if (lint.errors) ... (the content's resume state does not fit SCORM 1.2: lint.json says by how much)
 *   store_lint_free(&lint); buf_free(&zip);
 */
#ifndef PK_SCORM_PKG_H
#define PK_SCORM_PKG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "store.h"

/* A version this module packs: "1.2" or "2004". */
bool scormpkg_version_ok(const char *version);
/* Packs the current release for version into zip (the caller's buffer, emptied first). False
   with a reason when the game or the content could not be read; true with lint->errors > 0
   (zip empty) when the linter refused the content for this version. */
bool scormpkg_build(store *st, const char *web, const char *version, buf *zip, int64_t *release,
                    store_lint_result *lint, char *err, size_t cap);

#endif
