/* cmd_plan: `bangfu plan --instance FILE.json [--format table|json]`: forms groups by solving
 * the planner's problem exactly (docs/planner.md) and prints the plan. Options are rows of
 * plan_options[] and fields of struct plan_opts; each mode is one function below. */
#include "app/plan_io.h"
#include "app/plan_round.h"
#include "cli/cli.h"
#include "cli/plan_print.h"
#include "cli/query_opts.h"
#include "util/date.h"
#include "util/fileio.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Every option of `bangfu plan`. To add one: a code here, a row in plan_options[], a case in
 * plan_opt_one(), a field in struct plan_opts. */
enum plan_opt {
	OPT_INSTANCE = 256,
	OPT_FORMAT,
	OPT_ROUND,
	OPT_APPLY,
	OPT_NEEDS,
	OPT_EXPORT_INSTANCE,
	OPT_REPAIR,
	OPT_WITHOUT,
	OPT_MERGE,
	OPT_CAPACITY,
	OPT_PAIRS,
};

static const struct option plan_options[] = {
	{ "instance", required_argument, NULL, OPT_INSTANCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "apply", no_argument, NULL, OPT_APPLY },
	{ "needs", required_argument, NULL, OPT_NEEDS },
	{ "export-instance", required_argument, NULL, OPT_EXPORT_INSTANCE },
	{ "repair", no_argument, NULL, OPT_REPAIR },
	{ "without", required_argument, NULL, OPT_WITHOUT },
	{ "merge", required_argument, NULL, OPT_MERGE },
	{ "capacity", required_argument, NULL, OPT_CAPACITY },
	{ "pairs", required_argument, NULL, OPT_PAIRS },
	{ NULL, 0, NULL, 0 },
};

struct plan_opts {
	const char *instance;      /* --instance FILE */
	enum cli_format format;    /* --format */
	/* the round modes (plan_round_mode): --round, --apply, --needs, --export-instance, and
	 * the repair's --repair, --without, --merge, --capacity (their values in round) */
	bool apply;
	const char *needs;
	const char *export_instance;
	struct plan_round_opts round;
	bool changes;              /* a --without, --merge or --capacity was given */
};

/* --without UNIT[,UNIT...], --merge A=B, --capacity UNIT=N into the repair's changes. */
static int plan_change_opt(struct cli *c, int o, const char *arg, struct plan_round_opts *r)
{
	char *eq = strchr(arg, '='), *end;
	long n;

	if (o == OPT_WITHOUT) {
		for (char *u = strtok((char *)arg, ","); u; u = strtok(NULL, ","))
			if (r->nwithout < PLAN_ROUND_MAX_CHANGES)
				r->without[r->nwithout++] = u;
		return 0;
	}
	if (!eq || eq == arg || !eq[1] || strchr(eq + 1, '='))
		return cli_usage_error(c, "plan", "%s '%s': write %s", o == OPT_MERGE ? "--merge"
											 : "--capacity",
				       arg, o == OPT_MERGE ? "A=B (unit A passes to unit B)"
							   : "UNIT=N (N from 0 to 9)");
	*eq = '\0';
	if (o == OPT_MERGE) {
		if (r->nmerge < PLAN_ROUND_MAX_CHANGES)
			r->merge[r->nmerge++] = (struct plan_merge){ arg, eq + 1 };
		return 0;
	}
	n = strtol(eq + 1, &end, 10);
	if (*end || n < 0 || n > 9 || !(eq[1] >= '0' && eq[1] <= '9'))
		return cli_usage_error(c, "plan", "--capacity %s=%s: the capacity must be a whole "
						  "number from 0 to 9", arg, eq + 1);
	if (r->ncapacity < PLAN_ROUND_MAX_CHANGES)
		r->capacity[r->ncapacity++] = (struct plan_capacity){ arg, (int)n };
	return 0;
}

static int plan_opt_one(struct cli *c, int o, const char *arg, struct plan_opts *p)
{
	switch (o) {
	case OPT_INSTANCE:
		p->instance = arg;
		return 0;
	case OPT_FORMAT:
		if (cli_parse_format(arg, &p->format) && p->format != FMT_CSV && p->format != FMT_XLSX)
			return 0;
		return cli_usage_error(c, "plan", "--format '%s': use table or json", arg);
	case OPT_ROUND:
		p->round.round = arg;
		return 0;
	case OPT_APPLY:
		p->apply = true;
		return 0;
	case OPT_NEEDS:
		p->needs = arg;
		return 0;
	case OPT_EXPORT_INSTANCE:
		p->export_instance = arg;
		return 0;
	case OPT_REPAIR:
		p->round.repair = true;
		return 0;
	case OPT_PAIRS:
		if (strcmp(arg, "auto") == 0)
			p->round.pairs = PLAN_PAIRS_AUTO;
		else if (strcmp(arg, "all") == 0)
			p->round.pairs = PLAN_PAIRS_ALL;
		else if (strcmp(arg, "sparse") == 0)
			p->round.pairs = PLAN_PAIRS_SPARSE;
		else
			return cli_usage_error(c, "plan", "--pairs '%s': use auto, all or sparse", arg);
		return 0;
	case OPT_WITHOUT:
	case OPT_MERGE:
	case OPT_CAPACITY:
		p->changes = true;
		return plan_change_opt(c, o, arg, &p->round);
	}
	return EXIT_USAGE;
}

static int plan_opts_parse(struct cli *c, int argc, char **argv, struct plan_opts *p)
{
	int o, rc;

	memset(p, 0, sizeof *p);
	p->format = FMT_TABLE;
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":", plan_options, NULL)) != -1) {
		if (o == ':')
			return cli_usage_error(c, "plan", "%s needs a value", argv[optind - 1]);
		if (o == '?')
			return cli_usage_error(c, "plan", "unknown option '%s'", argv[optind - 1]);
		if ((rc = plan_opt_one(c, o, optarg, p)))
			return rc;
	}
	if (optind < argc)
		return cli_usage_error(c, "plan", "unexpected argument '%s'", argv[optind]);
	return 0;
}

/* --- output ------------------------------------------------------------------------------- */

static void print_table(struct cli *c, const struct plan_instance *in,
			const struct plan_solution *s)
{
	if (s->status == PLAN_INFEASIBLE) {
		fprintf(c->out, "status     infeasible\nseconds    %.3f\nreason     %s\n", s->seconds,
			s->reason);
		return;
	}
	fprintf(c->out, "status     optimal\nobjective  %.6f\nseconds    %.3f\n", s->objective,
		s->seconds);
	fprintf(c->out, "assignments %zu\n", s->n);
	for (size_t i = 0; i < s->n; i++) {
		const struct plan_assignment *a = &s->a[i];
		if (i == 0 || s->a[i - 1].target != a->target)
			fprintf(c->out, "%s\n", in->targets[a->target].id);
		fprintf(c->out, "  %-6s  %s\n", a->role == PLAN_LEAD ? "lead" : "member",
			in->units[a->unit].id);
	}
}

static int print_solution(struct cli *c, const struct plan_opts *p,
			  const struct plan_instance *in, const struct plan_solution *s)
{
	if (p->format == FMT_JSON) {
		json_t *j = plan_io_solution_json(in, s);
		cli_print(c, j, FMT_JSON, NULL);
		json_decref(j);
	} else {
		print_table(c, in, s);
	}
	return s->status == PLAN_OPTIMAL ? 0 : 1;
}

/* --- modes -------------------------------------------------------------------------------- */

/* --instance FILE: solve the instance in the file. */
static int plan_instance_file(struct cli *c, const struct plan_opts *p)
{
	struct plan_io io;
	struct plan_solution s;
	struct bf_err err;
	int rc;

	plan_io_init(&io);
	plan_solution_init(&s);
	bf_err_init(&err);
	if (plan_io_read(&io, p->instance, &err)) {
		rc = cli_fail(c, &err);
	} else if (!plan_solve(&io.in, false, &s)) {
		fprintf(c->err, "bangfu: %s: %s\n", p->instance, s.reason);
		rc = 1;
	} else {
		rc = print_solution(c, p, &io.in, &s);
	}
	bf_err_release(&err);
	plan_solution_release(&s);
	plan_io_release(&io);
	return rc;
}

/* --round NAME: plan the round from the database (app/plan_round), print it, and with
 * --apply write it; --export-instance FILE writes the round's instance instead. */
static int plan_round_print(struct cli *c, const struct plan_opts *p, struct cli_db *db,
			    json_t *plan)
{
	json_t *applied = NULL;
	bool ok = strcmp(json_string_value(json_object_get(plan, "status")), "optimal") == 0;
	int rc = ok ? 0 : 1;
	char who[80];

	app_cli_account(who, sizeof who);
	if (ok && p->apply && plan_round_apply(db->app, who, APP_CLI_ADDRESS, 0, plan, &applied,
					       &db->err))
		rc = cli_fail(c, &db->err);
	if (p->format == FMT_JSON) {
		if (applied)
			json_object_set(plan, "applied", applied);
		cli_print(c, plan, FMT_JSON, NULL);
	} else {
		plan_print_round(c, plan);
		if (applied)
			plan_print_applied(c, applied);
	}
	json_decref(applied);
	return rc;
}

static int plan_export(struct cli *c, const struct plan_opts *p, struct cli_db *db)
{
	json_t *in = NULL;
	char *text;
	int rc = 0;

	if (plan_round_instance(&db->r, &p->round, &in, &db->err))
		return cli_fail(c, &db->err);
	text = json_dumps(in, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	if (fileio_write(p->export_instance, text, strlen(text), &db->err))
		rc = cli_fail(c, &db->err);
	else
		fprintf(c->out, "wrote %s: %zu units, %zu targets, %zu pairs, %zu fixed\n",
			p->export_instance, json_array_size(json_object_get(in, "units")),
			json_array_size(json_object_get(in, "targets")),
			json_array_size(json_object_get(in, "pairs")),
			json_array_size(json_object_get(in, "fixed")));
	free(text);
	json_decref(in);
	return rc;
}

/* Progress of a long plan on stderr: silent for the first second, then each step with the
 * time since the command started. */
struct plan_progress {
	FILE *err;
	long long t0;
};

static void plan_progress(void *ctx, const char *msg)
{
	struct plan_progress *pp = ctx;
	long long ms = date_monotonic_ms() - pp->t0;
	if (ms >= 1000)
		fprintf(pp->err, "bangfu plan: [%.1f s] %s\n", (double)ms / 1000.0, msg);
}

static int plan_round_mode(struct cli *c, struct plan_opts *p)
{
	struct plan_progress pp = { c->err, date_monotonic_ms() };
	struct cli_db db;
	struct buf needs = BUF_INIT;
	json_t *plan = NULL;
	int rc;

	if (p->changes && !p->round.repair)
		return cli_usage_error(c, "plan", "--without, --merge and --capacity need --repair");
	if (p->apply && p->export_instance)
		return cli_usage_error(c, "plan", "--apply and --export-instance do not go together");
	p->round.progress = plan_progress;
	p->round.progress_ctx = &pp;
	if (cli_db_load(c, &db) ||
	    (p->needs && fileio_read(p->needs, 1 << 20, &needs, &db.err))) {
		rc = cli_fail(c, &db.err);
		goto out;
	}
	if (p->needs) {
		p->round.needs = needs.data ? needs.data : "";
		p->round.needs_len = needs.len;
		p->round.needs_name = p->needs;
	}
	if (p->export_instance)
		rc = plan_export(c, p, &db);
	else if (plan_round_run(&db.r, &p->round, &plan, &db.err))
		rc = cli_fail(c, &db.err);
	else
		rc = plan_round_print(c, p, &db, plan);
out:
	json_decref(plan);
	buf_release(&needs);
	cli_db_release(&db);
	return rc;
}

int cmd_plan(struct cli *c, int argc, char **argv)
{
	struct plan_opts p;
	int rc;

	if (argc > 1 && strcmp(argv[1], "rotations") == 0)
		return cmd_plan_rotations(c, argc - 1, argv + 1);
	if ((rc = plan_opts_parse(c, argc, argv, &p)))
		return rc;
	if (p.instance && p.round.round)
		return cli_usage_error(c, "plan", "give --instance FILE or --round NAME, not both");
	if (p.instance)
		return plan_instance_file(c, &p);
	if (p.round.round)
		return plan_round_mode(c, &p);
	return cli_usage_error(c, "plan", "give --round NAME (or --instance FILE.json)");
}
