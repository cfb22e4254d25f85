/* check: runs the programme's rules on a round of the database (app side of core/rules), and
 * says which round was judged: the one named, else the one in progress on the day, else none
 * (a day outside every round has nobody on post to count). */
#ifndef BF_CHECK_H
#define BF_CHECK_H
#include <jansson.h>
#include "core/access.h"
#include "core/rules.h"
#include "util/err.h"

/* Checks round (NULL: the one in progress on day) as of day with opts (NULL: defaults),
 * keeping only the findings that p may see (core/access; p NULL: all, for the CLI).
 * *round_ix is REG_NONE when no round was judged: the database has no round, or round is
 * NULL and day is outside every round. On a day outside the named round only the rules that
 * do not count who is on post are judged (out->judged). */
/* The round check_round judges (see there); REG_NONE: none. */
enum bf_status check_which(const struct registry *r, const char *round, bf_day day,
			   size_t *round_ix, struct bf_err *err);
enum bf_status check_round(const struct registry *r, const char *round, bf_day day,
			   const struct rules_opts *opts, const struct principal *p,
			   size_t *round_ix, struct violations *out, struct bf_err *err);
/* Drops the findings of v that p may not see (core/access). */
void check_visible(const struct registry *r, const struct principal *p, struct violations *v);
/* {"round","as_of","in_progress","note","note_zh","violations":N,"rules":[{"tag","source",
 * "title_zh","title_en","judged","count","items":[{"subject","key","message","message_zh"}]}]}.
 * round is null when none was judged; note says in words what was judged. */
json_t *check_json(const struct registry *r, size_t round_ix, bf_day day,
		   const struct violations *v);
/* What was judged, in English and in Chinese (for the CLI and the API). */
void check_note(const struct registry *r, size_t round_ix, bf_day day,
		const struct violations *v, struct buf *en, struct buf *zh);

#endif
