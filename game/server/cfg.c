#include "cfg.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/jsonx.h"

static const char *const names[] = {"address", "port", "data", "web", "hr", "studio", "lint", "levels", "org",
                                    "retention_days", "anonymous", "invite_days",
                                    "session_idle_minutes", "threads", "cookie_secure",
                                    "clock_offset", "show_emails", "overdue_days", "units_closed",
                                    "smtp_url", "smtp_starttls", "smtp_user", "smtp_password_file",
                                    "mail_from", "public_url", "remind_not_started_days",
                                    "remind_not_finished_days", "remind_expiry_days", "manager_summary",
                                    "mail_retry_seconds", "mail_attempts", "mail_poll_seconds", "mail_langs",
                                    "smtp_ca_file", "oidc_issuer", "oidc_client_id",
                                    "oidc_client_secret_file", "oidc_scopes", "oidc_unit_claim",
                                    "oidc_groups_claim", "oidc_admin_groups", "oidc_viewer_groups",
                                    "oidc_manager_groups", "oidc_ca_file", "frame_ancestors",
                                    "min_room_seconds", "trusted_proxies", "feedback_min_respondents", NULL};

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
    c->threads = 16; /* a request waiting for its group's commit holds a thread: 16 can share one fsync */
    c->cookie_secure = CFG_SECURE_AUTO;
    c->overdue_days = 14;
    c->smtp_starttls = true;
    c->remind_not_started_days = 7;
    c->remind_not_finished_days = 7;
    c->remind_expiry_days = 3;
    c->mail_retry_seconds = 300;
    c->mail_poll_seconds = 60;
    snprintf(c->mail_langs, sizeof c->mail_langs, "fi");
    snprintf(c->oidc_scopes, sizeof c->oidc_scopes, "openid email profile");
    snprintf(c->oidc_groups_claim, sizeof c->oidc_groups_claim, "groups");
    c->mail_attempts = 5;
    snprintf(c->min_room_seconds, sizeof c->min_room_seconds, "20");
    c->min_room_default = 20; /* a room's puzzles, first answer to last: read, think, answer */
    c->feedback_min_respondents = 5;
}

int cfg_room_min_seconds(const cfg *c, const char *room)
{
    for (int i = 0; i < c->min_room_count; i++)
        if (strcmp(c->min_rooms[i].room, room) == 0) return c->min_rooms[i].seconds;
    return c->min_room_default;
}

/* trusted_proxies: IPv4 or IPv6 literals as the server sees them (inet_ntop's form). */
static bool set_proxies(cfg *c, const char *v, char *err, size_t cap)
{
    if (strlen(v) >= sizeof c->trusted_proxies) {
        snprintf(err, cap, "trusted_proxies: longer than %zu bytes", sizeof c->trusted_proxies - 1);
        return false;
    }
    char word[64], norm[INET6_ADDRSTRLEN];
    unsigned char bin[16];
    for (const char *p = v; *p;) {
        p += strspn(p, " ,\t");
        size_t len = strcspn(p, " ,\t");
        if (!len) break;
        snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), p);
        int fam = strchr(word, ':') ? AF_INET6 : AF_INET;
        if (len >= sizeof word || inet_pton(fam, word, bin) != 1 || !inet_ntop(fam, bin, norm, sizeof norm) ||
            strcmp(norm, word) != 0) {
            snprintf(err, cap,
                     "trusted_proxies: \"%.*s\" is not an IP address in its usual form (such as 127.0.0.1 or ::1; "
                     "no names, no ranges)",
                     (int)(len > 60 ? 60 : len), p);
            return false;
        }
        p += len;
    }
    snprintf(c->trusted_proxies, sizeof c->trusted_proxies, "%s", v);
    return true;
}

/* "30 outlook=60 teams=45": the default, then room=seconds (0-3600 each). */
static bool set_min_rooms(cfg *c, const char *v, char *err, size_t cap)
{
    cfg t = *c;
    t.min_room_count = 0;
    t.min_room_default = -1;
    char word[96];
    for (const char *p = v; *p;) {
        p += strspn(p, " ,\t");
        size_t len = strcspn(p, " ,\t");
        if (!len) break;
        if (len >= sizeof word) goto bad;
        memcpy(word, p, len);
        word[len] = '\0';
        p += len;
        char *eq = strchr(word, '=');
        const char *num = eq ? eq + 1 : word;
        char *end;
        errno = 0;
        long s = strtol(num, &end, 10);
        if (errno || !*num || *end || s < 0 || s > 3600) goto bad;
        if (!eq) {
            if (t.min_room_default >= 0) goto bad;
            t.min_room_default = (int)s;
            continue;
        }
        *eq = '\0';
        if (!word[0] || eq - word >= (long)sizeof t.min_rooms[0].room ||
            t.min_room_count == (int)(sizeof t.min_rooms / sizeof t.min_rooms[0]))
            goto bad;
        memcpy(t.min_rooms[t.min_room_count].room, word, (size_t)(eq - word) + 1); /* checked above */
        t.min_rooms[t.min_room_count++].seconds = (int)s;
    }
    if (t.min_room_default < 0) t.min_room_default = 20;
    if (strlen(v) >= sizeof t.min_room_seconds) goto bad;
    snprintf(t.min_room_seconds, sizeof t.min_room_seconds, "%s", v);
    *c = t;
    return true;
bad:
    snprintf(err, cap,
             "min_room_seconds: a number of seconds (0-3600), then room=seconds for each room that differs, "
             "e.g. \"20 outlook=60\" (up to 16 rooms)");
    return false;
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

static bool set_bool(const char *key, const char *v, bool *out, char *err, size_t cap)
{
    if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "1") == 0) *out = true;
    else if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "0") == 0) *out = false;
    else {
        snprintf(err, cap, "%s: expected true or false, got \"%s\"", key, v);
        return false;
    }
    return true;
}

/* The settings of issue 14 (people, units, e-mail), by table. */
static bool set_org(cfg *c, const char *key, const char *v, bool *known, char *err, size_t cap)
{
    static const struct { const char *key; size_t off; } bools[] = {
        {"show_emails", offsetof(cfg, show_emails)}, {"units_closed", offsetof(cfg, units_closed)},
        {"smtp_starttls", offsetof(cfg, smtp_starttls)}, {"manager_summary", offsetof(cfg, manager_summary)}};
    static const struct { const char *key; size_t off; int min, max; } ints[] = {
        {"overdue_days", offsetof(cfg, overdue_days), 1, 3650},
        {"remind_not_started_days", offsetof(cfg, remind_not_started_days), 0, 365},
        {"remind_not_finished_days", offsetof(cfg, remind_not_finished_days), 0, 365},
        {"remind_expiry_days", offsetof(cfg, remind_expiry_days), 0, 365},
        {"mail_retry_seconds", offsetof(cfg, mail_retry_seconds), 1, 86400},
        {"mail_poll_seconds", offsetof(cfg, mail_poll_seconds), 1, 3600},
        {"mail_attempts", offsetof(cfg, mail_attempts), 1, 20}};
    static const struct { const char *key; size_t off, size; } texts[] = {
        {"smtp_url", offsetof(cfg, smtp_url), sizeof ((cfg *)0)->smtp_url},
        {"smtp_user", offsetof(cfg, smtp_user), sizeof ((cfg *)0)->smtp_user},
        {"smtp_password_file", offsetof(cfg, smtp_password_file), sizeof ((cfg *)0)->smtp_password_file},
        {"mail_from", offsetof(cfg, mail_from), sizeof ((cfg *)0)->mail_from},
        {"public_url", offsetof(cfg, public_url), sizeof ((cfg *)0)->public_url},
        {"mail_langs", offsetof(cfg, mail_langs), sizeof ((cfg *)0)->mail_langs},
        {"smtp_ca_file", offsetof(cfg, smtp_ca_file), sizeof ((cfg *)0)->smtp_ca_file},
#define OIDC_TEXT(name) {#name, offsetof(cfg, name), sizeof ((cfg *)0)->name}
        OIDC_TEXT(oidc_issuer), OIDC_TEXT(oidc_client_id), OIDC_TEXT(oidc_client_secret_file),
        OIDC_TEXT(oidc_scopes), OIDC_TEXT(oidc_unit_claim), OIDC_TEXT(oidc_groups_claim),
        OIDC_TEXT(oidc_admin_groups), OIDC_TEXT(oidc_viewer_groups), OIDC_TEXT(oidc_manager_groups),
        OIDC_TEXT(oidc_ca_file)};
#undef OIDC_TEXT
    *known = true;
    for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++)
        if (strcmp(key, bools[i].key) == 0) return set_bool(key, v, (bool *)((char *)c + bools[i].off), err, cap);
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(key, ints[i].key) == 0) {
            long long n;
            if (!set_int(key, v, ints[i].min, ints[i].max, &n, err, cap)) return false;
            *(int *)((char *)c + ints[i].off) = (int)n;
            return true;
        }
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (strcmp(key, texts[i].key) == 0) {
            if (strcmp(key, "smtp_url") == 0 && v[0] && strncmp(v, "smtp://", 7) && strncmp(v, "smtps://", 8)) {
                snprintf(err, cap, "smtp_url: expected smtp://HOST:PORT or smtps://HOST:PORT, got \"%s\"", v);
                return false;
            }
            if (strcmp(key, "mail_langs") == 0) {
                /* two-letter codes separated by commas: "fi", "fi,sv" */
                size_t n = strlen(v);
                bool ok = n >= 2 && n < sizeof c->mail_langs && n % 3 == 2;
                for (size_t at = 0; ok && at < n; at += 3)
                    ok = (strncmp(v + at, "fi", 2) == 0 || strncmp(v + at, "sv", 2) == 0 || strncmp(v + at, "en", 2) == 0) &&
                         (at + 2 == n || v[at + 2] == ',');
                if (!ok) {
                    snprintf(err, cap, "mail_langs: expected fi, sv and en separated by commas, got \"%s\"", v);
                    return false;
                }
            }
            if (strcmp(key, "oidc_issuer") == 0 && v[0] && strncmp(v, "https://", 8) && strncmp(v, "http://127.0.0.1", 16)) {
                snprintf(err, cap, "oidc_issuer: expected https://... (plain http only on 127.0.0.1 for tests), got \"%s\"", v);
                return false;
            }
            if (strcmp(key, "public_url") == 0 && v[0] && strncmp(v, "http://", 7) && strncmp(v, "https://", 8)) {
                snprintf(err, cap, "public_url: expected https://HOST, got \"%s\"", v);
                return false;
            }
            return set_path(key, v, (char *)c + texts[i].off, texts[i].size, err, cap);
        }
    *known = false;
    return false;
}

/* frame_ancestors: origins (https://intra.example.fi, a port, a wildcard host as in *.example.fi) or 'self',
   separated by spaces or commas; kept space-separated. Anything else is refused: the value goes
   into a response header, so no path, quote, semicolon or control character may pass. */
static bool set_frame_ancestors(cfg *c, const char *v, char *err, size_t cap)
{
    char out[sizeof c->frame_ancestors] = "";
    size_t n = 0;
    for (const char *p = v; *p;) {
        size_t len = strcspn(p, " ,\t");
        if (len == 0) {
            p++;
            continue;
        }
        char origin[CFG_PATH_MAX];
        snprintf(origin, sizeof origin, "%.*s", (int)(len < sizeof origin ? len : sizeof origin - 1), p);
        bool ok = strcmp(origin, "'self'") == 0;
        const char *host = strncmp(origin, "https://", 8) == 0 ? origin + 8 : strncmp(origin, "http://", 7) == 0 ? origin + 7 : NULL;
        if (!ok && host) {
            const char *h = strncmp(host, "*.", 2) == 0 ? host + 2 : host;
            size_t hl = strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
            const char *rest = h + hl;
            ok = hl > 0 && h[0] != '.' && h[0] != '-' &&
                 (*rest == '\0' || (rest[0] == ':' && rest[1] && strspn(rest + 1, "0123456789") == strlen(rest + 1) &&
                                    strlen(rest + 1) <= 5));
        }
        if (!ok || n + len + 2 > sizeof out) {
            snprintf(err, cap, "frame_ancestors: \"%s\" is not an origin such as https://intra.example.fi "
                               "(scheme and host, an optional port, no path)", origin);
            return false;
        }
        if (n) out[n++] = ' ';
        memcpy(out + n, p, len);
        n += len;
        out[n] = '\0';
        p += len;
    }
    memcpy(c->frame_ancestors, out, n + 1);
    return true;
}

bool cfg_set(cfg *c, const char *key, const char *v, char *err, size_t cap)
{
    long long n = 0;
    bool org;
    bool ok = set_org(c, key, v, &org, err, cap);
    if (org) return ok;
    if (strcmp(key, "frame_ancestors") == 0) return set_frame_ancestors(c, v, err, cap);
    if (strcmp(key, "address") == 0) return set_path(key, v, c->address, sizeof c->address, err, cap);
    if (strcmp(key, "data") == 0) return set_path(key, v, c->data, sizeof c->data, err, cap);
    if (strcmp(key, "web") == 0) return set_path(key, v, c->web, sizeof c->web, err, cap);
    if (strcmp(key, "hr") == 0) return set_path(key, v, c->hr, sizeof c->hr, err, cap);
    if (strcmp(key, "studio") == 0) return set_path(key, v, c->studio, sizeof c->studio, err, cap);
    if (strcmp(key, "lint") == 0) return set_path(key, v, c->lint, sizeof c->lint, err, cap);
    if (strcmp(key, "levels") == 0) return set_path(key, v, c->levels, sizeof c->levels, err, cap);
    if (strcmp(key, "org") == 0) return set_path(key, v, c->org, sizeof c->org, err, cap);
    if (strcmp(key, "min_room_seconds") == 0) return set_min_rooms(c, v, err, cap);
    if (strcmp(key, "feedback_min_respondents") == 0) {
        if (!set_int(key, v, 1, 1000, &n, err, cap)) return false;
        c->feedback_min_respondents = (int)n;
        return true;
    }
    if (strcmp(key, "trusted_proxies") == 0) return set_proxies(c, v, err, cap);
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
        /* shifts every time the server keeps (expiry, retention, sessions): the tests' setting,
           never production's, so it needs the test harness's own environment variable */
        const char *test = getenv("PAKOPELI_TEST_CLOCK");
        if (!test || strcmp(test, "1") != 0) {
            snprintf(err, cap, "clock_offset is for the tests only (it moves every date the server keeps); "
                               "remove it");
            return false;
        }
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
        if (value[0] == '"') { /* "a quoted value" # and an optional comment */
            char *close = strchr(value + 1, '"');
            char *rest = close ? close + 1 : NULL;
            while (rest && (*rest == ' ' || *rest == '\t')) rest++;
            if (!close || (*rest && *rest != '#')) {
                snprintf(err, cap, "%s:%d: %s: %s", path, no, key,
                         close ? "text after the quoted value (a comment starts with #)"
                               : "the quoted value has no closing \"");
                ok = false;
                break;
            }
            *close = '\0';
            value++;
        } else { /* value # a comment: '#' after a space starts it, as in the documented example */
            for (char *p = value; *p; p++)
                if (*p == '#' && (p == value || p[-1] == ' ' || p[-1] == '\t')) {
                    *p = '\0';
                    break;
                }
            value = trim(value);
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
    if (!c->studio[0]) { /* beside the dashboard's files: game/server/hr -> game/server/studio */
        const char *slash = strrchr(c->hr, '/');
        int n = slash ? snprintf(c->studio, sizeof c->studio, "%.*s/studio", (int)(slash - c->hr), c->hr)
                      : snprintf(c->studio, sizeof c->studio, "studio");
        if (n < 0 || (size_t)n >= sizeof c->studio) c->studio[0] = '\0';
    }
}

void cfg_find_levels(cfg *c, const char *self_dir)
{
    if (c->levels[0]) return;
    char beside_web[CFG_PATH_MAX], web[CFG_PATH_MAX], probe[CFG_PATH_MAX + 16];
    snprintf(web, sizeof web, "%s", c->web);
    for (size_t n = strlen(web); n > 1 && web[n - 1] == '/'; n--) web[n - 1] = '\0'; /* "web/" is "web" */
    char *slash = strrchr(web, '/');
    int n = slash ? snprintf(beside_web, sizeof beside_web, "%.*s/levels", (int)(slash - web), web)
                  : snprintf(beside_web, sizeof beside_web, "levels");
    if (n < 0 || (size_t)n >= sizeof beside_web) beside_web[0] = '\0';
    char beside_self[CFG_PATH_MAX];
    n = snprintf(beside_self, sizeof beside_self, "%s/levels", self_dir && *self_dir ? self_dir : ".");
    if (n < 0 || (size_t)n >= sizeof beside_self) beside_self[0] = '\0';
    const char *const candidates[] = {beside_self, beside_web};
    for (int i = 0; i < 2; i++) {
        if (!candidates[i][0]) continue;
        snprintf(probe, sizeof probe, "%s/game.json", candidates[i]);
        if (access(probe, R_OK) == 0) {
            snprintf(c->levels, sizeof c->levels, "%s", candidates[i]);
            return;
        }
    }
    snprintf(c->levels, sizeof c->levels, "%s", beside_self[0] ? beside_self : beside_web);
}

void cfg_print(const cfg *c, void *file)
{
    FILE *f = file;
    static const char *const secure[] = {"auto", "always", "never"};
    fprintf(f, "address = %s\nport = %d\ndata = %s\nweb = %s\nhr = %s\nstudio = %s\nlint = %s\nlevels = %s\norg = \"%s\"\n"
               "retention_days = %d\nanonymous = %s\ninvite_days = %d\nsession_idle_minutes = %d\n"
               "threads = %d\ncookie_secure = %s\n",
            c->address, c->port, c->data, c->web, c->hr, c->studio, c->lint, c->levels, c->org, c->retention_days,
            c->anonymous ? "true" : "false", c->invite_days, c->session_idle_minutes, c->threads,
            secure[c->cookie_secure]);
    fprintf(f, "show_emails = %s\noverdue_days = %d\nunits_closed = %s\nsmtp_url = %s\nsmtp_starttls = %s\n"
               "smtp_user = %s\nsmtp_password_file = %s\nmail_from = %s\npublic_url = %s\n"
               "remind_not_started_days = %d\nremind_not_finished_days = %d\nremind_expiry_days = %d\n"
               "manager_summary = %s\nmail_retry_seconds = %d\nmail_attempts = %d\nmail_poll_seconds = %d\n"
               "mail_langs = %s\nsmtp_ca_file = %s\n",
            c->show_emails ? "true" : "false", c->overdue_days, c->units_closed ? "true" : "false", c->smtp_url,
            c->smtp_starttls ? "true" : "false", c->smtp_user, c->smtp_password_file, c->mail_from, c->public_url,
            c->remind_not_started_days, c->remind_not_finished_days, c->remind_expiry_days,
            c->manager_summary ? "true" : "false", c->mail_retry_seconds, c->mail_attempts, c->mail_poll_seconds,
            c->mail_langs, c->smtp_ca_file);
    fprintf(f, "oidc_issuer = %s\noidc_client_id = %s\noidc_client_secret_file = %s\noidc_scopes = \"%s\"\n"
               "oidc_unit_claim = %s\noidc_groups_claim = %s\noidc_admin_groups = %s\noidc_viewer_groups = %s\n"
               "oidc_manager_groups = %s\noidc_ca_file = %s\n",
            c->oidc_issuer, c->oidc_client_id, c->oidc_client_secret_file, c->oidc_scopes, c->oidc_unit_claim,
            c->oidc_groups_claim, c->oidc_admin_groups, c->oidc_viewer_groups, c->oidc_manager_groups, c->oidc_ca_file);
    fprintf(f, "frame_ancestors = \"%s\"\n", c->frame_ancestors);
    fprintf(f, "min_room_seconds = \"%s\"\ntrusted_proxies = \"%s\"\nfeedback_min_respondents = %d\n",
            c->min_room_seconds, c->trusted_proxies, c->feedback_min_respondents);
}
