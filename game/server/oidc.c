#include "oidc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <sodium.h>

#include "db_org.h"
#include "mail.h"
#include "srv.h"
#include "units.h"
#include "valid.h"

enum { FETCH_MAX = 1 << 20, SIG_MAX = 1024 };

static char client_secret[256];

/* ---- fetching over HTTPS (libcurl) ---------------------------------------------------------------- */

typedef struct fetched {
    char *data;
    size_t len;
    bool too_big;
} fetched;

static size_t write_cb(char *ptr, size_t size, size_t nmemb, void *user)
{
    fetched *f = user;
    size_t n = size * nmemb;
    if (f->len + n > FETCH_MAX) {
        f->too_big = true;
        return 0;
    }
    char *grown = realloc(f->data, f->len + n + 1);
    if (!grown) return 0;
    f->data = grown;
    memcpy(f->data + f->len, ptr, n);
    f->len += n;
    f->data[f->len] = '\0';
    return n;
}

/* GET url, or POST form to it with HTTP Basic client authentication; the JSON answer or NULL
   with a reason. */
static cJSON *fetch_json(const srv *s, const char *url, const char *form, char *err, size_t cap)
{
    CURL *curl = curl_easy_init();
    fetched f = {0};
    if (!curl) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &f);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
    if (s->cfg.oidc_ca_file[0]) curl_easy_setopt(curl, CURLOPT_CAINFO, s->cfg.oidc_ca_file);
    struct curl_slist *headers = curl_slist_append(NULL, "Accept: application/json");
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    if (form) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, s->cfg.oidc_client_id);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, client_secret);
    }
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    cJSON *json = NULL;
    if (rc != CURLE_OK) snprintf(err, cap, "%s: %s", url, f.too_big ? "answer too large" : curl_easy_strerror(rc));
    else if (!(json = f.data ? cJSON_ParseWithLength(f.data, f.len) : NULL) || !cJSON_IsObject(json)) {
        snprintf(err, cap, "%s: HTTP %ld, not a JSON object", url, status);
        cJSON_Delete(json);
        json = NULL;
    } else if (status != 200) {
        const cJSON *e = cJSON_GetObjectItem(json, "error"), *d = cJSON_GetObjectItem(json, "error_description");
        snprintf(err, cap, "%s: HTTP %ld %s %s", url, status, cJSON_IsString(e) ? e->valuestring : "",
                 cJSON_IsString(d) ? d->valuestring : "");
        cJSON_Delete(json);
        json = NULL;
    }
    free(f.data);
    return json;
}

/* ---- discovery and keys (cached; keys fetched again on an unknown key id) ------------------------- */

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cJSON *discovery;      /* the provider's openid-configuration */
static cJSON *jwks;           /* its published keys */
static time_t jwks_fetched;

static const char *disc_str(const char *key)
{
    const cJSON *v = discovery ? cJSON_GetObjectItem(discovery, key) : NULL;
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Fetches the discovery document once; its issuer must be exactly the configured one. */
static bool discover(const srv *s, char *err, size_t cap)
{
    if (discovery) return true;
    char url[CFG_PATH_MAX + 64];
    size_t n = strlen(s->cfg.oidc_issuer);
    snprintf(url, sizeof url, "%s%s.well-known/openid-configuration", s->cfg.oidc_issuer,
             n && s->cfg.oidc_issuer[n - 1] == '/' ? "" : "/");
    cJSON *d = fetch_json(s, url, NULL, err, cap);
    if (!d) return false;
    const cJSON *iss = cJSON_GetObjectItem(d, "issuer");
    if (!cJSON_IsString(iss) || strcmp(iss->valuestring, s->cfg.oidc_issuer) != 0) {
        snprintf(err, cap, "discovery: the provider calls itself \"%s\", not oidc_issuer \"%s\"",
                 cJSON_IsString(iss) ? iss->valuestring : "?", s->cfg.oidc_issuer);
        cJSON_Delete(d);
        return false;
    }
    static const char *const needed[] = {"authorization_endpoint", "token_endpoint", "jwks_uri", NULL};
    for (int i = 0; needed[i]; i++)
        if (!cJSON_IsString(cJSON_GetObjectItem(d, needed[i]))) {
            snprintf(err, cap, "discovery: no %s", needed[i]);
            cJSON_Delete(d);
            return false;
        }
    discovery = d;
    return true;
}

static bool fetch_keys(const srv *s, char *err, size_t cap)
{
    cJSON *k = fetch_json(s, disc_str("jwks_uri"), NULL, err, cap);
    if (!k || !cJSON_IsArray(cJSON_GetObjectItem(k, "keys"))) {
        if (k) snprintf(err, cap, "jwks: no keys");
        cJSON_Delete(k);
        return false;
    }
    cJSON_Delete(jwks);
    jwks = k;
    jwks_fetched = time(NULL);
    return true;
}

/* The RSA public key of a JWK (kty RSA, n, e), for OpenSSL. */
static EVP_PKEY *rsa_key(const cJSON *jwk)
{
    const cJSON *n = cJSON_GetObjectItem(jwk, "n"), *e = cJSON_GetObjectItem(jwk, "e");
    if (!cJSON_IsString(n) || !cJSON_IsString(e)) return NULL;
    unsigned char nb[1024], eb[16];
    size_t nl, el;
    if (!oidc_b64url(n->valuestring, strlen(n->valuestring), nb, sizeof nb, &nl) ||
        !oidc_b64url(e->valuestring, strlen(e->valuestring), eb, sizeof eb, &el))
        return NULL;
    BIGNUM *bn = BN_bin2bn(nb, (int)nl, NULL), *be = BN_bin2bn(eb, (int)el, NULL);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
    if (bn && be && bld && ctx && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) &&
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) && (params = OSSL_PARAM_BLD_to_param(bld)) &&
        EVP_PKEY_fromdata_init(ctx) > 0)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return key;
}

/* The published key with this id (or the only RSA signing key when the token names none). */
static EVP_PKEY *find_key(const char *kid)
{
    const cJSON *k, *keys = jwks ? cJSON_GetObjectItem(jwks, "keys") : NULL;
    cJSON_ArrayForEach(k, keys)
    {
        const cJSON *kty = cJSON_GetObjectItem(k, "kty"), *id = cJSON_GetObjectItem(k, "kid"),
                    *use = cJSON_GetObjectItem(k, "use");
        if (!cJSON_IsString(kty) || strcmp(kty->valuestring, "RSA") != 0) continue;
        if (cJSON_IsString(use) && strcmp(use->valuestring, "sig") != 0) continue;
        if (kid ? (cJSON_IsString(id) && strcmp(id->valuestring, kid) == 0) : true) return rsa_key(k);
    }
    return NULL;
}

/* ---- the ID token ------------------------------------------------------------------------------------ */

/* Signature and claims of an ID token; on an unknown key id the keys are fetched again (the
   provider rotated them), at most every five seconds (a flood of forged key ids fetches nothing). */
static oidc_rc verify(const srv *s, const char *jwt, const char *nonce, int64_t now_ms, oidc_claims *out)
{
    cJSON *header, *payload;
    unsigned char sig[SIG_MAX];
    size_t signed_len, sig_len;
    oidc_rc rc = oidc_decode(jwt, &header, &payload, &signed_len, sig, sizeof sig, &sig_len);
    if (rc != OIDC_OK) return rc;
    const cJSON *alg = cJSON_GetObjectItem(header, "alg"), *kid = cJSON_GetObjectItem(header, "kid");
    EVP_PKEY *key = NULL;
    if (!cJSON_IsString(alg) || strcmp(alg->valuestring, "RS256") != 0) rc = OIDC_BAD_ALG;
    else {
        pthread_mutex_lock(&cache_lock);
        const char *k = cJSON_IsString(kid) ? kid->valuestring : NULL;
        char err[256];
        key = find_key(k);
        if (!key && time(NULL) - jwks_fetched >= 5 && fetch_keys(s, err, sizeof err)) key = find_key(k);
        pthread_mutex_unlock(&cache_lock);
        if (!key) rc = OIDC_UNKNOWN_KEY;
    }
    if (rc == OIDC_OK) {
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        bool good = md && EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
                    EVP_DigestVerify(md, sig, sig_len, (const unsigned char *)jwt, signed_len) == 1;
        EVP_MD_CTX_free(md);
        if (!good) rc = OIDC_BAD_SIGNATURE;
    }
    EVP_PKEY_free(key);
    if (rc == OIDC_OK)
        rc = oidc_check_claims(payload, s->cfg.oidc_issuer, s->cfg.oidc_client_id, nonce, now_ms / 1000,
                               s->cfg.oidc_groups_claim, s->cfg.oidc_unit_claim, out);
    cJSON_Delete(header);
    cJSON_Delete(payload);
    return rc;
}

/* ---- the pages -------------------------------------------------------------------------------------- */

/* The reasons a person can do something about, in Finnish and Swedish beside the English one;
   a reason not here (the identity token's faults, which are the administrator's) gets a sentence
   that says to try again or tell the administrator, with the English reason below it. */
static const char *const reasons[][3] = {
    {"Your work account is in none of the groups that give access to the HR dashboard.",
     "Työtilisi ei kuulu mihinkään ryhmään, jolla on pääsy HR-näkymään. Pyydä pääsyä organisaatiosi ylläpidolta.",
     "Ditt arbetskonto hör inte till någon grupp som har tillgång till HR-vyn. Be organisationens administratör om tillgång."},
    {"The server could not open a session. Try again.", "Palvelin ei voinut avata istuntoa. Yritä uudelleen.",
     "Servern kunde inte öppna en session. Försök igen."},
    {"Your work account has no unit, and you have no invitation. Ask HR for one.",
     "Työtililläsi ei ole yksikköä, eikä sinulla ole kutsua. Pyydä kutsu HR:ltä.",
     "Ditt arbetskonto har ingen enhet och du har ingen inbjudan. Be HR om en."},
    {"The unit of your work account is not on the organisation's list of units. Ask HR.",
     "Työtilisi yksikkö ei ole organisaation yksikkölistalla. Kysy HR:ltä.",
     "Ditt arbetskontos enhet finns inte i organisationens enhetslista. Fråga HR."},
    {"There is no invitation for the e-mail address of your work account. Ask HR for one.",
     "Työtilisi sähköpostiosoitteelle ei ole kutsua. Pyydä kutsu HR:ltä.",
     "Det finns ingen inbjudan till ditt arbetskontos e-postadress. Be HR om en."},
    {"Your invitation has been cancelled. Ask HR for a new one.", "Kutsusi on peruttu. Pyydä uusi kutsu HR:ltä.",
     "Din inbjudan har återkallats. Be HR om en ny."},
    {"The server could not sign you in. Try again.", "Palvelin ei voinut kirjata sinua sisään. Yritä uudelleen.",
     "Servern kunde inte logga in dig. Försök igen."},
    {"This sign-in was already used or has expired (state). Start the sign-in again.",
     "Tämä kirjautuminen on jo käytetty tai vanhentunut. Aloita kirjautuminen uudelleen.",
     "Den här inloggningen har redan använts eller gått ut. Börja om inloggningen."},
    {"The sign-in was started in another browser (state cookie). Start it again here.",
     "Kirjautuminen aloitettiin toisessa selaimessa. Aloita se uudelleen tässä selaimessa.",
     "Inloggningen påbörjades i en annan webbläsare. Börja om den här."},
    {"Sign-in with a work account is not set up on this server.",
     "Työtilillä kirjautumista ei ole otettu käyttöön tällä palvelimella.",
     "Inloggning med arbetskonto används inte på den här servern."},
    {"The sign-in service cannot be reached or is not configured correctly.",
     "Kirjautumispalveluun ei saada yhteyttä tai sen asetukset ovat väärin. Kerro asiasta ylläpidolle.",
     "Inloggningstjänsten kan inte nås eller är felaktigt inställd. Kontakta administratören."},
    {"The server could not start the sign-in. Try again.", "Palvelin ei voinut aloittaa kirjautumista. Yritä uudelleen.",
     "Servern kunde inte påbörja inloggningen. Försök igen."},
};

static void html_text(char *out, size_t cap, const char *s)
{
    size_t o = 0;
    for (const char *p = s; *p && o + 7 < cap; p++) { /* escaped: the reason may quote input */
        const char *e = *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '&' ? "&amp;" : *p == '"' ? "&quot;" : NULL;
        if (e) o += (size_t)snprintf(out + o, cap - o, "%s", e);
        else out[o++] = *p;
    }
    out[o] = '\0';
}

/* A page that says what went wrong, in Finnish, Swedish and English, with a way back. (The reason
   was in English only, under a Finnish heading: a Swedish HR user refused the dashboard read
   "Kirjautuminen ei onnistunut" and an English sentence.) */
static void error_page(http_resp *r, int status, const char *why, const char *back)
{
    r->status = status;
    r->type = "text/html; charset=utf-8";
    r->csp = HTTP_CSP_API;
    r->no_store = true;
    const char *fi = "Kirjautumispalvelun vastausta ei hyväksytty. Yritä uudelleen; jos virhe toistuu, kerro asiasta "
                     "ylläpidolle (syy englanniksi alla).",
               *sv = "Inloggningstjänstens svar godtogs inte. Försök igen; om felet upprepas, kontakta administratören "
                     "(orsaken på engelska nedan).";
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (strcmp(why, reasons[i][0]) == 0) {
            fi = reasons[i][1];
            sv = reasons[i][2];
        }
    char safe[1024];
    html_text(safe, sizeof safe, why);
    char page[6144];
    snprintf(page, sizeof page,
             "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>Kirjautuminen ei onnistunut</title>"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
             "<main><h1>Kirjautuminen ei onnistunut</h1><p>%s</p>"
             "<h2 lang=\"sv\">Inloggningen misslyckades</h2><p lang=\"sv\">%s</p>"
             "<h2 lang=\"en\">Sign-in failed</h2><p id=\"reason\" lang=\"en\">%s</p>"
             "<p><a href=\"%s\">Takaisin / <span lang=\"sv\">Tillbaka</span> / <span lang=\"en\">Back</span></a></p></main></body></html>",
             fi, sv, safe, back);
    buf_puts(&r->body, page);
}

static void redirect(http_resp *r, const char *location)
{
    r->status = 302;
    r->type = "text/plain; charset=utf-8";
    r->no_store = true;
    http_add_header(r, "Location", location);
    buf_puts(&r->body, "Redirecting\n");
}

static const char state_cookie[] = "pk_oidc";
/* The game's language when the player left for the sign-in (fi, sv or en), so that the game
   comes back in it: an invitation in Swedish (?lang=sv) stays Swedish after the work account. */
static const char lang_cookie[] = "pk_oidc_lang";

static const char *known_lang(const char *code)
{
    static const char *const langs[] = {"fi", "sv", "en"};
    for (size_t i = 0; code && i < sizeof langs / sizeof *langs; i++)
        if (strcmp(code, langs[i]) == 0) return langs[i];
    return NULL;
}

/* Percent-encodes text for a URL query. */
static void url_encode(const char *in, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 4 < cap; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
            out[o++] = (char)*p;
        else {
            out[o++] = '%';
            out[o++] = hex[*p >> 4];
            out[o++] = hex[*p & 15];
        }
    }
    out[o] = '\0';
}

static void redirect_uri(const srv *s, char *out, size_t cap)
{
    snprintf(out, cap, "%s/api/v1/oidc/callback", s->cfg.public_url);
}

/* GET /api/v1/oidc/login?for=player|hr */
static void login(srv *s, const http_req *req, http_resp *resp)
{
    const char *purpose = http_arg(req, "for");
    if (!purpose || (strcmp(purpose, "player") && strcmp(purpose, "hr"))) purpose = "player";
    const char *back = strcmp(purpose, "hr") == 0 ? "/hr/" : "/";
    char err[512];
    pthread_mutex_lock(&cache_lock);
    bool ok = discover(s, err, sizeof err);
    pthread_mutex_unlock(&cache_lock);
    if (!ok) {
        fprintf(stderr, "pakopeli-server: sign-in: %s\n", err);
        error_page(resp, 502, "The sign-in service cannot be reached or is not configured correctly.", back);
        return;
    }
    char state[AUTH_TOKEN_MAX], nonce[AUTH_TOKEN_MAX], verifier[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
    auth_random_token(state);
    auth_random_token(nonce);
    auth_random_token(verifier);
    auth_token_hash(state, hash);
    /* PKCE S256: the challenge is base64url(SHA-256(verifier)) */
    unsigned char digest[crypto_hash_sha256_BYTES];
    char challenge[64];
    crypto_hash_sha256(digest, (const unsigned char *)verifier, strlen(verifier));
    sodium_bin2base64(challenge, sizeof challenge, digest, sizeof digest, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    if (db_oidc_state_add(s->db, hash, nonce, verifier, purpose, srv_now(s)) != DB_OK) {
        error_page(resp, 503, "The server could not start the sign-in. Try again.", back);
        return;
    }
    char ru[CFG_PATH_MAX + 32], eru[CFG_PATH_MAX * 3], scope[CFG_TEXT_MAX * 3], cid[CFG_TEXT_MAX * 3];
    redirect_uri(s, ru, sizeof ru);
    url_encode(ru, eru, sizeof eru);
    url_encode(s->cfg.oidc_scopes, scope, sizeof scope);
    url_encode(s->cfg.oidc_client_id, cid, sizeof cid);
    pthread_mutex_lock(&cache_lock);
    const char *endpoint = disc_str("authorization_endpoint");
    size_t cap = strlen(endpoint) + strlen(eru) + strlen(scope) + strlen(cid) + 512;
    char *url = malloc(cap);
    if (url)
        snprintf(url, cap,
                 "%s%cresponse_type=code&client_id=%s&redirect_uri=%s&scope=%s&state=%s&nonce=%s"
                 "&code_challenge=%s&code_challenge_method=S256",
                 endpoint, strchr(endpoint, '?') ? '&' : '?', cid, eru, scope, state, nonce, challenge);
    pthread_mutex_unlock(&cache_lock);
    if (!url) {
        error_page(resp, 503, "Out of memory.", back);
        return;
    }
    /* the state is also bound to this browser: a callback from another browser is refused */
    char cookie[256];
    bool secure = strncmp(s->cfg.public_url, "https://", 8) == 0;
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/api/v1/oidc/; HttpOnly; SameSite=Lax; Max-Age=600%s", state_cookie,
             state, secure ? "; Secure" : "");
    http_add_header(resp, "Set-Cookie", cookie);
    const char *lang = known_lang(http_arg(req, "lang"));
    if (lang) {
        snprintf(cookie, sizeof cookie, "%s=%s; Path=/api/v1/oidc/; HttpOnly; SameSite=Lax; Max-Age=600%s", lang_cookie,
                 lang, secure ? "; Secure" : "");
        http_add_header(resp, "Set-Cookie", cookie);
    }
    resp->status = 302;
    resp->type = "text/plain; charset=utf-8";
    resp->no_store = true;
    /* the authorisation URL is too long for a 255-byte header slot: libmicrohttpd takes it whole */
    http_set_location(resp, url);
    free(url);
    buf_puts(&resp->body, "Redirecting to the sign-in service\n");
}

/* The groups of a comma-separated setting, one of which the user must have. */
static bool in_groups(const char *setting, const char *groups)
{
    char list[CFG_PATH_MAX];
    snprintf(list, sizeof list, "%s", setting);
    for (char *save = NULL, *g = strtok_r(list, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
        while (*g == ' ') g++;
        size_t n = strlen(g);
        while (n && g[n - 1] == ' ') g[--n] = '\0';
        for (const char *p = groups; n && *p;) {
            const char *end = strchr(p, '\n');
            if (end && (size_t)(end - p) == n && strncmp(p, g, n) == 0) return true;
            p = end ? end + 1 : p + strlen(p);
        }
    }
    return false;
}

/* The HR account of a work-account user: "sso:" + the e-mail's local part (so it never meets a
   local password account), its role from the groups every time. */
static void sign_in_hr(srv *s, http_resp *resp, const oidc_claims *cl, int64_t now)
{
    const char *role = in_groups(s->cfg.oidc_admin_groups, cl->groups)     ? "admin"
                       : in_groups(s->cfg.oidc_manager_groups, cl->groups) ? "manager"
                       : in_groups(s->cfg.oidc_viewer_groups, cl->groups)  ? "viewer"
                                                                           : NULL;
    if (!role) {
        error_page(resp, 403, "Your work account is in none of the groups that give access to the HR dashboard.", "/hr/");
        return;
    }
    char name[DB_USER_MAX], local[48];
    size_t at = strcspn(cl->email, "@");
    snprintf(local, sizeof local, "%.*s", (int)(at < 40 ? at : 40), cl->email);
    for (char *p = local; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *p)) *p = '_';
    snprintf(name, sizeof name, "sso:%s", local);
    db_user u;
    db_rc rc = db_user_get(s->db, name, &u);
    if (rc == DB_NOT_FOUND) {
        /* "!" is no Argon2 hash: this account has no password and signs in only through SSO */
        rc = db_user_add(s->db, name, role, "!", false, now);
        if (rc == DB_OK) {
            db_audit(s->db, now, name, "user-add", "work account");
            rc = db_user_get(s->db, name, &u);
        }
    }
    if (rc == DB_OK && strcmp(u.role, role) != 0) {
        rc = db_user_set_role(s->db, name, role);
        if (rc == DB_OK) rc = db_user_get(s->db, name, &u);
    }
    if (rc == DB_OK && !u.pwhash[0]) rc = DB_ERROR;
    if (rc == DB_OK) {
        char email[DB_EMAIL_MAX];
        if (db_user_email(s->db, u.id, email) == DB_OK && !email[0]) db_user_set_email(s->db, name, cl->email);
    }
    if (rc != DB_OK || !api_new_session(s, resp, u.id, now)) {
        error_page(resp, 503, "The server could not open a session. Try again.", "/hr/");
        return;
    }
    db_audit(s->db, now, name, "login", "work account");
    /* our own page sends the browser on, so the SameSite=Strict session cookie goes along */
    resp->status = 200;
    resp->type = "text/html; charset=utf-8";
    resp->csp = HTTP_CSP_API;
    resp->no_store = true;
    buf_puts(&resp->body, "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"refresh\" content=\"0;url=/hr/\"><title>Pakopeli</title></head>"
                          "<body><p><a href=\"/hr/\">HR</a></p></body></html>");
}

/* A player: the invited person with this address, or (when the organisation allows it) a new
   person with the unit claim; the game gets a token for this device in the fragment. */
static void sign_in_player(srv *s, http_resp *resp, const oidc_claims *cl, const char *lang, int64_t now)
{
    int64_t id = 0;
    db_rc rc = db_person_by_email(s->db, cl->email, &id);
    db_person p;
    if (rc == DB_NOT_FOUND && s->cfg.oidc_unit_claim[0]) {
        char unit[DB_UNIT_MAX], key[UNITS_KEY_MAX], canon[DB_UNIT_MAX];
        if (!cl->unit[0] || !units_normalise(cl->unit, unit, sizeof unit) || !units_key(unit, key, sizeof key)) {
            error_page(resp, 403, "Your work account has no unit, and you have no invitation. Ask HR for one.", "/");
            return;
        }
        rc = db_unit_ensure(s->db, unit, key, !s->cfg.units_closed, now, canon);
        if (rc == DB_NOT_FOUND) {
            error_page(resp, 403, "The unit of your work account is not on the organisation's list of units. Ask HR.", "/");
            return;
        }
        memset(&p, 0, sizeof p);
        /* the name claim, else the address's local part (an address is at most 254 bytes: cut) */
        if (cl->name[0] && valid_text(cl->name, DB_NAME_MAX - 1, false)) memcpy(p.name, cl->name, sizeof p.name);
        else {
            size_t local = strcspn(cl->email, "@");
            snprintf(p.name, sizeof p.name, "%.*s", (int)(local < 200 ? local : 200), cl->email);
        }
        snprintf(p.unit, sizeof p.unit, "%s", canon);
        snprintf(p.email, sizeof p.email, "%s", cl->email);
        p.invited = now;
        p.expires = now + (int64_t)s->cfg.invite_days * 86400000;
        char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
        auth_random_token(token);
        auth_token_hash(token, hash);
        if (rc == DB_OK) rc = db_person_add(s->db, &p, hash, &id);
        if (rc == DB_OK) {
            char detail[64];
            snprintf(detail, sizeof detail, "person #%lld", (long long)id);
            db_audit(s->db, now, "(work account)", "invite", detail);
        }
    } else if (rc == DB_NOT_FOUND) {
        error_page(resp, 403, "There is no invitation for the e-mail address of your work account. Ask HR for one.", "/");
        return;
    }
    if (rc == DB_OK) rc = db_person_get(s->db, id, now, &p);
    if (rc == DB_OK && p.revoked) {
        error_page(resp, 403, "Your invitation has been cancelled. Ask HR for a new one.", "/");
        return;
    }
    char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
    auth_random_token(token);
    auth_token_hash(token, hash);
    if (rc == DB_OK) rc = db_person_add_token(s->db, id, hash, now);
    if (rc != DB_OK) {
        error_page(resp, 503, "The server could not sign you in. Try again.", "/");
        return;
    }
    char location[AUTH_TOKEN_MAX + 24];
    if (lang) snprintf(location, sizeof location, "/?lang=%s#t=%s", lang, token);
    else snprintf(location, sizeof location, "/#t=%s", token);
    redirect(resp, location);
}

/* GET /api/v1/oidc/callback?code=&state= */
static void callback(srv *s, const http_req *req, http_resp *resp)
{
    int64_t now = srv_now(s);
    const char *state = http_arg(req, "state"), *code = http_arg(req, "code"), *error = http_arg(req, "error");
    char hash[AUTH_HASH_MAX], nonce[64], verifier[64], purpose[16];
    if (!state || !valid_key(state, AUTH_TOKEN_MAX - 1)) {
        error_page(resp, 400, "The answer of the sign-in service has no valid state.", "/");
        return;
    }
    auth_token_hash(state, hash);
    db_rc rc = db_oidc_state_take(s->db, hash, now, nonce, verifier, purpose);
    if (rc != DB_OK) {
        error_page(resp, 400, "This sign-in was already used or has expired (state). Start the sign-in again.", "/");
        return;
    }
    const char *back = strcmp(purpose, "hr") == 0 ? "/hr/" : "/";
    const char *bound = http_cookie(req, state_cookie);
    if (!bound || !auth_equal(bound, state)) {
        error_page(resp, 400, "The sign-in was started in another browser (state cookie). Start it again here.", back);
        return;
    }
    if (error || !code || strlen(code) > 2048) {
        char why[300];
        snprintf(why, sizeof why, "The sign-in service refused: %.200s", error ? error : "no code");
        error_page(resp, 403, why, back);
        return;
    }
    char ru[CFG_PATH_MAX + 32], eru[CFG_PATH_MAX * 3], ecode[2048 * 3 + 1], form[8192];
    redirect_uri(s, ru, sizeof ru);
    url_encode(ru, eru, sizeof eru);
    url_encode(code, ecode, sizeof ecode);
    snprintf(form, sizeof form, "grant_type=authorization_code&code=%s&redirect_uri=%s&code_verifier=%s", ecode, eru,
             verifier);
    char err[512], endpoint[CFG_PATH_MAX * 2];
    pthread_mutex_lock(&cache_lock);
    bool ok = discover(s, err, sizeof err);
    snprintf(endpoint, sizeof endpoint, "%s", ok ? disc_str("token_endpoint") : "");
    pthread_mutex_unlock(&cache_lock);
    cJSON *tokens = ok ? fetch_json(s, endpoint, form, err, sizeof err) : NULL;
    const cJSON *id_token = tokens ? cJSON_GetObjectItem(tokens, "id_token") : NULL;
    if (!cJSON_IsString(id_token)) {
        fprintf(stderr, "pakopeli-server: sign-in: token endpoint: %s\n", tokens ? "no id_token" : err);
        cJSON_Delete(tokens);
        error_page(resp, 502, "The sign-in service did not give an identity token.", back);
        return;
    }
    oidc_claims cl;
    oidc_rc vr = verify(s, id_token->valuestring, nonce, now, &cl);
    cJSON_Delete(tokens);
    if (vr != OIDC_OK) {
        fprintf(stderr, "pakopeli-server: sign-in refused: %s\n", oidc_message(vr));
        db_audit(s->db, now, "(work account)", "login-refused", oidc_message(vr));
        error_page(resp, 403, oidc_message(vr), back);
        return;
    }
    /* this browser's state is used: the cookie goes */
    http_add_header(resp, "Set-Cookie", "pk_oidc=; Path=/api/v1/oidc/; HttpOnly; SameSite=Lax; Max-Age=0");
    if (strcmp(purpose, "hr") == 0) sign_in_hr(s, resp, &cl, now);
    else sign_in_player(s, resp, &cl, known_lang(http_cookie(req, lang_cookie)), now);
}

void oidc_handle(srv *s, const http_req *req, http_resp *resp)
{
    const char *p = req->path;
    if (!oidc_enabled(s)) {
        error_page(resp, 404, "Sign-in with a work account is not set up on this server.", "/");
        return;
    }
    if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
        error_page(resp, 405, "Method not allowed.", "/");
        return;
    }
    if (strcmp(p, "/api/v1/oidc/login") == 0) login(s, req, resp);
    else if (strcmp(p, "/api/v1/oidc/callback") == 0) callback(s, req, resp);
    else error_page(resp, 404, "No such address.", "/");
}

bool oidc_enabled(const srv *s) { return s->cfg.oidc_issuer[0] != '\0'; }

bool oidc_configure(srv *s, char *err, size_t cap)
{
    const cfg *c = &s->cfg;
    if (!c->oidc_issuer[0]) return true;
    if (!c->oidc_client_id[0]) {
        snprintf(err, cap, "oidc_client_id: sign-in needs the application's client id (oidc_issuer is set)");
        return false;
    }
    if (!c->public_url[0]) {
        snprintf(err, cap, "public_url: sign-in needs the server's public address for the redirect URI");
        return false;
    }
    FILE *f = c->oidc_client_secret_file[0] ? fopen(c->oidc_client_secret_file, "r") : NULL;
    if (!f || !fgets(client_secret, sizeof client_secret, f)) {
        snprintf(err, cap, "oidc_client_secret_file: cannot read the client secret from \"%s\"", c->oidc_client_secret_file);
        if (f) fclose(f);
        return false;
    }
    fclose(f);
    client_secret[strcspn(client_secret, "\r\n")] = '\0';
    return true;
}

void oidc_free(void)
{
    pthread_mutex_lock(&cache_lock);
    cJSON_Delete(discovery);
    cJSON_Delete(jwks);
    discovery = jwks = NULL;
    pthread_mutex_unlock(&cache_lock);
}
