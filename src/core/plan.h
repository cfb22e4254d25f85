/* plan: the group-formation problem of docs/planner.md and its exact solver. Units (capacity
 * 1 or 2, a lower bound, whether they may lead) are assigned to targets as the one lead or as
 * one of [mmin, mmax] members, maximising the pair scores plus each target's non-increasing
 * marginal bonus of its k-th member. The problem is a min-cost circulation with lower bounds;
 * plan_solve solves it exactly by network simplex and plan_repair re-optimises a solved plan
 * after a change by successive shortest paths from the previous flow and potentials.
 * Pure: no I/O, no SQL, no JSON (app/plan_io.c reads and writes instances).
 *
 * Scores are doubles in the interface; the solver works on integers scaled by PLAN_SCALE
 * (scores are rounded to 1/PLAN_SCALE), so the optimum is exact for the rounded scores and the
 * objective is reported from the rounded values. */
#ifndef BF_PLAN_H
#define BF_PLAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAN_SCALE 1000000.0

enum plan_role { PLAN_LEAD, PLAN_MEMBER };
enum plan_status { PLAN_OPTIMAL, PLAN_INFEASIBLE };

struct plan_unit {
	const char *id;
	int cap;          /* 0 (removed), 1 or 2; at most 2 is not required by the solver */
	int min;          /* at least this many assignments; 0 <= min <= cap */
	bool can_lead;
	int copies;       /* 0 or 1: one unit; n > 1: n identical units (same cap, min, pairs and
	                   * scores) solved as one, each pair taken by up to n of them; a solution
	                   * lists the pair once per copy that takes it (docs/planner.md) */
};

struct plan_target {
	const char *id;
	int mmin, mmax;          /* member bounds, 0 <= mmin <= mmax */
	const double *bonus;     /* mmax values, non-increasing: bonus[k-1] for the k-th member */
};

struct plan_pair {
	size_t unit, target;     /* indices into units and targets; each (unit,target) at most once */
	bool lead_ok;            /* false: the unit may not lead this target ("lead": null) */
	double lead, member;     /* scores of the two roles */
};

struct plan_fixed {
	size_t unit, target;
	enum plan_role role;
};

/* The caller owns every array and string; the solver only reads them. */
struct plan_instance {
	const struct plan_unit *units;
	const struct plan_target *targets;
	const struct plan_pair *pairs;
	const struct plan_fixed *fixed;
	size_t nunits, ntargets, npairs, nfixed;
};

struct plan_assignment {
	size_t unit, target, pair;
	enum plan_role role;
};

struct plan_state;  /* opaque: the final flow and potentials, for plan_repair */

struct plan_solution {
	enum plan_status status;
	double objective;                  /* sum of chosen scores and bonuses (rounded scores) */
	struct plan_assignment *a;         /* sorted by target, lead first, then by unit */
	size_t n;
	char reason[1024];                 /* when infeasible: which constraint, naming ids */
	double seconds;                    /* wall time of the solve */
	size_t pivots;                     /* simplex pivots or shortest-path augmentations */
	bool warm;                         /* plan_repair warm-started (false: it solved cold) */
	struct plan_state *state;          /* NULL unless the solve kept it (see plan_solve) */
};

void plan_solution_init(struct plan_solution *s);
void plan_solution_release(struct plan_solution *s);

/* Checks the instance's shape (indices in range, bonus non-increasing, bounds consistent,
 * duplicate pairs, fixed pairs that are not allowed pairs); false with a message in why
 * (size whylen) naming the offending item. */
bool plan_validate(const struct plan_instance *in, char *why, size_t whylen);

/* Solves in exactly. keep_state: keep what plan_repair needs in out->state.
 * Returns false only when plan_validate fails (the message is in out->reason); an infeasible
 * instance returns true with out->status == PLAN_INFEASIBLE. */
bool plan_solve(const struct plan_instance *in, bool keep_state, struct plan_solution *out);

/* Re-solves changed, an instance with the same units, targets and pairs (same indices and
 * order) as the one prev was solved for, where units may have lower cap/min (0 = removed),
 * higher cap, and pair scores may differ. Warm-starts from prev->state (which must be set):
 * the previous flow and potentials are repaired by shortest augmenting paths, so the work is
 * proportional to what changed. out is a full solution of changed (with a new state if
 * keep_state), and out->warm says whether the warm start was used: plan_repair solves from
 * scratch instead (same result, more time) when changed does not fit prev's network (a unit
 * that may lead goes from capacity 1 to 2, a pair gains a lead, target bounds or bonuses or
 * the pairs themselves differ, a fixed pair is not a pair) and when changed is infeasible (so
 * that the reason is the same as plan_solve's). prev->state is left as it was (without
 * keep_state the repair works on it in place and undoes its changes; with keep_state on a
 * copy). */
bool plan_repair(const struct plan_instance *changed, const struct plan_solution *prev,
		 bool keep_state, struct plan_solution *out);

/* The optimal potentials (LP duals) of a solve or repair that kept its state (keep_state), in
 * scaled units (×PLAN_SCALE), per unit and per target's lead and member node (arrays of
 * nunits, ntargets, ntargets; NULL to skip one). A pair (u, t) that is not in the instance,
 * with scores lead and member, can improve the optimum only if one of its arcs has a negative
 * reduced cost: −scaled(lead) + unit[u] − lead[t] < 0 (when u may lead t) or
 * −scaled(member) + unit[u] − member[t] < 0. If no left-out pair has one, the optimum of the
 * instance is the optimum of the instance with every pair (LP duality: the flow extended by
 * zeros and these potentials, a pair node's potential being its unit's, satisfy complementary
 * slackness). After an infeasible solve that kept its state they are the potentials of the
 * problem with the solver's artificial arcs (big M), and a left-out pair with a negative
 * reduced cost is one that could lessen the shortfall. False if sol kept no state. */
bool plan_duals(const struct plan_solution *sol, int64_t *unit, int64_t *lead, int64_t *member);
/* A score as the solver sees it: rounded to 1/PLAN_SCALE, times PLAN_SCALE. */
int64_t plan_scaled(double x);

/* Checks that sol satisfies every constraint of in and that its objective is the sum of its
 * scores; false with the first broken constraint in why. Used by tests and after --apply. */
bool plan_verify(const struct plan_instance *in, const struct plan_solution *sol, char *why,
		 size_t whylen);

#endif
