/* strings.h - the engine's own words (buttons, headings) in Finnish, Swedish and English.
 * Room content brings its own texts; these are only the chrome around it. */
#ifndef PK_STRINGS_H
#define PK_STRINGS_H

#include "../core/i18n.h"

typedef enum str_id {
    STR_LOADING, STR_START, STR_CONTINUE, STR_PLAY_AGAIN, STR_HINT, STR_NO_MORE_HINTS,
    STR_CHECK, STR_RIGHT, STR_WRONG, STR_MISS, STR_ALREADY_FOUND, STR_FOUND_OF,
    STR_PUZZLE_OF, STR_ROOM_SOLVED, STR_CODE_PART, STR_MISTAKES, STR_HINTS_USED,
    STR_ERROR_TITLE, STR_ERROR_HELP, STR_ROLE_BUTTON, STR_ROLE_PLACE, STR_ROLE_OPTION,
    STR_ROLE_LINK, STR_SELECTED, STR_LANGUAGE_NAME, STR_SCENE, STR_CHOOSE_SEVERAL, STR_HINT_LABEL,
    STR_COUNT
} str_id;

const char *str(i18n_lang lang, str_id id);

#endif
