/* csvio: CSV records with line numbers; see csvio.h. libcsv does the parsing; this module
 * feeds it one physical line at a time so that it always knows which line a record began on. */
#include "util/csvio.h"
#include "util/xalloc.h"
#include <csv.h>
#include <string.h>

struct reader {
	struct csvio_row row;
	size_t cap;
	struct buf *fields;  /* one buffer per field, reused across records */
	size_t fields_cap;
	size_t line;         /* the physical line being fed */
	bool between;        /* no field of a record has started yet */
	bool stop;
	bool nul;
	size_t nul_line;
	csvio_row_fn fn;
	void *ctx;
};

static void on_field(void *data, size_t len, void *p)
{
	struct reader *r = p;
	size_t i = r->row.nfields;

	if (r->stop)
		return;
	if (i == r->fields_cap) {
		size_t old = r->fields_cap;
		void *f = r->fields;
		xgrow(&f, &r->fields_cap, i + 1, sizeof *r->fields);
		r->fields = f;
		for (size_t k = old; k < r->fields_cap; k++)
			buf_init(&r->fields[k]);
	}
	buf_reset(&r->fields[i]);
	if (data && len && *(const char *)data == '\'') { /* the writer's guard, or Excel's */
		data = (char *)data + 1;                       /* text marker */
		len--;
	}
	buf_add(&r->fields[i], data ? data : "", data ? len : 0);
	if (data && memchr(data, '\0', len) && !r->nul) {
		r->nul = true;
		r->nul_line = r->row.line;
	}
	r->row.nfields++;
}

static void on_record(int c, void *p)
{
	struct reader *r = p;
	(void)c;

	if (r->stop)
		return;
	if (r->row.nfields > r->cap) {
		r->cap = r->row.nfields;
		r->row.fields = xrealloc(r->row.fields, r->cap * sizeof *r->row.fields);
		r->row.lens = xrealloc(r->row.lens, r->cap * sizeof *r->row.lens);
	}
	for (size_t i = 0; i < r->row.nfields; i++) {
		r->row.fields[i] = r->fields[i].data;
		r->row.lens[i] = r->fields[i].len;
	}
	if (!r->nul && !r->fn(&r->row, r->ctx))
		r->stop = true;
	r->row.nfields = 0;
	r->between = true;
}

static void reader_release(struct reader *r)
{
	for (size_t k = 0; k < r->fields_cap; k++)
		buf_release(&r->fields[k]);
	free(r->fields);
	free(r->row.fields);
	free(r->row.lens);
}

static bool feed(struct csv_parser *p, struct reader *r, const char *data, size_t len,
		 size_t *line, struct buf *why)
{
	size_t off = 0;

	r->line = 0;
	r->between = true;
	while (off < len && !r->stop && !r->nul) {
		const char *nl = memchr(data + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (data + off)) + 1 : len - off;
		r->line++;
		if (r->between && strspn(data + off, "\r\n") < n) {
			r->row.line = r->line;
			r->between = false;
		}
		if (csv_parse(p, data + off, n, on_field, on_record, r) != n) {
			*line = r->line;
			buf_adds(why, csv_error(p) == CSV_EPARSE
					      ? "malformed CSV: a quote in the wrong place (a field "
						"with quotes must be wholly quoted, and a quote "
						"inside it written twice: \"\")"
					      : "malformed CSV");
			return false;
		}
		off += n;
	}
	return true;
}

bool csvio_read(const char *data, size_t len, csvio_row_fn fn, void *ctx, size_t *line,
		struct buf *why)
{
	struct csv_parser p;
	struct reader r;
	bool ok;

	memset(&r, 0, sizeof r);
	r.fn = fn;
	r.ctx = ctx;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		buf_adds(why, "cannot start the CSV parser");
		return false;
	}
	*line = 0;
	ok = feed(&p, &r, data, len, line, why);
	if (ok && !r.stop && !r.nul && csv_fini(&p, on_field, on_record, &r) != 0) {
		*line = r.row.line;
		buf_adds(why, "malformed CSV: a quoted field is never closed");
		ok = false;
	}
	if (ok && r.nul) {
		*line = r.nul_line;
		buf_adds(why, "contains a NUL byte; this is not a text CSV file");
		ok = false;
	}
	csv_free(&p);
	reader_release(&r);
	return ok;
}

/* A plain decimal number ("-12", "+3.5", "-1e3"): a spreadsheet reads it as a number, never
 * as a formula, so it is written as is and a negative figure stays a number. */
static bool plain_number(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	size_t digits = strspn(p, "0123456789");

	p += digits;
	if (*p == '.') {
		size_t frac = strspn(p + 1, "0123456789");
		digits += frac;
		p += 1 + frac;
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		p += *p == '+' || *p == '-';
		if (!strspn(p, "0123456789"))
			return false;
		p += strspn(p, "0123456789");
	}
	return *p == '\0';
}

bool csvio_guarded(const char *s)
{
	switch (s[0]) {
	case '=': case '@': case '\t': case '\r': case '\'':
		return true;
	case '+': case '-':
		return !plain_number(s);
	default:
		return false;
	}
}

void csvio_put_field(struct buf *out, const char *s)
{
	bool guard = csvio_guarded(s);
	size_t n = strlen(s);
	bool quote = strpbrk(s, ",\"\r\n") != NULL ||
		     (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));

	if (!quote) {
		if (guard)
			buf_addc(out, '\'');
		buf_add(out, s, n);
		return;
	}
	buf_addc(out, '"');
	if (guard)
		buf_addc(out, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(out, '"');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

void csvio_put_row(struct buf *out, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(out, ',');
		csvio_put_field(out, fields[i] ? fields[i] : "");
	}
	buf_addc(out, '\n');
}
