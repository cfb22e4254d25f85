/* fixture: see fixture.h. */
#include "fixture.h"

bf_day fixture_day(const char *s)
{
	bf_day d = BF_DAY_NONE;
	date_parse(s, &d);
	return d;
}

struct bf_member *fixture_member(struct registry *r, const char *group, const char *unit,
				 int role)
{
	struct bf_member *m = registry_add(r, &model_members);
	m->group = group;
	m->unit = unit;
	m->role = role;
	return m;
}

struct bf_cadre *fixture_cadre(struct registry *r, const char *id, const char *unit,
			       const char *group, int rank, const char *start, const char *end)
{
	struct bf_cadre *c = registry_add(r, &model_cadres);
	c->id = id;
	c->name = id;
	c->unit = unit;
	c->group = group;
	c->rank = rank;
	c->post = "post";
	c->start = fixture_day(start);
	c->planned_end = fixture_day(end);
	return c;
}

static void unit(struct registry *r, const char *code, long cap)
{
	struct bf_unit *u = registry_add(r, &model_units);
	u->code = code;
	u->name_zh = code;
	u->category = 3;
	u->capacity = cap;
}

static void target(struct registry *r, const char *adcode, const char *name)
{
	struct bf_target *t = registry_add(r, &model_targets);
	t->adcode = adcode;
	t->name_zh = name;
	t->prefecture = "p";
	t->kind = KIND_COUNTY;
}

static void group(struct registry *r, const char *id, const char *adcode)
{
	struct bf_group *g = registry_add(r, &model_groups);
	g->id = id;
	g->round = "R";
	g->target = adcode;
}

void fixture_build(struct registry *r)
{
	struct bf_round *rd;

	registry_init(r);
	rd = registry_add(r, &model_rounds);
	rd->name = "R";
	rd->start = fixture_day("2023-11-16");
	rd->end = fixture_day("2026-12-31");
	rd->cycle_years = 3;
	target(r, "440881", "廉江市");
	target(r, "441423", "丰顺县");
	unit(r, "U1", 2);
	unit(r, "U2", 1);
	unit(r, "U3", 1);
	unit(r, "U4", 1);
	group(r, "G1", "440881");
	group(r, "G2", "441423");
	fixture_member(r, "G1", "U1", ROLE_LEAD);
	fixture_member(r, "G1", "U2", ROLE_MEMBER);
	fixture_member(r, "G2", "U3", ROLE_LEAD);
	fixture_member(r, "G2", "U4", ROLE_MEMBER);
	fixture_cadre(r, "C1", "U1", "G1", RANK_DIVISION, "2024-01-01", "2026-12-31");
	fixture_cadre(r, "C2", "U2", "G1", RANK_SECTION, "2024-06-01", "2027-05-31");
	fixture_cadre(r, "C3", "U3", "G2", RANK_DIVISION, "2024-01-01", "2026-12-31");
	fixture_cadre(r, "C4", "U4", "G2", RANK_MIDDLE, "2024-06-01", "2027-05-31");
}
