/* The linter's corpus of broken files (tests/lint/cases): the game's own loaders refuse each
 * "by: loader" case exactly as pakopeli-lint reports it (same file, line, column, path,
 * message and code: the linter prints the loader's diagnostics), and accept each "by: lint"
 * case, whose mistake only the linter can see (assets, the last door, a room played through,
 * text that does not fit). tests/lint/lint.test.mjs runs the linter itself on the corpus.
 *
 * A case is NAME.json (one file) or NAME/ (a game.json with its rooms and comics/), with
 * NAME.expect: "# by: loader|lint", "# schema: valid|invalid", then the linter's lines. */
#include <dirent.h>
#include <sys/stat.h>

#include "../../game/core/comic.h"
#include "../../game/core/level.h"
#include "harness.h"

#define CASES "tests/lint/cases"

enum { MAX_LINES = 32, LINE_MAX = 1024, MAX_CASES = 64 };

typedef struct expectation {
    char by[16];
    int count;
    char lines[MAX_LINES][LINE_MAX];
} expectation;

static void read_expect(const char *path, expectation *e)
{
    size_t len;
    char *text = harness_read(path, &len);
    memset(e, 0, sizeof *e);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "# by: ", 6) == 0) snprintf(e->by, sizeof e->by, "%s", line + 6);
        else if (line[0] != '#' && e->count < MAX_LINES) snprintf(e->lines[e->count++], LINE_MAX, "%s", line);
    }
    free(text);
}

/* The linter's line for a diagnostic (game/tools/lint.c lint_print). */
static void format(const diag *d, char *out, size_t cap)
{
    const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(out, cap, "%s:%d:%d: %s: %s%s%s [%s]", d->file, d->line, d->column, sev, d->path,
                 d->path[0] ? ": " : "", d->msg, diag_code_name(d->code));
    else
        snprintf(out, cap, "%s: %s: %s%s%s [%s]", d->file, sev, d->path, d->path[0] ? ": " : "", d->msg,
                 diag_code_name(d->code));
}

static int by_place(const void *a, const void *b)
{
    const diag *x = a, *y = b;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    return (x->column > y->column) - (x->column < y->column);
}

/* Loads one file with the loader its content calls for; problems go to d. */
static void load_file(const char *path, diag_list *d)
{
    size_t len;
    char *text = harness_read(path, &len);
    if (strstr(text, "\"pages\"")) {
        comic c;
        if (comic_load(&c, path, text, len, d)) comic_free(&c);
    } else if (strstr(text, "\"rooms\"")) {
        level_game g;
        if (level_load_game(&g, path, text, len, d)) level_free_game(&g);
    } else {
        level_room r;
        if (level_load_room(&r, path, text, len, d)) level_free_room(&r);
    }
    free(text);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A folder case as the game loads it: the manifest, every room it lists, every comic. */
static int load_folder(const char *dir)
{
    char path[700];
    diag_list d = {0};
    int errors = 0;
    snprintf(path, sizeof path, "%s/game.json", dir);
    size_t len;
    char *text = harness_read(path, &len);
    level_game g;
    if (level_load_game(&g, path, text, len, &d)) {
        for (int i = 0; i < g.room_count; i++) {
            snprintf(path, sizeof path, "%s/%s", dir, g.rooms[i].file);
            if (exists(path)) load_file(path, &d); /* a missing file is the game's fetch failing */
        }
        level_free_game(&g);
    }
    free(text);
    snprintf(path, sizeof path, "%s/comics", dir);
    DIR *cd = opendir(path);
    for (struct dirent *e; cd && (e = readdir(cd));) {
        if (e->d_name[0] == '.') continue;
        char comic_path[sizeof path + 260];
        snprintf(comic_path, sizeof comic_path, "%s/%s", path, e->d_name);
        load_file(comic_path, &d);
    }
    if (cd) closedir(cd);
    errors = d.errors;
    for (int i = 0; i < d.count && errors; i++) {
        char line[LINE_MAX];
        format(&d.items[i], line, sizeof line);
        fprintf(stderr, "  loader: %s\n", line);
    }
    return errors;
}

static int cmp_name(const void *a, const void *b) { return strcmp(a, b); }

TEST(every_corpus_case_is_refused_by_the_loader_as_the_linter_says_or_left_to_the_linter)
{
    static char names[MAX_CASES][128];
    int n = 0, loader_cases = 0, lint_cases = 0;
    DIR *dir = opendir(CASES);
    CHECK(dir != NULL);
    for (struct dirent *e; dir && (e = readdir(dir));) {
        size_t l = strlen(e->d_name);
        if (l > 7 && strcmp(e->d_name + l - 7, ".expect") == 0 && n < MAX_CASES)
            snprintf(names[n++], sizeof names[0], "%.*s", (int)(l - 7), e->d_name);
    }
    if (dir) closedir(dir);
    qsort(names, (size_t)n, sizeof names[0], cmp_name);
    CHECK(n >= 15);
    for (int c = 0; c < n; c++) {
        char path[300], target[300];
        expectation ex;
        snprintf(path, sizeof path, CASES "/%s.expect", names[c]);
        read_expect(path, &ex);
        snprintf(target, sizeof target, CASES "/%s", names[c]);
        bool folder = exists(target);
        if (!folder) snprintf(target, sizeof target, CASES "/%s.json", names[c]);
        CHECK(ex.count > 0);
        if (strcmp(ex.by, "lint") == 0) {
            lint_cases++;
            int errors;
            if (folder) {
                errors = load_folder(target);
            } else {
                diag_list d = {0};
                load_file(target, &d);
                errors = d.errors;
            }
            if (errors) fprintf(stderr, "  %s: the loader refuses a case only the linter should see\n", target);
            CHECK(errors == 0);
            continue;
        }
        CHECK_STR(ex.by, "loader");
        CHECK(!folder);
        loader_cases++;
        diag_list d = {0};
        load_file(target, &d);
        qsort(d.items, (size_t)d.count, sizeof d.items[0], by_place);
        if (d.count != ex.count) fprintf(stderr, "  %s: the loader reports %d problems, the corpus expects %d\n", target, d.count, ex.count);
        CHECK(d.count == ex.count);
        for (int i = 0; i < d.count && i < ex.count; i++) {
            char line[LINE_MAX];
            format(&d.items[i], line, sizeof line);
            CHECK_STR(line, ex.lines[i]);
        }
    }
    CHECK(loader_cases >= 5 && lint_cases >= 5);
}

int main(void)
{
    RUN(every_corpus_case_is_refused_by_the_loader_as_the_linter_says_or_left_to_the_linter);
    return harness_done();
}
