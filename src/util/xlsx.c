/* xlsx: typed cells into an XLSX file in memory (libxlsxwriter); see xlsx.h. libxlsxwriter
 * 1.1.4 (Debian 12) writes only to a named file, so the workbook goes to an anonymous
 * memory file (memfd, reached as /proc/self/fd/N) that is read back and closed: nothing on
 * disk to clean up, whatever happens (without memfd: a temporary file, removed at the end). */
#include "util/xlsx.h"
#include "util/xalloc.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MAX_COLS 64
#define MAX_TEXT 32000 /* Excel keeps 32,767 characters in a cell */

struct xlsx {
	int fd;
	char path[64];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *day;
	size_t ncols, nrows;     /* of the current sheet */
	double width[MAX_COLS];  /* widest cell per column, in character widths */
	lxw_error failed;        /* the first error of a write */
};

static int open_memory_file(char *path, size_t n)
{
	int fd = memfd_create("bangfu-xlsx", MFD_CLOEXEC);
	if (fd < 0) {
		const char *tmp = getenv("TMPDIR");
		snprintf(path, n, "%s/bangfu-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		return mkstemp(path); /* removed by xlsx_finish */
	}
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

struct xlsx *xlsx_new(const char *sheet)
{
	struct xlsx *x = xcalloc(1, sizeof *x);
	x->fd = open_memory_file(x->path, sizeof x->path);
	if (x->fd < 0)
		return x; /* xlsx_finish reports it */
	x->wb = workbook_new(x->path);
	if (!x->wb)
		return x;
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_bg_color(x->bold, 0xE8EEF7);
	format_set_bottom(x->bold, LXW_BORDER_THIN);
	x->day = workbook_add_format(x->wb);
	format_set_num_format(x->day, "yyyy-mm-dd");
	xlsx_add_sheet(x, sheet);
	return x;
}

/* Sets the columns of the finished sheet to fit their widest cell (within 6 to 60). */
static void fit_columns(struct xlsx *x)
{
	for (size_t c = 0; x->ws && c < x->ncols && c < MAX_COLS; c++) {
		double w = x->width[c] + 2;
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w < 6 ? 6 : w > 60 ? 60 : w,
				     NULL);
	}
}

void xlsx_add_sheet(struct xlsx *x, const char *sheet)
{
	if (!x->wb)
		return;
	fit_columns(x);
	x->ws = workbook_add_worksheet(x->wb, sheet);
	x->ncols = x->nrows = 0;
	memset(x->width, 0, sizeof x->width);
}

/* The width of s in columns: a CJK character is two. */
static double text_width(const char *s)
{
	double w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			w += *p < 0x80 ? 1 : 2;
	return w;
}

static bool cell_ok(struct xlsx *x, size_t row, size_t col, double width)
{
	if (!x->ws || col >= MAX_COLS || row >= LXW_ROW_MAX)
		return false;
	if (col + 1 > x->ncols)
		x->ncols = col + 1;
	if (row + 1 > x->nrows)
		x->nrows = row + 1;
	if (width > x->width[col])
		x->width[col] = width;
	return true;
}

static void note(struct xlsx *x, lxw_error e)
{
	if (e && !x->failed)
		x->failed = e;
}

void xlsx_header(struct xlsx *x, size_t col, const char *label)
{
	if (cell_ok(x, 0, col, text_width(label)))
		note(x, worksheet_write_string(x->ws, 0, (lxw_col_t)col, label, x->bold));
}

void xlsx_freeze_header(struct xlsx *x, bool filter)
{
	if (!x->ws)
		return;
	worksheet_freeze_panes(x->ws, 1, 0);
	if (filter && x->ncols)
		note(x, worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)(x->nrows ? x->nrows - 1 : 0),
					     (lxw_col_t)(x->ncols - 1)));
}

/* A string cell: never a formula (worksheet_write_string writes text as it is). */
void xlsx_text(struct xlsx *x, size_t row, size_t col, const char *s)
{
	char *cut = NULL;
	if (!cell_ok(x, row, col, text_width(s)))
		return;
	if (strlen(s) > MAX_TEXT) { /* cut on a character boundary */
		size_t n = MAX_TEXT;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		s = cut = xstrndup(s, n);
	}
	note(x, worksheet_write_string(x->ws, (lxw_row_t)row, (lxw_col_t)col, s, NULL));
	free(cut);
}

void xlsx_number(struct xlsx *x, size_t row, size_t col, double v)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%.15g", v);
	if (cell_ok(x, row, col, (double)strlen(tmp)))
		note(x, worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, v, NULL));
}

void xlsx_date(struct xlsx *x, size_t row, size_t col, bf_day d)
{
	lxw_datetime dt = { 0 };
	if (!cell_ok(x, row, col, 10))
		return;
	date_to_ymd(d, &dt.year, &dt.month, &dt.day);
	note(x, worksheet_write_datetime(x->ws, (lxw_row_t)row, (lxw_col_t)col, &dt, x->day));
}

void xlsx_bool(struct xlsx *x, size_t row, size_t col, bool v)
{
	if (cell_ok(x, row, col, 5))
		note(x, worksheet_write_boolean(x->ws, (lxw_row_t)row, (lxw_col_t)col, v, NULL));
}

static enum bf_status read_all(int fd, struct buf *out, struct bf_err *err)
{
	struct stat st;
	char chunk[65536];
	off_t off = 0;
	ssize_t n;

	if (fstat(fd, &st) != 0)
		return bf_err_set(err, BF_EIO, "spreadsheet: %s", strerror(errno));
	while ((n = pread(fd, chunk, sizeof chunk, off)) > 0) {
		buf_add(out, chunk, (size_t)n);
		off += n;
	}
	if (n < 0)
		return bf_err_set(err, BF_EIO, "spreadsheet: reading it back: %s", strerror(errno));
	return BF_OK;
}

enum bf_status xlsx_finish(struct xlsx *x, struct buf *out, struct bf_err *err)
{
	enum bf_status rc = BF_OK;
	lxw_error e;

	if (x->fd < 0) {
		rc = bf_err_set(err, BF_EIO, "spreadsheet: no memory file: %s", strerror(errno));
	} else if (!x->wb) {
		rc = bf_err_set(err, BF_EIO, "spreadsheet: the workbook could not be started");
	} else {
		fit_columns(x);
		e = workbook_close(x->wb);
		x->wb = NULL;
		if (e || x->failed)
			rc = bf_err_set(err, BF_EIO, "spreadsheet: %s", lxw_strerror(e ? e : x->failed));
		else
			rc = read_all(x->fd, out, err);
	}
	if (x->wb)
		workbook_close(x->wb);
	if (x->fd >= 0) {
		close(x->fd);
		if (strncmp(x->path, "/proc/", 6) != 0)
			unlink(x->path);
	}
	free(x);
	return rc;
}
