/* csvio: RFC 4180 CSV reading on top of libcsv, with the line number where every record
 * starts (for FILE:LINE errors), and CSV writing. Knows nothing of what the columns mean. */
#ifndef BF_CSVIO_H
#define BF_CSVIO_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"

struct csvio_row {
	size_t line;    /* 1-based line where the record starts */
	size_t nfields;
	char **fields;  /* NUL-terminated UTF-8, owned by the reader, valid during the call */
	size_t *lens;
};

/* Called once per record, the header included. Return false to stop reading. */
typedef bool (*csvio_row_fn)(const struct csvio_row *row, void *ctx);

/* Reads data (UTF-8) record by record. Blank lines are skipped; spaces around unquoted
 * fields are trimmed; one leading apostrophe of a field is removed (the writer's guard below,
 * and what Excel means by it: "this is text"). Returns false with a sentence in why and the line in *line when the CSV
 * is malformed (an unterminated quote, text after a closing quote, a NUL byte). */
bool csvio_read(const char *data, size_t len, csvio_row_fn fn, void *ctx, size_t *line,
		struct buf *why);

/* True when s would be written with the guard: it starts with = + - @ tab CR (a spreadsheet
 * would run it as a formula; + and - only when s is not a plain number such as -12.5) or with
 * an apostrophe (so that the reader's removal of one gives s back). */
bool csvio_guarded(const char *s);
/* Appends s as one field, quoted when needed, with an apostrophe before it when guarded:
 * every CSV bangfu writes goes through here, so no cell of it is a formula. */
void csvio_put_field(struct buf *out, const char *s);
/* Appends fields separated by commas and a final "\n". */
void csvio_put_row(struct buf *out, const char *const *fields, size_t n);

#endif
