/* store: SQLite access; see store.h. Statements for writing are prepared once per record
 * type and reused (re-preparing per row is ~3x slower, notes/dependencies.md). */
#include "store/store.h"
#include "util/asset.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include <assert.h>
#include <math.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

#define SCHEMA_VERSION 6

static size_t type_index(const struct record_type *t)
{
	for (size_t i = 0; i < model_ntypes; i++)
		if (model_types[i] == t)
			return i;
	return 0;
}

static void forget_dropped(struct store *s);

enum bf_status store_db_error(struct store *s, struct bf_err *err, const char *what)
{
	int code = sqlite3_errcode(s->db);
	enum bf_status st = code == SQLITE_BUSY || code == SQLITE_LOCKED ? BF_ECONFLICT : BF_EDB;
	return bf_err_set(err, st, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

sqlite3_stmt *store_stmt(struct store *s, int id, const char *sql)
{
	if (!s->stmt[id] &&
	    sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL) !=
		    SQLITE_OK)
		return NULL;
	sqlite3_reset(s->stmt[id]);
	sqlite3_clear_bindings(s->stmt[id]);
	return s->stmt[id];
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

const char *store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

int64_t store_step_int64(sqlite3_stmt *st, int64_t none)
{
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : none;
	sqlite3_reset(st);
	return v;
}

enum bf_status store_exec(struct store *s, const char *sql, struct bf_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return BF_OK;
	bf_err_set(err, BF_EDB, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
	sqlite3_free(msg);
	return BF_EDB;
}

int store_schema_supported(void)
{
	return SCHEMA_VERSION;
}

int store_schema_version(struct store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The migrations: migrations[v] brings a database from user_version v to v + 1. Each runs in
 * one transaction with its user_version bump. */
static const char *const migrations[SCHEMA_VERSION] = { "schema.sql", "schema2.sql",
							  "schema3.sql",
							  "schema4.sql", "schema5.sql", "schema6.sql" };

/* Brings the schema to SCHEMA_VERSION. */
static enum bf_status migrate(struct store *s, struct bf_err *err)
{
	int v = store_schema_version(s);
	enum bf_status rc = BF_OK;
	char bump[48];

	if (v > SCHEMA_VERSION)
		return bf_err_set(err, BF_EDB,
				  "%s: schema version %d is newer than this bangfu (%d): upgrade "
				  "bangfu",
				  s->path, v, SCHEMA_VERSION);
	for (; v < SCHEMA_VERSION && !rc; v++) {
		if ((rc = store_exec(s, "BEGIN IMMEDIATE", err)))
			return rc;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if ((rc = store_exec(s, (const char *)asset_find(migrations[v])->begin, err)) ||
		    (rc = store_exec(s, bump, err)) || (rc = store_exec(s, "COMMIT", err)))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

static enum bf_status configure(struct store *s, struct bf_err *err)
{
	sqlite3_busy_timeout(s->db, 5000);
	/* 16 KiB pages: a bulk import writes a quarter of the pages (17% faster measured);
	 * takes effect only when the file is new, before journal_mode creates it. */
	return store_exec(s, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
		       "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
		    err);
}

enum bf_status store_open(const char *path, bool create, struct store **out, struct bf_err *err)
{
	struct store *s;
	/* One connection per thread, never shared: no need for SQLite's per-call mutexes. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	enum bf_status rc;

	*out = NULL;
	if (!create && !fileio_exists(path))
		return bf_err_set(err, BF_ENOTFOUND,
				  "%s: no such database; create it with `bangfu init` (or give "
				  "another with --db PATH or BANGFU_DB)",
				  path);
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		rc = store_db_error(s, err, "cannot open the database");
		goto fail;
	}
	if ((rc = configure(s, err)) || (rc = migrate(s, err)))
		goto fail;
	*out = s;
	return BF_OK;
fail:
	store_close(s);
	return rc;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	forget_dropped(s);
	for (size_t i = 0; i < STORE_NTYPES; i++) {
		sqlite3_finalize(s->put[i]);
		sqlite3_finalize(s->batch[i]);
	}
	for (size_t i = 0; i < STORE_NSTMT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

enum bf_status store_begin(struct store *s, struct bf_err *err)
{
	enum bf_status rc = store_exec(s, "BEGIN IMMEDIATE", err);
	if (!rc)
		rc = store_exec(s, "PRAGMA defer_foreign_keys = ON", err);
	return rc;
}

enum bf_status store_begin_strict(struct store *s, struct bf_err *err)
{
	return store_exec(s, "BEGIN IMMEDIATE", err);
}

static void forget_dropped(struct store *s)
{
	for (size_t i = 0; i < s->ndropped; i++)
		free(s->dropped[i]);
	free(s->dropped);
	s->dropped = NULL;
	s->ndropped = 0;
}

/* Back to normal after a transaction: indexes are restored by the commit or the rollback. */
static void end_transaction(struct store *s)
{
	forget_dropped(s);
	if (s->fk_off)
		sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	s->fk_off = false;
}

static atomic_llong local_epoch;

long long store_local_epoch(void)
{
	return atomic_load(&local_epoch);
}

void store_local_epoch_bump(void)
{
	atomic_fetch_add(&local_epoch, 1);
}

enum bf_status store_commit(struct store *s, struct bf_err *err)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
		end_transaction(s);
		store_local_epoch_bump();
		return BF_OK;
	}
	if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
		bf_err_set(err, BF_ECONFLICT, "other records still refer to this one: change or "
					      "delete them first");
	else
		store_db_error(s, err, "cannot commit");
	store_rollback(s);
	return err->status;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	end_transaction(s);
}

static enum bf_status drop_indexes(struct store *s, struct bf_err *err)
{
	sqlite3_stmt *st;
	struct buf drop = BUF_INIT;
	size_t cap = 0;
	enum bf_status rc;

	if (sqlite3_prepare_v2(s->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
				      "AND sql IS NOT NULL ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot list indexes");
	while (sqlite3_step(st) == SQLITE_ROW) {
		void *p = s->dropped;
		xgrow(&p, &cap, s->ndropped + 1, sizeof(char *));
		s->dropped = p;
		s->dropped[s->ndropped++] = xstrdup((const char *)sqlite3_column_text(st, 1));
		buf_addf(&drop, "DROP INDEX \"%s\";", sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	rc = drop.len ? store_exec(s, drop.data, err) : BF_OK;
	buf_release(&drop);
	return rc;
}

enum bf_status store_begin_import(struct store *s, bool bulk, struct bf_err *err)
{
	enum bf_status rc;

	if ((rc = store_exec(s, "PRAGMA foreign_keys = OFF", err)))
		return rc;
	s->fk_off = true;
	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err)) || (bulk && (rc = drop_indexes(s, err))))
		store_rollback(s);
	return rc;
}

enum bf_status store_import_reindex(struct store *s, struct bf_err *err)
{
	enum bf_status rc = BF_OK;
	for (size_t i = 0; i < s->ndropped && !rc; i++)
		rc = store_exec(s, s->dropped[i], err);
	forget_dropped(s);
	return rc;
}

static void quoted(struct buf *b, const char *name)
{
	buf_addf(b, "\"%s\"", name);
}

/* INSERT ... VALUES (row) x rows ON CONFLICT(key) DO UPDATE SET every non-key column. */
static char *upsert_sql(const struct record_type *t, size_t rows)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "INSERT INTO %s (", t->table);
	for (size_t i = 0; i < t->nfields; i++) {
		buf_adds(&b, i ? ", " : "");
		quoted(&b, t->fields[i].name);
	}
	buf_adds(&b, ") VALUES ");
	for (size_t r = 0; r < rows; r++) {
		buf_adds(&b, r ? ", (" : "(");
		for (size_t i = 0; i < t->nfields; i++)
			buf_adds(&b, i ? ", ?" : "?");
		buf_addc(&b, ')');
	}
	buf_adds(&b, " ON CONFLICT (");
	for (size_t i = 0; i < t->nkey; i++) {
		buf_adds(&b, i ? ", " : "");
		quoted(&b, t->fields[i].name);
	}
	buf_adds(&b, ") DO UPDATE SET ");
	for (size_t i = t->nkey; i < t->nfields; i++) {
		buf_adds(&b, i > t->nkey ? ", " : "");
		quoted(&b, t->fields[i].name);
		buf_adds(&b, " = excluded.");
		quoted(&b, t->fields[i].name);
	}
	return buf_detach(&b);
}

/* Binds one field without copying: rec's strings and day must outlive the step. */
static void bind_field(sqlite3_stmt *st, int col, const struct field_def *f, const void *rec,
		       char day[11])
{
	sqlite3_destructor_type keep = SQLITE_STATIC;
	const void *p = (const char *)rec + f->offset;

	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
		if (*(const char *const *)p)
			sqlite3_bind_text(st, col, *(const char *const *)p, -1, keep);
		else
			sqlite3_bind_null(st, col);
		break;
	case FT_DATE:
		if (*(const bf_day *)p == BF_DAY_NONE) {
			sqlite3_bind_null(st, col);
			break;
		}
		date_format(*(const bf_day *)p, day);
		sqlite3_bind_text(st, col, day, 10, keep);
		break;
	case FT_INT:
	case FT_FLAG:
		sqlite3_bind_int64(st, col, *(const long *)p);
		break;
	case FT_REAL:
		if (isnan(*(const double *)p))
			sqlite3_bind_null(st, col);
		else
			sqlite3_bind_double(st, col, *(const double *)p);
		break;
	case FT_ENUM:
		sqlite3_bind_text(st, col, f->allowed[*(const int *)p], -1, SQLITE_STATIC);
		break;
	}
}

/* Finds which column a constraint message ("UNIQUE constraint failed: unit.name_zh") is
 * about. */
static const char *constraint_field(const struct record_type *t, const char *msg)
{
	for (size_t i = t->nfields; i-- > 0;) {
		char pat[96];
		snprintf(pat, sizeof pat, "%s.%s", t->table, t->fields[i].name);
		if (strstr(msg, pat))
			return t->fields[i].name;
	}
	for (size_t i = t->nfields; i-- > 0;)
		if (strstr(msg, t->fields[i].name))
			return t->fields[i].name;
	return t->fields[0].name;
}

static enum bf_status put_failed(struct store *s, const struct record_type *t, int rc,
				 const char **field, struct bf_err *err)
{
	const char *msg = sqlite3_errmsg(s->db);
	const char *f = constraint_field(t, msg);

	if (field)
		*field = f;
	if (sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
		return bf_err_set(err, BF_ECONFLICT, "another %s already has this %s", t->what, f);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return bf_err_set(err, BF_EINPUT, "%s is not allowed (%s)", f, msg);
	return store_db_error(s, err, "cannot write");
}

enum bf_status store_put(struct store *s, const struct record_type *t, const void *rec,
			 const char **field, struct bf_err *err)
{
	size_t ti = type_index(t);
	sqlite3_stmt *st = s->put[ti];
	int rc;

	assert(t->nfields <= sizeof s->dates[0] / sizeof s->dates[0][0]);
	if (!st) {
		char *sql = upsert_sql(t, 1);
		rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return store_db_error(s, err, "cannot prepare a write");
		s->put[ti] = st;
	}
	for (size_t i = 0; i < t->nfields; i++)
		bind_field(st, (int)i + 1, &t->fields[i], rec, s->dates[0][i]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return BF_OK;
	return put_failed(s, t, rc, field, err);
}

static sqlite3_stmt *batch_stmt(struct store *s, const struct record_type *t)
{
	size_t ti = type_index(t);
	if (!s->batch[ti]) {
		char *sql = upsert_sql(t, STORE_BATCH);
		if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->batch[ti],
				       NULL) != SQLITE_OK)
			s->batch[ti] = NULL;
		free(sql);
	}
	return s->batch[ti];
}

/* One statement for STORE_BATCH rows: true if it wrote them all. On a failure the statement
 * is rolled back as a whole (SQLite's statement journal), and the caller retries row by row. */
static bool put_batch(struct store *s, const struct record_type *t, const void *const *recs)
{
	sqlite3_stmt *st = batch_stmt(s, t);
	int col = 1, rc;

	if (!st)
		return false;
	for (size_t r = 0; r < STORE_BATCH; r++)
		for (size_t i = 0; i < t->nfields; i++)
			bind_field(st, col++, &t->fields[i], recs[r], s->dates[r][i]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

enum bf_status store_delete(struct store *s, const struct record_type *t, const void *rec,
			    struct bf_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	buf_addf(&sql, "DELETE FROM %s WHERE ", t->table);
	for (size_t i = 0; i < t->nkey; i++) {
		buf_adds(&sql, i ? " AND " : "");
		quoted(&sql, t->fields[i].name);
		buf_adds(&sql, " = ?");
	}
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, err, "cannot delete");
	for (size_t i = 0; i < t->nkey; i++)
		bind_field(st, (int)i + 1, &t->fields[i], rec, s->dates[0][i]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot delete");
	if (sqlite3_changes(s->db) == 0)
		return bf_err_set(err, BF_ENOTFOUND, "no such %s", t->what);
	return BF_OK;
}

size_t store_batch_size(void)
{
	return STORE_BATCH;
}

enum bf_status store_put_many(struct store *s, const struct record_type *t,
			      const void *const *recs, size_t n, size_t *failed,
			      const char **field, struct bf_err *err)
{
	enum bf_status rc = BF_OK;

	if (n == STORE_BATCH && put_batch(s, t, recs))
		return BF_OK;
	for (size_t i = 0; i < n && !rc; i++)
		if ((rc = store_put(s, t, recs[i], field, err)))
			*failed = i;
	return rc;
}

/* The references of the schema: child table and column, parent table and key column. A
 * scope of 'province' is not a reference. */
struct ref {
	const char *field, *parent, *parent_key, *extra;
};

struct ref_table {
	const struct record_type *t;
	const char *key_sql; /* the record's key as "a,b" text */
	struct ref refs[3];
};

static const struct ref_table ref_tables[] = {
	{ &model_groups, "id",
	  { { "round", "round", "name", NULL }, { "target", "target", "adcode", NULL } } },
	{ &model_members, "\"group\" || ',' || unit",
	  { { "group", "grp", "id", NULL }, { "unit", "unit", "code", NULL } } },
	{ &model_cadres, "id",
	  { { "unit", "unit", "code", NULL }, { "group", "grp", "id", NULL },
	    { "predecessor", "cadre", "id", NULL } } },
	{ &model_indicators, "scope || ',' || name || ',' || year",
	  { { "scope", "target", "adcode", "'province'" } } },
};

/* "x IS NOT NULL AND x <> extra AND NOT EXISTS (SELECT 1 FROM parent WHERE key = x)" */
static void missing_sql(struct buf *b, const struct ref *r)
{
	buf_addf(b, "(c.\"%s\" IS NOT NULL", r->field);
	if (r->extra)
		buf_addf(b, " AND c.\"%s\" <> %s", r->field, r->extra);
	buf_addf(b, " AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%s = c.\"%s\"))", r->parent,
		 r->parent_key, r->field);
}

/* One scan of a table finds every dangling reference of its rows. */
static size_t scan_refs(struct store *s, const struct ref_table *rt, struct store_dangling *out,
			size_t max)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	size_t n = 0, nrefs = 0;

	while (nrefs < 3 && rt->refs[nrefs].field)
		nrefs++;
	buf_addf(&sql, "SELECT %s", rt->key_sql);
	for (size_t i = 0; i < nrefs; i++) {
		buf_addf(&sql, ", c.\"%s\", ", rt->refs[i].field);
		missing_sql(&sql, &rt->refs[i]);
	}
	buf_addf(&sql, " FROM %s c WHERE ", rt->t->table);
	for (size_t i = 0; i < nrefs; i++) {
		buf_adds(&sql, i ? " OR " : "");
		missing_sql(&sql, &rt->refs[i]);
	}
	buf_addf(&sql, " ORDER BY 1");
	if (sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) != SQLITE_OK)
		nrefs = 0;
	while (nrefs && n < max && sqlite3_step(st) == SQLITE_ROW)
		for (size_t i = 0; i < nrefs && n < max; i++) {
			const unsigned char *key = sqlite3_column_text(st, 0);
			const unsigned char *val = sqlite3_column_text(st, 1 + 2 * (int)i);
			if (!sqlite3_column_int(st, 2 + 2 * (int)i))
				continue;
			out[n].type = rt->t;
			out[n].field = rt->refs[i].field;
			snprintf(out[n].key, sizeof out[n].key, "%s", key ? (const char *)key : "");
			snprintf(out[n].value, sizeof out[n].value, "%s", val ? (const char *)val : "");
			n++;
		}
	sqlite3_finalize(st);
	buf_release(&sql);
	return n;
}

size_t store_dangling(struct store *s, struct store_dangling *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof ref_tables / sizeof ref_tables[0] && n < max; i++)
		n += scan_refs(s, &ref_tables[i], out + n, max - n);
	return n;
}

static void read_field(sqlite3_stmt *st, int col, const struct field_def *f, void *rec,
		       struct arena *a)
{
	void *p = (char *)rec + f->offset;
	const unsigned char *txt;

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return; /* model_record_clear made it empty */
	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
		txt = sqlite3_column_text(st, col);
		*(char **)p = arena_strndup(a, (const char *)txt,
					    (size_t)sqlite3_column_bytes(st, col));
		break;
	case FT_DATE:
		if (!date_parse((const char *)sqlite3_column_text(st, col), (bf_day *)p))
			*(bf_day *)p = BF_DAY_NONE;
		break;
	case FT_INT:
	case FT_FLAG:
		*(long *)p = (long)sqlite3_column_int64(st, col);
		break;
	case FT_REAL:
		*(double *)p = sqlite3_column_double(st, col);
		break;
	case FT_ENUM:
		*(int *)p = model_enum_index(f->allowed, (const char *)sqlite3_column_text(st, col));
		break;
	}
}

static enum bf_status load_type(struct store *s, const struct record_type *t, struct registry *r,
				struct bf_err *err)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	buf_adds(&sql, "SELECT ");
	for (size_t i = 0; i < t->nfields; i++) {
		buf_adds(&sql, i ? ", " : "");
		quoted(&sql, t->fields[i].name);
	}
	buf_addf(&sql, " FROM %s", t->table);
	rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return store_db_error(s, err, "cannot read");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *rec = registry_add(r, t);
		for (size_t i = 0; i < t->nfields; i++)
			read_field(st, (int)i, &t->fields[i], rec, &r->arena);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read");
	return BF_OK;
}

enum bf_status store_load(struct store *s, struct registry *r, struct bf_err *err)
{
	enum bf_status rc = BF_OK;
	bool own = sqlite3_get_autocommit(s->db); /* else: reading inside a write */

	if (own && (rc = store_exec(s, "BEGIN", err)))
		return rc;
	for (size_t i = 0; i < model_ntypes && !rc; i++)
		rc = load_type(s, model_types[i], r, err);
	if (own)
		store_exec(s, "COMMIT", err);
	if (!rc)
		registry_index(r);
	return rc;
}

long store_count(struct store *s, const struct record_type *t)
{
	char sql[64];
	sqlite3_stmt *st;
	long n = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t->table);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
