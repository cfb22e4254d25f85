/* work_bulk: bulk SQL of the work tables; see work_bulk.h. The statements are prepared once
 * per import (not from the store's shared cache, whose ids belong to the per-record files). */
#include "store/work_bulk.h"
#include "store/store_int.h"
#include "util/buf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a column is bound: 'i' a whole number, 'd' a whole number that is 0 when empty, 'j' a
 * whole number or NULL, 't' text ('' when empty), 'n' text or NULL, 'l' a ';'-list kept in
 * another table (a policy's targets and tasks). */
struct col {
	const char *name;
	char kind;
};

static const struct col task_cols[] = {
	{ "round", 't' }, { "code", 't' }, { "domain", 't' }, { "domain_zh", 't' },
	{ "name_zh", 't' }, { "name_en", 't' }, { "article_wording", 't' }, { "classes", 't' },
	{ "direction", 't' }, { "verified", 'd' }, { "note", 't' },
};
static const struct col need_cols[] = {
	{ "id", 'i' }, { "round", 't' }, { "target", 't' }, { "task", 't' }, { "title", 't' },
	{ "detail", 't' }, { "priority", 'i' }, { "illustrative", 'd' },
};
static const struct col commitment_cols[] = {
	{ "id", 'i' }, { "round", 't' }, { "target", 't' }, { "unit", 't' }, { "task", 't' },
	{ "need", 'j' }, { "title", 't' }, { "measure", 't' }, { "target_value", 'i' },
	{ "delivered_value", 'd' }, { "due", 't' }, { "status", 't' }, { "evidence", 't' },
	{ "evidence_link", 't' }, { "reason", 't' }, { "delivered_on", 'n' },
	{ "confirmed_on", 'n' }, { "confirmed_by", 'n' }, { "illustrative", 'd' },
};
static const struct col resource_cols[] = {
	{ "id", 'i' }, { "round", 't' }, { "kind", 't' }, { "amount", 'i' }, { "target", 't' },
	{ "unit", 't' }, { "task", 'n' }, { "commitment", 'j' }, { "date", 't' },
	{ "source", 't' }, { "illustrative", 'd' },
};
static const struct col policy_cols[] = {
	{ "id", 'i' }, { "round", 't' }, { "unit", 't' }, { "title", 't' }, { "doc_no", 't' },
	{ "date", 't' }, { "sector", 't' }, { "targets", 'l' }, { "tasks", 'l' }, { "link", 't' },
	{ "illustrative", 'd' },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_COLS 24

static const struct table_def {
	const char *file, *table, *key;
	const struct col *cols;
	size_t ncols, nkey;
} tables[WORK_NTABLES] = {
	[WORK_TASKS] = { "tasks.csv", "task", "round, code", task_cols, N(task_cols), 2 },
	[WORK_NEEDS] = { "needs.csv", "need", "id", need_cols, N(need_cols), 1 },
	[WORK_COMMITMENTS] = { "commitments.csv", "commitment", "id", commitment_cols,
			       N(commitment_cols), 1 },
	[WORK_RESOURCES] = { "resources.csv", "resource", "id", resource_cols, N(resource_cols),
			     1 },
	[WORK_POLICIES] = { "policies.csv", "policy", "id", policy_cols, N(policy_cols), 1 },
};

static const char *const column_names[WORK_NTABLES][MAX_COLS] = {
#define NAMES(...) { __VA_ARGS__, NULL }
	[WORK_TASKS] = NAMES("round", "code", "domain", "domain_zh", "name_zh", "name_en",
			     "article_wording", "classes", "direction", "verified", "note"),
	[WORK_NEEDS] = NAMES("id", "round", "target", "task", "title", "detail", "priority",
			     "illustrative"),
	[WORK_COMMITMENTS] = NAMES("id", "round", "target", "unit", "task", "need", "title",
				   "measure", "target_value", "delivered_value", "due", "status",
				   "evidence", "evidence_link", "reason", "delivered_on",
				   "confirmed_on", "confirmed_by", "illustrative"),
	[WORK_RESOURCES] = NAMES("id", "round", "kind", "amount", "target", "unit", "task",
				 "commitment", "date", "source", "illustrative"),
	[WORK_POLICIES] = NAMES("id", "round", "unit", "title", "doc_no", "date", "sector",
				"targets", "tasks", "link", "illustrative"),
#undef NAMES
};

const char *work_bulk_file(enum work_table t)
{
	return tables[t].file;
}

const char *const *work_bulk_columns(enum work_table t, size_t *n)
{
	*n = tables[t].ncols;
	return column_names[t];
}

enum { P_DEL_TARGETS, P_DEL_TASKS, P_INS_TARGET, P_INS_TASK, P_BUMP, P_N };

static const char *const policy_sql[P_N] = {
	[P_DEL_TARGETS] = "DELETE FROM policy_target WHERE policy = ?",
	[P_DEL_TASKS] = "DELETE FROM policy_task WHERE policy = ?",
	[P_INS_TARGET] = "INSERT OR IGNORE INTO policy_target (policy, target) VALUES (?, ?)",
	[P_INS_TASK] = "INSERT OR IGNORE INTO policy_task (policy, round, task) VALUES (?, ?, ?)",
	[P_BUMP] = "UPDATE meta SET value = value + 1 WHERE key = 'work_generation'",
};

struct work_bulk {
	struct store *s;
	sqlite3_stmt *ins[WORK_NTABLES];
	sqlite3_stmt *aux[P_N];
	char **triggers; /* the sums' triggers dropped for a bulk import (work_bulk_sums_off) */
	size_t ntriggers;
};

struct work_bulk *work_bulk_new(struct store *s)
{
	struct work_bulk *b = xcalloc(1, sizeof *b);
	b->s = s;
	return b;
}

void work_bulk_free(struct work_bulk *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < WORK_NTABLES; i++)
		sqlite3_finalize(b->ins[i]);
	for (size_t i = 0; i < P_N; i++)
		sqlite3_finalize(b->aux[i]);
	for (size_t i = 0; i < b->ntriggers; i++)
		free(b->triggers[i]);
	free(b->triggers);
	free(b);
}

/* INSERT INTO t (cols[, created]) VALUES (?, ...[, now]) ON CONFLICT (key) DO UPDATE SET ...
 * (a task has no created column: the catalogue is not a record someone writes). */
static char *insert_sql(const struct table_def *d)
{
	struct buf b = BUF_INIT;
	size_t n = 0;
	bool created = d->nkey == 1;

	buf_addf(&b, "INSERT INTO %s (", d->table);
	for (size_t i = 0; i < d->ncols; i++)
		if (d->cols[i].kind != 'l')
			buf_addf(&b, "%s\"%s\"", n++ ? ", " : "", d->cols[i].name);
	buf_adds(&b, created ? ", created) VALUES (" : ") VALUES (");
	n = 0;
	for (size_t i = 0; i < d->ncols; i++)
		if (d->cols[i].kind != 'l')
			buf_addf(&b, "%s?%zu", n++ ? ", " : "", i + 1);
	buf_addf(&b, "%s) ON CONFLICT (%s) DO UPDATE SET ",
		 created ? ", strftime('%Y-%m-%dT%H:%M:%SZ', 'now')" : "", d->key);
	n = 0;
	for (size_t i = d->nkey; i < d->ncols; i++)
		if (d->cols[i].kind != 'l')
			buf_addf(&b, "%s\"%s\" = excluded.\"%s\"", n++ ? ", " : "", d->cols[i].name,
				 d->cols[i].name);
	return buf_detach(&b);
}

static sqlite3_stmt *prepared(struct work_bulk *b, sqlite3_stmt **slot, const char *sql)
{
	if (!*slot && sqlite3_prepare_v3(b->s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot,
					 NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

static bool empty(const char *v)
{
	return !v || !*v;
}

static void bind(sqlite3_stmt *st, int i, char kind, const char *v)
{
	if (kind == 'd' && empty(v))
		sqlite3_bind_int64(st, i, 0);
	else if ((kind == 'j' || kind == 'n' || kind == 'i') && empty(v))
		sqlite3_bind_null(st, i);
	else if (kind == 'i' || kind == 'd' || kind == 'j')
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else
		sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

/* The column a constraint message names: "NOT NULL constraint failed: need.title", or the
 * first column word of a CHECK's expression ("CHECK constraint failed: amount > 0"). */
static const char *column_of(const struct table_def *d, const char *msg)
{
	const char *p = strstr(msg, "failed: ");
	const char *dot;

	if (!p)
		return NULL;
	p += 8;
	if (strncmp(msg, "NOT NULL", 8) == 0 && (dot = strrchr(p, '.')))
		p = dot + 1;
	while (*p) {
		size_t len = 0;
		while (p[len] && (isalnum((unsigned char)p[len]) || p[len] == '_'))
			len++;
		for (size_t i = 0; len && i < d->ncols; i++)
			if (strlen(d->cols[i].name) == len && strncmp(d->cols[i].name, p, len) == 0)
				return d->cols[i].name;
		p += len ? len : 1;
	}
	return NULL;
}

static enum bf_status step(struct work_bulk *b, sqlite3_stmt *st, const struct table_def *d,
			   const char **column, struct bf_err *err)
{
	const char *msg;

	if (!st)
		return store_db_error(b->s, err, "cannot prepare the work's import");
	if (sqlite3_step(st) == SQLITE_DONE)
		return BF_OK;
	msg = sqlite3_errmsg(b->s->db);
	if ((sqlite3_errcode(b->s->db) & 0xff) != SQLITE_CONSTRAINT)
		return store_db_error(b->s, err, "cannot write");
	if (column)
		*column = column_of(d, msg);
	{ /* the CHECK's text as the schema spells it, on one line */
		struct buf one = BUF_INIT;
		for (const char *p = msg; *p; p++)
			if (!(isspace((unsigned char)*p) && one.len &&
			      one.data[one.len - 1] == ' '))
				buf_addc(&one, isspace((unsigned char)*p) ? ' ' : *p);
		bf_err_set(err, BF_EINPUT, "the database refuses it (%s)", buf_cstr(&one));
		buf_release(&one);
	}
	return BF_EINPUT;
}

/* Inserts the items of a ';'-list into policy_target or policy_task. */
static enum bf_status put_list(struct work_bulk *b, int which, long long policy,
			       const char *round, const char *list, const char **column,
			       struct bf_err *err)
{
	const char *p = list ? list : "";
	enum bf_status rc = BF_OK;

	while (*p && !rc) {
		size_t len = strcspn(p, ";");
		sqlite3_stmt *st = prepared(b, &b->aux[which], policy_sql[which]);
		if (st) {
			sqlite3_bind_int64(st, 1, policy);
			if (which == P_INS_TASK) {
				sqlite3_bind_text(st, 2, round, -1, SQLITE_STATIC);
				sqlite3_bind_text(st, 3, p, (int)len, SQLITE_STATIC);
			} else {
				sqlite3_bind_text(st, 2, p, (int)len, SQLITE_STATIC);
			}
		}
		rc = step(b, st, &tables[WORK_POLICIES], NULL, err);
		if (rc && column)
			*column = which == P_INS_TASK ? "tasks" : "targets";
		p += len + (p[len] == ';');
	}
	return rc;
}

static enum bf_status put_policy_lists(struct work_bulk *b, const char *const *v,
				       const char **column, struct bf_err *err)
{
	long long id = strtoll(v[0], NULL, 10);
	enum bf_status rc = BF_OK;

	for (int which = P_DEL_TARGETS; which <= P_DEL_TASKS && !rc; which++) {
		sqlite3_stmt *st = prepared(b, &b->aux[which], policy_sql[which]);
		if (st)
			sqlite3_bind_int64(st, 1, id);
		rc = step(b, st, &tables[WORK_POLICIES], NULL, err);
	}
	if (!rc)
		rc = put_list(b, P_INS_TARGET, id, v[1], v[7], column, err);
	if (!rc)
		rc = put_list(b, P_INS_TASK, id, v[1], v[8], column, err);
	return rc;
}

enum bf_status work_bulk_put(struct work_bulk *b, enum work_table t, const char *const *values,
			     const char **column, struct bf_err *err)
{
	const struct table_def *d = &tables[t];
	sqlite3_stmt *st;
	enum bf_status rc;

	if (column)
		*column = NULL;
	if (!b->ins[t]) {
		char *sql = insert_sql(d);
		st = prepared(b, &b->ins[t], sql);
		free(sql);
	} else {
		st = prepared(b, &b->ins[t], NULL);
	}
	if (st)
		for (size_t i = 0; i < d->ncols; i++)
			if (d->cols[i].kind != 'l')
				bind(st, (int)i + 1, d->cols[i].kind, values[i]);
	rc = step(b, st, d, column, err);
	if (!rc && t == WORK_POLICIES)
		rc = put_policy_lists(b, values, column, err);
	return rc;
}

enum bf_status work_bulk_bump(struct work_bulk *b, struct bf_err *err)
{
	return step(b, prepared(b, &b->aux[P_BUMP], policy_sql[P_BUMP]), &tables[WORK_TASKS], NULL,
		    err);
}

/* ---- the running sums of a bulk import ------------------------------------------------------ */

/* Each sum table (schema4.sql's last section) as one GROUP BY over its base table. */
static const char *const rebuild_sql[] = {
	"DELETE FROM work_sum_status_unit; DELETE FROM work_sum_status_task; "
	"DELETE FROM work_sum_status_target; DELETE FROM work_sum_measure_unit; "
	"DELETE FROM work_sum_measure_task; DELETE FROM work_sum_measure_target; "
	"DELETE FROM work_sum_resource_unit; DELETE FROM work_sum_resource_task; "
	"DELETE FROM work_sum_resource_target",
	"INSERT INTO work_sum_status_unit SELECT round, target, unit, status, count(*) "
	"FROM commitment GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_status_task SELECT round, target, task, status, count(*) "
	"FROM commitment GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_status_target SELECT round, target, status, count(*) "
	"FROM commitment GROUP BY 1, 2, 3",
#define MEASURE_SUMS "count(*), sum(target_value), sum(delivered_value), " \
	"sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END) FROM commitment " \
	"WHERE status <> 'dropped' "
	"INSERT INTO work_sum_measure_unit SELECT round, target, unit, measure, " MEASURE_SUMS
	"GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_measure_task SELECT round, target, task, measure, " MEASURE_SUMS
	"GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_measure_target SELECT round, target, measure, " MEASURE_SUMS
	"GROUP BY 1, 2, 3",
#undef MEASURE_SUMS
	"INSERT INTO work_sum_resource_unit SELECT round, target, unit, kind, count(*), "
	"sum(amount) FROM resource GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_resource_task SELECT round, target, IFNULL(task, ''), kind, "
	"count(*), sum(amount) FROM resource GROUP BY 1, 2, 3, 4",
	"INSERT INTO work_sum_resource_target SELECT round, target, kind, count(*), sum(amount) "
	"FROM resource GROUP BY 1, 2, 3",
};

void work_bulk_sums_off(struct work_bulk *b)
{
	sqlite3_stmt *st;

	if (b->triggers || sqlite3_prepare_v2(b->s->db, "SELECT name, sql FROM sqlite_master WHERE "
					      "type = 'trigger' AND name LIKE 'work_sum_%'", -1,
					      &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char drop[128];
		b->triggers = xrealloc(b->triggers, (b->ntriggers + 1) * sizeof *b->triggers);
		b->triggers[b->ntriggers++] = xstrdup((const char *)sqlite3_column_text(st, 1));
		snprintf(drop, sizeof drop, "DROP TRIGGER \"%s\"", sqlite3_column_text(st, 0));
		sqlite3_exec(b->s->db, drop, NULL, NULL, NULL);
	}
	sqlite3_finalize(st);
}

enum bf_status work_bulk_sums_rebuild(struct work_bulk *b, struct bf_err *err)
{
	enum bf_status rc = BF_OK;

	if (!b->ntriggers)
		return BF_OK;
	for (size_t i = 0; i < N(rebuild_sql) && !rc; i++)
		rc = store_exec(b->s, rebuild_sql[i], err);
	for (size_t i = 0; i < b->ntriggers && !rc; i++)
		rc = store_exec(b->s, b->triggers[i], err);
	for (size_t i = 0; i < b->ntriggers; i++)
		free(b->triggers[i]);
	free(b->triggers);
	b->triggers = NULL;
	b->ntriggers = 0;
	return rc;
}

/* ---- references -------------------------------------------------------------------------- */

#define MISSING(parent, cond) "NOT EXISTS (SELECT 1 FROM " parent " p WHERE " cond ")"
#define ROUND_MISSING MISSING("round", "p.name = c.round")
#define TARGET_MISSING MISSING("target", "p.adcode = c.target")
#define UNIT_MISSING MISSING("unit", "p.code = c.unit")
#define TASK_MISSING MISSING("task", "p.round = c.round AND p.code = c.task")

static const struct ref_check {
	enum work_table t;
	const char *column, *value, *from, *where, *what;
} refs[] = {
	{ WORK_TASKS, "round", "c.round", "task c", ROUND_MISSING, "round (rounds.csv)" },
	{ WORK_NEEDS, "round", "c.round", "need c", ROUND_MISSING, "round (rounds.csv)" },
	{ WORK_NEEDS, "target", "c.target", "need c", TARGET_MISSING, "target (targets.csv)" },
	{ WORK_NEEDS, "task", "c.task", "need c", TASK_MISSING, "task of the round (tasks.csv)" },
	{ WORK_COMMITMENTS, "round", "c.round", "commitment c", ROUND_MISSING, "round (rounds.csv)" },
	{ WORK_COMMITMENTS, "target", "c.target", "commitment c", TARGET_MISSING,
	  "target (targets.csv)" },
	{ WORK_COMMITMENTS, "unit", "c.unit", "commitment c", UNIT_MISSING, "unit (units.csv)" },
	{ WORK_COMMITMENTS, "task", "c.task", "commitment c", TASK_MISSING,
	  "task of the round (tasks.csv)" },
	{ WORK_COMMITMENTS, "need", "c.need", "commitment c",
	  "c.need IS NOT NULL AND " MISSING("need", "p.id = c.need AND p.target = c.target AND "
						    "p.round = c.round"),
	  "need of the same target and round (needs.csv)" },
	{ WORK_RESOURCES, "round", "c.round", "resource c", ROUND_MISSING, "round (rounds.csv)" },
	{ WORK_RESOURCES, "target", "c.target", "resource c", TARGET_MISSING,
	  "target (targets.csv)" },
	{ WORK_RESOURCES, "unit", "c.unit", "resource c", UNIT_MISSING, "unit (units.csv)" },
	{ WORK_RESOURCES, "task", "c.task", "resource c", "c.task IS NOT NULL AND " TASK_MISSING,
	  "task of the round (tasks.csv)" },
	{ WORK_RESOURCES, "commitment", "c.commitment", "resource c",
	  "c.commitment IS NOT NULL AND " MISSING("commitment", "p.id = c.commitment"),
	  "commitment (commitments.csv)" },
	{ WORK_POLICIES, "round", "c.round", "policy c", ROUND_MISSING, "round (rounds.csv)" },
	{ WORK_POLICIES, "unit", "c.unit", "policy c", UNIT_MISSING, "unit (units.csv)" },
	{ WORK_POLICIES, "targets", "c.target", "policy_target c",
	  MISSING("target", "p.adcode = c.target"), "target (targets.csv)" },
	{ WORK_POLICIES, "tasks", "c.task", "policy_task c", TASK_MISSING,
	  "task of the round (tasks.csv)" },
};

static void copy(char *out, size_t n, const unsigned char *s)
{
	snprintf(out, n, "%s", s ? (const char *)s : "");
}

size_t work_bulk_dangling(struct store *s, struct work_dangling *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < N(refs) && n < max; i++) {
		const struct ref_check *r = &refs[i];
		struct buf sql = BUF_INIT;
		sqlite3_stmt *st;
		const char *key = r->t == WORK_TASKS ? "c.round || ',' || c.code"
			: strncmp(r->from, "policy_", 7) == 0 ? "c.policy" : "c.id";
		buf_addf(&sql, "SELECT %s, %s FROM %s WHERE %s ORDER BY 1 LIMIT %zu", key, r->value,
			 r->from, r->where, max - n);
		if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) == SQLITE_OK) {
			while (n < max && sqlite3_step(st) == SQLITE_ROW) {
				out[n].table = r->t;
				out[n].column = r->column;
				out[n].what = r->what;
				copy(out[n].key, sizeof out[n].key, sqlite3_column_text(st, 0));
				copy(out[n].value, sizeof out[n].value, sqlite3_column_text(st, 1));
				n++;
			}
			sqlite3_finalize(st);
		}
		buf_release(&sql);
	}
	return n;
}

/* ---- reading back -------------------------------------------------------------------------- */

enum bf_status work_bulk_each(struct store *s, enum work_table t, work_row_fn fn, void *ctx,
			      struct bf_err *err)
{
	const struct table_def *d = &tables[t];
	const char *values[MAX_COLS];
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	buf_adds(&sql, "SELECT ");
	for (size_t i = 0; i < d->ncols; i++) {
		const char *name = d->cols[i].name;
		if (d->cols[i].kind != 'l')
			buf_addf(&sql, "%sc.\"%s\"", i ? ", " : "", name);
		else if (strcmp(name, "targets") == 0)
			buf_adds(&sql, ", (SELECT group_concat(target, ';') FROM (SELECT target FROM "
				       "policy_target WHERE policy = c.id ORDER BY target))");
		else
			buf_adds(&sql, ", (SELECT group_concat(task, ';') FROM (SELECT task FROM "
				       "policy_task WHERE policy = c.id ORDER BY task))");
	}
	buf_addf(&sql, " FROM %s c ORDER BY %s", d->table,
		 t == WORK_TASKS ? "c.round, c.code" : "c.id");
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, err, "cannot read the work");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < d->ncols; i++) {
			const unsigned char *v = sqlite3_column_text(st, (int)i);
			values[i] = v ? (const char *)v : "";
		}
		if (!fn(values, d->ncols, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read the work");
	return BF_OK;
}

long work_bulk_count(struct store *s, enum work_table t)
{
	char sql[64];
	sqlite3_stmt *st;
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[t].table);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
