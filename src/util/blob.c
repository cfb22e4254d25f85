/* blob: immutable reference-counted bytes; see blob.h. The count is atomic because the last
 * reference may be dropped by libmicrohttpd's thread after a response was sent while the cache
 * drops its own under its lock in another. */
#include "util/blob.h"
#include "util/xalloc.h"
#include <stdatomic.h>
#include <string.h>

struct blob {
	atomic_size_t refs;
	size_t len;
	char *data; /* owned; data[len] == '\0' */
};

struct blob *blob_take(struct buf *b)
{
	struct blob *bl = xmalloc(sizeof *bl);
	size_t len = b->len;
	atomic_init(&bl->refs, 1);
	bl->data = buf_detach(b);
	bl->len = len;
	return bl;
}

struct blob *blob_new(const void *p, size_t n)
{
	struct buf b = BUF_INIT;
	buf_add(&b, p, n);
	return blob_take(&b);
}

struct blob *blob_ref(struct blob *b)
{
	if (b) /* relaxed: whoever refs already holds a reference, so the blob is alive */
		atomic_fetch_add_explicit(&b->refs, 1, memory_order_relaxed);
	return b;
}

void blob_unref(struct blob *b)
{
	/* release, then acquire before freeing: every other holder's reads happen before the free */
	if (b && atomic_fetch_sub_explicit(&b->refs, 1, memory_order_release) == 1) {
		atomic_thread_fence(memory_order_acquire);
		free(b->data);
		free(b);
	}
}

const char *blob_data(const struct blob *b)
{
	return b->data;
}

size_t blob_len(const struct blob *b)
{
	return b->len;
}
