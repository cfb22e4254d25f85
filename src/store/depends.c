/* depends: which rows refer to a record, per the schema's foreign keys (and an indicator's
 * scope, which is none); see depends.h. Deletes are rare, so the statements are prepared
 * when asked. */
#include "store/depends.h"
#include "store/store_int.h"
#include <string.h>

/* One kind of row referring to a record of table: the count, with the key as ?1 (and ?2). */
static const struct dep {
	const char *table, *kind, *sql;
} deps[] = {
	{ "round", "group", "SELECT count(*) FROM grp WHERE round = ?1" },
	{ "round", "need", "SELECT count(*) FROM need WHERE round = ?1" },
	{ "round", "commitment", "SELECT count(*) FROM commitment WHERE round = ?1" },
	{ "round", "resource", "SELECT count(*) FROM resource WHERE round = ?1" },
	{ "round", "policy", "SELECT count(*) FROM policy WHERE round = ?1" },
	{ "target", "group", "SELECT count(*) FROM grp WHERE target = ?1" },
	{ "target", "indicator", "SELECT count(*) FROM indicator WHERE scope = ?1" },
	{ "target", "need", "SELECT count(*) FROM need WHERE target = ?1" },
	{ "target", "commitment", "SELECT count(*) FROM commitment WHERE target = ?1" },
	{ "target", "resource", "SELECT count(*) FROM resource WHERE target = ?1" },
	{ "target", "policy", "SELECT count(*) FROM policy_target WHERE target = ?1" },
	{ "target", "account", "SELECT count(*) FROM account WHERE target = ?1" },
	{ "unit", "membership", "SELECT count(*) FROM member WHERE unit = ?1" },
	{ "unit", "cadre", "SELECT count(*) FROM cadre WHERE unit = ?1" },
	{ "unit", "commitment", "SELECT count(*) FROM commitment WHERE unit = ?1" },
	{ "unit", "resource", "SELECT count(*) FROM resource WHERE unit = ?1" },
	{ "unit", "policy", "SELECT count(*) FROM policy WHERE unit = ?1" },
	{ "unit", "report_contribution", "SELECT count(*) FROM report_contribution WHERE unit = ?1" },
	{ "unit", "account", "SELECT count(*) FROM account WHERE unit = ?1" },
	{ "grp", "cadre", "SELECT count(*) FROM cadre WHERE \"group\" = ?1" },
	{ "grp", "group_report", "SELECT count(*) FROM group_report WHERE \"group\" = ?1" },
	{ "grp", "assessment", "SELECT count(*) FROM assessment WHERE \"group\" = ?1" },
	{ "cadre", "successor", "SELECT count(*) FROM cadre WHERE predecessor = ?1" },
	{ "task", "need", "SELECT count(*) FROM need WHERE round = ?1 AND task = ?2" },
	{ "task", "commitment", "SELECT count(*) FROM commitment WHERE round = ?1 AND task = ?2" },
	{ "task", "resource", "SELECT count(*) FROM resource WHERE round = ?1 AND task = ?2" },
	{ "task", "policy", "SELECT count(*) FROM policy_task WHERE round = ?1 AND task = ?2" },
	{ "need", "commitment", "SELECT count(*) FROM commitment WHERE need = ?1" },
	{ "commitment", "resource", "SELECT count(*) FROM resource WHERE commitment = ?1" },
};

static enum bf_status count(struct store *s, const struct dep *d, const char *const *key,
			    size_t nkey, long long *n, struct bf_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, d->sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot count the records that refer to this one");
	for (size_t i = 0; i < nkey && i < 2; i++)
		sqlite3_bind_text(st, (int)i + 1, key[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_db_error(s, err, "cannot count the records that refer to this one");
	return BF_OK;
}

enum bf_status store_dependents(struct store *s, const char *table, const char *const *key,
				size_t nkey, struct store_dependent out[STORE_DEPENDS_MAX],
				size_t *n, struct bf_err *err)
{
	enum bf_status rc = BF_OK;

	*n = 0;
	for (size_t i = 0; i < sizeof deps / sizeof deps[0] && !rc; i++) {
		long long c = 0;
		if (strcmp(deps[i].table, table) != 0 || *n == STORE_DEPENDS_MAX)
			continue;
		if (!(rc = count(s, &deps[i], key, nkey, &c, err)) && c > 0)
			out[(*n)++] = (struct store_dependent){ deps[i].kind, c };
	}
	return rc;
}
