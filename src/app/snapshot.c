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
	char *key;
	struct blob *body; /* a response in flight may hold it past the snapshot */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Held by this process's writer from before its transaction until its snapshot is edited, and
 * by a reader that reloads: a reload never races a write being applied in place. */
static pthread_mutex_t writers = PTHREAD_MUTEX_INITIALIZER;
static struct snapshot *current;
static size_t answer_limit = 64u << 20;

void snapshot_answer_limit(size_t bytes)
{
	answer_limit = bytes;
}

static long long loads; /* guarded by lock */

static void drop_answers(struct snapshot *s)
{
	for (size_t i = 0; i < s->nanswers; i++) {
		free(s->answers[i].key);
		blob_unref(s->answers[i].body);
	}
	free(s->answers);
	s->answers = NULL;
	s->nanswers = 0;
	s->answer_bytes = 0;
}

static void unref(struct snapshot *s)
{
	if (s && --s->refs == 0) {
		drop_answers(s);
		snapshot_check_free(s->check);
		registry_release(&s->reg);
		pthread_rwlock_destroy(&s->rw);
		free(s);
	}
}

struct blob *snapshot_answer_get(struct snapshot *snap, const char *key)
{
	struct blob *body = NULL;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < snap->nanswers && !body; i++)
		if (strcmp(snap->answers[i].key, key) == 0)
			body = blob_ref(snap->answers[i].body);
	pthread_mutex_unlock(&lock);
	return body;
}

void snapshot_answer_put(struct snapshot *snap, const char *key, struct blob *body)
{
	pthread_mutex_lock(&lock);
	size_t size = strlen(key) + blob_len(body) + 2;
	if (!snap->answers)
		snap->answers = xcalloc(MAX_ANSWERS, sizeof *snap->answers);
	/* Bounded in bytes as well as in number: 512 answers of a large list could hold hundreds
	 * of megabytes. A full cache keeps what it has until the data changes. */
	if (snap->nanswers < MAX_ANSWERS && snap->answer_bytes + size <= answer_limit) {
		snap->answers[snap->nanswers].key = xstrdup(key);
		snap->answers[snap->nanswers].body = blob_ref(body);
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

/* The current snapshot with a reference if it has generation gen. */
static struct snapshot *matching(long long gen, long long epoch, long long now)
{
	struct snapshot *s = NULL;
	pthread_mutex_lock(&lock);
	if (current && current->generation == gen) {
		current->epoch = epoch;
		current->checked_ms = now;
		current->refs++;
		s = current;
	}
	pthread_mutex_unlock(&lock);
	return s;
}

/* Loads the database (inside the caller's transaction, if any) as the current snapshot of
 * generation gen; returns it with a reference. */
static enum bf_status load(struct store *s, long long gen, long long epoch, long long now,
			   struct snapshot **out, struct bf_err *err)
{
	pthread_rwlockattr_t attr;
	struct snapshot *fresh = xcalloc(1, sizeof *fresh);

	registry_init(&fresh->reg);
	if (store_load(s, &fresh->reg, err)) {
		registry_release(&fresh->reg);
		free(fresh);
		return err->status;
	}
	/* a waiting writer goes before new readers: a stream of reads cannot starve a write */
	pthread_rwlockattr_init(&attr);
	pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
	pthread_rwlock_init(&fresh->rw, &attr);
	pthread_rwlockattr_destroy(&attr);
	fresh->generation = gen;
	fresh->epoch = epoch;
	fresh->checked_ms = now;
	fresh->refs = 2; /* the cache's and the caller's */
	pthread_mutex_lock(&lock);
	loads++;
	unref(current);
	current = fresh;
	pthread_mutex_unlock(&lock);
	*out = fresh;
	return BF_OK;
}

enum bf_status snapshot_get(struct app *app, struct snapshot **out, struct bf_err *err)
{
	struct store *s = app->store;
	/* The epoch is read before the counter: a write counted in it is in the counter. */
	long long epoch = store_local_epoch(), now = date_monotonic_ms(), gen;
	struct snapshot *snap;
	enum bf_status rc = BF_OK;

	if (!(snap = fresh_current(epoch, now)) &&
	    !(snap = matching(store_generation(s), epoch, now))) {
		/* Stale: a writer of this process may be editing the snapshot to the new
		 * generation; wait for it, and load only if the database is still ahead. */
		pthread_mutex_lock(&writers);
		epoch = store_local_epoch();
		gen = store_generation(s);
		if (!(snap = matching(gen, epoch, now)))
			rc = load(s, gen, epoch, now, &snap, err);
		pthread_mutex_unlock(&writers);
		if (rc)
			return rc;
	}
	pthread_rwlock_rdlock(&snap->rw);
	*out = snap;
	return BF_OK;
}

void snapshot_put(struct snapshot *snap)
{
	pthread_rwlock_unlock(&snap->rw);
	pthread_mutex_lock(&lock);
	unref(snap);
	pthread_mutex_unlock(&lock);
}

void snapshot_write_lock(void)
{
	pthread_mutex_lock(&writers);
}

void snapshot_write_unlock(void)
{
	pthread_mutex_unlock(&writers);
}

enum bf_status snapshot_write_begin(struct store *s, struct snapshot **out, struct bf_err *err)
{
	long long epoch = store_local_epoch(), now = date_monotonic_ms(), gen = store_generation(s);
	struct snapshot *snap = matching(gen, epoch, now);
	enum bf_status rc;

	if (!snap && (rc = load(s, gen, epoch, now, &snap, err)))
		return rc;
	pthread_rwlock_wrlock(&snap->rw);
	*out = snap;
	return BF_OK;
}

void snapshot_write_end(struct snapshot *snap, bool committed, size_t edited)
{
	pthread_mutex_lock(&lock);
	if (committed) {
		snap->generation++; /* the writer bumped the counter once */
		snap->epoch = store_local_epoch();
		snap->checked_ms = date_monotonic_ms();
		drop_answers(snap);
	}
	/* Edits copy strings into the registry's arena and never free them: past a bound the
	 * snapshot is let go, and the next request loads a compact one. */
	snap->edited += edited;
	if (snap->edited > SNAPSHOT_EDITED_MAX && current == snap) {
		unref(current);
		current = NULL;
	}
	pthread_mutex_unlock(&lock);
	pthread_rwlock_unlock(&snap->rw);
	pthread_mutex_lock(&lock);
	unref(snap);
	pthread_mutex_unlock(&lock);
}

void snapshot_check_free(struct snapshot_check *c)
{
	if (!c)
		return;
	free(c->round);
	violations_release(&c->v);
	free(c);
}

long long snapshot_loads(void)
{
	long long n;
	pthread_mutex_lock(&lock);
	n = loads;
	pthread_mutex_unlock(&lock);
	return n;
}

void snapshot_clear(void)
{
	pthread_mutex_lock(&lock);
	unref(current);
	current = NULL;
	pthread_mutex_unlock(&lock);
}
