/* cmd_backup: `bangfu backup FILE` and `bangfu restore FILE`. A backup is SQLite's online
 * copy, safe while the server runs; a restore checks the file first and is refused while a
 * server uses the database (the server holds a shared flock on it, see cmd_serve.c). A failed
 * backup is also logged as a JSON line on standard error, for the operator's log collector. */
#include "app/backup.h"
#include "cli/cli.h"
#include "util/date.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* {"time":..., "event":"backup_failed", "db":..., "file":..., "reason":...} on stderr. */
static void log_failure(struct cli *c, const char *event, const char *file,
			const struct bf_err *err)
{
	char now[21];
	json_t *j;
	char *line;

	date_now_utc(now);
	j = json_pack("{s:s, s:s, s:s, s:s, s:s}", "time", now, "event", event, "db", c->db,
		      "file", file, "reason", bf_err_msg(err));
	line = j ? json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
	if (line)
		fprintf(c->err, "%s\n", line);
	free(line);
	json_decref(j);
}

int cmd_backup(struct cli *c, int argc, char **argv)
{
	struct store_file_info info;
	struct bf_err err;
	int rc = 0;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage_error(c, "backup", "give the one file to write the backup into");
	bf_err_init(&err);
	if (backup_write(c->db, argv[1], &info, &err)) {
		rc = cli_fail(c, &err);
		log_failure(c, "backup_failed", argv[1], &err);
	} else {
		fprintf(c->out, "backed up %s to %s: schema %d, %lld accounts, %lld audit rows, audit "
				"head %lld:%s\n",
			c->db, argv[1], info.schema, info.accounts, info.audit_rows,
			(long long)info.head_id, info.head_hash);
	}
	bf_err_release(&err);
	return rc;
}

int cmd_restore(struct cli *c, int argc, char **argv)
{
	struct store_file_info info;
	struct bf_err err;
	bool kept;
	int rc = 0;

	if (argc != 2 || (argv[1][0] == '-' && argv[1][1]))
		return cli_usage_error(c, "restore", "give the one backup file to restore");
	bf_err_init(&err);
	if (backup_restore(c->db, argv[1], &info, &kept, &err)) {
		rc = cli_fail(c, &err);
		fprintf(c->err, "bangfu: nothing was restored\n");
		log_failure(c, "restore_failed", argv[1], &err);
	} else {
		fprintf(c->out, "restored %s from %s: schema %d, %lld accounts, %lld audit rows, "
				"audit head %lld:%s\n",
			c->db, argv[1], info.schema, info.accounts, info.audit_rows,
			(long long)info.head_id, info.head_hash);
		if (kept)
			fprintf(c->out, "the database as it was before is in %s.before-restore\n",
				c->db);
	}
	bf_err_release(&err);
	return rc;
}
