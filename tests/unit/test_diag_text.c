/* test_diag_text.c - a diagnostic in the reader's language (game/core/diag_text.c): the game's
 * error screen showed the loader's English to a Finnish player; it says it in fi, sv and en. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../../game/core/diag_text.h"
#include "../../game/core/level.h"

static diag missing_fi(void)
{
    diag_list l = {0};
    diag_add(&l, DIAG_ERROR, DIAG_TRANSLATION, "levels/hub.json", 3, 11, "title", "the Finnish text \"fi\" is missing");
    return l.items[0];
}

TEST(a_missing_finnish_text_reads_in_finnish_swedish_and_english)
{
    diag d = missing_fi();
    char line[600];
    diag_format_lang(&d, LANG_FI, line, sizeof line);
    CHECK_STR(line, "levels/hub.json:3:11: virhe: title: suomenkielinen teksti \"fi\" puuttuu");
    diag_format_lang(&d, LANG_SV, line, sizeof line);
    CHECK_STR(line, "levels/hub.json:3:11: fel: title: den finska texten \"fi\" saknas");
    diag_format_lang(&d, LANG_EN, line, sizeof line);
    CHECK_STR(line, "levels/hub.json:3:11: error: title: the Finnish text \"fi\" is missing");
}

TEST(captured_words_are_translated_too)
{
    char out[300];
    diag_translate(DIAG_TRANSLATION, "the Swedish text \"sv\" is missing", LANG_SV, out, sizeof out);
    CHECK_STR(out, "den svenska texten \"sv\" saknas");
    diag_translate(DIAG_UNKNOWN_FIELD, "unknown field 'titel' (did you mean 'title'?)", LANG_FI, out, sizeof out);
    CHECK_STR(out, "tuntematon kenttä 'titel' (tarkoititko 'title'?)");
}

TEST(a_message_not_yet_translated_keeps_its_words_behind_the_kind_of_problem)
{
    char out[300];
    diag_translate(DIAG_BAD_VALUE, "something new", LANG_SV, out, sizeof out);
    CHECK_STR(out, "ogiltigt värde (på engelska): something new");
    diag_translate(DIAG_BAD_VALUE, "something new", LANG_FI, out, sizeof out);
    CHECK_STR(out, "virheellinen arvo (englanniksi): something new");
}

TEST(a_real_loader_error_reads_in_swedish)
{
    static const char text[] = "{\"id\": \"x\", \"titel\": \"X\"}";
    level_room room;
    diag_list l = {0};
    CHECK(!level_load_room(&room, "levels/x.json", text, sizeof text - 1, &l));
    CHECK(l.count > 0);
    char line[600];
    int found = 0;
    for (int i = 0; i < l.count; i++) {
        diag_format_lang(&l.items[i], LANG_SV, line, sizeof line);
        if (strstr(line, "okänt fält 'titel' (menade du 'title'?)")) found = 1;
    }
    CHECK(found);
}

/* A volunteer using the Swedish studio reads every problem in Swedish: no message of the table
   may lack a language (it would show in English behind "(på engelska)"), and no translation may
   drop or invent a part of what it puts back (an id, a number). */
TEST(every_known_message_has_finnish_and_swedish)
{
    char problem[600] = "";
    bool ok = diag_text_check(problem, sizeof problem);
    if (!ok) fprintf(stderr, "diag_text.c: %s\n", problem);
    CHECK(ok);
}

TEST(a_nested_reason_and_its_captured_words_read_in_swedish)
{
    char out[600];
    diag_translate(DIAG_UNSOLVABLE, "a player gets stuck at this puzzle: puzzle 'ovi' can never be opened: it requires the item 'avain', which a player can never get",
                   LANG_SV, out, sizeof out);
    CHECK_STR(out, "spelaren fastnar vid den här uppgiften: uppgiften 'ovi' kan aldrig öppnas: den kräver föremålet 'avain', som spelaren aldrig kan få");
    diag_translate(DIAG_OVERFLOW, "at 150 % text the Swedish title needs more than two lines in the top bar of a phone held upright (room for 300 px): shorten it",
                   LANG_SV, out, sizeof out);
    CHECK_STR(out, "med 150 % textstorlek behöver den svenska rubriken mer än två rader i det övre fältet på en telefon som hålls upprätt (plats för 300 px): korta den");
}

/* The web game fetches the book as JSON (pakopeli-lint --phrases) instead of carrying it: the
   book read back says every message as the built-in one does. */
TEST(the_phrasebook_as_json_translates_as_the_built_in_one)
{
    diag_phrasebook builtin, read;
    diag_phrasebook_builtin(&builtin);
    char *json = diag_phrasebook_json(&builtin);
    CHECK(json != NULL);
    CHECK(diag_phrasebook_parse(&read, json, strlen(json)));
    CHECK(read.pattern_count == builtin.pattern_count && read.word_count == builtin.word_count);
    for (int i = 0; i < builtin.pattern_count; i++) {
        CHECK_STR(read.patterns[i].en, builtin.patterns[i].en);
        CHECK((read.patterns[i].sv == NULL) == (builtin.patterns[i].sv == NULL));
    }
    static const char *const en[] = {"the Swedish text \"sv\" is missing", "unknown field 'titel' (did you mean 'title'?)",
                                     "something new"};
    for (size_t k = 0; k < sizeof en / sizeof en[0]; k++) {
        diag_list l = {0};
        diag_add(&l, DIAG_ERROR, DIAG_UNKNOWN_FIELD, "levels/x.json", 2, 3, "titel", "%s", en[k]);
        for (int lang = 0; lang < LANG_COUNT; lang++) {
            char a[600], b[600];
            diag_format_lang(&l.items[0], (i18n_lang)lang, a, sizeof a);
            diag_format_in(&read, &l.items[0], (i18n_lang)lang, b, sizeof b);
            CHECK_STR(b, a);
        }
    }
    diag_list l = {0};
    diag_add(&l, DIAG_ERROR, DIAG_TRANSLATION, "levels/hub.json", 3, 11, "title", "the Finnish text \"fi\" is missing");
    char line[600];
    diag_format_in(&read, &l.items[0], LANG_FI, line, sizeof line);
    CHECK_STR(line, "levels/hub.json:3:11: virhe: title: suomenkielinen teksti \"fi\" puuttuu");
    diag_phrasebook_free(&read);
    free(json);
    /* not a book: an empty one, which says the English behind the kind of problem */
    /* nor one whose translation puts back a capture its pattern does not make, or misses one */
    static const char *const bad[] = {"{\"patterns\": [[1]], \"words\": []}", "{\"patterns\": []}", "not json",
                                      "{\"patterns\": [[\"% and %\", \"%1 ja %3\", null]], \"words\": []}",
                                      "{\"patterns\": [[\"% and %\", null, \"%1\"]], \"words\": []}",
                                      "{\"patterns\": [[\"%a%b%c%d%e%f%g%h%i%j\", \"%1\", null]], \"words\": []}"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) CHECK(!diag_phrasebook_parse(&read, bad[k], strlen(bad[k])));
    diag_format_in(&read, &l.items[0], LANG_FI, line, sizeof line);
    CHECK_STR(line, "levels/hub.json:3:11: virhe: title: käännös (englanniksi): the Finnish text \"fi\" is missing");
    diag_phrasebook_free(&read);
}

int main(void)
{
    RUN(a_missing_finnish_text_reads_in_finnish_swedish_and_english);
    RUN(captured_words_are_translated_too);
    RUN(a_message_not_yet_translated_keeps_its_words_behind_the_kind_of_problem);
    RUN(a_real_loader_error_reads_in_swedish);
    RUN(every_known_message_has_finnish_and_swedish);
    RUN(a_nested_reason_and_its_captured_words_read_in_swedish);
    RUN(the_phrasebook_as_json_translates_as_the_built_in_one);
    return harness_done();
}
