/* query_opts: the options that read-only commands share (--round, --as-of, --within,
 * --format), parsed in one place. */
#ifndef BF_QUERY_OPTS_H
#define BF_QUERY_OPTS_H
#include "app/app.h"
#include "cli/cli.h"

struct query_opts {
	const char *round;
	bf_day as_of;
	long within;
	long end_window;
	const char *by;    /* report work: rows by ... */
	enum cli_format format;
	char **args;  /* positional arguments (point into argv) */
	int nargs;
};

/* Parses argv (argv[0] is the command). allowed is a string of the option letters the
 * command takes: r (round), a (as-of), w (within), e (end-window), f (format), b (by). Returns 0 or an exit code. */
int query_opts_parse(struct cli *c, const char *cmd, const char *allowed, int argc,
		     char **argv, struct query_opts *q);

/* The database of a read-only command, loaded into a registry. */
struct cli_db {
	struct app *app;
	struct registry r;
	struct bf_err err;
};

/* Opens c->db and loads it; on failure err says why (print it with cli_fail). Release with
 * cli_db_release in every case. */
enum bf_status cli_db_load(struct cli *c, struct cli_db *db);
void cli_db_release(struct cli_db *db);

#endif
