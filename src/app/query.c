/* query: shared read-side helpers; see query.h. */
#include "app/query.h"
#include "store/cycle.h"
#include "store/store.h"
#include <math.h>

enum bf_status query_load(struct store *s, struct registry *r, struct bf_err *err)
{
	registry_init(r);
	return store_load(s, r, err);
}

enum bf_status query_round(const struct registry *r, const char *name, bf_day day, size_t *ix,
			   struct bf_err *err)
{
	struct buf names = BUF_INIT;

	if (!name) {
		*ix = registry_current_round(r, day);
		return BF_OK;
	}
	*ix = registry_find_round(r, name);
	if (*ix != REG_NONE)
		return BF_OK;
	for (size_t i = 0; i < r->nrounds; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", r->rounds[i].name);
	bf_err_set(err, BF_ENOTFOUND, "no round named '%s' (rounds: %s)", name,
		   names.len ? names.data : "none yet");
	buf_release(&names);
	return BF_ENOTFOUND;
}

json_t *query_date_json(bf_day d)
{
	char day[11];
	if (d == BF_DAY_NONE)
		return json_null();
	date_format(d, day);
	return json_string(day);
}

json_t *query_str_json(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *field_json(const struct field_def *f, const void *rec)
{
	const void *p = (const char *)rec + f->offset;
	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
		return query_str_json(*(const char *const *)p);
	case FT_DATE:
		return query_date_json(*(const bf_day *)p);
	case FT_INT:
	case FT_FLAG:
		return json_integer(*(const long *)p);
	case FT_REAL:
		return isnan(*(const double *)p) ? json_null() : json_real(*(const double *)p);
	case FT_ENUM:
		return *(const int *)p >= 0 ? json_string(f->allowed[*(const int *)p])
					    : json_null();
	}
	return json_null();
}

json_t *query_record_json(const struct record_type *t, const void *rec)
{
	json_t *o = json_object();
	for (size_t i = 0; i < t->nfields; i++)
		json_object_set_new(o, t->fields[i].name, field_json(&t->fields[i], rec));
	return o;
}

json_t *query_cell_json(const struct cyc_cell *c)
{
	/* the cell's types are SQLite's: 1 integer, 5 NULL (store/cycle.h) */
	return c->type == 1 ? json_integer(c->i) : c->type == 5 ? json_null() : json_string(c->s);
}

void query_row_json(void *ctx, const struct cyc_cell *c, int n)
{
	json_t *o = json_object();
	for (int i = 0; i < n; i++)
		json_object_set_new(o, c[i].name, query_cell_json(&c[i]));
	json_array_append_new(ctx, o);
}
