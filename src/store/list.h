/* store/list: what the store's lists share: a WHERE clause built from a list's filters with
 * its text arguments, a list's count and page prepared per call, and rows handed to a
 * callback as named cells. Internal to src/store/ (store/cycle, store/assess, store/work). */
#ifndef BF_STORE_LIST_H
#define BF_STORE_LIST_H
#include <stdint.h>
#include "store/cycle.h"
#include "store/store_int.h"
#include "util/buf.h"

#define LIST_MAX_ARGS 16

/* A WHERE clause: sql is "" or " WHERE c1 AND c2 ..."; args[i] is the text of ?(i+1). The
 * arguments are borrowed: they must live until the statement has run. */
struct list_where {
	struct buf sql;
	const char *args[LIST_MAX_ARGS];
	int n;
};
#define LIST_WHERE_INIT { BUF_INIT, { 0 }, 0 }

/* Adds the condition sql with one argument: each '?' of sql stands for it (written ?N). */
void list_cond(struct list_where *w, const char *sql, const char *arg);
/* The same when arg is not NULL (a filter that was given); nothing otherwise. */
void list_cond_if(struct list_where *w, const char *sql, const char *arg);
/* Adds a condition without an argument (a printf format: numbers only, never text). */
void list_condf(struct list_where *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Binds w's arguments from ?1. */
void list_where_bind(sqlite3_stmt *st, const struct list_where *w);
void list_where_release(struct list_where *w);

/* Steps st to its end, handing each row to fn as named cells: an integer as SQLITE_INTEGER,
 * NULL as SQLITE_NULL, anything else as SQLITE_TEXT (a real keeps its digits; the caller
 * reads a double from the text); then resets st. what: the error's words. */
enum bf_status list_rows(struct store *s, sqlite3_stmt *st, cyc_row_fn fn, void *ctx,
			 const char *what, struct bf_err *err);
/* A list prepared per call: *total is "SELECT count(*)" from (" FROM ... JOIN ...") with w,
 * then page (a whole SELECT whose first parameters are w's, and ?(w->n + 1) extra when not
 * NULL) hands its rows to fn. what: the error's words ("cannot list the reports"). */
enum bf_status list_run(struct store *s, const struct list_where *w, const char *from,
			const char *page, const char *extra, cyc_row_fn fn, void *ctx,
			int64_t *total, const char *what, struct bf_err *err);
/* Calls fn(ctx, value) with the first column of each row of sql (arg, when not NULL, bound
 * as ?1). The statement is done before fn runs, so fn may write; the value lives until fn
 * returns. what: the error's words. */
enum bf_status list_each_text(struct store *s, const char *sql, const char *arg,
			      void (*fn)(void *, const char *), void *ctx, const char *what,
			      struct bf_err *err);
/* LIMIT and OFFSET of a page: limit <= 0 is every row. */
#define LIST_LIMIT(limit) ((limit) > 0 ? (long)(limit) : -1L)

#endif
