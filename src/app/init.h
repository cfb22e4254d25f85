/* init: creates a database, empty or loaded with the bundled Guangdong data set (embedded in
 * the binary, so `bangfu init` works from any folder). */
#ifndef BF_INIT_H
#define BF_INIT_H
#include <stdbool.h>
#include "app/import.h"

#define INIT_PASSWORD_LEN 16

/* Creates path with an account admin whose random password is written into admin_password
 * (shown to the user once; there is no default password). An existing database is an error
 * unless force, which replaces it. */
enum bf_status init_database(const char *path, bool empty, bool force,
			     struct import_result *res, char admin_password[INIT_PASSWORD_LEN + 1],
			     struct bf_err *err);

#endif
