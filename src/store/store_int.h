/* store_int: what the store's own files share (the connection struct, statement helpers).
 * Not for use outside src/store/. */
#ifndef BF_STORE_INT_H
#define BF_STORE_INT_H
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include "store/store.h"
#include "util/xalloc.h"

#define STORE_NTYPES 7
#define STORE_BATCH 64 /* rows per multi-row INSERT */
/* Cached statements of the other store files, each file its own range of ids (a clash would
 * hand one file's statement to another): */
enum {
	STORE_Q_ACCOUNT = 0,      /* account.c: 0..15 */
	STORE_Q_AUDIT = 16,       /* audit.c: 16..27 */
	STORE_Q_SUCCESSION = 28,  /* succession.c: 28..31 */
	STORE_Q_WORK = 32,        /* work.c: 32..95 */
	STORE_Q_WORK_BULK = 96,   /* work_bulk.c: 96..127 */
	STORE_Q_WORK_REPORT = 128, /* work_report.c: 128..191 */
	STORE_Q_CYCLE = 192,      /* cycle.c: 192..223 */
	STORE_Q_ASSESS = 224,     /* assess.c: 224..255 */
	STORE_Q_INBOX = 256,      /* inbox.c: 256..287 */
	STORE_NSTMT = 288
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *put[STORE_NTYPES];   /* one-row upsert per record type */
	sqlite3_stmt *batch[STORE_NTYPES]; /* STORE_BATCH-row upsert per record type */
	sqlite3_stmt *stmt[STORE_NSTMT];
	char *path;
	char dates[STORE_BATCH][16][11]; /* bound dates live here until the statement has run */
	char **dropped;      /* CREATE INDEX statements of the indexes a bulk import dropped */
	size_t ndropped;
	bool fk_off;
};

/* The schema version this bangfu migrates to. */
int store_schema_supported(void);
enum bf_status store_db_error(struct store *s, struct bf_err *err, const char *what);
enum bf_status store_exec(struct store *s, const char *sql, struct bf_err *err);
/* The cached statement number id, prepared from sql on first use (NULL on failure). */
sqlite3_stmt *store_stmt(struct store *s, int id, const char *sql);
/* Binds v as text at i, SQL NULL for NULL (SQLITE_STATIC: v lives until the step). */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Column i of the row as text, "" for NULL (valid until the next step or reset). */
const char *store_col_text(sqlite3_stmt *st, int i);
/* Steps the bound st once: the first column of its row as an integer, none if it has no
 * row; then resets st. */
int64_t store_step_int64(sqlite3_stmt *st, int64_t none);

#endif
