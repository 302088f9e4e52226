/* auth.h - secrets: HR passwords, session ids, player tokens, completion codes, and the
 * throttle that slows down password guessing. Built on libsodium.
 *
 * Nothing secret is stored in the clear. Passwords are Argon2id hashes (crypto_pwhash_str);
 * session ids and player tokens are stored as BLAKE2b hashes, so a copy of the database
 * opens no session and plays as nobody. Completion codes are not secrets: they prove a
 * completion to someone who can look them up on the dashboard.
 *
 *   auth_init();                                  // once, before threads start
 *   char tok[AUTH_TOKEN_MAX], h[AUTH_HASH_MAX];
 *   auth_random_token(tok);  auth_token_hash(tok, h);   // give tok away, store h
 */
#ifndef PK_AUTH_H
#define PK_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    AUTH_TOKEN_MAX = 48,     /* 32 random bytes as unpadded base64url (43 chars) + NUL */
    AUTH_HASH_MAX = 65,      /* BLAKE2b-256 as hex + NUL */
    AUTH_PWHASH_MAX = 128,   /* crypto_pwhash_STRBYTES */
    AUTH_CODE_MAX = 20,      /* "PK-XXXX-XXXX-XXXX" + NUL */
    AUTH_PASSWORD_MIN = 12,  /* characters, not bytes */
    AUTH_PASSWORD_MAX = 256  /* bytes: Argon2 takes any length, but a request must not */
};

/* Initialises libsodium; false if the system has no usable random source. */
bool auth_init(void);

/* Argon2id hash of a password in crypto_pwhash_str form. Slow on purpose (about 0.1-0.5 s and
   64 MiB); at most two run at once so a burst of logins cannot exhaust memory. */
bool auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX]);
/* True when password matches hash. A NULL hash (unknown user) still costs one hash, so
   response times do not tell which user names exist. */
bool auth_password_check(const char *hash, const char *password);
/* NULL when acceptable, else why not (English; the dashboard translates by code): at least 12
   characters, at least 5 different ones ("aaaaaaaaaaaa"), not a run of the keyboard or the
   digits ("123456789012", "qwertyuiopas"), and not containing the user's own name (user may be
   NULL). The list of common and breached passwords (ASVS 6.2.4) is pwlist.h: callers ask both. */
const char *auth_password_problem(const char *password, const char *user);

/* 32 random bytes as base64url: player tokens, session ids, CSRF tokens. */
void auth_random_token(char out[AUTH_TOKEN_MAX]);
/* Hex BLAKE2b-256 of a token: what the database keeps. */
void auth_token_hash(const char *token, char out[AUTH_HASH_MAX]);
/* A one-time password that is easy to type: 16 characters of Crockford base32 in groups. */
void auth_random_password(char out[32]);
/* A new completion code "PK-XXXX-XXXX-XXXX" (60 random bits, Crockford base32). */
void auth_completion_code(char out[AUTH_CODE_MAX]);
/* Canonical form of a code as typed (lower case, spaces, O for 0, I or L for 1 and a
   missing PK- are forgiven); false when it cannot be a code. */
bool auth_code_normalise(const char *in, char out[AUTH_CODE_MAX]);
/* Compares two secrets without leaking where they differ. */
bool auth_equal(const char *a, const char *b);

/* ---- throttle: counts failed logins per key (a user name, an address) -------------------- */

typedef struct auth_throttle auth_throttle;

auth_throttle *auth_throttle_new(int max_failures);
void auth_throttle_free(auth_throttle *t);
/* Seconds until key may try again; 0 when it may try now. Thread-safe. */
int auth_throttle_wait(auth_throttle *t, const char *key, int64_t now_ms);
/* Counts a failure: after max_failures within 15 minutes the key waits 1 minute, doubling with
   each further failure up to 15 minutes. */
void auth_throttle_fail(auth_throttle *t, const char *key, int64_t now_ms);
void auth_throttle_clear(auth_throttle *t, const char *key);

#endif
