#!/usr/bin/python3
"""make_schemas.py - writes levels/schema/{game,room,comic}.schema.json (issue 7).

The JSON Schemas let editors (VS Code) complete field names and show what each field means,
in English and Finnish. The game's loaders (game/core/level.c, comic.c) are the truth: every
field list here follows their jx_check_fields lists and required fields, and
tests/lint/lint.test.mjs checks that the schemas and pakopeli-lint agree on the corpus and on
the shipped content. Edit the schemas here and run:  python3 game/tools/make_schemas.py
(--check: exit 1 when the files in levels/schema/ differ from what this writes).
"""
import json, os, sys
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'levels', 'schema')
CHECK = '--check' in sys.argv
STALE = []
def d(en, fi): return f"{en}\n\nFI: {fi}"
def names(*ns): return {"pattern": "^(_.*|\\$schema|" + "|".join(n.replace('$','\\$') for n in ns) + ")$"}
ID = {"type": "string", "pattern": "^[a-z0-9_-]+$", "minLength": 1,
      "description": d("An id: lower-case letters a-z, digits and - or _. Other things refer to it.",
                       "Tunnus: pieniä kirjaimia a–z, numeroita sekä - tai _. Muut kohdat viittaavat siihen.")}
def idd(en, fi): return {**ID, "description": d(en, fi)}
NUM = lambda lo, hi: {"type": "number", "minimum": lo, "maximum": hi}
def text_def(comic=False):
    s = {"type": "string", "description": d("The same text in every language (a name, an address).",
                                             "Sama teksti kaikilla kielillä (nimi, osoite).")}
    if comic: s["minLength"] = 1
    return {
        "description": d("A text in Finnish, Swedish and English: {\"fi\": ..., \"sv\": ..., \"en\": ...}. Finnish is required; a missing Swedish or English text shows the Finnish one (the linter warns).",
                         "Teksti suomeksi, ruotsiksi ja englanniksi: {\"fi\": ..., \"sv\": ..., \"en\": ...}. Suomi on pakollinen; puuttuvan ruotsin- tai englanninkielisen tekstin tilalla näkyy suomenkielinen (tarkistin varoittaa)."),
        "anyOf": [s, {"type": "object", "required": ["fi"], "propertyNames": names("fi", "sv", "en"),
            "properties": {
                "fi": {"type": "string", "minLength": 1, "description": d("Finnish (required).", "Suomeksi (pakollinen).")},
                "sv": {"type": "string", "description": d("Swedish.", "Ruotsiksi.")},
                "en": {"type": "string", "description": d("English.", "Englanniksi.")}}}]}
def T(en, fi): return {"allOf": [{"$ref": "#/definitions/text"}], "description": d(en, fi)}
IMAGE_ROOM = {"type": "string", "pattern": "^assets/[^\\\\]*\\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Ss][Vv][Gg])$", "not": {"pattern": "\\.\\."},
    "description": d("An image file under assets/: PNG, JPEG or SVG, e.g. \"assets/scenes/my-screen.png\".",
                     "Kuvatiedosto assets/-kansiossa: PNG, JPEG tai SVG, esim. \"assets/scenes/oma-kuva.png\".")}
def img(en, fi): return {**IMAGE_ROOM, "description": d(en, fi) + "\n\n" + IMAGE_ROOM["description"]}
RECT = {"type": "array", "minItems": 4, "maxItems": 4,
    "items": [NUM(-10000, 10000), NUM(-10000, 10000), NUM(1, 10000), NUM(1, 10000)],
    "description": d("[x, y, width, height] in scene units; [0, 0] is the top-left corner of the scene.",
                     "[x, y, leveys, korkeus] näkymän yksiköissä; [0, 0] on näkymän vasen yläkulma.")}

def write(name, schema):
    text = json.dumps(schema, ensure_ascii=False, indent=2) + '\n'
    path = os.path.join(OUT, name)
    if CHECK:
        try:
            with open(path, encoding='utf-8') as f:
                if f.read() != text: STALE.append(name)
        except OSError:
            STALE.append(name)
        return
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)

COMMENT = {"description": d("Fields whose name starts with _ are comments: the game ignores them.",
                            "Alaviivalla alkavat kentät ovat kommentteja: peli ei lue niitä.")}
SCHEMA_PROP = {"type": "string", "description": d("The schema this file follows, for editors (VS Code).", "Skeema, jota tiedosto noudattaa; editoria (VS Code) varten.")}

# ---------------------------------------------------------------- room
widget_types = ["box", "window", "toolbar", "list", "button", "text", "chat", "icon", "image"]
widget = {
    "type": "object", "required": ["type", "rect"],
    "propertyNames": names("id", "type", "rect", "text", "rows", "image", "size", "tone", "bold", "hidden", "opens", "label"),
    "description": d("One piece of the mock screen: a window, a button, a text …", "Yksi näkymän osa: ikkuna, painike, teksti …"),
    "properties": {
        "id": idd("Needed when a puzzle refers to the widget (a place, a reveal, a use).", "Tarpeen, kun tehtävä viittaa widgetiin (kohta, paljastus, käyttö)."),
        "type": {"enum": widget_types, "description": d(
            "box: a panel; window: a window with a title bar; toolbar: a bar of commands; list: rows 58 units high; button; text: wrapped text; chat: a chat bubble; icon: a small image with a caption; image: a picture scaled into the rect.",
            "box: paneeli; window: ikkuna, jossa on otsikkopalkki; toolbar: komentopalkki; list: 58 yksikön korkuisia rivejä; button: painike; text: rivittyvä teksti; chat: chat-kupla; icon: pieni kuva ja teksti; image: kuva, joka sovitetaan suorakulmioon.")},
        "rect": {**RECT},
        "text": T("The label, body or window title.", "Otsikko, leipäteksti tai ikkunan nimi."),
        "rows": {"type": "array", "items": {"$ref": "#/definitions/text"}, "description": d("The rows of a list.", "Listan rivit.")},
        "image": img("The picture of an icon or image widget.", "Icon- tai image-widgetin kuva."),
        "size": {"enum": ["small", "normal", "large", "title"], "description": d("Text size: 15, 17, 21 or 26 units.", "Tekstin koko: 15, 17, 21 tai 26 yksikköä.")},
        "tone": {"enum": ["normal", "muted", "accent", "danger", "link"], "description": d("Colour role; a link-tone button is drawn as an underlined link.", "Värirooli; link-sävyinen painike näkyy alleviivattuna linkkinä.")},
        "bold": {"type": "boolean", "description": d("Bold text.", "Lihavoitu teksti.")},
        "hidden": {"type": "boolean", "description": d("Not shown until a solved puzzle reveals it (gives.reveals).", "Ei näy ennen kuin ratkaistu tehtävä paljastaa sen (gives.reveals).")},
        "opens": {"type": "string", "description": d("Hub doors: the id of the room this opens, or \"comic:<id>\" for a comic.", "Aulan ovet: huoneen tunnus, jonka tämä avaa, tai \"comic:<tunnus>\" sarjakuvalle.")},
        "label": T("What a screen reader says for it, when not simply its text.", "Mitä ruudunlukija sanoo siitä, jos ei pelkkää tekstiä."),
    },
    "allOf": [{"if": {"type": "object", "properties": {"type": {"enum": ["icon", "image"]}}, "required": ["type"]}, "then": {"required": ["image"]}}],
}
explain = T("Why this answer is right or wrong, in one or two sentences. Do not start with \"Right\" or \"Wrong\": the game shows that.",
            "Miksi vastaus on oikein tai väärin, yhdellä tai kahdella lauseella. Älä aloita sanoilla ”Oikein” tai ”Väärin”: peli näyttää sen.")
ANSWER = {"type": "string", "pattern": "[^\\s.,!?;:\"']"}
option_lists = {
    "options": {"type": "array", "minItems": 1, "maxItems": 32,
        "description": d("choice: the options. At least one has \"correct\": true.", "choice: vaihtoehdot. Ainakin yhdellä on \"correct\": true."),
        "contains": {"type": "object", "required": ["correct"], "properties": {"correct": {"const": True}}},
        "items": {"type": "object", "required": ["id", "text", "explain"], "propertyNames": names("id", "text", "explain", "correct"),
            "properties": {"id": idd("The option's id (answers are saved as ids).", "Vaihtoehdon tunnus (vastaukset tallennetaan tunnuksina)."),
                "text": T("What the player sees.", "Mitä pelaaja näkee."), "explain": explain,
                "correct": {"type": "boolean", "description": d("A right option (default false).", "Oikea vaihtoehto (oletus false).")}}}},
    "places": {"type": "array", "minItems": 1, "maxItems": 32,
        "description": d("hotspots: the places to find on the scene, and decoys (\"correct\": false).", "hotspots: näkymästä etsittävät kohdat sekä harhautukset (\"correct\": false)."),
        "contains": {"not": {"type": "object", "required": ["correct"], "properties": {"correct": {"const": False}}}},
        "items": {"type": "object", "required": ["id", "label", "explain"], "anyOf": [{"required": ["widget"]}, {"required": ["rect"]}],
            "propertyNames": names("id", "label", "explain", "correct", "rect", "widget"),
            "properties": {"id": idd("The place's id.", "Kohdan tunnus."),
                "label": T("The place described for people who cannot see it.", "Kohdan kuvaus niille, jotka eivät näe sitä."),
                "explain": explain,
                "correct": {"type": "boolean", "description": d("false for a decoy (default true).", "false harhautukselle (oletus true).")},
                "widget": {"type": "string", "description": d("The id of the widget the place covers.", "Widgetin tunnus, jonka kohdalla kohta on.")},
                "rect": {**RECT, "description": d("The place as a rectangle, e.g. on your own screenshot: [x, y, width, height].", "Kohta suorakulmiona, esim. omassa kuvakaappauksessa: [x, y, leveys, korkeus].")}}}},
    "steps": {"type": "array", "minItems": 2, "maxItems": 32,
        "description": d("order: the steps, written in the right order (the game shuffles them).", "order: vaiheet oikeassa järjestyksessä (peli sekoittaa ne)."),
        "items": {"type": "object", "required": ["id", "text"], "propertyNames": names("id", "text", "explain"),
            "properties": {"id": idd("The step's id.", "Vaiheen tunnus."), "text": T("The step.", "Vaihe."), "explain": explain}}},
    "pairs": {"type": "array", "minItems": 2, "maxItems": 32,
        "description": d("match: the pairs, each written right (the game shuffles the right-hand side).", "match: parit oikein kirjoitettuina (peli sekoittaa oikean puolen)."),
        "items": {"type": "object", "required": ["id", "left", "right"], "propertyNames": names("id", "left", "right", "explain"),
            "properties": {"id": idd("The pair's id.", "Parin tunnus."), "left": T("The left-hand item.", "Vasen puoli."),
                "right": T("Its partner.", "Sen pari."), "explain": explain}}},
}
common = ["id", "kind", "prompt", "solved", "hints", "requires", "gives"]
kinds = {
    "choice": (["options"], ["options"]), "hotspots": (["places"], ["places"]),
    "order": (["steps", "wrong"], ["steps", "wrong"]), "match": (["pairs", "wrong"], ["pairs", "wrong"]),
    "code": (["answer", "final", "wrong"], ["wrong"]), "text": (["answers", "wrong"], ["answers", "wrong"]),
    "use": (["item", "place", "wrong"], ["item", "place", "wrong"]),
}
puzzle_all = []
for k, (fields, req) in kinds.items():
    then = {"required": req, "propertyNames": names(*(common + fields))}
    puzzle_all.append({"if": {"type": "object", "properties": {"kind": {"const": k}}, "required": ["kind"]}, "then": then})
puzzle_all.append({"if": {"type": "object", "properties": {"kind": {"const": "code"}, "final": {"const": True}}, "required": ["kind", "final"]},
                   "then": {"not": {"required": ["answer"]}}, "else": {"if": {"type": "object", "properties": {"kind": {"const": "code"}}, "required": ["kind"]}, "then": {"required": ["answer"]}}})
puzzle = {
    "type": "object", "required": ["id", "kind", "prompt"],
    "description": d("A puzzle. Which fields it has depends on \"kind\".", "Tehtävä. Sen kentät riippuvat tyypistä \"kind\"."),
    "properties": {
        "id": idd("The puzzle's id (answers and \"requires\" use it).", "Tehtävän tunnus (vastaukset ja \"requires\" käyttävät sitä)."),
        "kind": {"enum": list(kinds), "description": d(
            "choice: multiple choice; hotspots: find places on the scene; order: put steps in order; match: pair items; code: a code lock; text: a typed answer; use: use an item on a place.",
            "choice: monivalinta; hotspots: etsi kohdat näkymästä; order: järjestä vaiheet; match: yhdistä parit; code: koodilukko; text: kirjoitettu vastaus; use: käytä esinettä kohtaan.")},
        "prompt": T("The task as the player reads it.", "Tehtävä pelaajalle."),
        "solved": T("Shown when solved: the lesson in one or two sentences.", "Näytetään, kun tehtävä on ratkaistu: opetus yhdellä tai kahdella lauseella."),
        "hints": {"type": "array", "maxItems": 6, "items": {"$ref": "#/definitions/text"}, "description": d("Up to 6 hints, from gentle to plain; each one taken costs points.", "Enintään 6 vihjettä, hienovaraisesta suoraan; jokainen otettu vihje maksaa pisteitä.")},
        "requires": {"type": "array", "maxItems": 8, "items": {"type": "string"}, "description": d("Ids of puzzles solved first, or items held, before this one opens.", "Tehtävät, jotka ratkaistaan ensin, tai esineet, joita tarvitaan, ennen kuin tämä aukeaa.")},
        "gives": {"type": "object", "propertyNames": names("items", "reveals", "hides", "comic"),
            "description": d("What solving this puzzle gives.", "Mitä tehtävän ratkaiseminen antaa."),
            "properties": {
                "items": {"type": "array", "maxItems": 8, "items": {"type": "string"}, "description": d("Item ids the player gets.", "Esineet, jotka pelaaja saa.")},
                "reveals": {"type": "array", "maxItems": 8, "items": {"type": "string"}, "description": d("Ids of hidden widgets to show.", "Piilotetut widgetit, jotka tulevat näkyviin.")},
                "hides": {"type": "array", "maxItems": 8, "items": {"type": "string"}, "description": d("Ids of widgets to take off the scene, e.g. a reported mail that leaves the inbox.", "Widgetit, jotka poistuvat näkymästä, esim. ilmoitettu viesti lähtee saapuneista.")},
                "comic": {"type": "string", "description": d("The id of a comic to show.", "Näytettävän sarjakuvan tunnus.")}}},
        **option_lists,
        "wrong": T("order, match, code, text, use: why a wrong answer is wrong.", "order, match, code, text, use: miksi väärä vastaus on väärin."),
        "answer": {**ANSWER, "description": d("code: the code (letters and digits; spaces do not count). Not with \"final\".", "code: koodi (kirjaimia ja numeroita; välilyönnit eivät haittaa). Ei yhdessä kentän \"final\" kanssa.")},
        "final": {"type": "boolean", "description": d("code: the last door; its code is the required rooms' code parts joined in game.json's order.", "code: viimeinen ovi; sen koodi on pakollisten huoneiden koodin osat game.json-järjestyksessä.")},
        "answers": {"type": "array", "minItems": 1, "maxItems": 8, "items": ANSWER, "description": d("text: every accepted answer; case and trailing punctuation do not matter.", "text: kaikki hyväksytyt vastaukset; kirjainkoko ja välimerkit lopussa eivät haittaa.")},
        "item": {"type": "string", "description": d("use: the id of the item to use.", "use: käytettävän esineen tunnus.")},
        "place": {"type": "string", "description": d("use: the id of the widget to use it on.", "use: widgetin tunnus, johon esinettä käytetään.")},
    },
    "allOf": puzzle_all,
}
room = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Pakopeli room / huone",
    "description": d("A room of Pakopeli: a scene (a mock application screen) and the puzzles played on it. The game's loader and pakopeli-lint are the final word; this schema helps editors complete and explain fields.",
                     "Pakopelin huone: näkymä (kuva sovelluksesta) ja siinä pelattavat tehtävät. Pelin lataaja ja pakopeli-lint ratkaisevat viime kädessä; tämä skeema auttaa editoria täydentämään ja selittämään kentät."),
    "type": "object", "required": ["id", "title", "scene", "puzzles"],
    "propertyNames": names("id", "title", "intro", "outro", "scene", "code_part", "puzzles", "items", "timer_minutes", "target_minutes", "comic_intro", "comic_outro"),
    "properties": {
        "$schema": SCHEMA_PROP,
        "id": idd("The room's id: the same as in game.json's \"rooms\".", "Huoneen tunnus: sama kuin game.json-tiedoston \"rooms\"-listassa."),
        "title": T("The room's name in the top bar.", "Huoneen nimi yläpalkissa."),
        "intro": T("Shown when the room opens: what it is about.", "Näytetään huoneen auetessa: mistä huoneessa on kyse."),
        "outro": T("Shown when the room is solved.", "Näytetään, kun huone on ratkaistu."),
        "code_part": {"type": "string", "description": d("This room's part of the last door's code (digits and letters A-Z).", "Huoneen osa viimeisen oven koodista (numeroita ja kirjaimia A–Z).")},
        "timer_minutes": {"type": "integer", "minimum": 0, "maximum": 180, "description": d("A timer in minutes (0: none). The player can always add time.", "Ajastin minuutteina (0: ei ajastinta). Pelaaja voi aina lisätä aikaa.")},
        "target_minutes": {"type": "integer", "minimum": 0, "maximum": 180, "description": d("The time the score expects (0: time does not count).", "Pisteytyksen tavoiteaika (0: aika ei vaikuta).")},
        "comic_intro": {"type": "string", "description": d("A comic id shown before the room.", "Ennen huonetta näytettävän sarjakuvan tunnus.")},
        "comic_outro": {"type": "string", "description": d("A comic id shown after the room is solved.", "Ratkaistun huoneen jälkeen näytettävän sarjakuvan tunnus.")},
        "items": {"type": "array", "maxItems": 16, "description": d("Things a player can get and use in this room.", "Esineet, joita pelaaja voi saada ja käyttää tässä huoneessa."),
            "items": {"type": "object", "required": ["id", "name"], "propertyNames": names("id", "name", "about", "icon"),
                "properties": {"id": idd("The item's id (not the same as any puzzle's).", "Esineen tunnus (eri kuin yhdenkään tehtävän)."),
                    "name": T("The item's name.", "Esineen nimi."), "about": T("What it is, for the inventory and screen readers.", "Mikä se on, tavaraluetteloa ja ruudunlukijaa varten."),
                    "icon": img("The item's icon.", "Esineen kuvake.")}}},
        "scene": {"type": "object", "propertyNames": names("size", "background", "widgets"),
            "description": d("The mock screen the puzzles are played on.", "Näkymä, jossa tehtävät pelataan."),
            "properties": {
                "size": {"type": "array", "minItems": 2, "maxItems": 2, "items": NUM(100, 4000), "description": d("[width, height] in scene units (default [800, 560]). With your own screenshot: the picture's size in pixels.", "[leveys, korkeus] näkymän yksiköissä (oletus [800, 560]). Omalla kuvakaappauksella: kuvan koko pikseleinä.")},
                "background": img("A picture under the widgets, such as your own screenshot.", "Kuva widgettien alla, esimerkiksi oma kuvakaappaus."),
                "widgets": {"type": "array", "maxItems": 160, "items": {"$ref": "#/definitions/widget"}, "description": d("The pieces of the screen, drawn in this order.", "Näkymän osat; piirretään tässä järjestyksessä.")}}},
        "puzzles": {"type": "array", "minItems": 1, "maxItems": 24, "items": {"$ref": "#/definitions/puzzle"}, "description": d("The puzzles, played in this order (unless \"requires\" says otherwise).", "Tehtävät; pelataan tässä järjestyksessä (ellei \"requires\" muuta).")},
    },
    "definitions": {"text": text_def(), "widget": widget, "puzzle": puzzle},
}
write('room.schema.json', room)

# ---------------------------------------------------------------- game
game = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Pakopeli game manifest / pelin luettelo",
    "description": d("levels/game.json: the game's title and texts, its rooms in order, its comics and the organisation's own names ({key} in texts).",
                     "levels/game.json: pelin nimi ja tekstit, huoneet järjestyksessä, sarjakuvat ja organisaation omat nimet ({avain} teksteissä)."),
    "type": "object", "required": ["title", "rooms"],
    "propertyNames": names("title", "intro", "ending", "rooms", "hub", "ordered", "comics", "settings"),
    "properties": {
        "$schema": SCHEMA_PROP,
        "title": T("The game's name.", "Pelin nimi."), "intro": T("Shown in the hub: what the game is.", "Näytetään aulassa: mistä pelissä on kyse."),
        "ending": T("Shown when the last door opens.", "Näytetään, kun viimeinen ovi aukeaa."),
        "hub": {"type": "string", "description": d("The id of the room that opens the game (its doors lead to the others).", "Huone, josta peli alkaa (sen ovet vievät muihin huoneisiin).")},
        "ordered": {"type": "boolean", "description": d("Rooms must be solved in the listed order.", "Huoneet ratkaistaan luettelon järjestyksessä.")},
        "rooms": {"type": "array", "minItems": 1, "maxItems": 16, "description": d("The rooms; the last door's code is their code parts in this order.", "Huoneet; viimeisen oven koodi on niiden koodin osat tässä järjestyksessä."),
            "items": {"type": "object", "required": ["id", "file"], "propertyNames": names("id", "file", "required"),
                "properties": {"id": idd("The room's id, the same as in its file.", "Huoneen tunnus, sama kuin sen tiedostossa."),
                    "file": {"type": "string", "description": d("The room's file, relative to levels/.", "Huoneen tiedosto levels/-kansiossa.")},
                    "required": {"type": "boolean", "description": d("Needed for the last door's code (default true).", "Tarvitaan viimeisen oven koodiin (oletus true).")}}}},
        "comics": {"type": "array", "maxItems": 8, "description": d("Comics by id (a comic in levels/comics/<id>.json is found without this too).", "Sarjakuvat tunnuksineen (levels/comics/<tunnus>.json löytyy ilman tätäkin)."),
            "items": {"type": "object", "required": ["id", "file"], "propertyNames": names("id", "file"),
                "properties": {"id": idd("The comic's id.", "Sarjakuvan tunnus."), "file": {"type": "string", "description": d("Its file, relative to levels/.", "Sen tiedosto levels/-kansiossa.")}}}},
        "settings": {"type": "object", "maxProperties": 24, "additionalProperties": {"$ref": "#/definitions/text"},
            "description": d("The organisation's own names, used in texts as {key}: one place to change when another organisation adopts the game.",
                             "Organisaation omat nimet, joita teksteissä käytetään muodossa {avain}: yksi paikka muuttaa, kun toinen organisaatio ottaa pelin käyttöön.")},
    },
    "definitions": {"text": text_def()},
}
write('game.schema.json', game)

# ---------------------------------------------------------------- comic
PAIR = lambda lo, hi, en, fi: {"type": "array", "minItems": 2, "maxItems": 2, "items": NUM(lo, hi), "description": d(en, fi)}
CT = lambda en, fi: {"allOf": [{"$ref": "#/definitions/text"}], "description": d(en, fi)}
bubble = {
    "type": "object", "required": ["kind", "text", "at"], "propertyNames": names("kind", "text", "speaker", "at", "width", "tail"),
    "description": d("A speech bubble, a thought bubble or a caption, in reading order.", "Puhekupla, ajatuskupla tai kertojan teksti lukujärjestyksessä."),
    "properties": {
        "kind": {"enum": ["speech", "thought", "caption"], "description": d("speech: a bubble with a tail; thought: a cloud; caption: the narrator's box.", "speech: puhekupla ja häntä; thought: ajatuspilvi; caption: kertojan laatikko.")},
        "text": CT("The words. The game letters them, so never write text into the picture.", "Sanat. Peli tekstaa ne, joten älä kirjoita tekstiä kuvaan."),
        "speaker": {"type": "string", "description": d("speech and thought: the character's id.", "speech ja thought: henkilön tunnus.")},
        "at": PAIR(0, 100, "Where the bubble's top-left corner goes: [x, y] in percent of the panel.", "Kuplan vasen yläkulma: [x, y] prosentteina ruudusta."),
        "width": {**NUM(10, 100), "description": d("The widest the bubble may be, percent of the panel (default 42, captions 60).", "Kuplan suurin leveys prosentteina ruudusta (oletus 42, kertojalla 60).")},
        "tail": PAIR(0, 100, "Where the tail points: the speaker's mouth, [x, y] in percent of the panel.", "Mihin häntä osoittaa: puhujan suuhun, [x, y] prosentteina ruudusta."),
    },
    "allOf": [
        {"if": {"type": "object", "properties": {"kind": {"const": "caption"}}, "required": ["kind"]}, "then": {"not": {"anyOf": [{"required": ["speaker"]}, {"required": ["tail"]}]}}},
        {"if": {"type": "object", "properties": {"kind": {"const": "speech"}}, "required": ["kind"]}, "then": {"required": ["speaker", "tail"]}},
        {"if": {"type": "object", "properties": {"kind": {"const": "thought"}}, "required": ["kind"]}, "then": {"required": ["speaker"]}},
    ],
}
panel = {
    "type": "object", "required": ["rect", "image", "description"], "propertyNames": names("rect", "order", "image", "description", "bubbles"),
    "description": d("A panel: a picture, its description and its bubbles.", "Ruutu: kuva, sen kuvaus ja kuplat."),
    "properties": {
        "rect": {"type": "array", "minItems": 4, "maxItems": 4, "items": [NUM(-10000, 10000), NUM(-10000, 10000), NUM(40, 10000), NUM(40, 10000)],
                 "description": d("[x, y, width, height] on the page, in page units (at least 40 by 40).", "[x, y, leveys, korkeus] sivulla sivuyksiköissä (vähintään 40 × 40).")},
        "order": {"type": "integer", "minimum": 1, "maximum": 12, "description": d("Reading order on the page: give it to every panel or to none.", "Lukujärjestys sivulla: anna se kaikille ruuduille tai ei yhdellekään.")},
        "image": {"type": "string", "maxLength": 127, "pattern": "^assets/[^\\\\]*\\.(svg|SVG|png|PNG|jpg|JPG|jpeg|JPEG)$", "not": {"pattern": "\\.\\."},
                  "description": d("The picture: an .svg, .png or .jpg under assets/, the same shape as the panel.", "Kuva: .svg, .png tai .jpg assets/-kansiossa, samanmuotoinen kuin ruutu.")},
        "description": CT("What the panel shows, for people who cannot see it. Do not repeat the bubbles.", "Mitä ruudussa näkyy, niille jotka eivät näe kuvaa. Älä toista kuplia."),
        "bubbles": {"type": "array", "maxItems": 6, "items": {"$ref": "#/definitions/bubble"}, "description": d("At most 6 bubbles, in reading order.", "Enintään 6 kuplaa lukujärjestyksessä.")},
    },
}
comic = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Pakopeli comic / sarjakuva",
    "description": d("A comic: pages of panels with pictures, descriptions and lettered bubbles (docs/comics.md).",
                     "Sarjakuva: sivuja, joilla on ruutuja, kuvia, kuvauksia ja tekstattuja kuplia (docs/comics.md)."),
    "type": "object", "required": ["id", "title", "pages"], "propertyNames": names("id", "title", "characters", "page_size", "pages"),
    "properties": {
        "$schema": SCHEMA_PROP,
        "id": idd("The comic's id: the same as its file name without .json.", "Sarjakuvan tunnus: sama kuin tiedoston nimi ilman .json-päätettä."),
        "title": CT("The comic's title.", "Sarjakuvan nimi."),
        "characters": {"type": "array", "maxItems": 16, "description": d("The people who speak or think.", "Henkilöt, jotka puhuvat tai ajattelevat."),
            "items": {"type": "object", "required": ["id", "name"], "propertyNames": names("id", "name"),
                "properties": {"id": idd("The character's id, used as \"speaker\".", "Henkilön tunnus, jota \"speaker\" käyttää."),
                    "name": CT("What a screen reader says before their words.", "Mitä ruudunlukija sanoo ennen repliikkiä.")}}},
        "page_size": PAIR(200, 4000, "[width, height] of every page in page units (default [1200, 800]).", "Sivujen [leveys, korkeus] sivuyksiköissä (oletus [1200, 800])."),
        "pages": {"type": "array", "minItems": 1, "maxItems": 24, "description": d("The pages.", "Sivut."),
            "items": {"type": "object", "required": ["panels"], "propertyNames": names("size", "panels"),
                "properties": {"size": PAIR(200, 4000, "This page's own [width, height].", "Tämän sivun oma [leveys, korkeus]."),
                    "panels": {"type": "array", "minItems": 1, "maxItems": 12, "items": {"$ref": "#/definitions/panel"}, "description": d("At most 12 panels.", "Enintään 12 ruutua.")}}}},
    },
    "definitions": {"text": text_def(comic=True), "panel": panel, "bubble": bubble},
}
write('comic.schema.json', comic)
if STALE:
    sys.stderr.write('levels/schema is out of date (run python3 game/tools/make_schemas.py): ' + ', '.join(STALE) + '\n')
    sys.exit(1)
