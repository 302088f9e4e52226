/* diag_text.h - a diagnostic in the reader's language: Finnish first, Swedish, English.
 *
 * Diagnostics (diag.h) carry a stable code and an English message; the game's error screen
 * (the studio's preview is the same game) and pakopeli-lint --lang fi show it translated:
 *
 *   char line[DIAG_MSG_MAX * 3];
 *   diag_format_lang(&list.items[0], LANG_FI, line, sizeof line);
 *   // "levels/hub.json:3:11: virhe: title: suomenkielinen teksti "fi" puuttuu"
 *
 * Nothing here allocates. A message without a translation in the language keeps its English
 * words behind the language's name for its kind of problem ("käännös (englanniksi): ...").
 */
#ifndef PK_DIAG_TEXT_H
#define PK_DIAG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "i18n.h"

/* The message en (of a diagnostic with this code) in lang, into out. */
void diag_translate(diag_code code, const char *en, i18n_lang lang, char *out, size_t cap);
/* "file:line:column: virhe|fel|error: path: message" in lang (diag_format's shape). */
void diag_format_lang(const diag *d, i18n_lang lang, char *out, size_t cap);
/* The kind of problem in a word (fi, sv; en: diag_code_name). */
const char *diag_code_word(diag_code code, i18n_lang lang);
/* True when every known message and phrase has its Finnish and Swedish form, and each form puts
   back every part it captures; else false with the first that does not, in problem (the test
   that keeps the table whole: tests/unit/test_diag_text.c). */
bool diag_text_check(char *problem, size_t cap);

#endif
