/* Tests of src/core/rules on the in-memory fixture: each rule passes on the fixture and fires,
 * naming the right record, when the fixture is broken in one place. */
#include <stdio.h>
#include "unit.h"
#include "fixture.h"
#include "core/rules.h"

/* Indexes r, checks round R as of day, and returns how many violations rule tag has; the
 * first message of that rule is copied into msg. */
static size_t run_window(struct registry *r, const char *day, long window, const char *tag,
			 char *msg, size_t len)
{
	struct violations v;
	struct rules_opts o = { window };
	size_t n = 0;

	registry_index(r);
	violations_init(&v);
	rules_check(r, registry_find_round(r, "R"), fixture_day(day), window < 0 ? NULL : &o, &v);
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

/* With the default end window. */
static size_t run(struct registry *r, const char *day, const char *tag, char *msg, size_t len)
{
	return run_window(r, day, -1, tag, msg, len);
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
	r.cadres[0].planned_end = fixture_day("2026-06-30"); /* C1 leaves mid-round, */
	r.cadres[1].planned_end = fixture_day("2026-07-15"); /* C2 15 days after */
	CHECK_INT(run(&r, "2025-01-01", "rotation-continuity", msg, sizeof msg), 1);
	CHECK(strstr(msg, "group G1: group G1 (廉江市): the lead cadre C1 C1 and 2 of the "
			  "group's 2 cadres leave between 2026-06-30 and 2026-09-28") == msg);
	registry_release(&r);

	/* leaving with the round (in its end window) is no rotation, unless the window is 0 */
	fixture_build(&r);
	r.cadres[1].planned_end = fixture_day("2027-01-15");
	r.cadres[1].start = fixture_day("2024-01-16");
	CHECK_INT(run(&r, "2025-01-01", "rotation-continuity", NULL, 0), 0);
	CHECK_INT(run_window(&r, "2025-01-01", 0, "rotation-continuity", msg, sizeof msg), 1);
	CHECK(strstr(msg, "leave between 2026-12-31 and 2027-03-31") != NULL);
	registry_release(&r);
}

/* A lead whose term ends in the round's last weeks needs no successor, and the post counts
 * as filled to the round's end; outside the window (or with window 0) both are findings. */
static void test_end_window(void)
{
	struct registry r;

	fixture_build(&r);
	r.cadres[0].planned_end = fixture_day("2026-12-19"); /* C1, G1's lead */
	CHECK_INT(run(&r, "2026-12-20", NULL, NULL, 0), 0);
	CHECK_INT(run(&r, "2026-12-31", NULL, NULL, 0), 0);
	CHECK_INT(run_window(&r, "2026-12-20", 0, "term", NULL, 0), 1);
	CHECK_INT(run_window(&r, "2026-12-20", 0, "cadre-quota", NULL, 0), 1);
	CHECK_INT(run_window(&r, "2026-12-20", 12, "term", NULL, 0), 1); /* the last 12 days */
	CHECK_INT(run_window(&r, "2026-12-20", 13, "term", NULL, 0), 0); /* 12-19 to 12-31 */
	registry_release(&r);

	fixture_build(&r);
	r.cadres[0].planned_end = fixture_day("2026-09-01"); /* before the 90-day window */
	CHECK_INT(run(&r, "2026-09-02", "term", NULL, 0), 1);
	CHECK_INT(run(&r, "2026-09-02", "cadre-quota", NULL, 0), 1);
	registry_release(&r);
}

/* Only a cadre of the same unit in the same target succeeds: another unit's cadre naming
 * C2 as predecessor does not clear C2's finding. */
static void test_successor_same_post(void)
{
	struct registry r;
	struct bf_cadre *c;

	fixture_build(&r);
	r.cadres[1].actual_end = fixture_day("2025-03-01"); /* C2 (U2, G1) */
	c = fixture_cadre(&r, "C8", "U1", "G1", RANK_SECTION, "2025-03-02", "2028-03-01");
	c->predecessor = "C2";
	CHECK_INT(run(&r, "2025-06-01", "term", NULL, 0), 1);
	registry_release(&r);

	fixture_build(&r);
	r.cadres[1].actual_end = fixture_day("2025-03-01");
	c = fixture_cadre(&r, "C8", "U2", "G2", RANK_SECTION, "2025-03-02", "2028-03-01");
	c->predecessor = "C2";
	CHECK_INT(run(&r, "2025-06-01", "term", NULL, 0), 1);
	registry_release(&r);
}

/* Outside the round nobody is on post: quota and continuity are not judged. */
static void test_outside_round(void)
{
	struct registry r;
	struct violations v;

	fixture_build(&r);
	registry_index(&r);
	violations_init(&v);
	rules_check(&r, registry_find_round(&r, "R"), fixture_day("2027-01-05"), NULL, &v);
	CHECK_INT(v.n, 0);
	CHECK(!(v.judged & 1u << rules_find("cadre-quota")));
	CHECK(!(v.judged & 1u << rules_find("rotation-continuity")));
	CHECK(v.judged & 1u << rules_find("coverage"));
	violations_release(&v);
	violations_init(&v);
	rules_check(&r, registry_find_round(&r, "R"), fixture_day("2020-01-01"), NULL, &v);
	CHECK_INT(v.n, 0);
	violations_release(&v);
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
	{ "core/rules the round's end window", test_end_window },
	{ "core/rules a successor holds the same post", test_successor_same_post },
	{ "core/rules outside the round", test_outside_round },
	{ NULL, NULL },
};
