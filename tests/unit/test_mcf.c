/* Unit tests of core/mcf: a hand-solved network, an infeasible one, random networks whose
 * optimum is checked by its certificate (flow within bounds, every node balanced, reduced costs
 * that allow no cheaper circulation), and the warm start: random changes re-solved from the
 * previous flow equal a cold solve, and a rolled-back change log restores the network. */
#include "core/mcf.h"
#include "unit.h"
#include <stdio.h>
#include <stdlib.h>

static unsigned rng = 1;

static unsigned rnd(unsigned n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

/* The optimality certificate of the current flow and potentials pi (NULL: the mcf's): bounds,
 * balance, and complementary slackness. A failure is described in why. */
static bool certified(const struct mcf *m, const int64_t *pi, char *why, size_t len)
{
	int32_t n = mcf_nodes(m);
	int64_t *bal = calloc((size_t)n + 1, sizeof *bal);
	bool ok = true;

	for (int32_t e = 0; e < mcf_arcs(m) && ok; e++) {
		int32_t f = mcf_flow(m, e), s = mcf_src(m, e), d = mcf_dst(m, e);
		int64_t rc = mcf_cost(m, e) + (pi ? pi[s] - pi[d]
						   : mcf_potential(m, s) - mcf_potential(m, d));
		bal[s] -= f;
		bal[d] += f;
		if (f < mcf_lo(m, e) || f > mcf_cap(m, e))
			snprintf(why, len, "arc %d: flow %d outside [%d, %d]", e, f, mcf_lo(m, e),
				 mcf_cap(m, e)), ok = false;
		else if ((rc > 0 && f != mcf_lo(m, e)) || (rc < 0 && f != mcf_cap(m, e)))
			snprintf(why, len, "arc %d: reduced cost %lld with flow %d in [%d, %d]", e,
				 (long long)rc, f, mcf_lo(m, e), mcf_cap(m, e)), ok = false;
	}
	for (int32_t v = 0; v < n && ok; v++)
		if (bal[v] != 0)
			snprintf(why, len, "node %d: balance %lld", v, (long long)bal[v]), ok = false;
	free(bal);
	return ok;
}

static void test_mcf_hand(void)
{
	/* s=0 a=1 b=2 t=3; 3 units from s to t: two through a (cost 2 each, a->t or a->b->t),
	 * the third through b (cost 3): 7 */
	struct mcf *m = mcf_new(4, 2);
	char why[160];
	mcf_add_arc(m, 3, 0, 3, 3, 0);
	mcf_add_arc(m, 0, 1, 0, 2, 1);
	mcf_add_arc(m, 0, 2, 0, 2, 3);
	mcf_add_arc(m, 1, 3, 0, 2, 1);
	mcf_add_arc(m, 2, 3, 0, 2, 0);
	mcf_add_arc(m, 1, 2, 0, 1, 1);
	CHECK_INT(mcf_arcs(m), 6);
	CHECK_INT(mcf_solve(m, 0), MCF_OPTIMAL);
	CHECK_INT(mcf_total_cost(m), 7);
	CHECK_INT(mcf_flow(m, 1), 2);
	CHECK_INT(mcf_flow(m, 2), 1);
	CHECK(certified(m, NULL, why, sizeof why));
	/* warm: a->t costs 10; b->t (room 2) takes s-a-b-t (2) and s-b-t (3), a->t the third (11) */
	mcf_log_begin(m);
	mcf_change_arc(m, 3, 0, 2, 10);
	CHECK_INT(mcf_resolve(m), MCF_OPTIMAL);
	CHECK_INT(mcf_total_cost(m), 2 + 3 + 11);
	CHECK(certified(m, NULL, why, sizeof why));
	mcf_log_rollback(m);
	CHECK_INT(mcf_total_cost(m), 7);
	CHECK_INT(mcf_cost(m, 3), 1);
	CHECK(certified(m, NULL, why, sizeof why));
	mcf_free(m);
}

static void test_mcf_infeasible(void)
{
	/* t->s must carry 5 but s->a takes 2: s is left with 3 it cannot send, t misses 3 */
	struct mcf *m = mcf_new(3, 0);
	char mark[3] = { 0, 0, 0 };
	mcf_add_arc(m, 2, 0, 5, 5, 0);
	mcf_add_arc(m, 0, 1, 0, 2, 1);
	mcf_add_arc(m, 1, 2, 0, 10, 1);
	CHECK_INT(mcf_solve(m, 0), MCF_INFEASIBLE);
	CHECK(mcf_unmet(m, 0) != 0 || mcf_unmet(m, 2) != 0);
	CHECK_INT(mcf_unmet(m, 0) + mcf_unmet(m, 1) + mcf_unmet(m, 2), 0);
	/* reach: from a, the residual network goes on to t (a->t has room) */
	mark[1] = 1;
	mcf_reach(m, mark, true);
	CHECK(mark[2]);
	mcf_free(m);
}

struct arc {
	int32_t s, d, lo, cap;
	int64_t cost;
};

/* A random network that has a circulation: arcs with lower bound 0, and cycles whose arcs
 * must carry exactly what the cycle carries. */
static int32_t random_net(struct arc *a, int32_t *n)
{
	int32_t m = 0;
	*n = 4 + (int32_t)rnd(20);
	for (int32_t k = 3 * *n; k > 0; k--) {
		int32_t s = (int32_t)rnd((unsigned)*n), d = (int32_t)rnd((unsigned)*n);
		if (s != d)
			a[m++] = (struct arc){ s, d, 0, (int32_t)rnd(6), (int64_t)rnd(41) - 20 };
	}
	for (int c = 0; c < 3; c++) {
		int32_t len = 2 + (int32_t)rnd(4), first = (int32_t)rnd((unsigned)*n), v = first;
		int32_t k = 1 + (int32_t)rnd(3);
		for (int32_t i = 0; i < len; i++) {
			int32_t w = i + 1 == len ? first : (int32_t)rnd((unsigned)*n);
			if (w == v)
				continue;
			a[m++] = (struct arc){ v, w, k, k + (int32_t)rnd(3), (int64_t)rnd(41) - 20 };
			v = w;
		}
		if (v != first)
			a[m++] = (struct arc){ v, first, k, k, 0 };
	}
	return m;
}

static struct mcf *build(const struct arc *a, int32_t m, int32_t n)
{
	struct mcf *f = mcf_new(n, m);
	for (int32_t e = 0; e < m; e++)
		mcf_add_arc(f, a[e].s, a[e].d, a[e].lo, a[e].cap, a[e].cost);
	return f;
}

static void test_mcf_random_certified(void)
{
	int optimal = 0;
	char why[160];
	rng = 4242;
	for (int k = 0; k < 300; k++) {
		struct arc a[200];
		int32_t n, m = random_net(a, &n);
		struct mcf *f = build(a, m, n);
		int64_t *pi = malloc(((size_t)n + 1) * sizeof *pi);
		enum mcf_status st = mcf_solve(f, 0);
		CHECK(st == MCF_OPTIMAL);
		if (st == MCF_OPTIMAL) {
			optimal++;
			if (!certified(f, NULL, why, sizeof why))
				unit_fail(__FILE__, __LINE__, "certified", why);
			mcf_tight_potentials(f, 0, pi);
			if (!certified(f, pi, why, sizeof why))
				unit_fail(__FILE__, __LINE__, "certified (tight potentials)", why);
		}
		free(pi);
		mcf_free(f);
	}
	CHECK_INT(optimal, 300);
}

/* Random changes (bounds up or down, costs, a lower bound raised: sometimes infeasible)
 * re-solved warm equal a cold solve of the changed network; rolled back, the network and its
 * cost are what they were. */
static void test_mcf_warm_equals_cold(void)
{
	int compared = 0, infeasible = 0;
	char why[160];
	rng = 777;
	for (int k = 0; k < 400; k++) {
		struct arc a[200];
		int32_t n, m = random_net(a, &n);
		struct mcf *f = build(a, m, n), *cold, *copy;
		int64_t before;
		enum mcf_status warm, cst;
		if (mcf_solve(f, 0) != MCF_OPTIMAL) {
			mcf_free(f);
			continue;
		}
		before = mcf_total_cost(f);
		copy = mcf_clone(f);
		mcf_log_begin(f);
		for (int c = 1 + (int)rnd(4); c > 0; c--) {
			int32_t e = (int32_t)rnd((unsigned)m);
			switch (rnd(4)) {
			case 0: a[e].cost = (int64_t)rnd(41) - 20; break;
			case 1: a[e].cap = a[e].lo + (int32_t)rnd(5); break;
			case 2: a[e].lo = 0; break;
			default: a[e].lo = a[e].cap < 1 ? a[e].cap : 1; break;
			}
			mcf_change_arc(f, e, a[e].lo, a[e].cap, a[e].cost);
		}
		warm = mcf_resolve(f);
		cold = build(a, m, n);
		cst = mcf_solve(cold, 0);
		CHECK_INT(warm, cst);
		if (warm == MCF_OPTIMAL && cst == MCF_OPTIMAL) {
			CHECK_INT(mcf_total_cost(f), mcf_total_cost(cold));
			if (!certified(f, NULL, why, sizeof why))
				unit_fail(__FILE__, __LINE__, "warm certified", why);
		}
		infeasible += cst == MCF_INFEASIBLE;
		mcf_log_rollback(f);
		CHECK_INT(mcf_total_cost(f), before);
		if (!certified(f, NULL, why, sizeof why))
			unit_fail(__FILE__, __LINE__, "rolled back certified", why);
		for (int32_t e = 0; e < m; e++)
			if (mcf_flow(f, e) != mcf_flow(copy, e) || mcf_cost(f, e) != mcf_cost(copy, e) ||
			    mcf_lo(f, e) != mcf_lo(copy, e) || mcf_cap(f, e) != mcf_cap(copy, e)) {
				unit_fail(__FILE__, __LINE__, "rollback restores every arc", NULL);
				break;
			}
		compared++;
		mcf_free(cold);
		mcf_free(copy);
		mcf_free(f);
	}
	CHECK(compared > 300);
	CHECK(infeasible > 0);
}

const struct unit_test mcf_tests[] = {
	{ "mcf: hand-solved network, warm change and rollback", test_mcf_hand },
	{ "mcf: infeasible network, unmet nodes, residual reach", test_mcf_infeasible },
	{ "mcf: random networks, optimum certified (also tight potentials)",
	  test_mcf_random_certified },
	{ "mcf: warm start equals cold solve on random changes", test_mcf_warm_equals_cold },
	{ NULL, NULL },
};
