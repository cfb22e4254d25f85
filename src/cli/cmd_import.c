/* cmd_import: `bangfu import PATH...`. */
#include "app/import.h"
#include "app/work_import.h"
#include "cli/cli.h"
#include "util/text.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

int cmd_import(struct cli *c, int argc, char **argv)
{
	struct app *a = NULL;
	struct import_result res = { 0 };
	struct bf_err err;
	char who[80];
	const char **paths = xcalloc((size_t)argc, sizeof *paths);
	size_t n = 0;
	int rc = 0, first = 1;

	for (int i = 1; i < argc; i++) {
		const char *enc = NULL;
		if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc)
			enc = argv[++i];
		else if (strncmp(argv[i], "--encoding=", 11) == 0)
			enc = argv[i] + 11;
		else if (strcmp(argv[i], "--encoding") == 0)
			rc = cli_usage_error(c, "import", "--encoding needs a name, e.g. BIG5");
		else if (argv[i][0] == '-' && argv[i][1])
			rc = cli_usage_error(c, "import", "unknown option '%s'", argv[i]);
		else
			paths[n++] = argv[i];
		if (enc && !text_encoding_known(enc))
			rc = cli_usage_error(c, "import", "--encoding: '%s' is not an encoding this "
							  "system knows (`iconv -l` lists them)", enc);
		res.encoding = enc ? enc : res.encoding;
		if (rc) {
			free(paths);
			return rc;
		}
	}
	if (n == 0) {
		free(paths);
		return cli_usage_error(c, "import", "give at least one CSV file or folder");
	}
	bf_err_init(&err);
	app_cli_account(who, sizeof who);
	if (app_open(c->db, false, &a, &err) ||
	    import_paths(a, who, APP_CLI_ADDRESS, paths, n,
			 &res, &err)) {
		rc = cli_fail(c, &err);
		if (a)
			fprintf(c->err, "bangfu: nothing was imported\n");
		goto out;
	}
	fprintf(c->out, "imported");
	for (size_t i = 0; i < model_ntypes; i++) {
		if (!res.encodings[i])
			continue;
		fprintf(c->out, "%s %zu row%s from %s (%s)", first ? "" : ",", res.rows[i],
			res.rows[i] == 1 ? "" : "s", model_types[i]->file, res.encodings[i]);
		first = 0;
	}
	for (size_t i = 0; i < WORK_NFILES; i++) {
		if (!res.work_encodings[i])
			continue;
		fprintf(c->out, "%s %zu row%s from %s (%s)", first ? "" : ",", res.work_rows[i],
			res.work_rows[i] == 1 ? "" : "s", work_import_names[i],
			res.work_encodings[i]);
		first = 0;
	}
	fprintf(c->out, "\n");
out:
	free(paths);
	app_close(a);
	bf_err_release(&err);
	return rc;
}
