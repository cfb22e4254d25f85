/* snapshot: a loaded registry shared by the server's threads, reloaded when the database's
 * change counter moves (any write through bangfu bumps it, the CLI's included). Readers hold a
 * reference while they use it; the last one frees an old snapshot. */
#ifndef BF_SNAPSHOT_H
#define BF_SNAPSHOT_H
#include "core/registry.h"
#include "store/store.h"

struct snapshot_answer;

struct snapshot {
	struct registry reg;
	long long generation;
	int refs;
	/* Encoded answers of read requests, valid as long as this snapshot (the data they were
	 * computed from): a list of the same records for the same reader and query is encoded
	 * once, not on every request. Guarded by the module's lock. */
	struct snapshot_answer *answers;
	size_t nanswers;
};

/* Returns the current snapshot (loading it if the database changed), with a reference. */
enum bf_status snapshot_get(struct store *s, struct snapshot **out, struct bf_err *err);
void snapshot_put(struct snapshot *snap);
/* A copy of the answer cached under key, or NULL (free it). */
char *snapshot_answer_get(struct snapshot *snap, const char *key);
/* Caches a copy of body under key (up to a fixed number of answers per snapshot). */
void snapshot_answer_put(struct snapshot *snap, const char *key, const char *body);
/* Drops the cached snapshot (at shutdown). */
void snapshot_clear(void);

#endif
