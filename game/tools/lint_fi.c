/* lint_fi.c - pakopeli-lint's messages in Finnish (--lang fi): the loaders' English messages
 * through the core's translations (game/core/diag_text.c, which the game's error screen uses
 * too), so the linter and the game say the same words. */
#include "lint.h"

#include "../core/diag_text.h"

const char *lint_fi_code_name(diag_code code) { return diag_code_word(code, LANG_FI); }

void lint_fi_message(diag_code code, const char *en, char *out, size_t cap)
{
    diag_translate(code, en, LANG_FI, out, cap);
}
