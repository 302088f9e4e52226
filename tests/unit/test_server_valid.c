/* The report server's input checks and its settings. */
#define _GNU_SOURCE /* mkdtemp, for the levels test */
#include <sys/stat.h>

#include "harness.h"
#include "../../game/server/cfg.c"
#include "../../game/server/valid.c"

TEST(names_with_finnish_letters_apostrophes_and_markup_are_text)
{
    CHECK(valid_text("Äijälä-O'Brien", 200, false));
    CHECK(valid_text("<script>alert(1)</script>", 200, false));
    CHECK(valid_text("Ελένη Παπαδοπούλου", 200, false));
}

TEST(control_characters_bidi_overrides_and_invalid_utf8_are_refused)
{
    CHECK(!valid_text("tab\there", 200, false));
    CHECK(valid_text("tab\there\nand a newline", 200, true));
    CHECK(!valid_text("nul\x01", 200, false));
    CHECK(!valid_text("rtl \xE2\x80\xAE" "evil", 200, false));
    CHECK(!valid_text("\xC3\x28", 200, false));         /* broken sequence */
    CHECK(!valid_text("\xC0\xAF", 200, false));         /* overlong "/" */
    CHECK(!valid_text("\xED\xA0\x80", 200, false));     /* a surrogate */
    CHECK(!valid_text("   ", 200, false));
    CHECK(!valid_text("", 200, false));
    CHECK(!valid_text("toolong", 3, false));
}

TEST(dates_must_exist_on_the_calendar)
{
    CHECK(valid_date("2025-03-01"));
    CHECK(valid_date("2024-02-29"));
    CHECK(!valid_date("2025-02-29"));
    CHECK(!valid_date("2025-13-01"));
    CHECK(!valid_date("1.3.2025"));
    CHECK(!valid_date("2025-3-1"));
    CHECK(!valid_date("' OR 1=1"));
}

TEST(keys_and_emails_are_checked_by_their_own_rules)
{
    CHECK(valid_key("abc123:7", 80));
    CHECK(!valid_key("a b", 80));
    CHECK(!valid_key("'; DROP", 80));
    CHECK(!valid_key("", 80));
    CHECK(!valid_key("abcd", 3));
    CHECK(valid_email("maija.meikalainen@hyvinvointialue.fi"));
    CHECK(!valid_email("no at sign"));
    CHECK(!valid_email("a@b"));
    CHECK(!valid_email("a@@b.fi"));
    CHECK(!valid_email("<a@b.fi>"));
}

TEST(folding_lower_cases_finnish_letters_for_search)
{
    char out[64];
    valid_fold("ÄIJÄLÄ Örjan ÅSA", out, sizeof out);
    CHECK_STR(out, "äijälä örjan åsa");
    valid_fold("ÄÄ", out, 4); /* never ends inside a letter */
    CHECK_STR(out, "ä");
}

TEST(trimming_removes_outer_spaces_only)
{
    char s[] = "  Aino  Ääkkönen \t";
    CHECK(valid_trim(s) == strlen("Aino  Ääkkönen"));
    CHECK_STR(s, "Aino  Ääkkönen");
}

TEST(a_settings_file_typo_is_an_error_with_a_suggestion)
{
    cfg c;
    cfg_defaults(&c);
    char err[256];
    CHECK(!cfg_set(&c, "retention_dys", "30", err, sizeof err));
    CHECK_CONTAINS(err, "retention_days");
    CHECK(!cfg_set(&c, "port", "70000", err, sizeof err));
    CHECK_CONTAINS(err, "port");
    CHECK(!cfg_set(&c, "anonymous", "maybe", err, sizeof err));
    CHECK(cfg_set(&c, "anonymous", "yes", err, sizeof err) && c.anonymous);
    CHECK(cfg_set(&c, "cookie_secure", "always", err, sizeof err) && c.cookie_secure == CFG_SECURE_ALWAYS);
}

/* A first start with data, web and hr only: the plain content beside the server (the install's
   /opt/pakopeli/levels), else beside the web folder; never the web build's sealed web/levels. */
TEST(an_unset_levels_is_the_plain_content_beside_the_server_or_the_web_folder)
{
    char root[] = "/tmp/pk-levels-XXXXXX", path[256];
    CHECK(mkdtemp(root) != NULL);
    const char *const dirs[] = {"bin", "site", "site/web", "site/web/levels", "site/levels", "bin/levels"};
    for (int i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        CHECK(mkdir(path, 0700) == 0);
    }
    snprintf(path, sizeof path, "%s/site/web/levels/game.json", root); /* the sealed copy: never taken */
    FILE *f = fopen(path, "w");
    if (f) fclose(f);
    char bin[128], web[128];
    snprintf(bin, sizeof bin, "%s/bin", root);
    snprintf(web, sizeof web, "%s/site/web/", root);
    cfg c;
    cfg_defaults(&c);
    snprintf(c.web, sizeof c.web, "%s", web);
    cfg_find_levels(&c, bin); /* nothing has a game.json: the server's neighbour, to be named as missing */
    snprintf(path, sizeof path, "%s/bin/levels", root);
    CHECK_STR(c.levels, path);
    snprintf(path, sizeof path, "%s/site/levels/game.json", root);
    f = fopen(path, "w");
    if (f) fclose(f);
    c.levels[0] = '\0';
    cfg_find_levels(&c, bin); /* beside the web folder */
    snprintf(path, sizeof path, "%s/site/levels", root);
    CHECK_STR(c.levels, path);
    snprintf(path, sizeof path, "%s/bin/levels/game.json", root);
    f = fopen(path, "w");
    if (f) fclose(f);
    c.levels[0] = '\0';
    cfg_find_levels(&c, bin); /* beside the server first */
    snprintf(path, sizeof path, "%s/bin/levels", root);
    CHECK_STR(c.levels, path);
    snprintf(c.levels, sizeof c.levels, "/srv/content");
    cfg_find_levels(&c, bin); /* a setting stays */
    CHECK_STR(c.levels, "/srv/content");
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", root);
    CHECK(system(cmd) == 0);
}

TEST(a_settings_file_is_read_with_comments_and_quotes)
{
    const char *path = "build/tests/test_server_valid.conf";
    FILE *f = fopen(path, "w");
    if (!f) {
        CHECK(!"cannot write the settings file (run from the repo root)");
        return;
    }
    fputs("# Pakopeli\nport = 9000\norg = \"Hyvinvointialue X\"\n\nretention_days=90\n", f);
    fclose(f);
    cfg c;
    cfg_defaults(&c);
    char err[256];
    CHECK(cfg_load_file(&c, path, err, sizeof err));
    CHECK(c.port == 9000 && c.retention_days == 90);
    CHECK_STR(c.org, "Hyvinvointialue X");
    cfg_finish(&c);
    CHECK_STR(c.levels, ""); /* found at the start (cfg_find_levels), never the sealed build/web/levels */
    f = fopen(path, "w");
    fputs("port = 1\nprot = 2\n", f);
    fclose(f);
    CHECK(!cfg_load_file(&c, path, err, sizeof err));
    CHECK_CONTAINS(err, ":2: unknown setting");
    remove(path);
}

TEST(the_client_behind_a_trusted_proxy_is_the_rightmost_untrusted_forwarded_address)
{
    char ip[64] = "keep";
    CHECK(valid_forwarded_client("203.0.113.9", "127.0.0.1", ip, sizeof ip));
    CHECK_STR(ip, "203.0.113.9");
    /* what the client wrote in front counts for nothing; a second trusted proxy is skipped */
    CHECK(valid_forwarded_client("1.2.3.4, 198.51.100.7 ,10.0.0.2", "127.0.0.1, 10.0.0.2", ip, sizeof ip));
    CHECK_STR(ip, "198.51.100.7");
    CHECK(valid_forwarded_client("2001:DB8::1", "", ip, sizeof ip));
    CHECK_STR(ip, "2001:db8::1");
    snprintf(ip, sizeof ip, "keep");
    CHECK(!valid_forwarded_client("1.2.3.4, proxy.example", "127.0.0.1", ip, sizeof ip));
    CHECK(!valid_forwarded_client("", "127.0.0.1", ip, sizeof ip));
    CHECK(!valid_forwarded_client("1.2.3.4,", "127.0.0.1", ip, sizeof ip));
    CHECK(!valid_forwarded_client("127.0.0.1", "127.0.0.1", ip, sizeof ip));
    CHECK_STR(ip, "keep");
}

TEST(room_minimums_and_trusted_proxies_are_checked_settings)
{
    cfg c;
    cfg_defaults(&c);
    char err[256];
    CHECK(cfg_room_min_seconds(&c, "outlook") == 20);
    CHECK(cfg_set(&c, "min_room_seconds", "30 outlook=60, teams=0", err, sizeof err));
    CHECK(cfg_room_min_seconds(&c, "outlook") == 60 && cfg_room_min_seconds(&c, "teams") == 0 &&
          cfg_room_min_seconds(&c, "intranet") == 30);
    CHECK(!cfg_set(&c, "min_room_seconds", "30 40", err, sizeof err));
    CHECK(!cfg_set(&c, "min_room_seconds", "outlook=-1", err, sizeof err));
    CHECK(!cfg_set(&c, "min_room_seconds", "=5", err, sizeof err));
    CHECK(cfg_room_min_seconds(&c, "outlook") == 60); /* a refused value changes nothing */
    CHECK(cfg_set(&c, "trusted_proxies", "127.0.0.1, ::1", err, sizeof err));
    CHECK(!cfg_set(&c, "trusted_proxies", "10.0.0.0/8", err, sizeof err));
    CHECK_CONTAINS(err, "not an IP address");
    CHECK(!cfg_set(&c, "trusted_proxies", "::0001", err, sizeof err)); /* not in its usual form */
}

/* /levels/r/N/NAME: the release a game in progress began on, as its manifest said it. Only
   that shape; anything else is Not found (srv.c), never the current release's file. */
TEST(a_release_path_is_a_number_from_one_as_written_then_a_slash)
{
    static const struct {
        const char *path;
        long long release;
        const char *name;
    } ok[] = {{"1/game.json", 1, "game.json"}, {"12/outlook.json", 12, "outlook.json"},
              {"3/comics/digituki.json", 3, "comics/digituki.json"}, {"5/", 5, ""},
              {"9007199254740991/game.json", 9007199254740991LL, "game.json"}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int64_t release = -1;
        const char *name = NULL;
        CHECK(valid_release_path(ok[i].path, 9007199254740991LL, &release, &name));
        CHECK(release == ok[i].release);
        CHECK_STR(name, ok[i].name);
    }
    static const char *const bad[] = {"", "/game.json", "0/game.json", "01/game.json", "-1/game.json", "+1/game.json",
                                      " 1/game.json", "1", "1game.json", "1.0/game.json", "1e3/game.json", "x/game.json",
                                      "9007199254740992/game.json", "99999999999999999999/game.json",
                                      "9223372036854775808/game.json", "18446744073709551617/game.json"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t release = -1;
        const char *name = NULL;
        CHECK(!valid_release_path(bad[i], 9007199254740991LL, &release, &name));
        CHECK(release == -1 && name == NULL); /* left as they were */
    }
    int64_t release = -1;
    const char *name = NULL;
    CHECK(!valid_release_path("8/game.json", 7, &release, &name)); /* past the bound given */
}

int main(void)
{
    RUN(names_with_finnish_letters_apostrophes_and_markup_are_text);
    RUN(control_characters_bidi_overrides_and_invalid_utf8_are_refused);
    RUN(dates_must_exist_on_the_calendar);
    RUN(keys_and_emails_are_checked_by_their_own_rules);
    RUN(folding_lower_cases_finnish_letters_for_search);
    RUN(trimming_removes_outer_spaces_only);
    RUN(a_settings_file_typo_is_an_error_with_a_suggestion);
    RUN(a_settings_file_is_read_with_comments_and_quotes);
    RUN(an_unset_levels_is_the_plain_content_beside_the_server_or_the_web_folder);
    RUN(the_client_behind_a_trusted_proxy_is_the_rightmost_untrusted_forwarded_address);
    RUN(room_minimums_and_trusted_proxies_are_checked_settings);
    RUN(a_release_path_is_a_number_from_one_as_written_then_a_slash);
    return harness_done();
}
