/* plan_table: stored plans in SQLite; see plan_table.h. */
#include "store/plan_table.h"
#include "store/store_int.h"
#include <stdio.h>
#include <string.h>

#define COLS "id, round, created, IFNULL(account, ''), kind, status, objective, score, summary, " \
	     "IFNULL(applied, ''), IFNULL(applied_by, '')"

void plan_row_release(struct plan_row *r)
{
	free(r->summary);
	free(r->body);
	r->summary = r->body = NULL;
}

static void text(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void read_row(sqlite3_stmt *st, struct plan_row *r)
{
	const unsigned char *sum = sqlite3_column_text(st, 8);
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	text(st, 1, r->round, sizeof r->round);
	text(st, 2, r->created, sizeof r->created);
	text(st, 3, r->account, sizeof r->account);
	text(st, 4, r->kind, sizeof r->kind);
	text(st, 5, r->status, sizeof r->status);
	r->objective = sqlite3_column_double(st, 6);
	r->score = sqlite3_column_double(st, 7);
	r->summary = xstrdup(sum ? (const char *)sum : "{}");
	text(st, 9, r->applied, sizeof r->applied);
	text(st, 10, r->applied_by, sizeof r->applied_by);
}

enum bf_status plan_table_insert(struct store *s, const struct plan_row *row, int64_t *id,
				 struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "INSERT INTO plan (round, created, account, kind, status, "
				      "objective, score, summary, body) VALUES (?, ?, ?, ?, ?, ?, ?, "
				      "?, ?)",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot store the plan");
	sqlite3_bind_text(st, 1, row->round, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, row->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, row->account, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, row->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, row->status, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 6, row->objective);
	sqlite3_bind_double(st, 7, row->score);
	sqlite3_bind_text(st, 8, row->summary, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, row->body, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot store the plan");
	*id = sqlite3_last_insert_rowid(s->db);
	return BF_OK;
}

enum bf_status plan_table_get(struct store *s, int64_t id, struct plan_row *out,
			      struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(s->db, "SELECT " COLS ", body FROM plan WHERE id = ?", -1, &st,
			       NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the plans");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_text(st, 11);
		read_row(st, out);
		out->body = xstrdup(b ? (const char *)b : "{}");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return BF_OK;
	if (rc == SQLITE_DONE)
		return bf_err_set(err, BF_ENOTFOUND, "no plan %lld", (long long)id);
	return store_db_error(s, err, "cannot read the plans");
}

enum bf_status plan_table_list(struct store *s, struct plan_row **out, size_t *n,
			       struct bf_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT " COLS " FROM plan ORDER BY id DESC", -1, &st,
			       NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the plans");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *p = *out;
		xgrow(&p, &cap, *n + 1, sizeof **out);
		*out = p;
		read_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot read the plans");
}

enum bf_status plan_table_applied(struct store *s, int64_t id, const char *time,
				  const char *account, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "UPDATE plan SET applied = ?, applied_by = ? WHERE id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot record the apply");
	sqlite3_bind_text(st, 1, time, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot record the apply");
}
