#include "jsonx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- locating a path in raw text ---------------------------------------------------------- */

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

/* p points at the opening quote; returns the position after the closing quote. */
static const char *skip_string(const char *p, const char *end)
{
    p++;
    while (p < end && *p != '"') p += (*p == '\\' && p + 1 < end) ? 2 : 1;
    return p < end ? p + 1 : end;
}

static const char *skip_value(const char *p, const char *end)
{
    p = skip_ws(p, end);
    if (p >= end) return end;
    if (*p == '"') return skip_string(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = skip_string(p, end);
                continue;
            }
            if (*p == '{' || *p == '[') depth++;
            else if (*p == '}' || *p == ']') {
                if (--depth == 0) return p + 1;
            }
            p++;
        }
        return end;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
           *p != '\r' && *p != '\t')
        p++;
    return p;
}

/* Finds member `key` (length klen) of the object at p; returns its value or NULL. */
static const char *find_member(const char *p, const char *end, const char *key, size_t klen)
{
    p = skip_ws(p, end);
    if (p >= end || *p != '{') return NULL;
    p++;
    for (;;) {
        p = skip_ws(p, end);
        if (p >= end || *p != '"') return NULL;
        const char *ks = p + 1;
        const char *ke = skip_string(p, end) - 1;
        p = skip_ws(ke + 1, end);
        if (p >= end || *p != ':') return NULL;
        p = skip_ws(p + 1, end);
        if ((size_t)(ke - ks) == klen && memcmp(ks, key, klen) == 0) return p;
        p = skip_ws(skip_value(p, end), end);
        if (p >= end || *p != ',') return NULL;
        p++;
    }
}

static const char *find_element(const char *p, const char *end, long index)
{
    p = skip_ws(p, end);
    if (p >= end || *p != '[') return NULL;
    p = skip_ws(p + 1, end);
    for (long i = 0;; i++) {
        if (p >= end || *p == ']') return NULL;
        if (i == index) return p;
        p = skip_ws(skip_value(p, end), end);
        if (p >= end || *p != ',') return NULL;
        p = skip_ws(p + 1, end);
    }
}

static void offset_to_line_col(const char *text, const char *at, int *line, int *column)
{
    int l = 1, c = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            c++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    *line = l;
    *column = c;
}

void jx_locate(const char *text, size_t len, const char *path, int *line, int *column)
{
    const char *end = text + len;
    const char *at = skip_ws(text, end);
    const char *s = path;
    while (*s) {
        const char *next = NULL;
        if (*s == '[') {
            char *stop;
            long idx = strtol(s + 1, &stop, 10);
            next = find_element(at, end, idx);
            s = (*stop == ']') ? stop + 1 : stop;
        } else {
            if (*s == '.') s++;
            size_t klen = strcspn(s, ".[");
            next = find_member(at, end, s, klen);
            s += klen;
        }
        if (!next) break; /* path ends here: point at the deepest parent that exists */
        at = next;
    }
    offset_to_line_col(text, at, line, column);
}

/* ---- reader ------------------------------------------------------------------------------- */

jx_reader jx_reader_make(const char *file, const char *text, size_t len, diag_list *diags)
{
    jx_reader r;
    memset(&r, 0, sizeof r);
    r.file = file;
    r.text = text;
    r.len = len;
    r.diags = diags;
    return r;
}

/* The first zero byte, or the backslash of a \u0000 escape inside a string, or NULL.
   One pass; outside strings JSON has no backslashes, so tracking quotes is enough. */
static const char *find_nul(const char *text, size_t len)
{
    const char *end = text + len;
    bool in_string = false;
    for (const char *p = text; p < end; p++) {
        if (*p == '\0') return p;
        if (*p == '"') in_string = !in_string;
        else if (in_string && *p == '\\' && p + 1 < end) {
            if (p[1] == 'u' && end - p >= 6 && memcmp(p + 2, "0000", 4) == 0) return p;
            p++; /* the escaped character, which may be a quote */
        }
    }
    return NULL;
}

cJSON *jx_parse(jx_reader *r)
{
    const char *nul = find_nul(r->text, r->len);
    if (nul) {
        int line, col;
        offset_to_line_col(r->text, nul, &line, &col);
        diag_add(r->diags, DIAG_ERROR, DIAG_BAD_VALUE, r->file, line, col, "",
                 "a NUL character (\\u0000 or a zero byte) is not allowed in the text");
        r->reported++;
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(r->text, r->len, &end, false);
    if (!root) {
        const char *at = end ? end : r->text;
        if (at < r->text || at > r->text + r->len) at = r->text;
        int line, col;
        offset_to_line_col(r->text, at, &line, &col);
        char near[24] = {0};
        size_t n = 0;
        for (const char *p = at; p < r->text + r->len && n < sizeof near - 1 && *p != '\n'; p++)
            near[n++] = *p;
        if (n == 0)
            diag_add(r->diags, DIAG_ERROR, DIAG_SYNTAX, r->file, line, col, "",
                     "JSON syntax error at the end of the file (a missing } or ] ?)");
        else
            diag_add(r->diags, DIAG_ERROR, DIAG_SYNTAX, r->file, line, col, "",
                     "JSON syntax error near '%s' (a missing comma, quote or bracket?)", near);
        return NULL;
    }
    const char *rest = skip_ws(end, r->text + r->len);
    if (rest < r->text + r->len) {
        int line, col;
        offset_to_line_col(r->text, rest, &line, &col);
        diag_add(r->diags, DIAG_ERROR, DIAG_SYNTAX, r->file, line, col, "",
                 "unexpected text after the end of the JSON document");
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

size_t jx_push_key(jx_reader *r, const char *key)
{
    size_t mark = r->path_len;
    int n = snprintf(r->path + r->path_len, sizeof r->path - r->path_len, "%s%s",
                     r->path_len ? "." : "", key);
    if (n > 0) r->path_len += (size_t)n;
    if (r->path_len >= sizeof r->path) r->path_len = sizeof r->path - 1;
    return mark;
}

size_t jx_push_index(jx_reader *r, int index)
{
    size_t mark = r->path_len;
    int n = snprintf(r->path + r->path_len, sizeof r->path - r->path_len, "[%d]", index);
    if (n > 0) r->path_len += (size_t)n;
    if (r->path_len >= sizeof r->path) r->path_len = sizeof r->path - 1;
    return mark;
}

void jx_pop(jx_reader *r, size_t mark)
{
    r->path_len = mark;
    r->path[mark] = '\0';
}

bool jx_full(const jx_reader *r)
{
    int limit = r->limit > 0 && r->limit < DIAG_MAX ? r->limit : DIAG_MAX;
    return r->reported >= limit || (r->diags && r->diags->count >= DIAG_MAX);
}

static void report(jx_reader *r, diag_severity sev, const char *key, diag_code code,
                   const char *fmt, va_list ap)
{
    if (jx_full(r)) {
        /* counted, not located: locating is a pass over the text, and nobody reads the rest */
        r->reported++;
        if (sev == DIAG_ERROR) r->diags->errors++;
        else r->diags->warnings++;
        r->diags->dropped++;
        return;
    }
    r->reported++;
    size_t mark = key ? jx_push_key(r, key) : r->path_len;
    int line, col;
    jx_locate(r->text, r->len, r->path, &line, &col);
    char msg[DIAG_MSG_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_add(r->diags, sev, code, r->file, line, col, r->path, "%s", msg);
    jx_pop(r, mark);
}

bool jx_error(jx_reader *r, const char *key, diag_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, DIAG_ERROR, key, code, fmt, ap);
    va_end(ap);
    return false;
}

bool jx_warning(jx_reader *r, const char *key, diag_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, DIAG_WARNING, key, code, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- typed fields ------------------------------------------------------------------------- */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a text";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "true/false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "a list [...]";
    if (cJSON_IsObject(v)) return "an object {...}";
    return "something else";
}

static const cJSON *field(jx_reader *r, const cJSON *obj, const char *key, bool required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v && required) jx_error(r, NULL, DIAG_MISSING, "required field '%s' is missing", key);
    return v;
}

bool jx_get_string(jx_reader *r, const cJSON *obj, const char *key, bool required, const char **out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsString(v))
        return jx_error(r, key, DIAG_TYPE, "should be a text in quotes, not %s", type_name(v));
    *out = v->valuestring;
    return true;
}

bool jx_get_int(jx_reader *r, const cJSON *obj, const char *key, bool required, int min, int max,
                int *out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsNumber(v))
        return jx_error(r, key, DIAG_TYPE, "should be a number, not %s", type_name(v));
    double d = v->valuedouble;
    /* the range first: casting inf, NaN or 1e300 to an integer is undefined behaviour */
    if (!(d >= min && d <= max) || d != (double)(long)d)
        return jx_error(r, key, DIAG_BAD_VALUE, "should be a whole number from %d to %d, not %g",
                        min, max, d);
    *out = (int)d;
    return true;
}

bool jx_get_int64(jx_reader *r, const cJSON *obj, const char *key, bool required, int64_t min, int64_t max,
                  int64_t *out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsNumber(v))
        return jx_error(r, key, DIAG_TYPE, "should be a number, not %s", type_name(v));
    double d = v->valuedouble;
    /* the range first (as jx_get_int): casting inf, NaN or 1e300 to an integer is undefined */
    if (!(d >= (double)min && d <= (double)max) || d != (double)(int64_t)d)
        return jx_error(r, key, DIAG_BAD_VALUE, "should be a whole number from %lld to %lld, not %.15g",
                        (long long)min, (long long)max, d);
    *out = (int64_t)d;
    return true;
}

bool jx_get_bool(jx_reader *r, const cJSON *obj, const char *key, bool required, bool *out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsBool(v))
        return jx_error(r, key, DIAG_TYPE, "should be true or false, not %s", type_name(v));
    *out = cJSON_IsTrue(v);
    return true;
}

bool jx_get_array(jx_reader *r, const cJSON *obj, const char *key, bool required, const cJSON **out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsArray(v))
        return jx_error(r, key, DIAG_TYPE, "should be a list [...], not %s", type_name(v));
    *out = v;
    return true;
}

bool jx_get_object(jx_reader *r, const cJSON *obj, const char *key, bool required,
                   const cJSON **out)
{
    const cJSON *v = field(r, obj, key, required);
    if (!v) return !required;
    if (!cJSON_IsObject(v))
        return jx_error(r, key, DIAG_TYPE, "should be an object {...}, not %s", type_name(v));
    *out = v;
    return true;
}

/* ---- unknown fields ----------------------------------------------------------------------- */

static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40) return 99;
    int prev[41], cur[41];
    for (size_t j = 0; j <= lb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int best = prev[j - 1] + cost;
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            cur[j] = best;
        }
        memcpy(prev, cur, sizeof prev);
    }
    return prev[lb];
}

const char *jx_suggest(const char *word, const char *const *candidates)
{
    const char *best = NULL;
    int best_d = 3;
    for (const char *const *c = candidates; *c; c++) {
        int d = edit_distance(word, *c);
        if (d < best_d) {
            best_d = d;
            best = *c;
        }
    }
    return best;
}

bool jx_check_fields(jx_reader *r, const cJSON *obj, const char *const *allowed)
{
    bool ok = true;
    for (const cJSON *f = obj ? obj->child : NULL; f; f = f->next) {
        const char *k = f->string;
        if (!k || k[0] == '_' || strcmp(k, "$schema") == 0) continue;
        bool known = false;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, k) == 0) known = true;
        if (known) continue;
        ok = false;
        if (jx_full(r)) {
            /* no suggestion, no locating: just count the rest once the reader is full */
            jx_error(r, k, DIAG_UNKNOWN_FIELD, "unknown field");
            if (r->limit > 0) break; /* the network: the first few say enough */
            continue;
        }
        const char *s = jx_suggest(k, allowed);
        if (s)
            jx_error(r, k, DIAG_UNKNOWN_FIELD, "unknown field '%s' (did you mean '%s'?)", k, s);
        else
            jx_error(r, k, DIAG_UNKNOWN_FIELD, "unknown field '%s'", k);
    }
    return ok;
}
