/* rotation: `bangfu plan rotations` (S7, issue 12 §6): for the round's cadres whose terms end
 * in the horizon, the successors' proposed arrival dates by core/rotation's rule, with each
 * group's judgement before (the successors named today) and after (the proposal). Reads the
 * registry only; writes nothing. docs/rotations.md. */
#ifndef BF_APP_ROTATION_H
#define BF_APP_ROTATION_H
#include <jansson.h>
#include "core/registry.h"
#include "core/rotation.h"
#include "util/err.h"

struct rotation_plan_opts {
	const char *round; /* NULL: the round in progress on from */
	bf_day from;       /* the first day planned (today by default) */
	long window;       /* days after from; < 0: to the round's end */
	long overlap;      /* hand-over days (ROTATION_OVERLAP_DEFAULT) */
	long notice;       /* days from `from` before a successor not yet named can arrive */
};

/* The columns of the plan's items (the departures) and of its groups. */
extern const char *const rotation_plan_columns[];
extern const char *const rotation_group_columns[];

/* The plan as a JSON object (round, from, to, overlap_days, span_days, groups_at_risk,
 * groups_kept, groups_not_kept, groups[], items[]); *out owned by the caller. */
enum bf_status rotation_plan_run(const struct registry *r, const struct rotation_plan_opts *o,
				 json_t **out, struct bf_err *err);

#endif
