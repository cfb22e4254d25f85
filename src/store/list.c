/* store/list: the lists' WHERE clauses, count and page, and rows as cells; see list.h. */
#include "store/list.h"
#include <stdarg.h>
#include <stdlib.h>

/* ---- WHERE ------------------------------------------------------------------------------ */

static void and(struct list_where *w)
{
	buf_adds(&w->sql, w->sql.len ? " AND " : " WHERE ");
}

void list_cond(struct list_where *w, const char *sql, const char *arg)
{
	if (w->n >= LIST_MAX_ARGS) /* the callers' filters are fixed: a programming error */
		abort();
	and(w);
	w->args[w->n++] = arg;
	for (const char *c = sql; *c; c++)
		if (*c == '?')
			buf_addf(&w->sql, "?%d", w->n);
		else
			buf_addc(&w->sql, *c);
}

void list_cond_if(struct list_where *w, const char *sql, const char *arg)
{
	if (arg)
		list_cond(w, sql, arg);
}

void list_condf(struct list_where *w, const char *fmt, ...)
{
	va_list ap;

	and(w);
	va_start(ap, fmt);
	buf_vaddf(&w->sql, fmt, ap);
	va_end(ap);
}

void list_where_bind(sqlite3_stmt *st, const struct list_where *w)
{
	for (int i = 0; i < w->n; i++)
		store_bind_text(st, i + 1, w->args[i]);
}

void list_where_release(struct list_where *w)
{
	buf_release(&w->sql);
	w->n = 0;
}

/* ---- rows ------------------------------------------------------------------------------- */

enum bf_status list_rows(struct store *s, sqlite3_stmt *st, cyc_row_fn fn, void *ctx,
			 const char *what, struct bf_err *err)
{
	int n = sqlite3_column_count(st), rc;
	struct cyc_cell *c = xcalloc((size_t)n + 1, sizeof *c);

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			c[i].name = sqlite3_column_name(st, i);
			c[i].type = sqlite3_column_type(st, i);
			if (c[i].type == SQLITE_FLOAT || c[i].type == SQLITE_BLOB)
				c[i].type = SQLITE_TEXT;
			c[i].i = sqlite3_column_int64(st, i);
			c[i].s = store_col_text(st, i);
		}
		fn(ctx, c, n);
	}
	free(c);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, what);
}

enum bf_status list_each_text(struct store *s, const char *sql, const char *arg,
			      void (*fn)(void *, const char *), void *ctx, const char *what,
			      struct bf_err *err)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, what);
	if (arg)
		store_bind_text(st, 1, arg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *p = v;
		xgrow(&p, &cap, n + 1, sizeof *v);
		v = p;
		v[n++] = xstrdup(store_col_text(st, 0));
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++) {
		if (rc == SQLITE_DONE)
			fn(ctx, v[i]);
		free(v[i]);
	}
	free(v);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, what);
}

/* ---- count and page --------------------------------------------------------------------- */

static enum bf_status count(struct store *s, const struct list_where *w, const char *from,
			    int64_t *total, const char *what, struct bf_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_addf(&sql, "SELECT count(*)%s%s", from, buf_cstr(&w->sql));
	rc = sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, err, what);
	list_where_bind(st, w);
	/* a failed step (busy, interrupted, out of memory) is an error, not an empty list: the
	 * total and the page would disagree */
	if (sqlite3_step(st) != SQLITE_ROW) {
		enum bf_status rc2 = store_db_error(s, err, what);
		sqlite3_finalize(st);
		return rc2;
	}
	*total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return BF_OK;
}

enum bf_status list_run(struct store *s, const struct list_where *w, const char *from,
			const char *page, const char *extra, cyc_row_fn fn, void *ctx,
			int64_t *total, const char *what, struct bf_err *err)
{
	sqlite3_stmt *st = NULL;
	enum bf_status rc;

	if ((rc = count(s, w, from, total, what, err)))
		return rc;
	if (sqlite3_prepare_v2(s->db, page, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, what);
	list_where_bind(st, w);
	if (extra)
		store_bind_text(st, w->n + 1, extra);
	rc = list_rows(s, st, fn, ctx, what, err);
	sqlite3_finalize(st);
	return rc;
}
