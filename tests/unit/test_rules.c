/* Tests of src/core/rules on the in-memory fixture: each rule passes on the fixture and fires,
 * naming the right record, when the fixture is broken in one place. */
#include <stdio.h>
#include "unit.h"
#include "fixture.h"
#include "core/rules.h"

/* Indexes r, checks round R as of day, and returns how many violations rule tag has; the
 * first message of that rule is copied into msg. */
static size_t run(struct registry *r, const char *day, const char *tag, char *msg, size_t len)
{
	struct violations v;
	size_t n = 0;

	registry_index(r);
	violations_init(&v);
	rules_check(r, registry_find_round(r, "R"), fixture_day(day), &v);
	if (msg)
		msg[0] = '\0';
	for (size_t i = 0; i < v.n; i++) {
		if (tag && v.items[i].rule != (size_t)rules_find(tag))
			continue;
		if (n++ == 0 && msg)
			snprintf(msg, len, "%s %s: %s", v.items[i].subject, v.items[i].key,
				 v.items[i].message);
	}
	violations_release(&v);
	return n;
}

static void test_fixture_passes(void)
{
	struct registry r;
	fixture_build(&r);
	CHECK_INT(run(&r, "2025-01-01", NULL, NULL, 0), 0);
	registry_release(&r);
}

static void test_coverage(void)
{
	struct registry r;
	char msg[512];
	struct bf_target *t;

	fixture_build(&r);
	t = registry_add(&r, &model_targets);
	t->adcode = "441426";
	t->name_zh = "平远县";
	t->prefecture = "梅州市";
	CHECK_INT(run(&r, "2025-01-01", "coverage", msg, sizeof msg), 1);
	CHECK(strstr(msg, "target 441426: target 441426 平远县 has no group in round R") == msg);
	registry_release(&r);
}

static void test_two_leads(void)
{
	struct registry r;
	char msg[512];

	fixture_build(&r);
	fixture_member(&r, "G1", "U3", ROLE_LEAD);
	CHECK_INT(run(&r, "2025-01-01", "group-shape", msg, sizeof msg), 1);
	CHECK(strstr(msg, "group G1 (廉江市) has 2 lead units") != NULL);
	CHECK_INT(run(&r, "2025-01-01", "capacity", msg, sizeof msg), 1);
	CHECK(strstr(msg, "unit U3: unit U3 U3 is in 2 groups of round R") == msg);
	registry_release(&r);
}

static void test_capacity_two(void)
{
	struct registry r;

	fixture_build(&r);
	fixture_member(&r, "G2", "U1", ROLE_MEMBER);
	fixture_cadre(&r, "C9", "U1", "G2", RANK_SECTION, "2024-06-01", "2027-05-31");
	CHECK_INT(run(&r, "2025-01-01", "capacity", NULL, 0), 0);
	CHECK_INT(run(&r, "2025-01-01", NULL, NULL, 0), 0);
	registry_release(&r);
}

static void test_quota(void)
{
	struct registry r;
	char msg[512];

	fixture_build(&r);
	fixture_cadre(&r, "C5", "U2", "G1", RANK_MIDDLE, "2024-07-01", "2027-06-30");
	fixture_cadre(&r, "C6", "U2", "G1", RANK_MIDDLE, "2024-07-01", "2027-06-30");
	CHECK_INT(run(&r, "2025-01-01", "cadre-quota", msg, sizeof msg), 1);
	CHECK(strstr(msg, "member unit U2 U2 has 3 middle- or section-level cadres on post in "
			  "廉江市 (group G1) on 2025-01-01: it must have 1 or 2") != NULL);
	/* Before the lead's start there is no division-level cadre. */
	CHECK(run(&r, "2023-12-01", "cadre-quota", msg, sizeof msg) >= 1);
	CHECK(strstr(msg, "lead unit U1 U1 has 0 division-level cadres") != NULL);
	registry_release(&r);
}

static void test_outsider(void)
{
	struct registry r;
	char msg[512];

	fixture_build(&r);
	fixture_cadre(&r, "C7", "U4", "G1", RANK_SECTION, "2024-07-01", "2027-06-30");
	CHECK_INT(run(&r, "2025-01-01", "cadre-quota", msg, sizeof msg), 1);
	CHECK(strstr(msg, "cadre C7:") == msg);
	registry_release(&r);
}

static void test_terms(void)
{
	struct registry r;
	char msg[512];
	struct bf_cadre *c;

	fixture_build(&r);
	r.cadres[1].actual_end = fixture_day("2025-03-01"); /* C2 leaves early */
	CHECK_INT(run(&r, "2025-06-01", "term", msg, sizeof msg), 1);
	CHECK(strstr(msg, "cadre C2: cadre C2 C2 (U2, 廉江市) left on 2025-03-01 and no "
			  "successor is named") == msg);
	registry_release(&r);

	fixture_build(&r);
	r.cadres[1].actual_end = fixture_day("2025-03-01");
	c = fixture_cadre(&r, "C8", "U2", "G1", RANK_SECTION, "2025-03-02", "2028-03-01");
	c->predecessor = "C2";
	CHECK_INT(run(&r, "2025-06-01", "term", NULL, 0), 0);
	registry_release(&r);

	fixture_build(&r);
	r.cadres[0].planned_end = fixture_day("2027-01-01"); /* 3 years and a day */
	CHECK_INT(run(&r, "2025-01-01", "term", msg, sizeof msg), 1);
	CHECK(strstr(msg, "longer than the 3-year cycle") != NULL);
	registry_release(&r);
}

static void test_continuity(void)
{
	struct registry r;
	char msg[512];

	fixture_build(&r);
	r.cadres[1].planned_end = fixture_day("2027-01-15"); /* C2 leaves 15 days after C1 */
	r.cadres[1].start = fixture_day("2024-01-16");
	CHECK_INT(run(&r, "2025-01-01", "rotation-continuity", msg, sizeof msg), 1);
	CHECK(strstr(msg, "group G1: group G1 (廉江市): the lead cadre C1 C1 and 2 of the "
			  "group's 2 cadres leave between 2026-12-31 and 2027-03-31") == msg);
	registry_release(&r);
}

const struct unit_test rules_tests[] = {
	{ "core/rules fixture passes", test_fixture_passes },
	{ "core/rules coverage", test_coverage },
	{ "core/rules two leads and capacity", test_two_leads },
	{ "core/rules capacity 2 allowed", test_capacity_two },
	{ "core/rules cadre quota", test_quota },
	{ "core/rules cadre outside the group's units", test_outsider },
	{ "core/rules terms and successors", test_terms },
	{ "core/rules rotation continuity", test_continuity },
	{ NULL, NULL },
};
