/* cmd_show: `bangfu show target|unit|group|cadre KEY`. */
#include "app/query.h"
#include "app/show.h"
#include "cli/query_opts.h"
#include <string.h>

int cmd_show(struct cli *c, int argc, char **argv)
{
	struct query_opts q;
	struct cli_db db;
	json_t *out = NULL;
	int rc;

	if ((rc = query_opts_parse(c, "show", "af", argc, argv, &q)))
		return rc;
	if (q.nargs != 2)
		return cli_usage_error(c, "show", "give a kind (target, unit, group, cadre) and a "
						  "key, e.g. show target 440881");
	if (q.format == FMT_CSV || q.format == FMT_XLSX)
		return cli_usage_error(c, "show", "--format %s is not offered; use table or json",
				       q.format == FMT_CSV ? "csv" : "xlsx");
	if (strcmp(q.args[0], "target") && strcmp(q.args[0], "unit") && strcmp(q.args[0], "group") &&
	    strcmp(q.args[0], "cadre"))
		return cli_usage_error(c, "show", "cannot show '%s': say target, unit, group or cadre",
				       q.args[0]);
	if (cli_db_load(c, &db) ||
	    show_record(&db.r, q.args[0], q.args[1], q.as_of, &out, &db.err))
		rc = cli_fail(c, &db.err);
	else
		cli_print(c, out, q.format, NULL);
	json_decref(out);
	cli_db_release(&db);
	return rc;
}
