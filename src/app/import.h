/* import: loads CSV files (docs/data-format.md) into the database in one transaction. Every
 * problem is reported as FILE:LINE: column 'NAME': what is wrong, and if there is any, nothing
 * is written. Used by `bangfu import`, `bangfu init` (the bundled data) and the API. */
#ifndef BF_IMPORT_H
#define BF_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include "app/app.h"
#include "util/err.h"

/* One file to import: name is shown in messages; its base name says what it holds. */
struct import_source {
	const char *name;
	const char *data;
	size_t len;
};

#define IMPORT_NWORK 5 /* the work's files (app/work_import: tasks.csv ... policies.csv) */

struct import_result {
	size_t rows[7];    /* rows per record type, in model_types order */
	size_t files;
	const char *encodings[7]; /* detected encoding per record type, or NULL */
	size_t work_rows[IMPORT_NWORK]; /* rows per work file, in work_import_names order */
	const char *work_encodings[IMPORT_NWORK]; /* detected encoding per work file, or NULL */
	/* Optional: validate everything, then roll back (a preview: nothing is written). */
	bool dry_run;
	/* Optional: a JSON array (the caller's) that receives every problem as an object
	 * {"file", "line", "column", "field", "message", "message_zh"}: line and column (1-based,
	 * the column's position in the file) null when unknown, field the column's name. */
	json_t *problems;
	/* Optional: the files' encoding (an iconv name), instead of detecting it. */
	const char *encoding;
};

/* Imports sources in dependency order; at most 50 errors are listed. res->dry_run and
 * res->encoding are kept; the rest of res is filled. Unless it is a dry run, the import is
 * audited in its transaction as account at address (action "import", the files' names as the
 * key, rows per file after); account NULL writes no audit row (only `bangfu init`, which creates the database). */
enum bf_status import_sources(struct app *app, const char *account, const char *address,
			      const struct import_source *src, size_t n,
			      struct import_result *res, struct bf_err *err);
/* Imports files and folders (every known *.csv inside a folder, and inside its work/ subfolder
 * when there is one: the bundled layout), as import_sources. */
enum bf_status import_paths(struct app *app, const char *account, const char *address,
			    const char *const *paths, size_t n, struct import_result *res,
			    struct bf_err *err);

#endif
