/* libFuzzer target: bytes as the JSON body of a create or change through the API's write path
 * (JSON -> columns -> core validation -> store -> rules -> audit), as admin, on an in-memory
 * database that starts with a round, a target and a unit. The first byte picks the record type
 * and whether it is a create or a change of an existing key. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "app/auth.h"
#include "app/import.h"
#include "app/write.h"
#include "seed_db.h"

static struct app *db;

static void seed(void)
{
	db = seed_db();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const keys[] = { "R", "440881", "U1", "G1", "G1,U1", "C1",
					    "province,x,2020" };
	struct principal admin = { "fuzz", ACC_ADMIN, NULL, NULL };
	struct write_result res;
	struct bf_err err;
	json_t *body;
	size_t t;

	if (size < 1)
		return 0;
	if (!db)
		seed();
	t = data[0] % model_ntypes;
	body = json_loadb((const char *)data + 1, size - 1, JSON_REJECT_DUPLICATES, NULL);
	if (!body || !json_is_object(body)) {
		json_decref(body);
		return 0;
	}
	bf_err_init(&err);
	write_record(db, &admin, "127.0.0.1", model_types[t],
		     data[0] & 0x80 ? WRITE_UPDATE : WRITE_CREATE, keys[t], body, &res, &err);
	json_decref(res.record);
	json_decref(body);
	bf_err_release(&err);
	return 0;
}
