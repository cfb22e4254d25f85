/* audit: audit rows in SQLite; see audit.h. */
#include "store/audit.h"
#include "store/store_int.h"
#include <stdio.h>

enum { Q_LAST = STORE_Q_AUDIT, Q_INSERT };

enum bf_status audit_last_hash(struct store *s, char out[65], struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_LAST, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
	int rc;

	out[0] = '\0';
	if (!st)
		return store_db_error(s, err, "cannot read the audit trail");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 65, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BF_OK
						     : store_db_error(s, err, "cannot read the audit trail");
}

static void bind(sqlite3_stmt *st, int col, const char *v)
{
	if (v)
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, col);
}

enum bf_status audit_insert(struct store *s, const struct audit_row *row, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, Q_INSERT,
				      "INSERT INTO audit (time, account, address, action, entity, "
				      "key, before, after, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int rc;

	if (!st)
		return store_db_error(s, err, "cannot write the audit trail");
	bind(st, 1, row->time);
	bind(st, 2, row->account);
	bind(st, 3, row->address);
	bind(st, 4, row->action);
	bind(st, 5, row->entity);
	bind(st, 6, row->key);
	bind(st, 7, row->before);
	bind(st, 8, row->after);
	bind(st, 9, row->hash);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot write the audit trail");
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Hands each row of st (the audit table's columns in order) to fn until it returns false, and
 * finalizes st. */
static enum bf_status each_row(struct store *s, sqlite3_stmt *st,
			       bool (*fn)(const struct audit_row *row, void *ctx), void *ctx,
			       struct bf_err *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_row row = { sqlite3_column_int64(st, 0), col(st, 1), col(st, 2),
					 col(st, 3), col(st, 4), col(st, 5), col(st, 6),
					 col(st, 7), col(st, 8), col(st, 9) };
		if (!fn(&row, ctx))
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BF_OK
						     : store_db_error(s, err, "cannot read the audit trail");
}

#define AUDIT_FILTERS                                                                          \
	"(?1 IS NULL OR account = ?1) AND (?2 IS NULL OR entity = ?2) AND "                    \
	"(?3 IS NULL OR time >= ?3) AND (?4 IS NULL OR time <= ?4)"

static void bind_filters(sqlite3_stmt *st, const struct audit_query *q)
{
	bind(st, 1, q->account);
	bind(st, 2, q->entity);
	bind(st, 3, q->from);
	bind(st, 4, q->to);
}

enum bf_status audit_each(struct store *s, const char *account, const char *entity,
			  const char *from, const char *to,
			  bool (*fn)(const struct audit_row *row, void *ctx), void *ctx,
			  struct bf_err *err)
{
	struct audit_query q = { .account = account, .entity = entity, .from = from, .to = to };
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, time, account, address, action, entity, key, before, "
			       "after, hash FROM audit WHERE " AUDIT_FILTERS " ORDER BY id",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the audit trail");
	bind_filters(st, &q);
	return each_row(s, st, fn, ctx, err);
}

enum bf_status audit_page(struct store *s, const struct audit_query *q,
			  bool (*fn)(const struct audit_row *row, void *ctx), void *ctx,
			  int64_t *total, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*total = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM audit WHERE " AUDIT_FILTERS, -1, &st,
			       NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the audit trail");
	bind_filters(st, q);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*total = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_db_error(s, err, "cannot read the audit trail");
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, time, account, address, action, entity, key, before, "
			       "after, hash FROM audit WHERE " AUDIT_FILTERS " AND (?5 = 0 OR id < ?5) "
			       "ORDER BY id DESC LIMIT ?6 OFFSET ?7",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the audit trail");
	bind_filters(st, q);
	sqlite3_bind_int64(st, 5, q->before);
	sqlite3_bind_int64(st, 6, q->limit);
	sqlite3_bind_int64(st, 7, q->offset);
	return each_row(s, st, fn, ctx, err);
}

enum bf_status audit_hash_of(struct store *s, int64_t id, char out[86], struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(s->db,
			       id ? "SELECT id, hash FROM audit WHERE id = ?"
				  : "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot read the audit trail");
	if (id)
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, 86, "%lld:%s", (long long)sqlite3_column_int64(st, 0),
			 (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BF_OK
						     : store_db_error(s, err, "cannot read the audit trail");
}
