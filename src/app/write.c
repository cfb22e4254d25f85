/* write: one audited, validated, permission-checked write; see write.h. */
#include "app/write.h"
#include "app/app_int.h"
#include "app/cycle.h"
#include "app/depends.h"
#include "app/audit.h"
#include "app/check.h"
#include "app/query.h"
#include "app/snapshot.h"
#include "app/write_rules.h"
#include "core/delta.h"
#include "core/rules.h"
#include "store/account.h"
#include "store/succession.h"
#include "util/arena.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct wctx {
	struct store *s;
	const struct principal *p;
	const struct record_type *t;
	struct registry *reg;   /* the snapshot, as the batch's earlier changes left it */
	struct delta *d;        /* those changes, to undo them */
	struct arena text;      /* the field texts of the new record */
	const void *old;        /* the existing record in reg, or NULL */
	_Alignas(16) unsigned char rec[256];
	struct write_result *res;
};

/* The text of one JSON value, as a CSV cell would hold it (true/false only for 0/1 flags). */
static bool cell(const struct field_def *f, json_t *v, struct arena *a, const char **out)
{
	char tmp[64];
	switch (json_typeof(v)) {
	case JSON_STRING:
		*out = arena_strdup(a, json_string_value(v));
		return true;
	case JSON_INTEGER:
		snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		snprintf(tmp, sizeof tmp, "%.15g", json_real_value(v));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		if (f->type != FT_FLAG)
			return false;
		snprintf(tmp, sizeof tmp, "%d", json_is_true(v));
		break;
	case JSON_NULL:
		tmp[0] = '\0';
		break;
	default:
		return false;
	}
	*out = arena_strdup(a, tmp);
	return true;
}

/* Builds w->rec from the old record's values (update) overlaid with body. */
static enum bf_status build(struct wctx *w, json_t *body, struct bf_err *err)
{
	const struct record_type *t = w->t;
	const char *text[64] = { NULL };
	struct buf b = BUF_INIT, why = BUF_INIT;
	const char *k, *field = NULL;
	json_t *v;
	enum bf_status rc = BF_OK;

	for (size_t i = 0; w->old && i < t->nfields; i++) {
		buf_reset(&b);
		model_field_format(&t->fields[i], w->old, &b);
		text[i] = arena_strdup(&w->text, buf_cstr(&b));
	}
	json_object_foreach(body, k, v) {
		const struct field_def *f = model_field(t, k);
		size_t i = f ? (size_t)(f - t->fields) : 0;
		const char *was = text[i];
		if (!f || !cell(f, v, &w->text, &text[i])) {
			w->res->field = f ? f->name : NULL;
			rc = bf_err_set(err, BF_EINPUT, f ? f->type == FT_FLAG
							    ? "%s: give 0, 1, true, false or null"
							    : "%s: give a string, a number or null"
							  : "'%.100s' is not a column of this record",
					k);
			if (f)
				bf_err_zh(err, f->type == FT_FLAG ? "请填 0、1、true、false 或 null"
								  : "请填字符串、数字或 null");
			else
				bf_err_zh(err, "“%.100s”不是此类记录的字段", k);
			goto out;
		}
		if (w->old && i < t->nkey && strcmp(was, text[i]) != 0) {
			w->res->field = f->name;
			rc = bf_err_set(err, BF_EINPUT, "%s is part of the key and cannot change; "
							"create a new record instead", f->name);
			bf_err_zh(err, "%s 是主键的一部分，不能修改；请新建一条记录", f->name);
			goto out;
		}
	}
	model_record_clear(t, w->rec);
	for (size_t i = 0; i < t->nfields; i++) {
		buf_reset(&why);
		if (!model_field_parse(&t->fields[i], text[i] ? text[i] : "", w->rec, &why)) {
			w->res->field = t->fields[i].name;
			rc = bf_err_set(err, BF_EINPUT, "%s: %s", t->fields[i].name, why.data);
			goto out;
		}
	}
	buf_reset(&why);
	if (!model_record_check(t, w->rec, &field, &why)) {
		w->res->field = field;
		rc = bf_err_set(err, BF_EINPUT, "%s: %s", field, why.data);
	}
out:
	buf_release(&b);
	buf_release(&why);
	return rc;
}

/* The references of the record just written, in the order the store lists dangling ones. */
static const char *missing(const struct registry *r, const struct record_type *t,
			   const void *rec, const char **value)
{
	if (t == &model_groups) {
		const struct bf_group *g = rec;
		if (registry_find_round(r, g->round) == REG_NONE)
			return *value = g->round, "round";
		if (registry_find_target(r, g->target) == REG_NONE)
			return *value = g->target, "target";
	} else if (t == &model_members) {
		const struct bf_member *m = rec;
		if (registry_find_group(r, m->group) == REG_NONE)
			return *value = m->group, "group";
		if (registry_find_unit(r, m->unit) == REG_NONE)
			return *value = m->unit, "unit";
	} else if (t == &model_cadres) {
		const struct bf_cadre *c = rec;
		if (registry_find_unit(r, c->unit) == REG_NONE)
			return *value = c->unit, "unit";
		if (registry_find_group(r, c->group) == REG_NONE)
			return *value = c->group, "group";
		if (c->predecessor && registry_find_cadre(r, c->predecessor) == REG_NONE)
			return *value = c->predecessor, "predecessor";
	} else if (t == &model_indicators) {
		const struct bf_indicator *x = rec;
		if (strcmp(x->scope, "province") != 0 &&
		    registry_find_target(r, x->scope) == REG_NONE)
			return *value = x->scope, "scope";
	}
	return NULL;
}

/* Every reference must exist after the write. The snapshot answers for the new record's own
 * references; only if the batch removed a record that others still referred to can other
 * references dangle, and then the database lists them all, as the store sees them. */
static enum bf_status references(struct wctx *w, struct bf_err *err)
{
	struct store_dangling d[1];
	const char *field, *value;

	if (w->d->dangling) {
		if (store_dangling(w->s, d, 1) == 0)
			return BF_OK;
		w->res->field = d[0].field;
		bf_err_set(err, BF_EINPUT, "%s: '%s' does not exist", d[0].field, d[0].value);
		bf_err_zh(err, "“%s”不存在", d[0].value);
		return BF_EINPUT;
	}
	if (!(field = missing(w->reg, w->t, w->rec, &value)))
		return BF_OK;
	w->res->field = field;
	bf_err_set(err, BF_EINPUT, "%s: '%s' does not exist", field, value);
	bf_err_zh(err, "“%s”不存在", value);
	return BF_EINPUT;
}

/* The findings of the affected records before the batch, per round of the registry then. */
struct before {
	char **rounds;
	struct violations *v;
	size_t n;
};

static void before_check(struct before *b, const struct wrules *w, const struct registry *r,
			 bf_day day)
{
	b->n = r->nrounds;
	b->rounds = xcalloc(b->n + 1, sizeof *b->rounds);
	b->v = xcalloc(b->n + 1, sizeof *b->v);
	for (size_t i = 0; i < b->n; i++) {
		b->rounds[i] = xstrdup(r->rounds[i].name);
		violations_init(&b->v[i]);
		wrules_findings(w, r, i, day, NULL, &b->v[i]);
	}
}

static void before_release(struct before *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->rounds[i]);
		violations_release(&b->v[i]);
	}
	free(b->rounds);
	free(b->v);
	memset(b, 0, sizeof b[0]);
}

/* Rules a write may not break (incompleteness is allowed, see core/rules): a new capacity or
 * two-leads finding in a round refuses the write. New: not among the findings before the
 * batch of the rounds that are still there. Only the affected records' findings can differ
 * between before and after (app/write_rules), so only theirs are compared. */
static enum bf_status programme_rules(const struct before *b, const struct wrules *w,
				      const struct registry *after, bf_day day,
				      struct write_batch_result *res, struct bf_err *err)
{
	struct violations va;
	const struct violations **vb = xcalloc(after->nrounds + 1, sizeof *vb);
	enum bf_status rc = BF_OK;

	violations_init(&va);
	for (size_t r = 0; r < after->nrounds; r++) {
		for (size_t i = 0; i < b->n; i++)
			if (strcmp(b->rounds[i], after->rounds[r].name) == 0)
				vb[r] = &b->v[i];
		wrules_findings(w, after, r, day, NULL, &va);
	}
	for (size_t i = 0; i < va.n && !rc; i++) {
		const struct violation *x = &va.items[i];
		const char *tag = rules_table[x->rule].tag;
		bool seen = false;
		if (!x->blocking)
			continue;
		for (size_t r = 0; r < after->nrounds && !seen; r++)
			for (size_t j = 0; vb[r] && j < vb[r]->n && !seen; j++)
				seen = strcmp(vb[r]->items[j].message, x->message) == 0;
		if (!seen) {
			res->rule = tag;
			rc = bf_err_set(err, BF_EVIOLATION, "%s (%s): %s", res->rule,
					rules_table[x->rule].source, x->message);
			bf_err_zh(err, "%s（%s）：%s", res->rule, rules_table[x->rule].source,
				  x->message_zh ? x->message_zh : x->message);
		}
	}
	violations_release(&va);
	free(vb);
	return rc;
}

/* S7: a cadre's predecessor is of the same unit and target, without a cycle. Asked of the
 * database as the batch has left it, by key; the same words whether the predecessor does not
 * exist or is another unit's (a caller must not learn which cadre ids exist elsewhere). */
static enum bf_status check_predecessor(struct wctx *w, struct bf_err *err)
{
	const struct bf_cadre *x = (const struct bf_cadre *)w->rec;
	struct buf why = BUF_INIT, zh = BUF_INIT;
	char target[128], other[128];
	struct rules_post c;
	enum bf_status rc = BF_OK;

	if (w->t != &model_cadres || !x->predecessor ||
	    !store_group_target(w->s, x->group, target, sizeof target))
		return BF_OK; /* an unknown group is for references() to name */
	c = (struct rules_post){ x->id, x->unit, target, x->predecessor };
	if (!rules_predecessor_ok(&c, store_cadre_post_fn, w->s, &why, &zh)) {
		w->res->field = "predecessor";
		rc = bf_err_set(err, BF_EINPUT, "predecessor: %s", buf_cstr(&why));
		bf_err_zh(err, "%s", buf_cstr(&zh));
	} else if (store_other_successor(w->s, x->predecessor, x->id, other, sizeof other)) {
		w->res->field = "predecessor";
		rc = bf_err_set(err, BF_EINPUT, "predecessor: " APP_TAKEN_OVER_FMT, x->predecessor,
				other);
		bf_err_zh(err, "干部 %s 已由 %s 接任：一个岗位只有一名接任者（先修改那名干部的前任，或填写另一名前任）",
			  x->predecessor, other);
	}
	buf_release(&why);
	buf_release(&zh);
	return rc;
}

/* ---- the round's check, spliced --------------------------------------------------------- */

static void violations_copy(struct violations *dst, const struct violations *src)
{
	violations_init(dst);
	dst->judged = src->judged;
	dst->items = xcalloc(src->n + 1, sizeof *dst->items);
	dst->cap = src->n + 1;
	for (size_t i = 0; i < src->n; i++) {
		dst->items[i] = src->items[i];
		dst->items[i].key = xstrdup(src->items[i].key);
		dst->items[i].message = xstrdup(src->items[i].message);
		dst->items[i].message_zh = xstrdup(src->items[i].message_zh);
	}
	dst->n = src->n;
}

static long window_of(const struct rules_opts *ro)
{
	return ro ? ro->end_window : RULES_END_WINDOW_DEFAULT;
}

/* The snapshot's kept check, if it is the one this write would answer (the same round, day
 * and options) and the batch changes no round: the affected records' findings are then
 * taken out of it, to be judged again after the changes. */
static struct wrules_kept *keep_check(const struct snapshot *snap, const struct wrules *w,
				      const char *round, bf_day day, const struct rules_opts *ro)
{
	const struct snapshot_check *k = snap->check;
	struct bf_err err;
	size_t ix;
	bool same;

	if (!k || !w || wrules_all(w) || k->day != day || k->window != window_of(ro))
		return NULL;
	bf_err_init(&err);
	same = !check_which(&snap->reg, round, day, &ix, &err) && ix != REG_NONE &&
	       strcmp(snap->reg.rounds[ix].name, k->round) == 0;
	bf_err_release(&err);
	return same ? wrules_keep(w, &snap->reg, &k->v) : NULL;
}

/* The round's check after the changes, into *out (fresh): spliced from the kept one when
 * nothing else can have moved (no successor linked anew, no record removed while referred
 * to), else judged whole. */
static enum bf_status check_after(const struct registry *after, const char *round, bf_day day,
				  const struct rules_opts *ro, const struct wrules *w,
				  const struct wrules_kept *kept, const struct delta *d,
				  size_t *ix, struct violations *out, struct bf_err *err)
{
	enum bf_status rc = check_which(after, round, day, ix, err);

	violations_init(out);
	if (rc)
		return rc;
	if (kept && *ix != REG_NONE && !d->relinked && !d->dangling)
		wrules_splice(w, kept, after, *ix, day, ro, out);
	else
		rules_check(after, *ix, day, ro, out);
	return BF_OK;
}

/* After a commit: the check just judged becomes the snapshot's, or the old one goes. */
static void keep_for_next(struct snapshot *snap, bool have, size_t ix, bf_day day,
			  const struct rules_opts *ro, struct violations *v)
{
	snapshot_check_free(snap->check);
	snap->check = NULL;
	if (!have || ix == REG_NONE)
		return;
	snap->check = xcalloc(1, sizeof *snap->check);
	snap->check->round = xstrdup(snap->reg.rounds[ix].name);
	snap->check->day = day;
	snap->check->window = window_of(ro);
	snap->check->v = *v;
	violations_init(v);
}

static enum bf_status check_access(struct wctx *w, enum write_op op, struct bf_err *err)
{
	delta_refresh(w->d, w->reg, REG_B_GROUP_MEMBERS | REG_B_UNIT_MEMBERS | REG_B_TARGET_GROUPS);
	if ((w->old && !access_can_write(w->reg, w->p, w->t, w->old)) ||
	    (op != WRITE_DELETE && !access_can_write(w->reg, w->p, w->t, w->rec))) {
		bf_err_set(err, BF_EFORBIDDEN, "your role may not change this %s", w->t->what);
		bf_err_zh(err, "您的角色无权修改这条记录（%s）", w->t->what);
		return BF_EFORBIDDEN;
	}
	if (op != WRITE_DELETE && !access_can_set_verified(w->p, w->t, w->old, w->rec)) {
		w->res->field = "verified";
		bf_err_set(err, BF_EFORBIDDEN, "verified: only the office (admin, planner) "
					       "verifies records; leave verified as it is");
		bf_err_zh(err, "只有指挥部办公室（管理员、专班）可以核实记录；请保持“已核实”不变");
		return BF_EFORBIDDEN;
	}
	return BF_OK;
}

static void key_of(const struct record_type *t, const void *rec, struct buf *k)
{
	for (size_t f = 0; f < t->nkey; f++) {
		if (f)
			buf_addc(k, ',');
		model_field_format(&t->fields[f], rec, k);
	}
}

/* Removes the record at i from the snapshot, as the store deletes it: a group with its
 * memberships (ON DELETE CASCADE in the schema). */
static void remove_cascading(struct wctx *w, size_t i)
{
	if (w->t == &model_groups) {
		const struct bucket *b = &w->reg->group_members;
		size_t n, *m;
		delta_refresh(w->d, w->reg, REG_B_GROUP_MEMBERS);
		n = b->off[i + 1] - b->off[i];
		m = xmalloc((n + 1) * sizeof *m);
		memcpy(m, b->items + b->off[i], n * sizeof *m);
		/* last first: removing a membership moves only the ones after it */
		while (n-- > 0)
			delta_remove(w->d, w->reg, &model_members, m[n]);
		free(m);
	}
	delta_remove(w->d, w->reg, w->t, i);
}

/* Writes the prepared change to the open transaction, with its audit row, and to the
 * snapshot. */
static enum bf_status apply(struct wctx *w, enum write_op op, size_t old_ix, const char *address,
			    json_t **record, struct bf_err *err)
{
	static const char *const actions[] = { "create", "update", "delete" };
	json_t *bj = w->old ? query_record_json(w->t, w->old) : NULL;
	json_t *aj = op != WRITE_DELETE ? query_record_json(w->t, w->rec) : NULL;
	struct buf key = BUF_INIT;
	enum bf_status rc;

	key_of(w->t, op == WRITE_DELETE ? w->old : w->rec, &key);
	rc = op == WRITE_DELETE ? store_delete(w->s, w->t, w->old, err)
				: store_put(w->s, w->t, w->rec, &w->res->field, err);
	if (!rc) { /* w->old moves with the edit: it is not read after this */
		if (op == WRITE_DELETE)
			remove_cascading(w, old_ix);
		else
			delta_put(w->d, w->reg, w->t, w->rec);
		w->old = NULL;
	}
	if (!rc && op != WRITE_DELETE)
		rc = references(w, err);
	if (!rc)
		rc = audit_append(w->s, w->p->name, address, actions[op], w->t->table, key.data,
				  bj, aj, err);
	*record = !rc && aj ? json_incref(aj) : json_null();
	json_decref(bj);
	json_decref(aj);
	buf_release(&key);
	return rc;
}

/* Validates one change against the snapshot as the batch's earlier changes left it (the
 * database as it is now, inside the batch's transaction), and applies it to both. */
static enum bf_status change(struct store *s, const struct principal *p, const char *address,
			     struct registry *reg, struct delta *d, const struct write_change *c,
			     struct write_result *wr, json_t **record, struct bf_err *err)
{
	const struct record_type *t = c->t;
	struct wctx w;
	size_t old_ix = REG_NONE;
	enum bf_status rc;

	memset(&w, 0, sizeof w);
	w.s = s;
	w.p = p;
	w.t = t;
	w.res = wr;
	w.reg = reg;
	w.d = d;
	arena_init(&w.text);
	if (c->op != WRITE_CREATE) {
		size_t n;
		if ((old_ix = registry_find_key(reg, t, c->key ? c->key : "")) == REG_NONE) {
			rc = bf_err_set(err, BF_ENOTFOUND, "no %s '%s'", t->what,
					c->key ? c->key : "");
			bf_err_zh(err, "没有这条记录：%s “%s”", t->what, c->key ? c->key : "");
			goto out;
		}
		w.old = (const char *)registry_items(reg, t, &n) + old_ix * t->size;
	}
	if (c->op != WRITE_DELETE && (rc = build(&w, c->body, err)))
		goto out;
	if (c->op == WRITE_CREATE) {
		struct buf k = BUF_INIT;
		key_of(t, w.rec, &k);
		if (registry_find_key(reg, t, k.data) != REG_NONE) {
			wr->field = t->fields[0].name;
			rc = bf_err_set(err, BF_ECONFLICT, "%s '%s' already exists", t->what, k.data);
			bf_err_zh(err, "%s “%s”已存在", t->what, k.data);
		}
		buf_release(&k);
		if (rc)
			goto out;
	}
	if (!(rc = check_access(&w, c->op, err)) &&
	    (c->op == WRITE_DELETE || !(rc = check_predecessor(&w, err))))
		rc = apply(&w, c->op, old_ix, address, record, err);
out:
	arena_release(&w.text);
	return rc;
}

/* A removed record that others still refer to: the foreign keys refuse it at the commit, but
 * an indicator's scope is no foreign key (it may be 'province'), so the store is asked (only
 * when the batch removed a record that was referred to). */
static enum bf_status still_referred(struct store *s, const struct delta *d, struct bf_err *err)
{
	struct store_dangling dd[1];
	if (!d->dangling || !store_dangling(s, dd, 1))
		return BF_OK;
	bf_err_set(err, BF_ECONFLICT, "other records still refer to this one: change or delete "
				      "them first");
	bf_err_zh(err, "还有其他记录引用这条记录：请先修改或删除它们");
	return BF_ECONFLICT;
}

/* A record the batch removed (and did not put back) that others still refer to: refused
 * naming them (the group's reports, assessments, cadres...), asked of the database as the
 * batch left it, before the commit's foreign keys would refuse it without a word of which. */
static enum bf_status still_needed(struct store *s, const struct registry *reg,
				   const struct write_change *c, size_t n,
				   struct write_batch_result *res, struct bf_err *err)
{
	enum bf_status rc = BF_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		const char *key = c[i].key ? c[i].key : "";
		if (c[i].op != WRITE_DELETE || c[i].t->nkey != 1 ||
		    registry_find_key(reg, c[i].t, key) != REG_NONE)
			continue;
		if ((rc = depends_check(s, c[i].t->table, &key, 1, err)))
			res->index = i;
	}
	return rc;
}

static bool touches_rules(const struct write_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].t == &model_groups || c[i].t == &model_members || c[i].t == &model_units)
			return true;
	return false;
}

static enum bf_status batch(struct store *s, const struct principal *p, const char *address,
			    const struct write_change *c, size_t n, const char *round,
			    const struct rules_opts *ro, bool dry_run, bool want_check,
			    struct write_batch_result *res, struct bf_err *err)
{
	struct snapshot *snap = NULL;
	struct delta d;
	struct wrules *w = NULL;
	struct wrules_kept *kept = NULL;
	struct before b = { 0 };
	struct violations checked;
	bool rules = touches_rules(c, n) && !dry_run, committed = false, have = false;
	bf_day day = date_today();
	size_t ix = REG_NONE;
	enum bf_status rc;

	memset(res, 0, sizeof *res);
	res->index = n;
	res->records = json_array();
	delta_init(&d);
	violations_init(&checked);
	if (n == 0 || n > WRITE_BATCH_MAX) {
		rc = bf_err_set(err, BF_EINPUT, "give between 1 and %d changes", WRITE_BATCH_MAX);
		bf_err_zh(err, "请提交 1 到 %d 项修改", WRITE_BATCH_MAX);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!access_may_write_type(p, c[i].t)) {
			res->index = i;
			rc = bf_err_set(err, BF_EFORBIDDEN, "your role may not change %ss",
					c[i].t->what);
			bf_err_zh(err, "您的角色无权修改此类记录（%s）", c[i].t->what);
			goto out;
		}
	snapshot_write_lock();
	if ((rc = store_begin(s, err)))
		goto unlock;
	if ((rc = snapshot_write_begin(s, &snap, err)))
		goto fail;
	if (rules || want_check || snap->check)
		w = wrules_new(&snap->reg, c, n);
	if (rules)
		before_check(&b, w, &snap->reg, day);
	kept = keep_check(snap, w, want_check ? round : NULL, day, want_check ? ro : NULL);
	for (size_t i = 0; i < n; i++) {
		struct write_result wr = { 0 };
		json_t *rec = NULL;
		if ((rc = change(s, p, address, &snap->reg, &d, &c[i], &wr, &rec, err))) {
			res->index = i;
			res->field = wr.field;
			goto fail;
		}
		json_array_append_new(res->records, rec);
	}
	delta_refresh(&d, &snap->reg, REG_B_ALL);
	if (rules && (rc = programme_rules(&b, w, &snap->reg, day, res, err)))
		goto fail;
	if (want_check || kept) { /* a kept check is brought up to date even if not asked for */
		enum bf_status crc = check_after(&snap->reg, want_check ? round : NULL, day,
						 want_check ? ro : NULL, w, kept, &d, &ix, &checked,
						 err);
		if (want_check && (rc = crc))
			goto fail;
		have = !crc;
		if (want_check) { /* a unit or county sees its own findings only */
			struct violations mine;
			violations_copy(&mine, &checked);
			check_visible(&snap->reg, p, &mine);
			res->check = check_json(&snap->reg, ix, day, &mine);
			violations_release(&mine);
		}
	}
	if ((rc = still_needed(s, &snap->reg, c, n, res, err)))
		goto fail;
	if (dry_run) {
		store_rollback(s);
		goto undo;
	}
	if ((rc = still_referred(s, &d, err)) ||
	    (rc = cycle_periods_default(&(struct app){ s }, err))) /* a new round's periods */
		goto fail;
	if (!(rc = store_generation_bump(s, err)))
		rc = store_commit(s, err);
	if (!rc) {
		delta_keep(&d);
		keep_for_next(snap, have, ix, day, want_check ? ro : NULL, &checked);
		committed = true;
		goto done;
	}
fail:
	store_rollback(s);
undo:
	if (snap)
		delta_undo(&d, &snap->reg);
done:
	if (snap)
		snapshot_write_end(snap, committed, d.bytes);
unlock:
	snapshot_write_unlock();
out:
	if (rc) {
		json_decref(res->records);
		json_decref(res->check);
		res->records = res->check = NULL;
	}
	violations_release(&checked);
	delta_release(&d);
	wrules_kept_free(kept);
	wrules_free(w);
	before_release(&b);
	return rc;
}

enum bf_status write_changes(struct app *app, const struct principal *p, const char *address,
			     const struct write_change *c, size_t n, const char *round,
			     const struct rules_opts *ro, bool dry_run,
			     struct write_batch_result *res, struct bf_err *err)
{
	return batch(app->store, p, address, c, n, round, ro, dry_run, true, res, err);
}

enum bf_status write_record(struct app *app, const struct principal *p, const char *address,
			    const struct record_type *t, enum write_op op, const char *key,
			    json_t *body, struct write_result *res, struct bf_err *err)
{
	struct write_change c = { t, op, key, body };
	struct write_batch_result br;
	enum bf_status rc = batch(app->store, p, address, &c, 1, NULL, NULL, false, false, &br, err);

	memset(res, 0, sizeof *res);
	res->field = br.field;
	res->rule = br.rule;
	if (!rc && op != WRITE_DELETE)
		res->record = json_incref(json_array_get(br.records, 0));
	json_decref(br.records);
	return rc;
}
