/* assess: the rules of the year's and the round's assessment (issue 12 §7, docs/cycle.md).
 * The command office assesses each group (never a person) at each year's end of its round and
 * at the round's end: the window an assessment covers (a calendar year clipped to the round,
 * or the whole round), the four grades (优秀 良好 一般 较差), a report's verdict against its
 * period's due date (on time, late, missing, not yet due), an indicator's change in percent,
 * and who reads and writes assessments: the office (admin, planner) creates and grades, the
 * office and the auditor read all, a unit its own groups', a county its own target's. No
 * ranking: grades have no order here and nothing sorts by them. Pure: no I/O. */
#ifndef BF_ASSESS_H
#define BF_ASSESS_H
#include <stdbool.h>
#include "core/access.h"
#include "util/date.h"
#include "util/err.h"

enum assess_kind { AK_YEAR, AK_ROUND, AK_N };
extern const char *const assess_kinds[];    /* "year", "round", NULL-ended */
extern const char *const assess_kinds_zh[]; /* 年度, 轮次期末 */
int assess_kind_find(const char *s);

/* The grades, in the words the office writes (no order is implied: they are not ranks). */
#define ASSESS_NGRADES 4
extern const char *const assess_grades[];    /* 优秀, 良好, 一般, 较差, NULL-ended */
extern const char *const assess_grades_en[]; /* excellent, good, fair, poor */
/* The grade named s (-1: none). */
int assess_grade_find(const char *s);

/* The window [*start, *end] that an assessment of kind (and year, for AK_YEAR) covers in the
 * round [rstart, rend]: the calendar year clipped to the round, or the whole round.
 * BF_EINPUT, worded for the field "year" (English and Chinese), when the year lies outside
 * the round, or a round assessment is given a year (year != 0). */
enum bf_status assess_window(int kind, int year, bf_day rstart, bf_day rend, bf_day *start,
			     bf_day *end, struct bf_err *err);

/* A period's report as the assessment sees it: submitted (day of its last submission;
 * BF_DAY_NONE: never) by due; missing once due has passed on today without a submission. */
enum assess_verdict { AV_ON_TIME, AV_LATE, AV_MISSING, AV_NOT_DUE, AV_N };
extern const char *const assess_verdicts[]; /* "on_time", "late", "missing", "not_due" */
enum assess_verdict assess_report_verdict(bf_day submitted, bf_day due, bf_day today);

/* 100 * (to - from) / from rounded to hundredths; false when from is 0. */
bool assess_change_pct(double from, double to, double *pct);

/* Who reads which assessments: all (the office, the auditor), those of the unit's groups, or
 * of the county's target. */
enum acc_scope assess_read_scope(const struct principal *p);
/* Whether p may create assessments and grade them: the office (admin, planner). */
bool assess_may_write(const struct principal *p);

#endif
