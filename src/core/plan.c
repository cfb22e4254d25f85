/* plan: the planner's exact solver; see plan.h and docs/planner.md. The instance becomes a
 * min-cost circulation with lower bounds (struct net: the domain's nodes and arcs on a
 * core/mcf network), solved by mcf's network simplex or, after a change, repaired by mcf's
 * warm start from the previous flow and potentials. This file knows the domain: the network's
 * shape, the pre-checks and the explanation of an infeasible instance, the solution and its
 * verification, which arcs a change touches. Pure: no I/O; costs are int64 (scores ×
 * PLAN_SCALE, rounded). */
#include "core/plan.h"
#include "core/mcf.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define MAX_SCORE 1e6            /* |score| and |bonus|; keeps every cost sum in int64 */
#define MAX_FLOW MCF_MAX_FLOW   /* total capacity, so that flows fit in int32 */

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
	struct mcf *f;              /* the nodes and arcs, their flow and potentials */
	int32_t n;                  /* nodes */
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
	mcf_free(g->f);
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
	return mcf_add_arc(g->f, s, d, lo, cap, c);
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
	g->tlead_first = mcf_arcs(g->f);
	for (size_t t = 0; t < in->ntargets; t++)
		add_arc(g, lead_node(g, t), NODE_T, 1, 1, 0);
	for (size_t t = 0; t < in->ntargets; t++) {
		const struct plan_target *x = &in->targets[t];
		int32_t m = member_node(g, t);
		g->tmember_first[t] = mcf_arcs(g->f);
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
	g->tmember_first[in->ntargets] = mcf_arcs(g->f);
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
		mcf_set_bounds(g->f, e, 1, mcf_cap(g->f, e));
		if (g->pair_arc[p] >= 0)
			mcf_set_bounds(g->f, g->pair_arc[p], 1, mcf_cap(g->f, g->pair_arc[p]));
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
	g->f = mcf_new(g->n, (int32_t)narcs);
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
	char *in_set;
	char *tmark;             /* targets to name, when set (the supply side) */
};

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
	const struct mcf *f = g->f;
	int64_t need = 0, have = 0, leads = 0, members = 0;
	for (int32_t e = 0; e < mcf_arcs(f); e++) {
		bool s = c->in_set[mcf_src(f, e)], d = c->in_set[mcf_dst(f, e)];
		if (s == d)
			continue;
		if (deficit_side) {
			need += s ? mcf_lo(f, e) : 0;
			have += d ? mcf_cap(f, e) : 0;
		} else {
			need += d ? mcf_lo(f, e) : 0;
			have += s ? mcf_cap(f, e) : 0;
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
		for (int32_t e = 0; e < mcf_arcs(f); e++) {
			int32_t d = mcf_dst(f, e);
			if (mcf_src(f, e) == NODE_S && c->in_set[d])
				mins += mcf_lo(f, e);
			if (!c->in_set[mcf_src(f, e)] || d < lead_node(g, 0))
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
static void explain_flow(const struct plan_instance *in, const struct net *g, char *r,
			 size_t len)
{
	struct cut c = { in, g, xcalloc((size_t)g->n + 1, 1), NULL };

	for (int side = 0; side < 2; side++) {
		bool deficit = side == 0, any = false;
		memset(c.in_set, 0, (size_t)g->n);
		for (int32_t v = 0; v < g->n; v++) {
			int64_t u = mcf_unmet(g->f, v);
			if (deficit ? u < 0 : u > 0)
				c.in_set[v] = 1, any = true;
		}
		mcf_reach(g->f, c.in_set, !deficit);
		if (any && !c.in_set[NODE_S] && !c.in_set[NODE_T]) {
			cut_explain(&c, deficit, r, len);
			goto out;
		}
	}
	snprintf(r, len, "no plan meets every bound at once; the conflict involves ");
	cut_names(&c, r, len, false);
	say(r, len, " and ");
	cut_names(&c, r, len, true);
out:
	free(c.in_set);
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

static void extract(const struct plan_instance *in, const struct net *g,
		    struct plan_solution *out)
{
	size_t n = 0;
#define flow(e) mcf_flow(g->f, (e))
	for (size_t i = 0; i < in->npairs; i++)
		n += (size_t)(g->lead_arc[i] >= 0 ? flow(g->lead_arc[i]) : 0) +
		     (size_t)flow(g->member_arc[i]);
	out->a = xmalloc((n + 1) * sizeof *out->a);
	n = 0;
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		for (int32_t k = g->lead_arc[i] >= 0 ? flow(g->lead_arc[i]) : 0; k > 0; k--)
			out->a[n++] = (struct plan_assignment){ p->unit, p->target, i, PLAN_LEAD };
		for (int32_t k = flow(g->member_arc[i]); k > 0; k--)
			out->a[n++] = (struct plan_assignment){ p->unit, p->target, i, PLAN_MEMBER };
	}
#undef flow
	qsort(out->a, n, sizeof *out->a, assignment_cmp);
	out->n = n;
	out->status = PLAN_OPTIMAL;
	out->objective = (double)objective_scaled(in, out->a, n) / PLAN_SCALE;
}

/* ---------------------------------------------------------------------------------------
 * The state kept for repair: the network, its flow and potentials, and the values of the
 * instance it was built from (to find what changed).
 * ------------------------------------------------------------------------------------- */

struct plan_state {
	struct net g;               /* with its mcf network: flow and potentials */
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
	bool infeasible;            /* kept by an infeasible solve: potentials only */
};

static void state_free(struct plan_state *st)
{
	if (!st)
		return;
	net_free(&st->g);
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
				    const size_t *fixed_pair)
{
	struct plan_state *st = xcalloc(1, sizeof *st);
	size_t nb = 0;

	st->g = *g; /* taken, with its network */
	memset(g, 0, sizeof *g);
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
	enum mcf_status st;
	bool ok = false;

	plan_solution_release(out);
	memset(&g, 0, sizeof g);
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
	st = mcf_solve(g.f, 0);
	out->pivots = mcf_steps(g.f);
	if (st == MCF_OVERFLOW) {
		snprintf(out->reason, sizeof out->reason, "the scores are too large to add up "
							  "exactly: scale them down");
		ok = false;
		goto out;
	}
	if (st == MCF_INFEASIBLE) {
		explain_flow(in, &g, out->reason, sizeof out->reason);
		set_infeasible(out, out->reason);
		if (keep_state) { /* for plan_duals only: the big-M problem's potentials */
			out->state = state_new(in, &g, fixed_pair);
			out->state->infeasible = true;
		}
		goto out;
	}
	extract(in, &g, out);
	if (keep_state)
		out->state = state_new(in, &g, fixed_pair);
out:
	net_free(&g);
	free(fixed_pair);
	out->seconds = now_seconds() - t0;
	return ok;
}

bool plan_duals(const struct plan_solution *sol, int64_t *unit, int64_t *lead, int64_t *member)
{
	const struct plan_state *st = sol->state;
	int64_t *pi;
	if (!st)
		return false;
	pi = xmalloc(((size_t)st->g.n + 1) * sizeof *pi);
	if (st->infeasible) /* the big-M problem's: left-out arcs that would lessen the shortfall */
		for (int32_t v = 0; v < st->g.n; v++)
			pi[v] = mcf_potential(st->g.f, v);
	else /* without the artificial arcs' big M, which would make pricing useless */
		mcf_tight_potentials(st->g.f, NODE_T, pi);
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
 * plan_repair: which arcs a changed instance touches, on a copy of the state or (logged) on
 * the state itself
 * ------------------------------------------------------------------------------------- */

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
	size_t nb = o->bonus_first[o->ntargets];

	*st = *o;
	st->g.f = mcf_clone(g->f);
	st->g.lead_arc = DUP(g->lead_arc, o->npairs + 1);
	st->g.member_arc = DUP(g->member_arc, o->npairs + 1);
	st->g.pair_arc = DUP(g->pair_arc, o->npairs + 1);
	st->g.tmember_first = DUP(g->tmember_first, o->ntargets + 1);
	st->g.pair_of_node = DUP(g->pair_of_node, (size_t)(g->n - g->pair_node0) + 1);
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
	return st;
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
		int32_t from = mcf_src(g->f, g->pair_arc[i] >= 0 ? g->pair_arc[i] : g->member_arc[i]);
		if (p->unit >= in->nunits || p->target >= in->ntargets ||
		    from != unit_node(p->unit) ||
		    mcf_dst(g->f, g->member_arc[i]) != member_node(g, p->target) ||
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

/* The changed instance's bounds and costs, arc by arc where they differ (mcf_change_arc keeps
 * each arc's flow where its reduced cost allows; the imbalances are for mcf_resolve). */
static void rp_apply(struct mcf *f, const struct plan_state *st, const struct plan_instance *in,
		     const int32_t *fixed, size_t nfixed)
{
	const struct net *g = &st->g;
	int64_t total = 0;

	for (size_t i = 0; i < st->nfixed_arcs; i++) {
		int32_t e = st->fixed_arcs[i];
		mcf_change_arc(f, e, 0, mcf_cap(f, e), mcf_cost(f, e));
	}
	for (size_t u = 0; u < in->nunits; u++) {
		int32_t c = ncopies(&in->units[u]);
		total += in->units[u].cap * c;
		mcf_change_arc(f, 1 + (int32_t)u, in->units[u].min * c, in->units[u].cap * c, 0);
	}
	mcf_change_arc(f, 0, 0, (int32_t)total, 0);
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *p = &in->pairs[i];
		int32_t e = g->lead_arc[i];
		if (rp_pair_same(st, in, i))
			continue;
		if (e >= 0)
			mcf_change_arc(f, e, mcf_lo(f, e), may_lead(in, p) ? 1 : 0,
				       may_lead(in, p) ? -scaled(p->lead) : mcf_cost(f, e));
		e = g->member_arc[i];
		mcf_change_arc(f, e, mcf_lo(f, e), mcf_cap(f, e), -scaled(p->member));
	}
	for (size_t i = 0; i < nfixed; i++)
		mcf_change_arc(f, fixed[i], 1, mcf_cap(f, fixed[i]), mcf_cost(f, fixed[i]));
}

/* plan_repair (docs/planner.md, "Repair"): the changes applied to the previous optimal flow
 * and potentials, then mcf's successive shortest paths. Without keep_state it works on prev's
 * state in place, logged, and rolls the changes back at the end. */
bool plan_repair(const struct plan_instance *changed, const struct plan_solution *prev,
		 bool keep_state, struct plan_solution *out)
{
	double t0 = now_seconds();
	int32_t *fixed = xmalloc((2 * changed->nfixed + 1) * sizeof *fixed);
	struct plan_state *st;
	size_t nfixed;
	bool ok;

	plan_solution_release(out);
	if (!prev->state || prev->state->infeasible || !rp_compatible(prev->state, changed) ||
	    !rp_fixed_arcs(prev->state, changed, fixed, &nfixed)) {
		free(fixed);
		return plan_solve(changed, keep_state, out);
	}
	st = keep_state ? state_clone(prev->state) : prev->state;
	if (!keep_state)
		mcf_log_begin(st->g.f);
	rp_apply(st->g.f, st, changed, fixed, nfixed);
	ok = mcf_resolve(st->g.f) == MCF_OPTIMAL;
	if (ok) {
		extract(changed, &st->g, out);
		out->pivots = mcf_steps(st->g.f);
		out->warm = true;
	}
	if (ok && keep_state) {
		struct plan_instance nofix = *changed;
		nofix.nfixed = 0; /* the fixed arcs are known already: */
		state_values(st, &nofix, NULL);
		free(st->fixed_arcs);
		st->fixed_arcs = DUP(fixed, nfixed + 1);
		st->nfixed_arcs = nfixed;
		out->state = st;
	} else if (keep_state) {
		state_free(st);
	} else {
		mcf_log_rollback(st->g.f);
	}
	free(fixed);
	if (!ok) /* infeasible: the cold solve says why */
		return plan_solve(changed, keep_state, out);
	out->seconds = now_seconds() - t0;
	return true;
}
