/* app/work: the groups' work, one audited transaction per write; see work.h. */
#include "app/work.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/cycle.h"
#include "app/depends.h"
#include "store/cycle.h"
#include "store/work.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A store or app error as a work error (its Chinese where it has one, else the English: a
 * database error names the database). */
static enum bf_status from_err(struct work_error *e, const struct bf_err *err)
{
	enum bf_status st = err->status ? err->status : BF_EDB;
	const char *zh = bf_err_msg_zh(err);
	snprintf(e->message, sizeof e->message, "%s", bf_err_msg(err));
	snprintf(e->message_zh, sizeof e->message_zh, "%s", zh ? zh : bf_err_msg(err));
	e->status = st;
	return st;
}

/* The reporting cycle's lock (app/cycle, docs/cycle.md): a resource dated in a period whose
 * group report is approved, or a commitment's status change dated in one (its delivery or
 * confirmation day, or today for a change made now), cannot be written. old and r: the record
 * before and after (NULL: none). */
static enum bf_status locked(struct app *app, const struct work_rec *old,
			     const struct work_rec *r, struct work_error *e)
{
	const struct work_rec *recs[2] = { old, r };
	char day[11], what[64], what_zh[96];
	struct bf_err err;
	enum bf_status rc = BF_OK;

	date_format(date_today(), day);
	bf_err_init(&err);
	for (int i = 0; i < 2 && !rc; i++) {
		const struct work_rec *x = recs[i];
		if (!x)
			continue;
		if (x->t->kind == WK_RESOURCE) {
			snprintf(what, sizeof what, "the resource dated %s", work_s(x, "date"));
			snprintf(what_zh, sizeof what_zh, "日期为%s的资源", work_s(x, "date"));
			rc = cycle_lock_check(app, work_s(x, "target"), work_s(x, "date"), what,
					      what_zh, &err);
		} else if (x->t->kind == WK_COMMITMENT && old && r &&
			   strcmp(work_s(old, "status"), work_s(r, "status")) != 0) {
			const char *days[3] = { work_s(x, "delivered_on"), work_s(x, "confirmed_on"),
						day };
			for (int k = 0; k < 3 && !rc; k++) {
				snprintf(what, sizeof what, "a status change dated %s", days[k] ? days[k] : "");
				snprintf(what_zh, sizeof what_zh, "日期为%s的状态变更",
					 days[k] ? days[k] : "");
				rc = cycle_lock_check(app, work_s(x, "target"), days[k], what, what_zh,
						      &err);
			}
		}
	}
	if (rc) {
		from_err(e, &err);
		snprintf(e->message_zh, sizeof e->message_zh, "%s", bf_err_msg_zh(&err));
		e->field = r && r->t->kind == WK_COMMITMENT ? "status" : "date";
	}
	bf_err_release(&err);
	return rc;
}

static void today(char out[11])
{
	date_format(date_today(), out);
}

/* ---- records as JSON ------------------------------------------------------------------- */

static json_t *list_json(const char *s)
{
	json_t *a = json_array();
	while (s && *s) {
		size_t n = strcspn(s, ";");
		if (n)
			json_array_append_new(a, json_stringn(s, n));
		s += n + (s[n] == ';');
	}
	return a;
}

static json_t *rec_json(const struct work_rec *r, long files, bf_day as_of)
{
	json_t *o = json_object();
	for (size_t i = 0; i < r->t->nfields; i++) {
		const struct work_field *f = &r->t->fields[i];
		const struct work_val *v = &r->v[i];
		json_t *x;
		if (v->null)
			x = f->type == WF_LIST ? json_array() : json_null();
		else if (f->type == WF_INT || f->type == WF_FLAG)
			x = json_integer((json_int_t)v->i);
		else if (f->type == WF_LIST)
			x = list_json(v->s);
		else
			x = json_string(v->s ? v->s : "");
		json_object_set_new(o, f->name, x ? x : json_null());
	}
	if (r->t->kind == WK_COMMITMENT) {
		json_object_set_new(o, "overdue", json_boolean(work_overdue(
				work_s(r, "status"), work_s(r, "due"), as_of)));
		json_object_set_new(o, "evidence_files", json_integer(files));
	}
	return o;
}

static void key_of(const struct work_rec *r, char *out, size_t n)
{
	if (r->t->kind == WK_TASK)
		snprintf(out, n, "%s,%s", work_s(r, "round"), work_s(r, "code"));
	else
		snprintf(out, n, "%lld", r->v[0].i);
}

const char *const *work_columns(const struct work_type *t)
{
	static const char *cols[WK_N][WORK_MAXF + 3];
	const char **c = cols[t->kind];
	if (!c[0]) { /* filled once per type; the same every time, so a race writes the same */
		size_t n = 0;
		for (size_t i = 0; i < t->nfields; i++)
			c[n++] = t->fields[i].name;
		if (t->kind == WK_COMMITMENT) {
			c[n++] = "overdue";
			c[n++] = "evidence_files";
		}
		c[n] = NULL;
	}
	return c;
}

/* ---- facts -------------------------------------------------------------------------------- */

static bool given(const struct work_rec *r, const char *field)
{
	const char *s = work_s(r, field);
	return work_field_index(r->t, field) >= 0 && !work_null(r, field) &&
	       (r->t->fields[work_field_index(r->t, field)].type == WF_INT || (s && *s));
}

/* Looks up what core/work's rules need to know about r (and about p's unit). */
static void facts_of(struct store *s, const struct principal *p, const struct work_rec *r,
		     struct arena *a, struct work_facts *f)
{
	const char *round = work_s(r, "round"), *target = work_s(r, "target");
	const char *unit = work_s(r, "unit");
	char start[11] = "", end[11] = "";
	long files = f->evidence_files;
	bool reason = f->reason_given;

	work_facts_init(f);
	f->evidence_files = files;
	f->reason_given = reason;
	f->round_ok = store_work_round(s, round, start, end);
	if (f->round_ok) {
		date_parse(start, &f->round_start);
		date_parse(end, &f->round_end);
	}
	if (given(r, "target"))
		f->target_ok = store_work_target_exists(s, target);
	if (given(r, "unit"))
		f->unit_ok = store_work_unit_exists(s, unit);
	if (f->round_ok && r->t->kind != WK_TASK && given(r, "task"))
		f->task_ok = store_work_task_exists(s, round, work_s(r, "task"));
	if (f->round_ok && f->target_ok && given(r, "need"))
		f->need_ok = store_work_belongs(s, "need", work_i(r, "need"), round, target);
	if (f->round_ok && f->target_ok && given(r, "commitment"))
		f->commitment_ok = store_work_belongs(s, "commitment", work_i(r, "commitment"), round,
						      target);
	if ((r->t->kind == WK_COMMITMENT || r->t->kind == WK_RESOURCE) && f->round_ok &&
	    f->target_ok && f->unit_ok && given(r, "unit") && given(r, "target"))
		f->serves = store_work_serves(s, unit, round, target);
	if (r->t->kind == WK_POLICY) {
		for (const char *x = work_s(r, "targets"); x && *x;) {
			size_t n = strcspn(x, ";");
			char *one = arena_strndup(a, x, n);
			if (!f->bad_target && !store_work_target_exists(s, one))
				f->bad_target = one;
			else if (!f->unserved && f->round_ok && f->unit_ok &&
				 !store_work_serves(s, unit, round, one))
				f->unserved = one;
			x += n + (x[n] == ';');
		}
		for (const char *x = work_s(r, "tasks"); f->round_ok && x && *x;) {
			size_t n = strcspn(x, ";");
			char *one = arena_strndup(a, x, n);
			if (!f->bad_task && !store_work_task_exists(s, round, one))
				f->bad_task = one;
			x += n + (x[n] == ';');
		}
	}
	if (p->role == ACC_UNIT && target)
		f->actor_serves = store_work_serves(s, p->unit, round, target);
}

/* Whether two records of a type hold the same values (the server's fields aside; an empty
 * text and none are the same). */
static bool same_values(const struct work_rec *a, const struct work_rec *b)
{
	for (size_t i = 0; i < a->t->nfields; i++) {
		const struct work_field *f = &a->t->fields[i];
		const struct work_val *x = &a->v[i], *y = &b->v[i];
		if (f->flags & WF_SERVER)
			continue;
		if (f->type == WF_INT || f->type == WF_FLAG) {
			if (x->null != y->null || (!x->null && x->i != y->i))
				return false;
		} else if (strcmp(x->s ? x->s : "", y->s ? y->s : "") != 0) {
			return false;
		}
	}
	return true;
}

/* Whether a commitment's change moves what a report counts: its status, its delivery or
 * confirmation day, the value delivered, its target. */
static bool counted_change(const struct work_rec *a, const struct work_rec *b)
{
	static const char *const texts[] = { "status", "delivered_on", "confirmed_on", "target" };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		const char *x = work_s(a, texts[i]), *y = work_s(b, texts[i]);
		if (strcmp(x ? x : "", y ? y : "") != 0)
			return true;
	}
	return work_null(a, "delivered_value") != work_null(b, "delivered_value") ||
	       work_i(a, "delivered_value") != work_i(b, "delivered_value");
}

/* The cycle's lock on an import's row (docs/cycle.md): a resource, or a commitment's status
 * change, dated in an approved period of its target is refused as the API's write of it
 * would be; a row that leaves the stored record as it is passes (an export imported again).
 * Only a target with an approved report costs a lookup of the stored record. */
static enum bf_status import_locked(struct app *app, const struct work_rec *r,
				    struct work_error *e)
{
	struct work_rec old;
	struct work_error le;
	struct arena a;
	struct bf_err err;
	bool found = false;
	long files = 0;
	char key[32];
	enum bf_status rc = BF_OK;

	if ((r->t->kind != WK_RESOURCE && r->t->kind != WK_COMMITMENT) || work_null(r, "id") ||
	    !cyc_target_locked(app->store, work_s(r, "target")))
		return BF_OK;
	arena_init(&a);
	bf_err_init(&err);
	snprintf(key, sizeof key, "%lld", work_i(r, "id"));
	if ((rc = store_work_get(app->store, r->t, key, &a, &old, &files, &found, &err))) {
		from_err(e, &err);
	} else if (found && (same_values(&old, r) ||
			     (r->t->kind == WK_COMMITMENT && !counted_change(&old, r)))) {
		rc = BF_OK;
	} else {
		work_error_init(&le);
		/* a new commitment, or one whose counted values change, is checked as a status
		 * change (its delivery and confirmation days, and today) */
		if (r->t->kind == WK_COMMITMENT) {
			old = *r;
			work_set_s(&old, "status", "");
		}
		if (!found && r->t->kind == WK_RESOURCE)
			rc = locked(app, NULL, r, &le);
		else
			rc = locked(app, &old, r, &le);
		if (rc)
			*e = le;
	}
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

enum bf_status work_check_import(struct app *app, const struct work_rec *r, struct work_error *e)
{
	const struct principal office = { "import", ACC_ADMIN, NULL, NULL };
	struct work_facts f;
	struct arena a;
	enum bf_status rc;

	arena_init(&a);
	work_facts_init(&f);
	facts_of(app->store, &office, r, &a, &f);
	rc = work_check_record(r, &f, e);
	arena_release(&a);
	return rc ? rc : import_locked(app, r, e);
}

/* ---- the body of a write ----------------------------------------------------------------- */

static enum work_json json_kind(json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_NULL: return WJ_NULL;
	case JSON_STRING: return WJ_STRING;
	case JSON_INTEGER: return WJ_INT;
	case JSON_REAL: return WJ_REAL;
	case JSON_TRUE:
	case JSON_FALSE: return WJ_BOOL;
	case JSON_ARRAY: return WJ_ARRAY;
	default: return WJ_OTHER;
	}
}

/* A list given as a JSON array of strings (or one ';'-separated string), ';'-joined. */
static enum bf_status list_value(const struct work_field *f, json_t *v, struct arena *a,
				 const char **out, struct work_error *e)
{
	struct buf b = BUF_INIT;
	size_t i;
	json_t *x;

	if (json_is_string(v)) {
		*out = arena_strdup(a, json_string_value(v));
		return BF_OK;
	}
	json_array_foreach(v, i, x) {
		if (!json_is_string(x) || strchr(json_string_value(x), ';')) {
			buf_release(&b);
			return work_fail(e, BF_EINPUT, f->name, "%s[%zu]: give a string without ';'",
					 "字段“%s”第 %zu 项：须为不含“;”的字符串", f->name, i);
		}
		buf_addf(&b, "%s%s", i ? ";" : "", json_string_value(x));
	}
	*out = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return BF_OK;
}

/* Overlays body on r: every key a column the client may give, of the right kind; a key
 * column of an existing record may not change. */
static enum bf_status apply(struct work_rec *r, json_t *body, bool update, struct arena *a,
			    struct work_facts *f, struct work_error *e)
{
	const char *k;
	json_t *v;
	enum bf_status rc;

	json_object_foreach(body, k, v) {
		int i = work_field_index(r->t, k);
		const struct work_field *fd = i >= 0 ? &r->t->fields[i] : NULL;
		enum work_json j = json_kind(v);
		struct work_val nv = { false, 0, "" };
		if (!fd)
			return work_fail(e, BF_EINPUT, NULL, "'%.60s' is not a column of a %s",
					 "“%.60s”不是此记录的字段", k, r->t->name);
		if (fd->flags & WF_SERVER)
			return work_fail(e, BF_EINPUT, fd->name, "%s is set by the server, not given",
					 "字段“%s”由系统填写，不能提交", fd->name);
		if ((rc = work_check_json(fd, j, json_is_integer(v) ? json_integer_value(v)
								      : json_is_true(v), false, e)))
			return rc;
		if (j == WJ_NULL) {
			nv.null = (fd->flags & WF_NULL) != 0;
			nv.s = nv.null ? NULL : "";
		} else if (fd->type == WF_INT || fd->type == WF_FLAG) {
			nv.i = j == WJ_BOOL ? json_is_true(v) : json_integer_value(v);
		} else if (fd->type == WF_LIST) {
			if ((rc = list_value(fd, v, a, &nv.s, e)))
				return rc;
		} else {
			nv.s = arena_strdup(a, json_string_value(v));
			if ((fd->flags & WF_NULL) && !*nv.s) {
				nv.null = true;
				nv.s = NULL;
			}
		}
		if (update && (fd->flags & WF_KEY)) {
			bool same = (fd->type == WF_INT) ? !nv.null && nv.i == r->v[i].i
							 : nv.s && r->v[i].s && strcmp(nv.s, r->v[i].s) == 0;
			if (!same)
				return work_fail(e, BF_EINPUT, fd->name, "%s is part of the key and cannot "
						 "change; create a new record instead",
						 "字段“%s”是主键的一部分，不能修改；请新建记录", fd->name);
		}
		if (strcmp(fd->name, "reason") == 0)
			f->reason_given = true;
		r->v[i] = nv;
	}
	return BF_OK;
}

/* ---- reads ------------------------------------------------------------------------------- */

struct collect {
	json_t *items;
	bf_day as_of;
};

static void collect_row(void *ctx, const struct work_rec *r, long files)
{
	struct collect *c = ctx;
	json_array_append_new(c->items, rec_json(r, files, c->as_of));
}

enum bf_status work_list(struct app *app, const struct principal *p, const struct work_type *t,
			 const struct work_list_req *rq, json_t **out, struct work_error *e)
{
	struct work_query q = { 0 };
	struct collect c = { json_array(), date_today() };
	char as_of[11];
	struct bf_err err;
	long total = 0;
	enum bf_status rc;

	*out = NULL;
	if (rq->as_of && !date_parse(rq->as_of, &c.as_of)) {
		json_decref(c.items);
		return work_fail(e, BF_EINPUT, "as_of", "as_of: give a date (YYYY-MM-DD)",
				 "字段“as_of”：须为日期（YYYY-MM-DD）");
	}
	if (rq->status && t->kind == WK_COMMITMENT) {
		bool ok = false;
		for (size_t i = 0; work_statuses[i]; i++)
			ok |= strcmp(work_statuses[i], rq->status) == 0;
		if (!ok) {
			json_decref(c.items);
			return work_fail(e, BF_EINPUT, "status", "status: give planned, in_progress, "
					 "delivered, confirmed or dropped", "字段“status”：须为 planned、"
					 "in_progress、delivered、confirmed 或 dropped");
		}
	}
	date_format(c.as_of, as_of);
	q = (struct work_query){ t, rq->round, rq->target, rq->unit, rq->task, rq->status, rq->kind,
				 rq->need, rq->q, rq->sort, rq->overdue ? as_of : NULL,
				 rq->limit ? rq->limit : WORK_LIST_DEFAULT, rq->offset,
				 work_read_scope(p, t->kind),
				 p->role == ACC_UNIT ? p->unit : p->target };
	bf_err_init(&err);
	if ((rc = store_work_list(app->store, &q, collect_row, &c, &total, &err))) {
		from_err(e, &err);
		if (rc == BF_EINPUT)
			e->field = "sort";
		json_decref(c.items);
	} else {
		*out = json_pack("{s:o, s:I}", "items", c.items, "total", (json_int_t)total);
	}
	bf_err_release(&err);
	return rc;
}

/* Reads the record with key into r (strings in a) and judges whether p may read it. */
static enum bf_status load(struct store *s, const struct principal *p, const struct work_type *t,
			   const char *key, struct arena *a, struct work_rec *r,
			   struct work_facts *f, struct work_error *e)
{
	struct bf_err err;
	bool found = false;
	long files = 0;
	enum bf_status rc;

	bf_err_init(&err);
	rc = store_work_get(s, t, key, a, r, &files, &found, &err);
	if (rc)
		from_err(e, &err);
	bf_err_release(&err);
	if (rc)
		return rc;
	if (!found) {
		work_fail(e, BF_ENOTFOUND, NULL, "no %s '%.60s'", "没有“%.60s”", t->name, key);
		snprintf(e->message_zh, sizeof e->message_zh, "没有“%.60s”这条%s", key, t->zh);
		return BF_ENOTFOUND;
	}
	work_facts_init(f);
	f->evidence_files = files;
	facts_of(s, p, r, a, f);
	if (!work_can_read(p, r, f))
		return work_fail(e, BF_EFORBIDDEN, NULL, "your role may not read %s '%.60s'",
				 "您的角色不能查看此记录（%s “%.60s”）", t->name, key);
	return BF_OK;
}

enum bf_status work_get(struct app *app, const struct principal *p, const struct work_type *t,
			const char *key, json_t **out, struct work_error *e)
{
	struct arena a;
	struct work_rec r;
	struct work_facts f;
	enum bf_status rc;

	arena_init(&a);
	*out = NULL;
	if (!(rc = load(app->store, p, t, key, &a, &r, &f, e)))
		*out = rec_json(&r, f.evidence_files, date_today());
	arena_release(&a);
	return rc;
}

/* ---- writes ------------------------------------------------------------------------------ */

/* Commits (after bumping work_generation), or rolls back on an error. */
static enum bf_status finish(struct store *s, enum bf_status rc, struct work_error *e)
{
	struct bf_err err;
	bf_err_init(&err);
	if (!rc && !(rc = store_work_bump(s, &err)))
		rc = store_commit(s, &err);
	else if (rc)
		store_rollback(s);
	if (rc && !e->status)
		from_err(e, &err);
	bf_err_release(&err);
	return rc;
}

/* Audits the write of r and reads it back as JSON into *out. */
static enum bf_status written(struct store *s, const struct principal *p, const char *address,
			      const char *action, const struct work_rec *r, json_t *before,
			      json_t **out, struct work_error *e)
{
	struct arena a;
	struct work_rec back;
	struct bf_err err;
	char key[96];
	bool found = false;
	long files = 0;
	enum bf_status rc;

	arena_init(&a);
	bf_err_init(&err);
	key_of(r, key, sizeof key);
	if (!(rc = store_work_get(s, r->t, key, &a, &back, &files, &found, &err)) && !found)
		rc = bf_err_set(&err, BF_EDB, "the %s just written cannot be read back", r->t->name);
	if (!rc) {
		*out = rec_json(&back, files, date_today());
		rc = audit_append(s, p->name, address, action, r->t->name, key, before, *out, &err);
	}
	if (rc)
		from_err(e, &err);
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

static enum bf_status begin(struct store *s, struct work_error *e)
{
	struct bf_err err;
	enum bf_status rc;
	bf_err_init(&err);
	if ((rc = store_begin_strict(s, &err)))
		from_err(e, &err);
	bf_err_release(&err);
	return rc;
}

/* One record created in the open transaction: decoded, defaulted, checked against the store as
 * the transaction has it (so a record may name one created before it in the same batch),
 * inserted and audited; *out the record as stored. */
static enum bf_status create_in(struct app *app, const struct principal *p, const char *address,
				const struct work_type *t, json_t *body, json_t **out,
				struct work_error *e)
{
	struct store *s = app->store;
	struct arena a;
	struct work_rec r;
	struct work_facts f;
	struct bf_err err;
	char now[21], round[64];
	long long id = 0;
	enum bf_status rc;

	*out = NULL;
	arena_init(&a);
	bf_err_init(&err);
	work_rec_init(&r, t);
	work_facts_init(&f);
	if ((rc = apply(&r, body, false, &a, &f, e)))
		goto out;
	work_defaults(&r, p);
	date_now_utc(now);
	work_set_s(&r, "created", now);
	work_set_s(&r, "account", p->name);
	if (!*work_s(&r, "round")) {
		char day[11];
		today(day);
		if (store_work_current_round(s, day, round, sizeof round))
			work_set_s(&r, "round", arena_strdup(&a, round));
	}
	facts_of(s, p, &r, &a, &f);
	if (!(rc = work_check_record(&r, &f, e)) &&
	    !(rc = work_check_write(p, WORK_CREATE, NULL, &r, NULL, &f, e)) &&
	    !(rc = locked(app, NULL, &r, e))) {
		if ((rc = store_work_insert(s, &r, &id, &err)))
			from_err(e, &err);
		else if (r.t->nkey == 1)
			work_set_i(&r, r.t->fields[0].name, id);
	}
	if (!rc)
		rc = written(s, p, address, "create", &r, NULL, out, e);
out:
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

enum bf_status work_create(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, json_t *body, json_t **out,
			   struct work_error *e)
{
	enum bf_status rc;

	*out = NULL;
	if ((rc = work_check_op(p, t->kind, WORK_CREATE, e)) || (rc = begin(app->store, e)))
		return rc;
	rc = finish(app->store, create_in(app, p, address, t, body, out, e), e);
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

enum bf_status work_create_all(struct app *app, const struct principal *p, const char *address,
			       const struct work_type *t, json_t *bodies, json_t **out,
			       size_t *failed, struct work_error *e)
{
	size_t i;
	json_t *body, *one;
	enum bf_status rc;

	*out = NULL;
	*failed = 0;
	if ((rc = work_check_op(p, t->kind, WORK_CREATE, e)) || (rc = begin(app->store, e)))
		return rc;
	*out = json_array();
	json_array_foreach(bodies, i, body) {
		if ((rc = create_in(app, p, address, t, body, &one, e))) {
			*failed = i;
			break;
		}
		json_array_append_new(*out, one);
	}
	if ((rc = finish(app->store, rc, e))) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* The server's columns of a commitment that changes status: when it was delivered, and
 * confirmed by whom. A send-back clears the delivery. */
static void stamp(struct work_rec *r, const struct work_rec *old, const struct principal *p,
		  struct arena *a)
{
	const char *from = work_s(old, "status"), *to = work_s(r, "status");
	char day[11];
	if (r->t->kind != WK_COMMITMENT || strcmp(from, to) == 0)
		return;
	today(day);
	if (strcmp(to, "delivered") == 0)
		work_set_s(r, "delivered_on", arena_strdup(a, day));
	if (strcmp(to, "confirmed") == 0) {
		work_set_s(r, "confirmed_on", arena_strdup(a, day));
		work_set_s(r, "confirmed_by", arena_strdup(a, p->name));
	}
	if (strcmp(from, "delivered") == 0 && strcmp(to, "in_progress") == 0)
		work_set_null(r, "delivered_on");
}

enum bf_status work_update(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, const char *key, json_t *body, json_t **out,
			   struct work_error *e)
{
	struct store *s = app->store;
	struct arena a;
	struct work_rec old, r;
	struct work_facts fo, f;
	struct bf_err err;
	json_t *before = NULL;
	enum bf_status rc;

	*out = NULL;
	if ((rc = work_check_op(p, t->kind, WORK_UPDATE, e)))
		return rc;
	arena_init(&a);
	bf_err_init(&err);
	if ((rc = begin(s, e)))
		goto out;
	if (!(rc = load(s, p, t, key, &a, &old, &fo, e))) {
		before = rec_json(&old, fo.evidence_files, date_today());
		r = old;
		work_facts_init(&f);
		f.evidence_files = fo.evidence_files;
		if (!(rc = apply(&r, body, true, &a, &f, e))) {
			stamp(&r, &old, p, &a);
			facts_of(s, p, &r, &a, &f);
			if (!(rc = work_check_record(&r, &f, e)) &&
			    !(rc = work_check_write(p, WORK_UPDATE, &old, &r, &fo, &f, e)) &&
			    !(rc = locked(app, &old, &r, e)) &&
			    (rc = store_work_update(s, &r, &err)))
				from_err(e, &err);
		}
	}
	if (!rc)
		rc = written(s, p, address, "update", &r, before, out, e);
	rc = finish(s, rc, e);
out:
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
	json_decref(before);
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

/* Refuses removing a task, need or commitment that other work still refers to, naming it
 * (app/depends): "task 2023-2026,A1 has 3 needs and 5 commitments; ...". */
static enum bf_status still_needed(struct store *s, const struct work_rec *r, struct bf_err *err)
{
	char id[24];
	const char *key[2] = { id, NULL };

	if (r->t->kind == WK_TASK) {
		key[0] = work_s(r, "round");
		key[1] = work_s(r, "code");
	} else {
		snprintf(id, sizeof id, "%lld", r->v[0].i);
	}
	return depends_check(s, r->t->name, key, r->t->kind == WK_TASK ? 2 : 1, err);
}

enum bf_status work_delete(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, const char *key, struct work_error *e)
{
	struct store *s = app->store;
	struct arena a;
	struct work_rec old;
	struct work_facts fo;
	struct bf_err err;
	json_t *before = NULL;
	char k[96];
	enum bf_status rc;

	if ((rc = work_check_op(p, t->kind, WORK_DELETE, e)))
		return rc;
	arena_init(&a);
	bf_err_init(&err);
	if ((rc = begin(s, e)))
		goto out;
	if (!(rc = load(s, p, t, key, &a, &old, &fo, e)) &&
	    !(rc = work_check_write(p, WORK_DELETE, &old, NULL, &fo, NULL, e)) &&
	    !(rc = locked(app, &old, NULL, e))) {
		before = rec_json(&old, fo.evidence_files, date_today());
		key_of(&old, k, sizeof k);
		if ((rc = still_needed(s, &old, &err)) || (rc = store_work_delete(s, &old, &err)) ||
		    (rc = audit_append(s, p->name, address, "delete", t->name, k, before, NULL, &err)))
			from_err(e, &err);
	}
	rc = finish(s, rc, e);
out:
	json_decref(before);
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

/* ---- evidence files ---------------------------------------------------------------------- */

/* The MIME type of a file by its name's extension (the browser is told to download it). */
static const char *mime_of(const char *name)
{
	static const struct { const char *ext, *mime; } types[] = {
		{ ".pdf", "application/pdf" }, { ".png", "image/png" }, { ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" }, { ".gif", "image/gif" }, { ".webp", "image/webp" },
		{ ".txt", "text/plain; charset=utf-8" }, { ".csv", "text/csv; charset=utf-8" },
		{ ".doc", "application/msword" },
		{ ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ ".xls", "application/vnd.ms-excel" },
		{ ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
		{ ".zip", "application/zip" },
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(dot, types[i].ext) == 0)
			return types[i].mime;
	return "application/octet-stream";
}

static json_t *file_json(const struct work_file *f)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:I, s:s, s:o}", "id", (json_int_t)f->id,
			 "commitment", (json_int_t)f->commitment, "name", f->name, "mime", f->mime,
			 "size", (json_int_t)f->size, "created", f->created ? f->created : "",
			 "account", f->account ? json_string(f->account) : json_null());
}

enum bf_status work_evidence_add(struct app *app, const struct principal *p, const char *address,
				 const char *commitment, const char *name, const void *data,
				 size_t len, json_t **out, struct work_error *e)
{
	const struct work_type *t = &work_types[WK_COMMITMENT];
	struct store *s = app->store;
	struct arena a;
	struct work_rec old;
	struct work_facts fo;
	struct bf_err err;
	char now[21];
	long long id = 0;
	enum bf_status rc;

	*out = NULL;
	if (len > (size_t)WORK_FILE_MAX)
		return work_fail(e, BF_EINPUT, "file", "file: at most 8 MB (8388608 bytes); this one "
				 "has %zu", "附件最大 8 MB（8388608 字节），此文件 %zu 字节", len);
	if (!name || !*name || strlen(name) > 200)
		return work_fail(e, BF_EINPUT, "file", "file: give a file name of 1 to 200 bytes",
				 "附件须有文件名（1 到 200 字节）");
	if ((rc = work_check_op(p, WK_COMMITMENT, WORK_UPDATE, e)))
		return rc;
	arena_init(&a);
	bf_err_init(&err);
	if ((rc = begin(s, e)))
		goto out;
	if (!(rc = load(s, p, t, commitment, &a, &old, &fo, e))) {
		/* attaching is changing: the same permission as a change of its evidence text */
		struct work_facts fn = fo;
		if (p->role != ACC_ADMIN && p->role != ACC_UNIT)
			rc = work_fail(e, BF_EFORBIDDEN, NULL, "only the commitment's unit attaches "
				       "evidence", "只有帮扶单位可以上传佐证附件");
		else
			rc = work_check_write(p, WORK_UPDATE, &old, &old, &fo, &fn, e);
	}
	if (!rc) {
		struct work_file f = { 0, old.v[0].i, (long long)len, name, mime_of(name), now,
				       p->name, data };
		char key[32];
		date_now_utc(now);
		snprintf(key, sizeof key, "%lld", old.v[0].i);
		if ((rc = store_work_file_add(s, &f, &id, &err)))
			from_err(e, &err);
		f.id = id;
		if (!rc) {
			json_t *after = file_json(&f);
			if ((rc = audit_append(s, p->name, address, "attach", "commitment", key, NULL,
					       after, &err)))
				from_err(e, &err);
			*out = after;
		}
	}
	rc = finish(s, rc, e);
	if (rc) {
		json_decref(*out);
		*out = NULL;
	}
out:
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

static void file_row(void *ctx, const struct work_file *f)
{
	json_array_append_new(ctx, file_json(f));
}

enum bf_status work_evidence_list(struct app *app, const struct principal *p,
				  const char *commitment, json_t **out, struct work_error *e)
{
	struct arena a;
	struct work_rec r;
	struct work_facts f;
	struct bf_err err;
	json_t *items = json_array();
	enum bf_status rc;

	*out = NULL;
	arena_init(&a);
	bf_err_init(&err);
	if (!(rc = load(app->store, p, &work_types[WK_COMMITMENT], commitment, &a, &r, &f, e)) &&
	    (rc = store_work_files(app->store, r.v[0].i, file_row, items, &err)))
		from_err(e, &err);
	if (!rc)
		*out = json_pack("{s:O, s:I}", "items", items, "total",
				 (json_int_t)json_array_size(items));
	json_decref(items);
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

struct fetched {
	struct work_download *d;
	long long commitment;
	char created[32], account[128]; /* when and by whom it was attached (NULL: "") */
	bool by_account;                /* account holds one (else it was imported) */
};

static void fetch(void *ctx, const struct work_file *f)
{
	struct fetched *x = ctx;
	x->commitment = f->commitment;
	snprintf(x->created, sizeof x->created, "%s", f->created ? f->created : "");
	snprintf(x->account, sizeof x->account, "%s", f->account ? f->account : "");
	x->by_account = f->account != NULL;
	snprintf(x->d->name, sizeof x->d->name, "%s", f->name);
	snprintf(x->d->mime, sizeof x->d->mime, "%s", f->mime);
	x->d->len = (size_t)f->size;
	x->d->data = xmalloc(x->d->len ? x->d->len : 1);
	if (f->size)
		memcpy(x->d->data, f->data, x->d->len);
}

enum bf_status work_evidence_get(struct app *app, const struct principal *p, const char *id,
				 struct work_download *out, struct work_error *e)
{
	struct fetched x = { out, 0, "", "", false };
	struct arena a;
	struct work_rec r;
	struct work_facts f;
	struct bf_err err;
	char *end, key[32];
	long long n = strtoll(id, &end, 10);
	bool found = false;
	enum bf_status rc;

	memset(out, 0, sizeof *out);
	if (!*id || *end || n <= 0)
		return work_fail(e, BF_ENOTFOUND, NULL, "no evidence file '%.40s'",
				 "没有编号为“%.40s”的附件", id);
	arena_init(&a);
	bf_err_init(&err);
	if ((rc = store_work_file_get(app->store, n, fetch, &x, &found, &err))) {
		from_err(e, &err);
	} else if (!found) {
		rc = work_fail(e, BF_ENOTFOUND, NULL, "no evidence file '%.40s'",
			       "没有编号为“%.40s”的附件", id);
	} else {
		snprintf(key, sizeof key, "%lld", x.commitment);
		rc = load(app->store, p, &work_types[WK_COMMITMENT], key, &a, &r, &f, e);
	}
	if (rc) {
		free(out->data);
		out->data = NULL;
	}
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}

/* Whether removing file id leaves the delivery of old without evidence: a delivered or
 * confirmed commitment whose only evidence is files, this being the last. */
static bool last_evidence(const struct work_rec *old, long files)
{
	const char *st = work_s(old, "status"), *text = work_s(old, "evidence"),
		   *link = work_s(old, "evidence_link");
	bool delivered = strcmp(st, "delivered") == 0 || strcmp(st, "confirmed") == 0;
	return delivered && files <= 1 && !(text && *text) && !(link && *link);
}

enum bf_status work_evidence_delete(struct app *app, const struct principal *p,
				    const char *address, const char *id, struct work_error *e)
{
	struct work_download d;
	struct fetched x = { &d, 0, "", "", false };
	struct store *s = app->store;
	struct arena a;
	struct work_rec old;
	struct work_facts fo;
	struct bf_err err;
	json_t *before = NULL;
	char *end, key[32];
	long long n = strtoll(id, &end, 10);
	bool found = false;
	enum bf_status rc;

	memset(&d, 0, sizeof d);
	if (!*id || *end || n <= 0)
		return work_fail(e, BF_ENOTFOUND, NULL, "no evidence file '%.40s'",
				 "没有编号为“%.40s”的附件", id);
	if ((rc = work_check_op(p, WK_COMMITMENT, WORK_UPDATE, e)))
		return rc;
	arena_init(&a);
	bf_err_init(&err);
	if ((rc = begin(s, e)))
		goto out;
	if ((rc = store_work_file_get(s, n, fetch, &x, &found, &err))) {
		from_err(e, &err);
	} else if (!found) {
		rc = work_fail(e, BF_ENOTFOUND, NULL, "no evidence file '%.40s'",
			       "没有编号为“%.40s”的附件", id);
	} else {
		snprintf(key, sizeof key, "%lld", x.commitment);
		rc = load(s, p, &work_types[WK_COMMITMENT], key, &a, &old, &fo, e);
	}
	if (!rc) { /* removing is changing, as attaching is: the commitment's unit, or admin */
		struct work_facts fn = fo;
		if (p->role != ACC_ADMIN && p->role != ACC_UNIT)
			rc = work_fail(e, BF_EFORBIDDEN, NULL, "only the commitment's unit removes "
				       "evidence", "只有帮扶单位可以删除佐证附件");
		else if (!(rc = work_check_write(p, WORK_UPDATE, &old, &old, &fo, &fn, e)) &&
			 last_evidence(&old, fo.evidence_files))
			rc = work_fail(e, BF_ECONFLICT, "evidence", "the commitment is %s and this file "
				       "is its only evidence: give an evidence text or link first",
				       "该事项状态为 %s，此附件是其唯一佐证：请先填写佐证说明或链接",
				       work_s(&old, "status"));
	}
	if (!rc && (strcmp(work_s(&old, "status"), "delivered") == 0 ||
		    strcmp(work_s(&old, "status"), "confirmed") == 0)) {
		/* a delivery's evidence is part of the delivery: its day's period may be locked */
		struct bf_err lerr;
		char what[64], what_zh[96];
		const char *day = work_s(&old, "delivered_on");
		bf_err_init(&lerr);
		snprintf(what, sizeof what, "the evidence of a delivery dated %s", day ? day : "");
		snprintf(what_zh, sizeof what_zh, "交付日期为%s的佐证", day ? day : "");
		if (day && (rc = cycle_lock_check(app, work_s(&old, "target"), day, what, what_zh,
						  &lerr))) {
			from_err(e, &lerr);
			snprintf(e->message_zh, sizeof e->message_zh, "%s", bf_err_msg_zh(&lerr));
			e->field = "evidence";
		}
		bf_err_release(&lerr);
	}
	if (!rc) {
		/* the record before is the file as its attach row wrote it: who attached it, when */
		struct work_file f = { n, x.commitment, (long long)d.len, d.name, d.mime, x.created,
				       x.by_account ? x.account : NULL, NULL };
		before = file_json(&f);
		if ((rc = store_work_file_delete(s, n, &err)) ||
		    (rc = audit_append(s, p->name, address, "detach", "commitment", key, before, NULL,
				       &err)))
			from_err(e, &err);
	}
	rc = finish(s, rc, e);
out:
	json_decref(before);
	free(d.data);
	bf_err_release(&err);
	arena_release(&a);
	return rc;
}
