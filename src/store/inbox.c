/* store/inbox: the inbox's indexed look-ups and the digests' log; see inbox.h. */
#include "store/inbox.h"
#include "store/store_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { Q_OWED = STORE_Q_INBOX, Q_RETURNED, Q_WAITING, Q_COMMIT_UNIT, Q_COMMIT_TARGET,
       Q_CONFIRM, Q_TERMS, Q_ACCOUNTS, Q_LAST, Q_LOG };

/* The group's target's names, the same three columns in every report look-up. */
#define REPORT_COLS "g.id, g.target, t.name_zh, t.name_en, p.id, p.name, p.due"
#define REPORT_JOIN "JOIN target t ON t.adcode = g.target "

static const char *const sql[] = {
	[Q_OWED - STORE_Q_INBOX] =
		"SELECT " REPORT_COLS ", r.id FROM member m JOIN grp g ON g.id = m.\"group\" "
		REPORT_JOIN "JOIN period p ON p.round = g.round AND p.due <= ?2 "
		"LEFT JOIN group_report r ON r.\"group\" = g.id AND r.period = p.id "
		"WHERE m.unit = ?1 AND m.role = 'lead' AND (r.id IS NULL OR r.status = 'draft') "
		"ORDER BY p.due, g.id, p.id",
	[Q_RETURNED - STORE_Q_INBOX] =
		"SELECT " REPORT_COLS ", r.id, r.reason FROM member m JOIN grp g ON g.id = m.\"group\" "
		REPORT_JOIN "JOIN group_report r ON r.\"group\" = g.id AND r.status = 'returned' "
		"JOIN period p ON p.id = r.period WHERE m.unit = ?1 AND m.role = 'lead' "
		"ORDER BY p.due, g.id, p.id",
	[Q_WAITING - STORE_Q_INBOX] =
		"SELECT " REPORT_COLS ", r.id, r.submitted FROM group_report r "
		"JOIN grp g ON g.id = r.\"group\" " REPORT_JOIN "JOIN period p ON p.id = r.period "
		"WHERE r.status = 'submitted' ORDER BY p.due, g.id, p.id",
	[Q_COMMIT_UNIT - STORE_Q_INBOX] =
		"SELECT c.id, c.title, c.unit, c.target, t.name_zh, t.name_en, c.due, NULL "
		"FROM commitment c JOIN target t ON t.adcode = c.target WHERE c.unit = ?1 AND "
		"c.status IN ('planned', 'in_progress') AND c.due < ?2 ORDER BY c.due, c.id",
	[Q_COMMIT_TARGET - STORE_Q_INBOX] =
		"SELECT c.id, c.title, c.unit, c.target, t.name_zh, t.name_en, c.due, NULL "
		"FROM commitment c JOIN target t ON t.adcode = c.target WHERE c.target = ?1 AND "
		"c.status IN ('planned', 'in_progress') AND c.due < ?2 ORDER BY c.due, c.id",
	[Q_CONFIRM - STORE_Q_INBOX] =
		"SELECT c.id, c.title, c.unit, c.target, t.name_zh, t.name_en, NULL, c.delivered_on "
		"FROM commitment c JOIN target t ON t.adcode = c.target WHERE c.target = ?1 AND "
		"c.status = 'delivered' ORDER BY c.id",
	[Q_TERMS - STORE_Q_INBOX] =
		"SELECT c.id, c.name, c.\"group\", g.target, t.name_zh, t.name_en, c.planned_end "
		"FROM cadre c JOIN grp g ON g.id = c.\"group\" " REPORT_JOIN
		"WHERE c.unit = ?1 AND c.planned_end BETWEEN ?2 AND ?3 AND c.actual_end IS NULL "
		"AND NOT EXISTS (SELECT 1 FROM cadre s WHERE s.predecessor = c.id) "
		"ORDER BY c.planned_end, c.\"group\", c.id",
	/* the longest without a digest first: a round capped by --digest-max must not defer the
	 * same accounts every day (by name, the same ones came last) */
	[Q_ACCOUNTS - STORE_Q_INBOX] =
		"SELECT name, role, IFNULL(unit, ''), IFNULL(target, ''), email FROM account "
		"WHERE disabled = 0 AND email IS NOT NULL ORDER BY (SELECT max(d.day) FROM "
		"digest_log d WHERE d.account = account.name AND d.status = 'sent') NULLS FIRST, "
		"name",
	[Q_LAST - STORE_Q_INBOX] =
		"SELECT max(day) FROM digest_log WHERE account = ?1 AND status = 'sent'",
	[Q_LOG - STORE_Q_INBOX] = /* in parentheses: clang takes two literals for a lost comma */
		("INSERT INTO digest_log (account, day, time, email, items, status, error) "
		 "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?3, ?4, ?5, ?6)"),
};

static sqlite3_stmt *q(struct store *s, int id)
{
	return store_stmt(s, id, sql[id - STORE_Q_INBOX]);
}

static const char *col(struct inbox *b, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? arena_strdup(&b->arena, (const char *)t) : NULL;
}

static bf_day col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	bf_day d;
	return t && date_parse((const char *)t, &d) ? d : BF_DAY_NONE;
}

static void bind_day(sqlite3_stmt *st, int i, bf_day d)
{
	char s[11];
	date_format(d, s);
	sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Whether one more item of kind is kept (counted either way). */
static bool keep(struct inbox *b, int kind, long limit)
{
	return ++b->count[kind] <= limit;
}

/* Steps st to its end; every row passes through row(). */
static enum bf_status run(struct store *s, sqlite3_stmt *st, struct inbox *b, long limit,
			  void (*row)(struct inbox *, sqlite3_stmt *, long, void *), void *ctx,
			  struct bf_err *err)
{
	int rc;

	if (!st)
		return store_db_error(s, err, "cannot read the inbox");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(b, st, limit, ctx);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? BF_OK : store_db_error(s, err, "cannot read the inbox");
}

/* REPORT_COLS then the report's id and (extra) its reason or submission time. */
static void report_row(struct inbox *b, sqlite3_stmt *st, int kind, int extra)
{
	struct inbox_item *it = inbox_add(b, kind);

	it->group = col(b, st, 0);
	it->target = col(b, st, 1);
	it->target_zh = col(b, st, 2);
	it->target_en = col(b, st, 3);
	it->period_id = sqlite3_column_int64(st, 4);
	it->period = col(b, st, 5);
	it->due = col_day(st, 6);
	it->id = col(b, st, 7);
	if (extra == 1)
		it->reason = col(b, st, 8);
	else if (extra == 2)
		it->since = col(b, st, 8);
}

struct owed_ctx {
	bf_day today;
	long due_days;
};

static void owed_row(struct inbox *b, sqlite3_stmt *st, long limit, void *ctx)
{
	const struct owed_ctx *o = ctx;
	int kind = inbox_report_kind(col_day(st, 6), o->today, o->due_days);

	if (kind >= 0 && keep(b, kind, limit))
		report_row(b, st, kind, 0);
}

enum bf_status store_inbox_reports_owed(struct store *s, const char *unit, bf_day today,
					long due_days, long limit, struct inbox *b,
					struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_OWED);
	struct owed_ctx o = { today, due_days };

	if (st) {
		sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
		bind_day(st, 2, today + (bf_day)due_days);
	}
	return run(s, st, b, limit, owed_row, &o, err);
}

static void returned_row(struct inbox *b, sqlite3_stmt *st, long limit, void *ctx)
{
	(void)ctx;
	if (keep(b, IK_REPORT_RETURNED, limit))
		report_row(b, st, IK_REPORT_RETURNED, 1);
}

enum bf_status store_inbox_reports_returned(struct store *s, const char *unit, long limit,
					    struct inbox *b, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_RETURNED);
	if (st)
		sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
	return run(s, st, b, limit, returned_row, NULL, err);
}

static void waiting_row(struct inbox *b, sqlite3_stmt *st, long limit, void *ctx)
{
	(void)ctx;
	if (keep(b, IK_REPORT_WAITING, limit))
		report_row(b, st, IK_REPORT_WAITING, 2);
}

enum bf_status store_inbox_reports_waiting(struct store *s, long limit, struct inbox *b,
					   struct bf_err *err)
{
	return run(s, q(s, Q_WAITING), b, limit, waiting_row, NULL, err);
}

/* A commitment's or a term's item from its row's id, label, (column 2: the caller's), target,
 * target_zh, target_en, due. */
static struct inbox_item *record_row(struct inbox *b, sqlite3_stmt *st, int kind)
{
	struct inbox_item *it = inbox_add(b, kind);

	it->id = col(b, st, 0);
	it->label = col(b, st, 1);
	it->target = col(b, st, 3);
	it->target_zh = col(b, st, 4);
	it->target_en = col(b, st, 5);
	it->due = col_day(st, 6);
	return it;
}

/* c.id, c.title, c.unit, c.target, t.name_zh, t.name_en, c.due, c.delivered_on */
static void commitment_row(struct inbox *b, sqlite3_stmt *st, long limit, void *ctx)
{
	int kind = *(const int *)ctx;
	struct inbox_item *it;

	if (!keep(b, kind, limit))
		return;
	it = record_row(b, st, kind);
	it->unit = col(b, st, 2);
	it->since = col(b, st, 7);
}

enum bf_status store_inbox_commitments_overdue(struct store *s, const char *unit,
					       const char *target, bf_day today, long limit,
					       struct inbox *b, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, unit ? Q_COMMIT_UNIT : Q_COMMIT_TARGET);
	int kind = IK_COMMITMENT_OVERDUE;

	if (st) {
		sqlite3_bind_text(st, 1, unit ? unit : target, -1, SQLITE_TRANSIENT);
		bind_day(st, 2, today);
	}
	return run(s, st, b, limit, commitment_row, &kind, err);
}

enum bf_status store_inbox_confirmations(struct store *s, const char *target, long limit,
					 struct inbox *b, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_CONFIRM);
	int kind = IK_CONFIRMATION;

	if (st)
		sqlite3_bind_text(st, 1, target, -1, SQLITE_TRANSIENT);
	return run(s, st, b, limit, commitment_row, &kind, err);
}

/* c.id, c.name, c.group, g.target, t.name_zh, t.name_en, c.planned_end */
static void term_row(struct inbox *b, sqlite3_stmt *st, long limit, void *ctx)
{
	(void)ctx;
	if (keep(b, IK_TERM_ENDING, limit))
		record_row(b, st, IK_TERM_ENDING)->group = col(b, st, 2);
}

enum bf_status store_inbox_terms_ending(struct store *s, const char *unit, bf_day today,
					long days, long limit, struct inbox *b,
					struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_TERMS);

	if (st) {
		sqlite3_bind_text(st, 1, unit, -1, SQLITE_TRANSIENT);
		bind_day(st, 2, today);
		bind_day(st, 3, today + (bf_day)days);
	}
	return run(s, st, b, limit, term_row, NULL, err);
}

/* ---- digests ---------------------------------------------------------------------------- */

static void copy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

enum bf_status store_digest_accounts(struct store *s, struct digest_account **out, size_t *n,
				     struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_ACCOUNTS);
	struct digest_account *a = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return store_db_error(s, err, "cannot read the accounts");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			a = xrealloc(a, cap * sizeof *a);
		}
		copy(a[*n].name, sizeof a[*n].name, st, 0);
		copy(a[*n].role, sizeof a[*n].role, st, 1);
		copy(a[*n].unit, sizeof a[*n].unit, st, 2);
		copy(a[*n].target, sizeof a[*n].target, st, 3);
		copy(a[*n].email, sizeof a[*n].email, st, 4);
		(*n)++;
	}
	sqlite3_reset(st);
	*out = a;
	if (rc != SQLITE_DONE) {
		free(a);
		*out = NULL;
		*n = 0;
		return store_db_error(s, err, "cannot read the accounts");
	}
	return BF_OK;
}

enum bf_status store_digest_last(struct store *s, const char *account, char day[11],
				 struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_LAST);
	int rc;

	day[0] = '\0';
	if (!st)
		return store_db_error(s, err, "cannot read the digest log");
	sqlite3_bind_text(st, 1, account, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		copy(day, 11, st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BF_OK
						     : store_db_error(s, err, "cannot read the digest log");
}

enum bf_status store_digest_log(struct store *s, const char *account, const char *day,
				const char *email, long items, const char *status,
				const char *error, struct bf_err *err)
{
	sqlite3_stmt *st = q(s, Q_LOG);
	int rc;

	if (!st)
		return store_db_error(s, err, "cannot write the digest log");
	sqlite3_bind_text(st, 1, account, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, email, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, items);
	sqlite3_bind_text(st, 5, status, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, error ? error : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return BF_OK;
	if ((sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_CONSTRAINT)
		return bf_err_set(err, BF_ECONFLICT, "%s has had its digest of %s already",
				  account, day);
	return store_db_error(s, err, "cannot write the digest log");
}
