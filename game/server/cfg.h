/* cfg.h - the server's settings: defaults, a settings file, and command-line flags.
 *
 * One list of settings serves both: the file says `port = 8080`, the flag says --port=8080
 * (or --port 8080). Flags are applied after the file, so they win. Unknown names are errors
 * with a "did you mean" (a typo in a security setting must not pass silently).
 *
 *   cfg c;
 *   cfg_defaults(&c);
 *   char err[256];
 *   if (!cfg_load_file(&c, "/etc/pakopeli.conf", err, sizeof err)) die(err);
 *   if (!cfg_set(&c, "port", "9000", err, sizeof err)) die(err);
 *   cfg_finish(&c);   // fills settings derived from others (studio from hr)
 *   cfg_find_levels(&c, "/opt/pakopeli");  // levels unset: the plain content beside the server or web
 */
#ifndef PK_CFG_H
#define PK_CFG_H

#include <stdbool.h>
#include <stddef.h>

enum { CFG_PATH_MAX = 512, CFG_TEXT_MAX = 128 };

typedef enum cfg_secure {
    CFG_SECURE_AUTO,   /* Secure cookies unless bound to loopback and not behind a proxy */
    CFG_SECURE_ALWAYS,
    CFG_SECURE_NEVER   /* only for development without TLS on a LAN address */
} cfg_secure;

typedef struct cfg {
    char address[64];                 /* IPv4 or IPv6 address to listen on */
    int port;                         /* 0 picks a free port (printed at start) */
    char data[CFG_PATH_MAX];          /* folder of the database (pakopeli.db) */
    char web[CFG_PATH_MAX];           /* the built game (build/web) served at / */
    char hr[CFG_PATH_MAX];            /* the HR dashboard's files, served at /hr/ */
    char studio[CFG_PATH_MAX];        /* the studio's files, served at /studio/; "" = beside hr */
    char lint[CFG_PATH_MAX];          /* pakopeli-lint; "" = beside the server's own program */
    char levels[CFG_PATH_MAX];        /* the levels the content store is seeded from on its first
                                         start; "" = found by cfg_find_levels */
    char org[CFG_TEXT_MAX];           /* organisation name shown on the dashboard */
    int retention_days;               /* people's records older than this are removed */
    bool anonymous;                   /* players may give name and unit without an invitation */
    int invite_days;                  /* how long an invitation link is valid */
    int session_idle_minutes;         /* HR sessions end after this long without requests */
    int threads;                      /* HTTP worker threads */
    cfg_secure cookie_secure;
    long long clock_offset_s;         /* tests only: shifts the server's clock forward */
    /* people and units (issue 14) */
    bool show_emails;                 /* viewers and managers see e-mail addresses too */
    int overdue_days;                 /* "overdue": not completed this many days after the start date */
    bool units_closed;                /* invitations only to units on HR's list (else new ones are added) */
    /* e-mail (mail.c); smtp_url "" turns e-mail off */
    char smtp_url[CFG_PATH_MAX];      /* smtp://relay.example.fi:587 or smtps://...:465 */
    bool smtp_starttls;               /* require STARTTLS on smtp:// (default true) */
    char smtp_user[CFG_TEXT_MAX];     /* "" for a relay without authentication */
    char smtp_password_file[CFG_PATH_MAX]; /* the password, read from this file (not the config) */
    char mail_from[CFG_TEXT_MAX];     /* the sender address */
    char public_url[CFG_PATH_MAX];    /* the game's address as players reach it, for links in mail */
    int remind_not_started_days;      /* remind who has not started this many days after the invitation; 0 off */
    int remind_not_finished_days;     /* remind who started but has not finished after this many days; 0 off */
    int remind_expiry_days;           /* remind this many days before a link expires; 0 off */
    bool manager_summary;             /* a weekly summary to each manager with an e-mail address */
    int mail_retry_seconds;           /* first retry after this; doubles; mail_attempts tries in all */
    int mail_attempts;
    int mail_poll_seconds;            /* how often the sender looks for due mail and reminders */
    char mail_langs[16];              /* languages of each mail, in order: "fi", "fi,sv", "fi,sv,en" */
    char smtp_ca_file[CFG_PATH_MAX];  /* extra CA certificates to trust for the relay's TLS; "" system */
    /* work-account sign-in (oidc.c); oidc_issuer "" turns it off */
    char oidc_issuer[CFG_PATH_MAX];   /* https://login.microsoftonline.com/TENANT/v2.0 or another provider */
    char oidc_client_id[CFG_TEXT_MAX];
    char oidc_client_secret_file[CFG_PATH_MAX]; /* the client secret, read from this file */
    char oidc_scopes[CFG_TEXT_MAX];   /* default "openid email profile" */
    char oidc_unit_claim[64];         /* a claim with the unit: creates a player who has no invitation; "" never */
    char oidc_groups_claim[64];       /* the claim listing the user's groups (default "groups") */
    char oidc_admin_groups[CFG_PATH_MAX];   /* groups (names or ids, comma-separated) that make an HR admin */
    char oidc_viewer_groups[CFG_PATH_MAX];  /* ... a viewer */
    char oidc_manager_groups[CFG_PATH_MAX]; /* ... a manager (an admin assigns their units) */
    char oidc_ca_file[CFG_PATH_MAX];  /* extra CA certificates for the provider's TLS; "" system */
    /* embedding (issue 16): origins whose pages may show the game in a frame, such as the
       intranet or the learning platform; space-separated, "" none (CSP frame-ancestors) */
    char frame_ancestors[CFG_PATH_MAX];
    /* results integrity (issue 15): a solved room faster than this many seconds (server-accounted,
       ingest.h) is flagged for HR; "30 outlook=60 teams=45": a default, then per-room minimums */
    char min_room_seconds[CFG_PATH_MAX];
    int min_room_default;
    struct cfg_room_min { char room[64]; int seconds; } min_rooms[16];
    int min_room_count;
    /* addresses of reverse proxies whose X-Forwarded-For names the client (space- or
       comma-separated); from any other address the header is ignored. "" = none */
    char trusted_proxies[CFG_PATH_MAX];
    /* privacy (issue 15): a unit's feedback is shown only when this many of its people gave some */
    int feedback_min_respondents;
} cfg;

/* The plausible minimum of a room in seconds (min_room_seconds). */
int cfg_room_min_seconds(const cfg *c, const char *room);


void cfg_defaults(cfg *c);

/* Sets one setting by name from text; false with a message naming the setting. */
bool cfg_set(cfg *c, const char *key, const char *value, char *err, size_t cap);

/* Reads a settings file: `name = value` lines, '#' comments, blank lines. Errors name the
   file and line. */
bool cfg_load_file(cfg *c, const char *path, char *err, size_t cap);

/* Fills derived settings; call after the file and the flags. */
void cfg_finish(cfg *c);
/* levels unset: the first of self_dir/levels (beside pakopeli-server, as the install puts it) and
   levels beside the web folder (web = /opt/pakopeli/web -> /opt/pakopeli/levels) that has a
   game.json, else self_dir/levels (a first start then says it is missing). Never web/levels:
   the web build's copy is sealed and cannot seed the store (docs/operating.md). */
void cfg_find_levels(cfg *c, const char *self_dir);

/* True when a setting of this name exists (for telling flags from settings). */
bool cfg_known(const char *key);

/* Writes the effective settings as a settings file (for `pakopeli-server config`). */
void cfg_print(const cfg *c, void *file);

#endif
