/* import: CSV files -> records -> store, all in one transaction; see import.h. */
#include "app/import.h"
#include "app/app_int.h"
#include "app/cycle.h"
#include "app/audit.h"
#include "app/work_import.h"
#include "store/account.h"
#include "store/succession.h"
#include "core/model.h"
#include "util/arena.h"
#include "util/csvio.h"
#include "util/fileio.h"
#include "util/text.h"
#include "util/xalloc.h"
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ERRORS 50
#define MAX_FILE (1024UL * 1024 * 1024)
#define MAX_COLS 64
#define UNNAMED (-2)

_Static_assert(sizeof(struct bf_cadre) <= 256 && sizeof(struct bf_target) <= 256,
	       "struct importer.rec is too small");

struct keyline {
	const char *key;
	const char *file;
	size_t line;
};

struct keyset {
	struct keyline *items;
	size_t n, cap;
};

struct importer {
	struct store *s;
	struct bf_err *err;
	struct import_result *res;
	struct arena arena;
	struct keyset keys[7];
	/* the file being read */
	const char *file;
	size_t ti;
	const struct record_type *t;
	int col_field[MAX_COLS];
	size_t ncols;
	bool header_done;
	size_t colpos; /* a work file's column position (app/work_import), when set */
	struct buf why, key;
	_Alignas(16) unsigned char rec[256];
	/* rows parsed but not yet written: written STORE_BATCH at a time (store_put_many) */
	_Alignas(16) unsigned char pending[64][256];
	size_t pending_line[64];
	size_t npending;
	struct arena pending_text; /* copies of the pending rows' strings */
};

static bool too_many(struct importer *im)
{
	return im->err->count >= MAX_ERRORS;
}

/* The column's position (1-based) in the file being reported, or 0 when unknown: the header's
 * map is the last file read of im->t's type, the only file of that type in an import. */
static size_t column_position(const struct importer *im, const char *column)
{
	if (im->colpos)
		return im->colpos;
	if (!column || !im->t || model_type_by_file(fileio_basename(im->file)) != im->t)
		return 0;
	for (size_t i = 0; i < im->ncols; i++)
		if (im->col_field[i] >= 0 &&
		    strcmp(im->t->fields[im->col_field[i]].name, column) == 0)
			return i + 1;
	return 0;
}

/* One problem as a structured object for res->problems; the Chinese message says where in
 * Chinese and quotes the English reason (the validators word them in English). */
static void problem(struct importer *im, size_t line, const char *column, const char *what)
{
	struct buf zh = BUF_INIT, en = BUF_INIT, file = BUF_INIT, col = BUF_INIT;
	size_t pos = column_position(im, column);

	/* the texts quote the file's bytes: made valid UTF-8, or jansson would drop them */
	text_sanitize(what, 2000, &en);
	text_sanitize(fileio_basename(im->file), 200, &file);
	text_sanitize(column ? column : "", 200, &col);
	buf_addf(&zh, "文件 %s", buf_cstr(&file));
	if (line)
		buf_addf(&zh, " 第 %zu 行", line);
	if (column)
		buf_addf(&zh, " 列“%s”", buf_cstr(&col));
	buf_addf(&zh, "：%s", buf_cstr(&en));
	json_array_append_new(
		im->res->problems,
		json_pack("{s:s, s:o, s:o, s:o, s:s, s:s}", "file", buf_cstr(&file), "line",
			  line ? json_integer((json_int_t)line) : json_null(), "column",
			  pos ? json_integer((json_int_t)pos) : json_null(), "field",
			  column ? json_string(buf_cstr(&col)) : json_null(), "message",
			  buf_cstr(&en), "message_zh", buf_cstr(&zh)));
	buf_release(&zh);
	buf_release(&en);
	buf_release(&file);
	buf_release(&col);
}

__attribute__((format(printf, 4, 5)))
static void fail(struct importer *im, size_t line, const char *column, const char *what, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	if (too_many(im))
		return;
	if (line)
		buf_addf(&msg, "%s:%zu: ", im->file, line);
	else
		buf_addf(&msg, "%s: ", im->file);
	if (column)
		buf_addf(&msg, "column '%s': ", column);
	va_start(ap, what);
	buf_vaddf(&msg, what, ap);
	va_end(ap);
	bf_err_set(im->err, BF_EINPUT, "%s", msg.data);
	if (im->res->problems) {
		size_t at = msg.len;
		va_start(ap, what);
		buf_vaddf(&msg, what, ap);
		va_end(ap);
		problem(im, line, column, msg.data + at);
	}
	if (too_many(im))
		bf_err_set(im->err, BF_EINPUT, "stopping after %d errors: fix these first",
			   MAX_ERRORS);
	buf_release(&msg);
}

static void expected_columns(const struct record_type *t, struct buf *out)
{
	for (size_t i = 0; i < t->nfields; i++)
		buf_addf(out, "%s%s", i ? "," : "", t->fields[i].name);
}

static bool header(struct importer *im, const struct csvio_row *row)
{
	const struct record_type *t = im->t;
	bool seen[MAX_COLS] = { false };
	struct buf exp = BUF_INIT, required = BUF_INIT;

	expected_columns(t, &exp);
	for (size_t i = 0; i < t->nfields; i++)
		if (t->fields[i].flags & F_REQUIRED)
			buf_addf(&required, "%s%s", required.len ? "," : "", t->fields[i].name);
	im->header_done = true;
	im->ncols = row->nfields;
	if (row->nfields > MAX_COLS) {
		fail(im, row->line, NULL, "has %zu columns; expected %s", row->nfields, exp.data);
		goto out;
	}
	for (size_t i = 0; i < row->nfields; i++) {
		const struct field_def *f = model_field(t, row->fields[i]);
		im->col_field[i] = f ? (int)(f - t->fields) : -1;
		if (!f && !row->fields[i][0])
			im->col_field[i] = UNNAMED; /* Excel's trailing comma: must stay empty */
		else if (!f)
			fail(im, row->line, row->fields[i], "unknown column; the columns of %s are %s",
			     t->file, exp.data);
		else if (seen[f - t->fields])
			fail(im, row->line, row->fields[i], "appears twice in the header");
		else
			seen[f - t->fields] = true;
	}
	for (size_t i = 0; i < t->nfields; i++)
		if (!seen[i] && (t->fields[i].flags & F_REQUIRED))
			fail(im, row->line, t->fields[i].name, "missing from the header (required "
			     "columns of %s: %s)", t->file, required.data);
out:
	buf_release(&exp);
	buf_release(&required);
	return !im->err->count;
}

static void remember_key(struct importer *im, size_t line)
{
	struct keyset *ks = &im->keys[im->ti];
	void *p = ks->items;

	buf_reset(&im->key);
	for (size_t i = 0; i < im->t->nkey; i++) {
		if (i)
			buf_addc(&im->key, ',');
		model_field_format(&im->t->fields[i], im->rec, &im->key);
	}
	xgrow(&p, &ks->cap, ks->n + 1, sizeof *ks->items);
	ks->items = p;
	ks->items[ks->n].key = arena_strndup(&im->arena, im->key.data, im->key.len);
	ks->items[ks->n].file = im->file;
	ks->items[ks->n].line = line;
	ks->n++;
}

static bool parse_fields(struct importer *im, const struct csvio_row *row)
{
	bool ok = true;
	const char *field = NULL;

	model_record_clear(im->t, im->rec);
	for (size_t i = 0; i < row->nfields; i++) {
		const struct field_def *f;
		if (im->col_field[i] == UNNAMED && row->fields[i][0]) {
			fail(im, row->line, NULL, "field %zu has a value but its column has no "
			     "name in the header", i + 1);
			ok = false;
		}
		if (im->col_field[i] < 0)
			continue;
		f = &im->t->fields[im->col_field[i]];
		buf_reset(&im->why);
		if (!model_field_parse(f, row->fields[i], im->rec, &im->why)) {
			fail(im, row->line, f->name, "%s", im->why.data);
			ok = false;
		}
	}
	buf_reset(&im->why);
	if (ok && !model_record_check(im->t, im->rec, &field, &im->why)) {
		fail(im, row->line, field, "%s", im->why.data);
		ok = false;
	}
	return ok;
}

/* Writes the pending rows; a row that cannot be written is reported at its line. */
static void flush(struct importer *im)
{
	const void *recs[64];
	size_t failed = 0;
	const char *field = NULL;
	struct bf_err e;

	for (size_t i = 0; i < im->npending; i++)
		recs[i] = im->pending[i];
	bf_err_init(&e);
	if (im->npending && !im->err->count &&
	    store_put_many(im->s, im->t, recs, im->npending, &failed, &field, &e))
		fail(im, im->pending_line[failed], field, "%s", bf_err_msg(&e));
	bf_err_release(&e);
	im->npending = 0;
	arena_release(&im->pending_text);
}

/* Queues the parsed row, copying its strings (the CSV reader reuses its buffers). */
static void queue(struct importer *im, size_t line)
{
	unsigned char *rec = im->pending[im->npending];

	memcpy(rec, im->rec, im->t->size);
	for (size_t i = 0; i < im->t->nfields; i++) {
		const struct field_def *f = &im->t->fields[i];
		const char **p = (const char **)(rec + f->offset);
		if ((f->type == FT_TEXT || f->type == FT_LIST) && *p)
			*p = arena_strdup(&im->pending_text, *p);
	}
	im->pending_line[im->npending++] = line;
	if (im->npending == store_batch_size())
		flush(im);
}

static bool on_row(const struct csvio_row *row, void *ctx)
{
	struct importer *im = ctx;

	if (!im->header_done)
		return header(im, row);
	if (row->nfields != im->ncols) {
		fail(im, row->line, NULL, "has %zu fields but the header has %zu", row->nfields,
		     im->ncols);
		return !too_many(im);
	}
	if (!parse_fields(im, row))
		return !too_many(im);
	remember_key(im, row->line);
	im->res->rows[im->ti]++;
	if (im->err->count)
		return true; /* keep checking, stop writing */
	queue(im, row->line);
	return !too_many(im);
}

static void read_source(struct importer *im, const struct import_source *src)
{
	struct buf text = BUF_INIT, why = BUF_INIT;
	const char *enc = NULL;
	size_t line = 0;

	im->file = src->name;
	im->header_done = false;
	if (src->len == 0) {
		fail(im, 0, NULL, "the file is empty; it needs at least the header line");
		return;
	}
	if (!text_to_utf8(src->data, src->len, im->res->encoding, &text, &enc, &line, &why)) {
		fail(im, line, NULL, "%s", why.data);
		goto out;
	}
	im->res->encodings[im->ti] = enc;
	if (!csvio_read(text.data, text.len, on_row, im, &line, &why) && why.len)
		fail(im, line, NULL, "%s", why.data);
	else if (!im->header_done)
		fail(im, 0, NULL, "the file has no header line");
	flush(im);
out:
	buf_release(&text);
	buf_release(&why);
}

static int cmp_keyline(const void *a, const void *b)
{
	const struct keyline *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void check_duplicates(struct importer *im)
{
	for (size_t ti = 0; ti < model_ntypes; ti++) {
		struct keyset *ks = &im->keys[ti];
		if (ks->n > 1)
			qsort(ks->items, ks->n, sizeof *ks->items, cmp_keyline);
		for (size_t i = 1; i < ks->n; i++) {
			if (strcmp(ks->items[i].key, ks->items[i - 1].key) != 0)
				continue;
			im->file = ks->items[i].file;
			fail(im, ks->items[i].line, model_types[ti]->fields[0].name,
			     "duplicate key '%s' (also on %s:%zu)", ks->items[i].key,
			     ks->items[i - 1].file, ks->items[i - 1].line);
		}
	}
}

static const struct keyline *find_key(const struct keyset *ks, const char *key)
{
	size_t lo = 0, hi = ks->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(ks->items[mid].key, key);
		if (c == 0)
			return &ks->items[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *target_of(const char *field)
{
	static const struct { const char *field, *what; } refs[] = {
		{ "round", "round (rounds.csv)" }, { "target", "target (targets.csv)" },
		{ "unit", "unit (units.csv)" }, { "group", "group (groups.csv)" },
		{ "predecessor", "cadre (cadres.csv)" }, { "scope", "target (targets.csv)" },
	};
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (strcmp(refs[i].field, field) == 0)
			return refs[i].what;
	return field;
}

static void check_references(struct importer *im)
{
	struct store_dangling d[MAX_ERRORS];
	size_t n = store_dangling(im->s, d, MAX_ERRORS);

	for (size_t i = 0; i < n; i++) {
		size_t ti = 0;
		const struct keyline *kl;
		while (model_types[ti] != d[i].type)
			ti++;
		kl = find_key(&im->keys[ti], d[i].key);
		im->file = kl ? kl->file : d[i].type->file;
		fail(im, kl ? kl->line : 0, d[i].field,
		     "'%s' is not a known %s, neither in this import nor in the database",
		     d[i].value, target_of(d[i].field));
	}
}

/* S7: each imported cadre's predecessor is of the same unit and target, without a cycle
 * (looked up by key: the cost grows with the rows imported, not with the registry). */
static void check_predecessors(struct importer *im)
{
	size_t ti = 0;
	struct buf why = BUF_INIT, zh = BUF_INIT;

	while (model_types[ti] != &model_cadres)
		ti++;
	for (size_t i = 0; i < im->keys[ti].n && !too_many(im); i++) {
		const struct keyline *kl = &im->keys[ti].items[i];
		char unit[128], target[128], pred[128], other[128];
		struct rules_post c;
		if (!store_cadre_post(im->s, kl->key, &c) || !c.predecessor)
			continue;
		/* c's strings live in the store's buffers, which the walk reuses */
		snprintf(unit, sizeof unit, "%s", c.unit ? c.unit : "");
		snprintf(target, sizeof target, "%s", c.target ? c.target : "");
		snprintf(pred, sizeof pred, "%s", c.predecessor);
		c = (struct rules_post){ kl->key, unit, target, pred };
		buf_reset(&why);
		buf_reset(&zh);
		im->file = kl->file;
		if (!rules_predecessor_ok(&c, store_cadre_post_fn, im->s, &why, &zh))
			fail(im, kl->line, "predecessor", "%s", buf_cstr(&why));
		else if (store_other_successor(im->s, pred, kl->key, other, sizeof other))
			fail(im, kl->line, "predecessor", APP_TAKEN_OVER_FMT, pred, other);
	}
	buf_release(&why);
	buf_release(&zh);
}

/* Above this much input, an import drops and rebuilds the secondary indexes (store.h). */
#define BULK_BYTES (8UL * 1024 * 1024)

static size_t total_bytes(const struct import_source *src, size_t n)
{
	size_t t = 0;
	for (size_t i = 0; i < n; i++)
		t += src[i].len;
	return t;
}

/* A file's place in the import: the registry's types in dependency order, then the work's. */
static size_t source_rank(const struct import_source *src)
{
	const char *base = fileio_basename(src->name);
	const struct record_type *t = model_type_by_file(base);
	size_t i = 0;

	if (!t)
		return model_ntypes + (size_t)work_import_file(base);
	while (model_types[i] != t)
		i++;
	return i;
}

static int cmp_source(const void *a, const void *b)
{
	size_t i = source_rank(a), j = source_rank(b);
	return (i > j) - (i < j);
}

static bool known_names(struct importer *im, const struct import_source *src, size_t n)
{
	struct buf names = BUF_INIT;
	bool ok = true;

	for (size_t i = 0; i < model_ntypes; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", model_types[i]->file);
	for (size_t i = 0; i < WORK_NFILES; i++)
		buf_addf(&names, ", %s", work_import_names[i]);
	for (size_t i = 0; i < n; i++)
		if (!model_type_by_file(fileio_basename(src[i].name)) &&
		    work_import_file(fileio_basename(src[i].name)) < 0) {
			im->file = src[i].name;
			fail(im, 0, NULL, "not a bangfu file name; expected one of %s", names.data);
			ok = false;
		}
	buf_release(&names);
	return ok;
}

/* The work's problems, reported as the registry's are (app/work_import). */
static void work_fail(void *ctx, const char *file, size_t line, const char *column,
		      size_t position, const char *message)
{
	struct importer *im = ctx;
	im->file = file;
	im->colpos = position;
	fail(im, line, column, "%s", message);
	im->colpos = 0;
}

static bool work_full(void *ctx)
{
	return too_many(ctx);
}

static void importer_release(struct importer *im)
{
	for (size_t i = 0; i < 7; i++)
		free(im->keys[i].items);
	arena_release(&im->arena);
	arena_release(&im->pending_text);
	buf_release(&im->why);
	buf_release(&im->key);
}

/* The import's audit row: the files' names as the key, rows per file as the record after. */
static enum bf_status audit_import(struct store *s, const char *account, const char *address,
				   const struct import_source *src, size_t n,
				   const struct import_result *res, struct bf_err *err)
{
	struct buf names = BUF_INIT;
	json_t *rows = json_object();
	enum bf_status rc;

	for (size_t i = 0; i < n; i++)
		buf_addf(&names, "%s%s", i ? "," : "", fileio_basename(src[i].name));
	for (size_t t = 0; t < model_ntypes; t++)
		if (res->encodings[t])
			json_object_set_new(rows, model_types[t]->file,
					    json_integer((json_int_t)res->rows[t]));
	for (size_t t = 0; t < WORK_NFILES; t++)
		if (res->work_encodings[t])
			json_object_set_new(rows, work_import_names[t],
					    json_integer((json_int_t)res->work_rows[t]));
	rc = audit_append(s, account, address, "import", "import", buf_cstr(&names), NULL, rows,
			  err);
	json_decref(rows);
	buf_release(&names);
	return rc;
}

enum bf_status import_sources(struct app *app, const char *account, const char *address,
			      const struct import_source *src, size_t n,
			      struct import_result *res, struct bf_err *err)
{
	struct store *s = app->store;
	struct importer im;
	struct import_source *sorted;
	enum bf_status rc;
	size_t nreg;
	bool dry_run = res->dry_run;
	json_t *problems = res->problems;

	memset(&im, 0, sizeof im);
	{
		const char *encoding = res->encoding;
		memset(res, 0, sizeof *res);
		res->dry_run = dry_run;
		res->problems = problems;
		res->encoding = encoding;
	}
	im.s = s;
	im.err = err;
	im.res = res;
	arena_init(&im.arena);
	arena_init(&im.pending_text);
	if (!known_names(&im, src, n)) {
		importer_release(&im);
		return err->status;
	}
	sorted = xmalloc((n ? n : 1) * sizeof *sorted);
	memcpy(sorted, src, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp_source);
	if ((rc = store_begin_import(s, total_bytes(src, n) > BULK_BYTES, err)))
		goto out;
	for (nreg = 0; nreg < n && model_type_by_file(fileio_basename(sorted[nreg].name)); nreg++)
		;
	for (size_t i = 0; i < nreg && !too_many(&im); i++) {
		im.t = model_type_by_file(fileio_basename(sorted[i].name));
		for (im.ti = 0; model_types[im.ti] != im.t; im.ti++)
			;
		read_source(&im, &sorted[i]);
		res->files++;
	}
	check_duplicates(&im);
	if (!err->count)
		store_import_reindex(s, err);
	if (!err->count)
		check_references(&im);
	if (!err->count)
		check_predecessors(&im);
	if (!err->count && nreg < n) { /* the work, once the registry it names is in */
		struct work_import_report rep = { work_fail, work_full, &im };
		work_import_sources(app, sorted + nreg, n - nreg, res->encoding, res->work_rows,
				    res->work_encodings, &rep);
		res->files += n - nreg;
	}
	if (err->count) {
		store_rollback(s);
		rc = err->status;
		goto out;
	}
	if (res->dry_run) {
		store_rollback(s);
		rc = BF_OK;
		goto out;
	}
	/* the work's files alone leave the registry as it is: no reload (work_generation moved) */
	if (!(rc = cycle_periods_default(app, err)) && /* a new round's periods (app/cycle) */
	    !(rc = nreg ? store_generation_bump(s, err) : BF_OK) &&
	    !(rc = account ? audit_import(s, account, address, src, n, res, err) : BF_OK))
		rc = store_commit(s, err);
	else
		store_rollback(s);
out:
	free(sorted);
	importer_release(&im);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the *.csv files of dir to the list, sorted by name, except the planner's needs table
 * (data/guangdong/ holds it beside the records; `bangfu plan --needs` reads it). */
static enum bf_status list_dir(const char *dir, char ***paths, size_t *n, size_t *cap,
			       struct bf_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = *n;

	if (!d)
		return bf_err_set(err, BF_EIO, "%s: cannot open the folder", dir);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		struct buf p = BUF_INIT;
		void *arr = *paths;
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0 ||
		    strcmp(e->d_name, "plan-needs.csv") == 0)
			continue;
		buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		xgrow(&arr, cap, *n + 1, sizeof(char *));
		*paths = arr;
		(*paths)[(*n)++] = buf_detach(&p);
	}
	closedir(d);
	if (*n == first)
		return bf_err_set(err, BF_EINPUT, "%s: the folder holds no .csv file", dir);
	qsort(*paths + first, *n - first, sizeof(char *), cmp_str);
	return BF_OK;
}

enum bf_status import_paths(struct app *app, const char *account, const char *address,
			    const char *const *paths, size_t n, struct import_result *res,
			    struct bf_err *err)
{
	char **files = NULL;
	size_t nfiles = 0, cap = 0;
	struct import_source *src = NULL;
	struct buf *data = NULL;
	enum bf_status rc = BF_OK;

	for (size_t i = 0; i < n && !rc; i++) {
		void *arr = files;
		if (fileio_is_dir(paths[i])) {
			struct buf work = BUF_INIT;
			rc = list_dir(paths[i], &files, &nfiles, &cap, err);
			/* the bundled layout (data/guangdong): the work's files in work/ beside
			 * the registry's, imported with them in the one transaction */
			buf_addf(&work, "%s%swork", paths[i],
				 paths[i][strlen(paths[i]) - 1] == '/' ? "" : "/");
			if (!rc && fileio_is_dir(work.data))
				rc = list_dir(work.data, &files, &nfiles, &cap, err);
			buf_release(&work);
			continue;
		}
		xgrow(&arr, &cap, nfiles + 1, sizeof(char *));
		files = arr;
		files[nfiles++] = xstrdup(paths[i]);
	}
	if (rc)
		goto out;
	src = xcalloc(nfiles ? nfiles : 1, sizeof *src);
	data = xcalloc(nfiles ? nfiles : 1, sizeof *data);
	for (size_t i = 0; i < nfiles; i++)
		if (fileio_read(files[i], MAX_FILE, &data[i], err) == BF_OK) {
			src[i].name = files[i];
			src[i].data = data[i].data ? data[i].data : "";
			src[i].len = data[i].len;
		}
	if (err->count) {
		rc = err->status;
		goto out;
	}
	rc = import_sources(app, account, address, src, nfiles, res, err);
out:
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i]);
		if (data)
			buf_release(&data[i]);
	}
	free(files);
	free(src);
	free(data);
	return rc;
}
