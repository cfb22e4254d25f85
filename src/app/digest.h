/* app/digest: the inbox as an e-mail digest (issue 12 §5, docs/cycle.md "Inbox and digests"),
 * off by default. For every enabled account with an e-mail address whose inbox is not empty
 * and that had no digest in the last interval days: a message in Chinese with the English
 * beside it (the subject RFC 2047-encoded, the body UTF-8 in base64, util/mail) listing its
 * items, handed to the intranet SMTP server (util/smtp, libcurl) with a timeout per message,
 * at most max per run, and a row in digest_log for each (sent, or failed with the reason), so
 * that an account gets one digest a day at most. */
#ifndef BF_APP_DIGEST_H
#define BF_APP_DIGEST_H
#include "app/app.h"
#include "core/registry.h"
#include "util/date.h"
#include <stdatomic.h>

struct digest_opts {
	const struct app_server_config *cfg; /* smtp_url, mail_from, smtp_user, smtp_timeout,
					      * digest_interval, digest_max, inbox_due_days,
					      * end_window */
	const char *password;  /* the SMTP password (read from smtp_password_file), or NULL */
	bf_day today;
	bool dry_run;          /* compose and report, send and log nothing */
	/* The server's round (http/digest_timer): the findings come from app/snapshot, held
	 * only while an account's message is composed, never while it is sent (a send may take
	 * smtp_timeout seconds, and the server's writers wait for the snapshot's readers). */
	bool snapshot;
	const atomic_bool *stop; /* set by another thread: the run ends before the next account */
};

/* What happened to one account's digest, for the caller to print or log. */
struct digest_event {
	const char *account, *email;
	const char *status;    /* "sent", "failed", "dry-run", "empty", "recent", "deferred" */
	const char *subject;   /* the subject as text (sent, failed, dry-run) */
	const char *text;      /* the body as text (dry-run) */
	long items;            /* the inbox's items */
	const char *reason;    /* why it failed or was skipped */
};
typedef void (*digest_event_fn)(void *ctx, const struct digest_event *e);

struct digest_result {
	long accounts, sent, failed, dry_run, empty, recent, deferred;
	bool stopped;          /* o->stop ended the run before its last account */
};

/* Runs one round of digests as of o->today; reg (NULL: no findings, unless o->snapshot) gives
 * the findings. fn is called for every account. BF_EINPUT when no SMTP server is set (and not a dry run);
 * a failed message does not stop the run (it is counted, logged and reported). */
enum bf_status digest_run(struct app *app, const struct registry *reg,
			  const struct digest_opts *o, digest_event_fn fn, void *ctx,
			  struct digest_result *res, struct bf_err *err);

/* Reads the SMTP password: the first line of path, into out (n bytes); "" when path is
 * empty. */
enum bf_status digest_read_password(const char *path, char *out, size_t n, struct bf_err *err);

#endif
