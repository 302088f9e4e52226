/* asset.c - the front end's one pool of fetched files (see asset.h). */
#include "asset.h"

#include <stdio.h>
#include <string.h>

#include "gfx.h"

static asset_handle handle_of(const asset_pool *p, int i)
{
    return (asset_handle){(uint32_t)(i + 1) | (p->items[i].gen << 8)};
}

/* The entry a handle names, or NULL when it is none, refused or stale. */
static const asset_entry *entry_of(const asset_pool *p, asset_handle h)
{
    int i = (int)(h.id & 0xffu) - 1;
    if (i < 0 || i >= ASSET_MAX) return NULL;
    const asset_entry *e = &p->items[i];
    return e->refs > 0 && (h.id >> 8) == e->gen ? e : NULL;
}

static int find(const asset_pool *p, const char *path)
{
    for (int i = 0; path && i < ASSET_MAX; i++)
        if (p->items[i].refs > 0 && strcmp(p->items[i].path, path) == 0) return i;
    return -1;
}

static void refuse(asset_pool *p, const char *path)
{
    if (p->refused++ == 0) snprintf(p->refused_path, sizeof p->refused_path, "%s", path);
    fprintf(stderr, "assets: no room for %s: the pool holds %d files at once\n", path, ASSET_MAX);
}

asset_handle asset_request(asset_pool *p, const char *path)
{
    if (!path || !path[0]) return (asset_handle){0};
    int i = find(p, path);
    if (i >= 0) {
        p->items[i].refs++;
        return handle_of(p, i);
    }
    if (strlen(path) >= ASSET_PATH_MAX) {
        refuse(p, path);
        return (asset_handle){0};
    }
    for (i = 0; i < ASSET_MAX && p->items[i].refs > 0; i++) {}
    if (i == ASSET_MAX) {
        refuse(p, path);
        return (asset_handle){0};
    }
    asset_entry *e = &p->items[i];
    e->fetch = plat_fetch_start(path);
    if (e->fetch.id == 0) { /* the platform's requests are the pool's: only if something else took one */
        refuse(p, path);
        return (asset_handle){0};
    }
    snprintf(e->path, sizeof e->path, "%s", path);
    e->refs = 1;
    e->gen = (e->gen + 1) & 0xffffffu;
    return handle_of(p, i);
}

plat_fetch_state_t asset_state(const asset_pool *p, asset_handle h)
{
    const asset_entry *e = entry_of(p, h);
    return e ? plat_fetch_state(e->fetch) : PLAT_FETCH_FAILED;
}

const char *asset_data(const asset_pool *p, asset_handle h, size_t *len)
{
    const asset_entry *e = entry_of(p, h);
    return e ? plat_fetch_data(e->fetch, len) : NULL;
}

const char *asset_bytes(const asset_pool *p, const char *path, size_t *len)
{
    int i = find(p, path);
    return i >= 0 ? plat_fetch_data(p->items[i].fetch, len) : NULL;
}

static void drop(asset_entry *e)
{
    if (--e->refs > 0) return;
    plat_fetch_release(e->fetch);
    gfx_image_forget(e->path); /* its texture goes with it (the cache is keyed by path) */
    e->fetch = (plat_fetch){0};
    e->path[0] = '\0';
}

void asset_release(asset_pool *p, asset_handle h)
{
    asset_entry *e = (asset_entry *)entry_of(p, h);
    if (e) drop(e);
}

void asset_release_path(asset_pool *p, const char *path)
{
    int i = find(p, path);
    if (i >= 0) drop(&p->items[i]);
}

bool asset_pending(const asset_pool *p)
{
    for (int i = 0; i < ASSET_MAX; i++)
        if (p->items[i].refs > 0 && plat_fetch_state(p->items[i].fetch) == PLAT_FETCH_PENDING) return true;
    return false;
}

int asset_count(const asset_pool *p)
{
    int n = 0;
    for (int i = 0; i < ASSET_MAX; i++) n += p->items[i].refs > 0;
    return n;
}

int asset_refused(const asset_pool *p, const char **first)
{
    if (first) *first = p->refused ? p->refused_path : NULL;
    return p->refused;
}

void asset_clear(asset_pool *p)
{
    for (int i = 0; i < ASSET_MAX; i++) {
        if (p->items[i].refs == 0) continue;
        p->items[i].refs = 1;
        drop(&p->items[i]);
    }
    p->refused = 0;
    p->refused_path[0] = '\0';
}
