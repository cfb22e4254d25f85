/* work_import: the work's CSV files in and out; see work_import.h. A cell's form (a whole
 * number, a date, one line of text, a class word) is checked with core/model's field parser;
 * what the schema constrains (domains, statuses, kinds, positive amounts) is refused by the
 * database and reported at the row's line and the constraint's column; references are looked
 * up once all files are in (store/work_bulk). */
#include "app/work_import.h"
#include "app/app_int.h"
#include "app/work.h"
#include "core/model.h"
#include "store/work_bulk.h"
#include "util/arena.h"
#include "util/csvio.h"
#include "util/fileio.h"
#include "util/text.h"
#include "util/xalloc.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 24
/* Above this much input the running sums are rebuilt at the end rather than kept per row
 * (store/work_bulk): the rebuild reads the whole work tables, a row's triggers only its own. */
#define WORK_BULK_BYTES (8UL * 1024 * 1024)
#define MAX_AMOUNT 1000000000000000L /* 10^15: a bound far above any real sum, below overflow */
#define UNNAMED (-2)

const char *const work_import_names[WORK_NFILES] = { "tasks.csv", "needs.csv",
						     "commitments.csv", "resources.csv",
						     "policies.csv" };

_Static_assert(WORK_NFILES == WORK_NTABLES, "one file per work table");
_Static_assert(WORK_NFILES == IMPORT_NWORK, "import_result counts every work file");

#define TEXT(n, fl) { n, FT_TEXT, 0, fl, NULL, NULL, 0, 0 }
#define CHK(n, fl, fn) { n, FT_TEXT, 0, fl, NULL, fn, 0, 0 }
#define INT(n, fl, lo, hi) { n, FT_INT, 0, fl, NULL, NULL, lo, hi }
#define DATE(n, fl) { n, FT_DATE, 0, fl, NULL, NULL, 0, 0 }
#define FLAG(n) { n, FT_FLAG, 0, 0, NULL, NULL, 0, 1 }
#define KEY (F_KEY | F_REQUIRED)
#define REQ F_REQUIRED

/* The columns of each file, in the order of store/work_bulk (docs/work.md). */
static const struct field_def task_fields[] = {
	CHK("round", KEY, model_check_round_name), TEXT("code", KEY), TEXT("domain", REQ),
	TEXT("domain_zh", 0), TEXT("name_zh", REQ), TEXT("name_en", 0),
	TEXT("article_wording", 0),
	{ "classes", FT_LIST, 0, 0, model_classes, NULL, 0, 0 },
	TEXT("direction", 0), FLAG("verified"), TEXT("note", 0),
};
static const struct field_def need_fields[] = {
	INT("id", KEY, 1, MAX_AMOUNT), CHK("round", REQ, model_check_round_name),
	CHK("target", REQ, model_check_adcode), TEXT("task", REQ), TEXT("title", REQ),
	TEXT("detail", 0), INT("priority", REQ, 1, 3), FLAG("illustrative"),
};
static const struct field_def commitment_fields[] = {
	INT("id", KEY, 1, MAX_AMOUNT), CHK("round", REQ, model_check_round_name),
	CHK("target", REQ, model_check_adcode), TEXT("unit", REQ), TEXT("task", REQ),
	INT("need", 0, 1, MAX_AMOUNT), TEXT("title", REQ), TEXT("measure", REQ),
	INT("target_value", REQ, 1, MAX_AMOUNT), INT("delivered_value", 0, 0, MAX_AMOUNT),
	DATE("due", REQ), TEXT("status", REQ), TEXT("evidence", 0), TEXT("evidence_link", 0),
	TEXT("reason", 0), DATE("delivered_on", 0), DATE("confirmed_on", 0),
	TEXT("confirmed_by", 0), FLAG("illustrative"),
};
static const struct field_def resource_fields[] = {
	INT("id", KEY, 1, MAX_AMOUNT), CHK("round", REQ, model_check_round_name),
	TEXT("kind", REQ), INT("amount", REQ, 1, MAX_AMOUNT),
	CHK("target", REQ, model_check_adcode), TEXT("unit", REQ), TEXT("task", 0),
	INT("commitment", 0, 1, MAX_AMOUNT), DATE("date", REQ), TEXT("source", 0),
	FLAG("illustrative"),
};
static const struct field_def policy_fields[] = {
	INT("id", KEY, 1, MAX_AMOUNT), CHK("round", REQ, model_check_round_name),
	TEXT("unit", REQ), TEXT("title", REQ), TEXT("doc_no", 0), DATE("date", REQ),
	TEXT("sector", 0), TEXT("targets", 0), TEXT("tasks", 0), TEXT("link", 0),
	FLAG("illustrative"),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
static const struct {
	const struct field_def *fields;
	size_t n;
} files[WORK_NFILES] = {
	{ task_fields, N(task_fields) },	     { need_fields, N(need_fields) },
	{ commitment_fields, N(commitment_fields) }, { resource_fields, N(resource_fields) },
	{ policy_fields, N(policy_fields) },
};

int work_import_file(const char *basename)
{
	for (int i = 0; i < WORK_NFILES; i++)
		if (strcmp(work_import_names[i], basename) == 0)
			return i;
	return -1;
}

struct keyline {
	char *key;
	size_t line;
};

struct reader {
	struct app *app;
	struct work_bulk *bulk;
	const struct work_import_report *rep;
	size_t problems;
	size_t problems_before; /* at the start of the file being read */
	const char *file;
	int ti; /* the file's table */
	int col_field[MAX_COLS];
	size_t ncols;
	bool header_done;
	size_t *rows;
	struct keyline *keys[WORK_NFILES];
	size_t nkeys[WORK_NFILES], capkeys[WORK_NFILES];
	struct buf why, key;
	char dates[MAX_COLS][11];
};

static void report(struct reader *r, size_t line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The column's position in the file being read (1-based), 0 when it is not in its header. */
static size_t position(const struct reader *r, const char *column)
{
	for (size_t i = 0; column && i < r->ncols; i++)
		if (r->col_field[i] >= 0 &&
		    strcmp(files[r->ti].fields[r->col_field[i]].name, column) == 0)
			return i + 1;
	return 0;
}

static void report(struct reader *r, size_t line, const char *column, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	r->rep->fail(r->rep->ctx, r->file, line, column, position(r, column), buf_cstr(&msg));
	r->problems++;
	buf_release(&msg);
}

static bool header(struct reader *r, const struct csvio_row *row)
{
	const struct field_def *f = files[r->ti].fields;
	size_t nf = files[r->ti].n;
	bool seen[MAX_COLS] = { false };
	struct buf exp = BUF_INIT;
	size_t before = r->problems;

	for (size_t i = 0; i < nf; i++)
		buf_addf(&exp, "%s%s", i ? "," : "", f[i].name);
	r->header_done = true;
	r->ncols = row->nfields;
	if (row->nfields > MAX_COLS) {
		report(r, row->line, NULL, "has %zu columns; expected %s", row->nfields, exp.data);
		goto out;
	}
	for (size_t i = 0; i < row->nfields; i++) {
		r->col_field[i] = -1;
		for (size_t k = 0; k < nf; k++)
			if (strcmp(f[k].name, row->fields[i]) == 0)
				r->col_field[i] = (int)k;
		if (r->col_field[i] < 0 && !row->fields[i][0])
			r->col_field[i] = UNNAMED; /* Excel's trailing comma: must stay empty */
		else if (r->col_field[i] < 0)
			report(r, row->line, row->fields[i], "unknown column; the columns of %s are %s",
			       work_import_names[r->ti], exp.data);
		else if (seen[r->col_field[i]])
			report(r, row->line, row->fields[i], "appears twice in the header");
		else
			seen[r->col_field[i]] = true;
	}
	for (size_t k = 0; k < nf; k++)
		if (!seen[k] && (f[k].flags & F_REQUIRED))
			report(r, row->line, f[k].name, "missing from the header (the columns of "
			       "%s are %s)", work_import_names[r->ti], exp.data);
out:
	buf_release(&exp);
	return r->problems == before;
}

static void remember_key(struct reader *r, const char *const *values, size_t line)
{
	int t = r->ti;
	void *p = r->keys[t];

	buf_reset(&r->key);
	if (t == WORK_TASKS)
		buf_addf(&r->key, "%s,%s", values[0], values[1]);
	else
		buf_addf(&r->key, "%lld", strtoll(values[0], NULL, 10));
	xgrow(&p, &r->capkeys[t], r->nkeys[t] + 1, sizeof **r->keys);
	r->keys[t] = p;
	r->keys[t][r->nkeys[t]].key = xstrdup(buf_cstr(&r->key));
	r->keys[t][r->nkeys[t]].line = line;
	r->nkeys[t]++;
}

/* Checks each cell's form; values[k] is column k's text (a date in its canonical form), NULL
 * when the column is absent or the cell empty. */
static bool parse_row(struct reader *r, const struct csvio_row *row, const char **values)
{
	const struct field_def *f = files[r->ti].fields;
	bool ok = true;

	for (size_t k = 0; k < files[r->ti].n; k++)
		values[k] = NULL;
	for (size_t i = 0; i < row->nfields; i++) {
		union {
			const char *s;
			long l;
			bf_day d;
		} slot;
		int k = r->col_field[i];
		if (k == UNNAMED && row->fields[i][0]) {
			report(r, row->line, NULL, "field %zu has a value but its column has no name "
			       "in the header", i + 1);
			ok = false;
		}
		if (k < 0)
			continue;
		buf_reset(&r->why);
		slot.d = BF_DAY_NONE;
		if (!model_field_parse(&f[k], row->fields[i], &slot, &r->why)) {
			report(r, row->line, f[k].name, "%s", buf_cstr(&r->why));
			ok = false;
			continue;
		}
		values[k] = row->fields[i][0] ? row->fields[i] : NULL;
		if (f[k].type == FT_DATE && values[k]) {
			date_format(slot.d, r->dates[k]);
			values[k] = r->dates[k];
		}
	}
	for (size_t k = 0; k < files[r->ti].n && ok; k++)
		if ((f[k].flags & F_REQUIRED) && !values[k]) {
			report(r, row->line, f[k].name, "is required but empty");
			ok = false;
		}
	return ok;
}

/* The value of the named column in values (the row being written). */
static const char *cell(const struct reader *r, const char *const *values, const char *column)
{
	for (size_t k = 0; k < files[r->ti].n; k++)
		if (strcmp(files[r->ti].fields[k].name, column) == 0)
			return values[k] ? values[k] : "";
	return "";
}

/* The row as core/work's record of the file's type (a cell's form is already checked). */
static void to_rec(const struct reader *r, const char *const *values, struct work_rec *rec)
{
	static const char *const plural[WORK_NFILES] = { "tasks", "needs", "commitments",
							 "resources", "policies" };
	const struct work_type *t = work_type_find(plural[r->ti]);

	work_rec_init(rec, t);
	for (size_t k = 0; k < files[r->ti].n; k++) {
		int i = work_field_index(t, files[r->ti].fields[k].name);
		if (i < 0)
			continue;
		if (!values[k])
			work_set_null(rec, t->fields[i].name);
		else if (t->fields[i].type == WF_INT || t->fields[i].type == WF_FLAG)
			work_set_i(rec, t->fields[i].name, strtoll(values[k], NULL, 10));
		else
			work_set_s(rec, t->fields[i].name, values[k]);
	}
}

/* The rules a write of the row through the API would meet (core/work, as the office): a
 * measure or kind outside the lists, a date outside the round, a need of another county... */
static void check_rules(struct reader *r, const char *const *values, size_t line)
{
	struct work_rec rec;
	struct work_error e;

	to_rec(r, values, &rec);
	work_error_init(&e);
	if (work_check_import(r->app, &rec, &e))
		report(r, line, e.field, "%s", e.message);
}

static bool on_row(const struct csvio_row *row, void *ctx)
{
	struct reader *r = ctx;
	const char *values[MAX_COLS];
	const char *column = NULL;
	struct bf_err e;

	if (!r->header_done)
		return header(r, row);
	if (row->nfields != r->ncols) {
		report(r, row->line, NULL, "has %zu fields but the header has %zu", row->nfields,
		       r->ncols);
		return !r->rep->full(r->rep->ctx);
	}
	if (!parse_row(r, row, values))
		return !r->rep->full(r->rep->ctx);
	remember_key(r, values, row->line);
	r->rows[r->ti]++;
	if (r->problems_before == 0) /* what the earlier files hold is all written */
		check_rules(r, values, row->line);
	if (r->problems)
		return !r->rep->full(r->rep->ctx); /* keep checking, stop writing */
	bf_err_init(&e);
	if (work_bulk_put(r->bulk, (enum work_table)r->ti, values, &column, &e))
		report(r, row->line, column, "'%s': %s", column ? cell(r, values, column) : "",
		       bf_err_msg(&e));
	bf_err_release(&e);
	return !r->rep->full(r->rep->ctx);
}

static void read_file(struct reader *r, const struct import_source *src, const char *encoding,
		      const char **enc_out)
{
	struct buf text = BUF_INIT, why = BUF_INIT;
	const char *enc = NULL;
	size_t line = 0;

	r->file = src->name;
	r->problems_before = r->problems;
	r->header_done = false;
	r->ncols = 0;
	if (src->len == 0) {
		report(r, 0, NULL, "the file is empty; it needs at least the header line");
		return;
	}
	if (!text_to_utf8(src->data, src->len, encoding, &text, &enc, &line, &why)) {
		report(r, line, NULL, "%s", buf_cstr(&why));
		goto out;
	}
	*enc_out = enc;
	if (!csvio_read(text.data, text.len, on_row, r, &line, &why) && why.len)
		report(r, line, NULL, "%s", why.data);
	else if (!r->header_done)
		report(r, 0, NULL, "the file has no header line");
out:
	buf_release(&text);
	buf_release(&why);
}

static int cmp_keyline(const void *a, const void *b)
{
	const struct keyline *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static const struct keyline *find_key(const struct reader *r, int t, const char *key)
{
	size_t lo = 0, hi = r->nkeys[t];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->keys[t][mid].key, key);
		if (c == 0)
			return &r->keys[t][mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Two rows of one file with the same key: the second would silently replace the first. */
static void check_duplicates(struct reader *r, const char *const *names)
{
	for (int t = 0; t < WORK_NFILES; t++) {
		r->ti = t;
		r->file = names[t];
		r->ncols = 0;
		if (r->nkeys[t] > 1)
			qsort(r->keys[t], r->nkeys[t], sizeof *r->keys[t], cmp_keyline);
		for (size_t i = 1; i < r->nkeys[t]; i++)
			if (strcmp(r->keys[t][i].key, r->keys[t][i - 1].key) == 0)
				report(r, r->keys[t][i].line, files[t].fields[0].name,
				       "duplicate key '%s' (also on line %zu)", r->keys[t][i].key,
				       r->keys[t][i - 1].line);
	}
}

static void check_references(struct reader *r, struct store *s, const char *const *names)
{
	struct work_dangling d[50];
	size_t n = work_bulk_dangling(s, d, 50);

	for (size_t i = 0; i < n && !r->rep->full(r->rep->ctx); i++) {
		const struct keyline *kl = find_key(r, (int)d[i].table, d[i].key);
		r->ti = (int)d[i].table;
		r->file = names[d[i].table] ? names[d[i].table] : work_import_names[d[i].table];
		report(r, kl ? kl->line : 0, d[i].column,
		       "'%s' is not a known %s, neither in this import nor in the database",
		       d[i].value, d[i].what);
	}
}

size_t work_import_sources(struct app *app, const struct import_source *src, size_t n,
			   const char *encoding, size_t rows[WORK_NFILES],
			   const char *encodings[WORK_NFILES], const struct work_import_report *rep)
{
	struct reader r;
	const char *names[WORK_NFILES] = { NULL };
	struct bf_err e;

	memset(&r, 0, sizeof r);
	r.app = app;
	r.rep = rep;
	r.rows = rows;
	r.bulk = work_bulk_new(app->store);
	{ /* a large import pays no trigger per row: the sums are rebuilt once at the end */
		size_t bytes = 0;
		for (size_t i = 0; i < n; i++)
			bytes += src[i].len;
		if (bytes > WORK_BULK_BYTES)
			work_bulk_sums_off(r.bulk);
	}
	for (int t = 0; t < WORK_NFILES && !rep->full(rep->ctx); t++)
		for (size_t i = 0; i < n && !rep->full(rep->ctx); i++) {
			if (work_import_file(fileio_basename(src[i].name)) != t)
				continue;
			r.ti = t;
			names[t] = src[i].name;
			read_file(&r, &src[i], encoding, &encodings[t]);
		}
	if (!rep->full(rep->ctx))
		check_duplicates(&r, names);
	if (!r.problems)
		check_references(&r, app->store, names);
	bf_err_init(&e);
	if (!r.problems && (work_bulk_sums_rebuild(r.bulk, &e) || work_bulk_bump(r.bulk, &e))) {
		r.file = "work";
		r.ncols = 0;
		report(&r, 0, NULL, "%s", bf_err_msg(&e));
	}
	bf_err_release(&e);
	work_bulk_free(r.bulk);
	for (int t = 0; t < WORK_NFILES; t++) {
		for (size_t i = 0; i < r.nkeys[t]; i++)
			free(r.keys[t][i].key);
		free(r.keys[t]);
	}
	buf_release(&r.why);
	buf_release(&r.key);
	return r.problems;
}

/* ---- export ----------------------------------------------------------------------------- */

static bool put_row(const char *const *values, size_t n, void *ctx)
{
	struct buf *out = ctx;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(out, ',');
		csvio_put_field(out, values[i]);
	}
	buf_addc(out, '\n');
	return true;
}

enum bf_status work_export_dir(struct app *app, const char *dir, size_t *files_out,
			       struct bf_err *err)
{
	struct buf csv = BUF_INIT, path = BUF_INIT;
	enum bf_status rc = BF_OK;

	for (int t = 0; t < WORK_NFILES && !rc; t++) {
		size_t ncols;
		const char *const *cols = work_bulk_columns((enum work_table)t, &ncols);
		buf_reset(&csv);
		buf_reset(&path);
		buf_adds(&csv, "\xEF\xBB\xBF"); /* so that Excel reads UTF-8 */
		put_row(cols, ncols, &csv);
		rc = work_bulk_each(app->store, (enum work_table)t, put_row, &csv, err);
		buf_addf(&path, "%s/%s", dir, work_import_names[t]);
		if (!rc)
			rc = fileio_write(path.data, buf_cstr(&csv), csv.len, err);
		*files_out += !rc;
	}
	buf_release(&csv);
	buf_release(&path);
	return rc;
}
