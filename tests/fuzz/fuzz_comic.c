/* The comic loader on any bytes. */
#include <string.h>

#include "../../game/core/comic.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static diag_list d;
    static comic c;
    memset(&d, 0, sizeof d);
    if (comic_load(&c, "comic.json", (const char *)data, size, &d)) {
        FUZZ_ASSERT(d.errors == 0);
        comic_free(&c);
    } else {
        FUZZ_ASSERT(d.errors > 0);
    }
    return 0;
}
