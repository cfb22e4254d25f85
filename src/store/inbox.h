/* store/inbox: the inbox's look-ups (core/inbox decides whose), each scoped to one unit or one
 * target and indexed (schema6.sql §5), so that the cost follows the account's own records,
 * not the registry's size; and the digests' log. Each look-up appends its items to a struct
 * inbox, counting every match of its kind but keeping at most limit items of it: the first
 * in the inbox's order (inbox_sort), which each query's ORDER BY follows. */
#ifndef BF_STORE_INBOX_H
#define BF_STORE_INBOX_H
#include "core/inbox.h"
#include "store/store.h"
#include "util/err.h"

/* The reports of the groups unit leads that are owed on today: a period due on or before
 * today + due_days whose report does not exist or is a draft (IK_REPORT_DUE, _OVERDUE). */
enum bf_status store_inbox_reports_owed(struct store *s, const char *unit, bf_day today,
					long due_days, long limit, struct inbox *b,
					struct bf_err *err);
/* The returned reports of the groups unit leads (IK_REPORT_RETURNED). */
enum bf_status store_inbox_reports_returned(struct store *s, const char *unit, long limit,
					    struct inbox *b, struct bf_err *err);
/* Every submitted report, the earliest period due first (IK_REPORT_WAITING). */
enum bf_status store_inbox_reports_waiting(struct store *s, long limit, struct inbox *b,
					   struct bf_err *err);
/* Commitments planned or in progress due before today: of unit, or (unit NULL) of target's
 * (IK_COMMITMENT_OVERDUE). */
enum bf_status store_inbox_commitments_overdue(struct store *s, const char *unit,
					       const char *target, bf_day today, long limit,
					       struct inbox *b, struct bf_err *err);
/* Target's commitments delivered and not confirmed (IK_CONFIRMATION). */
enum bf_status store_inbox_confirmations(struct store *s, const char *target, long limit,
					 struct inbox *b, struct bf_err *err);
/* Unit's cadres on post whose planned end lies in [today, today + days] and whom no cadre
 * names as predecessor (IK_TERM_ENDING). */
enum bf_status store_inbox_terms_ending(struct store *s, const char *unit, bf_day today,
					long days, long limit, struct inbox *b,
					struct bf_err *err);

/* ---- digests ---------------------------------------------------------------------------- */

/* An account that gets digests: enabled, with an e-mail address. */
struct digest_account {
	char name[65], role[16], unit[33], target[7], email[255];
};
/* Every enabled account with an e-mail address, by name; *out malloc'ed. */
enum bf_status store_digest_accounts(struct store *s, struct digest_account **out, size_t *n,
				     struct bf_err *err);
/* The day of account's last digest sent ("" when none), into day (11 bytes). */
enum bf_status store_digest_last(struct store *s, const char *account, char day[11],
				 struct bf_err *err);
/* Logs a digest: status "sent" or "failed" (with error). A second "sent" for the same
 * account and day is BF_ECONFLICT. */
enum bf_status store_digest_log(struct store *s, const char *account, const char *day,
				const char *email, long items, const char *status,
				const char *error, struct bf_err *err);

#endif
