/* plan_round: a round's instance from the registry, the solve, the plan as JSON, what-if
 * repair and apply; see plan_round.h. Pair p of an instance is unit p / ntargets at target
 * p % ntargets: every unit may be paired with every target. */
#include "app/plan_round.h"
#include "app/app_int.h"
#include "app/audit.h"
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
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NEEDS_ASSET "guangdong/plan-needs.csv"

/* One instance of the round with what is needed to explain it. */
struct build {
	const struct registry *r;
	const struct score_table *st;
	struct score_table own;        /* st with keep = stability for a plain plan */
	size_t round, prev, nu, nt;
	struct score_needs *needs;     /* per target */
	struct plan_unit *units;
	struct plan_target *targets;
	struct plan_pair *pairs;
	struct plan_fixed *fixed;
	size_t nfixed;
	double *bonus;                 /* per target, bmax values */
	int bmax;
	signed char *cur;              /* per pair: the role in the round's current formation */
	signed char *keep;             /* per pair: the role that gets the keep bonus, or -1 */
	struct plan_instance in;
};

static void build_release(struct build *b)
{
	free(b->needs);
	free(b->units);
	free(b->targets);
	free(b->pairs);
	free(b->fixed);
	free(b->bonus);
	free(b->cur);
	free(b->keep);
	memset(b, 0, sizeof *b);
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

/* The round's current formation into cur, and the published (verified) groups' memberships
 * as fixed pairs. */
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
			b->cur[m->unit_ix * b->nt + t] = (signed char)m->role;
			if (r->groups[g].verified)
				add_fixed(b, m->unit_ix, t, m->role);
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
static void pass_on(struct build *b, size_t a, size_t to, bool *lead_ok)
{
	for (size_t t = 0; t < b->nt; t++) {
		signed char k = b->keep[a * b->nt + t];
		if (k >= 0 && b->keep[to * b->nt + t] < 0) {
			b->keep[to * b->nt + t] = k;
			if (k == ROLE_LEAD)
				lead_ok[to * b->nt + t] = true;
		}
		b->keep[a * b->nt + t] = -1;
	}
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].unit == a) {
			bool dup = false;
			for (size_t j = 0; j < b->nfixed; j++)
				dup = dup || (b->fixed[j].unit == to &&
					      b->fixed[j].target == b->fixed[i].target);
			b->fixed[i].unit = to;
			if (b->fixed[i].role == PLAN_LEAD)
				lead_ok[to * b->nt + b->fixed[i].target] = true;
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
static enum bf_status changes(struct build *b, const struct plan_round_opts *o, bool *lead_ok,
			      struct bf_err *err)
{
	size_t u, v;

	for (size_t i = 0; i < o->nwithout; i++) {
		if ((u = unit_arg(b->r, o->without[i], "without", err)) == REG_NONE)
			return err->status;
		b->units[u].cap = 0;
		for (size_t t = 0; t < b->nt; t++)
			b->keep[u * b->nt + t] = -1;
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
		pass_on(b, u, v, lead_ok);
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
	size_t *nfix = xcalloc(b->nt, sizeof *nfix);

	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].role == PLAN_MEMBER)
			nfix[b->fixed[i].target]++;
	b->bmax = st->member_max;
	for (size_t t = 0; t < b->nt; t++)
		if ((int)nfix[t] > b->bmax)
			b->bmax = (int)nfix[t];
	b->bonus = xcalloc(b->nt * (size_t)b->bmax, sizeof *b->bonus);
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

static void pairs(struct build *b, const bool *lead_ok)
{
	const struct registry *r = b->r;
	for (size_t u = 0; u < b->nu; u++)
		for (size_t t = 0; t < b->nt; t++) {
			size_t p = u * b->nt + t;
			int prev = score_previous_role(r, b->prev, t, u);
			struct score_breakdown lead, mem;
			score_pair(b->st, &r->units[u], &b->needs[t], ROLE_LEAD, prev,
				   b->keep[p] == ROLE_LEAD, &lead);
			score_pair(b->st, &r->units[u], &b->needs[t], ROLE_MEMBER, prev,
				   b->keep[p] == ROLE_MEMBER, &mem);
			b->pairs[p] = (struct plan_pair){ u, t, lead_ok[p], lead.total, mem.total };
		}
}

/* Builds the round's instance; with keep, the current formation's pairs get the keep bonus;
 * with o's changes applied when apply_changes. */
static enum bf_status build_init(struct build *b, const struct registry *r,
				 const struct score_table *st, size_t round,
				 const struct plan_round_opts *o, bool keep, bool apply_changes,
				 struct bf_err *err)
{
	size_t np;
	bool *lead_ok;
	enum bf_status rc = BF_OK;

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
	b->needs = xcalloc(b->nt ? b->nt : 1, sizeof *b->needs);
	b->units = xcalloc(b->nu ? b->nu : 1, sizeof *b->units);
	b->targets = xcalloc(b->nt ? b->nt : 1, sizeof *b->targets);
	b->pairs = xcalloc(np ? np : 1, sizeof *b->pairs);
	b->fixed = xcalloc(b->nu * 2 + r->nmembers + 1, sizeof *b->fixed);
	b->cur = xmalloc(np + 1);
	b->keep = xmalloc(np + 1);
	lead_ok = xcalloc(np + 1, sizeof *lead_ok);
	memset(b->cur, -1, np + 1);
	current(b);
	memcpy(b->keep, b->cur, np + 1);
	for (size_t u = 0; u < b->nu; u++) {
		bool lead = score_can_lead(st, &r->units[u]);
		b->units[u] = (struct plan_unit){ r->units[u].code, (int)r->units[u].capacity, 1,
						   lead };
		for (size_t t = 0; t < b->nt; t++)
			lead_ok[u * b->nt + t] = lead;
	}
	for (size_t i = 0; i < b->nfixed; i++)
		if (b->fixed[i].role == PLAN_LEAD)
			lead_ok[b->fixed[i].unit * b->nt + b->fixed[i].target] = true;
	if (apply_changes && (rc = changes(b, o, lead_ok, err)))
		goto out;
	targets(b);
	pairs(b, lead_ok);
	/* a unit fixed as a lead (a published group) or leading for a merged unit may lead there,
	 * whatever its category's row says */
	for (size_t p = 0; p < np; p++)
		if (lead_ok[p])
			b->units[p / b->nt].can_lead = true;
	b->in = (struct plan_instance){ b->units, b->targets, b->pairs, b->fixed,
					b->nu, b->nt, np, b->nfixed };
out:
	free(lead_ok);
	return rc;
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
	score_pair(b->st, &b->r->units[u], &b->needs[t], role,
		   score_previous_role(b->r, b->prev, t, u), b->keep[u * b->nt + t] == role, s);
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
			int role = b->cur[u * b->nt + t];
			if (role < 0)
				continue;
			sum += worth(b, u, t, role, &sb);
			members += role == ROLE_MEMBER;
		}
		sum += bonus_of(b, t, members);
	}
	return sum;
}

static json_t *places(const struct build *b, size_t u, const signed char *role)
{
	json_t *a = json_array();
	for (size_t t = 0; t < b->nt; t++)
		if (role[t] >= 0)
			json_array_append_new(a, json_pack("{s:s, s:s}", "target",
							   b->r->targets[t].adcode, "role",
							   role[t] == ROLE_LEAD ? "lead" : "member"));
	(void)u;
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
	signed char *now = xmalloc(base->nu * nt + 1);
	json_t *moves = json_array();
	double before = current_worth(base);

	memset(now, -1, base->nu * nt + 1);
	for (size_t i = 0; i < sol->n; i++)
		now[sol->a[i].unit * nt + sol->a[i].target] =
			sol->a[i].role == PLAN_LEAD ? ROLE_LEAD : ROLE_MEMBER;
	for (size_t u = 0; u < base->nu; u++) {
		if (memcmp(now + u * nt, base->cur + u * nt, nt) == 0) {
			stays += memchr(base->cur + u * nt, ROLE_LEAD, nt) ||
				 memchr(base->cur + u * nt, ROLE_MEMBER, nt);
			continue;
		}
		json_array_append_new(moves, json_pack("{s:s, s:s, s:o, s:o}", "unit",
						       base->r->units[u].code, "name_zh",
						       base->r->units[u].name_zh, "from",
						       places(base, u, base->cur + u * nt), "to",
						       places(base, u, now + u * nt)));
	}
	free(now);
	return json_pack("{s:o, s:f, s:f, s:f, s:I, s:o}", "changes", changes_json(o),
			 "score_before", before, "score_after", after, "delta", after - before,
			 "stays", (json_int_t)stays, "moves", moves);
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
	if (a->nfixed != b->nfixed ||
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
	enum bf_status rc;
	bool warm = false;
	double after;

	plan_solution_init(&s0);
	plan_solution_init(&s1);
	memset(&changed, 0, sizeof changed);
	if ((rc = build_init(&base, r, st, round, o, true, false, err)) ||
	    (rc = build_init(&changed, r, st, round, o, true, true, err)))
		goto out;
	if (!plan_solve(&base.in, true, &s0)) {
		rc = bf_err_set(err, BF_EINPUT, "the round's instance is not valid: %s", s0.reason);
		goto out;
	}
	warm = s0.status == PLAN_OPTIMAL && s0.state && same_shape(&base, &changed);
	if (!(warm ? plan_repair(&changed.in, &s0, false, &s1)
		   : plan_solve(&changed.in, false, &s1))) {
		rc = bf_err_set(err, BF_EINPUT, "the changed instance is not valid: %s", s1.reason);
		goto out;
	}
	warm = warm && s1.warm; /* plan_repair solves cold when the change does not fit */
	*out = plan_json(&changed, &s1, o, warm, &after);
	if (s1.status == PLAN_OPTIMAL)
		json_object_set_new(*out, "repair", repair_json(&base, &s1, o, after));
out:
	plan_solution_release(&s0);
	plan_solution_release(&s1);
	build_release(&base);
	build_release(&changed);
	return rc;
}

enum bf_status plan_round_run(const struct registry *r, const struct plan_round_opts *o,
			      json_t **out, struct bf_err *err)
{
	struct score_table st;
	struct build b;
	struct plan_solution sol;
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
	if ((rc = build_init(&b, r, &st, round, o, false, false, err)))
		goto out;
	if (!plan_solve(&b.in, false, &sol))
		rc = bf_err_set(err, BF_EINPUT, "the round's instance is not valid: %s", sol.reason);
	else
		*out = plan_json(&b, &sol, o, false, &score);
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
	enum bf_status rc;
	size_t round;

	*out = NULL;
	memset(&st, 0, sizeof st);
	memset(&b, 0, sizeof b);
	if (!(rc = find_round(r, o, &round, err)) && !(rc = load_table(o, &st, err)) &&
	    !(rc = build_init(&b, r, &st, round, o, o->repair, o->repair, err)))
		*out = plan_io_instance_json(&b.in);
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
		rc = drop_members(a, g, NULL, err);
		if (!rc && r->group_cadres.off[g] == r->group_cadres.off[g + 1])
			rc = audited(a, &model_groups, "delete", &r->groups[g], NULL,
				     r->groups[g].id, err);
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
