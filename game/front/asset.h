/* asset.h - the front end's one pool of fetched files (images, the comic lettering font).
 *
 * A view asks for a file by its path once (asset_request); the pool starts the platform's
 * fetch and keeps the bytes until the pool is cleared. Views read the bytes by path each pass
 * (NULL while the file is on its way or when it failed).
 *
 *   asset_request(&pool, "assets/outlook.svg");
 *   ... each pass: bytes = asset_bytes(&pool, "assets/outlook.svg", &len);
 *   asset_clear(&pool);                 // shutdown, or content reloaded
 */
#ifndef PK_ASSET_H
#define PK_ASSET_H

#include <stdbool.h>
#include <stddef.h>

#include "../platform/platform.h"

enum { ASSET_MAX = 64, ASSET_PATH_MAX = 128 };

typedef struct asset_entry {
    char path[ASSET_PATH_MAX];
    plat_fetch fetch;
} asset_entry;

typedef struct asset_pool {
    asset_entry items[ASSET_MAX];
    int count;
} asset_pool;

/* Starts loading path once (a second request for the same path does nothing). NULL is ignored. */
void asset_request(asset_pool *p, const char *path);
/* The bytes of a requested file, or NULL while pending, failed or never requested. Owned by the
   pool until asset_clear. */
const char *asset_bytes(const asset_pool *p, const char *path, size_t *len);
/* True while any requested file is still on its way. */
bool asset_pending(const asset_pool *p);
/* Releases every file. */
void asset_clear(asset_pool *p);

#endif
