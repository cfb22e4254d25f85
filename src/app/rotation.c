/* rotation: the data of `bangfu plan rotations` gathered from the registry for core/rotation,
 * group by group; see rotation.h. */
#include "app/rotation.h"
#include "app/query.h"
#include "core/rotation.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const rotation_plan_columns[] = {
	"group", "target_name", "id", "name", "unit", "unit_name", "lead", "rank", "post", "end",
	"successor", "successor_start", "arrival", "handover_days", "handover", "why", "moved", NULL
};

const char *const rotation_group_columns[] = {
	"group", "target", "target_name", "posts", "limit", "departures", "before_lead_lost",
	"before_losses", "before_window", "after_lead_lost", "after_losses", "after_window",
	"kept", NULL
};

/* One group's departures, with the cadre each is. */
struct gathered {
	struct rotation_group g;
	struct rotation_departure *d;
	const struct bf_cadre **who;
	size_t n;
};

static bool predecessor_on_post(const struct registry *r, const struct bf_cadre *c, bf_day day)
{
	size_t p = c->predecessor ? registry_find_cadre(r, c->predecessor) : REG_NONE;
	return p != REG_NONE && r->cadres[p].group_ix == c->group_ix &&
	       model_cadre_on_post(&r->cadres[p], day);
}

/* The group's posts on from (a successor already beside its predecessor is the same post)
 * and its cadres on post whose term ends by to, in the order of their last day. */
static void gather(const struct registry *r, size_t g, bf_day from, bf_day to,
		   struct gathered *x)
{
	size_t lead = registry_group_lead(r, g), n = r->group_cadres.off[g + 1] -
						    r->group_cadres.off[g];
	size_t lead_unit = lead == REG_NONE ? REG_NONE : r->members[lead].unit_ix;

	memset(x, 0, sizeof *x);
	x->d = xcalloc(n ? n : 1, sizeof *x->d);
	x->who = xcalloc(n ? n : 1, sizeof *x->who);
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++) {
		const struct bf_cadre *c = &r->cadres[r->group_cadres.items[k]];
		bf_day last = model_cadre_end(c);
		bool is_lead = c->unit_ix == lead_unit;
		if (!model_cadre_on_post(c, from))
			continue;
		if (!predecessor_on_post(r, c, from)) {
			x->g.posts++;
			x->g.lead_posts += is_lead;
		}
		if (last == BF_DAY_NONE || last > to)
			continue;
		x->who[x->n] = c;
		x->d[x->n++] = (struct rotation_departure){
			is_lead, last,
			c->successor_ix < 0 ? BF_DAY_NONE : r->cadres[c->successor_ix].start,
			BF_DAY_NONE, ROT_HANDOVER
		};
	}
	/* by last day, then id: a stable order for the plan's ties */
	for (size_t i = 1; i < x->n; i++)
		for (size_t j = i; j > 0; j--) {
			const struct bf_cadre *a = x->who[j - 1], *b = x->who[j];
			bool swap = x->d[j - 1].last > x->d[j].last ||
				    (x->d[j - 1].last == x->d[j].last && strcmp(a->id, b->id) > 0);
			struct rotation_departure t = x->d[j];
			if (!swap)
				break;
			x->d[j] = x->d[j - 1], x->d[j - 1] = t;
			x->who[j] = b, x->who[j - 1] = a;
		}
}

static json_t *item_json(const struct registry *r, const struct bf_group *gr,
			 const struct rotation_departure *d, const struct bf_cadre *c)
{
	const struct bf_cadre *s = c->successor_ix < 0 ? NULL : &r->cadres[c->successor_ix];
	json_t *o = json_object();

	json_object_set_new(o, "group", json_string(gr->id));
	json_object_set_new(o, "target_name", json_string(r->targets[gr->target_ix].name_zh));
	json_object_set_new(o, "id", json_string(c->id));
	json_object_set_new(o, "name", json_string(c->name));
	json_object_set_new(o, "unit", json_string(c->unit));
	json_object_set_new(o, "unit_name", json_string(r->units[c->unit_ix].name_zh));
	json_object_set_new(o, "lead", json_boolean(d->lead));
	json_object_set_new(o, "rank", json_string(model_ranks[c->rank]));
	json_object_set_new(o, "post", json_string(c->post));
	json_object_set_new(o, "end", query_date_json(d->last));
	json_object_set_new(o, "successor", query_str_json(s ? s->id : NULL));
	json_object_set_new(o, "successor_start", query_date_json(s ? s->start : BF_DAY_NONE));
	json_object_set_new(o, "arrival", query_date_json(d->arrival));
	/* as in the rotations report: the days between the end and the arrival, less one */
	json_object_set_new(o, "handover_days", json_integer(d->arrival - d->last - 1));
	json_object_set_new(o, "handover", json_string(d->arrival > d->last + 1	  ? "gap"
						       : d->arrival < d->last + 1 ? "overlap"
										  : "seamless"));
	json_object_set_new(o, "why", json_string(rotation_whys[d->why]));
	json_object_set_new(o, "moved", json_boolean(s && s->start != d->arrival));
	return o;
}

static void judgement_json(json_t *o, const char *prefix, const struct rotation_judgement *j)
{
	char k[32];
	snprintf(k, sizeof k, "%s_lead_lost", prefix);
	json_object_set_new(o, k, query_date_json(j->lead_lost));
	snprintf(k, sizeof k, "%s_losses", prefix);
	json_object_set_new(o, k, json_integer((json_int_t)j->losses));
	snprintf(k, sizeof k, "%s_window", prefix);
	json_object_set_new(o, k, query_date_json(j->window));
}

static json_t *group_json(const struct registry *r, const struct bf_group *gr,
			  const struct gathered *x, const struct rotation_judgement *before,
			  const struct rotation_judgement *after)
{
	const struct bf_target *t = &r->targets[gr->target_ix];
	json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I}", "group", gr->id, "target",
			      t->adcode, "target_name", t->name_zh, "posts", (json_int_t)x->g.posts,
			      "limit", (json_int_t)before->limit, "departures", (json_int_t)x->n);
	judgement_json(o, "before", before);
	judgement_json(o, "after", after);
	json_object_set_new(o, "kept", json_boolean(after->ok));
	return o;
}

enum bf_status rotation_plan_run(const struct registry *r, const struct rotation_plan_opts *o,
				 json_t **out, struct bf_err *err)
{
	struct rotation_opts ro = { o->from, o->from + (bf_day)o->notice, o->overlap, ROTATION_SPAN };
	json_t *groups = json_array(), *items = json_array();
	size_t round, at_risk = 0, kept = 0, not_kept = 0;
	bf_day to;
	enum bf_status rc;

	*out = NULL;
	if ((rc = query_round(r, o->round, o->from, &round, err)))
		goto fail;
	if (round == REG_NONE || (!o->round && o->from > r->rounds[round].end)) {
		rc = bf_err_set(err, BF_ENOTFOUND, "no round is in progress on the day planned: give "
						   "--round NAME (or --as-of a day within one)");
		goto fail;
	}
	to = o->window < 0 ? r->rounds[round].end : o->from + (bf_day)o->window;
	for (size_t g = 0; g < r->ngroups; g++) {
		struct rotation_judgement before, after;
		struct gathered x;
		if (r->groups[g].round_ix != round)
			continue;
		gather(r, g, o->from, to, &x);
		if (x.n) {
			rotation_judge(&ro, &x.g, x.d, x.n, false, &before);
			rotation_plan(&ro, &x.g, x.d, x.n);
			rotation_judge(&ro, &x.g, x.d, x.n, true, &after);
			at_risk += !before.ok;
			kept += !before.ok && after.ok;
			not_kept += !after.ok;
			json_array_append_new(groups, group_json(r, &r->groups[g], &x, &before,
								 &after));
			for (size_t i = 0; i < x.n; i++)
				json_array_append_new(items, item_json(r, &r->groups[g], &x.d[i],
								       x.who[i]));
		}
		free(x.d);
		free(x.who);
	}
	*out = json_pack("{s:s, s:o, s:o, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o}", "round",
			 r->rounds[round].name, "from", query_date_json(o->from), "to",
			 query_date_json(to), "overlap_days", (json_int_t)o->overlap, "span_days",
			 (json_int_t)ROTATION_SPAN, "departures", (json_int_t)json_array_size(items),
			 "groups_at_risk", (json_int_t)at_risk, "groups_kept", (json_int_t)kept,
			 "groups_not_kept", (json_int_t)not_kept, "groups", groups, "items", items);
	return BF_OK;
fail:
	json_decref(groups);
	json_decref(items);
	return rc;
}
