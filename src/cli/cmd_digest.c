/* cmd_digest: `bangfu digest send [--dry-run]`: each account's inbox as an e-mail digest,
 * once (for cron; or the server sends them, bangfu serve --digest-time). The
 * settings are the server's (flags, BANGFU_* environment, --config FILE). Prints what it sent,
 * and every failure with its reason. */
#include "app/digest.h"
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
	fprintf(f, "usage: bangfu [--db PATH] digest send [--dry-run] [--as-of DATE] [--config FILE]\n"
		   "                                  [--SETTING VALUE]...\n\n"
		   "邮件提醒。Sends each account with an e-mail address (bangfu user email NAME ADDRESS)\n"
		   "its inbox as one e-mail in Chinese with English: the reports due, overdue or returned,\n"
		   "the reports waiting for the office, the commitments overdue, the deliveries waiting\n"
		   "for confirmation, the terms ending without a successor, the rule findings about its\n"
		   "groups. An account whose inbox is empty gets nothing; one that had its digest within\n"
		   "--digest-interval days gets nothing (one a day at most: each digest is logged). At\n"
		   "most --digest-max are sent a run; the rest wait for the next. Each message has\n"
		   "--smtp-timeout seconds. Prints a line per account; a failure names its reason (also\n"
		   "on standard error) and makes the exit status 1. Off by default: without --smtp-url\n"
		   "nothing is sent. Run it from cron (e.g. daily at 07:30: 30 7 * * * bangfu digest\n"
		   "send), or let the server send them (bangfu serve --digest-time 07:30): one or the\n"
		   "other.\n\n"
		   "  --dry-run              compose and print the messages; send and log nothing\n"
		   "  --as-of DATE           the day the inbox is judged on (default today)\n"
		   "  --config FILE          a file of settings (as for bangfu serve)\n\n"
		   "Settings (flag, environment, or `name = value` in FILE):\n");
	cli_server_settings_help(f, "smtp");
}

struct printer {
	struct cli *c;
	bool dry;
};

static void event(void *ctx, const struct digest_event *e)
{
	struct printer *p = ctx;
	FILE *o = p->c->out;

	if (!strcmp(e->status, "sent") || !strcmp(e->status, "dry-run")) {
		fprintf(o, "%-8s %s <%s>: %ld item%s: %s\n", e->status, e->account, e->email,
			e->items, e->items == 1 ? "" : "s", e->subject);
		if (e->text) {
			for (const char *l = e->text; *l;) {
				size_t n = strcspn(l, "\n");
				fprintf(o, "    %.*s\n", (int)n, l);
				l += n + (l[n] == '\n');
			}
		}
	} else if (!strcmp(e->status, "failed")) {
		fprintf(o, "failed   %s <%s>: %s\n", e->account, e->email, e->reason);
		fprintf(p->c->err, "bangfu digest: %s <%s>: not sent: %s\n", e->account, e->email,
			e->reason);
	} else if (!strcmp(e->status, "empty")) {
		fprintf(o, "skipped  %s <%s>: nothing to do\n", e->account, e->email);
	} else {
		fprintf(o, "skipped  %s <%s>: %s\n", e->account, e->email, e->reason);
	}
}

int cmd_digest(struct cli *c, int argc, char **argv)
{
	static const char *const own[] = { "--dry-run", "--as-of=", NULL };
	struct app_server_config cfg;
	struct digest_opts o = { &cfg, NULL, date_today(), false, false, NULL };
	struct digest_result r;
	struct printer pr = { c, false };
	struct registry reg;
	struct app *a = NULL;
	struct bf_err err;
	char password[1024];
	bool loaded = false;
	int rc;

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			help(c->out);
			return 0;
		}
	if (argc < 2 || strcmp(argv[1], "send") != 0)
		return cli_usage_error(c, "digest", "say send (bangfu digest send [--dry-run])");
	if ((rc = cli_server_settings(c, "digest", argc - 1, argv + 1, &cfg, own)))
		return rc;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--dry-run"))
			o.dry_run = pr.dry = true;
		else if (!strcmp(argv[i], "--as-of") && (i + 1 >= argc || !cli_parse_day(argv[++i], &o.today)))
			return cli_usage_error(c, "digest", "--as-of needs a date YYYY-MM-DD or today");
	}
	bf_err_init(&err);
	if (digest_read_password(cfg.smtp_password_file, password, sizeof password, &err) ||
	    app_open(c->db, false, &a, &err) || app_load(a, &reg, &err)) {
		rc = cli_fail(c, &err);
		goto out;
	}
	loaded = true;
	o.password = password;
	if (digest_run(a, &reg, &o, event, &pr, &r, &err)) {
		rc = cli_fail(c, &err);
		goto out;
	}
	fprintf(c->out, "digests: %ld %s, %ld failed, %ld deferred, %ld with nothing to do, %ld "
			"had theirs lately (%ld account%s with an e-mail address)\n",
		o.dry_run ? r.dry_run : r.sent, o.dry_run ? "composed (dry run)" : "sent", r.failed,
		r.deferred, r.empty, r.recent, r.accounts, r.accounts == 1 ? "" : "s");
	rc = r.failed ? 1 : 0;
out:
	memset(password, 0, sizeof password);
	if (loaded)
		registry_release(&reg);
	app_close(a);
	bf_err_release(&err);
	return rc;
}
