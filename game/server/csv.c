#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool fail(csv_error *err, int line, const char *msg)
{
    err->line = line;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    return false;
}

/* The separator of the first line: the more common of ';' and ',' outside quotes. */
static char detect_sep(const char *p, const char *end)
{
    int semi = 0, comma = 0;
    bool quoted = false;
    for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
        if (*p == '"') quoted = !quoted;
        else if (!quoted && *p == ';') semi++;
        else if (!quoted && *p == ',') comma++;
    }
    return comma > semi ? ',' : ';';
}

bool csv_parse(const char *text, size_t len, csv_row_fn fn, void *user, csv_error *err)
{
    const char *p = text, *end = text + len;
    err->line = 0;
    err->msg[0] = '\0';
    if (len >= 3 && memcmp(p, CSV_BOM, 3) == 0) p += 3;
    char sep = detect_sep(p, end);

    char *store = malloc((size_t)CSV_MAX_FIELDS * CSV_FIELD_MAX);
    if (!store) return fail(err, 0, "out of memory");
    char *fields[CSV_MAX_FIELDS];
    for (int i = 0; i < CSV_MAX_FIELDS; i++) fields[i] = store + (size_t)i * CSV_FIELD_MAX;

    bool ok = true;
    int line = 1;
    while (p < end && ok) {
        int start_line = line, n = 0;
        size_t flen = 0;
        bool quoted = false, was_quoted = false, record_done = false, blank = true;
        while (!record_done) {
            char c = p < end ? *p : '\n'; /* a last line without a newline ends like one */
            bool at_end = p >= end;
            if (quoted) {
                if (at_end) {
                    ok = fail(err, start_line, "a quoted field is not closed (missing \")");
                    break;
                }
                if (c == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        p++;
                    } else {
                        quoted = false;
                        p++;
                        continue;
                    }
                } else if (c == '\n') {
                    line++;
                }
            } else if (c == '"' && flen == 0 && !was_quoted) {
                quoted = was_quoted = true;
                blank = false;
                p++;
                continue;
            } else if (c == sep || c == '\n' || c == '\r') {
                if (n >= CSV_MAX_FIELDS) {
                    ok = fail(err, start_line, "too many fields");
                    break;
                }
                fields[n][flen] = '\0';
                n++;
                flen = 0;
                was_quoted = false;
                if (c == sep) {
                    blank = false;
                    p++;
                    continue;
                }
                if (c == '\r' && p + 1 < end && p[1] == '\n') p++;
                if (!at_end) p++;
                line++;
                record_done = true;
                continue;
            } else if (was_quoted) {
                ok = fail(err, start_line, "text after a closing quote");
                break;
            }
            if (flen + 1 >= CSV_FIELD_MAX) {
                ok = fail(err, start_line, "a field is too long");
                break;
            }
            if (n >= CSV_MAX_FIELDS) {
                ok = fail(err, start_line, "too many fields");
                break;
            }
            fields[n][flen++] = c;
            if (c != ' ' && c != '\t') blank = false;
            p++;
        }
        if (!ok) break;
        if (blank && n <= 1) continue; /* an empty line */
        if (!fn(user, start_line, fields, n, err)) {
            ok = false;
            if (!err->msg[0]) fail(err, start_line, "stopped");
        }
    }
    free(store);
    return ok;
}

static void field(buf *b, const char *s, char sep)
{
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                   s[0] == '\r';
    bool quote = formula || strchr(s, sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
    if (!quote) {
        buf_puts(b, s);
        return;
    }
    buf_puts(b, "\"");
    if (formula) buf_puts(b, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"') buf_puts(b, "\"\"");
        else buf_append(b, p, 1);
    }
    buf_puts(b, "\"");
}

void csv_row(buf *b, char sep, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++) {
        if (i) buf_append(b, &sep, 1);
        field(b, fields[i] ? fields[i] : "", sep);
    }
    buf_puts(b, "\r\n");
}
