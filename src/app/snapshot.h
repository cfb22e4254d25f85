/* snapshot: a loaded registry shared by the server's threads, reloaded when the database's
 * change counter moves (any write through bangfu bumps it, the CLI's included). Readers hold a
 * reference while they use it; the last one frees an old snapshot. */
#ifndef BF_SNAPSHOT_H
#define BF_SNAPSHOT_H
#include "core/registry.h"
#include "store/store.h"

struct snapshot {
	struct registry reg;
	long long generation;
	int refs;
};

/* Returns the current snapshot (loading it if the database changed), with a reference. */
enum bf_status snapshot_get(struct store *s, struct snapshot **out, struct bf_err *err);
void snapshot_put(struct snapshot *snap);
/* Drops the cached snapshot (at shutdown). */
void snapshot_clear(void);

#endif
