/* routes_users: the admin's account endpoints (GET/POST /api/v1/users, PATCH
 * /api/v1/users/{name}). Decode, call app/users, encode; no password is ever echoed but the one
 * the server generated, once, in the answer that made it. */
#include "app/users.h"
#include "http/http.h"
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

static void answer(struct http_ctx *cx, int status, enum bf_status rc, struct users_result *res,
		   const struct bf_err *err)
{
	if (rc) {
		http_error_zh(cx, rc, bf_err_msg(err), bf_err_msg_zh(err), res->field);
		return;
	}
	if (res->password[0])
		json_object_set_new(res->user, "password", json_string(res->password));
	http_json(cx, status, res->user);
	res->user = NULL;
}

void http_users_list(struct http_ctx *cx)
{
	struct bf_err err;
	json_t *out;

	bf_err_init(&err);
	if (users_list(cx->app, &out, &err))
		http_fail(cx, &err);
	else
		http_json(cx, 200, out);
	bf_err_release(&err);
}

void http_users_create(struct http_ctx *cx)
{
	struct users_result res;
	struct bf_err err;

	bf_err_init(&err);
	answer(cx, 201, users_create(cx->app, &cx->snap->reg, &cx->who, cx->address, cx->json, &res,
				     &err), &res, &err);
	bf_err_release(&err);
}

void http_users_update(struct http_ctx *cx)
{
	struct users_result res;
	struct bf_err err;

	bf_err_init(&err);
	answer(cx, 200, users_update(cx->app, &cx->snap->reg, &cx->who, cx->address, cx->param,
				     cx->json, &res, &err), &res, &err);
	bf_err_release(&err);
}
