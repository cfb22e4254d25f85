/* mcf: minimum-cost flow with lower bounds; see mcf.h. The network simplex (struct ns) works
 * on a copy of the arcs in a mixed order with the lower bounds shifted out; the warm start
 * (mcf_change_arc, mcf_resolve) works on the arcs themselves with adjacency lists (CSR, built
 * on first use) and an undo log. Moved out of core/plan.c, which builds the planner's network
 * on it (docs/planner.md, "The solver"). */
#include "core/mcf.h"
#include "util/xalloc.h"
#include <math.h>
#include <string.h>

#define MAX_BIG_M 100000000000000000LL /* 1e17: potentials stay far from INT64_MAX */

struct adj {
	int32_t *out_first, *out_arc, *in_first, *in_arc;
};

struct undo {
	int32_t idx;
	int8_t kind; /* 0 flow, 1 lo, 2 cap, 3 cost, 4 pi */
	int64_t old;
};

struct heap_item {
	int64_t key;
	int32_t v;
};

struct mcf {
	int32_t n, m, capm;            /* nodes, arcs, room for arcs */
	int32_t *src, *dst, *lo, *cap;
	int64_t *cost;
	bool solved;
	int32_t *flow;                 /* per arc, within its bounds */
	int64_t *pi;                   /* per node */
	int64_t *unmet;                /* per node, after an infeasible solve */
	size_t steps;
	struct adj *a;                 /* built on first use */
	/* the warm start's scratch: all zero / unused at rest */
	int32_t *excess, *stamp, *how;
	int64_t *dist;
	int32_t cur_stamp;
	int32_t *imb;                  /* nodes whose excess may be non-zero */
	size_t nimb, capimb;
	struct heap_item *heap;
	size_t nheap, capheap;
	int32_t *settled;
	size_t nsettled, capsettled;
	bool undoing;                  /* the change log is on */
	struct undo *log;
	size_t nlog, caplog;
};

/* ---------------------------------------------------------------------------------------
 * The network
 * ------------------------------------------------------------------------------------- */

struct mcf *mcf_new(int32_t n, int32_t arcs_hint)
{
	struct mcf *g = xcalloc(1, sizeof *g);
	g->n = n;
	g->capm = arcs_hint > 0 ? arcs_hint : 16;
	g->src = xmalloc((size_t)g->capm * sizeof *g->src);
	g->dst = xmalloc((size_t)g->capm * sizeof *g->dst);
	g->lo = xmalloc((size_t)g->capm * sizeof *g->lo);
	g->cap = xmalloc((size_t)g->capm * sizeof *g->cap);
	g->cost = xmalloc((size_t)g->capm * sizeof *g->cost);
	g->pi = xcalloc((size_t)n + 1, sizeof *g->pi);
	g->unmet = xcalloc((size_t)n + 1, sizeof *g->unmet);
	return g;
}

static void adj_free(struct adj *a);

static void scratch_free(struct mcf *g)
{
	free(g->excess);
	free(g->stamp);
	free(g->how);
	free(g->dist);
	free(g->imb);
	free(g->heap);
	free(g->settled);
	free(g->log);
	g->excess = g->stamp = g->how = g->imb = g->settled = NULL;
	g->dist = NULL;
	g->heap = NULL;
	g->log = NULL;
	g->nimb = g->capimb = g->nheap = g->capheap = g->nsettled = g->capsettled = 0;
	g->nlog = g->caplog = 0;
	g->undoing = false;
	g->cur_stamp = 0;
}

void mcf_free(struct mcf *g)
{
	if (!g)
		return;
	free(g->src);
	free(g->dst);
	free(g->lo);
	free(g->cap);
	free(g->cost);
	free(g->flow);
	free(g->pi);
	free(g->unmet);
	if (g->a)
		adj_free(g->a);
	free(g->a);
	scratch_free(g);
	free(g);
}

static void *memdup(const void *p, size_t n)
{
	void *q = xmalloc(n ? n : 1);
	if (n)
		memcpy(q, p, n);
	return q;
}

#define DUP(x, k) memdup((x), (size_t)(k) * sizeof *(x))

struct mcf *mcf_clone(const struct mcf *o)
{
	struct mcf *g = xcalloc(1, sizeof *g);
	g->n = o->n;
	g->m = g->capm = o->m;
	g->src = DUP(o->src, o->m);
	g->dst = DUP(o->dst, o->m);
	g->lo = DUP(o->lo, o->m);
	g->cap = DUP(o->cap, o->m);
	g->cost = DUP(o->cost, o->m);
	g->solved = o->solved;
	g->flow = o->flow ? DUP(o->flow, o->m) : NULL;
	g->pi = DUP(o->pi, o->n + 1);
	g->unmet = DUP(o->unmet, o->n + 1);
	g->steps = o->steps;
	return g;
}

int32_t mcf_add_arc(struct mcf *g, int32_t src, int32_t dst, int32_t lo, int32_t cap,
		    int64_t cost)
{
	int32_t e = g->m++;
	if (g->m > g->capm) {
		g->capm *= 2;
		g->src = xrealloc(g->src, (size_t)g->capm * sizeof *g->src);
		g->dst = xrealloc(g->dst, (size_t)g->capm * sizeof *g->dst);
		g->lo = xrealloc(g->lo, (size_t)g->capm * sizeof *g->lo);
		g->cap = xrealloc(g->cap, (size_t)g->capm * sizeof *g->cap);
		g->cost = xrealloc(g->cost, (size_t)g->capm * sizeof *g->cost);
	}
	g->src[e] = src;
	g->dst[e] = dst;
	g->lo[e] = lo;
	g->cap[e] = cap;
	g->cost[e] = cost;
	return e;
}

void mcf_set_bounds(struct mcf *g, int32_t e, int32_t lo, int32_t cap)
{
	g->lo[e] = lo;
	g->cap[e] = cap;
}

int32_t mcf_nodes(const struct mcf *g) { return g->n; }
int32_t mcf_arcs(const struct mcf *g) { return g->m; }
int32_t mcf_src(const struct mcf *g, int32_t e) { return g->src[e]; }
int32_t mcf_dst(const struct mcf *g, int32_t e) { return g->dst[e]; }
int32_t mcf_lo(const struct mcf *g, int32_t e) { return g->lo[e]; }
int32_t mcf_cap(const struct mcf *g, int32_t e) { return g->cap[e]; }
int64_t mcf_cost(const struct mcf *g, int32_t e) { return g->cost[e]; }
int32_t mcf_flow(const struct mcf *g, int32_t e) { return g->flow ? g->flow[e] : 0; }
int64_t mcf_potential(const struct mcf *g, int32_t v) { return g->pi[v]; }
int64_t mcf_unmet(const struct mcf *g, int32_t v) { return g->unmet[v]; }
size_t mcf_steps(const struct mcf *g) { return g->steps; }

int64_t mcf_total_cost(const struct mcf *g)
{
	int64_t sum = 0;
	for (int32_t e = 0; g->flow && e < g->m; e++)
		sum += g->cost[e] * g->flow[e];
	return sum;
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
static int64_t big_m(const struct mcf *g)
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
static void ns_mix(struct ns *s, const struct mcf *g)
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
static void ns_init(struct ns *s, struct mcf *g, int64_t m_cost)
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
		s->cap[e] = MCF_MAX_FLOW * 2;
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

enum mcf_status mcf_solve(struct mcf *g, int64_t bm)
{
	struct ns s;
	bool feasible = true;

	if (bm <= 0 && (bm = big_m(g)) < 0)
		return MCF_OVERFLOW;
	ns_init(&s, g, bm);
	ns_run(&s);
	free(g->flow);
	g->flow = xmalloc(((size_t)g->m + 1) * sizeof *g->flow);
	for (int32_t i = 0; i < g->m; i++)
		g->flow[s.arc[i]] = s.flow[i] + g->lo[s.arc[i]];
	for (int32_t v = 0; v < g->n; v++) {
		int32_t e = s.m + v;
		g->pi[v] = s.pi[v];
		g->unmet[v] = s.flow[e] == 0 ? 0 : s.dst[e] == v ? -(int64_t)s.flow[e] : s.flow[e];
		feasible = feasible && s.flow[e] == 0;
	}
	g->steps = s.pivots;
	g->solved = true;
	ns_free(&s);
	return feasible ? MCF_OPTIMAL : MCF_INFEASIBLE;
}

/* ---------------------------------------------------------------------------------------
 * Adjacency (for reach, tight potentials and the warm start)
 * ------------------------------------------------------------------------------------- */


static void adj_build(struct adj *a, const struct mcf *g)
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

/* The adjacency lists, built once (the arcs do not change after the first solve). */
static const struct adj *adjacency(const struct mcf *g)
{
	struct mcf *w = (struct mcf *)g; /* a cache: built on first use */
	if (!w->a) {
		w->a = xcalloc(1, sizeof *w->a);
		adj_build(w->a, g);
	}
	return g->a;
}

/* ---------------------------------------------------------------------------------------
 * Tight potentials and reach
 * ------------------------------------------------------------------------------------- */

void mcf_tight_potentials(const struct mcf *g, int32_t from, int64_t *pi)
{
	int32_t n = g->n;
	int64_t *d = xmalloc(((size_t)n + 1) * sizeof *d), dmax = 0;
	char *done = xcalloc((size_t)n + 1, 1);
	struct heap_item *h = xmalloc(((size_t)g->m * 2 + 2) * sizeof *h);
	size_t nh = 0;
	const struct adj *a = adjacency(g);

	for (int32_t v = 0; v < n; v++)
		d[v] = INT64_MAX;
	d[from] = 0;
	h[nh++] = (struct heap_item){ 0, from };
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
			const int32_t *first = dir ? a->in_first : a->out_first;
			const int32_t *arcs = dir ? a->in_arc : a->out_arc;
			for (int32_t k = first[top.v]; k < first[top.v + 1]; k++) {
				int32_t e = arcs[k], w = dir ? g->src[e] : g->dst[e];
				int64_t rc = g->cost[e] + g->pi[g->src[e]] - g->pi[g->dst[e]], nd;
				if (dir ? g->flow[e] <= g->lo[e] : g->flow[e] >= g->cap[e])
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
		pi[v] = g->pi[v] + (d[v] == INT64_MAX ? dmax : d[v]);
	free(d);
	free(done);
	free(h);
}
void mcf_reach(const struct mcf *g, char *mark, bool forward)
{
	const struct adj *a = adjacency(g);
	int32_t *queue = xmalloc(((size_t)g->n + 1) * sizeof *queue), tail = 0;
	for (int32_t v = 0; v < g->n; v++)
		if (mark[v])
			queue[tail++] = v;
	for (int32_t qi = 0; qi < tail; qi++) {
		int32_t v = queue[qi];
		for (int32_t k = a->in_first[v]; k < a->in_first[v + 1]; k++) {
			int32_t e = a->in_arc[k], w = g->src[e];
			bool res = forward ? g->flow[e] > g->lo[e] : g->flow[e] < g->cap[e];
			if (res && !mark[w])
				mark[w] = 1, queue[tail++] = w;
		}
		for (int32_t k = a->out_first[v]; k < a->out_first[v + 1]; k++) {
			int32_t e = a->out_arc[k], w = g->dst[e];
			bool res = forward ? g->flow[e] < g->cap[e] : g->flow[e] > g->lo[e];
			if (res && !mark[w])
				mark[w] = 1, queue[tail++] = w;
		}
	}
	free(queue);
}

/* ---------------------------------------------------------------------------------------
 * Warm start: the previous optimal flow and potentials, the changed bounds and costs applied
 * arc by arc (each changed arc clipped to its bounds and set to a bound that its reduced cost
 * allows), then successive shortest paths (Dijkstra on reduced costs, stopped at the first
 * node that can take the imbalance) until balanced.
 * ------------------------------------------------------------------------------------- */

static void scratch(struct mcf *g)
{
	if (g->excess)
		return;
	g->excess = xcalloc((size_t)g->n + 1, sizeof *g->excess);
	g->stamp = xcalloc((size_t)g->n + 1, sizeof *g->stamp);
	g->how = xmalloc(((size_t)g->n + 1) * sizeof *g->how);
	g->dist = xmalloc(((size_t)g->n + 1) * sizeof *g->dist);
}

void mcf_log_begin(struct mcf *g)
{
	g->undoing = true;
	g->nlog = 0;
}

static void log_old(struct mcf *g, int32_t idx, int kind, int64_t old)
{
	if (!g->undoing)
		return;
	xgrow((void **)&g->log, &g->caplog, g->nlog + 1, sizeof *g->log);
	g->log[g->nlog++] = (struct undo){ idx, (int8_t)kind, old };
}

static void add_excess(struct mcf *g, int32_t v, int32_t d)
{
	if (g->excess[v] == 0) {
		xgrow((void **)&g->imb, &g->capimb, g->nimb + 1, sizeof *g->imb);
		g->imb[g->nimb++] = v;
	}
	g->excess[v] += d;
}

static void set_flow(struct mcf *g, int32_t e, int32_t f)
{
	int32_t d = f - g->flow[e];
	if (!d)
		return;
	log_old(g, e, 0, g->flow[e]);
	g->flow[e] = f;
	add_excess(g, g->src[e], -d);
	add_excess(g, g->dst[e], d);
}

void mcf_change_arc(struct mcf *g, int32_t e, int32_t lo, int32_t cap, int64_t cost)
{
	int32_t f = g->flow[e];
	int64_t rc;

	if (g->lo[e] == lo && g->cap[e] == cap && g->cost[e] == cost)
		return;
	scratch(g);
	log_old(g, e, 1, g->lo[e]);
	log_old(g, e, 2, g->cap[e]);
	log_old(g, e, 3, g->cost[e]);
	g->lo[e] = lo;
	g->cap[e] = cap;
	g->cost[e] = cost;
	rc = cost + g->pi[g->src[e]] - g->pi[g->dst[e]];
	if (f < lo || rc > 0)
		f = lo;
	if (f > cap || rc < 0)
		f = cap;
	set_flow(g, e, f);
}

void mcf_log_rollback(struct mcf *g)
{
	while (g->nlog) {
		const struct undo *u = &g->log[--g->nlog];
		switch (u->kind) {
		case 0: g->flow[u->idx] = (int32_t)u->old; break;
		case 1: g->lo[u->idx] = (int32_t)u->old; break;
		case 2: g->cap[u->idx] = (int32_t)u->old; break;
		case 3: g->cost[u->idx] = u->old; break;
		default: g->pi[u->idx] = u->old; break;
		}
	}
	for (size_t i = 0; g->excess && i < g->nimb; i++)
		g->excess[g->imb[i]] = 0;
	g->nimb = 0;
	g->undoing = false;
}


/* --- the shortest-path search --------------------------------------------------------- */

static void heap_push(struct mcf *g, int64_t key, int32_t v)
{
	size_t i;
	xgrow((void **)&g->heap, &g->capheap, g->nheap + 1, sizeof *g->heap);
	for (i = g->nheap++; i > 0 && g->heap[(i - 1) / 2].key > key; i = (i - 1) / 2)
		g->heap[i] = g->heap[(i - 1) / 2];
	g->heap[i] = (struct heap_item){ key, v };
}

static struct heap_item heap_pop(struct mcf *g)
{
	struct heap_item top = g->heap[0], last = g->heap[--g->nheap];
	size_t i = 0, c;
	while ((c = 2 * i + 1) < g->nheap) {
		if (c + 1 < g->nheap && g->heap[c + 1].key < g->heap[c].key)
			c++;
		if (g->heap[c].key >= last.key)
			break;
		g->heap[i] = g->heap[c];
		i = c;
	}
	if (g->nheap)
		g->heap[i] = last;
	return top;
}

static void relax(struct mcf *g, int32_t w, int64_t d, int32_t how)
{
	int32_t seen = 2 * g->cur_stamp;
	if (g->stamp[w] == seen + 1)
		return; /* settled */
	if (g->stamp[w] == seen && g->dist[w] <= d)
		return;
	g->stamp[w] = seen;
	g->dist[w] = d;
	g->how[w] = how;
	heap_push(g, d, w);
}

/* The residual arcs leaving v (forward search) or entering v (backward search). */
static void expand(struct mcf *g, int32_t v, int64_t d, bool fwd)
{
	const struct adj *a = adjacency(g);
	const int32_t *first1 = fwd ? a->out_first : a->in_first, *arcs1 = fwd ? a->out_arc : a->in_arc;
	const int32_t *first2 = fwd ? a->in_first : a->out_first, *arcs2 = fwd ? a->in_arc : a->out_arc;

	for (int32_t k = first1[v]; k < first1[v + 1]; k++) { /* the arc forward */
		int32_t e = arcs1[k];
		if (g->flow[e] < g->cap[e])
			relax(g, fwd ? g->dst[e] : g->src[e],
				 d + g->cost[e] + g->pi[g->src[e]] - g->pi[g->dst[e]], 2 * e);
	}
	for (int32_t k = first2[v]; k < first2[v + 1]; k++) { /* the arc backward */
		int32_t e = arcs2[k];
		if (g->flow[e] > g->lo[e])
			relax(g, fwd ? g->src[e] : g->dst[e],
				 d - g->cost[e] - g->pi[g->src[e]] + g->pi[g->dst[e]], 2 * e + 1);
	}
}

static int32_t dijkstra(struct mcf *g, bool fwd)
{
	if (++g->cur_stamp > 1000000000) {
		memset(g->stamp, 0, ((size_t)g->n + 1) * sizeof *g->stamp);
		g->cur_stamp = 1;
	}
	g->nheap = g->nsettled = 0;
	for (size_t i = 0; i < g->nimb; i++) {
		int32_t v = g->imb[i];
		if (fwd ? g->excess[v] > 0 : g->excess[v] < 0)
			relax(g, v, 0, -1);
	}
	while (g->nheap) {
		struct heap_item h = heap_pop(g);
		int32_t v = h.v;
		if (g->stamp[v] != 2 * g->cur_stamp || h.key != g->dist[v])
			continue;
		g->stamp[v] = 2 * g->cur_stamp + 1;
		xgrow((void **)&g->settled, &g->capsettled, g->nsettled + 1, sizeof *g->settled);
		g->settled[g->nsettled++] = v;
		if (fwd ? g->excess[v] < 0 : g->excess[v] > 0)
			return v;
		expand(g, v, h.key, fwd);
	}
	return -1;
}

/* Pushes along the path found to z and moves the settled nodes' potentials. */
static void augment(struct mcf *g, int32_t z, bool fwd)
{
	int32_t delta = g->excess[z] < 0 ? -g->excess[z] : g->excess[z], x = z;
	int64_t dz = g->dist[z];

	for (x = z; g->how[x] >= 0;) {
		int32_t e = g->how[x] >> 1, b = g->how[x] & 1;
		int32_t res = b ? g->flow[e] - g->lo[e] : g->cap[e] - g->flow[e];
		if (res < delta)
			delta = res;
		x = fwd ? (b ? g->dst[e] : g->src[e]) : (b ? g->src[e] : g->dst[e]);
	}
	if ((g->excess[x] < 0 ? -g->excess[x] : g->excess[x]) < delta)
		delta = g->excess[x] < 0 ? -g->excess[x] : g->excess[x];
	for (x = z; g->how[x] >= 0;) {
		int32_t e = g->how[x] >> 1, b = g->how[x] & 1;
		set_flow(g, e, g->flow[e] + (b ? -delta : delta));
		x = fwd ? (b ? g->dst[e] : g->src[e]) : (b ? g->src[e] : g->dst[e]);
	}
	for (size_t i = 0; i < g->nsettled; i++) {
		int32_t v = g->settled[i];
		int64_t shift = fwd ? g->dist[v] - dz : dz - g->dist[v];
		if (shift) {
			log_old(g, v, 4, g->pi[v]);
			g->pi[v] += shift;
		}
	}
	g->steps++;
}

enum mcf_status mcf_resolve(struct mcf *g)
{
	scratch(g);
	g->steps = 0;
	for (;;) {
		size_t nexc = 0, ndef = 0, k = 0;
		int32_t z;
		for (size_t i = 0; i < g->nimb; i++) { /* drop the balanced nodes */
			int32_t v = g->imb[i];
			if (g->excess[v]) {
				g->imb[k++] = v;
				nexc += g->excess[v] > 0;
				ndef += g->excess[v] < 0;
			}
		}
		g->nimb = k;
		if (!k)
			return MCF_OPTIMAL;
		z = dijkstra(g, nexc < ndef);
		if (z < 0)
			return MCF_INFEASIBLE;
		augment(g, z, nexc < ndef);
	}
}


