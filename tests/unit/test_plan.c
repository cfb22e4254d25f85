/* Tests of src/core/plan: hand-solved instances (ties, fixed pairs, capacity-2 units, at most
 * one role per target), infeasible instances and their reasons, plan_verify rejecting bad
 * solutions, and plan_repair agreeing with a cold solve on random changes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "app/plan_io.h"
#include "core/plan.h"

#define MAXU 24
#define MAXT 8

/* A small instance built in place. */
struct inst {
	struct plan_unit u[MAXU];
	struct plan_target t[MAXT];
	struct plan_pair p[MAXU * MAXT];
	struct plan_fixed f[4];
	double bonus[MAXT][6];
	char uid[MAXU][8], tid[MAXT][8];
	struct plan_instance in;
};

static void inst_init(struct inst *x)
{
	memset(x, 0, sizeof *x);
	x->in.units = x->u;
	x->in.targets = x->t;
	x->in.pairs = x->p;
	x->in.fixed = x->f;
}

static void unit(struct inst *x, int cap, int min, bool can_lead)
{
	size_t i = x->in.nunits++;
	snprintf(x->uid[i], sizeof x->uid[i], "U%zu", i + 1);
	x->u[i] = (struct plan_unit){ x->uid[i], cap, min, can_lead, 1 };
}

static void target(struct inst *x, int mmin, int mmax, const double *bonus)
{
	size_t i = x->in.ntargets++;
	snprintf(x->tid[i], sizeof x->tid[i], "T%zu", i + 1);
	for (int k = 0; k < mmax; k++)
		x->bonus[i][k] = bonus ? bonus[k] : 0;
	x->t[i] = (struct plan_target){ x->tid[i], mmin, mmax, x->bonus[i] };
}

static void pair(struct inst *x, size_t u, size_t t, bool lead_ok, double lead, double member)
{
	x->p[x->in.npairs++] = (struct plan_pair){ u, t, lead_ok, lead, member };
}

static void fix(struct inst *x, size_t u, size_t t, enum plan_role role)
{
	x->f[x->in.nfixed++] = (struct plan_fixed){ u, t, role };
}

/* Solves x; checks optimal, the objective and plan_verify. */
static void solve_ok(struct inst *x, double objective, struct plan_solution *s)
{
	char why[256];
	CHECK(plan_solve(&x->in, false, s));
	CHECK(s->status == PLAN_OPTIMAL);
	CHECK(fabs(s->objective - objective) < 1e-9);
	if (fabs(s->objective - objective) >= 1e-9)
		printf("  objective %.6f, expected %.6f\n", s->objective, objective);
	CHECK(plan_verify(&x->in, s, why, sizeof why));
}

static void test_plan_hand(void)
{
	struct inst x;
	struct plan_solution s;
	inst_init(&x);
	plan_solution_init(&s);
	unit(&x, 1, 0, true);
	unit(&x, 1, 0, true);
	target(&x, 1, 1, NULL);
	pair(&x, 0, 0, true, 5, 1);
	pair(&x, 1, 0, true, 3, 4);
	solve_ok(&x, 9, &s); /* U1 leads (5), U2 member (4) */
	CHECK_INT(s.n, 2);
	CHECK(s.a[0].role == PLAN_LEAD && s.a[0].unit == 0);
	fix(&x, 1, 0, PLAN_LEAD);
	solve_ok(&x, 4, &s); /* fixed: U2 leads (3), U1 member (1) */
	CHECK(s.a[0].role == PLAN_LEAD && s.a[0].unit == 1);
	plan_solution_release(&s);
}

static void test_plan_ties_and_bonus(void)
{
	static const double b[] = { 3, 3, 1 };
	struct inst x;
	struct plan_solution s;
	inst_init(&x);
	plan_solution_init(&s);
	for (int i = 0; i < 5; i++)
		unit(&x, 1, 0, true);
	target(&x, 1, 3, b);
	for (size_t i = 0; i < 5; i++)
		pair(&x, i, 0, true, 2, 0.5);
	/* lead 2, three members at 0.5 each with bonuses 3+3+1 */
	solve_ok(&x, 2 + 1.5 + 7, &s);
	CHECK_INT(s.n, 4);
	plan_solution_release(&s);
}

static void test_plan_cap2_once_per_target(void)
{
	struct inst x;
	struct plan_solution s;
	inst_init(&x);
	plan_solution_init(&s);
	unit(&x, 2, 0, true);  /* may serve two targets, but each once */
	unit(&x, 1, 0, true);
	unit(&x, 1, 0, true);
	target(&x, 0, 1, NULL);
	pair(&x, 0, 0, true, 10, 10);
	pair(&x, 1, 0, true, 0, 0);
	solve_ok(&x, 10, &s); /* not 20: U1 cannot lead and be a member of T1 */
	target(&x, 0, 1, NULL);
	pair(&x, 0, 1, true, 10, 10);
	pair(&x, 2, 1, true, 1, 1);
	solve_ok(&x, 20 + 0 + 1, &s);
	plan_solution_release(&s);
}

static void infeasible(struct inst *x, const char *expect)
{
	struct plan_solution s;
	plan_solution_init(&s);
	CHECK(plan_solve(&x->in, false, &s));
	CHECK(s.status == PLAN_INFEASIBLE);
	CHECK(strstr(s.reason, expect) != NULL);
	if (!strstr(s.reason, expect))
		printf("  reason: %s\n", s.reason);
	plan_solution_release(&s);
}

static void test_plan_infeasible(void)
{
	struct inst x;
	inst_init(&x);
	unit(&x, 1, 0, true);
	unit(&x, 2, 0, false);
	unit(&x, 2, 0, false);
	target(&x, 1, 2, NULL);
	target(&x, 1, 2, NULL);
	for (size_t t = 0; t < 2; t++)
		for (size_t u = 0; u < 3; u++)
			pair(&x, u, t, true, 1, 1);
	infeasible(&x, "targets T1 and T2 need 2 leads but only unit U1 may lead them");
	inst_init(&x);
	unit(&x, 1, 0, false);
	unit(&x, 1, 0, true);
	target(&x, 0, 1, NULL);
	pair(&x, 0, 0, true, 1, 1);
	pair(&x, 1, 0, false, 0, 1);
	infeasible(&x, "no unit may lead target T1");
	x.p[1].lead_ok = true;
	fix(&x, 0, 0, PLAN_LEAD);
	infeasible(&x, "fixed pair U1–T1 is a lead, but U1 may not lead T1");
	inst_init(&x);
	unit(&x, 1, 0, true);
	unit(&x, 1, 0, true);
	target(&x, 2, 2, NULL);
	pair(&x, 0, 0, true, 1, 1);
	pair(&x, 1, 0, true, 1, 1);
	infeasible(&x, "target T1 needs 1 lead and at least 2 members");
	inst_init(&x);
	unit(&x, 2, 2, true);
	unit(&x, 1, 0, true);
	target(&x, 0, 0, NULL);
	target(&x, 0, 0, NULL);
	pair(&x, 0, 0, true, 1, 1);
	pair(&x, 0, 1, true, 1, 1);
	pair(&x, 1, 1, true, 1, 1);
	fix(&x, 1, 1, PLAN_LEAD);
	/* U1 must take 2 but the targets take no members and U2 is fixed as T2's lead */
	infeasible(&x, "unit U1 must take at least 2 assignments (min) but the targets it may "
			"serve, targets T1 and T2, have only 1 place left for it");
}

static void test_plan_verify_rejects(void)
{
	struct inst x;
	struct plan_solution s;
	char why[256];
	inst_init(&x);
	plan_solution_init(&s);
	unit(&x, 1, 0, true);
	unit(&x, 1, 0, true);
	target(&x, 1, 1, NULL);
	pair(&x, 0, 0, true, 5, 1);
	pair(&x, 1, 0, true, 3, 4);
	solve_ok(&x, 9, &s);
	s.objective += 1;
	CHECK(!plan_verify(&x.in, &s, why, sizeof why));
	CHECK(strstr(why, "objective") != NULL);
	s.objective -= 1;
	s.a[1].role = PLAN_LEAD; /* two leads */
	CHECK(!plan_verify(&x.in, &s, why, sizeof why));
	CHECK(strstr(why, "T1 has 2 leads") != NULL);
	s.a[1].role = PLAN_MEMBER;
	s.n = 1;                 /* too few members */
	CHECK(!plan_verify(&x.in, &s, why, sizeof why));
	s.n = 2;
	CHECK(plan_verify(&x.in, &s, why, sizeof why));
	plan_solution_release(&s);
}

static void test_plan_validate(void)
{
	static const double up[] = { 1, 2 };
	struct inst x;
	char why[256];
	inst_init(&x);
	unit(&x, 1, 0, true);
	target(&x, 0, 2, up);
	CHECK(!plan_validate(&x.in, why, sizeof why));
	CHECK(strstr(why, "bonus[1]") != NULL);
	x.bonus[0][1] = 0;
	pair(&x, 0, 0, true, 1, 1);
	CHECK(plan_validate(&x.in, why, sizeof why));
	pair(&x, 0, 0, true, 1, 1);
	CHECK(!plan_validate(&x.in, why, sizeof why));
	CHECK(strstr(why, "paired twice") != NULL);
}

/* --- repair against cold solves -------------------------------------------------------- */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((rng_state >> 33) % n);
}

static void random_inst(struct inst *x)
{
	size_t nt = 1 + rnd(MAXT), nu = nt * 2 + rnd((unsigned)(MAXU - nt * 2 + 1));
	inst_init(x);
	for (size_t i = 0; i < nu; i++)
		unit(x, 1 + (rnd(3) == 0), 0, rnd(4) != 0);
	for (size_t t = 0; t < nt; t++) {
		double b[6];
		int mmin = (int)rnd(2), mmax = mmin + (int)rnd(3);
		b[0] = rnd(5);
		for (int k = 1; k < mmax; k++)
			b[k] = b[k - 1] - rnd(3);
		target(x, mmin, mmax, b);
	}
	for (size_t u = 0; u < nu; u++)
		for (size_t t = 0; t < nt; t++)
			if (rnd(3))
				pair(x, u, t, rnd(5) != 0, rnd(20) / 2.0, rnd(20) / 2.0);
}

static void test_plan_repair_random(void)
{
	int compared = 0, warm = 0;
	rng_state = 20231117;
	for (int k = 0; k < 300; k++) {
		struct inst x, y;
		struct plan_solution s, r, c;
		char why[256];
		random_inst(&x);
		plan_solution_init(&s);
		plan_solution_init(&r);
		plan_solution_init(&c);
		CHECK(plan_solve(&x.in, true, &s));
		if (s.status == PLAN_OPTIMAL) {
			y = x;
			y.in.units = y.u, y.in.targets = y.t, y.in.pairs = y.p, y.in.fixed = y.f;
			for (size_t t = 0; t < y.in.ntargets; t++)
				y.t[t].bonus = y.bonus[t];
			switch (k % 4) {
			case 0: /* a unit leaves */
				y.u[rnd((unsigned)y.in.nunits)].cap = 0;
				break;
			case 1: /* scores change, the used pairs get a repair bonus */
				for (size_t i = 0; i < s.n; i++)
					y.p[s.a[i].pair].member += 2, y.p[s.a[i].pair].lead += 2;
				y.p[rnd((unsigned)y.in.npairs)].member = rnd(30);
				break;
			case 2: /* a fixed pair */
				fix(&y, s.a[0].unit, s.a[0].target, PLAN_MEMBER);
				y.u[rnd((unsigned)y.in.nunits)].cap = 0;
				break;
			default: /* two units leave, one must now take an assignment */
				y.u[rnd((unsigned)y.in.nunits)].cap = 0;
				y.u[rnd((unsigned)y.in.nunits)].cap = 0;
				y.u[0].min = y.u[0].cap > 0;
			}
			CHECK(plan_repair(&y.in, &s, k % 2 == 0, &r));
			CHECK(plan_solve(&y.in, false, &c));
			CHECK(r.status == c.status);
			if (r.status == PLAN_OPTIMAL && c.status == PLAN_OPTIMAL) {
				CHECK(fabs(r.objective - c.objective) < 1e-9);
				CHECK(plan_verify(&y.in, &r, why, sizeof why));
				warm += r.warm;
			}
			compared++;
		}
		plan_solution_release(&s);
		plan_solution_release(&r);
		plan_solution_release(&c);
	}
	CHECK(compared > 150);
	CHECK(warm > 100);
}

/* app/plan_io: an instance read, written back and read again solves to the same plan; errors
 * name the JSON path. */
static void test_plan_io_round_trip(void)
{
	static const char text[] =
		"{\"units\": [{\"id\": \"U1\", \"cap\": 2, \"min\": 1}, {\"id\": \"U2\", \"cap\": 1},"
		" {\"id\": \"U3\", \"cap\": 1, \"can_lead\": false}],"
		" \"targets\": [{\"id\": \"T1\", \"mmin\": 1, \"mmax\": 2, \"bonus\": [2, 0.5]}],"
		" \"pairs\": [{\"unit\": \"U1\", \"target\": \"T1\", \"lead\": 3, \"member\": 1},"
		" {\"unit\": \"U2\", \"target\": \"T1\", \"lead\": null, \"member\": 2.25},"
		" {\"unit\": \"U3\", \"target\": \"T1\", \"lead\": 9, \"member\": 1}],"
		" \"fixed\": [{\"unit\": \"U3\", \"target\": \"T1\", \"role\": \"member\"}]}";
	struct plan_io a, b;
	struct plan_solution sa, sb;
	struct bf_err err;
	json_t *j;
	char *dumped;

	plan_io_init(&a);
	plan_io_init(&b);
	plan_solution_init(&sa);
	plan_solution_init(&sb);
	bf_err_init(&err);
	CHECK(plan_io_parse(&a, text, sizeof text - 1, &err) == BF_OK);
	j = plan_io_instance_json(&a.in);
	dumped = json_dumps(j, 0);
	CHECK(plan_io_parse(&b, dumped, strlen(dumped), &err) == BF_OK);
	CHECK(plan_solve(&a.in, false, &sa) && plan_solve(&b.in, false, &sb));
	CHECK(sa.status == PLAN_OPTIMAL && sb.status == PLAN_OPTIMAL);
	CHECK(fabs(sa.objective - (3 + 2.25 + 1 + 2 + 0.5)) < 1e-9);
	CHECK(fabs(sa.objective - sb.objective) < 1e-9);
	CHECK_INT(b.in.nfixed, 1);
	free(dumped);
	json_decref(j);
	plan_io_release(&b);
	plan_io_init(&b);
	{
		static const char bad[] = "{\"units\": [], \"targets\": [], \"pairs\": [{}]}";
		CHECK(plan_io_parse(&b, bad, sizeof bad - 1, &err) == BF_EINPUT);
	}
	CHECK_STR(bf_err_msg(&err), "pairs[0].unit: missing: give an id");
	plan_solution_release(&sa);
	plan_solution_release(&sb);
	plan_io_release(&a);
	plan_io_release(&b);
	bf_err_release(&err);
}

const struct unit_test plan_tests[] = {
	{ "plan_io: round trip, errors name the JSON path", test_plan_io_round_trip },
	{ "plan: hand-solved, fixed lead", test_plan_hand },
	{ "plan: ties and member bonuses", test_plan_ties_and_bonus },
	{ "plan: capacity 2, once per target", test_plan_cap2_once_per_target },
	{ "plan: infeasible instances name the conflict", test_plan_infeasible },
	{ "plan: plan_verify rejects bad solutions", test_plan_verify_rejects },
	{ "plan: plan_validate", test_plan_validate },
	{ "plan: repair equals a cold solve on random changes", test_plan_repair_random },
	{ NULL, NULL },
};
