/* export: registry -> CSV files; see export.h. */
#include "app/export.h"
#include "app/query.h"
#include "app/sheet.h"
#include "app/work.h"
#include "util/csvio.h"
#include "util/fileio.h"

void export_csv(const struct registry *r, const struct record_type *t, struct buf *out)
{
	struct buf field = BUF_INIT;
	size_t n;
	const char *items = registry_items(r, t, &n);

	for (size_t i = 0; i < t->nfields; i++) {
		if (i)
			buf_addc(out, ',');
		buf_adds(out, t->fields[i].name);
	}
	buf_addc(out, '\n');
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < t->nfields; i++) {
			buf_reset(&field);
			model_field_format(&t->fields[i], items + k * t->size, &field);
			if (i)
				buf_addc(out, ',');
			csvio_put_field(out, buf_cstr(&field));
		}
		buf_addc(out, '\n');
	}
	buf_release(&field);
}

enum bf_status export_dir(const struct registry *r, const char *dir, size_t *files,
			  struct bf_err *err)
{
	struct buf csv = BUF_INIT, path = BUF_INIT;
	enum bf_status rc;

	*files = 0;
	if ((rc = fileio_mkdirs(dir, err)))
		return rc;
	for (size_t i = 0; i < model_ntypes && !rc; i++) {
		buf_reset(&csv);
		buf_reset(&path);
		buf_adds(&csv, "\xEF\xBB\xBF"); /* so that Excel reads UTF-8 */
		export_csv(r, model_types[i], &csv);
		buf_addf(&path, "%s/%s", dir, model_types[i]->file);
		rc = fileio_write(path.data, buf_cstr(&csv), csv.len, err);
		*files += !rc;
	}
	buf_release(&csv);
	buf_release(&path);
	return rc;
}

/* The work's records of type t, every one, as {"items":[...]} (the database owner's view). */
static enum bf_status work_doc(struct app *app, const struct work_type *t, json_t **doc,
			       struct bf_err *err)
{
	const struct principal owner = { "export", ACC_ADMIN, NULL, NULL };
	struct work_list_req rq = { 0 };
	struct work_error e;

	rq.limit = EXPORT_XLSX_ROWS;
	work_error_init(&e);
	if (work_list(app, &owner, t, &rq, doc, &e))
		return bf_err_set(err, e.status ? e.status : BF_EDB, "%s", e.message);
	if (json_integer_value(json_object_get(*doc, "total")) > EXPORT_XLSX_ROWS) {
		bf_err_set(err, BF_EINPUT, "%lld %s are more than a sheet holds (%ld rows): export "
			   "them as CSV (--format csv)",
			   (long long)json_integer_value(json_object_get(*doc, "total")), t->plural,
			   EXPORT_XLSX_ROWS);
		bf_err_zh(err, "%s共 %lld 条，超过一张工作表的行数（%ld）：请导出为 CSV（--format csv）",
			  t->zh, (long long)json_integer_value(json_object_get(*doc, "total")),
			  EXPORT_XLSX_ROWS);
		return BF_EINPUT;
	}
	return BF_OK;
}

enum bf_status export_xlsx(struct app *app, const struct registry *r, const char *path,
			   struct bf_err *err)
{
	static const char *const names[] = { "轮次 rounds", "帮扶对象 targets", "帮扶单位 units",
					     "组团 groups", "组团成员 members", "帮扶干部 cadres",
					     "指标 indicators" };
	enum { NREG = 7, NSHEETS = NREG + WK_N };
	struct sheet_spec specs[NSHEETS] = { 0 };
	json_t *docs[NSHEETS] = { 0 };
	char work_names[WK_N][64], titles[WK_N][96];
	const char *sheet_names[NSHEETS];
	struct buf out = BUF_INIT;
	enum bf_status rc = BF_OK;

	_Static_assert(sizeof names / sizeof names[0] == NREG, "one sheet name per record type");
	if (model_ntypes != NREG)
		return bf_err_set(err, BF_EDB, "export: %zu record types, %d sheet names",
				  model_ntypes, NREG);
	for (size_t i = 0; i < NREG; i++) {
		const struct record_type *t = model_types[i];
		size_t n;
		const char *items = registry_items(r, t, &n);
		json_t *a = json_array();
		for (size_t k = 0; k < n; k++)
			json_array_append_new(a, query_record_json(t, items + k * t->size));
		docs[i] = json_pack("{s:o}", "items", a);
		specs[i] = (struct sheet_spec){ t->what, t->file, NULL, t };
		sheet_names[i] = names[i];
	}
	/* the work (docs/work.md), a sheet per record type: read by query, not in the registry */
	for (size_t k = 0; k < WK_N && !rc; k++) {
		const struct work_type *t = &work_types[k];
		snprintf(work_names[k], sizeof work_names[k], "%s %s", t->zh, t->plural);
		snprintf(titles[k], sizeof titles[k], "%s %s", t->plural, t->zh);
		sheet_names[NREG + k] = work_names[k];
		specs[NREG + k] = (struct sheet_spec){ t->name, titles[k], work_columns(t), NULL };
		rc = work_doc(app, t, &docs[NREG + k], err);
	}
	if (!rc)
		rc = sheet_workbook(specs, docs, sheet_names, NSHEETS, &out, err);
	if (!rc)
		rc = fileio_write(path, out.data, out.len, err);
	for (size_t i = 0; i < NSHEETS; i++)
		json_decref(docs[i]);
	buf_release(&out);
	return rc;
}

size_t export_xlsx_sheets(void)
{
	return 7 + WK_N;
}
