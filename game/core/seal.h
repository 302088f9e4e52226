/* seal.h - the answer key, plain or sealed (issue 15).
 *
 * A plain room (levels/ROOM.json: the linter, the studio's drafts, `make dev`, the tests and the
 * server's replay) carries its answers in plain sight. The shipped web game gets the room
 * sealed: seal_room() turns the plain text into a form whose answers are salted BLAKE2b tags
 * (libsodium's crypto_generichash), an ordering task's steps in a shuffled order, a matching
 * task's right-hand texts in a list of their own under opaque ids, and the code part
 * encrypted (crypto_secretbox) with a key made of the answers the player gives by solving the
 * room. The core checks both forms with the same functions below, one per kind.
 *
 * The salt is a hash of the plain file: reproducible builds, no secret to keep, and a changed
 * room gets a new salt. It ships with the room (the browser needs it to check), so it stops
 * precomputed tables, not a script: small answer spaces (a choice of 4, a 4-digit code, a
 * match of 4 pairs) are found by trying them all. Sealing keeps the key out of plain sight;
 * the server's replay on the plain content and its own clock remain the integrity controls.
 *
 *   char *sealed = NULL;
 *   if (seal_room("levels/outlook.json", text, len, &sealed, &diags)) { ...; free(sealed); }
 */
#ifndef PK_SEAL_H
#define PK_SEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "level.h"

enum {
    SEAL_SALT = 16,
    SEAL_TAG = 16,
    SEAL_HEX = 2 * SEAL_TAG + 1, /* a tag as hex, with its NUL */
    SEAL_PAIR_ID = 12,           /* "r" + 10 hex digits + NUL */
    SEAL_CODE_MAX = 32           /* a room's code part, with its NUL */
};

/* The salt of a plain room: a keyed BLAKE2b of the file's bytes. */
void seal_salt_of(const char *text, size_t len, unsigned char salt[SEAL_SALT]);
/* The tag of one answer piece of a puzzle: BLAKE2b keyed with the salt over puzzle id, what and value. */
void seal_tag(const unsigned char salt[SEAL_SALT], const char *puzzle, const char *what, const char *value,
              unsigned char out[SEAL_TAG]);
void seal_hex(const unsigned char *bytes, size_t n, char *out); /* 2n digits and a NUL */
/* A matching pair's opaque id for its right-hand text: "r" and 10 hex digits. */
void seal_pair_id(const unsigned char salt[SEAL_SALT], const char *puzzle, const char *pair, char out[SEAL_PAIR_ID]);

/* The checks, for plain and sealed rooms alike. */
bool seal_option_right(const level_room *room, const level_puzzle *p, int o);          /* choice, place */
bool seal_step_right(const level_room *room, const level_puzzle *p, int o, int at);    /* step o at position at */
bool seal_pair_right(const level_room *room, const level_puzzle *p, int left, int right);
/* text: the normalised answer; code: normalised without spaces */
bool seal_typed_right(const level_room *room, const level_puzzle *p, const char *answer);
bool seal_use_right(const level_room *room, const level_puzzle *p, int item, const char *place);
/* The option whose pair_id (or, in a plain room, own id) is id, or -1. */
int seal_find_right(const level_room *room, const level_puzzle *p, const char *id);

/* A solved puzzle's piece of the room's code key, from the right answer given: choice and
   places by mask (bit i: option i), the others by ids (order: the steps in order; match: the
   right-hand pair_id of each left in order; code: the code without spaces; use: item, place). */
void seal_piece(const level_room *room, int puzzle, uint32_t mask, const char *const *ids, int n,
                unsigned char out[SEAL_TAG]);
/* Opens a sealed room's code part with the pieces of its solved puzzles (pieces[i] for puzzle i). */
bool seal_open_code(const level_room *room, const unsigned char (*pieces)[SEAL_TAG], char out[SEAL_CODE_MAX]);

/* Seals a plain room's text: *out is a malloc'd JSON text, the caller frees it. The room must
   load without errors (they go to diags). */
bool seal_room(const char *file, const char *text, size_t len, char **out, diag_list *diags);

/* The lobby's titles (issue 18): the manifest's text with each room's "title" copied from its
   room file into its entry of "rooms" (beside "id" and "file"), so a new player's lobby lists
   every room before their files come (game/front/app.c can_defer_rooms). The room file stays the
   one place an author writes the title; the web build (pakopeli-seal) and the report server's
   /levels/game.json (store.c) both make their manifest here.

   room_text(user, file, &len) gives the text of the room an entry names ("outlook.json"), or
   NULL when there is none; the text stays the callback's and need live only until the next
   call. An entry whose room has no text or no title is left as it is (the game then waits for
   that room before its lobby). Returns a malloc'd JSON text that the caller frees, or NULL with
   the reasons in diags: the manifest or a room's text is no JSON, memory ran out, or the result
   does not load as a manifest (level_load_game: a title the game would refuse).

   release: the report server's content release the manifest is served as (level_game.release:
   a game in progress asks for that release's files again, levels/r/N/); the result says
   "release": N, in place of any the text had. 0: the result has no "release" at all, and one
   in the text is removed: a static build (pakopeli-seal) has no releases to ask for, and the
   studio's preview of drafts must never pin a game to one. */
typedef const char *(*seal_room_text_fn)(void *user, const char *file, size_t *len);
char *seal_manifest_titles(const char *file, const char *manifest, size_t len, int64_t release,
                           seal_room_text_fn room_text, void *user, diag_list *diags);

#endif
