/* gz: gzip compression of a buffer in memory (zlib), for large answers sent to clients that
 * accept gzip: a national work report of a megabyte or more goes out as about a tenth of it. */
#ifndef BF_GZ_H
#define BF_GZ_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"

/* Appends the gzip stream (RFC 1952) of in[0..n) to out; false if zlib fails (out unchanged
 * in length then). */
bool gz_compress(const void *in, size_t n, struct buf *out);

#endif
