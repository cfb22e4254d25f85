/* write_ref: the write path before writes edited the snapshot in place (one registry load
 * per change), the oracle of test_writes.c; same contract as write_changes/write_record. */
#ifndef BF_WRITE_REF_H
#define BF_WRITE_REF_H
#include "app/write.h"

enum bf_status ref_write_changes(struct app *app, const struct principal *p, const char *address,
				 const struct write_change *c, size_t n, const char *round,
				 const struct rules_opts *ro, bool dry_run,
				 struct write_batch_result *res, struct bf_err *err);
enum bf_status ref_write_record(struct app *app, const struct principal *p, const char *address,
				const struct record_type *t, enum write_op op, const char *key,
				json_t *body, struct write_result *res, struct bf_err *err);

#endif
