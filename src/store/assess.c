/* store/assess: the assessments in SQLite; see assess.h. The per-assessment evidence
 * statements are cached (a list counts them once per row); the list, built from its filters,
 * is prepared per call. */
#include "store/assess.h"
#include "store/list.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_FIND = STORE_Q_ASSESS, Q_INSERT, Q_COMMIT, Q_MEASURE, Q_REPORTS, Q_INDICATORS, Q_END
};
_Static_assert(Q_END <= STORE_Q_ASSESS + 32, "store/assess's statement range");

/* Hands each row of st to fn as named cells (as store/cycle does). */
static enum bf_status rows(struct store *s, sqlite3_stmt *st, cyc_row_fn fn, void *ctx,
			   struct bf_err *err)
{
	return list_rows(s, st, fn, ctx, "cannot read the assessments", err);
}

enum bf_status asr_read_begin(struct store *s, struct bf_err *err)
{
	return store_exec(s, "BEGIN", err);
}

int64_t asr_find(struct store *s, const char *group, const char *kind, int year)
{
	sqlite3_stmt *st = store_stmt(s, Q_FIND, "SELECT id FROM assessment WHERE \"group\" = ? "
						 "AND kind = ? AND IFNULL(year, 0) = ?");
	if (!st)
		return 0;
	store_bind_text(st, 1, group);
	store_bind_text(st, 2, kind);
	sqlite3_bind_int(st, 3, year);
	return store_step_int64(st, 0);
}

enum bf_status asr_insert(struct store *s, const char *group, const char *kind, int year,
			  const char *now, const char *account, int64_t *id, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_INSERT,
				      "INSERT INTO assessment (\"group\", kind, year, created, "
				      "account) VALUES (?, ?, ?, ?, ?)");
	int rc;
	if (!st)
		return store_db_error(s, err, "cannot write the assessment");
	store_bind_text(st, 1, group);
	store_bind_text(st, 2, kind);
	if (year)
		sqlite3_bind_int(st, 3, year);
	else
		sqlite3_bind_null(st, 3);
	store_bind_text(st, 4, now);
	store_bind_text(st, 5, account);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot write the assessment");
}

enum bf_status asr_round_groups(struct store *s, const char *round,
				void (*fn)(void *, const char *), void *ctx, struct bf_err *err)
{
	return list_each_text(s, "SELECT id FROM grp WHERE round = ? ORDER BY id", round, fn, ctx,
			      "cannot list the round's groups", err);
}

#define ASSESS_FROM                                                                           \
	" FROM assessment a JOIN grp g ON g.id = a.\"group\" JOIN round r ON r.name = g.round "   \
	"JOIN target t ON t.adcode = g.target"

/* The WHERE clause of a list, from its filters. */
static void where(struct list_where *w, const struct asr_filter *f)
{
	list_cond_if(w, "g.round = ?", f->round);
	list_cond_if(w, "a.kind = ?", f->kind);
	list_cond_if(w, "a.\"group\" = ?", f->group);
	list_cond_if(w, "g.target = ?", f->target);
	list_cond_if(w, "t.prefecture = ?", f->prefecture);
	list_cond_if(w, "a.\"group\" IN (SELECT \"group\" FROM member WHERE unit = ?)",
		      f->scope_unit);
	list_cond_if(w, "g.target = ?", f->scope_target);
	if (f->grade && strcmp(f->grade, "none") == 0)
		list_condf(w, "a.grade IS NULL");
	else
		list_cond_if(w, "a.grade = ?", f->grade);
	if (f->year)
		list_condf(w, "a.year = %d", f->year);
	if (f->id)
		list_condf(w, "a.id = %lld", (long long)f->id);
}

enum bf_status asr_list(struct store *s, const struct asr_filter *f, cyc_row_fn fn, void *ctx,
			int64_t *total, struct bf_err *err)
{
	struct list_where w = LIST_WHERE_INIT;
	struct buf sql = BUF_INIT;
	enum bf_status rc;

	where(&w, f);
	buf_addf(&sql,
		 "SELECT a.id, a.\"group\" AS \"group\", g.round, r.start AS round_start, "
		 "r.\"end\" AS round_end, g.target, t.name_zh AS target_name, t.prefecture, "
		 "(SELECT m.unit FROM member m WHERE m.\"group\" = a.\"group\" AND m.role = 'lead' "
		 "LIMIT 1) AS lead, (SELECT u.name_zh FROM member m JOIN unit u ON u.code = m.unit "
		 "WHERE m.\"group\" = a.\"group\" AND m.role = 'lead' LIMIT 1) AS lead_name, "
		 "a.kind, a.year, a.grade, a.comment, a.evidence, a.created, a.account, a.graded, "
		 "a.graded_by" ASSESS_FROM "%s ORDER BY g.round, a.\"group\", a.kind = 'round', "
		 "a.year, a.id LIMIT %ld OFFSET %ld",
		 buf_cstr(&w.sql), LIST_LIMIT(f->limit), f->offset);
	rc = list_run(s, &w, ASSESS_FROM, buf_cstr(&sql), NULL, fn, ctx, total,
		      "cannot list the assessments", err);
	buf_release(&sql);
	list_where_release(&w);
	return rc;
}

enum bf_status asr_update(struct store *s, int64_t id, const char *grade, bool clear_grade,
			  const char *comment, const char *evidence, const char *now,
			  const char *by, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db,
			       "UPDATE assessment SET grade = CASE WHEN ?1 THEN NULL ELSE "
			       "IFNULL(?2, grade) END, evidence = CASE WHEN ?1 THEN NULL ELSE "
			       "IFNULL(?3, evidence) END, comment = IFNULL(?4, comment), graded = ?5, "
			       "graded_by = ?6 WHERE id = ?7",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot grade the assessment");
	sqlite3_bind_int(st, 1, clear_grade);
	store_bind_text(st, 2, grade);
	store_bind_text(st, 3, evidence);
	store_bind_text(st, 4, comment);
	store_bind_text(st, 5, now);
	store_bind_text(st, 6, by);
	sqlite3_bind_int64(st, 7, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot grade the assessment");
}

/* ---- evidence ------------------------------------------------------------------------------ */

/* The commitments' parameters: target, round and the window's start and end as ?1 to ?4. */
static void bind_window(sqlite3_stmt *st, const char *target, const char *round,
			const char *start, const char *end)
{
	store_bind_text(st, 1, target);
	store_bind_text(st, 2, round);
	store_bind_text(st, 3, start);
	store_bind_text(st, 4, end);
}

enum bf_status asr_commitments(struct store *s, const char *round, const char *target,
			       const char *start, const char *end, struct asr_commitments *c,
			       struct bf_err *err)
{
	sqlite3_stmt *st;

	memset(c, 0, sizeof *c);
	st = store_stmt(s, Q_COMMIT,
			"SELECT count(*), IFNULL(sum(status = 'dropped'), 0), "
			"IFNULL(sum(status IN ('delivered', 'confirmed') AND delivered_on <= ?4), 0), "
			"IFNULL(sum(status = 'confirmed' AND confirmed_on <= ?4), 0), "
			"IFNULL(sum(status IN ('planned', 'in_progress')), 0) "
			"FROM commitment WHERE target = ?1 AND round = ?2 AND due BETWEEN ?3 AND ?4");
	if (!st)
		goto fail;
	bind_window(st, target, round, start, end);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto fail;
	c->due = sqlite3_column_int64(st, 0);
	c->dropped = sqlite3_column_int64(st, 1);
	c->delivered = sqlite3_column_int64(st, 2);
	c->confirmed = sqlite3_column_int64(st, 3);
	c->open = sqlite3_column_int64(st, 4);
	sqlite3_reset(st);
	st = store_stmt(s, Q_MEASURE,
			"SELECT measure, count(*), sum(target_value), sum(delivered_value) FROM "
			"commitment WHERE target = ?1 AND round = ?2 AND due BETWEEN ?3 AND ?4 AND "
			"status <> 'dropped' GROUP BY measure ORDER BY measure");
	if (!st)
		goto fail;
	bind_window(st, target, round, start, end);
	while (sqlite3_step(st) == SQLITE_ROW && c->nmeasure < ASR_MAX_MEASURES) {
		snprintf(c->measure[c->nmeasure].name, sizeof c->measure[0].name, "%s", store_col_text(st, 0));
		c->measure[c->nmeasure].n = sqlite3_column_int64(st, 1);
		c->measure[c->nmeasure].target = sqlite3_column_int64(st, 2);
		c->measure[c->nmeasure++].delivered = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	return BF_OK;
fail:
	if (st)
		sqlite3_reset(st);
	return store_db_error(s, err, "cannot count the commitments due");
}

enum bf_status asr_reports(struct store *s, const char *group, const char *round,
			   const char *start, const char *end, cyc_row_fn fn, void *ctx,
			   struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(
		s, Q_REPORTS,
		"SELECT p.id AS period, p.name AS period_name, p.start, p.\"end\", p.due, r.id AS "
		"report, r.status, substr(r.submitted, 1, 10) AS submitted FROM period p LEFT JOIN "
		"group_report r ON r.period = p.id AND r.\"group\" = ?1 WHERE p.round = ?2 AND "
		"p.start BETWEEN ?3 AND ?4 ORDER BY p.start");
	if (!st)
		return store_db_error(s, err, "cannot read the group's reports");
	store_bind_text(st, 1, group);
	store_bind_text(st, 2, round);
	store_bind_text(st, 3, start);
	store_bind_text(st, 4, end);
	return rows(s, st, fn, ctx, err);
}

enum bf_status asr_indicators(struct store *s, const char *target, cyc_row_fn fn, void *ctx,
			      struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(
		s, Q_INDICATORS,
		"SELECT scope, name, year, CAST(value AS TEXT) AS value, IFNULL(unit, '') AS unit "
		"FROM indicator WHERE scope = ?1 OR (scope = 'province' AND name IN (SELECT name "
		"FROM indicator WHERE scope = ?1)) ORDER BY scope <> ?1, name, year");
	if (!st)
		return store_db_error(s, err, "cannot read the indicators");
	store_bind_text(st, 1, target);
	return rows(s, st, fn, ctx, err);
}
