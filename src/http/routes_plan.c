/* routes_plan: the planner's endpoints (POST/GET /api/v1/plans, GET /api/v1/plans/{id},
 * POST /api/v1/plans/{id}/apply). Decode, call app/plans, encode; the plan is computed on the
 * registry snapshot and stored, so that several can be compared before one is applied. */
#include "app/plans.h"
#include "http/http.h"
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

static void answer(struct http_ctx *cx, int status, enum bf_status rc, json_t *out,
		   const char *field, const struct bf_err *err)
{
	if (rc)
		http_error(cx, rc, bf_err_msg(err), field);
	else
		http_json(cx, status, out);
}

void http_plans_create(struct http_ctx *cx)
{
	json_t *out = NULL;
	const char *field = NULL;
	struct bf_err err;
	enum bf_status rc;

	bf_err_init(&err);
	rc = plans_create(cx->app, &cx->snap->reg, &cx->who, cx->address, cx->json, &out, &field,
			  &err);
	answer(cx, 201, rc, out, field, &err);
	bf_err_release(&err);
}

void http_plans_list(struct http_ctx *cx)
{
	json_t *out = NULL;
	struct bf_err err;
	enum bf_status rc;

	bf_err_init(&err);
	rc = plans_list(cx->app, &out, &err);
	answer(cx, 200, rc, out, NULL, &err);
	bf_err_release(&err);
}

void http_plans_get(struct http_ctx *cx)
{
	json_t *out = NULL;
	struct bf_err err;
	enum bf_status rc;

	bf_err_init(&err);
	rc = plans_get(cx->app, cx->param, &out, &err);
	answer(cx, 200, rc, out, NULL, &err);
	bf_err_release(&err);
}

void http_plans_apply(struct http_ctx *cx)
{
	json_t *out = NULL;
	struct bf_err err;
	enum bf_status rc;

	bf_err_init(&err);
	rc = plans_apply(cx->app, &cx->who, cx->address, cx->param, &out, &err);
	answer(cx, 200, rc, out, NULL, &err);
	bf_err_release(&err);
}
