/* app/assess: the assessments' use cases; see assess.h. */
#include "app/assess.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/cycle.h"
#include "app/query.h"
#include "app/req.h"
#include "core/assess.h"
#include "core/work.h"
#include "store/assess.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const assess_columns[] = {
	"id", "group", "round", "target", "target_name", "prefecture", "lead", "lead_name", "kind",
	"year", "start", "end", "grade", "comment", "graded", "graded_by", "evidence_frozen",
	"commitments_due", "commitments_delivered", "commitments_confirmed",
	"commitments_dropped", "commitments_open", "measures_text", "funds", "investment",
	"project", "enterprise", "talent", "training", "yuan", "policies", "reports_on_time",
	"reports_late", "reports_missing", "reports_not_due", "indicators_text", NULL
};

/* ---- helpers -------------------------------------------------------------------------- */

static enum bf_status not_found(struct bf_err *err, const char *id)
{
	bf_err_set(err, BF_ENOTFOUND, "no assessment '%.40s'", id ? id : "");
	bf_err_zh(err, "没有编号为%.40s的考核", id ? id : "");
	return BF_ENOTFOUND;
}

static enum bf_status forbidden(struct bf_err *err, const struct principal *who)
{
	bf_err_set(err, BF_EFORBIDDEN, "assessments are created and graded by the command office "
				       "(admin, planner), not by %s",
		   access_roles[who->role]);
	bf_err_zh(err, "考核由指挥部办公室创建和评定");
	return BF_EFORBIDDEN;
}

/* Narrows f to what who may read (core/assess decides the scope). */
static void scope(struct asr_filter *f, const struct principal *who)
{
	switch (assess_read_scope(who)) {
	case SCOPE_ALL: break;
	case SCOPE_UNIT: f->scope_unit = who->unit ? who->unit : ""; break;
	case SCOPE_TARGET: f->scope_target = who->target ? who->target : ""; break;
	default: f->scope_target = ""; break; /* nothing */
	}
}

/* ---- evidence ------------------------------------------------------------------------------ */

static json_t *commitments_json(const struct asr_commitments *c)
{
	json_t *m = json_array();
	for (size_t i = 0; i < c->nmeasure; i++)
		json_array_append_new(m, json_pack("{s:s, s:I, s:I, s:I}", "measure",
						   c->measure[i].name, "commitments",
						   (json_int_t)c->measure[i].n, "target_value",
						   (json_int_t)c->measure[i].target,
						   "delivered_value",
						   (json_int_t)c->measure[i].delivered));
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "due", (json_int_t)c->due,
			 "planned", (json_int_t)(c->due - c->dropped), "delivered",
			 (json_int_t)c->delivered, "confirmed", (json_int_t)c->confirmed,
			 "dropped", (json_int_t)c->dropped, "open", (json_int_t)c->open,
			 "measures", m);
}

struct reports_ctx {
	json_t *items;
	int64_t n[AV_N];
	bf_day today;
};

static void report_row(void *ctx, const struct cyc_cell *c, int n)
{
	struct reports_ctx *r = ctx;
	json_t *o = json_object();
	bf_day due = BF_DAY_NONE, sub = BF_DAY_NONE;
	enum assess_verdict v;

	for (int i = 0; i < n; i++) {
		if (strcmp(c[i].name, "due") == 0)
			date_parse(c[i].s, &due);
		if (strcmp(c[i].name, "submitted") == 0 && c[i].type != 5)
			date_parse(c[i].s, &sub);
		if (strcmp(c[i].name, "start") == 0 || strcmp(c[i].name, "end") == 0)
			continue;
		json_object_set_new(o, c[i].name, query_cell_json(&c[i]));
	}
	v = assess_report_verdict(sub, due, r->today);
	r->n[v]++;
	json_object_set_new(o, "verdict", json_string(assess_verdicts[v]));
	json_array_append_new(r->items, o);
}

/* One indicator value read from the store. */
struct ind {
	char scope[16], name[64], unit[32];
	int year;
	double value;
};
struct inds {
	struct ind *v;
	size_t n, cap;
};

static void ind_row(void *ctx, const struct cyc_cell *c, int n)
{
	struct inds *s = ctx;
	struct ind *x;
	void *p = s->v;
	xgrow(&p, &s->cap, s->n + 1, sizeof *s->v);
	s->v = p;
	x = &s->v[s->n++];
	memset(x, 0, sizeof *x);
	for (int i = 0; i < n; i++) {
		if (strcmp(c[i].name, "scope") == 0)
			snprintf(x->scope, sizeof x->scope, "%s", c[i].s);
		else if (strcmp(c[i].name, "name") == 0)
			snprintf(x->name, sizeof x->name, "%s", c[i].s);
		else if (strcmp(c[i].name, "unit") == 0)
			snprintf(x->unit, sizeof x->unit, "%s", c[i].s);
		else if (strcmp(c[i].name, "year") == 0)
			x->year = (int)c[i].i;
		else if (strcmp(c[i].name, "value") == 0)
			x->value = strtod(c[i].s, NULL);
	}
}

static const struct ind *ind_at(const struct inds *s, const char *scope, const char *name,
				int year)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].year == year && strcmp(s->v[i].scope, scope) == 0 &&
		    strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

static json_t *pct(double from, double to)
{
	double p;
	return assess_change_pct(from, to, &p) ? json_real(p) : json_null();
}

/* The target's indicators: for each name, the value of the baseline year (or the latest
 * before it) and the latest after it up to the last year, with the province's change over the
 * same two years (as `bangfu report indicators` counts them). */
static json_t *indicators_json(const struct inds *s, const char *target, int base, int last)
{
	json_t *items = json_array();
	size_t i = 0;

	while (i < s->n && strcmp(s->v[i].scope, target) == 0) {
		const char *name = s->v[i].name;
		const struct ind *b = NULL, *l = NULL, *pb = NULL, *pl = NULL;
		for (; i < s->n && strcmp(s->v[i].scope, target) == 0 &&
		       strcmp(s->v[i].name, name) == 0; i++) {
			if (s->v[i].year <= base)
				b = &s->v[i];
			else if (s->v[i].year <= last)
				l = &s->v[i];
		}
		if (!b || !l) /* no change to show without both ends */
			continue;
		pb = ind_at(s, "province", name, b->year);
		pl = pb ? ind_at(s, "province", name, l->year) : NULL;
		json_array_append_new(
			items,
			json_pack("{s:s, s:s, s:i, s:f, s:i, s:f, s:f, s:o, s:o}", "indicator", name,
				  "unit", l->unit, "baseline_year", b->year, "baseline", b->value,
				  "latest_year", l->year, "latest", l->value, "change",
				  round(1e6 * (l->value - b->value)) / 1e6, "change_pct",
				  pct(b->value, l->value), "province_change_pct",
				  pb && pl ? pct(pb->value, pl->value) : json_null()));
	}
	return json_pack("{s:i, s:i, s:o}", "baseline_year", base, "last_year", last, "items",
			 items);
}

/* The evidence of assessment a (a row of asr_list) counted now. */
static enum bf_status count_evidence(struct app *app, json_t *a, json_t **out,
				     struct bf_err *err)
{
	const char *round = req_str(a, "round"), *target = req_str(a, "target");
	const char *group = req_str(a, "group");
	int kind = assess_kind_find(req_str(a, "kind"));
	int year = (int)json_integer_value(json_object_get(a, "year"));
	bf_day rs, re, s, e;
	char start[11], end[11], today[11];
	struct asr_commitments c;
	struct cyc_figures g;
	struct reports_ctx rep = { json_array(), { 0 }, date_today() };
	struct inds ind = { 0 };
	int y0, y1, m, d;
	int64_t yuan;
	enum bf_status rc;
	json_t *res;

	*out = NULL;
	if (!date_parse(req_str(a, "round_start"), &rs) ||
	    !date_parse(req_str(a, "round_end"), &re) ||
	    (rc = assess_window(kind, year, rs, re, &s, &e, err))) {
		json_decref(rep.items);
		if (!err->status)
			bf_err_set(err, BF_EDB, "assessment %lld: its round's dates are not dates",
				   (long long)json_integer_value(json_object_get(a, "id")));
		return err->status;
	}
	date_format(s, start);
	date_format(e, end);
	date_format(rep.today, today);
	if ((rc = asr_commitments(app->store, round, target, start, end, &c, err)) ||
	    (rc = cyc_figures(app->store, round, target, group, start, end, &g, err)) ||
	    (rc = asr_reports(app->store, group, round, start, end, report_row, &rep, err)) ||
	    (rc = asr_indicators(app->store, target, ind_row, &ind, err))) {
		json_decref(rep.items);
		free(ind.v);
		return rc;
	}
	date_to_ymd(rs, &y0, &m, &d);
	date_to_ymd(e, &y1, &m, &d);
	res = cycle_resources_json(&g, &yuan);
	*out = json_pack("{s:s, s:s, s:s, s:o, s:o, s:I, s:I, s:{s:I, s:I, s:I, s:I, s:I, s:o}, "
			 "s:o}",
			 "start", start, "end", end, "counted_on", today, "commitments",
			 commitments_json(&c), "resources", res, "yuan", (json_int_t)yuan,
			 "policies", (json_int_t)g.policies, "reports", "periods",
			 (json_int_t)json_array_size(rep.items), "on_time",
			 (json_int_t)rep.n[AV_ON_TIME], "late", (json_int_t)rep.n[AV_LATE],
			 "missing", (json_int_t)rep.n[AV_MISSING], "not_due",
			 (json_int_t)rep.n[AV_NOT_DUE], "items", rep.items, "indicators",
			 indicators_json(&ind, target, y0 - 1, y1));
	free(ind.v);
	return BF_OK;
}

static json_t *ev(json_t *a, const char *path1, const char *path2)
{
	json_t *v = json_object_get(json_object_get(a, "evidence"), path1);
	return path2 ? json_object_get(v, path2) : v;
}

/* Adds the flat columns of assess_columns from the evidence and drops the evidence object. */
static void flatten(json_t *a)
{
	static const char *const cm[] = { "due", "delivered", "confirmed", "dropped", "open" };
	struct buf mt = BUF_INIT, it = BUF_INIT;
	json_t *res = ev(a, "resources", NULL), *v;
	size_t i;
	char key[40];

	for (i = 0; i < 5; i++) {
		snprintf(key, sizeof key, "commitments_%s", cm[i]);
		json_object_set(a, key, ev(a, "commitments", cm[i]));
	}
	json_array_foreach(ev(a, "commitments", "measures"), i, v)
		buf_addf(&mt, "%s%s %lld/%lld", i ? "; " : "", req_str(v, "measure"),
			 (long long)json_integer_value(json_object_get(v, "delivered_value")),
			 (long long)json_integer_value(json_object_get(v, "target_value")));
	json_object_set_new(a, "measures_text", json_string(buf_cstr(&mt)));
	for (i = 0; work_kinds[i]; i++)
		json_object_set(a, work_kinds[i],
				json_object_get(json_object_get(res, work_kinds[i]), "amount"));
	json_object_set(a, "yuan", ev(a, "yuan", NULL));
	json_object_set(a, "policies", ev(a, "policies", NULL));
	json_object_set(a, "reports_on_time", ev(a, "reports", "on_time"));
	json_object_set(a, "reports_late", ev(a, "reports", "late"));
	json_object_set(a, "reports_missing", ev(a, "reports", "missing"));
	json_object_set(a, "reports_not_due", ev(a, "reports", "not_due"));
	json_array_foreach(ev(a, "indicators", "items"), i, v) {
		json_t *p = json_object_get(v, "change_pct"), *q = json_object_get(v, "province_change_pct");
		buf_addf(&it, "%s%s %d→%d ", i ? "; " : "", req_str(v, "indicator"),
			 (int)json_integer_value(json_object_get(v, "baseline_year")),
			 (int)json_integer_value(json_object_get(v, "latest_year")));
		if (json_is_number(p))
			buf_addf(&it, "%+.2f%%", json_number_value(p));
		else
			buf_adds(&it, "-");
		if (json_is_number(q))
			buf_addf(&it, " (全省 province %+.2f%%)", json_number_value(q));
	}
	json_object_set_new(a, "indicators_text", json_string(buf_cstr(&it)));
	buf_release(&mt);
	buf_release(&it);
	json_object_del(a, "evidence");
}

/* Completes a row of asr_list: the evidence (frozen, or counted now), the window, no internal
 * columns. */
static enum bf_status complete(struct app *app, json_t *a, bool flat, struct bf_err *err)
{
	const char *frozen = json_string_value(json_object_get(a, "evidence"));
	json_t *e = frozen ? json_loads(frozen, 0, NULL) : NULL;
	enum bf_status rc = BF_OK;

	if (!e && (rc = count_evidence(app, a, &e, err)))
		return rc;
	json_object_set_new(a, "evidence_frozen", json_boolean(frozen != NULL));
	json_object_set(a, "start", json_object_get(e, "start"));
	json_object_set(a, "end", json_object_get(e, "end"));
	json_object_set_new(a, "evidence", e);
	json_object_del(a, "round_start");
	json_object_del(a, "round_end");
	if (flat)
		flatten(a);
	return BF_OK;
}

/* ---- reading ------------------------------------------------------------------------------- */

enum bf_status assess_list(struct app *app, const struct principal *who,
			   const struct assess_list_req *rq, json_t **out, struct bf_err *err,
			   const char **field)
{
	struct asr_filter fl = { 0 };
	json_t *items = json_array(), *it;
	int64_t total = 0, y;
	enum bf_status rc = BF_OK;
	size_t i;

	*out = NULL;
	fl.round = rq->round;
	fl.kind = rq->kind;
	fl.group = rq->group;
	fl.target = rq->target;
	fl.prefecture = rq->prefecture;
	fl.grade = rq->grade;
	fl.limit = rq->limit ? rq->limit : ASSESS_LIST_DEFAULT;
	fl.offset = rq->offset;
	if (rq->kind && assess_kind_find(rq->kind) < 0)
		rc = req_bad(err, field, "kind", "give year or round", "应为 year（年度）或 round（轮次期末）");
	else if (rq->year && (!req_parse_id(rq->year, &y) || y < 1949 || y > 2100))
		rc = req_bad(err, field, "year", "give a year (2024)", "应为年份（如2024）");
	else if (rq->grade && strcmp(rq->grade, "none") != 0 && assess_grade_find(rq->grade) < 0)
		rc = req_bad(err, field, "grade", "give 优秀, 良好, 一般, 较差 or none (not graded yet)",
			     "应为 优秀、良好、一般、较差 或 none（未评定）");
	else if (fl.limit < 0 || fl.limit > ASSESS_LIST_MAX || fl.offset < 0)
		rc = req_bad(err, field, "limit", "give a limit from 1 to 10000", "应为1至10000");
	if (rc) {
		json_decref(items);
		return rc;
	}
	fl.year = rq->year ? (int)y : 0;
	scope(&fl, who);
	/* one read transaction: every row's evidence counted in the same state */
	if ((rc = asr_read_begin(app->store, err)))
		goto fail;
	rc = asr_list(app->store, &fl, query_row_json, items, &total, err);
	json_array_foreach(items, i, it)
		if (!rc)
			rc = complete(app, it, rq->flat, err);
	store_rollback(app->store);
	if (rc)
		goto fail;
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)total);
	return BF_OK;
fail:
	json_decref(items);
	return rc;
}

/* Assessment n as asr_list's row, if who may read it (NULL, with 404, otherwise). */
static json_t *load(struct app *app, const struct principal *who, int64_t n, const char *id,
		    struct bf_err *err)
{
	struct asr_filter fl = { 0 };
	json_t *items = json_array(), *a = NULL;
	int64_t total;
	enum bf_status rc;

	fl.id = n;
	scope(&fl, who);
	if (!(rc = asr_list(app->store, &fl, query_row_json, items, &total, err)) &&
	    json_array_size(items))
		a = json_incref(json_array_get(items, 0));
	json_decref(items);
	if (!a && !rc)
		not_found(err, id);
	return a;
}

enum bf_status assess_get(struct app *app, const struct principal *who, const char *id,
			  json_t **out, struct bf_err *err, const char **field)
{
	int64_t n;
	json_t *a;
	enum bf_status rc;

	(void)field;
	*out = NULL;
	if (!req_parse_id(id, &n))
		return not_found(err, id);
	if ((rc = asr_read_begin(app->store, err)))
		return rc;
	if (!(a = load(app, who, n, id, err))) {
		store_rollback(app->store);
		return err->status;
	}
	rc = complete(app, a, false, err);
	store_rollback(app->store);
	if (rc) {
		json_decref(a);
		return rc;
	}
	*out = a;
	return BF_OK;
}

static enum bf_status answer(struct app *app, const struct principal *who, int64_t n,
			     json_t **out, struct bf_err *err, const char **field)
{
	char key[24];
	snprintf(key, sizeof key, "%lld", (long long)n);
	return assess_get(app, who, key, out, err, field);
}

/* ---- writing ------------------------------------------------------------------------------- */

struct create_ctx {
	struct app *app;
	const struct principal *who;
	const char *address, *kind, *now;
	int year;
	json_t *ids;
	int64_t existing;
	struct bf_err *err;
	enum bf_status rc;
};

/* Creates group's assessment in the open transaction (existing ones are counted, not
 * touched) and audits it. */
static void create_one(void *ctx, const char *group)
{
	struct create_ctx *c = ctx;
	char key[24];
	int64_t id;
	json_t *after;

	if (c->rc)
		return;
	if (asr_find(c->app->store, group, c->kind, c->year)) {
		c->existing++;
		return;
	}
	if ((c->rc = asr_insert(c->app->store, group, c->kind, c->year, c->now, c->who->name,
				&id, c->err)))
		return;
	snprintf(key, sizeof key, "%lld", (long long)id);
	after = json_pack("{s:s, s:s, s:o}", "group", group, "kind", c->kind, "year",
			  c->year ? json_integer(c->year) : json_null());
	c->rc = audit_append(c->app->store, c->who->name, c->address, "create", "assessment", key,
			     NULL, after, c->err);
	json_decref(after);
	json_array_append_new(c->ids, json_integer(id));
}

enum bf_status assess_create(struct app *app, const struct principal *who,
			     const char *address, json_t *body, json_t **out, struct bf_err *err,
			     const char **field)
{
	static const char *const keys[] = { "round", "kind", "year", "group", NULL };
	const char *round, *kind, *group;
	json_t *yv = json_object_get(body, "year");
	char ground[64], target[16], rs[11], re[11], now[21];
	struct create_ctx c = { app, who, address, NULL, now, 0, NULL, 0, err, BF_OK };
	bf_day ds, de, s, e;
	int k;
	enum bf_status rc;

	*out = NULL;
	if (!assess_may_write(who))
		return forbidden(err, who);
	if (!req_only_keys(body, keys, err, field) ||
	    !req_opt_string(body, "round", 64, &round, err, field) ||
	    !req_opt_string(body, "kind", 16, &kind, err, field) ||
	    !req_opt_string(body, "group", 64, &group, err, field))
		return err->status;
	if (!kind || (k = assess_kind_find(kind)) < 0)
		return req_bad(err, field, "kind",
			       "give year (the year's end) or round (the round's end)",
			       "应为 year（年度考核）或 round（轮次期末考核）");
	if (yv && !json_is_null(yv) &&
	    (!json_is_integer(yv) || json_integer_value(yv) < 1949 || json_integer_value(yv) > 2100))
		return req_bad(err, field, "year", "give the year as a number (2024)",
			       "应为数字年份（如2024）");
	c.year = yv && !json_is_null(yv) ? (int)json_integer_value(yv) : 0;
	if (k == AK_YEAR && !c.year)
		return req_bad(err, field, "year", "a year's assessment needs the year (2024)",
			       "年度考核须给出年份（如2024）");
	if (!round && !group)
		return req_bad(err, field, "round", "give the round (every group of it) or a group",
			       "请给出轮次（该轮次所有组团）或组团");
	c.kind = assess_kinds[k];
	if ((rc = store_begin(app->store, err)))
		return rc;
	if (group) {
		if (!cyc_group(app->store, group, ground, target)) {
			rc = req_bad(err, field, "group", "no such group", "没有该组团");
			goto out;
		}
		if (round && strcmp(round, ground) != 0) {
			rc = req_bad(err, field, "round", "the group is of another round",
				     "该组团不属于此轮次");
			goto out;
		}
		round = ground;
	}
	if ((rc = cyc_round_dates(app->store, round, rs, re, err))) {
		if (rc == BF_ENOTFOUND) {
			bf_err_release(err);
			rc = req_bad(err, field, "round", "no such round", "没有该轮次");
		}
		goto out;
	}
	date_parse(rs, &ds);
	date_parse(re, &de);
	if ((rc = assess_window(k, c.year, ds, de, &s, &e, err))) {
		*field = "year";
		goto out;
	}
	date_now_utc(now);
	c.ids = json_array();
	if (group) {
		create_one(&c, group);
		if (!c.rc && c.existing) {
			*field = "group";
			c.rc = bf_err_set(err, BF_ECONFLICT, "group %s already has this assessment: %lld",
					  group, (long long)asr_find(app->store, group, c.kind,
								      c.year));
			bf_err_zh(err, "组团%s已有该考核（编号%lld）", group,
				  (long long)asr_find(app->store, group, c.kind, c.year));
		}
	} else {
		rc = asr_round_groups(app->store, round, create_one, &c, err);
	}
	rc = rc ? rc : c.rc;
out:
	if ((rc = app_finish(app, rc, err))) {
		json_decref(c.ids);
		return rc;
	}
	if (group) {
		int64_t id = json_integer_value(json_array_get(c.ids, 0));
		json_decref(c.ids);
		return answer(app, who, id, out, err, field);
	}
	*out = json_pack("{s:s, s:s, s:o, s:I, s:I, s:o}", "round", round, "kind", c.kind, "year",
			 c.year ? json_integer(c.year) : json_null(), "created",
			 (json_int_t)json_array_size(c.ids), "existing", (json_int_t)c.existing,
			 "ids", c.ids);
	return BF_OK;
}

enum bf_status assess_grade(struct app *app, const struct principal *who, const char *address,
			    const char *id, json_t *body, json_t **out, struct bf_err *err,
			    const char **field)
{
	static const char *const keys[] = { "grade", "comment", NULL };
	json_t *gv = json_object_get(body, "grade"), *a = NULL, *e = NULL, *before, *after;
	const char *grade = NULL, *comment;
	bool clear = gv && json_is_null(gv);
	char *frozen = NULL, now[21];
	int64_t n;
	enum bf_status rc;

	*out = NULL;
	if (!assess_may_write(who))
		return forbidden(err, who);
	if (!req_only_keys(body, keys, err, field) ||
	    !req_opt_string(body, "comment", 4000, &comment, err, field))
		return err->status;
	if (gv && !clear && (!json_is_string(gv) || assess_grade_find(json_string_value(gv)) < 0))
		return req_bad(err, field, "grade", "give 优秀 (excellent), 良好 (good), 一般 (fair) or "
			       "较差 (poor), or null to clear it",
			       "应为 优秀、良好、一般 或 较差（null 为撤销评定）");
	if (gv && !clear)
		grade = json_string_value(gv);
	if (!gv && !comment)
		return req_bad(err, field, "grade", "give the grade and/or the comment",
			       "请给出评定等次和/或评语");
	if (!req_parse_id(id, &n))
		return not_found(err, id);
	if ((rc = store_begin(app->store, err)))
		return rc;
	if (!(a = load(app, who, n, id, err))) {
		rc = err->status;
		goto out;
	}
	/* the first grade freezes the evidence as it stands now; a regrade keeps it */
	if (grade && !json_string_value(json_object_get(a, "evidence"))) {
		if ((rc = count_evidence(app, a, &e, err)))
			goto out;
		frozen = json_dumps(e, JSON_COMPACT);
	}
	date_now_utc(now);
	before = json_pack("{s:O, s:s}", "grade", json_object_get(a, "grade"), "comment",
			   req_str(a, "comment"));
	after = json_pack("{s:o, s:s?, s:o?}", "grade",
			  grade ? json_string(grade) : clear ? json_null()
							 : json_incref(json_object_get(a, "grade")),
			  "comment", comment, "evidence", e ? json_incref(e) : NULL);
	if (!(rc = asr_update(app->store, n, grade, clear, comment, frozen, now, who->name, err)))
		rc = audit_append(app->store, who->name, address, clear ? "ungrade" : "grade",
				  "assessment", id, before, after, err);
	json_decref(before);
	json_decref(after);
out:
	json_decref(a);
	json_decref(e);
	free(frozen);
	if ((rc = app_finish(app, rc, err)))
		return rc;
	return answer(app, who, n, out, err, field);
}

json_t *assess_capabilities(const struct principal *p)
{
	return json_pack("{s:s, s:b, s:b}", "read", access_scopes[assess_read_scope(p)], "create",
			 assess_may_write(p), "grade", assess_may_write(p));
}
