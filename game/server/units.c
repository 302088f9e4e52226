#include "units.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>

#include "valid.h"

bool units_normalise(const char *in, char *out, size_t cap)
{
    if (!in || cap == 0) return false;
    size_t n = strlen(in);
    if (n == 0 || n > 4 * cap || !valid_text(in, 4 * cap, false)) return false;
    size_t len = 0;
    uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)in, n, NULL, &len);
    if (!nfc) return false;
    /* tidy spaces: ASCII space, tab and NO-BREAK SPACE (U+00A0, common in pasted text) */
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        bool sp = nfc[i] == ' ' || nfc[i] == '\t';
        size_t step = 1;
        if (nfc[i] == 0xC2 && i + 1 < len && nfc[i + 1] == 0xA0) sp = true, step = 2;
        if (sp) {
            space = o > 0;
            i += step - 1;
            continue;
        }
        if (space) {
            if (o + 1 >= cap) goto too_long;
            out[o++] = ' ';
            space = false;
        }
        if (o + 1 >= cap) goto too_long;
        out[o++] = (char)nfc[i];
    }
    free(nfc);
    out[o] = '\0';
    /* A cut in the middle of a character cannot happen: we only stop at the whole text. */
    return o > 0;
too_long:
    free(nfc);
    out[0] = '\0';
    return false;
}

bool units_key(const char *name, char *out, size_t cap)
{
    size_t len = 0;
    uint8_t *k = u8_casefold((const uint8_t *)name, strlen(name), NULL, UNINORM_NFC, NULL, &len);
    if (!k) return false;
    bool ok = len < cap;
    if (ok) {
        memcpy(out, k, len);
        out[len] = '\0';
    }
    free(k);
    return ok;
}
