/* delta: in-place edits of a registry, with undo; see delta.h. */
#include "core/delta.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(struct bf_cadre) <= DELTA_REC_MAX && sizeof(struct bf_target) <= DELTA_REC_MAX &&
		       sizeof(struct bf_unit) <= DELTA_REC_MAX &&
		       sizeof(struct bf_indicator) <= DELTA_REC_MAX,
	       "a record does not fit a delta_op");

enum op_kind { OP_CREATED, OP_REPLACED, OP_REMOVED };

/* One logged edit: the record created (undo: remove it) or the one replaced or removed (undo:
 * put it back). Its strings live in the registry's arena, which only grows. */
struct delta_op {
	const struct record_type *t;
	enum op_kind kind;
	_Alignas(16) unsigned char rec[DELTA_REC_MAX];
};

void delta_init(struct delta *d)
{
	memset(d, 0, sizeof *d);
}

void delta_release(struct delta *d)
{
	free(d->ops);
	delta_init(d);
}

void delta_keep(struct delta *d)
{
	d->n = 0;
	d->dangling = false;
	d->relinked = false;
}

static void push(struct delta *d, const struct record_type *t, enum op_kind kind, const void *rec)
{
	void *p = d->ops;
	xgrow(&p, &d->cap, d->n + 1, sizeof *d->ops);
	d->ops = p;
	d->ops[d->n].t = t;
	d->ops[d->n].kind = kind;
	memcpy(d->ops[d->n].rec, rec, t->size);
	d->n++;
}

/* The buckets whose parents or items are records of type t. */
static unsigned buckets_of(const struct record_type *t)
{
	if (t == &model_targets)
		return REG_B_TARGET_GROUPS | REG_B_TARGET_INDICATORS;
	if (t == &model_units)
		return REG_B_UNIT_MEMBERS | REG_B_UNIT_CADRES;
	if (t == &model_groups)
		return REG_B_GROUP_MEMBERS | REG_B_GROUP_CADRES | REG_B_TARGET_GROUPS;
	if (t == &model_members)
		return REG_B_GROUP_MEMBERS | REG_B_UNIT_MEMBERS;
	if (t == &model_cadres)
		return REG_B_GROUP_CADRES | REG_B_UNIT_CADRES;
	if (t == &model_indicators)
		return REG_B_TARGET_INDICATORS;
	return 0;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The buckets a replaced record leaves when its references change (keys never change). */
static unsigned moved(const struct record_type *t, const void *was, const void *now)
{
	unsigned m = 0;
	if (t == &model_groups && !same(((const struct bf_group *)was)->target,
					((const struct bf_group *)now)->target))
		m |= REG_B_TARGET_GROUPS;
	if (t == &model_cadres) {
		const struct bf_cadre *a = was, *b = now;
		if (!same(a->group, b->group))
			m |= REG_B_GROUP_CADRES;
		if (!same(a->unit, b->unit))
			m |= REG_B_UNIT_CADRES;
	}
	return m;
}

static size_t shift(size_t x, size_t pos, bool up)
{
	if (x == REG_NONE)
		return x;
	if (up)
		return x >= pos ? x + 1 : x;
	return x > pos ? x - 1 : x == pos ? REG_NONE : x;
}

/* After a record of type t was inserted at pos (up) or removed from it: the indices of type t
 * held by other records follow. The buckets are marked, not renumbered. */
static void renumber(struct registry *r, const struct record_type *t, size_t pos, bool up)
{
	if (t == &model_rounds)
		for (size_t i = 0; i < r->ngroups; i++)
			r->groups[i].round_ix = shift(r->groups[i].round_ix, pos, up);
	if (t == &model_targets)
		for (size_t i = 0; i < r->ngroups; i++)
			r->groups[i].target_ix = shift(r->groups[i].target_ix, pos, up);
	if (t == &model_units) {
		for (size_t i = 0; i < r->nmembers; i++)
			r->members[i].unit_ix = shift(r->members[i].unit_ix, pos, up);
		for (size_t i = 0; i < r->ncadres; i++)
			r->cadres[i].unit_ix = shift(r->cadres[i].unit_ix, pos, up);
	}
	if (t == &model_groups) {
		for (size_t i = 0; i < r->nmembers; i++)
			r->members[i].group_ix = shift(r->members[i].group_ix, pos, up);
		for (size_t i = 0; i < r->ncadres; i++)
			r->cadres[i].group_ix = shift(r->cadres[i].group_ix, pos, up);
	}
	if (t == &model_cadres)
		for (size_t i = 0; i < r->ncadres; i++)
			if (r->cadres[i].successor_ix >= 0) {
				size_t s = shift((size_t)r->cadres[i].successor_ix, pos, up);
				r->cadres[i].successor_ix = s == REG_NONE ? -1 : (long)s;
			}
}

/* The references of one record, as registry_index resolves them. */
static void resolve_one(const struct registry *r, const struct record_type *t, void *rec)
{
	if (t == &model_groups) {
		struct bf_group *g = rec;
		g->round_ix = registry_find_round(r, g->round);
		g->target_ix = registry_find_target(r, g->target);
	} else if (t == &model_members) {
		struct bf_member *m = rec;
		m->group_ix = registry_find_group(r, m->group);
		m->unit_ix = registry_find_unit(r, m->unit);
	} else if (t == &model_cadres) {
		struct bf_cadre *c = rec;
		c->unit_ix = registry_find_unit(r, c->unit);
		c->group_ix = registry_find_group(r, c->group);
	}
}

/* Cadre i, just inserted, names a predecessor: it becomes the predecessor's successor if it
 * takes over the same post and no later cadre does (the load keeps the last in key order). */
static void link_successor(struct registry *r, size_t i)
{
	const char *p = r->cadres[i].predecessor;
	size_t k;
	if (p && (k = registry_find_cadre(r, p)) != REG_NONE &&
	    registry_same_post(r, &r->cadres[k], &r->cadres[i]) &&
	    r->cadres[k].successor_ix < (long)i)
		r->cadres[k].successor_ix = (long)i;
}

/* Whether replacing was by now can change who succeeds whom: a cadre's predecessor, unit or
 * group (its post), or a group's target (the post of all its cadres). Then every successor is
 * linked again: a pass over the cadres, for a change that is rare. */
static bool relinks(const struct record_type *t, const void *was, const void *now)
{
	if (t == &model_groups)
		return !same(((const struct bf_group *)was)->target,
			     ((const struct bf_group *)now)->target);
	if (t == &model_cadres) {
		const struct bf_cadre *a = was, *b = now;
		return !same(a->predecessor, b->predecessor) || !same(a->unit, b->unit) ||
		       !same(a->group, b->group);
	}
	return false;
}

static size_t lower_bound(const struct registry *r, const struct record_type *t, const void *rec,
			  bool *found)
{
	size_t n, lo = 0, hi;
	const char *base = registry_items(r, t, &n);

	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (registry_cmp(t, base + mid * t->size, rec) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < n && registry_cmp(t, base + lo * t->size, rec) == 0;
	return lo;
}

static void reindex_all(struct delta *d, struct registry *r)
{
	registry_reindex(r);
	d->dirty = 0;
}

/* Whether other records refer to the record of type t at i. */
static bool referred(struct delta *d, struct registry *r, const struct record_type *t, size_t i)
{
	const struct bucket *a = NULL, *b = NULL;

	if (t == &model_rounds) {
		for (size_t g = 0; g < r->ngroups; g++)
			if (r->groups[g].round_ix == i)
				return true;
		return false;
	}
	if (t == &model_cadres) { /* named as predecessor, whether or not on the same post */
		for (size_t k = 0; k < r->ncadres; k++)
			if (r->cadres[k].predecessor &&
			    strcmp(r->cadres[k].predecessor, r->cadres[i].id) == 0)
				return true;
		return false;
	}
	if (t != &model_targets && t != &model_units && t != &model_groups)
		return false; /* memberships and indicators: nothing refers to them */
	delta_refresh(d, r, buckets_of(t));
	if (t == &model_targets) {
		a = &r->target_groups;
		b = &r->target_indicators;
	} else if (t == &model_units) {
		a = &r->unit_members;
		b = &r->unit_cadres;
	} else if (t == &model_groups) {
		a = &r->group_members;
		b = &r->group_cadres;
	}
	return (a && a->off[i + 1] > a->off[i]) || (b && b->off[i + 1] > b->off[i]);
}

static size_t put(struct delta *d, struct registry *r, const struct record_type *t,
		  const void *rec, bool log)
{
	bool found;
	size_t i = lower_bound(r, t, rec, &found), n;
	char *at = registry_items(r, t, &n); /* NULL while the type has no record */

	if (found) {
		at += i * t->size;
		long succ = t == &model_cadres ? ((struct bf_cadre *)at)->successor_ix : -1;
		bool relink = relinks(t, at, rec);
		if (log)
			push(d, t, OP_REPLACED, at);
		d->dirty |= moved(t, at, rec);
		memcpy(at, rec, t->size);
		resolve_one(r, t, at);
		if (t == &model_cadres)
			((struct bf_cadre *)at)->successor_ix = succ;
		if (relink) {
			registry_link_successors(r);
			d->relinked = true;
		}
	} else {
		if (log)
			push(d, t, OP_CREATED, rec);
		at = registry_insert_at(r, t, i);
		memcpy(at, rec, t->size);
		if (t == &model_cadres)
			((struct bf_cadre *)at)->successor_ix = -1;
		renumber(r, t, i, true);
		resolve_one(r, t, at);
		if (t == &model_cadres)
			link_successor(r, i);
		d->dirty |= buckets_of(t);
	}
	if (d->dangling)
		reindex_all(d, r);
	return i;
}

static void removal(struct delta *d, struct registry *r, const struct record_type *t, size_t i,
		    bool log)
{
	size_t n, k;
	char *at = (char *)registry_items(r, t, &n) + i * t->size;
	const char *pred = t == &model_cadres ? ((struct bf_cadre *)at)->predecessor : NULL;
	bool was_successor = pred && (k = registry_find_cadre(r, pred)) != REG_NONE &&
			     r->cadres[k].successor_ix == (long)i;

	if (log)
		push(d, t, OP_REMOVED, at);
	if (!d->dangling && referred(d, r, t, i))
		d->dangling = true;
	registry_remove_at(r, t, i);
	renumber(r, t, i, false);
	d->dirty |= buckets_of(t);
	if (was_successor) { /* another cadre naming the same predecessor may take its place */
		registry_link_successors(r);
		d->relinked = true;
	}
	if (d->dangling)
		reindex_all(d, r);
}

size_t delta_put(struct delta *d, struct registry *r, const struct record_type *t,
		 const void *rec)
{
	_Alignas(16) unsigned char own[DELTA_REC_MAX];

	memcpy(own, rec, t->size);
	for (size_t i = 0; i < t->nfields; i++) {
		const struct field_def *f = &t->fields[i];
		char **p = (char **)(own + f->offset);
		if ((f->type == FT_TEXT || f->type == FT_LIST) && *p) {
			size_t len = strlen(*p);
			*p = arena_strndup(&r->arena, *p, len);
			d->bytes += len + 1;
		}
	}
	return put(d, r, t, own, true);
}

void delta_remove(struct delta *d, struct registry *r, const struct record_type *t, size_t i)
{
	removal(d, r, t, i, true);
}

void delta_refresh(struct delta *d, struct registry *r, unsigned which)
{
	unsigned w = d->dirty & which;
	if (w) {
		registry_rebuild(r, w);
		d->dirty &= ~w;
	}
}

void delta_undo(struct delta *d, struct registry *r)
{
	for (size_t k = d->n; k-- > 0;) {
		const struct delta_op *o = &d->ops[k];
		bool found;
		size_t i;
		if (o->kind != OP_CREATED) {
			put(d, r, o->t, o->rec, false);
		} else if ((i = lower_bound(r, o->t, o->rec, &found), found)) {
			removal(d, r, o->t, i, false);
		}
	}
	d->n = 0;
	if (d->dangling)
		reindex_all(d, r);
	d->dangling = false;
	delta_refresh(d, r, REG_B_ALL);
}
