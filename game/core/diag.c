#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy_str(char *dst, size_t cap, const char *src)
{
    if (!src) src = "";
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

bool diag_add(diag_list *list, diag_severity sev, diag_code code, const char *file, int line,
              int column, const char *path, const char *fmt, ...)
{
    if (sev == DIAG_ERROR) list->errors++;
    else list->warnings++;
    if (list->count >= DIAG_MAX) {
        list->dropped++;
        return false;
    }
    diag *d = &list->items[list->count++];
    d->code = code;
    d->severity = sev;
    d->line = line;
    d->column = column;
    copy_str(d->file, sizeof d->file, file);
    copy_str(d->path, sizeof d->path, path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return false;
}

void diag_format(const diag *d, char *out, size_t cap)
{
    const char *sev = d->severity == DIAG_ERROR ? "error" : "warning";
    if (d->line > 0)
        snprintf(out, cap, "%s:%d:%d: %s: %s%s%s", d->file, d->line, d->column, sev, d->path,
                 d->path[0] ? ": " : "", d->msg);
    else
        snprintf(out, cap, "%s: %s: %s%s%s", d->file, sev, d->path, d->path[0] ? ": " : "", d->msg);
}

const char *diag_code_name(diag_code code)
{
    static const char *const names[] = {
        "ok", "io", "syntax", "type", "missing", "unknown-field", "bad-value", "duplicate-id",
        "unknown-ref", "translation", "too-many", "unsolvable", "asset", "overflow",
        "out-of-bounds", "unreachable",
        /* the linter's rules */
        "room-size", "hints", "lesson", "explain", "text-length", "decoy", "spoken-line", "plain-text",
        "requires-forward", "widget-hidden", "widget-unreachable", "no-door", "final-unreachable",
        "keypad", "first-load", "letter", "guessable", "comic-unreached", "lesson-echo",
    };
    _Static_assert(sizeof names / sizeof names[0] == DIAG_CODE_COUNT, "a name for every diag_code");
    if ((unsigned)code < sizeof names / sizeof names[0]) return names[code];
    return "unknown";
}
