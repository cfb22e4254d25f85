/* depends: refuses the removal of a record that other records still refer to, naming them in
 * English and Chinese ("group G has 2 group reports and 1 assessment; delete or move them
 * first"), asked of the database inside the write's transaction; never read from SQLite's
 * foreign-key error, which names nothing. */
#ifndef BF_APP_DEPENDS_H
#define BF_APP_DEPENDS_H
#include <stddef.h>
#include "util/err.h"

struct store;

/* BF_OK if nothing refers to the record of table (the store's table: "round", "target",
 * "unit", "grp", "cadre", "task", "need", "commitment"; any other has no dependents here)
 * keyed by key[0..nkey-1], as the open transaction has it; else BF_ECONFLICT with the kinds
 * and counts of what refers to it. */
enum bf_status depends_check(struct store *s, const char *table, const char *const *key,
			     size_t nkey, struct bf_err *err);

#endif
