/* The content linter on any file: the bytes are written as a room or comic next to a copy of
   the shipped game.json, and the linter checks them as `make lint` would, text fit included. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../game/tools/lint.h"
#include "fuzz.h"

static char dir[64], room_path[128], comic_path[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/pakopeli-fuzz-lint-XXXXXX");
    FUZZ_ASSERT(mkdtemp(dir));
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/game.json", fuzz_levels());
    char *text = fuzz_read(path, &len);
    snprintf(path, sizeof path, "%s/game.json", dir);
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f && fwrite(text, 1, len, f) == len);
    fclose(f);
    free(text);
    snprintf(path, sizeof path, "%s/comics", dir);
    FUZZ_ASSERT(mkdir(path, 0700) == 0);
    snprintf(room_path, sizeof room_path, "%s/fuzz.json", dir);
    snprintf(comic_path, sizeof comic_path, "%s/comics/fuzz.json", dir);
    if (!lint_text_setup(NULL)) fprintf(stderr, "fuzz_lint: no fonts, text fit not fuzzed\n");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lint_run run;
    static FILE *devnull;
    if (!dir[0]) setup();
    if (!devnull) devnull = fopen("/dev/null", "w");
    /* the first byte chooses where the file goes: a room beside game.json, or a comic */
    const char *path = size > 0 && (data[0] & 1) ? comic_path : room_path;
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f);
    if (size) fwrite(data, 1, size, f);
    fclose(f);
    lint_options opt = {.root = ".", .lang = LANG_EN};
    lint_setup(&run, &opt);
    if (lint_add_file(&run, path)) {
        lint_check(&run);
        lint_print(&run, devnull);
    }
    lint_shutdown(&run);
    unlink(path);
    return 0;
}
