/* libFuzzer target: bytes as the body of POST /api/v1/changes: the decoder
 * (http_changes_decode: {"changes":[{"op","entity","key","record"}...], "dry_run", "round"})
 * and, when it accepts, the batch write as a dry run (validation, store, rules, rollback) as
 * admin, on an in-memory database that starts with a round, a target and a unit. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "app/app.h"
#include "app/auth.h"
#include "app/import.h"
#include "app/write.h"
#include "seed_db.h"
#include "http/http.h"

static struct app *db;

static void seed(void)
{
	db = seed_db();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct write_change ch[WRITE_BATCH_MAX];
	struct principal admin = { "fuzz", ACC_ADMIN, NULL, NULL };
	struct write_batch_result res;
	const char *round = NULL;
	bool dry = false;
	struct bf_err err;
	char msg[300];
	size_t n = 0;
	json_t *body;

	if (!db)
		seed();
	body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (http_changes_decode(body, ch, &n, &round, &dry, msg, sizeof msg)) {
		if (n == 0 || n > WRITE_BATCH_MAX)
			__builtin_trap();
		memset(&res, 0, sizeof res);
		bf_err_init(&err);
		write_changes(db, &admin, "fuzz", ch, n, round, NULL, true, &res, &err);
		json_decref(res.records);
		json_decref(res.check);
		bf_err_release(&err);
	} else if (!msg[0]) {
		__builtin_trap(); /* a refusal always says why */
	}
	json_decref(body);
	return 0;
}
