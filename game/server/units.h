/* units.h - unit names as HR and CSV files write them, made comparable. Pure C on libunistring.
 *
 * A unit typed on a Mac or pasted from a PDF may spell "ä" as "a" + a combining diaeresis
 * (NFD); on screen it is the same "Päivystys", but as bytes it is another unit. Every unit
 * name is stored in Unicode NFC with its spaces tidied, and compared by a case-folded key,
 * so "Päivystys", "PÄIVYSTYS" and the decomposed form are one unit.
 *
 *   char name[UNITS_NAME_MAX], key[UNITS_KEY_MAX];
 *   if (units_normalise(typed, name, sizeof name) && units_key(name, key, sizeof key)) ...
 */
#ifndef PK_UNITS_H
#define PK_UNITS_H

#include <stdbool.h>
#include <stddef.h>

enum { UNITS_NAME_MAX = 101, UNITS_KEY_MAX = 404 };

/* NFC of in, with leading and trailing white space removed and inner runs of spaces made one.
   False when in is not valid text (see valid_text), empty, or longer than cap - 1 bytes. */
bool units_normalise(const char *in, char *out, size_t cap);

/* The comparison key of an NFC name: case-folded (Unicode full folding) and NFC again.
   False when it does not fit in cap. */
bool units_key(const char *name, char *out, size_t cap);

#endif
