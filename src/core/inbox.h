/* inbox: what is a person's to do (issue 12 §5, docs/cycle.md "Inbox and digests"). The kinds
 * of item (a group report due or overdue, one returned, one submitted and waiting for the
 * office, a commitment overdue, a delivery waiting for the county's confirmation, a cadre's
 * term ending without a successor, a rule finding about one's own group), which of them each
 * role's inbox holds and for whose records (the unit's, the county's target's, all), when a
 * report counts as due or overdue, and each item's title in Chinese and English and the web
 * address it links. Pure: the store finds the records for the scope decided here, the app
 * puts them together. */
#ifndef BF_INBOX_H
#define BF_INBOX_H
#include <stdbool.h>
#include <stddef.h>
#include "core/access.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"

enum inbox_kind {
	IK_REPORT_DUE,          /* lead unit: a period's report due within the window */
	IK_REPORT_OVERDUE,      /* lead unit: its due day has passed, not submitted */
	IK_REPORT_RETURNED,     /* lead unit: the office sent it back with a reason */
	IK_REPORT_WAITING,      /* the office: submitted, waiting for return or approval */
	IK_COMMITMENT_OVERDUE,  /* its unit; the county of its target */
	IK_CONFIRMATION,        /* county: delivered, not confirmed (销号) */
	IK_TERM_ENDING,         /* the cadre's unit: term ends within 90 days, no successor */
	IK_FINDING,             /* a unit of the group: a rule finding about it */
	IK_N
};
extern const char *const inbox_kinds[];    /* "report_due", ... NULL-ended */
extern const char *const inbox_kinds_zh[]; /* 报告将到期, ... */
extern const char *const inbox_kinds_en[]; /* "Report due", ... */
/* The kind named s (-1: none). */
int inbox_kind_find(const char *s);

#define INBOX_DUE_DAYS_DEFAULT 14L  /* a report is "due" this many days before its due day */
#define INBOX_DUE_DAYS_MAX 366L
#define INBOX_TERM_DAYS 90          /* a term ending within this many days needs a successor */
#define INBOX_LIMIT_DEFAULT 100L
#define INBOX_LIMIT_MAX 1000L
#define INBOX_OFFSET_MAX 100000L  /* items a page may skip */

/* The kinds p's inbox holds, a bit per enum inbox_kind: the office (admin, planner) the
 * reports waiting for it; a unit the reports of the groups it leads (due, overdue, returned),
 * its own commitments overdue, its own cadres' terms ending, the findings about its groups; a
 * county its target's commitments overdue and deliveries waiting for its confirmation; an
 * auditor nothing (it reads and checks, it has nothing to do in the cycle). */
unsigned inbox_kinds_of(const struct principal *p);

/* One item. Strings live in the inbox's arena. */
struct inbox_item {
	int kind;
	const char *id;        /* the record: report, commitment, cadre or group id (NULL: a
				* report not created yet) */
	const char *group;     /* the group (reports, terms, findings) */
	const char *target, *target_zh, *target_en;
	long long period_id;   /* reports */
	const char *period;    /* its name, 2024Q1 */
	const char *unit;      /* commitments */
	const char *label;     /* a commitment's title, a cadre's name, a finding's message */
	const char *label_zh;  /* a finding's message in Chinese */
	const char *reason;    /* why a report was returned */
	const char *since;     /* submitted (waiting), delivered (confirmation): YYYY-MM-DD... */
	bf_day due;            /* the report's due day, a commitment's, a term's end; or
				* BF_DAY_NONE */
};

struct inbox {
	struct arena arena;
	struct inbox_item *items;
	size_t n, cap;
	long count[IK_N];      /* every item of each kind, also those past the limit */
};
void inbox_init(struct inbox *b);
void inbox_release(struct inbox *b);
/* A new zeroed item of kind (due BF_DAY_NONE), appended. */
struct inbox_item *inbox_add(struct inbox *b, int kind);
/* Sorts the items: those with a due day first, the earliest first; then by kind, group,
 * period and id (numbers by value), and a group's findings by their message. A page of the
 * inbox is a slice of this order, so each look-up of store/inbox returns its kind's items in
 * it and a kind's first N items are the ones the first N of the whole can hold. */
void inbox_sort(struct inbox *b);

/* Whether a report of a period due on due, not submitted, is in the inbox on today with the
 * window of due_days, and as which kind: IK_REPORT_OVERDUE after its due day,
 * IK_REPORT_DUE within due_days before it; -1 otherwise. */
int inbox_report_kind(bf_day due, bf_day today, long due_days);
/* Days from today to due: positive days left, negative days overdue. */
long inbox_days(bf_day due, bf_day today);
/* The item's title in Chinese and in English (appended to zh and en). */
void inbox_title(const struct inbox_item *it, bf_day today, struct buf *zh, struct buf *en);
/* The web UI's address of the record the item points to ("#/reports/12", ...), appended
 * to out; the record's type ("group_report", "commitment", "cadre", "group") returned. */
const char *inbox_href(const struct inbox_item *it, struct buf *out);

#define INBOX_EMAIL_MAX 254       /* bytes of an address (RFC 5321's path less its <>) */
#define INBOX_EMAIL_LOCAL_MAX 64  /* bytes before the @ */
/* Whether s is an e-mail address a digest may go to: 3 to 254 bytes, at most 64 before its
 * one '@', something on both sides, dots only between non-empty parts, no spaces, control
 * characters, quotes, brackets, commas or semicolons (it goes into a mail's header and
 * envelope: nothing may break out of them). */
bool inbox_email_ok(const char *s);

#endif
