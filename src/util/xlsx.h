/* xlsx: a workbook of plain typed cells (text, number, date, yes/no) written with
 * libxlsxwriter into memory, for the spreadsheet answers of lists and reports. Text is always
 * written as a string cell, never as a formula, whatever it starts with. Knows nothing of the
 * domain: the caller says which sheet, row, column and kind. */
#ifndef BF_XLSX_H
#define BF_XLSX_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/date.h"
#include "util/err.h"

struct xlsx;

/* A workbook with one sheet named sheet (at most 31 characters, no []:*?/\). */
struct xlsx *xlsx_new(const char *sheet);
/* Starts another sheet; the cell calls after it write there. */
void xlsx_add_sheet(struct xlsx *x, const char *sheet);
/* Row 0 is the header: bold, frozen (it stays in view while scrolling) and, when filter is
 * set, with Excel's filter buttons over the columns ncols wide and the rows written. */
void xlsx_header(struct xlsx *x, size_t col, const char *label);
void xlsx_freeze_header(struct xlsx *x, bool filter);
void xlsx_text(struct xlsx *x, size_t row, size_t col, const char *s);
void xlsx_number(struct xlsx *x, size_t row, size_t col, double v);
void xlsx_date(struct xlsx *x, size_t row, size_t col, bf_day d); /* shown yyyy-mm-dd */
void xlsx_bool(struct xlsx *x, size_t row, size_t col, bool v);
/* Writes the file's bytes into out, frees x (always). */
enum bf_status xlsx_finish(struct xlsx *x, struct buf *out, struct bf_err *err);

#define XLSX_CONTENT_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#endif
