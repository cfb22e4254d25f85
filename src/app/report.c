/* report: each report is one function from (registry, round, options) to JSON; see report.h. */
#include "app/report.h"
#include "app/query.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *round_name(const struct registry *r, size_t round)
{
	return round == REG_NONE ? json_null() : json_string(r->rounds[round].name);
}

static bool group_in(const struct registry *r, size_t g, size_t round)
{
	return round != REG_NONE && g != REG_NONE && r->groups[g].round_ix == round;
}

static size_t cadres_on_post(const struct registry *r, size_t round, bf_day day)
{
	size_t n = 0;
	for (size_t i = 0; i < r->ncadres; i++)
		if (r->cadres[i].group_ix != REG_NONE && group_in(r, r->cadres[i].group_ix, round) &&
		    model_cadre_on_post(&r->cadres[i], day))
			n++;
	return n;
}

static size_t units_assisting(const struct registry *r, size_t round)
{
	size_t n = 0;
	for (size_t u = 0; u < r->nunits; u++)
		for (size_t k = r->unit_members.off[u]; k < r->unit_members.off[u + 1]; k++)
			if (group_in(r, r->members[r->unit_members.items[k]].group_ix, round)) {
				n++;
				break;
			}
	return n;
}

static size_t groups_in(const struct registry *r, size_t round)
{
	size_t n = 0;
	for (size_t g = 0; g < r->ngroups; g++)
		n += group_in(r, g, round);
	return n;
}

static bool covered(const struct registry *r, size_t t, size_t round)
{
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++)
		if (group_in(r, r->target_groups.items[k], round))
			return true;
	return false;
}

static json_t *run_summary(const struct registry *r, size_t round, const struct report_opts *o)
{
	size_t ncovered = 0;
	for (size_t t = 0; t < r->ntargets; t++)
		ncovered += covered(r, t, round);
	return json_pack("{s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:I}", "round", round_name(r, round),
			 "as_of", query_date_json(o->as_of), "units", (json_int_t)r->nunits,
			 "units_assisting", (json_int_t)units_assisting(r, round), "targets",
			 (json_int_t)r->ntargets, "covered", (json_int_t)ncovered, "groups",
			 (json_int_t)groups_in(r, round), "cadres_on_post",
			 (json_int_t)cadres_on_post(r, round, o->as_of));
}

static json_t *run_coverage(const struct registry *r, size_t round, const struct report_opts *o)
{
	json_t *unc = json_array();
	size_t n = 0;
	(void)o;

	for (size_t t = 0; t < r->ntargets; t++) {
		if (covered(r, t, round))
			n++;
		else
			json_array_append_new(unc, json_string(r->targets[t].adcode));
	}
	return json_pack("{s:o, s:I, s:I, s:o}", "round", round_name(r, round), "targets",
			 (json_int_t)r->ntargets, "covered", (json_int_t)n, "uncovered", unc);
}

static const char *const group_columns[] = { "id", "target", "target_name", "prefecture",
					     "lead", "lead_name", "members", "member_names",
					     "cadres_on_post", "verified", NULL };

static json_t *group_row(const struct registry *r, size_t g, bf_day day)
{
	const struct bf_group *gr = &r->groups[g];
	const struct bf_target *t = &r->targets[gr->target_ix];
	struct buf codes = BUF_INIT, names = BUF_INIT;
	size_t lead = registry_group_lead(r, g), oncount = 0;
	json_t *o;

	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++) {
		const struct bf_member *m = &r->members[r->group_members.items[k]];
		if (m->role == ROLE_LEAD)
			continue;
		buf_addf(&codes, "%s%s", codes.len ? ";" : "", m->unit);
		buf_addf(&names, "%s%s", names.len ? ";" : "", r->units[m->unit_ix].name_zh);
	}
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++)
		oncount += model_cadre_on_post(&r->cadres[r->group_cadres.items[k]], day);
	o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:I, s:I}", "id", gr->id, "target",
		      t->adcode, "target_name", t->name_zh, "prefecture", t->prefecture, "lead",
		      query_str_json(lead == REG_NONE ? NULL : r->members[lead].unit), "lead_name",
		      query_str_json(lead == REG_NONE ? NULL
						      : r->units[r->members[lead].unit_ix].name_zh),
		      "members", buf_cstr(&codes), "member_names", buf_cstr(&names),
		      "cadres_on_post", (json_int_t)oncount, "verified", (json_int_t)gr->verified);
	buf_release(&codes);
	buf_release(&names);
	return o;
}

static json_t *run_groups(const struct registry *r, size_t round, const struct report_opts *o)
{
	json_t *items = json_array();
	for (size_t g = 0; g < r->ngroups; g++)
		if (group_in(r, g, round))
			json_array_append_new(items, group_row(r, g, o->as_of));
	return json_pack("{s:o, s:o}", "round", round_name(r, round), "items", items);
}

static const char *const cadre_columns[] = { "id", "name", "unit", "unit_name", "target",
					     "target_name", "rank", "post", "start",
					     "planned_end", "actual_end", "on_post", "verified",
					     NULL };

static json_t *cadre_row(const struct registry *r, const struct bf_cadre *c, bf_day day)
{
	const struct bf_target *t = &r->targets[r->groups[c->group_ix].target_ix];
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:b, s:I}", "id",
			 c->id, "name", c->name, "unit", c->unit, "unit_name",
			 r->units[c->unit_ix].name_zh, "target", t->adcode, "target_name",
			 t->name_zh, "rank", model_ranks[c->rank], "post", c->post, "start",
			 query_date_json(c->start), "planned_end", query_date_json(c->planned_end),
			 "actual_end", query_date_json(c->actual_end), "on_post",
			 model_cadre_on_post(c, day), "verified", (json_int_t)c->verified);
}

static json_t *run_cadres(const struct registry *r, size_t round, const struct report_opts *o)
{
	json_t *items = json_array();
	for (size_t i = 0; i < r->ncadres; i++)
		if (group_in(r, r->cadres[i].group_ix, round))
			json_array_append_new(items, cadre_row(r, &r->cadres[i], o->as_of));
	return json_pack("{s:o, s:o, s:o}", "round", round_name(r, round), "as_of",
			 query_date_json(o->as_of), "items", items);
}

static const char *const rotation_columns[] = { "end", "days_left", "id", "name", "unit",
						"unit_name", "target", "target_name", "rank",
						"post", "successor", "successor_start",
						"handover_days", "handover", NULL };

static int cmp_rotation(const void *a, const void *b)
{
	const struct bf_cadre *x = *(const struct bf_cadre *const *)a;
	const struct bf_cadre *y = *(const struct bf_cadre *const *)b;
	bf_day ex = model_cadre_end(x), ey = model_cadre_end(y);
	return ex != ey ? (ex > ey) - (ex < ey) : strcmp(x->id, y->id);
}

/* S7: how the successor takes over: the days between the end of the term and the arrival,
 * less one (0: the day after, seamless; > 0: a gap with nobody on the post; < 0: days both
 * serve, an overlap for handing over). */
static void handover(const struct registry *r, const struct bf_cadre *c, json_t *row)
{
	const struct bf_cadre *s = c->successor_ix < 0 ? NULL : &r->cadres[c->successor_ix];
	long days = s ? (long)(s->start - model_cadre_end(c)) - 1 : 0;

	json_object_set_new(row, "successor", query_str_json(s ? s->id : NULL));
	json_object_set_new(row, "successor_start", s ? query_date_json(s->start) : json_null());
	json_object_set_new(row, "handover_days", s ? json_integer(days) : json_null());
	json_object_set_new(row, "handover", !s	      ? json_null()
					     : days > 0 ? json_string("gap")
					     : days < 0 ? json_string("overlap")
							: json_string("seamless"));
}

static json_t *rotation_row(const struct registry *r, const struct bf_cadre *c, bf_day day)
{
	const struct bf_target *t = &r->targets[r->groups[c->group_ix].target_ix];
	json_t *row = json_pack("{s:o, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "end",
				query_date_json(model_cadre_end(c)), "days_left",
				(json_int_t)(model_cadre_end(c) - day), "id", c->id, "name",
				c->name, "unit", c->unit, "unit_name",
				r->units[c->unit_ix].name_zh, "target", t->adcode, "target_name",
				t->name_zh, "rank", model_ranks[c->rank], "post", c->post);
	handover(r, c, row);
	return row;
}

static json_t *run_rotations(const struct registry *r, size_t round,
			     const struct report_opts *o)
{
	const struct bf_cadre **due = malloc((r->ncadres ? r->ncadres : 1) * sizeof *due);
	json_t *items = json_array();
	size_t n = 0;

	for (size_t i = 0; i < r->ncadres; i++) {
		const struct bf_cadre *c = &r->cadres[i];
		if (group_in(r, c->group_ix, round) && model_cadre_on_post(c, o->as_of) &&
		    model_cadre_end(c) <= o->as_of + o->within)
			due[n++] = c;
	}
	qsort(due, n, sizeof *due, cmp_rotation);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, rotation_row(r, due[i], o->as_of));
	free(due);
	return json_pack("{s:o, s:o, s:I, s:o}", "round", round_name(r, round), "as_of",
			 query_date_json(o->as_of), "within_days", (json_int_t)o->within, "items",
			 items);
}

/* S10: one measure's share of the 57 counties (targets that are not districts). */
struct share {
	const char *measure, *indicator;
	double article;
};

static const struct bf_indicator *indicator_at(const struct registry *r, size_t t,
					       const char *name, long year)
{
	for (size_t k = r->target_indicators.off[t]; k < r->target_indicators.off[t + 1]; k++) {
		const struct bf_indicator *x = &r->indicators[r->target_indicators.items[k]];
		if (x->year == year && strcmp(x->name, name) == 0)
			return x;
	}
	return NULL;
}

static size_t counties(const struct registry *r)
{
	size_t n = 0;
	for (size_t t = 0; t < r->ntargets; t++)
		n += r->targets[t].kind != KIND_DISTRICT;
	return n;
}

/* Sums the counties' values for year; returns how many had one. */
static size_t sum_year(const struct registry *r, const char *name, long year, double *sum,
		       size_t *approx)
{
	size_t n = 0;
	*sum = 0;
	*approx = 0;
	for (size_t t = 0; t < r->ntargets; t++) {
		const struct bf_indicator *x;
		if (r->targets[t].kind == KIND_DISTRICT)
			continue;
		if (!(x = indicator_at(r, t, name, year)))
			continue;
		*sum += x->value;
		*approx += x->quality != 0;
		n++;
	}
	return n;
}

static double round2(double x)
{
	return round(x * 100.0) / 100.0;
}

/* Why a share is missing, in words a reader can act on (null when it is computed). */
static json_t *share_note(const struct share *s, long year, size_t n, size_t total)
{
	char msg[240];
	if (year == 0)
		snprintf(msg, sizeof msg, "no provincial %s figure: import one (scope province) to "
					  "compute the share", s->indicator);
	else if (n == 0)
		snprintf(msg, sizeof msg, "%s for %ld: none of the %zu counties has a value; the "
					  "share needs all of them", s->indicator, year, total);
	else if (n < total)
		snprintf(msg, sizeof msg, "%s for %ld: %zu of the %zu counties lack a value (%zu "
					  "with one); the share needs all of them", s->indicator,
			 year, total - n, total, n);
	else
		return json_null();
	return json_string(msg);
}

/* Picks the year with a provincial value in which most counties have data (the latest on a
 * tie), and computes the share when every county has a value. */
static json_t *share_row(const struct registry *r, const struct share *s, json_t **share)
{
	size_t best_n = 0, best_approx = 0, total = counties(r);
	long best_year = 0;
	double best_sum = 0, best_prov = 0;

	for (size_t i = 0; i < r->nindicators; i++) {
		const struct bf_indicator *p = &r->indicators[i];
		size_t n, approx;
		double sum;
		if (strcmp(p->scope, "province") != 0 || strcmp(p->name, s->indicator) != 0)
			continue;
		n = sum_year(r, s->indicator, p->year, &sum, &approx);
		if (best_year == 0 || n > best_n || (n == best_n && p->year > best_year)) {
			best_n = n;
			best_year = p->year;
			best_sum = sum;
			best_prov = p->value;
			best_approx = approx;
		}
	}
	*share = best_n == total && total > 0 && best_prov > 0
			 ? json_real(round2(100.0 * best_sum / best_prov))
			 : json_null();
	return json_pack("{s:s, s:s, s:O, s:o, s:I, s:I, s:I, s:I, s:o, s:o, s:f, s:o}",
			 "measure", s->measure, "indicator", s->indicator, "share", *share,
			 "year", best_year ? json_integer(best_year) : json_null(),
			 "counties_with_data", (json_int_t)best_n, "counties", (json_int_t)total,
			 "counties_missing", (json_int_t)(total - best_n), "approximate_values",
			 (json_int_t)best_approx, "counties_total",
			 best_n ? json_real(best_sum) : json_null(), "province_total",
			 best_year ? json_real(best_prov) : json_null(), "article", s->article,
			 "note", share_note(s, best_year, best_n, total));
}

static const char *const share_columns[] = { "measure", "indicator", "share", "article", "year",
					     "counties_with_data", "counties",
					     "counties_missing", "approximate_values",
					     "counties_total", "province_total", "note", NULL };

static json_t *run_shares(const struct registry *r, size_t round, const struct report_opts *o)
{
	static const struct share shares[] = {
		{ "land", "land_area", ARTICLE_LAND_SHARE },
		{ "population", "pop_resident", ARTICLE_POPULATION_SHARE },
		{ "gdp", "gdp", ARTICLE_GDP_SHARE },
	};
	static const char *const keys[] = { "land_share", "population_share", "gdp_share" };
	json_t *out = json_object(), *items = json_array();
	(void)round;
	(void)o;

	for (size_t i = 0; i < 3; i++) {
		json_t *share;
		json_array_append_new(items, share_row(r, &shares[i], &share));
		json_object_set_new(out, keys[i], share);
	}
	json_object_set_new(out, "items", items);
	return out;
}

/* ---- indicators against the round's baseline (issue 11 §6) ---------------------------
 * The baseline year is the last full year before the round starts (2022 for a round from
 * 2023-11-16). For each target and indicator: the value of the baseline year (or the latest
 * before it), the latest value after it up to as_of's year, the change, and the province's
 * change over the same two years where the province has both. */

static long baseline_year(const struct registry *r, size_t round)
{
	int y, m, d;
	if (round == REG_NONE)
		return 0;
	date_to_ymd(r->rounds[round].start, &y, &m, &d);
	return y - 1;
}

static int cmp_indicator_key(const void *key, const void *item)
{
	const struct bf_indicator *k = key, *x = item;
	int c = strcmp(k->scope, x->scope);
	if (!c)
		c = strcmp(k->name, x->name);
	return c ? c : (k->year > x->year) - (k->year < x->year);
}

/* The province's value of name in year (the registry keeps indicators sorted by key). */
static const struct bf_indicator *province_value(const struct registry *r, const char *name,
						 long year)
{
	struct bf_indicator k = { .scope = "province", .name = name, .year = year };
	return bsearch(&k, r->indicators, r->nindicators, sizeof *r->indicators,
		       cmp_indicator_key);
}

static json_t *pct_json(double from, double to)
{
	return from != 0 ? json_real(round2(100.0 * (to - from) / from)) : json_null();
}

static json_t *change_row(const struct registry *r, size_t t, const struct bf_indicator *b,
			  const struct bf_indicator *l)
{
	const struct bf_indicator *pb = b && l ? province_value(r, b->name, b->year) : NULL;
	const struct bf_indicator *pl = pb ? province_value(r, l->name, l->year) : NULL;
	const struct bf_indicator *src = l ? l : b;
	json_t *row = json_pack("{s:s, s:s, s:s, s:s}", "target", r->targets[t].adcode,
				"target_name", r->targets[t].name_zh, "indicator", src->name,
				"unit", src->unit ? src->unit : "");

	json_object_set_new(row, "baseline_year", b ? json_integer(b->year) : json_null());
	json_object_set_new(row, "baseline", b ? json_real(b->value) : json_null());
	json_object_set_new(row, "latest_year", l ? json_integer(l->year) : json_null());
	json_object_set_new(row, "latest", l ? json_real(l->value) : json_null());
	/* rounded to a millionth: the float noise of a difference (90 - 80.3) is not data */
	json_object_set_new(row, "change", b && l ? json_real(round(1e6 * (l->value - b->value)) / 1e6)
						  : json_null());
	json_object_set_new(row, "change_pct", b && l ? pct_json(b->value, l->value) : json_null());
	json_object_set_new(row, "province_change_pct",
			    pb && pl ? pct_json(pb->value, pl->value) : json_null());
	json_object_set_new(row, "quality", json_string(model_qualities[src->quality]));
	json_object_set_new(row, "source", query_str_json(src->source));
	return row;
}

static json_t *run_indicators(const struct registry *r, size_t round,
			      const struct report_opts *o)
{
	long base = baseline_year(r, round);
	int ay, am, ad;
	json_t *items = json_array();

	date_to_ymd(o->as_of, &ay, &am, &ad);
	for (size_t t = 0; t < r->ntargets; t++) {
		size_t k = r->target_indicators.off[t], end = r->target_indicators.off[t + 1];
		while (k < end) { /* one run of years per indicator name, in year order */
			const char *name = r->indicators[r->target_indicators.items[k]].name;
			const struct bf_indicator *b = NULL, *l = NULL;
			for (; k < end && strcmp(r->indicators[r->target_indicators.items[k]].name,
						 name) == 0; k++) {
				const struct bf_indicator *x =
					&r->indicators[r->target_indicators.items[k]];
				if (x->year <= base)
					b = x;
				else if (x->year <= ay)
					l = x;
			}
			if (b || l)
				json_array_append_new(items, change_row(r, t, b, l));
		}
	}
	return json_pack("{s:o, s:o, s:o, s:o}", "round", round_name(r, round), "as_of",
			 query_date_json(o->as_of), "baseline_year",
			 base ? json_integer(base) : json_null(), "items", items);
}

static const char *const indicator_columns[] = { "target", "target_name", "indicator", "unit",
						 "baseline_year", "baseline", "latest_year",
						 "latest", "change", "change_pct",
						 "province_change_pct", "quality", "source",
						 NULL };

const struct report_def report_defs[] = {
	{ "summary", "总览", "the round at a glance: units, targets, groups, cadres on post", NULL,
	  run_summary },
	{ "coverage", "覆盖", "targets with and without a group in the round (S3)", NULL,
	  run_coverage },
	{ "groups", "组团", "every group of the round with its lead and members (S5)",
	  group_columns, run_groups },
	{ "cadres", "帮扶干部", "every cadre of the round, on post or not (S6)", cadre_columns,
	  run_cadres },
	{ "rotations", "轮换", "cadres whose term ends within --within days (S7)",
	  rotation_columns, run_rotations },
	{ "shares", "占比", "the counties' share of land, population and GDP (S10)", share_columns,
	  run_shares },
	{ "indicators", "指标变化",
	  "each target's indicators since the round's baseline year, beside the province's change",
	  indicator_columns, run_indicators },
};
const size_t report_count = sizeof report_defs / sizeof report_defs[0];

const struct report_def *report_find(const char *name)
{
	for (size_t i = 0; i < report_count; i++)
		if (strcmp(report_defs[i].name, name) == 0)
			return &report_defs[i];
	return NULL;
}

enum bf_status report_run(const struct registry *r, const char *name,
			  const struct report_opts *o, json_t **out, struct bf_err *err)
{
	const struct report_def *d = report_find(name);
	size_t round;
	enum bf_status rc;

	*out = NULL;
	if (!d) {
		struct buf names = BUF_INIT;
		for (size_t i = 0; i < report_count; i++)
			buf_addf(&names, "%s%s", i ? ", " : "", report_defs[i].name);
		bf_err_set(err, BF_EUSAGE, "no report named '%s' (reports: %s)", name, names.data);
		buf_release(&names);
		return BF_EUSAGE;
	}
	if ((rc = query_round(r, o->round, o->as_of, &round, err)))
		return rc;
	*out = d->run(r, round, o);
	return BF_OK;
}
