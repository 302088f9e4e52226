/* oidc.h - sign-in with the work account: OpenID Connect, authorization code flow with PKCE, for
 * players and HR, against the provider named by oidc_issuer (Microsoft Entra ID or any other).
 *
 *   GET /api/v1/oidc/login?for=player|hr   -> 302 to the provider (state, nonce, PKCE S256)
 *   GET /api/v1/oidc/callback?code=&state= -> the ID token is checked: signature (RS256 with the
 *       provider's published keys, fetched again when an unknown key id appears: rotation),
 *       issuer, audience (and azp), nonce, expiry and issue time. Then a player is matched to an
 *       invited person by e-mail (or created with the unit claim when oidc_unit_claim is set) and
 *       sent to the game with a personal token for this device; an HR user gets a role from the
 *       group claim and a dashboard session. Any failure is a page that says what went wrong.
 *
 * HTTP and TLS are libcurl's, the signature check OpenSSL's, the hashes and randomness libsodium's:
 * no cryptography of our own. Local passwords and personal links keep working beside it.
 */
#ifndef PK_OIDC_H
#define PK_OIDC_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"

struct srv;

/* Checks the settings and reads the client secret; false with a message naming the setting. */
bool oidc_configure(struct srv *s, char *err, size_t cap);
bool oidc_enabled(const struct srv *s);
/* Answers /api/v1/oidc/... */
void oidc_handle(struct srv *s, const http_req *req, http_resp *resp);
/* Drops the cached discovery document and keys (at shutdown). */
void oidc_free(void);

/* ---- the ID token check (oidc_token.c), for oidc.c, the unit tests and the fuzzer ----------- */

typedef struct oidc_claims {
    char sub[256], email[255], name[201], unit[256]; /* email and name fit db_person's fields */
    char groups[2048];   /* the group claim's values joined by '\n' */
} oidc_claims;

typedef enum oidc_rc {
    OIDC_OK = 0,
    OIDC_MALFORMED,      /* not three base64url parts of JSON */
    OIDC_BAD_ALG,        /* not RS256 (never "none") */
    OIDC_UNKNOWN_KEY,    /* no published key with this key id, even after fetching the keys again */
    OIDC_BAD_SIGNATURE,
    OIDC_BAD_ISSUER,
    OIDC_BAD_AUDIENCE,
    OIDC_EXPIRED,
    OIDC_NOT_YET_VALID,
    OIDC_BAD_NONCE,
    OIDC_NO_EMAIL
} oidc_rc;

/* The message for a result, in English (the error page says it in fi/sv/en). */
const char *oidc_message(oidc_rc rc);

/* Splits and decodes a compact JWS: header and payload as parsed JSON (the caller frees both with
   cJSON_Delete), the signed part's length and the signature bytes. OIDC_MALFORMED on any flaw. */
struct cJSON;
oidc_rc oidc_decode(const char *jwt, struct cJSON **header, struct cJSON **payload, size_t *signed_len,
                    unsigned char *sig, size_t sig_cap, size_t *sig_len);
/* Decodes unpadded base64url; false when in is not that or does not fit in cap. */
bool oidc_b64url(const char *in, size_t len, unsigned char *out, size_t cap, size_t *n);
/* Checks the claims of a decoded, signature-checked token. now in seconds. */
oidc_rc oidc_check_claims(const struct cJSON *payload, const char *issuer, const char *client_id,
                          const char *nonce, long long now, const char *groups_claim, const char *unit_claim,
                          oidc_claims *out);

#endif
