/* backup: backup and restore; see backup.h. */
#include "app/backup.h"
#include "util/buf.h"
#include "util/fileio.h"
#include <string.h>
#include <unistd.h>

enum bf_status backup_write(const char *db, const char *file, struct store_file_info *info,
			    struct bf_err *err)
{
	struct store *s = NULL;
	enum bf_status rc;

	if (strcmp(file, db) == 0)
		return bf_err_set(err, BF_EINPUT, "%s: that is the database itself; give another "
				  "file", file);
	if (!(rc = store_open(db, false, &s, err)))
		rc = store_backup(s, file, info, err);
	store_close(s);
	return rc;
}

enum bf_status backup_restore(const char *db, const char *file, struct store_file_info *info,
			      bool *kept, struct bf_err *err)
{
	struct store *s = NULL;
	struct buf keep = BUF_INIT;
	bool existed = fileio_exists(db);
	int lock = -2;
	enum bf_status rc;

	*kept = false;
	buf_addf(&keep, "%s.before-restore", db);
	if ((rc = store_check_file(file, info, err)))
		goto out;
	if (existed && (lock = fileio_lock(db, true)) < 0) {
		rc = bf_err_set(err, BF_ECONFLICT, "%s: a server (bangfu serve) is using this "
				"database; stop it first, then restore", db);
		goto out;
	}
	if ((rc = store_open(db, true, &s, err)))
		goto out;
	/* keep what is replaced: a restore of the wrong file must not lose the data */
	if (existed && (rc = store_backup(s, keep.data, NULL, err)))
		goto out;
	*kept = existed;
	if ((rc = store_restore_from(s, file, err)))
		goto out;
	store_close(s);
	s = NULL;
	rc = store_open(db, false, &s, err); /* migrates an older schema */
out:
	store_close(s);
	if (lock >= 0)
		close(lock);
	buf_release(&keep);
	return rc;
}
