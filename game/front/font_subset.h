/* font_subset.h - the letters the game's fonts carry, stated once.
 *
 * The web build subsets Lato and Comic Neue to these code points (the Makefile reads this line
 * for fontTools.subset --unicodes), and pakopeli-lint refuses content with a letter outside
 * them (code "letter"): the game would draw an empty box. Widen the list when content needs a
 * new letter; each range costs bytes of every player's first load (docs/performance.md).
 */
#ifndef PK_FONT_SUBSET_H
#define PK_FONT_SUBSET_H

#define FONT_SUBSET "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-205E,U+20AC,U+2190-2193,U+2212,U+25B6,U+2713,U+2717"

#endif
