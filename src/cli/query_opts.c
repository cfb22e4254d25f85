/* query_opts: shared option parsing; see query_opts.h. */
#include "cli/query_opts.h"
#include "app/check.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int one(struct cli *c, const char *cmd, int o, const char *arg, struct query_opts *q)
{
	char *end;

	switch (o) {
	case 'r':
		q->round = arg;
		return 0;
	case 'b':
		q->by = arg;
		return 0;
	case 'a':
		if (cli_parse_day(arg, &q->as_of))
			return 0;
		return cli_usage_error(c, cmd, "--as-of '%s' is not a date (YYYY-MM-DD or today)",
				       arg);
	case 'w':
		q->within = strtol(arg, &end, 10);
		if (*arg && !*end && q->within >= 0 && q->within <= 36500)
			return 0;
		return cli_usage_error(c, cmd, "--within '%s' is not a number of days (0-36500)",
				       arg);
	case 'e':
		q->end_window = strtol(arg, &end, 10);
		if (*arg && !*end && q->end_window >= 0 && q->end_window <= RULES_END_WINDOW_MAX)
			return 0;
		return cli_usage_error(c, cmd, "--end-window '%s' is not a number of days (0-%ld)",
				       arg, RULES_END_WINDOW_MAX);
	case 'f':
		if (cli_parse_format(arg, &q->format))
			return 0;
		return cli_usage_error(c, cmd, "--format '%s': use table, csv, xlsx or json", arg);
	}
	return EXIT_USAGE;
}

int query_opts_parse(struct cli *c, const char *cmd, const char *allowed, int argc,
		     char **argv, struct query_opts *q)
{
	static const struct option opts[] = { { "round", required_argument, NULL, 'r' },
					      { "as-of", required_argument, NULL, 'a' },
					      { "within", required_argument, NULL, 'w' },
					      { "format", required_argument, NULL, 'f' },
					      { "end-window", required_argument, NULL, 'e' },
					      { "by", required_argument, NULL, 'b' },
					      { NULL, 0, NULL, 0 } };
	int o, rc;

	memset(q, 0, sizeof *q);
	q->as_of = date_today();
	q->within = 180;
	q->end_window = RULES_END_WINDOW_DEFAULT;
	q->format = FMT_TABLE;
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (o == ':')
			return cli_usage_error(c, cmd, "%s needs a value", argv[optind - 1]);
		if (o == '?' || !strchr(allowed, o))
			return cli_usage_error(c, cmd, "unknown option '%s'", argv[optind - 1]);
		if ((rc = one(c, cmd, o, optarg, q)))
			return rc;
	}
	q->args = argv + optind;
	q->nargs = argc - optind;
	return 0;
}

enum bf_status cli_db_load(struct cli *c, struct cli_db *db)
{
	db->app = NULL;
	registry_init(&db->r);
	bf_err_init(&db->err);
	if (app_open(c->db, false, &db->app, &db->err))
		return db->err.status;
	return app_load(db->app, &db->r, &db->err);
}

void cli_db_release(struct cli_db *db)
{
	registry_release(&db->r);
	app_close(db->app);
	bf_err_release(&db->err);
}
