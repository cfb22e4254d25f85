/* app/cycle: the reporting cycle's use cases; see cycle.h. */
#include "app/cycle.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/query.h"
#include "app/req.h"
#include "core/work.h"
#include "store/cycle.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cycle_report_columns[] = {
	"id", "group", "round", "target", "target_name", "prefecture", "lead", "period",
	"period_name", "start", "end", "due", "status", "late", "reason", "updated", "submitted",
	"submitted_by", "decided", "decided_by", "contributions", "attachments", NULL
};

/* ---- helpers -------------------------------------------------------------------------- */

/* The shared request checks (app/req) with the field in the cycle's fault. */
static enum bf_status bad(struct bf_err *err, struct cycle_fault *f, const char *field,
			  const char *en, const char *zh)
{
	return req_bad(err, &f->field, field, en, zh);
}

static bool opt_string(json_t *body, const char *key, size_t max, const char **out,
		       struct bf_err *err, struct cycle_fault *f)
{
	return req_opt_string(body, key, max, out, err, &f->field);
}

static bool only_keys(json_t *body, const char *const *keys, struct bf_err *err,
		      struct cycle_fault *f)
{
	return req_only_keys(body, keys, err, &f->field);
}

static enum bf_status not_found(struct bf_err *err, const char *what, const char *id)
{
	bf_err_set(err, BF_ENOTFOUND, "no %s '%.40s'", what, id ? id : "");
	bf_err_zh(err, "没有编号为%.40s的%s", id ? id : "",
		  strcmp(what, "period") == 0 ? "报告期" : strcmp(what, "attachment") == 0 ? "附件"
											: "组团报告");
	return BF_ENOTFOUND;
}

static enum bf_status begin(struct app *app, struct bf_err *err)
{
	return store_begin(app->store, err);
}

/* ---- periods ------------------------------------------------------------------------- */

enum bf_status cycle_periods_list(struct app *app, const char *round, json_t **out,
				  struct bf_err *err)
{
	json_t *items = json_array();
	enum bf_status rc = cyc_periods_list(app->store, round, 0, query_row_json, items, err);
	*out = rc ? NULL : json_pack("{s:o, s:I}", "items", items, "total",
				     (json_int_t)json_array_size(items));
	if (rc)
		json_decref(items);
	return rc;
}

enum bf_status cycle_period_get(struct app *app, const char *id, json_t **out,
				struct bf_err *err)
{
	json_t *items = json_array();
	int64_t n;
	enum bf_status rc = BF_OK;

	*out = NULL;
	if (!req_parse_id(id, &n) ||
	    (rc = cyc_periods_list(app->store, NULL, n, query_row_json, items, err)) ||
	    !json_array_size(items)) {
		json_decref(items);
		return rc ? rc : not_found(err, "period", id);
	}
	*out = json_incref(json_array_get(items, 0));
	json_decref(items);
	return BF_OK;
}

/* A report on a round being cut again, against the new cut (rows): an approved or submitted
 * report keeps its period only if the new cut holds it unchanged (same name and dates), a
 * draft or returned one moves with its period's name (its figures are counted anew); any
 * other is refused (409), naming it. */
struct keep_ctx {
	const char *round, *start, *end;
	const struct cyc_period_row *rows;
	size_t n;
	struct bf_err *err;
	enum bf_status rc;
};

static void keep_report(void *ctx, const struct cyc_cell *c, int n)
{
	struct keep_ctx *k = ctx;
	const char *id = NULL, *group = "", *status = "", *name = "", *ps = "", *pe = "";
	const struct cyc_period_row *to = NULL;
	bool fixed;

	if (k->rc)
		return;
	for (int i = 0; i < n; i++) {
		const char *v = c[i].s;
		if (strcmp(c[i].name, "id") == 0) id = v;
		else if (strcmp(c[i].name, "group") == 0) group = v;
		else if (strcmp(c[i].name, "status") == 0) status = v;
		else if (strcmp(c[i].name, "period_name") == 0) name = v;
		else if (strcmp(c[i].name, "start") == 0) ps = v;
		else if (strcmp(c[i].name, "end") == 0) pe = v;
	}
	for (size_t i = 0; i < k->n && !to; i++)
		if (strcmp(k->rows[i].name, name) == 0)
			to = &k->rows[i];
	fixed = strcmp(status, "approved") == 0 || strcmp(status, "submitted") == 0;
	if (to && (!fixed || (strcmp(to->start, ps) == 0 && strcmp(to->end, pe) == 0)))
		return;
	k->rc = bf_err_set(k->err, BF_ECONFLICT,
			   "round %s cannot run from %s to %s: group %s's report %s (%s) is on the "
			   "period %s (%s to %s), which the new dates %s; %s",
			   k->round, k->start, k->end, group, id ? id : "?", status, name, ps, pe,
			   to ? "change" : "remove",
			   fixed ? "an approved or submitted report keeps its period: an admin "
				   "reopens it, or the office returns it, first"
				 : "change the dates so that the period remains");
	bf_err_zh(k->err, "轮次%s不能改为%s至%s：组团%s的报告（编号%s，%s）所在报告期%s（%s至%s）将被%s；%s",
		  k->round, k->start, k->end, group, id ? id : "?", status, name, ps, pe,
		  to ? "改变" : "删除",
		  fixed ? "已提交或已通过的报告须保持其报告期：请先由指挥部办公室退回或由管理员重新开放"
			: "请调整日期使该报告期保留");
}

/* Writes round's periods cut by kind, due due_days after each end. keep: the round's
 * reports stay on their periods (keep_report decides whether they can), else the round has
 * none. */
static enum bf_status cut(struct app *app, const char *round, int kind, int due_days,
			  bool keep, struct bf_err *err)
{
	char s[11], e[11];
	bf_day start, end;
	struct cycle_period *p = xcalloc(CYCLE_MAX_PERIODS, sizeof *p);
	struct cyc_period_row *rows = xcalloc(CYCLE_MAX_PERIODS, sizeof *rows);
	char (*dates)[3][11] = xcalloc(CYCLE_MAX_PERIODS, sizeof *dates);
	size_t n;
	enum bf_status rc;

	if ((rc = cyc_round_dates(app->store, round, s, e, err)))
		goto out;
	if (!date_parse(s, &start) || !date_parse(e, &end) ||
	    !(n = cycle_periods(start, end, kind, due_days, p, CYCLE_MAX_PERIODS))) {
		rc = bf_err_set(err, BF_EINPUT, "round %s (%s to %s) cannot be cut %s: at most %d "
						"periods",
				round, s, e, cycle_kinds[kind], CYCLE_MAX_PERIODS);
		bf_err_zh(err, "轮次%s无法按%s划分报告期（最多%d期）", round, cycle_kinds_zh[kind],
			  CYCLE_MAX_PERIODS);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		date_format(p[i].start, dates[i][0]);
		date_format(p[i].end, dates[i][1]);
		date_format(p[i].due, dates[i][2]);
		rows[i] = (struct cyc_period_row){ p[i].name, dates[i][0], dates[i][1], dates[i][2] };
	}
	if (!keep) {
		rc = cyc_periods_replace(app->store, round, cycle_kinds[kind], due_days, rows, n,
					 err);
	} else {
		struct keep_ctx k = { round, s, e, rows, n, err, BF_OK };
		if (!(rc = cyc_round_report_rows(app->store, round, keep_report, &k, err)) &&
		    !(rc = k.rc))
			rc = cyc_periods_merge(app->store, round, rows, n, err);
	}
out:
	free(p);
	free(rows);
	free(dates);
	return rc;
}

struct default_ctx {
	struct app *app;
	struct bf_err *err;
	enum bf_status rc;
};

static void default_cut(void *ctx, const char *round)
{
	struct default_ctx *d = ctx;
	if (!d->rc)
		d->rc = cut(d->app, round, CYCLE_DEFAULT_KIND, CYCLE_DEFAULT_DUE_DAYS, false, d->err);
}

/* A round whose dates moved is cut again as it was cut before (kind, due days). */
static void recut(void *ctx, const char *round)
{
	struct default_ctx *d = ctx;
	char kind[16] = "";
	int k = CYCLE_DEFAULT_KIND, due_days = CYCLE_DEFAULT_DUE_DAYS;

	if (d->rc)
		return;
	if (cyc_round_cycle(d->app->store, round, kind, &due_days) && cycle_kind_find(kind) >= 0)
		k = cycle_kind_find(kind);
	d->rc = cut(d->app, round, k, due_days, true, d->err);
}

enum bf_status cycle_periods_default(struct app *app, struct bf_err *err)
{
	struct default_ctx d = { app, err, BF_OK };
	enum bf_status rc = cyc_rounds_without_periods(app->store, default_cut, &d, err);
	if (!rc && !d.rc)
		rc = cyc_rounds_moved(app->store, recut, &d, err);
	return rc ? rc : d.rc;
}

enum bf_status cycle_periods_generate(struct app *app, const struct principal *who,
				      const char *address, json_t *body, json_t **out,
				      struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "round", "kind", "due_days", NULL };
	const char *round, *kind;
	json_t *dd = json_object_get(body, "due_days"), *after;
	int k = CYCLE_DEFAULT_KIND, due_days = CYCLE_DEFAULT_DUE_DAYS;
	enum bf_status rc;
	int64_t reports;

	*out = NULL;
	if (!only_keys(body, keys, err, f) || !opt_string(body, "round", 64, &round, err, f) ||
	    !opt_string(body, "kind", 16, &kind, err, f))
		return err->status;
	if (!round)
		return bad(err, f, "round", "give the round to cut into periods", "请给出轮次");
	if (kind && (k = cycle_kind_find(kind)) < 0)
		return bad(err, f, "kind", "give monthly, quarterly, half_yearly or yearly",
			   "应为 monthly（月度）、quarterly（季度）、half_yearly（半年）或 yearly（年度）");
	if (dd && (!json_is_integer(dd) || json_integer_value(dd) < 0 ||
		   json_integer_value(dd) > CYCLE_MAX_DUE_DAYS))
		return bad(err, f, "due_days", "give a whole number of days from 0 to 366",
			   "应为0至366的整数天数");
	if (dd)
		due_days = (int)json_integer_value(dd);
	if ((rc = begin(app, err)))
		return rc;
	reports = cyc_round_reports(app->store, round);
	if (reports > 0) {
		f->field = "round";
		rc = bf_err_set(err, BF_ECONFLICT, "round %s already has %lld group reports on its "
						   "periods: its periods cannot be cut again",
				round, (long long)reports);
		bf_err_zh(err, "轮次%s的报告期已有%lld份组团报告，不能重新划分", round,
			  (long long)reports);
	} else if ((rc = cut(app, round, k, due_days, false, err))) {
		f->field = rc == BF_ENOTFOUND ? "round" : NULL;
		if (rc == BF_ENOTFOUND)
			bf_err_zh(err, "没有轮次%s", round);
	} else {
		after = json_pack("{s:s, s:i}", "kind", cycle_kinds[k], "due_days", due_days);
		rc = audit_append(app->store, who->name, address, "generate", "period", round, NULL,
				  after, err);
		json_decref(after);
	}
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return cycle_periods_list(app, round, out, err);
}

enum bf_status cycle_period_update(struct app *app, const struct principal *who,
				   const char *address, const char *id, json_t *body,
				   json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "name", "due", NULL };
	const char *name, *due;
	json_t *before = NULL;
	bf_day d;
	enum bf_status rc;
	int64_t n;

	*out = NULL;
	if (!only_keys(body, keys, err, f) || !opt_string(body, "name", 32, &name, err, f) ||
	    !opt_string(body, "due", 10, &due, err, f))
		return err->status;
	if (name && !*name)
		return bad(err, f, "name", "give a name (2024Q1)", "请给出名称（如2024Q1）");
	if (due && !date_parse(due, &d))
		return bad(err, f, "due", "give a date YYYY-MM-DD", "应为日期 YYYY-MM-DD");
	if ((rc = cycle_period_get(app, id, &before, err)))
		return rc;
	req_parse_id(id, &n);
	if (!(rc = begin(app, err)) && !(rc = cyc_period_update(app->store, n, name, due, err))) {
		json_t *after = json_pack("{s:s?, s:s?}", "name", name, "due", due);
		rc = audit_append(app->store, who->name, address, "update", "period", id, before,
				  after, err);
		json_decref(after);
	}
	json_decref(before);
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return cycle_period_get(app, id, out, err);
}

/* ---- reading reports ------------------------------------------------------------------------ */

static void today(char out[11])
{
	date_format(date_today(), out);
}

/* Narrows f to what who may read. */
static void scope(struct cyc_filter *f, const struct principal *who)
{
	if (who->role == ACC_UNIT)
		f->scope_unit = who->unit ? who->unit : "";
	else if (who->role == ACC_COUNTY)
		f->scope_target = who->target ? who->target : "";
}

static void tidy(json_t *o, bool whole)
{
	json_object_set_new(o, "late", json_boolean(json_integer_value(json_object_get(o, "late"))));
	if (!whole) {
		json_object_del(o, "problems");
		json_object_del(o, "next_steps");
		json_object_del(o, "figures");
	}
}

enum bf_status cycle_reports_list(struct app *app, const struct principal *who,
				  const struct cycle_list_req *rq, json_t **out,
				  struct bf_err *err, struct cycle_fault *f)
{
	struct cyc_filter fl = { 0 };
	json_t *items = json_array(), *it;
	int64_t total = 0;
	char day[11];
	enum bf_status rc;
	size_t i;

	*out = NULL;
	today(day);
	fl.round = rq->round;
	fl.status = rq->status;
	fl.group = rq->group;
	fl.target = rq->target;
	fl.prefecture = rq->prefecture;
	fl.limit = rq->limit ? rq->limit : CYCLE_LIST_DEFAULT;
	fl.offset = rq->offset;
	fl.today = day;
	if (rq->status && cycle_status_find(rq->status) < 0)
		rc = bad(err, f, "status", "give draft, submitted, returned or approved",
			 "应为 draft、submitted、returned 或 approved");
	else if (rq->period && !req_parse_id(rq->period, &fl.period))
		rc = bad(err, f, "period", "give a period's id (GET /api/v1/periods)",
			 "应为报告期编号");
	else if (fl.limit < 0 || fl.limit > CYCLE_LIST_MAX || fl.offset < 0)
		rc = bad(err, f, "limit", "give a limit from 1 to 10000", "应为1至10000");
	else {
		scope(&fl, who);
		rc = cyc_reports_list(app->store, &fl, query_row_json, items, &total, err);
	}
	if (rc) {
		json_decref(items);
		return rc;
	}
	json_array_foreach(items, i, it)
		tidy(it, false);
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)total);
	return BF_OK;
}

/* The report id as a JSON object (the whole row), NULL if there is none. */
static json_t *load(struct app *app, int64_t id, struct bf_err *err, enum bf_status *rc)
{
	struct cyc_filter fl = { 0 };
	json_t *items = json_array(), *o = NULL;
	int64_t total;
	char day[11];

	today(day);
	fl.id = id;
	fl.today = day;
	if (!(*rc = cyc_reports_list(app->store, &fl, query_row_json, items, &total, err)) &&
	    json_array_size(items))
		o = json_incref(json_array_get(items, 0));
	json_decref(items);
	return o;
}

/* The reader's relation to the report's group. */
static struct cycle_actor actor_of(struct app *app, const struct principal *who, json_t *rep)
{
	struct cycle_actor a = { who, false, false, false };
	if (who->role == ACC_UNIT) {
		int role = cyc_member_role(app->store, req_str(rep, "group"), who->unit);
		a.member = role >= 0;
		a.lead = role == 1;
	} else if (who->role == ACC_COUNTY) {
		a.county = who->target && strcmp(who->target, req_str(rep, "target")) == 0;
	}
	return a;
}

/* The report id that who may read, with who's relation to it; 404 otherwise. */
static json_t *readable(struct app *app, const struct principal *who, const char *id,
			struct cycle_actor *a, int64_t *n, struct bf_err *err)
{
	enum bf_status rc = BF_OK;
	json_t *rep = NULL;

	if (!req_parse_id(id, n) || !(rep = load(app, *n, err, &rc))) {
		if (!rc)
			not_found(err, "group report", id);
		return NULL;
	}
	*a = actor_of(app, who, rep);
	if (!cycle_can_read(a)) {
		json_decref(rep);
		not_found(err, "group report", id);
		return NULL;
	}
	return rep;
}

json_t *cycle_resources_json(const struct cyc_figures *g, int64_t *yuan)
{
	json_t *res = json_object();

	*yuan = 0;
	for (size_t k = 0; work_kinds[k]; k++) {
		int64_t n = 0, amount = 0;
		for (size_t i = 0; i < g->nkind; i++)
			if (strcmp(g->kind[i].name, work_kinds[k]) == 0) {
				n = g->kind[i].n;
				amount = g->kind[i].amount;
			}
		if (work_kind_is_yuan(work_kinds[k]))
			*yuan += amount;
		json_object_set_new(res, work_kinds[k],
				    json_pack("{s:I, s:I}", "entries", (json_int_t)n, "amount",
					      (json_int_t)amount));
	}
	return res;
}

/* The figures as JSON. */
static json_t *figures_json(const struct cyc_figures *g)
{
	json_t *measures = json_array();
	int64_t yuan;
	json_t *res = cycle_resources_json(g, &yuan);

	for (size_t i = 0; i < g->nmeasure; i++)
		json_array_append_new(measures,
				      json_pack("{s:s, s:I, s:I}", "measure", g->measure[i].name,
						"commitments", (json_int_t)g->measure[i].n, "value",
						(json_int_t)g->measure[i].value));
	return json_pack("{s:{s:I, s:I, s:I, s:I}, s:o, s:o, s:I, s:I, s:{s:I, s:I, s:I}}",
			 "commitments", "created", (json_int_t)g->created, "delivered",
			 (json_int_t)g->delivered, "confirmed", (json_int_t)g->confirmed,
			 "open_due", (json_int_t)g->open_due, "delivered_values", measures,
			 "resources", res, "yuan", (json_int_t)yuan, "policies",
			 (json_int_t)g->policies, "cadres", "arrived", (json_int_t)g->arrived,
			 "left", (json_int_t)g->left, "on_post", (json_int_t)g->on_post);
}

static enum bf_status count_figures(struct app *app, json_t *rep, json_t **fig,
				    struct bf_err *err)
{
	struct cyc_figures g;
	enum bf_status rc = cyc_figures(app->store, req_str(rep, "round"), req_str(rep, "target"),
					req_str(rep, "group"), req_str(rep, "start"), req_str(rep, "end"),
					&g, err);
	*fig = rc ? NULL : figures_json(&g);
	return rc;
}

static json_t *actions_of(const struct cycle_actor *a, int status)
{
	json_t *acts = json_array();
	for (int k = 0; k < CA_N; k++) {
		struct cycle_fault f;
		struct bf_err e;
		int to;
		bf_err_init(&e);
		cycle_fault_init(&f);
		if (!cycle_transition(a, status, k, &to, &f, &e))
			json_array_append_new(acts, json_string(cycle_actions[k]));
		bf_err_release(&e);
	}
	return acts;
}

/* What the reader may write into the report now (cycle_may_write): {"narrative",
 * "contribution", "attachment"}, so a page offers only the forms the API will take. */
static json_t *writes_of(const struct cycle_actor *a, int status)
{
	static const char *const parts[] = { "narrative", "contribution", "attachment" };
	json_t *w = json_object();
	for (int k = CP_NARRATIVE; k <= CP_ATTACHMENT; k++) {
		struct bf_err e;
		bf_err_init(&e);
		json_object_set_new(w, parts[k], json_boolean(!cycle_may_write(a, status, k, "", &e)));
		bf_err_release(&e);
	}
	return w;
}

/* The whole report: figures, paragraphs, attachments, the reader's actions and writes. */
static enum bf_status whole(struct app *app, const struct cycle_actor *a, json_t *rep,
			    struct bf_err *err)
{
	json_t *fig = NULL, *contrib = json_array(), *att = json_array();
	const char *frozen = json_string_value(json_object_get(rep, "figures"));
	int64_t id = json_integer_value(json_object_get(rep, "id"));
	enum bf_status rc;

	if (frozen)
		fig = json_loads(frozen, 0, NULL);
	rc = fig ? BF_OK : count_figures(app, rep, &fig, err);
	if (!rc)
		rc = cyc_contributions(app->store, id, query_row_json, contrib, err);
	if (!rc)
		rc = cyc_attachments(app->store, id, query_row_json, att, err);
	tidy(rep, true);
	json_object_set_new(rep, "figures", fig ? fig : json_null());
	json_object_set_new(rep, "figures_frozen", json_boolean(frozen != NULL));
	json_object_set_new(rep, "contributions", contrib);
	json_object_set_new(rep, "attachments", att);
	json_object_set_new(rep, "actions",
			    actions_of(a, cycle_status_find(req_str(rep, "status"))));
	json_object_set_new(rep, "writes", writes_of(a, cycle_status_find(req_str(rep, "status"))));
	return rc;
}

enum bf_status cycle_report_get(struct app *app, const struct principal *who, const char *id,
				json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	struct cycle_actor a;
	int64_t n;
	json_t *rep;
	enum bf_status rc;

	(void)f;
	*out = NULL;
	if (!(rep = readable(app, who, id, &a, &n, err)))
		return err->status;
	/* one read transaction: the figures and the report seen in one state */
	if ((rc = whole(app, &a, rep, err))) {
		json_decref(rep);
		return rc;
	}
	*out = rep;
	return BF_OK;
}

/* The report as it is after a write (for the answer). */
static enum bf_status answer(struct app *app, const struct principal *who, int64_t id,
			     json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)id);
	return cycle_report_get(app, who, key, out, err, f);
}

/* ---- writing reports ----------------------------------------------------------------------- */

static void now_utc(char out[21])
{
	date_now_utc(out);
}

enum bf_status cycle_report_create(struct app *app, const struct principal *who,
				   const char *address, json_t *body, json_t **out,
				   struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "group", "period", NULL };
	const char *group;
	json_t *pv = json_object_get(body, "period"), *after;
	char round[64], target[16], pround[64], now[21], key[24];
	struct cycle_actor a = { who, false, false, false };
	int64_t period, id = 0, old;
	enum bf_status rc;

	*out = NULL;
	if (!only_keys(body, keys, err, f) || !opt_string(body, "group", 64, &group, err, f))
		return err->status;
	if (!group)
		return bad(err, f, "group", "give the group's id", "请给出组团编号");
	if (!json_is_integer(pv) || (period = json_integer_value(pv)) <= 0)
		return bad(err, f, "period", "give the period's id (a number: GET /api/v1/periods)",
			   "请给出报告期编号（数字）");
	if ((rc = begin(app, err)))
		return rc;
	if (!cyc_group(app->store, group, round, target)) {
		rc = bad(err, f, "group", "no such group", "没有该组团");
		goto out;
	}
	if (who->role == ACC_UNIT) {
		int role = cyc_member_role(app->store, group, who->unit);
		a.member = role >= 0;
		a.lead = role == 1;
	}
	if (!cycle_can_create(&a)) {
		rc = bf_err_set(err, BF_EFORBIDDEN, "a group report is created by the office or the "
						    "group's units, not by %s",
				access_roles[who->role]);
		bf_err_zh(err, "组团报告由指挥部办公室或本组团的帮扶单位创建");
		goto out;
	}
	if (!cyc_period_round(app->store, period, pround) || strcmp(pround, round) != 0) {
		char en[160];
		snprintf(en, sizeof en, "no period %lld of the group's round %s", (long long)period,
			 round);
		rc = bad(err, f, "period", en, "该组团所在轮次没有此报告期");
		goto out;
	}
	if ((old = cyc_report_find(app->store, group, period))) {
		f->field = "period";
		rc = bf_err_set(err, BF_ECONFLICT, "group %s already has a report for period %lld: "
						   "report %lld",
				group, (long long)period, (long long)old);
		bf_err_zh(err, "组团%s在该报告期已有报告（编号%lld）", group, (long long)old);
		goto out;
	}
	now_utc(now);
	if ((rc = cyc_report_insert(app->store, group, period, now, who->name, &id, err)))
		goto out;
	snprintf(key, sizeof key, "%lld", (long long)id);
	after = json_pack("{s:s, s:I, s:s}", "group", group, "period", (json_int_t)period, "status",
			  "draft");
	rc = audit_append(app->store, who->name, address, "create", "group_report", key, NULL,
			  after, err);
	json_decref(after);
out:
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return answer(app, who, id, out, err, f);
}

/* Loads report id for a write in the open transaction: readable by who, and who may write
 * part of it in its state. */
static json_t *writable(struct app *app, const struct principal *who, const char *id, int part,
			struct cycle_actor *a, int64_t *n, struct bf_err *err)
{
	json_t *rep = readable(app, who, id, a, n, err);
	if (rep && cycle_may_write(a, cycle_status_find(req_str(rep, "status")), part,
				   req_str(rep, "period_name"), err)) {
		json_decref(rep);
		return NULL;
	}
	return rep;
}

enum bf_status cycle_report_update(struct app *app, const struct principal *who,
				   const char *address, const char *id, json_t *body,
				   json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "problems", "next_steps", NULL };
	struct cyc_report_set v = { 0 };
	struct cycle_actor a;
	json_t *rep = NULL;
	char now[21];
	int64_t n = 0;
	enum bf_status rc;

	*out = NULL;
	if (!only_keys(body, keys, err, f) ||
	    !opt_string(body, "problems", 20000, &v.problems, err, f) ||
	    !opt_string(body, "next_steps", 20000, &v.next_steps, err, f))
		return err->status;
	if ((rc = begin(app, err)))
		return rc;
	if (!(rep = writable(app, who, id, CP_NARRATIVE, &a, &n, err))) {
		rc = err->status;
	} else {
		json_t *before = json_pack("{s:s, s:s}", "problems", req_str(rep, "problems"),
					   "next_steps", req_str(rep, "next_steps"));
		json_t *after = json_pack("{s:s?, s:s?}", "problems", v.problems, "next_steps",
					  v.next_steps);
		now_utc(now);
		if (!(rc = cyc_report_update(app->store, n, &v, now, err)))
			rc = audit_append(app->store, who->name, address, "update", "group_report",
					  id, before, after, err);
		json_decref(before);
		json_decref(after);
	}
	json_decref(rep);
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return answer(app, who, n, out, err, f);
}

enum bf_status cycle_report_contribute(struct app *app, const struct principal *who,
				       const char *address, const char *id, json_t *body,
				       json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "text", "unit", NULL };
	const char *txt, *unit;
	struct cycle_actor a;
	json_t *rep = NULL;
	char now[21], key[96];
	int64_t n = 0;
	enum bf_status rc;

	*out = NULL;
	if (!only_keys(body, keys, err, f) || !opt_string(body, "text", 20000, &txt, err, f) ||
	    !opt_string(body, "unit", 32, &unit, err, f))
		return err->status;
	if (!txt)
		return bad(err, f, "text", "give the unit's paragraph", "请填写本单位的段落");
	if (who->role == ACC_UNIT) {
		if (unit && (!who->unit || strcmp(unit, who->unit) != 0))
			return bad(err, f, "unit", "a unit writes its own paragraph only",
				   "帮扶单位只能填写本单位的段落");
		unit = who->unit;
	}
	if ((rc = begin(app, err)))
		return rc;
	if (!(rep = writable(app, who, id, CP_CONTRIBUTION, &a, &n, err))) {
		rc = err->status;
	} else if (!unit || cyc_member_role(app->store, req_str(rep, "group"), unit) < 0) {
		rc = bad(err, f, "unit", "give a unit of the report's group", "应为本组团的帮扶单位");
	} else {
		json_t *after = json_pack("{s:s, s:s}", "unit", unit, "text", txt);
		now_utc(now);
		snprintf(key, sizeof key, "%s/%s", id, unit);
		if (!(rc = cyc_contribution_put(app->store, n, unit, txt, now, who->name, err)) &&
		    !(rc = cyc_report_update(app->store, n, &(struct cyc_report_set){ 0 }, now, err)))
			rc = audit_append(app->store, who->name, address, "contribute",
					  "group_report", key, NULL, after, err);
		json_decref(after);
	}
	json_decref(rep);
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return answer(app, who, n, out, err, f);
}

/* Moves the loaded report rep by action, in the open transaction, and audits it. */
static enum bf_status move(struct app *app, const struct cycle_actor *a, const char *address,
			   json_t *rep, int action, const char *reason, const char *now,
			   struct bf_err *err, struct cycle_fault *f)
{
	struct cyc_report_set v = { 0 };
	int64_t n = json_integer_value(json_object_get(rep, "id"));
	int from = cycle_status_find(req_str(rep, "status")), to;
	char *frozen = NULL, key[24];
	json_t *before, *after, *fig = NULL;
	enum bf_status rc;

	if ((rc = cycle_transition(a, from, action, &to, f, err)))
		return rc;
	v.status = cycle_statuses[to];
	switch (action) {
	case CA_SUBMIT:
		v.submitted = now;
		v.submitted_by = a->p->name;
		v.reason = "";
		break;
	case CA_APPROVE:
		if ((rc = count_figures(app, rep, &fig, err)))
			return rc;
		frozen = json_dumps(fig, JSON_COMPACT);
		v.figures = frozen;
		v.decided = now;
		v.decided_by = a->p->name;
		break;
	default: /* return, reopen */
		v.reason = reason;
		v.clear_figures = action == CA_REOPEN;
		v.decided = now;
		v.decided_by = a->p->name;
	}
	snprintf(key, sizeof key, "%lld", (long long)n);
	before = json_pack("{s:s}", "status", cycle_statuses[from]);
	after = json_pack("{s:s, s:s?, s:o?}", "status", v.status, "reason", reason, "figures",
			  fig);
	if (!(rc = cyc_report_update(app->store, n, &v, now, err)))
		rc = audit_append(app->store, a->p->name, address, cycle_actions[action],
				  "group_report", key, before, after, err);
	json_decref(before);
	json_decref(after);
	free(frozen);
	return rc;
}

enum bf_status cycle_report_transition(struct app *app, const struct principal *who,
				       const char *address, const char *id, const char *action,
				       json_t *body, json_t **out, struct bf_err *err,
				       struct cycle_fault *f)
{
	static const char *const keys[] = { "reason", NULL };
	int act = cycle_action_find(action);
	const char *reason = NULL;
	struct cycle_actor a;
	json_t *rep;
	char now[21];
	int64_t n = 0;
	enum bf_status rc;

	*out = NULL;
	if (act < 0)
		return not_found(err, "group report action", action);
	if (body && (!only_keys(body, keys, err, f) ||
		     !opt_string(body, "reason", 2000, &reason, err, f)))
		return err->status;
	if (cycle_action_needs_reason(act) && (!reason || !*reason))
		return bad(err, f, "reason", "give the reason (it is shown to the group and kept)",
			   "请填写理由（会显示给组团并留档）");
	if (!cycle_action_needs_reason(act))
		reason = NULL;
	if ((rc = begin(app, err)))
		return rc;
	if (!(rep = readable(app, who, id, &a, &n, err))) {
		rc = err->status;
	} else {
		now_utc(now);
		rc = move(app, &a, address, rep, act, reason, now, err, f);
		json_decref(rep);
	}
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return answer(app, who, n, out, err, f);
}

enum bf_status cycle_reports_approve(struct app *app, const struct principal *who,
				     const char *address, json_t *body, json_t **out,
				     struct bf_err *err, struct cycle_fault *f)
{
	static const char *const keys[] = { "ids", NULL };
	json_t *ids = json_object_get(body, "ids"), *v, *items = NULL, *it, *done;
	struct cyc_filter fl = { 0 };
	struct cycle_actor a = { who, false, false, false };
	int64_t *list = NULL, total;
	size_t i, n;
	char now[21], day[11];
	enum bf_status rc = BF_OK;

	*out = NULL;
	if (!only_keys(body, keys, err, f))
		return err->status;
	if (!json_is_array(ids) || !(n = json_array_size(ids)) || n > CYCLE_BULK_MAX)
		return bad(err, f, "ids", "give the reports' ids as an array of 1 to 10000 numbers",
			   "请以数组给出1至10000个报告编号");
	list = xcalloc(n, sizeof *list);
	json_array_foreach(ids, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			char field[32];
			snprintf(field, sizeof field, "ids[%zu]", i);
			free(list);
			f->field = "ids";
			bf_err_set(err, BF_EINPUT, "%s: give a report's id (a number)", field);
			bf_err_zh(err, "%s：应为报告编号（数字）", field);
			return BF_EINPUT;
		}
		list[i] = json_integer_value(v);
	}
	if ((rc = begin(app, err)))
		goto out;
	today(day);
	fl.ids = list;
	fl.nids = n;
	fl.today = day;
	items = json_array();
	if ((rc = cyc_reports_list(app->store, &fl, query_row_json, items, &total, err)))
		goto out;
	if ((size_t)total != n) { /* an unknown id, or one given twice */
		for (i = 0; i < n; i++) {
			size_t k, seen = 0;
			json_array_foreach(items, k, it)
				seen += json_integer_value(json_object_get(it, "id")) == list[i];
			if (seen != 1)
				break;
		}
		f->field = "ids";
		rc = bf_err_set(err, BF_EINPUT, "ids: report %lld does not exist or is given twice",
				(long long)(i < n ? list[i] : 0));
		bf_err_zh(err, "ids：报告%lld不存在或重复给出", (long long)(i < n ? list[i] : 0));
		goto out;
	}
	now_utc(now);
	json_array_foreach(items, i, it)
		if ((rc = move(app, &a, address, it, CA_APPROVE, NULL, now, err, f))) {
			buf_addf(&err->msg, " (report %lld: nothing was approved)",
				 (long long)json_integer_value(json_object_get(it, "id")));
			bf_err_zh(err, "报告%lld不能通过，本批均未通过",
				  (long long)json_integer_value(json_object_get(it, "id")));
			goto out;
		}
out:
	json_decref(items);
	if (!(rc = app_finish(app, rc, err))) {
		done = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(done, json_integer(list[i]));
		*out = json_pack("{s:I, s:o, s:s}", "approved", (json_int_t)n, "ids", done,
				 "status", "approved");
	}
	free(list);
	return rc;
}

/* ---- attachments ---------------------------------------------------------------------------- */

enum bf_status cycle_attachment_add(struct app *app, const struct principal *who,
				    const char *address, const char *id, const char *name,
				    const void *data, size_t len, const struct cycle_limits *lim,
				    json_t **out, struct bf_err *err, struct cycle_fault *f)
{
	const char *mime = cycle_sniff(data, len);
	struct cycle_actor a;
	json_t *rep = NULL, *after, *items;
	char now[21], key[24];
	int64_t n = 0, aid = 0, used;
	enum bf_status rc;

	*out = NULL;
	if (!name || !*name || strlen(name) > 200)
		return bad(err, f, "name", "give the file's name (at most 200 bytes)",
			   "请给出文件名（不超过200字节）");
	if ((long)len > lim->file_max) {
		f->http = 413;
		f->field = "file";
		bf_err_set(err, BF_EINPUT, "%s is %zu bytes: an attachment may have at most %ld",
			   name, len, lim->file_max);
		bf_err_zh(err, "%s大小为%zu字节，单个附件不得超过%ld字节", name, len, lim->file_max);
		return BF_EINPUT;
	}
	if (!mime) {
		f->http = 415;
		f->field = "file";
		bf_err_set(err, BF_EINPUT, "%s is not a PDF, DOCX, XLSX, JPEG or PNG file (judged by "
					   "its content, not its name)",
			   name);
		bf_err_zh(err, "%s不是PDF、DOCX、XLSX、JPEG或PNG文件（按文件内容判断，而非文件名）",
			  name);
		return BF_EINPUT;
	}
	if ((rc = begin(app, err)))
		return rc;
	if (!(rep = writable(app, who, id, CP_ATTACHMENT, &a, &n, err))) {
		rc = err->status;
		goto out;
	}
	used = cyc_attachment_bytes(app->store, n);
	if (used + (int64_t)len > lim->report_max) {
		f->http = 413;
		f->field = "file";
		rc = bf_err_set(err, BF_EINPUT, "report %s already has %lld bytes of attachments: "
						"with %s (%zu bytes) it would pass its limit of %ld",
				id, (long long)used, name, len, lim->report_max);
		bf_err_zh(err, "报告%s已有附件%lld字节，再加%s（%zu字节）将超过每份报告%ld字节的上限", id,
			  (long long)used, name, len, lim->report_max);
		goto out;
	}
	now_utc(now);
	if ((rc = cyc_attachment_insert(app->store, n, who->role == ACC_UNIT ? who->unit : NULL,
					name, mime, data, len, now, who->name, &aid, err)) ||
	    (rc = cyc_report_update(app->store, n, &(struct cyc_report_set){ 0 }, now, err)))
		goto out;
	snprintf(key, sizeof key, "%lld", (long long)n);
	after = json_pack("{s:I, s:s, s:s, s:I}", "attachment", (json_int_t)aid, "name", name,
			  "mime", mime, "size", (json_int_t)len);
	rc = audit_append(app->store, who->name, address, "attach", "group_report", key, NULL,
			  after, err);
	json_decref(after);
out:
	json_decref(rep);
	if ((rc = app_finish(app, rc, err)))
		return rc;
	items = json_array();
	if (!(rc = cyc_attachments(app->store, n, query_row_json, items, err))) {
		size_t i;
		json_t *it;
		json_array_foreach(items, i, it)
			if (json_integer_value(json_object_get(it, "id")) == aid)
				*out = json_incref(it);
	}
	json_decref(items);
	return rc;
}

enum bf_status cycle_attachments_list(struct app *app, const struct principal *who,
				      const char *id, json_t **out, struct bf_err *err,
				      struct cycle_fault *f)
{
	struct cycle_actor a;
	int64_t n;
	json_t *rep, *items;
	enum bf_status rc;

	(void)f;
	*out = NULL;
	if (!(rep = readable(app, who, id, &a, &n, err)))
		return err->status;
	json_decref(rep);
	items = json_array();
	if ((rc = cyc_attachments(app->store, n, query_row_json, items, err))) {
		json_decref(items);
		return rc;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total",
			 (json_int_t)json_array_size(items));
	return BF_OK;
}

enum bf_status cycle_attachment_get(struct app *app, const struct principal *who,
				    const char *id, struct cycle_download *d, struct bf_err *err,
				    struct cycle_fault *f)
{
	struct cycle_actor a;
	int64_t n, report;
	char key[24];
	json_t *rep;

	(void)f;
	memset(d, 0, sizeof *d);
	if (!req_parse_id(id, &n))
		return not_found(err, "attachment", id);
	if (cyc_attachment_get(app->store, n, &report, d->name, d->mime, &d->data, &d->len, err)) {
		bf_err_release(err);
		return not_found(err, "attachment", id);
	}
	snprintf(key, sizeof key, "%lld", (long long)report);
	if (!(rep = readable(app, who, key, &a, &n, err))) {
		free(d->data);
		d->data = NULL;
		bf_err_release(err);
		return not_found(err, "attachment", id);
	}
	json_decref(rep);
	return BF_OK;
}

/* ---- lock, capabilities ------------------------------------------------------------------ */

enum bf_status cycle_lock_check(struct app *app, const char *target, const char *day,
				const char *what, const char *what_zh, struct bf_err *err)
{
	char group[64], period[32], s[11], e[11];
	bf_day ds, de;
	int64_t rep;

	if (!target || !day || !*day)
		return BF_OK;
	if (!(rep = cyc_lock_find(app->store, target, day, group, period, s, e)))
		return BF_OK;
	date_parse(s, &ds);
	date_parse(e, &de);
	return cycle_locked_fail(err, what, what_zh, period, ds, de, group, (long long)rep);
}

json_t *cycle_capabilities(const struct principal *p)
{
	return json_pack("{s:s, s:b, s:b, s:b, s:b, s:b}", "read",
			 access_scopes[cycle_read_scope(p)], "create",
			 p->role == ACC_ADMIN || p->role == ACC_PLANNER || p->role == ACC_UNIT,
			 "submit", cycle_role_may(p, CA_SUBMIT), "decide",
			 cycle_role_may(p, CA_APPROVE), "reopen", cycle_role_may(p, CA_REOPEN),
			 "periods_edit", p->role == ACC_ADMIN);
}
