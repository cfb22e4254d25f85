/* depends: the rows of other tables that still refer to one record, counted per kind, so that
 * a delete is refused naming them (app/depends) rather than by the commit's foreign key. */
#ifndef BF_STORE_DEPENDS_H
#define BF_STORE_DEPENDS_H
#include "store/store.h"

#define STORE_DEPENDS_MAX 8 /* kinds of referring rows of one table, at most */

/* How many rows of one kind refer to the record. kind names the referring record as
 * app/depends words it: "cadre", "group_report", "successor" (a cadre naming it as
 * predecessor)... */
struct store_dependent {
	const char *kind;
	long long n;
};

/* Counts, in the open transaction, the rows that refer to the record of table (the store's
 * table: "round", "target", "unit", "grp", "cadre", "task", "need", "commitment") whose key
 * columns hold key[0..nkey-1] (a task: round and code), leaving out the rows that go with it
 * (ON DELETE CASCADE). Fills out with the kinds that have rows, in the schema's order, and
 * *n with how many; a table nothing refers to gives none. */
enum bf_status store_dependents(struct store *s, const char *table, const char *const *key,
				size_t nkey, struct store_dependent out[STORE_DEPENDS_MAX],
				size_t *n, struct bf_err *err);

#endif
