/* table: aligned text and CSV rendering; see table.h. */
#include "util/table.h"
#include "util/csvio.h"
#include "util/text.h"
#include "util/xalloc.h"

struct table {
	size_t ncols;
	char **cells; /* (rows + 1) * ncols, row 0 is the header */
	size_t nrows; /* including the header */
	size_t cap;
};

static void put_row(struct table *t, const char *const *cells)
{
	void *p = t->cells;
	xgrow(&p, &t->cap, (t->nrows + 1) * t->ncols, sizeof(char *));
	t->cells = p;
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

struct table *table_new(size_t ncols, const char *const *headers)
{
	struct table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	put_row(t, headers);
	return t;
}

void table_free(struct table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

void table_add_row(struct table *t, const char *const *cells)
{
	put_row(t, cells);
}

size_t table_rows(const struct table *t)
{
	return t->nrows - 1;
}

static void render_line(const struct table *t, size_t r, const size_t *w, struct buf *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = t->cells[r * t->ncols + c];
		if (c + 1 == t->ncols) {
			buf_adds(out, s);
		} else {
			text_pad(out, s, w[c]);
			buf_adds(out, "  ");
		}
	}
	while (out->len && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	buf_addc(out, '\n');
}

void table_render_text(const struct table *t, struct buf *out)
{
	size_t *w = xcalloc(t->ncols, sizeof *w);

	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t cw = text_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	render_line(t, 0, w, out);
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t i = 0; i < w[c]; i++)
			buf_addc(out, '-');
		if (c + 1 < t->ncols)
			buf_adds(out, "  ");
	}
	buf_addc(out, '\n');
	for (size_t r = 1; r < t->nrows; r++)
		render_line(t, r, w, out);
	free(w);
}

void table_render_csv(const struct table *t, struct buf *out)
{
	for (size_t r = 0; r < t->nrows; r++)
		csvio_put_row(out, (const char *const *)&t->cells[r * t->ncols], t->ncols);
}
