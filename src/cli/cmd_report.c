/* cmd_report: `bangfu report NAME [--round] [--as-of] [--within] [--format]`. */
#include "app/query.h"
#include "app/report.h"
#include "cli/query_opts.h"

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct query_opts q;
	struct report_opts o;
	struct cli_db db;
	json_t *out = NULL;
	int rc;

	if ((rc = query_opts_parse(c, "report", "rawf", argc, argv, &q)))
		return rc;
	if (q.nargs != 1)
		return cli_usage_error(c, "report", "give one report name (summary, coverage, "
						    "groups, cadres, rotations, shares, indicators)");
	if (!report_find(q.args[0]))
		return cli_usage_error(c, "report", "no report named '%s' (reports: summary, coverage, "
						    "groups, cadres, rotations, shares, indicators)", q.args[0]);
	o.round = q.round;
	o.as_of = q.as_of;
	o.within = q.within;
	if (cli_db_load(c, &db) || report_run(&db.r, q.args[0], &o, &out, &db.err)) {
		rc = cli_fail(c, &db.err);
	} else if (q.format == FMT_XLSX) {
		const struct report_def *d = report_find(q.args[0]);
		char title[96];
		snprintf(title, sizeof title, "report %s %s", d->name, d->title_zh);
		rc = cli_print_xlsx(c, out, d->name, title, d->columns);
	} else {
		cli_print(c, out, q.format, report_find(q.args[0])->columns);
	}
	json_decref(out);
	cli_db_release(&db);
	return rc;
}
