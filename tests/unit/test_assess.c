/* Unit tests of core/assess: the window of a year's and a round's assessment, the grades,
 * a report's verdict against its due date, the change in percent, and who reads and writes. */
#include <stdio.h>
#include "core/assess.h"
#include "unit.h"

static bf_day day(const char *s)
{
	bf_day d = BF_DAY_NONE;
	date_parse(s, &d);
	return d;
}

static void test_window(void)
{
	bf_day rs = day("2023-11-16"), re = day("2026-12-31"), s, e;
	struct bf_err err;

	bf_err_init(&err);
	/* the first year is clipped to the round's start */
	CHECK_INT(assess_window(AK_YEAR, 2023, rs, re, &s, &e, &err), BF_OK);
	CHECK_INT(s, day("2023-11-16"));
	CHECK_INT(e, day("2023-12-31"));
	CHECK_INT(assess_window(AK_YEAR, 2024, rs, re, &s, &e, &err), BF_OK);
	CHECK_INT(s, day("2024-01-01"));
	CHECK_INT(e, day("2024-12-31"));
	CHECK_INT(assess_window(AK_ROUND, 0, rs, re, &s, &e, &err), BF_OK);
	CHECK_INT(s, rs);
	CHECK_INT(e, re);
	/* a year outside the round, and a round's assessment given a year, name the field */
	CHECK_INT(assess_window(AK_YEAR, 2027, rs, re, &s, &e, &err), BF_EINPUT);
	CHECK(strstr(bf_err_msg(&err), "year: give a year of the round, 2023 to 2026") != NULL);
	CHECK(bf_err_msg_zh(&err) && strstr(bf_err_msg_zh(&err), "year：") != NULL);
	bf_err_release(&err);
	CHECK_INT(assess_window(AK_YEAR, 2022, rs, re, &s, &e, &err), BF_EINPUT);
	bf_err_release(&err);
	CHECK_INT(assess_window(AK_YEAR, 0, rs, re, &s, &e, &err), BF_EINPUT);
	bf_err_release(&err);
	CHECK_INT(assess_window(AK_ROUND, 2024, rs, re, &s, &e, &err), BF_EINPUT);
	bf_err_release(&err);
}

static void test_grades_kinds(void)
{
	CHECK_INT(assess_grade_find("优秀"), 0);
	CHECK_INT(assess_grade_find("较差"), 3);
	CHECK_INT(assess_grade_find("很好"), -1);
	CHECK_INT(assess_grade_find("excellent"), -1); /* the office writes the Chinese words */
	CHECK_INT(assess_grade_find(NULL), -1);
	CHECK_INT(assess_kind_find("year"), AK_YEAR);
	CHECK_INT(assess_kind_find("round"), AK_ROUND);
	CHECK_INT(assess_kind_find("quarter"), -1);
}

static void test_verdict(void)
{
	bf_day due = day("2024-04-10"), today = day("2026-12-02");
	CHECK_INT(assess_report_verdict(day("2024-04-10"), due, today), AV_ON_TIME);
	CHECK_INT(assess_report_verdict(day("2024-04-11"), due, today), AV_LATE);
	CHECK_INT(assess_report_verdict(BF_DAY_NONE, due, today), AV_MISSING);
	CHECK_INT(assess_report_verdict(BF_DAY_NONE, due, due), AV_NOT_DUE); /* due today */
	CHECK_INT(assess_report_verdict(BF_DAY_NONE, due, due + 1), AV_MISSING);
}

static void test_change_pct(void)
{
	double p = 0;
	CHECK(assess_change_pct(400, 460, &p));
	CHECK(p == 15.0);
	CHECK(assess_change_pct(3, 4, &p));
	CHECK(p == 33.33);
	CHECK(assess_change_pct(100, 90, &p));
	CHECK(p == -10.0);
	CHECK(!assess_change_pct(0, 5, &p));
}

static void test_who(void)
{
	struct principal admin = { "a", ACC_ADMIN, NULL, NULL },
			 planner = { "p", ACC_PLANNER, NULL, NULL },
			 unit = { "u", ACC_UNIT, "U048", NULL },
			 county = { "c", ACC_COUNTY, NULL, "440881" },
			 auditor = { "x", ACC_AUDITOR, NULL, NULL };
	CHECK(assess_may_write(&admin));
	CHECK(assess_may_write(&planner));
	CHECK(!assess_may_write(&unit));
	CHECK(!assess_may_write(&county));
	CHECK(!assess_may_write(&auditor));
	CHECK_INT(assess_read_scope(&admin), SCOPE_ALL);
	CHECK_INT(assess_read_scope(&auditor), SCOPE_ALL);
	CHECK_INT(assess_read_scope(&unit), SCOPE_UNIT);
	CHECK_INT(assess_read_scope(&county), SCOPE_TARGET);
}

const struct unit_test assess_tests[] = {
	{ "assess: window of a year and of the round", test_window },
	{ "assess: grades and kinds", test_grades_kinds },
	{ "assess: report on time, late, missing, not due", test_verdict },
	{ "assess: change in percent", test_change_pct },
	{ "assess: who reads and writes", test_who },
	{ NULL, NULL },
};
