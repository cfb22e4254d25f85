/* account: accounts, sessions and the change counter in SQLite; see account.h. */
#include "store/account.h"
#include "store/store_int.h"
#include <stdio.h>
#include <string.h>

enum {
	Q_ACC_INSERT, Q_ACC_UPDATE, Q_ACC_GET, Q_ACC_LIST, Q_SES_INSERT, Q_SES_TOUCH,
	Q_SES_DELETE, Q_SES_DELETE_ACC, Q_GEN, Q_GEN_BUMP, Q_SES_ACC, Q_SES_PURGE, Q_SES_CAP,
	Q_SES_COUNT,
};

static const char *const sql[] = {
	[Q_ACC_INSERT] = "INSERT INTO account (name, role, unit, target, password_hash, disabled, "
			 "created, email) VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, "
			 "NULLIF(?, ''))",
	[Q_ACC_UPDATE] = "UPDATE account SET password_hash = ?, disabled = ?, role = ?, "
			 "unit = NULLIF(?, ''), target = NULLIF(?, ''), email = NULLIF(?7, '') "
			 "WHERE name = ?6",
	[Q_ACC_GET] = "SELECT name, role, IFNULL(unit, ''), IFNULL(target, ''), password_hash, "
		      "disabled, created, IFNULL(email, '') FROM account WHERE name = ?",
	[Q_ACC_LIST] = "SELECT name, role, IFNULL(unit, ''), IFNULL(target, ''), password_hash, "
		       "disabled, created, IFNULL(email, '') FROM account ORDER BY name",
	[Q_SES_INSERT] = "INSERT INTO session (token_hash, account, csrf, created, last_seen, "
			 "address) VALUES (?, ?, ?, ?, ?, ?)",
	[Q_SES_TOUCH] = "UPDATE session SET last_seen = ? WHERE token_hash = ?",
	[Q_SES_DELETE] = "DELETE FROM session WHERE token_hash = ?",
	[Q_SES_DELETE_ACC] = "DELETE FROM session WHERE account = ?",
	[Q_GEN] = "SELECT value FROM meta WHERE key = 'generation'",
	[Q_GEN_BUMP] = "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
	[Q_SES_ACC] = "SELECT a.name, a.role, IFNULL(a.unit, ''), IFNULL(a.target, ''), "
		      "a.password_hash, a.disabled, a.created, s.csrf, s.created, s.last_seen "
		      "FROM session s JOIN account a ON a.name = s.account WHERE s.token_hash = ?",
	[Q_SES_PURGE] = "DELETE FROM session WHERE last_seen < ? OR created < ?",
	[Q_SES_CAP] = "DELETE FROM session WHERE account = ?1 AND token_hash NOT IN (SELECT "
		      "token_hash FROM session WHERE account = ?1 ORDER BY created DESC, rowid DESC "
		      "LIMIT ?2)",
	[Q_SES_COUNT] = "SELECT count(*) FROM session WHERE account = ?",
};

#define STMT_BASE 0 /* this file's statements are store_stmt ids 0..15 (audit.c: 16..) */

static sqlite3_stmt *q(struct store *s, int id)
{
	return store_stmt(s, STMT_BASE + id, sql[id]);
}

static void text(char *dst, size_t n, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

static enum bf_status done(struct store *s, sqlite3_stmt *st, struct bf_err *err)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	if (rc == SQLITE_DONE) {
		store_local_epoch_bump(); /* committed now, or again by store_commit */
		return BF_OK;
	}
	if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_CONSTRAINT)
		return bf_err_set(err, sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_PRIMARYKEY
					       ? BF_ECONFLICT : BF_EINPUT,
				  "%s", sqlite3_errmsg(s->db));
	return store_db_error(s, err, "cannot write");
}

enum bf_status account_insert(struct store *s, const struct account *a, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_ACC_INSERT);
	enum bf_status rc;

	if (st) {
		sqlite3_bind_text(st, 1, a->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->role, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a->target, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, a->password_hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, a->disabled);
		sqlite3_bind_text(st, 7, a->created, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, a->email, -1, SQLITE_STATIC);
	}
	rc = done(s, st, err);
	if (rc == BF_ECONFLICT) {
		bf_err_release(err);
		return bf_err_set(err, BF_ECONFLICT, "an account named '%s' already exists",
				  a->name);
	}
	return rc;
}

enum bf_status account_update(struct store *s, const struct account *a, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_ACC_UPDATE);
	if (st) {
		sqlite3_bind_text(st, 1, a->password_hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, a->disabled);
		sqlite3_bind_text(st, 3, a->role, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, a->target, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, a->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, a->email, -1, SQLITE_STATIC);
	}
	return done(s, st, err);
}

static void read_account(sqlite3_stmt *st, struct account *a)
{
	text(a->name, sizeof a->name, st, 0);
	text(a->role, sizeof a->role, st, 1);
	text(a->unit, sizeof a->unit, st, 2);
	text(a->target, sizeof a->target, st, 3);
	text(a->password_hash, sizeof a->password_hash, st, 4);
	a->disabled = sqlite3_column_int(st, 5);
	text(a->created, sizeof a->created, st, 6);
	/* the e-mail: the account's own queries have it as column 7 (the session's has not) */
	if (sqlite3_column_count(st) == 8)
		text(a->email, sizeof a->email, st, 7);
	else
		a->email[0] = '\0';
}

enum bf_status account_get(struct store *s, const char *name, struct account *out,
			   struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_ACC_GET);
	int rc;

	if (!st)
		return store_db_error(s, err, "cannot read accounts");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_account(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return BF_OK;
	if (rc == SQLITE_DONE)
		return bf_err_set(err, BF_ENOTFOUND, "no account named '%s'", name);
	return store_db_error(s, err, "cannot read accounts");
}

enum bf_status account_list(struct store *s, struct account **out, size_t *n,
			    struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_ACC_LIST);
	size_t cap = 0;
	void *p = NULL;

	*out = NULL;
	*n = 0;
	if (!st)
		return store_db_error(s, err, "cannot read accounts");
	while (sqlite3_step(st) == SQLITE_ROW) {
		xgrow(&p, &cap, *n + 1, sizeof **out);
		*out = p;
		read_account(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	return BF_OK;
}

enum bf_status session_insert(struct store *s, const char *token_hash, const char *account,
			      const char *csrf, int64_t now, const char *address,
			      struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_INSERT);
	if (st) {
		sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, now);
		sqlite3_bind_int64(st, 5, now);
		sqlite3_bind_text(st, 6, address, -1, SQLITE_STATIC);
	}
	return done(s, st, err);
}

enum bf_status session_get_account(struct store *s, const char *token_hash,
				   struct session *ses, struct account *acc, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_ACC);
	int rc;

	if (!st)
		return store_db_error(s, err, "cannot read sessions");
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_account(st, acc);
		snprintf(ses->account, sizeof ses->account, "%s", acc->name);
		text(ses->csrf, sizeof ses->csrf, st, 7);
		ses->created = sqlite3_column_int64(st, 8);
		ses->last_seen = sqlite3_column_int64(st, 9);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return BF_OK;
	if (rc == SQLITE_DONE)
		return bf_err_set(err, BF_ENOTFOUND, "no such session");
	return store_db_error(s, err, "cannot read sessions");
}

enum bf_status session_touch(struct store *s, const char *token_hash, int64_t now,
			     struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_TOUCH);
	if (st) {
		sqlite3_bind_int64(st, 1, now);
		sqlite3_bind_text(st, 2, token_hash, -1, SQLITE_STATIC);
	}
	return done(s, st, err);
}

enum bf_status session_delete(struct store *s, const char *token_hash, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_DELETE);
	if (st)
		sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	return done(s, st, err);
}

enum bf_status session_delete_account(struct store *s, const char *account,
				      struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_DELETE_ACC);
	if (st)
		sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
	return done(s, st, err);
}

enum bf_status session_purge(struct store *s, int64_t seen_before, int64_t created_before,
			     struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_PURGE);
	if (st) {
		sqlite3_bind_int64(st, 1, seen_before);
		sqlite3_bind_int64(st, 2, created_before);
	}
	return done(s, st, err);
}

enum bf_status session_cap(struct store *s, const char *account, long keep, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_SES_CAP);
	if (st) {
		sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, keep);
	}
	return done(s, st, err);
}

long session_count(struct store *s, const char *account)
{
	sqlite3_stmt *st = q(s, Q_SES_COUNT);
	long n = -1;
	if (st) {
		sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return n;
}

int64_t store_generation(struct store *s)
{
	sqlite3_stmt *st = q(s, Q_GEN);
	int64_t g = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		g = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	return g;
}

enum bf_status store_generation_bump(struct store *s, struct bf_err *err)
{
	return done(s, q(s, Q_GEN_BUMP), err);
}
