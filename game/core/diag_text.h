/* diag_text.h - a diagnostic in the reader's language: Finnish first, Swedish, English.
 *
 * Diagnostics (diag.h) carry a stable code and an English message; the game's error screen
 * (the studio's preview is the same game) and pakopeli-lint --lang fi show it translated:
 *
 *   char line[DIAG_MSG_MAX * 3];
 *   diag_format_lang(&list.items[0], LANG_FI, line, sizeof line);
 *   // "levels/hub.json:3:11: virhe: title: suomenkielinen teksti "fi" puuttuu"
 *
 * Only diag_phrasebook_parse and _json allocate. A message without a translation in the
 * language keeps its English words behind the language's name for its kind of problem
 * ("käännös (englanniksi): ...").
 *
 * The translations are a phrasebook: the built-in one is every loader's and the linter's
 * message (diag_translate, diag_format_lang use it). The web game does not carry it (about
 * 8 kB of brotli off every player's first load, docs/performance.md): it fetches the same book
 * as JSON (build/web/diag-phrases.json, written by pakopeli-lint --phrases) when it first shows
 * an error, and formats with diag_format_in.
 */
#ifndef PK_DIAG_TEXT_H
#define PK_DIAG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "i18n.h"

typedef struct diag_phrase {
    const char *en, *fi, *sv; /* an English pattern ('%' captures, "%%" is '%') and its translations (%1..%9), NULL: none */
} diag_phrase;

typedef struct diag_phrasebook {
    const diag_phrase *patterns; /* whole messages */
    int pattern_count;
    const diag_phrase *words;    /* known phrases captured inside them */
    int word_count;
    void *own_rows, *own_tree;   /* what diag_phrasebook_parse allocated (NULL for the built-in book) */
} diag_phrasebook;

/* The built-in book (nothing to free). */
void diag_phrasebook_builtin(diag_phrasebook *out);
/* The book as JSON: {"patterns": [[en, fi|null, sv|null], ...], "words": [...]}; the caller frees it. */
char *diag_phrasebook_json(const diag_phrasebook *b);
/* Reads such JSON; false (and an empty book) when it is not one. Free with diag_phrasebook_free. */
bool diag_phrasebook_parse(diag_phrasebook *b, const char *json, size_t len);
void diag_phrasebook_free(diag_phrasebook *b);
/* diag_format_lang with the given book. */
void diag_format_in(const diag_phrasebook *b, const diag *d, i18n_lang lang, char *out, size_t cap);

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
