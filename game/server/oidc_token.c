/* oidc_token.c - the ID token itself: decoding a compact JWS and checking its claims. Pure C on
 * cJSON and libsodium's base64url (no network, no keys), so the unit tests and the fuzzer reach it
 * alone; oidc.c checks the signature with OpenSSL between the two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "auth.h"
#include "oidc.h"
#include "valid.h"

enum { CLOCK_SKEW_S = 120 }; /* seconds of clock difference tolerated between us and the provider */

bool oidc_b64url(const char *in, size_t len, unsigned char *out, size_t cap, size_t *n)
{
    return sodium_base642bin(out, cap, in, len, NULL, n, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0;
}

const char *oidc_message(oidc_rc rc)
{
    switch (rc) {
    case OIDC_OK: return "ok";
    case OIDC_MALFORMED: return "The identity token from the sign-in service is malformed.";
    case OIDC_BAD_ALG: return "The identity token is not signed with RS256.";
    case OIDC_UNKNOWN_KEY: return "The identity token is signed with a key the sign-in service does not publish.";
    case OIDC_BAD_SIGNATURE: return "The signature of the identity token does not match.";
    case OIDC_BAD_ISSUER: return "The identity token comes from another issuer than the configured one.";
    case OIDC_BAD_AUDIENCE: return "The identity token was issued to another application (audience).";
    case OIDC_EXPIRED: return "The identity token has expired.";
    case OIDC_NOT_YET_VALID: return "The identity token is issued in the future (check the clocks).";
    case OIDC_BAD_NONCE: return "The identity token does not belong to this sign-in (nonce).";
    case OIDC_NO_EMAIL: return "The identity token has no e-mail address.";
    }
    return "?";
}

oidc_rc oidc_decode(const char *jwt, cJSON **header, cJSON **payload, size_t *signed_len, unsigned char *sig,
                    size_t sig_cap, size_t *sig_len)
{
    *header = *payload = NULL;
    const char *d1 = strchr(jwt, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
    if (!d1 || !d2 || strchr(d2 + 1, '.') || strlen(jwt) > 16384) return OIDC_MALFORMED;
    unsigned char *part = malloc(16384);
    size_t n;
    if (!part) return OIDC_MALFORMED;
    if (oidc_b64url(jwt, (size_t)(d1 - jwt), part, 16383, &n)) *header = cJSON_ParseWithLength((const char *)part, n);
    if (oidc_b64url(d1 + 1, (size_t)(d2 - d1 - 1), part, 16383, &n)) *payload = cJSON_ParseWithLength((const char *)part, n);
    free(part);
    bool ok = cJSON_IsObject(*header) && cJSON_IsObject(*payload) && d2[1] &&
              oidc_b64url(d2 + 1, strlen(d2 + 1), sig, sig_cap, sig_len);
    if (!ok) {
        cJSON_Delete(*header);
        cJSON_Delete(*payload);
        *header = *payload = NULL;
        return OIDC_MALFORMED;
    }
    *signed_len = (size_t)(d2 - jwt);
    return OIDC_OK;
}

static void copy_claim(const cJSON *o, const char *key, char *out, size_t cap)
{
    const cJSON *v = key && key[0] ? cJSON_GetObjectItem(o, key) : NULL;
    snprintf(out, cap, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

oidc_rc oidc_check_claims(const cJSON *p, const char *issuer, const char *client_id, const char *nonce, long long now,
                          const char *groups_claim, const char *unit_claim, oidc_claims *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *iss = cJSON_GetObjectItem(p, "iss"), *aud = cJSON_GetObjectItem(p, "aud"),
                *exp = cJSON_GetObjectItem(p, "exp"), *iat = cJSON_GetObjectItem(p, "iat"),
                *non = cJSON_GetObjectItem(p, "nonce"), *azp = cJSON_GetObjectItem(p, "azp"),
                *sub = cJSON_GetObjectItem(p, "sub");
    if (!cJSON_IsString(iss) || strcmp(iss->valuestring, issuer) != 0) return OIDC_BAD_ISSUER;
    bool for_us = false;
    int auds = 0;
    if (cJSON_IsString(aud)) for_us = strcmp(aud->valuestring, client_id) == 0, auds = 1;
    else if (cJSON_IsArray(aud)) {
        const cJSON *a;
        cJSON_ArrayForEach(a, aud)
        {
            auds++;
            for_us |= cJSON_IsString(a) && strcmp(a->valuestring, client_id) == 0;
        }
    }
    /* several audiences: the authorised party must be us (OpenID Connect Core 3.1.3.7) */
    if (!for_us || (auds > 1 && !(cJSON_IsString(azp) && strcmp(azp->valuestring, client_id) == 0)))
        return OIDC_BAD_AUDIENCE;
    if (!cJSON_IsNumber(exp) || exp->valuedouble + CLOCK_SKEW_S < (double)now) return OIDC_EXPIRED;
    if (cJSON_IsNumber(iat) && iat->valuedouble > (double)now + CLOCK_SKEW_S) return OIDC_NOT_YET_VALID;
    if (!cJSON_IsString(non) || !auth_equal(non->valuestring, nonce)) return OIDC_BAD_NONCE;
    if (!cJSON_IsString(sub)) return OIDC_MALFORMED;
    copy_claim(p, "sub", out->sub, sizeof out->sub);
    copy_claim(p, "email", out->email, sizeof out->email);
    if (!out->email[0]) copy_claim(p, "preferred_username", out->email, sizeof out->email); /* Entra ID's UPN */
    copy_claim(p, "name", out->name, sizeof out->name);
    copy_claim(p, unit_claim, out->unit, sizeof out->unit);
    const cJSON *g = groups_claim && groups_claim[0] ? cJSON_GetObjectItem(p, groups_claim) : NULL, *x;
    size_t o = 0;
    if (!cJSON_IsArray(g)) g = NULL;
    cJSON_ArrayForEach(x, g)
    {
        if (!cJSON_IsString(x)) continue;
        int w = snprintf(out->groups + o, sizeof out->groups - o, "%s\n", x->valuestring);
        if (w < 0 || o + (size_t)w >= sizeof out->groups) break;
        o += (size_t)w;
    }
    if (!out->email[0] || !valid_email(out->email)) return OIDC_NO_EMAIL;
    return OIDC_OK;
}

