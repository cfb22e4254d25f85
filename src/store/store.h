/* store: the SQLite database: opening with the right pragmas, migrations by
 * PRAGMA user_version, transactions, and reading and writing records described by
 * core/model.h. The only module with SQL. A struct store is one connection: use it from one
 * thread at a time. */
#ifndef BF_STORE_H
#define BF_STORE_H
#include <stdbool.h>
#include "core/model.h"
#include "core/registry.h"
#include "util/err.h"

struct store;

/* Opens path. With create, a missing file is created and migrated; without, a missing file
 * is an error that tells the user to run `bangfu init`. */
enum bf_status store_open(const char *path, bool create, struct store **out, struct bf_err *err);
void store_close(struct store *s);
int store_schema_version(struct store *s);

/* BEGIN IMMEDIATE (a writer), with foreign keys checked at commit. */
enum bf_status store_begin(struct store *s, struct bf_err *err);
/* BEGIN IMMEDIATE with foreign keys checked statement by statement: a write naming a missing
 * record fails at once (an account's unit or target), not at the commit. */
enum bf_status store_begin_strict(struct store *s, struct bf_err *err);
/* BEGIN IMMEDIATE for an import: foreign keys are not enforced row by row (the import finds
 * dangling references itself with store_dangling before it commits). With bulk, the
 * secondary indexes are dropped too, and store_import_reindex must rebuild them before the
 * commit: building an index once from the loaded rows is faster than updating it per row. */
enum bf_status store_begin_import(struct store *s, bool bulk, struct bf_err *err);
enum bf_status store_import_reindex(struct store *s, struct bf_err *err);
enum bf_status store_commit(struct store *s, struct bf_err *err);
void store_rollback(struct store *s);
/* A process-wide count of the writes this process has committed (every connection), bumped
 * after each commit: a cache of database state (the server's snapshot and sessions) that
 * saw the same count has seen every write made by this process since. */
long long store_local_epoch(void);
void store_local_epoch_bump(void);

/* Inserts rec, or replaces the record with the same key. On a constraint failure the message
 * names the column, and *field (if not NULL) is set to it. */
enum bf_status store_put(struct store *s, const struct record_type *t, const void *rec,
			 const char **field, struct bf_err *err);

/* Writes n records of type t (n at most store_batch_size()): in one multi-row statement when n
 * is the batch size, else one by one. When one cannot be written, *failed is its index, and
 * the ones before it are written. The records must stay valid during the call. */
enum bf_status store_put_many(struct store *s, const struct record_type *t,
			      const void *const *recs, size_t n, size_t *failed,
			      const char **field, struct bf_err *err);
size_t store_batch_size(void);

/* Deletes the record with rec's key; BF_ENOTFOUND if there is none. Records that still refer
 * to it make the commit fail (foreign keys are checked at commit). */
enum bf_status store_delete(struct store *s, const struct record_type *t, const void *rec,
			    struct bf_err *err);

/* A record whose reference points nowhere, found before commit. */
struct store_dangling {
	const struct record_type *type;
	char key[256];     /* the record's key, fields joined by ',' */
	const char *field; /* the column holding the reference */
	char value[256];   /* the missing key it names */
};
/* Lists up to max dangling references in the open transaction. */
size_t store_dangling(struct store *s, struct store_dangling *out, size_t max);

/* Loads every record into r (which must be freshly initialised) and indexes it. */
enum bf_status store_load(struct store *s, struct registry *r, struct bf_err *err);
/* Number of rows of a record type. */
long store_count(struct store *s, const struct record_type *t);

#endif
