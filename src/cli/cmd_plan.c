/* cmd_plan: `bangfu plan --instance FILE.json [--format table|json]`: forms groups by solving
 * the planner's problem exactly (docs/planner.md) and prints the plan. Options are rows of
 * plan_options[] and fields of struct plan_opts; each mode is one function below. */
#include "app/plan_io.h"
#include "cli/cli.h"
#include "core/plan.h"
#include "util/xalloc.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Every option of `bangfu plan`. To add one: a code here, a row in plan_options[], a case in
 * plan_opt_one(), a field in struct plan_opts. */
enum plan_opt {
	OPT_INSTANCE = 256,
	OPT_FORMAT,
	OPT_BENCH_REPAIR,
};

static const struct option plan_options[] = {
	{ "instance", required_argument, NULL, OPT_INSTANCE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "bench-repair", required_argument, NULL, OPT_BENCH_REPAIR }, /* hidden: bench/plan */
	{ NULL, 0, NULL, 0 },
};

struct plan_opts {
	const char *instance;      /* --instance FILE */
	enum cli_format format;    /* --format */
	const char *bench_repair;  /* --bench-repair UNIT: time removing UNIT by plan_repair */
};

static int plan_opt_one(struct cli *c, int o, const char *arg, struct plan_opts *p)
{
	switch (o) {
	case OPT_INSTANCE:
		p->instance = arg;
		return 0;
	case OPT_FORMAT:
		if (cli_parse_format(arg, &p->format) && p->format != FMT_CSV)
			return 0;
		return cli_usage_error(c, "plan", "--format '%s': use table or json", arg);
	case OPT_BENCH_REPAIR:
		p->bench_repair = arg;
		return 0;
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

/* --bench-repair UNIT: solve, then remove UNIT (cap 0) and re-solve by plan_repair and from
 * scratch; prints both times and objectives (for bench/plan). */
static int plan_bench_repair(struct cli *c, const struct plan_opts *p, struct plan_io *io)
{
	struct plan_solution first, warm, cold;
	struct plan_instance changed = io->in;
	struct plan_unit *units = NULL;
	size_t u;
	int rc = 1;

	plan_solution_init(&first);
	plan_solution_init(&warm);
	plan_solution_init(&cold);
	for (u = 0; u < io->in.nunits && strcmp(io->in.units[u].id, p->bench_repair) != 0; u++)
		;
	if (u == io->in.nunits) {
		fprintf(c->err, "bangfu: --bench-repair: no unit '%s' in the instance\n",
			p->bench_repair);
		goto out;
	}
	units = xmalloc(io->in.nunits * sizeof *units);
	memcpy(units, io->in.units, io->in.nunits * sizeof *units);
	units[u].cap = units[u].min = 0;
	changed.units = units;
	if (!plan_solve(&io->in, true, &first) || first.status != PLAN_OPTIMAL ||
	    !plan_repair(&changed, &first, false, &warm) || !plan_solve(&changed, false, &cold)) {
		fprintf(c->err, "bangfu: --bench-repair: the instance must be feasible\n");
		goto out;
	}
	fprintf(c->out, "{\"solve_seconds\": %.6f, \"solve_objective\": %.6f, "
			"\"repair_seconds\": %.6f, \"repair_objective\": %.6f, "
			"\"repair_status\": \"%s\", \"repair_steps\": %zu, "
			"\"cold_seconds\": %.6f, \"cold_objective\": %.6f}\n",
		first.seconds, first.objective, warm.seconds, warm.objective,
		warm.status == PLAN_OPTIMAL ? "optimal" : "infeasible", warm.pivots, cold.seconds,
		cold.objective);
	rc = warm.status == cold.status &&
	     (warm.status != PLAN_OPTIMAL || warm.objective == cold.objective) ? 0 : 1;
out:
	free(units);
	plan_solution_release(&first);
	plan_solution_release(&warm);
	plan_solution_release(&cold);
	return rc;
}

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
	} else if (p->bench_repair) {
		rc = plan_bench_repair(c, p, &io);
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

int cmd_plan(struct cli *c, int argc, char **argv)
{
	struct plan_opts p;
	int rc;

	if ((rc = plan_opts_parse(c, argc, argv, &p)))
		return rc;
	if (p.instance)
		return plan_instance_file(c, &p);
	return cli_usage_error(c, "plan", "give --instance FILE.json");
}
