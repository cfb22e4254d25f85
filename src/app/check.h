/* check: runs the programme's rules on a round of the database (app side of core/rules). */
#ifndef BF_CHECK_H
#define BF_CHECK_H
#include <jansson.h>
#include "core/rules.h"
#include "util/err.h"

/* Checks round (NULL: the current one) as of day. *round_ix is REG_NONE when the database has
 * no round, in which case nothing is checked. */
enum bf_status check_round(const struct registry *r, const char *round, bf_day day,
			   size_t *round_ix, struct violations *out, struct bf_err *err);
/* {"round","as_of","violations":N,"rules":[{"tag","source","title_zh","title_en","count",
 * "items":[{"subject","key","message"}]}]} */
json_t *check_json(const struct registry *r, size_t round_ix, bf_day day,
		   const struct violations *v);

#endif
