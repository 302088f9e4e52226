/* jsonx.h - defensive reading of untrusted JSON into our own structs, with exact error places.
 *
 * cJSON does not remember where a node was in the text, so a reader keeps the raw text
 * and the JSON path of what it is reading; jx_locate() walks the raw text along that path
 * to give every diagnostic a line and column. Loaders copy what they need and free the
 * cJSON tree at once (STYLE.md 10).
 *
 *   jx_reader r = jx_reader_make("levels/outlook.json", text, len, &diags);
 *   cJSON *root = jx_parse(&r);                // NULL after a syntax error (reported)
 *   size_t m = jx_push_key(&r, "puzzles");     // path is now "puzzles"
 *   ...  jx_pop(&r, m);
 *   cJSON_Delete(root);
 */
#ifndef PK_JSONX_H
#define PK_JSONX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "diag.h"

typedef struct jx_reader {
    const char *file;          /* shown in diagnostics */
    const char *text;          /* the raw JSON, not owned */
    size_t len;
    diag_list *diags;          /* where problems go, owned by the caller */
    char path[DIAG_PATH_MAX];  /* current JSON path, "" at the root */
    size_t path_len;
    /* At most this many diagnostics are located and kept (0: DIAG_MAX); the rest are only
       counted. Each jx_locate is one linear pass over the text, so a reader costs at most
       `limit` passes however many problems the text has. The report server sets a small
       limit: a request with 25,000 unknown fields is refused after the first few. */
    int limit;
    int reported;              /* diagnostics reported through this reader */
} jx_reader;

jx_reader jx_reader_make(const char *file, const char *text, size_t len, diag_list *diags);

/* Parses the whole text; reports a syntax error with line and column and returns NULL.
   A NUL byte anywhere in the text, or a \u0000 escape in a string, is refused too: cJSON
   would silently cut the string there ("small\u0000../x" would load as "small").
   The caller frees the result with cJSON_Delete. */
cJSON *jx_parse(jx_reader *r);

/* Path stack: push returns a mark that jx_pop restores. */
size_t jx_push_key(jx_reader *r, const char *key);
size_t jx_push_index(jx_reader *r, int index);
void jx_pop(jx_reader *r, size_t mark);

/* Reports a problem at the current path (or at path + "." + key when key is not NULL).
   Always returns false so loaders can `return jx_error(...)`. */
bool jx_error(jx_reader *r, const char *key, diag_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
bool jx_warning(jx_reader *r, const char *key, diag_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Typed field access on an object. Absent optional fields leave *out untouched and return
   true; absent required fields and wrong types are reported and return false. */
bool jx_get_string(jx_reader *r, const cJSON *obj, const char *key, bool required, const char **out);
bool jx_get_int(jx_reader *r, const cJSON *obj, const char *key, bool required, int min, int max,
                int *out);
/* The same for a number too big for int; min and max within +-(2^53 - 1), where a JSON number
   (a double) is still a whole number exactly. */
bool jx_get_int64(jx_reader *r, const cJSON *obj, const char *key, bool required, int64_t min, int64_t max,
                  int64_t *out);
bool jx_get_bool(jx_reader *r, const cJSON *obj, const char *key, bool required, bool *out);
bool jx_get_array(jx_reader *r, const cJSON *obj, const char *key, bool required, const cJSON **out);
bool jx_get_object(jx_reader *r, const cJSON *obj, const char *key, bool required,
                   const cJSON **out);

/* Reports every field of obj not in the NULL-terminated allowed list, with a
   "did you mean" when a known field is close. "$schema" and fields starting with "_"
   (authors' comments) are always allowed. Returns true when all fields are known.
   Stops early (still returning false) once the reader's limit of diagnostics is reached. */
bool jx_check_fields(jx_reader *r, const cJSON *obj, const char *const *allowed);

/* Finds where the value at `path` starts in text; when the path does not exist, the
   deepest existing parent. Line and column are 1-based, column counts characters. */
void jx_locate(const char *text, size_t len, const char *path, int *line, int *column);

/* True once the reader has reported as many diagnostics as it locates (see limit). */
bool jx_full(const jx_reader *r);

/* The closest of the NULL-terminated candidates within edit distance 2, or NULL. */
const char *jx_suggest(const char *word, const char *const *candidates);

#endif
