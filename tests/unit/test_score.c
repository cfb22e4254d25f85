/* Tests of src/core/score: parsing the needs table (and its errors), target needs from
 * classes and indicators, pair scores with their breakdowns, continuity, lead weights and
 * the members' marginal bonuses. */
#include <math.h>
#include <stdio.h>
#include "unit.h"
#include "fixture.h"
#include "core/score.h"

static const char table[] =
	"condition,value,industry,agriculture,marine,tourism,ecology,planning,education,health,"
	"finance,digital,business_env,note\n"
	"*,0,0,0,0,0,0,1,0,0,0,0,0,everyone\n"
	"class=coastal,0,0,0,3,1,0,0,0,0,0,0,0,sea\n"
	"pop_resident>=1000000,0.5,0,0,0,0,0,0,1,0,0,0,0,big\n"
	"gdp_per_head<40000,1,0,0,0,0,0,0,0,0,2,0,0,poor\n"
	"set:continuity,4,,,,,,,,,,,,\n"
	"set:member_cost,1,,,,,,,,,,,,\n"
	"set:stability,0.001,,,,,,,,,,,,\n"
	"set:bonus_1,6,,,,,,,,,,,,\n"
	"set:bonus_2,2,,,,,,,,,,,,\n"
	"set:bonus_3,-1,,,,,,,,,,,,\n"
	"lead:government,3,,,,,,,,,,,,\n";

static void indicator(struct registry *r, const char *scope, const char *name, long year,
		      double v)
{
	struct bf_indicator *x = registry_add(r, &model_indicators);
	x->scope = scope;
	x->name = name;
	x->year = year;
	x->value = v;
}

/* The fixture with classes, strengths and indicators: 440881 coastal, 1.4 million people,
 * GDP 500 (100m yuan) = 35714 yuan a head; 441423 nothing. */
static void build(struct registry *r)
{
	fixture_build(r);
	r->targets[0].classes = "coastal";
	r->units[0].strengths = "marine;planning";
	r->units[1].strengths = "education";
	r->units[2].category = 7; /* university: may not lead */
	indicator(r, "440881", "pop_resident", 2020, 1400000);
	indicator(r, "440881", "pop_resident", 2010, 900000);
	indicator(r, "440881", "gdp", 2021, 500);
	registry_index(r);
}

static void test_parse(void)
{
	struct score_table t;
	struct buf why = BUF_INIT;

	CHECK(score_table_parse(table, sizeof table - 1, "needs.csv", &t, &why));
	CHECK_INT(t.nrules, 4);
	CHECK_STR(t.rules[2].word, "pop_resident");
	CHECK_INT(t.rules[2].op, OP_GE);
	CHECK(t.rules[3].op == OP_LT && t.rules[3].value == 40000);
	CHECK(t.continuity == 4 && t.member_cost == 1 && t.bonus[2] == -1);
	CHECK(t.keep == 100 && t.stability == 0.001);
	CHECK(t.member_min == 1 && t.member_max == 3);
	CHECK(t.can_lead[3] && !t.can_lead[7] && t.lead_weight[3] == 3);
	score_table_release(&t);
	buf_release(&why);
}

static void test_parse_errors(void)
{
	static const char bad[] =
		"condition,value,industry,colour\n"
		"class=space,0,1,\n"
		"set:bonus_2,9,,\n"
		"pop<,1,x,\n"
		"lead:nobody,1,,\n";
	static const char increasing[] = "condition,value\nset:bonus_2,9\nlead:party,1\n";
	static const char nomember[] = "condition,value\nset:member_min,0\nlead:party,1\n";
	struct score_table t;
	struct buf why = BUF_INIT;

	CHECK(!score_table_parse(bad, sizeof bad - 1, "n.csv", &t, &why));
	CHECK(strstr(buf_cstr(&why), "n.csv:1: unknown column 'colour'"));
	buf_reset(&why);
	CHECK(!score_table_parse(increasing, sizeof increasing - 1, "n.csv", &t, &why));
	CHECK(strstr(buf_cstr(&why), "bonus_2 (9) is above bonus_1 (6)"));
	buf_reset(&why);
	CHECK(!score_table_parse(nomember, sizeof nomember - 1, "n.csv", &t, &why));
	CHECK(strstr(buf_cstr(&why), "member_min must be at least 1"));
	buf_reset(&why);
	{
		static const char conds[] = "condition,value\nclass=space,0\nlead:nobody,1\n"
					    "pop<,1\nset:colour,1\nlead:party,1\n";
		CHECK(!score_table_parse(conds, sizeof conds - 1, "n.csv", &t, &why));
		CHECK(strstr(buf_cstr(&why), "n.csv:2: condition 'class=space'"));
		CHECK(strstr(buf_cstr(&why), "n.csv:3: 'lead:nobody': not a unit category"));
		CHECK(strstr(buf_cstr(&why), "n.csv:4: condition 'pop<'"));
		CHECK(strstr(buf_cstr(&why), "n.csv:5: 'set:colour': no such parameter"));
	}
	buf_release(&why);
}

static void test_needs(void)
{
	struct registry r;
	struct score_table t;
	struct score_needs n;
	struct buf why = BUF_INIT;

	build(&r);
	CHECK(score_table_parse(table, sizeof table - 1, "needs.csv", &t, &why));
	CHECK(fabs(score_indicator(&r, 0, "gdp_per_head") - 500e8 / 1400000) < 1e-6);
	CHECK(isnan(score_indicator(&r, 1, "gdp_per_head")));
	score_target_needs(&t, &r, 0, &n);
	CHECK_INT(n.nmatched, 4);       /* every rule holds for 440881 */
	CHECK(n.need[2] == 3 && n.need[5] == 1 && n.need[6] == 1 && n.need[8] == 2);
	CHECK(n.support == 1.5);
	score_target_needs(&t, &r, 1, &n);
	CHECK_INT(n.nmatched, 1);       /* only "*": no class, no indicators */
	CHECK(n.support == 0 && n.need[5] == 1 && n.need[2] == 0);
	score_table_release(&t);
	registry_release(&r);
	buf_release(&why);
}

static void test_pairs(void)
{
	struct registry r;
	struct score_table t;
	struct score_needs n;
	struct score_breakdown b;
	struct buf why = BUF_INIT;
	double bonus[3];

	build(&r);
	CHECK(score_table_parse(table, sizeof table - 1, "needs.csv", &t, &why));
	score_target_needs(&t, &r, 0, &n);
	/* U1 (marine;planning) leading 440881: fit 3 + 1, lead weight 3 */
	score_pair(&t, &r.units[0], &n, ROLE_LEAD, -1, false, &b);
	CHECK(b.fit[2] == 3 && b.fit[5] == 1 && b.fit_total == 4);
	CHECK(b.lead_weight == 3 && b.continuity == 0 && b.member_cost == 0 && b.total == 7);
	/* as a member, with the same role last round, and kept by a repair */
	score_pair(&t, &r.units[0], &n, ROLE_MEMBER, ROLE_MEMBER, true, &b);
	CHECK(b.lead_weight == 0 && b.continuity == 4 && b.member_cost == -1 &&
	      b.keep == 100 && b.total == 107);
	score_pair(&t, &r.units[0], &n, ROLE_MEMBER, ROLE_LEAD, false, &b);
	CHECK(b.continuity == 2);
	CHECK(score_can_lead(&t, &r.units[0]) && !score_can_lead(&t, &r.units[2]));
	/* bonuses scaled by 1 + support (1.5), still non-increasing */
	score_target_bonus(&t, &n, bonus);
	CHECK(bonus[0] == 15 && bonus[1] == 5 && bonus[2] == -2.5);
	score_table_release(&t);
	registry_release(&r);
	buf_release(&why);
}

static void test_previous_round(void)
{
	struct registry r;
	struct bf_round *rd;
	struct bf_group *g;
	size_t cur, prev;

	fixture_build(&r);
	rd = registry_add(&r, &model_rounds);
	rd->name = "Q";
	rd->start = fixture_day("2026-11-16");
	rd->end = fixture_day("2029-12-31");
	rd->cycle_years = 3;
	g = registry_add(&r, &model_groups);
	g->id = "H1";
	g->round = "Q";
	g->target = "440881";
	registry_index(&r);
	cur = registry_find_round(&r, "Q");
	prev = score_previous_round(&r, cur);
	CHECK(prev == registry_find_round(&r, "R"));
	CHECK(score_previous_round(&r, prev) == REG_NONE);
	CHECK_INT(score_previous_role(&r, prev, registry_find_target(&r, "440881"),
				      registry_find_unit(&r, "U1")), ROLE_LEAD);
	CHECK_INT(score_previous_role(&r, prev, registry_find_target(&r, "440881"),
				      registry_find_unit(&r, "U3")), -1);
	registry_release(&r);
}

const struct unit_test score_tests[] = {
	{ "score: parse the needs table", test_parse },
	{ "score: table errors name the line", test_parse_errors },
	{ "score: needs from classes and indicators", test_needs },
	{ "score: pair scores and breakdowns", test_pairs },
	{ "score: previous round and continuity", test_previous_round },
	{ NULL, NULL },
};
