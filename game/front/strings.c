#include "strings.h"

static const char *const table[STR_COUNT][LANG_COUNT] = {
    [STR_LOADING] = {"Ladataan…", "Laddar…", "Loading…"},
    [STR_START] = {"Aloita", "Börja", "Start"},
    [STR_CONTINUE] = {"Jatka", "Fortsätt", "Continue"},
    [STR_PLAY_AGAIN] = {"Pelaa uudelleen", "Spela igen", "Play again"},
    [STR_HINT] = {"Vihje", "Ledtråd", "Hint"},
    [STR_NO_MORE_HINTS] = {"Ei enempää vihjeitä", "Inga fler ledtrådar", "No more hints"},
    [STR_CHECK] = {"Tarkista", "Kontrollera", "Check"},
    [STR_RIGHT] = {"Oikein", "Rätt", "Right"},
    [STR_WRONG] = {"Ei aivan", "Inte riktigt", "Not quite"},
    [STR_MISS] = {"Siinä ei ole mitään epäilyttävää. Kokeile toista kohtaa.",
                  "Där finns inget misstänkt. Pröva ett annat ställe.",
                  "Nothing suspicious there. Try another place."},
    [STR_ALREADY_FOUND] = {"Löysit tämän jo.", "Du har redan hittat det här.", "You found this already."},
    [STR_FOUND_OF] = {"Löydetty %d/%d", "Hittat %d/%d", "Found %d of %d"},
    [STR_PUZZLE_OF] = {"Tehtävä %d/%d", "Uppgift %d/%d", "Task %d of %d"},
    [STR_ROOM_SOLVED] = {"Huone ratkaistu!", "Rummet är löst!", "Room solved!"},
    [STR_CODE_PART] = {"Koodin osa: %s", "Kodens del: %s", "Part of the code: %s"},
    [STR_MISTAKES] = {"Virheitä: %d", "Fel: %d", "Mistakes: %d"},
    [STR_HINTS_USED] = {"Vihjeitä: %d", "Ledtrådar: %d", "Hints: %d"},
    [STR_ERROR_TITLE] = {"Sisältötiedostossa on virhe", "Innehållsfilen har ett fel",
                         "A content file has an error"},
    [STR_ERROR_HELP] = {"Korjaa kohta ja lataa sivu uudelleen.", "Rätta stället och ladda om sidan.",
                        "Fix the place and reload the page."},
    [STR_ROLE_BUTTON] = {"painike", "knapp", "button"},
    [STR_ROLE_PLACE] = {"kohta", "ställe", "place"},
    [STR_ROLE_OPTION] = {"vaihtoehto", "alternativ", "option"},
    [STR_ROLE_LINK] = {"linkki", "länk", "link"},
    [STR_SELECTED] = {"valittu", "vald", "selected"},
    [STR_LANGUAGE_NAME] = {"Suomi", "Svenska", "English"},
    [STR_SCENE] = {"Näkymä", "Vy", "Screen"},
    [STR_CHOOSE_SEVERAL] = {"Valitse kaikki oikeat ja paina Tarkista.",
                            "Välj alla rätta och tryck Kontrollera.",
                            "Choose all the right ones and press Check."},
    [STR_HINT_LABEL] = {"Vihje %d/%d", "Ledtråd %d/%d", "Hint %d of %d"},
};

const char *str(i18n_lang lang, str_id id)
{
    if ((unsigned)id >= STR_COUNT) return "";
    if ((unsigned)lang >= LANG_COUNT) lang = LANG_FI;
    const char *s = table[id][lang];
    return s ? s : table[id][LANG_FI];
}
