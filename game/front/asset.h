/* asset.h - the front end's one pool of fetched files: fonts, the manifest, rooms and comics
 * while they load, images and the comic lettering while a screen uses them.
 *
 * A request gives a handle (a slot and its generation) and counts a reference; the bytes stay
 * until every reference is released, then the slot (and the image's texture) is free for
 * another file. A handle kept after its file was released reads as nothing, never as the file
 * that took its slot. Views look images up by path each pass (NULL while on their way).
 *
 *   asset_handle h = asset_request(&pool, "levels/game.json");
 *   ... each frame: if (asset_state(&pool, h) != PLAT_FETCH_PENDING) use asset_data(&pool, h, &len);
 *   asset_release(&pool, h);
 *
 * The pool holds ASSET_MAX files at once, the platform's own number of requests
 * (PLAT_FETCH_SLOTS): one size, one place. A request beyond it is refused, counted and named
 * (asset_refused), and the app says so on its error screen; pakopeli-lint refuses content
 * whose images cannot all be held at once (code "too-many").
 */
#ifndef PK_ASSET_H
#define PK_ASSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../platform/platform.h"

enum { ASSET_MAX = PLAT_FETCH_SLOTS, ASSET_PATH_MAX = 128 };

typedef struct asset_handle {
    uint32_t id; /* slot + 1 in the low 8 bits, the slot's generation above; 0: none */
} asset_handle;

typedef struct asset_entry {
    char path[ASSET_PATH_MAX];
    plat_fetch fetch;
    int refs;                    /* 0: the slot is free */
    uint32_t gen;                /* counts the slot's files */
} asset_entry;

typedef struct asset_pool {
    asset_entry items[ASSET_MAX];
    int refused;                 /* requests refused since the pool was made: it was full */
    char refused_path[ASSET_PATH_MAX]; /* the first refused file */
} asset_pool;

/* Starts loading path, or counts one more reference to it when it is already in the pool.
   Returns {0} when the pool is full (or path is NULL or too long): see asset_refused. */
asset_handle asset_request(asset_pool *p, const char *path);
/* PLAT_FETCH_PENDING while on its way, DONE, FAILED; FAILED too for a refused or stale handle. */
plat_fetch_state_t asset_state(const asset_pool *p, asset_handle h);
/* The bytes (NUL-terminated), or NULL while pending, failed or stale. Owned by the pool. */
const char *asset_data(const asset_pool *p, asset_handle h, size_t *len);
/* The bytes of a file in the pool by its path (views look images up so), or NULL. */
const char *asset_bytes(const asset_pool *p, const char *path, size_t *len);
/* Drops one reference; the last frees the slot, the bytes and the image's texture. */
void asset_release(asset_pool *p, asset_handle h);
/* The same by path (a view that requested by path releases so). */
void asset_release_path(asset_pool *p, const char *path);
/* True while any file in the pool is on its way. */
bool asset_pending(const asset_pool *p);
/* Files held now. */
int asset_count(const asset_pool *p);
/* How many requests the full pool refused, and the first of them (NULL for none). */
int asset_refused(const asset_pool *p, const char **first);
/* Releases every file. */
void asset_clear(asset_pool *p);

#endif
