/* cycle: the rules of the reporting cycle; see cycle.h. */
#include "core/cycle.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

const char *const cycle_kinds[] = { "monthly", "quarterly", "half_yearly", "yearly", NULL };
const char *const cycle_kinds_zh[] = { "月度", "季度", "半年", "年度", NULL };
const char *const cycle_statuses[] = { "draft", "submitted", "returned", "approved", NULL };
const char *const cycle_statuses_zh[] = { "草稿", "已提交", "已退回", "已通过", NULL };
const char *const cycle_actions[] = { "submit", "return", "approve", "reopen", NULL };
const char *const cycle_file_types[] = { "PDF", "DOCX", "XLSX", "JPEG", "PNG", NULL };

static int find(const char *const *words, const char *s)
{
	for (int i = 0; s && words[i]; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

int cycle_kind_find(const char *s)
{
	return find(cycle_kinds, s);
}

int cycle_status_find(const char *s)
{
	return find(cycle_statuses, s);
}

int cycle_action_find(const char *s)
{
	return find(cycle_actions, s);
}

/* ---- periods ------------------------------------------------------------------------- */

size_t cycle_periods(bf_day start, bf_day end, int kind, int due_days, struct cycle_period *out,
		     size_t max)
{
	static const int months[CK_N] = { 1, 3, 6, 12 };
	int y, m, d, step;
	size_t n = 0;

	if (kind < 0 || kind >= CK_N || end < start || due_days < 0 ||
	    due_days > CYCLE_MAX_DUE_DAYS)
		return 0;
	step = months[kind];
	date_to_ymd(start, &y, &m, &d);
	m = (m - 1) / step * step + 1; /* the calendar period holding start */
	for (;;) {
		int ny = y, nm = m + step;
		bf_day ps = date_from_ymd(y, m, 1), pe;
		struct cycle_period *p;
		if (ps > end)
			break;
		if (nm > 12) {
			nm -= 12;
			ny++;
		}
		pe = date_from_ymd(ny, nm, 1) - 1;
		if (n == max)
			return 0;
		p = &out[n++];
		p->start = ps < start ? start : ps;
		p->end = pe > end ? end : pe;
		p->due = p->end + due_days;
		switch (kind) {
		case CK_MONTHLY: snprintf(p->name, sizeof p->name, "%04d-%02d", y, m); break;
		case CK_QUARTERLY: snprintf(p->name, sizeof p->name, "%04dQ%d", y, (m + 2) / 3); break;
		case CK_HALF_YEARLY: snprintf(p->name, sizeof p->name, "%04dH%d", y, m < 7 ? 1 : 2); break;
		default: snprintf(p->name, sizeof p->name, "%04d", y); break;
		}
		y = ny;
		m = nm;
	}
	return n;
}

/* ---- transitions ---------------------------------------------------------------------- */

static bool office(const struct principal *p)
{
	return p->role == ACC_ADMIN || p->role == ACC_PLANNER;
}

bool cycle_role_may(const struct principal *p, int action)
{
	switch (action) {
	case CA_SUBMIT: return p->role == ACC_ADMIN || p->role == ACC_UNIT;
	case CA_RETURN:
	case CA_APPROVE: return office(p);
	case CA_REOPEN: return p->role == ACC_ADMIN;
	default: return false;
	}
}

static bool may(const struct cycle_actor *a, int action)
{
	if (action == CA_SUBMIT && a->p->role == ACC_UNIT)
		return a->lead;
	return cycle_role_may(a->p, action);
}

/* The action leading from `from` (-1: none) and where it leads. */
static const struct {
	int from, action, to;
	const char *who, *who_zh;
} moves[] = {
	{ CS_DRAFT, CA_SUBMIT, CS_SUBMITTED, "the lead unit", "牵头单位" },
	{ CS_RETURNED, CA_SUBMIT, CS_SUBMITTED, "the lead unit", "牵头单位" },
	{ CS_SUBMITTED, CA_RETURN, CS_RETURNED, "the office (admin, planner)", "指挥部办公室" },
	{ CS_SUBMITTED, CA_APPROVE, CS_APPROVED, "the office (admin, planner)", "指挥部办公室" },
	{ CS_APPROVED, CA_REOPEN, CS_DRAFT, "an admin", "管理员" },
};
#define NMOVES (sizeof moves / sizeof moves[0])

void cycle_fault_init(struct cycle_fault *f)
{
	memset(f, 0, sizeof *f);
}

bool cycle_action_needs_reason(int action)
{
	return action == CA_RETURN || action == CA_REOPEN;
}

enum bf_status cycle_transition(const struct cycle_actor *a, int from, int action, int *to,
				struct cycle_fault *f, struct bf_err *err)
{
	char next[300] = "", next_zh[300] = "";
	size_t n = 0, len = 0, lenz = 0;

	for (size_t i = 0; i < NMOVES; i++)
		if (moves[i].from == from && moves[i].action == action && may(a, action)) {
			*to = moves[i].to;
			return BF_OK;
		}
	for (size_t i = 0; i < NMOVES; i++) {
		if (moves[i].from != from)
			continue;
		f->allowed[n++] = cycle_statuses[moves[i].to];
		len += (size_t)snprintf(next + len, len < sizeof next ? sizeof next - len : 0,
					"%s%s (%s, by %s)", len ? ", " : "",
					cycle_statuses[moves[i].to], cycle_actions[moves[i].action],
					moves[i].who);
		lenz += (size_t)snprintf(next_zh + lenz, lenz < sizeof next_zh ? sizeof next_zh - lenz : 0,
					 "%s%s（%s）", lenz ? "、" : "",
					 cycle_statuses_zh[moves[i].to], moves[i].who_zh);
	}
	f->allowed[n] = NULL;
	f->field = "status";
	bf_err_set(err, BF_ECONFLICT, "cannot %s a report that is %s as %s%s: allowed next: %s",
		   cycle_actions[action], cycle_statuses[from], access_roles[a->p->role],
		   a->p->role == ACC_UNIT && !a->lead ? " (not the lead unit)" : "",
		   n ? next : "none");
	bf_err_zh(err, "%s状态的报告不能执行此操作（%s）；可转到：%s", cycle_statuses_zh[from],
		  cycle_actions[action], n ? next_zh : "无");
	return BF_ECONFLICT;
}

/* ---- who reads and writes ---------------------------------------------------------------- */

bool cycle_can_read(const struct cycle_actor *a)
{
	switch (a->p->role) {
	case ACC_UNIT: return a->member;
	case ACC_COUNTY: return a->county;
	default: return true;
	}
}

bool cycle_can_create(const struct cycle_actor *a)
{
	return office(a->p) || (a->p->role == ACC_UNIT && a->member);
}

enum bf_status cycle_may_write(const struct cycle_actor *a, int status, int part,
			       const char *period, struct bf_err *err)
{
	static const char *const parts[] = { "the narrative", "a paragraph", "an attachment" };
	bool ok = a->p->role == ACC_ADMIN ||
		  (a->p->role == ACC_UNIT && (part == CP_NARRATIVE ? a->lead : a->member));

	if (!ok) {
		bf_err_set(err, BF_EFORBIDDEN, "%s of a group report is written by %s",
			   parts[part], part == CP_NARRATIVE ? "its lead unit" : "the group's units");
		bf_err_zh(err, "%s", part == CP_NARRATIVE ? "报告正文由牵头单位撰写"
							  : "只有本组团的帮扶单位可以填写");
		return BF_EFORBIDDEN;
	}
	if (status == CS_SUBMITTED) {
		bf_err_set(err, BF_ECONFLICT, "the report of %s is submitted: it can be changed again "
					      "when the office returns it", period);
		bf_err_zh(err, "%s的报告已提交，待指挥部办公室退回后才能修改", period);
		return BF_ECONFLICT;
	}
	if (status == CS_APPROVED) {
		bf_err_set(err, BF_ECONFLICT, "the period %s is locked: its report is approved; an "
					      "admin can reopen it (POST .../reopen with a reason)",
			   period);
		bf_err_zh(err, "%s已锁定：报告已审核通过；可由管理员填写理由后重新开放", period);
		return BF_ECONFLICT;
	}
	return BF_OK;
}

enum acc_scope cycle_read_scope(const struct principal *p)
{
	switch (p->role) {
	case ACC_UNIT: return SCOPE_UNIT;
	case ACC_COUNTY: return SCOPE_TARGET;
	default: return SCOPE_ALL;
	}
}

enum bf_status cycle_locked_fail(struct bf_err *err, const char *what, const char *what_zh,
				 const char *period, bf_day start, bf_day end, const char *group,
				 long long report)
{
	char s[11], e[11];

	date_format(start, s);
	date_format(end, e);
	bf_err_set(err, BF_ECONFLICT,
		   "%s lies in the period %s (%s to %s), locked since group %s's report %lld was "
		   "approved: an admin can reopen it (POST /api/v1/group-reports/%lld/reopen with "
		   "a reason)",
		   what, period, s, e, group, report, report);
	bf_err_zh(err, "%s属于已锁定的报告期%s（%s至%s）：组团%s的报告已审核通过；如需修改，请管理员"
		       "填写理由后重新开放",
		  what_zh ? what_zh : what, period, s, e, group);
	return BF_ECONFLICT;
}

/* ---- attachments: types by content ---------------------------------------------------------- */

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

/* A ZIP's central directory: whether it has [Content_Types].xml and entries under word/ or
 * xl/ (an Office Open XML document is such a ZIP). */
static const char *sniff_zip(const unsigned char *d, size_t len)
{
	size_t eocd = 0, off, count, pos;
	bool types = false, word = false, xl = false;

	if (len < 22)
		return NULL;
	for (size_t i = len - 22 + 1; i-- > 0 && len - i <= 22 + 65535;)
		if (le32(d + i) == 0x06054b50) {
			eocd = i + 1;
			break;
		}
	if (!eocd--)
		return NULL;
	count = le16(d + eocd + 10);
	off = le32(d + eocd + 16);
	for (pos = off; count-- > 0;) {
		size_t nlen, extra, comment;
		const char *name;
		if (pos > eocd || eocd - pos < 46 || le32(d + pos) != 0x02014b50)
			return NULL;
		nlen = le16(d + pos + 28);
		extra = le16(d + pos + 30);
		comment = le16(d + pos + 32);
		if (eocd - pos - 46 < nlen)
			return NULL;
		name = (const char *)d + pos + 46;
		if (nlen == 19 && memcmp(name, "[Content_Types].xml", 19) == 0)
			types = true;
		else if (nlen > 5 && memcmp(name, "word/", 5) == 0)
			word = true;
		else if (nlen > 3 && memcmp(name, "xl/", 3) == 0)
			xl = true;
		pos += 46 + nlen + extra + comment;
	}
	if (types && word && !xl)
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	if (types && xl && !word)
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	return NULL;
}

const char *cycle_sniff(const void *data, size_t len)
{
	const unsigned char *d = data;

	if (len >= 5 && memcmp(d, "%PDF-", 5) == 0)
		return "application/pdf";
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 4 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0)
		return sniff_zip(d, len);
	return NULL;
}
