/* backup: copies of the database by SQLite's online backup API: consistent while a server
 * writes (the copy is one read transaction; in WAL mode writers go on), and checked before
 * a restore. A backup holds everything the database does: records, accounts, sessions,
 * plans and the audit trail. */
#ifndef BF_STORE_BACKUP_H
#define BF_STORE_BACKUP_H
#include <stdint.h>
#include "store/store.h"

struct store_file_info {
	int schema;            /* PRAGMA user_version */
	long long pages;       /* database pages copied */
	long long accounts;    /* rows of the account table */
	long long audit_rows;  /* rows of the audit trail */
	int64_t head_id;       /* the audit trail's last row (0 when empty) */
	char head_hash[65];
};

/* Writes a copy of s's database to dest: into dest.tmp, checked (quick_check), synced, then
 * renamed over dest, so dest is never half written. The copy is a single file (rollback
 * journal mode, no -wal). info (may be NULL) describes the copy. */
enum bf_status store_backup(struct store *s, const char *dest, struct store_file_info *info,
			    struct bf_err *err);
/* Checks that path is an intact bangfu database (integrity_check, the tables, a schema
 * version from 1 to this bangfu's) and describes it in info. */
enum bf_status store_check_file(const char *path, struct store_file_info *info,
				struct bf_err *err);
/* Replaces the whole content of s's database with that of the database at src, in one
 * transaction of the backup API (other connections see the old or the new, never a mix). */
enum bf_status store_restore_from(struct store *s, const char *src, struct bf_err *err);

#endif
