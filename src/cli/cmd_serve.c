/* cmd_serve: `bangfu serve`: the JSON API. Its settings are rows of one table, each settable
 * by flag (--name), environment (BANGFU_NAME) or a config file (name = value), in rising
 * priority: default, file, environment, flag. The server itself is the function main.c hands
 * over with cli_set_server (the HTTP layer): the CLI never includes it. */
#include "app/app.h"
#include "app/audit.h"
#include "app/auth.h"
#include "cli/cli.h"
#include "util/date.h"
#include "util/fileio.h"
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct setting {
	const char *name, *env;
	bool text;
	size_t offset;
	const char *def;
	long min, max; /* a text setting: max is its buffer's size (0: 128) */
	const char *help;
};

static app_server_fn server;

void cli_set_server(app_server_fn fn)
{
	server = fn;
}

static bool valid_time(const char *v)
{
	return strlen(v) == 5 && v[0] >= '0' && v[0] <= '2' && v[1] >= '0' && v[1] <= '9' &&
	       v[2] == ':' && v[3] >= '0' && v[3] <= '5' && v[4] >= '0' && v[4] <= '9' &&
	       (v[0] - '0') * 10 + (v[1] - '0') < 24;
}

/* An address for a mail's header and envelope: no spaces, brackets or line breaks. */
static bool valid_address(const char *v)
{
	const char *at = strchr(v, '@');
	return at && at > v && at[1] && !strchr(at + 1, '@') && !v[strcspn(v, " <>\"\t\r\n,;")];
}

static const struct setting settings[] = {
	{ "listen", "BANGFU_LISTEN", true, offsetof(struct app_server_config, listen), "127.0.0.1:8080",
	  0, 0, "address and port to listen on" },
	{ "threads", "BANGFU_THREADS", false, offsetof(struct app_server_config, threads), "0", 0, 256,
	  "worker threads (0: one per core)" },
	{ "session-idle", "BANGFU_SESSION_IDLE", false, offsetof(struct app_server_config, session_idle),
	  "1800", 1, 86400, "seconds a session may stay unused" },
	{ "session-max", "BANGFU_SESSION_MAX", false, offsetof(struct app_server_config, session_max),
	  "43200", 1, 2592000, "seconds a session lasts at most" },
	{ "body-limit", "BANGFU_BODY_LIMIT", false, offsetof(struct app_server_config, body_limit),
	  "10485760", 1024, 1073741824, "largest request body in bytes" },
	{ "behind-https", "BANGFU_BEHIND_HTTPS", false, offsetof(struct app_server_config, behind_https),
	  "0", 0, 1, "1 behind a TLS proxy: Secure, __Host- cookies, HSTS" },
	{ "request-timeout", "BANGFU_REQUEST_TIMEOUT", false,
	  offsetof(struct app_server_config, request_timeout), "10", 1, 3600,
	  "seconds for a request's headers to arrive (its body then at 64 KiB/s or more); an "
	  "idle connection closes after it too" },
	{ "max-connections", "BANGFU_MAX_CONNECTIONS", false,
	  offsetof(struct app_server_config, max_connections), "4096", 16, 1000000,
	  "connections at once, in all" },
	{ "per-address", "BANGFU_PER_ADDRESS", false, offsetof(struct app_server_config, per_address),
	  "64", 1, 1000000, "connections at once from one address (raise it behind a proxy)" },
	{ "sessions-per-account", "BANGFU_SESSIONS_PER_ACCOUNT", false,
	  offsetof(struct app_server_config, sessions_per_account), "10", 1, 1000,
	  "sessions one account may have; signing in again ends the oldest" },
	{ "answer-cache", "BANGFU_ANSWER_CACHE", false,
	  offsetof(struct app_server_config, answer_cache), "67108864", 0, 17179869184,
	  "bytes of list answers kept in memory for reuse" },
	{ "end-window", "BANGFU_END_WINDOW", false, offsetof(struct app_server_config, end_window),
	  "90", 0, 3650, "days before a round's end in which a term needs no successor" },
	{ "rotation-window", "BANGFU_ROTATION_WINDOW", false,
	  offsetof(struct app_server_config, rotation_window), "90", 0, 3650,
	  "days before a cadre's term ends in which the cadres page offers its unit to name a "
	  "successor (docs/rotations.md)" },
	{ "audit-head-seconds", "BANGFU_AUDIT_HEAD_SECONDS", false,
	  offsetof(struct app_server_config, audit_head_seconds), "900", 1, 86400,
	  "log the audit trail's head this often" },
	{ "attachment-max", "BANGFU_ATTACHMENT_MAX", false,
	  offsetof(struct app_server_config, attachment_max), "8388608", 1024, 1073741824,
	  "largest attachment of a group report in bytes (413 past it)" },
	{ "report-attachments-max", "BANGFU_REPORT_ATTACHMENTS_MAX", false,
	  offsetof(struct app_server_config, report_attachments_max), "33554432", 1024,
	  17179869184, "bytes of attachments one group report may hold in all" },
	{ "inbox-due-days", "BANGFU_INBOX_DUE_DAYS", false,
	  offsetof(struct app_server_config, inbox_due_days), "14", 0, 366,
	  "days before its due day a report is in the lead unit's inbox" },
	{ "smtp-url", "BANGFU_SMTP_URL", true, offsetof(struct app_server_config, smtp_url), "", 0,
	  256, "the intranet mail server, smtp://HOST:PORT or smtps://HOST:PORT; empty: no "
	  "e-mail digests" },
	{ "mail-from", "BANGFU_MAIL_FROM", true, offsetof(struct app_server_config, mail_from),
	  "bangfu@localhost", 0, 256, "the digests' sender address" },
	{ "smtp-user", "BANGFU_SMTP_USER", true, offsetof(struct app_server_config, smtp_user), "",
	  0, 128, "SMTP login name, if the mail server asks for one" },
	{ "smtp-password-file", "BANGFU_SMTP_PASSWORD_FILE", true,
	  offsetof(struct app_server_config, smtp_password_file), "", 0, 256,
	  "a file whose first line is the SMTP password (never on the command line)" },
	{ "smtp-timeout", "BANGFU_SMTP_TIMEOUT", false,
	  offsetof(struct app_server_config, smtp_timeout), "30", 1, 600,
	  "seconds one message may take to send" },
	{ "digest-time", "BANGFU_DIGEST_TIME", true, offsetof(struct app_server_config, digest_time),
	  "", 0, 8, "HH:MM local time: bangfu serve sends the day's digests once a day at or "
	  "after it (with --smtp-url); empty: it sends none (`bangfu digest send` from cron)" },
	{ "digest-interval", "BANGFU_DIGEST_INTERVAL", false,
	  offsetof(struct app_server_config, digest_interval), "1", 1, 31,
	  "days between two digests to one account (1: daily, 7: weekly)" },
	{ "digest-max", "BANGFU_DIGEST_MAX", false, offsetof(struct app_server_config, digest_max),
	  "1000", 1, 100000, "digests sent at most in one run (the rest wait for the next)" },
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static bool apply(struct app_server_config *cfg, const struct setting *s, const char *v, struct cli *c,
		  const char *from)
{
	char *end;
	long n;

	if (s->text) {
		size_t size = s->max ? (size_t)s->max : 128;
		bool (*valid)(const char *) =
			s->offset == offsetof(struct app_server_config, digest_time) ? valid_time
			: s->offset == offsetof(struct app_server_config, mail_from) ? valid_address
										     : NULL;
		if (strlen(v) >= size || (valid && *v && !valid(v))) {
			fprintf(c->err, "bangfu serve: %s: %s '%s' is %s\n", from, s->name, v,
				strlen(v) >= size ? "too long" : "not valid (see bangfu serve --help)");
			return false;
		}
		snprintf((char *)cfg + s->offset, size, "%s", v);
		return true;
	}
	n = strtol(v, &end, 10);
	if (*v && !*end && n >= s->min && n <= s->max) {
		*(long *)((char *)cfg + s->offset) = n;
		return true;
	}
	fprintf(c->err, "bangfu serve: %s: %s '%s' is not a whole number from %ld to %ld\n", from,
		s->name, v, s->min, s->max);
	return false;
}

static const struct setting *find(const char *name)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	return NULL;
}

bool serve_config_parse(struct app_server_config *cfg, char *text, const char *path, struct cli *c)
{
	bool ok = true;
	size_t line = 0;

	for (char *p = text, *nl; ok && p && *p; p = nl ? nl + 1 : NULL) {
		char *eq, *k, *v, from[300];
		const struct setting *s;
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		line++;
		p += strspn(p, " \t");
		if (!*p || *p == '#')
			continue;
		snprintf(from, sizeof from, "%s:%zu", path, line);
		if (!(eq = strchr(p, '='))) {
			fprintf(c->err, "bangfu serve: %s: write name = value\n", from);
			ok = false;
			break;
		}
		*eq = '\0';
		k = p;
		v = eq + 1 + strspn(eq + 1, " \t");
		for (char *e = eq; e > k && (e[-1] == ' ' || e[-1] == '\t'); *--e = '\0')
			;
		for (char *e = v + strlen(v); e > v && strchr(" \t\r", e[-1]); *--e = '\0')
			;
		if (!(s = find(k))) {
			fprintf(c->err, "bangfu serve: %s: unknown setting '%s'\n", from, k);
			ok = false;
		} else {
			ok = apply(cfg, s, v, c, from);
		}
	}
	return ok;
}

/* name = value lines; '#' starts a comment. */
static bool read_file(struct app_server_config *cfg, const char *path, struct cli *c)
{
	struct buf data = BUF_INIT;
	struct bf_err err;
	bool ok = false;

	bf_err_init(&err);
	if (fileio_read(path, 1 << 20, &data, &err))
		cli_fail(c, &err);
	else
		ok = serve_config_parse(cfg, data.data ? data.data : (char[]){ "" }, path, c);
	buf_release(&data);
	bf_err_release(&err);
	return ok;
}

/* The audit trail's head, logged as a JSON line at start, every audit-head-seconds and at
 * stop: kept outside the database (the journal, a log host), it lets `bangfu audit verify
 * --head ID:HASH` prove later that no row after it was deleted. */
struct head_logger {
	const char *db;
	FILE *log;
	long every;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool stop;
};

static void log_head(struct head_logger *h, const char *at)
{
	struct bf_err err;
	char head[86] = "", now[21];
	json_t *j;
	char *line;

	bf_err_init(&err);
	date_now_utc(now);
	if (audit_head_at(h->db, head, &err))
		j = json_pack("{s:s, s:s, s:s, s:s}", "time", now, "event", "audit_head_failed", "at",
			      at, "reason", bf_err_msg(&err));
	else
		j = json_pack("{s:s, s:s, s:s, s:s}", "time", now, "event", "audit_head", "at", at,
			      "head", head[0] ? head : "0:");
	line = j ? json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
	if (line) {
		fprintf(h->log, "%s\n", line);
		fflush(h->log);
	}
	free(line);
	json_decref(j);
	bf_err_release(&err);
}

static void *head_loop(void *p)
{
	struct head_logger *h = p;
	struct timespec until;

	pthread_mutex_lock(&h->mu);
	while (!h->stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += h->every;
		while (!h->stop && pthread_cond_timedwait(&h->cv, &h->mu, &until) == 0)
			;
		if (h->stop)
			break;
		pthread_mutex_unlock(&h->mu);
		log_head(h, "periodic");
		pthread_mutex_lock(&h->mu);
	}
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

/* Serves with the head logger beside the server, and a shared flock on the database that
 * `bangfu restore` checks: no restore under a running server. */
static int serve(struct app_server_config *cfg, struct cli *c)
{
	struct head_logger h = { c->db, c->err, cfg->audit_head_seconds,
				 PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false };
	sigset_t block, old;
	pthread_t t;
	bool started;
	int lock = fileio_lock(c->db, false), rc;

	if (lock == -1) {
		fprintf(c->err, "bangfu serve: %s is locked by `bangfu restore`; start the server "
				"when it has finished\n", c->db);
		return 1;
	}
	log_head(&h, "start");
	/* the thread must not take the SIGINT/SIGTERM that http_serve waits for */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	started = pthread_create(&t, NULL, head_loop, &h) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	rc = server(cfg, c->err);
	if (started) {
		pthread_mutex_lock(&h.mu);
		h.stop = true;
		pthread_cond_signal(&h.cv);
		pthread_mutex_unlock(&h.mu);
		pthread_join(t, NULL);
	}
	log_head(&h, "stop");
	if (lock >= 0)
		close(lock);
	return rc;
}

static void help(FILE *f)
{
	fprintf(f, "usage: bangfu [--db PATH] serve [--config FILE] [--SETTING VALUE]...\n\n"
		   "启动服务。Serves the web interface at / and the JSON API under /api/v1\n"
		   "(GET /api/v1/openapi.json describes it). Stops cleanly on Ctrl-C or SIGTERM.\n"
		   "Access log: one JSON line per request on standard error, written in batches at\n"
		   "most 0.1 s late. Settings (flag, environment, or `name = value` in FILE; flags\n"
		   "win over the environment, which wins over the file):\n\n");
	cli_server_settings_help(f, NULL);
	fprintf(f, "  --config FILE          BANGFU_CONFIG               a file of settings\n\n"
		   "Listen addresses: 127.0.0.1:8080 (IPv4), [::1]:8080 (IPv6), localhost:8080 (both\n"
		   "loopbacks), *:8080 (every address, IPv6 and IPv4). Failures are logged as JSON lines\n"
		   "too: a request's line has \"reason\" when it failed; refused or timed-out\n"
		   "connections and server errors have lines of their own (\"event\", \"reason\").\n\n"
		   "E-mail digests: with --digest-time HH:MM and --smtp-url, the server sends each\n"
		   "account its inbox once a day at or after that local time, as `bangfu digest send`\n"
		   "does (one per --digest-interval days, restarts included); each round's outcome\n"
		   "and each failure with its reason are log lines (\"digest_round\", \"digest_failed\").\n");
}

/* Whether argv[i] is one of own's flags ("--dry-run"; "--as-of=" takes a value), and so not
 * a setting: *skip is how many arguments it takes. */
static bool own_flag(const char *const *own, int argc, char **argv, int i, int *skip)
{
	for (size_t k = 0; own && own[k]; k++) {
		size_t n = strlen(own[k]);
		bool value = n && own[k][n - 1] == '=';
		if (strncmp(argv[i], own[k], n - value) == 0 && argv[i][n - value] == '\0') {
			*skip = value && i + 1 < argc ? 1 : 0;
			return true;
		}
	}
	return false;
}

int cli_server_settings(struct cli *c, const char *cmd, int argc, char **argv,
			struct app_server_config *cfg, const char *const *own)
{
	const char *file = getenv("BANGFU_CONFIG");
	int skip;

	memset(cfg, 0, sizeof *cfg);
	cfg->db = c->db;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			file = argv[++i];
		else if (own_flag(own, argc, argv, i, &skip))
			i += skip;
	for (size_t i = 0; i < NSETTINGS; i++)
		apply(cfg, &settings[i], settings[i].def, c, "default");
	if (file && !read_file(cfg, file, c))
		return 1;
	for (size_t i = 0; i < NSETTINGS; i++) {
		const char *v = getenv(settings[i].env);
		if (v && *v && !apply(cfg, &settings[i], v, c, settings[i].env))
			return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		const struct setting *st;
		if (strcmp(argv[i], "--config") == 0) {
			i++;
			continue;
		}
		if (own_flag(own, argc, argv, i, &skip)) {
			i += skip;
			continue;
		}
		if (strncmp(argv[i], "--", 2) != 0 || !(st = find(argv[i] + 2)))
			return cli_usage_error(c, cmd, "unknown option '%s'", argv[i]);
		if (i + 1 >= argc)
			return cli_usage_error(c, cmd, "%s needs a value", argv[i]);
		if (!apply(cfg, st, argv[++i], c, "command line"))
			return EXIT_USAGE;
	}
	return 0;
}

void cli_server_settings_help(FILE *f, const char *prefix)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (!prefix || strncmp(settings[i].name, prefix, strlen(prefix)) == 0 ||
		    (strcmp(prefix, "smtp") == 0 && (strncmp(settings[i].name, "mail-", 5) == 0 ||
						      strncmp(settings[i].name, "digest-", 7) == 0 ||
						      strncmp(settings[i].name, "inbox-", 6) == 0 ||
						      strcmp(settings[i].name, "end-window") == 0)))
			fprintf(f, "  --%-20s %-27s %s (default %s)\n", settings[i].name,
				settings[i].env, settings[i].help,
				*settings[i].def ? settings[i].def : "none");
}

int cmd_serve(struct cli *c, int argc, char **argv)
{
	struct app_server_config cfg;
	struct app *a = NULL;
	struct bf_err err;
	int rc;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help(c->out);
			return 0;
		}
	if ((rc = cli_server_settings(c, "serve", argc, argv, &cfg, NULL)))
		return rc;
	if (cfg.threads == 0)
		cfg.threads = sysconf(_SC_NPROCESSORS_ONLN) > 0 ? sysconf(_SC_NPROCESSORS_ONLN) : 1;
	bf_err_init(&err);
	/* Open once here so that a missing database is reported before listening. */
	if (!auth_init() || app_open(c->db, false, &a, &err)) {
		rc = cli_fail(c, &err);
		bf_err_release(&err);
		return rc ? rc : 1;
	}
	app_close(a);
	bf_err_release(&err);
	if (!server) {
		fprintf(c->err, "bangfu serve: this build has no server\n");
		return 1;
	}
	return serve(&cfg, c);
}
