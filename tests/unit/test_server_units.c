/* Unit names: NFC, tidy spaces, one key for every spelling of the same unit. */
#include "harness.h"
#include "../../game/server/units.c"
#include "../../game/server/valid.c"

TEST(a_decomposed_unit_name_becomes_the_composed_one)
{
    char a[UNITS_NAME_MAX], b[UNITS_NAME_MAX];
    CHECK(units_normalise("P\xC3\xA4ivystys", a, sizeof a));          /* ä precomposed */
    CHECK(units_normalise("Pa\xCC\x88ivystys", b, sizeof b));         /* a + combining diaeresis */
    CHECK_STR(a, b);
    CHECK_STR(b, "P\xC3\xA4ivystys");
}

TEST(spaces_are_trimmed_and_inner_runs_become_one)
{
    char a[UNITS_NAME_MAX];
    CHECK(units_normalise("  Sis\xC3\xA4t\xC3\xA4udit   osasto\xC2\xA0" "3 ", a, sizeof a));
    CHECK_STR(a, "Sis\xC3\xA4t\xC3\xA4udit osasto 3");
}

TEST(case_and_composition_do_not_make_a_second_unit)
{
    char n1[UNITS_NAME_MAX], n2[UNITS_NAME_MAX], k1[UNITS_KEY_MAX], k2[UNITS_KEY_MAX];
    CHECK(units_normalise("P\xC3\xA4ivystys", n1, sizeof n1) && units_key(n1, k1, sizeof k1));
    CHECK(units_normalise("PA\xCC\x88IVYSTYS", n2, sizeof n2) && units_key(n2, k2, sizeof k2));
    CHECK_STR(k1, k2);
    CHECK(units_normalise("Kotihoito", n2, sizeof n2) && units_key(n2, k2, sizeof k2));
    CHECK(strcmp(k1, k2) != 0);
}

TEST(empty_too_long_and_invalid_names_are_refused)
{
    char a[8];
    CHECK(!units_normalise("   ", a, sizeof a));
    CHECK(!units_normalise("", a, sizeof a));
    CHECK(!units_normalise("Liian pitk\xC3\xA4", a, sizeof a));
    CHECK(!units_normalise("\xC3\x28", a, sizeof a));
    CHECK(!units_normalise("a\x01" "b", a, sizeof a));
}

int main(void)
{
    RUN(a_decomposed_unit_name_becomes_the_composed_one);
    RUN(spaces_are_trimmed_and_inner_runs_become_one);
    RUN(case_and_composition_do_not_make_a_second_unit);
    RUN(empty_too_long_and_invalid_names_are_refused);
    return harness_done();
}
