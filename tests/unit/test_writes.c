/* The snapshot-equals-reload property test of app/write. Random change sequences (single
 * writes and batches, valid and invalid ones, by every role that writes, dry runs among them)
 * go through write_changes/write_record on database A, whose server snapshot is edited in
 * place, and through the previous implementation (write_ref.c: the whole registry loaded for
 * every change) on database B, made the same way. After every step: the same answer (status,
 * message, failing change, field, rule, records, checks); A's snapshot equal to a fresh load of
 * A, record by record, index by index, bucket by bucket, and not loaded again; A and B the same
 * records and audit trail. BANGFU_PROPERTY_SEED=N changes the sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "unit.h"
#include "write_ref.h"
#include "app/app_int.h"
#include "app/init.h"
#include "app/query.h"
#include "app/snapshot.h"
#include "store/audit.h"

#define STEPS 480          /* batches of 1..6 changes and single writes */
#define MIN_CHANGES 1000

static unsigned long long seed_state;

static unsigned rnd(unsigned n)
{
	seed_state ^= seed_state >> 12;
	seed_state ^= seed_state << 25;
	seed_state ^= seed_state >> 27;
	return (unsigned)((seed_state * 2685821657736338717ULL) >> 33) % n;
}

static char *temp_db(char *path, size_t n)
{
	int fd;
	snprintf(path, n, "/tmp/bangfu-prop-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	return path;
}

static void remove_db(const char *path)
{
	char p[96];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* ---- random changes ------------------------------------------------------------------- */

static const char *key_text(const struct registry *r, const struct record_type *t, size_t i,
			    struct buf *b)
{
	size_t n;
	const char *rec = (const char *)registry_items(r, t, &n) + i * t->size;
	buf_reset(b);
	for (size_t f = 0; f < t->nkey; f++) {
		if (f)
			buf_addc(b, ',');
		model_field_format(&t->fields[f], rec, b);
	}
	return buf_cstr(b);
}

/* The key of a random record of type t ("" when there is none). */
static json_t *any_key(const struct registry *r, const struct record_type *t)
{
	struct buf b = BUF_INIT;
	size_t n;
	json_t *k;
	registry_items(r, t, &n);
	k = json_string(n ? key_text(r, t, rnd((unsigned)n), &b) : "");
	buf_release(&b);
	return k;
}

static json_t *rdate(void)
{
	char d[16];
	if (rnd(40) == 0)
		return json_string("2025-02-30");
	snprintf(d, sizeof d, "20%02u-%02u-%02u", 22 + rnd(7), 1 + rnd(12), 1 + rnd(28));
	return json_string(d);
}

static json_t *rtext(const char *prefix)
{
	char s[32];
	snprintf(s, sizeof s, "%s%u", prefix, rnd(1000));
	return json_string(s);
}

static json_t *ref_or_missing(const struct registry *r, const struct record_type *t,
			      const char *missing)
{
	return rnd(25) == 0 ? json_string(missing) : any_key(r, t);
}

static void cadre_field(json_t *o, const struct registry *r)
{
	static const char *const ranks[] = { "division", "middle", "section", "boss" };
	switch (rnd(11)) {
	case 0: json_object_set_new(o, "post", rtext("post")); break;
	case 1: json_object_set_new(o, "name", rtext("name")); break;
	case 2: json_object_set_new(o, "group", ref_or_missing(r, &model_groups, "G-NONE")); break;
	case 3: json_object_set_new(o, "unit", ref_or_missing(r, &model_units, "U-NONE")); break;
	case 4: json_object_set_new(o, "rank", json_string(ranks[rnd(40) ? rnd(3) : 3])); break;
	case 5: json_object_set_new(o, "start", rdate()); break;
	case 6: json_object_set_new(o, "planned_end", rdate()); break;
	case 7: json_object_set_new(o, "actual_end", rnd(2) ? json_null() : rdate()); break;
	case 8:
		json_object_set_new(o, "predecessor",
				    rnd(3) == 0 ? json_null()
						: ref_or_missing(r, &model_cadres, "C-NONE"));
		break;
	case 9: json_object_set_new(o, "verified", json_boolean(rnd(2))); break;
	default: json_object_set_new(o, "note", rnd(2) ? json_null() : rtext("note")); break;
	}
}

/* A body for type t: every required column (create) or one to three (update). */
static json_t *body(const struct registry *r, const struct record_type *t, bool create)
{
	json_t *o = json_object();
	char s[32];

	if (create && model_field(t, "verified"))
		json_object_set_new(o, "verified", json_boolean(rnd(2)));
	if (create && t == &model_targets)
		json_object_set_new(o, "old_area", json_boolean(rnd(2)));

	if (t == &model_cadres) {
		if (create) {
			snprintf(s, sizeof s, "CX%03u", rnd(300));
			json_object_set_new(o, "id", rnd(20) ? json_string(s) : any_key(r, t));
			json_object_set_new(o, "name", rtext("name"));
			json_object_set_new(o, "unit", ref_or_missing(r, &model_units, "U-NONE"));
			json_object_set_new(o, "group", ref_or_missing(r, &model_groups, "G-NONE"));
			json_object_set_new(o, "rank", json_string(rnd(2) ? "division" : "middle"));
			json_object_set_new(o, "post", rtext("post"));
			json_object_set_new(o, "start", json_string("2024-01-01"));
			json_object_set_new(o, "planned_end", json_string("2026-06-30"));
		}
		for (unsigned i = 0, k = 1 + rnd(create ? 2 : 3); i < k; i++)
			cadre_field(o, r);
	} else if (t == &model_members) {
		if (create) {
			json_object_set_new(o, "group", ref_or_missing(r, &model_groups, "G-NONE"));
			json_object_set_new(o, "unit", ref_or_missing(r, &model_units, "U-NONE"));
		}
		json_object_set_new(o, "role", json_string(rnd(40) ? rnd(3) ? "member" : "lead"
							  : "chief"));
		if (rnd(3) == 0)
			json_object_set_new(o, "note", rtext("note"));
	} else if (t == &model_groups) {
		if (create) {
			snprintf(s, sizeof s, "GX%02u", rnd(40));
			json_object_set_new(o, "id", json_string(s));
		}
		if (create || rnd(2))
			json_object_set_new(o, "target", ref_or_missing(r, &model_targets, "449999"));
		if (create || rnd(3) == 0)
			json_object_set_new(o, "round", ref_or_missing(r, &model_rounds, "2099-2100"));
		if (!create && json_object_size(o) == 0)
			json_object_set_new(o, "verified", json_boolean(rnd(2)));
	} else if (t == &model_units) {
		if (create) {
			snprintf(s, sizeof s, "UX%02u", rnd(40));
			json_object_set_new(o, "code", json_string(s));
			json_object_set_new(o, "category", json_string("party"));
		}
		if (create || rnd(2))
			json_object_set_new(o, "name_zh", rtext("单位"));
		if (create || rnd(2))
			json_object_set_new(o, "capacity", json_integer(1 + rnd(rnd(10) ? 2 : 3)));
	} else if (t == &model_targets) {
		if (create) {
			snprintf(s, sizeof s, "4499%02u", rnd(30));
			json_object_set_new(o, "adcode", json_string(s));
			json_object_set_new(o, "prefecture", json_string("示例市"));
			json_object_set_new(o, "kind", json_string("county"));
		}
		json_object_set_new(o, "name_zh", rtext("县"));
		if (rnd(2))
			json_object_set_new(o, "lon", json_real(113.0 + rnd(1000) / 997.0));
	} else if (t == &model_rounds) {
		if (create) {
			snprintf(s, sizeof s, "R%02u", rnd(10));
			json_object_set_new(o, "name", json_string(s));
			json_object_set_new(o, "cycle_years", json_integer(3));
		}
		if (create || rnd(2))
			json_object_set_new(o, "start", rdate());
		if (create || rnd(2))
			json_object_set_new(o, "end", rdate());
	} else {
		if (create) {
			json_object_set_new(o, "scope", rnd(5) ? any_key(r, &model_targets)
							       : json_string("province"));
			snprintf(s, sizeof s, "x_%u", rnd(5));
			json_object_set_new(o, "name", json_string(s));
			json_object_set_new(o, "year", json_integer(2020 + rnd(5)));
			json_object_set_new(o, "quality", json_string("official"));
		}
		json_object_set_new(o, "value", rnd(10) ? json_real(rnd(100000) / 7.0)
							: json_integer(rnd(100)));
	}
	return o;
}

/* A type the principal may write, mostly (a forbidden one now and then). */
static const struct record_type *any_type(const struct principal *p)
{
	static const struct record_type *const planner[] = { &model_rounds, &model_groups,
							     &model_members, &model_members };
	if (rnd(15) > 0 && p->role == ACC_PLANNER)
		return planner[rnd(4)];
	if (rnd(15) > 0 && p->role == ACC_UNIT)
		return &model_cadres;
	if (rnd(15) > 0 && p->role == ACC_COUNTY)
		return &model_indicators;
	static const struct record_type *const pool[] = {
		&model_cadres, &model_cadres, &model_cadres, &model_cadres, &model_cadres,
		&model_members, &model_members, &model_members, &model_groups, &model_groups,
		&model_units, &model_units, &model_targets, &model_rounds, &model_indicators,
		&model_indicators,
	};
	return pool[rnd(sizeof pool / sizeof pool[0])];
}

/* One random change in c; its JSON (body, key) is kept alive by owner. */
static void random_change(const struct registry *r, const struct principal *p,
			  struct write_change *c, json_t *owner)
{
	unsigned op = rnd(10);
	json_t *k;

	c->t = any_type(p);
	c->op = op < 2 ? WRITE_CREATE : op < 8 ? WRITE_UPDATE : WRITE_DELETE;
	c->key = NULL;
	c->body = NULL;
	if (c->op != WRITE_CREATE) {
		k = rnd(30) ? any_key(r, c->t) : json_string("NO-SUCH-KEY");
		json_array_append_new(owner, k);
		c->key = json_string_value(k);
	}
	if (c->op != WRITE_DELETE) {
		c->body = body(r, c->t, c->op == WRITE_CREATE);
		json_array_append_new(owner, c->body);
	}
}

/* A random writer: mostly the admin; a planner; a unit of some group; a county. */
static void random_principal(const struct registry *r, struct principal *p, char *unit,
			     char *target)
{
	unsigned k = rnd(20);
	memset(p, 0, sizeof *p);
	p->name = "prop";
	p->role = k < 12 ? ACC_ADMIN : k < 15 ? ACC_PLANNER : k < 18 ? ACC_UNIT : ACC_COUNTY;
	if (p->role == ACC_UNIT && r->nmembers) {
		snprintf(unit, 40, "%s", r->members[rnd((unsigned)r->nmembers)].unit);
		p->unit = unit;
	} else if (p->role == ACC_UNIT) {
		p->role = ACC_ADMIN;
	}
	if (p->role == ACC_COUNTY && r->ntargets) {
		snprintf(target, 12, "%s", r->targets[rnd((unsigned)r->ntargets)].adcode);
		p->target = target;
	} else if (p->role == ACC_COUNTY) {
		p->role = ACC_ADMIN;
	}
}

/* ---- comparisons ---------------------------------------------------------------------- */

static bool report(const char *what, const char *a, const char *b, unsigned step)
{
	char d[1200];
	snprintf(d, sizeof d, "step %u: %s: incremental %.500s | reload %.500s", step, what,
		 a ? a : "(null)", b ? b : "(null)");
	unit_fail(__FILE__, __LINE__, "snapshot-equals-reload", d);
	return false;
}

static bool same_json(const char *what, json_t *a, json_t *b, unsigned step)
{
	char *x = a ? json_dumps(a, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
	char *y = b ? json_dumps(b, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
	bool ok = (!x && !y) || (x && y && strcmp(x, y) == 0);
	if (!ok)
		report(what, x, y, step);
	free(x);
	free(y);
	return ok;
}

static bool same_bucket(const char *what, const struct bucket *a, const struct bucket *b,
			size_t nparents, unsigned step)
{
	for (size_t p = 0; p <= nparents; p++)
		if (a->off[p] != b->off[p])
			return report(what, "bucket offsets", "differ", step);
	for (size_t k = 0; k < a->off[nparents]; k++)
		if (a->items[k] != b->items[k])
			return report(what, "bucket items", "differ", step);
	return true;
}

/* Every record, field by field, every resolved index and every bucket. */
static bool same_registry(const struct registry *a, const struct registry *b, unsigned step)
{
	struct buf x = BUF_INIT, y = BUF_INIT;
	bool ok = true;

	for (size_t ti = 0; ti < model_ntypes && ok; ti++) {
		const struct record_type *t = model_types[ti];
		size_t na, nb;
		const char *ra = registry_items(a, t, &na), *rb = registry_items(b, t, &nb);
		if (na != nb) {
			ok = report(t->table, "count", "differs", step);
			break;
		}
		for (size_t i = 0; i < na && ok; i++)
			for (size_t f = 0; f < t->nfields && ok; f++) {
				buf_reset(&x);
				buf_reset(&y);
				model_field_format(&t->fields[f], ra + i * t->size, &x);
				model_field_format(&t->fields[f], rb + i * t->size, &y);
				if (strcmp(buf_cstr(&x), buf_cstr(&y)) != 0)
					ok = report(t->fields[f].name, buf_cstr(&x), buf_cstr(&y),
						    step);
			}
	}
	for (size_t i = 0; ok && i < a->ngroups; i++)
		if (a->groups[i].round_ix != b->groups[i].round_ix ||
		    a->groups[i].target_ix != b->groups[i].target_ix)
			ok = report("group indices", a->groups[i].id, b->groups[i].id, step);
	for (size_t i = 0; ok && i < a->nmembers; i++)
		if (a->members[i].group_ix != b->members[i].group_ix ||
		    a->members[i].unit_ix != b->members[i].unit_ix)
			ok = report("member indices", a->members[i].group, b->members[i].unit, step);
	for (size_t i = 0; ok && i < a->ncadres; i++)
		if (a->cadres[i].group_ix != b->cadres[i].group_ix ||
		    a->cadres[i].unit_ix != b->cadres[i].unit_ix ||
		    a->cadres[i].successor_ix != b->cadres[i].successor_ix)
			ok = report("cadre indices", a->cadres[i].id, b->cadres[i].id, step);
	ok = ok && same_bucket("group_members", &a->group_members, &b->group_members, a->ngroups, step);
	ok = ok && same_bucket("group_cadres", &a->group_cadres, &b->group_cadres, a->ngroups, step);
	ok = ok && same_bucket("unit_members", &a->unit_members, &b->unit_members, a->nunits, step);
	ok = ok && same_bucket("unit_cadres", &a->unit_cadres, &b->unit_cadres, a->nunits, step);
	ok = ok && same_bucket("target_groups", &a->target_groups, &b->target_groups, a->ntargets, step);
	ok = ok && same_bucket("target_indicators", &a->target_indicators, &b->target_indicators,
			       a->ntargets, step);
	buf_release(&x);
	buf_release(&y);
	return ok;
}

static bool audit_line(const struct audit_row *row, void *ctx)
{
	buf_addf(ctx, "%s|%s|%s|%s|%s|%s|%s\n", row->account, row->address, row->action,
		 row->entity, row->key, row->before ? row->before : "-",
		 row->after ? row->after : "-");
	return true;
}

static bool same_audit(struct app *a, struct app *b, unsigned step)
{
	struct buf x = BUF_INIT, y = BUF_INIT;
	struct bf_err err;
	bool ok;

	bf_err_init(&err);
	audit_each(a->store, NULL, NULL, NULL, NULL, audit_line, &x, &err);
	audit_each(b->store, NULL, NULL, NULL, NULL, audit_line, &y, &err);
	ok = strcmp(buf_cstr(&x), buf_cstr(&y)) == 0 || report("audit trail", "", "differs", step);
	bf_err_release(&err);
	buf_release(&x);
	buf_release(&y);
	return ok;
}

struct answer {
	enum bf_status rc;
	char msg[600];
	long index;
	const char *field, *rule;
	json_t *records, *check;
};

static bool same_answer(const struct answer *a, const struct answer *b, unsigned step)
{
	char x[700], y[700];
	snprintf(x, sizeof x, "%s %s index=%ld field=%s rule=%s", bf_status_name(a->rc), a->msg,
		 a->index, a->field ? a->field : "-", a->rule ? a->rule : "-");
	snprintf(y, sizeof y, "%s %s index=%ld field=%s rule=%s", bf_status_name(b->rc), b->msg,
		 b->index, b->field ? b->field : "-", b->rule ? b->rule : "-");
	if (strcmp(x, y) != 0)
		return report("answer", x, y, step);
	return same_json("records", a->records, b->records, step) &&
	       same_json("check", a->check, b->check, step);
}

/* One step through one implementation: a batch (n > 1, or n == 1 half the time) or a single
 * write. */
static void run(bool incremental, struct app *s, const struct principal *p,
		const struct write_change *c, size_t n, bool single, bool dry, struct answer *out)
{
	struct bf_err err;

	bf_err_init(&err);
	memset(out, 0, sizeof *out);
	if (single) {
		struct write_result res;
		out->rc = (incremental ? write_record : ref_write_record)(s, p, "prop", c->t, c->op,
									 c->key, c->body, &res,
									 &err);
		out->field = res.field;
		out->rule = res.rule;
		out->index = -1;
		out->records = res.record;
	} else {
		struct write_batch_result res;
		out->rc = (incremental ? write_changes : ref_write_changes)(s, p, "prop", c, n, NULL,
									   NULL, dry, &res, &err);
		out->field = res.field;
		out->rule = res.rule;
		out->index = (long)res.index;
		out->records = res.records;
		out->check = res.check;
	}
	snprintf(out->msg, sizeof out->msg, "%s", out->rc ? bf_err_msg(&err) : "");
	bf_err_release(&err);
}

static void answer_release(struct answer *a)
{
	json_decref(a->records);
	json_decref(a->check);
}

static void test_snapshot_equals_reload(void)
{
	char pa[64], pb[64], pw[INIT_PASSWORD_LEN + 1];
	struct app *a = NULL, *b = NULL;
	struct import_result ir;
	struct bf_err err;
	struct snapshot *snap;
	const char *env = getenv("BANGFU_PROPERTY_SEED");
	size_t changes = 0, rejected = 0, accepted = 0, batches = 0;
	long long loads;
	bool ok = true;

	seed_state = env ? strtoull(env, NULL, 10) | 1 : 0x9E3779B97F4A7C15ULL;
	bf_err_init(&err);
	temp_db(pa, sizeof pa);
	temp_db(pb, sizeof pb);
	memset(&ir, 0, sizeof ir);
	CHECK(init_database(pa, false, false, &ir, pw, &err) == BF_OK);
	memset(&ir, 0, sizeof ir);
	CHECK(init_database(pb, false, false, &ir, pw, &err) == BF_OK);
	CHECK(app_open(pa, false, &a, &err) == BF_OK);
	CHECK(app_open(pb, false, &b, &err) == BF_OK);
	if (!a || !b)
		goto out;
	CHECK(snapshot_get(a, &snap, &err) == BF_OK);
	snapshot_put(snap);
	loads = snapshot_loads();

	for (unsigned step = 0; step < STEPS && ok; step++) {
		struct registry r;
		struct write_change c[6];
		json_t *owner = json_array();
		struct principal p;
		char unit[40], target[12];
		struct answer x, y;
		bool single = rnd(4) == 0, dry = !single && rnd(7) == 0;
		size_t n = single ? 1 : 1 + rnd(6);

		CHECK(app_load(b, &r, &err) == BF_OK);
		random_principal(&r, &p, unit, target);
		for (size_t i = 0; i < n; i++)
			random_change(&r, &p, &c[i], owner);
		run(true, a, &p, c, n, single, dry, &x);
		run(false, b, &p, c, n, single, dry, &y);
		ok = same_answer(&x, &y, step);
		changes += n;
		batches += !single;
		x.rc ? rejected++ : accepted++;
		answer_release(&x);
		answer_release(&y);
		registry_release(&r);
		json_decref(owner);
		if (!ok)
			break;
		/* the snapshot, edited in place, against a fresh load of the same database */
		CHECK(snapshot_get(a, &snap, &err) == BF_OK);
		CHECK(app_load(a, &r, &err) == BF_OK);
		ok = same_registry(&snap->reg, &r, step);
		snapshot_put(snap);
		registry_release(&r);
		if (ok && snapshot_loads() != loads)
			ok = report("snapshot", "loaded again after a write", "", step);
		/* and the two databases alike */
		if (ok && (step % 20 == 0 || step + 1 == STEPS)) {
			struct registry ra, rb;
			CHECK(app_load(a, &ra, &err) == BF_OK);
			CHECK(app_load(b, &rb, &err) == BF_OK);
			ok = same_registry(&ra, &rb, step) && same_audit(a, b, step);
			registry_release(&ra);
			registry_release(&rb);
		}
	}
	printf("  snapshot-equals-reload: %zu changes in %u steps (%zu batches), %zu accepted, "
	       "%zu rejected\n", changes, STEPS, batches, accepted, rejected);
	CHECK(changes >= MIN_CHANGES);
	CHECK(accepted > STEPS / 8 && rejected > STEPS / 8); /* both kinds, many of each */
out:
	snapshot_clear();
	app_close(a);
	app_close(b);
	remove_db(pa);
	remove_db(pb);
	bf_err_release(&err);
}

const struct unit_test write_tests[] = {
	{ "snapshot equals reload after random writes", test_snapshot_equals_reload },
	{ NULL, NULL },
};
