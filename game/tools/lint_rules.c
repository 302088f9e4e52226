/* lint_rules.c - every rule that content must meet, stated once (issue 12).
 *
 * The table below is the one list: pakopeli-lint checks it, `pakopeli-lint --rules` prints it,
 * docs/authoring.md and docs/authoring.en.md carry it (generated: make rules-doc), and the
 * studio, make lint, make dev and the tests ask the linter instead of checking on their own.
 * Below the table: the rules that make a shipped room teach well and read in three languages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "lint.h"

/* ---- the table ---------------------------------------------------------------------------- */

static const lint_rule RULES[] = {
    /* what the game's loader refuses (the game shows an error screen) */
    {DIAG_SYNTAX, DIAG_ERROR, LINT_ANY, "A file is valid JSON: every { [ \" has its pair and items are separated by commas.",
     "Tiedosto on kelvollista JSONia: jokaisella { [ \" on parinsa ja kohdat erotetaan pilkuilla."},
    {DIAG_UNKNOWN_FIELD, DIAG_ERROR, LINT_ANY, "Every field is one the format knows (a typo is named with its likely fix).",
     "Jokainen kenttä on muodon tuntema (kirjoitusvirheelle ehdotetaan korjausta)."},
    {DIAG_TYPE, DIAG_ERROR, LINT_ANY, "Every field has its type: a text in quotes, a number, true/false, a list [...] or an object {...}.",
     "Jokainen kenttä on oikeaa tyyppiä: teksti lainausmerkeissä, luku, true/false, lista [...] tai olio {...}."},
    {DIAG_MISSING, DIAG_ERROR, LINT_ANY, "Every required field is there (a room's id, title, scene and puzzles; a puzzle's id, kind and prompt).",
     "Jokainen pakollinen kenttä on mukana (huoneen id, title, scene ja puzzles; tehtävän id, kind ja prompt)."},
    {DIAG_BAD_VALUE, DIAG_ERROR, LINT_ANY, "Values are allowed ones: ids use only a-z, 0-9, '-' and '_'; kinds and types are from the list; an explanation starts with the reason, not with \"Right\" (a warning).",
     "Arvot ovat sallittuja: tunnuksissa vain a–z, 0–9, '-' ja '_'; lajit ja tyypit listalta; selitys alkaa syystä eikä sanalla \"Oikein\" (varoitus)."},
    {DIAG_DUPLICATE_ID, DIAG_ERROR, LINT_ANY, "No two widgets, items, puzzles or options of a list share an id.",
     "Kahdella widgetillä, esineellä, tehtävällä tai saman listan kohdalla ei ole samaa tunnusta."},
    {DIAG_UNKNOWN_REF, DIAG_ERROR, LINT_ANY, "Every id that is referred to exists: widgets, items, puzzles, rooms in game.json, comics.",
     "Jokainen viitattu tunnus on olemassa: widgetit, esineet, tehtävät, game.jsonin huoneet, sarjakuvat."},
    {DIAG_TRANSLATION, DIAG_ERROR, LINT_ANY, "Every text has Finnish (\"fi\"); a missing Swedish or English text is a warning in a loose file and an error in what ships (a listed room or comic, game.json).",
     "Jokaisessa tekstissä on suomi (\"fi\"); puuttuva ruotsi tai englanti on varoitus irrallisessa tiedostossa ja virhe julkaistavassa sisällössä (listattu huone tai sarjakuva, game.json)."},
    {DIAG_TOO_MANY, DIAG_ERROR, LINT_ANY, "Lists stay within the engine's limits (widgets, puzzles, options, hints, code length); the rooms' different images and the largest comic's fit the engine's pool of files held at once; with --scorm, the game's resume state fits the package's suspend data.",
     "Listat pysyvät pelimoottorin rajoissa (widgetit, tehtävät, vaihtoehdot, vihjeet, koodin pituus); huoneiden eri kuvat ja suurimman sarjakuvan kuvat mahtuvat pelimoottorin yhtä aikaa pitämien tiedostojen joukkoon; --scorm-valinnalla pelin jatkotila mahtuu paketin suspend_data-kenttään."},
    {DIAG_UNREACHABLE, DIAG_ERROR, LINT_ANY, "Every puzzle can be opened: its \"requires\" do not go round in a circle and every item it needs is given by a puzzle.",
     "Jokainen tehtävä aukeaa: sen edellytykset (\"requires\") eivät kierrä kehää ja jokin tehtävä antaa jokaisen tarvittavan esineen."},
    /* what only the linter sees */
    {DIAG_UNSOLVABLE, DIAG_ERROR, LINT_ANY, "A room can be played to its end: the linter plays it with the puzzles' own right answers, and every place and item is there when it is needed.",
     "Huoneen voi pelata loppuun: tarkistin pelaa sen tehtävien omilla oikeilla vastauksilla, ja jokainen kohta ja esine on saatavilla kun sitä tarvitaan."},
    {DIAG_IO, DIAG_ERROR, LINT_ANY, "Every file that game.json lists exists.",
     "Jokainen game.jsonin listaama tiedosto on olemassa."},
    {DIAG_ASSET, DIAG_ERROR, LINT_ANY, "Every image is a PNG, JPEG or SVG under assets/ that exists and decodes; an SVG uses plain shapes with a viewBox (no text, styles, gradients or filters); a picture has the scene's shape (warnings).",
     "Jokainen kuva on assets/-kansion PNG, JPEG tai SVG, joka on olemassa ja aukeaa; SVG:ssä on viewBox ja pelkkiä muotoja (ei tekstiä, tyylejä, liukuvärejä, suodattimia); kuva on näkymän muotoinen (varoituksia)."},
    {DIAG_OVERFLOW, DIAG_ERROR, LINT_ANY, "Every text fits its widget at the scene's size and in the panel at 150 % text size; comic bubbles fit their panel.",
     "Jokainen teksti mahtuu widgettiinsä näkymän koossa ja paneeliin 150 %:n tekstikoolla; sarjakuvan puhekuplat mahtuvat ruutuunsa."},
    {DIAG_OUT_OF_BOUNDS, DIAG_ERROR, LINT_ANY, "Widgets and places lie inside the scene; two readable widgets do not lie on top of each other (a warning); a place is at least 40 x 40 (a warning).",
     "Widgetit ja kohdat ovat näkymän sisällä; kaksi luettavaa widgetiä ei ole päällekkäin (varoitus); kohta on vähintään 40 × 40 (varoitus)."},
    {DIAG_REQUIRES_FORWARD, DIAG_ERROR, LINT_ANY, "A puzzle requires only puzzles that come before it in the list, so the list is the order a player meets them.",
     "Tehtävä edellyttää vain listassa ennen sitä olevia tehtäviä, joten lista on järjestys, jossa pelaaja ne kohtaa."},
    {DIAG_WIDGET_HIDDEN, DIAG_ERROR, LINT_ANY, "A widget with \"hidden\": true is revealed by some puzzle (\"gives\": {\"reveals\": [...]}).",
     "Piilotettu widget (\"hidden\": true) paljastetaan jossakin tehtävässä (\"gives\": {\"reveals\": [...]})."},
    {DIAG_WIDGET_UNREACHABLE, DIAG_ERROR, LINT_ANY, "A hidden widget is revealed by a puzzle that a player can solve.",
     "Piilotetun widgetin paljastaa tehtävä, jonka pelaaja voi ratkaista."},
    {DIAG_LETTER, DIAG_ERROR, LINT_ANY, "Every letter is one the game's fonts carry (Latin with the Nordic letters, common punctuation, arrows and the euro sign): game/front/font_subset.h lists them.",
     "Jokainen merkki on pelin fonteissa (latinalaiset ja pohjoismaiset kirjaimet, tavalliset välimerkit, nuolet ja euron merkki): luettelo on tiedostossa game/front/font_subset.h."},
    {DIAG_KEYPAD, DIAG_ERROR, LINT_ANY, "A code lock's answer and every code part use only the keypad's keys: digits 0-9 and letters A-Z (a word with Ä or Ö is a \"text\" puzzle).",
     "Koodilukon vastauksessa ja koodin osissa on vain näppäimistön merkkejä: numerot 0–9 ja kirjaimet A–Z (sana, jossa on Ä tai Ö, on \"text\"-tehtävä)."},
    /* what a room that ships must meet: it teaches, and reads in three languages */
    {DIAG_PLAIN_TEXT, DIAG_ERROR, LINT_SHIPPED, "Every text has \"fi\", \"sv\" and \"en\": a plain \"text\" is Finnish only; only a text that is one whole {setting} may be plain (game.json's title, intro and ending and the texts of a listed comic too). A comic character's name is the same in every language: written once, it counts for all three.",
     "Jokaisessa tekstissä on \"fi\", \"sv\" ja \"en\": pelkkä \"teksti\" on vain suomeksi; vain kokonainen {asetus} saa olla pelkkä teksti (myös game.jsonin title, intro ja ending sekä listatun sarjakuvan tekstit). Sarjakuvan henkilön nimi on sama kaikilla kielillä: kerran kirjoitettuna se käy kaikille kolmelle."},
    {DIAG_ROOM_SIZE, DIAG_ERROR, LINT_SHIPPED, "A room (other than the lobby) has at least 5 puzzles of at least 3 kinds, a \"code_part\" and an \"outro\".",
     "Huoneessa (aulaa lukuun ottamatta) on vähintään 5 tehtävää vähintään kolmea lajia, koodin osa \"code_part\" ja lopputeksti \"outro\"."},
    {DIAG_HINTS, DIAG_ERROR, LINT_SHIPPED, "Every puzzle (but the last door) has 1 to 3 hints.",
     "Jokaisessa tehtävässä (paitsi viimeisessä ovessa) on 1–3 vihjettä."},
    {DIAG_LESSON, DIAG_ERROR, LINT_SHIPPED, "Every puzzle (but the last door) has a \"solved\" text: the lesson in a sentence or two.",
     "Jokaisessa tehtävässä (paitsi viimeisessä ovessa) on \"solved\"-teksti: opetus parilla lauseella."},
    {DIAG_EXPLAIN, DIAG_ERROR, LINT_SHIPPED, "Every option of a choice, place of a hotspot hunt and pair of a matching has an \"explain\": why it is right or wrong.",
     "Jokaisella monivalinnan vaihtoehdolla, etsintätehtävän kohdalla ja yhdistelyn parilla on selitys \"explain\": miksi se on oikein tai väärin."},
    {DIAG_TEXT_LENGTH, DIAG_ERROR, LINT_SHIPPED, "Texts fit their screen, in letters: intro 260, outro 130, prompt 150, solved 200, wrong 160, hint 160, explain 200, option 120, step 90, pair 26 left and 48 right.",
     "Tekstit mahtuvat näytölle, kirjaimina enintään: intro 260, outro 130, prompt 150, solved 200, wrong 160, vihje 160, explain 200, vaihtoehto 120, vaihe 90, pari 26 vasen ja 48 oikea."},
    {DIAG_DECOY, DIAG_ERROR, LINT_SHIPPED, "In a hotspot hunt every text a player can click in the scene is a place: the wrong ones are decoys with their own explanation.",
     "Etsintätehtävässä jokainen näkymän klikattava teksti on kohta: väärät ovat harhautuksia, joilla on oma selityksensä."},
    {DIAG_GUESSABLE, DIAG_WARNING, LINT_SHIPPED, "A choice puzzle cannot be passed without reading it: the right option is not the first, not the longest (in any language, a tie counts), and not in the same place in every choice puzzle of the room (a warning).",
     "Monivalintaa ei voi ratkaista lukematta: oikea vaihtoehto ei ole ensimmäinen eikä pisin (millään kielellä, tasapeli lasketaan) eikä samalla kohdalla huoneen jokaisessa monivalinnassa (varoitus)."},
    {DIAG_SPOKEN_LINE, DIAG_ERROR, LINT_SHIPPED, "What a screen reader says for a widget, item, option or pair is one line (give a multi-line widget a \"label\").",
     "Mitä ruudunlukija sanoo widgetistä, esineestä, vaihtoehdosta tai parista, on yksi rivi (anna monirivisellä widgetille \"label\")."},
    /* what the whole game must meet */
    {DIAG_NO_DOOR, DIAG_ERROR, LINT_WHOLE_GAME, "The lobby has a door (\"opens\") to every room that game.json lists.",
     "Aulassa on ovi (\"opens\") jokaiseen game.jsonin listaamaan huoneeseen."},
    {DIAG_FINAL_UNREACHABLE, DIAG_ERROR, LINT_WHOLE_GAME, "The last door opens: played from the lobby through every room, the code parts make a code the last door accepts.",
     "Viimeinen ovi aukeaa: kun aulasta pelataan jokainen huone, koodin osista syntyy koodi, jonka viimeinen ovi hyväksyy."},
    {DIAG_COMIC_UNREACHED, DIAG_WARNING, LINT_WHOLE_GAME, "Every comic is opened by some room: a button with \"opens\": \"comic:<id>\" (the studio puts one in the lobby when it makes a comic), a room's \"comic_intro\" or \"comic_outro\", or a puzzle's \"comic\" (a warning).",
     "Jokin huone avaa jokaisen sarjakuvan: painike, jossa \"opens\": \"comic:<tunnus>\" (studio lisää sellaisen aulaan, kun se tekee sarjakuvan), huoneen \"comic_intro\" tai \"comic_outro\" tai tehtävän \"comic\" (varoitus)."},
    {DIAG_FIRST_LOAD, DIAG_ERROR, LINT_WHOLE_GAME, "The first load (the engine, fonts, every room and its pictures, as served with gzip) is at most 600 kB: a picture too big for it is named with what is left.",
     "Ensimmäinen lataus (pelimoottori, fontit, jokainen huone kuvineen, gzip-pakattuna) on enintään 600 kB: liian suuri kuva nimetään ja kerrotaan, paljonko tilaa on jäljellä."},
};

/* The texts that are the same in every language (proper names): written once, a plain text,
   they count for fi, sv and en. The studio shows them as "same in every language" because
   this list says so (pakopeli-lint --rules --json: the plain-text rule's "one_text"), so the
   two never disagree. Paths with [] for any index. */
static const char *const ONE_TEXT[] = {"characters[].name"};

bool lint_one_text(const char *path)
{
    for (size_t i = 0; i < sizeof ONE_TEXT / sizeof ONE_TEXT[0]; i++) {
        const char *p = path, *q = ONE_TEXT[i];
        while (*p && *q) {
            if (q[0] == '[' && q[1] == ']' && p[0] == '[') { /* [] matches [<digits>] */
                const char *d = ++p;
                while (*p >= '0' && *p <= '9') p++;
                if (p == d || *p != ']') break;
                p++;
                q += 2;
            } else if (*p == *q) {
                p++;
                q++;
            } else {
                break;
            }
        }
        if (!*p && !*q) return true;
    }
    return false;
}

const lint_rule *lint_rules(int *count)
{
    *count = (int)(sizeof RULES / sizeof RULES[0]);
    return RULES;
}

const lint_rule *lint_rule_of(diag_code code)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (RULES[i].code == code) return &RULES[i];
    return NULL;
}

void lint_flag(lint_file *f, diag_code code, const char *path, const char *en, const char *fi, ...)
{
    const lint_rule *rule = lint_rule_of(code);
    diag_severity sev = rule ? rule->severity : DIAG_ERROR;
    char en_msg[DIAG_MSG_MAX], fi_msg[DIAG_MSG_MAX];
    va_list ap, ap2;
    va_start(ap, fi);
    va_copy(ap2, ap);
    vsnprintf(en_msg, sizeof en_msg, en, ap);
    vsnprintf(fi_msg, sizeof fi_msg, fi, ap2);
    va_end(ap2);
    va_end(ap);
    int before = f->diags.count;
    lint_report(f, sev, code, path, "%s", en_msg);
    if (f->diags.count > before) snprintf(f->fi[before], sizeof f->fi[before], "%s", fi_msg);
}

bool lint_shipped(const lint_file *f) { return f->kind == LINT_ROOM && f->ref >= 0; }

static const char *scope_name(lint_scope s, bool finnish)
{
    if (s == LINT_SHIPPED) return finnish ? "julkaistava huone" : "a room that ships";
    if (s == LINT_WHOLE_GAME) return finnish ? "koko peli" : "the whole game";
    return finnish ? "jokainen tiedosto" : "every file";
}

void lint_print_rules(FILE *out, bool json, bool finnish)
{
    int n;
    const lint_rule *r = lint_rules(&n);
    if (json) {
        cJSON *arr = cJSON_CreateArray();
        for (int i = 0; i < n; i++) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "code", diag_code_name(r[i].code));
            cJSON_AddStringToObject(o, "severity", r[i].severity == DIAG_ERROR ? "error" : "warning");
            cJSON_AddStringToObject(o, "scope", r[i].scope == LINT_SHIPPED ? "shipped" : r[i].scope == LINT_WHOLE_GAME ? "game" : "any");
            cJSON *m = cJSON_AddObjectToObject(o, "rule");
            cJSON_AddStringToObject(m, "fi", r[i].fi);
            cJSON_AddStringToObject(m, "en", r[i].en);
            if (r[i].code == DIAG_PLAIN_TEXT) {
                cJSON *one = cJSON_AddArrayToObject(o, "one_text");
                for (size_t k = 0; k < sizeof ONE_TEXT / sizeof ONE_TEXT[0]; k++)
                    cJSON_AddItemToArray(one, cJSON_CreateString(ONE_TEXT[k]));
            }
            cJSON_AddItemToArray(arr, o);
        }
        char *s = cJSON_Print(arr);
        if (s) fprintf(out, "%s\n", s);
        free(s);
        cJSON_Delete(arr);
        return;
    }
    /* a Markdown table, as the guides carry it (make rules-doc) */
    fprintf(out, finnish ? "| Koodi | Koskee | Sääntö |\n|---|---|---|\n" : "| Code | Applies to | Rule |\n|---|---|---|\n");
    for (int i = 0; i < n; i++)
        fprintf(out, "| `%s` | %s | %s |\n", diag_code_name(r[i].code), scope_name(r[i].scope, finnish),
                finnish ? r[i].fi : r[i].en);
}
