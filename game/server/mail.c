#include "mail.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "db_org.h"
#include "srv.h"

const char *const mail_kinds[] = {"invitation", "not_started", "not_finished", "expiring", "summary", NULL};
const char *const mail_langs[] = {"fi", "sv", "en", NULL};

/* ---- templates ---------------------------------------------------------------------------------- */

/* [kind][lang] = {subject, body}. Plain text; {placeholders} are filled per recipient. */
static const char *const defaults[5][3][2] = {
    {{"Tervetuloa: perehdytyksen pakopeli", "Hei {name}!\n\n{org} toivottaa sinut tervetulleeksi uuteen työhösi. Perehdytys alkaa pakopelillä, jossa "
                                           "opit digitaalisen työpäivän perusasiat: Outlook, Teams, intranet, asiakkaiden "
                                           "digipalvelut ja tietoturva.\n\n"
                                           "Pelaa tästä henkilökohtaisesta linkistä (voimassa {expires} asti):\n{link}\n\n"
                                           "Linkki on vain sinulle; älä välitä sitä eteenpäin.\n" "Tarkista ennen avaamista, että linkki vie osoitteeseen {site}. Jos epäilet viestiä, älä avaa linkkiä vaan kysy esihenkilöltäsi.\n"},
     {"Välkommen: introduktionens escape room", "Hej {name}!\n\nVälkommen till {org}. Introduktionen börjar med ett escape room "
                                               "där du lär dig grunderna i den digitala arbetsdagen: Outlook, Teams, intranätet, "
                                               "klienternas digitala tjänster och informationssäkerhet.\n\n"
                                               "Spela från din personliga länk (giltig till {expires}):\n"
                                               "{link}\n\nLänken är bara för dig; vidarebefordra den inte.\n" "Kontrollera innan du öppnar länken att den går till {site}. Om du tvivlar på meddelandet, öppna inte länken utan fråga din chef.\n"},
     {"Welcome: the onboarding escape room", "Hello {name}!\n\nWelcome to {org}. Your onboarding starts with an escape room that "
                                            "teaches the basics of the digital workday: Outlook, Teams, the intranet, the digital "
                                            "services clients use, and security.\n\n"
                                            "Play from your personal link (valid until {expires}):\n{link}\n\n"
                                            "The link is for you only; please do not forward it.\n" "Before you open the link, check that it goes to {site}. If you doubt this message, do not open the link: ask your manager.\n"}},
    {{"Muistutus: perehdytyksen pakopeli odottaa", "Hei {name}!\n\nPerehdytyksen pakopeli on vielä pelaamatta. Se vie noin puoli "
                                                 "tuntia. Tässä uusi henkilökohtainen linkkisi (voimassa {expires} asti):\n{link}\n\n"
                                                 "Aiempi linkki ei enää toimi. Tarkista ennen avaamista, että linkki vie osoitteeseen {site}. Jos epäilet viestiä, älä avaa linkkiä vaan kysy esihenkilöltäsi.\n"},
     {"Påminnelse: introduktionens escape room väntar", "Hej {name}!\n\nDu har ännu inte spelat introduktionens escape room. Det tar "
                                                       "ungefär en halvtimme. Här är din nya personliga länk (giltig till {expires}):\n"
                                                       "{link}\n\nDen tidigare länken fungerar inte längre. Kontrollera innan du öppnar länken att den går till {site}. Om du tvivlar på meddelandet, öppna inte länken utan fråga din chef.\n"},
     {"Reminder: your onboarding escape room is waiting", "Hello {name}!\n\nYou have not played the onboarding escape room yet. It "
                                                         "takes about half an hour. Here is your new personal link (valid until "
                                                         "{expires}):\n{link}\n\nThe earlier link no longer works. Before you open the link, check that it goes to {site}. If you doubt this message, do not open the link: ask your manager.\n"}},
    {{"Muistutus: pakopeli on vielä kesken", "Hei {name}!\n\nAloitit perehdytyksen pakopelin, mutta se on vielä kesken. Jatka avaamalla "
                                           "kutsuviestisi linkki uudelleen samalla laitteella ja selaimella, jolla aloitit: "
                                           "edistymisesi on tallessa.\n\n"
                                           "Jos et löydä kutsuviestiä, pyydä HR:ltä uusi linkki.\n"},
     {"Påminnelse: ditt escape room är inte klart", "Hej {name}!\n\nDu har börjat introduktionens escape room men inte spelat klart. "
                                                   "Fortsätt genom att öppna länken i din inbjudan igen, på samma enhet och i "
                                                   "samma webbläsare som du började: dina framsteg är sparade.\n\n"
                                                   "Om du inte hittar inbjudan, be HR om en ny länk.\n"},
     {"Reminder: your escape room is not finished", "Hello {name}!\n\nYou started the onboarding escape room but have not finished "
                                                   "it. Continue by opening the link in your invitation again, on the same device "
                                                   "and browser you started on: your progress is saved.\n\n"
                                                   "If you cannot find the invitation, ask HR for a new link.\n"}},
    {{"Linkkisi vanhenee pian", "Hei {name}!\n\nPerehdytyksen pakopelin linkkisi vanhenee {expires}. Pelaa ennen sitä:\n{link}\n\n"
                              "Aiempi linkki ei enää toimi. Tarkista ennen avaamista, että linkki vie osoitteeseen {site}. Jos epäilet viestiä, älä avaa linkkiä vaan kysy esihenkilöltäsi.\n"},
     {"Din länk går snart ut", "Hej {name}!\n\nDin länk till introduktionens escape room går ut {expires}. Spela före det:\n{link}\n\n"
                              "Den tidigare länken fungerar inte längre. Kontrollera innan du öppnar länken att den går till {site}. Om du tvivlar på meddelandet, öppna inte länken utan fråga din chef.\n"},
     {"Your link expires soon", "Hello {name}!\n\nYour link to the onboarding escape room expires on {expires}. Play before then:\n"
                               "{link}\n\nThe earlier link no longer works. Before you open the link, check that it goes to {site}. If you doubt this message, do not open the link: ask your manager.\n"}},
    /* no {name}: for a manager it is an account name ("sso:esko.esihenkilo"), not what they are called */
    {{"Viikkokooste: perehdytyksen pakopeli", "Hei!\n\nYksiköidesi tilanne:\n\n{summary}\n"
                                             "Katso henkilöt ja muistuta heitä HR-näkymässä:\n{dashboard}\n"},
     {"Veckosammandrag: introduktionens escape room", "Hej!\n\nLäget i dina enheter:\n\n{summary}\n"
                                                     "Se personerna och påminn dem i HR-vyn:\n{dashboard}\n"},
     {"Weekly summary: the onboarding escape room", "Hello!\n\nHow your units are doing:\n\n{summary}\n"
                                                   "See the people and remind them on the HR dashboard:\n{dashboard}\n"}},
};

static int index_of(const char *const *list, const char *v)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], v) == 0) return i;
    return -1;
}

void mail_default(const char *kind, const char *lang, const char **subject, const char **body)
{
    int k = index_of(mail_kinds, kind), l = index_of(mail_langs, lang);
    if (k < 0) k = 0;
    if (l < 0) l = 0;
    *subject = defaults[k][l][0];
    *body = defaults[k][l][1];
}

void mail_template(srv *s, const char *kind, const char *lang, char subject[MAIL_SUBJECT_MAX],
                   char body[MAIL_BODY_MAX], bool *edited)
{
    /* the read-only connection when there is one: HR reads them without waiting for a commit */
    *edited = db_template_get(s->hr_db ? s->hr_db : s->db, kind, lang, subject, MAIL_SUBJECT_MAX, body, MAIL_BODY_MAX) == DB_OK;
    if (*edited) return;
    const char *sj, *b;
    mail_default(kind, lang, &sj, &b);
    snprintf(subject, MAIL_SUBJECT_MAX, "%s", sj);
    snprintf(body, MAIL_BODY_MAX, "%s", b);
}

void mail_fill(const char *text, const char *const vars[][2], int nvars, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = text; *p && o + 1 < cap;) {
        bool done = false;
        if (*p == '{')
            for (int i = 0; i < nvars && !done; i++) {
                size_t n = strlen(vars[i][0]);
                if (strncmp(p + 1, vars[i][0], n) == 0 && p[1 + n] == '}') {
                    int w = snprintf(out + o, cap - o, "%s", vars[i][1]);
                    o = w < 0 ? o : (o + (size_t)w < cap ? o + (size_t)w : cap - 1);
                    p += n + 2;
                    done = true;
                }
            }
        if (!done) out[o++] = *p++;
    }
    out[o] = '\0';
}

/* ---- SMTP ------------------------------------------------------------------------------------------- */

static char smtp_password[256]; /* read once from smtp_password_file */

typedef struct upload {
    const char *data;
    size_t len, pos;
} upload;

static size_t read_cb(char *ptr, size_t size, size_t nmemb, void *user)
{
    upload *u = user;
    size_t n = size * nmemb, left = u->len - u->pos;
    if (n > left) n = left;
    memcpy(ptr, u->data + u->pos, n);
    u->pos += n;
    return n;
}

/* =?UTF-8?B?...?= for a header holding non-ASCII text (RFC 2047). */
static void encode_header(const char *text, char *out, size_t cap)
{
    bool ascii = true;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) ascii &= *p >= 32 && *p < 127;
    if (ascii) {
        snprintf(out, cap, "%s", text);
        return;
    }
    /* subjects are at most 3 * MAIL_SUBJECT_MAX bytes (three languages): base64 is 4/3 of that */
    char b64[MAIL_SUBJECT_MAX * 4 + 8];
    size_t n = strlen(text);
    if (n > MAIL_SUBJECT_MAX * 3 - 1) n = MAIL_SUBJECT_MAX * 3 - 1;
    sodium_bin2base64(b64, sizeof b64, (const unsigned char *)text, n, sodium_base64_VARIANT_ORIGINAL);
    if ((size_t)snprintf(out, cap, "=?UTF-8?B?%s?=", b64) >= cap) out[0] = '\0';
}

/* The whole message: headers, then the body in base64 lines (safe through any relay). */
static char *build_message(const srv *s, const char *rcpt, const char *subject, const char *body, size_t *len)
{
    char subj[MAIL_SUBJECT_MAX * 4 + 32], org[MAIL_SUBJECT_MAX * 4 + 32], date[64], id[AUTH_TOKEN_MAX];
    encode_header(subject, subj, sizeof subj);
    encode_header(s->cfg.org, org, sizeof org);
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    auth_random_token(id);
    const char *at = strchr(s->cfg.mail_from, '@');
    /* CRLF line ends for the body before encoding: a text/plain part is made of CRLF lines */
    size_t blen = strlen(body);
    char *crlf = malloc(blen * 2 + 3);
    if (!crlf) return NULL;
    size_t c = 0;
    for (size_t i = 0; i < blen; i++) {
        if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) crlf[c++] = '\r';
        crlf[c++] = body[i];
    }
    size_t b64cap = sodium_base64_ENCODED_LEN(c, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = malloc(b64cap);
    size_t cap = b64cap + b64cap / 76 * 2 + 2048;
    char *msg = malloc(cap);
    if (!b64 || !msg) {
        free(crlf);
        free(b64);
        free(msg);
        return NULL;
    }
    sodium_bin2base64(b64, b64cap, (const unsigned char *)crlf, c, sodium_base64_VARIANT_ORIGINAL);
    free(crlf);
    int n = snprintf(msg, cap,
                     "Date: %s\r\nFrom: %s <%s>\r\nTo: <%s>\r\nSubject: %s\r\nMessage-ID: <%s@%s>\r\n"
                     "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n",
                     date, org, s->cfg.mail_from, rcpt, subj, id, at ? at + 1 : "pakopeli");
    size_t o = n > 0 ? (size_t)n : 0;
    for (size_t i = 0, bl = strlen(b64); i < bl; i += 76) {
        size_t k = bl - i < 76 ? bl - i : 76;
        memcpy(msg + o, b64 + i, k);
        o += k;
        msg[o++] = '\r';
        msg[o++] = '\n';
    }
    msg[o] = '\0';
    free(b64);
    *len = o;
    return msg;
}

/* mail.h: what HR can do about a failed send, from libcurl's code and the relay's last reply. */
static const char *failure_kind(CURLcode rc, long smtp, const char *detail)
{
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
        return "unreachable";
    case CURLE_LOGIN_DENIED:
        return "login";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_USE_SSL_FAILED:
        return "tls";
    default:
        break;
    }
    /* libcurl says which command the relay refused ("RCPT failed: 550") */
    if (strncmp(detail, "RCPT failed", 11) == 0 && smtp >= 500 && smtp < 600) return "recipient";
    if (smtp >= 400 && smtp < 500) return "temporary";
    if (smtp >= 500 && smtp < 600) return "refused";
    return "other";
}

bool mail_send(const srv *s, const char *rcpt, const char *subject, const char *body, char *err, size_t cap,
               const char **kind)
{
    *kind = "";
    size_t len = 0;
    char *msg = build_message(s, rcpt, subject, body, &len);
    CURL *curl = curl_easy_init();
    if (!msg || !curl) {
        snprintf(err, cap, "out of memory");
        *kind = "other";
        free(msg);
        if (curl) curl_easy_cleanup(curl);
        return false;
    }
    char from[CFG_TEXT_MAX + 4], to[DB_EMAIL_MAX + 4], curl_err[CURL_ERROR_SIZE] = "";
    snprintf(from, sizeof from, "<%s>", s->cfg.mail_from);
    snprintf(to, sizeof to, "<%s>", rcpt);
    struct curl_slist *rcpts = curl_slist_append(NULL, to);
    upload u = {msg, len, 0};
    curl_easy_setopt(curl, CURLOPT_URL, s->cfg.smtp_url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    if (strncmp(s->cfg.smtp_url, "smtp://", 7) == 0 && s->cfg.smtp_starttls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL); /* STARTTLS or no mail at all */
    if (s->cfg.smtp_ca_file[0]) curl_easy_setopt(curl, CURLOPT_CAINFO, s->cfg.smtp_ca_file);
    if (s->cfg.smtp_user[0]) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, s->cfg.smtp_user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, smtp_password);
    }
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
    curl_easy_setopt(curl, CURLOPT_READDATA, &u);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_err);
    CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    if (rc != CURLE_OK) {
        snprintf(err, cap, "%s%s%s (SMTP %ld)", curl_easy_strerror(rc), curl_err[0] ? ": " : "", curl_err, code);
        *kind = failure_kind(rc, code, curl_err);
    }
    curl_slist_free_all(rcpts);
    curl_easy_cleanup(curl);
    free(msg);
    return rc == CURLE_OK;
}

/* ---- the queue ---------------------------------------------------------------------------------- */

db_rc mail_invitation(srv *s, const db_person *p, const char *token, int64_t now)
{
    if (!s->cfg.smtp_url[0] || !p->email[0]) return DB_OK;
    char dedup[64];
    snprintf(dedup, sizeof dedup, "invitation:%lld:%lld", (long long)p->id, (long long)p->expires);
    db_rc rc = db_mail_queue(s->db, p->id, 0, "invitation", dedup, p->email, token, now);
    return rc == DB_CONFLICT ? DB_OK : rc;
}

/* Queues a reminder with a fresh link for someone who has not started (the token is stored only
   as its hash, so the link of the invitation cannot be sent again), in one transaction. */
static db_rc queue_with_link(srv *s, const db_person *p, const char *reason, const char *dedup, int64_t now)
{
    char token[AUTH_TOKEN_MAX], hash[AUTH_HASH_MAX];
    auth_random_token(token);
    auth_token_hash(token, hash);
    if (!db_begin(s->db)) return DB_ERROR;
    db_rc rc = db_mail_queue(s->db, p->id, 0, reason, dedup, p->email, token, now);
    if (rc == DB_OK) rc = db_person_set_token(s->db, p->id, hash, p->expires, now);
    if (rc != DB_OK) {
        db_rollback(s->db);
        return rc;
    }
    return db_commit(s->db) ? DB_OK : DB_ERROR;
}

db_rc mail_remind(srv *s, const db_person *p, int64_t now)
{
    char dedup[64], day[16];
    time_t t = (time_t)(now / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    snprintf(dedup, sizeof dedup, "manual:%lld:%s", (long long)p->id, day);
    if (!p->started) return queue_with_link(s, p, "manual", dedup, now);
    return db_mail_queue(s->db, p->id, 0, "manual", dedup, p->email, NULL, now);
}

typedef struct due_ctx {
    srv *s;
    const char *kind;
    int64_t now;
    int queued;
} due_ctx;

static void due_person(void *user, int64_t id)
{
    due_ctx *x = user;
    db_person p;
    if (db_person_get(x->s->db, id, x->now, &p) != DB_OK) return;
    char dedup[64];
    /* once per person for each reason; the expiry warning once per link (a new link from HR
       expires on another day and gets its own warning) */
    if (strcmp(x->kind, "expiring") == 0)
        snprintf(dedup, sizeof dedup, "%s:%lld:%lld", x->kind, (long long)id, (long long)p.expires);
    else snprintf(dedup, sizeof dedup, "%s:%lld", x->kind, (long long)id);
    db_rc rc = strcmp(x->kind, "not_finished") == 0
                   ? db_mail_queue(x->s->db, id, 0, x->kind, dedup, p.email, NULL, x->now)
                   : queue_with_link(x->s, &p, x->kind, dedup, x->now);
    if (rc == DB_OK) x->queued++;
}

typedef struct manager_ctx {
    int64_t ids[256];
    char emails[256][DB_EMAIL_MAX];
    int n;
} manager_ctx;

static void manager_row(void *user, int64_t id, const char *name, const char *email)
{
    (void)name;
    manager_ctx *m = user;
    if (m->n >= 256) return;
    m->ids[m->n] = id;
    snprintf(m->emails[m->n++], DB_EMAIL_MAX, "%s", email);
}

/* Automatic reminders and the weekly summaries that are due now. */
static void schedule(srv *s, int64_t now)
{
    static const struct { const char *kind; size_t off; bool ahead; } kinds[] = {
        {"not_started", offsetof(cfg, remind_not_started_days), false},
        {"not_finished", offsetof(cfg, remind_not_finished_days), false},
        {"expiring", offsetof(cfg, remind_expiry_days), true}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        int days = *(const int *)((const char *)&s->cfg + kinds[i].off);
        if (days <= 0) continue;
        due_ctx x = {s, kinds[i].kind, now, 0};
        int64_t edge = (int64_t)days * 86400000;
        db_mail_due(s->db, kinds[i].kind, now, kinds[i].ahead ? now + edge : now - edge, due_person, &x);
    }
    if (!s->cfg.manager_summary) return;
    manager_ctx *m = calloc(1, sizeof *m);
    if (!m) return;
    db_managers(s->db, manager_row, m);
    char week[16];
    time_t t = (time_t)(now / 1000);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(week, sizeof week, "%G-W%V", &tm);
    for (int i = 0; i < m->n; i++) {
        char dedup[64];
        snprintf(dedup, sizeof dedup, "summary:%lld:%s", (long long)m->ids[i], week);
        db_mail_queue(s->db, 0, m->ids[i], "summary", dedup, m->emails[i], NULL, now);
    }
    free(m);
}

typedef struct summary_ctx {
    char *out;
    size_t cap, len;
    const char *lang;
} summary_ctx;

static void summary_row(void *user, const db_rate_row *r)
{
    summary_ctx *x = user;
    static const char *const fmt[] = {"- %s: %d/%d suorittanut (%d %%), %d myöhässä\n",
                                      "- %s: %d/%d har spelat klart (%d %%), %d försenade\n",
                                      "- %s: %d of %d completed (%d %%), %d overdue\n"};
    int l = index_of(mail_langs, x->lang);
    int n = snprintf(x->out + x->len, x->cap - x->len, fmt[l < 0 ? 0 : l], r->key, r->completed, r->total,
                     r->total ? r->completed * 100 / r->total : 0, r->overdue);
    if (n > 0 && x->len + (size_t)n < x->cap) x->len += (size_t)n;
}

/* Renders one mail in the configured languages (one after another, subjects joined by " / "). */
static bool render(srv *s, const db_mail *m, int64_t now, char *subject, size_t scap, char *body, size_t bcap)
{
    db_person p = {0};
    char name[DB_NAME_MAX] = "", unit[DB_UNIT_MAX] = "";
    const char *kind = m->reason;
    if (m->person_id) {
        if (db_person_get(s->db, m->person_id, now, &p) != DB_OK) return false;
        snprintf(name, sizeof name, "%s", p.name);
        snprintf(unit, sizeof unit, "%s", p.unit);
        if (strcmp(kind, "manual") == 0) kind = m->secret[0] ? "not_started" : "not_finished";
    } else {
        snprintf(name, sizeof name, "%s", m->name); /* the manager's account name */
    }
    char link[CFG_PATH_MAX + DB_MAIL_SECRET_MAX + 8] = "", expires[32] = "", dashboard[CFG_PATH_MAX + 8];
    snprintf(dashboard, sizeof dashboard, "%s/hr/", s->cfg.public_url);
    /* {site}: the host the links go to, which a careful reader checks before opening one (what
       the game's security room teaches about links in e-mail) */
    char site[CFG_PATH_MAX];
    const char *host = strstr(s->cfg.public_url, "://");
    snprintf(site, sizeof site, "%s", host ? host + 3 : s->cfg.public_url);
    site[strcspn(site, "/")] = '\0';
    if (m->secret[0]) snprintf(link, sizeof link, "%s/#t=%s", s->cfg.public_url, m->secret);
    if (p.expires) {
        time_t t = (time_t)(p.expires / 1000);
        struct tm tm;
        localtime_r(&t, &tm);
        snprintf(expires, sizeof expires, "%d.%d.%d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
    }
    char langs[16];
    snprintf(langs, sizeof langs, "%s", s->cfg.mail_langs);
    subject[0] = body[0] = '\0';
    size_t so = 0, bo = 0;
    char *save = NULL;
    for (char *l = strtok_r(langs, ",", &save); l; l = strtok_r(NULL, ",", &save)) {
        char tsub[MAIL_SUBJECT_MAX], tbody[MAIL_BODY_MAX], summary[4096] = "";
        bool edited;
        mail_template(s, kind, l, tsub, tbody, &edited);
        if (m->user_id) {
            db_filter f = {.scope = m->user_id};
            time_t t = (time_t)(now / 1000) - (time_t)s->cfg.overdue_days * 86400;
            struct tm tm;
            localtime_r(&t, &tm);
            strftime(f.overdue, sizeof f.overdue, "%Y-%m-%d", &tm);
            summary_ctx sx = {summary, sizeof summary, 0, l};
            db_report_units(s->db, &f, now, summary_row, &sx);
        }
        const char *const vars[][2] = {{"name", name},       {"link", link},       {"org", s->cfg.org},       {"expires", expires},
                                       {"unit", unit},       {"summary", summary}, {"dashboard", dashboard},
                                       {"site", site}};
        char fs[MAIL_SUBJECT_MAX], fb[MAIL_BODY_MAX];
        mail_fill(tsub, vars, 8, fs, sizeof fs);
        mail_fill(tbody, vars, 8, fb, sizeof fb);
        int n = snprintf(subject + so, scap - so, "%s%s", so ? " / " : "", fs);
        if (n > 0 && so + (size_t)n < scap) so += (size_t)n;
        n = snprintf(body + bo, bcap - bo, "%s%s", bo ? "\n----------------------------------------\n\n" : "", fb);
        if (n > 0 && bo + (size_t)n < bcap) bo += (size_t)n;
    }
    return true;
}

/* Sends what is due, one at a time, until the queue has nothing due or the server stops. */
static void send_due(srv *s, volatile bool *stop)
{
    char *subject = malloc(MAIL_SUBJECT_MAX * 3), *body = malloc(MAIL_BODY_MAX * 3);
    while (subject && body && !*stop) {
        int64_t now = srv_now(s);
        db_mail m;
        if (db_mail_next(s->db, now, &m) != DB_OK) break;
        char err[DB_MAIL_ERROR_MAX];
        if (!render(s, &m, now, subject, MAIL_SUBJECT_MAX * 3, body, MAIL_BODY_MAX * 3)) {
            db_mail_failed(s->db, m.id, "gone", "the recipient is no longer in the database", 0, true);
            continue;
        }
        const char *kind = "";
        if (mail_send(s, m.rcpt, subject, body, err, sizeof err, &kind)) {
            db_mail_sent(s->db, m.id, srv_now(s));
            continue;
        }
        bool final = m.attempts + 1 >= s->cfg.mail_attempts;
        int64_t pause = (int64_t)s->cfg.mail_retry_seconds * 1000 << (m.attempts < 16 ? m.attempts : 16);
        db_mail_failed(s->db, m.id, kind, err, now + pause, final);
        fprintf(stderr, "pakopeli-server: mail #%lld to person %lld: %s%s\n", (long long)m.id, (long long)m.person_id,
                err, final ? " (gave up)" : " (will retry)");
    }
    free(subject);
    free(body);
}

/* ---- the sender thread ------------------------------------------------------------------------------- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static volatile bool stopping, woken, running;
static pthread_t thread;

void mail_pass(srv *s)
{
    static volatile bool never;
    schedule(s, srv_now(s));
    send_due(s, running ? &stopping : &never);
}

static void *sender(void *arg)
{
    srv *s = arg;
    pthread_mutex_lock(&lock);
    while (!stopping) {
        pthread_mutex_unlock(&lock);
        mail_pass(s);
        pthread_mutex_lock(&lock);
        if (stopping) break;
        if (!woken) {
            struct timespec until;
            clock_gettime(CLOCK_REALTIME, &until);
            until.tv_sec += s->cfg.mail_poll_seconds;
            pthread_cond_timedwait(&cond, &lock, &until);
        }
        woken = false;
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

void mail_wake(void)
{
    pthread_mutex_lock(&lock);
    woken = true;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
}

bool mail_configure(srv *s, char *err, size_t cap)
{
    const cfg *c = &s->cfg;
    if (!c->smtp_url[0]) return true;
    if (!c->mail_from[0] || !strchr(c->mail_from, '@')) {
        snprintf(err, cap, "mail_from: e-mail needs the sender's address (smtp_url is set)");
        return false;
    }
    if (!c->public_url[0]) {
        snprintf(err, cap, "public_url: e-mail needs the game's address for the links (e.g. https://pakopeli.example.fi)");
        return false;
    }
    if (c->smtp_password_file[0]) {
        FILE *f = fopen(c->smtp_password_file, "r");
        if (!f || !fgets(smtp_password, sizeof smtp_password, f)) {
            snprintf(err, cap, "smtp_password_file: cannot read %s", c->smtp_password_file);
            if (f) fclose(f);
            return false;
        }
        fclose(f);
        smtp_password[strcspn(smtp_password, "\r\n")] = '\0';
    } else if (c->smtp_user[0]) {
        snprintf(err, cap, "smtp_password_file: smtp_user is set but no password file");
        return false;
    }
    return true;
}

bool mail_start(srv *s)
{
    if (!s->cfg.smtp_url[0]) return true;
    stopping = false;
    running = pthread_create(&thread, NULL, sender, s) == 0;
    return running;
}

void mail_stop(srv *s)
{
    (void)s;
    if (!running) return;
    pthread_mutex_lock(&lock);
    stopping = true;
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
    pthread_join(thread, NULL);
    running = false;
}
