/* The server's latency histograms (lat.h): the quantiles it says when it stops are within 5 %. */
#include "harness.h"
#include "../../game/server/lat.c"

static int near(double got, double want) { return got >= want * 0.999 && got <= want * 1.0501; }

TEST(an_empty_histogram_says_zero)
{
    lat_hist h = {0};
    CHECK(lat_count(&h) == 0);
    CHECK(lat_quantile(&h, 0.99) == 0);
    CHECK(lat_max(&h) == 0);
}

TEST(quantiles_of_a_thousand_values_are_within_five_percent)
{
    static lat_hist h; /* 3 kB: not on the stack */
    for (int i = 1; i <= 1000; i++) lat_add(&h, i * 1e-4); /* 0.1 ms .. 100 ms */
    CHECK(lat_count(&h) == 1000);
    CHECK(near(lat_quantile(&h, 0.5), 0.050));
    CHECK(near(lat_quantile(&h, 0.99), 0.099));
    CHECK(lat_quantile(&h, 1.0) == lat_max(&h));
    CHECK(lat_max(&h) > 0.0999 && lat_max(&h) < 0.1001);
}

TEST(one_slow_value_in_a_hundred_is_the_p99_and_the_max)
{
    static lat_hist h;
    for (int i = 0; i < 99; i++) lat_add(&h, 0.002);
    lat_add(&h, 0.150);
    CHECK(near(lat_quantile(&h, 0.5), 0.002));
    CHECK(near(lat_quantile(&h, 0.99), 0.002));
    CHECK(near(lat_quantile(&h, 0.999), 0.150));
    char text[96];
    lat_format(&h, text, sizeof text);
    CHECK_CONTAINS(text, "max 150.00 ms");
}

TEST(values_beyond_the_buckets_and_below_zero_are_kept_at_the_ends)
{
    static lat_hist h;
    lat_add(&h, -1);
    lat_add(&h, 1e6); /* eleven days */
    CHECK(lat_count(&h) == 2);
    CHECK(lat_quantile(&h, 0.5) <= 1e-6);
    CHECK(lat_max(&h) == 1e6);
}

int main(void)
{
    RUN(an_empty_histogram_says_zero);
    RUN(quantiles_of_a_thousand_values_are_within_five_percent);
    RUN(one_slow_value_in_a_hundred_is_the_p99_and_the_max);
    RUN(values_beyond_the_buckets_and_below_zero_are_kept_at_the_ends);
    return harness_done();
}
