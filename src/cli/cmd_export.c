/* cmd_export: `bangfu export DIR`. */
#include "app/export.h"
#include "app/query.h"
#include "cli/cli.h"

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct store *s = NULL;
	struct registry r;
	struct bf_err err;
	size_t files = 0;
	int rc = 0;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error(c, "export", "give one folder to write into");
	bf_err_init(&err);
	registry_init(&r);
	if (store_open(c->db, false, &s, &err) || query_load(s, &r, &err) ||
	    export_dir(&r, argv[1], &files, &err)) {
		rc = cli_fail(c, &err);
		goto out;
	}
	fprintf(c->out, "exported %zu files to %s\n", files, argv[1]);
out:
	registry_release(&r);
	store_close(s);
	bf_err_release(&err);
	return rc;
}
