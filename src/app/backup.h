/* backup: the backup and restore use cases. A backup is SQLite's online copy of the whole
 * database (safe while the server writes); a restore checks the file, refuses while a server
 * holds the database (its shared flock, see cmd_serve.c), keeps the database it replaces as
 * DB.before-restore and copies the backup in, in one transaction. */
#ifndef BF_APP_BACKUP_H
#define BF_APP_BACKUP_H
#include <stdbool.h>
#include "store/backup.h"

/* Writes a copy of the database db into file; info describes the copy. */
enum bf_status backup_write(const char *db, const char *file, struct store_file_info *info,
			    struct bf_err *err);
/* Replaces db with the backup file; info describes it; *kept is set when db existed and was
 * kept as db.before-restore. */
enum bf_status backup_restore(const char *db, const char *file, struct store_file_info *info,
			      bool *kept, struct bf_err *err);

#endif
