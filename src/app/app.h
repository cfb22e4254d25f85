/* app: the handle the front ends (cli/, http/) hold instead of the database. A struct app is
 * one connection to one database (use it from one thread at a time); every use case of app/
 * takes it. The front ends never see the store: they open, ask for health, load the read
 * model and close through this module, and run the server through struct app_server_config,
 * which both the CLI (that reads the settings) and the HTTP layer (that runs with them) see
 * without seeing each other (main.c wires the one to the other). */
#ifndef BF_APP_H
#define BF_APP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/registry.h"
#include "util/err.h"

struct app;

/* Opens the database at path. With create, a missing file is created and migrated; without,
 * a missing file is an error telling the user to run `bangfu init`. */
enum bf_status app_open(const char *path, bool create, struct app **out, struct bf_err *err);
void app_close(struct app *a);

struct app_health {
	int schema;             /* the database's schema version */
	long long generation;   /* the change counter: moves on every committed write */
};
void app_health(struct app *a, struct app_health *h);

/* Loads the whole database into r (initialised here; the caller releases it). */
enum bf_status app_load(struct app *a, struct registry *r, struct bf_err *err);

/* The account the CLI writes into the audit trail: "cli:" and the operating system's user
 * (from the password database, else $USER, else the numeric uid), into out. */
void app_cli_account(char *out, size_t n);
#define APP_CLI_ADDRESS "local"

/* The server's settings: cli/cmd_serve reads them (flags, environment, file), http runs with
 * them. */
struct app_server_config {
	const char *db;
	char listen[128];       /* ADDR:PORT */
	long threads;
	long session_idle;      /* seconds */
	long session_max;       /* seconds */
	long body_limit;        /* bytes */
	long behind_https;      /* 0/1: cookies get Secure and the __Host- prefix, and HSTS */
	long end_window;        /* days: see struct rules_opts */
	long rotation_window;   /* days before a term's end in which its unit names a successor */
	long request_timeout;   /* seconds for a request's headers to arrive (http/guard.h) */
	long max_connections;   /* connections at once, in all */
	long per_address;       /* connections at once from one address */
	long sessions_per_account; /* the oldest of an account's sessions ends past this */
	long answer_cache;      /* bytes of encoded list answers kept per snapshot */
	long audit_head_seconds; /* cli/cmd_serve logs the audit trail's head this often */
	long attachment_max;    /* bytes per attachment of a group report (app/cycle) */
	long report_attachments_max; /* bytes of all of one report's attachments */
	long inbox_due_days;    /* a report is in the inbox this many days before it is due */
	/* e-mail digests of the inbox (app/digest; off while smtp_url is empty) */
	char smtp_url[256];     /* smtp://host:port or smtps://host:port */
	char mail_from[256];    /* the digests' sender address */
	char smtp_user[128];    /* SMTP login, if the server asks for one */
	char smtp_password_file[256]; /* a file whose first line is the SMTP password */
	long smtp_timeout;      /* seconds per message */
	char digest_time[8];    /* HH:MM local time of the server's daily round (http/digest_timer);
				 * "": none */
	long digest_interval;   /* days between two digests of one account */
	long digest_max;        /* digests sent at most per run */
};
/* Runs a server until SIGINT or SIGTERM; returns a process exit code. */
typedef int (*app_server_fn)(const struct app_server_config *cfg, FILE *log);

#endif
