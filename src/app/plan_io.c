/* plan_io: planner instances and solutions as JSON; see plan_io.h. Every error names the JSON
 * path of the offending value. */
#include "app/plan_io.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#define MAX_FILE ((size_t)2 << 30)
#define MAX_COUNT 1000000   /* cap, min */
#define MAX_MEMBERS 10000   /* mmin, mmax: each member has a bonus value */
#define MAX_SCORE 1e6       /* |score| and |bonus| */

void plan_io_init(struct plan_io *p)
{
	memset(p, 0, sizeof *p);
	arena_init(&p->strings);
}

void plan_io_release(struct plan_io *p)
{
	free(p->units);
	free(p->targets);
	free(p->pairs);
	free(p->fixed);
	free(p->bonus);
	arena_release(&p->strings);
	memset(p, 0, sizeof *p);
}

/* --- ids: an open-addressing hash from id to index ------------------------------------- */

struct idmap {
	const char **ids;   /* ids[i] is the id of index i */
	uint32_t *slot;     /* index + 1, 0 = empty */
	size_t mask;
};

static uint64_t id_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void idmap_init(struct idmap *m, const char **ids, size_t n)
{
	size_t size = 16;
	while (size < 2 * n)
		size *= 2;
	m->ids = ids;
	m->slot = xcalloc(size, sizeof *m->slot);
	m->mask = size - 1;
}

/* Adds index i (ids[i]); returns the index already holding the same id, or SIZE_MAX. */
static size_t idmap_add(struct idmap *m, size_t i)
{
	size_t h = id_hash(m->ids[i]) & m->mask;
	for (; m->slot[h]; h = (h + 1) & m->mask)
		if (strcmp(m->ids[m->slot[h] - 1], m->ids[i]) == 0)
			return m->slot[h] - 1;
	m->slot[h] = (uint32_t)(i + 1);
	return SIZE_MAX;
}

static size_t idmap_find(const struct idmap *m, const char *id)
{
	size_t h = id_hash(id) & m->mask;
	for (; m->slot[h]; h = (h + 1) & m->mask)
		if (strcmp(m->ids[m->slot[h] - 1], id) == 0)
			return m->slot[h] - 1;
	return SIZE_MAX;
}

/* --- values -------------------------------------------------------------------------------- */

struct ctx {
	struct plan_io *p;
	struct bf_err *err;
	struct idmap units, targets;
	const char **unit_ids, **target_ids;
};

static enum bf_status bad(struct ctx *c, const char *arr, size_t i, const char *key,
			  const char *what)
{
	if (key)
		return bf_err_set(c->err, BF_EINPUT, "%s[%zu].%s: %s", arr, i, key, what);
	return bf_err_set(c->err, BF_EINPUT, "%s[%zu]: %s", arr, i, what);
}

static enum bf_status get_count(struct ctx *c, json_t *o, const char *arr, size_t i,
				const char *key, bool required, int dflt, int *out)
{
	json_t *v = json_object_get(o, key);
	json_int_t max = key[0] == 'm' && key[1] == 'm' ? MAX_MEMBERS : MAX_COUNT;
	char what[64];
	if (!v) {
		if (required)
			return bad(c, arr, i, key, "missing: give a whole number");
		*out = dflt;
		return BF_OK;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
		snprintf(what, sizeof what, "give a whole number from 0 to %lld", (long long)max);
		return bad(c, arr, i, key, what);
	}
	*out = (int)json_integer_value(v);
	return BF_OK;
}

static enum bf_status get_score(struct ctx *c, json_t *v, const char *arr, size_t i,
				const char *key, double *out)
{
	double x;
	if (!json_is_number(v))
		return bad(c, arr, i, key, "give a number");
	x = json_number_value(v);
	if (!isfinite(x) || fabs(x) > MAX_SCORE)
		return bad(c, arr, i, key, "give a number from -1000000 to 1000000");
	*out = x;
	return BF_OK;
}

static enum bf_status get_id(struct ctx *c, json_t *o, const char *arr, size_t i,
			     const char *key, const char **out)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_string(v) || !*json_string_value(v))
		return bad(c, arr, i, key, v ? "give a non-empty string" : "missing: give an id");
	*out = json_string_value(v);
	return BF_OK;
}

/* Every key of o must be one of keys (NULL-ended). */
static enum bf_status known_keys(struct ctx *c, json_t *o, const char *arr, size_t i,
				 const char *const *keys)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		const char *const *q = keys;
		while (*q && strcmp(*q, k) != 0)
			q++;
		if (!*q)
			return bf_err_set(c->err, BF_EINPUT, "%s[%zu].%s: unknown key", arr, i, k);
	}
	return BF_OK;
}

static enum bf_status get_array(struct ctx *c, json_t *root, const char *key, bool required,
				json_t **out)
{
	json_t *v = json_object_get(root, key);
	*out = v;
	if (!v && !required)
		return BF_OK;
	if (!json_is_array(v))
		return bf_err_set(c->err, BF_EINPUT, "%s: %s", key,
				  v ? "give an array" : "missing: give an array");
	return BF_OK;
}

/* --- the four arrays ----------------------------------------------------------------------- */

static enum bf_status parse_units(struct ctx *c, json_t *a)
{
	static const char *const keys[] = { "id", "cap", "min", "can_lead", "copies", NULL };
	size_t n = json_array_size(a), i;
	json_t *o;
	enum bf_status rc;

	c->p->units = xcalloc(n ? n : 1, sizeof *c->p->units);
	c->unit_ids = xcalloc(n ? n : 1, sizeof *c->unit_ids);
	idmap_init(&c->units, c->unit_ids, n);
	json_array_foreach(a, i, o) {
		struct plan_unit *u = &c->p->units[i];
		json_t *lead;
		const char *id;
		size_t dup;
		if (!json_is_object(o))
			return bad(c, "units", i, NULL, "give an object {\"id\", \"cap\", \"min\", "
							"\"can_lead\"}");
		if ((rc = known_keys(c, o, "units", i, keys)) ||
		    (rc = get_id(c, o, "units", i, "id", &id)) ||
		    (rc = get_count(c, o, "units", i, "cap", true, 1, &u->cap)) ||
		    (rc = get_count(c, o, "units", i, "min", false, 0, &u->min)) ||
		    (rc = get_count(c, o, "units", i, "copies", false, 1, &u->copies)))
			return rc;
		if (u->min > u->cap)
			return bad(c, "units", i, "min", "is above cap: give at most cap");
		lead = json_object_get(o, "can_lead");
		if (lead && !json_is_boolean(lead))
			return bad(c, "units", i, "can_lead", "give true or false");
		u->can_lead = !lead || json_is_true(lead);
		u->id = c->unit_ids[i] = arena_strdup(&c->p->strings, id);
		if ((dup = idmap_add(&c->units, i)) != SIZE_MAX)
			return bf_err_set(c->err, BF_EINPUT, "units[%zu].id: '%s' is also units[%zu]",
					  i, id, dup);
	}
	c->p->in.units = c->p->units;
	c->p->in.nunits = n;
	return BF_OK;
}

static enum bf_status parse_bonus(struct ctx *c, json_t *o, size_t i, struct plan_target *t,
				  size_t *used)
{
	json_t *b = json_object_get(o, "bonus"), *v;
	size_t k;
	double *dst = c->p->bonus + *used;
	enum bf_status rc;
	char key[32];

	*used += (size_t)t->mmax;
	if (!b) { /* no bonus: every member counts 0 */
		memset(dst, 0, (size_t)t->mmax * sizeof *dst);
		return BF_OK;
	}
	if (!json_is_array(b) || json_array_size(b) != (size_t)t->mmax)
		return bf_err_set(c->err, BF_EINPUT, "targets[%zu].bonus: give an array of mmax = %d "
				  "numbers (the k-th member's bonus)", i, t->mmax);
	json_array_foreach(b, k, v) {
		snprintf(key, sizeof key, "bonus[%zu]", k);
		if ((rc = get_score(c, v, "targets", i, key, &dst[k])))
			return rc;
		if (k && dst[k] > dst[k - 1])
			return bad(c, "targets", i, key, "is above the one before: bonuses must not "
							"increase (a later member adds no more)");
	}
	return BF_OK;
}

static enum bf_status parse_targets(struct ctx *c, json_t *a)
{
	static const char *const keys[] = { "id", "mmin", "mmax", "bonus", NULL };
	size_t n = json_array_size(a), i, total = 0, used = 0;
	json_t *o;
	enum bf_status rc;

	json_array_foreach(a, i, o) {
		json_t *m = json_is_object(o) ? json_object_get(o, "mmax") : NULL;
		if (json_is_integer(m) && json_integer_value(m) > 0 &&
		    json_integer_value(m) <= MAX_MEMBERS)
			total += (size_t)json_integer_value(m);
	}
	c->p->targets = xcalloc(n ? n : 1, sizeof *c->p->targets);
	c->p->bonus = xcalloc(total ? total : 1, sizeof *c->p->bonus);
	c->target_ids = xcalloc(n ? n : 1, sizeof *c->target_ids);
	idmap_init(&c->targets, c->target_ids, n);
	json_array_foreach(a, i, o) {
		struct plan_target *t = &c->p->targets[i];
		const char *id;
		size_t dup;
		if (!json_is_object(o))
			return bad(c, "targets", i, NULL, "give an object {\"id\", \"mmin\", \"mmax\", "
							  "\"bonus\"}");
		if ((rc = known_keys(c, o, "targets", i, keys)) ||
		    (rc = get_id(c, o, "targets", i, "id", &id)) ||
		    (rc = get_count(c, o, "targets", i, "mmin", true, 0, &t->mmin)) ||
		    (rc = get_count(c, o, "targets", i, "mmax", true, 0, &t->mmax)))
			return rc;
		if (t->mmin > t->mmax)
			return bad(c, "targets", i, "mmin", "is above mmax: give at most mmax");
		t->bonus = c->p->bonus + used;
		if ((rc = parse_bonus(c, o, i, t, &used)))
			return rc;
		t->id = c->target_ids[i] = arena_strdup(&c->p->strings, id);
		if ((dup = idmap_add(&c->targets, i)) != SIZE_MAX)
			return bf_err_set(c->err, BF_EINPUT,
					  "targets[%zu].id: '%s' is also targets[%zu]", i, id, dup);
	}
	c->p->in.targets = c->p->targets;
	c->p->in.ntargets = n;
	return BF_OK;
}

/* The unit and target named by o's "unit" and "target". */
static enum bf_status parse_ref(struct ctx *c, json_t *o, const char *arr, size_t i,
				size_t *unit, size_t *target)
{
	const char *u, *t;
	enum bf_status rc;
	char what[160];

	if ((rc = get_id(c, o, arr, i, "unit", &u)) || (rc = get_id(c, o, arr, i, "target", &t)))
		return rc;
	if ((*unit = idmap_find(&c->units, u)) == SIZE_MAX) {
		snprintf(what, sizeof what, "'%.100s' is not in units", u);
		return bad(c, arr, i, "unit", what);
	}
	if ((*target = idmap_find(&c->targets, t)) == SIZE_MAX) {
		snprintf(what, sizeof what, "'%.100s' is not in targets", t);
		return bad(c, arr, i, "target", what);
	}
	return BF_OK;
}

static enum bf_status parse_pairs(struct ctx *c, json_t *a)
{
	static const char *const keys[] = { "unit", "target", "lead", "member", NULL };
	size_t n = json_array_size(a), i;
	json_t *o;
	enum bf_status rc;

	c->p->pairs = xcalloc(n ? n : 1, sizeof *c->p->pairs);
	json_array_foreach(a, i, o) {
		struct plan_pair *q = &c->p->pairs[i];
		json_t *lead;
		if (!json_is_object(o))
			return bad(c, "pairs", i, NULL, "give an object {\"unit\", \"target\", "
							"\"lead\", \"member\"}");
		if ((rc = known_keys(c, o, "pairs", i, keys)) ||
		    (rc = parse_ref(c, o, "pairs", i, &q->unit, &q->target)))
			return rc;
		lead = json_object_get(o, "lead");
		q->lead_ok = lead && !json_is_null(lead);
		if (q->lead_ok && !json_is_number(lead))
			return bad(c, "pairs", i, "lead", "give a number or null");
		if (q->lead_ok && (rc = get_score(c, lead, "pairs", i, "lead", &q->lead)))
			return rc;
		if (!json_object_get(o, "member"))
			return bad(c, "pairs", i, "member", "missing: give a number");
		if ((rc = get_score(c, json_object_get(o, "member"), "pairs", i, "member",
				    &q->member)))
			return rc;
	}
	c->p->in.pairs = c->p->pairs;
	c->p->in.npairs = n;
	return BF_OK;
}

static enum bf_status parse_fixed(struct ctx *c, json_t *a)
{
	static const char *const keys[] = { "unit", "target", "role", NULL };
	size_t n = json_array_size(a), i;
	json_t *o;
	enum bf_status rc;

	c->p->fixed = xcalloc(n ? n : 1, sizeof *c->p->fixed);
	json_array_foreach(a, i, o) {
		struct plan_fixed *f = &c->p->fixed[i];
		const char *role;
		if (!json_is_object(o))
			return bad(c, "fixed", i, NULL, "give an object {\"unit\", \"target\", "
							"\"role\"}");
		if ((rc = known_keys(c, o, "fixed", i, keys)) ||
		    (rc = parse_ref(c, o, "fixed", i, &f->unit, &f->target)))
			return rc;
		role = json_string_value(json_object_get(o, "role"));
		if (!role || (strcmp(role, "lead") != 0 && strcmp(role, "member") != 0))
			return bad(c, "fixed", i, "role", "give \"lead\" or \"member\"");
		f->role = strcmp(role, "lead") == 0 ? PLAN_LEAD : PLAN_MEMBER;
	}
	c->p->in.fixed = c->p->fixed;
	c->p->in.nfixed = n;
	return BF_OK;
}

static enum bf_status parse_root(struct ctx *c, json_t *root)
{
	static const char *const keys[] = { "units", "targets", "pairs", "fixed", "meta", NULL };
	json_t *units, *targets, *pairs, *fixed;
	const char *k;
	json_t *v;
	enum bf_status rc;
	char why[1024];

	if (!json_is_object(root))
		return bf_err_set(c->err, BF_EINPUT, "the instance must be a JSON object with "
						     "\"units\", \"targets\" and \"pairs\"");
	json_object_foreach(root, k, v) {
		const char *const *q = keys;
		while (*q && strcmp(*q, k) != 0)
			q++;
		if (!*q)
			return bf_err_set(c->err, BF_EINPUT, "%s: unknown key (the instance has "
							     "units, targets, pairs, fixed, meta)", k);
	}
	if ((rc = get_array(c, root, "units", true, &units)) ||
	    (rc = get_array(c, root, "targets", true, &targets)) ||
	    (rc = get_array(c, root, "pairs", true, &pairs)) ||
	    (rc = get_array(c, root, "fixed", false, &fixed)) || (rc = parse_units(c, units)) ||
	    (rc = parse_targets(c, targets)) || (rc = parse_pairs(c, pairs)) ||
	    (fixed && (rc = parse_fixed(c, fixed))))
		return rc;
	if (!plan_validate(&c->p->in, why, sizeof why))
		return bf_err_set(c->err, BF_EINPUT, "%s", why);
	return BF_OK;
}

enum bf_status plan_io_parse(struct plan_io *p, const char *text, size_t len,
			     struct bf_err *err)
{
	struct ctx c = { .p = p, .err = err };
	json_error_t je;
	json_t *root;
	enum bf_status rc;

	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		return bf_err_set(err, BF_EINPUT, "line %d, column %d: %s", je.line, je.column,
				  je.text);
	rc = parse_root(&c, root);
	json_decref(root);
	free(c.units.slot);
	free(c.targets.slot);
	free(c.unit_ids);
	free(c.target_ids);
	return rc;
}

enum bf_status plan_io_read(struct plan_io *p, const char *path, struct bf_err *err)
{
	struct buf b = BUF_INIT;
	struct bf_err e;
	enum bf_status rc;

	if ((rc = fileio_read(path, MAX_FILE, &b, err)))
		goto out;
	bf_err_init(&e);
	if ((rc = plan_io_parse(p, b.data ? b.data : "", b.len, &e)))
		bf_err_set(err, rc, "%s: %s", path, bf_err_msg(&e));
	bf_err_release(&e);
out:
	buf_release(&b);
	return rc;
}

/* --- writing ------------------------------------------------------------------------------ */

json_t *plan_io_instance_json(const struct plan_instance *in)
{
	json_t *units = json_array(), *targets = json_array(), *pairs = json_array();
	json_t *root = json_object();

	for (size_t i = 0; i < in->nunits; i++) {
		const struct plan_unit *u = &in->units[i];
		json_t *x = json_pack("{s:s, s:i, s:i, s:b}", "id", u->id, "cap", u->cap, "min",
				      u->min, "can_lead", u->can_lead);
		if (u->copies > 1)
			json_object_set_new(x, "copies", json_integer(u->copies));
		json_array_append_new(units, x);
	}
	for (size_t i = 0; i < in->ntargets; i++) {
		const struct plan_target *t = &in->targets[i];
		json_t *b = json_array();
		for (int k = 0; k < t->mmax; k++)
			json_array_append_new(b, json_real(t->bonus[k]));
		json_array_append_new(targets, json_pack("{s:s, s:i, s:i, s:o}", "id", t->id,
							 "mmin", t->mmin, "mmax", t->mmax,
							 "bonus", b));
	}
	for (size_t i = 0; i < in->npairs; i++) {
		const struct plan_pair *q = &in->pairs[i];
		json_array_append_new(pairs, json_pack("{s:s, s:s, s:o, s:f}", "unit",
						       in->units[q->unit].id, "target",
						       in->targets[q->target].id, "lead",
						       q->lead_ok ? json_real(q->lead) : json_null(),
						       "member", q->member));
	}
	json_object_set_new(root, "units", units);
	json_object_set_new(root, "targets", targets);
	json_object_set_new(root, "pairs", pairs);
	if (in->nfixed) {
		json_t *fixed = json_array();
		for (size_t i = 0; i < in->nfixed; i++) {
			const struct plan_fixed *f = &in->fixed[i];
			json_array_append_new(fixed, json_pack("{s:s, s:s, s:s}", "unit",
							       in->units[f->unit].id, "target",
							       in->targets[f->target].id, "role",
							       f->role == PLAN_LEAD ? "lead" : "member"));
		}
		json_object_set_new(root, "fixed", fixed);
	}
	return root;
}

json_t *plan_io_solution_json(const struct plan_instance *in, const struct plan_solution *s)
{
	json_t *root = json_object(), *a = json_array();

	json_object_set_new(root, "status",
			    json_string(s->status == PLAN_OPTIMAL ? "optimal" : "infeasible"));
	if (s->status == PLAN_OPTIMAL)
		json_object_set_new(root, "objective", json_real(s->objective));
	else
		json_object_set_new(root, "objective", json_null());
	for (size_t i = 0; i < s->n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "unit",
						   in->units[s->a[i].unit].id, "target",
						   in->targets[s->a[i].target].id, "role",
						   s->a[i].role == PLAN_LEAD ? "lead" : "member"));
	json_object_set_new(root, "assignments", a);
	json_object_set_new(root, "seconds", json_real(s->seconds));
	if (s->status == PLAN_INFEASIBLE)
		json_object_set_new(root, "reason", json_string(s->reason));
	return root;
}
