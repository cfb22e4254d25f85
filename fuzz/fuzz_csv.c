/* libFuzzer target: bytes as one CSV file of each kind, imported into an in-memory database
 * (decoding, CSV parsing, field validation, duplicate and reference checks, rollback). The
 * first byte picks the file kind. */
#include <stddef.h>
#include <stdint.h>
#include "app/import.h"

static struct app *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_source src;
	struct import_result res = { 0 };
	struct bf_err err;

	if (size < 1)
		return 0;
	bf_err_init(&err);
	if (!db && app_open(":memory:", true, &db, &err))
		__builtin_trap();
	src.name = model_types[data[0] % model_ntypes]->file;
	src.data = (const char *)data + 1;
	src.len = size - 1;
	import_sources(db, NULL, NULL, &src, 1, &res, &err);
	bf_err_release(&err);
	return 0;
}
