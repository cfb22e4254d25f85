/* cycle: the rules of the reporting cycle (issue 12, docs/cycle.md). How a round is cut into
 * periods (monthly, quarterly, half-yearly, yearly; each with a due date some days after its
 * end); a group report's states (draft, submitted, returned, approved), the transitions
 * between them and who may make each; who may read, create and write a report; the lock an
 * approved report puts on its period; and which files an attachment may be, recognised by
 * their content (magic bytes; DOCX and XLSX by the entries of their ZIP), never by name.
 * Pure: no I/O. What the rules need about the database (whether the principal's unit leads
 * or is a member of the report's group, whether a county is its target) the caller looks up
 * and hands over in struct cycle_actor. Refusals are in English and Chinese. */
#ifndef BF_CYCLE_H
#define BF_CYCLE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/access.h"
#include "util/date.h"
#include "util/err.h"

/* ---- periods ------------------------------------------------------------------------- */

enum cycle_kind { CK_MONTHLY, CK_QUARTERLY, CK_HALF_YEARLY, CK_YEARLY, CK_N };
extern const char *const cycle_kinds[];    /* "monthly", ... NULL-ended */
extern const char *const cycle_kinds_zh[]; /* 月度, 季度, 半年, 年度 */
#define CYCLE_DEFAULT_KIND CK_QUARTERLY
#define CYCLE_DEFAULT_DUE_DAYS 10
#define CYCLE_MAX_DUE_DAYS 366
/* The kind named s (-1: none). */
int cycle_kind_find(const char *s);

struct cycle_period {
	char name[16];   /* 2024-03 (monthly), 2024Q1, 2024H1, 2024 (yearly) */
	bf_day start, end, due;
};
/* At most this many periods per round (ten years of months and one more). */
#define CYCLE_MAX_PERIODS 121
/* Cuts the round [start, end] into calendar periods of kind, the first and last clipped to
 * the round, each due due_days after its end. Returns how many (at most max); 0 when the
 * round is longer than max periods or the arguments are out of range. */
size_t cycle_periods(bf_day start, bf_day end, int kind, int due_days, struct cycle_period *out,
		     size_t max);

/* ---- reports: states, transitions, who ---------------------------------------------------- */

enum cycle_status { CS_DRAFT, CS_SUBMITTED, CS_RETURNED, CS_APPROVED, CS_N };
extern const char *const cycle_statuses[];    /* NULL-ended */
extern const char *const cycle_statuses_zh[]; /* 草稿, 已提交, 已退回, 已通过 */
int cycle_status_find(const char *s);

enum cycle_action { CA_SUBMIT, CA_RETURN, CA_APPROVE, CA_REOPEN, CA_N };
extern const char *const cycle_actions[]; /* "submit", "return", "approve", "reopen" */
int cycle_action_find(const char *s);

/* The principal and its relation to one report's group. */
struct cycle_actor {
	const struct principal *p;
	bool lead;    /* a unit principal whose unit leads the group */
	bool member;  /* a unit principal whose unit is in the group (lead or member) */
	bool county;  /* a county principal whose target is the group's */
};

/* Why a request was refused beyond err: an HTTP status the API answers instead of err's (413
 * too large, 415 not an allowed type; 0: err's), the field at fault, and for a refused
 * transition the states that may follow the current one (NULL-ended). */
struct cycle_fault {
	int http;
	const char *field;
	const char *allowed[CS_N + 1];
};
void cycle_fault_init(struct cycle_fault *f);

/* The state action leads to from `from`, if a may make it: BF_OK with *to, else BF_ECONFLICT
 * with the allowed next states from `from` in f->allowed and who makes each in the message.
 * submit: the lead unit (or an admin) from draft or returned; return (with a reason) and
 * approve: the office (admin, planner) from submitted; reopen (with a reason): an admin from
 * approved, back to draft. */
enum bf_status cycle_transition(const struct cycle_actor *a, int from, int action, int *to,
				struct cycle_fault *f, struct bf_err *err);
/* Whether the action needs a reason (return, reopen). */
bool cycle_action_needs_reason(int action);

/* Whether a may read the report: the office, the auditor, the group's units, its county. */
bool cycle_can_read(const struct cycle_actor *a);
/* Whether a may create a report for the group: the office and the group's units. */
bool cycle_can_create(const struct cycle_actor *a);
/* What a may write into a report in state status: the narrative (problems, next steps; the
 * lead unit, an admin), its own unit's paragraph and attachments (any unit of the group; an
 * admin any). Refusals: BF_ECONFLICT for a report that is not a draft (submitted: waiting for
 * the office; approved: locked, naming who can reopen it), BF_EFORBIDDEN for the wrong
 * person. */
enum cycle_part { CP_NARRATIVE, CP_CONTRIBUTION, CP_ATTACHMENT };
enum bf_status cycle_may_write(const struct cycle_actor *a, int status, int part,
			       const char *period, struct bf_err *err);

/* Who may see which reports (for the session's capabilities and lists): all, those of the
 * unit's groups, those of the county's target. */
enum acc_scope cycle_read_scope(const struct principal *p);
/* Whether the role may ever make the action (the lead unit: submit). */
bool cycle_role_may(const struct principal *p, int action);

/* The refusal of a write into a locked period: the period (name and dates), the group whose
 * approved report locks it, and who can reopen it (an admin); what and what_zh name the record
 * in English and Chinese (NULL what_zh: what in both). BF_ECONFLICT. */
enum bf_status cycle_locked_fail(struct bf_err *err, const char *what, const char *what_zh,
				 const char *period, bf_day start, bf_day end, const char *group,
				 long long report);

/* ---- attachments ------------------------------------------------------------------------ */

/* The allowed types: PDF, DOCX, XLSX, JPEG, PNG. */
extern const char *const cycle_file_types[]; /* "PDF", ... NULL-ended */
/* The MIME type of data by its content, or NULL when it is none of the allowed types (a
 * ZIP is DOCX with [Content_Types].xml and word/ entries, XLSX with xl/ entries). */
const char *cycle_sniff(const void *data, size_t len);
#define CYCLE_FILE_MAX_DEFAULT (8L << 20)    /* bytes per file */
#define CYCLE_REPORT_MAX_DEFAULT (32L << 20) /* bytes of attachments per report */

#endif
