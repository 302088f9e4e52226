/* The server's text and settings checks against what an audit typed in (issue 15). */
#define _GNU_SOURCE /* mkstemp, setenv: this test writes files and sets the environment */
#include <unistd.h>

#include "../../game/server/cfg.c"
#include "../../game/server/valid.c"
#include "harness.h"

/* Writes text to a fresh temporary file and loads it as settings. */
static bool load_settings(cfg *c, const char *text, char *err, size_t cap)
{
    char path[] = "/tmp/pakopeli-cfg-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return false;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    cfg_defaults(c);
    bool ok = cfg_load_file(c, path, err, cap);
    unlink(path);
    return ok;
}

TEST(the_settings_example_in_operating_md_loads_as_written)
{
    size_t len;
    char *doc = harness_read("docs/operating.md", &len);
    char *start = strstr(doc, "```ini\n# /etc/pakopeli.conf\n");
    CHECK(start != NULL);
    if (!start) return;
    start += strlen("```ini\n");
    char *end = strstr(start, "```");
    *end = '\0';
    cfg c;
    char err[512] = "";
    CHECK(load_settings(&c, start, err, sizeof err));
    if (err[0]) fprintf(stderr, "  %s\n", err);
    CHECK_STR(c.address, "127.0.0.1");
    CHECK(c.port == 8080); /* not "not a whole number" */
    CHECK_STR(c.org, "Hyvinvointialue X");
    CHECK_STR(c.data, "/var/lib/pakopeli"); /* the comment is not swallowed into the text */
    CHECK(!strchr(c.web, '#') && !strchr(c.hr, '#') && !strchr(c.levels, '#'));
    free(doc);
}

TEST(text_after_a_quoted_setting_is_refused_with_its_line)
{
    cfg c;
    char err[512];
    CHECK(!load_settings(&c, "port = 1\norg = \"X\" Y\n", err, sizeof err));
    CHECK_CONTAINS(err, ":2: org: text after the quoted value");
    CHECK(load_settings(&c, "org = \"Ward #5\"   # the # inside quotes is text\n", err, sizeof err));
    CHECK_STR(c.org, "Ward #5");
}

TEST(the_test_clock_is_refused_outside_the_tests)
{
    cfg c;
    char err[512];
    unsetenv("PAKOPELI_TEST_CLOCK");
    CHECK(!load_settings(&c, "clock_offset = 86400\n", err, sizeof err));
    CHECK_CONTAINS(err, "clock_offset is for the tests only");
    setenv("PAKOPELI_TEST_CLOCK", "1", 1);
    CHECK(load_settings(&c, "clock_offset = 86400\n", err, sizeof err));
    CHECK(c.clock_offset_s == 86400);
    unsetenv("PAKOPELI_TEST_CLOCK");
}

TEST(direction_marks_and_line_separators_are_refused_in_names)
{
    CHECK(valid_text("Aino Kallio", 200, false));
    CHECK(!valid_text("Aino\xe2\x80\x8f Kallio", 200, false));    /* U+200F right-to-left mark */
    CHECK(!valid_text("Aino\xe2\x80\x8e Kallio", 200, false));    /* U+200E left-to-right mark */
    CHECK(!valid_text("Aino\xd8\x9c Kallio", 200, false));        /* U+061C Arabic letter mark */
    CHECK(!valid_text("Aino\xe2\x80\xa8Kallio", 200, false));     /* U+2028 line separator */
    CHECK(!valid_text("Aino\xe2\x80\xa9Kallio", 2000, true));     /* U+2029 even in a comment */
    CHECK(!valid_text("Aino\xe2\x80\xaeKallio", 200, false));     /* U+202E, as before */
    CHECK(valid_text("Väinö – Öhman", 200, false));               /* a dash is text, not a mark */
}

int main(void)
{
    RUN(direction_marks_and_line_separators_are_refused_in_names);
    RUN(the_settings_example_in_operating_md_loads_as_written);
    RUN(text_after_a_quoted_setting_is_refused_with_its_line);
    RUN(the_test_clock_is_refused_outside_the_tests);
    return harness_done();
}
