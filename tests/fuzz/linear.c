/* linear - loading time grows with the input, not with its square (issue 15).
 *
 * A fuzzer found a 256 kB request with 24,827 unknown fields costing 3.7 s (each diagnostic
 * located from the start of the text) and a list of 100,000 rows costing 10.4 s (each row
 * found from the start of the list). Here the same shapes at n and 10n: the larger may take at
 * most 15 times as long. CPU time of this process, the best of several runs, so a busy
 * machine does not decide the result.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../game/core/jsonx.h"
#include "../../game/core/level.h"
#include "../unit/harness.h"

typedef size_t (*make_fn)(char *out, size_t cap, int n);

static size_t unknown_fields(char *out, size_t cap, int n)
{
    size_t len = (size_t)snprintf(out, cap, "{\"id\":\"r\",\"title\":\"T\",\"scene\":{},\"puzzles\":[],");
    for (int i = 0; i < n; i++) len += (size_t)snprintf(out + len, cap - len, "\"f%d\":1,", i);
    len += (size_t)snprintf(out + len, cap - len, "\"g\":1}");
    return len;
}

static size_t long_rows(char *out, size_t cap, int n)
{
    size_t len = (size_t)snprintf(out, cap, "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"widgets\":[{\"type\":"
                                            "\"list\",\"rect\":[0,0,9,9],\"rows\":[");
    for (int i = 0; i < n; i++) len += (size_t)snprintf(out + len, cap - len, "%s\"row %d\"", i ? "," : "", i);
    len += (size_t)snprintf(out + len, cap - len, "]}]},\"puzzles\":[]}");
    return len;
}

static size_t many_widget_fields(char *out, size_t cap, int n)
{
    /* unknown fields deep inside: every diagnostic's path goes through scene.widgets[0] */
    size_t len = (size_t)snprintf(out, cap, "{\"id\":\"r\",\"title\":\"T\",\"scene\":{\"widgets\":[{\"type\":"
                                            "\"box\",\"rect\":[0,0,9,9]");
    for (int i = 0; i < n; i++) len += (size_t)snprintf(out + len, cap - len, ",\"x%d\":[1,{\"a\":2}]", i);
    len += (size_t)snprintf(out + len, cap - len, "}]},\"puzzles\":[]}");
    return len;
}

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static diag_list d;

static double time_load(const char *text, size_t len)
{
    double best = 1e9;
    for (int k = 0; k < 5; k++) {
        level_room room;
        memset(&d, 0, sizeof d);
        double t0 = cpu_seconds();
        if (level_load_room(&room, "linear.json", text, len, &d)) level_free_room(&room);
        double t = cpu_seconds() - t0;
        if (t < best) best = t;
    }
    return best;
}

static void check_linear(const char *what, make_fn make, int n)
{
    size_t cap = (size_t)n * 10 * 40 + 4096;
    char *text = malloc(cap);
    size_t len1 = make(text, cap, n);
    double t1 = time_load(text, len1);
    size_t len10 = make(text, cap, n * 10);
    double t10 = time_load(text, len10);
    double ratio = t10 / (t1 > 1e-6 ? t1 : 1e-6), grew = (double)len10 / (double)len1;
    printf("  %s: %zu bytes %.2f ms, %zu bytes %.2f ms: %.1fx the time for %.1fx the input\n", what, len1,
           t1 * 1e3, len10, t10 * 1e3, ratio, grew);
    CHECK(d.errors > 0); /* each of these inputs is refused, with reasons */
    CHECK(ratio <= 1.5 * grew); /* 10 times the input: at most 15 times the time */
    free(text);
}

TEST(a_room_with_ten_times_the_unknown_fields_loads_in_at_most_fifteen_times_the_time)
{
    check_linear("unknown fields", unknown_fields, 5000);
    check_linear("unknown fields in a widget", many_widget_fields, 1000);
}

TEST(a_list_ten_times_as_long_loads_in_at_most_fifteen_times_the_time)
{
    check_linear("list rows", long_rows, 5000);
}

int main(void)
{
    RUN(a_room_with_ten_times_the_unknown_fields_loads_in_at_most_fifteen_times_the_time);
    RUN(a_list_ten_times_as_long_loads_in_at_most_fifteen_times_the_time);
    return harness_done();
}
