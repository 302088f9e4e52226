/* pwlist.h - common and breached passwords (ASVS 6.2.4), refused as HR passwords.
 *
 * The list is zxcvbn-ts's common dictionary (about 49,000 passwords most often seen in
 * breaches), turned into C at build time (game/server/passwords/gen.mjs -> build/gen/pwlist.h).
 *
 *   const char *why = auth_password_problem(pw, user);   // length, variety, runs, own name
 *   if (!why) why = pwlist_problem(pw);                   // a known password, bare or dressed up
 */
#ifndef PK_PWLIST_H
#define PK_PWLIST_H

#include <stdbool.h>

/* NULL when the password is not on the list, else what the new one needs (English, for the
   message). Compared case-folded, also with its trailing digits, punctuation and spaces taken
   off ("Sunshine2025!" is "sunshine"), and with a leading run of them taken off. */
const char *pwlist_problem(const char *password);

/* How many passwords the list holds, and where it comes from (for the operator's log). */
int pwlist_count(void);
const char *pwlist_source(void);

#endif
