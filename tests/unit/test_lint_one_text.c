/* test_lint_one_text.c - which texts are the same in every language (lint_rules.c), the one list
 * that both the linter and the studio follow: a comic character's name written once is no
 * missing translation, anything else written once is. The rest of lint_rules.c is compiled in;
 * lint_report (lint.c) is not needed by what is tested here. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "harness.h"
#include "../../game/tools/lint_rules.c"

void lint_report(lint_file *f, diag_severity sev, diag_code code, const char *path, const char *fmt, ...)
{
    (void)f, (void)sev, (void)code, (void)path, (void)fmt;
}

TEST(a_comic_characters_name_is_the_same_in_every_language)
{
    CHECK(lint_one_text("characters[0].name"));
    CHECK(lint_one_text("characters[12].name"));
}

TEST(every_other_text_needs_its_three_languages)
{
    CHECK(!lint_one_text("title"));
    CHECK(!lint_one_text("characters[0].id"));
    CHECK(!lint_one_text("characters[].name")); /* an index is a number */
    CHECK(!lint_one_text("characters[0].name.fi"));
    CHECK(!lint_one_text("pages[0].panels[0].bubbles[0].text"));
    CHECK(!lint_one_text("x.characters[0].name"));
    CHECK(!lint_one_text("characters[0x].name"));
}

TEST(the_rules_json_tells_the_studio_which_texts_those_are)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    lint_print_rules(out, true, false);
    fclose(out);
    cJSON *rules = cJSON_Parse(text);
    const cJSON *r, *found = NULL;
    cJSON_ArrayForEach(r, rules)
    {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(r, "code");
        if (cJSON_IsString(code) && strcmp(code->valuestring, "plain-text") == 0) found = r;
    }
    const cJSON *one = cJSON_GetObjectItemCaseSensitive(found, "one_text");
    CHECK(cJSON_GetArraySize(one) == 1);
    CHECK_STR(cJSON_IsArray(one) ? cJSON_GetArrayItem(one, 0)->valuestring : NULL, "characters[].name");
    cJSON_Delete(rules);
    free(text);
}

int main(void)
{
    RUN(a_comic_characters_name_is_the_same_in_every_language);
    RUN(every_other_text_needs_its_three_languages);
    RUN(the_rules_json_tells_the_studio_which_texts_those_are);
    return harness_done();
}
