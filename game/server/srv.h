/* srv.h - the report server's shared state: what every request handler may use.
 *
 * main.c fills one srv before the HTTP threads start and frees it after they stop; the
 * handlers only read its fields (the database and the throttles lock themselves).
 */
#ifndef PK_SRV_H
#define PK_SRV_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "files.h"
#include "http.h"
#include "replay.h"
#include "store.h"

typedef struct srv {
    cfg cfg;
    db *db;
    db *hr_db;                     /* HR's long reads, off the writer's lock (db_open_reader) */
    char db_path[CFG_PATH_MAX + 32];
    store *store;                  /* the content: releases, drafts, uploads (store.h) */
    const replay_content *start_content; /* the release current at start (a fallback) */
    files *files;                  /* the static file cache */
    auth_throttle *login_user;     /* failed logins per user name */
    auth_throttle *login_ip;       /* failed logins per address */
    auth_throttle *signup_ip;      /* anonymous sign-ups per address */
    bool loopback_bind;            /* listening on loopback only (Secure cookies may be off) */
} srv;

/* The server's clock in milliseconds since 1970, with the test offset applied. */
int64_t srv_now(const srv *s);

/* Routes one request: /api/ to the API, /hr/ to the dashboard, the rest to the game. */
void srv_handle(void *app, const http_req *req, http_resp *resp);
size_t srv_body_limit(void *app, const char *method, const char *path);

/* The current release's content (never NULL once serving: the seed loaded at start). */
const replay_content *srv_content(srv *s);

/* The API (api.c). */
void api_handle(srv *s, const http_req *req, http_resp *resp);
size_t api_body_limit(const char *method, const char *path);
/* A new HR session for a user who signed in another way (oidc.c): its cookie goes on resp. */
bool api_new_session(srv *s, http_resp *resp, int64_t user_id, int64_t now);

/* The signed-in session of a studio request (author or admin), checked like the dashboard's:
   CSRF token and same origin on POST. Answers 401/403 and returns false otherwise. */
bool api_studio_session(srv *s, const http_req *req, http_resp *resp, db_session *out);

/* The studio (studio.c): its API under /api/v1/studio/, the draft preview under /studio/preview/. */
void studio_api(srv *s, const http_req *req, http_resp *resp);
size_t studio_body_limit(const char *method, const char *path);
void studio_preview(srv *s, const http_req *req, http_resp *resp, const char *rel);

#endif
