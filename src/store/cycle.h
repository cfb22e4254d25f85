/* store/cycle: the SQL of the reporting cycle (schema v5): the rounds' periods and how each
 * round is cut, the group reports with their paragraphs and attachments, the figures a
 * report counts (by the work's dates within its period, for its group's target) and the
 * approved report that locks a target's day. Rows go to a callback as named, typed cells;
 * app/cycle decides what they mean. */
#ifndef BF_STORE_CYCLE_H
#define BF_STORE_CYCLE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* One cell of a row: its column's name and its value (type SQLITE_INTEGER, _TEXT, _NULL as
 * 1, 3, 5; text lives until the callback returns). */
struct cyc_cell {
	const char *name;
	int type;
	int64_t i;
	const char *s;
};
typedef void (*cyc_row_fn)(void *ctx, const struct cyc_cell *cells, int n);

/* ---- periods ------------------------------------------------------------------------- */

/* The round's start and end (YYYY-MM-DD); BF_ENOTFOUND if there is no such round. */
enum bf_status cyc_round_dates(struct store *s, const char *round, char start[11],
			       char end[11], struct bf_err *err);
/* The round's cut: kind and due days; false if it has none yet. */
bool cyc_round_cycle(struct store *s, const char *round, char kind[16], int *due_days);
/* Calls fn(ctx, round) for every round that has no periods (the names live until it
 * returns; fn must not write). */
enum bf_status cyc_rounds_without_periods(struct store *s, void (*fn)(void *, const char *),
					  void *ctx, struct bf_err *err);
/* Calls fn(ctx, round) for every round whose periods no longer span its dates (its start or
 * end has changed since they were cut); fn may write. */
enum bf_status cyc_rounds_moved(struct store *s, void (*fn)(void *, const char *), void *ctx,
				struct bf_err *err);
/* The reports on the round's periods: id, group, status, period_name, start, end. */
enum bf_status cyc_round_report_rows(struct store *s, const char *round, cyc_row_fn fn,
				     void *ctx, struct bf_err *err);
/* Reports on the round's periods (to refuse a new cut that would orphan them). */
int64_t cyc_round_reports(struct store *s, const char *round);
struct cyc_period_row {
	const char *name, *start, *end, *due;
};
/* Cuts round's periods again keeping each period whose name the new cut holds (its reports
 * stay on it; its dates and due follow the new cut when its dates change), adding the new
 * names and deleting the periods whose names it does not hold (the caller has made sure no
 * report is on one). */
enum bf_status cyc_periods_merge(struct store *s, const char *round,
				 const struct cyc_period_row *rows, size_t n, struct bf_err *err);
/* Replaces the round's periods with rows and records its cut (inside a transaction). */
enum bf_status cyc_periods_replace(struct store *s, const char *round, const char *kind,
				   int due_days, const struct cyc_period_row *rows, size_t n,
				   struct bf_err *err);
/* The periods (round NULL: all) with their reports by status: id, round, name, start, end,
 * due, kind, reports, draft, submitted, returned, approved. id > 0: that period only. */
enum bf_status cyc_periods_list(struct store *s, const char *round, int64_t id, cyc_row_fn fn,
				void *ctx, struct bf_err *err);
/* Changes a period's name and/or due date (NULL: unchanged); BF_ENOTFOUND if none. */
enum bf_status cyc_period_update(struct store *s, int64_t id, const char *name,
				 const char *due, struct bf_err *err);

/* ---- reports ---------------------------------------------------------------------------- */

/* A group's round and target; false if there is no such group. */
bool cyc_group(struct store *s, const char *group, char round[64], char target[16]);
/* The unit's role in the group: 1 lead, 0 member, -1 not in it. */
int cyc_member_role(struct store *s, const char *group, const char *unit);
/* A period's round (false: no such period). */
bool cyc_period_round(struct store *s, int64_t period, char round[64]);
/* The report of group and period (0: none). */
int64_t cyc_report_find(struct store *s, const char *group, int64_t period);
enum bf_status cyc_report_insert(struct store *s, const char *group, int64_t period,
				 const char *now, const char *account, int64_t *id,
				 struct bf_err *err);

/* A list's filters (NULL or 0: none) and page; scope_unit: only the groups the unit is in;
 * scope_target: only the groups of that target. ids: only these n reports. */
struct cyc_filter {
	const char *round, *status, *group, *target, *prefecture, *scope_unit, *scope_target;
	int64_t period, id;
	const int64_t *ids;
	size_t nids;
	long limit, offset;
	const char *today;       /* YYYY-MM-DD: a report not submitted after its due date is late */
};
/* The matching reports, newest period first then by group: id, group, round, target,
 * target_name, prefecture, lead (unit code), period, period_name, start, end, due, status,
 * late (0/1), reason, problems, next_steps, figures, created, account, updated, submitted,
 * submitted_by, decided, decided_by, contributions, attachments. *total: how many match. */
enum bf_status cyc_reports_list(struct store *s, const struct cyc_filter *f, cyc_row_fn fn,
				void *ctx, int64_t *total, struct bf_err *err);

/* Writes the report's fields that are not NULL (status, problems, next_steps, reason,
 * figures; submitted and decided with their by), and updated = now. clear_figures sets
 * figures to NULL. */
struct cyc_report_set {
	const char *status, *problems, *next_steps, *reason, *figures;
	bool clear_figures;
	const char *submitted, *submitted_by, *decided, *decided_by;
};
enum bf_status cyc_report_update(struct store *s, int64_t id, const struct cyc_report_set *v,
				 const char *now, struct bf_err *err);

/* The figures a report counts: the target's commitments of the round created, delivered and
 * confirmed within [start, end], and those still open (planned, in progress) due by end;
 * delivered values per measure; resources dated within it by kind; policies dated within it
 * that serve the target; the group's cadres arrived (start), left (actual or planned end)
 * within it, and on post at its end. */
#define CYC_MAX_MEASURES 32
#define CYC_MAX_KINDS 8
struct cyc_figures {
	int64_t created, delivered, confirmed, open_due;
	struct { char name[48]; int64_t n, value; } measure[CYC_MAX_MEASURES];
	size_t nmeasure;
	struct { char name[16]; int64_t n, amount; } kind[CYC_MAX_KINDS];
	size_t nkind;
	int64_t policies, arrived, left, on_post;
};
enum bf_status cyc_figures(struct store *s, const char *round, const char *target,
			   const char *group, const char *start, const char *end,
			   struct cyc_figures *f, struct bf_err *err);

/* Whether any approved report locks a period of target (a cheap test before the lock
 * check of each row of an import). */
bool cyc_target_locked(struct store *s, const char *target);
/* The approved report whose period holds day for target (0: none), with its group and its
 * period's name and dates. */
int64_t cyc_lock_find(struct store *s, const char *target, const char *day, char group[64],
		      char period[32], char start[11], char end[11]);

/* ---- paragraphs and attachments -------------------------------------------------------- */

enum bf_status cyc_contribution_put(struct store *s, int64_t report, const char *unit,
				    const char *text, const char *now, const char *account,
				    struct bf_err *err);
/* unit, unit_name, text, updated, account; by unit. */
enum bf_status cyc_contributions(struct store *s, int64_t report, cyc_row_fn fn, void *ctx,
				 struct bf_err *err);
/* Bytes already attached to the report. */
int64_t cyc_attachment_bytes(struct store *s, int64_t report);
enum bf_status cyc_attachment_insert(struct store *s, int64_t report, const char *unit,
				     const char *name, const char *mime, const void *data,
				     size_t len, const char *now, const char *account,
				     int64_t *id, struct bf_err *err);
/* id, report, unit, name, mime, size, created, account; by id. */
enum bf_status cyc_attachments(struct store *s, int64_t report, cyc_row_fn fn, void *ctx,
			       struct bf_err *err);
/* One attachment: its report, name, MIME type and bytes (malloc'ed into *data). */
enum bf_status cyc_attachment_get(struct store *s, int64_t id, int64_t *report, char name[256],
				  char mime[100], void **data, size_t *len, struct bf_err *err);

#endif
