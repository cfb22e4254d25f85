/* cmd_cycle: `bangfu periods list|generate` and `bangfu reports list` (app/cycle: the
 * reporting cycle, docs/cycle.md). The CLI acts as the database's owner (admin) and audits
 * as cli:USER. */
#include "app/cycle.h"
#include "cli/cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const period_columns[] = { "id", "round", "name", "start", "end", "due",
					      "kind", "reports", "draft", "submitted",
					      "returned", "approved", NULL };
static const char *const report_table_columns[] = { "id", "group", "target_name", "period_name",
						    "due", "status", "late", "reason", NULL };

struct opts {
	const char *round, *status, *period, *group, *prefecture, *kind;
	long due_days, limit;
	enum cli_format format;
	char **args;
	int nargs;
};

static int parse(struct cli *c, const char *cmd, const char *allowed, int argc, char **argv,
		 struct opts *o)
{
	static const struct option opts[] = {
		{ "round", required_argument, NULL, 'r' },  { "status", required_argument, NULL, 's' },
		{ "period", required_argument, NULL, 'p' }, { "group", required_argument, NULL, 'g' },
		{ "prefecture", required_argument, NULL, 'P' },
		{ "kind", required_argument, NULL, 'k' },   { "due-days", required_argument, NULL, 'd' },
		{ "limit", required_argument, NULL, 'l' },  { "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int k;
	char *end;

	memset(o, 0, sizeof *o);
	o->due_days = -1;
	o->format = FMT_TABLE;
	optind = 0;
	opterr = 0;
	while ((k = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (k == ':')
			return cli_usage_error(c, cmd, "%s needs a value", argv[optind - 1]);
		if (k == '?' || !strchr(allowed, k))
			return cli_usage_error(c, cmd, "unknown option '%s'", argv[optind - 1]);
		switch (k) {
		case 'r': o->round = optarg; break;
		case 's': o->status = optarg; break;
		case 'p': o->period = optarg; break;
		case 'g': o->group = optarg; break;
		case 'P': o->prefecture = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'd':
		case 'l':
			*(k == 'd' ? &o->due_days : &o->limit) = strtol(optarg, &end, 10);
			if (!*optarg || *end || *(k == 'd' ? &o->due_days : &o->limit) < 0)
				return cli_usage_error(c, cmd, "%s '%s' is not a whole number",
						       argv[optind - 1], optarg);
			break;
		case 'f':
			if (!cli_parse_format(optarg, &o->format) || o->format == FMT_XLSX)
				return cli_usage_error(c, cmd, "--format '%s': use table, csv or json",
						       optarg);
			break;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

/* (out is passed by address: it is set by the call that is rc's argument) */
static int run(struct cli *c, enum bf_status rc, json_t **outp, struct bf_err *err,
	       enum cli_format f, const char *const *cols)
{
	json_t *out = *outp;
	if (rc)
		return cli_fail(c, err);
	cli_print(c, out, f, cols);
	json_decref(out);
	return 0;
}

int cmd_periods(struct cli *c, int argc, char **argv)
{
	struct opts o;
	struct app *app = NULL;
	struct bf_err err;
	json_t *out = NULL;
	int rc;

	if ((rc = parse(c, "periods", "rkdf", argc, argv, &o)))
		return rc;
	if (o.nargs != 1 || (strcmp(o.args[0], "list") != 0 && strcmp(o.args[0], "generate") != 0))
		return cli_usage_error(c, "periods", "give list or generate");
	if (strcmp(o.args[0], "list") == 0 && (o.kind || o.due_days >= 0))
		return cli_usage_error(c, "periods", "--kind and --due-days are for generate");
	bf_err_init(&err);
	if (app_open(c->db, false, &app, &err)) {
		rc = cli_fail(c, &err);
	} else if (strcmp(o.args[0], "list") == 0) {
		rc = run(c, cycle_periods_list(app, o.round, &out, &err), &out, &err, o.format,
			 period_columns);
	} else {
		char account[80];
		struct principal who = { account, ACC_ADMIN, NULL, NULL };
		struct cycle_fault f;
		json_t *body = json_pack("{s:s?, s:s?}", "round", o.round, "kind", o.kind);
		if (o.due_days >= 0)
			json_object_set_new(body, "due_days", json_integer(o.due_days));
		app_cli_account(account, sizeof account);
		cycle_fault_init(&f);
		rc = run(c, cycle_periods_generate(app, &who, APP_CLI_ADDRESS, body, &out, &err, &f),
			 &out, &err, o.format, period_columns);
		json_decref(body);
	}
	app_close(app);
	bf_err_release(&err);
	return rc;
}

int cmd_reports(struct cli *c, int argc, char **argv)
{
	struct opts o;
	struct app *app = NULL;
	struct bf_err err;
	struct cycle_fault f;
	json_t *out = NULL;
	int rc;

	if ((rc = parse(c, "reports", "rspgPlf", argc, argv, &o)))
		return rc;
	if (o.nargs != 1 || strcmp(o.args[0], "list") != 0)
		return cli_usage_error(c, "reports", "give list");
	bf_err_init(&err);
	cycle_fault_init(&f);
	if (app_open(c->db, false, &app, &err)) {
		rc = cli_fail(c, &err);
	} else {
		struct principal who = { "cli", ACC_ADMIN, NULL, NULL }; /* the database's owner */
		struct cycle_list_req rq = { o.round, o.period, o.status, o.group, NULL,
					     o.prefecture, o.limit ? o.limit : CYCLE_LIST_MAX, 0 };
		rc = run(c, cycle_reports_list(app, &who, &rq, &out, &err, &f), &out, &err, o.format,
			 o.format == FMT_TABLE ? report_table_columns : cycle_report_columns);
	}
	app_close(app);
	bf_err_release(&err);
	return rc;
}
