/* Lettering comics: wrapping, soft hyphens, bubbles kept inside their panel and apart, and the
   check that every bubble of the first comic fits at every text size in every language.
   Needs SDL_ttf (no window): built by game/front/comic.mk, with COMIC_FONT the lettering font. */
#include <SDL.h>

#include "../../game/core/comic.h"
#include "../../game/front/comic_layout.h"
#include "../unit/harness.h"

#ifndef COMIC_FONT
#define COMIC_FONT "/usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf"
#endif

static comic_measurer M;
static comic_panel_layout L;

/* One panel of w x h page units with the given bubbles (not owned). */
static comic_panel panel_of(int w, int h, comic_bubble *b, int n)
{
    return (comic_panel){.rect = {0, 0, w, h}, .order = 1, .image = "assets/x.svg", .bubbles = b,
                         .bubble_count = n};
}

static comic_bubble say(const char *text, float x, float y, float width)
{
    comic_bubble b = {.kind = COMIC_SPEECH, .speaker = 0, .at = {x, y}, .width = width, .has_tail = true,
                      .tail = {50, 90}};
    for (int l = 0; l < LANG_COUNT; l++) b.text.s[l] = text;
    return b;
}

static float measured(const char *text, comic_line line, int px)
{
    char buf[COMIC_TEXT_MAX + 4];
    comic_line_text(text, line, buf, sizeof buf);
    TTF_Font *f = TTF_OpenFont(COMIC_FONT, px);
    int w = 0, h = 0;
    if (f) TTF_SizeUTF8(f, buf, &w, &h);
    if (f) TTF_CloseFont(f);
    return (float)w;
}

TEST(a_short_text_stays_on_one_line)
{
    comic_bubble b = say("Hei!", 5, 5, 40);
    comic_panel p = panel_of(566, 366, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    CHECK(L.count == 1 && L.bubbles[0].line_count == 1);
    CHECK(L.bubbles[0].lines[0].start == 0 && L.bubbles[0].lines[0].end == 4);
    CHECK(L.bubbles[0].fit == COMIC_FIT_OK && L.fit == COMIC_FIT_OK && L.bad == -1);
}

TEST(a_long_text_wraps_at_spaces_inside_its_bubble)
{
    const char *t = "Tehdään tämä sinun omalla puhelimellasi. Minä neuvon, sinä painat.";
    comic_bubble b = say(t, 5, 5, 40);
    comic_panel p = panel_of(566, 366, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    const comic_bubble_layout *bl = &L.bubbles[0];
    CHECK(bl->line_count >= 3);
    CHECK(bl->box.w <= 0.40f * 566 + 0.5f);
    for (int i = 0; i < bl->line_count; i++) {
        CHECK(measured(t, bl->lines[i], (int)L.text_px) <= bl->text.w);
        CHECK(t[bl->lines[i].start] != ' ' && t[bl->lines[i].end - 1] != ' ');
        if (i > 0) CHECK(bl->lines[i].start > bl->lines[i - 1].end); /* a space between */
    }
    CHECK(bl->lines[bl->line_count - 1].end == (int)strlen(t));
    CHECK(bl->box.h >= (float)bl->line_count * bl->line_h);
}

TEST(a_line_break_in_the_text_starts_a_new_line)
{
    comic_bubble b = say("Ystävällisin terveisin\nAino", 5, 5, 90);
    comic_panel p = panel_of(566, 366, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    CHECK(L.bubbles[0].line_count == 2);
    char buf[64];
    comic_line_text(b.text.s[0], L.bubbles[0].lines[1], buf, sizeof buf);
    CHECK_STR(buf, "Aino");
}

TEST(a_long_word_breaks_at_its_soft_hyphen_and_shows_a_hyphen)
{
    const char *t = "asiakas\xC2\xADtieto\xC2\xADjärjestelmään";
    comic_bubble b = say(t, 0, 0, 10);
    comic_panel p = panel_of(300, 300, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 150, &L));
    CHECK(L.bubbles[0].line_count >= 2);
    char buf[64];
    comic_line_text(t, L.bubbles[0].lines[0], buf, sizeof buf);
    CHECK(buf[strlen(buf) - 1] == '-');
    CHECK(strstr(buf, "\xC2\xAD") == NULL); /* soft hyphens are never drawn */
    comic_line_text(t, L.bubbles[0].lines[L.bubbles[0].line_count - 1], buf, sizeof buf);
    CHECK_STR(buf, "järjestelmään");
}

TEST(a_real_hyphen_is_a_place_to_break_too)
{
    const char *t = "Suomi.fi-valtuuden";
    comic_bubble b = say(t, 0, 0, 10);
    comic_panel p = panel_of(260, 300, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 150, &L));
    CHECK(L.bubbles[0].line_count == 2);
    char buf[64];
    comic_line_text(t, L.bubbles[0].lines[0], buf, sizeof buf);
    CHECK_STR(buf, "Suomi.fi-");
}

TEST(a_word_wider_than_the_panel_is_reported)
{
    comic_bubble b = say("Sosiaali­ja­terveyspalvelujärjestelmäuudistuksessa", 0, 0, 100);
    b.text.s[0] = b.text.s[1] = b.text.s[2] = "Sosiaalijaterveyspalvelujärjestelmäuudistuksessa";
    comic_panel p = panel_of(300, 300, &b, 1);
    CHECK(!comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    CHECK(L.fit == COMIC_FIT_WORD_TOO_WIDE && L.bad == 0);
    CHECK(L.bubbles[0].box.x >= 0 && L.bubbles[0].box.x + L.bubbles[0].box.w <= 300); /* still inside */
}

TEST(larger_text_rewraps_into_more_lines)
{
    const char *t = "Kirjaston digituessa voit harjoitella lisää, vaikka kerran viikossa.";
    comic_bubble b = say(t, 5, 5, 45);
    comic_panel p = panel_of(566, 366, &b, 1);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    int lines100 = L.bubbles[0].line_count;
    float h100 = L.bubbles[0].box.h;
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 150, &L));
    CHECK(L.text_px > 1.4f * COMIC_TEXT_SIZE);
    CHECK(L.bubbles[0].line_count > lines100);
    CHECK(L.bubbles[0].box.h > h100);
}

TEST(a_later_bubble_moves_below_an_earlier_one_it_would_cover)
{
    comic_bubble b[2] = {say("Millä laitteella yritit?", 5, 5, 60), say("Tällä puhelimella.", 10, 8, 40)};
    comic_panel p = panel_of(566, 366, b, 2);
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    CHECK(L.bubbles[1].box.y >= L.bubbles[0].box.y + L.bubbles[0].box.h);
}

TEST(bubbles_that_cannot_fit_are_crowded_or_too_tall)
{
    const char *t = "Tämä on aivan liian pitkä teksti tälle pienelle ruudulle, jossa ei ole tilaa kuin "
                    "muutamalle sanalle, joten tarkistus sanoo siitä.";
    comic_bubble b[2] = {say(t, 0, 0, 100), say(t, 0, 50, 100)};
    comic_panel p = panel_of(300, 200, b, 2);
    CHECK(!comic_layout_panel(&M, &p, LANG_FI, 150, &L));
    CHECK(L.fit == COMIC_FIT_TOO_TALL || L.fit == COMIC_FIT_CROWDED);
    for (int i = 0; i < 2; i++) {
        CHECK(L.bubbles[i].box.x >= 0 && L.bubbles[i].box.y >= 0);
        CHECK(L.bubbles[i].box.x + L.bubbles[i].box.w <= 300);
    }
}

/* Eino's bubble of page 2, panel 3 (a panel of 452 x 366): its tail points at the top of his
   head. In Swedish at 150 % its three lines once reached below that and hid his hair. */
TEST(a_bubble_that_would_cover_its_speaker_is_widened_and_leaves_its_tail_clear)
{
    comic_bubble b = say("Kan inte du knappa in PIN-koden?", 3, 3, 56);
    b.tail = (comic_point){30.5f, 38.8f};
    comic_panel p = panel_of(452, 366, &b, 1);
    for (int z = 0; z < 3; z++) {
        CHECK(comic_layout_panel(&M, &p, LANG_SV, comic_zoom_steps[z], &L));
        comic_frect r = L.bubbles[0].box;
        float tip_y = 0.388f * 366;
        CHECK(r.y + r.h + 0.5f * L.text_px <= tip_y);
    }
    CHECK(L.bubbles[0].line_count == 2);
}

TEST(a_bubble_that_cannot_leave_its_tail_clear_is_reported)
{
    /* the tip under the bubble's corner, where the author put it: no width keeps it clear */
    comic_bubble b = say("Hei, Eino!", 0, 0, 40);
    b.tail = (comic_point){6, 6};
    comic_panel p = panel_of(300, 200, &b, 1);
    CHECK(!comic_layout_panel(&M, &p, LANG_FI, 100, &L));
    CHECK(L.fit == COMIC_FIT_COVERS_TAIL && L.bad == 0);
    CHECK_CONTAINS(comic_fit_message(L.fit), "tail");
    /* at a larger text size the text comes first: the panel has no other room for it */
    CHECK(comic_layout_panel(&M, &p, LANG_FI, 150, &L));
    CHECK(L.fit == COMIC_FIT_OK && L.bad == -1);
}

TEST(the_check_names_the_text_that_overflows_with_its_line)
{
    const char *json =
        "{\"id\":\"t\",\"title\":\"T\",\"characters\":[{\"id\":\"a\",\"name\":\"A\"}],\n"
        "\"pages\":[{\"panels\":[{\"rect\":[0,0,240,150],\"image\":\"assets/a.svg\",\"description\":\"K\",\n"
        "\"bubbles\":[{\"kind\":\"speech\",\"speaker\":\"a\",\"at\":[0,0],\"tail\":[90,95],\n"
        "  \"text\":{\"fi\":\"Lyhyt.\",\n"
        "           \"sv\":\"En mycket lång text som inte alls ryms i den här lilla rutan, hur man än gör.\",\n"
        "           \"en\":\"Short.\"}}]}]}]}";
    comic c;
    diag_list d = {0};
    CHECK(comic_load(&c, "t.json", json, strlen(json), &d));
    CHECK(!comic_layout_check(&M, &c, json, strlen(json), &d));
    CHECK(d.errors == 1 && d.items[0].code == DIAG_OVERFLOW);
    CHECK_STR(d.items[0].path, "pages[0].panels[0].bubbles[0].text.sv");
    CHECK(d.items[0].line == 5);
    CHECK_CONTAINS(d.items[0].msg, "Swedish");
    comic_free(&c);
}

TEST(the_first_comic_fits_at_every_text_size_in_every_language)
{
    size_t len;
    char *text = harness_read("levels/comics/digituki.json", &len);
    comic c;
    diag_list d = {0};
    CHECK(comic_load(&c, "levels/comics/digituki.json", text, len, &d));
    bool ok = comic_layout_check(&M, &c, text, len, &d);
    for (int i = 0; i < d.count; i++) {
        char buf[700];
        diag_format(&d.items[i], buf, sizeof buf);
        fprintf(stderr, "  %s\n", buf);
    }
    CHECK(ok && d.errors == 0);
    /* and the boxes of every layout stay inside their panel and apart */
    for (int pg = 0; pg < c.page_count; pg++) {
        for (int pi = 0; pi < c.pages[pg].panel_count; pi++) {
            const comic_panel *p = &c.pages[pg].panels[pi];
            for (int z = 0; z < 3; z++) {
                for (int l = 0; l < LANG_COUNT; l++) {
                    comic_layout_panel(&M, p, (i18n_lang)l, comic_zoom_steps[z], &L);
                    for (int b = 0; b < L.count; b++) {
                        comic_frect r = L.bubbles[b].box;
                        /* no bubble covers the speaker its tail points at */
                        const comic_bubble *bb = &p->bubbles[b];
                        float tx = bb->tail.x / 100.0f * (float)p->rect.w, ty = bb->tail.y / 100.0f * (float)p->rect.h;
                        bool covers = bb->has_tail && tx > r.x && tx < r.x + r.w && ty > r.y && ty < r.y + r.h;
                        if (covers && z == 0)
                            fprintf(stderr, "  page %d panel %d bubble %d covers its tail's tip in %s\n", pg + 1, pi + 1,
                                    b + 1, i18n_code((i18n_lang)l));
                        CHECK(!(covers && z == 0));
                        CHECK(r.x >= 0 && r.y >= 0 && r.x + r.w <= (float)p->rect.w && r.y + r.h <= (float)p->rect.h);
                        for (int o = 0; o < b; o++) {
                            comic_frect q = L.bubbles[o].box;
                            CHECK(!(r.x < q.x + q.w && q.x < r.x + r.w && r.y < q.y + q.h && q.y < r.y + r.h));
                        }
                    }
                }
            }
        }
    }
    comic_free(&c);
    free(text);
}

static float overlap_area(comic_frect a, comic_frect b)
{
    float w = (a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w) - (a.x > b.x ? a.x : b.x);
    float h = (a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h) - (a.y > b.y ? a.y : b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/* The page view at 150 % text: the lines are half as tall again as the art was drawn for, and
   bubbles that a tail's tip alone kept clear of went below the tips, over the faces (page 1:
   Aino's 'Katsotaan yhdessä' over her eyes, Eino's 'Tällä puhelimella' over his whole face;
   14 faces of 57 more than a quarter hidden in fi/sv/en). A face is the square of five letters
   of the 100 % lettering below a tail's tip (where a tail ends, docs/comics.md). */
TEST(at_larger_text_the_bubbles_of_the_first_comic_leave_the_faces_in_view)
{
    size_t len;
    char *text = harness_read("levels/comics/digituki.json", &len);
    comic c;
    diag_list d = {0};
    CHECK(comic_load(&c, "levels/comics/digituki.json", text, len, &d));
    const float s = (float)COMIC_TEXT_SIZE;
    for (int z = 1; z < 3; z++) {
        int faces = 0, hidden = 0;
        for (int l = 0; l < LANG_COUNT; l++)
            for (int pg = 0; pg < c.page_count; pg++)
                for (int pi = 0; pi < c.pages[pg].panel_count; pi++) {
                    const comic_panel *p = &c.pages[pg].panels[pi];
                    comic_layout_panel(&M, p, (i18n_lang)l, comic_zoom_steps[z], &L);
                    for (int k = 0; k < p->bubble_count; k++) {
                        const comic_bubble *bb = &p->bubbles[k];
                        float tx = bb->tail.x / 100.0f * (float)p->rect.w, ty = bb->tail.y / 100.0f * (float)p->rect.h;
                        if (!bb->has_tail || tx <= 0.5f || tx >= (float)p->rect.w - 0.5f || ty <= 0.5f) continue;
                        comic_frect face = {tx - 2.5f * s, ty, 5 * s, 5 * s};
                        float a = 0;
                        for (int b = 0; b < L.count; b++) a += overlap_area(L.bubbles[b].box, face);
                        faces++;
                        if (a > 0.25f * face.w * face.h) {
                            hidden++;
                            fprintf(stderr, "  %s %d %%: page %d panel %d, the face below bubble %d's tail is %.0f %% hidden\n",
                                    i18n_code((i18n_lang)l), comic_zoom_steps[z], pg + 1, pi + 1, k,
                                    100 * a / (face.w * face.h));
                        }
                    }
                }
        CHECK(faces >= 50);
        CHECK(hidden == 0);
    }
    comic_free(&c);
    free(text);
}

TEST(a_measurer_without_a_font_says_so)
{
    comic_measurer none;
    CHECK(!comic_measurer_setup(&none, "not a font", 10));
    comic_bubble b = say("Hei", 0, 0, 50);
    comic_panel p = panel_of(300, 300, &b, 1);
    CHECK(!comic_layout_panel(&none, &p, LANG_FI, 100, &L));
    CHECK(L.fit == COMIC_FIT_NO_FONT);
}

int main(void)
{
    size_t len;
    char *font = harness_read(COMIC_FONT, &len);
    if (!comic_measurer_setup(&M, font, len)) {
        fprintf(stderr, "cannot open %s: %s\n", COMIC_FONT, TTF_GetError());
        return 2;
    }
    free(font);
    RUN(a_short_text_stays_on_one_line);
    RUN(a_long_text_wraps_at_spaces_inside_its_bubble);
    RUN(a_line_break_in_the_text_starts_a_new_line);
    RUN(a_long_word_breaks_at_its_soft_hyphen_and_shows_a_hyphen);
    RUN(a_real_hyphen_is_a_place_to_break_too);
    RUN(a_word_wider_than_the_panel_is_reported);
    RUN(larger_text_rewraps_into_more_lines);
    RUN(a_later_bubble_moves_below_an_earlier_one_it_would_cover);
    RUN(bubbles_that_cannot_fit_are_crowded_or_too_tall);
    RUN(a_bubble_that_would_cover_its_speaker_is_widened_and_leaves_its_tail_clear);
    RUN(a_bubble_that_cannot_leave_its_tail_clear_is_reported);
    RUN(the_check_names_the_text_that_overflows_with_its_line);
    RUN(the_first_comic_fits_at_every_text_size_in_every_language);
    RUN(at_larger_text_the_bubbles_of_the_first_comic_leave_the_faces_in_view);
    RUN(a_measurer_without_a_font_says_so);
    comic_measurer_shutdown(&M);
    return harness_done();
}
