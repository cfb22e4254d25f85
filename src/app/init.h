/* init: creates a database, empty or loaded with the bundled Guangdong data set (embedded in
 * the binary, so `bangfu init` works from any folder). */
#ifndef BF_INIT_H
#define BF_INIT_H
#include <stdbool.h>
#include "app/import.h"

/* Creates path. An existing database is an error unless force, which replaces it. */
enum bf_status init_database(const char *path, bool empty, bool force,
			     struct import_result *res, struct bf_err *err);

#endif
