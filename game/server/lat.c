#include "lat.h"

#include <math.h>
#include <stdio.h>

/* log(1.05): bucket i holds values in (1.05^(i-1), 1.05^i] µs */
static const double LOG_STEP = 0.04879016416943205;

void lat_add(lat_hist *h, double seconds)
{
    double us = seconds > 0 ? seconds * 1e6 : 0;
    int i = us <= 1 ? 0 : (int)ceil(log(us) / LOG_STEP);
    if (i >= LAT_BUCKETS) i = LAT_BUCKETS - 1;
    atomic_fetch_add_explicit(&h->n[i], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&h->count, 1, memory_order_relaxed);
    unsigned long ns = (unsigned long)(us * 1e3), seen = atomic_load_explicit(&h->max_ns, memory_order_relaxed);
    while (ns > seen &&
           !atomic_compare_exchange_weak_explicit(&h->max_ns, &seen, ns, memory_order_relaxed, memory_order_relaxed)) {
    }
}

unsigned long lat_count(const lat_hist *h) { return atomic_load_explicit(&h->count, memory_order_relaxed); }

double lat_max(const lat_hist *h) { return (double)atomic_load_explicit(&h->max_ns, memory_order_relaxed) / 1e9; }

double lat_quantile(const lat_hist *h, double q)
{
    unsigned long total = 0;
    for (int i = 0; i < LAT_BUCKETS; i++) total += atomic_load_explicit(&h->n[i], memory_order_relaxed);
    if (!total) return 0;
    /* the rank of the quantile, 1-based, as the nearest-rank method has it */
    unsigned long rank = (unsigned long)ceil(q * (double)total);
    if (rank < 1) rank = 1;
    unsigned long seen = 0;
    for (int i = 0; i < LAT_BUCKETS; i++) {
        seen += atomic_load_explicit(&h->n[i], memory_order_relaxed);
        if (seen >= rank) {
            double edge = exp(LOG_STEP * i) / 1e6, max = lat_max(h);
            return edge < max ? edge : max;
        }
    }
    return lat_max(h);
}

void lat_format(const lat_hist *h, char *out, size_t cap)
{
    snprintf(out, cap, "p50 %.2f ms, p99 %.2f ms, max %.2f ms", 1e3 * lat_quantile(h, 0.5),
             1e3 * lat_quantile(h, 0.99), 1e3 * lat_max(h));
}
