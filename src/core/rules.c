/* rules: one function per rule, each walking the registry for one round; see rules.h. */
#include "core/rules.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

enum { R_COVERAGE, R_SHAPE, R_QUOTA, R_CAPACITY, R_TERM, R_CONTINUITY };

const struct rule_info rules_table[] = {
	[R_COVERAGE] = { "coverage", "S3", "全覆盖：每个帮扶对象有且仅有一个组团",
			 "Coverage: every target has exactly one group" },
	[R_SHAPE] = { "group-shape", "S5", "组团构成：1家牵头单位、至少1家成员单位",
		      "Group shape: one lead unit and at least one member" },
	[R_QUOTA] = { "cadre-quota", "S6", "选派干部：牵头单位1名处级、成员单位1-2名中层或科级",
		      "Cadre quota: lead sends 1 division-level, members 1-2 middle/section" },
	[R_CAPACITY] = { "capacity", "S8", "帮扶数量：单位帮扶对象数不超过其容量",
			 "Capacity: a unit assists at most its capacity of targets" },
	[R_TERM] = { "term", "S7", "任期：3年为周期，期满须有接任", 
		     "Terms: 3-year cycle, a successor when a term ends" },
	[R_CONTINUITY] = { "rotation-continuity", "S7", "轮换衔接：牵头干部与半数以上干部不得在90天内同时离任",
			   "Rotation continuity: the lead and most cadres must not leave within 90 days" },
};
const size_t rules_count = sizeof rules_table / sizeof rules_table[0];

void violations_init(struct violations *v)
{
	memset(v, 0, sizeof *v);
}

void violations_release(struct violations *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->items[i].key);
		free(v->items[i].message);
		free(v->items[i].message_zh);
	}
	free(v->items);
	violations_init(v);
}

int rules_find(const char *tag)
{
	for (size_t i = 0; i < rules_count; i++)
		if (strcmp(rules_table[i].tag, tag) == 0)
			return (int)i;
	return -1;
}

/* Appends a violation worded in English (fmt) and in Chinese (zh), two formats of the same
 * arguments in the same order; ADD has the compiler check both against them. */
__attribute__((format(printf, 6, 7)))
static void add(struct violations *v, size_t rule, const char *subject, const char *key,
		const char *zh, const char *fmt, ...)
{
	struct buf msg = BUF_INIT, mzh = BUF_INIT;
	struct violation *x;
	va_list ap, aq;
	void *p = v->items;

	va_start(ap, fmt);
	va_copy(aq, ap);
	buf_vaddf(&msg, fmt, ap);
	buf_vaddf(&mzh, zh, aq);
	va_end(aq);
	va_end(ap);
	xgrow(&p, &v->cap, v->n + 1, sizeof *v->items);
	v->items = p;
	x = &v->items[v->n++];
	x->rule = rule;
	x->subject = subject;
	x->key = xstrdup(key);
	x->message = buf_detach(&msg);
	x->message_zh = buf_detach(&mzh);
	x->blocking = rule == R_CAPACITY; /* the two-leads finding is marked where it is made */
}

#define ADD(v, rule, subject, key, zh, en, ...)                                               \
	do {                                                                                   \
		if (0)                                                                         \
			printf(zh, __VA_ARGS__);                                               \
		add(v, rule, subject, key, zh, en, __VA_ARGS__);                               \
	} while (0)

struct ctx {
	const struct registry *r;
	size_t round;
	bf_day day;
	long window;  /* the end window's length in days (0: none) */
	bf_day edge;  /* its first day: the round's last window days are [edge, end] */
	struct violations *out;
};

/* Whether cadre x fills their post on the context's day: on post, or their term ended in the
 * round's end window with nobody named after them (the post stays theirs to the round's end). */
static bool serves(const struct ctx *c, const struct bf_cadre *x)
{
	bf_day end = model_cadre_end(x);
	if (model_cadre_on_post(x, c->day))
		return true;
	return x->successor_ix < 0 && x->start <= c->day && end >= c->edge && end < c->day &&
	       c->day <= c->r->rounds[c->round].end;
}

static bool in_round(const struct ctx *c, size_t g)
{
	return c->r->groups[g].round_ix == c->round;
}

static const char *target_name(const struct registry *r, size_t g)
{
	size_t t = r->groups[g].target_ix;
	return t == REG_NONE ? "?" : r->targets[t].name_zh;
}

static void check_target_coverage(struct ctx *c, size_t t)
{
	const struct registry *r = c->r;
	const char *rn = r->rounds[c->round].name;
	struct buf ids = BUF_INIT;
	size_t n = 0;

	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k];
		if (!in_round(c, g))
			continue;
		buf_addf(&ids, "%s%s", n++ ? ", " : "", r->groups[g].id);
	}
	if (n == 0)
		ADD(c->out, R_COVERAGE, "target", r->targets[t].adcode,
		    "帮扶对象 %s %s 在轮次 %s 中没有组团：请在 groups.csv 中添加一个组团（并在 members.csv 中填写牵头单位和成员单位）",
		    "target %s %s has no group in round %s: add one in groups.csv "
		    "(with its lead and members in members.csv)",
		    r->targets[t].adcode, r->targets[t].name_zh, rn);
	else if (n > 1)
		ADD(c->out, R_COVERAGE, "target", r->targets[t].adcode,
		    "帮扶对象 %s %s 有 %zu 个组团属于轮次 %s（%s）：只保留一个",
		    "target %s %s has %zu groups in round %s (%s): keep exactly one",
		    r->targets[t].adcode, r->targets[t].name_zh, n, rn, buf_cstr(&ids));
	buf_release(&ids);
}

static void check_coverage(struct ctx *c)
{
	for (size_t t = 0; t < c->r->ntargets; t++)
		check_target_coverage(c, t);
}

static void check_group_shape(struct ctx *c, size_t g)
{
	const struct registry *r = c->r;
	size_t leads = 0, members = 0;
	const char *id = r->groups[g].id;

	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++)
		r->members[r->group_members.items[k]].role == ROLE_LEAD ? leads++ : members++;
	if (leads == 0)
		ADD(c->out, R_SHAPE, "group", id,
		    "组团 %s（%s）没有牵头单位：请在 members.csv 中将一个单位设为 role=lead",
		    "group %s (%s) has no lead unit: give one unit role=lead in members.csv",
		    id, target_name(r, g));
	else if (leads > 1)
		ADD(c->out, R_SHAPE, "group", id,
		    "组团 %s（%s）有 %zu 个牵头单位：只保留一个牵头单位，其余改为成员单位",
		    "group %s (%s) has %zu lead units: keep one lead, make the others members",
		    id, target_name(r, g), leads);
	if (leads > 1)
		c->out->items[c->out->n - 1].blocking = true;
	if (members == 0)
		ADD(c->out, R_SHAPE, "group", id,
		    "组团 %s（%s）没有成员单位：请在 members.csv 中至少添加一个 role=member 的单位",
		    "group %s (%s) has no member unit: add at least one unit with "
		    "role=member in members.csv",
		    id, target_name(r, g));
}

static void check_shape(struct ctx *c)
{
	for (size_t g = 0; g < c->r->ngroups; g++)
		if (in_round(c, g))
			check_group_shape(c, g);
}

/* Counts the cadres of unit u on post in group g, by rank. */
/* S7: a term may run past its round's end; the cadre goes on serving the same target for the
 * same unit, and counts for the next round's group there. True if group h, of the same target
 * as g, is of a round that ended before g's began. */
static bool earlier_round(const struct registry *r, size_t h, size_t g)
{
	size_t a = r->groups[h].round_ix, b = r->groups[g].round_ix;
	return a != REG_NONE && b != REG_NONE && r->rounds[a].end < r->rounds[b].start;
}

/* Adds the cadres of unit u in group h to n by rank: those serving on the day (serves()) if
 * h is the group judged, else those still on post. */
static void count_in(const struct ctx *c, size_t h, size_t u, bool own, size_t n[3])
{
	const struct registry *r = c->r;
	for (size_t k = r->group_cadres.off[h]; k < r->group_cadres.off[h + 1]; k++) {
		const struct bf_cadre *x = &r->cadres[r->group_cadres.items[k]];
		if (x->unit_ix == u && x->rank >= 0 &&
		    (own ? serves(c, x) : model_cadre_on_post(x, c->day)))
			n[x->rank]++;
	}
}

/* The cadres of unit u serving group g's target on the day, by rank: g's own, and those of an
 * earlier round's group there still on post (their term runs on). */
static void count_cadres(const struct ctx *c, size_t g, size_t u, size_t n[3])
{
	const struct registry *r = c->r;
	size_t t = r->groups[g].target_ix;

	n[0] = n[1] = n[2] = 0;
	count_in(c, g, u, true, n);
	for (size_t j = t == REG_NONE ? 0 : r->target_groups.off[t];
	     t != REG_NONE && j < r->target_groups.off[t + 1]; j++)
		if (earlier_round(r, r->target_groups.items[j], g))
			count_in(c, r->target_groups.items[j], u, false, n);
}

static void check_member_quota(struct ctx *c, size_t g, const struct bf_member *m)
{
	const struct registry *r = c->r;
	const struct bf_unit *u;
	char day[11];
	size_t n[3];

	/* a membership of a unit deleted earlier in the same batch: the commit refuses the
	 * dangling reference ("still referred"), and there is no unit to count cadres of */
	if (m->unit_ix == REG_NONE)
		return;
	u = &r->units[m->unit_ix];
	date_format(c->day, day);
	count_cadres(c, g, m->unit_ix, n);
	if (m->role == ROLE_LEAD && n[RANK_DIVISION] != 1)
		ADD(c->out, R_QUOTA, "group", r->groups[g].id,
		    "牵头单位 %s %s 在岗处级干部 %zu 名（%s，组团 %s，%s）：应恰好 1 名",
		    "lead unit %s %s has %zu division-level cadres on post in %s (group %s) on "
		    "%s: it must have exactly 1",
		    u->code, u->name_zh, n[RANK_DIVISION], target_name(r, g), r->groups[g].id, day);
	if (m->role == ROLE_MEMBER && (n[RANK_MIDDLE] + n[RANK_SECTION] < 1 ||
				       n[RANK_MIDDLE] + n[RANK_SECTION] > 2))
		ADD(c->out, R_QUOTA, "group", r->groups[g].id,
		    "成员单位 %s %s 在岗中层或科级干部 %zu 名（%s，组团 %s，%s）：应为 1 至 2 名",
		    "member unit %s %s has %zu middle- or section-level cadres on post in %s "
		    "(group %s) on %s: it must have 1 or 2",
		    u->code, u->name_zh, n[RANK_MIDDLE] + n[RANK_SECTION], target_name(r, g),
		    r->groups[g].id, day);
	if (m->role == ROLE_MEMBER && n[RANK_DIVISION] > 0)
		ADD(c->out, R_QUOTA, "group", r->groups[g].id,
		    "成员单位 %s %s 有 %zu 名处级干部在 %s（组团 %s）：成员单位选派中层或科级干部，只有牵头单位选派处级干部",
		    "member unit %s %s has %zu division-level cadres in %s (group %s): members "
		    "send middle- or section-level cadres; only the lead sends a division-level "
		    "one",
		    u->code, u->name_zh, n[RANK_DIVISION], target_name(r, g), r->groups[g].id);
}

static void check_outsiders(struct ctx *c, size_t g)
{
	const struct registry *r = c->r;
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++) {
		const struct bf_cadre *x = &r->cadres[r->group_cadres.items[k]];
		if (!model_cadre_on_post(x, c->day) ||
		    registry_member_role(r, g, x->unit_ix) >= 0)
			continue;
		ADD(c->out, R_QUOTA, "cadre", x->id,
		    "干部 %s %s（单位 %s）在 %s（组团 %s）挂职，但该单位不是这个组团的成员：请把单位加入组团或更正干部所属组团",
		    "cadre %s %s of unit %s serves in %s (group %s), but the unit is not a member "
		    "of that group: add the unit to the group or correct the cadre's group",
		    x->id, x->name, x->unit, target_name(r, g), r->groups[g].id);
	}
}

static void check_group_quota(struct ctx *c, size_t g)
{
	const struct registry *r = c->r;
	for (size_t k = r->group_members.off[g]; k < r->group_members.off[g + 1]; k++)
		check_member_quota(c, g, &r->members[r->group_members.items[k]]);
	check_outsiders(c, g);
}

static void check_quota(struct ctx *c)
{
	for (size_t g = 0; g < c->r->ngroups; g++)
		if (in_round(c, g))
			check_group_quota(c, g);
}

static void check_unit_capacity(struct ctx *c, size_t u)
{
	const struct registry *r = c->r;
	struct buf ids = BUF_INIT;
	size_t n = 0;

	for (size_t k = r->unit_members.off[u]; k < r->unit_members.off[u + 1]; k++) {
		size_t g = r->members[r->unit_members.items[k]].group_ix;
		if (!in_round(c, g))
			continue;
		buf_addf(&ids, "%s%s %s", n++ ? ", " : "", r->groups[g].id, target_name(r, g));
	}
	if ((long)n > r->units[u].capacity)
		ADD(c->out, R_CAPACITY, "unit", r->units[u].code,
		    "单位 %s %s 参加了 %zu 个组团（轮次 %s：%s），但其帮扶容量为 %ld：请退出 %zu 个组团或提高容量（S8：经济部门和实力较强的单位可帮扶 2 个）",
		    "unit %s %s is in %zu groups of round %s (%s) but its capacity is %ld: "
		    "remove it from %zu group(s) or raise its capacity (S8 allows 2 for "
		    "economic departments and strong units)",
		    r->units[u].code, r->units[u].name_zh, n, r->rounds[c->round].name,
		    buf_cstr(&ids), r->units[u].capacity, n - (size_t)r->units[u].capacity);
	buf_release(&ids);
}

static void check_capacity(struct ctx *c)
{
	for (size_t u = 0; u < c->r->nunits; u++)
		check_unit_capacity(c, u);
}

static void check_cadre_term(struct ctx *c, const struct bf_cadre *x)
{
	const struct bf_round *rd = &c->r->rounds[c->round];
	char a[11], b[11], d[11];

	date_format(x->start, a);
	date_format(x->planned_end, b);
	if (x->planned_end >= date_add_years(x->start, (int)rd->cycle_years))
		ADD(c->out, R_TERM, "cadre", x->id,
		    "干部 %s %s：计划任期 %s 至 %s 超过 %ld 年周期；请将 planned_end 设为开始后至多 %ld 年减一天",
		    "cadre %s %s: planned term %s to %s is longer than the %ld-year cycle; "
		    "set planned_end to at most %ld years after start, less a day",
		    x->id, x->name, a, b, rd->cycle_years, rd->cycle_years);
	if (x->start < rd->start || x->start > rd->end) {
		date_format(rd->start, b);
		date_format(rd->end, d);
		ADD(c->out, R_TERM, "cadre", x->id,
		    "干部 %s %s 于 %s 到岗，不在轮次 %s（%s 至 %s）之内：请更正到岗日期或干部所属组团",
		    "cadre %s %s starts on %s, outside round %s (%s to %s): correct the start "
		    "date or the cadre's group",
		    x->id, x->name, a, rd->name, b, d);
	}
	if (model_cadre_end(x) < c->day && model_cadre_end(x) < c->edge &&
	    rules_round_live(c->r, c->round, c->day) && x->successor_ix < 0) {
		date_format(model_cadre_end(x), d);
		ADD(c->out, R_TERM, "cadre", x->id,
		    "干部 %s %s（%s，%s）已于 %s 离任且未指定接任者：请添加新干部并填写 predecessor=%s",
		    "cadre %s %s (%s, %s) left on %s and no successor is named: add the new "
		    "cadre with predecessor=%s",
		    x->id, x->name, x->unit, target_name(c->r, x->group_ix), d, x->id);
	}
}

static void check_terms(struct ctx *c)
{
	const struct registry *r = c->r;
	for (size_t i = 0; i < r->ncadres; i++)
		if (r->cadres[i].group_ix != REG_NONE && in_round(c, r->cadres[i].group_ix))
			check_cadre_term(c, &r->cadres[i]);
}

static int cmp_day(const void *a, const void *b)
{
	bf_day x = *(const bf_day *)a, y = *(const bf_day *)b;
	return (x > y) - (x < y);
}

/* The lead cadre of group g on post: the division-level cadre of the lead unit. */
static const struct bf_cadre *lead_cadre(const struct ctx *c, size_t g)
{
	const struct registry *r = c->r;
	size_t m = registry_group_lead(r, g);
	if (m == REG_NONE)
		return NULL;
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++) {
		const struct bf_cadre *x = &r->cadres[r->group_cadres.items[k]];
		if (x->unit_ix == r->members[m].unit_ix && x->rank == RANK_DIVISION &&
		    serves(c, x))
			return x;
	}
	return NULL;
}

static void check_group_continuity(struct ctx *c, size_t g)
{
	const struct registry *r = c->r;
	const struct bf_cadre *lead = lead_cadre(c, g);
	size_t n = 0, best = 0, from = 0;
	bf_day *ends, lend;

	if (!lead || (c->window && model_cadre_end(lead) >= c->edge)) /* leaves with the round */
		return;
	lend = model_cadre_end(lead);
	ends = xmalloc((r->group_cadres.off[g + 1] - r->group_cadres.off[g]) * sizeof *ends);
	for (size_t k = r->group_cadres.off[g]; k < r->group_cadres.off[g + 1]; k++) {
		const struct bf_cadre *x = &r->cadres[r->group_cadres.items[k]];
		if (model_cadre_on_post(x, c->day))
			ends[n++] = model_cadre_end(x);
	}
	qsort(ends, n, sizeof *ends, cmp_day);
	for (size_t i = 0; i < n; i++) {
		size_t cnt = 0;
		if (ends[i] < lend - 90 || ends[i] > lend)
			continue;
		/* who leaves with the round (in its end window) is no rotation */
		for (size_t j = i; j < n && ends[j] <= ends[i] + 90 && (!c->window || ends[j] < c->edge); j++)
			cnt++;
		if (cnt > best) {
			best = cnt;
			from = i;
		}
	}
	if (n >= 2 && 2 * best > n) {
		char a[11], b[11];
		date_format(ends[from], a);
		date_format(ends[from] + 90, b);
		ADD(c->out, R_CONTINUITY, "group", r->groups[g].id,
		    "组团 %s（%s）：牵头干部 %s %s 等 %zu 名干部（共 %zu 名在岗）将在 %s 至 %s 间离任：请错开轮换，保持队伍多数稳定",
		    "group %s (%s): the lead cadre %s %s and %zu of the group's %zu cadres leave "
		    "between %s and %s: stagger the rotations so that most of the team stays",
		    r->groups[g].id, target_name(r, g), lead->id, lead->name, best, n, a, b);
	}
	free(ends);
}

static void check_continuity(struct ctx *c)
{
	for (size_t g = 0; g < c->r->ngroups; g++)
		if (in_round(c, g))
			check_group_continuity(c, g);
}

bool rules_round_live(const struct registry *r, size_t round_ix, bf_day day)
{
	return round_ix != REG_NONE && r->rounds[round_ix].start <= day &&
	       day <= r->rounds[round_ix].end;
}

/* The context of a check of round_ix on day; whether the round is in progress (then every
 * rule is judged, else only those that do not count who is on post), noted in out->judged. */
static bool start(struct ctx *c, const struct registry *r, size_t round_ix, bf_day day,
		  const struct rules_opts *opts, struct violations *out)
{
	long window = opts ? opts->end_window : RULES_END_WINDOW_DEFAULT;
	bool live;

	memset(c, 0, sizeof *c);
	c->r = r;
	c->round = round_ix;
	c->day = day;
	c->out = out;
	c->window = window < 0 ? 0 : window;
	c->edge = r->rounds[round_ix].end - c->window + 1;
	live = rules_round_live(r, round_ix, day);
	/* outside the round nobody is on post: quota and continuity have nothing to count */
	out->judged |= 1u << R_COVERAGE | 1u << R_SHAPE | 1u << R_CAPACITY | 1u << R_TERM;
	if (live)
		out->judged |= 1u << R_QUOTA | 1u << R_CONTINUITY;
	return live;
}

void rules_check(const struct registry *r, size_t round_ix, bf_day day,
		 const struct rules_opts *opts, struct violations *out)
{
	struct ctx c;
	bool live;

	if (round_ix == REG_NONE)
		return;
	live = start(&c, r, round_ix, day, opts, out);
	check_coverage(&c);
	check_shape(&c);
	if (live)
		check_quota(&c);
	check_capacity(&c);
	check_terms(&c);
	if (live)
		check_continuity(&c);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

bool rules_predecessor_ok(const struct rules_post *c, rules_post_fn lookup, void *ctx,
			  struct buf *why, struct buf *why_zh)
{
	struct rules_post p;
	char next[128];
	bool ok = true;

	if (!c->predecessor)
		return true;
	if (!lookup(ctx, c->predecessor, &p) || !same(p.unit, c->unit) ||
	    !same(p.target, c->target)) {
		buf_addf(why, "no cadre '%s' of unit %s serves target %s: a successor takes over "
			      "the post of a cadre of the same unit in the same target",
			 c->predecessor, c->unit, c->target ? c->target : "?");
		buf_addf(why_zh, "单位 %s 在帮扶对象 %s 没有干部 '%s'：接任者接替的是同一单位在同一帮扶对象的干部",
			 c->unit, c->target ? c->target : "?", c->predecessor);
		return false;
	}
	/* walk back from the predecessor; a chain that is longer than any roster ends too */
	snprintf(next, sizeof next, "%s", p.predecessor ? p.predecessor : "");
	for (size_t steps = 0; next[0] && steps < 1000000; steps++) {
		if (strcmp(next, c->id) == 0) {
			/* only the two ids the caller gave: the chain between may not be theirs */
			buf_addf(why, "naming %s would make a cycle of predecessors (%s → %s → … → "
				      "%s): a successor comes after its predecessor",
				 c->predecessor, c->id, c->predecessor, c->id);
			buf_addf(why_zh, "填写 %s 会形成接任循环（%s → %s → … → %s）：接任者应在前任之后",
				 c->predecessor, c->id, c->predecessor, c->id);
			ok = false;
			break;
		}
		if (!lookup(ctx, next, &p))
			break;
		snprintf(next, sizeof next, "%s", p.predecessor ? p.predecessor : "");
	}
	return ok;
}

void rules_check_one(const struct registry *r, size_t round_ix, bf_day day,
		     const struct rules_opts *opts, enum rules_subject kind, size_t i,
		     struct violations *out)
{
	struct ctx c;
	bool live;

	if (round_ix == REG_NONE)
		return;
	live = start(&c, r, round_ix, day, opts, out);
	switch (kind) {
	case RULES_TARGET:
		check_target_coverage(&c, i);
		break;
	case RULES_GROUP:
		if (!in_round(&c, i))
			break;
		check_group_shape(&c, i);
		if (live)
			check_group_quota(&c, i);
		if (live)
			check_group_continuity(&c, i);
		break;
	case RULES_UNIT:
		check_unit_capacity(&c, i);
		break;
	case RULES_CADRE:
		if (r->cadres[i].group_ix != REG_NONE && in_round(&c, r->cadres[i].group_ix))
			check_cadre_term(&c, &r->cadres[i]);
		break;
	}
}
