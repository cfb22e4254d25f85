/* plan_table: the stored plans of schema v3: one row per plan made through the API, with its
 * statistics and its whole JSON as text, and when and by whom it was applied. Plain rows in and
 * out; app/plans decides what goes in. */
#ifndef BF_PLAN_TABLE_H
#define BF_PLAN_TABLE_H
#include <stdint.h>
#include "store/store.h"

struct plan_row {
	int64_t id;
	char round[64], created[32], account[65], kind[16], status[16];
	double objective, score;
	char *summary;          /* JSON text, owned (malloc) */
	char *body;             /* JSON text, owned; NULL in lists */
	char applied[32];       /* "" if never applied */
	char applied_by[65];
};

void plan_row_release(struct plan_row *r);

/* Inserts row (its id is ignored); *id receives the new one. */
enum bf_status plan_table_insert(struct store *s, const struct plan_row *row, int64_t *id,
				 struct bf_err *err);
/* The plan with id, body included; BF_ENOTFOUND if there is none. Release with
 * plan_row_release. */
enum bf_status plan_table_get(struct store *s, int64_t id, struct plan_row *out,
			      struct bf_err *err);
/* Every plan, newest first, without bodies; *out is malloc'ed (release each row, then free). */
enum bf_status plan_table_list(struct store *s, struct plan_row **out, size_t *n,
			       struct bf_err *err);
/* Records that plan id was applied at time by account (inside the apply's transaction). */
enum bf_status plan_table_applied(struct store *s, int64_t id, const char *time,
				  const char *account, struct bf_err *err);

#endif
