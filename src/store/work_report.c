/* work_report: the running sums and the county summary's lists in SQLite; see work_report.h.
 * Statements are prepared per call: a report runs a handful of them, and the answer is cached
 * above (app/work_report), so keeping them costs slots of the store's small statement cache
 * for nothing. */
#include "store/work_report.h"
#include "store/store_int.h"
#include <stdio.h>

enum bf_status work_report_begin(struct store *s, struct bf_err *err)
{
	return store_exec(s, "BEGIN", err);
}

void work_report_end(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

int64_t work_report_generation(struct store *s)
{
	sqlite3_stmt *st;
	int64_t g = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'work_generation'", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		g = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return g;
}

/* Each query's columns: target, sub, key, n, v0, v1, v2; ?1 round, ?2 target or NULL, ?3 the
 * day. [q][level]: by target and unit, by target and task, by target alone. */
static const char *const sums_sql[4][3] = {
	[WR_STATUS] = {
		"SELECT target, unit, status, n, 0, 0, 0 FROM work_sum_status_unit "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, task, status, n, 0, 0, 0 FROM work_sum_status_task "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, '', status, n, 0, 0, 0 FROM work_sum_status_target "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
	},
	[WR_MEASURE] = {
		"SELECT target, unit, measure, n, target_value, delivered_value, confirmed_value "
		"FROM work_sum_measure_unit WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, task, measure, n, target_value, delivered_value, confirmed_value "
		"FROM work_sum_measure_task WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, '', measure, n, target_value, delivered_value, confirmed_value "
		"FROM work_sum_measure_target WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
	},
	[WR_RESOURCE] = {
		"SELECT target, unit, kind, n, amount, 0, 0 FROM work_sum_resource_unit "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, task, kind, n, amount, 0, 0 FROM work_sum_resource_task "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
		"SELECT target, '', kind, n, amount, 0, 0 FROM work_sum_resource_target "
		"WHERE round = ?1 AND (?2 IS NULL OR target = ?2)",
	},
	/* two ranges of the index (round, status, due, target, unit, task): read only the index */
	[WR_OVERDUE] = {
		"SELECT target, unit, '', count(*), 0, 0, 0 FROM commitment INDEXED BY "
		"commitment_open WHERE round = ?1 AND status IN ('planned', 'in_progress') AND "
		"due < ?3 AND (?2 IS NULL OR target = ?2) GROUP BY target, unit",
		"SELECT target, task, '', count(*), 0, 0, 0 FROM commitment INDEXED BY "
		"commitment_open WHERE round = ?1 AND status IN ('planned', 'in_progress') AND "
		"due < ?3 AND (?2 IS NULL OR target = ?2) GROUP BY target, task",
		"SELECT target, '', '', count(*), 0, 0, 0 FROM commitment INDEXED BY "
		"commitment_open WHERE round = ?1 AND status IN ('planned', 'in_progress') AND "
		"due < ?3 AND (?2 IS NULL OR target = ?2) GROUP BY target",
	},
};

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static void bind_args(sqlite3_stmt *st, const char *round, const char *target, const char *day)
{
	sqlite3_bind_text(st, 1, round, -1, SQLITE_STATIC);
	if (target)
		sqlite3_bind_text(st, 2, target, -1, SQLITE_STATIC);
	if (day && sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
}

enum bf_status work_report_rows(struct store *s, enum wr_query q, enum wr_level level,
				const char *round, const char *target, const char *as_of,
				wr_row_fn fn, void *ctx, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sums_sql[q][level], -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the work's sums");
	bind_args(st, round, target, as_of);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct wr_row row = { col(st, 0), col(st, 1), col(st, 2), sqlite3_column_int64(st, 3),
				      { sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
					sqlite3_column_int64(st, 6) } };
		fn(ctx, &row);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read the work's sums");
	return BF_OK;
}

/* ?1 round, ?2 target, ?3 day, ?4 limit. */
static const char *const list_sql[] = {
	[WR_TASKS] = "SELECT code, domain, domain_zh, name_zh, name_en, verified FROM task "
		     "WHERE round = ?1 ORDER BY code LIMIT ?4",
	[WR_NEEDS] = "SELECT n.id, n.task, n.title, n.priority, (SELECT count(*) FROM commitment c "
		     "WHERE c.need = n.id) FROM need n WHERE n.round = ?1 AND n.target = ?2 "
		     "ORDER BY n.priority, n.id LIMIT ?4",
	[WR_POLICIES] = "SELECT p.id, p.unit, p.title, p.doc_no, p.date, p.sector, p.link FROM "
			"policy_target pt JOIN policy p ON p.id = pt.policy WHERE pt.target = ?2 "
			"AND p.round = ?1 ORDER BY p.date, p.id LIMIT ?4",
	[WR_LATE] = "SELECT id, unit, task, title, measure, target_value, delivered_value, due, "
		    "status FROM commitment WHERE round = ?1 AND target = ?2 AND status IN "
		    "('planned', 'in_progress') AND due < ?3 ORDER BY due, id LIMIT ?4",
};

enum bf_status work_report_list(struct store *s, enum wr_list list, const char *round,
				const char *target, const char *as_of, long limit,
				wr_cells_fn fn, void *ctx, struct bf_err *err)
{
	const char *cells[16];
	sqlite3_stmt *st;
	int rc, n;

	if (sqlite3_prepare_v2(s->db, list_sql[list], -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the work's lists");
	sqlite3_bind_text(st, 1, round, -1, SQLITE_STATIC);
	if (target)
		sqlite3_bind_text(st, 2, target, -1, SQLITE_STATIC);
	if (as_of)
		sqlite3_bind_text(st, 3, as_of, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, limit);
	n = sqlite3_column_count(st);
	if (n > 16)
		n = 16;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		fn(ctx, cells, n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read the work's lists");
	return BF_OK;
}
