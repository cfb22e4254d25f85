/* export: registry -> CSV files; see export.h. */
#include "app/export.h"
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
