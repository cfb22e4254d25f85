/* routes_inbox: GET /api/v1/inbox, the signed-in person's to-do items (app/inbox,
 * docs/cycle.md "Inbox and digests"). Decode the parameters, call app/inbox with the reader and
 * the snapshot, encode. */
#include "app/inbox.h"
#include "http/http.h"
#include <stdlib.h>
#include <string.h>

void http_inbox(struct http_ctx *cx)
{
	struct inbox_req rq;
	struct bf_err err;
	const char *s;
	json_t *out = NULL;
	enum bf_status rc;

	inbox_req_init(&rq);
	rq.due_days = cx->cfg->inbox_due_days;
	rq.end_window = cx->cfg->end_window;
	if (!http_day_arg(cx, &rq.today))
		return;
	if ((s = http_arg(cx, "limit"))) {
		char *end;
		rq.limit = strtol(s, &end, 10);
		if (!*s || *end || rq.limit < 1 || rq.limit > INBOX_LIMIT_MAX) {
			http_error_zh(cx, BF_EINPUT, "limit: give a whole number from 1 to 1000",
				      "limit：应为1至1000的整数", "limit");
			return;
		}
	}
	if ((s = http_arg(cx, "offset"))) {
		char *end;
		rq.offset = strtol(s, &end, 10);
		if (!*s || *end || rq.offset < 0 || rq.offset > INBOX_OFFSET_MAX) {
			http_error_zh(cx, BF_EINPUT, "offset: give a whole number from 0 to 100000",
				      "offset：应为0至100000的整数", "offset");
			return;
		}
	}
	if ((s = http_arg(cx, "summary"))) {
		if (strcmp(s, "1") && strcmp(s, "0") && strcmp(s, "true") && strcmp(s, "false")) {
			http_error_zh(cx, BF_EINPUT, "summary: give 1 (the counts only) or 0",
				      "summary：应为1（只要数目）或0", "summary");
			return;
		}
		rq.summary = !strcmp(s, "1") || !strcmp(s, "true");
	}
	bf_err_init(&err);
	if (!(rc = inbox_parse_kinds(http_arg(cx, "kind"), &rq.kinds, &err)))
		rc = inbox_get(cx->app, cx->snap ? &cx->snap->reg : NULL, &cx->who, &rq, &out, &err);
	if (rc)
		http_error_zh(cx, rc, bf_err_msg(&err), bf_err_msg_zh(&err),
			      rc == BF_EINPUT ? "kind" : NULL);
	else
		http_json(cx, 200, out);
	bf_err_release(&err);
}
