/* inbox: the kinds of a person's to-do items and who gets which; see inbox.h. */
#include "core/inbox.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

const char *const inbox_kinds[] = { "report_due", "report_overdue", "report_returned",
				    "report_waiting", "commitment_overdue",
				    "confirmation_waiting", "term_ending", "finding", NULL };
const char *const inbox_kinds_zh[] = { "报告将到期", "报告已逾期", "报告被退回", "报告待审核",
				       "帮扶事项逾期", "待确认销号", "任期将满", "规则检查",
				       NULL };
const char *const inbox_kinds_en[] = { "Report due", "Report overdue", "Report returned",
				       "Report waiting for review", "Commitment overdue",
				       "Confirmation waiting", "Term ending", "Rule finding",
				       NULL };

int inbox_kind_find(const char *s)
{
	for (int i = 0; s && inbox_kinds[i]; i++)
		if (strcmp(inbox_kinds[i], s) == 0)
			return i;
	return -1;
}

#define BIT(k) (1u << (k))

unsigned inbox_kinds_of(const struct principal *p)
{
	switch (p->role) {
	case ACC_ADMIN:
	case ACC_PLANNER:
		return BIT(IK_REPORT_WAITING);
	case ACC_UNIT:
		return BIT(IK_REPORT_DUE) | BIT(IK_REPORT_OVERDUE) | BIT(IK_REPORT_RETURNED) |
		       BIT(IK_COMMITMENT_OVERDUE) | BIT(IK_TERM_ENDING) | BIT(IK_FINDING);
	case ACC_COUNTY:
		return BIT(IK_COMMITMENT_OVERDUE) | BIT(IK_CONFIRMATION);
	default: /* the auditor: nothing to do */
		return 0;
	}
}

void inbox_init(struct inbox *b)
{
	memset(b, 0, sizeof *b);
	arena_init(&b->arena);
}

void inbox_release(struct inbox *b)
{
	arena_release(&b->arena);
	free(b->items);
	memset(b, 0, sizeof *b);
}

struct inbox_item *inbox_add(struct inbox *b, int kind)
{
	struct inbox_item *it;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 32;
		b->items = xrealloc(b->items, b->cap * sizeof *b->items);
	}
	it = &b->items[b->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->due = BF_DAY_NONE;
	return it;
}

/* Ids compared as the store orders them: numbers (a report's, a commitment's) by value, other
 * ids (a cadre's, a group's) as text. */
static int cmp_id(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	bool numa = na && strspn(a, "0123456789") == na, numb = nb && strspn(b, "0123456789") == nb;

	if (numa && numb && na != nb)
		return na < nb ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_item(const void *pa, const void *pb)
{
	const struct inbox_item *a = pa, *b = pb;
	bool da = a->due != BF_DAY_NONE, db = b->due != BF_DAY_NONE;
	int d;

	if (da != db)
		return da ? -1 : 1;
	if (da && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->group && b->group && strcmp(a->group, b->group))
		return strcmp(a->group, b->group);
	if (a->period_id != b->period_id)
		return a->period_id < b->period_id ? -1 : 1;
	if ((d = cmp_id(a->id ? a->id : "", b->id ? b->id : "")))
		return d;
	return strcmp(a->label ? a->label : "", b->label ? b->label : ""); /* a group's findings */
}

void inbox_sort(struct inbox *b)
{
	if (b->n > 1)
		qsort(b->items, b->n, sizeof *b->items, cmp_item);
}

int inbox_report_kind(bf_day due, bf_day today, long due_days)
{
	if (due < today)
		return IK_REPORT_OVERDUE;
	if ((long)due - today <= due_days)
		return IK_REPORT_DUE;
	return -1;
}

long inbox_days(bf_day due, bf_day today)
{
	return (long)due - (long)today;
}

/* "G2023-440881（廉江市）" and "G2023-440881 (Lianjiang)" */
static void group_names(const struct inbox_item *it, struct buf *zh, struct buf *en)
{
	buf_addf(zh, "组团%s", it->group ? it->group : "");
	buf_addf(en, "Group %s", it->group ? it->group : "");
	if (it->target_zh)
		buf_addf(zh, "（%s）", it->target_zh);
	if (it->target_en && *it->target_en)
		buf_addf(en, " (%s)", it->target_en);
	else if (it->target)
		buf_addf(en, " (%s)", it->target);
}

static const char *target_en(const struct inbox_item *it)
{
	return it->target_en && *it->target_en ? it->target_en : it->target ? it->target : "";
}

void inbox_title(const struct inbox_item *it, bf_day today, struct buf *zh, struct buf *en)
{
	char due[11] = "";
	long d = it->due != BF_DAY_NONE ? inbox_days(it->due, today) : 0;

	if (it->due != BF_DAY_NONE)
		date_format(it->due, due);
	switch (it->kind) {
	case IK_REPORT_DUE:
	case IK_REPORT_OVERDUE:
	case IK_REPORT_RETURNED:
	case IK_REPORT_WAITING:
		group_names(it, zh, en);
		buf_addf(zh, "%s报告", it->period);
		buf_addf(en, ": the report for %s ", it->period);
		if (it->kind == IK_REPORT_DUE) {
			buf_addf(zh, "将于%s截止（还有%ld天）", due, d);
			buf_addf(en, "is due on %s (%ld day%s left)", due, d, d == 1 ? "" : "s");
		} else if (it->kind == IK_REPORT_OVERDUE) {
			buf_addf(zh, "已逾期%ld天（截止%s），尚未提交", -d, due);
			buf_addf(en, "is overdue by %ld day%s (due %s) and not submitted", -d,
				 d == -1 ? "" : "s", due);
		} else if (it->kind == IK_REPORT_RETURNED) {
			buf_addf(zh, "被退回：%s", it->reason && *it->reason ? it->reason : "（未说明理由）");
			buf_addf(en, "was returned: %s",
				 it->reason && *it->reason ? it->reason : "(no reason given)");
		} else {
			buf_adds(zh, "已提交，待审核");
			buf_adds(en, "was submitted and waits for review");
			if (it->since) {
				buf_addf(zh, "（%.10s提交）", it->since);
				buf_addf(en, " (submitted %.10s)", it->since);
			}
		}
		return;
	case IK_COMMITMENT_OVERDUE:
		buf_addf(zh, "帮扶事项“%s”（%s，%s）已逾期%ld天（截止%s）", it->label, it->unit,
			 it->target_zh ? it->target_zh : it->target, -d, due);
		buf_addf(en, "Commitment \"%s\" (%s, %s) is overdue by %ld day%s (due %s)", it->label,
			 it->unit, target_en(it), -d, d == -1 ? "" : "s", due);
		return;
	case IK_CONFIRMATION:
		buf_addf(zh, "帮扶事项“%s”（%s）已交付", it->label, it->unit);
		buf_addf(en, "Commitment \"%s\" (%s) was delivered", it->label, it->unit);
		if (it->since) {
			buf_addf(zh, "（%.10s）", it->since);
			buf_addf(en, " on %.10s", it->since);
		}
		buf_adds(zh, "，待确认销号");
		buf_adds(en, " and waits for the county's confirmation");
		return;
	case IK_TERM_ENDING:
		buf_addf(zh, "干部%s（%s，组团%s）任期将于%s届满（还有%ld天），尚未确定接任人",
			 it->label, it->id, it->group, due, d);
		buf_addf(en, "Cadre %s (%s, group %s): the term ends on %s (%ld day%s left) and no "
			     "successor is named",
			 it->label, it->id, it->group, due, d, d == 1 ? "" : "s");
		return;
	case IK_FINDING:
		group_names(it, zh, en);
		buf_addf(zh, "规则检查：%s", it->label_zh ? it->label_zh : it->label);
		buf_addf(en, ": rule check: %s", it->label);
		return;
	default:
		return;
	}
}

/* Percent-encodes what is not unreserved (RFC 3986), for a key inside the address. */
static void add_key(struct buf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			buf_addc(out, (char)*p);
		} else {
			buf_addc(out, '%');
			buf_addc(out, hex[*p >> 4]);
			buf_addc(out, hex[*p & 15]);
		}
}

const char *inbox_href(const struct inbox_item *it, struct buf *out)
{
	switch (it->kind) {
	case IK_REPORT_DUE:
	case IK_REPORT_OVERDUE:
	case IK_REPORT_RETURNED:
	case IK_REPORT_WAITING:
		if (it->id) {
			buf_adds(out, "#/reports/");
			add_key(out, it->id);
		} else { /* not created yet: the list, where the lead unit creates it */
			buf_adds(out, "#/reports?group=");
			add_key(out, it->group);
			buf_addf(out, "&period=%lld", it->period_id);
		}
		return "group_report";
	case IK_COMMITMENT_OVERDUE:
	case IK_CONFIRMATION:
		buf_adds(out, "#/commitments/");
		add_key(out, it->id);
		return "commitment";
	case IK_TERM_ENDING:
		buf_adds(out, "#/cadres/");
		add_key(out, it->id);
		return "cadre";
	default:
		buf_adds(out, "#/groups/");
		add_key(out, it->group);
		return "group";
	}
}

/* A local part or a domain: dots only between non-empty parts. */
static bool dots_ok(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return false;
	for (size_t i = 1; i < n; i++)
		if (s[i] == '.' && s[i - 1] == '.')
			return false;
	return true;
}

bool inbox_email_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	const char *at = s ? strchr(s, '@') : NULL;

	if (n < 3 || n > INBOX_EMAIL_MAX || !at || strchr(at + 1, '@') ||
	    (size_t)(at - s) > INBOX_EMAIL_LOCAL_MAX || !dots_ok(s, (size_t)(at - s)) ||
	    !dots_ok(at + 1, strlen(at + 1)))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("<>\"(),;:\\[]", *p))
			return false;
	return true;
}
