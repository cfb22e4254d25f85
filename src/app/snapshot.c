/* snapshot: the server's shared read model; see snapshot.h. */
#include "app/snapshot.h"
#include "store/account.h"
#include "util/xalloc.h"
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;

static void unref(struct snapshot *s)
{
	if (s && --s->refs == 0) {
		registry_release(&s->reg);
		free(s);
	}
}

enum bf_status snapshot_get(struct store *s, struct snapshot **out, struct bf_err *err)
{
	long long gen = store_generation(s);
	struct snapshot *fresh;

	pthread_mutex_lock(&lock);
	if (current && current->generation == gen) {
		current->refs++;
		*out = current;
		pthread_mutex_unlock(&lock);
		return BF_OK;
	}
	pthread_mutex_unlock(&lock);
	/* Load outside the lock: other threads keep serving the old snapshot meanwhile. */
	fresh = xcalloc(1, sizeof *fresh);
	registry_init(&fresh->reg);
	if (store_load(s, &fresh->reg, err)) {
		registry_release(&fresh->reg);
		free(fresh);
		return err->status;
	}
	fresh->generation = gen;
	fresh->refs = 2; /* the cache's and the caller's */
	pthread_mutex_lock(&lock);
	unref(current);
	current = fresh;
	pthread_mutex_unlock(&lock);
	*out = fresh;
	return BF_OK;
}

void snapshot_put(struct snapshot *snap)
{
	pthread_mutex_lock(&lock);
	unref(snap);
	pthread_mutex_unlock(&lock);
}

void snapshot_clear(void)
{
	pthread_mutex_lock(&lock);
	unref(current);
	current = NULL;
	pthread_mutex_unlock(&lock);
}
