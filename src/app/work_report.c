/* work_report: the work reports from the running sums; see work_report.h.
 *
 * A report is rows keyed by what `by` names. Every row a reader may see is made first from the
 * registry (every visible target, its prefecture and classes, the round's groups and their
 * units) or the round's tasks, so that a county with no work yet shows as a row of zeros: the
 * under-served must appear. Then each sum of the store (one per target and unit, or target and
 * task) is added to the rows it belongs to; a target counts in each of its classes. */
#include "app/work_report.h"
#include "app/app_int.h"
#include "app/query.h"
#include "app/report.h"
#include "core/work.h"
#include "store/work_report.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/gz.h"
#include "util/xalloc.h"
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { BY_TARGET, BY_GROUP, BY_UNIT, BY_PREFECTURE, BY_DOMAIN, BY_TASK, BY_CLASS };
const char *const work_report_bys[] = { "target", "group", "unit", "prefecture",
					"domain", "task", "class", NULL };
const char *const work_report_columns[] = {
	"key", "name", "targets", "planned", "in_progress", "delivered", "confirmed", "dropped",
	"commitments", "overdue", "measures_text", "funds", "investment", "project", "enterprise",
	"talent", "training", "resource_entries", "yuan", "population", "gdp_100m",
	"yuan_per_head", "yuan_per_100m_gdp", "targets_lacking_population",
	"targets_lacking_gdp", NULL
};

#define NSTATUS 5
#define NKIND 6
static const char *const statuses[NSTATUS] = { "planned", "in_progress", "delivered",
					       "confirmed", "dropped" };
static const char *const kinds[NKIND] = { "funds", "investment", "project", "enterprise",
					  "talent", "training" };

struct measure {
	char *name;
	int64_t n, v[3]; /* target, delivered, confirmed values */
};

struct row {
	char *key, *name;
	int64_t status[NSTATUS], overdue, res[NKIND], res_n;
	struct measure *m;
	size_t nm;
	/* rows of targets (target, group, prefecture, class): the targets, and the yuan and the
	 * figure of those that have a population or a GDP figure */
	size_t ntargets, lack_pop, lack_gdp;
	int64_t pop_yuan, gdp_yuan;
	double pop, gdp;
	long pop_year, gdp_year; /* a target row's years (0: none) */
	const char *target;      /* a group row's target */
};

/* The figures of one target: the latest population (persons) and GDP (亿元), NAN if none. */
struct figures {
	double pop, gdp;
	long pop_year, gdp_year;
};

struct task_info {
	char *code, *domain, *domain_zh, *name_zh;
};

struct ctx {
	const struct registry *r;
	size_t round;
	int by;
	bool *visible;          /* by target index */
	int64_t *tyuan;         /* by target index: funds + investment */
	struct row **rows;      /* sorted by key */
	size_t nrows, caprows;
	struct row total;
	struct task_info *tasks;
	size_t ntasks;
	enum wr_query q;
};

/* ---- rows ------------------------------------------------------------------------------ */

static size_t row_pos(const struct ctx *c, const char *key, bool *found)
{
	size_t lo = 0, hi = c->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int d = strcmp(c->rows[mid]->key, key);
		if (d == 0) {
			*found = true;
			return mid;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/* The row of key, made (named name, or key) if there is none yet. */
static struct row *row_get(struct ctx *c, const char *key, const char *name)
{
	bool found;
	size_t i = row_pos(c, key, &found);
	struct row *w;

	if (found)
		return c->rows[i];
	if (c->nrows == c->caprows) {
		c->caprows = c->caprows ? 2 * c->caprows : 64;
		c->rows = xrealloc(c->rows, c->caprows * sizeof *c->rows);
	}
	memmove(c->rows + i + 1, c->rows + i, (c->nrows - i) * sizeof *c->rows);
	w = xcalloc(1, sizeof *w);
	w->key = xstrdup(key);
	w->name = xstrdup(name ? name : key);
	c->rows[i] = w;
	c->nrows++;
	return w;
}

static void row_free(struct row *w)
{
	for (size_t i = 0; i < w->nm; i++)
		free(w->m[i].name);
	free(w->m);
	free(w->key);
	free(w->name);
}

static int index_of(const char *const *words, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0)
			return (int)i;
	return -1;
}

static void row_add(struct row *w, enum wr_query q, const struct wr_row *s)
{
	int i;
	switch (q) {
	case WR_STATUS:
		if ((i = index_of(statuses, NSTATUS, s->key)) >= 0)
			w->status[i] += s->n;
		break;
	case WR_OVERDUE:
		w->overdue += s->n;
		break;
	case WR_RESOURCE:
		if ((i = index_of(kinds, NKIND, s->key)) >= 0)
			w->res[i] += s->v[0];
		w->res_n += s->n;
		break;
	case WR_MEASURE: {
		size_t k = 0;
		while (k < w->nm && strcmp(w->m[k].name, s->key) != 0)
			k++;
		if (k == w->nm) {
			w->m = xrealloc(w->m, (w->nm + 1) * sizeof *w->m);
			w->m[k] = (struct measure){ xstrdup(s->key), 0, { 0, 0, 0 } };
			w->nm++;
		}
		w->m[k].n += s->n;
		for (int j = 0; j < 3; j++)
			w->m[k].v[j] += s->v[j];
		break;
	}
	}
}

/* ---- the registry's side: who sees what, which group, the figures ------------------------ */

static bool group_in_round(const struct ctx *c, size_t g)
{
	return c->round != REG_NONE && c->r->groups[g].round_ix == c->round;
}

/* The round's group of target t that unit u is a member of (REG_NONE: none). */
static size_t group_of(const struct ctx *c, size_t t, const char *unit)
{
	const struct registry *r = c->r;
	size_t u = registry_find_unit(r, unit);
	if (u == REG_NONE)
		return REG_NONE;
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k];
		if (group_in_round(c, g) && registry_member_role(r, g, u) >= 0)
			return g;
	}
	return REG_NONE;
}

/* The latest value of indicator name for target t, scaled to base units (scale per unit
 * word); NAN when there is none in a unit we know. */
static double latest(const struct registry *r, size_t t, const char *name,
		     const char *const *units, const double *scale, long *year)
{
	double v = NAN;
	*year = 0;
	for (size_t k = r->target_indicators.off[t]; k < r->target_indicators.off[t + 1]; k++) {
		const struct bf_indicator *x = &r->indicators[r->target_indicators.items[k]];
		int u;
		if (strcmp(x->name, name) != 0 || x->year < *year || isnan(x->value))
			continue;
		u = index_of(units, 3, x->unit ? x->unit : "");
		if (u < 0)
			continue;
		v = x->value * scale[u];
		*year = x->year;
	}
	return v;
}

static struct figures figures_of(const struct registry *r, size_t t)
{
	static const char *const pop_units[] = { "persons", "", "10k_persons" };
	static const double pop_scale[] = { 1, 1, 1e4 };
	static const char *const gdp_units[] = { "100m_yuan", "", "10k_yuan" };
	static const double gdp_scale[] = { 1, 1, 1e-4 };
	struct figures f;
	f.pop = latest(r, t, "pop_resident", pop_units, pop_scale, &f.pop_year);
	f.gdp = latest(r, t, "gdp", gdp_units, gdp_scale, &f.gdp_year);
	if (!(f.pop > 0))
		f.pop = NAN;
	if (!(f.gdp > 0))
		f.gdp = NAN;
	return f;
}

static void add_figures(struct row *w, const struct figures *f, int64_t yuan)
{
	w->ntargets++;
	if (isnan(f->pop)) {
		w->lack_pop++;
	} else {
		w->pop += f->pop;
		w->pop_yuan += yuan;
	}
	if (isnan(f->gdp)) {
		w->lack_gdp++;
	} else {
		w->gdp += f->gdp;
		w->gdp_yuan += yuan;
	}
}

/* The i-th ';'-separated word of list into out; false past the last. */
static bool word_at(const char *list, size_t i, char *out, size_t n)
{
	const char *p = list ? list : "";
	for (; i > 0; i--) {
		if (!(p = strchr(p, ';')))
			return false;
		p++;
	}
	size_t len = strcspn(p, ";");
	if (len == 0 || len >= n) /* an empty word ends the list */
		return false;
	memcpy(out, p, len);
	out[len] = '\0';
	return true;
}

static const struct task_info *task_find(const struct ctx *c, const char *code)
{
	for (size_t i = 0; i < c->ntasks; i++)
		if (strcmp(c->tasks[i].code, code) == 0)
			return &c->tasks[i];
	return NULL;
}

static const char *group_name(const struct ctx *c, size_t g, char *out, size_t n)
{
	snprintf(out, n, "%s组团", c->r->targets[c->r->groups[g].target_ix].name_zh);
	return out;
}

/* Every row the reader may see, before any sum: zeros are news too. */
static void rows_make(struct ctx *c)
{
	const struct registry *r = c->r;
	char word[128];

	if (c->by == BY_TASK || c->by == BY_DOMAIN) {
		for (size_t i = 0; i < c->ntasks; i++)
			if (c->by == BY_TASK)
				row_get(c, c->tasks[i].code, c->tasks[i].name_zh);
			else
				row_get(c, c->tasks[i].domain, c->tasks[i].domain_zh);
		return;
	}
	if (c->by == BY_GROUP || c->by == BY_UNIT) {
		for (size_t g = 0; g < r->ngroups; g++) {
			if (!group_in_round(c, g) || !c->visible[r->groups[g].target_ix])
				continue;
			if (c->by == BY_GROUP) {
				struct row *w = row_get(c, r->groups[g].id, group_name(c, g, word,
										 sizeof word));
				w->target = r->groups[g].target;
				continue;
			}
			for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++) {
				const struct bf_member *m = &r->members[r->group_members.items[k]];
				row_get(c, m->unit, r->units[m->unit_ix].name_zh);
			}
		}
		return;
	}
	for (size_t t = 0; t < r->ntargets; t++) {
		const struct bf_target *x = &r->targets[t];
		if (!c->visible[t])
			continue;
		if (c->by == BY_TARGET)
			row_get(c, x->adcode, x->name_zh);
		else if (c->by == BY_PREFECTURE)
			row_get(c, x->prefecture, x->prefecture);
		else
			for (size_t i = 0; word_at(x->classes, i, word, sizeof word); i++)
				row_get(c, word, word);
	}
}

/* ---- sums into rows ---------------------------------------------------------------------- */

static void add_to(struct ctx *c, const char *key, const char *name, const struct wr_row *s)
{
	row_add(row_get(c, key, name), c->q, s);
}

static void on_sum(void *p, const struct wr_row *s)
{
	struct ctx *c = p;
	const struct registry *r = c->r;
	size_t t = registry_find_target(r, s->target);
	char word[128];

	if (t == REG_NONE || !c->visible[t])
		return;
	row_add(&c->total, c->q, s);
	if (c->q == WR_RESOURCE && (strcmp(s->key, "funds") == 0 ||
				    strcmp(s->key, "investment") == 0))
		c->tyuan[t] += s->v[0];
	switch (c->by) {
	case BY_TARGET:
		add_to(c, r->targets[t].adcode, r->targets[t].name_zh, s);
		break;
	case BY_PREFECTURE:
		add_to(c, r->targets[t].prefecture, NULL, s);
		break;
	case BY_CLASS:
		for (size_t i = 0; word_at(r->targets[t].classes, i, word, sizeof word); i++)
			add_to(c, word, NULL, s);
		break;
	case BY_GROUP: {
		size_t g = group_of(c, t, s->sub);
		if (g == REG_NONE)
			add_to(c, "", "不在本轮组团 (no group of the round)", s);
		else
			add_to(c, r->groups[g].id, group_name(c, g, word, sizeof word), s);
		break;
	}
	case BY_UNIT: {
		size_t u = registry_find_unit(r, s->sub);
		add_to(c, s->sub, u == REG_NONE ? NULL : r->units[u].name_zh, s);
		break;
	}
	case BY_TASK: {
		const struct task_info *k = task_find(c, s->sub);
		add_to(c, s->sub, k ? k->name_zh : "未指定任务 (no task)", s);
		break;
	}
	case BY_DOMAIN: {
		const struct task_info *k = task_find(c, s->sub);
		add_to(c, k ? k->domain : "", k ? k->domain_zh : "未指定任务 (no task)", s);
		break;
	}
	}
}

/* Population and GDP of the rows of targets, after the resources are summed. */
static void rows_figures(struct ctx *c)
{
	const struct registry *r = c->r;
	char word[128];
	bool found;

	for (size_t t = 0; t < r->ntargets; t++) {
		struct figures f;
		size_t i;
		if (!c->visible[t])
			continue;
		f = figures_of(r, t);
		add_figures(&c->total, &f, c->tyuan[t]);
		if (c->by == BY_TARGET) {
			i = row_pos(c, r->targets[t].adcode, &found);
			if (found) {
				add_figures(c->rows[i], &f, c->tyuan[t]);
				c->rows[i]->pop_year = f.pop_year;
				c->rows[i]->gdp_year = f.gdp_year;
			}
		} else if (c->by == BY_PREFECTURE) {
			i = row_pos(c, r->targets[t].prefecture, &found);
			if (found)
				add_figures(c->rows[i], &f, c->tyuan[t]);
		} else if (c->by == BY_CLASS) {
			for (size_t k = 0; word_at(r->targets[t].classes, k, word, sizeof word); k++)
				if ((i = row_pos(c, word, &found)), found)
					add_figures(c->rows[i], &f, c->tyuan[t]);
		}
	}
	if (c->by != BY_GROUP)
		return;
	for (size_t i = 0; i < c->nrows; i++) { /* a group's own yuan over its target's figures */
		struct row *w = c->rows[i];
		size_t t = w->target ? registry_find_target(r, w->target) : REG_NONE;
		if (t != REG_NONE) {
			struct figures f = figures_of(r, t);
			add_figures(w, &f, w->res[0] + w->res[1]);
		}
	}
}

/* ---- JSON -------------------------------------------------------------------------------- */

static double round2(double x)
{
	return round(x * 100.0) / 100.0;
}

static json_t *ratio(int64_t yuan, double per, size_t with)
{
	return with && per > 0 ? json_real(round2((double)yuan / per)) : json_null();
}

static int cmp_measure(const void *a, const void *b)
{
	return strcmp(((const struct measure *)a)->name, ((const struct measure *)b)->name);
}

static void measures_json(struct row *w, json_t *o)
{
	json_t *arr = json_array();
	struct buf text = BUF_INIT;

	if (w->nm)
		qsort(w->m, w->nm, sizeof *w->m, cmp_measure);
	for (size_t i = 0; i < w->nm; i++) {
		const struct measure *m = &w->m[i];
		json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:I, s:I}", "measure", m->name,
						     "commitments", (json_int_t)m->n,
						     "target_value", (json_int_t)m->v[0],
						     "delivered_value", (json_int_t)m->v[1],
						     "confirmed_value", (json_int_t)m->v[2]));
		buf_addf(&text, "%s%s %lld/%lld", i ? "; " : "", m->name, (long long)m->v[1],
			 (long long)m->v[0]);
	}
	json_object_set_new(o, "measures", arr);
	json_object_set_new(o, "measures_text", json_string(buf_cstr(&text)));
	buf_release(&text);
}

static json_t *row_json(struct row *w, bool figures)
{
	json_t *o = json_pack("{s:s, s:s}", "key", w->key, "name", w->name);
	int64_t total = 0, yuan = w->res[0] + w->res[1];

	if (figures)
		json_object_set_new(o, "targets", json_integer((json_int_t)w->ntargets));
	if (w->target)
		json_object_set_new(o, "target", json_string(w->target));
	for (int i = 0; i < NSTATUS; i++) {
		json_object_set_new(o, statuses[i], json_integer(w->status[i]));
		total += w->status[i];
	}
	json_object_set_new(o, "commitments", json_integer(total));
	json_object_set_new(o, "overdue", json_integer(w->overdue));
	measures_json(w, o);
	for (int i = 0; i < NKIND; i++)
		json_object_set_new(o, kinds[i], json_integer(w->res[i]));
	json_object_set_new(o, "resource_entries", json_integer(w->res_n));
	json_object_set_new(o, "yuan", json_integer(yuan));
	if (!figures)
		return o;
	json_object_set_new(o, "population", w->ntargets > w->lack_pop ? json_integer((json_int_t)llround(w->pop)) : json_null());
	json_object_set_new(o, "gdp_100m", w->ntargets > w->lack_gdp ? json_real(round2(w->gdp)) : json_null());
	json_object_set_new(o, "yuan_per_head", ratio(w->pop_yuan, w->pop, w->ntargets - w->lack_pop));
	json_object_set_new(o, "yuan_per_100m_gdp", ratio(w->gdp_yuan, w->gdp, w->ntargets - w->lack_gdp));
	json_object_set_new(o, "targets_lacking_population", json_integer((json_int_t)w->lack_pop));
	json_object_set_new(o, "targets_lacking_gdp", json_integer((json_int_t)w->lack_gdp));
	if (w->pop_year || w->gdp_year || w->ntargets == 1) {
		json_object_set_new(o, "population_year", w->pop_year ? json_integer(w->pop_year) : json_null());
		json_object_set_new(o, "gdp_year", w->gdp_year ? json_integer(w->gdp_year) : json_null());
	}
	return o;
}

/* ---- running a report --------------------------------------------------------------------- */

static int by_of(const char *by)
{
	for (int i = 0; work_report_bys[i]; i++)
		if (strcmp(work_report_bys[i], by ? by : "target") == 0)
			return i;
	return -1;
}

static void on_task(void *p, const char *const *cells, int n)
{
	struct ctx *c = p;
	struct task_info *k;
	if (n < 4)
		return;
	c->tasks = xrealloc(c->tasks, (c->ntasks + 1) * sizeof *c->tasks);
	k = &c->tasks[c->ntasks++];
	k->code = xstrdup(cells[0] ? cells[0] : "");
	k->domain = xstrdup(cells[1] ? cells[1] : "");
	k->domain_zh = xstrdup(cells[2] && *cells[2] ? cells[2] : k->domain);
	k->name_zh = xstrdup(cells[3] ? cells[3] : k->code);
}

static void ctx_release(struct ctx *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		row_free(c->rows[i]);
		free(c->rows[i]);
	}
	row_free(&c->total);
	for (size_t i = 0; i < c->ntasks; i++) {
		free(c->tasks[i].code);
		free(c->tasks[i].domain);
		free(c->tasks[i].domain_zh);
		free(c->tasks[i].name_zh);
	}
	free(c->tasks);
	free(c->rows);
	free(c->visible);
	free(c->tyuan);
}

static bool has_figures(int by)
{
	return by == BY_TARGET || by == BY_GROUP || by == BY_PREFECTURE || by == BY_CLASS;
}

/* The reader's scope: core/work's, as for the commitments and resources summed here. */
static const char *scope_of(const struct principal *who)
{
	switch (work_read_scope(who, WK_COMMITMENT)) {
	case SCOPE_ALL:
		return "all";
	case SCOPE_UNIT:
		return "unit";
	case SCOPE_TARGET:
		return "target";
	default:
		return "none";
	}
}

/* Sums for round into c (made by the caller with r, round, by, visible), target: one only. */
static enum bf_status ctx_fill(struct app *app, struct ctx *c, const char *target, bf_day as_of,
			       struct bf_err *err)
{
	static const enum wr_query qs[] = { WR_STATUS, WR_MEASURE, WR_RESOURCE, WR_OVERDUE };
	const char *round = c->r->rounds[c->round].name;
	enum wr_level level = c->by == BY_TASK || c->by == BY_DOMAIN ? WR_TASK
			      : c->by == BY_GROUP || c->by == BY_UNIT ? WR_UNIT : WR_TARGET;
	char day[11];
	enum bf_status rc;

	c->total.key = xstrdup("");
	c->total.name = xstrdup("合计 (total)");
	date_format(as_of, day);
	if ((rc = work_report_list(app->store, WR_TASKS, round, NULL, NULL, 1000, on_task, c, err)))
		return rc;
	rows_make(c);
	for (size_t i = 0; i < 4; i++) {
		c->q = qs[i];
		if ((rc = work_report_rows(app->store, qs[i], level, round, target, day, on_sum, c,
					   err)))
			return rc;
	}
	rows_figures(c);
	return BF_OK;
}

/* Which targets who reads the work of in the round (core/work's scopes, as the work's lists):
 * all; a unit the targets of the groups it is a member of in this round (not another
 * round's); a county its own target. */
static void visible_targets(struct ctx *c, const struct principal *who)
{
	const struct registry *r = c->r;
	size_t u;

	switch (work_read_scope(who, WK_COMMITMENT)) {
	case SCOPE_ALL:
		for (size_t t = 0; t < r->ntargets; t++)
			c->visible[t] = true;
		break;
	case SCOPE_UNIT:
		u = who->unit ? registry_find_unit(r, who->unit) : REG_NONE;
		for (size_t g = 0; u != REG_NONE && g < r->ngroups; g++)
			if (group_in_round(c, g) && registry_member_role(r, g, u) >= 0)
				c->visible[r->groups[g].target_ix] = true;
		break;
	case SCOPE_TARGET:
		for (size_t t = 0; t < r->ntargets; t++)
			c->visible[t] = who->target && strcmp(r->targets[t].adcode, who->target) == 0;
		break;
	default:
		break;
	}
}

static void ctx_init(struct ctx *c, const struct registry *r, size_t round, int by,
		     const struct principal *who)
{
	memset(c, 0, sizeof *c);
	c->r = r;
	c->round = round;
	c->by = by;
	c->visible = xcalloc(r->ntargets + 1, sizeof *c->visible);
	c->tyuan = xcalloc(r->ntargets + 1, sizeof *c->tyuan);
	visible_targets(c, who);
}

static const char note_en[] =
	"Sums are exact integers (yuan for funds and investment). measures leave dropped "
	"commitments out; overdue: planned or in progress and due before as_of. A target counts in "
	"each of its classes. yuan = funds + investment; yuan_per_head and yuan_per_100m_gdp use "
	"each target's latest resident population and GDP (亿元), over the targets that have the "
	"figure; targets_lacking_* count those without.";
static const char note_zh[] =
	"金额为精确整数（资金、投资以元计）。计量汇总不含已放弃事项；逾期：计划或推进中且完成期限早于截至日期。"
	"一个帮扶对象计入其每个分类。人均、每亿元GDP按各对象最新常住人口和地区生产总值计算，仅含有该数据的对象。";

static enum bf_status run_locked(struct app *app, const struct registry *r,
				 const struct principal *who, const struct work_report_opts *o,
				 json_t **out, struct bf_err *err)
{
	int by = by_of(o->by);
	size_t round;
	struct ctx c;
	enum bf_status rc;
	json_t *items;

	*out = NULL;
	if (by < 0) {
		bf_err_set(err, BF_EUSAGE, "by must be one of target, group, unit, prefecture, "
					   "domain, task, class (not '%s')", o->by);
		return BF_EUSAGE;
	}
	if ((rc = query_round(r, o->round, o->as_of, &round, err)))
		return rc;
	ctx_init(&c, r, round, by, who);
	if (round != REG_NONE && (rc = ctx_fill(app, &c, NULL, o->as_of, err))) {
		ctx_release(&c);
		return rc;
	}
	items = json_array();
	for (size_t i = 0; i < c.nrows; i++)
		json_array_append_new(items, row_json(c.rows[i], has_figures(by)));
	if (!c.total.key) { /* no round: nothing was read */
		c.total.key = xstrdup("");
		c.total.name = xstrdup("合计 (total)");
	}
	*out = json_pack("{s:s, s:o, s:o, s:s, s:o, s:o, s:I, s:I, s:s, s:s}", "by",
			 work_report_bys[by], "round",
			 round == REG_NONE ? json_null() : json_string(r->rounds[round].name),
			 "as_of", query_date_json(o->as_of), "scope", scope_of(who), "items",
			 items, "total", row_json(&c.total, true), "targets_lacking_population",
			 (json_int_t)c.total.lack_pop, "targets_lacking_gdp",
			 (json_int_t)c.total.lack_gdp, "note", note_en, "note_zh", note_zh);
	ctx_release(&c);
	return BF_OK;
}

enum bf_status work_report_run(struct app *app, const struct registry *r,
			       const struct principal *who, const struct work_report_opts *o,
			       json_t **out, struct bf_err *err)
{
	enum bf_status rc = work_report_begin(app->store, err);
	if (!rc)
		rc = run_locked(app, r, who, o, out, err);
	work_report_end(app->store);
	return rc;
}

/* ---- the answer cache --------------------------------------------------------------------- *
 * A ring of the last answers: a new one replaces the oldest, so answers of a past counter
 * value age out as new ones come; bounded in count and in bytes. */

#define CACHE_SLOTS 64
#define GZIP_FROM 1024 /* bytes: a smaller answer is sent as it is */
struct cached {
	char *key;
	struct blob *text, *gz; /* gz NULL: not compressed; a response in flight may hold either */
	size_t bytes;
};
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cached cache[CACHE_SLOTS];
static size_t cache_next, cache_bytes, cache_max = 16u << 20;

void work_report_cache_limit(size_t bytes)
{
	pthread_mutex_lock(&cache_lock);
	cache_max = bytes;
	pthread_mutex_unlock(&cache_lock);
}

/* The answer to send of an entry (gzip'ed if gzip and there is such a copy), referenced. */
static struct blob *pick(struct blob *text, struct blob *gz, bool gzip, bool *gzipped)
{
	*gzipped = gzip && gz;
	return blob_ref(*gzipped ? gz : text);
}

/* The cached answer of key with a reference for the caller, or NULL. */
static struct blob *cache_get(const char *key, bool gzip, bool *gzipped)
{
	struct blob *hit = NULL;
	pthread_mutex_lock(&cache_lock);
	for (size_t i = 0; i < CACHE_SLOTS && !hit; i++) {
		const struct cached *e = &cache[i];
		if (e->key && strcmp(e->key, key) == 0)
			hit = pick(e->text, e->gz, gzip, gzipped);
	}
	pthread_mutex_unlock(&cache_lock);
	return hit;
}

/* Drops the cache's references: a response still sending the bytes keeps them alive. */
static void cache_drop(size_t i)
{
	cache_bytes -= cache[i].bytes;
	free(cache[i].key);
	blob_unref(cache[i].text);
	blob_unref(cache[i].gz);
	cache[i] = (struct cached){ NULL, NULL, NULL, 0 };
}

/* Keeps text (and gz) under key with references of its own. */
static void cache_put(const char *key, struct blob *text, struct blob *gz)
{
	size_t size = strlen(key) + blob_len(text) + (gz ? blob_len(gz) : 0) + 2;
	pthread_mutex_lock(&cache_lock);
	if (size <= cache_max) {
		for (size_t k = 0; k < CACHE_SLOTS && cache_bytes + size > cache_max; k++)
			if (cache[(cache_next + k) % CACHE_SLOTS].key)
				cache_drop((cache_next + k) % CACHE_SLOTS);
		if (cache[cache_next].key)
			cache_drop(cache_next);
		cache[cache_next] = (struct cached){ xstrdup(key), blob_ref(text), blob_ref(gz),
						     size };
		cache_bytes += size;
		cache_next = (cache_next + 1) % CACHE_SLOTS;
	}
	pthread_mutex_unlock(&cache_lock);
}

/* Computes the answer, caches it under key and returns the one to send, referenced. */
static enum bf_status compute(struct app *app, const struct registry *r,
			      const struct principal *who, const struct work_report_opts *o,
			      const char *key, bool gzip, struct blob **out, bool *gzipped,
			      struct bf_err *err)
{
	struct buf text = BUF_INIT, gz = BUF_INIT;
	struct blob *tb, *gb = NULL;
	json_t *doc = NULL;
	enum bf_status rc;
	char *s;

	if ((rc = run_locked(app, r, who, o, &doc, err)))
		return rc;
	s = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
	buf_adds(&text, s ? s : "null");
	free(s);
	json_decref(doc);
	/* compressed once here, so that every later answer of it is only a reference */
	if (text.len >= GZIP_FROM && gz_compress(text.data, text.len, &gz))
		gb = blob_take(&gz);
	buf_release(&gz);
	tb = blob_take(&text);
	*out = pick(tb, gb, gzip, gzipped);
	cache_put(key, tb, gb);
	blob_unref(tb);
	blob_unref(gb);
	return BF_OK;
}

enum bf_status work_report_answer(struct app *app, const struct registry *r,
				  long long generation, const struct principal *who,
				  const struct work_report_opts *o, bool gzip, struct blob **out,
				  bool *gzipped, struct bf_err *err)
{
	struct buf key = BUF_INIT;
	char day[11];
	enum bf_status rc;

	*out = NULL;
	*gzipped = false;
	if ((rc = work_report_begin(app->store, err)))
		return rc;
	date_format(o->as_of, day);
	buf_addf(&key, "%lld|%lld|%s|%s|%s|%d|%s|%s", generation,
		 (long long)work_report_generation(app->store), o->by ? o->by : "target",
		 o->round ? o->round : "", day, who->role, who->unit ? who->unit : "",
		 who->target ? who->target : "");
	if (!(*out = cache_get(buf_cstr(&key), gzip, gzipped)))
		rc = compute(app, r, who, o, buf_cstr(&key), gzip, out, gzipped, err);
	work_report_end(app->store);
	buf_release(&key);
	return rc;
}

/* ---- one county's summary ------------------------------------------------------------------ */

struct list_ctx {
	json_t *items;
	const char *const *keys; /* NULL-ended; a key starting with '#' is an integer */
};

static void on_cells(void *p, const char *const *cells, int n)
{
	struct list_ctx *l = p;
	json_t *o = json_object();
	for (int i = 0; i < n && l->keys[i]; i++) {
		const char *k = l->keys[i];
		if (k[0] == '#')
			json_object_set_new(o, k + 1, cells[i] ? json_integer(strtoll(cells[i], NULL, 10))
							      : json_null());
		else
			json_object_set_new(o, k, query_str_json(cells[i]));
	}
	json_array_append_new(l->items, o);
}

#define COUNTY_LIST_MAX 500

/* {"total", "items", "truncated"} of one list of the county (at most COUNTY_LIST_MAX). */
static enum bf_status county_list(struct app *app, enum wr_list which, const char *round,
				  const char *adcode, const char *day, const char *const *keys,
				  json_t **out, struct bf_err *err)
{
	struct list_ctx l = { json_array(), keys };
	enum bf_status rc = work_report_list(app->store, which, round, adcode, day,
					     COUNTY_LIST_MAX + 1, on_cells, &l, err);
	bool more = json_array_size(l.items) > COUNTY_LIST_MAX;
	if (rc) {
		json_decref(l.items);
		return rc;
	}
	if (more)
		json_array_remove(l.items, COUNTY_LIST_MAX);
	*out = json_pack("{s:I, s:b, s:o}", "listed", (json_int_t)json_array_size(l.items),
			 "truncated", more, "items", l.items);
	return BF_OK;
}

static json_t *county_groups(const struct ctx *c, size_t t, bf_day day, size_t *cadres)
{
	const struct registry *r = c->r;
	json_t *arr = json_array();
	*cadres = 0;
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k], on = 0;
		json_t *units = json_array();
		if (!group_in_round(c, g))
			continue;
		for (size_t j = r->group_members.off[g]; j < r->group_members.off[g + 1]; j++) {
			const struct bf_member *m = &r->members[r->group_members.items[j]];
			json_array_append_new(units, json_pack("{s:s, s:s, s:s}", "unit", m->unit,
							       "name", r->units[m->unit_ix].name_zh,
							       "role", model_roles[m->role]));
		}
		for (size_t j = r->group_cadres.off[g]; j < r->group_cadres.off[g + 1]; j++)
			on += model_cadre_on_post(&r->cadres[r->group_cadres.items[j]], day);
		*cadres += on;
		json_array_append_new(arr, json_pack("{s:s, s:o, s:I}", "id", r->groups[g].id,
						     "units", units, "cadres_on_post", (json_int_t)on));
	}
	return arr;
}

/* The indicators report's rows of target adcode. */
static json_t *county_indicators(const struct registry *r, const char *round, bf_day as_of,
				 const char *adcode, struct bf_err *err)
{
	struct report_opts ro = { round, as_of, 0 };
	json_t *all = NULL, *items = json_array(), *it;
	size_t i;
	if (report_run(r, "indicators", &ro, &all, err))
		return items;
	json_array_foreach(json_object_get(all, "items"), i, it)
		if (strcmp(json_string_value(json_object_get(it, "target")), adcode) == 0)
			json_array_append(items, it);
	json_decref(all);
	return items;
}

static enum bf_status county_locked(struct app *app, const struct registry *r,
				    const struct principal *who, size_t t,
				    const struct work_report_opts *o, json_t **out,
				    struct bf_err *err)
{
	static const char *const need_keys[] = { "#id", "task", "title", "#priority",
						 "#commitments", NULL };
	static const char *const policy_keys[] = { "#id", "unit", "title", "doc_no", "date",
						   "sector", "link", NULL };
	static const char *const late_keys[] = { "#id", "unit", "task", "title", "measure",
						 "#target_value", "#delivered_value", "due",
						 "status", NULL };
	const struct bf_target *x = &r->targets[t];
	json_t *needs = NULL, *policies = NULL, *late = NULL, *row, *groups;
	size_t round, cadres;
	struct ctx c;
	char day[11];
	enum bf_status rc;

	if ((rc = query_round(r, o->round, o->as_of, &round, err)))
		return rc;
	if (round == REG_NONE) {
		bf_err_set(err, BF_EUSAGE, "no round is in progress on the day asked: name one "
					   "(round=...)");
		return BF_EUSAGE;
	}
	ctx_init(&c, r, round, BY_TARGET, who);
	if (!c.visible[t]) { /* not a target of the reader's groups in this round */
		ctx_release(&c);
		bf_err_set(err, BF_ENOTFOUND, "no target '%s' that you may see in round %s",
			   x->adcode, r->rounds[round].name);
		return BF_ENOTFOUND;
	}
	memset(c.visible, 0, r->ntargets * sizeof *c.visible);
	c.visible[t] = true;
	date_format(o->as_of, day);
	if ((rc = ctx_fill(app, &c, x->adcode, o->as_of, err)) ||
	    (rc = county_list(app, WR_NEEDS, r->rounds[round].name, x->adcode, day, need_keys,
			      &needs, err)) ||
	    (rc = county_list(app, WR_POLICIES, r->rounds[round].name, x->adcode, day,
			      policy_keys, &policies, err)) ||
	    (rc = county_list(app, WR_LATE, r->rounds[round].name, x->adcode, day, late_keys,
			      &late, err)))
		goto fail;
	groups = county_groups(&c, t, o->as_of, &cadres);
	row = c.nrows ? row_json(c.rows[0], true) : json_object();
	json_object_del(row, "key");
	json_object_del(row, "name");
	json_object_del(row, "targets");
	*out = json_pack("{s:o, s:s, s:o, s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:s, s:s}",
			 "target", query_record_json(&model_targets, x), "round",
			 r->rounds[round].name, "as_of", query_date_json(o->as_of), "groups",
			 groups, "cadres_on_post",
			 (json_int_t)cadres, "work", row, "needs", needs, "policies", policies,
			 "overdue_commitments", late, "indicators",
			 county_indicators(r, r->rounds[round].name, o->as_of, x->adcode, err),
			 "note", note_en, "note_zh", note_zh);
	ctx_release(&c);
	return BF_OK;
fail:
	json_decref(needs);
	json_decref(policies);
	json_decref(late);
	ctx_release(&c);
	return rc;
}

enum bf_status work_report_county(struct app *app, const struct registry *r,
				  const struct principal *who, const char *adcode,
				  const struct work_report_opts *o, json_t **out,
				  struct bf_err *err)
{
	size_t t = registry_find_target(r, adcode);
	enum bf_status rc;

	*out = NULL;
	if (t == REG_NONE || work_read_scope(who, WK_COMMITMENT) == SCOPE_NONE) {
		bf_err_set(err, BF_ENOTFOUND, "no target '%s' that you may see", adcode);
		return BF_ENOTFOUND;
	}
	if ((rc = work_report_begin(app->store, err)))
		return rc;
	rc = county_locked(app, r, who, t, o, out, err);
	work_report_end(app->store);
	return rc;
}
