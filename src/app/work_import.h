/* work_import: the groups' work as CSV files (docs/work.md: tasks.csv, needs.csv,
 * commitments.csv, resources.csv, policies.csv). Reading them is part of an import
 * (app/import.c): each file is decoded, each row checked column by column and written through
 * store/work_bulk in the import's one transaction, after the registry's files of the same
 * import, so that a need may name a target imported with it. Every problem goes to the
 * import's reporter as file, line and column. Writing them back is part of `bangfu export`. */
#ifndef BF_WORK_IMPORT_H
#define BF_WORK_IMPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "app/app.h"
#include "app/import.h"
#include "util/err.h"

#define WORK_NFILES 5

/* The work's file names, in the order they are imported (tasks.csv first). */
extern const char *const work_import_names[WORK_NFILES];
/* The index of a work file's base name in work_import_names, or -1. */
int work_import_file(const char *basename);

/* Where the problems go: fail is called once per problem (position: the column's 1-based
 * place in the file, 0 when unknown; column NULL for a whole row or file); full says when to
 * stop reading (too many problems already). */
struct work_import_report {
	void (*fail)(void *ctx, const char *file, size_t line, const char *column,
		     size_t position, const char *message);
	bool (*full)(void *ctx);
	void *ctx;
};

/* Reads the work files src (only work files) into the open import transaction of app, in
 * dependency order. rows and encodings (indexed as work_import_names) receive the rows read
 * and each file's detected encoding. Returns the number of problems reported. */
size_t work_import_sources(struct app *app, const struct import_source *src, size_t n,
			   const char *encoding, size_t rows[WORK_NFILES],
			   const char *encodings[WORK_NFILES], const struct work_import_report *rep);

/* Writes the five work files into dir (which must exist), UTF-8 with a BOM, sorted by key, as
 * an import reads them back; adds the count written to *files. */
enum bf_status work_export_dir(struct app *app, const char *dir, size_t *files,
			       struct bf_err *err);

#endif
