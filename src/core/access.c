/* access: read permissions per role; see access.h. */
#include "core/access.h"
#include <string.h>

const char *const access_roles[] = { "admin", "planner", "unit", "county", "auditor", NULL };
const char *const access_roles_zh[] = { "指挥部办公室", "县域经济专班", "帮扶单位", "帮扶对象",
					"审计监督", NULL };

bool access_reads_all(const struct principal *p)
{
	return p->role == ACC_ADMIN || p->role == ACC_PLANNER || p->role == ACC_AUDITOR;
}

/* Whether group g belongs to the principal: the unit is a member, or the county its target. */
static bool own_group(const struct registry *r, const struct principal *p, size_t g)
{
	if (g == REG_NONE)
		return false;
	if (p->role == ACC_COUNTY)
		return strcmp(r->groups[g].target, p->target) == 0;
	return p->role == ACC_UNIT &&
	       registry_member_role(r, g, registry_find_unit(r, p->unit)) >= 0;
}

static bool own_target(const struct registry *r, const struct principal *p, size_t t)
{
	if (t == REG_NONE)
		return false;
	if (p->role == ACC_COUNTY)
		return strcmp(r->targets[t].adcode, p->target) == 0;
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++)
		if (own_group(r, p, r->target_groups.items[k]))
			return true;
	return false;
}

static bool own_unit(const struct registry *r, const struct principal *p, size_t u)
{
	if (u == REG_NONE)
		return false;
	if (p->role == ACC_UNIT && strcmp(r->units[u].code, p->unit) == 0)
		return true;
	for (size_t k = r->unit_members.off[u]; k < r->unit_members.off[u + 1]; k++)
		if (own_group(r, p, r->members[r->unit_members.items[k]].group_ix))
			return true;
	return false;
}

bool access_can_read(const struct registry *r, const struct principal *p,
		     const struct record_type *t, const void *rec)
{
	if (access_reads_all(p) || t == &model_rounds)
		return true;
	if (t == &model_targets)
		return own_target(r, p, registry_find_target(r, ((const struct bf_target *)rec)->adcode));
	if (t == &model_units)
		return own_unit(r, p, registry_find_unit(r, ((const struct bf_unit *)rec)->code));
	if (t == &model_groups)
		return own_group(r, p, registry_find_group(r, ((const struct bf_group *)rec)->id));
	if (t == &model_members)
		return own_group(r, p, registry_find_group(r, ((const struct bf_member *)rec)->group));
	if (t == &model_cadres)
		return own_group(r, p, registry_find_group(r, ((const struct bf_cadre *)rec)->group));
	if (t == &model_indicators) {
		const char *scope = ((const struct bf_indicator *)rec)->scope;
		return strcmp(scope, "province") == 0 ||
		       own_target(r, p, registry_find_target(r, scope));
	}
	return false;
}

bool access_can_read_finding(const struct registry *r, const struct principal *p,
			     const char *subject, const char *key)
{
	if (access_reads_all(p))
		return true;
	if (strcmp(subject, "target") == 0)
		return own_target(r, p, registry_find_target(r, key));
	if (strcmp(subject, "group") == 0)
		return own_group(r, p, registry_find_group(r, key));
	if (strcmp(subject, "unit") == 0)
		return own_unit(r, p, registry_find_unit(r, key));
	if (strcmp(subject, "cadre") == 0) {
		size_t c = registry_find_cadre(r, key);
		return c != REG_NONE && own_group(r, p, r->cadres[c].group_ix);
	}
	return false;
}

bool access_may_write_type(const struct principal *p, const struct record_type *t)
{
	switch (p->role) {
	case ACC_ADMIN:
		return true;
	case ACC_PLANNER:
		return t == &model_rounds || t == &model_groups || t == &model_members;
	case ACC_UNIT:
		return t == &model_cadres;
	case ACC_COUNTY:
		return t == &model_indicators;
	default:
		return false;
	}
}

bool access_can_set_verified(const struct principal *p, const struct record_type *t,
			     const void *old, const void *rec)
{
	const struct field_def *f = model_field(t, "verified");
	long now, was;

	if (!f || p->role == ACC_ADMIN || p->role == ACC_PLANNER)
		return true;
	now = *(const long *)((const char *)rec + f->offset);
	was = old ? *(const long *)((const char *)old + f->offset) : 0;
	return now == was;
}

bool access_can_write(const struct registry *r, const struct principal *p,
		      const struct record_type *t, const void *rec)
{
	if (!access_may_write_type(p, t))
		return false;
	if (p->role == ACC_UNIT) /* its own cadres, serving in its own groups */
		return strcmp(((const struct bf_cadre *)rec)->unit, p->unit) == 0 &&
		       own_group(r, p, registry_find_group(r, ((const struct bf_cadre *)rec)->group));
	if (p->role == ACC_COUNTY) /* its own target's indicators */
		return strcmp(((const struct bf_indicator *)rec)->scope, p->target) == 0;
	return true;
}

const char *const access_scopes[] = { "none", "unit", "target", "all", NULL };

/* The principal's own records: its unit's, or its target's. */
static enum acc_scope own_scope(const struct principal *p)
{
	return p->role == ACC_UNIT ? SCOPE_UNIT : p->role == ACC_COUNTY ? SCOPE_TARGET : SCOPE_NONE;
}

enum acc_scope access_read_scope(const struct principal *p, const struct record_type *t)
{
	if (access_reads_all(p) || t == &model_rounds)
		return SCOPE_ALL;
	return own_scope(p);
}

enum acc_scope access_write_scope(const struct principal *p, const struct record_type *t)
{
	if (!access_may_write_type(p, t))
		return SCOPE_NONE;
	if (p->role == ACC_ADMIN || p->role == ACC_PLANNER)
		return SCOPE_ALL;
	return own_scope(p);
}
