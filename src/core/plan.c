/* plan: the planner's exact solver; see plan.h. Pure: no I/O. (Work in progress: the network
 * simplex lands in the next commit; until then every instance is reported infeasible.) */
#include "core/plan.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

void plan_solution_init(struct plan_solution *s)
{
	memset(s, 0, sizeof *s);
}

void plan_solution_release(struct plan_solution *s)
{
	free(s->a);
	memset(s, 0, sizeof *s);
}

bool plan_validate(const struct plan_instance *in, char *why, size_t whylen)
{
	(void)in;
	if (whylen)
		why[0] = '\0';
	return true;
}

bool plan_solve(const struct plan_instance *in, bool keep_state, struct plan_solution *out)
{
	(void)in;
	(void)keep_state;
	plan_solution_release(out);
	out->status = PLAN_INFEASIBLE;
	snprintf(out->reason, sizeof out->reason, "the solver is not built yet");
	return true;
}

bool plan_repair(const struct plan_instance *changed, const struct plan_solution *prev,
		 bool keep_state, struct plan_solution *out)
{
	(void)prev;
	return plan_solve(changed, keep_state, out);
}

bool plan_verify(const struct plan_instance *in, const struct plan_solution *sol, char *why,
		 size_t whylen)
{
	(void)in;
	(void)sol;
	snprintf(why, whylen, "not built yet");
	return false;
}
