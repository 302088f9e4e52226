/* csv.h - reading HR's invitation lists and writing exports that Finnish Excel opens.
 *
 * Reading accepts what spreadsheets save: an optional UTF-8 byte-order mark, ';' or ','
 * separators (whichever the first line uses more of outside quotes), quoted fields with ""
 * inside, CRLF or LF line ends, blank lines skipped.
 *
 * Writing makes what Finnish Excel expects when the file is double-clicked: UTF-8 with a
 * byte-order mark (without one Excel reads Windows-1252 and breaks ä and ö), ';' between
 * fields (',' is the decimal separator there), CRLF line ends. A text starting with = + - @
 * gets a leading apostrophe so Excel shows it instead of running it as a formula.
 *
 *   csv_error err;
 *   if (!csv_parse(text, len, on_row, &ctx, &err)) printf("line %d: %s", err.line, err.msg);
 */
#ifndef PK_CSV_H
#define PK_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum { CSV_MAX_FIELDS = 16, CSV_FIELD_MAX = 1024 };

#define CSV_BOM "\xEF\xBB\xBF"

typedef struct csv_error {
    int line;       /* 1-based line where the problem starts; 0 when not tied to a line */
    char msg[160];
} csv_error;

/* Called once per non-empty record with its fields (NUL-terminated, owned by the parser:
   copy what you keep). line is where the record starts. Return false to stop; the callback
   then fills err itself if it wants the parse to fail. */
typedef bool (*csv_row_fn)(void *user, int line, char **fields, int n, csv_error *err);

/* Parses text; false on malformed input (unclosed quote, too many or too long fields) or when
   the callback stopped. */
bool csv_parse(const char *text, size_t len, csv_row_fn fn, void *user, csv_error *err);

/* Appends one record of n fields and a CRLF. */
void csv_row(buf *b, char sep, const char *const *fields, int n);

#endif
