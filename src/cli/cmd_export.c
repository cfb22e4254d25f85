/* cmd_export: `bangfu export DIR`. */
#include "app/export.h"
#include "app/query.h"
#include "cli/query_opts.h"

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct cli_db db;
	size_t files = 0;
	int rc = 0;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error(c, "export", "give one folder to write into");
	if (cli_db_load(c, &db) || export_dir(&db.r, argv[1], &files, &db.err))
		rc = cli_fail(c, &db.err);
	else
		fprintf(c->out, "exported %zu files to %s\n", files, argv[1]);
	cli_db_release(&db);
	return rc;
}
