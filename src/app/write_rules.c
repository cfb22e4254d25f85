/* write_rules: the findings a batch of writes can change; see write_rules.h. */
#include "app/write_rules.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct keys {
	char **k;
	size_t n, cap;
};

struct wrules {
	struct keys set[4]; /* by enum rules_subject, sorted, unique */
	bool all;
};

/* Findings with the record whose look produced them (a target, group, unit or cadre key):
 * rules_check's order is by rule, then by that record's key. */
struct tagged {
	struct violations v;
	char **loop; /* owned */
	size_t cap;
};

struct wrules_kept {
	struct tagged t;
};

static void add(struct wrules *w, enum rules_subject kind, const char *key)
{
	struct keys *s = &w->set[kind];
	void *p = s->k;
	if (!key || !*key)
		return;
	xgrow(&p, &s->cap, s->n + 1, sizeof *s->k);
	s->k = p;
	s->k[s->n++] = xstrdup(key);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void sort_unique(struct keys *s)
{
	size_t n = 0;
	if (s->n > 1)
		qsort(s->k, s->n, sizeof *s->k, cmp_str);
	for (size_t i = 0; i < s->n; i++)
		if (n && strcmp(s->k[n - 1], s->k[i]) == 0)
			free(s->k[i]);
		else
			s->k[n++] = s->k[i];
	s->n = n;
}

static bool has(const struct keys *s, const char *key)
{
	return s->n && bsearch(&key, s->k, s->n, sizeof *s->k, cmp_str);
}

static size_t find(const struct registry *r, enum rules_subject kind, const char *key)
{
	switch (kind) {
	case RULES_TARGET: return registry_find_target(r, key);
	case RULES_GROUP: return registry_find_group(r, key);
	case RULES_UNIT: return registry_find_unit(r, key);
	default: return registry_find_cadre(r, key);
	}
}

/* A group and everything whose findings name it or its target: its target (coverage), its
 * member units (capacity lists the group and its target) and its cadres (terms, by round). */
static void add_group_wide(struct wrules *w, const struct registry *r, const char *id)
{
	size_t g = registry_find_group(r, id);
	add(w, RULES_GROUP, id);
	if (g == REG_NONE)
		return;
	add(w, RULES_TARGET, r->groups[g].target);
	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++)
		add(w, RULES_UNIT, r->members[r->group_members.items[k]].unit);
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++)
		add(w, RULES_CADRE, r->cadres[r->group_cadres.items[k]].id);
}

/* The groups of target t (every round's): a term that runs past its round's end counts in the
 * next round's group of its target (core/rules, S7). */
static void add_target_groups(struct wrules *w, const struct registry *r, size_t t)
{
	for (size_t j = t == REG_NONE ? 0 : r->target_groups.off[t];
	     t != REG_NONE && j < r->target_groups.off[t + 1]; j++)
		add(w, RULES_GROUP, r->groups[r->target_groups.items[j]].id);
}

/* The target of group id (REG_NONE if unknown). */
static size_t target_of_group(const struct registry *r, const char *id)
{
	size_t g = id ? registry_find_group(r, id) : REG_NONE;
	return g == REG_NONE ? REG_NONE : r->groups[g].target_ix;
}

/* A cadre and its group (quota, continuity); as a predecessor, whom a new successor relieves
 * (term) and the group the predecessor serves in. */
static void add_cadre(struct wrules *w, const struct registry *r, const char *id, bool pred)
{
	size_t x = registry_find_cadre(r, id);
	add(w, RULES_CADRE, id);
	if (x == REG_NONE)
		return;
	add(w, RULES_GROUP, r->cadres[x].group);
	add_target_groups(w, r, target_of_group(r, r->cadres[x].group));
	if (!pred && r->cadres[x].predecessor)
		add_cadre(w, r, r->cadres[x].predecessor, true);
}

static const char *body_str(const struct write_change *c, const char *field)
{
	json_t *v = c->body ? json_object_get(c->body, field) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Key field f of a change: from its key to update or delete, from its body to create. */
static const char *key_part(const struct write_change *c, size_t f, char *buf, size_t n)
{
	const char *k = c->key;
	if (c->op == WRITE_CREATE) {
		const char *v = body_str(c, c->t->fields[f].name);
		return v ? v : "";
	}
	for (size_t i = 0; i < f && k; i++)
		k = (k = strchr(k, ',')) ? k + 1 : NULL;
	snprintf(buf, n, "%.*s", k ? (int)strcspn(k, ",") : 0, k ? k : "");
	return buf;
}

static void add_change(struct wrules *w, const struct registry *r, const struct write_change *c)
{
	char b0[256], b1[256];
	const char *k0 = key_part(c, 0, b0, sizeof b0), *v;
	size_t i;

	if (c->t == &model_rounds) {
		w->all = true;
	} else if (c->t == &model_targets) {
		add(w, RULES_TARGET, k0);
		if ((i = registry_find_target(r, k0)) != REG_NONE)
			for (size_t k = r->target_groups.off[i]; k < r->target_groups.off[i + 1]; k++)
				add_group_wide(w, r, r->groups[r->target_groups.items[k]].id);
	} else if (c->t == &model_units) {
		add(w, RULES_UNIT, k0);
		if ((i = registry_find_unit(r, k0)) != REG_NONE) /* quota names the unit */
			for (size_t k = r->unit_members.off[i]; k < r->unit_members.off[i + 1]; k++)
				add(w, RULES_GROUP, r->members[r->unit_members.items[k]].group);
	} else if (c->t == &model_groups) {
		add_group_wide(w, r, k0);
		add_target_groups(w, r, target_of_group(r, k0));
		if (body_str(c, "target"))
			add_target_groups(w, r, registry_find_target(r, body_str(c, "target")));
		add(w, RULES_TARGET, body_str(c, "target"));
	} else if (c->t == &model_members) {
		add(w, RULES_GROUP, k0);
		add(w, RULES_UNIT, key_part(c, 1, b1, sizeof b1));
	} else if (c->t == &model_cadres) {
		add_cadre(w, r, k0, false);
		add(w, RULES_GROUP, body_str(c, "group"));
		add_target_groups(w, r, target_of_group(r, body_str(c, "group")));
		if ((v = body_str(c, "predecessor")))
			add_cadre(w, r, v, true);
	}
}

struct wrules *wrules_new(const struct registry *before, const struct write_change *c,
			  size_t n)
{
	struct wrules *w = xcalloc(1, sizeof *w);
	for (size_t i = 0; i < n; i++)
		add_change(w, before, &c[i]);
	for (size_t k = 0; k < 4; k++)
		sort_unique(&w->set[k]);
	return w;
}

void wrules_free(struct wrules *w)
{
	if (!w)
		return;
	for (size_t k = 0; k < 4; k++) {
		for (size_t i = 0; i < w->set[k].n; i++)
			free(w->set[k].k[i]);
		free(w->set[k].k);
	}
	free(w);
}

bool wrules_all(const struct wrules *w)
{
	return w->all;
}

/* ---- tagged findings ----------------------------------------------------------------- */

/* Appends a copy of finding x, tagged with loop. */
static void push_copy(struct tagged *t, const struct violation *x, const char *loop)
{
	void *p = t->v.items;
	xgrow(&p, &t->v.cap, t->v.n + 1, sizeof *t->v.items);
	t->v.items = p;
	p = t->loop;
	xgrow(&p, &t->cap, t->v.n + 1, sizeof *t->loop);
	t->loop = p;
	t->loop[t->v.n] = xstrdup(loop);
	t->v.items[t->v.n] = *x;
	t->v.items[t->v.n].key = xstrdup(x->key);
	t->v.items[t->v.n].message = xstrdup(x->message);
	t->v.items[t->v.n].message_zh = xstrdup(x->message_zh);
	t->v.n++;
}

static void tagged_release(struct tagged *t)
{
	for (size_t i = 0; i < t->v.n; i++)
		free(t->loop[i]);
	free(t->loop);
	violations_release(&t->v);
	t->loop = NULL;
	t->cap = 0;
}

/* Appends the findings of the affected records in round round_ix of r, each tagged. */
static void evaluate(const struct wrules *w, const struct registry *r, size_t round_ix,
		     bf_day day, const struct rules_opts *ro, struct tagged *t)
{
	for (int kind = 0; kind < 4; kind++)
		for (size_t i = 0; i < w->set[kind].n; i++) {
			size_t from = t->v.n, ix = find(r, (enum rules_subject)kind, w->set[kind].k[i]);
			if (ix == REG_NONE)
				continue;
			rules_check_one(r, round_ix, day, ro, (enum rules_subject)kind, ix, &t->v);
			if (t->v.n > from) {
				void *p = t->loop;
				xgrow(&p, &t->cap, t->v.n, sizeof *t->loop);
				t->loop = p;
				for (size_t j = from; j < t->v.n; j++)
					t->loop[j] = xstrdup(w->set[kind].k[i]);
			}
		}
}

static int cmp_finding(const void *a, const void *b, void *ctx)
{
	const struct tagged *t = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c;
	if (t->v.items[i].rule != t->v.items[j].rule)
		return t->v.items[i].rule < t->v.items[j].rule ? -1 : 1;
	if ((c = strcmp(t->loop[i], t->loop[j])))
		return c;
	return (i > j) - (i < j); /* one record's findings keep their order */
}

/* Moves t's findings into out in rules_check's order (t is left empty). */
static void drain_sorted(struct tagged *t, struct violations *out)
{
	size_t n = t->v.n, *ix = xmalloc((n + 1) * sizeof *ix);
	void *p = out->items;

	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	if (n > 1)
		qsort_r(ix, n, sizeof *ix, cmp_finding, t);
	xgrow(&p, &out->cap, out->n + n, sizeof *out->items);
	out->items = p;
	for (size_t i = 0; i < n; i++)
		out->items[out->n++] = t->v.items[ix[i]];
	out->judged |= t->v.judged;
	for (size_t i = 0; i < n; i++)
		free(t->loop[i]);
	free(t->loop);
	free(t->v.items);
	free(ix);
	violations_init(&t->v);
	t->loop = NULL;
	t->cap = 0;
}

void wrules_findings(const struct wrules *w, const struct registry *r, size_t round_ix,
		     bf_day day, const struct rules_opts *ro, struct violations *out)
{
	struct tagged t = { 0 };
	violations_init(&t.v);
	evaluate(w, r, round_ix, day, ro, &t);
	drain_sorted(&t, out);
}

/* The record whose look produced finding x (see rules_check_one): the subject, but a
 * cadre serving for a unit that is not in its group is found while looking at the group. */
static enum rules_subject loop_of(const struct violation *x, const struct registry *r,
				  const char **loop)
{
	size_t c;
	*loop = x->key;
	if (strcmp(x->subject, "target") == 0)
		return RULES_TARGET;
	if (strcmp(x->subject, "group") == 0)
		return RULES_GROUP;
	if (strcmp(x->subject, "unit") == 0)
		return RULES_UNIT;
	if (strcmp(rules_table[x->rule].tag, "term") == 0)
		return RULES_CADRE;
	if ((c = registry_find_cadre(r, x->key)) != REG_NONE)
		*loop = r->cadres[c].group;
	return RULES_GROUP;
}

struct wrules_kept *wrules_keep(const struct wrules *w, const struct registry *before,
				const struct violations *full)
{
	struct wrules_kept *k = xcalloc(1, sizeof *k);
	struct tagged *t = &k->t;

	violations_init(&t->v);
	t->v.judged = full->judged;
	for (size_t i = 0; i < full->n; i++) {
		const struct violation *x = &full->items[i];
		const char *loop;
		enum rules_subject kind = loop_of(x, before, &loop);
		if (!has(&w->set[kind], loop))
			push_copy(t, x, loop);
	}
	return k;
}

void wrules_kept_free(struct wrules_kept *k)
{
	if (k)
		tagged_release(&k->t);
	free(k);
}

void wrules_splice(const struct wrules *w, const struct wrules_kept *k,
		   const struct registry *after, size_t round_ix, bf_day day,
		   const struct rules_opts *ro, struct violations *out)
{
	struct tagged t = { 0 };

	violations_init(&t.v);
	t.v.judged = k->t.v.judged;
	/* the kept findings first (copies: k stays whole), then the affected records' now */
	for (size_t i = 0; i < k->t.v.n; i++)
		push_copy(&t, &k->t.v.items[i], k->t.loop[i]);
	evaluate(w, after, round_ix, day, ro, &t);
	violations_init(out);
	drain_sorted(&t, out);
}
