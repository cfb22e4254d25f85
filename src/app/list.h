/* list: the records of one type that a signed-in person may read, filtered, sorted and paged,
 * as {"items":[...],"total":N}; and one record by key. Used by the API. */
#ifndef BF_LIST_H
#define BF_LIST_H
#include <jansson.h>
#include "core/access.h"
#include "util/err.h"

struct list_query {
	const char *round, *target, *unit, *rank, *q;
	const char *sort;   /* a column, "-column" for descending */
	long limit, offset;
};

#define LIST_DEFAULT_LIMIT 100
#define LIST_MAX_LIMIT 10000

/* Which filters apply to type t: a string of the letters r(ound) t(arget) u(nit) k (rank). */
const char *list_filters(const struct record_type *t);
enum bf_status list_records(const struct registry *r, const struct principal *p,
			    const struct record_type *t, const struct list_query *lq, json_t **out,
			    struct bf_err *err);
/* One record by its key ("a,b" for composite keys); BF_ENOTFOUND or BF_EFORBIDDEN. */
enum bf_status list_get(const struct registry *r, const struct principal *p,
			const struct record_type *t, const char *key, json_t **out,
			struct bf_err *err);

#endif
