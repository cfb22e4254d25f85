/* app/cycle: the use cases of the reporting cycle (issue 12 §1-§4, docs/cycle.md) for the API
 * and the CLI: the rounds' periods (listed, cut again, edited), the group reports (listed,
 * read with their figures, created, written, moved through draft → submitted → returned or
 * approved, reopened, approved in bulk), the member units' paragraphs and the attachments.
 * Each write is one transaction with its audit row (entity period or group_report). The
 * figures of a draft are counted from the work when it is read; approval freezes them into
 * the report, and the approved report locks its period for its group's target:
 * cycle_lock_check is what the work's writes (app/work) ask before they change a record
 * dated in a period. Refusals carry English and Chinese (struct bf_err) and, in struct
 * cycle_fault, the HTTP status beyond err's (413, 415) and a refused transition's allowed
 * next states. */
#ifndef BF_APP_CYCLE_H
#define BF_APP_CYCLE_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include "app/app.h"
#include "core/access.h"
#include "core/cycle.h"

/* ---- periods ------------------------------------------------------------------------- */

/* {"items":[{"id","round","name","start","end","due","kind","reports","draft",
 * "submitted","returned","approved"}],"total"} of round (NULL: every round). */
enum bf_status cycle_periods_list(struct app *app, const char *round, json_t **out,
				  struct bf_err *err);
enum bf_status cycle_period_get(struct app *app, const char *id, json_t **out,
				struct bf_err *err);
/* Cuts round again: body {"round", "kind" (default quarterly), "due_days" (default 10)};
 * refused (409) when the round's periods already carry reports. Answers the new list. */
enum bf_status cycle_periods_generate(struct app *app, const struct principal *who,
				      const char *address, json_t *body, json_t **out,
				      struct bf_err *err, struct cycle_fault *f);
/* Changes a period: body {"name", "due"}. */
enum bf_status cycle_period_update(struct app *app, const struct principal *who,
				   const char *address, const char *id, json_t *body,
				   json_t **out, struct bf_err *err, struct cycle_fault *f);
/* Gives every round without periods the default cut (quarterly, due 10 days after), and
 * cuts again, as it was cut, every round whose dates have moved since: its reports stay on
 * the periods of the same name, and a move that would change the period of an approved or
 * submitted report, or remove the period of any report, is refused (BF_ECONFLICT naming
 * it). Inside the caller's transaction (a write of rounds, an import, init). */
enum bf_status cycle_periods_default(struct app *app, struct bf_err *err);

/* ---- reports ---------------------------------------------------------------------------- */

struct cycle_list_req {
	const char *round, *period, *status, *group, *target, *prefecture;
	long limit, offset;
};
#define CYCLE_LIST_DEFAULT 100
#define CYCLE_LIST_MAX 10000
/* {"items":[reports without narrative and figures],"total"}: those who may read. */
enum bf_status cycle_reports_list(struct app *app, const struct principal *who,
				  const struct cycle_list_req *rq, json_t **out,
				  struct bf_err *err, struct cycle_fault *f);
/* The columns of a report in a list, for CSV (NULL-ended). */
extern const char *const cycle_report_columns[];
/* One report: the list's fields, the narrative, "figures" (counted now for a draft, frozen
 * for an approved one; "figures_frozen" says which), "contributions", "attachments", and
 * "actions": the transitions the reader may make now, "writes": {"narrative", "contribution",
 * "attachment"}, what it may write into the report now. */
enum bf_status cycle_report_get(struct app *app, const struct principal *who, const char *id,
				json_t **out, struct bf_err *err, struct cycle_fault *f);
/* body {"group", "period"}: 201 with the report. */
enum bf_status cycle_report_create(struct app *app, const struct principal *who,
				   const char *address, json_t *body, json_t **out,
				   struct bf_err *err, struct cycle_fault *f);
/* The narrative: body {"problems", "next_steps"} (the lead unit, an admin). */
enum bf_status cycle_report_update(struct app *app, const struct principal *who,
				   const char *address, const char *id, json_t *body,
				   json_t **out, struct bf_err *err, struct cycle_fault *f);
/* A unit's paragraph: body {"text"} (an admin gives "unit" too). */
enum bf_status cycle_report_contribute(struct app *app, const struct principal *who,
				       const char *address, const char *id, json_t *body,
				       json_t **out, struct bf_err *err, struct cycle_fault *f);
/* submit, return, approve or reopen (action as in cycle_actions; return and reopen need
 * body {"reason"}): the report with its new status. */
enum bf_status cycle_report_transition(struct app *app, const struct principal *who,
				       const char *address, const char *id, const char *action,
				       json_t *body, json_t **out, struct bf_err *err,
				       struct cycle_fault *f);
/* body {"ids":[...]}: every one approved in one transaction, or none (the first refusal
 * names its id). {"approved": N, "ids": [...]}. */
#define CYCLE_BULK_MAX 10000
enum bf_status cycle_reports_approve(struct app *app, const struct principal *who,
				     const char *address, json_t *body, json_t **out,
				     struct bf_err *err, struct cycle_fault *f);

/* ---- attachments ------------------------------------------------------------------------ */

struct cycle_limits {
	long file_max;   /* bytes per file */
	long report_max; /* bytes of all the report's attachments */
};
/* Attaches a file (PDF, DOCX, XLSX, JPEG, PNG by content) to report id: 201 with
 * {"id","report","unit","name","mime","size","created","account"}; 413 past a limit, 415 a
 * type not allowed, whatever its name. */
enum bf_status cycle_attachment_add(struct app *app, const struct principal *who,
				    const char *address, const char *id, const char *name,
				    const void *data, size_t len, const struct cycle_limits *lim,
				    json_t **out, struct bf_err *err, struct cycle_fault *f);
enum bf_status cycle_attachments_list(struct app *app, const struct principal *who,
				      const char *id, json_t **out, struct bf_err *err,
				      struct cycle_fault *f);
struct cycle_download {
	char name[256];
	char mime[100];
	void *data;
	size_t len;
};
/* An attachment's bytes (the caller frees data), for whoever may read its report. */
enum bf_status cycle_attachment_get(struct app *app, const struct principal *who,
				    const char *id, struct cycle_download *d, struct bf_err *err,
				    struct cycle_fault *f);

/* ---- the lock and the session's capabilities ------------------------------------------- */

/* BF_ECONFLICT (naming the period, the group and who can reopen it) when day (YYYY-MM-DD)
 * of target lies in a period whose report is approved; what and what_zh name the record
 * ("the resource dated 2024-03-01", "日期为2024-03-01的资源"). Call inside the write's transaction. A NULL target or day passes. */
enum bf_status cycle_lock_check(struct app *app, const char *target, const char *day,
				const char *what, const char *what_zh, struct bf_err *err);
/* What p may do in the cycle, for GET /api/v1/session: {"read": scope, "create", "submit",
 * "decide" (return, approve, bulk), "reopen", "periods_edit"}. */
json_t *cycle_capabilities(const struct principal *p);

/* ---- for app/assess ---------------------------------------------------------------------- */

struct cyc_figures;
/* The figures' resources by kind as {"funds": {"entries", "amount"}, ...} (every kind of
 * core/work, in its order), and in *yuan the amounts that are yuan (funds, investment). */
json_t *cycle_resources_json(const struct cyc_figures *g, int64_t *yuan);

#endif
