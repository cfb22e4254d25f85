/* Tests of src/store and the import/export use cases on a temporary database file. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "unit.h"
#include "fixture.h"
#include "app/export.h"
#include "app/import.h"
#include "app/app_int.h"
#include "app/auth.h"
#include "app/query.h"
#include "store/store.h"

static char *temp_db(void)
{
	static char path[64];
	int fd;
	snprintf(path, sizeof path, "/tmp/bangfu-unit-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	return path;
}

static void remove_db(const char *path)
{
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static void test_open_migrates(void)
{
	struct store *s = NULL;
	struct bf_err err;
	char *path = temp_db();

	bf_err_init(&err);
	CHECK(store_open(path, false, &s, &err) == BF_ENOTFOUND);
	CHECK(strstr(bf_err_msg(&err), "bangfu init") != NULL);
	bf_err_release(&err);
	CHECK(store_open(path, true, &s, &err) == BF_OK);
	CHECK_INT(store_schema_version(s), 6);
	CHECK_INT(store_count(s, &model_cadres), 0);
	store_close(s);
	remove_db(path);
}

/* Writes the fixture through store_put, loads it back and compares the CSV export. */
static void test_put_load_roundtrip(void)
{
	struct registry fx, back;
	struct store *s = NULL;
	struct bf_err err;
	struct buf a = BUF_INIT, b = BUF_INIT;
	char *path = temp_db();

	bf_err_init(&err);
	fixture_build(&fx);
	registry_index(&fx);
	CHECK(store_open(path, true, &s, &err) == BF_OK);
	CHECK(store_begin(s, &err) == BF_OK);
	for (size_t t = 0; t < model_ntypes; t++) {
		size_t n;
		const char *items = registry_items(&fx, model_types[t], &n);
		for (size_t i = 0; i < n; i++)
			CHECK(store_put(s, model_types[t], items + i * model_types[t]->size, NULL,
					&err) == BF_OK);
	}
	CHECK(store_commit(s, &err) == BF_OK);
	CHECK(query_load(s, &back, &err) == BF_OK);
	for (size_t t = 0; t < model_ntypes; t++) {
		buf_reset(&a);
		buf_reset(&b);
		export_csv(&fx, model_types[t], &a);
		export_csv(&back, model_types[t], &b);
		CHECK_STR(buf_cstr(&b), buf_cstr(&a));
	}
	CHECK_INT(back.ncadres, 4);
	CHECK(back.cadres[0].group_ix == registry_find_group(&back, "G1"));
	buf_release(&a);
	buf_release(&b);
	registry_release(&fx);
	registry_release(&back);
	store_close(s);
	bf_err_release(&err);
	remove_db(path);
}

static void test_import_all_or_nothing(void)
{
	struct app *a = NULL;
	struct store *s;
	struct bf_err err;
	struct import_result res = { 0 };
	char *path = temp_db();
	const char *units = "code,name_zh,category,capacity,verified\n"
			    "U1,单位一,government,1,0\n"
			    "U2,单位二,government,3,0\n";
	const char *good = "code,name_zh,category,capacity,verified\nU1,单位一,government,1,0\n";
	struct import_source src = { "in/units.csv", units, strlen(units) };

	bf_err_init(&err);
	CHECK(app_open(path, true, &a, &err) == BF_OK);
	s = a->store;
	CHECK(import_sources(a, NULL, NULL, &src, 1, &res, &err) == BF_EINPUT);
	CHECK_STR(bf_err_msg(&err),
		  "in/units.csv:3: column 'capacity': '3' is not a whole number from 1 to 2");
	CHECK_INT(store_count(s, &model_units), 0);
	bf_err_release(&err);
	src.data = good;
	src.len = strlen(good);
	CHECK(import_sources(a, NULL, NULL, &src, 1, &res, &err) == BF_OK);
	CHECK_INT(store_count(s, &model_units), 1);
	CHECK_INT(res.rows[2], 1);
	app_close(a);
	bf_err_release(&err);
	remove_db(path);
}

static void test_import_dangling(void)
{
	struct app *a = NULL;
	struct store *s;
	struct bf_err err;
	struct import_result res = { 0 };
	char *path = temp_db();
	const char *members = "group,unit,role\nG9,U9,lead\n";
	struct import_source src = { "members.csv", members, strlen(members) };

	bf_err_init(&err);
	CHECK(app_open(path, true, &a, &err) == BF_OK);
	s = a->store;
	CHECK(import_sources(a, NULL, NULL, &src, 1, &res, &err) == BF_EINPUT);
	CHECK_STR(bf_err_msg(&err),
		  "members.csv:2: column 'group': 'G9' is not a known group (groups.csv), neither "
		  "in this import nor in the database\n"
		  "members.csv:2: column 'unit': 'U9' is not a known unit (units.csv), neither in "
		  "this import nor in the database");
	CHECK_INT(store_count(s, &model_members), 0);
	app_close(a);
	bf_err_release(&err);
	remove_db(path);
}

/* A generated password (init's admin, an account made or reset without one) must pass the
 * checks every password passes: about 1 in 1,000 random strings did not (cracklib: "too
 * simplistic/systematic"), and init then failed at random. */
static void test_random_passwords_pass(void)
{
	struct buf why = BUF_INIT;
	char pw[17];
	int refused = 0;

	CHECK(auth_init());
	for (int i = 0; i < 5000; i++) {
		auth_random_password(pw, 16, "admin");
		buf_reset(&why);
		refused += !auth_password_ok(pw, "admin", &why);
	}
	CHECK_INT(refused, 0);
	buf_release(&why);
}

const struct unit_test store_tests[] = {
	{ "app/auth: generated passwords pass the password checks", test_random_passwords_pass },
	{ "store/open and migrate", test_open_migrates },
	{ "store/put and load round trip", test_put_load_roundtrip },
	{ "app/import all or nothing", test_import_all_or_nothing },
	{ "app/import dangling references", test_import_dangling },
	{ NULL, NULL },
};
