/* registry: the in-memory, indexed copy of the database; see registry.h. */
#include "core/registry.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

void registry_init(struct registry *r)
{
	memset(r, 0, sizeof *r);
	arena_init(&r->arena);
}

static void bucket_release(struct bucket *b)
{
	free(b->off);
	free(b->items);
	b->off = b->items = NULL;
}

void registry_release(struct registry *r)
{
	free(r->rounds);
	free(r->targets);
	free(r->units);
	free(r->groups);
	free(r->members);
	free(r->cadres);
	free(r->indicators);
	bucket_release(&r->group_members);
	bucket_release(&r->group_cadres);
	bucket_release(&r->unit_members);
	bucket_release(&r->unit_cadres);
	bucket_release(&r->target_groups);
	bucket_release(&r->target_indicators);
	arena_release(&r->arena);
	registry_init(r);
}

static void **slot(struct registry *r, const struct record_type *t, size_t **n, size_t **cap)
{
	static const struct record_type *const order[] = { &model_rounds, &model_targets,
							   &model_units, &model_groups,
							   &model_members, &model_cadres,
							   &model_indicators };
	void **arrays[] = { (void **)&r->rounds, (void **)&r->targets, (void **)&r->units,
			    (void **)&r->groups, (void **)&r->members, (void **)&r->cadres,
			    (void **)&r->indicators };
	size_t *counts[] = { &r->nrounds, &r->ntargets, &r->nunits, &r->ngroups,
			     &r->nmembers, &r->ncadres, &r->nindicators };
	for (size_t i = 0; i < 7; i++)
		if (order[i] == t) {
			*n = counts[i];
			*cap = &r->caps[i];
			return arrays[i];
		}
	abort();
}

void *registry_add(struct registry *r, const struct record_type *t)
{
	size_t *n, *cap;
	void **arr = slot(r, t, &n, &cap);
	void *rec;

	xgrow(arr, cap, *n + 1, t->size);
	rec = (char *)*arr + *n * t->size;
	model_record_clear(t, rec);
	(*n)++;
	return rec;
}

void *registry_items(const struct registry *r, const struct record_type *t, size_t *n)
{
	size_t *cnt, *cap;
	void **arr = slot((struct registry *)r, t, &cnt, &cap);
	*n = *cnt;
	return *arr;
}

/* Records of every type start with their first key string; members and indicators have a
 * composite key compared field by field. */
static int cmp_first(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_member(const void *a, const void *b)
{
	const struct bf_member *x = a, *y = b;
	int c = strcmp(x->group, y->group);
	return c ? c : strcmp(x->unit, y->unit);
}

static int cmp_indicator(const void *a, const void *b)
{
	const struct bf_indicator *x = a, *y = b;
	int c = strcmp(x->scope, y->scope);
	if (!c)
		c = strcmp(x->name, y->name);
	return c ? c : (x->year > y->year) - (x->year < y->year);
}

static size_t find(const void *base, size_t n, size_t size, const char *key)
{
	const char *const *k = &key;
	const char *p = n ? bsearch(k, base, n, size, cmp_first) : NULL;
	return p ? (size_t)(p - (const char *)base) / size : REG_NONE;
}

size_t registry_find_round(const struct registry *r, const char *name)
{
	return find(r->rounds, r->nrounds, sizeof *r->rounds, name);
}

size_t registry_find_target(const struct registry *r, const char *adcode)
{
	return find(r->targets, r->ntargets, sizeof *r->targets, adcode);
}

size_t registry_find_unit(const struct registry *r, const char *code)
{
	return find(r->units, r->nunits, sizeof *r->units, code);
}

size_t registry_find_group(const struct registry *r, const char *id)
{
	return find(r->groups, r->ngroups, sizeof *r->groups, id);
}

size_t registry_find_cadre(const struct registry *r, const char *id)
{
	return find(r->cadres, r->ncadres, sizeof *r->cadres, id);
}

/* Builds a bucket over n items whose parent index is parent(i) (REG_NONE = skipped). */
static void bucket_build(struct bucket *b, size_t nparents, size_t n,
			 size_t (*parent)(const struct registry *, size_t),
			 const struct registry *r)
{
	size_t *fill;

	bucket_release(b);
	b->off = xcalloc(nparents + 1, sizeof *b->off);
	b->items = xmalloc((n ? n : 1) * sizeof *b->items);
	for (size_t i = 0; i < n; i++) {
		size_t p = parent(r, i);
		if (p != REG_NONE)
			b->off[p + 1]++;
	}
	for (size_t p = 0; p < nparents; p++)
		b->off[p + 1] += b->off[p];
	fill = xmalloc((nparents + 1) * sizeof *fill);
	memcpy(fill, b->off, (nparents + 1) * sizeof *fill);
	for (size_t i = 0; i < n; i++) {
		size_t p = parent(r, i);
		if (p != REG_NONE)
			b->items[fill[p]++] = i;
	}
	free(fill);
}

static size_t member_group(const struct registry *r, size_t i) { return r->members[i].group_ix; }
static size_t member_unit(const struct registry *r, size_t i) { return r->members[i].unit_ix; }
static size_t cadre_group(const struct registry *r, size_t i) { return r->cadres[i].group_ix; }
static size_t cadre_unit(const struct registry *r, size_t i) { return r->cadres[i].unit_ix; }
static size_t group_target(const struct registry *r, size_t i) { return r->groups[i].target_ix; }

static size_t indicator_target(const struct registry *r, size_t i)
{
	return registry_find_target(r, r->indicators[i].scope);
}

bool registry_same_post(const struct registry *r, const struct bf_cadre *a,
			const struct bf_cadre *b)
{
	return a->unit_ix != REG_NONE && a->unit_ix == b->unit_ix && a->group_ix != REG_NONE &&
	       b->group_ix != REG_NONE &&
	       r->groups[a->group_ix].target_ix == r->groups[b->group_ix].target_ix;
}

static void resolve(struct registry *r)
{
	for (size_t i = 0; i < r->ngroups; i++) {
		r->groups[i].round_ix = registry_find_round(r, r->groups[i].round);
		r->groups[i].target_ix = registry_find_target(r, r->groups[i].target);
	}
	for (size_t i = 0; i < r->nmembers; i++) {
		r->members[i].group_ix = registry_find_group(r, r->members[i].group);
		r->members[i].unit_ix = registry_find_unit(r, r->members[i].unit);
	}
	for (size_t i = 0; i < r->ncadres; i++) {
		struct bf_cadre *c = &r->cadres[i];
		c->unit_ix = registry_find_unit(r, c->unit);
		c->group_ix = registry_find_group(r, c->group);
	}
	registry_link_successors(r);
}

void registry_link_successors(struct registry *r)
{
	for (size_t i = 0; i < r->ncadres; i++)
		r->cadres[i].successor_ix = -1;
	for (size_t i = 0; i < r->ncadres; i++) {
		size_t p;
		if (!r->cadres[i].predecessor)
			continue;
		p = registry_find_cadre(r, r->cadres[i].predecessor);
		/* a successor takes over the same unit's post in the same target: anyone else
		 * naming p does not fill p's post (the writes refuse such a predecessor) */
		if (p != REG_NONE && registry_same_post(r, &r->cadres[p], &r->cadres[i]))
			r->cadres[p].successor_ix = (long)i;
	}
}

/* qsort with an empty (NULL) array is undefined behaviour, so skip it. */
static void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void registry_index(struct registry *r)
{
	sort(r->rounds, r->nrounds, sizeof *r->rounds, cmp_first);
	sort(r->targets, r->ntargets, sizeof *r->targets, cmp_first);
	sort(r->units, r->nunits, sizeof *r->units, cmp_first);
	sort(r->groups, r->ngroups, sizeof *r->groups, cmp_first);
	sort(r->members, r->nmembers, sizeof *r->members, cmp_member);
	sort(r->cadres, r->ncadres, sizeof *r->cadres, cmp_first);
	sort(r->indicators, r->nindicators, sizeof *r->indicators, cmp_indicator);
	registry_reindex(r);
}

void registry_reindex(struct registry *r)
{
	resolve(r);
	registry_rebuild(r, REG_B_ALL);
}

void registry_rebuild(struct registry *r, unsigned which)
{
	if (which & REG_B_GROUP_MEMBERS)
		bucket_build(&r->group_members, r->ngroups, r->nmembers, member_group, r);
	if (which & REG_B_GROUP_CADRES)
		bucket_build(&r->group_cadres, r->ngroups, r->ncadres, cadre_group, r);
	if (which & REG_B_UNIT_MEMBERS)
		bucket_build(&r->unit_members, r->nunits, r->nmembers, member_unit, r);
	if (which & REG_B_UNIT_CADRES)
		bucket_build(&r->unit_cadres, r->nunits, r->ncadres, cadre_unit, r);
	if (which & REG_B_TARGET_GROUPS)
		bucket_build(&r->target_groups, r->ntargets, r->ngroups, group_target, r);
	if (which & REG_B_TARGET_INDICATORS)
		bucket_build(&r->target_indicators, r->ntargets, r->nindicators, indicator_target,
			     r);
}

void *registry_insert_at(struct registry *r, const struct record_type *t, size_t i)
{
	size_t *n, *cap;
	char *base;

	registry_add(r, t); /* grows the array by one cleared record at its end */
	base = *slot(r, t, &n, &cap);
	memmove(base + (i + 1) * t->size, base + i * t->size, (*n - 1 - i) * t->size);
	model_record_clear(t, base + i * t->size);
	return base + i * t->size;
}

void registry_remove_at(struct registry *r, const struct record_type *t, size_t i)
{
	size_t *n, *cap;
	char *base = *slot(r, t, &n, &cap);

	memmove(base + i * t->size, base + (i + 1) * t->size, (*n - 1 - i) * t->size);
	(*n)--;
}

int registry_cmp(const struct record_type *t, const void *a, const void *b)
{
	if (t == &model_members)
		return cmp_member(a, b);
	if (t == &model_indicators)
		return cmp_indicator(a, b);
	return cmp_first(a, b);
}

size_t registry_find_key(const struct registry *r, const struct record_type *t, const char *key)
{
	size_t n, len = strcspn(key, ","), lo = 0, hi, hit = REG_NONE;
	const char *base = registry_items(r, t, &n);
	struct buf k = BUF_INIT;

	/* every record starts with its first key string: find where it equals key's first part,
	 * then compare the whole formatted key (composite keys hold no commas) */
	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *f = *(const char *const *)(base + mid * t->size);
		int c = strncmp(f, key, len);
		if (c < 0) /* f sorts before key's first part */
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && hit == REG_NONE; lo++) {
		const char *rec = base + lo * t->size, *f = *(const char *const *)rec;
		if (strncmp(f, key, len) != 0 || f[len])
			break;
		buf_reset(&k);
		for (size_t i = 0; i < t->nkey; i++) {
			if (i)
				buf_addc(&k, ',');
			model_field_format(&t->fields[i], rec, &k);
		}
		if (strcmp(buf_cstr(&k), key) == 0)
			hit = lo;
	}
	buf_release(&k);
	return hit;
}

size_t registry_current_round(const struct registry *r, bf_day day)
{
	size_t best = REG_NONE;

	for (size_t i = 0; i < r->nrounds; i++) {
		const struct bf_round *x = &r->rounds[i];
		if (x->start <= day && day <= x->end)
			return i;
		if (x->start <= day && (best == REG_NONE || x->start > r->rounds[best].start))
			best = i;
	}
	if (best == REG_NONE && r->nrounds)
		best = 0;
	return best;
}

size_t registry_group_lead(const struct registry *r, size_t g)
{
	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++) {
		size_t m = r->group_members.items[k];
		if (r->members[m].role == ROLE_LEAD)
			return m;
	}
	return REG_NONE;
}

int registry_member_role(const struct registry *r, size_t g, size_t u)
{
	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++) {
		size_t m = r->group_members.items[k];
		if (r->members[m].unit_ix == u)
			return r->members[m].role;
	}
	return -1;
}
