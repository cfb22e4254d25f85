/* work_bulk: the SQL of the work tables (schema v4) for the CSV import and export: inserting
 * the rows of tasks, needs, commitments, resources and policies (a policy's targets and tasks
 * into policy_target and policy_task), finding the references that point nowhere before the
 * commit, and reading every row back in the CSV's column order. The per-record writes of the
 * API live in store/work.c; this file is only the bulk path, with its own statements. The
 * columns are those of docs/work.md ("CSV files"), in that order: values are passed as text,
 * already checked for their form by the caller (whole numbers, dates). */
#ifndef BF_WORK_BULK_H
#define BF_WORK_BULK_H
#include <stdbool.h>
#include <stddef.h>
#include "store/store.h"
#include "util/err.h"

enum work_table { WORK_TASKS, WORK_NEEDS, WORK_COMMITMENTS, WORK_RESOURCES, WORK_POLICIES,
		  WORK_NTABLES };

/* The CSV file name of a table ("tasks.csv"), and its columns in order. */
const char *work_bulk_file(enum work_table t);
const char *const *work_bulk_columns(enum work_table t, size_t *n);

/* The insert statements of one import, prepared on first use. */
struct work_bulk;
struct work_bulk *work_bulk_new(struct store *s);
void work_bulk_free(struct work_bulk *b);

/* Inserts one row, or replaces the non-key columns of the row with the same key (id; a task's
 * round and code); a policy's targets and tasks (';'-separated lists) replace its old ones.
 * values[i] is column i's text, NULL or "" when the cell is empty. On a failure the message
 * says what the database refused and *column names the column (NULL when it cannot tell).
 * Run inside store_begin_import's transaction. */
enum bf_status work_bulk_put(struct work_bulk *b, enum work_table t, const char *const *values,
			     const char **column, struct bf_err *err);
/* A bulk import's running sums: work_bulk_sums_off drops the triggers that keep the sums
 * (schema4.sql's last section) inside the import's transaction, so that a row costs its own
 * insert only; work_bulk_sums_rebuild, after the last row, refills every sum table with one
 * GROUP BY over its base table and creates the triggers again (a rollback undoes both). The
 * rebuild reads the whole commitment and resource tables: for large imports only. */
void work_bulk_sums_off(struct work_bulk *b);
enum bf_status work_bulk_sums_rebuild(struct work_bulk *b, struct bf_err *err);
/* Moves the work's change counter (meta work_generation): cached work answers are stale. */
enum bf_status work_bulk_bump(struct work_bulk *b, struct bf_err *err);

/* A row whose reference points nowhere (or to a need of another target or round). */
struct work_dangling {
	enum work_table table;
	char key[128];      /* the row's key: its id, or a task's "round,code" */
	const char *column; /* the column holding the reference */
	char value[128];    /* what it names */
	const char *what;   /* what it should name, for the message: "target (targets.csv)" */
};
/* Lists up to max dangling references of the work tables in the open transaction. */
size_t work_bulk_dangling(struct store *s, struct work_dangling *out, size_t max);

/* Calls fn with every row of table t sorted by key, values in the CSV's column order ("" for
 * NULL; a policy's targets and tasks as sorted ';'-separated lists). Stops when fn returns
 * false. */
typedef bool (*work_row_fn)(const char *const *values, size_t n, void *ctx);
enum bf_status work_bulk_each(struct store *s, enum work_table t, work_row_fn fn, void *ctx,
			      struct bf_err *err);
/* Rows of a table (-1 on error). */
long work_bulk_count(struct store *s, enum work_table t);

#endif
