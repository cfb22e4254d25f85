/* store/assess: the assessments in SQLite; see assess.h. The per-assessment evidence
 * statements are cached (a list counts them once per row); the list, built from its filters,
 * is prepared per call. */
#include "store/assess.h"
#include "store/store_int.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_FIND = STORE_Q_ASSESS, Q_INSERT, Q_COMMIT, Q_MEASURE, Q_REPORTS, Q_INDICATORS, Q_END
};
_Static_assert(Q_END <= STORE_Q_ASSESS + 32, "store/assess's statement range");

static void text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* Hands each row of st to fn as named cells (as store/cycle does). */
static enum bf_status rows(struct store *s, sqlite3_stmt *st, cyc_row_fn fn, void *ctx,
			   struct bf_err *err)
{
	int n = sqlite3_column_count(st), rc;
	struct cyc_cell *c = xcalloc((size_t)n + 1, sizeof *c);

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			c[i].name = sqlite3_column_name(st, i);
			c[i].type = sqlite3_column_type(st, i);
			if (c[i].type == SQLITE_FLOAT) {
				/* indicator values: keep them as text, the caller reads a double */
				c[i].type = SQLITE_TEXT;
			}
			if (c[i].type == SQLITE_BLOB)
				c[i].type = SQLITE_TEXT;
			c[i].i = sqlite3_column_int64(st, i);
			c[i].s = col(st, i);
		}
		fn(ctx, c, n);
	}
	free(c);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot read the assessments");
}

enum bf_status asr_read_begin(struct store *s, struct bf_err *err)
{
	return store_exec(s, "BEGIN", err);
}

int64_t asr_find(struct store *s, const char *group, const char *kind, int year)
{
	sqlite3_stmt *st = store_stmt(s, Q_FIND, "SELECT id FROM assessment WHERE \"group\" = ? "
						 "AND kind = ? AND IFNULL(year, 0) = ?");
	int64_t id = 0;
	if (!st)
		return 0;
	text(st, 1, group);
	text(st, 2, kind);
	sqlite3_bind_int(st, 3, year);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
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
	text(st, 1, group);
	text(st, 2, kind);
	if (year)
		sqlite3_bind_int(st, 3, year);
	else
		sqlite3_bind_null(st, 3);
	text(st, 4, now);
	text(st, 5, account);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	*id = sqlite3_last_insert_rowid(s->db);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot write the assessment");
}

enum bf_status asr_round_groups(struct store *s, const char *round,
				void (*fn)(void *, const char *), void *ctx, struct bf_err *err)
{
	sqlite3_stmt *st;
	char **ids = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (sqlite3_prepare_v2(s->db, "SELECT id FROM grp WHERE round = ? ORDER BY id", -1, &st,
			       NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot list the round's groups");
	text(st, 1, round);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *p = ids;
		xgrow(&p, &cap, n + 1, sizeof *ids);
		ids = p;
		ids[n++] = xstrdup(col(st, 0));
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++) {
		if (rc == SQLITE_DONE)
			fn(ctx, ids[i]);
		free(ids[i]);
	}
	free(ids);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot list the round's groups");
}

#define ASSESS_FROM                                                                           \
	" FROM assessment a JOIN grp g ON g.id = a.\"group\" JOIN round r ON r.name = g.round "   \
	"JOIN target t ON t.adcode = g.target"

/* The WHERE clause of a list, and its text bindings in order. */
static void where(struct buf *b, const struct asr_filter *f, const char **binds, int *nb)
{
	buf_adds(b, " WHERE 1");
#define EQ(val, sql, end)                                                                     \
	if (val) {                                                                             \
		binds[(*nb)++] = (val);                                                        \
		buf_addf(b, sql "?%d" end, *nb);                                               \
	}
	EQ(f->round, " AND g.round = ", "")
	EQ(f->kind, " AND a.kind = ", "")
	EQ(f->group, " AND a.\"group\" = ", "")
	EQ(f->target, " AND g.target = ", "")
	EQ(f->prefecture, " AND t.prefecture = ", "")
	EQ(f->scope_unit, " AND a.\"group\" IN (SELECT \"group\" FROM member WHERE unit = ", ")")
	EQ(f->scope_target, " AND g.target = ", "")
	if (f->grade && strcmp(f->grade, "none") == 0)
		buf_adds(b, " AND a.grade IS NULL");
	else
		EQ(f->grade, " AND a.grade = ", "")
#undef EQ
	if (f->year)
		buf_addf(b, " AND a.year = %d", f->year);
	if (f->id)
		buf_addf(b, " AND a.id = %lld", (long long)f->id);
}

enum bf_status asr_list(struct store *s, const struct asr_filter *f, cyc_row_fn fn, void *ctx,
			int64_t *total, struct bf_err *err)
{
	struct buf sql = BUF_INIT, w = BUF_INIT;
	const char *binds[10];
	int nb = 0;
	sqlite3_stmt *st = NULL;
	enum bf_status rc = BF_OK;

	where(&w, f, binds, &nb);
	buf_addf(&sql, "SELECT count(*)" ASSESS_FROM "%s", buf_cstr(&w));
	if (sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, &st, NULL) != SQLITE_OK) {
		rc = store_db_error(s, err, "cannot list the assessments");
		goto out;
	}
	for (int i = 0; i < nb; i++)
		text(st, i + 1, binds[i]);
	*total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	st = NULL;
	buf_reset(&sql);
	buf_addf(&sql,
		 "SELECT a.id, a.\"group\" AS \"group\", g.round, r.start AS round_start, "
		 "r.\"end\" AS round_end, g.target, t.name_zh AS target_name, t.prefecture, "
		 "(SELECT m.unit FROM member m WHERE m.\"group\" = a.\"group\" AND m.role = 'lead' "
		 "LIMIT 1) AS lead, (SELECT u.name_zh FROM member m JOIN unit u ON u.code = m.unit "
		 "WHERE m.\"group\" = a.\"group\" AND m.role = 'lead' LIMIT 1) AS lead_name, "
		 "a.kind, a.year, a.grade, a.comment, a.evidence, a.created, a.account, a.graded, "
		 "a.graded_by" ASSESS_FROM "%s ORDER BY g.round, a.\"group\", a.kind = 'round', "
		 "a.year, a.id LIMIT %ld OFFSET %ld",
		 buf_cstr(&w), f->limit > 0 ? f->limit : -1L, f->offset);
	if (sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, &st, NULL) != SQLITE_OK) {
		rc = store_db_error(s, err, "cannot list the assessments");
		goto out;
	}
	for (int i = 0; i < nb; i++)
		text(st, i + 1, binds[i]);
	rc = rows(s, st, fn, ctx, err);
out:
	sqlite3_finalize(st);
	buf_release(&sql);
	buf_release(&w);
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
	text(st, 2, grade);
	text(st, 3, evidence);
	text(st, 4, comment);
	text(st, 5, now);
	text(st, 6, by);
	sqlite3_bind_int64(st, 7, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot grade the assessment");
}

/* ---- evidence ------------------------------------------------------------------------------ */

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
	text(st, 1, target);
	text(st, 2, round);
	text(st, 3, start);
	text(st, 4, end);
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
	text(st, 1, target);
	text(st, 2, round);
	text(st, 3, start);
	text(st, 4, end);
	while (sqlite3_step(st) == SQLITE_ROW && c->nmeasure < ASR_MAX_MEASURES) {
		snprintf(c->measure[c->nmeasure].name, sizeof c->measure[0].name, "%s", col(st, 0));
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
	text(st, 1, group);
	text(st, 2, round);
	text(st, 3, start);
	text(st, 4, end);
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
	text(st, 1, target);
	return rows(s, st, fn, ctx, err);
}
