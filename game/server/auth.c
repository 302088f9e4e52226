#include "auth.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* At most two Argon2 hashes at once: each takes 64 MiB. */
static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_cond = PTHREAD_COND_INITIALIZER;
static int hash_running;
static char dummy_hash[AUTH_PWHASH_MAX];

static void hash_enter(void)
{
    pthread_mutex_lock(&hash_lock);
    while (hash_running >= 2) pthread_cond_wait(&hash_cond, &hash_lock);
    hash_running++;
    pthread_mutex_unlock(&hash_lock);
}

static void hash_leave(void)
{
    pthread_mutex_lock(&hash_lock);
    hash_running--;
    pthread_cond_signal(&hash_cond);
    pthread_mutex_unlock(&hash_lock);
}

bool auth_init(void)
{
    if (sodium_init() < 0) return false;
    char pw[32];
    auth_random_password(pw);
    return auth_password_hash(pw, dummy_hash);
}

bool auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX])
{
    hash_enter();
    int rc = crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    hash_leave();
    return rc == 0;
}

bool auth_password_check(const char *hash, const char *password)
{
    hash_enter();
    int rc = crypto_pwhash_str_verify(hash ? hash : dummy_hash, password, strlen(password));
    hash_leave();
    return hash && rc == 0;
}

/* True when every character follows the one before it in one of these rows, either way round
   and wrapping ("123456789012", "qwertyuiop", "abcdef"). */
static bool is_run(const char *pw)
{
    static const char *const rows[] = {"1234567890", "qwertyuiopasdfghjklzxcvbnm", /* row after row */
                                       "abcdefghijklmnopqrstuvwxyz", NULL};
    size_t n = strlen(pw);
    for (int dir = -1; dir <= 1; dir += 2)
        for (int r = 0; rows[r]; r++) {
            size_t len = strlen(rows[r]), i = 1;
            const char *at = strchr(rows[r], tolower((unsigned char)pw[0]));
            if (!at || !pw[0]) continue;
            size_t pos = (size_t)(at - rows[r]);
            for (; i < n; i++) {
                pos = (pos + len + (size_t)(long)dir) % len;
                if (tolower((unsigned char)pw[i]) != rows[r][pos]) break;
            }
            if (i == n) return true;
        }
    return false;
}

static bool contains_folded(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i])) i++;
        if (i == n) return true;
    }
    return false;
}

const char *auth_password_problem(const char *password, const char *user)
{
    size_t bytes = strlen(password), chars = 0;
    for (const unsigned char *p = (const unsigned char *)password; *p; p++)
        if ((*p & 0xC0) != 0x80) chars++;
    if (chars < AUTH_PASSWORD_MIN) return "at least 12 characters";
    if (bytes > AUTH_PASSWORD_MAX) return "at most 256 bytes";
    bool seen[256] = {0};
    int distinct = 0;
    for (const unsigned char *p = (const unsigned char *)password; *p; p++)
        if (!seen[*p]) seen[*p] = true, distinct++;
    if (distinct < 5) return "at least 5 different characters";
    if (is_run(password)) return "something other than a run of keys or digits";
    if (user && strlen(user) >= 3 && contains_folded(password, user)) return "something other than your user name";
    return NULL;
}

void auth_random_token(char out[AUTH_TOKEN_MAX])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, AUTH_TOKEN_MAX, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
}

void auth_token_hash(const char *token, char out[AUTH_HASH_MAX])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, AUTH_HASH_MAX, h, sizeof h);
}

static void random_groups(char *out, int groups)
{
    int o = 0;
    for (int g = 0; g < groups; g++) {
        if (g) out[o++] = '-';
        for (int i = 0; i < 4; i++) out[o++] = crockford[randombytes_uniform(32)];
    }
    out[o] = '\0';
}

void auth_random_password(char out[32]) { random_groups(out, 4); }

void auth_completion_code(char out[AUTH_CODE_MAX])
{
    memcpy(out, "PK-", 3);
    random_groups(out + 3, 3);
}

bool auth_code_normalise(const char *in, char out[AUTH_CODE_MAX])
{
    char raw[16];
    int n = 0;
    size_t len = strlen(in);
    if (len > 64) return false;
    const char *p = in;
    while (*p == ' ') p++;
    if ((p[0] == 'P' || p[0] == 'p') && (p[1] == 'K' || p[1] == 'k')) p += 2;
    for (; *p; p++) {
        char c = *p;
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        if (!strchr(crockford, c) || c == '\0' || n >= 12) return false;
        raw[n++] = c;
    }
    if (n != 12) return false;
    snprintf(out, AUTH_CODE_MAX, "PK-%.4s-%.4s-%.4s", raw, raw + 4, raw + 8);
    return true;
}

bool auth_equal(const char *a, const char *b)
{
    size_t n = strlen(a);
    if (n != strlen(b)) return false;
    return sodium_memcmp(a, b, n) == 0;
}

/* ---- throttle ------------------------------------------------------------------------------ */

enum { THROTTLE_SLOTS = 512, THROTTLE_KEY = 96 };
static const int64_t window_ms = 15 * 60 * 1000, max_wait_ms = 15 * 60 * 1000;

typedef struct throttle_slot {
    char key[THROTTLE_KEY];
    int failures;
    int64_t first_ms;   /* first failure of the current window */
    int64_t until_ms;   /* locked until */
    int64_t touched_ms; /* for reuse of the least recently used slot */
} throttle_slot;

struct auth_throttle {
    pthread_mutex_t lock;
    int max_failures;
    throttle_slot slots[THROTTLE_SLOTS];
};

auth_throttle *auth_throttle_new(int max_failures)
{
    auth_throttle *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    pthread_mutex_init(&t->lock, NULL);
    t->max_failures = max_failures;
    return t;
}

void auth_throttle_free(auth_throttle *t)
{
    if (!t) return;
    pthread_mutex_destroy(&t->lock);
    free(t);
}

/* The slot of key, or NULL; with create, the oldest slot is taken over. Lock held. */
static throttle_slot *find(auth_throttle *t, const char *key, bool create)
{
    throttle_slot *oldest = &t->slots[0];
    for (int i = 0; i < THROTTLE_SLOTS; i++) {
        throttle_slot *s = &t->slots[i];
        if (s->key[0] && strncmp(s->key, key, THROTTLE_KEY - 1) == 0) return s;
        if (s->touched_ms < oldest->touched_ms) oldest = s;
    }
    if (!create) return NULL;
    memset(oldest, 0, sizeof *oldest);
    snprintf(oldest->key, sizeof oldest->key, "%s", key);
    return oldest;
}

int auth_throttle_wait(auth_throttle *t, const char *key, int64_t now_ms)
{
    pthread_mutex_lock(&t->lock);
    throttle_slot *s = find(t, key, false);
    int wait = 0;
    if (s && s->until_ms > now_ms) wait = (int)((s->until_ms - now_ms + 999) / 1000);
    pthread_mutex_unlock(&t->lock);
    return wait;
}

void auth_throttle_fail(auth_throttle *t, const char *key, int64_t now_ms)
{
    pthread_mutex_lock(&t->lock);
    throttle_slot *s = find(t, key, true);
    if (now_ms - s->first_ms > window_ms && s->until_ms <= now_ms) {
        s->failures = 0;
        s->first_ms = now_ms;
    }
    s->failures++;
    s->touched_ms = now_ms;
    if (s->failures >= t->max_failures) {
        int extra = s->failures - t->max_failures;
        int64_t wait = 60 * 1000;
        for (int i = 0; i < extra && wait < max_wait_ms; i++) wait *= 2;
        if (wait > max_wait_ms) wait = max_wait_ms;
        s->until_ms = now_ms + wait;
    }
    pthread_mutex_unlock(&t->lock);
}

void auth_throttle_clear(auth_throttle *t, const char *key)
{
    pthread_mutex_lock(&t->lock);
    throttle_slot *s = find(t, key, false);
    if (s) memset(s, 0, sizeof *s);
    pthread_mutex_unlock(&t->lock);
}
