/* digest_timer: the server's daily round of e-mail digests (--digest-time HH:MM, docs/cycle.md
 * "Inbox and digests"). The main thread's chore loop asks it every tick; once a day, at or
 * after that local time, it starts one round (app/digest) on a thread of its own with its own
 * app handle, so that a slow mail server (--smtp-timeout per message) holds up neither the
 * chores (the access log, the connection deadlines, the signals) nor a request. It remembers
 * the day of its last round; digest_log keeps an account to one digest per interval across
 * restarts. Each round's outcome, and each failure with its reason, is a line of the log. */
#ifndef BF_HTTP_DIGEST_TIMER_H
#define BF_HTTP_DIGEST_TIMER_H
#include "app/app.h"

/* event: "digest_round", "digest_failed"; reason: a sentence. */
typedef void digest_timer_log_fn(const char *event, const char *address, const char *reason);

/* Off unless cfg->digest_time and cfg->smtp_url are both set (logged either way when
 * digest_time is). cfg must outlive the timer. */
void digest_timer_init(const struct app_server_config *cfg, digest_timer_log_fn *log);
/* From the main thread, every tick: reaps a finished round, starts the day's when it is due. */
void digest_timer_tick(void);
/* At stop: a round in progress gives up its current message (within about a second) and ends. */
void digest_timer_cancel(void);
/* After digest_timer_cancel: true once no round runs (joined), false while one still ends. */
bool digest_timer_done(void);
#endif
