/* The report server's CSV: reading what spreadsheets save, writing what Finnish Excel opens. */
#include "harness.h" /* first: its harness_read has a local named buf */
#include "../../game/server/buf.c"
#include "../../game/server/csv.c"

typedef struct rows {
    int count;
    int lines[8];
    char cells[8][4][64];
    int fields[8];
} rows;

static bool collect(void *user, int line, char **fields, int n, csv_error *err)
{
    (void)err;
    rows *r = user;
    if (r->count >= 8) return false;
    r->lines[r->count] = line;
    r->fields[r->count] = n;
    for (int i = 0; i < n && i < 4; i++) snprintf(r->cells[r->count][i], 64, "%s", fields[i]);
    r->count++;
    return true;
}

TEST(a_finnish_excel_file_with_bom_semicolons_and_crlf_is_read)
{
    const char *text = CSV_BOM "Nimi;Yksikkö\r\nAino Ääkkönen;Päivystys\r\n\r\n";
    rows r = {0};
    csv_error err;
    CHECK(csv_parse(text, strlen(text), collect, &r, &err));
    CHECK(r.count == 2);
    CHECK_STR(r.cells[0][0], "Nimi");
    CHECK_STR(r.cells[1][0], "Aino Ääkkönen");
    CHECK_STR(r.cells[1][1], "Päivystys");
    CHECK(r.lines[1] == 2);
}

TEST(commas_are_the_separator_when_the_first_line_has_more_of_them)
{
    const char *text = "name,unit,start\n\"Virtanen; Ville\",\"A \"\"quoted\"\" unit\",2025-01-01";
    rows r = {0};
    csv_error err;
    CHECK(csv_parse(text, strlen(text), collect, &r, &err));
    CHECK(r.count == 2 && r.fields[1] == 3);
    CHECK_STR(r.cells[1][0], "Virtanen; Ville");
    CHECK_STR(r.cells[1][1], "A \"quoted\" unit");
}

TEST(a_quoted_field_may_hold_a_newline_and_lines_are_still_counted)
{
    const char *text = "a;\"two\nlines\"\nb;c\n";
    rows r = {0};
    csv_error err;
    CHECK(csv_parse(text, strlen(text), collect, &r, &err));
    CHECK(r.count == 2);
    CHECK_STR(r.cells[0][1], "two\nlines");
    CHECK(r.lines[1] == 3);
}

TEST(an_unclosed_quote_is_an_error_with_its_line)
{
    const char *text = "a;b\nc;\"open\n";
    rows r = {0};
    csv_error err;
    CHECK(!csv_parse(text, strlen(text), collect, &r, &err));
    CHECK(err.line == 2);
    CHECK_CONTAINS(err.msg, "not closed");
}

TEST(too_many_fields_or_too_long_a_field_is_refused)
{
    char text[4096] = "";
    for (int i = 0; i < CSV_MAX_FIELDS + 1; i++) strcat(text, "x;");
    rows r = {0};
    csv_error err;
    CHECK(!csv_parse(text, strlen(text), collect, &r, &err));
    CHECK_CONTAINS(err.msg, "too many");
    char *big = malloc(CSV_FIELD_MAX + 10);
    memset(big, 'y', CSV_FIELD_MAX + 8);
    big[CSV_FIELD_MAX + 8] = '\0';
    CHECK(!csv_parse(big, strlen(big), collect, &r, &err));
    CHECK_CONTAINS(err.msg, "too long");
    free(big);
}

TEST(written_fields_are_quoted_when_needed_and_formulas_are_defused)
{
    buf b = {0};
    const char *row[] = {"plain", "a;b", "say \"hi\"", "=HYPERLINK(\"x\")", "-1", "@SUM", "Äö"};
    csv_row(&b, ';', row, 7);
    CHECK_STR(b.data, "plain;\"a;b\";\"say \"\"hi\"\"\";\"'=HYPERLINK(\"\"x\"\")\";\"'-1\";\"'@SUM\";Äö\r\n");
    buf_free(&b);
}

TEST(a_buffer_over_its_limit_fails_instead_of_growing)
{
    buf b = {.limit = 8};
    CHECK(buf_puts(&b, "12345"));
    CHECK(!buf_puts(&b, "67890"));
    CHECK(b.failed);
    size_t n;
    CHECK(buf_take(&b, &n) == NULL);
}

int main(void)
{
    RUN(a_finnish_excel_file_with_bom_semicolons_and_crlf_is_read);
    RUN(commas_are_the_separator_when_the_first_line_has_more_of_them);
    RUN(a_quoted_field_may_hold_a_newline_and_lines_are_still_counted);
    RUN(an_unclosed_quote_is_an_error_with_its_line);
    RUN(too_many_fields_or_too_long_a_field_is_refused);
    RUN(written_fields_are_quoted_when_needed_and_formulas_are_defused);
    RUN(a_buffer_over_its_limit_fails_instead_of_growing);
    return harness_done();
}
