/* routes_report: the work reports (GET /api/v1/reports/work, GET
 * /api/v1/reports/county/{adcode}). Decode, call app/work_report with the reader (it scopes
 * the rows), encode as JSON (the cached answer, sent without a copy), CSV or XLSX. */
#include "app/sheet.h"
#include "app/work_report.h"
#include "http/http.h"
#include <stdlib.h>
#include <string.h>

void http_report_work(struct http_ctx *cx)
{
	struct work_report_opts o = { http_arg(cx, "round"), 0, http_arg(cx, "by") };
	struct bf_err err;
	json_t *out = NULL;
	bool xlsx, csv;

	if (!http_format_ok(cx) || !http_day_arg(cx, &o.as_of))
		return;
	for (size_t i = 0; o.by && work_report_bys[i]; i++)
		if (strcmp(o.by, work_report_bys[i]) == 0)
			goto known;
	if (o.by) {
		http_error(cx, BF_EINPUT, "by must be target, group, unit, prefecture, domain, task "
					  "or class", "by");
		return;
	}
known:
	xlsx = http_wants_xlsx(cx);
	csv = !xlsx && http_wants_csv(cx);
	bf_err_init(&err);
	if (!xlsx && !csv) {
		struct blob *body;
		bool gzipped;
		if (work_report_answer(cx->app, &cx->snap->reg, cx->snap->generation, &cx->who, &o,
				       http_accepts_gzip(cx), &body, &gzipped, &err)) {
			http_fail(cx, &err);
		} else { /* the cached bytes themselves: a national report is megabytes */
			http_send_blob(cx, body, "application/json; charset=utf-8");
			cx->content_encoding = gzipped ? "gzip" : NULL;
		}
	} else if (work_report_run(cx->app, &cx->snap->reg, &cx->who, &o, &out, &err)) {
		http_fail(cx, &err);
	} else if (xlsx) {
		struct sheet_spec spec = { "work", "report work 帮扶工作", work_report_columns, NULL };
		http_send_xlsx(cx, out, &spec, "work");
	} else {
		size_t n = 0;
		while (work_report_columns[n])
			n++;
		http_send_csv(cx, json_object_get(out, "items"), work_report_columns, n);
	}
	json_decref(out);
	bf_err_release(&err);
}

void http_report_county(struct http_ctx *cx)
{
	struct work_report_opts o = { http_arg(cx, "round"), 0, NULL };
	struct bf_err err;
	json_t *out = NULL;

	if (!http_day_arg(cx, &o.as_of))
		return;
	bf_err_init(&err);
	if (work_report_county(cx->app, &cx->snap->reg, &cx->who, cx->param, &o, &out, &err))
		http_fail(cx, &err);
	else
		http_json(cx, 200, out);
	bf_err_release(&err);
}
