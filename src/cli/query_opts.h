/* query_opts: the options that read-only commands share (--round, --as-of, --within,
 * --format), parsed in one place. */
#ifndef BF_QUERY_OPTS_H
#define BF_QUERY_OPTS_H
#include "cli/cli.h"

struct query_opts {
	const char *round;
	bf_day as_of;
	long within;
	enum cli_format format;
	char **args;  /* positional arguments (point into argv) */
	int nargs;
};

/* Parses argv (argv[0] is the command). allowed is a string of the option letters the
 * command takes: r (round), a (as-of), w (within), f (format). Returns 0 or an exit code. */
int query_opts_parse(struct cli *c, const char *cmd, const char *allowed, int argc,
		     char **argv, struct query_opts *q);

#endif
