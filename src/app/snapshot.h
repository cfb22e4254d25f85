/* snapshot: a loaded registry shared by the server's threads, reloaded when the database's
 * change counter moves (any write through bangfu bumps it, the CLI's included) — except for
 * this process's own writes (app/write), which edit it in place to the next generation, so
 * that no request after a write pays for loading the database again. Readers hold a reference
 * and a read lock while they use it; the last one frees an old snapshot; a writer holds the
 * write lock while it edits. The counter is read from
 * the database only when this process has committed a write since (store_local_epoch) or
 * SNAPSHOT_RECHECK_MS have passed: a request then costs no SQLite read transaction, this
 * server's own writes show at once, and another process's (the CLI's) within that time. */
#ifndef BF_SNAPSHOT_H
#define BF_SNAPSHOT_H
#include <pthread.h>
#include <stdbool.h>
#include "app/app.h"
#include "core/registry.h"
#include "core/rules.h"
#include "util/blob.h"

struct store; /* app/ only: see snapshot_write_begin */

#define SNAPSHOT_RECHECK_MS 250
/* Bytes of strings that writes may add to a snapshot before it is loaded afresh. */
#define SNAPSHOT_EDITED_MAX (64u << 20)

struct snapshot_answer;

/* A round's full check as of a day, kept for the next write to splice (app/write). */
struct snapshot_check {
	char *round;             /* the round's name */
	bf_day day;
	long window;             /* rules_opts.end_window */
	struct violations v;
};
void snapshot_check_free(struct snapshot_check *c);

struct snapshot {
	struct registry reg;
	long long generation;
	long long epoch;         /* store_local_epoch() when generation was last confirmed */
	long long checked_ms;    /* and when, on the monotonic clock */
	int refs;
	pthread_rwlock_t rw;     /* readers share it; a writer editing reg holds it alone */
	size_t edited;           /* string bytes added by writes */
	/* The last full check a write judged or spliced, valid for this generation: the next
	 * write splices it instead of judging the whole round. Owned by the writer holding the
	 * write lock. */
	struct snapshot_check *check;
	/* Encoded answers of read requests, valid as long as this snapshot (the data they were
	 * computed from): a list of the same records for the same reader and query is encoded
	 * once, not on every request. Guarded by the module's lock. */
	struct snapshot_answer *answers;
	size_t nanswers;
	size_t answer_bytes;     /* their keys and bodies, at most the limit below */
};

/* Returns the current snapshot (loading it if the database changed), with a reference and a
 * read lock: hold it no longer than a request. */
enum bf_status snapshot_get(struct app *app, struct snapshot **out, struct bf_err *err);
void snapshot_put(struct snapshot *snap);

/* A writer of this process, in this order: snapshot_write_lock (one writer at a time); its
 * transaction (store_begin); snapshot_write_begin, which returns the current snapshot at the
 * database's generation (loading it if another process wrote since) with a reference and the
 * write lock; edits of snap->reg that mirror the transaction's (core/delta), undone if it
 * rolls back; snapshot_write_end, after the commit or the rollback: committed, the snapshot
 * becomes the next generation (the writer bumped the counter once) and drops its cached
 * answers; edited is the string bytes the edits added. Then snapshot_write_unlock. */
void snapshot_write_lock(void);
void snapshot_write_unlock(void);
enum bf_status snapshot_write_begin(struct store *s, struct snapshot **out, struct bf_err *err);
void snapshot_write_end(struct snapshot *snap, bool committed, size_t edited);
/* The answer cached under key with a reference for the caller (blob_unref it), or NULL: the
 * cached bytes themselves, alive until the last reference goes, whatever becomes of snap. */
struct blob *snapshot_answer_get(struct snapshot *snap, const char *key);
/* Caches body under key with a reference of the cache's own (up to 512 answers and the byte
 * limit per snapshot); the caller keeps its reference. */
void snapshot_answer_put(struct snapshot *snap, const char *key, struct blob *body);
/* The most bytes of cached answers per snapshot (default 64 MiB; 0: no cache). */
void snapshot_answer_limit(size_t bytes);
/* How many times this process has loaded a snapshot from the database (tests, logs). */
long long snapshot_loads(void);
/* Drops the cached snapshot (at shutdown). */
void snapshot_clear(void);

#endif
