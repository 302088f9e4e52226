/* lint_letters.c - every letter of the content is one the game's fonts carry (code "letter").
 *
 * The web build subsets its fonts to FONT_SUBSET (game/front/font_subset.h); a letter outside
 * it is drawn as an empty box. Every string of a content file is checked, as written (comments,
 * "_..." fields, are never drawn and are skipped).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "../front/font_subset.h"
#include "lint.h"

typedef struct range {
    unsigned long lo, hi;
} range;

static range ranges[64];
static int range_count = -1; /* parsed once */

static void parse_subset(void)
{
    range_count = 0;
    const char *s = FONT_SUBSET;
    while (*s && range_count < 64) {
        char *end;
        if (strncmp(s, "U+", 2) != 0) break;
        unsigned long lo = strtoul(s + 2, &end, 16), hi = lo;
        if (*end == '-') hi = strtoul(end + 1, &end, 16);
        ranges[range_count++] = (range){lo, hi};
        s = *end == ',' ? end + 1 : end;
    }
}

static bool carried(unsigned long c)
{
    if (c < 0x20) return true; /* line breaks: never drawn as letters */
    for (int i = 0; i < range_count; i++)
        if (c >= ranges[i].lo && c <= ranges[i].hi) return true;
    return false;
}

/* The first code point of s the fonts lack, its UTF-8 bytes into out; 0 when none. */
static unsigned long first_missing(const char *s, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long c = *p;
        int n = 1;
        if (c >= 0xF0) c &= 0x07, n = 4;
        else if (c >= 0xE0) c &= 0x0F, n = 3;
        else if (c >= 0xC0) c &= 0x1F, n = 2;
        for (int k = 1; k < n; k++) {
            if ((p[k] & 0xC0) != 0x80) {
                n = k;
                break;
            }
            c = (c << 6) | (p[k] & 0x3F);
        }
        if (!carried(c)) {
            snprintf(out, cap, "%.*s", n, (const char *)p);
            return c;
        }
        p += n;
    }
    return 0;
}

static void walk(lint_file *f, const cJSON *v, char *path, size_t len, size_t cap)
{
    if (cJSON_IsString(v)) {
        char ch[8];
        unsigned long c = first_missing(v->valuestring, ch, sizeof ch);
        if (c)
            lint_flag(f, DIAG_LETTER, path,
                      "the letter '%s' (U+%04lX) is not in the game's fonts, so it would show as an empty box: use "
                      "another letter, or widen FONT_SUBSET in game/front/font_subset.h",
                      "merkkiä '%s' (U+%04lX) ei ole pelin fonteissa, joten se näkyisi tyhjänä laatikkona: käytä "
                      "toista merkkiä tai laajenna FONT_SUBSET-listaa tiedostossa game/front/font_subset.h",
                      "tecknet '%s' (U+%04lX) finns inte i spelets typsnitt, så det skulle synas som en tom ruta: "
                      "använd ett annat tecken eller utvidga FONT_SUBSET i filen game/front/font_subset.h",
                      ch, c);
        return;
    }
    int i = 0;
    for (const cJSON *c = v ? v->child : NULL; c; c = c->next, i++) {
        if (cJSON_IsObject(v) && c->string && (c->string[0] == '_' || c->string[0] == '$')) continue;
        int n = cJSON_IsObject(v) ? snprintf(path + len, cap - len, "%s%s", len ? "." : "", c->string)
                                  : snprintf(path + len, cap - len, "[%d]", i);
        if (n < 0 || (size_t)n >= cap - len) continue;
        walk(f, c, path, len + (size_t)n, cap);
        path[len] = '\0';
    }
}

void lint_check_letters(lint_file *f)
{
    if (range_count < 0) parse_subset();
    if (!f->text) return;
    cJSON *root = cJSON_ParseWithLength(f->text, f->len);
    char path[DIAG_PATH_MAX] = "";
    if (root) walk(f, root, path, 0, sizeof path);
    cJSON_Delete(root);
}
