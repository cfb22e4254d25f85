/* write: create, change or delete records on behalf of a signed-in person (the API's
 * writes). One transaction per call, for one record or a batch: the values are validated by
 * core/model like an import row, the role is checked by core/access before and after,
 * references must exist, a batch that breaks a programme rule that is not mere incompleteness
 * (a unit over capacity, a second lead) is refused naming the rule, and the audit trail gets
 * each record before and after. A dry run does all of it, reports the round's checks as they
 * would be, and rolls back. */
#ifndef BF_WRITE_H
#define BF_WRITE_H
#include <jansson.h>
#include "app/app.h"
#include "core/access.h"
#include "core/rules.h"

enum write_op { WRITE_CREATE, WRITE_UPDATE, WRITE_DELETE };

struct write_result {
	json_t *record;       /* the record after the write (NULL after a delete) */
	const char *field;    /* on error: the offending column, if any */
	const char *rule;     /* on BF_EVIOLATION: the rule's tag */
};

/* key: the record's key for update and delete ("a,b" for composite keys); body: the JSON
 * object of columns for create (all required ones) and update (only those that change). */
enum bf_status write_record(struct app *app, const struct principal *p, const char *address,
			    const struct record_type *t, enum write_op op, const char *key,
			    json_t *body, struct write_result *res, struct bf_err *err);

/* One change of a batch. */
struct write_change {
	const struct record_type *t;
	enum write_op op;
	const char *key;      /* update, delete */
	json_t *body;         /* create, update */
};

struct write_batch_result {
	json_t *records;      /* array: each record after its change (null after a delete) */
	json_t *check;        /* check_json of the round after the changes */
	size_t index;         /* on error: the failing change (n when the batch as a whole) */
	const char *field, *rule;
};

#define WRITE_BATCH_MAX 500

/* Applies changes in order in one transaction; round names the round whose checks are
 * returned (NULL: the one in progress today), ro how they are read (NULL: defaults). dry_run: validate and check, then roll back; rule
 * breaks are then reported in res->check instead of refusing. res's JSON is the caller's. */
enum bf_status write_changes(struct app *app, const struct principal *p, const char *address,
			     const struct write_change *c, size_t n, const char *round,
			     const struct rules_opts *ro, bool dry_run,
			     struct write_batch_result *res, struct bf_err *err);

#endif
