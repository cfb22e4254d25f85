/* assess: the assessment's rules; see assess.h. */
#include "core/assess.h"
#include <math.h>
#include <string.h>

const char *const assess_kinds[] = { "year", "round", NULL };
const char *const assess_kinds_zh[] = { "年度", "轮次期末", NULL };
const char *const assess_grades[] = { "优秀", "良好", "一般", "较差", NULL };
const char *const assess_grades_en[] = { "excellent", "good", "fair", "poor", NULL };
const char *const assess_verdicts[] = { "on_time", "late", "missing", "not_due", NULL };

static int find(const char *const *words, const char *s)
{
	for (int i = 0; s && words[i]; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

int assess_kind_find(const char *s)
{
	return find(assess_kinds, s);
}

int assess_grade_find(const char *s)
{
	return find(assess_grades, s);
}

enum bf_status assess_window(int kind, int year, bf_day rstart, bf_day rend, bf_day *start,
			     bf_day *end, struct bf_err *err)
{
	int y0, y1, m, d;

	date_to_ymd(rstart, &y0, &m, &d);
	date_to_ymd(rend, &y1, &m, &d);
	if (kind == AK_ROUND) {
		if (year) {
			bf_err_set(err, BF_EINPUT, "year: a round assessment covers the whole round "
						   "(%d to %d): give no year",
				   y0, y1);
			bf_err_zh(err, "year：轮次期末考核覆盖整个轮次（%d年至%d年），不应给出年份", y0, y1);
			return BF_EINPUT;
		}
		*start = rstart;
		*end = rend;
		return BF_OK;
	}
	if (kind != AK_YEAR || year < y0 || year > y1) {
		bf_err_set(err, BF_EINPUT, "year: give a year of the round, %d to %d", y0, y1);
		bf_err_zh(err, "year：应为本轮次内的年份（%d年至%d年）", y0, y1);
		return BF_EINPUT;
	}
	*start = date_from_ymd(year, 1, 1);
	*end = date_from_ymd(year, 12, 31);
	if (*start < rstart)
		*start = rstart;
	if (*end > rend)
		*end = rend;
	return BF_OK;
}

enum assess_verdict assess_report_verdict(bf_day submitted, bf_day due, bf_day today)
{
	if (submitted != BF_DAY_NONE)
		return submitted <= due ? AV_ON_TIME : AV_LATE;
	return today > due ? AV_MISSING : AV_NOT_DUE;
}

bool assess_change_pct(double from, double to, double *pct)
{
	if (from == 0)
		return false;
	*pct = round(100.0 * (to - from) / from * 100.0) / 100.0;
	return true;
}

enum acc_scope assess_read_scope(const struct principal *p)
{
	switch (p->role) {
	case ACC_UNIT: return SCOPE_UNIT;
	case ACC_COUNTY: return SCOPE_TARGET;
	case ACC_ADMIN:
	case ACC_PLANNER:
	case ACC_AUDITOR: return SCOPE_ALL;
	default: return SCOPE_NONE;
	}
}

bool assess_may_write(const struct principal *p)
{
	return p->role == ACC_ADMIN || p->role == ACC_PLANNER;
}
