/* buf.h - a growable byte buffer for building responses, CSV and request bodies.
 *
 * Appends never fail silently: after an allocation failure or when the buffer would pass its
 * limit, `failed` is set, later appends do nothing, and the owner answers with an error.
 *
 *   buf b = {.limit = 1 << 20};
 *   buf_puts(&b, "a;b\r\n");
 *   if (b.failed) ...;
 *   char *text = buf_take(&b, &len);   // the caller now owns text (free())
 */
#ifndef PK_BUF_H
#define PK_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct buf {
    char *data;   /* NUL-terminated while not failed; owned by the buffer until buf_take */
    size_t len;
    size_t cap;
    size_t limit; /* most bytes the buffer may hold; 0 means no limit of its own */
    bool failed;  /* out of memory or over limit: contents are incomplete */
} buf;

bool buf_append(buf *b, const void *data, size_t n);
bool buf_puts(buf *b, const char *s);
bool buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the contents (NUL-terminated, never NULL unless failed) to the caller and empties b. */
char *buf_take(buf *b, size_t *len);
void buf_free(buf *b);

#endif
