/* Tests of core/rotation: the hand-over day, named successors kept when earlier, `from` as
 * the earliest arrival, the lead's continuity and the half-in-90-days rule with the fewest
 * successors brought forward (the lead unit's first among equals). */
#include <stdio.h>
#include "unit.h"
#include "core/rotation.h"

static bf_day day(const char *s)
{
	bf_day d = BF_DAY_NONE;
	date_parse(s, &d);
	return d;
}

static const char *fmt(bf_day d)
{
	static char out[4][11];
	static int k;
	k = (k + 1) % 4;
	if (d == BF_DAY_NONE)
		return "none";
	date_format(d, out[k]);
	return out[k];
}

static struct rotation_departure dep(bool lead, const char *last, const char *named)
{
	return (struct rotation_departure){ lead, day(last), named ? day(named) : BF_DAY_NONE,
					    BF_DAY_NONE, ROT_HANDOVER };
}

/* One departure of a group of 3: the successor comes 14 days before; a named one arriving
 * earlier is kept, a later one is brought to the hand-over day; none before `from`. */
static void test_handover(void)
{
	struct rotation_opts o = { day("2026-11-17"), day("2026-11-17"), 14, 90 };
	struct rotation_group g = { 3, 1 };
	struct rotation_departure d[4] = { dep(false, "2026-12-19", NULL),
					   dep(false, "2026-12-19", "2026-12-01"),
					   dep(false, "2026-12-19", "2026-12-25"),
					   dep(false, "2026-11-20", NULL) };
	for (size_t i = 0; i < 4; i++) {
		rotation_plan(&o, &g, &d[i], 1);
	}
	CHECK_STR(fmt(d[0].arrival), "2026-12-06");
	CHECK_INT(d[0].why, ROT_HANDOVER);
	CHECK_STR(fmt(d[1].arrival), "2026-12-01");
	CHECK_INT(d[1].why, ROT_NAMED);
	CHECK_STR(fmt(d[2].arrival), "2026-12-06");
	CHECK_INT(d[2].why, ROT_HANDOVER);
	CHECK_STR(fmt(d[3].arrival), "2026-11-17");
	CHECK_INT(d[3].why, ROT_ASAP);
}

/* A group of 4 posts (the lead unit's 1): 3 leave on one day, none has a successor. Before:
 * the lead is lost the day after, and 3 > 2 losses in a span. The plan brings the lead's
 * successor forward by 90 days (the lead first among equals), the two others hand over. */
static void test_cluster(void)
{
	struct rotation_opts o = { day("2026-09-01"), day("2026-09-01"), 14, 90 };
	struct rotation_group g = { 4, 1 };
	struct rotation_departure d[3] = { dep(false, "2026-12-19", NULL),
					   dep(true, "2026-12-19", NULL),
					   dep(false, "2026-12-19", NULL) };
	struct rotation_judgement before, after;

	rotation_judge(&o, &g, d, 3, false, &before);
	CHECK_STR(fmt(before.lead_lost), "2026-12-20");
	CHECK_INT(before.losses, 3);
	CHECK_INT(before.limit, 2);
	CHECK_STR(fmt(before.window), "2026-09-21");
	CHECK(!before.ok);
	rotation_plan(&o, &g, d, 3);
	CHECK_INT(d[1].why, ROT_BATCH);
	CHECK_STR(fmt(d[1].arrival), "2026-09-21");
	CHECK_INT(d[0].why, ROT_HANDOVER);
	CHECK_STR(fmt(d[0].arrival), "2026-12-06");
	CHECK_INT(d[2].why, ROT_HANDOVER);
	rotation_judge(&o, &g, d, 3, true, &after);
	CHECK(after.lead_lost == BF_DAY_NONE);
	CHECK_INT(after.losses, 2);
	CHECK(after.ok);
}

/* The span rule counts departures within 90 days of each other: two apart by 100 days never
 * share a span, so a group of 2 posts keeps both hand-overs; 60 days apart they do not fit
 * in a limit of 1, and the later one is brought forward (its loss reaches further). */
static void test_span(void)
{
	struct rotation_opts o = { day("2026-01-01"), day("2026-01-01"), 14, 90 };
	struct rotation_group g = { 2, 0 };
	struct rotation_departure far[2] = { dep(false, "2026-06-30", NULL),
					     dep(false, "2026-10-08", NULL) };
	struct rotation_departure near[2] = { dep(false, "2026-06-30", NULL),
					      dep(false, "2026-08-29", NULL) };
	struct rotation_judgement j;

	rotation_plan(&o, &g, far, 2);
	CHECK_INT(far[0].why, ROT_HANDOVER);
	CHECK_INT(far[1].why, ROT_HANDOVER);
	rotation_plan(&o, &g, near, 2);
	CHECK_INT(near[0].why, ROT_HANDOVER);
	CHECK_INT(near[1].why, ROT_BATCH);
	CHECK_STR(fmt(near[1].arrival), "2026-06-01");
	rotation_judge(&o, &g, near, 2, true, &j);
	CHECK_INT(j.losses, 1);
	CHECK(j.ok);
	/* a named successor that already arrived is no loss at all */
	near[1] = dep(false, "2026-08-29", "2025-12-01");
	rotation_judge(&o, &g, near, 2, false, &j);
	CHECK_INT(j.losses, 1);
	CHECK(j.lead_lost == BF_DAY_NONE);
}

/* A lead unit with 2 cadres loses its lead only when both are gone without a successor;
 * the plan never leaves it without one. One post alone (limit 0) needs its successor a
 * whole span before; too late for that, it arrives on `from`. */
static void test_lead_and_one_post(void)
{
	struct rotation_opts o = { day("2026-11-01"), day("2026-11-01"), 14, 90 };
	struct rotation_group g2 = { 6, 2 }, g1 = { 1, 1 };
	struct rotation_departure two[2] = { dep(true, "2026-11-30", NULL),
					     dep(true, "2027-01-15", "2027-02-01") };
	struct rotation_departure one[1] = { dep(true, "2026-12-19", NULL) };
	struct rotation_judgement j;

	rotation_judge(&o, &g2, two, 2, false, &j);
	CHECK_STR(fmt(j.lead_lost), "2027-01-16");
	rotation_plan(&o, &g2, two, 2);
	CHECK_INT(two[1].why, ROT_HANDOVER);
	CHECK_STR(fmt(two[1].arrival), "2027-01-02");
	rotation_judge(&o, &g2, two, 2, true, &j);
	CHECK(j.lead_lost == BF_DAY_NONE);
	rotation_plan(&o, &g1, one, 1);
	CHECK_INT(one[0].why, ROT_BATCH);
	CHECK_STR(fmt(one[0].arrival), "2026-11-01");
	rotation_judge(&o, &g1, one, 1, true, &j);
	CHECK_INT(j.losses, 0);
	CHECK(j.ok);
}

/* With a notice of 30 days, departures within them cannot be covered: both of a group of 2
 * posts leave in 10 days, the successors arrive on the notice's end, the group is not kept
 * (and the plan ends: nothing more can be moved). */
static void test_notice(void)
{
	struct rotation_opts o = { day("2026-11-01"), day("2026-12-01"), 14, 90 };
	struct rotation_group g = { 2, 1 };
	struct rotation_departure d[2] = { dep(true, "2026-11-10", NULL),
					   dep(false, "2026-11-11", NULL) };
	struct rotation_judgement j;

	rotation_plan(&o, &g, d, 2);
	CHECK_STR(fmt(d[0].arrival), "2026-12-01");
	CHECK_STR(fmt(d[1].arrival), "2026-12-01");
	rotation_judge(&o, &g, d, 2, true, &j);
	CHECK_STR(fmt(j.lead_lost), "2026-11-11");
	CHECK_INT(j.losses, 2);
	CHECK(!j.ok);
}

const struct unit_test rotation_tests[] = {
	{ "rotation: the notice", test_notice },
	{ "rotation: hand-over day, named, asap", test_handover },
	{ "rotation: a cluster loses the lead and more than half", test_cluster },
	{ "rotation: departures within one span", test_span },
	{ "rotation: the lead unit, one post", test_lead_and_one_post },
	{ NULL, NULL },
};
