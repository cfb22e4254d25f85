/* rotation: the successors' arrival dates that `bangfu plan rotations` proposes (S7, issue 12
 * §6), and the judgement of a group's departures. Pure: the caller hands one group's posts
 * and its departures (cadres on post on `from` whose term ends in the horizon), with the
 * arrival of each named successor; nothing here reads a record or a clock.
 *
 * The rule (docs/rotations.md):
 *  - a departure's last day L is the end of the term (actual_end, else planned_end);
 *  - hand-over: the successor arrives `overlap` days before, on L + 1 - overlap (default 14),
 *    or keeps its named arrival if that is earlier (or already past); a successor not yet
 *    there never before `earliest` (from + the notice a unit needs to send one; then as
 *    soon as possible: on `earliest`, "asap");
 *  - the lead: on no day has the group's lead unit no cadre on post (its successors count
 *    from their arrival);
 *  - half: in any `span` days (90) starting on or after `from`, at most posts / 2 departures
 *    are losses, a departure in those days being a loss unless its successor had arrived by
 *    their first day. Where more cluster, the successors whose loss would reach furthest
 *    (the latest departures; the lead unit's first among equals) are brought forward to
 *    L + 1 - span, or `earliest` ("batch"), which is the fewest successors that can be
 *    moved (the classic greedy for intervals: drop the one that ends last). A successor
 *    that cannot arrive early enough (the notice) is moved once and stays a loss: the
 *    judgement after the plan then says the group is not kept. */
#ifndef BF_CORE_ROTATION_H
#define BF_CORE_ROTATION_H
#include <stdbool.h>
#include <stddef.h>
#include "util/date.h"

#define ROTATION_OVERLAP_DEFAULT 14L
#define ROTATION_OVERLAP_MAX 365L
#define ROTATION_SPAN 90L
#define ROTATION_WINDOW_DEFAULT 90L
#define ROTATION_WINDOW_MAX 3650L

enum rotation_why { ROT_HANDOVER, ROT_NAMED, ROT_BATCH, ROT_ASAP };
/* "handover", "named", "batch", "asap" */
extern const char *const rotation_whys[];

struct rotation_departure {
	bool lead;       /* a cadre of the group's lead unit */
	bf_day last;     /* the last day on post */
	bf_day named;    /* the named successor's arrival, BF_DAY_NONE when none is named */
	bf_day arrival;  /* out (rotation_plan): the proposed arrival */
	enum rotation_why why; /* out: why that day */
};

struct rotation_group {
	size_t posts;      /* posts held on `from` (a successor beside its predecessor is one) */
	size_t lead_posts; /* of them, the lead unit's */
};

struct rotation_opts {
	bf_day from;  /* the first day planned (today, or --as-of) */
	bf_day earliest; /* the first day a successor not yet there can arrive (>= from) */
	long overlap; /* hand-over days */
	long span;    /* the days in which at most half of the posts may be lost */
};

struct rotation_judgement {
	bf_day lead_lost; /* the first day the lead unit has no cadre on post, else BF_DAY_NONE */
	size_t losses;    /* the most losses in one span */
	bf_day window;    /* the first day of the first such span (BF_DAY_NONE: no loss) */
	size_t limit;     /* posts / 2: the most a span may hold */
	bool ok;          /* the lead kept and losses <= limit */
};

/* The most losses one span may hold: half of the posts, rounded down. */
size_t rotation_limit(const struct rotation_group *g);
/* Judges the group's n departures by their proposed arrivals (proposed) or by their named
 * successors' (a departure without one: never). */
void rotation_judge(const struct rotation_opts *o, const struct rotation_group *g,
		    const struct rotation_departure *d, size_t n, bool proposed,
		    struct rotation_judgement *out);
/* Fills arrival and why of each of the group's n departures by the rule above. */
void rotation_plan(const struct rotation_opts *o, const struct rotation_group *g,
		   struct rotation_departure *d, size_t n);

#endif
