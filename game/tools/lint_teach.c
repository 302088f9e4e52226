/* lint_teach.c - the rules that make a shipped room teach well and read in three languages
 * (lint_rules.c states them; until issue 12 each lived in a test: tests/unit/test_content.c).
 *
 * Each applies to a room that ships (listed in a game.json), not to a loose file. */
#include <stdio.h>
#include <string.h>

#include "lint.h"

/* ---- a lesson that says its answer's explanation again ---------------------------------- */

enum { ECHO_WORD_MIN = 5, ECHO_WORDS_MAX = 64 };

/* The words of at least ECHO_WORD_MIN letters (bytes of letters, a UTF-8 letter is one or two),
   lower-cased in ASCII, as offsets into buf. Short words (och, and, ja) say nothing. */
static int long_words(const char *s, char *buf, size_t cap, const char **words)
{
    int n = 0;
    size_t o = 0;
    while (*s && n < ECHO_WORDS_MAX) {
        while (*s && !((unsigned char)*s >= 0x80 || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) s++;
        const char *start = s;
        while (*s && ((unsigned char)*s >= 0x80 || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) s++;
        size_t len = (size_t)(s - start);
        if (len < ECHO_WORD_MIN || o + len + 1 > cap) continue;
        words[n++] = buf + o;
        for (size_t i = 0; i < len; i++) buf[o++] = (char)(start[i] >= 'A' && start[i] <= 'Z' ? start[i] + 32 : start[i]);
        buf[o++] = '\0';
    }
    return n;
}

/* True when most (60 %) of the longer words of the shorter text are in the other too: the
   player reads the explanation and then the lesson, one after the other ("Rätt. Stör ej
   tystar de andra ... Stör ej tystar andra aviseringar ..."). */
static bool echoes(const char *a, const char *b)
{
    static char ba[1200], bb[1200];
    const char *wa[ECHO_WORDS_MAX], *wb[ECHO_WORDS_MAX];
    int na = long_words(a, ba, sizeof ba, wa), nb = long_words(b, bb, sizeof bb, wb);
    /* counted over the shorter text's distinct words */
    const char **ws = na <= nb ? wa : wb, **wl = na <= nb ? wb : wa;
    int ns = na <= nb ? na : nb, nl = na <= nb ? nb : na;
    int distinct = 0, shared = 0;
    for (int i = 0; i < ns; i++) {
        bool dup = false; /* a word twice in it counts once */
        for (int j = 0; j < i && !dup; j++) dup = strcmp(ws[i], ws[j]) == 0;
        if (dup) continue;
        distinct++;
        for (int j = 0; j < nl; j++)
            if (strcmp(ws[i], wl[j]) == 0) {
                shared++;
                break;
            }
    }
    return distinct >= 4 && shared * 10 >= distinct * 6; /* under 4 words: too short to tell */
}

/* ---- every text of a room, with its JSON path --------------------------------------------- */

typedef void (*text_fn)(lint_file *f, const char *path, const char *what, const i18n_text *t, int max);

/* The list an option lives in, and the keys of its texts, by puzzle kind (level.c reads them so). */
static const char *list_of(const level_puzzle *p)
{
    switch (p->kind) {
    case LEVEL_P_CHOICE: return "options";
    case LEVEL_P_HOTSPOTS: return "places";
    case LEVEL_P_ORDER: return "steps";
    case LEVEL_P_MATCH: return "pairs";
    default: return "options";
    }
}

static const char *text_key(const level_puzzle *p)
{
    return p->kind == LEVEL_P_HOTSPOTS ? "label" : p->kind == LEVEL_P_MATCH ? "left" : "text";
}

/* max: the most letters the text may have where it is shown (0: no limit). */
static void each_text(lint_file *f, text_fn fn)
{
    const level_room *r = &f->room;
    char path[DIAG_PATH_MAX];
    fn(f, "title", "title", &r->title, 0);
    fn(f, "intro", "intro", &r->intro, 260);
    fn(f, "outro", "outro", &r->outro, 130); /* one line each on the ending screen */
    for (int i = 0; i < r->widget_count; i++) {
        snprintf(path, sizeof path, "scene.widgets[%d].text", i);
        fn(f, path, "text", &r->widgets[i].text, 0);
        snprintf(path, sizeof path, "scene.widgets[%d].label", i);
        fn(f, path, "label", &r->widgets[i].label, 0);
        for (int k = 0; k < r->widgets[i].row_count; k++) {
            snprintf(path, sizeof path, "scene.widgets[%d].rows[%d]", i, k);
            fn(f, path, "row", &r->widgets[i].rows[k], 0);
        }
    }
    for (int i = 0; i < r->item_count; i++) {
        snprintf(path, sizeof path, "items[%d].name", i);
        fn(f, path, "name", &r->items[i].name, 0);
        snprintf(path, sizeof path, "items[%d].about", i);
        fn(f, path, "about", &r->items[i].about, 0);
    }
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        snprintf(path, sizeof path, "puzzles[%d].prompt", i);
        fn(f, path, "prompt", &p->prompt, 150);
        snprintf(path, sizeof path, "puzzles[%d].solved", i);
        fn(f, path, "solved", &p->solved, 200);
        snprintf(path, sizeof path, "puzzles[%d].wrong", i);
        fn(f, path, "wrong", &p->wrong, 160);
        for (int k = 0; k < p->hint_count; k++) {
            snprintf(path, sizeof path, "puzzles[%d].hints[%d]", i, k);
            fn(f, path, "hint", &p->hints[k], 160);
        }
        int text_max = p->kind == LEVEL_P_MATCH ? 26 : p->kind == LEVEL_P_ORDER ? 90 : 120;
        for (int k = 0; k < p->option_count; k++) {
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].%s", i, list_of(p), k, text_key(p));
            fn(f, path, text_key(p), &p->options[k].text, text_max);
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].right", i, list_of(p), k);
            fn(f, path, "right", &p->options[k].pair, 48);
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].explain", i, list_of(p), k);
            fn(f, path, "explain", &p->options[k].explain, 200);
        }
    }
}

/* ---- three languages ---------------------------------------------------------------------- */

/* A text that is one whole "{setting}": the setting in game.json carries its languages. */
static bool only_setting(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || s[0] != '{' || s[n - 1] != '}') return false;
    for (size_t i = 1; i + 1 < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return false;
    return true;
}

/* The loader stores a plain string once for every language (load.c): the same pointer thrice. */
static void plain_text(lint_file *f, const char *path, const char *what, const i18n_text *t, int max)
{
    (void)what;
    (void)max;
    const char *s = t->s[LANG_FI];
    if (!s || t->s[LANG_SV] != s || t->s[LANG_EN] != s || only_setting(s)) return;
    char shown[48];
    snprintf(shown, sizeof shown, "%s", s);
    if (strlen(s) >= sizeof shown) { /* cut on a letter's first byte, so UTF-8 stays whole */
        size_t k = sizeof shown - 4;
        while (k > 0 && ((unsigned char)shown[k] & 0xC0) == 0x80) k--;
        snprintf(shown + k, sizeof shown - k, "...");
    }
    lint_flag(f, DIAG_PLAIN_TEXT, path,
              "\"%s\" is in one language only: the Swedish and English texts are missing; write {\"fi\": ..., "
              "\"sv\": ..., \"en\": ...} (the same word three times for a name)",
              "\"%s\" on vain yhdellä kielellä: ruotsin- ja englanninkielinen teksti puuttuvat; kirjoita {\"fi\": ..., "
              "\"sv\": ..., \"en\": ...} (nimelle sama sana kolmesti)",
              "\"%s\" finns bara på ett språk: den svenska och den engelska texten saknas; skriv {\"fi\": ..., "
              "\"sv\": ..., \"en\": ...} (för ett namn samma ord tre gånger)",
              shown);
}

/* The loader warns of a missing Swedish or English text; what ships needs them. */
static void translations_required(lint_file *f)
{
    for (int i = 0; i < f->diags.count; i++) {
        diag *d = &f->diags.items[i];
        if (d->code == DIAG_TRANSLATION && d->severity == DIAG_WARNING) {
            d->severity = DIAG_ERROR;
            f->diags.warnings--;
            f->diags.errors++;
        }
    }
}

void lint_check_texts(lint_run *run, lint_file *f)
{
    (void)run;
    if (!lint_shipped(f)) return;
    each_text(f, plain_text);
    translations_required(f);
}

/* A comic that ships: every text in three languages, but a character's name (lint_one_text:
   a proper name is the same in every language, so it may be written once). */
static void comic_texts(lint_file *f)
{
    const comic *c = &f->comic;
    char path[DIAG_PATH_MAX];
    plain_text(f, "title", "title", &c->title, 0);
    for (int p = 0; p < c->page_count; p++)
        for (int k = 0; k < c->pages[p].panel_count; k++) {
            const comic_panel *pn = &c->pages[p].panels[k];
            snprintf(path, sizeof path, "pages[%d].panels[%d].description", p, pn->source_index);
            plain_text(f, path, "description", &pn->description, 0);
            for (int b = 0; b < pn->bubble_count; b++) {
                snprintf(path, sizeof path, "pages[%d].panels[%d].bubbles[%d].text", p, pn->source_index, b);
                plain_text(f, path, "text", &pn->bubbles[b].text, 0);
            }
        }
    for (int i = 0; i < c->character_count; i++) {
        snprintf(path, sizeof path, "characters[%d].name", i);
        if (!lint_one_text(path)) plain_text(f, path, "name", &c->characters[i].name, 0);
    }
}

void lint_check_game_texts(lint_run *run)
{
    /* the manifest ships; so do the comics it lists */
    for (int i = 0; i < run->file_count; i++)
        if (run->files[i].kind == LINT_COMIC && run->files[i].ref >= 0) {
            translations_required(&run->files[i]);
            if (run->files[i].loaded) comic_texts(&run->files[i]);
        }
    if (!run->game || !run->manifest_ok) return;
    translations_required(run->game);
    plain_text(run->game, "title", "title", &run->manifest.title, 0);
    plain_text(run->game, "intro", "intro", &run->manifest.intro, 0);
    plain_text(run->game, "ending", "ending", &run->manifest.ending, 0);
}

/* ---- a room that teaches ------------------------------------------------------------------ */

/* Letters as the player sees them: "ä" is one. */
static int letters(const char *s)
{
    int n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void text_length(lint_file *f, const char *path, const char *what, const i18n_text *t, int max)
{
    for (int l = 0; max > 0 && l < LANG_COUNT; l++) {
        if (!t->s[l] || (l > 0 && t->s[l] == t->s[LANG_FI])) continue;
        int n = letters(t->s[l]);
        if (n <= max) continue;
        char p[DIAG_PATH_MAX];
        bool plain = t->s[LANG_SV] == t->s[LANG_FI] && t->s[LANG_EN] == t->s[LANG_FI];
        snprintf(p, sizeof p, "%s%s%s", path, plain ? "" : ".", plain ? "" : i18n_code((i18n_lang)l));
        lint_flag(f, DIAG_TEXT_LENGTH, p, "the %s is %d letters: at most %d fit on the screen (%d too many)",
                  "%s on %d merkkiä: näytölle mahtuu enintään %d (%d liikaa)",
                  "%s har %d tecken: högst %d ryms på skärmen (%d för många)", what, n, max, n - max);
    }
}

/* A widget the player can point at during a hotspot or use puzzle (room_view.c). */
static bool clickable(const level_widget *w)
{
    if (w->type == LEVEL_W_WINDOW || w->type == LEVEL_W_LIST) return false;
    return !i18n_empty(&w->text) || !i18n_empty(&w->label);
}

static void one_line(lint_file *f, const char *path, const i18n_text *t)
{
    for (int l = 0; l < LANG_COUNT; l++) {
        if (t->s[l] && strchr(t->s[l], '\n')) {
            lint_flag(f, DIAG_SPOKEN_LINE, path,
                      "a screen reader says this as one line, but it has a line break: give the widget a one-line "
                      "\"label\", or remove the break",
                      "ruudunlukija sanoo tämän yhtenä rivinä, mutta siinä on rivinvaihto: anna widgetille yksirivinen "
                      "\"label\" tai poista rivinvaihto",
                      "en skärmläsare läser det här som en rad, men det finns en radbrytning: ge widgeten en "
                      "\"label\" på en rad eller ta bort radbrytningen");
            return;
        }
    }
}

static bool is_hub(const lint_run *run, const lint_file *f)
{
    return run->manifest_ok && run->manifest.hub && f->room.id && strcmp(run->manifest.hub, f->room.id) == 0;
}

void lint_check_teaching(lint_run *run, lint_file *f)
{
    if (!lint_shipped(f)) return;
    const level_room *r = &f->room;
    char path[DIAG_PATH_MAX];
    bool hub = is_hub(run, f);
    if (!hub) {
        bool kinds[LEVEL_P_KIND_COUNT] = {0};
        int n = 0;
        for (int k = 0; k < r->puzzle_count; k++) {
            if (!kinds[r->puzzles[k].kind]) n++;
            kinds[r->puzzles[k].kind] = true;
        }
        if (r->puzzle_count < 5 || n < 3)
            lint_flag(f, DIAG_ROOM_SIZE, "puzzles",
                      "the room has %d puzzles of %d kinds: a room needs at least 5 puzzles of at least 3 kinds",
                      "huoneessa on %d tehtävää %d lajia: huoneessa pitää olla vähintään 5 tehtävää vähintään 3 lajia",
                      "rummet har %d uppgifter av %d slag: ett rum behöver minst 5 uppgifter av minst tre slag",
                      r->puzzle_count, n);
        if (i18n_empty(&r->outro))
            lint_flag(f, DIAG_ROOM_SIZE, "id", "the room has no \"outro\": what the player learnt, shown when it is solved",
                      "huoneelta puuttuu lopputeksti \"outro\": mitä pelaaja oppi, näytetään kun huone on ratkaistu",
                      "rummet har ingen sluttext \"outro\": vad spelaren har lärt sig, visas när rummet är löst");
    }
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        if (p->final_code) continue;
        if (p->hint_count < 1 || p->hint_count > 3) {
            snprintf(path, sizeof path, p->hint_count ? "puzzles[%d].hints" : "puzzles[%d]", i);
            lint_flag(f, DIAG_HINTS, path, "puzzle '%s' has %d hints: give it 1 to 3, from a nudge to the answer",
                      "tehtävässä '%s' on %d vihjettä: anna sille 1–3, vinkistä lähes vastaukseen",
                      "uppgiften '%s' har %d ledtrådar: ge den 1–3, från en liten knuff till nästan hela svaret", p->id, p->hint_count);
        }
        if (i18n_empty(&p->solved)) {
            snprintf(path, sizeof path, "puzzles[%d]", i);
            lint_flag(f, DIAG_LESSON, path, "puzzle '%s' has no \"solved\" text: the lesson, shown when it is solved",
                      "tehtävältä '%s' puuttuu \"solved\"-teksti: opetus, joka näytetään kun tehtävä on ratkaistu",
                      "uppgiften '%s' har ingen \"solved\"-text: lärdomen som visas när uppgiften är löst", p->id);
        }
        /* a choice and a search show the right answer's explanation and then the lesson (a
           matching and an ordering show the lesson alone, and it may well name their pairs) */
        bool read_together = p->kind == LEVEL_P_CHOICE || p->kind == LEVEL_P_HOTSPOTS;
        for (int k = 0; read_together && k < p->option_count && !i18n_empty(&p->solved); k++) {
            if (!p->options[k].correct || i18n_empty(&p->options[k].explain)) continue;
            for (int l = 0; l < LANG_COUNT; l++) {
                const char *e = p->options[k].explain.s[l], *sol = p->solved.s[l];
                if (!e || !sol || !echoes(e, sol)) continue;
                snprintf(path, sizeof path, "puzzles[%d].solved.%s", i, i18n_code((i18n_lang)l));
                lint_flag(f, DIAG_LESSON_ECHO, path,
                          "the lesson of '%s' repeats the explanation of its right answer '%s', read just before it: "
                          "let the explanation say why this answer, the lesson what to remember",
                          "tehtävän '%s' opetus toistaa oikean vastauksen '%s' selitystä, joka luetaan juuri ennen sitä: "
                          "kerro selityksessä, miksi juuri tämä vastaus, ja opetuksessa, mitä muistaa",
                          "lärdomen i '%s' upprepar förklaringen till det rätta svaret '%s', som läses just före den: "
                          "låt förklaringen säga varför just det svaret och lärdomen vad man ska minnas",
                          p->id, p->options[k].id);
                break; /* once per answer */
            }
        }
        bool needs = p->kind == LEVEL_P_CHOICE || p->kind == LEVEL_P_HOTSPOTS || p->kind == LEVEL_P_MATCH;
        for (int k = 0; needs && k < p->option_count; k++) {
            if (!i18n_empty(&p->options[k].explain)) continue;
            snprintf(path, sizeof path, "puzzles[%d].%s[%d]", i, list_of(p), k);
            lint_flag(f, DIAG_EXPLAIN, path, "'%s' has no \"explain\": every answer says why it is right or wrong",
                      "kohdalta '%s' puuttuu selitys \"explain\": jokainen vastaus kertoo, miksi se on oikein tai väärin",
                      "'%s' har ingen förklaring \"explain\": varje svar säger varför det är rätt eller fel",
                      p->options[k].id);
        }
        /* every clickable text on screen during a hunt is a place, so no click goes unexplained */
        for (int a = 0; p->kind == LEVEL_P_HOTSPOTS && a < r->widget_count; a++) {
            const level_widget *w = &r->widgets[a];
            if (!clickable(w)) continue;
            bool shown = !w->hidden;
            for (int q = 0; q < i && !shown; q++)
                for (int e = 0; e < r->puzzles[q].reveal_count; e++) shown = shown || r->puzzles[q].reveals[e] == a;
            bool place = false;
            for (int o = 0; o < p->option_count; o++)
                place = place || (w->id && p->options[o].widget && strcmp(w->id, p->options[o].widget) == 0);
            if (!shown || place) continue;
            snprintf(path, sizeof path, "puzzles[%d].places", i);
            lint_flag(f, DIAG_DECOY, path,
                      "the widget '%s' can be clicked during this hunt but is no place: add it as a wrong place (a decoy) "
                      "with an explanation",
                      "widgettiä '%s' voi klikata tämän etsinnän aikana, mutta se ei ole kohta: lisää se vääräksi kohdaksi "
                      "(harhautukseksi) selityksen kera",
                      "widgeten '%s' går att klicka på under den här sökningen men är inget ställe: lägg till den "
                      "som ett felaktigt ställe (en avledning) med en förklaring",
                      w->id ? w->id : "?");
        }
    }
    each_text(f, text_length);
    for (int a = 0; a < r->widget_count; a++) {
        const level_widget *w = &r->widgets[a];
        if (!clickable(w)) continue;
        snprintf(path, sizeof path, "scene.widgets[%d].%s", a, i18n_empty(&w->label) ? "text" : "label");
        one_line(f, path, i18n_empty(&w->label) ? &w->text : &w->label);
    }
    for (int k = 0; k < r->item_count; k++) {
        snprintf(path, sizeof path, "items[%d].name", k);
        one_line(f, path, &r->items[k].name);
    }
    for (int k = 0; k < r->puzzle_count; k++) {
        const level_puzzle *p = &r->puzzles[k];
        for (int o = 0; o < p->option_count; o++) {
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].%s", k, list_of(p), o, text_key(p));
            one_line(f, path, &p->options[o].text);
            snprintf(path, sizeof path, "puzzles[%d].%s[%d].right", k, list_of(p), o);
            one_line(f, path, &p->options[o].pair);
        }
    }
}
