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
     "Tiedosto on kelvollista JSONia: jokaisella { [ \" on parinsa ja kohdat erotetaan pilkuilla.",
     "Filen är giltig JSON: varje { [ \" har sin motsvarighet och punkterna skiljs åt med kommatecken."},
    {DIAG_UNKNOWN_FIELD, DIAG_ERROR, LINT_ANY, "Every field is one the format knows (a typo is named with its likely fix).",
     "Jokainen kenttä on muodon tuntema (kirjoitusvirheelle ehdotetaan korjausta).",
     "Varje fält är ett som formatet känner till (för ett skrivfel föreslås en rättelse)."},
    {DIAG_TYPE, DIAG_ERROR, LINT_ANY, "Every field has its type: a text in quotes, a number, true/false, a list [...] or an object {...}.",
     "Jokainen kenttä on oikeaa tyyppiä: teksti lainausmerkeissä, luku, true/false, lista [...] tai olio {...}.",
     "Varje fält har rätt typ: en text inom citattecken, ett tal, true/false, en lista [...] eller ett objekt {...}."},
    {DIAG_MISSING, DIAG_ERROR, LINT_ANY, "Every required field is there (a room's id, title, scene and puzzles; a puzzle's id, kind and prompt).",
     "Jokainen pakollinen kenttä on mukana (huoneen id, title, scene ja puzzles; tehtävän id, kind ja prompt).",
     "Varje obligatoriskt fält finns med (rummets id, title, scene och puzzles; uppgiftens id, kind och prompt)."},
    {DIAG_BAD_VALUE, DIAG_ERROR, LINT_ANY, "Values are allowed ones: ids use only a-z, 0-9, '-' and '_'; kinds and types are from the list; an explanation starts with the reason, not with \"Right\" (a warning).",
     "Arvot ovat sallittuja: tunnuksissa vain a–z, 0–9, '-' ja '_'; lajit ja tyypit listalta; selitys alkaa syystä eikä sanalla \"Oikein\" (varoitus).",
     "Värdena är tillåtna: i id:n bara a–z, 0–9, '-' och '_'; slag och typer från listan; en förklaring börjar med skälet och inte med \"Rätt\" (en varning)."},
    {DIAG_DUPLICATE_ID, DIAG_ERROR, LINT_ANY, "No two widgets, items, puzzles or options of a list share an id.",
     "Kahdella widgetillä, esineellä, tehtävällä tai saman listan kohdalla ei ole samaa tunnusta.",
     "Två widgetar, föremål, uppgifter eller punkter i samma lista har aldrig samma id."},
    {DIAG_UNKNOWN_REF, DIAG_ERROR, LINT_ANY, "Every id that is referred to exists: widgets, items, puzzles, rooms in game.json, comics.",
     "Jokainen viitattu tunnus on olemassa: widgetit, esineet, tehtävät, game.jsonin huoneet, sarjakuvat.",
     "Varje id som det hänvisas till finns: widgetar, föremål, uppgifter, rum i game.json, serier."},
    {DIAG_TRANSLATION, DIAG_ERROR, LINT_ANY, "Every text has Finnish (\"fi\"); a missing Swedish or English text is a warning in a loose file and an error in what ships (a listed room or comic, game.json).",
     "Jokaisessa tekstissä on suomi (\"fi\"); puuttuva ruotsi tai englanti on varoitus irrallisessa tiedostossa ja virhe julkaistavassa sisällössä (listattu huone tai sarjakuva, game.json).",
     "Varje text har finska (\"fi\"); en svensk eller engelsk text som saknas är en varning i en lös fil och ett fel i det som publiceras (ett listat rum eller en listad serie, game.json)."},
    {DIAG_TOO_MANY, DIAG_ERROR, LINT_ANY, "Lists stay within the engine's limits (widgets, puzzles, options, hints, code length); the rooms' different images and the largest comic's fit the engine's pool of files held at once; with --scorm, the game's resume state fits the package's suspend data.",
     "Listat pysyvät pelimoottorin rajoissa (widgetit, tehtävät, vaihtoehdot, vihjeet, koodin pituus); huoneiden eri kuvat ja suurimman sarjakuvan kuvat mahtuvat pelimoottorin yhtä aikaa pitämien tiedostojen joukkoon; --scorm-valinnalla pelin jatkotila mahtuu paketin suspend_data-kenttään.",
     "Listorna håller sig inom spelmotorns gränser (widgetar, uppgifter, alternativ, ledtrådar, kodens längd); rummens olika bilder och den största seriens bilder ryms bland de filer spelmotorn håller samtidigt; med --scorm ryms spelets fortsättningsläge i paketets suspend_data-fält."},
    {DIAG_UNREACHABLE, DIAG_ERROR, LINT_ANY, "Every puzzle can be opened: its \"requires\" do not go round in a circle and every item it needs is given by a puzzle.",
     "Jokainen tehtävä aukeaa: sen edellytykset (\"requires\") eivät kierrä kehää ja jokin tehtävä antaa jokaisen tarvittavan esineen.",
     "Varje uppgift kan öppnas: dess villkor (\"requires\") går inte runt i en cirkel, och varje föremål som den behöver ges av någon uppgift."},
    /* what only the linter sees */
    {DIAG_UNSOLVABLE, DIAG_ERROR, LINT_ANY, "A room can be played to its end: the linter plays it with the puzzles' own right answers, and every place and item is there when it is needed.",
     "Huoneen voi pelata loppuun: tarkistin pelaa sen tehtävien omilla oikeilla vastauksilla, ja jokainen kohta ja esine on saatavilla kun sitä tarvitaan.",
     "Rummet kan spelas till slutet: kontrollen spelar det med uppgifternas egna rätta svar, och varje ställe och föremål finns till hands när det behövs."},
    {DIAG_IO, DIAG_ERROR, LINT_ANY, "Every file that game.json lists exists.",
     "Jokainen game.jsonin listaama tiedosto on olemassa.",
     "Varje fil som game.json listar finns."},
    {DIAG_ASSET, DIAG_ERROR, LINT_ANY, "Every image is a PNG, JPEG or SVG under assets/ that exists and decodes; an SVG uses plain shapes with a viewBox (no text, styles, gradients or filters); a picture has the scene's shape (warnings).",
     "Jokainen kuva on assets/-kansion PNG, JPEG tai SVG, joka on olemassa ja aukeaa; SVG:ssä on viewBox ja pelkkiä muotoja (ei tekstiä, tyylejä, liukuvärejä, suodattimia); kuva on näkymän muotoinen (varoituksia).",
     "Varje bild är en PNG, JPEG eller SVG i mappen assets/ som finns och går att öppna; en SVG har en viewBox och bara enkla former (ingen text, inga stilar, toningar eller filter); bilden har vyns form (varningar)."},
    {DIAG_OVERFLOW, DIAG_ERROR, LINT_ANY, "Every text fits its widget at the scene's size and in the panel at 150 % text size; comic bubbles fit their panel, and at 100 % none covers a speaker (the tip of a tail).",
     "Jokainen teksti mahtuu widgettiinsä näkymän koossa ja paneeliin 150 %:n tekstikoolla; sarjakuvan puhekuplat mahtuvat ruutuunsa, eikä mikään peitä 100 %:n koolla puhujaa (hännän kärkeä).",
     "Varje text ryms i sin widget i vyns storlek och i panelen med 150 % textstorlek; seriens pratbubblor ryms i sin ruta, och med 100 % täcker ingen den som talar (svansens spets)."},
    {DIAG_OUT_OF_BOUNDS, DIAG_ERROR, LINT_ANY, "Widgets and places lie inside the scene; two readable widgets do not lie on top of each other (a warning); a place is at least 40 x 40 (a warning).",
     "Widgetit ja kohdat ovat näkymän sisällä; kaksi luettavaa widgetiä ei ole päällekkäin (varoitus); kohta on vähintään 40 × 40 (varoitus).",
     "Widgetar och ställen ligger inom vyn; två läsbara widgetar ligger inte på varandra (en varning); ett ställe är minst 40 × 40 (en varning)."},
    {DIAG_REQUIRES_FORWARD, DIAG_ERROR, LINT_ANY, "A puzzle requires only puzzles that come before it in the list, so the list is the order a player meets them.",
     "Tehtävä edellyttää vain listassa ennen sitä olevia tehtäviä, joten lista on järjestys, jossa pelaaja ne kohtaa.",
     "En uppgift kräver bara uppgifter som kommer före den i listan, så att listan är den ordning som spelaren möter dem i."},
    {DIAG_WIDGET_HIDDEN, DIAG_ERROR, LINT_ANY, "A widget with \"hidden\": true is revealed by some puzzle (\"gives\": {\"reveals\": [...]}).",
     "Piilotettu widget (\"hidden\": true) paljastetaan jossakin tehtävässä (\"gives\": {\"reveals\": [...]}).",
     "En dold widget (\"hidden\": true) tas fram av någon uppgift (\"gives\": {\"reveals\": [...]})."},
    {DIAG_WIDGET_UNREACHABLE, DIAG_ERROR, LINT_ANY, "A hidden widget is revealed by a puzzle that a player can solve.",
     "Piilotetun widgetin paljastaa tehtävä, jonka pelaaja voi ratkaista.",
     "En dold widget tas fram av en uppgift som spelaren kan lösa."},
    {DIAG_LETTER, DIAG_ERROR, LINT_ANY, "Every letter is one the game's fonts carry (Latin with the Nordic letters, common punctuation, arrows and the euro sign): game/front/font_subset.h lists them.",
     "Jokainen merkki on pelin fonteissa (latinalaiset ja pohjoismaiset kirjaimet, tavalliset välimerkit, nuolet ja euron merkki): luettelo on tiedostossa game/front/font_subset.h.",
     "Varje tecken finns i spelets typsnitt (latinska och nordiska bokstäver, vanliga skiljetecken, pilar och eurotecknet): förteckningen finns i filen game/front/font_subset.h."},
    {DIAG_KEYPAD, DIAG_ERROR, LINT_ANY, "A code lock's answer and every code part use only the keypad's keys: digits 0-9 and letters A-Z (a word with Ä or Ö is a \"text\" puzzle).",
     "Koodilukon vastauksessa ja koodin osissa on vain näppäimistön merkkejä: numerot 0–9 ja kirjaimet A–Z (sana, jossa on Ä tai Ö, on \"text\"-tehtävä).",
     "I kodlåsets svar och i koddelarna finns bara tecken som knappsatsen har: siffrorna 0–9 och bokstäverna A–Z (ett ord med Ä eller Ö är en \"text\"-uppgift)."},
    /* what a room that ships must meet: it teaches, and reads in three languages */
    {DIAG_PLAIN_TEXT, DIAG_ERROR, LINT_SHIPPED, "Every text has \"fi\", \"sv\" and \"en\": a plain \"text\" is Finnish only; only a text that is one whole {setting} may be plain (game.json's title, intro and ending and the texts of a listed comic too). A comic character's name is the same in every language: written once, it counts for all three.",
     "Jokaisessa tekstissä on \"fi\", \"sv\" ja \"en\": pelkkä \"teksti\" on vain suomeksi; vain kokonainen {asetus} saa olla pelkkä teksti (myös game.jsonin title, intro ja ending sekä listatun sarjakuvan tekstit). Sarjakuvan henkilön nimi on sama kaikilla kielillä: kerran kirjoitettuna se käy kaikille kolmelle.",
     "Varje text har \"fi\", \"sv\" och \"en\": en enkel \"text\" finns bara på finska; bara en text som är en hel {inställning} får vara enkel (också game.jsons title, intro och ending samt texterna i en listad serie). En seriefigurs namn är detsamma på alla språk: skrivet en gång gäller det alla tre."},
    {DIAG_ROOM_SIZE, DIAG_ERROR, LINT_SHIPPED, "A room (other than the lobby) has at least 5 puzzles of at least 3 kinds, a \"code_part\" and an \"outro\".",
     "Huoneessa (aulaa lukuun ottamatta) on vähintään 5 tehtävää vähintään kolmea lajia, koodin osa \"code_part\" ja lopputeksti \"outro\".",
     "Ett rum (utom lobbyn) har minst 5 uppgifter av minst tre slag, en koddel \"code_part\" och en sluttext \"outro\"."},
    {DIAG_HINTS, DIAG_ERROR, LINT_SHIPPED, "Every puzzle (but the last door) has 1 to 3 hints.",
     "Jokaisessa tehtävässä (paitsi viimeisessä ovessa) on 1–3 vihjettä.",
     "Varje uppgift (utom den sista dörren) har 1–3 ledtrådar."},
    {DIAG_LESSON, DIAG_ERROR, LINT_SHIPPED, "Every puzzle (but the last door) has a \"solved\" text: the lesson in a sentence or two.",
     "Jokaisessa tehtävässä (paitsi viimeisessä ovessa) on \"solved\"-teksti: opetus parilla lauseella.",
     "Varje uppgift (utom den sista dörren) har en \"solved\"-text: lärdomen i en eller två meningar."},
    {DIAG_LESSON_ECHO, DIAG_WARNING, LINT_SHIPPED, "A puzzle's lesson (\"solved\") does not repeat the explanation of its right answer, which the player reads just before it: the explanation says why this answer, the lesson what to remember (a warning: most of the longer words of the shorter text in both).",
     "Tehtävän opetus (\"solved\") ei toista oikean vastauksen selitystä, jonka pelaaja lukee juuri ennen sitä: selitys kertoo, miksi juuri tämä vastaus, opetus mitä muistaa (varoitus: useimmat lyhyemmän tekstin pidemmistä sanoista kummassakin).",
     "En uppgifts lärdom (\"solved\") upprepar inte förklaringen till det rätta svaret, som spelaren läser just före den: förklaringen säger varför just det svaret, lärdomen vad man ska minnas (en varning: de flesta längre orden i den kortare texten finns i båda)."},
    {DIAG_EXPLAIN, DIAG_ERROR, LINT_SHIPPED, "Every option of a choice, place of a hotspot hunt and pair of a matching has an \"explain\": why it is right or wrong.",
     "Jokaisella monivalinnan vaihtoehdolla, etsintätehtävän kohdalla ja yhdistelyn parilla on selitys \"explain\": miksi se on oikein tai väärin.",
     "Varje alternativ i en flervalsuppgift, ställe i en sökuppgift och par i en paruppgift har en förklaring \"explain\": varför det är rätt eller fel."},
    {DIAG_TEXT_LENGTH, DIAG_ERROR, LINT_SHIPPED, "Texts fit their screen, in letters: intro 260, outro 130, prompt 150, solved 200, wrong 160, hint 160, explain 200, option 120, step 90, pair 26 left and 48 right.",
     "Tekstit mahtuvat näytölle, kirjaimina enintään: intro 260, outro 130, prompt 150, solved 200, wrong 160, vihje 160, explain 200, vaihtoehto 120, vaihe 90, pari 26 vasen ja 48 oikea.",
     "Texterna ryms på skärmen, högst så här många tecken: intro 260, outro 130, prompt 150, solved 200, wrong 160, ledtråd 160, explain 200, alternativ 120, steg 90, par 26 till vänster och 48 till höger."},
    {DIAG_DECOY, DIAG_ERROR, LINT_SHIPPED, "In a hotspot hunt every text a player can click in the scene is a place: the wrong ones are decoys with their own explanation.",
     "Etsintätehtävässä jokainen näkymän klikattava teksti on kohta: väärät ovat harhautuksia, joilla on oma selityksensä.",
     "I en sökuppgift är varje text i vyn som spelaren kan klicka på ett ställe: de felaktiga är avledningar med en egen förklaring."},
    {DIAG_GUESSABLE, DIAG_WARNING, LINT_SHIPPED, "A choice puzzle cannot be passed without reading it: the right option is not the first, not the longest (in any language, a tie counts), and not in the same place in every choice puzzle of the room (a warning).",
     "Monivalintaa ei voi ratkaista lukematta: oikea vaihtoehto ei ole ensimmäinen eikä pisin (millään kielellä, tasapeli lasketaan) eikä samalla kohdalla huoneen jokaisessa monivalinnassa (varoitus).",
     "En flervalsuppgift kan inte lösas utan att man läser den: det rätta alternativet är inte det första, inte det längsta (på något språk, lika långt räknas) och inte på samma plats i varje flervalsuppgift i rummet (en varning)."},
    {DIAG_SPOKEN_LINE, DIAG_ERROR, LINT_SHIPPED, "What a screen reader says for a widget, item, option or pair is one line (give a multi-line widget a \"label\").",
     "Mitä ruudunlukija sanoo widgetistä, esineestä, vaihtoehdosta tai parista, on yksi rivi (anna monirivisellä widgetille \"label\").",
     "Det som en skärmläsare säger om en widget, ett föremål, ett alternativ eller ett par är en rad (ge en widget med flera rader en \"label\")."},
    /* what the whole game must meet */
    {DIAG_NO_DOOR, DIAG_ERROR, LINT_WHOLE_GAME, "The lobby has a door (\"opens\") to every room that game.json lists.",
     "Aulassa on ovi (\"opens\") jokaiseen game.jsonin listaamaan huoneeseen.",
     "Lobbyn har en dörr (\"opens\") till varje rum som game.json listar."},
    {DIAG_FINAL_UNREACHABLE, DIAG_ERROR, LINT_WHOLE_GAME, "The last door opens: played from the lobby through every room, the code parts make a code the last door accepts.",
     "Viimeinen ovi aukeaa: kun aulasta pelataan jokainen huone, koodin osista syntyy koodi, jonka viimeinen ovi hyväksyy.",
     "Den sista dörren öppnas: när man från lobbyn spelar igenom varje rum bildar koddelarna en kod som den sista dörren godtar."},
    {DIAG_COMIC_UNREACHED, DIAG_WARNING, LINT_WHOLE_GAME, "Every comic is opened by some room: a button with \"opens\": \"comic:<id>\" (the studio puts one in the lobby when it makes a comic), a room's \"comic_intro\" or \"comic_outro\", or a puzzle's \"comic\" (a warning).",
     "Jokin huone avaa jokaisen sarjakuvan: painike, jossa \"opens\": \"comic:<tunnus>\" (studio lisää sellaisen aulaan, kun se tekee sarjakuvan), huoneen \"comic_intro\" tai \"comic_outro\" tai tehtävän \"comic\" (varoitus).",
     "Varje serie öppnas av något rum: en knapp med \"opens\": \"comic:<id>\" (studion lägger en sådan i lobbyn när den gör en serie), rummets \"comic_intro\" eller \"comic_outro\" eller en uppgifts \"comic\" (en varning)."},
    {DIAG_FIRST_LOAD, DIAG_ERROR, LINT_WHOLE_GAME, "The first load (the engine, fonts, every room and its pictures, as served with gzip) is at most 600 kB: a picture too big for it is named with what is left.",
     "Ensimmäinen lataus (pelimoottori, fontit, jokainen huone kuvineen, gzip-pakattuna) on enintään 600 kB: liian suuri kuva nimetään ja kerrotaan, paljonko tilaa on jäljellä.",
     "Den första laddningen (spelmotorn, typsnitten, varje rum med sina bilder, komprimerade med gzip) är högst 600 kB: en för stor bild nämns och hur mycket utrymme som finns kvar."},
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

void lint_flag(lint_file *f, diag_code code, const char *path, const char *en, const char *fi, const char *sv, ...)
{
    const lint_rule *rule = lint_rule_of(code);
    diag_severity sev = rule ? rule->severity : DIAG_ERROR;
    char en_msg[DIAG_MSG_MAX], fi_msg[DIAG_MSG_MAX], sv_msg[DIAG_MSG_MAX];
    va_list ap, ap2, ap3;
    va_start(ap, sv);
    va_copy(ap2, ap);
    va_copy(ap3, ap);
    vsnprintf(en_msg, sizeof en_msg, en, ap);
    vsnprintf(fi_msg, sizeof fi_msg, fi, ap2);
    vsnprintf(sv_msg, sizeof sv_msg, sv, ap3);
    va_end(ap3);
    va_end(ap2);
    va_end(ap);
    int before = f->diags.count;
    lint_report(f, sev, code, path, "%s", en_msg);
    if (f->diags.count > before) {
        snprintf(f->fi[before], sizeof f->fi[before], "%s", fi_msg);
        snprintf(f->sv[before], sizeof f->sv[before], "%s", sv_msg);
    }
}

bool lint_shipped(const lint_file *f) { return f->kind == LINT_ROOM && f->ref >= 0; }

static const char *scope_name(lint_scope s, i18n_lang lang)
{
    static const char *const names[3][LANG_COUNT] = {{"jokainen tiedosto", "varje fil", "every file"},
                                                     {"julkaistava huone", "ett rum som publiceras", "a room that ships"},
                                                     {"koko peli", "hela spelet", "the whole game"}};
    return names[s == LINT_SHIPPED ? 1 : s == LINT_WHOLE_GAME ? 2 : 0][lang];
}

void lint_print_rules(FILE *out, bool json, i18n_lang lang)
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
            cJSON_AddStringToObject(m, "sv", r[i].sv);
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
    fprintf(out, lang == LANG_FI   ? "| Koodi | Koskee | Sääntö |\n|---|---|---|\n"
                 : lang == LANG_SV ? "| Kod | Gäller | Regel |\n|---|---|---|\n"
                                   : "| Code | Applies to | Rule |\n|---|---|---|\n");
    for (int i = 0; i < n; i++)
        fprintf(out, "| `%s` | %s | %s |\n", diag_code_name(r[i].code), scope_name(r[i].scope, lang),
                lang == LANG_FI ? r[i].fi : lang == LANG_SV ? r[i].sv : r[i].en);
}
