/* cmd_plan_rotations: `bangfu plan rotations [--round R] [--as-of DATE] [--window DAYS]
 * [--overlap DAYS] [--notice DAYS] [--format table|csv|json|xlsx]`: the successors' arrival dates proposed by
 * app/rotation (core/rotation's rule, docs/rotations.md). Exits 1 when a group cannot keep
 * its lead or half of its posts even so. */
#include "app/rotation.h"
#include "cli/cli.h"
#include "cli/query_opts.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* A whole number of days from 0 to max, or false. */
static bool days_arg(const char *arg, long max, long *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (!*arg || *end || v < 0 || v > max || !(arg[0] >= '0' && arg[0] <= '9'))
		return false;
	*out = v;
	return true;
}

static int parse(struct cli *c, int argc, char **argv, struct rotation_plan_opts *o,
		 enum cli_format *f)
{
	static const struct option opts[] = { { "round", required_argument, NULL, 'r' },
					      { "as-of", required_argument, NULL, 'a' },
					      { "window", required_argument, NULL, 'w' },
					      { "overlap", required_argument, NULL, 'o' },
					      { "notice", required_argument, NULL, 'n' },
					      { "format", required_argument, NULL, 'f' },
					      { NULL, 0, NULL, 0 } };
	bool window = false;
	int k;

	memset(o, 0, sizeof *o);
	o->from = date_today();
	o->window = ROTATION_WINDOW_DEFAULT;
	o->overlap = ROTATION_OVERLAP_DEFAULT;
	*f = FMT_TABLE;
	optind = 0;
	opterr = 0;
	while ((k = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		const char *arg = optarg;
		if (k == ':')
			return cli_usage_error(c, "plan", "%s needs a value", argv[optind - 1]);
		if (k == '?')
			return cli_usage_error(c, "plan", "unknown option '%s' for plan rotations",
					       argv[optind - 1]);
		if (k == 'r') {
			o->round = arg;
		} else if (k == 'a' && !cli_parse_day(arg, &o->from)) {
			return cli_usage_error(c, "plan", "--as-of '%s' is not a date (YYYY-MM-DD "
							  "or today)", arg);
		} else if (k == 'w' && !(window = days_arg(arg, ROTATION_WINDOW_MAX, &o->window))) {
			return cli_usage_error(c, "plan", "--window '%s' is not a number of days "
							  "(0-%ld)", arg, ROTATION_WINDOW_MAX);
		} else if (k == 'o' && !days_arg(arg, ROTATION_OVERLAP_MAX, &o->overlap)) {
			return cli_usage_error(c, "plan", "--overlap '%s' is not a number of days "
							  "(0-%ld)", arg, ROTATION_OVERLAP_MAX);
		} else if (k == 'n' && !days_arg(arg, ROTATION_WINDOW_MAX, &o->notice)) {
			return cli_usage_error(c, "plan", "--notice '%s' is not a number of days "
							  "(0-%ld)", arg, ROTATION_WINDOW_MAX);
		} else if (k == 'f' && !cli_parse_format(arg, f)) {
			return cli_usage_error(c, "plan", "--format '%s': use table, csv, json or "
							  "xlsx", arg);
		}
	}
	if (optind < argc)
		return cli_usage_error(c, "plan", "unexpected argument '%s'", argv[optind]);
	if (o->round && !window)
		o->window = -1; /* the round given without a window: to its end */
	return 0;
}

int cmd_plan_rotations(struct cli *c, int argc, char **argv)
{
	struct rotation_plan_opts o;
	enum cli_format f;
	struct cli_db db;
	json_t *out = NULL;
	int rc;

	if ((rc = parse(c, argc, argv, &o, &f)))
		return rc;
	if (cli_db_load(c, &db) || rotation_plan_run(&db.r, &o, &out, &db.err)) {
		rc = cli_fail(c, &db.err);
	} else {
		if (f == FMT_XLSX)
			rc = cli_print_xlsx(c, out, "plan-rotations", "plan rotations 轮换计划",
					    rotation_plan_columns);
		else
			cli_print(c, out, f, rotation_plan_columns);
		if (!rc && json_integer_value(json_object_get(out, "groups_not_kept")) > 0)
			rc = 1;
	}
	json_decref(out);
	cli_db_release(&db);
	return rc;
}
