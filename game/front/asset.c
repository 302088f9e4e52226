/* asset.c - the front end's pool of fetched files (see asset.h). */
#include "asset.h"

#include <stdio.h>
#include <string.h>

void asset_request(asset_pool *p, const char *path)
{
    if (!path) return;
    for (int i = 0; i < p->count; i++)
        if (strcmp(p->items[i].path, path) == 0) return;
    if (p->count == ASSET_MAX) return;
    asset_entry *e = &p->items[p->count++];
    snprintf(e->path, sizeof e->path, "%s", path);
    e->fetch = plat_fetch_start(path);
}

const char *asset_bytes(const asset_pool *p, const char *path, size_t *len)
{
    for (int i = 0; path && i < p->count; i++)
        if (strcmp(p->items[i].path, path) == 0) return plat_fetch_data(p->items[i].fetch, len);
    return NULL;
}

bool asset_pending(const asset_pool *p)
{
    for (int i = 0; i < p->count; i++)
        if (plat_fetch_state(p->items[i].fetch) == PLAT_FETCH_PENDING) return true;
    return false;
}

void asset_clear(asset_pool *p)
{
    for (int i = 0; i < p->count; i++) plat_fetch_release(p->items[i].fetch);
    p->count = 0;
}
