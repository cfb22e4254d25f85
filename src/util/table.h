/* table: a grid of text cells rendered as an aligned terminal table (by display width, so
 * Chinese lines up) or as CSV. Cells are copied; the table owns them. */
#ifndef BF_TABLE_H
#define BF_TABLE_H
#include <stddef.h>
#include "util/buf.h"

struct table;

struct table *table_new(size_t ncols, const char *const *headers);
void table_free(struct table *t);
/* Adds a row of ncols cells; NULL cells print empty. */
void table_add_row(struct table *t, const char *const *cells);
size_t table_rows(const struct table *t);
void table_render_text(const struct table *t, struct buf *out);
void table_render_csv(const struct table *t, struct buf *out);

#endif
