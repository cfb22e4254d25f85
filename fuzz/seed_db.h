/* seed_db: the small database the write-path fuzzers start from (fuzz_json, fuzz_changes): in
 * memory, with a round R, a target 440881 and a unit U1, loaded through the real import. A
 * header (static) because each fuzzer is its own program. */
#ifndef BF_FUZZ_SEED_DB_H
#define BF_FUZZ_SEED_DB_H
#include "app/app.h"
#include "app/auth.h"
#include "app/import.h"

static struct app *seed_db(void)
{
	static const char rounds[] = "name,start,end,cycle_years\nR,2023-11-16,2026-12-31,3\n";
	static const char targets[] = "adcode,name_zh,prefecture,kind,old_area,verified\n"
				      "440881,廉江市,湛江市,county_city,0,1\n";
	static const char units[] = "code,name_zh,category,capacity,verified\n"
				    "U1,单位一,government,2,1\n";
	struct import_source src[] = { { "rounds.csv", rounds, sizeof rounds - 1 },
				       { "targets.csv", targets, sizeof targets - 1 },
				       { "units.csv", units, sizeof units - 1 } };
	struct import_result res = { 0 };
	struct app *db = NULL;
	struct bf_err err;

	bf_err_init(&err);
	if (!auth_init() || app_open(":memory:", true, &db, &err) ||
	    import_sources(db, NULL, NULL, src, 3, &res, &err))
		__builtin_trap();
	bf_err_release(&err);
	return db;
}

#endif
