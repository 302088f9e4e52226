/* The loaders' phrasebook as the web game fetches it (build/web/diag-phrases.json, written by
   pakopeli-lint --phrases): diag_phrasebook_parse on any bytes, then messages said through what it
   accepted in Finnish and Swedish. A stale or damaged book may be refused, never read past: a
   translation that names a capture its pattern does not make was such a read (review, 2026-11-28).
   The input's first byte picks which of the loader's own messages are said first. */
#include <string.h>

#include "../../game/core/diag_text.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const said[] = {
        "the Swedish text \"sv\" is missing", "unknown field 'titel' (did you mean 'title'?)",
        "expected a string", "'door-x' opens a room that does not exist: 'x'", "something new", "",
    };
    static diag_list l; /* a list is large: one, reused */
    diag_phrasebook b;
    if (!diag_phrasebook_parse(&b, (const char *)data, size)) {
        diag_phrasebook_free(&b); /* an empty book: freeing it is allowed */
        return 0;
    }
    int first = size ? data[0] % (int)(sizeof said / sizeof said[0]) : 0;
    for (size_t k = 0; k < sizeof said / sizeof said[0]; k++) {
        const char *en = said[(first + k) % (sizeof said / sizeof said[0])];
        l = (diag_list){0};
        diag_add(&l, DIAG_ERROR, DIAG_UNKNOWN_FIELD, "levels/x.json", 2, 3, "titel", "%s", en);
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            char out[600];
            diag_format_in(&b, &l.items[0], (i18n_lang)lang, out, sizeof out);
            FUZZ_ASSERT(strlen(out) < sizeof out);
        }
    }
    /* and the book's own English lines, said through it */
    for (int i = 0; i < b.pattern_count && i < 50; i++) {
        l = (diag_list){0};
        diag_add(&l, DIAG_ERROR, DIAG_TRANSLATION, "levels/x.json", 1, 1, "title", "%s", b.patterns[i].en);
        char out[600];
        diag_format_in(&b, &l.items[0], LANG_FI, out, sizeof out);
        diag_format_in(&b, &l.items[0], LANG_SV, out, sizeof out);
    }
    diag_phrasebook_free(&b);
    return 0;
}
