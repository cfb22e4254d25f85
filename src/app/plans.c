/* plans: stored plans for the API; see plans.h. */
#include "app/plans.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/plan_round.h"
#include "store/plan_table.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static enum bf_status bad(const char **field, const char *f, struct bf_err *err,
			  const char *msg)
{
	*field = f;
	return bf_err_set(err, BF_EINPUT, "%s: %s", f, msg);
}

/* "repair": {"without":[...], "merge":{A:B}, "capacity":{U:N}} into o. */
static enum bf_status repair_opts(json_t *rep, struct plan_round_opts *o, const char **field,
				  struct bf_err *err)
{
	const char *k;
	json_t *v, *x;
	size_t i;

	if (!json_is_object(rep))
		return bad(field, "repair", err, "give an object: {\"without\":[UNIT...], "
						 "\"merge\":{\"A\":\"B\"}, \"capacity\":{\"UNIT\":N}}");
	o->repair = true;
	json_object_foreach(rep, k, v) {
		if (strcmp(k, "without") == 0 && json_is_array(v)) {
			json_array_foreach(v, i, x) {
				if (!json_is_string(x) || o->nwithout == PLAN_ROUND_MAX_CHANGES)
					return bad(field, "repair.without", err,
						   "give at most 64 unit codes as strings");
				o->without[o->nwithout++] = json_string_value(x);
			}
		} else if (strcmp(k, "merge") == 0 && json_is_object(v)) {
			const char *a;
			json_object_foreach(v, a, x) {
				if (!json_is_string(x) || o->nmerge == PLAN_ROUND_MAX_CHANGES)
					return bad(field, "repair.merge", err,
						   "give {\"A\":\"B\"}: unit A passes to unit B");
				o->merge[o->nmerge++] = (struct plan_merge){ a, json_string_value(x) };
			}
		} else if (strcmp(k, "capacity") == 0 && json_is_object(v)) {
			const char *u;
			json_object_foreach(v, u, x) {
				if (!json_is_integer(x) || json_integer_value(x) < 0 ||
				    json_integer_value(x) > 9 || o->ncapacity == PLAN_ROUND_MAX_CHANGES)
					return bad(field, "repair.capacity", err,
						   "give {\"UNIT\":N} with N from 0 to 9");
				o->capacity[o->ncapacity++] =
					(struct plan_capacity){ u, (int)json_integer_value(x) };
			}
		} else {
			return bad(field, "repair", err, "the keys are without (an array), merge and "
							 "capacity (objects)");
		}
	}
	return BF_OK;
}

static enum bf_status request_opts(json_t *req, struct plan_round_opts *o, const char **field,
				   struct bf_err *err)
{
	const char *k;
	json_t *v;

	memset(o, 0, sizeof *o);
	if (!json_is_object(req))
		return bad(field, "body", err, "give {\"round\":\"NAME\"} and optionally \"needs\" "
					       "and \"repair\"");
	json_object_foreach(req, k, v) {
		if (strcmp(k, "round") == 0 && json_is_string(v)) {
			o->round = json_string_value(v);
		} else if (strcmp(k, "needs") == 0 && json_is_string(v)) {
			o->needs = json_string_value(v);
			o->needs_len = json_string_length(v);
			o->needs_name = "needs";
		} else if (strcmp(k, "repair") == 0) {
			enum bf_status rc = repair_opts(v, o, field, err);
			if (rc)
				return rc;
		} else {
			return bad(field, k, err, "not a key of a plan request (round, needs, repair), "
						  "or not of the right type");
		}
	}
	if (!o->round)
		return bad(field, "round", err, "give the round to plan");
	return BF_OK;
}

static json_t *row_json(const struct plan_row *r)
{
	json_t *sum = json_loads(r->summary, 0, NULL);
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:o, s:o, s:o, s:o}", "id",
			      (json_int_t)r->id, "round", r->round, "created", r->created,
			      "account", r->account, "kind", r->kind, "status", r->status,
			      "objective", r->objective, "score", r->score, "statistics",
			      json_incref(json_object_get(sum, "statistics")), "repair",
			      json_incref(json_object_get(sum, "repair")), "applied",
			      r->applied[0] ? json_string(r->applied) : json_null(), "applied_by",
			      r->applied_by[0] ? json_string(r->applied_by) : json_null());
	json_decref(sum);
	return o;
}

/* The summary kept beside the plan: its statistics and the repair's difference in brief. */
static char *summary_of(json_t *plan)
{
	json_t *rep = json_object_get(plan, "repair"), *s;
	char *text;

	s = json_pack("{s:O}", "statistics", json_object_get(plan, "statistics"));
	if (rep)
		json_object_set_new(s, "repair",
				    json_pack("{s:O, s:O, s:O, s:O, s:I}", "changes",
					      json_object_get(rep, "changes"), "score_before",
					      json_object_get(rep, "score_before"), "score_after",
					      json_object_get(rep, "score_after"), "delta",
					      json_object_get(rep, "delta"), "moves",
					      (json_int_t)json_array_size(json_object_get(rep, "moves"))));
	else
		json_object_set_new(s, "repair", json_null());
	text = json_dumps(s, JSON_COMPACT);
	json_decref(s);
	return text;
}

static enum bf_status store_plan(struct store *s, const struct principal *who,
				 const char *address, json_t *plan, int64_t *id,
				 struct bf_err *err)
{
	struct plan_row row;
	char key[32];
	enum bf_status rc;

	memset(&row, 0, sizeof row);
	snprintf(row.round, sizeof row.round, "%s", json_string_value(json_object_get(plan, "round")));
	date_now_utc(row.created);
	snprintf(row.account, sizeof row.account, "%s", who->name);
	snprintf(row.kind, sizeof row.kind, "%s", json_string_value(json_object_get(plan, "kind")));
	snprintf(row.status, sizeof row.status, "%s",
		 json_string_value(json_object_get(plan, "status")));
	row.objective = json_number_value(json_object_get(plan, "objective"));
	row.score = json_number_value(json_object_get(plan, "score"));
	row.summary = summary_of(plan);
	row.body = json_dumps(plan, JSON_COMPACT);
	if (!(rc = store_begin(s, err)) && !(rc = plan_table_insert(s, &row, id, err))) {
		json_t *after = json_pack("{s:s, s:s, s:s, s:f}", "round", row.round, "kind",
					  row.kind, "status", row.status, "score", row.score);
		snprintf(key, sizeof key, "%lld", (long long)*id);
		rc = audit_append(s, who->name, address, "create", "plan", key, NULL, after, err);
		json_decref(after);
	}
	if (rc)
		store_rollback(s);
	else
		rc = store_commit(s, err);
	plan_row_release(&row);
	return rc;
}

static bool parse_id(const char *text, int64_t *id)
{
	char *end;
	long long v;
	if (!text || !*text || strspn(text, "0123456789") != strlen(text) || strlen(text) > 18)
		return false;
	v = strtoll(text, &end, 10);
	*id = v;
	return v > 0;
}

enum bf_status plans_create(struct app *app, const struct registry *r,
			    const struct principal *who, const char *address, json_t *request,
			    json_t **out, const char **field, struct bf_err *err)
{
	struct store *s = app->store;
	struct plan_round_opts o;
	json_t *plan = NULL;
	enum bf_status rc;
	int64_t id = 0;
	char idtext[32];

	*out = NULL;
	*field = NULL;
	if ((rc = request_opts(request, &o, field, err)))
		return rc;
	if ((rc = plan_round_run(r, &o, &plan, err))) {
		*field = rc == BF_ENOTFOUND ? "round" : NULL;
		if (rc == BF_ENOTFOUND)
			rc = err->status = BF_EINPUT;
		return rc;
	}
	if (!(rc = store_plan(s, who, address, plan, &id, err))) {
		snprintf(idtext, sizeof idtext, "%lld", (long long)id);
		rc = plans_get(app, idtext, out, err);
	}
	json_decref(plan);
	return rc;
}

enum bf_status plans_list(struct app *app, json_t **out, struct bf_err *err)
{
	struct store *s = app->store;
	struct plan_row *rows;
	size_t n;
	enum bf_status rc = plan_table_list(s, &rows, &n, err);
	json_t *items = json_array();

	for (size_t i = 0; !rc && i < n; i++)
		json_array_append_new(items, row_json(&rows[i]));
	for (size_t i = 0; !rc && i < n; i++)
		plan_row_release(&rows[i]);
	free(rows);
	*out = rc ? NULL : json_pack("{s:O, s:I}", "items", items, "total", (json_int_t)n);
	json_decref(items);
	return rc;
}

enum bf_status plans_get(struct app *app, const char *id, json_t **out, struct bf_err *err)
{
	struct store *s = app->store;
	struct plan_row row;
	int64_t n;
	enum bf_status rc;

	*out = NULL;
	if (!parse_id(id, &n))
		return bf_err_set(err, BF_ENOTFOUND, "no plan '%.40s': plans are numbered 1, 2, ...",
				  id ? id : "");
	if ((rc = plan_table_get(s, n, &row, err)))
		return rc;
	*out = row_json(&row);
	json_object_set_new(*out, "plan", json_loads(row.body, 0, NULL));
	plan_row_release(&row);
	return BF_OK;
}

enum bf_status plans_apply(struct app *app, const struct principal *who, const char *address,
			   const char *id, json_t **out, struct bf_err *err)
{
	struct store *s = app->store;
	struct plan_row row;
	json_t *plan = NULL, *applied = NULL;
	int64_t n;
	enum bf_status rc;

	*out = NULL;
	if (!parse_id(id, &n))
		return bf_err_set(err, BF_ENOTFOUND, "no plan '%.40s': plans are numbered 1, 2, ...",
				  id ? id : "");
	if ((rc = plan_table_get(s, n, &row, err)))
		return rc;
	plan = json_loads(row.body, 0, NULL);
	if (!plan)
		rc = bf_err_set(err, BF_EDB, "plan %lld is not readable JSON", (long long)n);
	else if (!(rc = plan_round_apply(app, who->name, address, n, plan, &applied, err)))
		*out = json_pack("{s:I, s:o}", "id", (json_int_t)n, "applied", applied);
	json_decref(plan);
	plan_row_release(&row);
	return rc;
}
