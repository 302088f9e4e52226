#include "pwlist.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pwlist_data.h" /* build/gen: pwlist_words, PWLIST_SOURCE */

enum { PWLIST_N = (int)(sizeof pwlist_words / sizeof pwlist_words[0]), PWLIST_BASE_MIN = 4 };

static int cmp(const void *key, const void *item) { return strcmp(key, *(const char *const *)item); }

static bool listed(const char *word)
{
    return strlen(word) >= PWLIST_BASE_MIN && bsearch(word, pwlist_words, PWLIST_N, sizeof pwlist_words[0], cmp);
}

/* Digits, punctuation and spaces: what people put around a known password to pass a rule. */
static bool dressing(unsigned char ch) { return ch < 0x80 && !isalpha(ch); }

const char *pwlist_problem(const char *password)
{
    char low[80];
    size_t n = strlen(password);
    if (n >= sizeof low) return NULL; /* the list's longest is 64 */
    for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)password[i]);
    const char *why = "a password that is not on the list of common and leaked passwords";
    /* as typed, then without what follows it, then also without what leads it */
    if (listed(low)) return why;
    const char *start = low;
    while (*start && dressing((unsigned char)*start)) start++;
    if (start != low && listed(start)) return why;
    size_t end = n;
    while (end > 0 && dressing((unsigned char)low[end - 1])) end--;
    low[end] = '\0';
    if (end < n && (listed(low) || listed(start))) return why;
    return NULL;
}

int pwlist_count(void) { return PWLIST_N; }
const char *pwlist_source(void) { return PWLIST_SOURCE; }
