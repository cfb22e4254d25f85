/* init: new database + bundled data; see init.h. */
#include "app/init.h"
#include "app/app_int.h"
#include "app/auth.h"
#include "app/work_import.h"
#include "util/asset.h"
#include "util/fileio.h"
#include <string.h>
#include <unistd.h>

static void remove_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		struct buf p = BUF_INIT;
		buf_addf(&p, "%s%s", path, suffix[i]);
		unlink(p.data);
		buf_release(&p);
	}
}

static enum bf_status load_bundled(struct app *a, struct import_result *res,
				   struct bf_err *err)
{
	struct import_source src[16];
	size_t n = 0;

	for (size_t i = 0; i < assets_count && n < 16; i++) {
		/* only the record files and the work's (guangdong/work/):
		 * guangdong/plan-needs.csv is the planner's table */
		const char *name = assets[i].name;
		if (strncmp(name, "guangdong/", 10) != 0 ||
		    (!model_type_by_file(name + 10) &&
		     (strncmp(name + 10, "work/", 5) != 0 || work_import_file(name + 15) < 0)))
			continue;
		src[n].name = assets[i].name;
		src[n].data = (const char *)assets[i].begin;
		src[n].len = (size_t)(assets[i].end - assets[i].begin);
		n++;
	}
	/* not audited: the database is being created, and the trail starts empty */
	return import_sources(a, NULL, NULL, src, n, res, err);
}

enum bf_status init_database(const char *path, bool empty, bool force,
			     struct import_result *res, char admin_password[INIT_PASSWORD_LEN + 1],
			     struct bf_err *err)
{
	struct app *a = NULL;
	enum bf_status rc;

	memset(res, 0, sizeof *res);
	if (fileio_exists(path)) {
		if (!force)
			return bf_err_set(err, BF_ECONFLICT,
					  "%s already exists; use --force to replace it (its data "
					  "will be lost: export it first)",
					  path);
		remove_db(path);
	}
	if ((rc = app_open(path, true, &a, err)))
		return rc;
	if (!empty)
		rc = load_bundled(a, res, err);
	if (!rc && !auth_init())
		rc = bf_err_set(err, BF_EIO, "cannot initialise libsodium");
	if (!rc) {
		auth_random_password(admin_password, INIT_PASSWORD_LEN, "admin");
		rc = auth_account_add(a->store, "admin", "admin", NULL, NULL, admin_password, err);
	}
	app_close(a);
	if (rc)
		remove_db(path);
	return rc;
}
