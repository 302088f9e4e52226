/* Loading comics: the first comic, reading order, and every kind of author error with its place.
   The layout (wrapping, fitting at every text size) needs SDL_ttf: tests/front/test_comic_layout.c. */
#include <stdio.h>

#include "../../game/core/comic.h"
#include "harness.h"

static bool load_text(comic *c, const char *text, diag_list *d)
{
    memset(d, 0, sizeof *d);
    return comic_load(c, "test.json", text, strlen(text), d);
}

/* A small valid comic with one page; PANELS and BUBBLE are spliced in by the tests. */
#define COMIC_HEAD                                                                              \
    "{\"id\":\"t\",\"title\":{\"fi\":\"T\",\"sv\":\"T\",\"en\":\"T\"},"                         \
    "\"characters\":[{\"id\":\"aino\",\"name\":\"Aino\"},{\"id\":\"eino\",\"name\":\"Eino\"}],"
#define PANEL(order, x, bubbles)                                                                \
    "{\"rect\":[" #x ",0,100,100]," order "\"image\":\"assets/comics/a.svg\","                 \
    "\"description\":{\"fi\":\"K\",\"sv\":\"B\",\"en\":\"P\"},\"bubbles\":[" bubbles "]}"
#define SAY(who, fi)                                                                            \
    "{\"kind\":\"speech\",\"speaker\":\"" who "\",\"at\":[5,5],\"tail\":[50,60],"              \
    "\"text\":{\"fi\":\"" fi "\",\"sv\":\"s\",\"en\":\"e\"}}"

TEST(the_first_comic_loads_in_reading_order_without_warnings)
{
    size_t len;
    char *text = harness_read("levels/comics/digituki.json", &len);
    comic c;
    diag_list d = {0};
    bool ok = comic_load(&c, "levels/comics/digituki.json", text, len, &d);
    for (int i = 0; i < d.count; i++) {
        char buf[700];
        diag_format(&d.items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
    CHECK(ok);
    CHECK(d.errors == 0 && d.warnings == 0); /* every text in all three languages */
    CHECK_STR(c.id, "digituki");
    CHECK(c.page_count >= 2);
    CHECK(c.panel_total >= 10);
    CHECK(comic_find_character(&c, "aino") >= 0 && comic_find_character(&c, "eino") >= 0);
    int speech = 0, thought = 0, caption = 0;
    for (int p = 0; p < c.page_count; p++) {
        for (int i = 0; i < c.pages[p].panel_count; i++) {
            const comic_panel *pn = &c.pages[p].panels[i];
            CHECK(pn->order == i + 1);
            CHECK(!i18n_empty(&pn->description));
            /* every image the comic names is in the repository */
            FILE *f = fopen(pn->image, "rb");
            CHECK(f != NULL);
            if (f) fclose(f);
            for (int b = 0; b < pn->bubble_count; b++) {
                const comic_bubble *bb = &pn->bubbles[b];
                speech += bb->kind == COMIC_SPEECH;
                thought += bb->kind == COMIC_THOUGHT;
                caption += bb->kind == COMIC_CAPTION;
                CHECK(bb->kind == COMIC_CAPTION ? bb->speaker < 0 : bb->speaker >= 0);
                CHECK(bb->kind != COMIC_SPEECH || bb->has_tail);
            }
        }
    }
    CHECK(speech > 0 && thought > 0 && caption > 0);
    comic_free(&c);
    free(text);
}

TEST(panels_are_stored_in_their_authored_reading_order)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":["
        PANEL("\"order\":3,", 0, "") "," PANEL("\"order\":1,", 200, "") "," PANEL("\"order\":2,", 400, "")
        "]}]}";
    CHECK(load_text(&c, text, &d));
    CHECK(c.pages[0].panel_count == 3);
    CHECK(c.pages[0].panels[0].rect.x == 200 && c.pages[0].panels[0].source_index == 1);
    CHECK(c.pages[0].panels[1].rect.x == 400);
    CHECK(c.pages[0].panels[2].rect.x == 0 && c.pages[0].panels[2].source_index == 0);
    int page, panel;
    CHECK(comic_panel_at(&c, 2, &page, &panel) && page == 0 && panel == 2);
    CHECK(!comic_panel_at(&c, 3, &page, &panel));
    CHECK(comic_panel_number(&c, 0, 1) == 1);
    comic_free(&c);
}

TEST(without_orders_the_list_is_the_reading_order)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 300, "") "," PANEL("", 0, "") "]},"
                       "{\"panels\":[" PANEL("", 0, "") "]}]}";
    CHECK(load_text(&c, text, &d));
    CHECK(c.pages[0].panels[0].rect.x == 300 && c.pages[0].panels[0].order == 1);
    CHECK(c.panel_total == 3);
    int page, panel;
    CHECK(comic_panel_at(&c, 2, &page, &panel) && page == 1 && panel == 0);
    CHECK(comic_panel_number(&c, 1, 0) == 2);
    comic_free(&c);
}

TEST(a_reading_order_used_twice_names_the_panel)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":["
        PANEL("\"order\":1,", 0, "") ",\n" PANEL("\"order\":1,", 200, "") "]}]}";
    CHECK(!load_text(&c, text, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_DUPLICATE_ID);
    CHECK_STR(d.items[0].path, "pages[0].panels[1].order");
    CHECK(d.items[0].line == 2);
}

TEST(a_reading_order_with_a_gap_or_missing_on_one_panel_is_an_error)
{
    comic c;
    diag_list d;
    const char *gap = COMIC_HEAD "\"pages\":[{\"panels\":["
        PANEL("\"order\":1,", 0, "") "," PANEL("\"order\":3,", 200, "") "]}]}";
    CHECK(!load_text(&c, gap, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    CHECK_CONTAINS(d.items[0].msg, "1 to 2");
    const char *some = COMIC_HEAD "\"pages\":[{\"panels\":["
        PANEL("\"order\":1,", 0, "") "," PANEL("", 200, "") "]}]}";
    CHECK(!load_text(&c, some, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_MISSING);
    CHECK_STR(d.items[0].path, "pages[0].panels[1]");
}

TEST(an_unknown_speaker_is_a_bad_reference_with_a_suggestion)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0, SAY("ainoo", "Hei")) "]}]}";
    CHECK(!load_text(&c, text, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_UNKNOWN_REF);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].bubbles[0].speaker");
    CHECK_CONTAINS(d.items[0].msg, "did you mean 'aino'");
    CHECK(d.items[0].line == 1 && d.items[0].column > 1);
}

TEST(a_missing_translation_is_a_warning_and_finnish_shows_in_its_place)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"caption\",\"at\":[0,0],\"text\":{\"fi\":\"Aamu\",\"en\":\"Morning\"}}") "]}]}";
    CHECK(load_text(&c, text, &d));
    CHECK(d.errors == 0 && d.warnings == 1);
    CHECK(d.items[0].code == DIAG_TRANSLATION);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].bubbles[0].text");
    CHECK_CONTAINS(d.items[0].msg, "Swedish");
    CHECK_STR(i18n_get(&c.pages[0].panels[0].bubbles[0].text, LANG_SV), "Aamu");
    comic_free(&c);
}

TEST(a_missing_finnish_text_or_description_is_an_error)
{
    comic c;
    diag_list d;
    const char *no_fi = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"caption\",\"at\":[0,0],\"text\":{\"sv\":\"Morgon\",\"en\":\"Morning\"}}") "]}]}";
    CHECK(!load_text(&c, no_fi, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_TRANSLATION);
    const char *no_desc = COMIC_HEAD "\"pages\":[{\"panels\":[{\"rect\":[0,0,100,100],"
                          "\"image\":\"assets/comics/a.png\"}]}]}";
    CHECK(!load_text(&c, no_desc, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_MISSING);
    CHECK_CONTAINS(d.items[0].msg, "'description'");
}

TEST(speech_needs_a_tail_and_captions_have_no_speaker)
{
    comic c;
    diag_list d;
    const char *no_tail = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"speech\",\"speaker\":\"aino\",\"at\":[0,0],\"text\":\"Hei\"}") "]}]}";
    CHECK(!load_text(&c, no_tail, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_MISSING);
    CHECK_CONTAINS(d.items[0].msg, "tail");
    const char *caption = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"caption\",\"speaker\":\"aino\",\"at\":[0,0],\"text\":\"Hei\"}") "]}]}";
    CHECK(!load_text(&c, caption, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].bubbles[0].speaker");
}

TEST(places_outside_the_panel_or_page_are_reported)
{
    comic c;
    diag_list d;
    const char *at = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"caption\",\"at\":[120,0],\"text\":\"Hei\"}") "]}]}";
    CHECK(!load_text(&c, at, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    /* on the number that is out of range, so that the studio marks the field typed */
    CHECK_STR(d.items[0].path, "pages[0].panels[0].bubbles[0].at[0]");
    const char *page = COMIC_HEAD "\"page_size\":[400,300],\"pages\":[{\"panels\":[" PANEL("", 350, "") "]}]}";
    CHECK(!load_text(&c, page, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_OUT_OF_BOUNDS);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].rect");
}

TEST(images_must_be_svg_or_png_under_assets)
{
    comic c;
    diag_list d;
    const char *up = COMIC_HEAD "\"pages\":[{\"panels\":[{\"rect\":[0,0,100,100],"
                     "\"image\":\"assets/../secret.svg\",\"description\":\"K\"}]}]}";
    CHECK(!load_text(&c, up, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].image");
    const char *gif = COMIC_HEAD "\"pages\":[{\"panels\":[{\"rect\":[0,0,100,100],"
                      "\"image\":\"assets/comics/a.gif\",\"description\":\"K\"}]}]}";
    CHECK(!load_text(&c, gif, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_BAD_VALUE);
    CHECK_CONTAINS(d.items[0].msg, ".png");
}

TEST(a_misspelt_field_or_kind_gets_a_did_you_mean)
{
    comic c;
    diag_list d;
    const char *text = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        "{\"kind\":\"speach\",\"speaker\":\"aino\",\"at\":[0,0],\"tail\":[1,1],\"txt\":\"Hei\",\"text\":\"Hei\"}")
        "]}]}";
    CHECK(!load_text(&c, text, &d));
    CHECK(d.errors == 2);
    bool field = false, kind = false;
    for (int i = 0; i < d.count; i++) {
        field |= d.items[i].code == DIAG_UNKNOWN_FIELD && strstr(d.items[i].msg, "'text'") != NULL;
        kind |= d.items[i].code == DIAG_BAD_VALUE && strstr(d.items[i].msg, "'speech'") != NULL;
    }
    CHECK(field && kind);
}

TEST(duplicate_characters_and_too_many_bubbles_are_reported)
{
    comic c;
    diag_list d;
    const char *dup = "{\"id\":\"t\",\"title\":\"T\",\"characters\":[{\"id\":\"a\",\"name\":\"A\"},"
                      "{\"id\":\"a\",\"name\":\"B\"}],\"pages\":[{\"panels\":[" PANEL("", 0, "") "]}]}";
    CHECK(!load_text(&c, dup, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_DUPLICATE_ID);
    CHECK_STR(d.items[0].path, "characters[1].id");
    const char *many = COMIC_HEAD "\"pages\":[{\"panels\":[" PANEL("", 0,
        SAY("aino", "1") "," SAY("aino", "2") "," SAY("aino", "3") "," SAY("aino", "4") ","
        SAY("aino", "5") "," SAY("aino", "6") "," SAY("aino", "7")) "]}]}";
    CHECK(!load_text(&c, many, &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_TOO_MANY);
}

TEST(a_syntax_error_and_a_wrong_root_fail_cleanly)
{
    comic c;
    diag_list d;
    CHECK(!load_text(&c, "{\"id\": \"t\",\n \"pages\": [}", &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_SYNTAX && d.items[0].line == 2);
    CHECK(!load_text(&c, "[1, 2]", &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_TYPE);
    CHECK(!load_text(&c, "{\"id\":\"t\",\"title\":\"T\",\"pages\":[]}", &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_MISSING);
}

/* Every prefix of a valid comic is invalid JSON or a valid comic: never a crash or a leak. */
TEST(truncated_comics_never_crash)
{
    size_t len;
    char *text = harness_read("levels/comics/digituki.json", &len);
    for (size_t n = 0; n < len; n += 97) {
        comic c;
        diag_list d = {0};
        char *copy = malloc(n + 1);
        memcpy(copy, text, n);
        copy[n] = '\0';
        if (comic_load(&c, "cut.json", copy, n, &d)) comic_free(&c);
        free(copy);
    }
    free(text);
}

int main(void)
{
    RUN(the_first_comic_loads_in_reading_order_without_warnings);
    RUN(panels_are_stored_in_their_authored_reading_order);
    RUN(without_orders_the_list_is_the_reading_order);
    RUN(a_reading_order_used_twice_names_the_panel);
    RUN(a_reading_order_with_a_gap_or_missing_on_one_panel_is_an_error);
    RUN(an_unknown_speaker_is_a_bad_reference_with_a_suggestion);
    RUN(a_missing_translation_is_a_warning_and_finnish_shows_in_its_place);
    RUN(a_missing_finnish_text_or_description_is_an_error);
    RUN(speech_needs_a_tail_and_captions_have_no_speaker);
    RUN(places_outside_the_panel_or_page_are_reported);
    RUN(images_must_be_svg_or_png_under_assets);
    RUN(a_misspelt_field_or_kind_gets_a_did_you_mean);
    RUN(duplicate_characters_and_too_many_bubbles_are_reported);
    RUN(a_syntax_error_and_a_wrong_root_fail_cleanly);
    RUN(truncated_comics_never_crash);
    return harness_done();
}
