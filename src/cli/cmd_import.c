/* cmd_import: `bangfu import PATH...`. */
#include "app/import.h"
#include "cli/cli.h"
#include <string.h>

int cmd_import(struct cli *c, int argc, char **argv)
{
	struct app *a = NULL;
	struct import_result res = { 0 };
	struct bf_err err;
	char who[80];
	int rc = 0;

	if (argc < 2)
		return cli_usage_error(c, "import", "give at least one CSV file or folder");
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(c, "import", "unknown option '%s'", argv[i]);
	bf_err_init(&err);
	app_cli_account(who, sizeof who);
	if (app_open(c->db, false, &a, &err) ||
	    import_paths(a, who, APP_CLI_ADDRESS, (const char *const *)argv + 1, (size_t)argc - 1,
			 &res, &err)) {
		rc = cli_fail(c, &err);
		if (a)
			fprintf(c->err, "bangfu: nothing was imported\n");
		goto out;
	}
	fprintf(c->out, "imported");
	for (size_t i = 0, first = 1; i < model_ntypes; i++) {
		if (!res.encodings[i])
			continue;
		fprintf(c->out, "%s %zu row%s from %s (%s)", first ? "" : ",", res.rows[i],
			res.rows[i] == 1 ? "" : "s", model_types[i]->file, res.encodings[i]);
		first = 0;
	}
	fprintf(c->out, "\n");
out:
	app_close(a);
	bf_err_release(&err);
	return rc;
}
