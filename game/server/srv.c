#include "srv.h"

#include <string.h>
#include <time.h>

#include "../core/level.h"
#include "valid.h"

int64_t srv_now(const srv *s)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + s->cfg.clock_offset_s * 1000;
}

const replay_content *srv_content(srv *s)
{
    char err[256];
    const replay_content *c = store_replay(s->store, store_current(s->store), err, sizeof err);
    return c ? c : s->start_content;
}

size_t srv_body_limit(void *app, const char *method, const char *path)
{
    (void)app;
    if (strncmp(path, "/api/v1/studio/", 15) == 0) return studio_body_limit(method, path);
    if (strncmp(path, "/api/", 5) == 0) return api_body_limit(method, path);
    return 0; /* pages and files take no body */
}

void srv_handle(void *app, const http_req *req, http_resp *resp)
{
    srv *s = app;
    const char *p = req->path;
    if (strncmp(p, "/api/v1/studio/", 15) == 0) {
        studio_api(s, req, resp);
        return;
    }
    if (strncmp(p, "/api/", 5) == 0 || strcmp(p, "/api") == 0) {
        api_handle(s, req, resp);
        return;
    }
    bool read = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    if (!read) {
        resp->status = 405;
        resp->type = "text/plain; charset=utf-8";
        http_add_header(resp, "Allow", "GET, HEAD");
        buf_puts(&resp->body, "Method not allowed\n");
        return;
    }
    if (strcmp(p, "/hr") == 0 || strcmp(p, "/studio") == 0) {
        resp->status = 301;
        resp->type = "text/plain; charset=utf-8";
        http_add_header(resp, "Location", p[1] == 'h' ? "/hr/" : "/studio/");
        buf_puts(&resp->body, p[1] == 'h' ? "/hr/\n" : "/studio/\n");
        return;
    }
    if (strncmp(p, "/studio/preview/", 16) == 0) {
        studio_preview(s, req, resp, p + 16);
        return;
    }
    if (strncmp(p, "/studio/", 8) == 0) {
        resp->csp = HTTP_CSP_STUDIO;
        files_serve(s->files, s->cfg.studio, p + 8, req, resp);
        return;
    }
    /* The game's content comes from the published release (store.h), not from the build:
       /levels/ the current one, /levels/r/N/ release N, for a game in progress that began on it. */
    if (strncmp(p, "/levels/r/", 10) == 0) {
        resp->csp = HTTP_CSP_API;
        int64_t release = -1; /* left so when not a release's path: Not found */
        const char *name = "";
        valid_release_path(p + 10, LEVEL_RELEASE_MAX, &release, &name);
        store_serve_level(s->store, name, release, false, req, resp);
        return;
    }
    if (strncmp(p, "/levels/", 8) == 0) {
        resp->csp = HTTP_CSP_API;
        store_serve_level(s->store, p + 8, 0, false, req, resp);
        return;
    }
    if (strncmp(p, "/assets/uploads/", 16) == 0) {
        resp->csp = HTTP_CSP_API; /* an uploaded SVG can run nothing, even opened alone */
        store_serve_upload(s->store, p + 1, req, resp);
        return;
    }
    if (strncmp(p, "/hr/", 4) == 0) {
        resp->csp = HTTP_CSP_HR;
        files_serve(s->files, s->cfg.hr, p + 4, req, resp);
        return;
    }
    resp->csp = HTTP_CSP_GAME;
    files_serve(s->files, s->cfg.web, p[0] == '/' ? p + 1 : p, req, resp);
}
