/* HR's invitation-list import: the CSV reader on any bytes, its fields checked as the import
   checks them. Every field handed out is NUL-terminated, within the field limit. */
#include <string.h>

#include "../../game/server/csv.h"
#include "../../game/server/valid.h"
#include "fuzz.h"

static bool on_row(void *user, int line, char **fields, int n, csv_error *err)
{
    (void)err;
    int *rows = user;
    FUZZ_ASSERT(line >= 1 && n >= 1 && n <= CSV_MAX_FIELDS);
    for (int i = 0; i < n; i++) {
        FUZZ_ASSERT(strlen(fields[i]) <= CSV_FIELD_MAX);
        char copy[CSV_FIELD_MAX + 1];
        snprintf(copy, sizeof copy, "%s", fields[i]);
        valid_trim(copy);
        (void)valid_text(copy, 200, false);
        (void)valid_email(copy);
        (void)valid_date(copy);
    }
    return ++*rows < 100000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int rows = 0;
    csv_error err;
    memset(&err, 0, sizeof err);
    if (!csv_parse((const char *)data, size, on_row, &rows, &err))
        FUZZ_ASSERT(memchr(err.msg, '\0', sizeof err.msg) != NULL);
    return 0;
}
