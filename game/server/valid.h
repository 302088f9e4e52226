/* valid.h - checks for text that comes from outside: HR's forms and CSV files, players'
 * names, keys and tokens. Pure C, no allocation.
 *
 * Everything stored is checked here first; what passes is stored verbatim and escaped
 * where it is shown (JSON by cJSON, the dashboard by textContent, CSV by csv_field).
 */
#ifndef PK_VALID_H
#define PK_VALID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s is valid UTF-8 of 1..max_bytes bytes with no control characters (a multiline
   text may hold newlines and tabs), no bidirectional marks, embeddings, overrides or isolates
   (which could make a name display as something else), no U+2028/U+2029 line separators, and
   not only spaces. A NUL never gets this far: the JSON reader refuses \u0000 (jsonx.h). */
bool valid_text(const char *s, size_t max_bytes, bool multiline);

/* Removes leading and trailing ASCII spaces and tabs in place; returns the new length. */
size_t valid_trim(char *s);

/* True for a real calendar date written YYYY-MM-DD, years 2000..2099. */
bool valid_date(const char *s);

/* A plausible e-mail address: one '@', a dot in the domain, no spaces or controls, at most
   254 bytes. Deliverability is not checked. */
bool valid_email(const char *s);

/* 1..max bytes of [A-Za-z0-9._:-]: idempotency keys, play ids, tokens. */
bool valid_key(const char *s, size_t max);

/* Lower-cases ASCII and the Latin-1 letters (Å, Ä, Ö, É ...) so a name search finds
   "Äijälä" with "äijä". Writes at most cap bytes including the NUL. */
void valid_fold(const char *in, char *out, size_t cap);

/* Reads "N/NAME", what follows /levels/r/ in a request's path: N a content release's number as
   the game's manifest writes it (digits from 1, no sign, no leading zero, at most max) into
   *release and where NAME begins into *name (NAME itself not checked: store_valid_name does).
   False, with both left as they were, when path is not of that shape. */
bool valid_release_path(const char *path, int64_t max, int64_t *release, const char **name);

/* True when addr is one of list's entries (IP addresses as inet_ntop writes them, separated by
   spaces or commas). */
bool valid_in_list(const char *list, const char *addr);

/* The client behind trusted reverse proxies: the rightmost address of an X-Forwarded-For value
   that is not itself in trusted, normalised (inet_ntop). False, out untouched, when the value
   ends in something that is not an IP address, or holds only trusted ones. */
bool valid_forwarded_client(const char *xff, const char *trusted, char *out, size_t cap);

#endif
