/* diag_text.c - a diagnostic's message in the reader's language (fi, sv, en).
 *
 * The loaders write their messages in English (tests assert on codes, not words). Here each
 * known message is matched whole against an English pattern and rewritten in Finnish or
 * Swedish; what is captured (ids, numbers, a nested reason) is put back, itself translated when
 * it is a known phrase. A message with no pattern in that language keeps its English words
 * behind the language's name for its kind of problem (its diag_code), so nothing is lost. The
 * game's error screen (and so the studio's preview) and pakopeli-lint --lang fi both use it.
 *
 * Patterns: '%' captures any text, "%%" is a literal '%'. Translations: %1..%9 put the captures
 * back, "%%" is a literal '%'. When several patterns match, the one with the most literal
 * text wins ("at most % hints per puzzle" before "at most %"). Every phrase has all three languages
 * (tests/unit/test_diag_text.c fails on one that lacks one).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "diag_text.h"

typedef diag_phrase phrase;

static const phrase PATTERNS[] = {
    /* jsonx.c: syntax and types */
    {"JSON syntax error at the end of the file (a missing } or ] ?)",
     "JSON-kielioppivirhe tiedoston lopussa (puuttuuko } tai ] ?)", "JSON-syntaxfel i slutet av filen (saknas } eller ] ?)"},
    {"JSON syntax error near '%' (a missing comma, quote or bracket?)",
     "JSON-kielioppivirhe kohdassa '%1' (puuttuuko pilkku, lainausmerkki tai sulje?)", "JSON-syntaxfel nära '%1' (saknas ett kommatecken, citattecken eller en parentes?)"},
    {"unexpected text after the end of the JSON document", "JSON-tiedoston lopun jälkeen on vielä tekstiä", "oväntad text efter slutet av JSON-dokumentet"},
    {"required field '%' is missing", "pakollinen kenttä '%1' puuttuu", "det obligatoriska fältet '%1' saknas"},
    {"should be a text in quotes, not %", "pitäisi olla teksti lainausmerkeissä, ei %1", "borde vara en text inom citattecken, inte %1"},
    {"should be a number, not %", "pitäisi olla luku, ei %1", "borde vara ett tal, inte %1"},
    {"should be a whole number from % to %, not %", "pitäisi olla kokonaisluku %1–%2, ei %3", "borde vara ett heltal %1–%2, inte %3"},
    {"should be true or false, not %", "pitäisi olla true tai false, ei %1", "borde vara true eller false, inte %1"},
    {"should be a list [...], not %", "pitäisi olla lista [...], ei %1", "borde vara en lista [...], inte %1"},
    {"should be an object {...}, not %", "pitäisi olla olio {...}, ei %1", "borde vara ett objekt {...}, inte %1"},
    {"unknown field '%' (did you mean '%'?)", "tuntematon kenttä '%1' (tarkoititko '%2'?)", "okänt fält '%1' (menade du '%2'?)"},
    {"unknown field '%'", "tuntematon kenttä '%1'", "okänt fält '%1'"},
    /* level.c: rooms and the manifest */
    {"should be a text, or an object {\"fi\": ..., \"sv\": ..., \"en\": ...}",
     "pitäisi olla teksti tai olio {\"fi\": ..., \"sv\": ..., \"en\": ...}", "borde vara en text eller ett objekt {\"fi\": ..., \"sv\": ..., \"en\": ...}"},
    {"the Finnish text \"fi\" is missing", "suomenkielinen teksti \"fi\" puuttuu", "den finska texten \"fi\" saknas"},
    {"the % text \"%\" is missing", "%1 teksti \"%2\" puuttuu", "%1 texten \"%2\" saknas"},
    {"an id cannot be empty", "tunnus ei voi olla tyhjä", "ett id kan inte vara tomt"},
    {"id '%' may contain only a-z, 0-9, '-' and '_'", "tunnuksessa '%1' saa olla vain merkkejä a–z, 0–9, '-' ja '_'", "id '%1' får bara innehålla a–z, 0–9, '-' och '_'"},
    {"should be [x, y, width, height]", "pitäisi olla [x, y, leveys, korkeus]", "borde vara [x, y, bredd, höjd]"},
    {"should be [x, y, width, height] in numbers", "pitäisi olla [x, y, leveys, korkeus] lukuina", "borde vara [x, y, bredd, höjd] som tal"},
    {"width and height must be greater than 0", "leveyden ja korkeuden pitää olla suurempia kuin 0", "bredd och höjd måste vara större än 0"},
    {"'%' is not one of % (did you mean '%'?)", "'%1' ei ole mikään näistä: %2 (tarkoititko '%3'?)", "'%1' är inte något av dessa: %2 (menade du '%3'?)"},
    {"'%' is not one of %", "'%1' ei ole mikään näistä: %2", "'%1' är inte något av dessa: %2"},
    {"a widget should be an object {...}", "widgetin pitäisi olla olio {...}", "en widget borde vara ett objekt {...}"},
    {"an % widget needs an \"image\"", "%1-widget tarvitsee kuvan \"image\"", "en %1-widget behöver en bild \"image\""},
    {"should be an object {...}", "pitäisi olla olio {...}", "borde vara ett objekt {...}"},
    {"a place needs a \"widget\" id or a \"rect\"",
     "kohta tarvitsee widgetin tunnuksen \"widget\" tai suorakulmion \"rect\"",
         "ett ställe behöver ett widget-id \"widget\" eller en rektangel \"rect\""},
    {"a puzzle should be an object {...}", "tehtävän pitäisi olla olio {...}", "en uppgift borde vara ett objekt {...}"},
    {"at most % hints per puzzle", "tehtävässä saa olla enintään %1 vihjettä", "högst %1 ledtrådar per uppgift"},
    {"needs at least % items", "tarvitsee vähintään %1 kohtaa", "behöver minst %1 punkter"},
    {"at most % items", "enintään %1 kohtaa", "högst %1 punkter"},
    /* lint_resume.c: a learning platform's limit */
    {"the resume state of this game can reach % characters, % more than SCORM % keeps (cmi.suspend_data, %): use fewer puzzles, options or hints",
     "pelin jatkotila voi kasvaa %1 merkkiin, %2 enemmän kuin SCORM %3 säilyttää (cmi.suspend_data, %4): vähennä tehtäviä, vaihtoehtoja tai vihjeitä",
         "spelets fortsättningsläge kan bli %1 tecken, %2 fler än SCORM %3 sparar (cmi.suspend_data, %4): använd "
         "färre uppgifter, alternativ eller ledtrådar"},
    /* (the same for SCORM 1.2, whose larger sibling may fit: said in each language, not pasted in English) */
    {"the resume state of this game can reach % characters, % more than SCORM % keeps (cmi.suspend_data, %): use fewer puzzles, options or hints, or the SCORM 2004 package",
     "pelin jatkotila voi kasvaa %1 merkkiin, %2 enemmän kuin SCORM %3 säilyttää (cmi.suspend_data, %4): vähennä tehtäviä, vaihtoehtoja tai vihjeitä, tai käytä SCORM 2004 -pakettia",
         "spelets fortsättningsläge kan bli %1 tecken, %2 fler än SCORM %3 sparar (cmi.suspend_data, %4): använd "
         "färre uppgifter, alternativ eller ledtrådar, eller SCORM 2004-paketet"},
    {"id '%' is used twice in this list", "tunnus '%1' on tässä listassa kahdesti", "id '%1' används två gånger i den här listan"},
    {"no item has \"correct\": true, so the puzzle can never be solved",
     "yhdelläkään kohdalla ei ole \"correct\": true, joten tehtävää ei voi koskaan ratkaista", "ingen punkt har \"correct\": true, så uppgiften kan aldrig lösas"},
    {"the final door's code is made of the rooms' code parts: leave \"answer\" out",
     "viimeisen oven koodi kootaan huoneiden koodin osista: jätä \"answer\" pois",
         "den sista dörrens kod sätts ihop av rummens koddelar: lämna bort \"answer\""},
    {"the code cannot be empty", "koodi ei voi olla tyhjä", "koden kan inte vara tom"},
    {"list at least one accepted answer", "luettele vähintään yksi hyväksytty vastaus", "ange minst ett godkänt svar"},
    {"at most % accepted answers", "enintään %1 hyväksyttyä vastausta", "högst %1 godkända svar"},
    {"should be a text in quotes", "pitäisi olla teksti lainausmerkeissä", "borde vara en text inom citattecken"},
    {"an accepted answer cannot be empty", "hyväksytty vastaus ei voi olla tyhjä",
         "ett godkänt svar kan inte vara tomt"},
    {"an item should be an object {...}", "esineen pitäisi olla olio {...}", "ett föremål borde vara ett objekt {...}"},
    {"no widget has the id '%' (did you mean '%'?)", "millään widgetillä ei ole tunnusta '%1' (tarkoititko '%2'?)", "ingen widget har id '%1' (menade du '%2'?)"},
    {"no widget has the id '%'", "millään widgetillä ei ole tunnusta '%1'", "ingen widget har id '%1'"},
    {"at most % requirements", "enintään %1 edellytystä", "högst %1 villkor"},
    {"should be a puzzle or item id in quotes", "pitäisi olla tehtävän tai esineen tunnus lainausmerkeissä",
         "borde vara id:t för en uppgift eller ett föremål inom citattecken"},
    {"a puzzle cannot require itself", "tehtävä ei voi edellyttää itseään", "en uppgift kan inte kräva sig själv"},
    {"no puzzle or item has the id '%'", "millään tehtävällä tai esineellä ei ole tunnusta '%1'", "ingen uppgift eller inget föremål har id '%1'"},
    {"at most %", "enintään %1", "högst %1"},
    {"should be an id in quotes", "pitäisi olla tunnus lainausmerkeissä", "borde vara ett id inom citattecken"},
    {"no item has the id '%' (list it in \"items\" of the room)",
     "millään esineellä ei ole tunnusta '%1' (lisää se huoneen \"items\"-listaan)",
         "inget föremål har id '%1' (lägg till det i rummets \"items\")"},
    {"no item has the id '%'", "millään esineellä ei ole tunnusta '%1'", "inget föremål har id '%1'"},
    {"widget id '%' is used twice", "widgetin tunnus '%1' on käytössä kahdesti", "widget-id '%1' används två gånger"},
    {"item id '%' is used twice", "esineen tunnus '%1' on käytössä kahdesti", "föremålets id '%1' används två gånger"},
    {"'%' is already a puzzle's id: \"requires\" could not tell them apart",
     "'%1' on jo tehtävän tunnus: \"requires\" ei erottaisi niitä toisistaan",
         "'%1' är redan id för en uppgift: \"requires\" kunde inte skilja dem åt"},
    {"puzzle id '%' is used twice", "tehtävän tunnus '%1' on käytössä kahdesti", "uppgifts-id '%1' används två gånger"},
    {"the place [%, %, %, %] is outside the %x% scene", "kohta [%1, %2, %3, %4] on näkymän %5×%6 ulkopuolella", "stället [%1, %2, %3, %4] ligger utanför vyn %5×%6"},
    {"no other puzzle gives the item '%', so this one can never be solved",
     "mikään muu tehtävä ei anna esinettä '%1', joten tätä ei voi koskaan ratkaista", "ingen annan uppgift ger föremålet '%1', så den här kan aldrig lösas"},
    {"puzzle '%' can never be opened: its \"requires\" go round in a circle",
     "tehtävä '%1' ei aukea koskaan: sen edellytykset (\"requires\") kiertävät kehää", "uppgiften '%1' öppnas aldrig: dess \"requires\" går i en cirkel"},
    {"a room file should be one object {...}", "huonetiedoston pitäisi olla yksi olio {...}", "en rumsfil borde vara ett objekt {...}"},
    {"should be [width, height], each 100 to 4000", "pitäisi olla [leveys, korkeus], kumpikin 100–4000",
         "borde vara [bredd, höjd], vardera 100–4000"},
    {"at most % widgets in a scene", "näkymässä saa olla enintään %1 widgetiä", "högst %1 widgetar i en vy"},
    {"a room needs at least one puzzle", "huone tarvitsee vähintään yhden tehtävän", "ett rum behöver minst en uppgift"},
    {"at most % puzzles in a room", "huoneessa saa olla enintään %1 tehtävää", "högst %1 uppgifter i ett rum"},
    {"at most % items in a room", "huoneessa saa olla enintään %1 esinettä", "högst %1 föremål i ett rum"},
    {"out of memory", "muisti loppui", "minnet tog slut"},
    {"the game file should be one object {...}", "pelitiedoston pitäisi olla yksi olio {...}", "spelfilen borde vara ett objekt {...}"},
    {"at most % settings", "enintään %1 asetusta", "högst %1 inställningar"},
    {"at most % comics", "enintään %1 sarjakuvaa", "högst %1 serier"},
    {"should be an object {\"id\": ..., \"file\": ...}", "pitäisi olla olio {\"id\": ..., \"file\": ...}",
         "borde vara ett objekt {\"id\": ..., \"file\": ...}"},
    {"the game needs at least one room", "peli tarvitsee vähintään yhden huoneen", "spelet behöver minst ett rum"},
    {"at most % rooms", "enintään %1 huonetta", "högst %1 rum"},
    {"room id '%' is used twice", "huoneen tunnus '%1' on käytössä kahdesti", "rums-id '%1' används två gånger"},
    {"no room in \"rooms\" has the id '%'", "millään \"rooms\"-listan huoneella ei ole tunnusta '%1'", "inget rum i \"rooms\" har id '%1'"},
    {"no setting named {%} in levels/game.json", "tiedostossa levels/game.json ei ole asetusta {%1}", "ingen inställning {%1} i levels/game.json"},
    /* comic.c and comic_layout.c */
    {"the text is empty", "teksti on tyhjä", "texten är tom"},
    {"should be %: two numbers in [ ]", "pitäisi olla %1: kaksi lukua hakasulkeissa [ ]",
         "borde vara %1: två tal inom [ ]"},
    {"should be %, each % to %", "pitäisi olla %1, kukin %2–%3", "borde vara %1, vart och ett %2–%3"},
    {"a panel must be at least 40 by 40", "ruudun pitää olla vähintään 40 × 40", "en ruta måste vara minst 40 × 40"},
    {"'%' should be a file under assets/, such as \"assets/comics/page1-1.svg\"",
     "'%1' pitäisi olla assets/-kansion tiedosto, esimerkiksi \"assets/comics/page1-1.svg\"",
         "'%1' borde vara en fil i mappen assets/, till exempel \"assets/comics/page1-1.svg\""},
    {"'%' should be an .svg, .png or .jpg file", "'%1' pitäisi olla .svg-, .png- tai .jpg-tiedosto", "'%1' borde vara en .svg-, .png- eller .jpg-fil"},
    {"the path is too long", "polku on liian pitkä", "sökvägen är för lång"},
    {"no character has the id '%': list the people in \"characters\"",
     "millään henkilöllä ei ole tunnusta '%1': luettele henkilöt \"characters\"-listassa",
         "ingen person har id '%1': räkna upp personerna i \"characters\""},
    {"no character has the id '%' (did you mean '%'?)", "millään henkilöllä ei ole tunnusta '%1' (tarkoititko '%2'?)", "ingen person har id '%1' (menade du '%2'?)"},
    {"no character has the id '%'", "millään henkilöllä ei ole tunnusta '%1'", "ingen person har id '%1'"},
    {"a bubble should be an object {...}", "kuplan pitäisi olla olio {...}",
         "en pratbubbla borde vara ett objekt {...}"},
    {"should be a number (percent of the panel)", "pitäisi olla luku (prosenttia ruudusta)",
         "borde vara ett tal (procent av rutan)"},
    {"should be 10 to 100 (percent of the panel)", "pitäisi olla 10–100 (prosenttia ruudusta)",
         "borde vara 10–100 (procent av rutan)"},
    {"a caption is the narrator's and has no \"speaker\"; use \"speech\" or \"thought\"",
     "kertojan tekstillä (caption) ei ole puhujaa \"speaker\"; käytä \"speech\" tai \"thought\"",
         "en berättartext (caption) hör till berättaren och har ingen talare \"speaker\"; använd \"speech\" eller "
         "\"thought\""},
    {"a caption has no \"tail\"", "kertojan tekstillä ei ole häntää \"tail\"",
         "en berättartext har ingen pil \"tail\""},
    {"a speech bubble needs a \"tail\": [x, y] where the speaker's mouth is",
     "puhekupla tarvitsee hännän \"tail\": [x, y] puhujan suun kohdalle",
         "en pratbubbla behöver en pil \"tail\": [x, y] där den talandes mun är"},
    {"a panel should be an object {...}", "ruudun pitäisi olla olio {...}", "en ruta borde vara ett objekt {...}"},
    {"at most % bubbles and captions in a panel: split the panel in two",
     "ruudussa saa olla enintään %1 kuplaa ja tekstilaatikkoa: jaa ruutu kahtia",
         "högst %1 pratbubblor och berättartexter i en ruta: dela rutan i två"},
    {"this panel has no \"order\" but others on the page do: give every panel an order, or none",
     "tällä ruudulla ei ole järjestystä \"order\", mutta sivun muilla on: anna järjestys kaikille ruuduille tai ei yhdellekään",
         "den här rutan har ingen ordning \"order\", men sidans andra rutor har: ge alla rutor en ordning eller "
         "ingen"},
    {"order % on a page of % panels: number the panels 1 to %",
     "järjestys %1 sivulla, jolla on %2 ruutua: numeroi ruudut 1–%3",
         "ordning %1 på en sida med %2 rutor: numrera rutorna 1–%3"},
    {"order % is also given to panel %", "järjestys %1 on annettu myös ruudulle %2",
         "ordning %1 har också getts till ruta %2"},
    {"a page should be an object {\"panels\": [...]}", "sivun pitäisi olla olio {\"panels\": [...]}",
         "en sida borde vara ett objekt {\"panels\": [...]}"},
    {"a page needs at least one panel", "sivu tarvitsee vähintään yhden ruudun", "en sida behöver minst en ruta"},
    {"at most % panels on a page", "sivulla saa olla enintään %1 ruutua", "högst %1 rutor på en sida"},
    {"the panel [%, %, %, %] is outside the %x% page", "ruutu [%1, %2, %3, %4] on sivun %5×%6 ulkopuolella",
         "rutan [%1, %2, %3, %4] ligger utanför sidan %5×%6"},
    {"the panel overlaps panel %", "ruutu on ruudun %1 päällä", "rutan ligger på ruta %1"},
    {"at most % characters", "enintään %1 henkilöä", "högst %1 personer"},
    {"should be an object {\"id\": ..., \"name\": {...}}", "pitäisi olla olio {\"id\": ..., \"name\": {...}}",
         "borde vara ett objekt {\"id\": ..., \"name\": {...}}"},
    {"character id '%' is used twice", "henkilön tunnus '%1' on käytössä kahdesti",
         "personens id '%1' används två gånger"},
    {"a comic file should be one object {...}", "sarjakuvatiedoston pitäisi olla yksi olio {...}",
         "en seriefil borde vara ett objekt {...}"},
    {"a comic needs at least one page", "sarjakuva tarvitsee vähintään yhden sivun", "en serie behöver minst en sida"},
    {"at most % pages", "enintään %1 sivua", "högst %1 sidor"},
    {"at text size % %% the % text does not fit its panel: %", "tekstikoolla %1 %% %2 teksti ei mahdu ruutuunsa: %3",
         "med textstorleken %1 %% får %2 texten inte plats i sin ruta: %3"},
    /* pakopeli-lint's own checks */
    {"the file cannot be read", "tiedostoa ei voi lukea", "filen kan inte läsas"},
    {"this room is sealed (the web build's copy, its answers hidden): check the plain room in levels/",
     "huone on sinetöity (verkkoversion kopio, vastaukset piilotettuina): tarkista alkuperäinen huone kansiossa levels/",
         "rummet är förseglat (webbversionens kopia, svaren dolda): kontrollera det vanliga rummet i mappen levels/"},
    {"this room is not listed in \"rooms\" of %, so the game never shows it",
     "tätä huonetta ei ole tiedoston %1 \"rooms\"-listassa, joten peli ei näytä sitä koskaan",
         "rummet finns inte i \"rooms\" i %1, så spelet visar det aldrig"},
    {"'%' should be a file under assets/, such as \"assets/scenes/my-screen.png\" (the game ships only that folder)",
     "'%1' pitäisi olla assets/-kansion tiedosto, esimerkiksi \"assets/scenes/oma-kuva.png\" (peli julkaisee vain sen kansion)",
         "'%1' borde vara en fil i mappen assets/, till exempel \"assets/scenes/min-bild.png\" (spelet publicerar "
         "bara den mappen)"},
    {"'%': the game reads PNG, JPEG and SVG images only", "'%1': peli lukee vain PNG-, JPEG- ja SVG-kuvia",
         "'%1': spelet läser bara PNG-, JPEG- och SVG-bilder"},
    {"the image '%' does not exist (did you mean '%'?)", "kuvaa '%1' ei ole (tarkoititko '%2'?)",
         "bilden '%1' finns inte (menade du '%2'?)"},
    {"the image '%' does not exist", "kuvaa '%1' ei ole", "bilden '%1' finns inte"},
    {"the image '%' cannot be read", "kuvaa '%1' ei voi lukea", "bilden '%1' kan inte läsas"},
    {"the image '%' cannot be decoded: it is damaged or not a PNG, JPEG or SVG",
     "kuvaa '%1' ei saa auki: se on rikki tai ei ole PNG-, JPEG- tai SVG-kuva",
         "bilden '%1' går inte att öppna: den är skadad eller inte en PNG-, JPEG- eller SVG-bild"},
    {"the image '%' uses %, which the game's SVG renderer does not draw: convert text to paths and use plain shapes",
     "kuvassa '%1' on %2, jota pelin SVG-piirtäjä ei piirrä: muunna tekstit poluiksi ja käytä tavallisia muotoja",
         "bilden '%1' använder %2, som spelets SVG-ritare inte ritar: gör om texten till banor och använd enkla "
         "former"},
    {"the image '%' is % KB: every player downloads it, so keep images under % KB (a screenshot at the scene's size, as PNG or JPEG)",
     "kuva '%1' on %2 kt: jokainen pelaaja lataa sen, joten pidä kuvat alle %3 kt:n (kuvakaappaus näkymän kokoisena, PNG- tai JPEG-muodossa)",
         "bilden '%1' är %2 kB: varje spelare laddar ner den, så håll bilderna under %3 kB (en skärmbild i vyns "
         "storlek, som PNG eller JPEG)"},
    {"the picture is %x% but the scene is %x%: it is drawn with empty edges, so places marked on it will not line up; "
     "set the scene's \"size\" to [%, %]",
     "kuva on %1×%2, mutta näkymä on %3×%4: kuva piirretään tyhjin reunoin, joten siihen merkityt kohdat eivät osu "
     "kohdalleen; aseta näkymän kooksi \"size\": [%5, %6]",
         "bilden är %1×%2 men vyn är %3×%4: den ritas med tomma kanter, så ställen som markerats på den hamnar "
         "fel; ställ in vyns storlek \"size\" på [%5, %6]"},
    {"no comic has the id '%' (did you mean '%'?): a comic is levels/comics/<id>.json or listed in \"comics\" of game.json",
     "millään sarjakuvalla ei ole tunnusta '%1' (tarkoititko '%2'?): sarjakuva on tiedosto levels/comics/<tunnus>.json "
     "tai lueteltu game.json-tiedoston \"comics\"-listassa",
         "ingen serie har id '%1' (menade du '%2'?): en serie är filen levels/comics/<id>.json eller listad i "
         "\"comics\" i game.json"},
    {"no comic has the id '%': a comic is levels/comics/<id>.json or listed in \"comics\" of game.json",
     "millään sarjakuvalla ei ole tunnusta '%1': sarjakuva on tiedosto levels/comics/<tunnus>.json tai lueteltu "
     "game.json-tiedoston \"comics\"-listassa",
         "ingen serie har id '%1': en serie är filen levels/comics/<id>.json eller listad i \"comics\" i game.json"},
    {"no room in game.json has the id '%' (did you mean '%'?)",
     "game.json-tiedostossa ei ole huonetta, jonka tunnus on '%1' (tarkoititko '%2'?)",
         "inget rum i game.json har id '%1' (menade du '%2'?)"},
    {"no room in game.json has the id '%'", "game.json-tiedostossa ei ole huonetta, jonka tunnus on '%1'",
         "inget rum i game.json har id '%1'"},
    {"the explanation starts with '%': the game already shows whether the answer was right, so start with the reason",
     "selitys alkaa sanalla '%1': peli näyttää jo, oliko vastaus oikein, joten aloita perustelulla",
         "förklaringen börjar med '%1': spelet visar redan om svaret var rätt, så börja med skälet"},
    {"the widget [%, %, %, %] reaches outside the %x% scene", "widget [%1, %2, %3, %4] ulottuu näkymän %5×%6 ulkopuolelle",
         "widgeten [%1, %2, %3, %4] når utanför vyn %5×%6"},
    {"this widget lies on top of widget % ('%'): a click or tap would hit both",
     "tämä widget on widgetin %1 ('%2') päällä: napsautus osuisi molempiin",
         "den här widgeten ligger på widget %1 ('%2'): ett klick eller en tryckning skulle träffa båda"},
    {"this widget lies on top of widget %: a click or tap would hit both",
     "tämä widget on widgetin %1 päällä: napsautus osuisi molempiin",
         "den här widgeten ligger på widget %1: ett klick eller en tryckning skulle träffa båda"},
    {"the place is %x%: make it at least %x% so that it is easy to tap on a phone",
     "kohta on %1×%2: tee siitä vähintään %3×%4, jotta siihen on helppo osua puhelimella",
         "stället är %1×%2: gör det minst %3×%4, så att det är lätt att träffa på en telefon"},
    {"a player gets stuck at this puzzle: %", "pelaaja jää jumiin tähän tehtävään: %1",
         "spelaren fastnar vid den här uppgiften: %1"},
    {"the place '%' is on the hidden widget '%', and no puzzle before this one reveals it",
     "kohta '%1' on piilotetussa widgetissä '%2', eikä mikään aiempi tehtävä tuo sitä näkyviin",
         "stället '%1' ligger på den dolda widgeten '%2', och ingen tidigare uppgift tar fram den"},
    {"it needs the item '%', but only a later puzzle gives it", "se tarvitsee esineen '%1', mutta sen antaa vasta myöhempi tehtävä",
         "den behöver föremålet '%1', men det ges först av en senare uppgift"},
    {"the item is used on the hidden widget '%', and no puzzle before this one reveals it",
     "esinettä käytetään piilotettuun widgetiin '%1', eikä mikään aiempi tehtävä tuo sitä näkyviin",
         "föremålet används på den dolda widgeten '%1', och ingen tidigare uppgift tar fram den"},
    {"the puzzle's own right answer is not accepted", "tehtävän omaa oikeaa vastausta ei hyväksytä",
         "uppgiftens eget rätta svar godtas inte"},
    {"puzzle '%' can never be opened: it requires the % '%', which a player can never get",
     "tehtävä '%1' ei aukea koskaan: se edellyttää %2 '%3', jota pelaaja ei voi koskaan saada",
         "uppgiften '%1' kan aldrig öppnas: den kräver %2 '%3', som spelaren aldrig kan få"},
    {"puzzle '%' can never be opened", "tehtävä '%1' ei aukea koskaan", "uppgiften '%1' kan aldrig öppnas"},
    {"the room file '%' is not in % (did you mean '%'?)", "huonetiedostoa '%1' ei ole kansiossa %2 (tarkoititko '%3'?)",
         "rumsfilen '%1' finns inte i %2 (menade du '%3'?)"},
    {"the room file '%' is not in %", "huonetiedostoa '%1' ei ole kansiossa %2", "rumsfilen '%1' finns inte i %2"},
    {"the comic file '%' is not in % (did you mean '%'?)", "sarjakuvatiedostoa '%1' ei ole kansiossa %2 (tarkoititko '%3'?)",
         "seriefilen '%1' finns inte i %2 (menade du '%3'?)"},
    {"the comic file '%' is not in %", "sarjakuvatiedostoa '%1' ei ole kansiossa %2",
         "seriefilen '%1' finns inte i %2"},
    {"the room's id '%' differs from its id '%' in %", "huoneen tunnus '%1' on eri kuin sen tunnus '%2' tiedostossa %3",
         "rummets id '%1' är inte detsamma som dess id '%2' i %3"},
    {"the comic's id '%' differs from its id '%' in %", "sarjakuvan tunnus '%1' on eri kuin sen tunnus '%2' tiedostossa %3",
         "seriens id '%1' är inte detsamma som dess id '%2' i %3"},
    {"the comic's id '%' differs from its file name '%'", "sarjakuvan tunnus '%1' on eri kuin sen tiedoston nimi '%2'",
         "seriens id '%1' är inte detsamma som dess filnamn '%2'"},
    {"another final door is already in room '%': one last door is enough", "huoneessa '%1' on jo viimeinen ovi: yksi riittää",
         "det finns redan en sista dörr i rummet '%1': en sista dörr räcker"},
    {"the last door opens when every required room is solved, but this room is required itself and cannot be solved "
     "before its door opens: put the door in the hub, or set \"required\": false for room '%' in %",
     "viimeinen ovi aukeaa, kun kaikki pakolliset huoneet on ratkaistu, mutta tämä huone on itse pakollinen eikä ratkea "
     "ennen kuin ovi aukeaa: siirrä ovi aulaan tai aseta huoneelle '%1' \"required\": false tiedostossa %2",
         "den sista dörren öppnas när alla obligatoriska rum är lösta, men det här rummet är självt obligatoriskt "
         "och kan inte lösas innan dess dörr öppnas: flytta dörren till lobbyn eller ange \"required\": false för "
         "rummet '%1' i %2"},
    {"the code part is empty", "koodin osa on tyhjä", "koddelen är tom"},
    {"this code part is never asked: the room is %, so it is not part of the last door's code",
     "tätä koodin osaa ei kysytä koskaan: huone on %1, joten se ei kuulu viimeisen oven koodiin",
         "den här koddelen efterfrågas aldrig: rummet är %1, så den ingår inte i den sista dörrens kod"},
    {"the last door in room '%' needs a part of the code from every required room, but this room has no \"code_part\"",
     "huoneen '%1' viimeinen ovi tarvitsee koodin osan jokaisesta pakollisesta huoneesta, mutta tällä huoneella ei ole "
     "koodin osaa \"code_part\"",
         "den sista dörren i rummet '%1' behöver en del av koden från varje obligatoriskt rum, men det här rummet "
         "har ingen koddel \"code_part\""},
    {"the code part has '%', which the code keypad has no key for: use digits 0-9 and letters A-Z",
     "koodin osassa on merkki '%1', jota koodinäppäimistössä ei ole: käytä numeroita 0–9 ja kirjaimia A–Z",
         "koddelen har '%1', som kodlåsets knappsats saknar en tangent för: använd siffrorna 0–9 och bokstäverna "
         "A–Z"},
    {"the last door's code is made of the required rooms' code parts, but no room is required",
     "viimeisen oven koodi kootaan pakollisten huoneiden koodin osista, mutta yksikään huone ei ole pakollinen",
         "den sista dörrens kod sätts ihop av de obligatoriska rummens koddelar, men inget rum är obligatoriskt"},
    {"the code parts together are longer than % characters", "koodin osat ovat yhteensä pidempiä kuin %1 merkkiä",
         "koddelarna är tillsammans längre än %1 tecken"},
    {"no room has a last door (a \"code\" puzzle with \"final\": true), so code parts are never asked",
     "missään huoneessa ei ole viimeistä ovea (\"code\"-tehtävä, jossa \"final\": true), joten koodin osia ei kysytä koskaan",
         "inget rum har en sista dörr (en \"code\"-uppgift med \"final\": true), så koddelarna efterfrågas aldrig"},
    {"the code has '%', which the code keypad has no key for: use digits 0-9 and letters A-Z, or a \"text\" puzzle",
     "koodissa on merkki '%1', jota koodinäppäimistössä ei ole: käytä numeroita 0–9 ja kirjaimia A–Z tai \"text\"-tehtävää",
         "koden har '%1', som kodlåsets knappsats saknar en tangent för: använd siffrorna 0–9 och bokstäverna A–Z "
         "eller en \"text\"-uppgift"},
    {"the list is % high and shows % rows of 58, so this row and the % after it are not shown: make the list taller",
     "lista on %1 korkea ja siihen mahtuu %2 riviä (58 kukin), joten tämä rivi ja %3 sen jälkeen jäävät näkymättä: tee "
     "listasta korkeampi",
         "listan är %1 hög och visar %2 rader à 58, så den här raden och %3 efter den syns inte: gör listan högre"},
    {"the % text does not fit its row: it needs % units of height, a row has % (shorten the text or make the list wider)",
     "%1 teksti ei mahdu riviinsä: se tarvitsee %2 yksikköä korkeutta, rivillä on %3 (lyhennä tekstiä tai levennä listaa)",
         "%1 texten får inte plats i sin rad: den behöver %2 enheter i höjd, en rad har %3 (korta texten eller gör "
         "listan bredare)"},
    {"the widget is too narrow for any text", "widget on liian kapea tekstille", "widgeten är för smal för någon text"},
    {"the % text does not fit its widget: it needs % units of height, the widget has room for % (shorten the text or "
     "make the widget bigger)",
     "%1 teksti ei mahdu widgetiinsä: se tarvitsee %2 yksikköä korkeutta, widgetissä on tilaa %3 (lyhennä tekstiä tai "
     "suurenna widgetiä)",
         "%1 texten får inte plats i sin widget: den behöver %2 enheter i höjd, widgeten har plats för %3 (korta "
         "texten eller gör widgeten större)"},
    {"the % text does not fit its widget: it needs % units of height, the widget has room for % (shorten the text or "
     "make the widget % × %)",
     "%1 teksti ei mahdu widgetiinsä: se tarvitsee %2 yksikköä korkeutta, widgetissä on tilaa %3 (lyhennä tekstiä tai "
     "tee widgetistä %4 × %5)",
         "%1 texten får inte plats i sin widget: den behöver %2 enheter i höjd, widgeten har plats för %3 (korta "
         "texten eller gör widgeten %4 × %5)"},
    {"the word '%' is wider than the widget (% px, room for %) and is broken in the middle: make the widget wider or "
     "the word shorter",
     "sana '%1' on leveämpi kuin widget (%2 px, tilaa %3) ja katkeaa keskeltä: levennä widgetiä tai lyhennä sanaa",
         "ordet '%1' är bredare än widgeten (%2 px, plats för %3) och bryts mitt i: gör widgeten bredare eller "
         "ordet kortare"},
    {"at 150 %% text the word '%' is wider than a line % (% px, room for %) and is broken in the middle: use a shorter word",
     "150 %%:n tekstikoolla sana '%1' on leveämpi kuin rivi %2 (%3 px, tilaa %4) ja katkeaa keskeltä: käytä lyhyempää sanaa",
         "med 150 %% textstorlek är ordet '%1' bredare än en rad %2 (%3 px, plats för %4) och bryts mitt i: använd "
         "ett kortare ord"},
    {"at 150 %% text % words are wider than the pairs' columns (% px) and are broken in the middle, the widest '%' "
     "(% px): use shorter words where you can",
     "150 %%:n tekstikoolla %1 sanaa on leveämpiä kuin parien sarakkeet (%2 px) ja katkeavat keskeltä, levein '%3' "
     "(%4 px): käytä lyhyempiä sanoja, missä voit",
         "med 150 %% textstorlek är %1 ord bredare än parens kolumner (%2 px) och bryts mitt i, det bredaste '%3' "
         "(%4 px): använd kortare ord där du kan"},
    {"at 150 %% text the % title needs more than two lines in the top bar% (room for % px): shorten it",
     "150 %%:n tekstikoolla %1 otsikko tarvitsee yläpalkissa yli kaksi riviä%2 (tilaa %3 px): lyhennä sitä",
         "med 150 %% textstorlek behöver %1 rubriken mer än två rader i det övre fältet%2 (plats för %3 px): korta den"},
    {"at 150 %% text the % text makes its dialog % px tall, but the screen has room for %: shorten it (one or two "
     "short paragraphs)",
     "150 %%:n tekstikoolla %1 teksti tekee ikkunasta %2 px korkean, mutta näytölle mahtuu %3: lyhennä sitä (yksi tai "
     "kaksi lyhyttä kappaletta)",
         "med 150 %% textstorlek gör %1 texten sin dialogruta %2 px hög, men skärmen har plats för %3: korta den "
         "(ett eller två korta stycken)"},
};

/* Whole captured phrases that have a Finnish form. */
static const phrase WORDS[] = {
    {"Finnish", "suomenkielinen", "den finska"}, {"Swedish", "ruotsinkielinen", "den svenska"}, {"English", "englanninkielinen", "den engelska"},
    {"a text", "teksti", "en text"}, {"a number", "luku", "ett tal"}, {"true/false", "true/false", "true/false"}, {"a list [...]", "lista [...]", "en lista [...]"},
    {"an object {...}", "olio {...}", "ett objekt {...}"}, {"something else", "jotain muuta", "något annat"},
    {"[x, y] in percent of the panel", "[x, y] prosentteina ruudusta", "[x, y] i procent av rutan"}, {"[width, height]", "[leveys, korkeus]",
         "[bredd, höjd]"},
    {"puzzle", "tehtävää", "uppgiften"}, {"item", "esinettä", "föremålet"}, {"the hub", "aula", "lobbyn"},
    {"not required (\"required\": false in game.json)", "vapaaehtoinen (\"required\": false tiedostossa game.json)",
         "frivilligt (\"required\": false i game.json)"},
    {"of the panel", "paneelissa", "i panelen"}, {"of an option", "vaihtoehdossa", "i ett alternativ"}, {"of a step", "vaiheessa",
         "i ett steg"},
{"of an explanation", "selityksessä", "i en förklaring"},
    {"of the inventory", "tavaraluettelossa", "i föremålslistan"}, {" of a phone held upright", " pystyssä pidetyllä puhelimella",
         " på en telefon som hålls upprätt"},
    {"a word is wider than the panel: shorten it or add a soft hyphen (\\u00AD)",
     "sana on leveämpi kuin ruutu: lyhennä sitä tai lisää tavutusvihje (\\u00AD)",
         "ett ord är bredare än rutan: korta det eller lägg till ett mjukt bindestreck (\\u00AD)"},
    {"the text is taller than the panel: shorten it", "teksti on korkeampi kuin ruutu: lyhennä sitä",
         "texten är högre än rutan: korta den"},
    {"it covers an earlier bubble: shorten the texts or move the bubble (Place from the left / top)",
     "se peittää aiemman kuplan: lyhennä tekstejä tai siirrä kuplaa (Paikka vasemmalta / ylhäältä)",
         "den täcker en tidigare pratbubbla: korta texterna eller flytta pratbubblan (Plats från vänster / uppifrån)"},
    {"it covers the speaker its tail points at: shorten the text, widen the bubble (Width) or move it (Place from the left / top)",
     "se peittää puhujan, johon sen häntä osoittaa: lyhennä tekstiä, levennä kuplaa (Leveys) tai siirrä sitä (Paikka vasemmalta / ylhäältä)",
         "den täcker den som talar, dit svansen pekar: korta texten, gör pratbubblan bredare (Bredd) eller flytta den (Plats från vänster / uppifrån)"},
    {"the text is too long for one bubble: split it", "teksti on liian pitkä yhteen kuplaan: jaa se",
         "texten är för lång för en pratbubbla: dela den"},
    {"the lettering font could not be opened", "tekstauksen fonttia ei saatu auki",
         "textningens typsnitt gick inte att öppna"},
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

static void translate(const diag_phrasebook *b, const char *en, i18n_lang lang, char *out, size_t cap, int depth);

static void put(char *out, size_t cap, size_t *n, const char *s, size_t len)
{
    for (size_t i = 0; i < len && *n + 1 < cap; i++) out[(*n)++] = s[i];
    out[*n] = '\0';
}

/* A captured piece in Finnish: a known phrase, a known message, or as it is. */
static const char *in_lang(const phrase *p, i18n_lang lang) { return lang == LANG_SV ? p->sv : p->fi; }

static void put_capture(const diag_phrasebook *b, char *out, size_t cap, size_t *n, capture c, i18n_lang lang, int depth)
{
    char piece[DIAG_MSG_MAX * 2], fi[DIAG_MSG_MAX * 2];
    size_t len = c.n < sizeof piece - 1 ? c.n : sizeof piece - 1;
    memcpy(piece, c.s, len);
    piece[len] = '\0';
    for (int i = 0; i < b->word_count; i++) {
        if (strcmp(piece, b->words[i].en) == 0 && in_lang(&b->words[i], lang)) {
            put(out, cap, n, in_lang(&b->words[i], lang), strlen(in_lang(&b->words[i], lang)));
            return;
        }
    }
    if (depth < 2 && len > 12) { /* a nested reason ("a player gets stuck ...: <reason>") */
        translate(b, piece, lang, fi, sizeof fi, depth + 1);
        if (strcmp(fi, piece) != 0) {
            put(out, cap, n, fi, strlen(fi));
            return;
        }
    }
    put(out, cap, n, piece, len);
}

/* Writes en in lang into out, or en itself when no pattern fits. */
static void translate(const diag_phrasebook *b, const char *en, i18n_lang lang, char *out, size_t cap, int depth)
{
    const phrase *best = NULL;
    capture caps[MAX_CAPS], best_caps[MAX_CAPS];
    int best_len = -1;
    for (int i = 0; i < b->pattern_count; i++) {
        if (!in_lang(&b->patterns[i], lang) || !match(b->patterns[i].en, en, caps, 0)) continue;
        int l = literal_len(b->patterns[i].en);
        if (l > best_len) {
            best_len = l;
            best = &b->patterns[i];
            memcpy(best_caps, caps, sizeof caps);
        }
    }
    if (!best || lang == LANG_EN) {
        snprintf(out, cap, "%s", en);
        return;
    }
    size_t n = 0;
    out[0] = '\0';
    for (const char *f = in_lang(best, lang); *f; f++) {
        if (f[0] == '%' && f[1] == '%') {
            put(out, cap, &n, "%", 1);
            f++;
        } else if (f[0] == '%' && f[1] >= '1' && f[1] <= '9') {
            put_capture(b, out, cap, &n, best_caps[f[1] - '1'], lang, depth);
            f++;
        } else {
            put(out, cap, &n, f, 1);
        }
    }
}

/* Counts the captures of a pattern ('%' not followed by '%'). */
static int captures_of(const char *en)
{
    int n = 0;
    for (const char *c = en; *c; c++) {
        if (c[0] == '%' && c[1] == '%') c++;
        else if (*c == '%') n++;
    }
    return n;
}

/* True when a translation puts back exactly the pattern's captures, each once or more. */
static bool captures_match(const char *en, const char *tr)
{
    int n = captures_of(en);
    bool used[MAX_CAPS + 1] = {false};
    for (const char *c = tr; *c; c++) {
        if (c[0] == '%' && c[1] == '%') {
            c++;
        } else if (c[0] == '%' && c[1] >= '1' && c[1] <= '9') {
            if (c[1] - '0' > n) return false;
            used[c[1] - '0'] = true;
            c++;
        } else if (*c == '%') {
            return false; /* a lone '%': neither a capture nor "%%" */
        }
    }
    for (int i = 1; i <= n; i++)
        if (!used[i]) return false;
    return true;
}

bool diag_text_check(char *problem, size_t cap)
{
    const struct {
        const phrase *list;
        size_t n;
        bool pattern;
    } tables[] = {{PATTERNS, sizeof PATTERNS / sizeof PATTERNS[0], true}, {WORDS, sizeof WORDS / sizeof WORDS[0], false}};
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        for (size_t i = 0; i < tables[t].n; i++) {
            const phrase *p = &tables[t].list[i];
            const char *missing = !p->fi || !p->fi[0] ? "Finnish" : !p->sv || !p->sv[0] ? "Swedish" : NULL;
            if (missing) {
                snprintf(problem, cap, "\"%s\" has no %s", p->en, missing);
                return false;
            }
            if (tables[t].pattern && (!captures_match(p->en, p->fi) || !captures_match(p->en, p->sv))) {
                snprintf(problem, cap, "\"%s\": a translation does not put back each of its %d captures", p->en,
                         captures_of(p->en));
                return false;
            }
        }
    }
    return true;
}

const char *diag_code_word(diag_code code, i18n_lang lang)
{
    static const char *const fi[] = {
        "ok", "tiedosto", "kielioppi", "väärä tyyppi", "puuttuu", "tuntematon kenttä", "virheellinen arvo",
        "sama tunnus kahdesti", "viittaus ei osu", "käännös", "liian monta", "ei ratkea", "kuva",
        "teksti ei mahdu", "alueen ulkopuolella", "ei aukea",
    };
    static const char *const sv[] = {
        "ok", "fil", "syntax", "fel typ", "saknas", "okänt fält", "ogiltigt värde",
        "samma id två gånger", "hänvisningen träffar inget", "översättning", "för många", "går inte att lösa", "bild",
        "texten får inte plats", "utanför området", "öppnas aldrig",
    };
    const char *const *names = lang == LANG_SV ? sv : fi;
    if (lang == LANG_EN) return diag_code_name(code);
    if ((unsigned)code < sizeof fi / sizeof fi[0]) return names[code];
    return lang == LANG_SV ? "problem" : "ongelma";
}

void diag_phrasebook_builtin(diag_phrasebook *out)
{
    *out = (diag_phrasebook){PATTERNS, (int)(sizeof PATTERNS / sizeof PATTERNS[0]), WORDS, (int)(sizeof WORDS / sizeof WORDS[0]), NULL, NULL};
}

static cJSON *phrases_json(const phrase *p, int n)
{
    cJSON *list = cJSON_CreateArray();
    for (int i = 0; list && i < n; i++) {
        cJSON *row = cJSON_CreateArray();
        cJSON_AddItemToArray(row, cJSON_CreateString(p[i].en));
        cJSON_AddItemToArray(row, p[i].fi ? cJSON_CreateString(p[i].fi) : cJSON_CreateNull());
        cJSON_AddItemToArray(row, p[i].sv ? cJSON_CreateString(p[i].sv) : cJSON_CreateNull());
        cJSON_AddItemToArray(list, row);
    }
    return list;
}

char *diag_phrasebook_json(const diag_phrasebook *b)
{
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    cJSON_AddItemToObject(root, "patterns", phrases_json(b->patterns, b->pattern_count));
    cJSON_AddItemToObject(root, "words", phrases_json(b->words, b->word_count));
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

/* One list of [en, fi|null, sv|null] rows into out (strings stay in the tree); false if malformed.
   The book is fetched, so a stale or damaged one must not reach translate: in a pattern each
   translation puts back exactly the captures its English has (a "%3" for two would read a
   capture that was never made), and no more captures than match() keeps. */
static bool phrases_read(const cJSON *list, bool patterns, diag_phrase *out, int *n)
{
    const cJSON *row;
    *n = 0;
    cJSON_ArrayForEach(row, list)
    {
        const cJSON *en = cJSON_GetArrayItem(row, 0), *fi = cJSON_GetArrayItem(row, 1), *sv = cJSON_GetArrayItem(row, 2);
        if (!cJSON_IsArray(row) || !cJSON_IsString(en) || !(cJSON_IsString(fi) || cJSON_IsNull(fi)) ||
            !(cJSON_IsString(sv) || cJSON_IsNull(sv)))
            return false;
        if (patterns && (captures_of(en->valuestring) > MAX_CAPS ||
                         (cJSON_IsString(fi) && !captures_match(en->valuestring, fi->valuestring)) ||
                         (cJSON_IsString(sv) && !captures_match(en->valuestring, sv->valuestring))))
            return false;
        out[(*n)++] = (diag_phrase){en->valuestring, cJSON_IsString(fi) ? fi->valuestring : NULL,
                                    cJSON_IsString(sv) ? sv->valuestring : NULL};
    }
    return true;
}

bool diag_phrasebook_parse(diag_phrasebook *b, const char *json, size_t len)
{
    *b = (diag_phrasebook){0};
    cJSON *root = cJSON_ParseWithLength(json, len);
    const cJSON *pl = cJSON_GetObjectItemCaseSensitive(root, "patterns"), *wl = cJSON_GetObjectItemCaseSensitive(root, "words");
    int np = cJSON_GetArraySize(pl), nw = cJSON_GetArraySize(wl);
    diag_phrase *rows = cJSON_IsArray(pl) && cJSON_IsArray(wl) ? calloc((size_t)(np + nw) + 1, sizeof *rows) : NULL;
    if (!rows || !phrases_read(pl, true, rows, &np) || !phrases_read(wl, false, rows + np, &nw)) {
        free(rows);
        cJSON_Delete(root);
        return false;
    }
    *b = (diag_phrasebook){rows, np, rows + np, nw, rows, root};
    return true;
}

void diag_phrasebook_free(diag_phrasebook *b)
{
    free(b->own_rows);
    cJSON_Delete(b->own_tree);
    *b = (diag_phrasebook){0};
}

static void translate_in(const diag_phrasebook *b, diag_code code, const char *en, i18n_lang lang, char *out, size_t cap)
{
    translate(b, en, lang, out, cap, 0);
    if (lang != LANG_EN && strcmp(out, en) == 0)
        snprintf(out, cap, lang == LANG_SV ? "%s (på engelska): %s" : "%s (englanniksi): %s",
                 diag_code_word(code, lang), en);
}

void diag_translate(diag_code code, const char *en, i18n_lang lang, char *out, size_t cap)
{
    diag_phrasebook b;
    diag_phrasebook_builtin(&b);
    translate_in(&b, code, en, lang, out, cap);
}

void diag_format_in(const diag_phrasebook *b, const diag *d, i18n_lang lang, char *out, size_t cap)
{
    char msg[DIAG_MSG_MAX * 2];
    translate_in(b, d->code, d->msg, lang, msg, sizeof msg);
    static const char *const sev[3][2] = {{"virhe", "varoitus"}, {"fel", "varning"}, {"error", "warning"}};
    const char *s = sev[lang == LANG_SV ? 1 : lang == LANG_EN ? 2 : 0][d->severity == DIAG_ERROR ? 0 : 1];
    if (d->line > 0)
        snprintf(out, cap, "%s:%d:%d: %s: %s%s%s", d->file, d->line, d->column, s, d->path, d->path[0] ? ": " : "", msg);
    else
        snprintf(out, cap, "%s: %s: %s%s%s", d->file, s, d->path, d->path[0] ? ": " : "", msg);
}

void diag_format_lang(const diag *d, i18n_lang lang, char *out, size_t cap)
{
    diag_phrasebook b;
    diag_phrasebook_builtin(&b);
    diag_format_in(&b, d, lang, out, cap);
}
