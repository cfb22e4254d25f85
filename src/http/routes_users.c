/* routes_users: the admin's account endpoints (GET/POST /api/v1/users, PATCH
 * /api/v1/users/{name}). Decode, call app/users, encode; no password is ever echoed but the one
 * the server generated, once, in the answer that made it. */
#include "app/users.h"
#include "http/http.h"
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

/* The JSON body, or NULL after answering 400. */
static json_t *body_json(struct http_ctx *cx)
{
	json_error_t jerr;
	json_t *body = json_loadb(cx->body->data ? cx->body->data : "", cx->body->len,
				  JSON_REJECT_DUPLICATES, &jerr);
	char msg[300];

	if (body)
		return body;
	snprintf(msg, sizeof msg, "the body is not valid JSON (line %d, column %d: %s)", jerr.line,
		 jerr.column, jerr.text);
	http_error(cx, BF_EINPUT, msg, NULL);
	return NULL;
}

static bool no_args(struct http_ctx *cx)
{
	if (MHD_get_connection_values(cx->conn, MHD_GET_ARGUMENT_KIND, NULL, NULL) == 0)
		return true;
	http_error(cx, BF_EINPUT, "this endpoint takes no query parameters", NULL);
	return false;
}

static void answer(struct http_ctx *cx, int status, enum bf_status rc, struct users_result *res,
		   const struct bf_err *err)
{
	if (rc) {
		http_error(cx, rc, bf_err_msg(err), res->field);
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

	if (!no_args(cx))
		return;
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
	json_t *body;

	if (!no_args(cx) || !(body = body_json(cx)))
		return;
	bf_err_init(&err);
	answer(cx, 201, users_create(cx->app, &cx->snap->reg, &cx->who, cx->address, body, &res,
				     &err), &res, &err);
	bf_err_release(&err);
	json_decref(body);
}

void http_users_update(struct http_ctx *cx)
{
	struct users_result res;
	struct bf_err err;
	json_t *body;

	if (!no_args(cx) || !(body = body_json(cx)))
		return;
	bf_err_init(&err);
	answer(cx, 200, users_update(cx->app, &cx->snap->reg, &cx->who, cx->address, cx->param,
				     body, &res, &err), &res, &err);
	bf_err_release(&err);
	json_decref(body);
}
