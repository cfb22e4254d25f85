/* cmd_import: `bangfu import PATH...`. */
#include "app/import.h"
#include "cli/cli.h"
#include <string.h>

int cmd_import(struct cli *c, int argc, char **argv)
{
	struct store *s = NULL;
	struct import_result res = { 0 };
	struct bf_err err;
	int rc = 0;

	if (argc < 2)
		return cli_usage_error(c, "import", "give at least one CSV file or folder");
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1])
			return cli_usage_error(c, "import", "unknown option '%s'", argv[i]);
	bf_err_init(&err);
	if (store_open(c->db, false, &s, &err) ||
	    import_paths(s, (const char *const *)argv + 1, (size_t)argc - 1, &res, &err)) {
		rc = cli_fail(c, &err);
		if (s)
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
	store_close(s);
	bf_err_release(&err);
	return rc;
}
