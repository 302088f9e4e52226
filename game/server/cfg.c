#include "cfg.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/jsonx.h"

static const char *const names[] = {"address", "port", "data", "web", "hr", "levels", "org",
                                    "retention_days", "anonymous", "invite_days",
                                    "session_idle_minutes", "threads", "cookie_secure",
                                    "clock_offset", NULL};

void cfg_defaults(cfg *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->address, sizeof c->address, "127.0.0.1");
    c->port = 8080;
    snprintf(c->data, sizeof c->data, "data");
    snprintf(c->web, sizeof c->web, "build/web");
    snprintf(c->hr, sizeof c->hr, "game/server/hr");
    snprintf(c->org, sizeof c->org, "Pakopeli");
    c->retention_days = 365;
    c->anonymous = false;
    c->invite_days = 30;
    c->session_idle_minutes = 30;
    c->threads = 4;
    c->cookie_secure = CFG_SECURE_AUTO;
}

bool cfg_known(const char *key)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], key) == 0) return true;
    return false;
}

static bool set_int(const char *key, const char *v, long long min, long long max, long long *out,
                    char *err, size_t cap)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < min || n > max) {
        snprintf(err, cap, "%s: expected a whole number %lld..%lld, got \"%s\"", key, min, max, v);
        return false;
    }
    *out = n;
    return true;
}

static bool set_path(const char *key, const char *v, char *dst, size_t dcap, char *err, size_t cap)
{
    if (strlen(v) >= dcap) {
        snprintf(err, cap, "%s: longer than %zu bytes", key, dcap - 1);
        return false;
    }
    snprintf(dst, dcap, "%s", v);
    return true;
}

bool cfg_set(cfg *c, const char *key, const char *v, char *err, size_t cap)
{
    long long n = 0;
    if (strcmp(key, "address") == 0) return set_path(key, v, c->address, sizeof c->address, err, cap);
    if (strcmp(key, "data") == 0) return set_path(key, v, c->data, sizeof c->data, err, cap);
    if (strcmp(key, "web") == 0) return set_path(key, v, c->web, sizeof c->web, err, cap);
    if (strcmp(key, "hr") == 0) return set_path(key, v, c->hr, sizeof c->hr, err, cap);
    if (strcmp(key, "levels") == 0) return set_path(key, v, c->levels, sizeof c->levels, err, cap);
    if (strcmp(key, "org") == 0) return set_path(key, v, c->org, sizeof c->org, err, cap);
    if (strcmp(key, "port") == 0) {
        if (!set_int(key, v, 0, 65535, &n, err, cap)) return false;
        c->port = (int)n;
        return true;
    }
    if (strcmp(key, "retention_days") == 0) {
        if (!set_int(key, v, 1, 36500, &n, err, cap)) return false;
        c->retention_days = (int)n;
        return true;
    }
    if (strcmp(key, "invite_days") == 0) {
        if (!set_int(key, v, 1, 3650, &n, err, cap)) return false;
        c->invite_days = (int)n;
        return true;
    }
    if (strcmp(key, "session_idle_minutes") == 0) {
        if (!set_int(key, v, 1, 24 * 60, &n, err, cap)) return false;
        c->session_idle_minutes = (int)n;
        return true;
    }
    if (strcmp(key, "threads") == 0) {
        if (!set_int(key, v, 1, 64, &n, err, cap)) return false;
        c->threads = (int)n;
        return true;
    }
    if (strcmp(key, "clock_offset") == 0) {
        if (!set_int(key, v, -3650LL * 86400, 3650LL * 86400, &n, err, cap)) return false;
        c->clock_offset_s = n;
        return true;
    }
    if (strcmp(key, "anonymous") == 0) {
        if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "1") == 0) c->anonymous = true;
        else if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "0") == 0) c->anonymous = false;
        else {
            snprintf(err, cap, "anonymous: expected true or false, got \"%s\"", v);
            return false;
        }
        return true;
    }
    if (strcmp(key, "cookie_secure") == 0) {
        if (strcmp(v, "auto") == 0) c->cookie_secure = CFG_SECURE_AUTO;
        else if (strcmp(v, "always") == 0) c->cookie_secure = CFG_SECURE_ALWAYS;
        else if (strcmp(v, "never") == 0) c->cookie_secure = CFG_SECURE_NEVER;
        else {
            snprintf(err, cap, "cookie_secure: expected auto, always or never, got \"%s\"", v);
            return false;
        }
        return true;
    }
    const char *near = jx_suggest(key, names);
    if (near) snprintf(err, cap, "unknown setting \"%s\" (did you mean \"%s\"?)", key, near);
    else snprintf(err, cap, "unknown setting \"%s\"", key);
    return false;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

bool cfg_load_file(cfg *c, const char *path, char *err, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, cap, "%s: cannot open (%s)", path, strerror(errno));
        return false;
    }
    char line[1024], msg[256];
    int no = 0;
    bool ok = true;
    while (ok && fgets(line, sizeof line, f)) {
        no++;
        if (!strchr(line, '\n') && !feof(f)) {
            snprintf(err, cap, "%s:%d: line too long", path, no);
            ok = false;
            break;
        }
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, cap, "%s:%d: expected `name = value`", path, no);
            ok = false;
            break;
        }
        *eq = '\0';
        char *key = trim(s), *value = trim(eq + 1);
        size_t vn = strlen(value);
        if (vn >= 2 && value[0] == '"' && value[vn - 1] == '"') { /* "quoted value" */
            value[vn - 1] = '\0';
            value++;
        }
        if (!cfg_set(c, key, value, msg, sizeof msg)) {
            snprintf(err, cap, "%s:%d: %s", path, no, msg);
            ok = false;
        }
    }
    fclose(f);
    return ok;
}

void cfg_finish(cfg *c)
{
    if (!c->levels[0]) {
        int n = snprintf(c->levels, sizeof c->levels, "%s/levels", c->web);
        if (n < 0 || (size_t)n >= sizeof c->levels) c->levels[0] = '\0';
    }
}

void cfg_print(const cfg *c, void *file)
{
    FILE *f = file;
    static const char *const secure[] = {"auto", "always", "never"};
    fprintf(f, "address = %s\nport = %d\ndata = %s\nweb = %s\nhr = %s\nlevels = %s\norg = \"%s\"\n"
               "retention_days = %d\nanonymous = %s\ninvite_days = %d\nsession_idle_minutes = %d\n"
               "threads = %d\ncookie_secure = %s\n",
            c->address, c->port, c->data, c->web, c->hr, c->levels, c->org, c->retention_days,
            c->anonymous ? "true" : "false", c->invite_days, c->session_idle_minutes, c->threads,
            secure[c->cookie_secure]);
}
