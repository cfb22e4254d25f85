/* snapshot: the server's shared read model; see snapshot.h. */
#include "app/snapshot.h"
#include "app/app_int.h"
#include "store/account.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <pthread.h>
#include <string.h>
#include <time.h>

#define MAX_ANSWERS 512

struct snapshot_answer {
	char *key, *body;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;
static size_t answer_limit = 64u << 20;

void snapshot_answer_limit(size_t bytes)
{
	answer_limit = bytes;
}

static void unref(struct snapshot *s)
{
	if (s && --s->refs == 0) {
		for (size_t i = 0; i < s->nanswers; i++) {
			free(s->answers[i].key);
			free(s->answers[i].body);
		}
		free(s->answers);
		registry_release(&s->reg);
		free(s);
	}
}

char *snapshot_answer_get(struct snapshot *snap, const char *key)
{
	char *body = NULL;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < snap->nanswers && !body; i++)
		if (strcmp(snap->answers[i].key, key) == 0)
			body = xstrdup(snap->answers[i].body);
	pthread_mutex_unlock(&lock);
	return body;
}

void snapshot_answer_put(struct snapshot *snap, const char *key, const char *body)
{
	pthread_mutex_lock(&lock);
	size_t size = strlen(key) + strlen(body) + 2;
	if (!snap->answers)
		snap->answers = xcalloc(MAX_ANSWERS, sizeof *snap->answers);
	/* Bounded in bytes as well as in number: 512 answers of a large list could hold hundreds
	 * of megabytes. A full cache keeps what it has until the data changes. */
	if (snap->nanswers < MAX_ANSWERS && snap->answer_bytes + size <= answer_limit) {
		snap->answers[snap->nanswers].key = xstrdup(key);
		snap->answers[snap->nanswers].body = xstrdup(body);
		snap->nanswers++;
		snap->answer_bytes += size;
	}
	pthread_mutex_unlock(&lock);
}

/* The current snapshot with a reference if it is known to be fresh: no write committed by
 * this process since it was confirmed, and confirmed recently. */
static struct snapshot *fresh_current(long long epoch, long long now)
{
	struct snapshot *s = NULL;
	pthread_mutex_lock(&lock);
	if (current && current->epoch == epoch && now - current->checked_ms < SNAPSHOT_RECHECK_MS) {
		current->refs++;
		s = current;
	}
	pthread_mutex_unlock(&lock);
	return s;
}

enum bf_status snapshot_get(struct app *app, struct snapshot **out, struct bf_err *err)
{
	struct store *s = app->store;
	/* The epoch is read before the counter: a write counted in it is in the counter. */
	long long epoch = store_local_epoch(), now = date_monotonic_ms(), gen;
	struct snapshot *fresh;

	if ((*out = fresh_current(epoch, now)))
		return BF_OK;
	gen = store_generation(s);
	pthread_mutex_lock(&lock);
	if (current && current->generation == gen) {
		current->epoch = epoch;
		current->checked_ms = now;
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
	fresh->epoch = epoch;
	fresh->checked_ms = now;
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
