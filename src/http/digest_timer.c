/* digest_timer: the server's daily digest round; see digest_timer.h. Only the main thread
 * calls the three functions; the round's thread shares with it nothing but the two flags. */
#include "http/digest_timer.h"
#include "app/digest.h"
#include "util/date.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define LOGGED_FAILURES 20 /* failure lines a round logs (digest_log keeps every one) */

static const struct app_server_config *config;
static digest_timer_log_fn *logger;
static bool on;
static int at_minute;          /* digest_time as minutes after midnight */
static bool ran;               /* a round was started on last_day */
static bf_day last_day;
static pthread_t thread;
static bool started;           /* thread is running or not yet joined */
static atomic_bool finished;   /* the round's thread has returned */
static atomic_bool stopping;   /* the server stops: end the round early */

struct round {
	bf_day day;
	long failures;             /* failure lines logged */
};
static struct round the_round; /* the one round at a time, its thread's */

/* The URL as it may be logged: without a user:password@ part. */
static void url_shown(const char *url, char *out, size_t n)
{
	const char *host = strstr(url, "://"), *at, *slash;

	host = host ? host + 3 : url;
	at = strchr(host, '@');
	slash = strchr(host, '/');
	if (at && (!slash || at < slash))
		snprintf(out, n, "%.*s***@%s", (int)(host - url), url, at + 1);
	else
		snprintf(out, n, "%s", url);
}

void digest_timer_init(const struct app_server_config *cfg, digest_timer_log_fn *log)
{
	char why[600], url[300], password[1024];
	struct bf_err err;
	int h, m;

	config = cfg;
	logger = log;
	if (!cfg->digest_time[0])
		return;
	if (sscanf(cfg->digest_time, "%2d:%2d", &h, &m) != 2) /* cmd_serve checked it */
		return;
	at_minute = h * 60 + m;
	on = cfg->smtp_url[0] != '\0';
	url_shown(cfg->smtp_url, url, sizeof url);
	if (on)
		snprintf(why, sizeof why, "a digest round every day at or after %s (local time) "
			 "through %s", cfg->digest_time, url);
	else
		snprintf(why, sizeof why, "--digest-time %s is set but no --smtp-url: the server "
			 "sends no digests", cfg->digest_time);
	logger("digest_round", NULL, why);
	/* a password file that cannot be read fails every round: said now, not at the round */
	bf_err_init(&err);
	if (on && digest_read_password(cfg->smtp_password_file, password, sizeof password, &err)) {
		snprintf(why, sizeof why, "--smtp-password-file: %s; no digest will be sent until "
			 "it can be read; fix it, then restart the server", bf_err_msg(&err));
		logger("digest_failed", NULL, why);
	}
	memset(password, 0, sizeof password);
	bf_err_release(&err);
}

/* A round that could not run at all: what failed, and what the operator can do. */
static void log_round_failed(const struct round *r, const struct bf_err *err)
{
	char day[11], why[600];

	date_format(r->day, day);
	snprintf(why, sizeof why, "the digests of %s were not sent: %s; fix it, then restart the "
		 "server or run `bangfu digest send`", day, bf_err_msg(err));
	logger("digest_failed", NULL, why);
}

static void on_account(void *ctx, const struct digest_event *e)
{
	struct round *r = ctx;
	char why[600];

	if (strcmp(e->status, "failed") || r->failures++ >= LOGGED_FAILURES)
		return;
	snprintf(why, sizeof why, "%s <%s>: not sent: %s", e->account, e->email, e->reason);
	logger("digest_failed", NULL, why);
}

static void log_outcome(const struct round *r, const struct digest_result *res)
{
	char day[11], why[400];

	date_format(r->day, day);
	snprintf(why, sizeof why, "the digests of %s: %ld sent, %ld failed, %ld deferred, %ld with "
		 "nothing to do, %ld had theirs lately (%ld account%s with an e-mail address%s)%s%s",
		 day, res->sent, res->failed, res->deferred, res->empty, res->recent, res->accounts,
		 res->accounts == 1 ? "" : "s", res->stopped ? " so far" : "",
		 r->failures > LOGGED_FAILURES ? "; the failures past the first 20 are in digest_log"
					       : "",
		 res->stopped ? "; the server stopped before the round's end: the rest wait for "
				"the next round" : "");
	logger("digest_round", NULL, why);
}

/* One round, with its own connection; the registry for the findings is the server's
 * snapshot (digest_opts.snapshot). */
static void *run(void *p)
{
	struct round *r = p;
	struct digest_opts o = { config, NULL, r->day, false, true, &stopping };
	struct digest_result res;
	struct app *a = NULL;
	struct bf_err err;
	char password[1024];

	bf_err_init(&err);
	if (digest_read_password(config->smtp_password_file, password, sizeof password, &err) ||
	    app_open(config->db, false, &a, &err)) {
		log_round_failed(r, &err);
		goto out;
	}
	o.password = password;
	if (digest_run(a, NULL, &o, on_account, r, &res, &err))
		log_round_failed(r, &err);
	else
		log_outcome(r, &res);
out:
	memset(password, 0, sizeof password);
	app_close(a);
	bf_err_release(&err);
	atomic_store(&finished, true);
	return NULL;
}

static void start(bf_day today)
{
	ran = true;
	last_day = today; /* even if the thread fails: not again every tick */
	the_round = (struct round){ today, 0 };
	atomic_store(&finished, false);
	started = pthread_create(&thread, NULL, run, &the_round) == 0;
	if (!started)
		logger("digest_failed", NULL, "cannot start the digest round's thread");
}

void digest_timer_tick(void)
{
	time_t now;
	struct tm tm;
	bf_day today;

	if (!on)
		return;
	if (started && atomic_load(&finished)) {
		pthread_join(thread, NULL);
		started = false;
	}
	if (started)
		return;
	now = time(NULL);
	localtime_r(&now, &tm);
	today = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if ((!ran || today != last_day) && tm.tm_hour * 60 + tm.tm_min >= at_minute)
		start(today);
}

void digest_timer_cancel(void)
{
	atomic_store(&stopping, true);
}

bool digest_timer_done(void)
{
	if (started && !atomic_load(&finished))
		return false;
	if (started)
		pthread_join(thread, NULL);
	started = false;
	return true;
}
