/* bench/plan_bench.c: times bangfu's planner for `make bench` (bench/plan builds it against
 * the release objects). Reads an instance, solves it RUNS times (best wall time), checks the
 * solution with plan_verify, then removes one unit (the first group's lead unless UNIT is given)
 * and times plan_repair (the state is restored after each repair, so every run starts from
 * the same solution) against a cold plan_solve of the changed instance. Prints one JSON line.
 * usage: plan_bench INSTANCE.json RUNS [UNIT] */
#include "app/plan_io.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of the process: on a loaded machine it says more than wall time. */
static double cpu_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static const char *status_name(const struct plan_solution *s)
{
	return s->status == PLAN_OPTIMAL ? "optimal" : "infeasible";
}

int main(int argc, char **argv)
{
	struct plan_io io;
	struct bf_err err;
	struct plan_solution s, r, c;
	struct plan_instance changed;
	struct plan_unit *units;
	double best = 1e300, rbest = 1e300, cbest = 1e300, cpu = 1e300, rcpu = 1e300, t;
	int runs = argc > 2 ? atoi(argv[2]) : 1;
	size_t u = 0;
	char why[512];

	if (argc < 3 || runs < 1) {
		fprintf(stderr, "usage: plan_bench INSTANCE.json RUNS [UNIT]\n");
		return 2;
	}
	plan_io_init(&io);
	bf_err_init(&err);
	plan_solution_init(&s);
	plan_solution_init(&r);
	plan_solution_init(&c);
	if (plan_io_read(&io, argv[1], &err)) {
		fprintf(stderr, "plan_bench: %s\n", bf_err_msg(&err));
		return 1;
	}
	for (int k = 0; k < runs; k++) {
		t = cpu_seconds();
		plan_solve(&io.in, k + 1 == runs, &s);
		t = cpu_seconds() - t;
		if (s.seconds < best)
			best = s.seconds;
		if (t < cpu)
			cpu = t;
	}
	printf("{\"status\": \"%s\", \"objective\": %.6f, \"seconds\": %.6f, \"cpu\": %.6f, "
	       "\"pivots\": %zu, \"verify\": \"%s\"", status_name(&s), s.objective, best, cpu, s.pivots,
	       s.status != PLAN_OPTIMAL ? "-" : plan_verify(&io.in, &s, why, sizeof why) ? "ok" : why);
	if (s.status == PLAN_OPTIMAL && s.n) {
		if (argc > 3)
			while (u < io.in.nunits && strcmp(io.in.units[u].id, argv[3]) != 0)
				u++;
		else
			u = s.a[0].unit;
		if (u == io.in.nunits) {
			fprintf(stderr, "plan_bench: no unit %s\n", argv[3]);
			return 1;
		}
		units = xmalloc(io.in.nunits * sizeof *units);
		memcpy(units, io.in.units, io.in.nunits * sizeof *units);
		units[u].cap = units[u].min = 0;
		changed = io.in;
		changed.units = units;
		for (int k = 0; k < runs; k++) {
			t = cpu_seconds();
			plan_repair(&changed, &s, false, &r);
			t = cpu_seconds() - t;
			if (r.seconds < rbest)
				rbest = r.seconds;
			if (t < rcpu)
				rcpu = t;
			plan_solve(&changed, false, &c);
			if (c.seconds < cbest)
				cbest = c.seconds;
		}
		printf(", \"repair\": {\"unit\": \"%s\", \"status\": \"%s\", \"objective\": %.6f, "
		       "\"seconds\": %.6f, \"cpu\": %.6f, \"paths\": %zu, \"warm\": %s, "
		       "\"verify\": \"%s\", \"cold_status\": \"%s\", "
		       "\"cold_objective\": %.6f, \"cold_seconds\": %.6f}",
		       io.in.units[u].id, status_name(&r), r.objective, rbest, rcpu, r.pivots,
		       r.warm ? "true" : "false",
		       r.status != PLAN_OPTIMAL ? "-" :
		       plan_verify(&changed, &r, why, sizeof why) ? "ok" : why,
		       status_name(&c), c.objective, cbest);
		free(units);
	}
	printf("}\n");
	plan_solution_release(&s);
	plan_solution_release(&r);
	plan_solution_release(&c);
	plan_io_release(&io);
	bf_err_release(&err);
	return 0;
}
