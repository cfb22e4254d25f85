/* Tests of core/inbox: which kinds each role's inbox holds, when a report is due or overdue
 * (the window's edges), the items' order, titles and web addresses. */
#include <stdio.h>
#include <string.h>
#include "unit.h"
#include "core/inbox.h"

#define BIT(k) (1u << (k))

static bf_day day(const char *s)
{
	bf_day d = BF_DAY_NONE;
	date_parse(s, &d);
	return d;
}

static void test_kinds_of_roles(void)
{
	struct principal admin = { "a", ACC_ADMIN, NULL, NULL }, planner = { "p", ACC_PLANNER, NULL, NULL },
			 unit = { "u", ACC_UNIT, "U048", NULL }, county = { "c", ACC_COUNTY, NULL, "440881" },
			 auditor = { "x", ACC_AUDITOR, NULL, NULL };
	CHECK_INT(inbox_kinds_of(&admin), BIT(IK_REPORT_WAITING));
	CHECK_INT(inbox_kinds_of(&planner), BIT(IK_REPORT_WAITING));
	CHECK_INT(inbox_kinds_of(&unit), BIT(IK_REPORT_DUE) | BIT(IK_REPORT_OVERDUE) |
						BIT(IK_REPORT_RETURNED) | BIT(IK_COMMITMENT_OVERDUE) |
						BIT(IK_TERM_ENDING) | BIT(IK_FINDING));
	CHECK_INT(inbox_kinds_of(&county), BIT(IK_COMMITMENT_OVERDUE) | BIT(IK_CONFIRMATION));
	CHECK_INT(inbox_kinds_of(&auditor), 0);
	CHECK_INT(inbox_kind_find("term_ending"), IK_TERM_ENDING);
	CHECK_INT(inbox_kind_find("confirmation_waiting"), IK_CONFIRMATION);
	CHECK_INT(inbox_kind_find("overdue"), -1);
	CHECK_INT(inbox_kind_find(NULL), -1);
	for (int k = 0; k < IK_N; k++)
		CHECK(inbox_kinds[k] && inbox_kinds_zh[k] && inbox_kinds_en[k]);
	CHECK(inbox_kinds[IK_N] == NULL);
}

static void test_report_window(void)
{
	bf_day due = day("2024-04-10");
	CHECK_INT(inbox_report_kind(due, day("2024-04-11"), 14), IK_REPORT_OVERDUE);
	CHECK_INT(inbox_report_kind(due, day("2024-04-10"), 14), IK_REPORT_DUE); /* the day itself */
	CHECK_INT(inbox_report_kind(due, day("2024-03-27"), 14), IK_REPORT_DUE); /* 14 days ahead */
	CHECK_INT(inbox_report_kind(due, day("2024-03-26"), 14), -1);           /* 15 days ahead */
	CHECK_INT(inbox_report_kind(due, day("2024-04-10"), 0), IK_REPORT_DUE);
	CHECK_INT(inbox_report_kind(due, day("2024-04-09"), 0), -1);
	CHECK_INT(inbox_days(due, day("2024-04-13")), -3);
	CHECK_INT(inbox_days(due, day("2024-04-01")), 9);
}

static void test_titles_and_addresses(void)
{
	struct inbox b;
	struct inbox_item *it;
	struct buf zh = BUF_INIT, en = BUF_INIT, href = BUF_INIT;

	inbox_init(&b);
	it = inbox_add(&b, IK_REPORT_OVERDUE);
	it->group = "G2023-440881";
	it->target = "440881";
	it->target_zh = "廉江市";
	it->period = "2024Q1";
	it->period_id = 2;
	it->due = day("2024-04-10");
	inbox_title(it, day("2024-04-11"), &zh, &en);
	CHECK_STR(buf_cstr(&zh), "组团G2023-440881（廉江市）2024Q1报告已逾期1天（截止2024-04-10），尚未提交");
	CHECK_STR(buf_cstr(&en), "Group G2023-440881 (440881): the report for 2024Q1 is overdue by 1 "
				 "day (due 2024-04-10) and not submitted");
	CHECK_STR(inbox_href(it, &href), "group_report");
	CHECK_STR(buf_cstr(&href), "#/reports?group=G2023-440881&period=2");
	buf_reset(&href);
	it->id = "7";
	inbox_href(it, &href);
	CHECK_STR(buf_cstr(&href), "#/reports/7");

	it = inbox_add(&b, IK_TERM_ENDING);
	it->id = "C 1/é"; /* a key with characters an address must escape */
	it->label = "李明";
	it->group = "G1";
	it->due = day("2024-05-01");
	buf_reset(&href);
	CHECK_STR(inbox_href(it, &href), "cadre");
	CHECK_STR(buf_cstr(&href), "#/cadres/C%201%2F%C3%A9");

	it = inbox_add(&b, IK_FINDING);
	it->group = "G0";
	it->label = "x";
	it = inbox_add(&b, IK_COMMITMENT_OVERDUE);
	it->id = "3";
	it->due = day("2024-01-01");
	inbox_sort(&b);
	/* by due day, the earliest first; items without one last */
	CHECK_INT(b.items[0].kind, IK_COMMITMENT_OVERDUE);
	CHECK_INT(b.items[1].kind, IK_REPORT_OVERDUE);
	CHECK_INT(b.items[2].kind, IK_TERM_ENDING);
	CHECK_INT(b.items[3].kind, IK_FINDING);
	buf_release(&zh);
	buf_release(&en);
	buf_release(&href);
	inbox_release(&b);
}

/* The addresses a digest may go to: sane, bounded, nothing that breaks out of a header. */
static void test_email(void)
{
	char local[80], longest[300];
	static const char *const good[] = { "wang@gd.gov.cn", "a@b", "li.ming+cycle@stats.gd.gov.cn",
					    "x_y-z@u048.gd.test" };
	static const char *const bad[] = { "", "ab", "wang", "@gd.gov.cn", "wang@", "a@b@c",
					   "wang @gd.gov.cn", "x@y.cn>, z@w.cn", "\"w\"@gd.cn",
					   "w@gd.cn\r\nBcc: x@y.cn", ".wang@gd.cn", "wang.@gd.cn",
					   "wa..ng@gd.cn", "wang@.gd.cn", "wang@gd.cn.", "wang@gd..cn",
					   "w;x@gd.cn", "(w)@gd.cn", "w@[1.2.3.4]" };

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECK(inbox_email_ok(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(!inbox_email_ok(bad[i]));
	CHECK(!inbox_email_ok(NULL));
	memset(local, 'a', 64);
	strcpy(local + 64, "@gd.cn");
	CHECK(inbox_email_ok(local));            /* 64 before the @ */
	memset(local, 'a', 65);
	strcpy(local + 65, "@gd.cn");
	CHECK(!inbox_email_ok(local));           /* 65 */
	memset(longest, 'b', 254);
	memcpy(longest, "w@", 2);
	longest[254] = '\0';
	CHECK(inbox_email_ok(longest));          /* 254 in all */
	longest[254] = 'b';
	longest[255] = '\0';
	CHECK(!inbox_email_ok(longest));         /* 255 */
}

const struct unit_test inbox_tests[] = {
	{ "inbox: e-mail addresses", test_email },
	{ "inbox: the kinds of each role", test_kinds_of_roles },
	{ "inbox: a report's window, due and overdue", test_report_window },
	{ "inbox: titles, addresses, order", test_titles_and_addresses },
	{ NULL, NULL },
};
