#include "load.h"

#include <string.h>

char *load_dup(load_ctx *L, const char *s)
{
    char *p = arena_strdup(L->mem, s);
    if (s && !p) L->oom = true;
    return p;
}

void *load_alloc(load_ctx *L, size_t n)
{
    void *p = arena_alloc(L->mem, n);
    if (!p) L->oom = true;
    return p;
}

bool load_text_value(load_ctx *L, const cJSON *v, i18n_text *out)
{
    jx_reader *r = &L->r;
    memset(out, 0, sizeof *out);
    if (cJSON_IsString(v)) {
        if (!v->valuestring[0]) return jx_error(r, NULL, DIAG_TRANSLATION, "the text is empty");
        char *s = load_dup(L, v->valuestring);
        for (int i = 0; i < LANG_COUNT; i++) out->s[i] = s;
        return true;
    }
    if (!cJSON_IsObject(v))
        return jx_error(r, NULL, DIAG_TYPE,
                        "should be a text, or an object {\"fi\": ..., \"sv\": ..., \"en\": ...}");
    static const char *const langs[] = {"fi", "sv", "en", NULL};
    bool ok = jx_check_fields(r, v, langs);
    for (int i = 0; i < LANG_COUNT; i++) {
        const char *s = NULL;
        if (!jx_get_string(r, v, langs[i], false, &s)) {
            ok = false;
            continue;
        }
        if (s && s[0]) {
            out->s[i] = load_dup(L, s);
        } else if (i == LANG_FI) {
            ok = jx_error(r, NULL, DIAG_TRANSLATION, "the Finnish text \"fi\" is missing");
        } else {
            jx_warning(r, NULL, DIAG_TRANSLATION, "the %s text \"%s\" is missing",
                       i == LANG_SV ? "Swedish" : "English", langs[i]);
        }
    }
    return ok;
}

bool load_text(load_ctx *L, const cJSON *obj, const char *key, bool required, i18n_text *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    memset(out, 0, sizeof *out);
    if (!v) {
        if (required) return jx_error(&L->r, NULL, DIAG_MISSING, "required field '%s' is missing", key);
        return true;
    }
    size_t m = jx_push_key(&L->r, key);
    bool ok = load_text_value(L, v, out);
    jx_pop(&L->r, m);
    return ok;
}

bool load_id(load_ctx *L, const cJSON *obj, const char *key, bool required, const char **out)
{
    const char *s = NULL;
    if (!jx_get_string(&L->r, obj, key, required, &s)) return false;
    if (!s) return true;
    if (!s[0]) return jx_error(&L->r, key, DIAG_BAD_VALUE, "an id cannot be empty");
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return jx_error(&L->r, key, DIAG_BAD_VALUE,
                            "id '%s' may contain only a-z, 0-9, '-' and '_'", s);
    }
    *out = load_dup(L, s);
    return true;
}

bool load_enum(load_ctx *L, const cJSON *obj, const char *key, bool required,
               const char *const *names, int *out)
{
    const char *s = NULL;
    if (!jx_get_string(&L->r, obj, key, required, &s)) return false;
    if (!s) return true;
    for (int i = 0; names[i]; i++) {
        if (strcmp(names[i], s) == 0) {
            *out = i;
            return true;
        }
    }
    const char *sug = jx_suggest(s, names);
    char list[200] = "";
    for (int i = 0; names[i]; i++) {
        strncat(list, names[i], sizeof list - strlen(list) - 1);
        if (names[i + 1]) strncat(list, ", ", sizeof list - strlen(list) - 1);
    }
    if (sug)
        return jx_error(&L->r, key, DIAG_BAD_VALUE, "'%s' is not one of %s (did you mean '%s'?)", s,
                        list, sug);
    return jx_error(&L->r, key, DIAG_BAD_VALUE, "'%s' is not one of %s", s, list);
}
