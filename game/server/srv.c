#include "srv.h"

#include <string.h>
#include <time.h>

int64_t srv_now(const srv *s)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + s->cfg.clock_offset_s * 1000;
}

size_t srv_body_limit(void *app, const char *method, const char *path)
{
    (void)app;
    if (strncmp(path, "/api/", 5) == 0) return api_body_limit(method, path);
    return 0; /* pages and files take no body */
}

void srv_handle(void *app, const http_req *req, http_resp *resp)
{
    srv *s = app;
    const char *p = req->path;
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
    if (strcmp(p, "/hr") == 0) {
        resp->status = 301;
        resp->type = "text/plain; charset=utf-8";
        http_add_header(resp, "Location", "/hr/");
        buf_puts(&resp->body, "/hr/\n");
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
