/* libFuzzer target: bytes as a planner instance (app/plan_io's JSON parser), and every instance
 * it accepts solved by core/plan: an optimal solution must pass plan_verify, and removing the
 * first unit must give the same answer by plan_repair as by a cold plan_solve. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "app/plan_io.h"
#include "util/xalloc.h"

static void solve_and_check(const struct plan_instance *in)
{
	struct plan_solution s, r, c;
	struct plan_instance changed = *in;
	struct plan_unit *units;
	char why[512];

	plan_solution_init(&s);
	plan_solution_init(&r);
	plan_solution_init(&c);
	if (!plan_solve(in, true, &s))
		goto out;
	if (s.status == PLAN_OPTIMAL && !plan_verify(in, &s, why, sizeof why))
		abort();
	if (s.status == PLAN_OPTIMAL && in->nunits) {
		units = xmalloc(in->nunits * sizeof *units);
		memcpy(units, in->units, in->nunits * sizeof *units);
		units[0].cap = units[0].min = 0;
		changed.units = units;
		if (plan_repair(&changed, &s, false, &r) != plan_solve(&changed, false, &c) ||
		    r.status != c.status ||
		    (r.status == PLAN_OPTIMAL && fabs(r.objective - c.objective) > 1e-6))
			abort();
		free(units);
	}
out:
	plan_solution_release(&s);
	plan_solution_release(&r);
	plan_solution_release(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_io io;
	struct bf_err err;

	plan_io_init(&io);
	bf_err_init(&err);
	if (plan_io_parse(&io, (const char *)data, size, &err) == BF_OK)
		solve_and_check(&io.in);
	bf_err_release(&err);
	plan_io_release(&io);
	return 0;
}
