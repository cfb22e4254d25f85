/* plan_round: a round's instance from the registry, the solve, the plan as JSON, what-if
 * repair and apply; see plan_round.h. Pair p of an instance is unit p / ntargets at target
 * p % ntargets: every unit may be paired with every target. */
#include "app/plan_round.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/depends.h"
#include "app/plan_io.h"
#include "app/query.h"
#include "core/plan.h"
#include "core/rules.h"
#include "core/score.h"
#include "store/account.h"
#include "store/plan_table.h"
#include "util/asset.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NEEDS_ASSET "guangdong/plan-needs.csv"

/* Per unit × target pair (p = u * nt + t) one byte: bits 0-1 its role in the round's current
 * formation + 1 (0: none), 2-3 the role that gets the keep bonus + 1, 4-5 its role in the
 * previous round + 1, bit 6 "may lead whatever the unit's category" (a fixed lead, a merged
 * unit's lead), bit 7 "in the instance". A pair is special (pair_special) when its score has a
 * part that depends on the pair (keep or stability when not 0, continuity, a lead allowed by
 * exception); a special pair is always in a sparse instance and its unit is never pooled. */
enum { SH_CUR = 0, SH_KEEP = 2, SH_PREV = 4 };
#define SP_LEAD 0x40u
#define SP_IN 0x80u

/* One instance of the round with what is needed to explain it. */
struct build {
	const struct registry *r;
	const struct score_table *st;
	struct score_table own;        /* st with keep = stability for a plain plan */
	size_t round, prev, nu, nt;
	struct score_needs *needs;     /* per target */
	struct plan_unit *units;
	bool *base_lead;               /* per unit: its category may lead */
	unsigned *mask;                /* per unit: its strengths as bits (score_unit_mask) */
	struct plan_target *targets;
	struct plan_pair *pairs;       /* the instance's pairs, by unit, then target */
	size_t npairs;
	struct plan_fixed *fixed;
	size_t nfixed;
	double *bonus;                 /* per target, bmax values */
	int bmax;
	uint8_t *spec;                 /* per unit × target pair, see above */
	/* the instance's units: each unit alone, or (sparse) units with no special pair and the
	 * same scores, capacity and minimum pooled as one instance unit with copies
	 * (plan_unit.copies); iu_first/iu_member list each instance unit's units (CSR) */
	size_t niu;
	struct plan_unit *iunits;
	size_t *iu_first, *iu_member, *iu_of;
	char (*iu_id)[40];
	struct plan_fixed *ifixed;     /* fixed with instance unit indices */
	struct plan_instance in;
};

static void build_release(struct build *b)
{
	free(b->needs);
	free(b->units);
	free(b->base_lead);
	free(b->mask);
	free(b->targets);
	free(b->pairs);
	free(b->fixed);
	free(b->bonus);
	free(b->spec);
	free(b->iunits);
	free(b->iu_first);
	free(b->iu_member);
	free(b->iu_of);
	free(b->iu_id);
	free(b->ifixed);
	memset(b, 0, sizeof *b);
}

static int role_at(const struct build *b, size_t p, int shift)
{
	return (int)((b->spec[p] >> shift) & 3u) - 1;
}

static void set_role(struct build *b, size_t p, int shift, int role)
{
	b->spec[p] = (uint8_t)((b->spec[p] & ~(3u << shift)) | ((unsigned)(role + 1) << shift));
}

static bool pair_special(const struct build *b, size_t p)
{
	return role_at(b, p, SH_PREV) >= 0 || (b->spec[p] & SP_LEAD) ||
	       (role_at(b, p, SH_KEEP) >= 0 && b->st->keep != 0);
}

static bool lead_ok(const struct build *b, size_t u, size_t p)
{
	return b->base_lead[u] || (b->spec[p] & SP_LEAD);
}

static enum bf_status load_table(const struct plan_round_opts *o, struct score_table *st,
				 struct bf_err *err)
{
	const struct asset *a = asset_find(NEEDS_ASSET);
	const char *text = o->needs;
	size_t len = o->needs_len;
	struct buf why = BUF_INIT;
	enum bf_status rc = BF_OK;

	if (!text) {
		if (!a)
			return bf_err_set(err, BF_EIO, "the bundled needs table is missing");
		text = (const char *)a->begin;
		len = (size_t)(a->end - a->begin);
	}
	if (!score_table_parse(text, len, o->needs_name ? o->needs_name : "plan-needs.csv", st,
			       &why))
		rc = bf_err_set(err, BF_EINPUT, "%s", buf_cstr(&why));
	buf_release(&why);
	return rc;
}

static void add_fixed(struct build *b, size_t u, size_t t, int role)
{
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].unit == u && b->fixed[i].target == t)
			return;
	b->fixed[b->nfixed++] = (struct plan_fixed){ u, t, role == ROLE_LEAD ? PLAN_LEAD
									: PLAN_MEMBER };
}

/* The round's current formation (which also gets the keep bonus), the published (verified)
 * groups' memberships as fixed pairs, and the previous round's roles (for continuity; the
 * first group of the target in that round where the unit is, as score_previous_role). */
static void current(struct build *b)
{
	const struct registry *r = b->r;
	for (size_t g = 0; g < r->ngroups; g++) {
		size_t t = r->groups[g].target_ix;
		if (r->groups[g].round_ix != b->round || t == REG_NONE)
			continue;
		for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++) {
			const struct bf_member *m = &r->members[r->group_members.items[k]];
			if (m->unit_ix == REG_NONE)
				continue;
			set_role(b, m->unit_ix * b->nt + t, SH_CUR, m->role);
			set_role(b, m->unit_ix * b->nt + t, SH_KEEP, m->role);
			if (r->groups[g].verified)
				add_fixed(b, m->unit_ix, t, m->role);
		}
	}
	for (size_t t = 0; t < b->nt && b->prev != REG_NONE; t++)
		for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
			size_t g = r->target_groups.items[k];
			if (r->groups[g].round_ix != b->prev)
				continue;
			for (size_t j = r->group_members.off[g]; j < r->group_members.off[g + 1]; j++) {
				const struct bf_member *m = &r->members[r->group_members.items[j]];
				size_t p = m->unit_ix * b->nt + t;
				if (m->unit_ix != REG_NONE && role_at(b, p, SH_PREV) < 0)
					set_role(b, p, SH_PREV,
						 registry_member_role(r, g, m->unit_ix));
			}
		}
}

static size_t unit_arg(const struct registry *r, const char *code, const char *what,
		       struct bf_err *err)
{
	size_t u = registry_find_unit(r, code);
	if (u == REG_NONE)
		bf_err_set(err, BF_EINPUT, "%s: no unit '%s' (units are codes like U048)", what,
			   code);
	return u;
}

/* Passes unit a's assignments (its keep bonuses and fixed pairs) to unit b. */
static void pass_on(struct build *b, size_t a, size_t to)
{
	for (size_t t = 0; t < b->nt; t++) {
		int k = role_at(b, a * b->nt + t, SH_KEEP);
		if (k >= 0 && role_at(b, to * b->nt + t, SH_KEEP) < 0) {
			set_role(b, to * b->nt + t, SH_KEEP, k);
			if (k == ROLE_LEAD)
				b->spec[to * b->nt + t] |= SP_LEAD;
		}
		set_role(b, a * b->nt + t, SH_KEEP, -1);
	}
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].unit == a) {
			bool dup = false;
			for (size_t j = 0; j < b->nfixed; j++)
				dup = dup || (b->fixed[j].unit == to &&
					      b->fixed[j].target == b->fixed[i].target);
			b->fixed[i].unit = to;
			if (b->fixed[i].role == PLAN_LEAD)
				b->spec[to * b->nt + b->fixed[i].target] |= SP_LEAD;
			if (dup)
				b->fixed[i--] = b->fixed[--b->nfixed];
		}
}

static void drop_fixed(struct build *b, size_t u)
{
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].unit == u)
			b->fixed[i--] = b->fixed[--b->nfixed];
}

/* The what-if changes of a repair: removed units, merges, capacities (in that order). */
static enum bf_status changes(struct build *b, const struct plan_round_opts *o,
			      struct bf_err *err)
{
	size_t u, v;

	for (size_t i = 0; i < o->nwithout; i++) {
		if ((u = unit_arg(b->r, o->without[i], "without", err)) == REG_NONE)
			return err->status;
		b->units[u].cap = 0;
		for (size_t t = 0; t < b->nt; t++)
			set_role(b, u * b->nt + t, SH_KEEP, -1);
		drop_fixed(b, u);
	}
	for (size_t i = 0; i < o->nmerge; i++) {
		if ((u = unit_arg(b->r, o->merge[i].from, "merge", err)) == REG_NONE ||
		    (v = unit_arg(b->r, o->merge[i].to, "merge", err)) == REG_NONE)
			return err->status;
		if (u == v)
			return bf_err_set(err, BF_EINPUT, "merge %s=%s: a unit cannot merge into "
							  "itself", o->merge[i].from, o->merge[i].to);
		b->units[v].cap += b->units[u].cap;
		b->units[u].cap = 0;
		pass_on(b, u, v);
	}
	for (size_t i = 0; i < o->ncapacity; i++) {
		if ((u = unit_arg(b->r, o->capacity[i].unit, "capacity", err)) == REG_NONE)
			return err->status;
		b->units[u].cap = o->capacity[i].cap;
		if (!b->units[u].cap)
			drop_fixed(b, u);
	}
	for (u = 0; u < b->nu; u++)
		b->units[u].min = b->units[u].cap > 0;
	return BF_OK;
}

static void targets(struct build *b)
{
	const struct score_table *st = b->st;
	size_t *nfix = xcalloc(b->nt + 1, sizeof *nfix);

	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].role == PLAN_MEMBER)
			nfix[b->fixed[i].target]++;
	b->bmax = st->member_max;
	for (size_t t = 0; t < b->nt; t++)
		if ((int)nfix[t] > b->bmax)
			b->bmax = (int)nfix[t];
	b->bonus = xcalloc(b->nt * (size_t)b->bmax + 1, sizeof *b->bonus);
	for (size_t t = 0; t < b->nt; t++) {
		double *bo = b->bonus + t * (size_t)b->bmax;
		int mmax = (int)nfix[t] > st->member_max ? (int)nfix[t] : st->member_max;
		score_target_needs(st, b->r, t, &b->needs[t]);
		score_target_bonus(st, &b->needs[t], bo);
		for (int k = st->member_max; k < mmax; k++)
			bo[k] = bo[st->member_max - 1] < 0 ? bo[st->member_max - 1] : 0;
		b->targets[t] = (struct plan_target){ b->r->targets[t].adcode, st->member_min, mmax,
						       bo };
	}
	free(nfix);
}

/* The pair p = u * nt + t with its scores (score_total: the same totals as score_pair). */
static struct plan_pair pair_of(const struct build *b, size_t u, size_t t)
{
	size_t p = u * b->nt + t;
	const struct bf_unit *x = &b->r->units[u];
	double fit = score_fit(&b->needs[t], b->mask[u]);
	int prev = role_at(b, p, SH_PREV), keep = role_at(b, p, SH_KEEP);
	return (struct plan_pair){ u, t, lead_ok(b, u, p),
				   score_total(b->st, x, fit, ROLE_LEAD, prev, keep == ROLE_LEAD),
				   score_total(b->st, x, fit, ROLE_MEMBER, prev, keep == ROLE_MEMBER) };
}

/* Pooling key order: units that score alike everywhere (strengths, may lead and lead weight)
 * with the same capacity and minimum are next to each other. */
static const struct build *pool_b;

static int pool_cmp(const void *x, const void *y)
{
	size_t u = *(const size_t *)x, v = *(const size_t *)y;
	const struct build *b = pool_b;
	const struct bf_unit *a = &b->r->units[u], *c = &b->r->units[v];
	double la = b->base_lead[u] ? b->st->lead_weight[a->category] : -1e300;
	double lc = b->base_lead[v] ? b->st->lead_weight[c->category] : -1e300;
	if (b->mask[u] != b->mask[v])
		return b->mask[u] < b->mask[v] ? -1 : 1;
	if (la != lc)
		return la < lc ? -1 : 1;
	if (b->units[u].cap != b->units[v].cap)
		return b->units[u].cap < b->units[v].cap ? -1 : 1;
	if (b->units[u].min != b->units[v].min)
		return b->units[u].min < b->units[v].min ? -1 : 1;
	return u < v ? -1 : u > v;
}

static bool same_pool(const struct build *b, size_t u, size_t v)
{
	return b->mask[u] == b->mask[v] && b->base_lead[u] == b->base_lead[v] &&
	       b->units[u].cap == b->units[v].cap && b->units[u].min == b->units[v].min &&
	       (!b->base_lead[u] || b->st->lead_weight[b->r->units[u].category] ==
					    b->st->lead_weight[b->r->units[v].category]);
}

/* The instance's units: with pool, every unit without a special pair (in b or other) joins
 * the pool of the units that score alike; the others stay alone. */
static void make_units(struct build *b, const struct build *other, bool pool)
{
	size_t *order = xmalloc((b->nu + 1) * sizeof *order), n = 0;
	bool *alone = xcalloc(b->nu + 1, sizeof *alone);

	size_t nalone = 0, k = 0;

	for (size_t u = 0; u < b->nu; u++) {
		for (size_t t = 0; pool && t < b->nt && !alone[u]; t++)
			alone[u] = pair_special(b, u * b->nt + t) ||
				   (other && pair_special(other, u * b->nt + t));
		alone[u] = alone[u] || !pool;
	}
	for (size_t i = 0; i < b->nfixed; i++)
		alone[b->fixed[i].unit] = true;
	for (size_t i = 0; other && i < other->nfixed; i++)
		alone[other->fixed[i].unit] = true;
	for (size_t u = 0; u < b->nu; u++)
		nalone += alone[u];
	for (size_t u = 0; u < b->nu; u++) /* the units alone first, then the pooled by key */
		order[alone[u] ? k++ : nalone + (u - k)] = u;
	pool_b = b;
	qsort(order + nalone, b->nu - nalone, sizeof *order, pool_cmp);
	b->iunits = xcalloc(b->nu + 1, sizeof *b->iunits);
	b->iu_first = xcalloc(b->nu + 2, sizeof *b->iu_first);
	b->iu_member = xmalloc((b->nu + 1) * sizeof *b->iu_member);
	b->iu_of = xmalloc((b->nu + 1) * sizeof *b->iu_of);
	b->iu_id = xcalloc(b->nu + 1, sizeof *b->iu_id);
	b->niu = 0;
	for (size_t i = 0; i < b->nu; i++) {
		size_t u = order[i];
		bool join = !alone[u] && n > 0 && !alone[b->iu_member[n - 1]] &&
			    same_pool(b, b->iu_member[n - 1], u);
		if (!join) {
			b->iu_first[b->niu] = n;
			b->iunits[b->niu] = b->units[u];
			b->niu++;
		}
		b->iu_member[n++] = u;
		b->iu_of[u] = b->niu - 1;
	}
	b->iu_first[b->niu] = n;
	for (size_t iu = 0; iu < b->niu; iu++) {
		size_t c = b->iu_first[iu + 1] - b->iu_first[iu];
		const char *code = b->r->units[b->iu_member[b->iu_first[iu]]].code;
		if (c > 1) {
			snprintf(b->iu_id[iu], sizeof b->iu_id[iu], "%s*%zu", code, c);
			b->iunits[iu].id = b->iu_id[iu];
			b->iunits[iu].copies = (int)c;
		}
	}
	b->ifixed = xmalloc((b->nfixed + 1) * sizeof *b->ifixed);
	for (size_t i = 0; i < b->nfixed; i++) {
		b->ifixed[i] = b->fixed[i];
		b->ifixed[i].unit = b->iu_of[b->fixed[i].unit];
	}
	free(order);
	free(alone);
}

/* The instance's pairs: every pair (dense) or those marked SP_IN (sparse; for a pool, those
 * marked for any of its units, which are then marked on its first unit), by instance unit and
 * target; a unit fixed as a lead (a published group) or leading for a merged unit may lead
 * there, whatever its category's row says. */
static void build_pairs(struct build *b, bool sparse)
{
	size_t np = b->nu * b->nt, n = 0;

	for (size_t iu = 0; sparse && iu < b->niu; iu++) {
		size_t u0 = b->iu_member[b->iu_first[iu]];
		for (size_t k = b->iu_first[iu] + 1; k < b->iu_first[iu + 1]; k++)
			for (size_t t = 0; t < b->nt; t++)
				b->spec[u0 * b->nt + t] |= b->spec[b->iu_member[k] * b->nt + t] & SP_IN;
		for (size_t t = 0; t < b->nt; t++)
			n += (b->spec[u0 * b->nt + t] & SP_IN) != 0;
	}
	free(b->pairs);
	b->pairs = xmalloc(((sparse ? n : np) + 1) * sizeof *b->pairs);
	b->npairs = 0;
	for (size_t iu = 0; iu < b->niu; iu++) {
		size_t u = b->iu_member[b->iu_first[iu]];
		b->iunits[iu].can_lead = b->base_lead[u];
		for (size_t t = 0; t < b->nt; t++) {
			size_t p = u * b->nt + t;
			if (sparse && !(b->spec[p] & SP_IN))
				continue;
			b->pairs[b->npairs] = pair_of(b, u, t);
			b->pairs[b->npairs].unit = iu;
			if (b->pairs[b->npairs].lead_ok)
				b->iunits[iu].can_lead = true;
			b->npairs++;
		}
	}
	b->in = (struct plan_instance){ b->iunits, b->targets, b->pairs, b->ifixed,
					b->niu, b->nt, b->npairs, b->nfixed };
}

/* The solution in the registry's units: a pool's places (by target) go to its units in turn,
 * the i-th place to unit i mod n; a target's places are at most n in a row (each copy serves
 * a target at most once), so no unit gets a target twice. */
static int real_cmp(const void *x, const void *y)
{
	const struct plan_assignment *a = x, *c = y;
	if (a->target != c->target)
		return a->target < c->target ? -1 : 1;
	if (a->role != c->role)
		return a->role == PLAN_LEAD ? -1 : 1;
	return a->unit < c->unit ? -1 : a->unit > c->unit;
}

static void disaggregate(const struct build *b, struct plan_solution *sol)
{
	size_t *next = xcalloc(b->niu + 1, sizeof *next);
	for (size_t i = 0; i < sol->n; i++) {
		size_t iu = sol->a[i].unit, c = b->iu_first[iu + 1] - b->iu_first[iu];
		sol->a[i].unit = b->iu_member[b->iu_first[iu] + next[iu]++ % c];
	}
	if (sol->n)
		qsort(sol->a, sol->n, sizeof *sol->a, real_cmp);
	free(next);
}

/* Builds the round's data (everything but the pairs: build_pairs); with keep, the current
 * formation's pairs get the keep bonus; with o's changes applied when apply_changes. */
static enum bf_status build_init(struct build *b, const struct registry *r,
				 const struct score_table *st, size_t round,
				 const struct plan_round_opts *o, bool keep, bool apply_changes,
				 struct bf_err *err)
{
	size_t np;

	memset(b, 0, sizeof *b);
	b->r = r;
	b->st = st;
	if (!keep) { /* a plain plan keeps the formation in place among equally good ones */
		b->own = *st;
		b->own.keep = st->stability;
		b->st = st = &b->own;
	}
	b->round = round;
	b->prev = score_previous_round(r, round);
	b->nu = r->nunits;
	b->nt = r->ntargets;
	np = b->nu * b->nt;
	b->needs = xcalloc(b->nt + 1, sizeof *b->needs);
	b->units = xcalloc(b->nu + 1, sizeof *b->units);
	b->base_lead = xcalloc(b->nu + 1, sizeof *b->base_lead);
	b->mask = xcalloc(b->nu + 1, sizeof *b->mask);
	b->targets = xcalloc(b->nt + 1, sizeof *b->targets);
	b->fixed = xcalloc(b->nu * 2 + r->nmembers + 1, sizeof *b->fixed);
	b->spec = xcalloc(np + 1, 1);
	current(b);
	for (size_t u = 0; u < b->nu; u++) {
		b->base_lead[u] = score_can_lead(st, &r->units[u]);
		b->mask[u] = score_unit_mask(&r->units[u]);
		b->units[u] = (struct plan_unit){ r->units[u].code, (int)r->units[u].capacity, 1,
						   b->base_lead[u], 1 };
	}
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].role == PLAN_LEAD)
			b->spec[b->fixed[i].unit * b->nt + b->fixed[i].target] |= SP_LEAD;
	if (apply_changes) {
		enum bf_status rc = changes(b, o, err);
		if (rc)
			return rc;
	}
	targets(b);
	return BF_OK;
}

/* ---- the plan as JSON ------------------------------------------------------------------ */

static const char *role_word(enum plan_role r)
{
	return r == PLAN_LEAD ? "lead" : "member";
}

static json_t *breakdown_json(const struct score_breakdown *s)
{
	json_t *fit = json_object();
	for (int d = 0; d < SCORE_NDIM; d++)
		if (s->fit[d] != 0)
			json_object_set_new(fit, model_strengths[d], json_real(s->fit[d]));
	return json_pack("{s:o, s:f, s:f, s:f, s:f, s:f}", "fit", fit, "fit_total",
			 s->fit_total, "lead_weight", s->lead_weight, "continuity", s->continuity,
			 "member_cost", s->member_cost, "keep", s->keep);
}

static bool is_fixed(const struct build *b, size_t u, size_t t)
{
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].unit == u && b->fixed[i].target == t)
			return true;
	return false;
}

/* The id the target's group has or will have in the round. */
static void group_id(const struct registry *r, size_t round, size_t t, char *out, size_t n)
{
	char year[5];
	char mine[64];
	size_t first = REG_NONE;

	date_format(r->rounds[round].start, mine);
	memcpy(year, mine, 4);
	year[4] = '\0';
	snprintf(mine, sizeof mine, "G%s-%s", year, r->targets[t].adcode);
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k];
		if (r->groups[g].round_ix != round)
			continue;
		if (strcmp(r->groups[g].id, mine) == 0) {
			first = g;
			break;
		}
		if (first == REG_NONE)
			first = g;
	}
	snprintf(out, n, "%s", first == REG_NONE ? mine : r->groups[first].id);
}

/* A pair's score without the keep bonus (what the formation is worth). */
static double worth(const struct build *b, size_t u, size_t t, int role,
		    struct score_breakdown *s)
{
	size_t p = u * b->nt + t;
	score_pair(b->st, &b->r->units[u], &b->needs[t], role, role_at(b, p, SH_PREV),
		   role_at(b, p, SH_KEEP) == role, s);
	return s->total - s->keep;
}

static double bonus_of(const struct build *b, size_t t, size_t members)
{
	double sum = 0;
	for (size_t k = 0; k < members && (int)k < b->targets[t].mmax; k++)
		sum += b->targets[t].bonus[k];
	return sum;
}

struct stats {
	double *score;      /* per target */
	double total;
	size_t memberships, units_used, units_twice;
};

static json_t *group_json(const struct build *b, const struct plan_solution *sol, size_t *i,
			  size_t t, struct stats *s)
{
	const struct registry *r = b->r;
	json_t *units = json_array();
	size_t members = 0;
	double score = 0, bonus;
	char id[80];

	for (; *i < sol->n && sol->a[*i].target == t; ++*i) {
		const struct plan_assignment *a = &sol->a[*i];
		struct score_breakdown sb;
		int role = a->role == PLAN_LEAD ? ROLE_LEAD : ROLE_MEMBER;
		double w = worth(b, a->unit, t, role, &sb);
		members += role == ROLE_MEMBER;
		score += w;
		json_array_append_new(
			units, json_pack("{s:s, s:s, s:s, s:b, s:f, s:o}", "unit",
					 r->units[a->unit].code, "name_zh",
					 r->units[a->unit].name_zh, "role", role_word(a->role),
					 "fixed", is_fixed(b, a->unit, t), "score", w, "breakdown",
					 breakdown_json(&sb)));
	}
	bonus = bonus_of(b, t, members);
	s->score[t] = score + bonus;
	s->total += score + bonus;
	s->memberships += json_array_size(units);
	group_id(r, b->round, t, id, sizeof id);
	return json_pack("{s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:o}", "group", id, "target",
			 r->targets[t].adcode, "name_zh", r->targets[t].name_zh, "prefecture",
			 r->targets[t].prefecture, "score", s->score[t], "bonus", bonus, "support",
			 b->needs[t].support, "units", units);
}

static json_t *statistics_json(const struct build *b, const struct plan_solution *sol,
			       struct stats *s)
{
	const struct registry *r = b->r;
	json_t *pref = json_array();
	double lo = INFINITY, hi = -INFINITY, plo = INFINITY, phi = -INFINITY;
	size_t *uses = xcalloc(b->nu + 1, sizeof *uses);

	for (size_t i = 0; i < sol->n; i++)
		uses[sol->a[i].unit]++;
	for (size_t u = 0; u < b->nu; u++) {
		s->units_used += uses[u] > 0;
		s->units_twice += uses[u] > 1;
	}
	for (size_t t = 0; t < b->nt; t++) {
		lo = s->score[t] < lo ? s->score[t] : lo;
		hi = s->score[t] > hi ? s->score[t] : hi;
	}
	for (size_t t = 0; t < b->nt; t++) {
		bool seen = false;
		size_t n = 0;
		double sum = 0;
		for (size_t x = 0; x < t && !seen; x++)
			seen = strcmp(r->targets[x].prefecture, r->targets[t].prefecture) == 0;
		if (seen)
			continue;
		for (size_t x = t; x < b->nt; x++)
			if (strcmp(r->targets[x].prefecture, r->targets[t].prefecture) == 0) {
				n++;
				sum += s->score[x];
			}
		plo = sum / (double)n < plo ? sum / (double)n : plo;
		phi = sum / (double)n > phi ? sum / (double)n : phi;
		json_array_append_new(pref, json_pack("{s:s, s:I, s:f}", "prefecture",
						      r->targets[t].prefecture, "groups",
						      (json_int_t)n, "mean", sum / (double)n));
	}
	free(uses);
	if (!b->nt)
		lo = hi = plo = phi = 0;
	return json_pack("{s:I, s:I, s:I, s:I, s:{s:f, s:f, s:f}, s:o, s:f}", "groups",
			 (json_int_t)b->nt, "memberships", (json_int_t)s->memberships,
			 "units_used", (json_int_t)s->units_used, "units_twice",
			 (json_int_t)s->units_twice, "group_score", "min", lo, "mean",
			 b->nt ? s->total / (double)b->nt : 0.0, "max", hi, "prefectures", pref,
			 "prefecture_spread", phi - plo);
}

static json_t *plan_json(const struct build *b, const struct plan_solution *sol,
			 const struct plan_round_opts *o, bool warm, double *score)
{
	json_t *groups = json_array(), *out;
	struct stats s = { xcalloc(b->nt + 1, sizeof(double)), 0, 0, 0, 0 };
	bool ok = sol->status == PLAN_OPTIMAL;

	for (size_t t = 0, i = 0; ok && t < b->nt; t++)
		json_array_append_new(groups, group_json(b, sol, &i, t, &s));
	out = json_pack("{s:s, s:s, s:s, s:f, s:f, s:s, s:{s:f, s:I, s:b}, s:o}", "round",
			b->r->rounds[b->round].name, "kind", o->repair ? "repair" : "plan",
			"status", ok ? "optimal" : "infeasible", "objective",
			ok ? sol->objective : 0.0, "score", s.total, "needs",
			o->needs_name ? o->needs_name : "plan-needs.csv (bundled)", "solver",
			"seconds", sol->seconds, "pivots", (json_int_t)sol->pivots, "warm", warm,
			"groups", groups);
	json_object_set_new(out, "statistics", ok ? statistics_json(b, sol, &s) : json_null());
	json_object_set_new(out, "reason", ok ? json_null() : json_string(sol->reason));
	*score = s.total;
	free(s.score);
	return out;
}

/* ---- repair: the difference with the current formation -------------------------------- */

static double current_worth(const struct build *b)
{
	double sum = 0;
	for (size_t t = 0; t < b->nt; t++) {
		size_t members = 0;
		for (size_t u = 0; u < b->nu; u++) {
			struct score_breakdown sb;
			int role = role_at(b, u * b->nt + t, SH_CUR);
			if (role < 0)
				continue;
			sum += worth(b, u, t, role, &sb);
			members += role == ROLE_MEMBER;
		}
		sum += bonus_of(b, t, members);
	}
	return sum;
}

/* The places of unit u in a row of roles per target (-1: none). */
static json_t *places(const struct build *b, const signed char *role)
{
	json_t *a = json_array();
	for (size_t t = 0; t < b->nt; t++)
		if (role[t] >= 0)
			json_array_append_new(a, json_pack("{s:s, s:s}", "target",
							   b->r->targets[t].adcode, "role",
							   role[t] == ROLE_LEAD ? "lead" : "member"));
	return a;
}

static json_t *changes_json(const struct plan_round_opts *o)
{
	json_t *w = json_array(), *m = json_array(), *c = json_array();
	for (size_t i = 0; i < o->nwithout; i++)
		json_array_append_new(w, json_string(o->without[i]));
	for (size_t i = 0; i < o->nmerge; i++)
		json_array_append_new(m, json_pack("{s:s, s:s}", "from", o->merge[i].from, "to",
						   o->merge[i].to));
	for (size_t i = 0; i < o->ncapacity; i++)
		json_array_append_new(c, json_pack("{s:s, s:i}", "unit", o->capacity[i].unit,
						   "capacity", o->capacity[i].cap));
	return json_pack("{s:o, s:o, s:o}", "without", w, "merge", m, "capacity", c);
}

static json_t *repair_json(const struct build *base, const struct plan_solution *sol,
			   const struct plan_round_opts *o, double after)
{
	size_t nt = base->nt, stays = 0;
	signed char *now = xmalloc(nt + 1), *was = xmalloc(nt + 1);
	size_t *first = xcalloc(base->nu + 1, sizeof *first), *at, *by;
	json_t *moves = json_array();
	double before = current_worth(base);

	for (size_t k = 0; k < sol->n; k++) /* the solution is by target: index it by unit */
		first[sol->a[k].unit + 1]++;
	for (size_t u = 0; u < base->nu; u++)
		first[u + 1] += first[u];
	at = xmalloc((base->nu + 1) * sizeof *at);
	memcpy(at, first, (base->nu + 1) * sizeof *at);
	by = xmalloc((sol->n + 1) * sizeof *by);
	for (size_t k = 0; k < sol->n; k++)
		by[at[sol->a[k].unit]++] = k;
	for (size_t u = 0; u < base->nu; u++) {
		bool any = false;
		memset(now, -1, nt + 1);
		for (size_t i = first[u]; i < first[u + 1]; i++)
			now[sol->a[by[i]].target] =
				(signed char)(sol->a[by[i]].role == PLAN_LEAD ? ROLE_LEAD : ROLE_MEMBER);
		for (size_t t = 0; t < nt; t++) {
			was[t] = (signed char)role_at(base, u * nt + t, SH_CUR);
			any = any || was[t] >= 0;
		}
		if (memcmp(now, was, nt) == 0) {
			stays += any;
			continue;
		}
		json_array_append_new(moves, json_pack("{s:s, s:s, s:o, s:o}", "unit",
						       base->r->units[u].code, "name_zh",
						       base->r->units[u].name_zh, "from",
						       places(base, was), "to", places(base, now)));
	}
	free(at);
	free(by);
	free(now);
	free(was);
	free(first);
	return json_pack("{s:o, s:f, s:f, s:f, s:I, s:o}", "changes", changes_json(o),
			 "score_before", before, "score_after", after, "delta", after - before,
			 "stays", (json_int_t)stays, "moves", moves);
}

/* ---- sparse instances (docs/planner.md, "Planning at national size") -------------------- */

#define SPARSE_UNIT_BEST 8      /* each unit's best targets */
#define SPARSE_ADD_PER_UNIT 4   /* per pricing round: a unit's most negative reduced costs (a
                                 * pool's: this many per copy) */
#define SPARSE_MAX_ROUNDS 100

struct sparse {
	bool on, proven;
	size_t possible, initial, added, rounds, violating;
	double seconds;
	const struct plan_round_opts *o;
	double t0;
	char note[320];
};

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void progress(const struct plan_round_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void progress(const struct plan_round_opts *o, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	if (!o->progress)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	o->progress(o->progress_ctx, msg);
}

static bool sparse_wanted(const struct plan_round_opts *o, const struct build *b)
{
	if (o->pairs == PLAN_PAIRS_AUTO)
		return b->nu * b->nt > PLAN_ROUND_DENSE_MAX;
	return o->pairs == PLAN_PAIRS_SPARSE;
}

/* The fit of every strength set at every target: units with the same strengths have the
 * same fit (score_fit), so a national round has a few hundred sets, not 30,000 units. */
struct fits {
	size_t ncls, nt;
	size_t *cls;                   /* per unit */
	double *fit;                   /* ncls × nt */
};

static void fits_init(struct fits *f, const struct build *b)
{
	int *of = xmalloc(sizeof(int) << SCORE_NDIM);
	unsigned *masks = xmalloc((b->nu + 1) * sizeof *masks);

	memset(of, 0xff, sizeof(int) << SCORE_NDIM);
	f->ncls = 0;
	f->nt = b->nt;
	f->cls = xmalloc((b->nu + 1) * sizeof *f->cls);
	for (size_t u = 0; u < b->nu; u++) {
		unsigned m = b->mask[u] & ((1u << SCORE_NDIM) - 1);
		if (of[m] < 0) {
			of[m] = (int)f->ncls;
			masks[f->ncls++] = m;
		}
		f->cls[u] = (size_t)of[m];
	}
	f->fit = xmalloc((f->ncls * b->nt + 1) * sizeof *f->fit);
	for (size_t c = 0; c < f->ncls; c++)
		for (size_t t = 0; t < b->nt; t++)
			f->fit[c * b->nt + t] = score_fit(&b->needs[t], masks[c]);
	free(of);
	free(masks);
}

static void fits_release(struct fits *f)
{
	free(f->cls);
	free(f->fit);
}

/* A pair's scores without its pair-specific parts (no continuity, no keep): what every
 * left-out pair scores. Exactly score_total's sums with those parts 0. */
static double plain_member(const struct build *b, const struct fits *f, size_t u, size_t t)
{
	return score_total(b->st, &b->r->units[u], f->fit[f->cls[u] * f->nt + t], ROLE_MEMBER, -1,
			   false);
}

static double plain_lead(const struct build *b, const struct fits *f, size_t u, size_t t)
{
	return score_total(b->st, &b->r->units[u], f->fit[f->cls[u] * f->nt + t], ROLE_LEAD, -1,
			   false);
}

/* The best n of a stream of (score, index): a small array, the smallest replaced. */
struct best {
	double *v;
	size_t *i;
	size_t n, cap, low;
};

static void best_add(struct best *b, double v, size_t i)
{
	if (b->n < b->cap) {
		b->v[b->n] = v;
		b->i[b->n] = i;
		if (b->n == 0 || v < b->v[b->low])
			b->low = b->n;
		b->n++;
		return;
	}
	if (b->cap == 0 || v <= b->v[b->low])
		return;
	b->v[b->low] = v;
	b->i[b->low] = i;
	for (size_t k = 0; k < b->n; k++)
		if (b->v[k] < b->v[b->low])
			b->low = k;
}

/* Targets by score, best first; equal scores keep the order they were given in (qsort is not
 * stable, so ties go by the position in the array, which the caller rotated). */
static const double *rank_v;
static const size_t *rank_pos;

static int rank_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, c = *(const size_t *)y;
	if (rank_v[a] != rank_v[c])
		return rank_v[a] > rank_v[c] ? -1 : 1;
	return rank_pos[a] < rank_pos[c] ? -1 : rank_pos[a] > rank_pos[c];
}

/* Marks the first pairs of a sparse instance (SP_IN, on each instance unit's first unit) in b
 * and, for a repair, other (whose instance units are b's: a repair pools nothing): every
 * special pair of either; each instance unit's SPARSE_UNIT_BEST best targets, two more per copy (by its
 * better role; among equal scores each unit starts elsewhere, so that alike units spread);
 * each target's j best leads (among units that may lead) and j best members, j = 1 +
 * member_max). */
static void sparse_select(struct build *b, struct build *other, const struct fits *f)
{
	size_t nt = b->nt, np = b->nu * nt, j = (size_t)(1 + b->st->member_max);
	double *uv = xmalloc((nt + 1) * sizeof *uv);
	size_t *ui = xmalloc((nt + 1) * sizeof *ui);
	double *tv = xmalloc((2 * nt * j + 1) * sizeof *tv);
	size_t *ti = xmalloc((2 * nt * j + 1) * sizeof *ti);
	struct best *tb = xcalloc(2 * nt + 1, sizeof *tb);

	for (size_t k = 0; k < 2 * nt; k++)
		tb[k] = (struct best){ tv + k * j, ti + k * j, 0, j, 0 };
	for (size_t p = 0; p < np; p++)
		if (pair_special(b, p) || (other && pair_special(other, p)))
			b->spec[p] |= SP_IN;
	for (size_t i = 0; i < b->nfixed; i++)
		b->spec[b->fixed[i].unit * nt + b->fixed[i].target] |= SP_IN;
	for (size_t i = 0; other && i < other->nfixed; i++)
		b->spec[other->fixed[i].unit * nt + other->fixed[i].target] |= SP_IN;
	for (size_t iu = 0; iu < b->niu; iu++) {
		size_t u = b->iu_member[b->iu_first[iu]], c = b->iu_first[iu + 1] - b->iu_first[iu];
		size_t want = SPARSE_UNIT_BEST + 2 * (c - 1) < nt ? SPARSE_UNIT_BEST + 2 * (c - 1) : nt;
		struct best ub = { uv, ui, 0, want, 0 };
		double lw = b->base_lead[u] ? plain_lead(b, f, u, 0) - f->fit[f->cls[u] * nt] : 0;
		double mc = plain_member(b, f, u, 0) - f->fit[f->cls[u] * nt];
		const double *fit = f->fit + f->cls[u] * nt;
		for (size_t k = 0, t = (iu * 7919) % nt; k < nt; k++, t = t + 1 == nt ? 0 : t + 1) {
			double m = fit[t] + mc, l = fit[t] + lw; /* for ranking only */
			if (want <= 16)
				best_add(&ub, b->base_lead[u] && l > m ? l : m, t);
			if (b->base_lead[u])
				best_add(&tb[2 * t], l, iu);
			best_add(&tb[2 * t + 1], m, iu);
		}
		if (want > 16) { /* a large pool: sort its targets rather than keep a running best */
			size_t *ord = xmalloc(nt * sizeof *ord), *pos = xmalloc(nt * sizeof *pos);
			for (size_t k = 0, t = (iu * 7919) % nt; k < nt; k++, t = t + 1 == nt ? 0 : t + 1) {
				double m = fit[t] + mc, l = fit[t] + lw;
				uv[t] = b->base_lead[u] && l > m ? l : m;
				ord[k] = t;
				pos[t] = k;
			}
			rank_v = uv;
			rank_pos = pos;
			qsort(ord, nt, sizeof *ord, rank_cmp);
			free(pos);
			for (size_t k = 0; k < want; k++)
				b->spec[u * nt + ord[k]] |= SP_IN;
			free(ord);
		}
		for (size_t k = 0; want <= 16 && k < ub.n; k++)
			b->spec[u * nt + ub.i[k]] |= SP_IN;
	}
	for (size_t t = 0; t < nt; t++)
		for (size_t r = 0; r < 2; r++)
			for (size_t k = 0; k < tb[2 * t + r].n; k++)
				b->spec[b->iu_member[b->iu_first[tb[2 * t + r].i[k]]] * nt + t] |= SP_IN;
	for (size_t p = 0; other && p < np; p++)
		other->spec[p] = (uint8_t)((other->spec[p] & ~SP_IN) | (b->spec[p] & SP_IN));
	free(uv);
	free(ui);
	free(tv);
	free(ti);
	free(tb);
}

/* Prices every left-out pair against the optimal potentials of sol (plan_duals) and adds
 * (SP_IN) each unit's SPARSE_ADD_PER_UNIT most negative ones; returns how many it added and
 * counts every violating pair in *violating. A unit of capacity 0 is skipped: no flow can
 * leave it, so none of its pairs can change the optimum. */
static size_t sparse_price(struct build *b, const struct fits *f, const struct plan_solution *sol,
			   size_t *violating)
{
	size_t nt = b->nt, added = 0;
	int64_t *pu = xmalloc((b->nu + 1) * sizeof *pu), *pl = xmalloc((nt + 1) * sizeof *pl);
	int64_t *pm = xmalloc((nt + 1) * sizeof *pm);
	double *bv = xmalloc((nt + 1) * sizeof *bv);
	size_t *bi = xmalloc((nt + 1) * sizeof *bi);

	*violating = 0;
	plan_duals(sol, pu, pl, pm);
	for (size_t iu = 0; iu < b->niu; iu++) {
		size_t u = b->iu_member[b->iu_first[iu]], c = b->iu_first[iu + 1] - b->iu_first[iu];
		struct best worst = { bv, bi, 0, c * SPARSE_ADD_PER_UNIT < nt
							 ? c * SPARSE_ADD_PER_UNIT : nt, 0 };
		const double *fit = f->fit + f->cls[u] * nt;
		double mc, lw;
		if (b->iunits[iu].cap <= 0)
			continue;
		mc = plain_member(b, f, u, 0) - fit[0];
		lw = b->base_lead[u] ? plain_lead(b, f, u, 0) - fit[0] : 0;
		for (size_t t = 0; t < nt; t++) {
			size_t p = u * nt + t;
			int64_t rc, rl = 0;
			if (b->spec[p] & SP_IN)
				continue;
			/* a cheap filter in doubles first (its error is far below the margin of
			 * 1000 scaled units), the exact reduced cost only for what passes it */
			if (-((fit[t] + mc) * PLAN_SCALE) + (double)(pu[iu] - pm[t]) >= 1000 &&
			    (!b->base_lead[u] ||
			     -((fit[t] + lw) * PLAN_SCALE) + (double)(pu[iu] - pl[t]) >= 1000))
				continue;
			rc = -plan_scaled(plain_member(b, f, u, t)) + pu[iu] - pm[t];
			if (b->base_lead[u])
				rl = -plan_scaled(plain_lead(b, f, u, t)) + pu[iu] - pl[t];
			if (rl < rc)
				rc = rl;
			if (rc >= 0)
				continue;
			++*violating;
			best_add(&worst, -(double)rc, t);
		}
		for (size_t k = 0; k < worst.n; k++)
			b->spec[u * nt + worst.i[k]] |= SP_IN;
		added += worst.n;
	}
	free(pu);
	free(pl);
	free(pm);
	free(bv);
	free(bi);
	return added;
}

/* Solves b's sparse instance to the optimum of the whole one: solve, price the left-out pairs,
 * add those that could improve, solve again, until none could (sp->proven). sol may hold a
 * solve (or repair) of b->in with its state already (have). */
static bool sparse_solve(struct build *b, const struct fits *f, struct sparse *sp,
			 struct plan_solution *sol, bool have)
{
	double t0 = now_s(), solving = 0;
	for (;;) {
		size_t n;
		if (!have) {
			progress(sp->o, "solving the sparse instance: %zu pairs (round %zu)", b->npairs,
				 sp->rounds + 1);
			if (!plan_solve(&b->in, true, sol))
				return false;
		}
		solving += sol->seconds;
		have = false;
		sp->rounds++;
		progress(sp->o, "pricing %zu left-out pairs against the %s potentials",
			 sp->possible - b->npairs,
			 sol->status == PLAN_OPTIMAL ? "optimum's" : "infeasible instance's");
		n = sol->state ? sparse_price(b, f, sol, &sp->violating) : 0;
		if (!n && sol->status != PLAN_OPTIMAL) {
			snprintf(sp->note, sizeof sp->note, "the instance was pruned to %zu of %zu "
				 "pairs and is infeasible as pruned%s: the reason names only the pairs "
				 "kept (--pairs all checks every pair)", b->npairs, sp->possible,
				 sol->state ? ", and no left-out pair could lessen the shortfall"
					    : " (found by the checks before any flow)");
			break;
		}
		if (!n) {
			sp->proven = true;
			break;
		}
		progress(sp->o, "%zu left-out pairs could improve the optimum: adding %zu", sp->violating, n);
		sp->added += n;
		build_pairs(b, true);
		if (sp->rounds >= SPARSE_MAX_ROUNDS) {
			snprintf(sp->note, sizeof sp->note, "the instance was pruned to %zu of %zu "
				 "pairs and the pricing stopped after %d rounds with %zu pairs that "
				 "could still improve it: the plan may not be optimal", b->npairs,
				 sp->possible, SPARSE_MAX_ROUNDS, sp->violating);
			if (!plan_solve(&b->in, false, sol))
				return false;
			break;
		}
	}
	sol->seconds = solving;
	sp->seconds = now_s() - t0;
	return true;
}

static json_t *instance_json(const struct build *b, const struct sparse *sp)
{
	json_t *j = json_pack("{s:I, s:I, s:b}", "pairs_possible",
			      (json_int_t)(b->nu * b->nt), "pairs", (json_int_t)b->npairs,
			      "sparse", sp->on);
	if (!sp->on) {
		json_object_set_new(j, "optimality", json_string("complete"));
		return j;
	}
	json_object_set_new(j, "pairs_first", json_integer((json_int_t)sp->initial));
	json_object_set_new(j, "pairs_added", json_integer((json_int_t)sp->added));
	json_object_set_new(j, "pricing_rounds", json_integer((json_int_t)sp->rounds));
	json_object_set_new(j, "seconds", json_real(sp->seconds));
	json_object_set_new(j, "optimality", json_string(sp->proven ? "proven" : "pruned"));
	json_object_set_new(j, "proof", sp->proven ? json_sprintf(
		"none of the %zu left-out pairs has a negative reduced cost under the optimal "
		"potentials: the optimum is the optimum over every pair", b->nu * b->nt - b->npairs)
		: json_null());
	json_object_set_new(j, "note", sp->proven ? json_null() : json_string(sp->note));
	return j;
}

/* Marks the sparse instance's first pairs (repair: other's too) and builds the pairs. */
static void pairs_for(struct build *b, struct build *other, struct sparse *sp, struct fits *f,
		      const struct plan_round_opts *o)
{
	memset(sp, 0, sizeof *sp);
	sp->o = o;
	sp->possible = b->nu * b->nt;
	sp->on = sparse_wanted(o, b);
	make_units(b, other, sp->on && !other); /* a repair pools nothing */
	if (other)
		make_units(other, b, false);
	if (sp->on) {
		progress(o, "choosing the pairs of a sparse instance: %zu units x %zu targets = %zu "
			 "pairs (%zu units or pools of alike units)", b->nu, b->nt, sp->possible,
			 b->niu);
		fits_init(f, b);
		sparse_select(b, other, f);
	}
	build_pairs(b, sp->on);
	if (other)
		build_pairs(other, sp->on);
	sp->initial = b->npairs;
}

/* ---- running --------------------------------------------------------------------------- */

static enum bf_status find_round(const struct registry *r, const struct plan_round_opts *o,
				 size_t *round, struct bf_err *err)
{
	if (!o->round)
		return bf_err_set(err, BF_EINPUT, "give the round to plan (--round NAME)");
	return query_round(r, o->round, 0, round, err);
}

static bool same_shape(const struct build *a, const struct build *b)
{
	if (a->nfixed != b->nfixed || a->npairs != b->npairs ||
	    memcmp(a->fixed, b->fixed, a->nfixed * sizeof *a->fixed) != 0)
		return false;
	for (size_t p = 0; p < a->in.npairs; p++)
		if (a->pairs[p].lead_ok != b->pairs[p].lead_ok)
			return false;
	for (size_t t = 0; t < a->nt; t++)
		if (a->targets[t].mmax != b->targets[t].mmax)
			return false;
	return true;
}

static enum bf_status run_repair(const struct registry *r, const struct score_table *st,
				 size_t round, const struct plan_round_opts *o, json_t **out,
				 struct bf_err *err)
{
	struct build base, changed;
	struct plan_solution s0, s1;
	struct sparse sp;
	struct fits f = { 0 };
	enum bf_status rc;
	bool warm = false, ok;
	double after;

	plan_solution_init(&s0);
	plan_solution_init(&s1);
	memset(&changed, 0, sizeof changed);
	memset(&sp, 0, sizeof sp);
	if ((rc = build_init(&base, r, st, round, o, true, false, err)) ||
	    (rc = build_init(&changed, r, st, round, o, true, true, err)))
		goto out;
	pairs_for(&changed, &base, &sp, &f, o);
	if (!plan_solve(&base.in, true, &s0)) {
		rc = bf_err_set(err, BF_EINPUT, "the round's instance is not valid: %s", s0.reason);
		goto out;
	}
	/* a sparse repair solves cold: its instances' pairs and pools need not match */
	warm = !sp.on && s0.status == PLAN_OPTIMAL && s0.state && same_shape(&base, &changed);
	ok = warm ? plan_repair(&changed.in, &s0, sp.on, &s1)
		  : plan_solve(&changed.in, sp.on, &s1);
	warm = warm && s1.warm; /* plan_repair solves cold when the change does not fit */
	if (ok && sp.on)
		ok = sparse_solve(&changed, &f, &sp, &s1, true);
	if (!ok) {
		rc = bf_err_set(err, BF_EINPUT, "the changed instance is not valid: %s", s1.reason);
		goto out;
	}
	disaggregate(&changed, &s1);
	*out = plan_json(&changed, &s1, o, warm, &after);
	json_object_set_new(*out, "instance", instance_json(&changed, &sp));
	if (s1.status == PLAN_OPTIMAL)
		json_object_set_new(*out, "repair", repair_json(&base, &s1, o, after));
out:
	plan_solution_release(&s0);
	plan_solution_release(&s1);
	build_release(&base);
	build_release(&changed);
	if (sp.on)
		fits_release(&f);
	return rc;
}

/* The round's instance, its pairs chosen (sparse: and the pricing done, so that they are the
 * pairs the optimum needs), solved into sol. */
static enum bf_status solve_plain(struct build *b, const struct registry *r,
				  const struct score_table *st, size_t round,
				  const struct plan_round_opts *o, struct sparse *sp,
				  struct plan_solution *sol, struct bf_err *err)
{
	struct fits f = { 0 };
	enum bf_status rc;
	bool ok;

	memset(sp, 0, sizeof *sp);
	if ((rc = build_init(b, r, st, round, o, false, false, err)))
		return rc;
	pairs_for(b, NULL, sp, &f, o);
	ok = sp->on ? sparse_solve(b, &f, sp, sol, false) : plan_solve(&b->in, false, sol);
	if (sp->on)
		fits_release(&f);
	if (!ok)
		rc = bf_err_set(err, BF_EINPUT, "the round's instance is not valid: %s", sol->reason);
	return rc;
}

static enum bf_status solve_plain_real(struct build *b, const struct registry *r,
				       const struct score_table *st, size_t round,
				       const struct plan_round_opts *o, struct sparse *sp,
				       struct plan_solution *sol, struct bf_err *err)
{
	enum bf_status rc = solve_plain(b, r, st, round, o, sp, sol, err);
	if (!rc)
		disaggregate(b, sol);
	return rc;
}

enum bf_status plan_round_run(const struct registry *r, const struct plan_round_opts *o,
			      json_t **out, struct bf_err *err)
{
	struct score_table st;
	struct build b;
	struct plan_solution sol;
	struct sparse sp;
	enum bf_status rc;
	size_t round;
	double score;

	*out = NULL;
	memset(&st, 0, sizeof st);
	memset(&b, 0, sizeof b);
	plan_solution_init(&sol);
	if ((rc = find_round(r, o, &round, err)) || (rc = load_table(o, &st, err)))
		goto out;
	if (o->repair) {
		rc = run_repair(r, &st, round, o, out, err);
		goto out;
	}
	if (!(rc = solve_plain_real(&b, r, &st, round, o, &sp, &sol, err))) {
		progress(o, "describing the plan");
		*out = plan_json(&b, &sol, o, false, &score);
		json_object_set_new(*out, "instance", instance_json(&b, &sp));
	}
out:
	plan_solution_release(&sol);
	build_release(&b);
	score_table_release(&st);
	return rc;
}

enum bf_status plan_round_instance(const struct registry *r, const struct plan_round_opts *o,
				   json_t **out, struct bf_err *err)
{
	struct score_table st;
	struct build b;
	struct plan_solution sol;
	struct sparse sp;
	enum bf_status rc;
	size_t round;

	*out = NULL;
	memset(&st, 0, sizeof st);
	memset(&b, 0, sizeof b);
	plan_solution_init(&sol);
	if ((rc = find_round(r, o, &round, err)) || (rc = load_table(o, &st, err)))
		goto out;
	if (!o->repair && o->pairs != PLAN_PAIRS_ALL &&
	    (o->pairs == PLAN_PAIRS_SPARSE || r->nunits * r->ntargets > PLAN_ROUND_DENSE_MAX)) {
		/* the sparse instance after pricing: the pairs the optimum needs */
		if ((rc = solve_plain(&b, r, &st, round, o, &sp, &sol, err)))
			goto out;
	} else {
		struct plan_round_opts dense = *o;
		dense.pairs = PLAN_PAIRS_ALL;
		if ((rc = build_init(&b, r, &st, round, o, o->repair, o->repair, err)))
			goto out;
		pairs_for(&b, NULL, &sp, NULL, &dense);
	}
	*out = plan_io_instance_json(&b.in);
	json_object_set_new(*out, "meta", instance_json(&b, &sp));
out:
	plan_solution_release(&sol);
	build_release(&b);
	score_table_release(&st);
	return rc;
}

/* ---- apply ----------------------------------------------------------------------------- */

struct apply {
	struct store *s;
	const char *account, *address;
	struct registry r;     /* the database in the transaction, before */
	size_t round;
	json_t *added, *removed, *changed;
	size_t created;
};

static enum bf_status audited(struct apply *a, const struct record_type *t, const char *action,
			      const void *before, const void *after, const char *key,
			      struct bf_err *err)
{
	json_t *bj = before ? query_record_json(t, before) : NULL;
	json_t *aj = after ? query_record_json(t, after) : NULL;
	enum bf_status rc = BF_OK;

	if (after)
		rc = store_put(a->s, t, after, NULL, err);
	else
		rc = store_delete(a->s, t, before, err);
	if (!rc)
		rc = audit_append(a->s, a->account, a->address, action, t->table, key, bj, aj, err);
	json_decref(bj);
	json_decref(aj);
	return rc;
}

static json_t *membership(const char *group, const char *unit, const char *role)
{
	return json_pack("{s:s, s:s, s:s}", "group", group, "unit", unit, "role", role);
}

/* The planned role of unit code in the group's units array, or -1. */
static int planned_role(json_t *units, const char *code)
{
	size_t i;
	json_t *x;
	json_array_foreach(units, i, x) {
		const char *u = json_string_value(json_object_get(x, "unit"));
		const char *role = json_string_value(json_object_get(x, "role"));
		if (u && role && strcmp(u, code) == 0)
			return strcmp(role, "lead") == 0 ? ROLE_LEAD : ROLE_MEMBER;
	}
	return -1;
}

static enum bf_status drop_members(struct apply *a, size_t g, json_t *keep, struct bf_err *err)
{
	const struct registry *r = &a->r;
	enum bf_status rc = BF_OK;
	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1] && !rc; k++) {
		const struct bf_member *m = &r->members[r->group_members.items[k]];
		char key[160];
		if (keep && planned_role(keep, m->unit) >= 0)
			continue;
		snprintf(key, sizeof key, "%s,%s", m->group, m->unit);
		rc = audited(a, &model_members, "delete", m, NULL, key, err);
		json_array_append_new(a->removed, membership(m->group, m->unit,
							     model_roles[m->role]));
	}
	return rc;
}

static enum bf_status put_members(struct apply *a, const char *gid, size_t g, json_t *units,
				  struct bf_err *err)
{
	const struct registry *r = &a->r;
	enum bf_status rc = BF_OK;
	size_t i;
	json_t *x;

	json_array_foreach(units, i, x) {
		const char *code = json_string_value(json_object_get(x, "unit"));
		int role = planned_role(units, code ? code : "");
		size_t u = code ? registry_find_unit(r, code) : REG_NONE;
		int was = g == REG_NONE || u == REG_NONE ? -1 : registry_member_role(r, g, u);
		struct bf_member m = { gid, code, role, NULL, 0, 0 };
		const struct bf_member *old = NULL;
		char key[160];

		if (u == REG_NONE)
			return bf_err_set(err, BF_EINPUT, "the plan names unit '%s', which no longer "
							  "exists: run a new plan", code ? code : "?");
		if (was == role)
			continue;
		for (size_t k = g == REG_NONE ? 0 : r->unit_members.off[u];
		     g != REG_NONE && k < r->unit_members.off[u + 1]; k++)
			if (r->members[r->unit_members.items[k]].group_ix == g)
				old = &r->members[r->unit_members.items[k]];
		if (old)
			m.note = old->note;
		snprintf(key, sizeof key, "%s,%s", gid, code);
		if ((rc = audited(a, &model_members, old ? "update" : "create", old, &m, key, err)))
			return rc;
		json_array_append_new(old ? a->changed : a->added,
				      membership(gid, code, model_roles[role]));
	}
	return rc;
}

/* One planned group: its group record (created if missing) and its memberships. */
static enum bf_status apply_group(struct apply *a, json_t *pg, bool *used, struct bf_err *err)
{
	const struct registry *r = &a->r;
	const char *adcode = json_string_value(json_object_get(pg, "target"));
	json_t *units = json_object_get(pg, "units");
	size_t t = adcode ? registry_find_target(r, adcode) : REG_NONE, g;
	char id[80];
	enum bf_status rc;

	if (t == REG_NONE || !json_is_array(units))
		return bf_err_set(err, BF_EINPUT, "the plan names target '%s', which no longer "
						  "exists: run a new plan", adcode ? adcode : "?");
	group_id(r, a->round, t, id, sizeof id);
	g = registry_find_group(r, id);
	if (g != REG_NONE && (r->groups[g].round_ix != a->round || r->groups[g].target_ix != t))
		return bf_err_set(err, BF_ECONFLICT, "group id %s is taken by another round or "
						     "target: rename that group first", id);
	if (g == REG_NONE) {
		struct bf_group gr = { id, r->rounds[a->round].name, adcode, 0,
				       "planned by bangfu plan", 0, 0 };
		if ((rc = audited(a, &model_groups, "create", NULL, &gr, id, err)))
			return rc;
		a->created++;
	} else {
		used[g] = true;
		if ((rc = drop_members(a, g, units, err)))
			return rc;
	}
	return put_members(a, id, g, units, err);
}

/* Groups of the round the plan did not use lose their memberships; without cadres they go. */
static enum bf_status unused_groups(struct apply *a, const bool *used, struct bf_err *err)
{
	const struct registry *r = &a->r;
	enum bf_status rc = BF_OK;
	for (size_t g = 0; g < r->ngroups && !rc; g++) {
		if (r->groups[g].round_ix != a->round || used[g])
			continue;
		const char *id = r->groups[g].id;
		rc = drop_members(a, g, NULL, err);
		/* a group with cadres stays; one with reports or assessments is not dropped */
		if (!rc && r->group_cadres.off[g] == r->group_cadres.off[g + 1] &&
		    !(rc = depends_check(a->s, model_groups.table, &id, 1, err)))
			rc = audited(a, &model_groups, "delete", &r->groups[g], NULL, id, err);
	}
	return rc;
}

static bool blocking(const struct violations *after, size_t i, const struct violations *before)
{
	const char *tag = rules_table[after->items[i].rule].tag;
	if (strcmp(tag, "coverage") != 0 && strcmp(tag, "group-shape") != 0 &&
	    strcmp(tag, "capacity") != 0)
		return false;
	for (size_t j = 0; j < before->n; j++)
		if (strcmp(before->items[j].message, after->items[i].message) == 0)
			return false;
	return true;
}

/* After the writes: refuse new coverage, shape or capacity violations; list the cadres still
 * serving (no actual_end: the list does not depend on the day) whose unit is no longer in
 * their group. */
static enum bf_status verify(struct apply *a, json_t *cadres, struct bf_err *err)
{
	struct registry after;
	struct violations vb, va;
	bf_day day = date_today();
	enum bf_status rc;
	size_t round;

	violations_init(&vb);
	violations_init(&va);
	if ((rc = query_load(a->s, &after, err)))
		goto out;
	round = registry_find_round(&after, a->r.rounds[a->round].name);
	rules_check(&a->r, a->round, day, NULL, &vb);
	rules_check(&after, round, day, NULL, &va);
	for (size_t i = 0; i < va.n && !rc; i++)
		if (blocking(&va, i, &vb))
			rc = bf_err_set(err, BF_EVIOLATION, "%s (%s): %s: the data changed since the "
							    "plan was made; run a new plan",
					rules_table[va.items[i].rule].tag,
					rules_table[va.items[i].rule].source, va.items[i].message);
	for (size_t c = 0; c < after.ncadres && !rc; c++) {
		const struct bf_cadre *x = &after.cadres[c];
		if (x->group_ix == REG_NONE || after.groups[x->group_ix].round_ix != round ||
		    x->actual_end != BF_DAY_NONE ||
		    registry_member_role(&after, x->group_ix, x->unit_ix) >= 0)
			continue;
		json_array_append_new(cadres, json_pack("{s:s, s:s, s:s, s:s}", "id", x->id, "name",
							x->name, "unit", x->unit, "group",
							x->group));
	}
out:
	registry_release(&after);
	violations_release(&vb);
	violations_release(&va);
	return rc;
}

static enum bf_status apply_all(struct apply *a, json_t *plan, const char *key, json_t *cadres,
				struct bf_err *err)
{
	json_t *groups = json_object_get(plan, "groups"), *pg, *sum;
	bool *used = xcalloc(a->r.ngroups + 1, sizeof *used);
	enum bf_status rc = BF_OK;
	size_t i;

	json_array_foreach(groups, i, pg) {
		if ((rc = apply_group(a, pg, used, err)))
			goto out;
	}
	if ((rc = unused_groups(a, used, err)) || (rc = verify(a, cadres, err)))
		goto out;
	sum = json_pack("{s:s, s:I, s:I, s:I, s:I}", "round", a->r.rounds[a->round].name,
			"groups_created", (json_int_t)a->created, "added",
			(json_int_t)json_array_size(a->added), "removed",
			(json_int_t)json_array_size(a->removed), "role_changed",
			(json_int_t)json_array_size(a->changed));
	rc = audit_append(a->s, a->account, a->address, "apply", "plan", key, NULL, sum, err);
	json_decref(sum);
	if (!rc)
		rc = store_generation_bump(a->s, err);
out:
	free(used);
	return rc;
}

enum bf_status plan_round_apply(struct app *app, const char *account, const char *address,
				int64_t plan_id, json_t *plan, json_t **result,
				struct bf_err *err)
{
	struct store *s = app->store;
	char key[32], when[32];
	struct apply a = { .s = s, .account = account, .address = address };
	const char *round = json_string_value(json_object_get(plan, "round"));
	const char *status = json_string_value(json_object_get(plan, "status"));
	json_t *cadres = json_array();
	enum bf_status rc;

	*result = NULL;
	registry_init(&a.r);
	a.added = json_array();
	a.removed = json_array();
	a.changed = json_array();
	if (!round || !status || strcmp(status, "optimal") != 0 ||
	    !json_is_array(json_object_get(plan, "groups"))) {
		rc = bf_err_set(err, BF_EINPUT, "only an optimal plan can be applied");
		goto out;
	}
	snprintf(key, sizeof key, "%lld", (long long)plan_id);
	date_now_utc(when);
	if ((rc = store_begin(s, err)))
		goto out;
	registry_release(&a.r);
	if ((rc = query_load(s, &a.r, err)) ||
	    (rc = query_round(&a.r, round, 0, &a.round, err)) ||
	    (rc = apply_all(&a, plan, plan_id ? key : round, cadres, err)) ||
	    (plan_id && (rc = plan_table_applied(s, plan_id, when, account, err))))
		store_rollback(s);
	else
		rc = store_commit(s, err);
	if (!rc)
		*result = json_pack("{s:s, s:I, s:O, s:O, s:O, s:O}", "round", round,
				    "groups_created", (json_int_t)a.created, "added", a.added,
				    "removed", a.removed, "role_changed", a.changed,
				    "cadres_to_reassign", cadres);
out:
	registry_release(&a.r);
	json_decref(a.added);
	json_decref(a.removed);
	json_decref(a.changed);
	json_decref(cadres);
	return rc;
}
