/* lat.h - latency histograms: where a request's time goes, counted as it goes and said when the
 * server stops (operators and `make bench` read the line; docs/performance.md).
 *
 * Adding is lock-free (atomic counters), so the HTTP threads and the committer count without a
 * lock of their own and without allocating. Buckets are 5 % wide from 1 µs to about 100 s, so a
 * quantile is exact to 5 %; the largest value is kept exactly.
 *
 *   lat_hist queue = {0};                       // zeroed: empty (static, calloc or = {0})
 *   lat_add(&queue, seconds);                   // from any thread
 *   char text[96];
 *   lat_format(&queue, text, sizeof text);      // "p50 1.20 ms, p99 8.31 ms, max 41.0 ms"
 */
#ifndef PK_LAT_H
#define PK_LAT_H

#include <stdatomic.h>
#include <stddef.h>

enum { LAT_BUCKETS = 384 };

typedef struct lat_hist {
    atomic_ulong n[LAT_BUCKETS]; /* bucket i: values up to 1.05^i µs */
    atomic_ulong count;
    atomic_ulong max_ns;
} lat_hist;

/* Counts one value (seconds; negative counts as 0). */
void lat_add(lat_hist *h, double seconds);
/* How many values were counted. */
unsigned long lat_count(const lat_hist *h);
/* The q-quantile (0..1) in seconds: the upper edge of its bucket, never above the largest value;
   0 when empty. */
double lat_quantile(const lat_hist *h, double q);
/* The largest value counted, in seconds. */
double lat_max(const lat_hist *h);
/* "p50 A ms, p99 B ms, max C ms" into out (always NUL-terminated). */
void lat_format(const lat_hist *h, char *out, size_t cap);

#endif
