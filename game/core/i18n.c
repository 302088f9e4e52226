#include "i18n.h"

#include <string.h>

static const char *const codes[LANG_COUNT] = {"fi", "sv", "en"};

const char *i18n_get(const i18n_text *t, i18n_lang lang)
{
    if (!t) return "";
    if ((unsigned)lang < LANG_COUNT && t->s[lang]) return t->s[lang];
    static const i18n_lang order[] = {LANG_FI, LANG_EN, LANG_SV};
    for (unsigned i = 0; i < sizeof order / sizeof order[0]; i++)
        if (t->s[order[i]]) return t->s[order[i]];
    return "";
}

bool i18n_empty(const i18n_text *t)
{
    for (int i = 0; i < LANG_COUNT; i++)
        if (t->s[i] && t->s[i][0]) return false;
    return true;
}

const char *i18n_code(i18n_lang lang)
{
    return (unsigned)lang < LANG_COUNT ? codes[lang] : "fi";
}

bool i18n_parse_code(const char *code, i18n_lang *out)
{
    if (!code) return false;
    for (int i = 0; i < LANG_COUNT; i++) {
        if (strncmp(code, codes[i], 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_')) {
            *out = (i18n_lang)i;
            return true;
        }
    }
    return false;
}
