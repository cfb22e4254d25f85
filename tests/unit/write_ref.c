/* write_ref: the write path as it was before writes edited the snapshot in place (a whole
 * registry load per change), kept as the oracle of the snapshot-equals-reload property test
 * (test_writes.c). Copied from src/app/write.c at 77c4070; the entry points are renamed, and
 * one fix made in both is marked below. */
#include "write_ref.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/check.h"
#include "app/depends.h"
#include "app/query.h"
#include "core/rules.h"
#include "store/account.h"
#include "store/succession.h"
#include "util/arena.h"
#include <string.h>

struct wctx {
	struct store *s;
	const struct principal *p;
	const struct record_type *t;
	const struct registry *before; /* the database before the write */
	struct arena text;      /* the field texts of the new record */
	const void *old;        /* the existing record in before, or NULL */
	_Alignas(16) unsigned char rec[256];
	struct write_result *res;
};

static const void *find(const struct registry *r, const struct record_type *t, const char *key)
{
	size_t n;
	const char *base = registry_items(r, t, &n);
	struct buf k = BUF_INIT;
	const void *hit = NULL;

	for (size_t i = 0; i < n && !hit; i++) {
		buf_reset(&k);
		for (size_t f = 0; f < t->nkey; f++) {
			if (f)
				buf_addc(&k, ',');
			model_field_format(&t->fields[f], base + i * t->size, &k);
		}
		if (strcmp(buf_cstr(&k), key) == 0)
			hit = base + i * t->size;
	}
	buf_release(&k);
	return hit;
}

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
			goto out;
		}
		if (w->old && i < t->nkey && strcmp(was, text[i]) != 0) {
			w->res->field = f->name;
			rc = bf_err_set(err, BF_EINPUT, "%s is part of the key and cannot change; "
							"create a new record instead", f->name);
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

static enum bf_status references(struct wctx *w, struct bf_err *err)
{
	struct store_dangling d[1];
	if (store_dangling(w->s, d, 1) == 0)
		return BF_OK;
	w->res->field = d[0].field;
	return bf_err_set(err, BF_EINPUT, "%s: '%s' does not exist", d[0].field, d[0].value);
}

/* Rules a write may not break (incompleteness is allowed, see core/rules): a new capacity or
 * two-leads violation in the round refuses the write. */
static bool breaks(const struct violations *v, size_t i, const struct violations *before)
{
	const struct violation *x = &v->items[i];
	if (!x->blocking)
		return false;
	for (size_t j = 0; j < before->n; j++)
		if (strcmp(before->items[j].message, x->message) == 0)
			return false;
	return true;
}

/* Compares the rounds of initial (before the batch) and after (the database now). */
static enum bf_status programme_rules(const struct registry *initial,
				      const struct registry *after,
				      struct write_batch_result *res, struct bf_err *err)
{
	struct violations vb, va;
	enum bf_status rc = BF_OK;
	bf_day day = date_today();

	violations_init(&vb);
	violations_init(&va);
	for (size_t r = 0; r < after->nrounds; r++) {
		rules_check(initial, registry_find_round(initial, after->rounds[r].name), day,
			    NULL, &vb);
		rules_check(after, r, day, NULL, &va);
	}
	for (size_t i = 0; i < va.n && !rc; i++)
		if (breaks(&va, i, &vb)) {
			res->rule = rules_table[va.items[i].rule].tag;
			rc = bf_err_set(err, BF_EVIOLATION, "%s (%s): %s", res->rule,
					rules_table[va.items[i].rule].source, va.items[i].message);
		}
	violations_release(&vb);
	violations_release(&va);
	return rc;
}

/* S7: a cadre's predecessor is of the same unit and target, without a cycle. Asked of the
 * database as the batch has left it, by key; the same words whether the predecessor does not
 * exist or is another unit's (a caller must not learn which cadre ids exist elsewhere). */
static enum bf_status check_predecessor(struct wctx *w, struct bf_err *err)
{
	const struct bf_cadre *x = (const struct bf_cadre *)w->rec;
	struct buf why = BUF_INIT, zh = BUF_INIT;
	char target[128];
	struct rules_post c;
	enum bf_status rc = BF_OK;

	if (w->t != &model_cadres || !x->predecessor ||
	    !store_group_target(w->s, x->group, target, sizeof target))
		return BF_OK; /* an unknown group is for references() to name */
	c = (struct rules_post){ x->id, x->unit, target, x->predecessor };
	if (!rules_predecessor_ok(&c, store_cadre_post_fn, w->s, &why, &zh)) {
		w->res->field = "predecessor";
		rc = bf_err_set(err, BF_EINPUT, "predecessor: %s", buf_cstr(&why));
	}
	buf_release(&why);
	buf_release(&zh);
	return rc;
}

static enum bf_status check_access(struct wctx *w, enum write_op op, struct bf_err *err)
{
	if ((w->old && !access_can_write(w->before, w->p, w->t, w->old)) ||
	    (op != WRITE_DELETE && !access_can_write(w->before, w->p, w->t, w->rec)))
		return bf_err_set(err, BF_EFORBIDDEN, "your role may not change this %s",
				  w->t->what);
	if (op != WRITE_DELETE && !access_can_set_verified(w->p, w->t, w->old, w->rec)) {
		w->res->field = "verified";
		return bf_err_set(err, BF_EFORBIDDEN, "verified: only the office (admin, planner) "
						      "verifies records; leave verified as it is");
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

/* Writes the prepared change to the open transaction, with its audit row. */
static enum bf_status apply(struct wctx *w, enum write_op op, const char *address,
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

/* Validates one change against before, the database as it is now (inside the batch's
 * transaction), and applies it. */
static enum bf_status change(struct store *s, const struct principal *p, const char *address,
			     const struct registry *before, const struct write_change *c,
			     struct write_result *wr, json_t **record, struct bf_err *err)
{
	const struct record_type *t = c->t;
	struct wctx w;
	enum bf_status rc;

	memset(&w, 0, sizeof w);
	w.s = s;
	w.p = p;
	w.t = t;
	w.res = wr;
	w.before = before;
	arena_init(&w.text);
	if (c->op != WRITE_CREATE && !(w.old = find(before, t, c->key ? c->key : ""))) {
		rc = bf_err_set(err, BF_ENOTFOUND, "no %s '%s'", t->what, c->key ? c->key : "");
		goto out;
	}
	if (c->op != WRITE_DELETE && (rc = build(&w, c->body, err)))
		goto out;
	if (c->op == WRITE_CREATE) {
		struct buf k = BUF_INIT;
		key_of(t, w.rec, &k);
		if (find(before, t, k.data)) {
			wr->field = t->fields[0].name;
			rc = bf_err_set(err, BF_ECONFLICT, "%s '%s' already exists", t->what, k.data);
		}
		buf_release(&k);
		if (rc)
			goto out;
	}
	if (!(rc = check_access(&w, c->op, err)) &&
	    (c->op == WRITE_DELETE || !(rc = check_predecessor(&w, err))))
		rc = apply(&w, c->op, address, record, err);
out:
	arena_release(&w.text);
	return rc;
}

static bool touches_rules(const struct write_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (c[i].t == &model_groups || c[i].t == &model_members || c[i].t == &model_units)
			return true;
	return false;
}

/* The checks of round (NULL: today's) in after, as check_json. */
static enum bf_status checks_of(const struct registry *after, const char *round,
				const struct rules_opts *ro, const struct principal *p,
				json_t **out, struct bf_err *err)
{
	struct violations v;
	size_t ix;
	bf_day day = date_today();
	enum bf_status rc;

	violations_init(&v);
	if (!(rc = check_round(after, round, day, ro, p, &ix, &v, err)))
		*out = check_json(after, ix, day, &v);
	violations_release(&v);
	return rc;
}

/* The second change made in both: a record the batch removed (and did not put back) that
 * others still refer to is refused naming them (app/depends), dry run or not. */
static enum bf_status still_needed(struct store *s, const struct write_change *c, size_t n,
				   struct write_batch_result *res, struct bf_err *err)
{
	struct registry now;
	enum bf_status rc = BF_OK;
	bool loaded = false;

	registry_init(&now);
	for (size_t i = 0; i < n && !rc; i++) {
		const char *key = c[i].key ? c[i].key : "";
		if (c[i].op != WRITE_DELETE || c[i].t->nkey != 1)
			continue;
		if (!loaded && (rc = query_load(s, &now, err)))
			break;
		loaded = true;
		if (!find(&now, c[i].t, key) && (rc = depends_check(s, c[i].t->table, &key, 1, err)))
			res->index = i;
	}
	registry_release(&now);
	return rc;
}

static enum bf_status batch(struct store *s, const struct principal *p, const char *address,
			    const struct write_change *c, size_t n, const char *round,
			    const struct rules_opts *ro, bool dry_run, bool want_check,
			    struct write_batch_result *res, struct bf_err *err)
{
	struct registry initial, cur, after; /* before the batch, before a change, after */
	bool rules = touches_rules(c, n);
	enum bf_status rc;

	memset(res, 0, sizeof *res);
	res->index = n;
	res->records = json_array();
	registry_init(&initial);
	registry_init(&cur);
	registry_init(&after);
	if (n == 0 || n > WRITE_BATCH_MAX) {
		rc = bf_err_set(err, BF_EINPUT, "give between 1 and %d changes", WRITE_BATCH_MAX);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!access_may_write_type(p, c[i].t)) {
			res->index = i;
			rc = bf_err_set(err, BF_EFORBIDDEN, "your role may not change %ss",
					c[i].t->what);
			goto out;
		}
	if ((rc = store_begin(s, err)))
		goto out;
	if ((rc = query_load(s, &initial, err)))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		struct write_result wr = { 0 };
		json_t *rec = NULL;
		if (i > 0) { /* the database as the earlier changes left it */
			registry_release(&cur);
			if ((rc = query_load(s, &cur, err)))
				goto fail;
		}
		if ((rc = change(s, p, address, i ? &cur : &initial, &c[i], &wr, &rec, err))) {
			res->index = i;
			res->field = wr.field;
			goto fail;
		}
		json_array_append_new(res->records, rec);
	}
	if ((rules && !dry_run) || want_check)
		if ((rc = query_load(s, &after, err)))
			goto fail;
	if (rules && !dry_run && (rc = programme_rules(&initial, &after, res, err)))
		goto fail;
	if (want_check && (rc = checks_of(&after, round, ro, p, &res->check, err)))
		goto fail;
	if ((rc = still_needed(s, c, n, res, err)))
		goto fail;
	if (dry_run) {
		store_rollback(s);
		goto out;
	}
	{ /* the one change since 77c4070, made in both: a target that indicators still name
	   * cannot be deleted (the scope is no foreign key, so the commit did not refuse it) */
		struct store_dangling dd[1];
		if (store_dangling(s, dd, 1)) {
			rc = bf_err_set(err, BF_ECONFLICT, "other records still refer to this one: "
							   "change or delete them first");
			goto fail;
		}
	}
	if (!(rc = store_generation_bump(s, err)))
		rc = store_commit(s, err);
	if (!rc)
		goto out;
fail:
	store_rollback(s);
out:
	if (rc) {
		json_decref(res->records);
		json_decref(res->check);
		res->records = res->check = NULL;
	}
	registry_release(&initial);
	registry_release(&cur);
	registry_release(&after);
	return rc;
}

enum bf_status ref_write_changes(struct app *app, const struct principal *p, const char *address,
			     const struct write_change *c, size_t n, const char *round,
			     const struct rules_opts *ro, bool dry_run,
			     struct write_batch_result *res, struct bf_err *err)
{
	return batch(app->store, p, address, c, n, round, ro, dry_run, true, res, err);
}

enum bf_status ref_write_record(struct app *app, const struct principal *p, const char *address,
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
