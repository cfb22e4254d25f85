/* store/assess: the SQL of the assessments (schema v6 §7, docs/cycle.md): the assessment rows
 * (found, inserted, listed with their group's round, target and lead, graded), and the
 * evidence an assessment counts for its group's target within its window: the commitments due
 * in it (delivered and confirmed by its end, per measure target and delivered values), the
 * group's reports on the round's periods that start in it, and the target's and the
 * province's indicators. (Resources and policies by date come from store/cycle's figures, so
 * a report and an assessment count them alike.) Rows go to a callback as named cells
 * (store/cycle's struct cyc_cell); app/assess decides what they mean. */
#ifndef BF_STORE_ASSESS_H
#define BF_STORE_ASSESS_H
#include <stdint.h>
#include "store/cycle.h"

/* A read transaction (BEGIN, deferred: no write lock), so that a list's rows and their evidence
 * are counted in one state; end it with store_rollback. */
enum bf_status asr_read_begin(struct store *s, struct bf_err *err);
/* The assessment of group, kind and year (year 0 for a round's; 0: none). */
int64_t asr_find(struct store *s, const char *group, const char *kind, int year);
enum bf_status asr_insert(struct store *s, const char *group, const char *kind, int year,
			  const char *now, const char *account, int64_t *id, struct bf_err *err);
/* Calls fn(ctx, group) for each group of round, by id (names live until fn returns; the
 * statement is done before fn is called, so fn may write). */
enum bf_status asr_round_groups(struct store *s, const char *round,
				void (*fn)(void *, const char *), void *ctx, struct bf_err *err);

/* A list's filters (NULL or 0: none) and page; scope_unit: only the groups the unit is in;
 * scope_target: only that target's groups. grade "none": the ungraded only. */
struct asr_filter {
	const char *round, *kind, *group, *target, *prefecture, *grade, *scope_unit,
		*scope_target;
	int year;
	int64_t id;
	long limit, offset;
};
/* The matching assessments by round, group, kind (year before round) and year: id, group,
 * round, round_start, round_end, target, target_name, prefecture, lead, lead_name, kind,
 * year, grade, comment, evidence, created, account, graded, graded_by. *total: how many
 * match. (Never ordered by grade.) */
enum bf_status asr_list(struct store *s, const struct asr_filter *f, cyc_row_fn fn, void *ctx,
			int64_t *total, struct bf_err *err);
/* Sets grade, comment and evidence (each NULL: unchanged; clear_grade: grade and evidence to
 * NULL), graded and graded_by. */
enum bf_status asr_update(struct store *s, int64_t id, const char *grade, bool clear_grade,
			  const char *comment, const char *evidence, const char *now,
			  const char *by, struct bf_err *err);

/* The target's commitments of round due within [start, end]: due (all), dropped, delivered
 * (delivered or confirmed, delivered_on by end), confirmed (confirmed_on by end), open
 * (planned, in progress); per measure, the commitments not dropped: commitments,
 * target_value, delivered_value (their sums). */
#define ASR_MAX_MEASURES 32
struct asr_commitments {
	int64_t due, dropped, delivered, confirmed, open;
	struct { char name[48]; int64_t n, target, delivered; } measure[ASR_MAX_MEASURES];
	size_t nmeasure;
};
enum bf_status asr_commitments(struct store *s, const char *round, const char *target,
			       const char *start, const char *end, struct asr_commitments *c,
			       struct bf_err *err);
/* The round's periods that start within [start, end], by start, with the group's report on
 * each: period, period_name, start, end, due, report (NULL: none), status, submitted (NULL:
 * never). */
enum bf_status asr_reports(struct store *s, const char *group, const char *round,
			   const char *start, const char *end, cyc_row_fn fn, void *ctx,
			   struct bf_err *err);
/* The indicators of target and the province's of the same names, by scope (the target's
 * first), name and year: scope, name, year, value, unit. */
enum bf_status asr_indicators(struct store *s, const char *target, cyc_row_fn fn, void *ctx,
			      struct bf_err *err);

#endif
