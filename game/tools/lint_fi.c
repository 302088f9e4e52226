/* lint_fi.c - pakopeli-lint's messages in Finnish (--lang fi).
 *
 * The loaders write their messages in English (they are the game's, and the tests assert on
 * codes, not words). Here each known message is matched whole against an English pattern
 * and rewritten in Finnish; what is captured (ids, numbers, a nested reason) is put back,
 * itself translated when it is a known phrase. A message with no pattern keeps its English
 * words behind a Finnish name for its kind of problem (its diag_code), so nothing is lost.
 *
 * Patterns: '%' captures any text, "%%" is a literal '%'. Finnish: %1..%9 put the captures
 * back, "%%" is a literal '%'. When several patterns match, the one with the most literal
 * text wins ("at most % hints per puzzle" before "at most %").
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lint.h"

typedef struct phrase {
    const char *en, *fi;
} phrase;

static const phrase PATTERNS[] = {
    /* jsonx.c: syntax and types */
    {"JSON syntax error at the end of the file (a missing } or ] ?)",
     "JSON-kielioppivirhe tiedoston lopussa (puuttuuko } tai ] ?)"},
    {"JSON syntax error near '%' (a missing comma, quote or bracket?)",
     "JSON-kielioppivirhe kohdassa '%1' (puuttuuko pilkku, lainausmerkki tai sulje?)"},
    {"unexpected text after the end of the JSON document", "JSON-tiedoston lopun jälkeen on vielä tekstiä"},
    {"required field '%' is missing", "pakollinen kenttä '%1' puuttuu"},
    {"should be a text in quotes, not %", "pitäisi olla teksti lainausmerkeissä, ei %1"},
    {"should be a number, not %", "pitäisi olla luku, ei %1"},
    {"should be a whole number from % to %, not %", "pitäisi olla kokonaisluku %1–%2, ei %3"},
    {"should be true or false, not %", "pitäisi olla true tai false, ei %1"},
    {"should be a list [...], not %", "pitäisi olla lista [...], ei %1"},
    {"should be an object {...}, not %", "pitäisi olla olio {...}, ei %1"},
    {"unknown field '%' (did you mean '%'?)", "tuntematon kenttä '%1' (tarkoititko '%2'?)"},
    {"unknown field '%'", "tuntematon kenttä '%1'"},
    /* level.c: rooms and the manifest */
    {"should be a text, or an object {\"fi\": ..., \"sv\": ..., \"en\": ...}",
     "pitäisi olla teksti tai olio {\"fi\": ..., \"sv\": ..., \"en\": ...}"},
    {"the Finnish text \"fi\" is missing", "suomenkielinen teksti \"fi\" puuttuu"},
    {"the % text \"%\" is missing", "%1 teksti \"%2\" puuttuu"},
    {"an id cannot be empty", "tunnus ei voi olla tyhjä"},
    {"id '%' may contain only a-z, 0-9, '-' and '_'", "tunnuksessa '%1' saa olla vain merkkejä a–z, 0–9, '-' ja '_'"},
    {"should be [x, y, width, height]", "pitäisi olla [x, y, leveys, korkeus]"},
    {"should be [x, y, width, height] in numbers", "pitäisi olla [x, y, leveys, korkeus] lukuina"},
    {"width and height must be greater than 0", "leveyden ja korkeuden pitää olla suurempia kuin 0"},
    {"'%' is not one of % (did you mean '%'?)", "'%1' ei ole mikään näistä: %2 (tarkoititko '%3'?)"},
    {"'%' is not one of %", "'%1' ei ole mikään näistä: %2"},
    {"a widget should be an object {...}", "widgetin pitäisi olla olio {...}"},
    {"an % widget needs an \"image\"", "%1-widget tarvitsee kuvan \"image\""},
    {"should be an object {...}", "pitäisi olla olio {...}"},
    {"a place needs a \"widget\" id or a \"rect\"",
     "kohta tarvitsee widgetin tunnuksen \"widget\" tai suorakulmion \"rect\""},
    {"a puzzle should be an object {...}", "tehtävän pitäisi olla olio {...}"},
    {"at most % hints per puzzle", "tehtävässä saa olla enintään %1 vihjettä"},
    {"needs at least % items", "tarvitsee vähintään %1 kohtaa"},
    {"at most % items", "enintään %1 kohtaa"},
    /* lint_resume.c: a learning platform's limit */
    {"the resume state of this game can reach % characters, % more than SCORM % keeps (cmi.suspend_data, %): use fewer puzzles, options or hints%",
     "pelin jatkotila voi kasvaa %1 merkkiin, %2 enemmän kuin SCORM %3 säilyttää (cmi.suspend_data, %4): vähennä tehtäviä, vaihtoehtoja tai vihjeitä%5"},
    {"id '%' is used twice in this list", "tunnus '%1' on tässä listassa kahdesti"},
    {"no item has \"correct\": true, so the puzzle can never be solved",
     "yhdelläkään kohdalla ei ole \"correct\": true, joten tehtävää ei voi koskaan ratkaista"},
    {"the final door's code is made of the rooms' code parts: leave \"answer\" out",
     "viimeisen oven koodi kootaan huoneiden koodin osista: jätä \"answer\" pois"},
    {"the code cannot be empty", "koodi ei voi olla tyhjä"},
    {"list at least one accepted answer", "luettele vähintään yksi hyväksytty vastaus"},
    {"at most % accepted answers", "enintään %1 hyväksyttyä vastausta"},
    {"should be a text in quotes", "pitäisi olla teksti lainausmerkeissä"},
    {"an accepted answer cannot be empty", "hyväksytty vastaus ei voi olla tyhjä"},
    {"an item should be an object {...}", "esineen pitäisi olla olio {...}"},
    {"no widget has the id '%' (did you mean '%'?)", "millään widgetillä ei ole tunnusta '%1' (tarkoititko '%2'?)"},
    {"no widget has the id '%'", "millään widgetillä ei ole tunnusta '%1'"},
    {"at most % requirements", "enintään %1 edellytystä"},
    {"should be a puzzle or item id in quotes", "pitäisi olla tehtävän tai esineen tunnus lainausmerkeissä"},
    {"a puzzle cannot require itself", "tehtävä ei voi edellyttää itseään"},
    {"no puzzle or item has the id '%'", "millään tehtävällä tai esineellä ei ole tunnusta '%1'"},
    {"at most %", "enintään %1"},
    {"should be an id in quotes", "pitäisi olla tunnus lainausmerkeissä"},
    {"no item has the id '%' (list it in \"items\" of the room)",
     "millään esineellä ei ole tunnusta '%1' (lisää se huoneen \"items\"-listaan)"},
    {"no item has the id '%'", "millään esineellä ei ole tunnusta '%1'"},
    {"widget id '%' is used twice", "widgetin tunnus '%1' on käytössä kahdesti"},
    {"item id '%' is used twice", "esineen tunnus '%1' on käytössä kahdesti"},
    {"'%' is already a puzzle's id: \"requires\" could not tell them apart",
     "'%1' on jo tehtävän tunnus: \"requires\" ei erottaisi niitä toisistaan"},
    {"puzzle id '%' is used twice", "tehtävän tunnus '%1' on käytössä kahdesti"},
    {"the place [%, %, %, %] is outside the %x% scene", "kohta [%1, %2, %3, %4] on näkymän %5×%6 ulkopuolella"},
    {"no other puzzle gives the item '%', so this one can never be solved",
     "mikään muu tehtävä ei anna esinettä '%1', joten tätä ei voi koskaan ratkaista"},
    {"puzzle '%' can never be opened: its \"requires\" go round in a circle",
     "tehtävä '%1' ei aukea koskaan: sen edellytykset (\"requires\") kiertävät kehää"},
    {"a room file should be one object {...}", "huonetiedoston pitäisi olla yksi olio {...}"},
    {"should be [width, height], each 100 to 4000", "pitäisi olla [leveys, korkeus], kumpikin 100–4000"},
    {"at most % widgets in a scene", "näkymässä saa olla enintään %1 widgetiä"},
    {"a room needs at least one puzzle", "huone tarvitsee vähintään yhden tehtävän"},
    {"at most % puzzles in a room", "huoneessa saa olla enintään %1 tehtävää"},
    {"at most % items in a room", "huoneessa saa olla enintään %1 esinettä"},
    {"out of memory", "muisti loppui"},
    {"the game file should be one object {...}", "pelitiedoston pitäisi olla yksi olio {...}"},
    {"at most % settings", "enintään %1 asetusta"},
    {"at most % comics", "enintään %1 sarjakuvaa"},
    {"should be an object {\"id\": ..., \"file\": ...}", "pitäisi olla olio {\"id\": ..., \"file\": ...}"},
    {"the game needs at least one room", "peli tarvitsee vähintään yhden huoneen"},
    {"at most % rooms", "enintään %1 huonetta"},
    {"room id '%' is used twice", "huoneen tunnus '%1' on käytössä kahdesti"},
    {"no room in \"rooms\" has the id '%'", "millään \"rooms\"-listan huoneella ei ole tunnusta '%1'"},
    {"no setting named {%} in levels/game.json", "tiedostossa levels/game.json ei ole asetusta {%1}"},
    /* comic.c and comic_layout.c */
    {"the text is empty", "teksti on tyhjä"},
    {"should be %: two numbers in [ ]", "pitäisi olla %1: kaksi lukua hakasulkeissa [ ]"},
    {"should be %, each % to %", "pitäisi olla %1, kukin %2–%3"},
    {"a panel must be at least 40 by 40", "ruudun pitää olla vähintään 40 × 40"},
    {"'%' should be a file under assets/, such as \"assets/comics/page1-1.svg\"",
     "'%1' pitäisi olla assets/-kansion tiedosto, esimerkiksi \"assets/comics/page1-1.svg\""},
    {"'%' should be an .svg, .png or .jpg file", "'%1' pitäisi olla .svg-, .png- tai .jpg-tiedosto"},
    {"the path is too long", "polku on liian pitkä"},
    {"no character has the id '%': list the people in \"characters\"",
     "millään henkilöllä ei ole tunnusta '%1': luettele henkilöt \"characters\"-listassa"},
    {"no character has the id '%' (did you mean '%'?)", "millään henkilöllä ei ole tunnusta '%1' (tarkoititko '%2'?)"},
    {"no character has the id '%'", "millään henkilöllä ei ole tunnusta '%1'"},
    {"a bubble should be an object {...}", "kuplan pitäisi olla olio {...}"},
    {"should be a number (percent of the panel)", "pitäisi olla luku (prosenttia ruudusta)"},
    {"should be 10 to 100 (percent of the panel)", "pitäisi olla 10–100 (prosenttia ruudusta)"},
    {"a caption is the narrator's and has no \"speaker\"; use \"speech\" or \"thought\"",
     "kertojan tekstillä (caption) ei ole puhujaa \"speaker\"; käytä \"speech\" tai \"thought\""},
    {"a caption has no \"tail\"", "kertojan tekstillä ei ole häntää \"tail\""},
    {"a speech bubble needs a \"tail\": [x, y] where the speaker's mouth is",
     "puhekupla tarvitsee hännän \"tail\": [x, y] puhujan suun kohdalle"},
    {"a panel should be an object {...}", "ruudun pitäisi olla olio {...}"},
    {"at most % bubbles and captions in a panel: split the panel in two",
     "ruudussa saa olla enintään %1 kuplaa ja tekstilaatikkoa: jaa ruutu kahtia"},
    {"this panel has no \"order\" but others on the page do: give every panel an order, or none",
     "tällä ruudulla ei ole järjestystä \"order\", mutta sivun muilla on: anna järjestys kaikille ruuduille tai ei yhdellekään"},
    {"order % on a page of % panels: number the panels 1 to %",
     "järjestys %1 sivulla, jolla on %2 ruutua: numeroi ruudut 1–%3"},
    {"order % is also given to panel %", "järjestys %1 on annettu myös ruudulle %2"},
    {"a page should be an object {\"panels\": [...]}", "sivun pitäisi olla olio {\"panels\": [...]}"},
    {"a page needs at least one panel", "sivu tarvitsee vähintään yhden ruudun"},
    {"at most % panels on a page", "sivulla saa olla enintään %1 ruutua"},
    {"the panel [%, %, %, %] is outside the %x% page", "ruutu [%1, %2, %3, %4] on sivun %5×%6 ulkopuolella"},
    {"the panel overlaps panel %", "ruutu on ruudun %1 päällä"},
    {"at most % characters", "enintään %1 henkilöä"},
    {"should be an object {\"id\": ..., \"name\": {...}}", "pitäisi olla olio {\"id\": ..., \"name\": {...}}"},
    {"character id '%' is used twice", "henkilön tunnus '%1' on käytössä kahdesti"},
    {"a comic file should be one object {...}", "sarjakuvatiedoston pitäisi olla yksi olio {...}"},
    {"a comic needs at least one page", "sarjakuva tarvitsee vähintään yhden sivun"},
    {"at most % pages", "enintään %1 sivua"},
    {"at text size % %% the % text does not fit its panel: %", "tekstikoolla %1 %% %2 teksti ei mahdu ruutuunsa: %3"},
    /* pakopeli-lint's own checks */
    {"the file cannot be read", "tiedostoa ei voi lukea"},
    {"this room is sealed (the web build's copy, its answers hidden): check the plain room in levels/",
     "huone on sinetöity (verkkoversion kopio, vastaukset piilotettuina): tarkista alkuperäinen huone kansiossa levels/"},
    {"this room is not listed in \"rooms\" of %, so the game never shows it",
     "tätä huonetta ei ole tiedoston %1 \"rooms\"-listassa, joten peli ei näytä sitä koskaan"},
    {"'%' should be a file under assets/, such as \"assets/scenes/my-screen.png\" (the game ships only that folder)",
     "'%1' pitäisi olla assets/-kansion tiedosto, esimerkiksi \"assets/scenes/oma-kuva.png\" (peli julkaisee vain sen kansion)"},
    {"'%': the game reads PNG, JPEG and SVG images only", "'%1': peli lukee vain PNG-, JPEG- ja SVG-kuvia"},
    {"the image '%' does not exist (did you mean '%'?)", "kuvaa '%1' ei ole (tarkoititko '%2'?)"},
    {"the image '%' does not exist", "kuvaa '%1' ei ole"},
    {"the image '%' cannot be read", "kuvaa '%1' ei voi lukea"},
    {"the image '%' cannot be decoded: it is damaged or not a PNG, JPEG or SVG",
     "kuvaa '%1' ei saa auki: se on rikki tai ei ole PNG-, JPEG- tai SVG-kuva"},
    {"the image '%' uses %, which the game's SVG renderer does not draw: convert text to paths and use plain shapes",
     "kuvassa '%1' on %2, jota pelin SVG-piirtäjä ei piirrä: muunna tekstit poluiksi ja käytä tavallisia muotoja"},
    {"the image '%' is % KB: every player downloads it, so keep images under % KB (a screenshot at the scene's size, as PNG or JPEG)",
     "kuva '%1' on %2 kt: jokainen pelaaja lataa sen, joten pidä kuvat alle %3 kt:n (kuvakaappaus näkymän kokoisena, PNG- tai JPEG-muodossa)"},
    {"the picture is %x% but the scene is %x%: it is drawn with empty edges, so places marked on it will not line up; "
     "set the scene's \"size\" to [%, %]",
     "kuva on %1×%2, mutta näkymä on %3×%4: kuva piirretään tyhjin reunoin, joten siihen merkityt kohdat eivät osu "
     "kohdalleen; aseta näkymän kooksi \"size\": [%5, %6]"},
    {"no comic has the id '%' (did you mean '%'?): a comic is levels/comics/<id>.json or listed in \"comics\" of game.json",
     "millään sarjakuvalla ei ole tunnusta '%1' (tarkoititko '%2'?): sarjakuva on tiedosto levels/comics/<tunnus>.json "
     "tai lueteltu game.json-tiedoston \"comics\"-listassa"},
    {"no comic has the id '%': a comic is levels/comics/<id>.json or listed in \"comics\" of game.json",
     "millään sarjakuvalla ei ole tunnusta '%1': sarjakuva on tiedosto levels/comics/<tunnus>.json tai lueteltu "
     "game.json-tiedoston \"comics\"-listassa"},
    {"no room in game.json has the id '%' (did you mean '%'?)",
     "game.json-tiedostossa ei ole huonetta, jonka tunnus on '%1' (tarkoititko '%2'?)"},
    {"no room in game.json has the id '%'", "game.json-tiedostossa ei ole huonetta, jonka tunnus on '%1'"},
    {"the explanation starts with '%': the game already shows whether the answer was right, so start with the reason",
     "selitys alkaa sanalla '%1': peli näyttää jo, oliko vastaus oikein, joten aloita perustelulla"},
    {"the widget [%, %, %, %] reaches outside the %x% scene", "widget [%1, %2, %3, %4] ulottuu näkymän %5×%6 ulkopuolelle"},
    {"this widget lies on top of widget % ('%'): a click or tap would hit both",
     "tämä widget on widgetin %1 ('%2') päällä: napsautus osuisi molempiin"},
    {"this widget lies on top of widget %: a click or tap would hit both",
     "tämä widget on widgetin %1 päällä: napsautus osuisi molempiin"},
    {"the place is %x%: make it at least %x% so that it is easy to tap on a phone",
     "kohta on %1×%2: tee siitä vähintään %3×%4, jotta siihen on helppo osua puhelimella"},
    {"a player gets stuck at this puzzle: %", "pelaaja jää jumiin tähän tehtävään: %1"},
    {"the place '%' is on the hidden widget '%', and no puzzle before this one reveals it",
     "kohta '%1' on piilotetussa widgetissä '%2', eikä mikään aiempi tehtävä tuo sitä näkyviin"},
    {"it needs the item '%', but only a later puzzle gives it", "se tarvitsee esineen '%1', mutta sen antaa vasta myöhempi tehtävä"},
    {"the item is used on the hidden widget '%', and no puzzle before this one reveals it",
     "esinettä käytetään piilotettuun widgetiin '%1', eikä mikään aiempi tehtävä tuo sitä näkyviin"},
    {"the puzzle's own right answer is not accepted", "tehtävän omaa oikeaa vastausta ei hyväksytä"},
    {"puzzle '%' can never be opened: it requires the % '%', which a player can never get",
     "tehtävä '%1' ei aukea koskaan: se edellyttää %2 '%3', jota pelaaja ei voi koskaan saada"},
    {"puzzle '%' can never be opened", "tehtävä '%1' ei aukea koskaan"},
    {"the room file '%' is not in % (did you mean '%'?)", "huonetiedostoa '%1' ei ole kansiossa %2 (tarkoititko '%3'?)"},
    {"the room file '%' is not in %", "huonetiedostoa '%1' ei ole kansiossa %2"},
    {"the comic file '%' is not in % (did you mean '%'?)", "sarjakuvatiedostoa '%1' ei ole kansiossa %2 (tarkoititko '%3'?)"},
    {"the comic file '%' is not in %", "sarjakuvatiedostoa '%1' ei ole kansiossa %2"},
    {"the room's id '%' differs from its id '%' in %", "huoneen tunnus '%1' on eri kuin sen tunnus '%2' tiedostossa %3"},
    {"the comic's id '%' differs from its id '%' in %", "sarjakuvan tunnus '%1' on eri kuin sen tunnus '%2' tiedostossa %3"},
    {"the comic's id '%' differs from its file name '%'", "sarjakuvan tunnus '%1' on eri kuin sen tiedoston nimi '%2'"},
    {"another final door is already in room '%': one last door is enough", "huoneessa '%1' on jo viimeinen ovi: yksi riittää"},
    {"the last door opens when every required room is solved, but this room is required itself and cannot be solved "
     "before its door opens: put the door in the hub, or set \"required\": false for room '%' in %",
     "viimeinen ovi aukeaa, kun kaikki pakolliset huoneet on ratkaistu, mutta tämä huone on itse pakollinen eikä ratkea "
     "ennen kuin ovi aukeaa: siirrä ovi aulaan tai aseta huoneelle '%1' \"required\": false tiedostossa %2"},
    {"the code part is empty", "koodin osa on tyhjä"},
    {"this code part is never asked: the room is %, so it is not part of the last door's code",
     "tätä koodin osaa ei kysytä koskaan: huone on %1, joten se ei kuulu viimeisen oven koodiin"},
    {"the last door in room '%' needs a part of the code from every required room, but this room has no \"code_part\"",
     "huoneen '%1' viimeinen ovi tarvitsee koodin osan jokaisesta pakollisesta huoneesta, mutta tällä huoneella ei ole "
     "koodin osaa \"code_part\""},
    {"the code part has '%', which the code keypad has no key for: use digits 0-9 and letters A-Z",
     "koodin osassa on merkki '%1', jota koodinäppäimistössä ei ole: käytä numeroita 0–9 ja kirjaimia A–Z"},
    {"the last door's code is made of the required rooms' code parts, but no room is required",
     "viimeisen oven koodi kootaan pakollisten huoneiden koodin osista, mutta yksikään huone ei ole pakollinen"},
    {"the code parts together are longer than % characters", "koodin osat ovat yhteensä pidempiä kuin %1 merkkiä"},
    {"no room has a last door (a \"code\" puzzle with \"final\": true), so code parts are never asked",
     "missään huoneessa ei ole viimeistä ovea (\"code\"-tehtävä, jossa \"final\": true), joten koodin osia ei kysytä koskaan"},
    {"the code has '%', which the code keypad has no key for: use digits 0-9 and letters A-Z, or a \"text\" puzzle",
     "koodissa on merkki '%1', jota koodinäppäimistössä ei ole: käytä numeroita 0–9 ja kirjaimia A–Z tai \"text\"-tehtävää"},
    {"the list is % high and shows % rows of 58, so this row and the % after it are not shown: make the list taller",
     "lista on %1 korkea ja siihen mahtuu %2 riviä (58 kukin), joten tämä rivi ja %3 sen jälkeen jäävät näkymättä: tee "
     "listasta korkeampi"},
    {"the % text does not fit its row: it needs % units of height, a row has % (shorten the text or make the list wider)",
     "%1 teksti ei mahdu riviinsä: se tarvitsee %2 yksikköä korkeutta, rivillä on %3 (lyhennä tekstiä tai levennä listaa)"},
    {"the widget is too narrow for any text", "widget on liian kapea tekstille"},
    {"the % text does not fit its widget: it needs % units of height, the widget has room for % (shorten the text or "
     "make the widget bigger)",
     "%1 teksti ei mahdu widgetiinsä: se tarvitsee %2 yksikköä korkeutta, widgetissä on tilaa %3 (lyhennä tekstiä tai "
     "suurenna widgetiä)"},
    {"the word '%' is wider than the widget (% px, room for %) and is broken in the middle: make the widget wider or "
     "the word shorter",
     "sana '%1' on leveämpi kuin widget (%2 px, tilaa %3) ja katkeaa keskeltä: levennä widgetiä tai lyhennä sanaa"},
    {"at 150 %% text the word '%' is wider than a line % (% px, room for %) and is broken in the middle: use a shorter word",
     "150 %%:n tekstikoolla sana '%1' on leveämpi kuin rivi %2 (%3 px, tilaa %4) ja katkeaa keskeltä: käytä lyhyempää sanaa"},
    {"at 150 %% text % words are wider than the pairs' columns (% px) and are broken in the middle, the widest '%' "
     "(% px): use shorter words where you can",
     "150 %%:n tekstikoolla %1 sanaa on leveämpiä kuin parien sarakkeet (%2 px) ja katkeavat keskeltä, levein '%3' "
     "(%4 px): käytä lyhyempiä sanoja, missä voit"},
    {"at 150 %% text the % title needs two lines in the top bar% (room for % px): shorten it",
     "150 %%:n tekstikoolla %1 otsikko tarvitsee kaksi riviä yläpalkissa%2 (tilaa %3 px): lyhennä sitä"},
    {"at 150 %% text the % text makes its dialog % px tall, but the screen has room for %: shorten it (one or two "
     "short paragraphs)",
     "150 %%:n tekstikoolla %1 teksti tekee ikkunasta %2 px korkean, mutta näytölle mahtuu %3: lyhennä sitä (yksi tai "
     "kaksi lyhyttä kappaletta)"},
};

/* Whole captured phrases that have a Finnish form. */
static const phrase WORDS[] = {
    {"Finnish", "suomenkielinen"}, {"Swedish", "ruotsinkielinen"}, {"English", "englanninkielinen"},
    {"a text", "teksti"}, {"a number", "luku"}, {"true/false", "true/false"}, {"a list [...]", "lista [...]"},
    {"an object {...}", "olio {...}"}, {"something else", "jotain muuta"},
    {"[x, y] in percent of the panel", "[x, y] prosentteina ruudusta"}, {"[width, height]", "[leveys, korkeus]"},
    {"puzzle", "tehtävää"}, {"item", "esinettä"}, {"the hub", "aula"},
    {"not required (\"required\": false in game.json)", "vapaaehtoinen (\"required\": false tiedostossa game.json)"},
    {"of the panel", "paneelissa"}, {"of an option", "vaihtoehdossa"}, {"of a step", "vaiheessa"},
{"of an explanation", "selityksessä"},
    {"of the inventory", "tavaraluettelossa"}, {" of a phone held upright", " pystyssä pidetyllä puhelimella"},
    {"a word is wider than the panel: shorten it or add a soft hyphen (\\u00AD)",
     "sana on leveämpi kuin ruutu: lyhennä sitä tai lisää tavutusvihje (\\u00AD)"},
    {"the text is taller than the panel: shorten it", "teksti on korkeampi kuin ruutu: lyhennä sitä"},
    {"it covers an earlier bubble: shorten the texts or move the bubble (\"at\")",
     "se peittää aiemman kuplan: lyhennä tekstejä tai siirrä kuplaa (\"at\")"},
    {"the text is too long for one bubble: split it", "teksti on liian pitkä yhteen kuplaan: jaa se"},
    {"the lettering font could not be opened", "tekstauksen fonttia ei saatu auki"},
};

enum { MAX_CAPS = 9 };

typedef struct capture {
    const char *s;
    size_t n;
} capture;

/* Matches s against pattern p; fills caps. Backtracks over the length of each capture. */
static bool match(const char *p, const char *s, capture *caps, int ncap)
{
    while (*p) {
        if (p[0] == '%' && p[1] == '%') {
            if (*s != '%') return false;
            p += 2;
            s++;
        } else if (*p == '%') {
            if (ncap == MAX_CAPS) return false;
            for (size_t n = 0;; n++) {
                caps[ncap] = (capture){s, n};
                if (match(p + 1, s + n, caps, ncap + 1)) return true;
                if (!s[n]) return false;
            }
        } else {
            if (*p != *s) return false;
            p++;
            s++;
        }
    }
    return *s == '\0';
}

static int literal_len(const char *p)
{
    int n = 0;
    for (; *p; p++) n += *p != '%';
    return n;
}

static void translate(const char *en, char *out, size_t cap, int depth);

static void put(char *out, size_t cap, size_t *n, const char *s, size_t len)
{
    for (size_t i = 0; i < len && *n + 1 < cap; i++) out[(*n)++] = s[i];
    out[*n] = '\0';
}

/* A captured piece in Finnish: a known phrase, a known message, or as it is. */
static void put_capture(char *out, size_t cap, size_t *n, capture c, int depth)
{
    char piece[DIAG_MSG_MAX * 2], fi[DIAG_MSG_MAX * 2];
    size_t len = c.n < sizeof piece - 1 ? c.n : sizeof piece - 1;
    memcpy(piece, c.s, len);
    piece[len] = '\0';
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++) {
        if (strcmp(piece, WORDS[i].en) == 0) {
            put(out, cap, n, WORDS[i].fi, strlen(WORDS[i].fi));
            return;
        }
    }
    if (depth < 2 && len > 12) { /* a nested reason ("a player gets stuck ...: <reason>") */
        translate(piece, fi, sizeof fi, depth + 1);
        if (strcmp(fi, piece) != 0) {
            put(out, cap, n, fi, strlen(fi));
            return;
        }
    }
    put(out, cap, n, piece, len);
}

/* Writes the Finnish form of en into out, or en itself when no pattern fits. */
static void translate(const char *en, char *out, size_t cap, int depth)
{
    const phrase *best = NULL;
    capture caps[MAX_CAPS], best_caps[MAX_CAPS];
    int best_len = -1;
    for (size_t i = 0; i < sizeof PATTERNS / sizeof PATTERNS[0]; i++) {
        if (!match(PATTERNS[i].en, en, caps, 0)) continue;
        int l = literal_len(PATTERNS[i].en);
        if (l > best_len) {
            best_len = l;
            best = &PATTERNS[i];
            memcpy(best_caps, caps, sizeof caps);
        }
    }
    if (!best) {
        snprintf(out, cap, "%s", en);
        return;
    }
    size_t n = 0;
    out[0] = '\0';
    for (const char *f = best->fi; *f; f++) {
        if (f[0] == '%' && f[1] == '%') {
            put(out, cap, &n, "%", 1);
            f++;
        } else if (f[0] == '%' && f[1] >= '1' && f[1] <= '9') {
            put_capture(out, cap, &n, best_caps[f[1] - '1'], depth);
            f++;
        } else {
            put(out, cap, &n, f, 1);
        }
    }
}

const char *lint_fi_code_name(diag_code code)
{
    static const char *const names[] = {
        "ok", "tiedosto", "kielioppi", "väärä tyyppi", "puuttuu", "tuntematon kenttä", "virheellinen arvo",
        "sama tunnus kahdesti", "viittaus ei osu", "käännös", "liian monta", "ei ratkea", "kuva",
        "teksti ei mahdu", "alueen ulkopuolella", "ei aukea",
    };
    if ((unsigned)code < sizeof names / sizeof names[0]) return names[code];
    return "ongelma";
}

void lint_fi_message(diag_code code, const char *en, char *out, size_t cap)
{
    translate(en, out, cap, 0);
    if (strcmp(out, en) == 0) snprintf(out, cap, "%s (englanniksi): %s", lint_fi_code_name(code), en);
}
