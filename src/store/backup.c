/* backup: online backup, file checks and restore with sqlite3_backup; see backup.h. */
#include "store/backup.h"
#include "store/store_int.h"
#include "util/buf.h"
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static enum bf_status sql_error(sqlite3 *db, const char *path, const char *what,
				struct bf_err *err)
{
	return bf_err_set(err, BF_EDB, "%s: %s: %s", path, what, db ? sqlite3_errmsg(db)
								     : "out of memory");
}

/* Copies database main of from into to, all pages in one step (one read transaction). */
static enum bf_status copy(sqlite3 *to, sqlite3 *from, const char *path, long long *pages,
			   struct bf_err *err)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc;

	if (!b)
		return sql_error(to, path, "cannot start the copy", err);
	rc = sqlite3_backup_step(b, -1);
	if (pages)
		*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return bf_err_set(err, BF_EDB, "%s: the copy failed: %s", path, sqlite3_errstr(rc));
	return BF_OK;
}

/* The first column of the first row of sql as text into out ("" if none). */
static bool one_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return false;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static long long one_int(sqlite3 *db, const char *sql)
{
	char v[32];
	return one_text(db, sql, v, sizeof v) && v[0] ? strtoll(v, NULL, 10) : -1;
}

/* Fills info from an open database; false (with err) when it is not an intact bangfu one. */
static bool describe(sqlite3 *db, const char *path, bool full, struct store_file_info *info,
		     struct bf_err *err)
{
	char ok[256];

	memset(info, 0, sizeof *info);
	if (!one_text(db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", ok, sizeof ok)) {
		sql_error(db, path, "cannot read it as an SQLite database", err);
		return false;
	}
	if (strcmp(ok, "ok") != 0) {
		bf_err_set(err, BF_EDB, "%s: the database is damaged: %s", path, ok);
		return false;
	}
	info->schema = (int)one_int(db, "PRAGMA user_version");
	if (info->schema < 1 || info->schema > store_schema_supported()) {
		bf_err_set(err, BF_EDB, "%s: schema version %d: %s", path, info->schema,
			   info->schema < 1 ? "not a bangfu database"
					    : "newer than this bangfu reads: upgrade bangfu");
		return false;
	}
	if (one_int(db, "SELECT count(*) FROM round") < 0) {
		bf_err_set(err, BF_EDB, "%s: not a bangfu database (no round table)", path);
		return false;
	}
	info->accounts = info->schema >= 2 ? one_int(db, "SELECT count(*) FROM account") : 0;
	info->audit_rows = info->schema >= 2 ? one_int(db, "SELECT count(*) FROM audit") : 0;
	if (info->schema >= 2) {
		info->head_id = one_int(db, "SELECT max(id) FROM audit");
		info->head_id = info->head_id < 0 ? 0 : info->head_id;
		one_text(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", info->head_hash,
			 sizeof info->head_hash);
	}
	return true;
}

static enum bf_status sync_path(const char *path, int flags, struct bf_err *err)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return bf_err_set(err, BF_EIO, "%s: cannot sync to disk: %s", path, strerror(e));
	}
	close(fd);
	return BF_OK;
}

enum bf_status store_backup(struct store *s, const char *dest, struct store_file_info *info,
			    struct bf_err *err)
{
	struct buf tmp = BUF_INIT, dir = BUF_INIT;
	struct store_file_info local;
	sqlite3 *to = NULL;
	enum bf_status rc = BF_OK;
	long long pages = 0;
	const char *slash = strrchr(dest, '/');

	info = info ? info : &local;
	buf_addf(&tmp, "%s.tmp%ld", dest, (long)getpid());
	unlink(tmp.data);
	if (sqlite3_open_v2(tmp.data, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = sql_error(to, dest, "cannot create the backup file", err);
		goto fail;
	}
	if ((rc = copy(to, s->db, dest, &pages, err)))
		goto fail;
	/* the copy keeps the source's WAL mode: make it one self-contained file */
	if (sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = sql_error(to, dest, "cannot write the backup file", err);
		goto fail;
	}
	if (!describe(to, dest, false, info, err)) {
		rc = err->status;
		goto fail;
	}
	info->pages = pages;
	if (sqlite3_close(to) != SQLITE_OK) {
		rc = sql_error(to, dest, "cannot close the backup file", err);
		to = NULL;
		goto fail;
	}
	to = NULL;
	if ((rc = sync_path(tmp.data, O_RDONLY, err)))
		goto fail;
	if (rename(tmp.data, dest) != 0) {
		rc = bf_err_set(err, BF_EIO, "%s: cannot rename the finished copy into place: %s",
				dest, strerror(errno));
		goto fail;
	}
	if (slash)
		buf_add(&dir, dest, (size_t)(slash - dest) + 1);
	else
		buf_adds(&dir, ".");
	rc = sync_path(dir.data, O_RDONLY | O_DIRECTORY, err);
	goto out;
fail:
	sqlite3_close(to);
	unlink(tmp.data);
out:
	buf_release(&tmp);
	buf_release(&dir);
	return rc;
}

enum bf_status store_check_file(const char *path, struct store_file_info *info,
				struct bf_err *err)
{
	sqlite3 *db = NULL;
	bool ok;

	if (access(path, R_OK) != 0)
		return bf_err_set(err, BF_ENOTFOUND, "%s: cannot read it: %s", path,
				  strerror(errno));
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		enum bf_status rc = sql_error(db, path, "cannot open it", err);
		sqlite3_close(db);
		return rc;
	}
	ok = describe(db, path, true, info, err);
	sqlite3_close(db);
	return ok ? BF_OK : err->status;
}

enum bf_status store_restore_from(struct store *s, const char *src, struct bf_err *err)
{
	sqlite3 *from = NULL;
	enum bf_status rc;

	if (sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = sql_error(from, src, "cannot open it", err);
		sqlite3_close(from);
		return rc;
	}
	rc = copy(s->db, from, s->path, NULL, err);
	sqlite3_close(from);
	return rc;
}
