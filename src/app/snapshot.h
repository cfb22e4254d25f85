/* snapshot: a loaded registry shared by the server's threads, reloaded when the database's
 * change counter moves (any write through bangfu bumps it, the CLI's included). Readers hold a
 * reference while they use it; the last one frees an old snapshot. The counter is read from
 * the database only when this process has committed a write since (store_local_epoch) or
 * SNAPSHOT_RECHECK_MS have passed: a request then costs no SQLite read transaction, this
 * server's own writes show at once, and another process's (the CLI's) within that time. */
#ifndef BF_SNAPSHOT_H
#define BF_SNAPSHOT_H
#include "app/app.h"
#include "core/registry.h"

#define SNAPSHOT_RECHECK_MS 250

struct snapshot_answer;

struct snapshot {
	struct registry reg;
	long long generation;
	long long epoch;         /* store_local_epoch() when generation was last confirmed */
	long long checked_ms;    /* and when, on the monotonic clock */
	int refs;
	/* Encoded answers of read requests, valid as long as this snapshot (the data they were
	 * computed from): a list of the same records for the same reader and query is encoded
	 * once, not on every request. Guarded by the module's lock. */
	struct snapshot_answer *answers;
	size_t nanswers;
	size_t answer_bytes;     /* their keys and bodies, at most the limit below */
};

/* Returns the current snapshot (loading it if the database changed), with a reference. */
enum bf_status snapshot_get(struct app *app, struct snapshot **out, struct bf_err *err);
void snapshot_put(struct snapshot *snap);
/* A copy of the answer cached under key, or NULL (free it). */
char *snapshot_answer_get(struct snapshot *snap, const char *key);
/* Caches a copy of body under key (up to 512 answers and the byte limit per snapshot). */
void snapshot_answer_put(struct snapshot *snap, const char *key, const char *body);
/* The most bytes of cached answers per snapshot (default 64 MiB; 0: no cache). */
void snapshot_answer_limit(size_t bytes);
/* Drops the cached snapshot (at shutdown). */
void snapshot_clear(void);

#endif
