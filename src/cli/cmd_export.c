/* cmd_export: `bangfu export [--format csv|xlsx] DIR|FILE.xlsx`. */
#include "app/export.h"
#include "app/query.h"
#include "app/work_import.h"
#include "cli/query_opts.h"
#include <string.h>

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct cli_db db;
	const char *where = NULL, *format = "csv";
	size_t files = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			format = argv[i] + 9;
		else if (argv[i][0] == '-' || where)
			return cli_usage_error(c, "export", "give one folder (or, with --format xlsx, "
							    "one file) to write into");
		else
			where = argv[i];
	}
	if (strcmp(format, "csv") && strcmp(format, "xlsx"))
		return cli_usage_error(c, "export", "--format '%s': use csv or xlsx", format);
	if (!where)
		return cli_usage_error(c, "export", "give one folder (or, with --format xlsx, one "
						    "file) to write into");
	if (cli_db_load(c, &db))
		rc = cli_fail(c, &db.err);
	else if (strcmp(format, "xlsx") == 0 && export_xlsx(db.app, &db.r, where, &db.err))
		rc = cli_fail(c, &db.err);
	else if (strcmp(format, "xlsx") == 0)
		fprintf(c->out, "exported %zu sheets to %s\n", export_xlsx_sheets(), where);
	else if (export_dir(&db.r, where, &files, &db.err) ||
		 work_export_dir(db.app, where, &files, &db.err))
		rc = cli_fail(c, &db.err);
	else
		fprintf(c->out, "exported %zu files to %s\n", files, where);
	cli_db_release(&db);
	return rc;
}
