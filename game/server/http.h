/* http.h - the HTTP side, on libmicrohttpd: requests in, responses out, nothing else.
 *
 * The server's logic (api.c, files.c) sees a plain request (method, path, query, headers,
 * a complete body) and fills a plain response; this module does the rest: collecting the
 * body up to a per-route limit (413 beyond it, without reading it all), the security headers
 * every response carries, and the worker threads.
 *
 *   http_server *s = http_start(&(http_desc){.address = "127.0.0.1", .port = 0,
 *                                            .handler = on_request, .limit = body_limit, .app = app},
 *                               err, sizeof err);
 *   printf("port %d\n", http_port(s));
 *   ... http_stop(s);
 */
#ifndef PK_HTTP_H
#define PK_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct MHD_Connection;

typedef struct http_req {
    struct MHD_Connection *conn;
    const char *method;      /* "GET", "POST" ... */
    const char *path;        /* decoded path, without the query */
    const char *body;        /* NUL-terminated; "" when none */
    size_t body_len;
    char ip[64];             /* the client's address as text: the peer's, or from a trusted
                                proxy the rightmost untrusted address of X-Forwarded-For */
    bool loopback;           /* the client is this machine (and no proxy header says otherwise) */
} http_req;

/* Which Content-Security-Policy a response gets. */
typedef enum http_csp {
    HTTP_CSP_API,   /* JSON and CSV: nothing may run */
    HTTP_CSP_GAME,  /* the game page: our scripts and WebAssembly compilation */
    HTTP_CSP_HR,    /* the dashboard: our scripts only */
    HTTP_CSP_STUDIO, /* the studio: our scripts, images it makes itself (blob:), the preview frame */
    HTTP_CSP_PREVIEW /* the game playing a draft, framed by the studio (same origin only) */
} http_csp;

enum { HTTP_HEADERS_MAX = 8 };

struct http_resp;
/* Work too slow for a request thread (the studio's checker runs pakopeli-lint, a second or more
   of CPU). A handler that sets resp->later answers nothing itself: the connection is suspended
   (libmicrohttpd's suspend/resume), run(arg, resp) fills the response on one of the server's
   HTTP_LATER_THREADS worker threads, and the connection is resumed to send it, so the request
   threads stay free for everything else (an author's save). At most HTTP_LATER_QUEUE jobs wait;
   beyond that the request is answered at once 503 {"error": {"code": "busy"}} with Retry-After.
   run must not call http_arg/http_header (the request is suspended): the handler copies what
   it needs into arg. drop(arg) frees arg, after run or instead of it. The headers the handler
   already added (a session cookie) are kept. */
typedef struct http_later {
    void (*run)(void *arg, struct http_resp *resp);
    void (*drop)(void *arg);
    void *arg;
} http_later;
enum { HTTP_LATER_THREADS = 2, HTTP_LATER_QUEUE = 8 };

typedef struct http_resp {
    int status;
    const char *type;        /* Content-Type; static text */
    buf body;                /* the body, when data is NULL */
    const void *data;        /* or shared bytes (a cached file) ... */
    size_t data_len;
    void (*release)(void *); /* ... released with release(release_arg) when sent */
    void *release_arg;
    http_csp csp;
    bool no_store;           /* Cache-Control: no-store (API answers, personal data) */
    int header_count;
    char headers[HTTP_HEADERS_MAX][2][256]; /* extra headers: name, value */
    char *location;          /* a Location longer than a header slot (http_set_location); freed when sent */
    bool has_file;           /* or the body is a file (http_set_file): sent from disk, closed when sent */
    int file;
    uint64_t file_len;
    http_later later;        /* run: answer from a worker thread instead (see http_later) */
} http_resp;

/* Query argument, request header, or cookie value; NULL when absent. */
const char *http_arg(const http_req *r, const char *name);
const char *http_header(const http_req *r, const char *name);
const char *http_cookie(const http_req *r, const char *name);

/* Sets a Location header of any length (a sign-in redirect with its parameters); false when out of memory. */
bool http_set_location(http_resp *r, const char *url);
/* Sends the first len bytes of the open file fd as the body (a large export, without holding it in
   memory); the response owns fd from here and closes it. */
void http_set_file(http_resp *r, int fd, uint64_t len);
/* Adds a response header (values longer than 255 bytes are refused: false). */
bool http_add_header(http_resp *r, const char *name, const char *value);

typedef void (*http_handler_fn)(void *app, const http_req *req, http_resp *resp);
/* The largest body a request to this method and path may send. */
typedef size_t (*http_limit_fn)(void *app, const char *method, const char *path);

typedef struct http_desc {
    const char *address;  /* IPv4 or IPv6 literal */
    int port;             /* 0: any free port */
    int threads;          /* 0: 4 */
    http_handler_fn handler;
    http_limit_fn limit;
    void *app;
    const char *frame_ancestors; /* origins that may show the game page in a frame, separated by
                                    spaces (CSP frame-ancestors); NULL or "": none may */
    const char *trusted_proxies; /* proxy addresses (space- or comma-separated, inet_ntop form)
                                    whose X-Forwarded-For names the client; NULL or "": none */
} http_desc;

typedef struct http_server http_server;

http_server *http_start(const http_desc *desc, char *err, size_t cap);
int http_port(const http_server *s);
/* Stops accepting, finishes requests in progress, frees the server. */
void http_stop(http_server *s);

/* True for addresses of this machine (127.0.0.0/8, ::1). */
bool http_is_loopback_address(const char *address);

#endif
