/* blob: an immutable, reference-counted byte string, shared by a cache and the responses in
 * flight that send it, so that a cached answer goes out without being copied. Never changed
 * once made; freed when the last reference is dropped, from any thread. */
#ifndef BF_BLOB_H
#define BF_BLOB_H
#include <stddef.h>
#include "util/buf.h"

struct blob;

/* A blob of b's bytes with one reference (the caller's). Takes b's memory without copying
 * and leaves b empty. data is NUL-terminated (as a buf's is) and never NULL. */
struct blob *blob_take(struct buf *b);
/* A blob of a copy of p[0..n) with one reference. */
struct blob *blob_new(const void *p, size_t n);
/* Adds a reference and returns b (NULL stays NULL). */
struct blob *blob_ref(struct blob *b);
/* Drops a reference; the last one frees the blob. NULL is a no-op. */
void blob_unref(struct blob *b);
/* The bytes, valid as long as a reference is held. */
const char *blob_data(const struct blob *b);
size_t blob_len(const struct blob *b);

#endif
