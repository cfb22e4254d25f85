/* cmd_report: `bangfu report NAME [--round] [--as-of] [--within] [--format]`. */
#include "app/query.h"
#include "app/report.h"
#include "cli/query_opts.h"

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct query_opts q;
	struct report_opts o;
	struct store *s = NULL;
	struct registry r;
	struct bf_err err;
	json_t *out = NULL;
	int rc;

	if ((rc = query_opts_parse(c, "report", "rawf", argc, argv, &q)))
		return rc;
	if (q.nargs != 1)
		return cli_usage_error(c, "report", "give one report name (summary, coverage, "
						    "groups, cadres, rotations, shares)");
	if (!report_find(q.args[0]))
		return cli_usage_error(c, "report", "no report named '%s' (reports: summary, coverage, "
						    "groups, cadres, rotations, shares)", q.args[0]);
	o.round = q.round;
	o.as_of = q.as_of;
	o.within = q.within;
	bf_err_init(&err);
	registry_init(&r);
	if (store_open(c->db, false, &s, &err) || query_load(s, &r, &err) ||
	    report_run(&r, q.args[0], &o, &out, &err)) {
		rc = cli_fail(c, &err);
		goto done;
	}
	cli_print(c, out, q.format, report_find(q.args[0])->columns);
done:
	json_decref(out);
	registry_release(&r);
	store_close(s);
	bf_err_release(&err);
	return rc;
}
