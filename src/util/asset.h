/* asset: files embedded in the binary at build time (the schema, the bundled data set, the
 * web UI). scripts/embed generates the table; the bytes are read-only and live forever. */
#ifndef BF_ASSET_H
#define BF_ASSET_H
#include <stddef.h>

struct asset {
	const char *name;            /* e.g. "schema.sql", "guangdong/targets.csv" */
	const unsigned char *begin;
	const unsigned char *end;    /* one past the last byte; *end == '\0' */
};

extern const struct asset assets[];
extern const size_t assets_count;

/* The asset named name, or NULL. */
const struct asset *asset_find(const char *name);

#endif
