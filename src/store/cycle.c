/* store/cycle: the reporting cycle in SQLite; see cycle.h. The small statements that run per
 * request (a report's figures, the lock check) are cached; the lists, built from their
 * filters, are prepared per call. */
#include "store/cycle.h"
#include "store/list.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_ROUND = STORE_Q_CYCLE, Q_ROUND_CYCLE, Q_ROUND_REPORTS, Q_GROUP, Q_MEMBER, Q_PERIOD_ROUND,
	Q_REPORT_FIND, Q_REPORT_INSERT, Q_FIG_COMMIT, Q_FIG_MEASURE, Q_FIG_KIND, Q_FIG_POLICY,
	Q_FIG_CADRE, Q_LOCK, Q_CONTRIB_PUT, Q_ATT_BYTES, Q_ATT_INSERT, Q_ATT_GET, Q_PERIOD_UPDATE,
	Q_TARGET_LOCKED, Q_END
};
_Static_assert(Q_END <= STORE_Q_CYCLE + 32, "store/cycle's statement range");

static void copy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	snprintf(dst, n, "%s", store_col_text(st, i));
}

/* Hands each row of st to fn as named cells. */
static enum bf_status rows(struct store *s, sqlite3_stmt *st, cyc_row_fn fn, void *ctx,
			   struct bf_err *err)
{
	return list_rows(s, st, fn, ctx, "cannot read the reports", err);
}

static enum bf_status done(struct store *s, sqlite3_stmt *st, const char *what,
			   struct bf_err *err)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, what);
}

/* ---- periods ------------------------------------------------------------------------- */

enum bf_status cyc_round_dates(struct store *s, const char *round, char start[11],
			       char end[11], struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_ROUND, "SELECT start, \"end\" FROM round WHERE name = ?");
	if (!st)
		return store_db_error(s, err, "cannot read the round");
	store_bind_text(st, 1, round);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return bf_err_set(err, BF_ENOTFOUND, "no round '%.60s'", round);
	}
	copy(start, 11, st, 0);
	copy(end, 11, st, 1);
	sqlite3_reset(st);
	return BF_OK;
}

bool cyc_round_cycle(struct store *s, const char *round, char kind[16], int *due_days)
{
	sqlite3_stmt *st = store_stmt(s, Q_ROUND_CYCLE,
				      "SELECT kind, due_days FROM round_cycle WHERE round = ?");
	bool found = false;
	if (!st)
		return false;
	store_bind_text(st, 1, round);
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy(kind, 16, st, 0);
		*due_days = sqlite3_column_int(st, 1);
		found = true;
	}
	sqlite3_reset(st);
	return found;
}

/* Calls fn(ctx, name) for each round the query names; fn may write. */
static enum bf_status each_round(struct store *s, const char *sql,
				 void (*fn)(void *, const char *), void *ctx, struct bf_err *err)
{
	return list_each_text(s, sql, NULL, fn, ctx, "cannot list the rounds", err);
}

enum bf_status cyc_rounds_without_periods(struct store *s, void (*fn)(void *, const char *),
					  void *ctx, struct bf_err *err)
{
	return each_round(s, "SELECT name FROM round WHERE name NOT IN (SELECT round FROM period) "
			     "ORDER BY name", fn, ctx, err);
}

enum bf_status cyc_rounds_moved(struct store *s, void (*fn)(void *, const char *), void *ctx,
				struct bf_err *err)
{
	return each_round(s, "SELECT r.name FROM round r JOIN (SELECT round, min(start) AS s, "
			     "max(\"end\") AS e FROM period GROUP BY round) p ON p.round = r.name "
			     "WHERE p.s <> r.start OR p.e <> r.\"end\" ORDER BY r.name", fn, ctx, err);
}

enum bf_status cyc_round_report_rows(struct store *s, const char *round, cyc_row_fn fn,
				     void *ctx, struct bf_err *err)
{
	sqlite3_stmt *st;
	enum bf_status rc;

	if (sqlite3_prepare_v2(s->db, "SELECT r.id, r.\"group\", r.status, p.name AS period_name, "
				      "p.start, p.\"end\" FROM group_report r JOIN period p ON "
				      "p.id = r.period WHERE p.round = ? ORDER BY r.id",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the round's reports");
	store_bind_text(st, 1, round);
	rc = rows(s, st, fn, ctx, err);
	sqlite3_finalize(st);
	return rc;
}

/* Runs st (round, name, start, end, due as ?1 to ?5) for each of the n periods. */
static enum bf_status put_periods(struct store *s, sqlite3_stmt *st, const char *round,
				  const struct cyc_period_row *r, size_t n, struct bf_err *err)
{
	enum bf_status rc = BF_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		sqlite3_reset(st);
		store_bind_text(st, 1, round);
		store_bind_text(st, 2, r[i].name);
		store_bind_text(st, 3, r[i].start);
		store_bind_text(st, 4, r[i].end);
		store_bind_text(st, 5, r[i].due);
		rc = done(s, st, "cannot write the periods", err);
	}
	return rc;
}

enum bf_status cyc_periods_merge(struct store *s, const char *round,
				 const struct cyc_period_row *r, size_t n, struct bf_err *err)
{
	static const char *const sql[] = {
		/* a period of the same name takes the new dates (its due too, when they change) */
		"UPDATE period SET start = ?3, \"end\" = ?4, due = ?5 WHERE round = ?1 AND "
		"name = ?2 AND (start <> ?3 OR \"end\" <> ?4)",
		"INSERT INTO period (round, name, start, \"end\", due) VALUES (?1, ?2, ?3, ?4, ?5) "
		"ON CONFLICT (round, name) DO NOTHING",
	};
	sqlite3_stmt *st = NULL, *del = NULL;
	enum bf_status rc = BF_OK;
	struct buf list = BUF_INIT;

	for (size_t q = 0; q < 2 && !rc; q++) {
		if (sqlite3_prepare_v2(s->db, sql[q], -1, &st, NULL) != SQLITE_OK) {
			rc = store_db_error(s, err, "cannot write the periods");
			break;
		}
		rc = put_periods(s, st, round, r, n, err);
		sqlite3_finalize(st);
	}
	/* the generator's names (2024Q1, 2024-03, 2024H1, 2024) need no JSON escaping */
	buf_addc(&list, '[');
	for (size_t i = 0; i < n; i++)
		buf_addf(&list, "%s\"%s\"", i ? "," : "", r[i].name);
	buf_addc(&list, ']');
	/* the periods the new cut does not hold (the caller has made sure no report is on one) */
	if (!rc && sqlite3_prepare_v2(s->db, "DELETE FROM period WHERE round = ? AND name NOT IN "
					     "(SELECT value FROM json_each(?))",
				      -1, &del, NULL) != SQLITE_OK)
		rc = store_db_error(s, err, "cannot write the periods");
	if (!rc) {
		store_bind_text(del, 1, round);
		store_bind_text(del, 2, buf_cstr(&list));
		rc = done(s, del, "cannot write the periods", err);
	}
	sqlite3_finalize(del);
	buf_release(&list);
	return rc;
}

int64_t cyc_round_reports(struct store *s, const char *round)
{
	sqlite3_stmt *st = store_stmt(s, Q_ROUND_REPORTS,
				      "SELECT count(*) FROM group_report r JOIN period p ON "
				      "p.id = r.period WHERE p.round = ?");
	if (!st)
		return -1;
	store_bind_text(st, 1, round);
	return store_step_int64(st, -1);
}

enum bf_status cyc_periods_replace(struct store *s, const char *round, const char *kind,
				   int due_days, const struct cyc_period_row *r, size_t n,
				   struct bf_err *err)
{
	sqlite3_stmt *st = NULL;
	enum bf_status rc;
	char sql[160];

	snprintf(sql, sizeof sql, "DELETE FROM period WHERE round = ?");
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot replace the periods");
	store_bind_text(st, 1, round);
	rc = done(s, st, "cannot replace the periods", err);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO round_cycle (round, kind, due_days) VALUES "
				      "(?, ?, ?) ON CONFLICT (round) DO UPDATE SET kind = "
				      "excluded.kind, due_days = excluded.due_days",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot record the round's cut");
	store_bind_text(st, 1, round);
	store_bind_text(st, 2, kind);
	sqlite3_bind_int(st, 3, due_days);
	rc = done(s, st, "cannot record the round's cut", err);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO period (round, name, start, \"end\", due) "
				      "VALUES (?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot write the periods");
	rc = put_periods(s, st, round, r, n, err);
	sqlite3_finalize(st);
	return rc;
}

enum bf_status cyc_periods_list(struct store *s, const char *round, int64_t id, cyc_row_fn fn,
				void *ctx, struct bf_err *err)
{
	sqlite3_stmt *st;
	enum bf_status rc;

	if (sqlite3_prepare_v2(
		    s->db,
		    "SELECT p.id, p.round, p.name, p.start, p.\"end\", p.due, "
		    "IFNULL(c.kind, 'quarterly') AS kind, "
		    "(SELECT count(*) FROM group_report r WHERE r.period = p.id) AS reports, "
		    "(SELECT count(*) FROM group_report r WHERE r.period = p.id AND r.status = "
		    "'draft') AS draft, "
		    "(SELECT count(*) FROM group_report r WHERE r.period = p.id AND r.status = "
		    "'submitted') AS submitted, "
		    "(SELECT count(*) FROM group_report r WHERE r.period = p.id AND r.status = "
		    "'returned') AS returned, "
		    "(SELECT count(*) FROM group_report r WHERE r.period = p.id AND r.status = "
		    "'approved') AS approved "
		    "FROM period p LEFT JOIN round_cycle c ON c.round = p.round "
		    "WHERE (?1 IS NULL OR p.round = ?1) AND (?2 = 0 OR p.id = ?2) "
		    "ORDER BY p.round, p.start",
		    -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot list the periods");
	store_bind_text(st, 1, round);
	sqlite3_bind_int64(st, 2, id);
	rc = rows(s, st, fn, ctx, err);
	sqlite3_finalize(st);
	return rc;
}

enum bf_status cyc_period_update(struct store *s, int64_t id, const char *name,
				 const char *due, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_PERIOD_UPDATE,
				      "UPDATE period SET name = IFNULL(?1, name), due = IFNULL(?2, "
				      "due) WHERE id = ?3");
	int rc;
	if (!st)
		return store_db_error(s, err, "cannot change the period");
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, due);
	sqlite3_bind_int64(st, 3, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT || sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
		return bf_err_set(err, BF_ECONFLICT, "another period of the round is named '%s'",
				  name ? name : "");
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot change the period");
	if (!sqlite3_changes(s->db))
		return bf_err_set(err, BF_ENOTFOUND, "no period %lld", (long long)id);
	return BF_OK;
}

/* ---- reports ---------------------------------------------------------------------------- */

bool cyc_group(struct store *s, const char *group, char round[64], char target[16])
{
	sqlite3_stmt *st = store_stmt(s, Q_GROUP, "SELECT round, target FROM grp WHERE id = ?");
	bool found = false;
	if (!st)
		return false;
	store_bind_text(st, 1, group);
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy(round, 64, st, 0);
		copy(target, 16, st, 1);
		found = true;
	}
	sqlite3_reset(st);
	return found;
}

int cyc_member_role(struct store *s, const char *group, const char *unit)
{
	sqlite3_stmt *st = store_stmt(s, Q_MEMBER, "SELECT role = 'lead' FROM member WHERE "
						   "\"group\" = ? AND unit = ?");
	int role = -1;
	if (!st || !unit)
		return -1;
	store_bind_text(st, 1, group);
	store_bind_text(st, 2, unit);
	if (sqlite3_step(st) == SQLITE_ROW)
		role = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return role;
}

bool cyc_period_round(struct store *s, int64_t period, char round[64])
{
	sqlite3_stmt *st = store_stmt(s, Q_PERIOD_ROUND, "SELECT round FROM period WHERE id = ?");
	bool found = false;
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, period);
	if (sqlite3_step(st) == SQLITE_ROW) {
		copy(round, 64, st, 0);
		found = true;
	}
	sqlite3_reset(st);
	return found;
}

int64_t cyc_report_find(struct store *s, const char *group, int64_t period)
{
	sqlite3_stmt *st = store_stmt(s, Q_REPORT_FIND, "SELECT id FROM group_report WHERE "
							"\"group\" = ? AND period = ?");
	if (!st)
		return 0;
	store_bind_text(st, 1, group);
	sqlite3_bind_int64(st, 2, period);
	return store_step_int64(st, 0);
}

enum bf_status cyc_report_insert(struct store *s, const char *group, int64_t period,
				 const char *now, const char *account, int64_t *id,
				 struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_REPORT_INSERT,
				      "INSERT INTO group_report (\"group\", period, created, account, "
				      "updated) VALUES (?1, ?2, ?3, ?4, ?3)");
	enum bf_status rc;
	if (!st)
		return store_db_error(s, err, "cannot write the report");
	store_bind_text(st, 1, group);
	sqlite3_bind_int64(st, 2, period);
	store_bind_text(st, 3, now);
	store_bind_text(st, 4, account);
	rc = done(s, st, "cannot write the report", err);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

/* The WHERE clause of a list, from its filters. */
static void where(struct list_where *w, const struct cyc_filter *f)
{
	/* With a prefecture, its few groups (index target_prefecture) lead the search: "+" keeps
	 * round and status from choosing the period's index, which would read the round's every
	 * report (bench/cycle.py, docs/performance.md). */
	list_cond_if(w, f->prefecture ? "+p.round = ?" : "p.round = ?", f->round);
	list_cond_if(w, f->prefecture ? "+r.status = ?" : "r.status = ?", f->status);
	list_cond_if(w, "r.\"group\" = ?", f->group);
	list_cond_if(w, "g.target = ?", f->target);
	list_cond_if(w, "r.\"group\" IN (SELECT g2.id FROM target t2 JOIN grp g2 ON "
			 "g2.target = t2.adcode WHERE t2.prefecture = ?)", f->prefecture);
	list_cond_if(w, "r.\"group\" IN (SELECT \"group\" FROM member WHERE unit = ?)",
		      f->scope_unit);
	list_cond_if(w, "g.target = ?", f->scope_target);
	if (f->period)
		list_condf(w, "r.period = %lld", (long long)f->period);
	if (f->id)
		list_condf(w, "r.id = %lld", (long long)f->id);
	if (f->nids) {
		list_condf(w, "r.id IN (");
		for (size_t i = 0; i < f->nids; i++)
			buf_addf(&w->sql, "%s%lld", i ? "," : "", (long long)f->ids[i]);
		buf_adds(&w->sql, ")");
	}
}

#define REPORT_FROM                                                                           \
	" FROM group_report r JOIN period p ON p.id = r.period JOIN grp g ON g.id = r.\"group\" " \
	"JOIN target t ON t.adcode = g.target"

enum bf_status cyc_reports_list(struct store *s, const struct cyc_filter *f, cyc_row_fn fn,
				void *ctx, int64_t *total, struct bf_err *err)
{
	struct list_where w = LIST_WHERE_INIT;
	struct buf sql = BUF_INIT;
	enum bf_status rc;

	where(&w, f);
	/* the page's ids first, from the filter and the sort's keys alone; the columns (the
	 * lead, the counts, the frozen figures) then for those rows only; today is the
	 * parameter after the filter's */
	buf_addf(&sql,
		 "SELECT r.id, r.\"group\" AS \"group\", p.round, g.target, t.name_zh AS "
		 "target_name, t.prefecture, (SELECT unit FROM member m WHERE m.\"group\" = "
		 "r.\"group\" AND m.role = 'lead' LIMIT 1) AS lead, r.period, p.name AS period_name, "
		 "p.start, p.\"end\", p.due, r.status, "
		 "(CASE WHEN r.submitted IS NOT NULL THEN substr(r.submitted, 1, 10) > p.due "
		 "ELSE ?%d > p.due END) AS late, r.reason, r.problems, r.next_steps, r.figures, "
		 "r.created, r.account, r.updated, r.submitted, r.submitted_by, r.decided, "
		 "r.decided_by, (SELECT count(*) FROM report_contribution c WHERE c.report = r.id) "
		 "AS contributions, (SELECT count(*) FROM report_attachment a WHERE a.report = "
		 "r.id) AS attachments" REPORT_FROM " WHERE r.id IN (SELECT r.id" REPORT_FROM
		 "%s ORDER BY p.start DESC, r.\"group\", r.id LIMIT %ld OFFSET %ld) "
		 "ORDER BY p.start DESC, r.\"group\", r.id",
		 w.n + 1, buf_cstr(&w.sql), LIST_LIMIT(f->limit), f->offset);
	rc = list_run(s, &w, REPORT_FROM, buf_cstr(&sql), f->today, fn, ctx, total,
		      "cannot list the reports", err);
	buf_release(&sql);
	list_where_release(&w);
	return rc;
}

enum bf_status cyc_report_update(struct store *s, int64_t id, const struct cyc_report_set *v,
				 const char *now, struct bf_err *err)
{
	sqlite3_stmt *st;
	enum bf_status rc;

	if (sqlite3_prepare_v2(
		    s->db,
		    "UPDATE group_report SET status = IFNULL(?1, status), problems = IFNULL(?2, "
		    "problems), next_steps = IFNULL(?3, next_steps), reason = IFNULL(?4, reason), "
		    "figures = CASE WHEN ?5 THEN NULL ELSE IFNULL(?6, figures) END, "
		    "submitted = IFNULL(?7, submitted), submitted_by = IFNULL(?8, submitted_by), "
		    "decided = IFNULL(?9, decided), decided_by = IFNULL(?10, decided_by), "
		    "updated = ?11 WHERE id = ?12",
		    -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot change the report");
	store_bind_text(st, 1, v->status);
	store_bind_text(st, 2, v->problems);
	store_bind_text(st, 3, v->next_steps);
	store_bind_text(st, 4, v->reason);
	sqlite3_bind_int(st, 5, v->clear_figures);
	store_bind_text(st, 6, v->figures);
	store_bind_text(st, 7, v->submitted);
	store_bind_text(st, 8, v->submitted_by);
	store_bind_text(st, 9, v->decided);
	store_bind_text(st, 10, v->decided_by);
	store_bind_text(st, 11, now);
	sqlite3_bind_int64(st, 12, id);
	rc = done(s, st, "cannot change the report", err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- figures ------------------------------------------------------------------------------ */

static sqlite3_stmt *fig_stmt(struct store *s, int q, const char *sql, const char *round,
			      const char *target, const char *start, const char *end)
{
	sqlite3_stmt *st = store_stmt(s, q, sql);
	if (!st)
		return NULL;
	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *n = sqlite3_bind_parameter_name(st, i);
		store_bind_text(st, i, strcmp(n, ":round") == 0 ? round : strcmp(n, ":target") == 0 ? target
			   : strcmp(n, ":start") == 0 ? start : end);
	}
	return st;
}

enum bf_status cyc_figures(struct store *s, const char *round, const char *target,
			   const char *group, const char *start, const char *end,
			   struct cyc_figures *f, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof *f);
	st = fig_stmt(s, Q_FIG_COMMIT,
		      "SELECT IFNULL(sum(substr(created, 1, 10) BETWEEN :start AND :end), 0), "
		      "IFNULL(sum(delivered_on BETWEEN :start AND :end), 0), "
		      "IFNULL(sum(confirmed_on BETWEEN :start AND :end), 0), "
		      "IFNULL(sum(status IN ('planned', 'in_progress') AND due <= :end), 0) "
		      "FROM commitment WHERE target = :target AND round = :round",
		      round, target, start, end);
	if (!st || sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	f->created = sqlite3_column_int64(st, 0);
	f->delivered = sqlite3_column_int64(st, 1);
	f->confirmed = sqlite3_column_int64(st, 2);
	f->open_due = sqlite3_column_int64(st, 3);
	sqlite3_reset(st);
	st = fig_stmt(s, Q_FIG_MEASURE,
		      "SELECT measure, count(*), sum(delivered_value) FROM commitment WHERE "
		      "target = :target AND round = :round AND delivered_on BETWEEN :start AND "
		      ":end GROUP BY measure ORDER BY measure",
		      round, target, start, end);
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW && f->nmeasure < CYC_MAX_MEASURES) {
		copy(f->measure[f->nmeasure].name, sizeof f->measure[0].name, st, 0);
		f->measure[f->nmeasure].n = sqlite3_column_int64(st, 1);
		f->measure[f->nmeasure++].value = sqlite3_column_int64(st, 2);
	}
	if (!st)
		goto fail;
	sqlite3_reset(st);
	st = fig_stmt(s, Q_FIG_KIND,
		      "SELECT kind, count(*), sum(amount) FROM resource WHERE target = :target "
		      "AND date BETWEEN :start AND :end AND round = :round GROUP BY kind "
		      "ORDER BY kind",
		      round, target, start, end);
	while (st && sqlite3_step(st) == SQLITE_ROW && f->nkind < CYC_MAX_KINDS) {
		copy(f->kind[f->nkind].name, sizeof f->kind[0].name, st, 0);
		f->kind[f->nkind].n = sqlite3_column_int64(st, 1);
		f->kind[f->nkind++].amount = sqlite3_column_int64(st, 2);
	}
	if (!st)
		goto fail;
	sqlite3_reset(st);
	st = fig_stmt(s, Q_FIG_POLICY,
		      "SELECT count(*) FROM policy_target pt JOIN policy p ON p.id = pt.policy "
		      "WHERE pt.target = :target AND p.round = :round AND p.date BETWEEN :start "
		      "AND :end",
		      round, target, start, end);
	if (!st || sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	f->policies = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	st = store_stmt(s, Q_FIG_CADRE,
			"SELECT IFNULL(sum(start BETWEEN ?2 AND ?3), 0), "
			"IFNULL(sum(IFNULL(actual_end, planned_end) BETWEEN ?2 AND ?3), 0), "
			"IFNULL(sum(start <= ?3 AND IFNULL(actual_end, planned_end) >= ?3), 0) "
			"FROM cadre WHERE \"group\" = ?1");
	if (!st)
		goto fail;
	store_bind_text(st, 1, group);
	store_bind_text(st, 2, start);
	store_bind_text(st, 3, end);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	f->arrived = sqlite3_column_int64(st, 0);
	f->left = sqlite3_column_int64(st, 1);
	f->on_post = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	return BF_OK;
fail:
	if (st)
		sqlite3_reset(st);
	return store_db_error(s, err, "cannot count the report's figures");
}

int64_t cyc_lock_find(struct store *s, const char *target, const char *day, char group[64],
		      char period[32], char start[11], char end[11])
{
	sqlite3_stmt *st = store_stmt(
		s, Q_LOCK,
		"SELECT r.id, r.\"group\", p.name, p.start, p.\"end\" FROM grp g JOIN group_report r "
		"ON r.\"group\" = g.id JOIN period p ON p.id = r.period WHERE g.target = ?1 AND "
		"r.status = 'approved' AND p.start <= ?2 AND p.\"end\" >= ?2 LIMIT 1");
	int64_t id = 0;
	if (!st || !target || !day)
		return 0;
	store_bind_text(st, 1, target);
	store_bind_text(st, 2, day);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		copy(group, 64, st, 1);
		copy(period, 32, st, 2);
		copy(start, 11, st, 3);
		copy(end, 11, st, 4);
	}
	sqlite3_reset(st);
	return id;
}

bool cyc_target_locked(struct store *s, const char *target)
{
	sqlite3_stmt *st = store_stmt(s, Q_TARGET_LOCKED,
				      "SELECT 1 FROM grp g JOIN group_report r ON r.\"group\" = g.id "
				      "WHERE g.target = ? AND r.status = 'approved' LIMIT 1");
	bool yes = false;
	if (!st || !target)
		return false;
	store_bind_text(st, 1, target);
	yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return yes;
}

/* ---- paragraphs and attachments -------------------------------------------------------- */

enum bf_status cyc_contribution_put(struct store *s, int64_t report, const char *unit,
				    const char *txt, const char *now, const char *account,
				    struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_CONTRIB_PUT,
				      "INSERT INTO report_contribution (report, unit, text, updated, "
				      "account) VALUES (?, ?, ?, ?, ?) ON CONFLICT (report, unit) DO "
				      "UPDATE SET text = excluded.text, updated = excluded.updated, "
				      "account = excluded.account");
	if (!st)
		return store_db_error(s, err, "cannot write the paragraph");
	sqlite3_bind_int64(st, 1, report);
	store_bind_text(st, 2, unit);
	store_bind_text(st, 3, txt);
	store_bind_text(st, 4, now);
	store_bind_text(st, 5, account);
	return done(s, st, "cannot write the paragraph", err);
}

static enum bf_status list_of(struct store *s, const char *sql, int64_t report, cyc_row_fn fn,
			      void *ctx, struct bf_err *err)
{
	sqlite3_stmt *st;
	enum bf_status rc;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the report");
	sqlite3_bind_int64(st, 1, report);
	rc = rows(s, st, fn, ctx, err);
	sqlite3_finalize(st);
	return rc;
}

enum bf_status cyc_contributions(struct store *s, int64_t report, cyc_row_fn fn, void *ctx,
				 struct bf_err *err)
{
	return list_of(s, "SELECT c.unit, u.name_zh AS unit_name, c.text, c.updated, c.account "
			  "FROM report_contribution c LEFT JOIN unit u ON u.code = c.unit WHERE "
			  "c.report = ? ORDER BY c.unit",
		       report, fn, ctx, err);
}

int64_t cyc_attachment_bytes(struct store *s, int64_t report)
{
	sqlite3_stmt *st = store_stmt(s, Q_ATT_BYTES, "SELECT IFNULL(sum(size), 0) FROM "
						      "report_attachment WHERE report = ?");
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, report);
	return store_step_int64(st, 0);
}

enum bf_status cyc_attachment_insert(struct store *s, int64_t report, const char *unit,
				     const char *name, const char *mime, const void *data,
				     size_t len, const char *now, const char *account,
				     int64_t *id, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_ATT_INSERT,
				      "INSERT INTO report_attachment (report, unit, name, mime, size, "
				      "data, created, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	enum bf_status rc;
	if (!st)
		return store_db_error(s, err, "cannot store the attachment");
	sqlite3_bind_int64(st, 1, report);
	store_bind_text(st, 2, unit);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, mime);
	sqlite3_bind_int64(st, 5, (int64_t)len);
	sqlite3_bind_blob64(st, 6, data, len, SQLITE_STATIC);
	store_bind_text(st, 7, now);
	store_bind_text(st, 8, account);
	rc = done(s, st, "cannot store the attachment", err);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc;
}

enum bf_status cyc_attachments(struct store *s, int64_t report, cyc_row_fn fn, void *ctx,
			       struct bf_err *err)
{
	return list_of(s, "SELECT id, report, unit, name, mime, size, created, account FROM "
			  "report_attachment WHERE report = ? ORDER BY id",
		       report, fn, ctx, err);
}

enum bf_status cyc_attachment_get(struct store *s, int64_t id, int64_t *report, char name[256],
				  char mime[100], void **data, size_t *len, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_ATT_GET, "SELECT report, name, mime, data FROM "
						    "report_attachment WHERE id = ?");
	if (!st)
		return store_db_error(s, err, "cannot read the attachment");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return bf_err_set(err, BF_ENOTFOUND, "no attachment %lld", (long long)id);
	}
	*report = sqlite3_column_int64(st, 0);
	copy(name, 256, st, 1);
	copy(mime, 100, st, 2);
	*len = (size_t)sqlite3_column_bytes(st, 3);
	*data = xmalloc(*len + 1);
	if (*len)
		memcpy(*data, sqlite3_column_blob(st, 3), *len);
	sqlite3_reset(st);
	return BF_OK;
}
