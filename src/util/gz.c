/* gz: gzip in memory with zlib's deflate; see gz.h. */
#include "util/gz.h"
#include "util/xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

bool gz_compress(const void *in, size_t n, struct buf *out)
{
	z_stream z;
	unsigned char *tmp;
	uLong bound;
	int rc;

	memset(&z, 0, sizeof z);
	/* 15 + 16: a gzip header and trailer; level 6, zlib's default balance */
	if (n > UINT32_MAX || deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return false;
	bound = deflateBound(&z, (uLong)n) + 32; /* the whole stream in one call */
	tmp = xmalloc(bound);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	z.next_out = tmp;
	z.avail_out = (uInt)bound;
	rc = deflate(&z, Z_FINISH);
	if (rc == Z_STREAM_END)
		buf_add(out, tmp, z.total_out);
	deflateEnd(&z);
	free(tmp);
	return rc == Z_STREAM_END;
}
