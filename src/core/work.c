/* work: the rules of the groups' work; see work.h. */
#include "core/work.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define N(a) (sizeof a / sizeof a[0])

static const struct work_field task_fields[] = {
	{ "round", WF_TEXT, WF_KEY | WF_REQ, "轮次" },
	{ "code", WF_TEXT, WF_KEY | WF_REQ, "任务代码" },
	{ "domain", WF_TEXT, WF_REQ, "领域" },
	{ "domain_zh", WF_TEXT, 0, "领域（中文）" },
	{ "name_zh", WF_TEXT, WF_REQ, "任务名称" },
	{ "name_en", WF_TEXT, 0, "英文名称" },
	{ "article_wording", WF_TEXT, 0, "文章原文" },
	{ "classes", WF_TEXT, 0, "适用分类" },
	{ "direction", WF_TEXT, 0, "帮扶方向" },
	{ "verified", WF_FLAG, 0, "已核实（原文）" },
	{ "note", WF_TEXT, 0, "备注" },
};
static const struct work_field need_fields[] = {
	{ "id", WF_INT, WF_KEY, "编号" },
	{ "round", WF_TEXT, WF_REQ, "轮次" },
	{ "target", WF_TEXT, WF_REQ, "帮扶对象代码" },
	{ "task", WF_TEXT, WF_REQ, "重点任务" },
	{ "title", WF_TEXT, WF_REQ, "需求" },
	{ "detail", WF_TEXT, 0, "详细说明" },
	{ "priority", WF_INT, WF_REQ, "优先级" },
	{ "created", WF_TIME, WF_SERVER, "创建时间" },
	{ "account", WF_TEXT, WF_SERVER | WF_NULL, "填报账号" },
	{ "illustrative", WF_FLAG, 0, "示例" },
};
static const struct work_field commitment_fields[] = {
	{ "id", WF_INT, WF_KEY, "编号" },
	{ "round", WF_TEXT, WF_REQ, "轮次" },
	{ "target", WF_TEXT, WF_REQ, "帮扶对象代码" },
	{ "unit", WF_TEXT, WF_REQ, "单位代码" },
	{ "task", WF_TEXT, WF_REQ, "重点任务" },
	{ "need", WF_INT, WF_NULL, "对应需求" },
	{ "title", WF_TEXT, WF_REQ, "帮扶事项" },
	{ "measure", WF_TEXT, WF_REQ, "计量单位" },
	{ "target_value", WF_INT, WF_REQ, "目标值" },
	{ "delivered_value", WF_INT, 0, "完成值" },
	{ "due", WF_DATE, WF_REQ, "完成期限" },
	{ "status", WF_TEXT, WF_REQ, "状态" },
	{ "evidence", WF_TEXT, 0, "完成佐证" },
	{ "evidence_link", WF_TEXT, 0, "佐证链接" },
	{ "reason", WF_TEXT, 0, "原因" },
	{ "delivered_on", WF_DATE, WF_SERVER | WF_NULL, "交付日期" },
	{ "confirmed_on", WF_DATE, WF_SERVER | WF_NULL, "销号日期" },
	{ "confirmed_by", WF_TEXT, WF_SERVER | WF_NULL, "销号账号" },
	{ "created", WF_TIME, WF_SERVER, "创建时间" },
	{ "account", WF_TEXT, WF_SERVER | WF_NULL, "填报账号" },
	{ "illustrative", WF_FLAG, 0, "示例" },
};
static const struct work_field resource_fields[] = {
	{ "id", WF_INT, WF_KEY, "编号" },
	{ "round", WF_TEXT, WF_REQ, "轮次" },
	{ "kind", WF_TEXT, WF_REQ, "资源类型" },
	{ "amount", WF_INT, WF_REQ, "数额（元或个数）" },
	{ "target", WF_TEXT, WF_REQ, "帮扶对象代码" },
	{ "unit", WF_TEXT, WF_REQ, "单位代码" },
	{ "task", WF_TEXT, WF_NULL, "重点任务" },
	{ "commitment", WF_INT, WF_NULL, "对应帮扶事项" },
	{ "date", WF_DATE, WF_REQ, "日期" },
	{ "source", WF_TEXT, 0, "来源（文号或说明）" },
	{ "created", WF_TIME, WF_SERVER, "创建时间" },
	{ "account", WF_TEXT, WF_SERVER | WF_NULL, "填报账号" },
	{ "illustrative", WF_FLAG, 0, "示例" },
};
static const struct work_field policy_fields[] = {
	{ "id", WF_INT, WF_KEY, "编号" },
	{ "round", WF_TEXT, WF_REQ, "轮次" },
	{ "unit", WF_TEXT, WF_REQ, "单位代码" },
	{ "title", WF_TEXT, WF_REQ, "政策文件" },
	{ "doc_no", WF_TEXT, 0, "文号" },
	{ "date", WF_DATE, WF_REQ, "日期" },
	{ "sector", WF_TEXT, 0, "领域" },
	{ "targets", WF_LIST, 0, "适用帮扶对象" },
	{ "tasks", WF_LIST, 0, "重点任务" },
	{ "link", WF_TEXT, 0, "链接" },
	{ "created", WF_TIME, WF_SERVER, "创建时间" },
	{ "account", WF_TEXT, WF_SERVER | WF_NULL, "填报账号" },
	{ "illustrative", WF_FLAG, 0, "示例" },
};

const struct work_type work_types[WK_N] = {
	{ WK_TASK, "task", "tasks", "重点任务", task_fields, N(task_fields), 2 },
	{ WK_NEED, "need", "needs", "需求清单", need_fields, N(need_fields), 1 },
	{ WK_COMMITMENT, "commitment", "commitments", "帮扶事项", commitment_fields,
	  N(commitment_fields), 1 },
	{ WK_RESOURCE, "resource", "resources", "资源导入", resource_fields, N(resource_fields), 1 },
	{ WK_POLICY, "policy", "policies", "政策文件", policy_fields, N(policy_fields), 1 },
};

const char *const work_measures[] = { "亩", "家", "个", "项", "人", "人次", "户", "万元",
				      "公里", "平方米", "吨", "场", "所", "套", NULL };
const char *const work_kinds[] = { "funds", "investment", "project", "enterprise", "talent",
				   "training", NULL };
const char *const work_kinds_zh[] = { "资金", "投资", "项目", "企业", "人才", "培训（人次）",
				      NULL };
const char *const work_statuses[] = { "planned", "in_progress", "delivered", "confirmed",
				      "dropped", NULL };
const char *const work_statuses_zh[] = { "计划", "推进中", "已交付", "已销号", "已放弃", NULL };
const char *const work_domains[] = { "industry", "urban_rural", "public_services", NULL };
const char *const work_domains_zh[] = { "培育壮大特色产业", "加强城乡建设规划",
					"提升基本公共服务", NULL };

const struct work_type *work_type_find(const char *s)
{
	for (size_t i = 0; s && i < WK_N; i++)
		if (strcmp(s, work_types[i].plural) == 0 || strcmp(s, work_types[i].name) == 0)
			return &work_types[i];
	return NULL;
}

int work_field_index(const struct work_type *t, const char *name)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* ---- records ---------------------------------------------------------------------------- */

void work_rec_init(struct work_rec *r, const struct work_type *t)
{
	memset(r, 0, sizeof *r);
	r->t = t;
	for (size_t i = 0; i < t->nfields; i++) {
		/* an id not given is assigned by the store */
		r->v[i].null = (t->fields[i].flags & WF_NULL) ||
			       ((t->fields[i].flags & WF_KEY) && t->fields[i].type == WF_INT);
		r->v[i].s = r->v[i].null ? NULL : "";
	}
}

static const struct work_val *val(const struct work_rec *r, const char *field)
{
	int i = work_field_index(r->t, field);
	return i < 0 ? NULL : &r->v[i];
}

const char *work_s(const struct work_rec *r, const char *field)
{
	const struct work_val *v = val(r, field);
	return v && !v->null ? v->s : NULL;
}

long long work_i(const struct work_rec *r, const char *field)
{
	const struct work_val *v = val(r, field);
	return v && !v->null ? v->i : 0;
}

bool work_null(const struct work_rec *r, const char *field)
{
	const struct work_val *v = val(r, field);
	return !v || v->null;
}

void work_set_s(struct work_rec *r, const char *field, const char *s)
{
	int i = work_field_index(r->t, field);
	if (i >= 0)
		r->v[i] = (struct work_val){ s == NULL, 0, s };
}

void work_set_i(struct work_rec *r, const char *field, long long n)
{
	int i = work_field_index(r->t, field);
	if (i >= 0)
		r->v[i] = (struct work_val){ false, n, NULL };
}

void work_set_null(struct work_rec *r, const char *field)
{
	int i = work_field_index(r->t, field);
	if (i >= 0)
		r->v[i] = (struct work_val){ true, 0, NULL };
}

/* ---- errors ----------------------------------------------------------------------------- */

void work_error_init(struct work_error *e)
{
	memset(e, 0, sizeof *e);
}

enum bf_status work_fail(struct work_error *e, enum bf_status st, const char *field,
			 const char *en, const char *zh, ...)
{
	va_list ap, aq;

	va_start(ap, zh);
	va_copy(aq, ap);
	e->status = st;
	e->field = field;
	vsnprintf(e->message, sizeof e->message, en, ap);
	vsnprintf(e->message_zh, sizeof e->message_zh, zh, aq);
	va_end(aq);
	va_end(ap);
	return st;
}

/* ---- values ----------------------------------------------------------------------------- */

static int index_of(const char *const *list, const char *s)
{
	for (int i = 0; s && list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

static void join(const char *const *list, char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; list[i] && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s%s", i ? ", " : "", list[i]);
}

bool work_kind_is_yuan(const char *kind)
{
	return kind && (strcmp(kind, "funds") == 0 || strcmp(kind, "investment") == 0);
}

enum bf_status work_check_json(const struct work_field *f, enum work_json j, long long i,
			       bool too_big, struct work_error *e)
{
	const char *n = f->name;

	if (j == WJ_NULL)
		return BF_OK; /* absent: work_check_record judges whether it may be */
	switch (f->type) {
	case WF_INT:
		if (j == WJ_REAL && strcmp(n, "amount") == 0)
			return work_fail(e, BF_EINPUT, n, "%s: give a whole number of yuan (or items), "
					 "not a fraction", "字段“%s”：须为整数（元或个数），不能有小数", n);
		if (j == WJ_REAL)
			return work_fail(e, BF_EINPUT, n, "%s: give a whole number, not a fraction",
					 "字段“%s”：须为整数，不能有小数", n);
		if (j == WJ_STRING)
			return work_fail(e, BF_EINPUT, n, "%s: give a number, not a string",
					 "字段“%s”：须为数字，不能是字符串", n);
		if (j != WJ_INT)
			return work_fail(e, BF_EINPUT, n, "%s: give a number", "字段“%s”：须为数字", n);
		if (too_big || i > WORK_INT_MAX || i < -WORK_INT_MAX)
			return work_fail(e, BF_EINPUT, n, "%s: at most 9007199254740992 (2^53)",
					 "字段“%s”：不能超过 9007199254740992（2^53）", n);
		return BF_OK;
	case WF_FLAG:
		if ((j == WJ_INT && (i == 0 || i == 1)) || j == WJ_BOOL)
			return BF_OK;
		return work_fail(e, BF_EINPUT, n, "%s: give 0, 1, true or false",
				 "字段“%s”：须为 0、1、true 或 false", n);
	case WF_LIST:
		if (j == WJ_ARRAY || j == WJ_STRING)
			return BF_OK;
		return work_fail(e, BF_EINPUT, n, "%s: give a list of strings",
				 "字段“%s”：须为字符串列表", n);
	default:
		if (j == WJ_STRING)
			return BF_OK;
		return work_fail(e, BF_EINPUT, n, "%s: give a string", "字段“%s”：须为字符串", n);
	}
}

void work_facts_init(struct work_facts *f)
{
	memset(f, 0, sizeof *f);
	f->round_ok = f->target_ok = f->unit_ok = f->task_ok = f->need_ok = true;
	f->commitment_ok = f->serves = true;
	f->round_start = BF_DAY_NONE;
	f->round_end = BF_DAY_NONE;
}

void work_defaults(struct work_rec *r, const struct principal *p)
{
	int d;

	switch (r->t->kind) {
	case WK_TASK:
		if (!*work_s(r, "domain_zh") && (d = index_of(work_domains, work_s(r, "domain"))) >= 0)
			work_set_s(r, "domain_zh", work_domains_zh[d]);
		break;
	case WK_NEED:
		if (!work_i(r, "priority"))
			work_set_i(r, "priority", 2);
		if (p->role == ACC_COUNTY && p->target && !*work_s(r, "target"))
			work_set_s(r, "target", p->target);
		break;
	case WK_COMMITMENT:
		if (!*work_s(r, "status"))
			work_set_s(r, "status", "planned");
		/* fall through */
	case WK_RESOURCE:
	case WK_POLICY:
		if (p->role == ACC_UNIT && p->unit && !*work_s(r, "unit"))
			work_set_s(r, "unit", p->unit);
		break;
	default:
		break;
	}
}

static enum bf_status required(const struct work_rec *r, struct work_error *e)
{
	for (size_t i = 0; i < r->t->nfields; i++) {
		const struct work_field *f = &r->t->fields[i];
		const struct work_val *v = &r->v[i];
		if (!(f->flags & WF_REQ) || (f->flags & WF_SERVER))
			continue;
		if (v->null || (f->type != WF_INT && f->type != WF_FLAG && !*v->s))
			return work_fail(e, BF_EINPUT, f->name, "%s is required", "字段“%s”：必填",
					 f->name);
	}
	return BF_OK;
}

static enum bf_status length(const struct work_rec *r, const char *field, size_t max,
			     struct work_error *e)
{
	const char *s = work_s(r, field);
	size_t chars = 0;
	for (const unsigned char *c = (const unsigned char *)s; c && *c; c++)
		chars += (*c & 0xC0) != 0x80;
	if (chars <= max)
		return BF_OK;
	return work_fail(e, BF_EINPUT, field, "%s: at most %zu characters", "字段“%s”：最多 %zu 个字",
			 field, max);
}

static enum bf_status one_of(const struct work_rec *r, const char *field,
			     const char *const *list, struct work_error *e)
{
	char all[300];
	if (index_of(list, work_s(r, field)) >= 0)
		return BF_OK;
	join(list, all, sizeof all);
	return work_fail(e, BF_EINPUT, field, "%s: '%.60s' is not one of: %s",
			 "字段“%s”：“%.60s”不在可选值中：%s", field, work_s(r, field), all);
}

/* An integer field between lo and hi. */
static enum bf_status range(const struct work_rec *r, const char *field, long long lo,
			    long long hi, struct work_error *e)
{
	long long v = work_i(r, field);
	if (work_null(r, field) || (v >= lo && v <= hi))
		return BF_OK;
	if (lo == 1 && hi == WORK_INT_MAX)
		return work_fail(e, BF_EINPUT, field, "%s: must be greater than 0 (got %lld)",
				 "字段“%s”：须大于 0（收到 %lld）", field, v);
	if (lo == 0 && hi == WORK_INT_MAX)
		return work_fail(e, BF_EINPUT, field, "%s: must not be negative (got %lld)",
				 "字段“%s”：不能为负数（收到 %lld）", field, v);
	return work_fail(e, BF_EINPUT, field, "%s: must be from %lld to %lld (got %lld)",
			 "字段“%s”：须在 %lld 到 %lld 之间（收到 %lld）", field, lo, hi, v);
}

/* Every date field parses; due and date lie within the round. */
static enum bf_status dates(const struct work_rec *r, const struct work_facts *f,
			    struct work_error *e)
{
	for (size_t i = 0; i < r->t->nfields; i++) {
		const struct work_field *fd = &r->t->fields[i];
		bf_day d;
		char s[11], en[11];
		if (fd->type != WF_DATE || r->v[i].null || !*r->v[i].s)
			continue;
		if (!date_parse(r->v[i].s, &d))
			return work_fail(e, BF_EINPUT, fd->name, "%s: '%.40s' is not a date (YYYY-MM-DD)",
					 "字段“%s”：“%.40s”不是日期（YYYY-MM-DD）", fd->name, r->v[i].s);
		if ((fd->flags & WF_SERVER) || f->round_start == BF_DAY_NONE)
			continue;
		if (d < f->round_start || d > f->round_end) {
			date_format(f->round_start, s);
			date_format(f->round_end, en);
			return work_fail(e, BF_EINPUT, fd->name,
					 "%s: %s is outside the round %s (%s to %s)",
					 "字段“%s”：%s 不在轮次 %s 内（%s 至 %s）", fd->name, r->v[i].s,
					 work_s(r, "round"), s, en);
		}
	}
	return BF_OK;
}

static enum bf_status refs(const struct work_rec *r, const struct work_facts *f,
			   struct work_error *e)
{
	const char *round = work_s(r, "round");
	if (!f->round_ok)
		return work_fail(e, BF_EINPUT, "round", "round: '%.60s' does not exist",
				 "字段“round”：轮次“%.60s”不存在", round);
	if (!f->target_ok)
		return work_fail(e, BF_EINPUT, "target", "target: '%.60s' is not a target of the programme",
				 "字段“target”：“%.60s”不是帮扶对象", work_s(r, "target"));
	if (!f->unit_ok)
		return work_fail(e, BF_EINPUT, "unit", "unit: '%.60s' does not exist",
				 "字段“unit”：单位“%.60s”不存在", work_s(r, "unit"));
	if (!f->task_ok)
		return work_fail(e, BF_EINPUT, "task", "task: '%.40s' is not a task of round %.40s",
				 "字段“task”：“%.40s”不是轮次 %.40s 的重点任务", work_s(r, "task"), round);
	if (!f->need_ok)
		return work_fail(e, BF_EINPUT, "need",
				 "need: %lld is not a need of target %.20s in round %.40s",
				 "字段“need”：%lld 不是帮扶对象 %.20s 在轮次 %.40s 的需求",
				 work_i(r, "need"), work_s(r, "target"), round);
	if (!f->commitment_ok)
		return work_fail(e, BF_EINPUT, "commitment",
				 "commitment: %lld is not a commitment of target %.20s in round %.40s",
				 "字段“commitment”：%lld 不是帮扶对象 %.20s 在轮次 %.40s 的帮扶事项",
				 work_i(r, "commitment"), work_s(r, "target"), round);
	if (!f->serves)
		return work_fail(e, BF_EINPUT, "target",
				 "target: unit %.20s is not a member of a group of %.20s in round %.40s",
				 "字段“target”：单位 %.20s 不是 %.20s 在轮次 %.40s 的组团成员",
				 work_s(r, "unit"), work_s(r, "target"), round);
	if (f->bad_target)
		return work_fail(e, BF_EINPUT, "targets", "targets: '%.20s' is not a target of the programme",
				 "字段“targets”：“%.20s”不是帮扶对象", f->bad_target);
	if (f->unserved)
		return work_fail(e, BF_EINPUT, "targets",
				 "targets: unit %.20s is not a member of a group of %.20s in round %.40s",
				 "字段“targets”：单位 %.20s 不是 %.20s 在轮次 %.40s 的组团成员",
				 work_s(r, "unit"), f->unserved, round);
	if (f->bad_task)
		return work_fail(e, BF_EINPUT, "tasks", "tasks: '%.40s' is not a task of round %.40s",
				 "字段“tasks”：“%.40s”不是轮次 %.40s 的重点任务", f->bad_task, round);
	return BF_OK;
}

enum bf_status work_check_record(const struct work_rec *r, const struct work_facts *f,
				 struct work_error *e)
{
	enum bf_status rc;

	if ((rc = required(r, e)) || (rc = refs(r, f, e)) || (rc = dates(r, f, e)))
		return rc;
	switch (r->t->kind) {
	case WK_TASK:
		if ((rc = length(r, "code", 16, e)) || (rc = length(r, "name_zh", 100, e)) ||
		    (rc = one_of(r, "domain", work_domains, e)))
			return rc;
		if (strchr(work_s(r, "code"), ',') || strchr(work_s(r, "code"), ';') ||
		    strchr(work_s(r, "code"), '/'))
			return work_fail(e, BF_EINPUT, "code", "code: no ',', ';' or '/' in a task code",
					 "字段“code”：任务代码不能含“,”“;”或“/”");
		return BF_OK;
	case WK_NEED:
		if ((rc = length(r, "title", 200, e)))
			return rc;
		return range(r, "priority", 1, 3, e);
	case WK_COMMITMENT:
		if ((rc = length(r, "title", 200, e)) || (rc = one_of(r, "measure", work_measures, e)) ||
		    (rc = one_of(r, "status", work_statuses, e)) ||
		    (rc = range(r, "target_value", 1, WORK_INT_MAX, e)) ||
		    (rc = range(r, "delivered_value", 0, WORK_INT_MAX, e)))
			return rc;
		return range(r, "need", 1, WORK_INT_MAX, e);
	case WK_RESOURCE:
		if ((rc = one_of(r, "kind", work_kinds, e)) ||
		    (rc = range(r, "amount", 1, WORK_INT_MAX, e)))
			return rc;
		return range(r, "commitment", 1, WORK_INT_MAX, e);
	case WK_POLICY:
		return length(r, "title", 300, e);
	default:
		return BF_OK;
	}
}

/* ---- who may do what -------------------------------------------------------------------- */

enum acc_scope work_read_scope(const struct principal *p, enum work_kind k)
{
	if (access_reads_all(p) || k == WK_TASK || k == WK_POLICY)
		return SCOPE_ALL;
	return p->role == ACC_UNIT ? SCOPE_UNIT : p->role == ACC_COUNTY ? SCOPE_TARGET : SCOPE_NONE;
}

enum acc_scope work_write_scope(const struct principal *p, enum work_kind k)
{
	if (p->role == ACC_ADMIN)
		return SCOPE_ALL;
	switch (k) {
	case WK_NEED:
		return p->role == ACC_COUNTY ? SCOPE_TARGET : SCOPE_NONE;
	case WK_COMMITMENT: /* the county and the planner confirm and send back */
		return p->role == ACC_UNIT	 ? SCOPE_UNIT
		       : p->role == ACC_COUNTY ? SCOPE_TARGET
		       : p->role == ACC_PLANNER ? SCOPE_ALL
						: SCOPE_NONE;
	case WK_RESOURCE:
	case WK_POLICY:
		return p->role == ACC_UNIT ? SCOPE_UNIT : SCOPE_NONE;
	default:
		return SCOPE_NONE;
	}
}

enum acc_scope work_deliver_scope(const struct principal *p)
{
	return p->role == ACC_ADMIN ? SCOPE_ALL : p->role == ACC_UNIT ? SCOPE_UNIT : SCOPE_NONE;
}

enum acc_scope work_confirm_scope(const struct principal *p)
{
	return p->role == ACC_ADMIN || p->role == ACC_PLANNER ? SCOPE_ALL
	       : p->role == ACC_COUNTY			    ? SCOPE_TARGET
								    : SCOPE_NONE;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

bool work_can_read(const struct principal *p, const struct work_rec *r,
		   const struct work_facts *f)
{
	switch (work_read_scope(p, r->t->kind)) {
	case SCOPE_ALL:
		return true;
	case SCOPE_UNIT:
		return f->actor_serves;
	case SCOPE_TARGET:
		return same(work_s(r, "target"), p->target);
	default:
		return false;
	}
}

static enum bf_status forbidden(struct work_error *e, const char *en, const char *zh)
{
	work_fail(e, BF_EFORBIDDEN, NULL, "%s", "%s", en);
	snprintf(e->message_zh, sizeof e->message_zh, "%s", zh);
	return BF_EFORBIDDEN;
}

static bool val_eq(const struct work_field *f, const struct work_val *a, const struct work_val *b)
{
	if (a->null || b->null)
		return a->null == b->null;
	if (f->type == WF_INT || f->type == WF_FLAG)
		return a->i == b->i;
	return strcmp(a->s, b->s) == 0;
}

/* A county or the planner may change a commitment's status and reason only. */
static enum bf_status status_only(const struct work_rec *old, const struct work_rec *new,
				  struct work_error *e)
{
	for (size_t i = 0; i < old->t->nfields; i++) {
		const struct work_field *f = &old->t->fields[i];
		if ((f->flags & WF_SERVER) || strcmp(f->name, "status") == 0 ||
		    strcmp(f->name, "reason") == 0)
			continue;
		if (!val_eq(f, &old->v[i], &new->v[i]))
			return work_fail(e, BF_EFORBIDDEN, f->name,
					 "%s: the county and the office change only a commitment's status "
					 "(confirm, send back) and reason; the unit edits the rest",
					 "字段“%s”：帮扶对象和办公室只能更改帮扶事项的状态（销号、退回）和原因，"
					 "其他内容由帮扶单位填写", f->name);
	}
	return BF_OK;
}

static enum bf_status commitment_write(const struct principal *p, enum work_op op,
				       const struct work_rec *old, const struct work_rec *new,
				       const struct work_facts *fn, struct work_error *e)
{
	enum bf_status rc;
	(void)fn;

	if (p->role == ACC_UNIT) {
		if ((old && !same(work_s(old, "unit"), p->unit)) ||
		    (new && !same(work_s(new, "unit"), p->unit)))
			return forbidden(e, "a unit writes only its own commitments",
					 "帮扶单位只能填写本单位的帮扶事项");
		if (op == WORK_DELETE && strcmp(work_s(old, "status"), "planned") != 0)
			return work_fail(e, BF_ECONFLICT, "status", "status: only a planned commitment "
					 "can be deleted; drop it with a reason instead",
					 "字段“status”：只有“计划”状态的帮扶事项可以删除，其他请填写原因后放弃");
		if (old && strcmp(work_s(old, "status"), "confirmed") == 0)
			return work_fail(e, BF_ECONFLICT, "status", "status: the commitment is "
					 "confirmed (closed); only the office can change it now",
					 "字段“status”：该帮扶事项已销号，只有指挥部办公室可以再修改");
	} else if (p->role == ACC_COUNTY || p->role == ACC_PLANNER) {
		if (op != WORK_UPDATE)
			return forbidden(e, p->role == ACC_COUNTY
						 ? "a county confirms or sends back its commitments; "
						   "the unit creates and deletes them"
						 : "the planner confirms or sends back commitments; the "
						   "unit creates and deletes them",
					 "帮扶对象和专班只能销号或退回，帮扶事项由帮扶单位新增和删除");
		if (p->role == ACC_COUNTY && !same(work_s(old, "target"), p->target))
			return forbidden(e, "a county confirms only its own target's commitments",
					 "帮扶对象只能对本县的帮扶事项销号");
		if ((rc = status_only(old, new, e)))
			return rc;
	} else if (p->role != ACC_ADMIN) {
		return forbidden(e, "your role may not write commitments", "您的角色不能填写帮扶事项");
	}
	return BF_OK;
}

enum bf_status work_check_op(const struct principal *p, enum work_kind k, enum work_op op,
			     struct work_error *e)
{
	char en[120], zh[120];
	const struct work_type *t = &work_types[k];

	if (work_write_scope(p, k) == SCOPE_NONE) {
		snprintf(en, sizeof en, "your role may not write %s", t->plural);
		snprintf(zh, sizeof zh, "您的角色不能填写%s", t->zh);
		return forbidden(e, en, zh);
	}
	if (k == WK_COMMITMENT && op != WORK_UPDATE &&
	    (p->role == ACC_COUNTY || p->role == ACC_PLANNER))
		return forbidden(e, "a county and the planner confirm or send back commitments; the "
				    "unit creates and deletes them",
				 "帮扶对象和专班只能销号或退回，帮扶事项由帮扶单位新增和删除");
	return BF_OK;
}

enum bf_status work_check_write(const struct principal *p, enum work_op op,
				const struct work_rec *old, const struct work_rec *new,
				const struct work_facts *fo, const struct work_facts *fn,
				struct work_error *e)
{
	const struct work_rec *r = new ? new : old;
	enum work_kind k = r->t->kind;
	enum bf_status rc;
	char en[120], zh[120];

	(void)fo;
	if (work_write_scope(p, k) == SCOPE_NONE) {
		snprintf(en, sizeof en, "your role may not write %s", r->t->plural);
		snprintf(zh, sizeof zh, "您的角色不能填写%s", r->t->zh);
		return forbidden(e, en, zh);
	}
	if (p->role == ACC_ADMIN && k != WK_COMMITMENT)
		return BF_OK;
	switch (k) {
	case WK_NEED:
		if ((old && !same(work_s(old, "target"), p->target)) ||
		    (new && !same(work_s(new, "target"), p->target)))
			return forbidden(e, "a county writes only its own target's needs",
					 "帮扶对象只能填写本县的需求");
		return BF_OK;
	case WK_COMMITMENT:
		if ((rc = commitment_write(p, op, old, new, fn, e)))
			return rc;
		if (op == WORK_UPDATE || (op == WORK_CREATE && new))
			return work_check_transition(p, old, new, fn, e);
		return BF_OK;
	case WK_RESOURCE:
	case WK_POLICY:
		if ((old && !same(work_s(old, "unit"), p->unit)) ||
		    (new && !same(work_s(new, "unit"), p->unit)))
		{
			snprintf(en, sizeof en, "a unit writes only its own %s", r->t->plural);
			snprintf(zh, sizeof zh, "帮扶单位只能填写本单位的%s", r->t->zh);
			return forbidden(e, en, zh);
		}
		return BF_OK;
	default:
		return forbidden(e, "your role may not write this", "您的角色不能填写此项");
	}
}

/* ---- the commitment's status ------------------------------------------------------------- */

enum { W_A = 1 << ACC_ADMIN, W_P = 1 << ACC_PLANNER, W_U = 1 << ACC_UNIT, W_C = 1 << ACC_COUNTY };
enum need { NEED_NONE, NEED_EVIDENCE, NEED_REASON };

static const struct {
	const char *from, *to;
	unsigned who;
	enum need need;
	const char *en, *zh; /* who may, for the refusal */
} transitions[] = {
	{ "planned", "in_progress", W_A | W_U, NEED_NONE, "the unit", "帮扶单位" },
	{ "planned", "dropped", W_A | W_U, NEED_REASON, "the unit", "帮扶单位" },
	{ "in_progress", "dropped", W_A | W_U, NEED_REASON, "the unit", "帮扶单位" },
	{ "in_progress", "delivered", W_A | W_U, NEED_EVIDENCE, "the unit", "帮扶单位" },
	{ "delivered", "confirmed", W_A | W_P | W_C, NEED_NONE,
	  "the county of the target, the planner or admin", "本县、专班或指挥部办公室" },
	{ "delivered", "in_progress", W_A | W_P | W_C, NEED_REASON,
	  "the county of the target, the planner or admin (a send-back)",
	  "本县、专班或指挥部办公室（退回）" },
};

static void next_states(const char *from, char *out, size_t n)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < N(transitions) && len < n; i++)
		if (strcmp(transitions[i].from, from) == 0)
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "",
						transitions[i].to);
	if (!out[0])
		snprintf(out, n, "nothing");
}

enum bf_status work_check_transition(const struct principal *p, const struct work_rec *old,
				     const struct work_rec *new, const struct work_facts *f,
				     struct work_error *e)
{
	const char *to = work_s(new, "status");
	const char *from = old ? work_s(old, "status") : NULL;
	char next[160];

	if (!old) {
		if (strcmp(to, "planned") == 0 || strcmp(to, "in_progress") == 0)
			return BF_OK;
		return work_fail(e, BF_EINPUT, "status", "status: a new commitment is planned or "
				 "in_progress; it is delivered, confirmed or dropped later",
				 "字段“status”：新的帮扶事项只能是“计划”或“推进中”");
	}
	if (strcmp(from, to) == 0)
		return BF_OK;
	for (size_t i = 0; i < N(transitions); i++) {
		if (strcmp(transitions[i].from, from) != 0 || strcmp(transitions[i].to, to) != 0)
			continue;
		if (!(transitions[i].who & (1u << p->role))) {
			char en[200], zh[200];
			snprintf(en, sizeof en, "status: only %s may set %s to %s", transitions[i].en,
				 from, to);
			snprintf(zh, sizeof zh, "字段“status”：只有%s可以将“%s”改为“%s”",
				 transitions[i].zh, from, to);
			work_fail(e, BF_EFORBIDDEN, "status", "%s", "%s", en);
			snprintf(e->message_zh, sizeof e->message_zh, "%s", zh);
			return e->status;
		}
		if (transitions[i].need == NEED_EVIDENCE && !*work_s(new, "evidence") &&
		    !*work_s(new, "evidence_link") && f->evidence_files == 0)
			return work_fail(e, BF_EINPUT, "evidence", "evidence: a delivery needs evidence: "
					 "a text, an evidence_link or an attached file",
					 "字段“evidence”：交付须有佐证：文字说明、链接或附件");
		if (transitions[i].need == NEED_REASON && (!f->reason_given || !*work_s(new, "reason")))
			return work_fail(e, BF_EINPUT, "reason", "reason: say why (%s to %s needs a reason)",
					 "字段“reason”：请填写原因（从“%s”改为“%s”须说明原因）", from, to);
		return BF_OK;
	}
	next_states(from, next, sizeof next);
	return work_fail(e, BF_ECONFLICT, "status", "status: a %s commitment cannot become %s; it "
			 "may become: %s", "字段“status”：“%s”的帮扶事项不能改为“%s”，可改为：%s", from, to,
			 next);
}

bool work_overdue(const char *status, const char *due, bf_day as_of)
{
	bf_day d;
	return status && due && (strcmp(status, "planned") == 0 || strcmp(status, "in_progress") == 0) &&
	       date_parse(due, &d) && d < as_of;
}
