/* sheet: a list or a report as a spreadsheet (XLSX) for the API's ?format=xlsx and the CLI's
 * --format xlsx. The first sheet (数据) has one header row in Chinese, frozen, with filter
 * buttons, and one row per item: numbers as numbers, dates as dates, yes/no as booleans,
 * everything else as text (never a formula). The second sheet (说明 columns) gives each
 * column's Chinese header beside its English key (the name in the API, the CSV files and
 * docs/data-format.md), and what the file is. A report without items becomes a table of
 * item (项目), value (值) and key. */
#ifndef BF_SHEET_H
#define BF_SHEET_H
#include <jansson.h>
#include "core/model.h"
#include "util/buf.h"
#include "util/err.h"

struct sheet_spec {
	const char *what;              /* record table ("cadre") or report name ("groups") */
	const char *title;             /* the second sheet's title line, e.g. "report groups" */
	const char *const *columns;    /* the items' keys in order; NULL: from type or the doc */
	const struct record_type *type; /* records: the field types decide dates and numbers */
};

/* Writes doc ({"items":[...]} or an object of values) as an XLSX file into out. */
enum bf_status sheet_xlsx(const struct sheet_spec *spec, json_t *doc, struct buf *out,
			  struct bf_err *err);
/* Writes n lists (each doc {"items":[...]}) as one workbook, sheet i named names[i], and a last
 * sheet (说明 columns) with every sheet's columns: `bangfu export --format xlsx`. */
enum bf_status sheet_workbook(const struct sheet_spec *specs, json_t *const *docs,
			      const char *const *names, size_t n, struct buf *out,
			      struct bf_err *err);
/* The Chinese header of column key in what's table or report (the key itself if unknown). */
const char *sheet_label(const char *what, const char *key);

#endif
