/* arena.h - a bump allocator: everything a loaded level needs, freed in one call.
 *
 * A level owns one arena; its strings and arrays live there, so "one allocation, one
 * owner, one free" holds for a whole room, and nothing is freed piecemeal.
 */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;  /* newest block first */
    size_t used;        /* bytes handed out, for the memory benchmark */
} arena;

/* Zeroed memory aligned for any type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* A copy of s (NULL stays NULL). */
char *arena_strdup(arena *a, const char *s);
/* Frees every block; the arena is then empty and reusable. */
void arena_free(arena *a);

#endif
