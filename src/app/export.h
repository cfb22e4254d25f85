/* export: writes the database as the CSV files of docs/data-format.md, sorted by key, so that
 * init --empty + import + export reproduces the same files byte for byte. */
#ifndef BF_EXPORT_H
#define BF_EXPORT_H
#include "app/app.h"
#include "core/registry.h"
#include "util/buf.h"
#include "util/err.h"

/* Formats the records of type t in r as CSV (header first) into out. */
void export_csv(const struct registry *r, const struct record_type *t, struct buf *out);
/* Writes every record type into dir (created if missing), each file UTF-8 with a BOM so
 * that Excel opens it correctly; *files is set to the count. */
enum bf_status export_dir(const struct registry *r, const char *dir, size_t *files,
			  struct bf_err *err);

/* Writes every record type into one XLSX workbook at path, a sheet per type (app/sheet): the
 * registry's 7 from r, then the work's 5 (tasks, needs, commitments, resources, policies,
 * read from app's database, every record, at most EXPORT_XLSX_ROWS each), and the columns'
 * sheet (说明 columns). */
#define EXPORT_XLSX_ROWS 1048575L /* a sheet's rows in Excel, less the header */
enum bf_status export_xlsx(struct app *app, const struct registry *r, const char *path,
			   struct bf_err *err);
/* The number of data sheets export_xlsx writes (12). */
size_t export_xlsx_sheets(void);

#endif
