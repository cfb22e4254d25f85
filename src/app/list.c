/* list: filtered, sorted, paged reads of the registry; see list.h. */
#include "app/list.h"
#include "app/query.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *list_filters(const struct record_type *t)
{
	if (t == &model_groups || t == &model_members)
		return "rtu";
	if (t == &model_cadres)
		return "rtuk";
	if (t == &model_indicators)
		return "t";
	if (t == &model_targets || t == &model_units)
		return "r";
	return "";
}

static const struct bf_group *group_of(const struct registry *r, const struct record_type *t,
				       const void *rec)
{
	size_t g = REG_NONE;
	if (t == &model_groups)
		return rec;
	if (t == &model_members)
		g = ((const struct bf_member *)rec)->group_ix;
	if (t == &model_cadres)
		g = ((const struct bf_cadre *)rec)->group_ix;
	return g == REG_NONE ? NULL : &r->groups[g];
}

static bool contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle);
}

/* The free-text filter ?q= looks in the key and the names. */
static bool text_match(const struct record_type *t, const void *rec, const char *q)
{
	for (size_t i = 0; i < t->nfields; i++) {
		const struct field_def *f = &t->fields[i];
		const char *v;
		if (f->type != FT_TEXT || !(i < t->nkey || strstr(f->name, "name")))
			continue;
		v = *(const char *const *)((const char *)rec + f->offset);
		if (contains(v, q))
			return true;
	}
	return false;
}

static bool unit_in_group(const struct registry *r, const struct bf_group *g, const char *unit)
{
	return registry_member_role(r, (size_t)(g - r->groups), registry_find_unit(r, unit)) >= 0;
}

static bool match(const struct registry *r, const struct record_type *t, const void *rec,
		  const struct list_query *lq)
{
	const struct bf_group *g = group_of(r, t, rec);

	if (lq->q && !text_match(t, rec, lq->q))
		return false;
	if (lq->round && (!g || strcmp(g->round, lq->round) != 0))
		return false;
	if (lq->target) {
		const char *tg = t == &model_indicators ? ((const struct bf_indicator *)rec)->scope
							: g ? g->target : NULL;
		if (!tg || strcmp(tg, lq->target) != 0)
			return false;
	}
	if (lq->unit) {
		if (t == &model_members || t == &model_cadres) {
			const char *u = t == &model_members ? ((const struct bf_member *)rec)->unit
							    : ((const struct bf_cadre *)rec)->unit;
			if (strcmp(u, lq->unit) != 0)
				return false;
		} else if (!g || !unit_in_group(r, g, lq->unit)) {
			return false;
		}
	}
	if (lq->rank && (t != &model_cadres ||
			 strcmp(model_ranks[((const struct bf_cadre *)rec)->rank], lq->rank) != 0))
		return false;
	return true;
}

struct sorter {
	const struct field_def *f;
	bool desc;
};

static _Thread_local struct sorter sort_by;

static int cmp_field(const void *a, const void *b)
{
	const struct field_def *f = sort_by.f;
	const char *x = *(const char *const *)a + f->offset, *y = *(const char *const *)b + f->offset;
	int c = 0;

	switch (f->type) {
	case FT_TEXT:
	case FT_LIST: {
		const char *s = *(const char *const *)x, *t = *(const char *const *)y;
		c = strcmp(s ? s : "", t ? t : "");
		break;
	}
	case FT_DATE:
		c = (*(const bf_day *)x > *(const bf_day *)y) - (*(const bf_day *)x < *(const bf_day *)y);
		break;
	case FT_INT:
	case FT_FLAG:
		c = (*(const long *)x > *(const long *)y) - (*(const long *)x < *(const long *)y);
		break;
	case FT_REAL: {
		double s = *(const double *)x, t = *(const double *)y;
		c = isnan(s) ? (isnan(t) ? 0 : -1) : isnan(t) ? 1 : (s > t) - (s < t);
		break;
	}
	case FT_ENUM:
		c = strcmp(f->allowed[*(const int *)x], f->allowed[*(const int *)y]);
		break;
	}
	return sort_by.desc ? -c : c;
}

static enum bf_status sort_items(const struct record_type *t, const char **items, size_t n,
				 const char *sort, struct bf_err *err)
{
	bool desc = sort && sort[0] == '-';
	const struct field_def *f;

	if (!sort)
		return BF_OK; /* already in key order */
	f = model_field(t, sort + desc);
	if (!f)
		return bf_err_set(err, BF_EINPUT, "sort: '%s' is not a column of %s", sort + desc,
				  t->file);
	sort_by.f = f;
	sort_by.desc = desc;
	if (n > 1)
		qsort(items, n, sizeof *items, cmp_field); /* qsort is not stable: ties by key */
	return BF_OK;
}

enum bf_status list_records(const struct registry *r, const struct principal *p,
			    const struct record_type *t, const struct list_query *lq, json_t **out,
			    struct bf_err *err)
{
	size_t n, total = 0;
	const char *base = registry_items(r, t, &n);
	const char **items = xmalloc((n ? n : 1) * sizeof *items);
	json_t *arr;

	*out = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *rec = base + i * t->size;
		if (access_can_read(r, p, t, rec) && match(r, t, rec, lq))
			items[total++] = rec;
	}
	if (sort_items(t, items, total, lq->sort, err)) {
		free(items);
		return err->status;
	}
	arr = json_array();
	for (size_t i = (size_t)lq->offset; i < total && i < (size_t)(lq->offset + lq->limit); i++)
		json_array_append_new(arr, query_record_json(t, items[i]));
	free(items);
	*out = json_pack("{s:o, s:I}", "items", arr, "total", (json_int_t)total);
	return BF_OK;
}

enum bf_status list_get(const struct registry *r, const struct principal *p,
			const struct record_type *t, const char *key, json_t **out,
			struct bf_err *err)
{
	size_t n, i = registry_find_key(r, t, key);
	const char *rec;

	*out = NULL;
	if (i == REG_NONE)
		return bf_err_set(err, BF_ENOTFOUND, "no %s '%s'", t->what, key);
	rec = (const char *)registry_items(r, t, &n) + i * t->size;
	if (!access_can_read(r, p, t, rec))
		return bf_err_set(err, BF_EFORBIDDEN, "your role may not read %s '%s'", t->what,
				  key);
	*out = query_record_json(t, rec);
	return BF_OK;
}
