/* work_report: the SQL of the work reports (schema v4's last section). Reads the running sums
 * that triggers keep on commitment and resource (by target with unit, by target with task,
 * by target), counts the overdue commitments of a day on the commitment_open index, and reads a
 * county's needs, policies and overdue commitments for its summary. Plain rows handed to a
 * callback, one at a time: app/work_report decides what they add up to. */
#ifndef BF_STORE_WORK_REPORT_H
#define BF_STORE_WORK_REPORT_H
#include <stdbool.h>
#include <stdint.h>
#include "store/store.h"

/* Which sums: commitments by status (n), by measure (n, v[0] target value, v[1] delivered,
 * v[2] confirmed; dropped left out), resources by kind (n, v[0] amount), the commitments
 * overdue on a day (n; key ""). */
enum wr_query { WR_STATUS, WR_MEASURE, WR_RESOURCE, WR_OVERDUE };

/* One sum: target, sub (the unit, or the task: "" for a resource without one), key (the
 * status, measure or kind). The strings live until the callback returns. */
struct wr_row {
	const char *target, *sub, *key;
	int64_t n, v[3];
};
typedef void (*wr_row_fn)(void *ctx, const struct wr_row *row);

/* A read transaction around several reads, so that they see one state of the database. */
enum bf_status work_report_begin(struct store *s, struct bf_err *err);
void work_report_end(struct store *s);
/* The work's change counter (meta 'work_generation'): -1 when absent. */
int64_t work_report_generation(struct store *s);

/* How fine the sums come: per target and unit, per target and task, per target (sub ""). */
enum wr_level { WR_UNIT, WR_TASK, WR_TARGET };
/* Calls fn for each sum of round at level, of target only when target is not NULL.
 * WR_OVERDUE counts the planned and in-progress commitments due before as_of (YYYY-MM-DD). */
enum bf_status work_report_rows(struct store *s, enum wr_query q, enum wr_level level,
				const char *round, const char *target, const char *as_of,
				wr_row_fn fn, void *ctx, struct bf_err *err);

/* Rows of text cells (NULL for SQL NULL) for the lists of a county's summary. */
typedef void (*wr_cells_fn)(void *ctx, const char *const *cells, int n);
enum wr_list {
	WR_TASKS,     /* round's tasks: code, domain, domain_zh, name_zh, name_en, verified */
	WR_NEEDS,     /* target's needs: id, task, title, priority, commitments (count) */
	WR_POLICIES,  /* policies serving target: id, unit, title, doc_no, date, sector, link */
	WR_LATE,      /* target's overdue commitments: id, unit, task, title, measure,
		       * target_value, delivered_value, due, status */
};
/* Calls fn for each row (at most limit) of list for round (and target, for every list but
 * WR_TASKS); WR_LATE as of as_of. */
enum bf_status work_report_list(struct store *s, enum wr_list list, const char *round,
				const char *target, const char *as_of, long limit,
				wr_cells_fn fn, void *ctx, struct bf_err *err);

#endif
