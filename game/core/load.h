/* load.h - the readers that the content loaders share (level.c, comic.c): texts in three
 * languages, ids, enumerations, copied into the loaded file's arena.
 *
 * Internal to the core's loaders; a loader owns a load_ctx for one file:
 *
 *   load_ctx L = {.r = jx_reader_make(file, text, len, diags), .mem = &room->mem};
 *   load_text(&L, obj, "title", true, &room->title);
 *   if (L.oom) ...                       // an allocation failed somewhere
 */
#ifndef PK_LOAD_H
#define PK_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "i18n.h"
#include "jsonx.h"

typedef struct load_ctx {
    jx_reader r;   /* the file and the JSON path being read */
    arena *mem;    /* where copies go: the loaded file's own arena */
    bool oom;      /* an allocation failed: the loader reports it once at the end */
    bool sealed;   /* a room in the shipped, sealed form (seal.h) */
    const unsigned char *salt; /* the room's salt, while its puzzles are read */
} load_ctx;

/* A copy of s in the arena (NULL stays NULL). */
char *load_dup(load_ctx *L, const char *s);
/* Zeroed memory in the arena. */
void *load_alloc(load_ctx *L, size_t n);

/* A text is {"fi": ..., "sv": ..., "en": ...}, or a plain string that is the same in every
   language (an e-mail address, a URL). Finnish is required; a missing Swedish or English version
   is a warning (the Finnish one is shown in its place); an empty plain string is an error. */
bool load_text_value(load_ctx *L, const cJSON *v, i18n_text *out);
/* The same for field key of obj; absent and not required leaves *out empty. */
bool load_text(load_ctx *L, const cJSON *obj, const char *key, bool required, i18n_text *out);
/* An id: a-z, 0-9, '-' and '_' only, so it is safe in URLs, storage keys and replays. */
bool load_id(load_ctx *L, const cJSON *obj, const char *key, bool required, const char **out);
/* A string that must be one of the NULL-terminated names; writes its index. */
bool load_enum(load_ctx *L, const cJSON *obj, const char *key, bool required,
               const char *const *names, int *out);

#endif
