/* output: prints JSON results as aligned tables (display width, so Chinese lines up), as CSV
 * (with a UTF-8 BOM for Excel) or as JSON; see cli.h. */
#include "cli/cli.h"
#include "app/sheet.h"
#include "util/buf.h"
#include "util/csvio.h"
#include "util/table.h"
#include "util/xalloc.h"
#include <string.h>
#include <unistd.h>

bool cli_parse_format(const char *s, enum cli_format *f)
{
	static const char *const names[] = { "table", "csv", "json", "xlsx" };
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum cli_format)i;
			return true;
		}
	return false;
}

static void cell_text(json_t *v, struct buf *out);

static void array_text(json_t *a, struct buf *out)
{
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		if (i)
			buf_adds(out, "; ");
		cell_text(x, out);
	}
}

/* A value as one table cell: scalars as text, objects as their values joined by spaces. */
static void cell_text(json_t *v, struct buf *out)
{
	const char *k;
	json_t *x;
	bool first = true;

	switch (json_typeof(v)) {
	case JSON_STRING:
		buf_adds(out, json_string_value(v));
		break;
	case JSON_INTEGER:
		buf_addf(out, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		buf_addf(out, "%.15g", json_real_value(v));
		break;
	case JSON_TRUE:
		buf_adds(out, "yes");
		break;
	case JSON_FALSE:
		buf_adds(out, "no");
		break;
	case JSON_NULL:
		break;
	case JSON_ARRAY:
		array_text(v, out);
		break;
	case JSON_OBJECT:
		json_object_foreach(v, k, x) {
			if (!first)
				buf_addc(out, ' ');
			cell_text(x, out);
			first = false;
		}
		break;
	}
}

static bool is_table(json_t *v)
{
	return json_is_array(v) && json_array_size(v) > 0 && json_is_object(json_array_get(v, 0));
}

/* "items" is always a table, even when empty. */
static bool is_items(const char *k, json_t *v)
{
	return json_is_array(v) && (is_table(v) || strcmp(k, "items") == 0);
}

/* Collects the column names: the given ones, else the keys of the first object. */
static size_t columns_of(json_t *items, const char *const *given, const char ***out)
{
	size_t n = 0;
	const char *k;
	json_t *x;

	if (given) {
		while (given[n])
			n++;
		*out = xmalloc((n + 1) * sizeof **out);
		memcpy(*out, given, n * sizeof **out);
		return n;
	}
	*out = xmalloc((json_object_size(json_array_get(items, 0)) + 1) * sizeof **out);
	json_object_foreach(json_array_get(items, 0), k, x)
		(*out)[n++] = k;
	return n;
}

static struct table *items_table(json_t *items, const char *const *given)
{
	const char **cols;
	size_t n = columns_of(items, given, &cols), i;
	struct table *t = table_new(n, cols);
	char **cells = xcalloc(n, sizeof *cells);
	json_t *row;
	struct buf b = BUF_INIT;

	json_array_foreach(items, i, row) {
		for (size_t c = 0; c < n; c++) {
			json_t *v = json_object_get(row, cols[c]);
			buf_reset(&b);
			if (v)
				cell_text(v, &b);
			cells[c] = xstrdup(buf_cstr(&b));
		}
		table_add_row(t, (const char *const *)cells);
		for (size_t c = 0; c < n; c++)
			free(cells[c]);
	}
	buf_release(&b);
	free(cells);
	free(cols);
	return t;
}

/* Scalars first, as "key  value" lines; then each nested object and table under a heading. */
static void render_text(json_t *o, const char *const *columns, struct buf *out, int depth)
{
	const char *k;
	json_t *v;
	struct buf b = BUF_INIT;
	size_t w = 0;

	json_object_foreach(o, k, v)
		if (!json_is_object(v) && !is_items(k, v) && strlen(k) > w)
			w = strlen(k);
	json_object_foreach(o, k, v) {
		if (json_is_object(v) || is_items(k, v))
			continue;
		buf_reset(&b);
		cell_text(v, &b);
		buf_addf(out, "%*s%-*s  %s", depth * 2, "", (int)w, k, buf_cstr(&b));
		while (out->len && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
		buf_addc(out, '\n');
	}
	json_object_foreach(o, k, v) {
		struct table *t;
		if (json_is_object(v)) {
			buf_addf(out, "\n%*s[%s]\n", depth * 2, "", k);
			render_text(v, NULL, out, depth + 1);
		} else if (is_items(k, v)) {
			buf_addf(out, "\n[%s] %zu\n", k, json_array_size(v));
			if (!is_table(v) && !columns) {
				buf_adds(out, "(none)\n");
				continue;
			}
			t = items_table(v, strcmp(k, "items") == 0 ? columns : NULL);
			table_render_text(t, out);
			table_free(t);
		}
	}
	buf_release(&b);
}

static void render_csv(json_t *o, const char *const *columns, struct buf *out)
{
	json_t *items = json_object_get(o, "items");
	const char *k;
	json_t *v;
	struct buf b = BUF_INIT;

	buf_adds(out, "\xEF\xBB\xBF");
	if (items && json_is_array(items) && (json_array_size(items) || columns)) {
		struct table *t = items_table(items, columns);
		table_render_csv(t, out);
		table_free(t);
		buf_release(&b);
		return;
	}
	buf_adds(out, "key,value\n");
	json_object_foreach(o, k, v) {
		const char *cells[2];
		if (json_is_object(v) || is_table(v))
			continue;
		buf_reset(&b);
		cell_text(v, &b);
		cells[0] = k;
		cells[1] = buf_cstr(&b);
		csvio_put_row(out, cells, 2);
	}
	buf_release(&b);
}

void cli_print(struct cli *c, json_t *v, enum cli_format f, const char *const *columns)
{
	struct buf out = BUF_INIT;
	char *s;

	switch (f) {
	case FMT_JSON:
		s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
		fprintf(c->out, "%s\n", s);
		free(s);
		return;
	case FMT_CSV:
		render_csv(v, columns, &out);
		break;
	case FMT_TABLE:
		render_text(v, columns, &out, 0);
		break;
	case FMT_XLSX:
		cli_print_xlsx(c, v, NULL, NULL, columns);
		return;
	}
	fputs(buf_cstr(&out), c->out);
	buf_release(&out);
}

int cli_print_xlsx(struct cli *c, json_t *v, const char *what, const char *title,
		   const char *const *columns)
{
	struct sheet_spec spec = { what, title, columns, NULL };
	struct buf out = BUF_INIT;
	struct bf_err err;
	int rc = 0;

	if (isatty(fileno(c->out))) {
		fprintf(c->err, "bangfu: --format xlsx writes a spreadsheet file, not text: redirect "
				"it, e.g. > %s.xlsx\n", what ? what : "report");
		return EXIT_USAGE;
	}
	bf_err_init(&err);
	if (sheet_xlsx(&spec, v, &out, &err))
		rc = cli_fail(c, &err);
	else if (fwrite(out.data, 1, out.len, c->out) != out.len || fflush(c->out) != 0)
		rc = 1, fprintf(c->err, "bangfu: writing the spreadsheet failed\n");
	bf_err_release(&err);
	buf_release(&out);
	return rc;
}
