/* mail.h - e-mail to players and managers: templates in fi/sv/en that HR can edit, a queue in
 * the database, and one sender thread that speaks SMTP through libcurl (STARTTLS and
 * authentication as configured).
 *
 * Nothing is sent from a request: handlers queue (mail_invitation, mail_remind) and the thread
 * sends, retries with a growing pause, and marks a mail failed after mail_attempts tries. Each
 * mail has a dedup key (reason + person, e.g. "not_started:12"), unique in the table, so a
 * person never gets the same reminder twice, even across restarts.
 *
 *   mail_start(s);      // after the database is open; no-op when smtp_url is ""
 *   mail_invitation(s, &person, token, now);
 *   mail_stop(s);
 */
#ifndef PK_MAIL_H
#define PK_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct srv;

enum { MAIL_SUBJECT_MAX = 256, MAIL_BODY_MAX = 8192 };

/* The kinds of mail, each with a template per language. */
extern const char *const mail_kinds[];   /* NULL-terminated */
extern const char *const mail_langs[];   /* "fi", "sv", "en", NULL */

/* Checks the mail settings; false with a message naming the setting. Reads the password file. */
bool mail_configure(struct srv *s, char *err, size_t cap);
/* Starts and stops the sender thread (no-op when e-mail is off). */
bool mail_start(struct srv *s);
void mail_stop(struct srv *s);
/* Wakes the sender (something was queued). */
void mail_wake(void);

/* Queues the invitation of a person who has an e-mail address (the token is their link).
   DB_OK also when e-mail is off or the person has no address (nothing to do). */
db_rc mail_invitation(struct srv *s, const db_person *p, const char *token, int64_t now);
/* Queues a reminder now (HR or a manager asked): once a day per person at most; a person who has
   not started gets a fresh link. DB_CONFLICT when already reminded today. */
db_rc mail_remind(struct srv *s, const db_person *p, int64_t now);
/* One pass of the sender: queues the due automatic reminders and summaries, then sends what is
   due. Called by the thread; tests and `pakopeli-server mail` may call it directly. */
void mail_pass(struct srv *s);

/* The subject and body of a kind in a language: HR's edited template, else the default. */
void mail_template(struct srv *s, const char *kind, const char *lang, char subject[MAIL_SUBJECT_MAX],
                   char body[MAIL_BODY_MAX], bool *edited);
/* The default template (for the dashboard's "restore"). */
void mail_default(const char *kind, const char *lang, const char **subject, const char **body);
/* Replaces {name} {link} {org} {expires} {unit} {summary} in text. */
void mail_fill(const char *text, const char *const vars[][2], int nvars, char *out, size_t cap);

/* Sends one message over SMTP; false with the server's answer or libcurl's reason in err, and
   in *kind what the dashboard tells HR to do about it (translated there; err is the detail):
   "recipient" the relay refused the address (5xx to RCPT TO), "temporary" it asked to try later
   (4xx), "refused" it refused the message otherwise, "unreachable" no answer (name, connection,
   time-out), "login" the sign-in was refused, "tls" the secure connection failed (certificate,
   STARTTLS), "other" anything else. */
bool mail_send(const struct srv *s, const char *rcpt, const char *subject, const char *body, char *err,
               size_t cap, const char **kind);

#endif
