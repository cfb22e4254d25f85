/* plans: the planner's plans kept in the database (schema v3) for the API: run a plan (or a
 * what-if repair) on a round and store it, list the stored plans with their statistics so that
 * they can be compared side by side, read one whole, and apply one (app/plan_round). */
#ifndef BF_PLANS_H
#define BF_PLANS_H
#include <jansson.h>
#include <stdint.h>
#include "core/access.h"
#include "core/registry.h"
#include "app/app.h"

/* Runs the plan that request asks for on the registry r and stores it:
 * {"round":"2023-2026", "needs":"CSV text" (optional), "repair": {"without":["U048"],
 *  "merge":{"A":"B"}, "capacity":{"U001":2}} (optional)}. An unknown key or a value of the
 * wrong type is BF_EINPUT with *field naming it. *out: {"id", "created", ..., "plan": {...}}
 * (plans_get's answer). The creation is audited ("create", "plan", id). */
enum bf_status plans_create(struct app *app, const struct registry *r,
			    const struct principal *who, const char *address, json_t *request,
			    json_t **out, const char **field, struct bf_err *err);
/* {"items":[{"id","round","created","account","kind","status","objective","score",
 * "statistics","repair","applied","applied_by"}],"total"}, newest first. */
enum bf_status plans_list(struct app *app, json_t **out, struct bf_err *err);
/* One plan: the list's fields and "plan", the whole plan with every assignment and breakdown.
 * id is the decimal text of the path; BF_ENOTFOUND if there is no such plan. */
enum bf_status plans_get(struct app *app, const char *id, json_t **out, struct bf_err *err);
/* Applies stored plan id (plan_round_apply): {"id", "applied": {...}}. */
enum bf_status plans_apply(struct app *app, const struct principal *who, const char *address,
			   const char *id, json_t **out, struct bf_err *err);

#endif
