/* routes_assess: the assessments' endpoints (docs/cycle.md, Assessment): /api/v1/assessments
 * (list as JSON, CSV or XLSX; create) and /api/v1/assessments/{id} (one; grade). Decode, call
 * app/assess with the reader, encode; who may do what is app/assess's and core/assess's to
 * decide. A refusal answers the API's error object with message_zh and the field. */
#include "app/assess.h"
#include "app/sheet.h"
#include "http/http.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reply(struct http_ctx *cx, enum bf_status rc, json_t *out, int ok,
		  struct bf_err *err, const char *field)
{
	if (rc) {
		http_error_zh(cx, rc, bf_err_msg(err), bf_err_msg_zh(err), field);
		snprintf(cx->reason, sizeof cx->reason, "%s", bf_err_msg(err));
	} else {
		http_json(cx, ok, out);
	}
	bf_err_release(err);
}

static bool arg_long(struct http_ctx *cx, const char *name, long *v)
{
	const char *s = http_arg(cx, name);
	char *end;
	*v = 0;
	if (!s)
		return true;
	*v = strtol(s, &end, 10);
	if (*s && !*end && *v >= 0 && *v <= 10000000)
		return true;
	http_error_zh(cx, BF_EINPUT, "give a whole number", "应为整数", name);
	return false;
}

void http_assessments_list(struct http_ctx *cx)
{
	struct assess_list_req rq = { http_arg(cx, "round"), http_arg(cx, "kind"),
				      http_arg(cx, "year"), http_arg(cx, "group"),
				      http_arg(cx, "target"), http_arg(cx, "prefecture"),
				      http_arg(cx, "grade"), 0, 0, false };
	const char *field = NULL;
	struct bf_err err;
	json_t *out = NULL;
	enum bf_status rc;

	if (!http_format_ok(cx) || !arg_long(cx, "limit", &rq.limit) ||
	    !arg_long(cx, "offset", &rq.offset))
		return;
	rq.flat = http_wants_csv(cx) || http_wants_xlsx(cx);
	bf_err_init(&err);
	rc = assess_list(cx->app, &cx->who, &rq, &out, &err, &field);
	if (!rc && http_wants_xlsx(cx)) {
		struct sheet_spec spec = { "assessments", "assessments 考核", assess_columns, NULL };
		http_send_xlsx(cx, out, &spec, "assessments");
		json_decref(out);
		bf_err_release(&err);
	} else if (!rc && http_wants_csv(cx)) {
		size_t n = 0;
		while (assess_columns[n])
			n++;
		http_send_csv(cx, json_object_get(out, "items"), assess_columns, n);
		snprintf(cx->disposition, sizeof cx->disposition,
			 "attachment; filename=\"bangfu-assessments.csv\"");
		json_decref(out);
		bf_err_release(&err);
	} else {
		reply(cx, rc, out, 200, &err, field);
	}
}

void http_assessment_get(struct http_ctx *cx)
{
	const char *field = NULL;
	struct bf_err err;
	json_t *out = NULL;
	enum bf_status rc;

	bf_err_init(&err);
	rc = assess_get(cx->app, &cx->who, cx->param, &out, &err, &field);
	reply(cx, rc, out, 200, &err, field);
}

void http_assessments_create(struct http_ctx *cx)
{
	const char *field = NULL;
	struct bf_err err;
	json_t *out = NULL;
	enum bf_status rc;

	bf_err_init(&err);
	rc = assess_create(cx->app, &cx->who, cx->address, cx->json, &out, &err, &field);
	reply(cx, rc, out, 201, &err, field);
}

void http_assessment_grade(struct http_ctx *cx)
{
	const char *field = NULL;
	struct bf_err err;
	json_t *out = NULL;
	enum bf_status rc;

	bf_err_init(&err);
	rc = assess_grade(cx->app, &cx->who, cx->address, cx->param, cx->json, &out, &err, &field);
	reply(cx, rc, out, 200, &err, field);
}
