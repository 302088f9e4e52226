/* An ID token from the sign-in service's answer (untrusted until its signature is checked, and
   its header is read before that): decoding and the claims check on any bytes. A token that
   decodes hands out a signed part within the input and a signature within its buffer; the
   claims check never reports success without an address that passes valid_email. */
#include <string.h>

#include <cjson/cJSON.h>
#include <sodium.h>

#include "../../game/server/oidc.h"
#include "../../game/server/valid.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready) ready = sodium_init() >= 0;
    char *jwt = malloc(size + 1);
    if (!jwt) return 0;
    memcpy(jwt, data, size);
    jwt[size] = '\0';
    cJSON *header, *payload;
    unsigned char sig[1024];
    size_t signed_len = 0, sig_len = 0;
    if (oidc_decode(jwt, &header, &payload, &signed_len, sig, sizeof sig, &sig_len) == OIDC_OK) {
        FUZZ_ASSERT(signed_len < strlen(jwt) && sig_len <= sizeof sig);
        oidc_claims cl;
        oidc_rc rc = oidc_check_claims(payload, "https://login.example.fi", "pakopeli", "n-123", 1700000000,
                                       "groups", "unit", &cl);
        if (rc == OIDC_OK) FUZZ_ASSERT(valid_email(cl.email) && memchr(cl.groups, '\0', sizeof cl.groups));
        FUZZ_ASSERT(oidc_message(rc)[0]);
        cJSON_Delete(header);
        cJSON_Delete(payload);
    }
    free(jwt);
    return 0;
}
