/* ui_keys.h - every control's stable key, allocated in this one place.
 *
 * ui_item() follows the focus and the press from pass to pass by a key the view gives each
 * control: a kind (which control) in the high 16 bits and an index (which of them: an option,
 * a room, a language) in the low 16 bits. Each kind is one member of this enum, so two views
 * can never hand out the same key by accident (they once drifted apart when the ranges were
 * kept by comments). Key 0 is "no control".
 *
 *   if (wg_button(c, uik(UIK_CHECK, 0), r, "Tarkista", true)) ...
 */
#ifndef PK_UI_KEYS_H
#define PK_UI_KEYS_H

#include <stdint.h>

typedef enum uik_kind {
    UIK_NONE = 0,
    /* the chrome (widgets.c) and the settings dialog (app.c) */
    UIK_LANG, UIK_SETTINGS, UIK_HUB, UIK_ZOOM, UIK_CONTRAST, UIK_MOTION, UIK_RESTART, UIK_CLOSE_SETTINGS,
    /* the room (room_view.c) */
    UIK_WIDGET, UIK_OPTION, UIK_CHECK, UIK_HINT, UIK_NEXT, UIK_START, UIK_DONE, UIK_PLACE, UIK_UP,
    UIK_DOWN, UIK_LEFT, UIK_RIGHT, UIK_KEYPAD, UIK_FIELD, UIK_ITEM, UIK_DOOR, UIK_TIME,
    /* the ending (ending_view.c) */
    UIK_RATE, UIK_SEND, UIK_AGAIN,
    /* the comic viewer (comic_view.c) */
    UIK_COMIC_PREV, UIK_COMIC_NEXT, UIK_COMIC_MODE, UIK_COMIC_PAGE, UIK_COMIC_CLOSE, UIK_COMIC_OPEN,
    UIK_KIND_COUNT
} uik_kind;

/* The key of control number i (0..65535) of a kind. */
static inline uint32_t uik(uik_kind kind, int i) { return ((uint32_t)kind << 16) | ((uint32_t)i & 0xffffu); }
/* The kind of a key (UIK_NONE for 0). */
static inline uik_kind uik_kind_of(uint32_t key) { return (uik_kind)(key >> 16); }

#endif
