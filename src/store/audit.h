/* audit: the append-only audit trail in SQLite. Each row carries the SHA-256 hash that app/audit
 * computed over the previous row's hash and its own fields. */
#ifndef BF_STORE_AUDIT_H
#define BF_STORE_AUDIT_H
#include <stdint.h>
#include "store/store.h"

struct audit_row {
	int64_t id;
	const char *time, *account, *address, *action, *entity, *key, *before, *after, *hash;
};

/* The hash of the newest row ("" when the trail is empty) into out (65 bytes). */
enum bf_status audit_last_hash(struct store *s, char out[65], struct bf_err *err);
/* "ID:HASH" of row id, or of the newest row when id is 0, into out (at most 86 bytes with
 * the NUL); "" when there is no such row. */
enum bf_status audit_hash_of(struct store *s, int64_t id, char out[86], struct bf_err *err);
enum bf_status audit_insert(struct store *s, const struct audit_row *row, struct bf_err *err);
/* One page of the trail: the filters (NULL: none), then the newest limit rows with id below
 * before (0: no bound), after skipping the offset newest ones. */
struct audit_query {
	const char *account, *entity, *from, *to;
	int64_t before;
	long offset, limit;
};
/* Calls fn for the rows of q's page, newest first; *total is the number of rows that match
 * the filters (before, offset and limit aside). */
enum bf_status audit_page(struct store *s, const struct audit_query *q,
			  bool (*fn)(const struct audit_row *row, void *ctx), void *ctx,
			  int64_t *total, struct bf_err *err);
/* Calls fn for each row in id order (filters may be NULL); stops when fn returns false. */
enum bf_status audit_each(struct store *s, const char *account, const char *entity,
			  const char *from, const char *to,
			  bool (*fn)(const struct audit_row *row, void *ctx), void *ctx,
			  struct bf_err *err);

#endif
