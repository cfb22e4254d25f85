/* routes_cycle: the reporting cycle's endpoints (docs/cycle.md): /api/v1/periods,
 * /api/v1/group-reports with their transitions, paragraphs and attachments, and
 * /api/v1/report-attachments/{id}. Decode, call app/cycle with the reader, encode; a refusal
 * answers the API's error object with message_zh, the field, and for a refused transition
 * "allowed" (the states that may follow), with 413 or 415 for attachments. */
#include "app/cycle.h"
#include "app/sheet.h"
#include "http/http.h"
#include "util/fileio.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cycle_fail(struct http_ctx *cx, const struct bf_err *err,
		       const struct cycle_fault *f)
{
	enum bf_status st = err->status ? err->status : BF_EIO;
	const char *code = f->http == 413 ? "too_large" : f->http == 415 ? "unsupported_type"
									  : bf_status_name(st);
	json_t *e = json_pack("{s:s, s:o, s:o}", "code", code, "message",
			      http_string(bf_err_msg(err), 2000), "field",
			      f->field ? http_string(f->field, 200) : json_null());

	snprintf(cx->reason, sizeof cx->reason, "%s", bf_err_msg(err));
	if (bf_err_msg_zh(err))
		json_object_set_new(e, "message_zh", http_string(bf_err_msg_zh(err), 2000));
	if (f->allowed[0] || (st == BF_ECONFLICT && f->field && strcmp(f->field, "status") == 0)) {
		json_t *a = json_array();
		for (size_t i = 0; f->allowed[i]; i++)
			json_array_append_new(a, json_string(f->allowed[i]));
		json_object_set_new(e, "allowed", a);
	}
	http_json(cx, f->http ? f->http : http_status_of(st), json_pack("{s:o}", "error", e));
}

/* Answers rc's outcome: *out with status ok, or the refusal. (out by address: the call that
 * is rc's argument sets it, and arguments are evaluated in no set order.) */
static void reply(struct http_ctx *cx, enum bf_status rc, json_t **out, int ok,
		  struct bf_err *err, const struct cycle_fault *f)
{
	if (rc)
		cycle_fail(cx, err, f);
	else
		http_json(cx, ok, *out);
	bf_err_release(err);
}

#define START                                                                                 \
	struct bf_err err;                                                                     \
	struct cycle_fault f;                                                                  \
	json_t *out = NULL;                                                                    \
	bf_err_init(&err);                                                                     \
	cycle_fault_init(&f)

void http_periods_list(struct http_ctx *cx)
{
	START;
	(void)f;
	reply(cx, cycle_periods_list(cx->app, http_arg(cx, "round"), &out, &err), &out, 200, &err,
	      &f);
}

void http_period_get(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_period_get(cx->app, cx->param, &out, &err), &out, 200, &err, &f);
}

void http_periods_generate(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_periods_generate(cx->app, &cx->who, cx->address, cx->json, &out, &err, &f),
	      &out, 201, &err, &f);
}

void http_period_update(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_period_update(cx->app, &cx->who, cx->address, cx->param, cx->json, &out,
				      &err, &f),
	      &out, 200, &err, &f);
}

void http_group_reports_list(struct http_ctx *cx)
{
	static const struct sheet_spec spec = { "group_report", "group-reports 组团报告",
						cycle_report_columns, NULL };
	struct cycle_list_req rq = { http_arg(cx, "round"), http_arg(cx, "period"),
				     http_arg(cx, "status"), http_arg(cx, "group"),
				     http_arg(cx, "target"), http_arg(cx, "prefecture"), 0, 0 };
	enum bf_status rc;
	START;

	if (!http_list_args(cx, &rq.limit, &rq.offset)) {
		bf_err_release(&err);
		return;
	}
	rc = cycle_reports_list(cx->app, &cx->who, &rq, &out, &err, &f);
	if (!rc && http_send_list(cx, out, &spec, "group-reports"))
		bf_err_release(&err);
	else
		reply(cx, rc, &out, 200, &err, &f);
}

void http_group_report_get(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_report_get(cx->app, &cx->who, cx->param, &out, &err, &f), &out, 200, &err,
	      &f);
}

void http_group_report_create(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_report_create(cx->app, &cx->who, cx->address, cx->json, &out, &err, &f),
	      &out, 201, &err, &f);
}

void http_group_report_update(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_report_update(cx->app, &cx->who, cx->address, cx->param, cx->json, &out,
				      &err, &f),
	      &out, 200, &err, &f);
}

void http_group_report_contribute(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_report_contribute(cx->app, &cx->who, cx->address, cx->param, cx->json,
					  &out, &err, &f),
	      &out, 200, &err, &f);
}

/* POST /api/v1/group-reports/{key}/ACTION: the action is the route's last segment. */
void http_group_report_transition(struct http_ctx *cx)
{
	const char *action = strrchr(cx->route->pattern, '/') + 1;
	START;
	reply(cx, cycle_report_transition(cx->app, &cx->who, cx->address, cx->param, action,
					  cx->json, &out, &err, &f),
	      &out, 200, &err, &f);
}

void http_group_reports_approve(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_reports_approve(cx->app, &cx->who, cx->address, cx->json, &out, &err, &f),
	      &out, 200, &err, &f);
}

void http_group_report_attach(struct http_ctx *cx)
{
	const char *file = http_arg(cx, "name");
	const struct http_upload *form = cx->upload;
	struct cycle_limits lim = { cx->cfg->attachment_max, cx->cfg->report_attachments_max };
	const char *name;
	const struct buf *data;
	START;

	if (file) {
		name = fileio_basename(file);
		data = cx->body;
	} else if (!form) {
		http_error_zh(cx, BF_EINPUT, "send the file as multipart/form-data, or as the body "
					     "with ?name=FILE",
			      "请以 multipart/form-data 上传文件，或以请求体上传并用 ?name=文件名", NULL);
		cx->status = 415;
		bf_err_release(&err);
		return;
	} else if (form->bad || form->n != 1) {
		http_error_zh(cx, BF_EINPUT, form->n > 1 || form->too_many
					     ? "one file per request" : "no file found in the form data",
			      form->n > 1 || form->too_many ? "每次只能上传一个文件" : "表单中没有文件",
			      "file");
		bf_err_release(&err);
		return;
	} else {
		name = form->name[0];
		data = &form->data[0];
	}
	reply(cx, cycle_attachment_add(cx->app, &cx->who, cx->address, cx->param, name,
				       data->data ? data->data : "", data->len, &lim, &out, &err,
				       &f),
	      &out, 201, &err, &f);
}

void http_group_report_attachments(struct http_ctx *cx)
{
	START;
	reply(cx, cycle_attachments_list(cx->app, &cx->who, cx->param, &out, &err, &f), &out, 200,
	      &err, &f);
}

/* The file as a download with its stored type and its original name (an ASCII fallback and
 * the UTF-8 name as RFC 5987's filename*), never shown inline. */
void http_report_attachment_get(struct http_ctx *cx)
{
	struct cycle_download d;
	START;

	(void)out;
	if (cycle_attachment_get(cx->app, &cx->who, cx->param, &d, &err, &f)) {
		cycle_fail(cx, &err, &f);
		bf_err_release(&err);
		return;
	}
	http_download(cx, d.name, d.mime, d.data, d.len);
	free(d.data);
	bf_err_release(&err);
}
