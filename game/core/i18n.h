/* i18n.h - texts in Finnish, Swedish and English, with per-string fallback.
 *
 * Content is Finnish first: a text whose Swedish or English version is missing shows
 * the Finnish one rather than nothing, so a half-translated room still plays.
 */
#ifndef PK_I18N_H
#define PK_I18N_H

#include <stdbool.h>

typedef enum i18n_lang { LANG_FI, LANG_SV, LANG_EN, LANG_COUNT } i18n_lang;

typedef struct i18n_text {
    const char *s[LANG_COUNT]; /* NULL where a translation is missing; storage owned elsewhere */
} i18n_text;

/* The text in lang, else Finnish, else English, else Swedish, else "". Never NULL. */
const char *i18n_get(const i18n_text *t, i18n_lang lang);
/* True when no language has a text. */
bool i18n_empty(const i18n_text *t);
/* "fi", "sv", "en". */
const char *i18n_code(i18n_lang lang);
/* Parses "fi"/"sv"/"en" (also "fi-FI" and the like); false for anything else. */
bool i18n_parse_code(const char *code, i18n_lang *out);

#endif
