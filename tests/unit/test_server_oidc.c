/* The ID token's shape and claims (oidc_token.c); the signature is OpenSSL's, tested end to end
   against a real provider in tests/server/oidc.test.mjs. */
#include "harness.h"
#include "../../game/server/auth.c"
#include "../../game/server/oidc_token.c"
#include "../../game/server/valid.c"

static char *b64(const char *json)
{
    static char out[4][1024];
    static int k;
    char *o = out[k++ % 4];
    sodium_bin2base64(o, 1024, (const unsigned char *)json, strlen(json), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return o;
}

static oidc_rc check(const char *payload_json, oidc_claims *cl)
{
    cJSON *p = cJSON_Parse(payload_json);
    oidc_rc rc = oidc_check_claims(p, "https://login.example.fi", "pakopeli", "n-123", 1700000000, "groups", "unit", cl);
    cJSON_Delete(p);
    return rc;
}

TEST(a_good_token_gives_its_claims_and_groups)
{
    oidc_claims cl;
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"exp\":1700000300,\"iat\":1700000000,"
                "\"nonce\":\"n-123\",\"sub\":\"s1\",\"email\":\"maija@example.fi\",\"name\":\"Maija\","
                "\"groups\":[\"a\",\"hr-admins\"],\"unit\":\"P\\u00e4ivystys\"}", &cl) == OIDC_OK);
    CHECK_STR(cl.email, "maija@example.fi");
    CHECK_STR(cl.groups, "a\nhr-admins\n");
    CHECK_STR(cl.unit, "P\xC3\xA4ivystys");
}

TEST(issuer_audience_expiry_nonce_and_email_are_each_refused)
{
    oidc_claims cl;
    CHECK(check("{\"iss\":\"https://evil\",\"aud\":\"pakopeli\",\"exp\":1700000300,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_BAD_ISSUER);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"other\",\"exp\":1700000300,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_BAD_AUDIENCE);
    /* several audiences: azp must be us */
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":[\"pakopeli\",\"x\"],\"exp\":1700000300,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_BAD_AUDIENCE);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":[\"pakopeli\",\"x\"],\"azp\":\"pakopeli\",\"exp\":1700000300,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_OK);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"exp\":1699999000,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_EXPIRED);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_EXPIRED);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"exp\":1700009000,\"iat\":1700005000,\"nonce\":\"n-123\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_NOT_YET_VALID);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"exp\":1700000300,\"nonce\":\"n-124\",\"sub\":\"s\",\"email\":\"a@b.fi\"}", &cl) == OIDC_BAD_NONCE);
    CHECK(check("{\"iss\":\"https://login.example.fi\",\"aud\":\"pakopeli\",\"exp\":1700000300,\"nonce\":\"n-123\",\"sub\":\"s\"}", &cl) == OIDC_NO_EMAIL);
}

TEST(a_token_must_be_three_parts_of_base64url_json)
{
    cJSON *h, *p;
    unsigned char sig[512];
    size_t sl, n;
    char jwt[4096];
    snprintf(jwt, sizeof jwt, "%s.%s.%s", b64("{\"alg\":\"RS256\"}"), b64("{\"sub\":\"x\"}"), "c2ln");
    CHECK(oidc_decode(jwt, &h, &p, &sl, sig, sizeof sig, &n) == OIDC_OK);
    CHECK(sl == strlen(jwt) - 5 && n == 3 && memcmp(sig, "sig", 3) == 0);
    cJSON_Delete(h);
    cJSON_Delete(p);
    static const char *const bad[] = {"", "a.b", "a.b.c.d", "not.a-token", "e30.e30.", "e30.W10.c2ln", "e30.e30.c2ln=", NULL};
    for (int i = 0; bad[i]; i++) CHECK(oidc_decode(bad[i], &h, &p, &sl, sig, sizeof sig, &n) == OIDC_MALFORMED);
}

int main(void)
{
    if (sodium_init() < 0) return 1;
    RUN(a_good_token_gives_its_claims_and_groups);
    RUN(issuer_audience_expiry_nonce_and_email_are_each_refused);
    RUN(a_token_must_be_three_parts_of_base64url_json);
    return harness_done();
}
