/* app/inbox: a signed-in person's inbox (issue 12 §5, docs/cycle.md "Inbox and digests"):
 * what is theirs to do, put together from the look-ups of store/inbox for the kinds and the
 * scope core/inbox gives their role, and the rule findings about a unit's own groups (judged
 * on the registry snapshot for those groups alone, core/rules). The API's answer and the
 * e-mail digest (app/digest) are both made from it. */
#ifndef BF_APP_INBOX_H
#define BF_APP_INBOX_H
#include <jansson.h>
#include "app/app.h"
#include "core/inbox.h"
#include "core/registry.h"

struct inbox_req {
	bf_day today;
	long due_days;    /* a report is due this many days ahead (INBOX_DUE_DAYS_DEFAULT) */
	long end_window;  /* the rules' end window (findings), see struct rules_opts */
	long limit;       /* items on the page */
	long offset;      /* items of the asked kinds before the page, in inbox_sort's order
			   * (each kind keeps offset + limit, so the page holds the right ones) */
	unsigned kinds;   /* the kinds asked for, a bit each (0: every kind) */
	bool summary;     /* the counts only */
};
void inbox_req_init(struct inbox_req *rq);

/* "report_due,finding" into a bit per kind; BF_EINPUT naming the unknown kind. */
enum bf_status inbox_parse_kinds(const char *s, unsigned *bits, struct bf_err *err);

/* p's inbox into b (inbox_init'ed by the caller). reg (the snapshot; NULL: no findings)
 * gives the findings about a unit's groups in the round in progress. */
enum bf_status inbox_collect(struct app *app, const struct registry *reg,
			     const struct principal *p, const struct inbox_req *rq,
			     struct inbox *b, struct bf_err *err);

/* {"as_of","due_days","kinds":[the kinds p's inbox holds],"counts":{kind:n},"total",
 * "matched","limit","offset","items":[{"kind","kind_zh","kind_en","title_zh","title_en",
 * "record":{"type","id"},"href","due","days","group","target","target_name","period",
 * "reason"}]}: total and counts are the whole inbox's (the badge), matched the items of the
 * asked kinds on every page, items the page (no items, matched, limit, offset with
 * summary). */
json_t *inbox_json(const struct inbox *b, const struct principal *p,
		   const struct inbox_req *rq);

enum bf_status inbox_get(struct app *app, const struct registry *reg,
			 const struct principal *p, const struct inbox_req *rq, json_t **out,
			 struct bf_err *err);

#endif
