/* show: record + relations as JSON; see show.h. */
#include "app/show.h"
#include "app/query.h"
#include <string.h>

static json_t *member_json(const struct registry *r, const struct bf_member *m)
{
	return json_pack("{s:s, s:s, s:s}", "unit", m->unit, "unit_name",
			 r->units[m->unit_ix].name_zh, "role", model_roles[m->role]);
}

static json_t *group_brief(const struct registry *r, size_t g)
{
	const struct bf_group *gr = &r->groups[g];
	json_t *members = json_array();

	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++)
		json_array_append_new(members, member_json(r, &r->members[r->group_members.items[k]]));
	return json_pack("{s:s, s:s, s:s, s:s, s:I, s:o}", "id", gr->id, "round", gr->round,
			 "target", gr->target, "target_name",
			 r->targets[gr->target_ix].name_zh, "verified", (json_int_t)gr->verified,
			 "members", members);
}

static json_t *cadre_brief(const struct registry *r, size_t i, bf_day day)
{
	const struct bf_cadre *c = &r->cadres[i];
	json_t *o = query_record_json(&model_cadres, c);
	json_object_set_new(o, "unit_name", json_string(r->units[c->unit_ix].name_zh));
	json_object_set_new(o, "on_post", json_boolean(model_cadre_on_post(c, day)));
	json_object_set_new(o, "successor",
			    query_str_json(c->successor_ix < 0 ? NULL
							       : r->cadres[c->successor_ix].id));
	return o;
}

static json_t *group_cadres(const struct registry *r, size_t g, bf_day day)
{
	json_t *a = json_array();
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++)
		json_array_append_new(a, cadre_brief(r, r->group_cadres.items[k], day));
	return a;
}

static json_t *show_target(const struct registry *r, size_t t, bf_day day)
{
	json_t *o = json_object(), *groups = json_array(), *cadres = json_array();
	json_t *ind = json_array();

	json_object_set_new(o, "target", query_record_json(&model_targets, &r->targets[t]));
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k];
		json_t *gc = group_cadres(r, g, day);
		json_array_append_new(groups, group_brief(r, g));
		json_array_extend(cadres, gc); /* takes its own references */
		json_decref(gc);
	}
	for (size_t k = r->target_indicators.off[t]; k < r->target_indicators.off[t + 1]; k++) {
		json_t *x = query_record_json(&model_indicators,
					      &r->indicators[r->target_indicators.items[k]]);
		json_object_del(x, "scope");
		json_array_append_new(ind, x);
	}
	json_object_set_new(o, "groups", groups);
	json_object_set_new(o, "cadres", cadres);
	json_object_set_new(o, "indicators", ind);
	return o;
}

static json_t *show_unit(const struct registry *r, size_t u, bf_day day)
{
	json_t *o = json_object(), *groups = json_array(), *cadres = json_array();

	json_object_set_new(o, "unit", query_record_json(&model_units, &r->units[u]));
	for (size_t k = r->unit_members.off[u]; k < r->unit_members.off[u + 1]; k++) {
		const struct bf_member *m = &r->members[r->unit_members.items[k]];
		const struct bf_group *g = &r->groups[m->group_ix];
		json_array_append_new(groups,
				      json_pack("{s:s, s:s, s:s, s:s, s:s}", "group", g->id,
						"round", g->round, "target", g->target,
						"target_name", r->targets[g->target_ix].name_zh,
						"role", model_roles[m->role]));
	}
	for (size_t k = r->unit_cadres.off[u]; k < r->unit_cadres.off[u + 1]; k++)
		json_array_append_new(cadres, cadre_brief(r, r->unit_cadres.items[k], day));
	json_object_set_new(o, "groups", groups);
	json_object_set_new(o, "cadres", cadres);
	return o;
}

static json_t *show_group(const struct registry *r, size_t g, bf_day day)
{
	json_t *o = json_object();
	json_t *brief = group_brief(r, g);

	json_object_set_new(o, "group", query_record_json(&model_groups, &r->groups[g]));
	json_object_set(o, "target_name", json_object_get(brief, "target_name"));
	json_object_set(o, "members", json_object_get(brief, "members"));
	json_object_set_new(o, "cadres", group_cadres(r, g, day));
	json_decref(brief);
	return o;
}

static json_t *show_cadre(const struct registry *r, size_t i, bf_day day)
{
	const struct bf_cadre *c = &r->cadres[i];
	const struct bf_group *g = &r->groups[c->group_ix];
	json_t *o = json_object();

	json_object_set_new(o, "cadre", cadre_brief(r, i, day));
	json_object_set_new(o, "target", json_string(g->target));
	json_object_set_new(o, "target_name", json_string(r->targets[g->target_ix].name_zh));
	json_object_set_new(o, "round", json_string(g->round));
	return o;
}

enum bf_status show_record(const struct registry *r, const char *kind, const char *key,
			   bf_day day, json_t **out, struct bf_err *err)
{
	static const struct {
		const char *kind;
		size_t (*find)(const struct registry *, const char *);
		json_t *(*show)(const struct registry *, size_t, bf_day);
	} kinds[] = {
		{ "target", registry_find_target, show_target },
		{ "unit", registry_find_unit, show_unit },
		{ "group", registry_find_group, show_group },
		{ "cadre", registry_find_cadre, show_cadre },
	};

	*out = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t ix;
		if (strcmp(kinds[i].kind, kind) != 0)
			continue;
		ix = kinds[i].find(r, key);
		if (ix == REG_NONE)
			return bf_err_set(err, BF_ENOTFOUND, "no %s '%s'", kind, key);
		*out = kinds[i].show(r, ix, day);
		return BF_OK;
	}
	return bf_err_set(err, BF_EUSAGE, "cannot show '%s': say target, unit, group or cadre",
			  kind);
}
