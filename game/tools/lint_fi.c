/* lint_fi.c - pakopeli-lint's messages in Finnish and Swedish (--lang fi|sv): the loaders'
 * English messages through the core's translations (game/core/diag_text.c, which the game's
 * error screen uses too), so the linter and the game say the same words. */
#include "lint.h"

#include "../core/diag_text.h"

void lint_message_in(diag_code code, const char *en, i18n_lang lang, char *out, size_t cap)
{
    diag_translate(code, en, lang, out, cap);
}
