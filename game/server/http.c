#include "http.h"
#include "lat.h"
#include "valid.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <microhttpd.h>
#include <pthread.h>
#include <time.h>

/* ---- deadlines a trickle cannot extend -------------------------------------------------------
 * libmicrohttpd's connection timeout counts from the last byte received, so a client sending a
 * header byte every 10 s keeps its connection (and its place in the per-address limit) for ever.
 * Each connection here also has a deadline that bytes do not move: its request's headers must be
 * complete HTTP_HEADER_S after it opened (or after its previous response), and its body
 * HTTP_BODY_S after the headers. A watchdog thread shuts down the socket of a connection past its
 * deadline; libmicrohttpd then closes it as it would any broken connection. Sending a response
 * has no deadline (a large export to a slow network is legitimate); the idle timeout stands. */
enum { HTTP_HEADER_S = 10, HTTP_BODY_S = 60 };

typedef struct conn_track {
    struct conn_track *next, *prev;
    int fd;
    int64_t deadline_ms; /* 0: none (the handler has the request; a response is being sent) */
    bool cut;
} conn_track;

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct http_server {
    struct MHD_Daemon *daemon;
    http_desc desc;
    int port;
    pthread_mutex_t track_mu;   /* guards tracks, and each track's deadline */
    conn_track *tracks;         /* open connections */
    pthread_t watchdog;
    bool watchdog_started, stopping;
    pthread_cond_t stop_cv;
    bool framed;          /* desc.frame_ancestors lists origins that may frame the game page */
    char game_csp[1024];  /* the game page's policy with those origins as frame-ancestors */
    /* slow work (http_later): a queue served by its own threads */
    pthread_mutex_t later_mu;
    pthread_cond_t later_cv;
    struct later_job *later_head, *later_tail;
    int later_taken;      /* jobs waiting or running (a place is taken before the suspend) */
    bool later_stopping;
    pthread_t later_threads[HTTP_LATER_THREADS];
    int later_started;
    /* where the time of a request answered on its own thread goes (said at http_stop): from its
       headers read to its last byte sent, the handler's part, and the sending after it */
    lat_hist h_total, h_handler, h_send;
};

/* What one request gathers between libmicrohttpd's calls. */
typedef struct req_state {
    buf body;
    bool too_big;   /* the body passed the route's limit: answer 413, keep nothing */
    http_resp *later_resp; /* slow work done on a worker: send this when resumed */
    double t_headers, t_answered; /* when its headers were read, and its handler returned (0: not yet) */
} req_state;

typedef struct later_job {
    struct later_job *next;
    struct MHD_Connection *conn;
    req_state *st;
    http_later work;
    http_resp *resp;
} later_job;

static void set_deadline(http_server *s, struct MHD_Connection *c, int64_t deadline_ms)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    conn_track *t = ci ? ci->socket_context : NULL;
    if (!t) return;
    pthread_mutex_lock(&s->track_mu);
    t->deadline_ms = deadline_ms;
    pthread_mutex_unlock(&s->track_mu);
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    http_server *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        conn_track *t = ci ? calloc(1, sizeof *t) : NULL;
        *socket_context = t;
        if (!t) return; /* untracked: the idle timeout still applies */
        t->fd = ci->connect_fd;
        t->deadline_ms = mono_ms() + HTTP_HEADER_S * 1000;
        pthread_mutex_lock(&s->track_mu);
        t->next = s->tracks;
        if (s->tracks) s->tracks->prev = t;
        s->tracks = t;
        pthread_mutex_unlock(&s->track_mu);
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        /* called before libmicrohttpd closes the socket: the watchdog never touches a closed fd */
        conn_track *t = *socket_context;
        if (!t) return;
        pthread_mutex_lock(&s->track_mu);
        if (t->prev) t->prev->next = t->next;
        else s->tracks = t->next;
        if (t->next) t->next->prev = t->prev;
        pthread_mutex_unlock(&s->track_mu);
        free(t);
        *socket_context = NULL;
    }
}

static void *watchdog(void *arg)
{
    http_server *s = arg;
    pthread_mutex_lock(&s->track_mu);
    while (!s->stopping) {
        int64_t now = mono_ms();
        for (conn_track *t = s->tracks; t; t = t->next)
            if (!t->cut && t->deadline_ms && now > t->deadline_ms) {
                t->cut = true;
                shutdown(t->fd, SHUT_RDWR);
            }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += 1;
        pthread_cond_timedwait(&s->stop_cv, &s->track_mu, &until);
    }
    pthread_mutex_unlock(&s->track_mu);
    return NULL;
}

/* ---- request accessors ------------------------------------------------------------------------ */

const char *http_arg(const http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header(const http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_cookie(const http_req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

bool http_add_header(http_resp *r, const char *name, const char *value)
{
    if (r->header_count >= HTTP_HEADERS_MAX || strlen(name) >= sizeof r->headers[0][0] ||
        strlen(value) >= sizeof r->headers[0][1])
        return false;
    snprintf(r->headers[r->header_count][0], sizeof r->headers[0][0], "%s", name);
    snprintf(r->headers[r->header_count][1], sizeof r->headers[0][1], "%s", value);
    r->header_count++;
    return true;
}

bool http_set_location(http_resp *r, const char *url)
{
    free(r->location);
    r->location = strdup(url);
    return r->location != NULL;
}

void http_set_file(http_resp *r, int fd, uint64_t len)
{
    r->has_file = true;
    r->file = fd;
    r->file_len = len;
}

bool http_is_loopback_address(const char *address)
{
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, address, &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
    if (inet_pton(AF_INET6, address, &a6) == 1) return IN6_IS_ADDR_LOOPBACK(&a6);
    return strcmp(address, "localhost") == 0;
}

/* ---- responses ---------------------------------------------------------------------------------- */

/* Policies per kind of response. The game page needs 'wasm-unsafe-eval' to compile its
   WebAssembly; nothing of ours needs inline script, so neither policy allows it. */
static const char *const csp_text[] = {
    [HTTP_CSP_API] = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    [HTTP_CSP_GAME] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                      "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; "
                      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    [HTTP_CSP_HR] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                    "form-action 'self'",
    [HTTP_CSP_STUDIO] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                        "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
                        "frame-ancestors 'none'; form-action 'self'",
    [HTTP_CSP_PREVIEW] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
                         "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; "
                         "object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'",
};

static void release_shared(void *cls)
{
    http_resp *holder = cls; /* a copy of the release pair, owned by the MHD response */
    holder->release(holder->release_arg);
    free(holder);
}

static enum MHD_Result send_response_now(const http_server *s, struct MHD_Connection *c, http_resp *r);

/* s is NULL for answers made before a handler ran (they are never the game page). */
static enum MHD_Result send_response(const http_server *s, struct MHD_Connection *c, http_resp *r)
{
    enum MHD_Result ok = send_response_now(s, c, r);
    free(r->location);
    r->location = NULL;
    return ok;
}

static enum MHD_Result send_response_now(const http_server *s, struct MHD_Connection *c, http_resp *r)
{
    struct MHD_Response *resp = NULL;
    if (r->has_file) {
        buf_free(&r->body);
        resp = MHD_create_response_from_fd64(r->file_len, r->file); /* closes the file when done */
        if (!resp) close(r->file);
    } else if (r->data) {
        http_resp *holder = malloc(sizeof *holder);
        if (!holder) {
            r->release(r->release_arg);
            return MHD_NO;
        }
        holder->release = r->release;
        holder->release_arg = r->release_arg;
        resp = MHD_create_response_from_buffer_with_free_callback_cls(r->data_len, (void *)r->data,
                                                                     release_shared, holder);
        if (!resp) release_shared(holder);
    } else {
        size_t len = 0;
        char *body = buf_take(&r->body, &len);
        if (!body) return MHD_NO;
        resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
        if (!resp) free(body);
    }
    if (!resp) return MHD_NO;
    if (r->type) MHD_add_response_header(resp, "Content-Type", r->type);
    bool game = s && r->csp == HTTP_CSP_GAME;
    MHD_add_response_header(resp, "Content-Security-Policy", game ? s->game_csp : csp_text[r->csp]);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    /* X-Frame-Options knows no list of origins: where some may frame the game, CSP says which;
       the studio's preview is framed by the studio itself (same origin) */
    if (r->csp == HTTP_CSP_PREVIEW) MHD_add_response_header(resp, "X-Frame-Options", "SAMEORIGIN");
    else if (!(game && s->framed)) MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (r->no_store) MHD_add_response_header(resp, "Cache-Control", "no-store");
    for (int i = 0; i < r->header_count; i++) MHD_add_response_header(resp, r->headers[i][0], r->headers[i][1]);
    if (r->location) MHD_add_response_header(resp, "Location", r->location);
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result send_simple(struct MHD_Connection *c, int status, const char *json)
{
    http_resp r = {.status = status, .type = "application/json; charset=utf-8", .csp = HTTP_CSP_API,
                   .no_store = true};
    buf_puts(&r.body, json);
    return send_response(NULL, c, &r);
}

static const char too_large[] =
    "{\"error\":{\"code\":\"too_large\",\"message\":\"The request body is larger than this address accepts.\"}}";

/* ---- the access handler ------------------------------------------------------------------------- */

static void client_address(struct MHD_Connection *c, char *out, size_t cap)
{
    snprintf(out, cap, "unknown");
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET) inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, (socklen_t)cap);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)cap);
}

/* Behind a trusted proxy the client is the rightmost address of X-Forwarded-For that is not
   itself a trusted proxy (the left part is whatever the client claimed). A value that is not an
   address leaves the proxy's own: throttles then count the proxy, never a made-up name. */
static void forwarded_client(const http_server *s, const http_req *req, char *ip, size_t cap)
{
    const char *xff = http_header(req, "X-Forwarded-For");
    if (xff && valid_in_list(s->desc.trusted_proxies, ip)) valid_forwarded_client(xff, s->desc.trusted_proxies, ip, cap);
}

/* ---- slow work on worker threads (http_later) ------------------------------------------------- */

static const char busy_json[] =
    "{\"error\":{\"code\":\"busy\",\"message\":\"The server is busy checking other authors' work. Try again in a "
    "moment.\"}}";

static void *later_worker(void *arg)
{
    http_server *s = arg;
    pthread_mutex_lock(&s->later_mu);
    for (;;) {
        while (!s->later_head && !s->later_stopping) pthread_cond_wait(&s->later_cv, &s->later_mu);
        later_job *j = s->later_head;
        if (!j) break; /* stopping, and nothing left */
        s->later_head = j->next;
        if (!s->later_head) s->later_tail = NULL;
        pthread_mutex_unlock(&s->later_mu);
        j->work.run(j->work.arg, j->resp);
        j->work.drop(j->work.arg);
        j->st->later_resp = j->resp;
        MHD_resume_connection(j->conn); /* libmicrohttpd calls on_access again, which sends it */
        free(j);
        pthread_mutex_lock(&s->later_mu);
        s->later_taken--;
    }
    pthread_mutex_unlock(&s->later_mu);
    return NULL;
}

/* Suspends c and queues its work; false (nothing suspended, nothing kept) when the queue is full. */
static bool later_submit(http_server *s, struct MHD_Connection *c, req_state *st, http_resp *resp)
{
    later_job *j = calloc(1, sizeof *j);
    http_resp *r = j ? malloc(sizeof *r) : NULL;
    pthread_mutex_lock(&s->later_mu);
    bool room = r && s->later_started > 0 && !s->later_stopping &&
                s->later_taken < HTTP_LATER_QUEUE + HTTP_LATER_THREADS;
    if (room) s->later_taken++;
    pthread_mutex_unlock(&s->later_mu);
    if (!room) {
        free(j);
        free(r);
        return false;
    }
    buf_free(&resp->body);
    *r = *resp; /* the status and headers so far (a cookie); run fills the rest */
    r->later = (http_later){0};
    r->body = (buf){.limit = resp->body.limit};
    *j = (later_job){.conn = c, .st = st, .work = resp->later, .resp = r};
    /* NOT A BUG: suspended before it is queued, so a worker never resumes a running connection */
    MHD_suspend_connection(c);
    pthread_mutex_lock(&s->later_mu);
    if (s->later_tail) s->later_tail->next = j;
    else s->later_head = j;
    s->later_tail = j;
    pthread_cond_signal(&s->later_cv);
    pthread_mutex_unlock(&s->later_mu);
    return true;
}

/* Every queued job runs to its end and its connection is resumed; then the workers stop. */
static void later_stop(http_server *s)
{
    pthread_mutex_lock(&s->later_mu);
    s->later_stopping = true;
    pthread_cond_broadcast(&s->later_cv);
    pthread_mutex_unlock(&s->later_mu);
    for (int i = 0; i < s->later_started; i++) pthread_join(s->later_threads[i], NULL);
    s->later_started = 0;
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                 const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    http_server *s = cls;
    req_state *st = *con_cls;
    if (!st) {
        /* First call: headers only. Refuse an announced oversized body before reading it. */
        st = calloc(1, sizeof *st);
        if (!st) return MHD_NO;
        st->t_headers = mono_s();
        *con_cls = st;
        set_deadline(s, c, mono_ms() + HTTP_BODY_S * 1000); /* the headers are in; now the body */
        size_t limit = s->desc.limit(s->desc.app, method, url);
        st->body.limit = limit ? limit : 1;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl) {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(cl, &end, 10);
            if (errno || *end || n > limit) {
                st->too_big = true;
                return send_simple(c, 413, too_large);
            }
        }
        return MHD_YES;
    }
    if (st->later_resp) { /* resumed: a worker has the answer */
        http_resp *r = st->later_resp;
        st->later_resp = NULL;
        enum MHD_Result ok = send_response(s, c, r);
        free(r);
        return ok;
    }
    if (*upload_size) {
        if (!st->too_big && !buf_append(&st->body, upload, *upload_size)) st->too_big = true;
        *upload_size = 0;
        return MHD_YES;
    }
    set_deadline(s, c, 0); /* the request is whole: answering it has no deadline */
    if (st->too_big) return send_simple(c, 413, too_large);

    http_req req = {.conn = c, .method = method, .path = url};
    req.body = st->body.data ? st->body.data : "";
    req.body_len = st->body.len;
    client_address(c, req.ip, sizeof req.ip);
    req.loopback = http_is_loopback_address(req.ip) && !http_header(&req, "X-Forwarded-For") &&
                   !http_header(&req, "X-Forwarded-Proto") && !http_header(&req, "Forwarded");
    forwarded_client(s, &req, req.ip, sizeof req.ip);
    http_resp resp = {.status = 500, .type = "application/json; charset=utf-8", .body = {.limit = 64u << 20}};
    s->desc.handler(s->desc.app, &req, &resp);
    if (resp.later.run) {
        http_later work = resp.later;
        if (later_submit(s, c, st, &resp)) return MHD_YES;
        work.drop(work.arg);
        buf_free(&resp.body);
        free(resp.location);
        http_resp busy = {.status = 503, .type = "application/json; charset=utf-8", .csp = HTTP_CSP_API,
                          .no_store = true};
        buf_puts(&busy.body, busy_json);
        http_add_header(&busy, "Retry-After", "2");
        return send_response(s, c, &busy);
    }
    if (resp.body.failed && !resp.data) {
        buf_free(&resp.body);
        return send_simple(c, 500, "{\"error\":{\"code\":\"internal\",\"message\":\"The answer did not fit.\"}}");
    }
    st->t_answered = mono_s();
    lat_add(&s->h_handler, st->t_answered - st->t_headers);
    return send_response(s, c, &resp);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode code)
{
    set_deadline(cls, c, mono_ms() + HTTP_HEADER_S * 1000); /* the next request on this connection */
    req_state *st = *con_cls;
    if (!st) return;
    if (st->t_answered > 0 && code == MHD_REQUEST_TERMINATED_COMPLETED_OK) {
        double t = mono_s();
        http_server *s = cls;
        lat_add(&s->h_total, t - st->t_headers);
        lat_add(&s->h_send, t - st->t_answered);
    }
    buf_free(&st->body);
    if (st->later_resp) { /* resumed, but the connection went before the answer was sent */
        buf_free(&st->later_resp->body);
        free(st->later_resp->location);
        free(st->later_resp);
    }
    free(st);
    *con_cls = NULL;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    fprintf(stderr, "pakopeli-server: http: ");
    vfprintf(stderr, fmt, ap);
}

/* ---- start and stop ----------------------------------------------------------------------------- */

http_server *http_start(const http_desc *desc, char *err, size_t cap)
{
    http_server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    s->desc = *desc;
    pthread_mutex_init(&s->track_mu, NULL);
    pthread_cond_init(&s->stop_cv, NULL);
    pthread_mutex_init(&s->later_mu, NULL);
    pthread_cond_init(&s->later_cv, NULL);
    /* The game page's policy, with the origins allowed to frame it in place of 'none'. */
    const char *fa = desc->frame_ancestors && desc->frame_ancestors[0] ? desc->frame_ancestors : "'none'";
    const char *base = csp_text[HTTP_CSP_GAME], *at = strstr(base, "frame-ancestors 'none'");
    s->framed = fa[0] != '\'';
    snprintf(s->game_csp, sizeof s->game_csp, "%.*sframe-ancestors %s%s", (int)(at - base), base, fa,
             at + strlen("frame-ancestors 'none'"));
    s->desc.frame_ancestors = NULL; /* not owned: used only here */
    struct sockaddr_in a4 = {0};
    struct sockaddr_in6 a6 = {0};
    const struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
    if (inet_pton(AF_INET, desc->address, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)desc->port);
        sa = (const struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, desc->address, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)desc->port);
        sa = (const struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        snprintf(err, cap, "address \"%s\" is not an IPv4 or IPv6 address", desc->address);
        http_stop(s);
        return NULL;
    }
    unsigned threads = desc->threads > 0 ? (unsigned)desc->threads : 4;
    s->daemon = MHD_start_daemon(flags, (uint16_t)desc->port, NULL, NULL, on_access, s,
                                 MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, s, /* must come first */
                                 MHD_OPTION_SOCK_ADDR, sa,
                                 MHD_OPTION_THREAD_POOL_SIZE, threads,
                                 MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
                                 MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)128, /* a reverse proxy is one address */
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                                 MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
                                 MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                                 MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
                                 MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, cap, "cannot listen on %s port %d (in use, or not allowed)", desc->address, desc->port);
        http_stop(s);
        return NULL;
    }
    while (s->later_started < HTTP_LATER_THREADS &&
           pthread_create(&s->later_threads[s->later_started], NULL, later_worker, s) == 0)
        s->later_started++;
    if (s->later_started == 0) {
        snprintf(err, cap, "cannot start the worker threads for slow requests");
        http_stop(s);
        return NULL;
    }
    s->watchdog_started = pthread_create(&s->watchdog, NULL, watchdog, s) == 0;
    if (!s->watchdog_started) {
        snprintf(err, cap, "cannot start the connection watchdog thread");
        http_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : desc->port;
    return s;
}

int http_port(const http_server *s) { return s->port; }

void http_stop(http_server *s)
{
    if (!s) return;
    later_stop(s); /* no connection may stay suspended when the daemon stops */
    if (s->daemon) MHD_stop_daemon(s->daemon); /* closes every connection: their tracks go */
    if (lat_count(&s->h_total) > 0) { /* for operators and `make bench`: where a request's time went */
        char t[96], h[96], w[96];
        lat_format(&s->h_total, t, sizeof t);
        lat_format(&s->h_handler, h, sizeof h);
        lat_format(&s->h_send, w, sizeof w);
        fprintf(stderr,
                "pakopeli-server: http: %lu requests answered; from the headers read to the last byte sent %s; "
                "of it until answered (the body, the handler) %s, sending the answer %s\n",
                lat_count(&s->h_total), t, h, w);
    }
    if (s->watchdog_started) {
        pthread_mutex_lock(&s->track_mu);
        s->stopping = true;
        pthread_cond_signal(&s->stop_cv);
        pthread_mutex_unlock(&s->track_mu);
        pthread_join(s->watchdog, NULL);
    }
    pthread_mutex_destroy(&s->track_mu);
    pthread_cond_destroy(&s->stop_cv);
    pthread_mutex_destroy(&s->later_mu);
    pthread_cond_destroy(&s->later_cv);
    free(s);
}
