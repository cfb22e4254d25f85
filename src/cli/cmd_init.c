/* cmd_init: `bangfu init [--empty] [--force]`. */
#include "app/init.h"
#include "app/work_import.h"
#include "cli/cli.h"
#include <getopt.h>

int cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "empty", no_argument, NULL, 'e' },
					      { "force", no_argument, NULL, 'f' },
					      { NULL, 0, NULL, 0 } };
	bool empty = false, force = false;
	struct import_result res = { 0 };
	char pw[INIT_PASSWORD_LEN + 1];
	struct bf_err err;
	int o, rc;

	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (o == 'e')
			empty = true;
		else if (o == 'f')
			force = true;
		else
			return cli_usage_error(c, "init", "unknown option '%s'", argv[optind - 1]);
	}
	if (optind < argc)
		return cli_usage_error(c, "init", "unexpected argument '%s'", argv[optind]);
	bf_err_init(&err);
	if (init_database(c->db, empty, force, &res, pw, &err)) {
		rc = cli_fail(c, &err);
		bf_err_release(&err);
		return rc;
	}
	fprintf(c->out, "created %s%s\n", c->db, empty ? " (empty)" : "");
	if (!empty) {
		fprintf(c->out, "loaded the bundled Guangdong data set (data/guangdong/SOURCES.md):");
		for (size_t i = 0; i < model_ntypes; i++)
			fprintf(c->out, "%s %zu %s", i ? "," : "", res.rows[i],
				model_types[i]->file);
		fprintf(c->out, "\nloaded the groups' work (data/guangdong/work):");
		for (size_t i = 0; i < WORK_NFILES; i++)
			fprintf(c->out, "%s %zu %s", i ? "," : "", res.work_rows[i],
				work_import_names[i]);
		fprintf(c->out, "\nnote: pairings other than 廉江市's, and every cadre, are "
				"illustrative demonstration data (示例数据), and so is the work "
				"except the tasks' article wording (the 12 tasks themselves are "
				"judgement, 判断)\n");
	}
	fprintf(c->out, "account admin, password %s (shown once: write it down, or set another "
			"with `bangfu user passwd admin --password-stdin`)\n", pw);
	return 0;
}
