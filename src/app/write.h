/* write: create, change or delete one record on behalf of a signed-in person (the API's
 * writes). One transaction: the values are validated by core/model like an import row, the
 * role is checked by core/access before and after, references must exist, a change that
 * breaks a programme rule that is not mere incompleteness (a unit over capacity, a second
 * lead) is refused naming the rule, and the audit trail gets the record before and after. */
#ifndef BF_WRITE_H
#define BF_WRITE_H
#include <jansson.h>
#include "core/access.h"
#include "store/store.h"

enum write_op { WRITE_CREATE, WRITE_UPDATE, WRITE_DELETE };

struct write_result {
	json_t *record;       /* the record after the write (NULL after a delete) */
	const char *field;    /* on error: the offending column, if any */
	const char *rule;     /* on BF_EVIOLATION: the rule's tag */
};

/* key: the record's key for update and delete ("a,b" for composite keys); body: the JSON
 * object of columns for create (all required ones) and update (only those that change). */
enum bf_status write_record(struct store *s, const struct principal *p, const char *address,
			    const struct record_type *t, enum write_op op, const char *key,
			    json_t *body, struct write_result *res, struct bf_err *err);

#endif
