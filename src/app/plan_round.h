/* plan_round: the planner applied to a round of the database (docs/planner.md). Builds the
 * plan_instance of a round from the registry and the needs table (core/score), solves it
 * (core/plan), describes the formation as JSON with every pair's breakdown and the balance
 * statistics, re-solves what-if repairs against the current formation, and applies a plan as
 * the round's groups and memberships in one audited transaction. No SQL here (store/). */
#ifndef BF_PLAN_ROUND_H
#define BF_PLAN_ROUND_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "core/registry.h"
#include "app/app.h"
#include "util/err.h"

#define PLAN_ROUND_MAX_CHANGES 64

struct plan_merge {
	const char *from, *to;       /* unit codes: from's capacity and assignments pass to to */
};

struct plan_capacity {
	const char *unit;
	int cap;                     /* 0 .. 9 */
};

/* Which unit × target pairs the instance has (docs/planner.md, "Planning at national size"):
 * every one, or a sparse instance (the pairs that can matter, then every left-out pair priced
 * against the optimum and added where it could improve it), or (auto) sparse above
 * PLAN_ROUND_DENSE_MAX pairs. */
enum plan_pairs { PLAN_PAIRS_AUTO, PLAN_PAIRS_ALL, PLAN_PAIRS_SPARSE };
#define PLAN_ROUND_DENSE_MAX 2000000

/* What to plan. Strings are borrowed. */
struct plan_round_opts {
	const char *round;           /* the round's name (required) */
	const char *needs;           /* needs table text, or NULL for the bundled one */
	size_t needs_len;
	const char *needs_name;      /* for messages and the output ("plan-needs.csv") */
	bool repair;                 /* re-solve with a bonus for every pair of the round's
	                              * current formation, and report the difference */
	const char *without[PLAN_ROUND_MAX_CHANGES]; /* repair: units removed (capacity 0) */
	size_t nwithout;
	struct plan_merge merge[PLAN_ROUND_MAX_CHANGES];
	size_t nmerge;
	struct plan_capacity capacity[PLAN_ROUND_MAX_CHANGES];
	size_t ncapacity;
	enum plan_pairs pairs;
	/* called with a line on what the planner is doing (or NULL): a front end shows it when
	 * the planning takes long */
	void (*progress)(void *ctx, const char *msg);
	void *progress_ctx;
};

/* Runs the planner on the round and returns the plan as a new JSON object in *out:
 * {"round","kind":"plan"|"repair","status":"optimal"|"infeasible","reason","objective",
 *  "score","needs","solver":{"seconds","pivots","warm"},
 *  "instance":{"pairs_possible","pairs","sparse","optimality":"complete"|"proven"|"pruned",
 *              sparse: "pairs_first","pairs_added","pricing_rounds","seconds","proof","note"},
 *  "statistics":{"groups","memberships","units_used","units_twice",
 *                "group_score":{"min","mean","max"},"prefectures":[{"prefecture","groups",
 *                "mean"}],"prefecture_spread"},
 *  "groups":[{"group","target","name_zh","prefecture","score","bonus","support",
 *             "units":[{"unit","name_zh","role","fixed","score","breakdown":{"fit":{DIM:x},
 *             "fit_total","lead_weight","continuity","member_cost","keep"}}]}],
 *  "repair":{"without","merge","capacity","score_before","score_after","delta","stays",
 *            "moves":[{"unit","name_zh","from":[{"target","role"}],"to":[...]}]}}
 * An unknown round or unit, a malformed needs table or a bad change is BF_EINPUT (or
 * BF_ENOTFOUND for the round); an infeasible instance is a plan with status "infeasible". */
enum bf_status plan_round_run(const struct registry *r, const struct plan_round_opts *o,
			      json_t **out, struct bf_err *err);

/* The round's instance (core/plan) as the JSON of app/plan_io, for `--export-instance`, with
 * "meta" as plan_round_run's "instance". A sparse instance is solved and priced first: it has
 * the pairs whose optimum is the round's. */
enum bf_status plan_round_instance(const struct registry *r, const struct plan_round_opts *o,
				   json_t **out, struct bf_err *err);

/* Applies plan (as plan_round_run returns it) to the database in one transaction: each target
 * gets its group of the round (the existing one, else a new G<start-year>-<adcode>), the
 * memberships become the plan's (kept ones keep their note), groups of the round the plan does
 * not use lose their memberships (and are deleted unless cadres refer to them). Cadres are not
 * changed: those still serving (no actual_end) whose unit left their group are listed in the
 * result ("cadres_to_reassign") and `bangfu check` reports them (cadre-quota). The change is
 * refused (BF_EVIOLATION) if the round would then break coverage, group-shape or capacity in a
 * new way (the data changed since the plan was made). Every changed record and a summary row
 * ("apply", "plan", the plan's id or, when plan_id is 0, the round's name) go to the audit
 * trail as account at address; a stored plan (plan_id > 0) is marked applied in the same
 * transaction. *result: {"round","groups_created",
 * "added":[{"group","unit","role"}],"removed":[...],"role_changed":[...],
 * "cadres_to_reassign":[{"id","name","unit","group"}]}. */
enum bf_status plan_round_apply(struct app *app, const char *account, const char *address,
				int64_t plan_id, json_t *plan, json_t **result,
				struct bf_err *err);

#endif
