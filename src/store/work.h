/* store/work: the groups' work in SQLite (schema v4: task, need, commitment, resource,
 * policy with policy_target and policy_task, evidence_file). Records are read and written
 * field by field as core/work describes them; lists are one query with their filters and the
 * reader's scope in SQL (a unit's: the targets of its groups in the record's round; a
 * county's: its target), so a list reads only the page it answers and the rows it counts.
 * Every write goes with store_work_bump, which moves meta 'work_generation' and never
 * 'generation': the registry snapshot of the server does not reload for a work write. */
#ifndef BF_STORE_WORK_H
#define BF_STORE_WORK_H
#include <stdbool.h>
#include <stdint.h>
#include "core/work.h"
#include "store/store.h"

#define WORK_DEFAULT_LIMIT 100
#define WORK_MAX_LIMIT 10000

struct work_query {
	const struct work_type *t;
	const char *round, *target, *unit, *task, *status, *kind, *need, *q;
	const char *sort;       /* a column, '-' before it for descending; NULL: by key */
	const char *overdue_as_of; /* only commitments planned or in progress due before it */
	long limit, offset;
	enum acc_scope scope;   /* SCOPE_ALL, SCOPE_UNIT (scope_key a unit), SCOPE_TARGET */
	const char *scope_key;
};

/* Calls fn for each record of the page (its strings valid during the call; files: a
 * commitment's attached evidence files); *total counts every record that matches. A bad
 * sort is BF_EINPUT. */
typedef void (*store_work_row_fn)(void *ctx, const struct work_rec *r, long files);
enum bf_status store_work_list(struct store *s, const struct work_query *q, store_work_row_fn fn,
			       void *ctx, long *total, struct bf_err *err);

/* The record of type t with key ("round,code" for a task, the id otherwise), its strings
 * copied into a; *found false if there is none. */
enum bf_status store_work_get(struct store *s, const struct work_type *t, const char *key,
			      struct arena *a, struct work_rec *out, long *files, bool *found,
			      struct bf_err *err);

/* Inserts r (an id given or assigned: *id); a duplicate key is BF_ECONFLICT. */
enum bf_status store_work_insert(struct store *s, const struct work_rec *r, long long *id,
				 struct bf_err *err);
/* Writes every column of r over the record with its key. */
enum bf_status store_work_update(struct store *s, const struct work_rec *r, struct bf_err *err);
/* Deletes r's record; one that others still refer to is BF_ECONFLICT. */
enum bf_status store_work_delete(struct store *s, const struct work_rec *r, struct bf_err *err);
/* Moves meta 'work_generation' (inside the write's transaction). */
enum bf_status store_work_bump(struct store *s, struct bf_err *err);
long long store_work_generation(struct store *s);

/* Facts for core/work's rules. */
bool store_work_round(struct store *s, const char *name, char start[11], char end[11]);
/* The round containing day, else the last one started before it, else the first. */
bool store_work_current_round(struct store *s, const char *day, char *out, size_t n);
bool store_work_target_exists(struct store *s, const char *adcode);
bool store_work_unit_exists(struct store *s, const char *code);
/* Whether unit is a member (lead or member) of a group of target in round. */
bool store_work_serves(struct store *s, const char *unit, const char *round, const char *target);
bool store_work_task_exists(struct store *s, const char *round, const char *code);
/* Whether need (table "need") or commitment id exists with that round and target. */
bool store_work_belongs(struct store *s, const char *table, long long id, const char *round,
			const char *target);

/* An evidence file. */
struct work_file {
	long long id, commitment, size;
	const char *name, *mime, *created, *account;
	const void *data;     /* store_work_file_get only */
};
enum bf_status store_work_file_add(struct store *s, const struct work_file *f, long long *id,
				   struct bf_err *err);
typedef void (*store_work_file_fn)(void *ctx, const struct work_file *f);
enum bf_status store_work_files(struct store *s, long long commitment, store_work_file_fn fn,
				void *ctx, struct bf_err *err);
enum bf_status store_work_file_get(struct store *s, long long id, store_work_file_fn fn,
				   void *ctx, bool *found, struct bf_err *err);
/* Deletes the evidence file id (none: nothing happens). */
enum bf_status store_work_file_delete(struct store *s, long long id, struct bf_err *err);

#endif
