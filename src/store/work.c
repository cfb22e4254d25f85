/* store/work: the groups' work in SQLite; see work.h. Statements are built from core/work's
 * field lists with every value bound (never spliced into the SQL), and kept: the fixed ones
 * (facts, evidence files) under their own store_stmt ids, the built ones (a list's query for
 * its set of filters, one record's read and write per type) in a small cache of ids keyed by
 * their text, so that a request or an imported row prepares nothing once the connection has
 * seen its statement. A kept statement is reset after use: it must not hold a read open. */
#include "store/work.h"
#include "store/list.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_list(const struct work_field *f)
{
	return f->type == WF_LIST;
}

/* The SQL expression of column i of t, read from the row aliased x. */
static void column(struct buf *b, const struct work_type *t, size_t i)
{
	const struct work_field *f = &t->fields[i];
	if (strcmp(f->name, "targets") == 0)
		buf_adds(b, "(SELECT group_concat(target, ';') FROM (SELECT target FROM policy_target "
			    "WHERE policy = x.id ORDER BY target))");
	else if (strcmp(f->name, "tasks") == 0)
		buf_adds(b, "(SELECT group_concat(task, ';') FROM (SELECT task FROM policy_task "
			    "WHERE policy = x.id ORDER BY task))");
	else
		buf_addf(b, "x.\"%s\"", f->name);
}

static void select_cols(struct buf *b, const struct work_type *t)
{
	buf_adds(b, "SELECT ");
	for (size_t i = 0; i < t->nfields; i++) {
		if (i)
			buf_adds(b, ", ");
		column(b, t, i);
	}
	if (t->kind == WK_COMMITMENT)
		buf_adds(b, ", (SELECT count(*) FROM evidence_file WHERE commitment = x.id)");
	else
		buf_adds(b, ", 0");
	buf_addf(b, " FROM \"%s\" x", t->name);
}

/* Reads the current row into r (strings point into the statement until its next step). */
static void read_row(sqlite3_stmt *st, const struct work_type *t, struct work_rec *r, long *files)
{
	work_rec_init(r, t);
	for (size_t i = 0; i < t->nfields; i++) {
		int type = sqlite3_column_type(st, (int)i);
		const struct work_field *f = &t->fields[i];
		if (type == SQLITE_NULL) {
			r->v[i].null = (f->flags & WF_NULL) != 0;
			r->v[i].s = r->v[i].null ? NULL : "";
			r->v[i].i = 0;
		} else if (f->type == WF_INT || f->type == WF_FLAG) {
			r->v[i] = (struct work_val){ false, sqlite3_column_int64(st, (int)i), NULL };
		} else {
			r->v[i] = (struct work_val){ false, 0,
						     (const char *)sqlite3_column_text(st, (int)i) };
		}
	}
	*files = (long)sqlite3_column_int64(st, (int)t->nfields);
}

/* store_stmt ids of this file (32..95): the fixed statements, then the cache of built ones. */
enum {
	Q_GENERATION = STORE_Q_WORK, Q_ROUND, Q_CURRENT_ROUND, Q_TARGET, Q_UNIT, Q_SERVES, Q_TASK,
	Q_NEED_OF, Q_COMMITMENT_OF, Q_BUMP, Q_FILE_ADD, Q_FILES, Q_FILE_GET, Q_FILE_DELETE,
	Q_POLICY_LISTS, /* 4 ids: policy_lists' statements */
	Q_POLICY_LISTS_END = Q_POLICY_LISTS + 4,
	Q_BUILT, /* the first id of the cache */
	Q_BUILT_END = STORE_Q_WORK + 64
};
_Static_assert((int)Q_BUILT_END <= (int)STORE_Q_WORK_BULK, "store/work's statement range");

/* The statement of sql from the cache (a slot chosen by the text's hash; another text in it is
 * finalized and replaced), reset and unbound; NULL with err filled if it does not prepare. */
static sqlite3_stmt *prepare(struct store *s, const char *sql, struct bf_err *err)
{
	uint32_t h = 2166136261u;
	int id;
	sqlite3_stmt *st;

	for (const char *c = sql; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	id = Q_BUILT + (int)(h % (uint32_t)(Q_BUILT_END - Q_BUILT));
	if (s->stmt[id] && strcmp(sqlite3_sql(s->stmt[id]), sql) != 0) {
		sqlite3_finalize(s->stmt[id]);
		s->stmt[id] = NULL;
	}
	if (!(st = store_stmt(s, id, sql)))
		store_db_error(s, err, "cannot read the work");
	return st;
}

/* A fixed statement, or NULL with err filled. */
static sqlite3_stmt *fixed(struct store *s, int id, const char *sql, struct bf_err *err)
{
	sqlite3_stmt *st = store_stmt(s, id, sql);
	if (!st)
		store_db_error(s, err, "cannot read the work");
	return st;
}

/* Done with a kept statement: reset, so that it holds no read transaction open. */
static void done(sqlite3_stmt *st)
{
	if (st)
		sqlite3_reset(st);
}

/* ---- lists ------------------------------------------------------------------------------ */

static bool has(const struct work_type *t, const char *field)
{
	return work_field_index(t, field) >= 0;
}

static void build_where(const struct work_query *q, struct list_where *w)
{
	const struct work_type *t = q->t;
	bool policy = t->kind == WK_POLICY;

	if (q->round)
		list_cond(w, "x.\"round\" = ?", q->round);
	if (q->target && policy)
		list_cond(w, "x.id IN (SELECT policy FROM policy_target WHERE target = ?)",
			  q->target);
	else if (q->target && has(t, "target"))
		list_cond(w, "x.target = ?", q->target);
	if (q->unit && has(t, "unit"))
		list_cond(w, "x.unit = ?", q->unit);
	if (q->task && policy)
		list_cond(w, "x.id IN (SELECT policy FROM policy_task WHERE task = ?)", q->task);
	else if (q->task && has(t, "task"))
		list_cond(w, "x.task = ?", q->task);
	if (q->status && has(t, "status"))
		list_cond(w, "x.status = ?", q->status);
	if (q->kind && has(t, "kind"))
		list_cond(w, "x.kind = ?", q->kind);
	if (q->need && has(t, "need"))
		list_cond(w, "x.need = CAST(? AS INTEGER)", q->need);
	if (q->overdue_as_of && has(t, "due"))
		list_cond(w, "x.status IN ('planned', 'in_progress') AND x.due < ?",
			  q->overdue_as_of);
	if (q->q && t->kind == WK_TASK)
		list_cond(w, "(instr(x.name_zh, ?) OR instr(x.name_en, ?) OR instr(x.code, ?))",
			  q->q);
	else if (q->q && policy)
		list_cond(w, "(instr(x.title, ?) OR instr(x.doc_no, ?))", q->q);
	else if (q->q)
		list_cond(w, "instr(x.title, ?)", q->q);
	/* the reader's scope: uncorrelated, so that the (target, round) index answers it */
	if (q->scope == SCOPE_UNIT && has(t, "target"))
		list_cond(w, "(x.target, x.\"round\") IN (SELECT g.target, g.\"round\" FROM "
			  "grp g JOIN member m ON m.\"group\" = g.id WHERE m.unit = ?)",
			  q->scope_key);
	else if (q->scope == SCOPE_TARGET && has(t, "target"))
		list_cond(w, "x.target = ?", q->scope_key);
	else if (q->scope == SCOPE_NONE)
		list_cond(w, "0 AND ? IS NULL", NULL);
}

static enum bf_status order_by(const struct work_query *q, struct buf *b, struct bf_err *err)
{
	const struct work_type *t = q->t;
	const char *s = q->sort;
	bool desc = s && *s == '-';
	int i;

	buf_adds(b, " ORDER BY ");
	if (s) {
		i = work_field_index(t, s + desc);
		if (i < 0 || is_list(&t->fields[i])) {
			struct buf all = BUF_INIT;
			for (size_t k = 0; k < t->nfields; k++)
				if (!is_list(&t->fields[k]))
					buf_addf(&all, "%s%s", all.len ? ", " : "", t->fields[k].name);
			bf_err_set(err, BF_EINPUT, "sort: '%.40s' is not a column of %s: give one of %s, "
				   "'-' before it for descending", s, t->plural, buf_cstr(&all));
			buf_release(&all);
			return BF_EINPUT;
		}
		buf_addf(b, "x.\"%s\"%s, ", t->fields[i].name, desc ? " DESC" : "");
	}
	for (size_t k = 0; k < t->nkey; k++)
		buf_addf(b, "%sx.\"%s\"", k ? ", " : "", t->fields[k].name);
	return BF_OK;
}

enum bf_status store_work_list(struct store *s, const struct work_query *q, store_work_row_fn fn,
			       void *ctx, long *total, struct bf_err *err)
{
	struct list_where w = LIST_WHERE_INIT;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	struct work_rec r;
	enum bf_status rc = BF_OK;
	long files;
	int step;

	build_where(q, &w);
	buf_addf(&sql, "SELECT count(*) FROM \"%s\" x%s", q->t->name, buf_cstr(&w.sql));
	if (!(st = prepare(s, buf_cstr(&sql), err)))
		goto fail;
	list_where_bind(st, &w);
	*total = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	done(st);
	st = NULL;

	buf_reset(&sql);
	select_cols(&sql, q->t);
	buf_adds(&sql, buf_cstr(&w.sql));
	if ((rc = order_by(q, &sql, err)))
		goto fail;
	buf_addf(&sql, " LIMIT ?%d OFFSET ?%d", w.n + 1, w.n + 2);
	if (!(st = prepare(s, buf_cstr(&sql), err)))
		goto fail;
	list_where_bind(st, &w);
	sqlite3_bind_int64(st, w.n + 1, q->limit);
	sqlite3_bind_int64(st, w.n + 2, q->offset);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, q->t, &r, &files);
		fn(ctx, &r, files);
	}
	if (step != SQLITE_DONE)
		rc = store_db_error(s, err, "cannot read the work");
	goto out;
fail:
	rc = err->status ? err->status : BF_EDB;
out:
	done(st);
	buf_release(&sql);
	list_where_release(&w);
	return rc;
}

/* ---- one record ------------------------------------------------------------------------- */

/* Binds the key of t given as text ("round,code" or an id) from position 1; false if the
 * text cannot be one. */
static bool bind_key(sqlite3_stmt *st, const struct work_type *t, const char *key, int at)
{
	if (t->kind == WK_TASK) {
		const char *comma = strchr(key, ',');
		if (!comma)
			return false;
		sqlite3_bind_text(st, at, key, (int)(comma - key), SQLITE_TRANSIENT);
		sqlite3_bind_text(st, at + 1, comma + 1, -1, SQLITE_TRANSIENT);
		return true;
	}
	char *end;
	long long id = strtoll(key, &end, 10);
	if (!*key || *end || id <= 0)
		return false;
	sqlite3_bind_int64(st, at, id);
	return true;
}

static void key_where(struct buf *b, const struct work_type *t)
{
	for (size_t k = 0; k < t->nkey; k++)
		buf_addf(b, "%s\"%s\" = ?", k ? " AND " : " WHERE ", t->fields[k].name);
}

enum bf_status store_work_get(struct store *s, const struct work_type *t, const char *key,
			      struct arena *a, struct work_rec *out, long *files, bool *found,
			      struct bf_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum bf_status rc = BF_OK;
	int step;

	*found = false;
	select_cols(&sql, t);
	for (size_t k = 0; k < t->nkey; k++)
		buf_addf(&sql, "%sx.\"%s\" = ?", k ? " AND " : " WHERE ", t->fields[k].name);
	if (!(st = prepare(s, buf_cstr(&sql), err))) {
		rc = err->status;
		goto out;
	}
	if (!bind_key(st, t, key, 1))
		goto out;
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, t, out, files);
		for (size_t i = 0; i < t->nfields; i++)
			out->v[i].s = arena_strdup(a, out->v[i].s);
		*found = true;
	} else if (step != SQLITE_DONE) {
		rc = store_db_error(s, err, "cannot read the work");
	}
out:
	done(st);
	buf_release(&sql);
	return rc;
}

/* ---- writes ----------------------------------------------------------------------------- */

static void bind_val(sqlite3_stmt *st, int at, const struct work_field *f, const struct work_val *v)
{
	if (v->null)
		sqlite3_bind_null(st, at);
	else if (f->type == WF_INT || f->type == WF_FLAG)
		sqlite3_bind_int64(st, at, v->i);
	else
		sqlite3_bind_text(st, at, v->s, -1, SQLITE_STATIC);
}

static enum bf_status step_write(struct store *s, sqlite3_stmt *st, const char *what,
				 struct bf_err *err)
{
	int rc = sqlite3_step(st);
	int ext = sqlite3_extended_errcode(s->db);
	if (rc == SQLITE_DONE)
		return BF_OK;
	if (ext == SQLITE_CONSTRAINT_PRIMARYKEY || ext == SQLITE_CONSTRAINT_UNIQUE)
		return bf_err_set(err, BF_ECONFLICT, "%s: a record with this key exists already", what);
	if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
		return bf_err_set(err, BF_ECONFLICT, "%s: other records still refer to this one "
				  "(commitments, resources, needs): change or delete them first", what);
	if ((ext & 0xff) == SQLITE_CONSTRAINT)
		return bf_err_set(err, BF_EINPUT, "%s: %s", what, sqlite3_errmsg(s->db));
	return store_db_error(s, err, what);
}

/* Writes a policy's lists (after deleting the old rows). */
static enum bf_status policy_lists(struct store *s, const struct work_rec *r, long long id,
				   struct bf_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM policy_target WHERE policy = ?1",
		"DELETE FROM policy_task WHERE policy = ?1",
		"INSERT OR IGNORE INTO policy_target (policy, target) VALUES (?1, ?2)",
		"INSERT OR IGNORE INTO policy_task (policy, \"round\", task) VALUES (?1, ?3, ?2)",
	};
	enum bf_status rc = BF_OK;

	for (int i = 0; i < 4 && !rc; i++) {
		const char *list = work_s(r, i % 2 == 0 ? "targets" : "tasks");
		sqlite3_stmt *st = fixed(s, Q_POLICY_LISTS + i, sql[i], err);
		if (!st)
			return err->status;
		for (const char *p = list; p && *p && i >= 2 && !rc;) {
			size_t n = strcspn(p, ";");
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, p, (int)n, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, work_s(r, "round"), -1, SQLITE_STATIC);
			if (n)
				rc = step_write(s, st, "policy", err);
			p += n + (p[n] == ';');
		}
		if (i < 2) {
			sqlite3_bind_int64(st, 1, id);
			rc = step_write(s, st, "policy", err);
		}
		done(st);
	}
	return rc;
}

enum bf_status store_work_insert(struct store *s, const struct work_rec *r, long long *id,
				 struct bf_err *err)
{
	const struct work_type *t = r->t;
	struct buf sql = BUF_INIT, vals = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum bf_status rc;
	int at = 1;

	buf_addf(&sql, "INSERT INTO \"%s\" (", t->name);
	for (size_t i = 0; i < t->nfields; i++) {
		if (is_list(&t->fields[i]) || (r->v[i].null && (t->fields[i].flags & WF_KEY)))
			continue;
		buf_addf(&sql, "%s\"%s\"", vals.len ? ", " : "", t->fields[i].name);
		buf_adds(&vals, vals.len ? ", ?" : "?");
	}
	buf_addf(&sql, ") VALUES (%s)", buf_cstr(&vals));
	if (!(st = prepare(s, buf_cstr(&sql), err))) {
		rc = err->status;
		goto out;
	}
	for (size_t i = 0; i < t->nfields; i++)
		if (!is_list(&t->fields[i]) && !(r->v[i].null && (t->fields[i].flags & WF_KEY)))
			bind_val(st, at++, &t->fields[i], &r->v[i]);
	if ((rc = step_write(s, st, t->name, err)))
		goto out;
	*id = sqlite3_last_insert_rowid(s->db);
	done(st);
	st = NULL;
	if (t->kind == WK_POLICY)
		rc = policy_lists(s, r, *id, err);
out:
	done(st);
	buf_release(&sql);
	buf_release(&vals);
	return rc;
}

enum bf_status store_work_update(struct store *s, const struct work_rec *r, struct bf_err *err)
{
	const struct work_type *t = r->t;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum bf_status rc;
	int at = 1;
	bool first = true;

	buf_addf(&sql, "UPDATE \"%s\" SET ", t->name);
	for (size_t i = t->nkey; i < t->nfields; i++) {
		if (is_list(&t->fields[i]))
			continue;
		buf_addf(&sql, "%s\"%s\" = ?", first ? "" : ", ", t->fields[i].name);
		first = false;
	}
	key_where(&sql, t);
	if (!(st = prepare(s, buf_cstr(&sql), err))) {
		rc = err->status;
		goto out;
	}
	for (size_t i = t->nkey; i < t->nfields; i++)
		if (!is_list(&t->fields[i]))
			bind_val(st, at++, &t->fields[i], &r->v[i]);
	for (size_t k = 0; k < t->nkey; k++)
		bind_val(st, at++, &t->fields[k], &r->v[k]);
	if ((rc = step_write(s, st, t->name, err)))
		goto out;
	done(st);
	st = NULL;
	if (t->kind == WK_POLICY)
		rc = policy_lists(s, r, r->v[0].i, err);
out:
	done(st);
	buf_release(&sql);
	return rc;
}

enum bf_status store_work_delete(struct store *s, const struct work_rec *r, struct bf_err *err)
{
	const struct work_type *t = r->t;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	enum bf_status rc;

	buf_addf(&sql, "DELETE FROM \"%s\"", t->name);
	key_where(&sql, t);
	if (!(st = prepare(s, buf_cstr(&sql), err))) {
		rc = err->status;
		goto out;
	}
	for (size_t k = 0; k < t->nkey; k++)
		bind_val(st, (int)k + 1, &t->fields[k], &r->v[k]);
	rc = step_write(s, st, t->name, err);
out:
	done(st);
	buf_release(&sql);
	return rc;
}

enum bf_status store_work_bump(struct store *s, struct bf_err *err)
{
	sqlite3_stmt *st = fixed(s, Q_BUMP, "UPDATE meta SET value = value + 1 WHERE key = "
					   "'work_generation'", err);
	enum bf_status rc = st ? step_write(s, st, "meta", err) : err->status;
	done(st);
	return rc;
}

/* ---- small facts -------------------------------------------------------------------------- */

/* Runs sql with text arguments a, b, c (NULL: not bound); true if it gives a row, whose
 * first two columns go to out1 and out2 (n bytes each) when they are not NULL. */
static bool row(struct store *s, int id, const char *sql, const char *a, const char *b,
		const char *c, char *out1, char *out2, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, id, sql);
	bool found = false;
	if (!st)
		return false;
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (c)
		sqlite3_bind_text(st, 3, c, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		if (out1)
			snprintf(out1, n, "%s", sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
		if (out2)
			snprintf(out2, n, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
	}
	done(st);
	return found;
}

long long store_work_generation(struct store *s)
{
	char v[32];
	return row(s, Q_GENERATION, "SELECT value FROM meta WHERE key = 'work_generation'", NULL, NULL, NULL, v,
		   NULL, sizeof v) ? atoll(v) : -1;
}

bool store_work_round(struct store *s, const char *name, char start[11], char end[11])
{
	return name && row(s, Q_ROUND, "SELECT start, \"end\" FROM round WHERE name = ?", name, NULL, NULL,
			   start, end, 11);
}

bool store_work_current_round(struct store *s, const char *day, char *out, size_t n)
{
	return row(s, Q_CURRENT_ROUND, "SELECT name FROM round ORDER BY (start <= ?1 AND \"end\" >= ?1) DESC, "
		      "(start <= ?1) DESC, CASE WHEN start <= ?1 THEN start END DESC, start LIMIT 1",
		   day, NULL, NULL, out, NULL, n);
}

bool store_work_target_exists(struct store *s, const char *adcode)
{
	return adcode && row(s, Q_TARGET, "SELECT 1 FROM target WHERE adcode = ?", adcode, NULL, NULL, NULL,
			     NULL, 0);
}

bool store_work_unit_exists(struct store *s, const char *code)
{
	return code && row(s, Q_UNIT, "SELECT 1 FROM unit WHERE code = ?", code, NULL, NULL, NULL, NULL, 0);
}

bool store_work_serves(struct store *s, const char *unit, const char *round, const char *target)
{
	return unit && round && target &&
	       row(s, Q_SERVES, "SELECT 1 FROM member m JOIN grp g ON g.id = m.\"group\" WHERE m.unit = ?1 "
		      "AND g.\"round\" = ?2 AND g.target = ?3", unit, round, target, NULL, NULL, 0);
}

bool store_work_task_exists(struct store *s, const char *round, const char *code)
{
	return round && code && row(s, Q_TASK, "SELECT 1 FROM task WHERE \"round\" = ? AND code = ?", round,
				    code, NULL, NULL, NULL, 0);
}

bool store_work_belongs(struct store *s, const char *table, long long id, const char *round,
			const char *target)
{
	bool need = strcmp(table, "need") == 0;
	char key[24];
	snprintf(key, sizeof key, "%lld", id);
	return round && target &&
	       row(s, need ? Q_NEED_OF : Q_COMMITMENT_OF,
		   need ? "SELECT 1 FROM need WHERE id = CAST(?1 AS INTEGER) AND \"round\" = ?2 AND "
			  "target = ?3"
			: "SELECT 1 FROM commitment WHERE id = CAST(?1 AS INTEGER) AND \"round\" = ?2 "
			  "AND target = ?3",
		   key, round, target, NULL, NULL, 0);
}

/* ---- evidence files ------------------------------------------------------------------------ */

enum bf_status store_work_file_add(struct store *s, const struct work_file *f, long long *id,
				   struct bf_err *err)
{
	sqlite3_stmt *st = fixed(s, Q_FILE_ADD, "INSERT INTO evidence_file (commitment, name, mime, "
						 "size, data, created, account) VALUES (?, ?, ?, ?, ?, ?, ?)",
				 err);
	enum bf_status rc;
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, f->commitment);
	sqlite3_bind_text(st, 2, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->mime, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, f->size);
	sqlite3_bind_blob64(st, 5, f->data ? f->data : "", (sqlite3_uint64)f->size, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, f->created, -1, SQLITE_STATIC);
	if (f->account)
		sqlite3_bind_text(st, 7, f->account, -1, SQLITE_STATIC);
	rc = step_write(s, st, "evidence_file", err);
	*id = sqlite3_last_insert_rowid(s->db);
	done(st);
	return rc;
}

static enum bf_status files(struct store *s, int id, const char *sql, long long key,
			    store_work_file_fn fn, void *ctx, bool with_data, bool *found,
			    struct bf_err *err)
{
	sqlite3_stmt *st = fixed(s, id, sql, err);
	int step;
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, key);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct work_file f = {
			sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6),
			with_data ? sqlite3_column_blob(st, 7) : NULL,
		};
		if (found)
			*found = true;
		fn(ctx, &f);
	}
	done(st);
	return step == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot read evidence files");
}

enum bf_status store_work_files(struct store *s, long long commitment, store_work_file_fn fn,
				void *ctx, struct bf_err *err)
{
	return files(s, Q_FILES, "SELECT id, commitment, name, mime, size, created, account FROM "
			"evidence_file WHERE commitment = ? ORDER BY id", commitment, fn, ctx, false,
		     NULL, err);
}

enum bf_status store_work_file_get(struct store *s, long long id, store_work_file_fn fn,
				   void *ctx, bool *found, struct bf_err *err)
{
	*found = false;
	return files(s, Q_FILE_GET, "SELECT id, commitment, name, mime, size, created, account, "
			"data FROM "
			"evidence_file WHERE id = ?", id, fn, ctx, true, found, err);
}

enum bf_status store_work_file_delete(struct store *s, long long id, struct bf_err *err)
{
	sqlite3_stmt *st = fixed(s, Q_FILE_DELETE, "DELETE FROM evidence_file WHERE id = ?", err);
	enum bf_status rc;
	if (!st)
		return err->status;
	sqlite3_bind_int64(st, 1, id);
	rc = step_write(s, st, "evidence_file", err);
	done(st);
	return rc;
}
