/* lint.c - pakopeli-lint: checks the game's content the way the game loads it, and more.
 *
 *   pakopeli-lint [--lang fi|sv|en] [--json] [--no-text] [--root DIR] [--stdin FILE] [levels/ | FILE.json ...]
 *   pakopeli-lint --rules [--json] [--lang fi]         every rule, stated once (lint_rules.c)
 *   pakopeli-lint --solution levels/x.json | levels/   the events that solve a room (JSON)
 *   pakopeli-lint --guess-stats levels/               how often the right option is first or longest
 *
 * Prints one line per problem, compiler style, so editors can jump to it:
 *   levels/outlook.json:42:9: error: puzzles[1].options[2]: unknown field 'explian'
 *   (did you mean 'explain'?) [unknown-field]
 * Exit status: 0 when there are no errors (warnings allowed), 1 with errors, 2 for bad usage.
 * See lint.h for the parts and the --json format, docs/authoring.md for what authors do with the
 * messages.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "lint.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "../core/diag_text.h"
#include "../core/jsonx.h"
#include "../core/play.h"

/* ---- files -------------------------------------------------------------------------------- */

static char *read_stream(FILE *f, size_t *len)
{
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 16384;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = read_stream(f, len);
    fclose(f);
    return buf;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void join(char *out, size_t cap, const char *dir, const char *name)
{
    if (!dir[0] || strcmp(dir, ".") == 0) snprintf(out, cap, "%s", name);
    else snprintf(out, cap, "%s/%s", dir, name);
}

static void dir_of(const char *path, char *out, size_t cap)
{
    snprintf(out, cap, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash == out) out[1] = '\0';
    else if (slash) *slash = '\0';
    else snprintf(out, cap, ".");
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The *.json files of a folder, sorted, as paths; the caller frees each and the array. */
static int list_json(const char *dir, char ***out)
{
    *out = NULL;
    DIR *d = opendir(dir);
    if (!d) return 0;
    int n = 0, cap = 0;
    char **names = NULL;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l < 6 || strcmp(e->d_name + l - 5, ".json") != 0) continue;
        char path[LINT_PATH_MAX];
        join(path, sizeof path, dir, e->d_name);
        if (!is_file(path)) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, sizeof *names * (size_t)cap);
            if (!nn) break;
            names = nn;
        }
        names[n++] = strdup(path);
    }
    closedir(d);
    if (n) qsort(names, (size_t)n, sizeof *names, cmp_str);
    *out = names;
    return n;
}

static void free_list(char **names, int n)
{
    for (int i = 0; i < n; i++) free(names[i]);
    free(names);
}

/* ---- reporting ---------------------------------------------------------------------------- */

void lint_report(lint_file *f, diag_severity sev, diag_code code, const char *path, const char *fmt, ...)
{
    int line = 0, col = 0;
    if (f->text) jx_locate(f->text, f->len, path ? path : "", &line, &col);
    char msg[DIAG_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(&f->diags, sev, code, f->path, line, col, path ? path : "", "%s", msg);
}

/* ---- the run ------------------------------------------------------------------------------ */

void lint_setup(lint_run *run, const lint_options *opt)
{
    memset(run, 0, sizeof *run);
    run->opt = *opt;
}

void lint_shutdown(lint_run *run)
{
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        if (f->loaded && f->kind == LINT_ROOM) level_free_room(&f->room);
        if (f->loaded && f->kind == LINT_COMIC) comic_free(&f->comic);
        free(f->text);
    }
    if (run->manifest_ok) level_free_game(&run->manifest);
    memset(run, 0, sizeof *run);
}

static lint_file *find_file(lint_run *run, const char *path)
{
    for (int i = 0; i < run->file_count; i++)
        if (strcmp(run->files[i].path, path) == 0) return &run->files[i];
    return NULL;
}

/* What a file is, from its fields; from its name and place when it is not valid JSON. */
static lint_kind guess_kind(const char *path, const char *text, size_t len)
{
    cJSON *root = text ? cJSON_ParseWithLength(text, len) : NULL;
    lint_kind k = LINT_UNKNOWN;
    if (cJSON_IsObject(root)) {
        if (cJSON_GetObjectItemCaseSensitive(root, "pages")) k = LINT_COMIC;
        else if (cJSON_GetObjectItemCaseSensitive(root, "rooms")) k = LINT_GAME;
        else if (cJSON_GetObjectItemCaseSensitive(root, "puzzles") ||
                 cJSON_GetObjectItemCaseSensitive(root, "scene"))
            k = LINT_ROOM;
    }
    cJSON_Delete(root);
    if (k != LINT_UNKNOWN) return k;
    if (strcmp(base_of(path), "game.json") == 0) return LINT_GAME;
    if (strstr(path, "comics/")) return LINT_COMIC;
    if (text && strstr(text, "\"pages\"")) return LINT_COMIC;
    if (text && strstr(text, "\"rooms\"")) return LINT_GAME;
    return LINT_ROOM;
}

static lint_file *add(lint_run *run, const char *path, lint_kind kind, int ref)
{
    lint_file *f = find_file(run, path);
    if (f) return f;
    if (run->file_count == LINT_MAX_FILES) {
        run->dropped_files++;
        return NULL;
    }
    f = &run->files[run->file_count++];
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s", path);
    f->ref = ref;
    if (run->opt.stdin_as && strcmp(run->opt.stdin_as, path) == 0) {
        f->text = read_stream(stdin, &f->len); /* a draft the studio has not saved */
        run->stdin_used = true;
    } else {
        f->text = read_all(path, &f->len);
    }
    f->kind = kind != LINT_UNKNOWN ? kind : guess_kind(path, f->text, f->len);
    if (!f->text) lint_report(f, DIAG_ERROR, DIAG_IO, NULL, "the file cannot be read");
    return f;
}

/* The folder "assets/..." paths are relative to: --root, else the nearest folder at or above
   start that has an assets/ folder (the repository, or a preview's copy), else start's parent. */
static void find_root(lint_run *run, const char *start)
{
    if (run->opt.root) {
        snprintf(run->root, sizeof run->root, "%s", run->opt.root);
        return;
    }
    char dir[sizeof run->root];
    if (!realpath(start, dir)) snprintf(dir, sizeof dir, "%s", start);
    for (;;) {
        char probe[sizeof dir + 8];
        snprintf(probe, sizeof probe, "%s/assets", dir);
        if (is_dir(probe)) {
            snprintf(run->root, sizeof run->root, "%s", dir);
            return;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir) break;
        *slash = '\0';
    }
    snprintf(run->root, sizeof run->root, "%s/..", start);
}

static void note_comic_id(lint_run *run, const char *id)
{
    if (!id || lint_comic_known(run, id) || run->comic_id_count == LINT_MAX_FILES) return;
    snprintf(run->comic_ids[run->comic_id_count++], sizeof run->comic_ids[0], "%s", id);
}

bool lint_comic_known(const lint_run *run, const char *id)
{
    for (int i = 0; id && i < run->comic_id_count; i++)
        if (strcmp(run->comic_ids[i], id) == 0) return true;
    return false;
}

lint_file *lint_room_file(lint_run *run, int i)
{
    for (int k = 0; k < run->file_count; k++)
        if (run->files[k].kind == LINT_ROOM && run->files[k].ref == i) return &run->files[k];
    return NULL;
}

/* Loads the manifest of a levels folder; with quiet, its problems are not shown (a single
   file is being linted and only borrows the manifest's settings and ids). */
static void load_manifest(lint_run *run, const char *dir, bool quiet)
{
    char path[LINT_PATH_MAX];
    join(path, sizeof path, dir, "game.json");
    snprintf(run->levels, sizeof run->levels, "%s", dir);
    if (quiet) {
        size_t len;
        char *text = read_all(path, &len);
        diag_list d = {0};
        run->manifest_ok = text && level_load_game(&run->manifest, path, text, len, &d);
        free(text);
    } else {
        lint_file *f = add(run, path, LINT_GAME, -1);
        run->game = f;
        run->manifest_ok = f && f->text && level_load_game(&run->manifest, f->path, f->text, f->len, &f->diags);
    }
    for (int i = 0; run->manifest_ok && i < run->manifest.comic_count; i++)
        note_comic_id(run, run->manifest.comics[i].id);
    /* comics are also found by their file name, as ?comic=id finds them */
    char comics_dir[LINT_PATH_MAX];
    join(comics_dir, sizeof comics_dir, dir, "comics");
    char **names;
    int n = list_json(comics_dir, &names);
    for (int i = 0; i < n; i++) {
        char id[64];
        snprintf(id, sizeof id, "%s", base_of(names[i]));
        id[strlen(id) - 5] = '\0';
        note_comic_id(run, id);
    }
    free_list(names, n);
}

bool lint_add_levels(lint_run *run, const char *dir_in)
{
    char dir[LINT_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", dir_in);
    size_t l = strlen(dir);
    while (l > 1 && dir[l - 1] == '/') dir[--l] = '\0';
    if (!is_dir(dir)) return false;
    find_root(run, dir);
    load_manifest(run, dir, false);
    char path[LINT_PATH_MAX];
    for (int i = 0; run->manifest_ok && i < run->manifest.room_count; i++) {
        join(path, sizeof path, dir, run->manifest.rooms[i].file);
        if (is_file(path)) add(run, path, LINT_ROOM, i);
    }
    /* room files the manifest does not list: checked too, and told that the game skips them */
    char **names;
    int n = list_json(dir, &names);
    for (int i = 0; i < n; i++)
        if (strcmp(base_of(names[i]), "game.json") != 0) add(run, names[i], LINT_UNKNOWN, -1);
    free_list(names, n);
    for (int i = 0; run->manifest_ok && i < run->manifest.comic_count; i++) {
        join(path, sizeof path, dir, run->manifest.comics[i].file);
        lint_file *f = is_file(path) ? add(run, path, LINT_COMIC, i) : NULL;
        if (f) f->ref = i;
    }
    char comics_dir[LINT_PATH_MAX];
    join(comics_dir, sizeof comics_dir, dir, "comics");
    n = list_json(comics_dir, &names);
    for (int i = 0; i < n; i++) add(run, names[i], LINT_COMIC, -1);
    free_list(names, n);
    return true;
}

bool lint_add_file(lint_run *run, const char *path)
{
    if (strcmp(base_of(path), "game.json") == 0) {
        char dir[LINT_PATH_MAX];
        dir_of(path, dir, sizeof dir);
        return lint_add_levels(run, dir);
    }
    bool draft = run->opt.stdin_as && strcmp(path, run->opt.stdin_as) == 0; /* may not exist yet */
    if (!is_file(path) && !draft) return false;
    char dir[LINT_PATH_MAX], manifest[LINT_PATH_MAX + 16];
    dir_of(path, dir, sizeof dir);
    if (!run->root[0]) find_root(run, dir);
    /* a manifest beside the file (or above comics/) lends its settings and ids */
    if (!run->manifest_ok && !run->game) {
        char levels[LINT_PATH_MAX];
        snprintf(levels, sizeof levels, "%s", dir);
        if (strcmp(base_of(levels), "comics") == 0) dir_of(dir, levels, sizeof levels);
        join(manifest, sizeof manifest, levels, "game.json");
        if (is_file(manifest)) load_manifest(run, levels, true);
    }
    lint_file *f = add(run, path, LINT_UNKNOWN, -1);
    if (f && run->manifest_ok) {
        for (int i = 0; i < run->manifest.room_count && f->kind == LINT_ROOM; i++) {
            char p[LINT_PATH_MAX];
            join(p, sizeof p, run->levels, run->manifest.rooms[i].file);
            if (strcmp(p, path) == 0) f->ref = i;
        }
    }
    return f != NULL;
}

/* Diagnostics the loaders add without a place (level_apply_settings) get one from their path. */
static void place_unplaced(lint_file *f)
{
    for (int i = 0; f->text && i < f->diags.count; i++) {
        diag *d = &f->diags.items[i];
        if (d->line == 0 && d->path[0]) jx_locate(f->text, f->len, d->path, &d->line, &d->column);
    }
}

/* Every added file through its core loader (a room also gets the game's settings). */
static void load_all(lint_run *run)
{
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        if (!f->text) continue;
        if (f->kind == LINT_ROOM) {
            f->loaded = level_load_room(&f->room, f->path, f->text, f->len, &f->diags);
            if (f->loaded && f->room.sealed) { /* no answers to check: the rules need the plain room */
                lint_report(f, DIAG_ERROR, DIAG_BAD_VALUE, "sealed",
                            "this room is sealed (the web build's copy, its answers hidden): check the plain room in levels/");
                level_free_room(&f->room);
                f->loaded = false;
            }
            if (f->loaded) lint_check_texts(run, f); /* as written, before settings fill them in */
            if (f->loaded && run->manifest_ok) level_apply_settings(&f->room, &run->manifest, &f->diags);
            place_unplaced(f);
        } else if (f->kind == LINT_COMIC) {
            f->loaded = comic_load(&f->comic, f->path, f->text, f->len, &f->diags);
        }
    }
}

void lint_check(lint_run *run)
{
    load_all(run);
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        if (!f->loaded) continue;
        if (f->kind == LINT_ROOM) {
            if (run->game && f->ref < 0)
                lint_report(f, DIAG_WARNING, DIAG_UNKNOWN_REF, "id",
                            "this room is not listed in \"rooms\" of %s, so the game never shows it",
                            run->game->path);
            lint_check_room(run, f);
            lint_check_solvable(run, f);
            lint_check_teaching(run, f);
            lint_check_guessable(run, f);
            lint_check_letters(f);
            lint_check_assets(run, f);
            if (!run->opt.no_text) lint_text_room(f);
        } else if (f->kind == LINT_COMIC) {
            lint_check_assets(run, f);
            lint_check_letters(f);
            if (!run->opt.no_text) lint_text_comic(f);
        }
    }
    lint_check_game_texts(run);
    lint_check_game(run);
    lint_check_pool(run);
    lint_check_budget(run);
}

/* ---- printing ----------------------------------------------------------------------------- */

static int by_place(const void *a, const void *b)
{
    const diag *x = *(const diag *const *)a, *y = *(const diag *const *)b;
    if (x->line != y->line) return x->line < y->line ? -1 : 1;
    if (x->column != y->column) return x->column < y->column ? -1 : 1;
    return x < y ? -1 : x > y; /* stable: the order they were found in */
}

/* The message in lang: the rule's own (lint_flag), else the loader's English one translated. */
static void message_in(const lint_file *f, const diag *d, i18n_lang lang, char *out, size_t cap)
{
    const char *own = lang == LANG_FI ? f->fi[d - f->diags.items] : lang == LANG_SV ? f->sv[d - f->diags.items] : "";
    if (own[0]) snprintf(out, cap, "%s", own);
    else lint_message_in(d->code, d->msg, lang, out, cap);
}

/* pick(lang, fi, sv, en): the words of the summary lines in the reader's language */
static const char *pick(i18n_lang lang, const char *fi, const char *sv, const char *en)
{
    return lang == LANG_FI ? fi : lang == LANG_SV ? sv : en;
}

int lint_print(lint_run *run, FILE *out)
{
    int errors = 0;
    cJSON *arr = run->opt.json ? cJSON_CreateArray() : NULL;
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        const diag *sorted[DIAG_MAX];
        for (int k = 0; k < f->diags.count; k++) sorted[k] = &f->diags.items[k];
        qsort(sorted, (size_t)f->diags.count, sizeof sorted[0], by_place);
        errors += f->diags.errors;
        for (int k = 0; k < f->diags.count; k++) {
            const diag *d = sorted[k];
            char msg[DIAG_MSG_MAX * 2];
            message_in(f, d, run->opt.lang, msg, sizeof msg);
            const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
            if (arr) {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "file", d->file);
                cJSON_AddNumberToObject(o, "line", d->line);
                cJSON_AddNumberToObject(o, "column", d->column);
                cJSON_AddStringToObject(o, "severity", sev);
                cJSON_AddStringToObject(o, "code", diag_code_name(d->code));
                cJSON_AddStringToObject(o, "path", d->path);
                cJSON_AddStringToObject(o, "message", msg);
                cJSON *all = cJSON_AddObjectToObject(o, "messages");
                for (int l = 0; l < LANG_COUNT; l++) {
                    char m[DIAG_MSG_MAX * 2];
                    message_in(f, d, (i18n_lang)l, m, sizeof m);
                    cJSON_AddStringToObject(all, i18n_code((i18n_lang)l), m);
                }
                const int *fit = f->fit[d - f->diags.items];
                if (fit[0] > 0 && fit[1] > 0) cJSON_AddItemToObject(o, "fit", cJSON_CreateIntArray(fit, 2));
                cJSON_AddItemToArray(arr, o);
            } else if (d->line > 0) {
                fprintf(out, "%s:%d:%d: %s: %s%s%s [%s]\n", d->file, d->line, d->column, sev, d->path,
                        d->path[0] ? ": " : "", msg, diag_code_name(d->code));
            } else {
                fprintf(out, "%s: %s: %s%s%s [%s]\n", d->file, sev, d->path, d->path[0] ? ": " : "", msg,
                        diag_code_name(d->code));
            }
        }
        if (f->diags.dropped && !arr)
            fprintf(out, pick(run->opt.lang, "%s: note: %d ongelmaa lisää jäi näyttämättä: korjaa ensin nämä\n",
                              "%s: note: ytterligare %d problem visas inte: rätta först dessa\n",
                              "%s: note: %d more problems are not shown: fix these first\n"),
                    f->path, f->diags.dropped);
    }
    if (arr) {
        char *s = cJSON_Print(arr);
        if (s) fprintf(out, "%s\n", s);
        free(s);
        cJSON_Delete(arr);
    }
    return errors;
}

/* ---- solutions ----------------------------------------------------------------------------- */

int lint_print_solution(lint_run *run, FILE *out)
{
    load_all(run);
    char final[PLAY_CODE_MAX * 2];
    lint_final_code(run, final, sizeof final);
    cJSON *all = run->game ? cJSON_CreateObject() : NULL, *one = NULL;
    int status = 0;
    for (int i = 0; i < run->file_count; i++) {
        lint_file *f = &run->files[i];
        if (f->kind != LINT_ROOM) continue;
        if (run->game && f->ref < 0) continue; /* not in the game: it has no place in a play-through */
        cJSON *events = f->loaded ? lint_solution(f, final[0] ? final : NULL) : NULL;
        if (!events) {
            fprintf(stderr, pick(run->opt.lang, "pakopeli-lint: %s: huonetta ei voi ratkaista (katso pakopeli-lint %s)\n",
                                 "pakopeli-lint: %s: rummet kan inte lösas (se pakopeli-lint %s)\n",
                                 "pakopeli-lint: %s: the room cannot be solved (see pakopeli-lint %s)\n"),
                    f->path, f->path);
            status = 1;
            continue;
        }
        if (all) cJSON_AddItemToObject(all, f->room.id, events);
        else if (!one) one = events;
        else cJSON_Delete(events);
    }
    cJSON *doc = all ? all : one;
    if (doc) {
        char *s = cJSON_Print(doc);
        if (s) fprintf(out, "%s\n", s);
        free(s);
        cJSON_Delete(doc);
    }
    return doc ? status : 1;
}

/* ---- main --------------------------------------------------------------------------------- */

static void usage(FILE *to)
{
    fprintf(to,
            "usage: pakopeli-lint [options] [levels/ | file.json ...]\n"
            "Checks the game's content: the manifest, its rooms and comics, their images, and\n"
            "texts that do not fit at the largest text size. Without paths: levels/.\n"
            "  --lang fi|sv|en  messages in Finnish, Swedish or English (default en)\n"
            "  --json         print the problems as one JSON array\n"
            "  --no-text      skip the text-fit checks (they need the fonts)\n"
            "  --root DIR     the folder that \"assets/...\" paths are relative to\n"
            "  --fonts DIR    where Lato-Regular.ttf, Lato-Bold.ttf, ComicNeue-Bold.otf are\n"
            "  --stdin FILE   read FILE's text from stdin (a draft), check it as if it were FILE\n"
            "  --web DIR      the built game, for the first-load budget (default: build/web)\n"
            "  --rules        print every rule (a Markdown table; with --json a JSON array)\n"
            "  --solution P   print the events that solve room file P, or every room of folder P\n"
            "  --budget       print the first load as served, in bytes (JSON), for a levels folder\n"
            "  --phrases      print the messages' translations (JSON), which the web game fetches\n"
            "                 when it shows an error (build/web/diag-phrases.json)\n"
            "  --guess-stats  over every choice puzzle that ships: how many have the right option\n"
            "                 first, and longest in each language (JSON)\n"
            "  --scorm 1.2|2004  the game's resume state must fit that learning-platform package\n"
            "Exit status: 0 no errors (warnings allowed), 1 errors, 2 bad usage.\n");
}

int main(int argc, char **argv)
{
    static lint_run run; /* files and their diagnostics: too big for the stack */
    lint_options opt = {.lang = LANG_EN};
    const char *paths[64];
    int n = 0;
    bool rules = false, solution = false, budget = false, guess_stats = false, phrases = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "--lang") == 0 && i + 1 < argc) || strncmp(a, "--lang=", 7) == 0) {
            const char *code = a[6] == '=' ? a + 7 : argv[++i];
            if (!i18n_parse_code(code, &opt.lang)) {
                fprintf(stderr, "pakopeli-lint: --lang %s: should be fi, sv or en\n", code);
                return 2;
            }
        }
        else if (strcmp(a, "--json") == 0) opt.json = true;
        else if (strcmp(a, "--no-text") == 0) opt.no_text = true;
        else if (strcmp(a, "--root") == 0 && i + 1 < argc) opt.root = argv[++i];
        else if (strcmp(a, "--fonts") == 0 && i + 1 < argc) opt.fonts_dir = argv[++i];
        else if (strcmp(a, "--stdin") == 0 && i + 1 < argc) opt.stdin_as = argv[++i];
        else if (strcmp(a, "--web") == 0 && i + 1 < argc) opt.web = argv[++i];
        else if (strcmp(a, "--rules") == 0) rules = true;
        else if (strcmp(a, "--solution") == 0) solution = true;
        else if (strcmp(a, "--budget") == 0) budget = true;
        else if (strcmp(a, "--phrases") == 0) phrases = true;
        else if (strcmp(a, "--guess-stats") == 0) guess_stats = true;
        else if (strcmp(a, "--scorm") == 0 && i + 1 < argc) opt.scorm = argv[++i];
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-') {
            fprintf(stderr, "pakopeli-lint: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (n < 64) {
            paths[n++] = a;
        }
    }
    if (rules) {
        lint_print_rules(stdout, opt.json, opt.lang);
        return 0;
    }
    if (phrases) {
        diag_phrasebook book;
        diag_phrasebook_builtin(&book);
        char *json = diag_phrasebook_json(&book);
        if (!json) return 1;
        puts(json);
        free(json);
        return 0;
    }
    if (opt.scorm && strcmp(opt.scorm, "1.2") != 0 && strcmp(opt.scorm, "12") != 0 && strcmp(opt.scorm, "2004") != 0) {
        fprintf(stderr, "pakopeli-lint: --scorm %s: should be 1.2 or 2004\n", opt.scorm);
        return 2;
    }
    if (n == 0) paths[n++] = "levels";
    if (opt.stdin_as && n == 1 && strcmp(paths[0], "levels") == 0 && !is_dir("levels")) paths[0] = opt.stdin_as;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    lint_setup(&run, &opt);
    if (!opt.no_text && !lint_text_setup(opt.fonts_dir)) run.opt.no_text = true;
    for (int i = 0; i < n; i++) {
        bool ok;
        if (is_dir(paths[i])) {
            char manifest[LINT_PATH_MAX + 16];
            join(manifest, sizeof manifest, paths[i], "game.json");
            if (is_file(manifest)) {
                ok = lint_add_levels(&run, paths[i]);
            } else { /* a folder of loose files, such as a corpus of examples */
                char **names;
                int m = list_json(paths[i], &names);
                ok = m > 0;
                for (int k = 0; k < m; k++) ok &= lint_add_file(&run, names[k]);
                free_list(names, m);
            }
        } else {
            ok = lint_add_file(&run, paths[i]);
        }
        if (!ok) {
            fprintf(stderr, pick(opt.lang, "pakopeli-lint: %s: tiedostoa tai kansiota ei ole\n",
                                 "pakopeli-lint: %s: filen eller mappen finns inte\n", "pakopeli-lint: %s: no such file or folder\n"), paths[i]);
            lint_shutdown(&run);
            lint_text_shutdown();
            return 2;
        }
    }
    if (opt.stdin_as && !run.stdin_used) lint_add_file(&run, opt.stdin_as); /* a new file: the draft alone */
    if (opt.stdin_as && !run.stdin_used) {
        fprintf(stderr, pick(opt.lang, "pakopeli-lint: --stdin %s: tiedosto ei ole tarkistettavien joukossa\n",
                             "pakopeli-lint: --stdin %s: filen hör inte till dem som kontrolleras\n",
                             "pakopeli-lint: --stdin %s: that file is not among those checked\n"), opt.stdin_as);
        lint_shutdown(&run);
        lint_text_shutdown();
        return 2;
    }
    if (solution) {
        run.opt.no_text = true;
        int status = lint_print_solution(&run, stdout);
        lint_shutdown(&run);
        lint_text_shutdown();
        return status;
    }
    if (guess_stats) run.opt.no_text = true; /* lengths in letters: no fonts needed */
    lint_check(&run);
    if (guess_stats) {
        lint_print_guess_stats(&run, stdout);
        lint_shutdown(&run);
        lint_text_shutdown();
        return 0;
    }
    if (budget) {
        if (!run.first_load.budget) {
            fprintf(stderr, "pakopeli-lint: --budget needs a game: a levels folder or its game.json\n");
            lint_shutdown(&run);
            lint_text_shutdown();
            return 2;
        }
        printf("{\"total\": %ld, \"engine\": %ld, \"content\": %ld, \"budget\": %ld, \"left\": %ld, "
               "\"engine_measured\": %s}\n", run.first_load.total, run.first_load.engine, run.first_load.content,
               run.first_load.budget, run.first_load.budget - run.first_load.total,
               run.first_load.engine_measured ? "true" : "false");
        lint_shutdown(&run);
        lint_text_shutdown();
        return 0;
    }
    size_t resume_max = lint_check_resume(&run);
    int errors = lint_print(&run, stdout);
    if (resume_max)
        fprintf(stderr, pick(opt.lang, "pakopeli-lint: jatkotila enintään %zu merkkiä (SCORM %s)\n",
                             "pakopeli-lint: fortsättningsläget högst %zu tecken (SCORM %s)\n",
                             "pakopeli-lint: resume state at most %zu characters (SCORM %s)\n"),
                resume_max, opt.scorm);
    int warnings = 0;
    for (int i = 0; i < run.file_count; i++) warnings += run.files[i].diags.warnings;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1000.0 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    char load[96] = "";
    if (run.first_load.budget)
        snprintf(load, sizeof load, pick(opt.lang, "; ensimmäinen lataus %ld / %ld kB%s", "; första laddningen %ld av %ld kB%s",
                                             "; first load %ld of %ld kB%s"),
                 (run.first_load.total + 500) / 1000, run.first_load.budget / 1000,
                 run.first_load.engine_measured ? "" : pick(opt.lang, " (moottori arvioitu)", " (spelmotorn uppskattad)", " (engine estimated)"));
    if (opt.lang == LANG_FI)
        fprintf(stderr, "pakopeli-lint: %d tiedostoa, %d virhettä, %d varoitusta%s (%.0f ms)%s\n", run.file_count,
                errors, warnings, load, ms, run.opt.no_text && !opt.no_text ? "; tekstien mahtumista ei tarkistettu" : "");
    else if (opt.lang == LANG_SV)
        fprintf(stderr, "pakopeli-lint: %d filer, %d fel, %d varningar%s (%.0f ms)%s\n", run.file_count, errors,
                warnings, load, ms, run.opt.no_text && !opt.no_text ? "; att texterna ryms kontrollerades inte" : "");
    else
        fprintf(stderr, "pakopeli-lint: %d files, %d errors, %d warnings%s (%.0f ms)%s\n", run.file_count, errors,
                warnings, load, ms, run.opt.no_text && !opt.no_text ? "; text fit not checked" : "");
    if (run.dropped_files)
        fprintf(stderr, "pakopeli-lint: %d files beyond %d were not checked\n", run.dropped_files, LINT_MAX_FILES);
    lint_shutdown(&run);
    lint_text_shutdown();
    return errors ? 1 : 0;
}
