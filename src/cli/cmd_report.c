/* cmd_report: `bangfu report NAME [--round] [--as-of] [--within] [--format]`, and `bangfu
 * report work --by WHAT` (app/work_report: the work's sums, read from the database). */
#include "app/query.h"
#include "app/report.h"
#include "app/work_report.h"
#include "cli/query_opts.h"
#include <string.h>

#define REPORT_NAMES "summary, coverage, groups, cadres, rotations, shares, indicators, work"

/* The table's columns (the CSV and XLSX have them all). */
static const char *const work_table_columns[] = {
	"key", "name", "commitments", "planned", "in_progress", "delivered", "confirmed",
	"dropped", "overdue", "funds", "investment", "yuan", "yuan_per_head",
	"yuan_per_100m_gdp", NULL
};

static int report_work(struct cli *c, const struct query_opts *q)
{
	struct principal who = { "cli", ACC_ADMIN, NULL, NULL }; /* the database's owner */
	struct work_report_opts o = { q->round, q->as_of, q->by };
	struct cli_db db;
	json_t *out = NULL;
	int rc = 0;
	bool known = false;

	for (size_t i = 0; work_report_bys[i]; i++)
		known |= q->by && strcmp(q->by, work_report_bys[i]) == 0;
	if (q->by && !known)
		return cli_usage_error(c, "report", "--by '%s': use target, group, unit, prefecture, "
						    "domain, task or class", q->by);
	if (cli_db_load(c, &db) || work_report_run(db.app, &db.r, &who, &o, &out, &db.err))
		rc = cli_fail(c, &db.err);
	else if (q->format == FMT_XLSX)
		rc = cli_print_xlsx(c, out, "work", "report work 帮扶工作", work_report_columns);
	else
		cli_print(c, out, q->format,
			  q->format == FMT_TABLE ? work_table_columns : work_report_columns);
	json_decref(out);
	cli_db_release(&db);
	return rc;
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct query_opts q;
	struct report_opts o;
	struct cli_db db;
	json_t *out = NULL;
	int rc;

	if ((rc = query_opts_parse(c, "report", "rawfb", argc, argv, &q)))
		return rc;
	if (q.nargs != 1)
		return cli_usage_error(c, "report", "give one report name (" REPORT_NAMES ")");
	if (strcmp(q.args[0], "work") == 0)
		return report_work(c, &q);
	if (q.by)
		return cli_usage_error(c, "report", "--by is for `report work` only");
	if (!report_find(q.args[0]))
		return cli_usage_error(c, "report", "no report named '%s' (reports: " REPORT_NAMES ")",
				       q.args[0]);
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
