/* succession: indexed look-ups of one cadre for the predecessor rule; see succession.h. */
#include "store/succession.h"
#include "store/store_int.h"
#include <stdio.h>
#include <string.h>

/* store_stmt ids of this file (account.c: 0..15, audit.c: 16..17) */
enum { Q_POST = STORE_Q_SUCCESSION, Q_GROUP, Q_SUCCESSOR };

static _Thread_local char unit_buf[128], target_buf[128], pred_buf[128], id_buf[128];

static const char *copy(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	if (!t)
		return NULL;
	snprintf(out, n, "%s", (const char *)t);
	return out;
}

bool store_cadre_post(struct store *s, const char *id, struct rules_post *out)
{
	sqlite3_stmt *st = store_stmt(s, Q_POST,
				      "SELECT c.unit, g.target, c.predecessor FROM cadre c "
				      "LEFT JOIN grp g ON g.id = c.\"group\" WHERE c.id = ?1");
	bool found = false;

	memset(out, 0, sizeof *out);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(id_buf, sizeof id_buf, "%s", id);
		out->id = id_buf;
		out->unit = copy(st, 0, unit_buf, sizeof unit_buf);
		out->target = copy(st, 1, target_buf, sizeof target_buf);
		out->predecessor = copy(st, 2, pred_buf, sizeof pred_buf);
		found = true;
	}
	sqlite3_reset(st);
	return found;
}

const char *store_group_target(struct store *s, const char *id, char *out, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, Q_GROUP, "SELECT target FROM grp WHERE id = ?1");
	const char *r = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = copy(st, 0, out, n);
	sqlite3_reset(st);
	return r;
}

const char *store_other_successor(struct store *s, const char *pred, const char *id, char *out,
				  size_t n)
{
	sqlite3_stmt *st = store_stmt(s, Q_SUCCESSOR,
				      "SELECT id FROM cadre WHERE predecessor = ?1 AND id <> ?2 "
				      "ORDER BY id LIMIT 1");
	const char *r = NULL;

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, pred, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		r = copy(st, 0, out, n);
	sqlite3_reset(st);
	return r;
}

bool store_cadre_post_fn(void *ctx, const char *id, struct rules_post *out)
{
	return store_cadre_post(ctx, id, out);
}
