/* routes_work: the API of the groups' work (docs/work.md): lists, records and evidence files
 * of tasks, needs, commitments, resources and policies. Each handler decodes the request,
 * calls one app/work function and encodes the answer; the rules are core/work's. Work
 * routes do not read the registry snapshot (a work write does not reload it either). */
#include "app/sheet.h"
#include "app/work.h"
#include "http/http.h"
#include "util/buf.h"
#include "util/fileio.h"
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define END { NULL, NULL, NULL }
#define P_ROUND { "round", "string", "only the records of this round" }
#define P_TARGET { "target", "string", "only the records of this target (adcode)" }
#define P_UNIT { "unit", "string", "only the records of this unit (code)" }
#define P_TASK { "task", "string", "only the records of this task (code)" }
#define P_PAGE                                                                                 \
	{ "q", "string", "only records with this text in the title (a task: name or code)" },   \
	{ "sort", "string", "a column to sort by, '-' before it for descending" },              \
	{ "limit", "integer", "records per page (default 100, at most 10000)" },                \
	{ "offset", "integer", "records to skip" },                                             \
	{ "format", "string", "json (default), csv or xlsx" }

const struct route_param http_work_params[5][16] = {
	[WK_TASK] = { P_ROUND, P_PAGE, END },
	[WK_NEED] = { P_ROUND, P_TARGET, P_TASK, P_PAGE, END },
	[WK_COMMITMENT] = { P_ROUND, P_TARGET, P_UNIT, P_TASK,
			    { "need", "integer", "only the commitments to this need" },
			    { "status", "string", "planned, in_progress, delivered, confirmed or dropped" },
			    { "overdue", "boolean", "1: only commitments planned or in progress whose due "
						    "day has passed (as of as_of)" },
			    { "as_of", "date", "the day overdue is judged on (default: today)" },
			    P_PAGE, END },
	[WK_RESOURCE] = { P_ROUND, P_TARGET, P_UNIT, P_TASK,
			  { "kind", "string", "funds, investment, project, enterprise, talent or "
					      "training" },
			  P_PAGE, END },
	[WK_POLICY] = { P_ROUND, { "target", "string", "only the policies serving this target" },
			P_UNIT, { "task", "string", "only the policies of this task" }, P_PAGE, END },
};

/* The record type of the path's first segment after /api/v1/. */
static const struct work_type *type_of(const char *path)
{
	char seg[32];
	const char *s = path + strlen("/api/v1/");
	snprintf(seg, sizeof seg, "%.*s", (int)strcspn(s, "/"), s);
	return work_type_find(seg);
}

/* A refusal of app/work as the API's error: code, message, message_zh, field, problems. */
static void work_error(struct http_ctx *cx, const struct work_error *e)
{
	enum bf_status st = e->status ? e->status : BF_EIO;
	json_t *field = e->field ? json_string(e->field) : json_null();
	json_t *problem = json_pack("{s:n, s:n, s:n, s:O, s:o, s:o}", "file", "line", "column",
				    "field", field, "message", http_string(e->message, 2000),
				    "message_zh", http_string(e->message_zh, 2000));
	snprintf(cx->reason, sizeof cx->reason, "%.150s", e->message);
	http_json(cx, http_status_of(st),
		  json_pack("{s:{s:s, s:o, s:o, s:o, s:[o]}}", "error", "code", bf_status_name(st),
			    "message", http_string(e->message, 2000), "message_zh",
			    http_string(e->message_zh, 2000), "field", field, "problems", problem));
}

void http_work_list(struct http_ctx *cx)
{
	const struct work_type *t = type_of(cx->path);
	struct work_list_req rq = { 0 };
	struct work_error e;
	const char *overdue = http_arg(cx, "overdue");
	char title[96];
	struct sheet_spec spec = { t->name, title, work_columns(t), NULL };
	json_t *out;

	if (!http_format_ok(cx) || !http_long_arg(cx, "limit", 0, WORK_LIST_MAX, &rq.limit) ||
	    !http_long_arg(cx, "offset", 0, 1000000000L, &rq.offset))
		return;
	if (overdue && strcmp(overdue, "1") && strcmp(overdue, "0") && strcmp(overdue, "true") &&
	    strcmp(overdue, "false")) {
		http_error(cx, BF_EINPUT, "overdue must be 1, true, 0 or false", "overdue");
		return;
	}
	rq.overdue = overdue && (strcmp(overdue, "1") == 0 || strcmp(overdue, "true") == 0);
	rq.round = http_arg(cx, "round");
	rq.target = http_arg(cx, "target");
	rq.unit = http_arg(cx, "unit");
	rq.task = http_arg(cx, "task");
	rq.status = http_arg(cx, "status");
	rq.kind = http_arg(cx, "kind");
	rq.need = http_arg(cx, "need");
	rq.q = http_arg(cx, "q");
	rq.sort = http_arg(cx, "sort");
	rq.as_of = http_arg(cx, "as_of");
	work_error_init(&e);
	snprintf(title, sizeof title, "%s %s", t->plural, t->zh);
	if (work_list(cx->app, &cx->who, t, &rq, &out, &e))
		work_error(cx, &e);
	else if (!http_send_list(cx, out, &spec, t->plural))
		http_json(cx, 200, out);
}

void http_work_get(struct http_ctx *cx)
{
	struct work_error e;
	json_t *out;

	work_error_init(&e);
	if (work_get(cx->app, &cx->who, type_of(cx->path), cx->param, &out, &e))
		work_error(cx, &e);
	else
		http_json(cx, 200, out);
}

void http_work_create(struct http_ctx *cx)
{
	struct work_error e;
	json_t *out;

	work_error_init(&e);
	if (work_create(cx->app, &cx->who, cx->address, type_of(cx->path), cx->json, &out, &e))
		work_error(cx, &e);
	else
		http_json(cx, 201, out);
}

void http_work_update(struct http_ctx *cx)
{
	struct work_error e;
	json_t *out;

	work_error_init(&e);
	if (work_update(cx->app, &cx->who, cx->address, type_of(cx->path), cx->param, cx->json,
			&out, &e))
		work_error(cx, &e);
	else
		http_json(cx, 200, out);
}

void http_work_delete(struct http_ctx *cx)
{
	struct work_error e;

	work_error_init(&e);
	if (work_delete(cx->app, &cx->who, cx->address, type_of(cx->path), cx->param, &e))
		work_error(cx, &e);
	else
		cx->status = 204;
}

/* POST /api/v1/commitments/{id}/evidence: one file, as multipart/form-data or as the body
 * with ?file=NAME. */
void http_work_evidence_add(struct http_ctx *cx)
{
	const char *file = http_arg(cx, "file");
	const struct http_upload *form = cx->upload;
	const char *name;
	const struct buf *data;
	struct work_error e;
	json_t *out;

	if (file) {
		name = fileio_basename(file);
		data = cx->body;
	} else if (!form) {
		http_error(cx, BF_EINPUT, "send the file as multipart/form-data, or as the body with "
					  "?file=NAME", NULL);
		cx->status = 415;
		return;
	} else if (form->bad || form->n != 1) {
		http_error(cx, BF_EINPUT, form->n > 1 || form->too_many
						  ? "one file per request" : "no file found in the form data",
			   "file");
		return;
	} else {
		name = form->name[0];
		data = &form->data[0];
	}
	work_error_init(&e);
	if (work_evidence_add(cx->app, &cx->who, cx->address, cx->param, name,
			      data->data ? data->data : "", data->len, &out, &e))
		work_error(cx, &e);
	else
		http_json(cx, 201, out);
}

void http_work_evidence_list(struct http_ctx *cx)
{
	struct work_error e;
	json_t *out;

	work_error_init(&e);
	if (work_evidence_list(cx->app, &cx->who, cx->param, &out, &e))
		work_error(cx, &e);
	else
		http_json(cx, 200, out);
}

/* The file as a download: its MIME type, Content-Disposition attachment with its name (an
 * ASCII fallback and the UTF-8 name, RFC 6266), never shown inline. */
void http_work_evidence_get(struct http_ctx *cx)
{
	struct work_download d;
	struct work_error e;

	work_error_init(&e);
	if (work_evidence_get(cx->app, &cx->who, cx->param, &d, &e)) {
		work_error(cx, &e);
		return;
	}
	http_download(cx, d.name, d.mime, d.data, d.len);
	free(d.data);
}

void http_work_evidence_delete(struct http_ctx *cx)
{
	struct work_error e;

	work_error_init(&e);
	if (work_evidence_delete(cx->app, &cx->who, cx->address, cx->param, &e))
		work_error(cx, &e);
	else
		cx->status = 204;
}
