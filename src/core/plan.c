/* plan: the planner's exact solver; see plan.h and docs/planner.md. The instance becomes a
 * min-cost circulation with lower bounds (struct net), solved by a primal network simplex
 * (struct ns) or, after a change, repaired by successive shortest paths from the previous
 * flow and potentials. Pure: no I/O; costs are int64 (scores × PLAN_SCALE, rounded). */
#include "core/plan.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define MAX_SCORE 1e6            /* |score| and |bonus|; keeps every cost sum in int64 */
#define MAX_FLOW 1000000000      /* total capacity, so that flows fit in int32 */
#define MAX_BIG_M 100000000000000000LL /* 1e17: potentials stay far from INT64_MAX */

/* ---------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------- */

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int64_t scaled(double x)
{
	return (int64_t)llround(x * PLAN_SCALE);
}

/* A message into a fixed buffer, appended to what is there. */
static void say(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *buf, size_t len, const char *fmt, ...)
{
	size_t used = strnlen(buf, len);
	va_list ap;
	if (used + 1 >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

/* Appends up to 8 ids of a list, then "and N more". */
struct idlist {
	char *buf;
	size_t len;
	size_t n;
};

static void idlist_add(struct idlist *l, const char *id)
{
	if (l->n < 8)
		say(l->buf, l->len, "%s%s", l->n ? ", " : "", id);
	l->n++;
}

static void idlist_end(struct idlist *l)
{
	if (l->n > 8)
		say(l->buf, l->len, " and %zu more", l->n - 8);
}

void plan_solution_init(struct plan_solution *s)
{
	memset(s, 0, sizeof *s);
}

static void state_free(struct plan_state *st);

void plan_solution_release(struct plan_solution *s)
{
	free(s->a);
	state_free(s->state);
	memset(s, 0, sizeof *s);
}

/* How many identical units a unit of the instance stands for (plan_unit.copies). */
static int32_t ncopies(const struct plan_unit *u)
{
	return u->copies > 1 ? u->copies : 1;
}

/* ---------------------------------------------------------------------------------------
 * Validation: the shape of an instance
 * ------------------------------------------------------------------------------------- */

static bool validate_units_targets(const struct plan_instance *in, char *why, size_t len)
{
	int64_t total = 0;
	for (size_t i = 0; i < in->nunits; i++) {
		const struct plan_unit *u = &in->units[i];
		if (!u->id || u->cap < 0 || u->min < 0 || u->min > u->cap || u->copies < 0 ||
		    u->copies > MAX_FLOW) {
			snprintf(why, len, "unit %s: give 0 <= min <= cap (min %d, cap %d) and copies "
					   ">= 0", u->id ? u->id : "(no id)", u->min, u->cap);
			return false;
		}
		total += (int64_t)u->cap * ncopies(u);
	}
	if (total > MAX_FLOW) {
		snprintf(why, len, "the units' capacities add up to more than %d", MAX_FLOW);
		return false;
	}
	for (size_t i = 0; i < in->ntargets; i++) {
		const struct plan_target *t = &in->targets[i];
		if (!t->id || t->mmin < 0 || t->mmin > t->mmax || t->mmax > MAX_FLOW ||
		    (t->mmax && !t->bonus)) {
			snprintf(why, len, "target %s: give 0 <= mmin <= mmax and mmax bonuses",
				 t->id ? t->id : "(no id)");
			return false;
		}
		for (int k = 0; k < t->mmax; k++)
			if (!isfinite(t->bonus[k]) || fabs(t->bonus[k]) > MAX_SCORE ||
			    (k && t->bonus[k] > t->bonus[k - 1])) {
				snprintf(why, len, "target %s: bonus[%d] must be a number within "
						   "±1000000 and not above bonus[%d]",
					 t->id, k, k ? k - 1 : 0);
				return false;
			}
	}
	return true;
}

/* Pairs in range, with finite scores, no (unit, target) twice: per unit, a stamp per target. */
static bool validate_pairs(const struct plan_instance *in, char *why, size_t len)
{
	size_t *seen = xmalloc((in->ntargets ? in->ntargets : 1) * sizeof *seen);
	size_t *first = xcalloc(in->nunits + 1, sizeof *first), *order;
	bool ok = true;

	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		if (p->unit >= in->nunits || p->target >= in->ntargets ||
		    !isfinite(p->member) || fabs(p->member) > MAX_SCORE ||
		    (p->lead_ok && (!isfinite(p->lead) || fabs(p->lead) > MAX_SCORE))) {
			snprintf(why, len, "pair %zu: unit and target must exist and scores be "
					   "numbers within ±1000000", i);
			free(seen);
			free(first);
			return false;
		}
		first[p->unit + 1]++;
	}
	for (size_t u = 0; u < in->nunits; u++)
		first[u + 1] += first[u];
	order = xmalloc((in->npairs ? in->npairs : 1) * sizeof *order);
	for (size_t i = 0; i < in->npairs; i++)
		order[first[in->pairs[i].unit]++] = i;
	for (size_t u = in->nunits; u > 0; u--)
		first[u] = first[u - 1];
	first[0] = 0;
	memset(seen, 0xff, (in->ntargets ? in->ntargets : 1) * sizeof *seen);
	for (size_t u = 0; u < in->nunits && ok; u++)
		for (size_t k = first[u]; k < first[u + 1]; k++) {
			const struct plan_pair *p = &in->pairs[order[k]];
			if (seen[p->target] == u) {
				snprintf(why, len, "pair %zu: unit %s and target %s are paired twice",
					 order[k], in->units[u].id, in->targets[p->target].id);
				ok = false;
				break;
			}
			seen[p->target] = u;
		}
	free(order);
	free(first);
	free(seen);
	return ok;
}

bool plan_validate(const struct plan_instance *in, char *why, size_t whylen)
{
	if (whylen)
		why[0] = '\0';
	if (!validate_units_targets(in, why, whylen) || !validate_pairs(in, why, whylen))
		return false;
	for (size_t i = 0; i < in->nfixed; i++) {
		const struct plan_fixed *f = &in->fixed[i];
		if (f->unit >= in->nunits || f->target >= in->ntargets) {
			snprintf(why, whylen, "fixed pair %zu: unit or target out of range", i);
			return false;
		}
	}
	return true;
}

/* ---------------------------------------------------------------------------------------
 * The network (docs/planner.md, "The network")
 *
 * Nodes: 0 source S, 1 sink T, 2.. units, then per target its lead node L_t and member
 * node M_t, then pair nodes. Arcs: 0 is T→S; 1..nunits are S→u; per target L_t→T [1,1]
 * and the member arcs M_t→T; per pair either u→L_t and u→M_t, or (a unit of capacity ≥ 2
 * that may take both roles) u→p, p→L_t and p→M_t so that it serves a target at most once.
 * ------------------------------------------------------------------------------------- */

enum { NODE_S, NODE_T, NODE_UNIT0 };

struct net {
	int32_t n, m;               /* nodes and arcs (real ones) */
	int32_t *src, *dst;         /* room for m + n + 1 (network simplex's artificial arcs) */
	int32_t *lo, *cap;
	int64_t *cost;
	int32_t nunits, ntargets;
	int32_t *lead_arc, *member_arc, *pair_arc; /* per pair; -1 if none (pair_arc: u→p) */
	int32_t *tmember_first;     /* per target + 1: its member arcs M_t→T */
	int32_t tlead_first;        /* L_t→T is arc tlead_first + t */
	int32_t pair_node0;         /* first pair node */
	size_t *pair_of_node;       /* pair node - pair_node0 → pair index */
};

static int32_t unit_node(size_t u)
{
	return NODE_UNIT0 + (int32_t)u;
}

static int32_t lead_node(const struct net *g, size_t t)
{
	return NODE_UNIT0 + g->nunits + 2 * (int32_t)t;
}

static int32_t member_node(const struct net *g, size_t t)
{
	return lead_node(g, t) + 1;
}

static void net_free(struct net *g)
{
	free(g->src);
	free(g->dst);
	free(g->lo);
	free(g->cap);
	free(g->cost);
	free(g->lead_arc);
	free(g->member_arc);
	free(g->pair_arc);
	free(g->tmember_first);
	free(g->pair_of_node);
	memset(g, 0, sizeof *g);
}

static bool may_lead(const struct plan_instance *in, const struct plan_pair *p)
{
	return p->lead_ok && in->units[p->unit].can_lead;
}

static bool needs_pair_node(const struct plan_instance *in, const struct plan_pair *p)
{
	return in->units[p->unit].cap >= 2 && may_lead(in, p);
}

static int32_t add_arc(struct net *g, int32_t s, int32_t d, int32_t lo, int32_t cap, int64_t c)
{
	int32_t e = g->m++;
	g->src[e] = s;
	g->dst[e] = d;
	g->lo[e] = lo;
	g->cap[e] = cap;
	g->cost[e] = c;
	return e;
}

/* Counts the member arcs of t: one for the mmin required members, one per run of equal
 * bonuses after them. */
static int32_t member_arc_count(const struct plan_target *t)
{
	int32_t n = t->mmin > 0;
	for (int k = t->mmin; k < t->mmax; k++)
		n += k == t->mmin || scaled(t->bonus[k]) != scaled(t->bonus[k - 1]);
	return n;
}

static void net_add_targets(struct net *g, const struct plan_instance *in)
{
	g->tlead_first = g->m;
	for (size_t t = 0; t < in->ntargets; t++)
		add_arc(g, lead_node(g, t), NODE_T, 1, 1, 0);
	for (size_t t = 0; t < in->ntargets; t++) {
		const struct plan_target *x = &in->targets[t];
		int32_t m = member_node(g, t);
		g->tmember_first[t] = g->m;
		if (x->mmin > 0) /* fixed flow: its cost is a constant, counted in the objective */
			add_arc(g, m, NODE_T, x->mmin, x->mmin, 0);
		for (int k = x->mmin; k < x->mmax;) {
			int j = k + 1;
			while (j < x->mmax && scaled(x->bonus[j]) == scaled(x->bonus[k]))
				j++;
			add_arc(g, m, NODE_T, 0, j - k, -scaled(x->bonus[k]));
			k = j;
		}
	}
	g->tmember_first[in->ntargets] = g->m;
}

static void net_add_pairs(struct net *g, const struct plan_instance *in)
{
	int32_t pn = g->pair_node0;
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		int32_t from = unit_node(p->unit), c = ncopies(&in->units[p->unit]);
		g->pair_arc[i] = -1;
		g->lead_arc[i] = -1;
		if (needs_pair_node(in, p)) { /* each copy serves the target at most once */
			g->pair_of_node[pn - g->pair_node0] = i;
			g->pair_arc[i] = add_arc(g, from, pn, 0, c, 0);
			from = pn++;
		}
		if (may_lead(in, p))
			g->lead_arc[i] = add_arc(g, from, lead_node(g, p->target), 0, 1,
						 -scaled(p->lead));
		g->member_arc[i] = add_arc(g, from, member_node(g, p->target), 0, c,
					   -scaled(p->member));
	}
}

/* Lower bounds of the fixed pairs' arcs (precheck_fixed has made sure each role has its arc). */
static void net_fix(struct net *g, const struct plan_instance *in, const size_t *fixed_pair)
{
	for (size_t i = 0; i < in->nfixed; i++) {
		size_t p = fixed_pair[i];
		int32_t e = in->fixed[i].role == PLAN_LEAD ? g->lead_arc[p] : g->member_arc[p];
		g->lo[e] = 1;
		if (g->pair_arc[p] >= 0)
			g->lo[g->pair_arc[p]] = 1;
	}
}

static void net_build(struct net *g, const struct plan_instance *in, const size_t *fixed_pair)
{
	size_t npn = 0, narcs = 1 + in->nunits + in->ntargets;
	int64_t total = 0;

	memset(g, 0, sizeof *g);
	for (size_t i = 0; i < in->npairs; i++) {
		bool pn = needs_pair_node(in, &in->pairs[i]);
		npn += pn;
		narcs += 1 + pn + may_lead(in, &in->pairs[i]);
	}
	for (size_t t = 0; t < in->ntargets; t++)
		narcs += (size_t)member_arc_count(&in->targets[t]);
	g->nunits = (int32_t)in->nunits;
	g->ntargets = (int32_t)in->ntargets;
	g->pair_node0 = NODE_UNIT0 + g->nunits + 2 * g->ntargets;
	g->n = g->pair_node0 + (int32_t)npn;
	g->src = xmalloc((narcs + (size_t)g->n + 1) * sizeof *g->src);
	g->dst = xmalloc((narcs + (size_t)g->n + 1) * sizeof *g->dst);
	g->lo = xmalloc(narcs * sizeof *g->lo);
	g->cap = xmalloc(narcs * sizeof *g->cap);
	g->cost = xmalloc((narcs + (size_t)g->n + 1) * sizeof *g->cost);
	g->lead_arc = xmalloc((in->npairs + 1) * sizeof *g->lead_arc);
	g->member_arc = xmalloc((in->npairs + 1) * sizeof *g->member_arc);
	g->pair_arc = xmalloc((in->npairs + 1) * sizeof *g->pair_arc);
	g->tmember_first = xmalloc((in->ntargets + 1) * sizeof *g->tmember_first);
	g->pair_of_node = xmalloc((npn + 1) * sizeof *g->pair_of_node);
	for (size_t u = 0; u < in->nunits; u++)
		total += in->units[u].cap * ncopies(&in->units[u]);
	add_arc(g, NODE_T, NODE_S, 0, (int32_t)total, 0);
	for (size_t u = 0; u < in->nunits; u++)
		add_arc(g, NODE_S, unit_node(u), in->units[u].min * ncopies(&in->units[u]),
			in->units[u].cap * ncopies(&in->units[u]), 0);
	net_add_targets(g, in);
	net_add_pairs(g, in);
	net_fix(g, in, fixed_pair);
}

/* ---------------------------------------------------------------------------------------
 * Network simplex (docs/planner.md, "Solver")
 *
 * Works on x' = x - lo (capacity cap - lo, node supplies from the lower bounds). The basis
 * is a spanning tree rooted at an extra node; each node keeps its parent, the tree arc to
 * it (pred, with up = the arc points to the parent), its depth, and its place in a preorder
 * thread (thread/rev, circular through the root). The first basis is one artificial arc
 * per node, cost big_m. Entering arcs come from block search; the leaving arc is the last
 * blocking arc of the cycle in the strongly feasible orientation, which prevents cycling.
 * ------------------------------------------------------------------------------------- */

struct ns {
	int32_t n, m, root;        /* real nodes and arcs; artificial arc of node v is m + v */
	int32_t *arc;              /* position → the net's arc (real arcs are mixed, see ns_init) */
	int32_t *src, *dst, *cap, *flow;
	int64_t *cost, *pi;
	int8_t *state;             /* +1 at lower bound, -1 at upper, 0 in the tree or fixed */
	int32_t *parent, *pred, *depth, *thread, *rev;
	int8_t *up;
	int32_t *stem, *order;     /* scratch for the tree update */
	int32_t block, next;
	size_t pivots;
};

static void ns_free(struct ns *s)
{
	free(s->arc);
	free(s->src);
	free(s->dst);
	free(s->cost);
	free(s->cap);
	free(s->flow);
	free(s->pi);
	free(s->state);
	free(s->parent);
	free(s->pred);
	free(s->depth);
	free(s->thread);
	free(s->rev);
	free(s->up);
	free(s->stem);
	free(s->order);
}

/* The largest simple-path cost bound, +1: more than any real path can save. */
static int64_t big_m(const struct net *g)
{
	double sum = 0;
	int64_t max = 0;
	for (int32_t e = 0; e < g->m; e++) {
		int64_t c = g->cost[e] < 0 ? -g->cost[e] : g->cost[e];
		sum += (double)c;
		if (c > max)
			max = c;
	}
	if ((double)max * g->n < sum)
		sum = (double)max * g->n;
	return sum + 1 > (double)MAX_BIG_M ? -1 : (int64_t)sum + 1;
}

/* The real arcs in a mixed order: position i, i + skip, i + 2 skip … take consecutive arcs
 * of the net, so that a block of the pricing sees every part of the network rather than
 * one target's arcs (the same idea as LEMON's arc mixing; it halves the pivots here). */
static void ns_mix(struct ns *s, const struct net *g)
{
	int32_t m = g->m, skip = g->n > 0 && m / g->n > 3 ? m / g->n : 3, i = 0, j = 0;
	for (int32_t e = 0; e < m; e++) {
		s->arc[i] = e;
		s->src[i] = g->src[e];
		s->dst[i] = g->dst[e];
		s->cost[i] = g->cost[e];
		if ((i += skip) >= m)
			i = ++j;
	}
}

/* Sets up the artificial basis: an arc from each node with supply ≥ 0 to the root (cost 0,
 * as LEMON does: a deficit can only be met through the root at m_cost) and from the root to
 * each node with a deficit (cost m_cost). */
static void ns_init(struct ns *s, struct net *g, int64_t m_cost)
{
	int32_t n = g->n, m = g->m, r = n;
	int64_t *b = xcalloc((size_t)n, sizeof *b);

	memset(s, 0, sizeof *s);
	s->n = n;
	s->m = m;
	s->root = r;
	s->arc = xmalloc(((size_t)m + 1) * sizeof *s->arc);
	s->src = xmalloc((size_t)(m + n) * sizeof *s->src);
	s->dst = xmalloc((size_t)(m + n) * sizeof *s->dst);
	s->cost = xmalloc((size_t)(m + n) * sizeof *s->cost);
	ns_mix(s, g);
	s->cap = xmalloc((size_t)(m + n) * sizeof *s->cap);
	s->flow = xcalloc((size_t)(m + n), sizeof *s->flow);
	s->state = xmalloc((size_t)(m + n) * sizeof *s->state);
	s->pi = xmalloc((size_t)(n + 1) * sizeof *s->pi);
	s->parent = xmalloc((size_t)(n + 1) * sizeof *s->parent);
	s->pred = xmalloc((size_t)(n + 1) * sizeof *s->pred);
	s->depth = xmalloc((size_t)(n + 1) * sizeof *s->depth);
	s->thread = xmalloc((size_t)(n + 1) * sizeof *s->thread);
	s->rev = xmalloc((size_t)(n + 1) * sizeof *s->rev);
	s->up = xmalloc((size_t)(n + 1) * sizeof *s->up);
	s->stem = xmalloc((size_t)(n + 1) * sizeof *s->stem);
	s->order = xmalloc((size_t)(n + 1) * sizeof *s->order);
	for (int32_t i = 0; i < m; i++) {
		int32_t e = s->arc[i];
		s->cap[i] = g->cap[e] - g->lo[e];
		s->state[i] = s->cap[i] > 0 ? 1 : 0; /* fixed arcs never enter */
		b[g->src[e]] -= g->lo[e];
		b[g->dst[e]] += g->lo[e];
	}
	for (int32_t v = 0; v < n; v++) {
		int32_t e = m + v;
		s->cap[e] = MAX_FLOW * 2;
		s->state[e] = 0;
		s->parent[v] = r;
		s->pred[v] = e;
		s->depth[v] = 1;
		s->thread[v] = v + 1 < n ? v + 1 : r;
		s->rev[v] = v > 0 ? v - 1 : r;
		if (b[v] >= 0) { /* v → root */
			s->src[e] = v, s->dst[e] = r, s->up[v] = 1;
			s->flow[e] = (int32_t)b[v];
			s->cost[e] = 0;
			s->pi[v] = 0;
		} else {
			s->src[e] = r, s->dst[e] = v, s->up[v] = 0;
			s->flow[e] = (int32_t)-b[v];
			s->cost[e] = m_cost;
			s->pi[v] = m_cost;
		}
	}
	s->parent[r] = -1;
	s->pred[r] = -1;
	s->depth[r] = 0;
	s->pi[r] = 0;
	s->thread[r] = n > 0 ? 0 : r;
	s->rev[r] = n > 0 ? n - 1 : r;
	s->block = (int32_t)sqrt((double)m);
	if (s->block < 10)
		s->block = 10;
	free(b);
}

static inline int64_t ns_rc(const struct ns *s, int32_t e)
{
	return s->cost[e] + s->pi[s->src[e]] - s->pi[s->dst[e]];
}

/* Block search: the most violating arc of the first block that has one; -1 if optimal.
 * Branch-free: tree and fixed arcs have state 0, so c is 0 and never chosen. */
static int32_t ns_entering(struct ns *s)
{
	int64_t best = 0;
	int32_t in = -1, e = s->next, left = s->block;
	const int32_t *restrict src = s->src, *restrict dst = s->dst;
	const int64_t *restrict cost = s->cost, *restrict pi = s->pi;
	const int8_t *restrict state = s->state;
	const int32_t m = s->m;

	if (m == 0)
		return -1;
	for (int32_t k = 0; k < m; k++) {
		int64_t c = state[e] * (cost[e] + pi[src[e]] - pi[dst[e]]);
		if (c < best)
			best = c, in = e;
		if (++e == m)
			e = 0;
		if (--left == 0) {
			if (in >= 0)
				break;
			left = s->block;
		}
	}
	s->next = e;
	return in;
}

static int32_t ns_join(const struct ns *s, int32_t u, int32_t v)
{
	while (u != v) {
		if (s->depth[u] >= s->depth[v])
			u = s->parent[u];
		else
			v = s->parent[v];
	}
	return u;
}

struct pivot {
	int32_t in, join, first, second, u_out, delta;
	int result; /* 0: the entering arc itself blocks; 1: first side; 2: second side */
};

static void ns_leaving(const struct ns *s, struct pivot *p)
{
	int32_t d;
	p->first = s->state[p->in] > 0 ? s->src[p->in] : s->dst[p->in];
	p->second = s->state[p->in] > 0 ? s->dst[p->in] : s->src[p->in];
	p->delta = s->cap[p->in];
	p->result = 0;
	for (int32_t u = p->first; u != p->join; u = s->parent[u]) {
		int32_t e = s->pred[u];
		d = s->up[u] ? s->flow[e] : s->cap[e] - s->flow[e];
		if (d < p->delta)
			p->delta = d, p->u_out = u, p->result = 1;
	}
	for (int32_t u = p->second; u != p->join; u = s->parent[u]) {
		int32_t e = s->pred[u];
		d = s->up[u] ? s->cap[e] - s->flow[e] : s->flow[e];
		if (d <= p->delta)
			p->delta = d, p->u_out = u, p->result = 2;
	}
}

static void ns_push(struct ns *s, const struct pivot *p)
{
	int32_t val = s->state[p->in] * p->delta;
	if (!val)
		return;
	s->flow[p->in] += val;
	for (int32_t u = s->src[p->in]; u != p->join; u = s->parent[u])
		s->flow[s->pred[u]] += s->up[u] ? -val : val;
	for (int32_t u = s->dst[p->in]; u != p->join; u = s->parent[u])
		s->flow[s->pred[u]] += s->up[u] ? val : -val;
}

/* The subtree of u_out is re-hung from u_in (reversing the stem u_in … u_out) under v_in.
 * Its new preorder is: the old subtree of s0 = u_in, then for each s_i up the stem, the
 * part of s_i's old subtree before s_{i-1}'s (from s_i) and after it. */
static int32_t ns_rethread(struct ns *s, int32_t k, int32_t *after_out)
{
	int32_t *st = s->stem, *ord = s->order, cnt = 0, x = st[0], after;
	const int32_t *depth = s->depth, *thread = s->thread;

	do {
		ord[cnt++] = x;
		x = thread[x];
	} while (depth[x] > depth[st[0]]);
	after = x;
	for (int32_t i = 1; i <= k; i++) {
		for (x = st[i]; x != st[i - 1]; x = thread[x])
			ord[cnt++] = x;
		for (x = after; depth[x] > depth[st[i]]; x = thread[x])
			ord[cnt++] = x;
		after = x;
	}
	*after_out = after; /* the node after the old subtree of u_out */
	return cnt;
}

static void ns_update_tree(struct ns *s, const struct pivot *p)
{
	int32_t u_in = p->result == 1 ? p->first : p->second;
	int32_t v_in = p->result == 1 ? p->second : p->first;
	int32_t k = 0, cnt, before, after, nxt, in = p->in;
	int32_t *st = s->stem, *ord = s->order;
	int64_t sigma = ns_rc(s, in);

	if (u_in == s->src[in])
		sigma = -sigma;
	for (int32_t x = u_in; x != p->u_out; x = s->parent[x])
		st[k++] = x;
	st[k] = p->u_out;
	cnt = ns_rethread(s, k, &after);
	before = s->rev[p->u_out];
	s->thread[before] = after;
	s->rev[after] = before;
	for (int32_t i = k; i > 0; i--) {
		s->parent[st[i]] = st[i - 1];
		s->pred[st[i]] = s->pred[st[i - 1]];
		s->up[st[i]] = (int8_t)!s->up[st[i - 1]];
	}
	s->parent[u_in] = v_in;
	s->pred[u_in] = in;
	s->up[u_in] = s->src[in] == u_in;
	/* one pass: link the new order after v_in, set depths, shift potentials */
	nxt = s->thread[v_in];
	for (int32_t i = 0, prev = v_in; i < cnt; i++) {
		int32_t x = ord[i];
		s->thread[prev] = x;
		s->rev[x] = prev;
		s->depth[x] = s->depth[s->parent[x]] + 1;
		s->pi[x] += sigma;
		prev = x;
	}
	s->thread[ord[cnt - 1]] = nxt;
	s->rev[nxt] = ord[cnt - 1];
}

/* Pivots until no arc prices out; the flow is then optimal for the network with the
 * artificial arcs (infeasible if any of them still carries flow). */
static void ns_run(struct ns *s)
{
	struct pivot p;
	while ((p.in = ns_entering(s)) >= 0) {
		p.join = ns_join(s, s->src[p.in], s->dst[p.in]);
		ns_leaving(s, &p);
		ns_push(s, &p);
		if (p.result == 0) {
			s->state[p.in] = (int8_t)-s->state[p.in];
		} else {
			int32_t out = s->pred[p.u_out];
			s->state[p.in] = 0;
			s->state[out] = s->flow[out] == 0 ? 1 : -1;
			ns_update_tree(s, &p);
		}
		s->pivots++;
	}
}

/* ---------------------------------------------------------------------------------------
 * Adjacency (for the cut of an infeasible instance and for repair)
 * ------------------------------------------------------------------------------------- */

struct adj {
	int32_t *out_first, *out_arc, *in_first, *in_arc;
};

static void adj_build(struct adj *a, const struct net *g)
{
	a->out_first = xcalloc((size_t)g->n + 1, sizeof *a->out_first);
	a->in_first = xcalloc((size_t)g->n + 1, sizeof *a->in_first);
	a->out_arc = xmalloc(((size_t)g->m + 1) * sizeof *a->out_arc);
	a->in_arc = xmalloc(((size_t)g->m + 1) * sizeof *a->in_arc);
	for (int32_t e = 0; e < g->m; e++) {
		a->out_first[g->src[e] + 1]++;
		a->in_first[g->dst[e] + 1]++;
	}
	for (int32_t v = 0; v < g->n; v++) {
		a->out_first[v + 1] += a->out_first[v];
		a->in_first[v + 1] += a->in_first[v];
	}
	for (int32_t e = 0; e < g->m; e++) {
		a->out_arc[a->out_first[g->src[e]]++] = e;
		a->in_arc[a->in_first[g->dst[e]]++] = e;
	}
	for (int32_t v = g->n; v > 0; v--) {
		a->out_first[v] = a->out_first[v - 1];
		a->in_first[v] = a->in_first[v - 1];
	}
	a->out_first[0] = a->in_first[0] = 0;
}

static void adj_free(struct adj *a)
{
	free(a->out_first);
	free(a->out_arc);
	free(a->in_first);
	free(a->in_arc);
}

/* ---------------------------------------------------------------------------------------
 * Pre-checks: infeasibility a user can fix, found before any flow (docs/planner.md,
 * "Infeasibility")
 * ------------------------------------------------------------------------------------- */

/* fixed_pair[i]: the pair of in->fixed[i]; false (why set) if one is not a pair. */
static bool map_fixed(const struct plan_instance *in, size_t *fixed_pair, char *why, size_t len)
{
	size_t *first = xcalloc(in->nunits + 1, sizeof *first), *order;
	bool ok = true;

	for (size_t i = 0; i < in->npairs; i++)
		first[in->pairs[i].unit + 1]++;
	for (size_t u = 0; u < in->nunits; u++)
		first[u + 1] += first[u];
	order = xmalloc((in->npairs + 1) * sizeof *order);
	{
		size_t *at = xmalloc((in->nunits + 1) * sizeof *at);
		memcpy(at, first, (in->nunits + 1) * sizeof *at);
		for (size_t i = 0; i < in->npairs; i++)
			order[at[in->pairs[i].unit]++] = i;
		free(at);
	}
	for (size_t i = 0; i < in->nfixed && ok; i++) {
		const struct plan_fixed *f = &in->fixed[i];
		size_t k = first[f->unit];
		while (k < first[f->unit + 1] && in->pairs[order[k]].target != f->target)
			k++;
		if (k == first[f->unit + 1]) {
			snprintf(why, len, "fixed pair %s–%s is not among the allowed pairs: add it "
					   "to pairs or drop it", in->units[f->unit].id,
				 in->targets[f->target].id);
			ok = false;
		} else {
			fixed_pair[i] = order[k];
		}
	}
	free(order);
	free(first);
	return ok;
}

static bool precheck_fixed(const struct plan_instance *in, const size_t *fixed_pair, char *r,
			   size_t len)
{
	int *ucount = xcalloc(in->nunits + 1, sizeof *ucount);
	int *tmembers = xcalloc(in->ntargets + 1, sizeof *tmembers);
	size_t *tlead = xmalloc((in->ntargets + 1) * sizeof *tlead);
	size_t *pseen = xmalloc((in->npairs + 1) * sizeof *pseen);
	bool ok = true;

	memset(tlead, 0xff, (in->ntargets + 1) * sizeof *tlead);
	memset(pseen, 0xff, (in->npairs + 1) * sizeof *pseen);
	for (size_t i = 0; i < in->nfixed && ok; i++) {
		const struct plan_fixed *f = &in->fixed[i];
		const struct plan_pair *p = &in->pairs[fixed_pair[i]];
		const char *u = in->units[f->unit].id, *t = in->targets[f->target].id;
		ok = false;
		if (f->role == PLAN_LEAD && !may_lead(in, p))
			snprintf(r, len, "fixed pair %s–%s is a lead, but %s may not lead %s (%s): fix "
					 "it as a member or drop it", u, t, u, t,
				 !in->units[f->unit].can_lead ? "the unit cannot lead" :
								"its lead score is null");
		else if (pseen[fixed_pair[i]] != SIZE_MAX)
			snprintf(r, len, "unit %s is fixed to target %s twice: a unit serves a target "
					 "once, as lead or as member", u, t);
		else if (f->role == PLAN_LEAD && tlead[f->target] != SIZE_MAX)
			snprintf(r, len, "target %s has two fixed leads, %s and %s: keep one", t,
				 in->units[tlead[f->target]].id, u);
		else if (++ucount[f->unit] > in->units[f->unit].cap * ncopies(&in->units[f->unit]))
			snprintf(r, len, "unit %s is fixed to %d target%s but its capacity is %d", u,
				 ucount[f->unit], ucount[f->unit] == 1 ? "" : "s",
				 in->units[f->unit].cap);
		else if (f->role == PLAN_MEMBER &&
			 ++tmembers[f->target] > in->targets[f->target].mmax)
			snprintf(r, len, "target %s has %d fixed members but takes at most %d (mmax)",
				 t, tmembers[f->target], in->targets[f->target].mmax);
		else
			ok = true;
		pseen[fixed_pair[i]] = i;
		if (f->role == PLAN_LEAD)
			tlead[f->target] = f->unit;
	}
	free(ucount);
	free(tmembers);
	free(tlead);
	free(pseen);
	return ok;
}

/* Per target: how many units may lead it, how many may serve it at all. */
static bool precheck_targets(const struct plan_instance *in, char *r, size_t len)
{
	int *leads = xcalloc(in->ntargets + 1, sizeof *leads);
	int *units = xcalloc(in->ntargets + 1, sizeof *units);
	struct idlist l = { r, len, 0 };
	bool ok = true;

	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		if (in->units[p->unit].cap <= 0)
			continue;
		units[p->target] += ncopies(&in->units[p->unit]);
		leads[p->target] += may_lead(in, p);
	}
	for (size_t t = 0; t < in->ntargets; t++)
		if (!leads[t])
			idlist_add(&l, in->targets[t].id);
	if (l.n) {
		char ids[1024];
		idlist_end(&l);
		snprintf(ids, sizeof ids, "%s", r);
		snprintf(r, len, "no unit may lead target%s %.700s: give each a pair with a lead "
				 "score, with a unit that can lead and has capacity",
			 l.n == 1 ? "" : "s", ids);
		ok = false;
	}
	for (size_t t = 0; t < in->ntargets && ok; t++)
		if (units[t] < 1 + in->targets[t].mmin) {
			snprintf(r, len, "target %s needs 1 lead and at least %d members (%d different "
					 "units) but only %d unit%s may serve it: allow more pairs or "
					 "lower mmin", in->targets[t].id, in->targets[t].mmin,
				 1 + in->targets[t].mmin, units[t], units[t] == 1 ? "" : "s");
			ok = false;
		}
	free(leads);
	free(units);
	return ok;
}

static bool precheck_totals(const struct plan_instance *in, char *r, size_t len)
{
	int64_t need = 0, places = 0, cap = 0, min = 0;
	int *paired = xcalloc(in->nunits + 1, sizeof *paired);
	bool ok = true;

	for (size_t t = 0; t < in->ntargets; t++) {
		need += 1 + in->targets[t].mmin;
		places += 1 + in->targets[t].mmax;
	}
	for (size_t u = 0; u < in->nunits; u++) {
		cap += (int64_t)in->units[u].cap * ncopies(&in->units[u]);
		min += (int64_t)in->units[u].min * ncopies(&in->units[u]);
	}
	for (size_t i = 0; i < in->npairs; i++)
		paired[in->pairs[i].unit]++;
	if (need > cap) {
		snprintf(r, len, "the targets need at least %lld assignments (a lead and mmin "
				 "members each) but the units' capacities add up to %lld",
			 (long long)need, (long long)cap);
		ok = false;
	} else if (min > places) {
		snprintf(r, len, "the units must take at least %lld assignments (their min) but "
				 "the targets offer at most %lld places (a lead and mmax members each)",
			 (long long)min, (long long)places);
		ok = false;
	}
	for (size_t u = 0; u < in->nunits && ok; u++)
		if (in->units[u].min > paired[u]) {
			snprintf(r, len, "unit %s must take at least %d assignment%s but is "
					 "paired with %d target%s", in->units[u].id, in->units[u].min,
				 in->units[u].min == 1 ? "" : "s",
				 paired[u], paired[u] == 1 ? "" : "s");
			ok = false;
		}
	free(paired);
	return ok;
}

/* ---------------------------------------------------------------------------------------
 * Infeasibility from the flow: a Hall-type cut
 * ------------------------------------------------------------------------------------- */

struct cut {
	const struct plan_instance *in;
	const struct net *g;
	const struct adj *a;
	const int32_t *flow;     /* actual flow per real arc */
	char *in_set;
	int32_t *queue;
	char *tmark;             /* targets to name, when set (the supply side) */
};

/* Marks every node that can reach a marked node (backward) or be reached (forward) in the
 * residual network; the queue starts with the marked nodes. */
static void cut_grow(struct cut *c, int32_t head, bool forward)
{
	const struct net *g = c->g;
	int32_t tail = head;
	for (int32_t qi = 0; qi < tail; qi++) {
		int32_t v = c->queue[qi];
		for (int32_t k = c->a->in_first[v]; k < c->a->in_first[v + 1]; k++) {
			int32_t e = c->a->in_arc[k], w = g->src[e];
			bool res = forward ? c->flow[e] > g->lo[e] : c->flow[e] < g->cap[e];
			if (res && !c->in_set[w])
				c->in_set[w] = 1, c->queue[tail++] = w;
		}
		for (int32_t k = c->a->out_first[v]; k < c->a->out_first[v + 1]; k++) {
			int32_t e = c->a->out_arc[k], w = g->dst[e];
			bool res = forward ? c->flow[e] < g->cap[e] : c->flow[e] > g->lo[e];
			if (res && !c->in_set[w])
				c->in_set[w] = 1, c->queue[tail++] = w;
		}
	}
}

static bool cut_has(const struct cut *c, int32_t i, bool units)
{
	const struct net *g = c->g;
	if (units)
		return c->in_set[unit_node((size_t)i)];
	if (c->tmark)
		return c->tmark[i];
	return c->in_set[lead_node(g, (size_t)i)] || c->in_set[member_node(g, (size_t)i)];
}

/* Names the targets (or units) of the set: "target T1", "targets T1, T2 and T3",
 * "targets T1, …, T8 and 5 more". */
static void cut_names(const struct cut *c, char *r, size_t len, bool units)
{
	int32_t n = 0, k = 0, all = units ? c->g->nunits : c->g->ntargets;
	for (int32_t i = 0; i < all; i++)
		n += cut_has(c, i, units);
	say(r, len, "%s%s", units ? "unit" : "target", n == 1 ? "" : "s");
	if (n == 0)
		say(r, len, " (none)");
	for (int32_t i = 0; i < all && k < 8; i++) {
		if (!cut_has(c, i, units))
			continue;
		k++;
		say(r, len, "%s%s", k == 1 ? " " : k == n ? " and " : ", ",
		    units ? c->in->units[i].id : c->in->targets[i].id);
	}
	if (n > 8)
		say(r, len, " and %d more", n - 8);
}

static int32_t cut_count(const struct cut *c, bool units)
{
	int32_t n = 0, all = units ? c->g->nunits : c->g->ntargets;
	for (int32_t i = 0; i < all; i++)
		n += cut_has(c, i, units);
	return n;
}

static const char *plural(int64_t n)
{
	return n == 1 ? "" : "s";
}

static void cut_explain(struct cut *c, bool deficit_side, char *r, size_t len)
{
	const struct net *g = c->g;
	int64_t need = 0, have = 0, leads = 0, members = 0;
	for (int32_t e = 0; e < g->m; e++) {
		bool s = c->in_set[g->src[e]], d = c->in_set[g->dst[e]];
		if (s == d)
			continue;
		if (deficit_side) {
			need += s ? g->lo[e] : 0;
			have += d ? g->cap[e] : 0;
		} else {
			need += d ? g->lo[e] : 0;
			have += s ? g->cap[e] : 0;
		}
	}
	for (int32_t t = 0; t < g->ntargets; t++) {
		leads += c->in_set[lead_node(g, (size_t)t)];
		members += c->in_set[member_node(g, (size_t)t)] ? c->in->targets[t].mmin : 0;
	}
	r[0] = '\0';
	if (deficit_side) {
		bool only_leads = need == leads;
		cut_names(c, r, len, false);
		if (only_leads)
			say(r, len, " need%s %lld lead%s but only ", cut_count(c, false) == 1 ? "s" : "",
			    (long long)leads, plural(leads));
		else
			say(r, len, " need%s %lld assignments (%lld lead%s, %lld required member%s%s) "
				    "but only ", cut_count(c, false) == 1 ? "s" : "", (long long)need,
			    (long long)leads, plural(leads), (long long)members, plural(members),
			    need > leads + members ? ", fixed pairs" : "");
		cut_names(c, r, len, true);
		say(r, len, " may %s them, with %lld place%s left: allow more pairs, raise "
			    "capacities or lower mmin", only_leads ? "lead" : "serve",
		    (long long)have, plural(have));
	} else {
		int64_t mins = 0;
		c->tmark = xcalloc((size_t)g->ntargets + 1, 1);
		for (int32_t e = 0; e < g->m; e++) {
			int32_t d = g->dst[e];
			if (g->src[e] == NODE_S && c->in_set[d])
				mins += g->lo[e];
			if (!c->in_set[g->src[e]] || d < lead_node(g, 0))
				continue;
			if (d < g->pair_node0)
				c->tmark[(d - lead_node(g, 0)) / 2] = 1;
			else
				c->tmark[c->in->pairs[g->pair_of_node[d - g->pair_node0]].target] = 1;
		}
		cut_names(c, r, len, true);
		say(r, len, " must take at least %lld assignment%s (min) but the targets %s may "
			    "serve, ", (long long)mins, plural(mins),
		    cut_count(c, true) == 1 ? "it" : "they");
		cut_names(c, r, len, false);
		say(r, len, ", have only %lld place%s left for %s: allow more pairs, raise mmax or "
			    "lower min", (long long)(have - (need - mins)),
		    plural(have - (need - mins)), cut_count(c, true) == 1 ? "it" : "them");
		free(c->tmark);
		c->tmark = NULL;
	}
}

/* The simplex ended with flow on artificial arcs: find the set that cannot be balanced. */
static void explain_flow(const struct plan_instance *in, const struct net *g,
			 const struct ns *s, const int32_t *flow, char *r, size_t len)
{
	struct adj a;
	struct cut c = { in, g, &a, flow, xcalloc((size_t)g->n + 1, 1),
			 xmalloc(((size_t)g->n + 1) * sizeof(int32_t)), NULL };
	int32_t head = 0;

	adj_build(&a, g);
	for (int side = 0; side < 2; side++) {
		bool deficit = side == 0;
		memset(c.in_set, 0, (size_t)g->n);
		head = 0;
		for (int32_t v = 0; v < g->n; v++) {
			int32_t e = s->m + v;
			if (s->flow[e] > 0 && (s->dst[e] == v) == deficit)
				c.in_set[v] = 1, c.queue[head++] = v;
		}
		cut_grow(&c, head, !deficit);
		if (head && !c.in_set[NODE_S] && !c.in_set[NODE_T]) {
			cut_explain(&c, deficit, r, len);
			goto out;
		}
	}
	snprintf(r, len, "no plan meets every bound at once; the conflict involves ");
	cut_names(&c, r, len, false);
	say(r, len, " and ");
	cut_names(&c, r, len, true);
out:
	adj_free(&a);
	free(c.in_set);
	free(c.queue);
}

/* ---------------------------------------------------------------------------------------
 * Solutions
 * ------------------------------------------------------------------------------------- */

static int assignment_cmp(const void *x, const void *y)
{
	const struct plan_assignment *a = x, *b = y;
	if (a->target != b->target)
		return a->target < b->target ? -1 : 1;
	if (a->role != b->role)
		return a->role == PLAN_LEAD ? -1 : 1;
	return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* The objective of a list of assignments, in scaled units (the rounded scores). */
static int64_t objective_scaled(const struct plan_instance *in, const struct plan_assignment *a,
				size_t n)
{
	int64_t sum = 0;
	int *members = xcalloc(in->ntargets + 1, sizeof *members);
	for (size_t i = 0; i < n; i++) {
		const struct plan_pair *p = &in->pairs[a[i].pair];
		if (a[i].role == PLAN_LEAD) {
			sum += scaled(p->lead);
		} else {
			sum += scaled(p->member);
			if (members[a[i].target] < in->targets[a[i].target].mmax)
				sum += scaled(in->targets[a[i].target].bonus[members[a[i].target]]);
			members[a[i].target]++;
		}
	}
	free(members);
	return sum;
}

static void extract(const struct plan_instance *in, const struct net *g, const int32_t *flow,
		    struct plan_solution *out)
{
	size_t n = 0;
	for (size_t i = 0; i < in->npairs; i++)
		n += (size_t)(g->lead_arc[i] >= 0 ? flow[g->lead_arc[i]] : 0) +
		     (size_t)flow[g->member_arc[i]];
	out->a = xmalloc((n + 1) * sizeof *out->a);
	n = 0;
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		for (int32_t k = g->lead_arc[i] >= 0 ? flow[g->lead_arc[i]] : 0; k > 0; k--)
			out->a[n++] = (struct plan_assignment){ p->unit, p->target, i, PLAN_LEAD };
		for (int32_t k = flow[g->member_arc[i]]; k > 0; k--)
			out->a[n++] = (struct plan_assignment){ p->unit, p->target, i, PLAN_MEMBER };
	}
	qsort(out->a, n, sizeof *out->a, assignment_cmp);
	out->n = n;
	out->status = PLAN_OPTIMAL;
	out->objective = (double)objective_scaled(in, out->a, n) / PLAN_SCALE;
}

/* ---------------------------------------------------------------------------------------
 * The state kept for repair: the network, its flow and potentials, and the values of the
 * instance it was built from (to find what changed).
 * ------------------------------------------------------------------------------------- */

struct undo {
	int32_t idx;
	int8_t kind; /* 0 flow, 1 lo, 2 cap, 3 cost, 4 pi */
	int64_t old;
};

struct heap_item {
	int64_t key;
	int32_t v;
};

struct plan_state {
	struct net g;
	struct adj a;
	int32_t *flow;
	int64_t *pi;
	/* the instance the flow is optimal for */
	size_t nunits, ntargets, npairs;
	int *ucap, *umin, *ucopies;
	bool *ucan_lead;
	double *lead, *member;      /* per pair; lead NAN if not allowed */
	int *mmin, *mmax;
	int64_t *bonus;             /* scaled, per target from bonus_first */
	size_t *bonus_first;
	int32_t *fixed_arcs;        /* arcs whose lower bound is 1 because of a fixed pair */
	size_t nfixed_arcs;
	size_t *unit_first, *unit_pairs; /* pairs by unit, to find fixed pairs */
	/* scratch for repair: all zero / unused at rest */
	int32_t *excess, *stamp, *how;
	int64_t *dist;
	int32_t cur_stamp;
	bool infeasible;            /* kept by an infeasible solve: potentials only */
};

static void state_free(struct plan_state *st)
{
	if (!st)
		return;
	net_free(&st->g);
	adj_free(&st->a);
	free(st->flow);
	free(st->pi);
	free(st->ucap);
	free(st->umin);
	free(st->ucopies);
	free(st->ucan_lead);
	free(st->lead);
	free(st->member);
	free(st->mmin);
	free(st->mmax);
	free(st->bonus);
	free(st->bonus_first);
	free(st->fixed_arcs);
	free(st->unit_first);
	free(st->unit_pairs);
	free(st->excess);
	free(st->stamp);
	free(st->how);
	free(st->dist);
	free(st);
}

static void state_values(struct plan_state *st, const struct plan_instance *in,
			 const size_t *fixed_pair)
{
	size_t nb = 0;
	for (size_t u = 0; u < in->nunits; u++) {
		st->ucap[u] = in->units[u].cap;
		st->umin[u] = in->units[u].min;
		st->ucopies[u] = ncopies(&in->units[u]);
		st->ucan_lead[u] = in->units[u].can_lead;
	}
	for (size_t i = 0; i < in->npairs; i++) {
		st->lead[i] = in->pairs[i].lead_ok ? in->pairs[i].lead : NAN;
		st->member[i] = in->pairs[i].member;
	}
	for (size_t t = 0; t < in->ntargets; t++) {
		st->mmin[t] = in->targets[t].mmin;
		st->mmax[t] = in->targets[t].mmax;
		st->bonus_first[t] = nb;
		for (int k = 0; k < in->targets[t].mmax; k++)
			st->bonus[nb++] = scaled(in->targets[t].bonus[k]);
	}
	st->bonus_first[in->ntargets] = nb;
	st->nfixed_arcs = 0;
	for (size_t i = 0; i < in->nfixed; i++) {
		size_t p = fixed_pair[i];
		st->fixed_arcs[st->nfixed_arcs++] = in->fixed[i].role == PLAN_LEAD ?
							    st->g.lead_arc[p] : st->g.member_arc[p];
		if (st->g.pair_arc[p] >= 0)
			st->fixed_arcs[st->nfixed_arcs++] = st->g.pair_arc[p];
	}
}

static struct plan_state *state_new(const struct plan_instance *in, struct net *g,
				    const int32_t *flow, const int64_t *pi,
				    const size_t *fixed_pair)
{
	struct plan_state *st = xcalloc(1, sizeof *st);
	size_t nb = 0, n = (size_t)g->n + 1;

	st->g = *g; /* taken */
	memset(g, 0, sizeof *g);
	adj_build(&st->a, &st->g);
	st->flow = xmalloc(((size_t)st->g.m + 1) * sizeof *st->flow);
	memcpy(st->flow, flow, (size_t)st->g.m * sizeof *st->flow);
	st->pi = xmalloc(n * sizeof *st->pi);
	memcpy(st->pi, pi, (size_t)st->g.n * sizeof *st->pi);
	st->nunits = in->nunits;
	st->ntargets = in->ntargets;
	st->npairs = in->npairs;
	for (size_t t = 0; t < in->ntargets; t++)
		nb += (size_t)in->targets[t].mmax;
	st->ucap = xmalloc((in->nunits + 1) * sizeof *st->ucap);
	st->umin = xmalloc((in->nunits + 1) * sizeof *st->umin);
	st->ucopies = xmalloc((in->nunits + 1) * sizeof *st->ucopies);
	st->ucan_lead = xmalloc((in->nunits + 1) * sizeof *st->ucan_lead);
	st->lead = xmalloc((in->npairs + 1) * sizeof *st->lead);
	st->member = xmalloc((in->npairs + 1) * sizeof *st->member);
	st->mmin = xmalloc((in->ntargets + 1) * sizeof *st->mmin);
	st->mmax = xmalloc((in->ntargets + 1) * sizeof *st->mmax);
	st->bonus = xmalloc((nb + 1) * sizeof *st->bonus);
	st->bonus_first = xmalloc((in->ntargets + 1) * sizeof *st->bonus_first);
	st->fixed_arcs = xmalloc((2 * in->nfixed + 1) * sizeof *st->fixed_arcs);
	state_values(st, in, fixed_pair);
	st->unit_first = xcalloc(in->nunits + 1, sizeof *st->unit_first);
	st->unit_pairs = xmalloc((in->npairs + 1) * sizeof *st->unit_pairs);
	for (size_t i = 0; i < in->npairs; i++)
		st->unit_first[in->pairs[i].unit + 1]++;
	for (size_t u = 0; u < in->nunits; u++)
		st->unit_first[u + 1] += st->unit_first[u];
	for (size_t i = 0; i < in->npairs; i++) /* unit_first[u] moves to the end of u's run */
		st->unit_pairs[st->unit_first[in->pairs[i].unit]++] = i;
	for (size_t u = in->nunits; u > 0; u--)
		st->unit_first[u] = st->unit_first[u - 1];
	st->unit_first[0] = 0;
	st->excess = xcalloc(n, sizeof *st->excess);
	st->stamp = xcalloc(n, sizeof *st->stamp);
	st->how = xmalloc(n * sizeof *st->how);
	st->dist = xmalloc(n * sizeof *st->dist);
	return st;
}

/* ---------------------------------------------------------------------------------------
 * plan_solve
 * ------------------------------------------------------------------------------------- */

static void set_infeasible(struct plan_solution *out, const char *reason)
{
	out->status = PLAN_INFEASIBLE;
	if (reason != out->reason)
		snprintf(out->reason, sizeof out->reason, "%s", reason);
}

bool plan_solve(const struct plan_instance *in, bool keep_state, struct plan_solution *out)
{
	double t0 = now_seconds();
	size_t *fixed_pair = xmalloc((in->nfixed + 1) * sizeof *fixed_pair);
	struct net g;
	struct ns s;
	int32_t *flow = NULL;
	int64_t bm;
	bool ok = false, feasible = true;

	plan_solution_release(out);
	memset(&g, 0, sizeof g);
	memset(&s, 0, sizeof s);
	if (!plan_validate(in, out->reason, sizeof out->reason) ||
	    !map_fixed(in, fixed_pair, out->reason, sizeof out->reason))
		goto out;
	ok = true;
	if (!precheck_fixed(in, fixed_pair, out->reason, sizeof out->reason) ||
	    !precheck_targets(in, out->reason, sizeof out->reason) ||
	    !precheck_totals(in, out->reason, sizeof out->reason)) {
		set_infeasible(out, out->reason);
		goto out;
	}
	net_build(&g, in, fixed_pair);
	if ((bm = big_m(&g)) < 0) {
		snprintf(out->reason, sizeof out->reason, "the scores are too large to add up "
							  "exactly: scale them down");
		ok = false;
		goto out;
	}
	ns_init(&s, &g, bm);
	ns_run(&s);
	out->pivots = s.pivots;
	flow = xmalloc(((size_t)g.m + 1) * sizeof *flow);
	for (int32_t i = 0; i < g.m; i++)
		flow[s.arc[i]] = s.flow[i] + g.lo[s.arc[i]];
	for (int32_t v = 0; v < g.n && feasible; v++)
		feasible = s.flow[s.m + v] == 0;
	if (!feasible) {
		explain_flow(in, &g, &s, flow, out->reason, sizeof out->reason);
		set_infeasible(out, out->reason);
		if (keep_state) { /* for plan_duals only: the big-M problem's potentials */
			out->state = state_new(in, &g, flow, s.pi, fixed_pair);
			out->state->infeasible = true;
		}
		goto out;
	}
	extract(in, &g, flow, out);
	if (keep_state)
		out->state = state_new(in, &g, flow, s.pi, fixed_pair);
out:
	ns_free(&s);
	net_free(&g);
	free(flow);
	free(fixed_pair);
	out->seconds = now_seconds() - t0;
	return ok;
}

/* Potentials without the artificial arcs' traces: the simplex's potentials of nodes that hang
 * from the root by a degenerate artificial arc differ from the others by about big M, which is
 * valid for the network but useless for pricing left-out arcs. Shortest distances from the
 * sink in the residual network (Dijkstra on reduced costs, which are all >= 0 at the optimum)
 * added to them give potentials that are again valid and tight along real arcs only; a node
 * the sink cannot reach gets the largest distance. */
static void clean_potentials(const struct plan_state *st, int64_t *pi)
{
	const struct net *g = &st->g;
	int32_t n = g->n;
	int64_t *d = xmalloc(((size_t)n + 1) * sizeof *d), dmax = 0;
	char *done = xcalloc((size_t)n + 1, 1);
	struct heap_item *h = xmalloc(((size_t)g->m * 2 + 2) * sizeof *h);
	size_t nh = 0;

	for (int32_t v = 0; v < n; v++)
		d[v] = INT64_MAX;
	d[NODE_T] = 0;
	h[nh++] = (struct heap_item){ 0, NODE_T };
	while (nh) {
		struct heap_item top = h[0], last = h[--nh];
		size_t i = 0, c;
		while ((c = 2 * i + 1) < nh) {
			if (c + 1 < nh && h[c + 1].key < h[c].key)
				c++;
			if (h[c].key >= last.key)
				break;
			h[i] = h[c];
			i = c;
		}
		if (nh)
			h[i] = last;
		if (done[top.v] || top.key != d[top.v])
			continue;
		done[top.v] = 1;
		dmax = top.key > dmax ? top.key : dmax;
		for (int dir = 0; dir < 2; dir++) {
			const int32_t *first = dir ? st->a.in_first : st->a.out_first;
			const int32_t *arcs = dir ? st->a.in_arc : st->a.out_arc;
			for (int32_t k = first[top.v]; k < first[top.v + 1]; k++) {
				int32_t e = arcs[k], w = dir ? g->src[e] : g->dst[e];
				int64_t rc = g->cost[e] + st->pi[g->src[e]] - st->pi[g->dst[e]], nd;
				if (dir ? st->flow[e] <= g->lo[e] : st->flow[e] >= g->cap[e])
					continue; /* no residual arc top -> w */
				nd = top.key + (dir ? -rc : rc);
				if (nd < 0)
					nd = top.key; /* never at the optimum: residual rc >= 0 */
				if (nd < d[w]) {
					size_t j = nh++;
					d[w] = nd;
					while (j > 0 && h[(j - 1) / 2].key > nd) {
						h[j] = h[(j - 1) / 2];
						j = (j - 1) / 2;
					}
					h[j] = (struct heap_item){ nd, w };
				}
			}
		}
	}
	for (int32_t v = 0; v < n; v++)
		pi[v] = st->pi[v] + (d[v] == INT64_MAX ? dmax : d[v]);
	free(d);
	free(done);
	free(h);
}

bool plan_duals(const struct plan_solution *sol, int64_t *unit, int64_t *lead, int64_t *member)
{
	const struct plan_state *st = sol->state;
	int64_t *pi;
	if (!st)
		return false;
	pi = xmalloc(((size_t)st->g.n + 1) * sizeof *pi);
	if (st->infeasible) /* the big-M problem's: left-out arcs that would lessen the shortfall */
		memcpy(pi, st->pi, (size_t)st->g.n * sizeof *pi);
	else
		clean_potentials(st, pi);
	for (size_t u = 0; unit && u < st->nunits; u++)
		unit[u] = pi[unit_node(u)];
	for (size_t t = 0; t < st->ntargets; t++) {
		if (lead)
			lead[t] = pi[lead_node(&st->g, t)];
		if (member)
			member[t] = pi[member_node(&st->g, t)];
	}
	free(pi);
	return true;
}

int64_t plan_scaled(double x)
{
	return scaled(x);
}

/* ---------------------------------------------------------------------------------------
 * plan_verify
 * ------------------------------------------------------------------------------------- */

static bool verify_assignments(const struct plan_instance *in, const struct plan_solution *sol,
			       int *ucount, int *tlead, int *tmem, char *why, size_t len)
{
	int *seen = xcalloc(in->npairs + 1, sizeof *seen); /* per pair: copies that take it */
	bool ok = true;

	for (size_t i = 0; i < sol->n && ok; i++) {
		const struct plan_assignment *a = &sol->a[i];
		const struct plan_pair *p = a->pair < in->npairs ? &in->pairs[a->pair] : NULL;
		ok = false;
		if (!p || p->unit != a->unit || p->target != a->target)
			snprintf(why, len, "assignment %zu is not an allowed pair", i);
		else if (++seen[a->pair] > ncopies(&in->units[a->unit]))
			snprintf(why, len, "unit %s serves target %s twice", in->units[a->unit].id,
				 in->targets[a->target].id);
		else if (a->role == PLAN_LEAD && !may_lead(in, p))
			snprintf(why, len, "unit %s may not lead target %s", in->units[a->unit].id,
				 in->targets[a->target].id);
		else
			ok = true;
		if (ok) {
			ucount[a->unit]++;
			if (a->role == PLAN_LEAD)
				tlead[a->target]++;
			else
				tmem[a->target]++;
		}
	}
	for (size_t i = 0; i < in->nfixed && ok; i++) {
		const struct plan_fixed *f = &in->fixed[i];
		size_t k = 0;
		while (k < sol->n && !(sol->a[k].unit == f->unit && sol->a[k].target == f->target &&
				       sol->a[k].role == f->role))
			k++;
		if (k == sol->n) {
			snprintf(why, len, "fixed pair %s–%s (%s) is missing", in->units[f->unit].id,
				 in->targets[f->target].id, f->role == PLAN_LEAD ? "lead" : "member");
			ok = false;
		}
	}
	free(seen);
	return ok;
}

bool plan_verify(const struct plan_instance *in, const struct plan_solution *sol, char *why,
		 size_t whylen)
{
	int *ucount = xcalloc(in->nunits + 1, sizeof *ucount);
	int *tlead = xcalloc(in->ntargets + 1, sizeof *tlead);
	int *tmem = xcalloc(in->ntargets + 1, sizeof *tmem);
	bool ok = false;

	why[0] = '\0';
	if (sol->status != PLAN_OPTIMAL) {
		snprintf(why, whylen, "the solution is not optimal (infeasible)");
		goto out;
	}
	if (!verify_assignments(in, sol, ucount, tlead, tmem, why, whylen))
		goto out;
	for (size_t u = 0; u < in->nunits; u++)
		if (ucount[u] < in->units[u].min * ncopies(&in->units[u]) ||
		    ucount[u] > in->units[u].cap * ncopies(&in->units[u])) {
			snprintf(why, whylen, "unit %s has %d assignments, outside [min %d, cap %d]%s",
				 in->units[u].id, ucount[u], in->units[u].min * ncopies(&in->units[u]),
				 in->units[u].cap * ncopies(&in->units[u]),
				 ncopies(&in->units[u]) > 1 ? " (all its copies)" : "");
			goto out;
		}
	for (size_t t = 0; t < in->ntargets; t++)
		if (tlead[t] != 1 || tmem[t] < in->targets[t].mmin ||
		    tmem[t] > in->targets[t].mmax) {
			snprintf(why, whylen, "target %s has %d lead%s and %d members (needs 1 lead "
					      "and %d to %d members)", in->targets[t].id, tlead[t],
				 tlead[t] == 1 ? "" : "s", tmem[t], in->targets[t].mmin,
				 in->targets[t].mmax);
			goto out;
		}
	{
		int64_t obj = objective_scaled(in, sol->a, sol->n);
		if (fabs((double)obj / PLAN_SCALE - sol->objective) > 1e-6 * (1 + fabs(sol->objective))) {
			snprintf(why, whylen, "the objective is %.6f but the assignments add up to "
					      "%.6f", sol->objective, (double)obj / PLAN_SCALE);
			goto out;
		}
	}
	ok = true;
out:
	free(ucount);
	free(tlead);
	free(tmem);
	return ok;
}

/* ---------------------------------------------------------------------------------------
 * plan_repair (docs/planner.md, "Repair"): the previous optimal flow and potentials, the
 * changed bounds and costs applied arc by arc (each changed arc clipped to its bounds and
 * set to a bound that its reduced cost allows), then successive shortest paths (Dijkstra on
 * reduced costs, stopped at the first node that can take the imbalance) until balanced.
 * Without keep_state it works on prev's state in place and undoes its changes at the end.
 * ------------------------------------------------------------------------------------- */

struct repair {
	struct plan_state *st;
	bool undoing;
	struct undo *log;
	size_t nlog, caplog;
	int32_t *imb;               /* nodes whose excess may be non-zero */
	size_t nimb, capimb;
	struct heap_item *heap;
	size_t nheap, capheap;
	int32_t *settled;
	size_t nsettled, capsettled;
	size_t steps;
};

static void *memdup(const void *p, size_t n)
{
	void *q = xmalloc(n ? n : 1);
	if (n)
		memcpy(q, p, n);
	return q;
}

#define DUP(x, n) memdup((x), (n) * sizeof *(x))

static struct plan_state *state_clone(const struct plan_state *o)
{
	struct plan_state *st = xcalloc(1, sizeof *st);
	const struct net *g = &o->g;
	size_t n = (size_t)g->n + 1, m = (size_t)g->m + 1, nb = o->bonus_first[o->ntargets];

	*st = *o;
	st->g.src = DUP(g->src, m - 1);
	st->g.dst = DUP(g->dst, m - 1);
	st->g.lo = DUP(g->lo, m - 1);
	st->g.cap = DUP(g->cap, m - 1);
	st->g.cost = DUP(g->cost, m - 1);
	st->g.lead_arc = DUP(g->lead_arc, o->npairs + 1);
	st->g.member_arc = DUP(g->member_arc, o->npairs + 1);
	st->g.pair_arc = DUP(g->pair_arc, o->npairs + 1);
	st->g.tmember_first = DUP(g->tmember_first, o->ntargets + 1);
	st->g.pair_of_node = DUP(g->pair_of_node, (size_t)(g->n - g->pair_node0) + 1);
	st->a.out_first = DUP(o->a.out_first, n);
	st->a.in_first = DUP(o->a.in_first, n);
	st->a.out_arc = DUP(o->a.out_arc, m);
	st->a.in_arc = DUP(o->a.in_arc, m);
	st->flow = DUP(o->flow, m);
	st->pi = DUP(o->pi, n);
	st->ucap = DUP(o->ucap, o->nunits + 1);
	st->umin = DUP(o->umin, o->nunits + 1);
	st->ucopies = DUP(o->ucopies, o->nunits + 1);
	st->ucan_lead = DUP(o->ucan_lead, o->nunits + 1);
	st->lead = DUP(o->lead, o->npairs + 1);
	st->member = DUP(o->member, o->npairs + 1);
	st->mmin = DUP(o->mmin, o->ntargets + 1);
	st->mmax = DUP(o->mmax, o->ntargets + 1);
	st->bonus = DUP(o->bonus, nb + 1);
	st->bonus_first = DUP(o->bonus_first, o->ntargets + 1);
	st->fixed_arcs = DUP(o->fixed_arcs, o->nfixed_arcs + 1);
	st->unit_first = DUP(o->unit_first, o->nunits + 1);
	st->unit_pairs = DUP(o->unit_pairs, o->npairs + 1);
	st->excess = xcalloc(n, sizeof *st->excess);
	st->stamp = xcalloc(n, sizeof *st->stamp);
	st->how = xmalloc(n * sizeof *st->how);
	st->dist = xmalloc(n * sizeof *st->dist);
	st->cur_stamp = 0;
	return st;
}

static void rp_log(struct repair *r, int32_t idx, int kind, int64_t old)
{
	if (!r->undoing)
		return;
	xgrow((void **)&r->log, &r->caplog, r->nlog + 1, sizeof *r->log);
	r->log[r->nlog++] = (struct undo){ idx, (int8_t)kind, old };
}

static void rp_excess(struct repair *r, int32_t v, int32_t d)
{
	if (r->st->excess[v] == 0) {
		xgrow((void **)&r->imb, &r->capimb, r->nimb + 1, sizeof *r->imb);
		r->imb[r->nimb++] = v;
	}
	r->st->excess[v] += d;
}

static void rp_flow(struct repair *r, int32_t e, int32_t f)
{
	struct plan_state *st = r->st;
	int32_t d = f - st->flow[e];
	if (!d)
		return;
	rp_log(r, e, 0, st->flow[e]);
	st->flow[e] = f;
	rp_excess(r, st->g.src[e], -d);
	rp_excess(r, st->g.dst[e], d);
}

/* New bounds and cost for arc e; its flow moves to where its reduced cost allows. */
static void rp_arc(struct repair *r, int32_t e, int32_t lo, int32_t cap, int64_t cost)
{
	struct plan_state *st = r->st;
	struct net *g = &st->g;
	int32_t f = st->flow[e];
	int64_t rc;

	if (g->lo[e] == lo && g->cap[e] == cap && g->cost[e] == cost)
		return;
	rp_log(r, e, 1, g->lo[e]);
	rp_log(r, e, 2, g->cap[e]);
	rp_log(r, e, 3, g->cost[e]);
	g->lo[e] = lo;
	g->cap[e] = cap;
	g->cost[e] = cost;
	rc = cost + st->pi[g->src[e]] - st->pi[g->dst[e]];
	if (f < lo || rc > 0)
		f = lo;
	if (f > cap || rc < 0)
		f = cap;
	rp_flow(r, e, f);
}

static void rp_undo(struct repair *r)
{
	struct plan_state *st = r->st;
	while (r->nlog) {
		const struct undo *u = &r->log[--r->nlog];
		switch (u->kind) {
		case 0: st->flow[u->idx] = (int32_t)u->old; break;
		case 1: st->g.lo[u->idx] = (int32_t)u->old; break;
		case 2: st->g.cap[u->idx] = (int32_t)u->old; break;
		case 3: st->g.cost[u->idx] = u->old; break;
		default: st->pi[u->idx] = u->old; break;
		}
	}
	for (size_t i = 0; i < r->nimb; i++)
		st->excess[r->imb[i]] = 0;
	r->nimb = 0;
}

/* Same units, targets and pairs, and a structure that can carry the changed instance. */
static bool rp_compatible(const struct plan_state *st, const struct plan_instance *in)
{
	const struct net *g = &st->g;
	char why[256];

	if (st->nunits != in->nunits || st->ntargets != in->ntargets || st->npairs != in->npairs ||
	    !validate_units_targets(in, why, sizeof why))
		return false;
	for (size_t u = 0; u < in->nunits; u++)
		if (ncopies(&in->units[u]) != st->ucopies[u])
			return false;
	for (size_t t = 0; t < in->ntargets; t++) {
		const struct plan_target *x = &in->targets[t];
		if (x->mmin != st->mmin[t] || x->mmax != st->mmax[t])
			return false;
		for (int k = 0; k < x->mmax; k++)
			if (scaled(x->bonus[k]) != st->bonus[st->bonus_first[t] + (size_t)k])
				return false;
	}
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		int32_t from = g->pair_arc[i] >= 0 ? g->src[g->pair_arc[i]] : g->src[g->member_arc[i]];
		if (p->unit >= in->nunits || p->target >= in->ntargets ||
		    from != unit_node(p->unit) || g->dst[g->member_arc[i]] != member_node(g, p->target) ||
		    !isfinite(p->member) || fabs(p->member) > MAX_SCORE ||
		    (p->lead_ok && (!isfinite(p->lead) || fabs(p->lead) > MAX_SCORE)) ||
		    (may_lead(in, p) && g->lead_arc[i] < 0) ||
		    (needs_pair_node(in, p) && g->pair_arc[i] < 0))
			return false;
	}
	return true;
}

static bool rp_pair_same(const struct plan_state *st, const struct plan_instance *in, size_t i)
{
	const struct plan_pair *p = &in->pairs[i];
	double lead = p->lead_ok ? p->lead : NAN;
	return p->member == st->member[i] && st->ucan_lead[p->unit] == in->units[p->unit].can_lead &&
	       (lead == st->lead[i] || (isnan(lead) && isnan(st->lead[i])));
}

/* The fixed pairs' arcs, or false if one cannot be mapped onto the structure. */
static bool rp_fixed_arcs(const struct plan_state *st, const struct plan_instance *in,
			  int32_t *arcs, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < in->nfixed; i++) {
		const struct plan_fixed *f = &in->fixed[i];
		size_t k, p = SIZE_MAX;
		if (f->unit >= in->nunits || f->target >= in->ntargets)
			return false;
		for (k = st->unit_first[f->unit]; k < st->unit_first[f->unit + 1]; k++)
			if (in->pairs[st->unit_pairs[k]].target == f->target)
				p = st->unit_pairs[k];
		if (p == SIZE_MAX || (f->role == PLAN_LEAD && !may_lead(in, &in->pairs[p])))
			return false;
		arcs[(*n)++] = f->role == PLAN_LEAD ? st->g.lead_arc[p] : st->g.member_arc[p];
		if (st->g.pair_arc[p] >= 0)
			arcs[(*n)++] = st->g.pair_arc[p];
	}
	return true;
}

static void rp_apply(struct repair *r, const struct plan_instance *in, const int32_t *fixed,
		     size_t nfixed)
{
	struct plan_state *st = r->st;
	struct net *g = &st->g;
	int64_t total = 0;

	for (size_t i = 0; i < st->nfixed_arcs; i++) {
		int32_t e = st->fixed_arcs[i];
		rp_arc(r, e, 0, g->cap[e], g->cost[e]);
	}
	for (size_t u = 0; u < in->nunits; u++) {
		int32_t c = ncopies(&in->units[u]);
		total += in->units[u].cap * c;
		rp_arc(r, 1 + (int32_t)u, in->units[u].min * c, in->units[u].cap * c, 0);
	}
	rp_arc(r, 0, 0, (int32_t)total, 0);
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		int32_t e = g->lead_arc[i];
		if (rp_pair_same(st, in, i))
			continue;
		if (e >= 0)
			rp_arc(r, e, g->lo[e], may_lead(in, p) ? 1 : 0,
			       may_lead(in, p) ? -scaled(p->lead) : g->cost[e]);
		e = g->member_arc[i];
		rp_arc(r, e, g->lo[e], g->cap[e], -scaled(p->member));
	}
	for (size_t i = 0; i < nfixed; i++)
		rp_arc(r, fixed[i], 1, g->cap[fixed[i]], g->cost[fixed[i]]);
}

/* --- the shortest-path search --------------------------------------------------------- */

static void heap_push(struct repair *r, int64_t key, int32_t v)
{
	size_t i;
	xgrow((void **)&r->heap, &r->capheap, r->nheap + 1, sizeof *r->heap);
	for (i = r->nheap++; i > 0 && r->heap[(i - 1) / 2].key > key; i = (i - 1) / 2)
		r->heap[i] = r->heap[(i - 1) / 2];
	r->heap[i] = (struct heap_item){ key, v };
}

static struct heap_item heap_pop(struct repair *r)
{
	struct heap_item top = r->heap[0], last = r->heap[--r->nheap];
	size_t i = 0, c;
	while ((c = 2 * i + 1) < r->nheap) {
		if (c + 1 < r->nheap && r->heap[c + 1].key < r->heap[c].key)
			c++;
		if (r->heap[c].key >= last.key)
			break;
		r->heap[i] = r->heap[c];
		i = c;
	}
	if (r->nheap)
		r->heap[i] = last;
	return top;
}

static void rp_relax(struct repair *r, int32_t w, int64_t d, int32_t how)
{
	struct plan_state *st = r->st;
	int32_t seen = 2 * st->cur_stamp;
	if (st->stamp[w] == seen + 1)
		return; /* settled */
	if (st->stamp[w] == seen && st->dist[w] <= d)
		return;
	st->stamp[w] = seen;
	st->dist[w] = d;
	st->how[w] = how;
	heap_push(r, d, w);
}

/* The residual arcs leaving v (forward search) or entering v (backward search). */
static void rp_expand(struct repair *r, int32_t v, int64_t d, bool fwd)
{
	struct plan_state *st = r->st;
	const struct net *g = &st->g;
	const struct adj *a = &st->a;
	const int32_t *first1 = fwd ? a->out_first : a->in_first, *arcs1 = fwd ? a->out_arc : a->in_arc;
	const int32_t *first2 = fwd ? a->in_first : a->out_first, *arcs2 = fwd ? a->in_arc : a->out_arc;

	for (int32_t k = first1[v]; k < first1[v + 1]; k++) { /* the arc forward */
		int32_t e = arcs1[k];
		if (st->flow[e] < g->cap[e])
			rp_relax(r, fwd ? g->dst[e] : g->src[e],
				 d + g->cost[e] + st->pi[g->src[e]] - st->pi[g->dst[e]], 2 * e);
	}
	for (int32_t k = first2[v]; k < first2[v + 1]; k++) { /* the arc backward */
		int32_t e = arcs2[k];
		if (st->flow[e] > g->lo[e])
			rp_relax(r, fwd ? g->src[e] : g->dst[e],
				 d - g->cost[e] - st->pi[g->src[e]] + st->pi[g->dst[e]], 2 * e + 1);
	}
}

static int32_t rp_dijkstra(struct repair *r, bool fwd)
{
	struct plan_state *st = r->st;
	if (++st->cur_stamp > 1000000000) {
		memset(st->stamp, 0, ((size_t)st->g.n + 1) * sizeof *st->stamp);
		st->cur_stamp = 1;
	}
	r->nheap = r->nsettled = 0;
	for (size_t i = 0; i < r->nimb; i++) {
		int32_t v = r->imb[i];
		if (fwd ? st->excess[v] > 0 : st->excess[v] < 0)
			rp_relax(r, v, 0, -1);
	}
	while (r->nheap) {
		struct heap_item h = heap_pop(r);
		int32_t v = h.v;
		if (st->stamp[v] != 2 * st->cur_stamp || h.key != st->dist[v])
			continue;
		st->stamp[v] = 2 * st->cur_stamp + 1;
		xgrow((void **)&r->settled, &r->capsettled, r->nsettled + 1, sizeof *r->settled);
		r->settled[r->nsettled++] = v;
		if (fwd ? st->excess[v] < 0 : st->excess[v] > 0)
			return v;
		rp_expand(r, v, h.key, fwd);
	}
	return -1;
}

/* Pushes along the path found to z and moves the settled nodes' potentials. */
static void rp_augment(struct repair *r, int32_t z, bool fwd)
{
	struct plan_state *st = r->st;
	const struct net *g = &st->g;
	int32_t delta = st->excess[z] < 0 ? -st->excess[z] : st->excess[z], x = z;
	int64_t dz = st->dist[z];

	for (x = z; st->how[x] >= 0;) {
		int32_t e = st->how[x] >> 1, b = st->how[x] & 1;
		int32_t res = b ? st->flow[e] - g->lo[e] : g->cap[e] - st->flow[e];
		if (res < delta)
			delta = res;
		x = fwd ? (b ? g->dst[e] : g->src[e]) : (b ? g->src[e] : g->dst[e]);
	}
	if ((st->excess[x] < 0 ? -st->excess[x] : st->excess[x]) < delta)
		delta = st->excess[x] < 0 ? -st->excess[x] : st->excess[x];
	for (x = z; st->how[x] >= 0;) {
		int32_t e = st->how[x] >> 1, b = st->how[x] & 1;
		rp_flow(r, e, st->flow[e] + (b ? -delta : delta));
		x = fwd ? (b ? g->dst[e] : g->src[e]) : (b ? g->src[e] : g->dst[e]);
	}
	for (size_t i = 0; i < r->nsettled; i++) {
		int32_t v = r->settled[i];
		int64_t shift = fwd ? st->dist[v] - dz : dz - st->dist[v];
		if (shift) {
			rp_log(r, v, 4, st->pi[v]);
			st->pi[v] += shift;
		}
	}
	r->steps++;
}

/* Successive shortest paths until every node is balanced; false if one cannot be. */
static bool rp_balance(struct repair *r)
{
	struct plan_state *st = r->st;
	for (;;) {
		size_t nexc = 0, ndef = 0, k = 0;
		int32_t z;
		for (size_t i = 0; i < r->nimb; i++) { /* drop the balanced nodes */
			int32_t v = r->imb[i];
			if (st->excess[v]) {
				r->imb[k++] = v;
				nexc += st->excess[v] > 0;
				ndef += st->excess[v] < 0;
			}
		}
		r->nimb = k;
		if (!k)
			return true;
		z = rp_dijkstra(r, nexc < ndef);
		if (z < 0)
			return false;
		rp_augment(r, z, nexc < ndef);
	}
}

static void rp_release(struct repair *r)
{
	free(r->log);
	free(r->imb);
	free(r->heap);
	free(r->settled);
}

bool plan_repair(const struct plan_instance *changed, const struct plan_solution *prev,
		 bool keep_state, struct plan_solution *out)
{
	double t0 = now_seconds();
	struct repair r = { 0 };
	int32_t *fixed = xmalloc((2 * changed->nfixed + 1) * sizeof *fixed);
	size_t nfixed;
	bool ok;

	plan_solution_release(out);
	if (!prev->state || prev->state->infeasible || !rp_compatible(prev->state, changed) ||
	    !rp_fixed_arcs(prev->state, changed, fixed, &nfixed)) {
		free(fixed);
		return plan_solve(changed, keep_state, out);
	}
	r.undoing = !keep_state;
	r.st = keep_state ? state_clone(prev->state) : prev->state;
	rp_apply(&r, changed, fixed, nfixed);
	ok = rp_balance(&r);
	if (ok) {
		extract(changed, &r.st->g, r.st->flow, out);
		out->pivots = r.steps;
		out->warm = true;
	}
	if (ok && keep_state) {
		struct plan_instance nofix = *changed;
		nofix.nfixed = 0; /* the fixed arcs are known already: */
		state_values(r.st, &nofix, NULL);
		free(r.st->fixed_arcs);
		r.st->fixed_arcs = DUP(fixed, nfixed + 1);
		r.st->nfixed_arcs = nfixed;
		out->state = r.st;
	} else if (keep_state) {
		state_free(r.st);
	} else {
		rp_undo(&r);
	}
	rp_release(&r);
	free(fixed);
	if (!ok) /* infeasible: the cold solve says why */
		return plan_solve(changed, keep_state, out);
	out->seconds = now_seconds() - t0;
	return true;
}
