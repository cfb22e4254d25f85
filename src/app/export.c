/* export: registry -> CSV files; see export.h. */
#include "app/export.h"
#include "app/query.h"
#include "app/sheet.h"
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

enum bf_status export_xlsx(const struct registry *r, const char *path, struct bf_err *err)
{
	static const char *const names[] = { "轮次 rounds", "帮扶对象 targets", "帮扶单位 units",
					     "组团 groups", "组团成员 members", "帮扶干部 cadres",
					     "指标 indicators" };
	struct sheet_spec specs[8] = { 0 };
	json_t *docs[8] = { 0 };
	struct buf out = BUF_INIT;
	enum bf_status rc;

	_Static_assert(sizeof names / sizeof names[0] == 7, "one sheet name per record type");
	for (size_t i = 0; i < model_ntypes && i < 7; i++) {
		const struct record_type *t = model_types[i];
		size_t n;
		const char *items = registry_items(r, t, &n);
		json_t *a = json_array();
		for (size_t k = 0; k < n; k++)
			json_array_append_new(a, query_record_json(t, items + k * t->size));
		docs[i] = json_pack("{s:o}", "items", a);
		specs[i] = (struct sheet_spec){ t->what, t->file, NULL, t };
	}
	rc = sheet_workbook(specs, docs, names, model_ntypes < 7 ? model_ntypes : 7, &out, err);
	if (!rc)
		rc = fileio_write(path, out.data, out.len, err);
	for (size_t i = 0; i < model_ntypes && i < 7; i++)
		json_decref(docs[i]);
	buf_release(&out);
	return rc;
}
