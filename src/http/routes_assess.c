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

/* Answers rc's outcome: *out with status ok, or the refusal naming field. (out and field by
 * address: the call that is rc's argument sets them, and arguments are evaluated in no set
 * order.) */
static void reply(struct http_ctx *cx, enum bf_status rc, json_t **out, int ok,
		  struct bf_err *err, const char *const *field)
{
	if (rc) {
		http_error_zh(cx, rc, bf_err_msg(err), bf_err_msg_zh(err), *field);
		snprintf(cx->reason, sizeof cx->reason, "%s", bf_err_msg(err));
	} else {
		http_json(cx, ok, *out);
	}
	bf_err_release(err);
}

/* The locals of a handler: the error, the answer, the field at fault. */
#define START                                                                                 \
	const char *field = NULL;                                                              \
	struct bf_err err;                                                                     \
	json_t *out = NULL;                                                                    \
	bf_err_init(&err)

void http_assessments_list(struct http_ctx *cx)
{
	static const struct sheet_spec spec = { "assessments", "assessments 考核", assess_columns,
						NULL };
	struct assess_list_req rq = { http_arg(cx, "round"), http_arg(cx, "kind"),
				      http_arg(cx, "year"), http_arg(cx, "group"),
				      http_arg(cx, "target"), http_arg(cx, "prefecture"),
				      http_arg(cx, "grade"), 0, 0, false };
	enum bf_status rc;
	START;

	if (!http_list_args(cx, &rq.limit, &rq.offset)) {
		bf_err_release(&err);
		return;
	}
	rq.flat = http_wants_csv(cx) || http_wants_xlsx(cx);
	rc = assess_list(cx->app, &cx->who, &rq, &out, &err, &field);
	if (!rc && http_send_list(cx, out, &spec, "assessments"))
		bf_err_release(&err);
	else
		reply(cx, rc, &out, 200, &err, &field);
}

void http_assessment_get(struct http_ctx *cx)
{
	START;
	reply(cx, assess_get(cx->app, &cx->who, cx->param, &out, &err, &field), &out, 200, &err,
	      &field);
}

void http_assessments_create(struct http_ctx *cx)
{
	START;
	reply(cx, assess_create(cx->app, &cx->who, cx->address, cx->json, &out, &err, &field),
	      &out, 201, &err, &field);
}

void http_assessment_grade(struct http_ctx *cx)
{
	START;
	reply(cx, assess_grade(cx->app, &cx->who, cx->address, cx->param, cx->json, &out, &err,
			       &field),
	      &out, 200, &err, &field);
}
