/* Tests of core/work (values, roles, status transitions) and of app/work's writes against a
 * real database: a work write moves 'work_generation', not 'generation', and the server's
 * registry snapshot is not loaded again after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "unit.h"
#include "app/app_int.h"
#include "app/init.h"
#include "app/snapshot.h"
#include "app/work.h"
#include "core/work.h"
#include "store/account.h"
#include "store/store_int.h"
#include "store/work.h"
#include "store/work_bulk.h"
#include "util/buf.h"

static const struct principal admin = { "a", ACC_ADMIN, NULL, NULL };
static const struct principal planner = { "p", ACC_PLANNER, NULL, NULL };
static const struct principal unit48 = { "u", ACC_UNIT, "U048", NULL };
static const struct principal county = { "c", ACC_COUNTY, NULL, "440881" };
static const struct principal auditor = { "x", ACC_AUDITOR, NULL, NULL };

static bf_day fixture_like_day(const char *s)
{
	bf_day d = BF_DAY_NONE;
	date_parse(s, &d);
	return d;
}

static void round_facts(struct work_facts *f)
{
	work_facts_init(f);
	f->round_start = fixture_like_day("2023-11-16");
	f->round_end = fixture_like_day("2026-12-31");
}

static void commitment(struct work_rec *r, const char *status)
{
	work_rec_init(r, work_type_find("commitments"));
	work_set_s(r, "round", "2023-2026");
	work_set_s(r, "target", "440881");
	work_set_s(r, "unit", "U048");
	work_set_s(r, "task", "A1");
	work_set_s(r, "title", "冷链仓");
	work_set_s(r, "measure", "个");
	work_set_i(r, "target_value", 2);
	work_set_s(r, "due", "2025-06-30");
	work_set_s(r, "status", status);
}

static void test_work_values(void)
{
	const struct work_type *res = work_type_find("resources");
	const struct work_field *amount = &res->fields[work_field_index(res, "amount")];
	struct work_error e;
	struct work_facts f;
	struct work_rec r;

	work_error_init(&e);
	CHECK(work_check_json(amount, WJ_INT, 100, false, &e) == BF_OK);
	CHECK(work_check_json(amount, WJ_REAL, 0, false, &e) == BF_EINPUT);
	CHECK_STR(e.field, "amount");
	CHECK(strstr(e.message, "whole number of yuan") != NULL);
	CHECK(strstr(e.message_zh, "整数") != NULL);
	CHECK(work_check_json(amount, WJ_STRING, 0, false, &e) == BF_EINPUT);
	CHECK(strstr(e.message, "not a string") != NULL);
	CHECK(work_check_json(amount, WJ_INT, WORK_INT_MAX + 1, false, &e) == BF_EINPUT);
	CHECK(work_check_json(amount, WJ_INT, WORK_INT_MAX, false, &e) == BF_OK);

	round_facts(&f);
	work_rec_init(&r, res);
	work_set_s(&r, "round", "2023-2026");
	work_set_s(&r, "kind", "funds");
	work_set_i(&r, "amount", -5);
	work_set_s(&r, "target", "440881");
	work_set_s(&r, "unit", "U048");
	work_set_s(&r, "date", "2025-01-01");
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "amount");
	work_set_i(&r, "amount", 0);
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	work_set_i(&r, "amount", 1200000);
	CHECK(work_check_record(&r, &f, &e) == BF_OK);
	work_set_s(&r, "kind", "loan");
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "kind");
	work_set_s(&r, "kind", "funds");
	work_set_s(&r, "date", "2027-01-01");
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "date");
	CHECK(strstr(e.message, "outside the round") != NULL);

	commitment(&r, "planned");
	CHECK(work_check_record(&r, &f, &e) == BF_OK);
	work_set_s(&r, "measure", "斤");
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "measure");
	CHECK(strstr(e.message, "亩, 家") != NULL);
	commitment(&r, "planned");
	f.serves = false;
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "target");
	round_facts(&f);
	f.task_ok = false;
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "task");
	round_facts(&f);
	f.need_ok = false;
	work_set_i(&r, "need", 7);
	CHECK(work_check_record(&r, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "need");
	CHECK(work_overdue("planned", "2025-06-30", fixture_like_day("2025-07-01")));
	CHECK(!work_overdue("planned", "2025-06-30", fixture_like_day("2025-06-30")));
	CHECK(!work_overdue("delivered", "2025-06-30", fixture_like_day("2026-01-01")));
}

/* Every transition of docs/work.md by every role: allowed (0) or the refusal's status. */
static void test_work_transitions(void)
{
	static const struct {
		const char *from, *to;
		int admin, planner, unit, county;
	} cases[] = {
		{ "planned", "in_progress", 0, BF_EFORBIDDEN, 0, BF_EFORBIDDEN },
		{ "in_progress", "delivered", 0, BF_EFORBIDDEN, 0, BF_EFORBIDDEN },
		{ "delivered", "confirmed", 0, 0, BF_EFORBIDDEN, 0 },
		{ "delivered", "in_progress", 0, 0, BF_EFORBIDDEN, 0 },
		{ "planned", "dropped", 0, BF_EFORBIDDEN, 0, BF_EFORBIDDEN },
		{ "in_progress", "dropped", 0, BF_EFORBIDDEN, 0, BF_EFORBIDDEN },
		{ "planned", "confirmed", BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT },
		{ "planned", "delivered", BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT },
		{ "dropped", "planned", BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT },
		{ "confirmed", "in_progress", BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT, BF_ECONFLICT },
	};
	const struct principal *who[] = { &admin, &planner, &unit48, &county };
	struct work_error e;
	struct work_facts f;
	struct work_rec old, new;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int want[] = { cases[i].admin, cases[i].planner, cases[i].unit, cases[i].county };
		for (size_t w = 0; w < 4; w++) {
			char got[600];
			enum bf_status rc;
			commitment(&old, cases[i].from);
			commitment(&new, cases[i].to);
			work_set_s(&old, "evidence", "建成");
			work_set_s(&old, "reason", "资金未到位");
			work_set_s(&new, "evidence", "建成");
			work_set_s(&new, "reason", "资金未到位");
			round_facts(&f);
			f.reason_given = true;
			rc = work_check_write(who[w], WORK_UPDATE, &old, &new, &f, &f, &e);
			snprintf(got, sizeof got, "%s->%s by %s: %d (%s)", cases[i].from, cases[i].to,
				 who[w]->name, (int)rc, rc ? e.message : "");
			if ((int)rc != want[w])
				unit_fail(__FILE__, __LINE__, "transition", got);
		}
	}
	/* delivered needs evidence; drop and send-back need a reason given with the change */
	commitment(&old, "in_progress");
	commitment(&new, "delivered");
	round_facts(&f);
	CHECK(work_check_write(&unit48, WORK_UPDATE, &old, &new, &f, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "evidence");
	f.evidence_files = 1;
	CHECK(work_check_write(&unit48, WORK_UPDATE, &old, &new, &f, &f, &e) == BF_OK);
	commitment(&new, "dropped");
	CHECK(work_check_write(&unit48, WORK_UPDATE, &old, &new, &f, &f, &e) == BF_EINPUT);
	CHECK_STR(e.field, "reason");
	/* a county of another target; a unit's commitment of another unit; a county editing */
	commitment(&old, "delivered");
	commitment(&new, "confirmed");
	struct principal other = county;
	other.target = "440222";
	CHECK(work_check_write(&other, WORK_UPDATE, &old, &new, &f, &f, &e) == BF_EFORBIDDEN);
	commitment(&new, "delivered");
	work_set_i(&new, "target_value", 3);
	CHECK(work_check_write(&county, WORK_UPDATE, &old, &new, &f, &f, &e) == BF_EFORBIDDEN);
	CHECK_STR(e.field, "target_value");
	struct principal u2 = unit48;
	u2.unit = "U111";
	CHECK(work_check_write(&u2, WORK_UPDATE, &old, &old, &f, &f, &e) == BF_EFORBIDDEN);
	/* a new commitment starts planned or in progress; a unit deletes only planned ones */
	commitment(&new, "delivered");
	CHECK(work_check_write(&unit48, WORK_CREATE, NULL, &new, NULL, &f, &e) == BF_EINPUT);
	commitment(&old, "in_progress");
	CHECK(work_check_write(&unit48, WORK_DELETE, &old, NULL, &f, NULL, &e) == BF_ECONFLICT);
	commitment(&old, "planned");
	CHECK(work_check_write(&unit48, WORK_DELETE, &old, NULL, &f, NULL, &e) == BF_OK);
	CHECK(work_check_op(&county, WK_COMMITMENT, WORK_CREATE, &e) == BF_EFORBIDDEN);
	CHECK(work_check_op(&auditor, WK_NEED, WORK_UPDATE, &e) == BF_EFORBIDDEN);
	CHECK(work_check_op(&unit48, WK_TASK, WORK_CREATE, &e) == BF_EFORBIDDEN);
	CHECK(work_check_op(&county, WK_NEED, WORK_CREATE, &e) == BF_OK);
}

static void test_work_scopes(void)
{
	CHECK(work_read_scope(&unit48, WK_COMMITMENT) == SCOPE_UNIT);
	CHECK(work_read_scope(&county, WK_RESOURCE) == SCOPE_TARGET);
	CHECK(work_read_scope(&county, WK_POLICY) == SCOPE_ALL);
	CHECK(work_read_scope(&auditor, WK_NEED) == SCOPE_ALL);
	CHECK(work_write_scope(&planner, WK_NEED) == SCOPE_NONE);
	CHECK(work_write_scope(&county, WK_NEED) == SCOPE_TARGET);
	CHECK(work_write_scope(&unit48, WK_POLICY) == SCOPE_UNIT);
	CHECK(work_write_scope(&auditor, WK_COMMITMENT) == SCOPE_NONE);
}

/* A new database with the bundled data at a temporary path (path: 64 bytes), opened as an
 * app; NULL (a failed check) if it cannot be. */
static struct app *fresh_app(char *path, struct bf_err *err)
{
	char pw[INIT_PASSWORD_LEN + 1];
	struct import_result ir;
	struct app *a = NULL;
	int fd;

	snprintf(path, 64, "/tmp/bangfu-work-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	memset(&ir, 0, sizeof ir);
	CHECK(init_database(path, false, false, &ir, pw, err) == BF_OK);
	CHECK(app_open(path, false, &a, err) == BF_OK);
	return a;
}

/* A work write through app/work: audited, moves work_generation only, and the registry
 * snapshot stays loaded. */
static void test_work_no_reload(void)
{
	char path[64];
	struct bf_err err;
	struct work_error e;
	struct app *a = NULL;
	struct snapshot *snap;
	json_t *out = NULL, *body;
	long long loads, gen, wgen;

	bf_err_init(&err);
	work_error_init(&e);
	if (!(a = fresh_app(path, &err)))
		goto out;
	CHECK(snapshot_get(a, &snap, &err) == BF_OK);
	snapshot_put(snap);
	loads = snapshot_loads();
	gen = store_generation(a->store);
	wgen = store_work_generation(a->store);

	body = json_pack("{s:s, s:s, s:s, s:s}", "round", "2023-2026", "code", "T9", "domain",
			 "industry", "name_zh", "测试任务");
	CHECK(work_create(a, &admin, "local", work_type_find("tasks"), body, &out, &e) == BF_OK);
	json_decref(body);
	json_decref(out);
	body = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s}", "target", "440881", "task", "T9",
			 "title", "冷链仓", "measure", "个", "target_value", 2, "due", "2025-06-30");
	CHECK(work_create(a, &unit48, "local", work_type_find("commitments"), body, &out, &e) ==
	      BF_OK);
	CHECK(json_integer_value(json_object_get(out, "id")) >= 1);
	CHECK_STR(json_string_value(json_object_get(out, "status")), "planned");
	json_decref(body);
	json_decref(out);
	out = NULL;
	/* a target outside the unit's groups */
	body = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s}", "target", "440222", "task", "T9",
			 "title", "x", "measure", "个", "target_value", 2, "due", "2025-06-30");
	CHECK(work_create(a, &unit48, "local", work_type_find("commitments"), body, &out, &e) ==
	      BF_EINPUT);
	CHECK_STR(e.field, "target");
	json_decref(body);

	CHECK(store_generation(a->store) == gen);
	CHECK(store_work_generation(a->store) == wgen + 2);
	CHECK(snapshot_get(a, &snap, &err) == BF_OK);
	snapshot_put(snap);
	CHECK_INT(snapshot_loads(), loads);
out:
	snapshot_clear();
	app_close(a);
	unlink(path);
	bf_err_release(&err);
}

/* The statements of the work's lists are prepared once per connection and kept (store/work):
 * the same filters on another page run the same statement again, and no kept statement holds
 * a read open between calls. */
static void test_work_list_cached(void)
{
	char path[64];
	struct bf_err err;
	struct work_error e;
	struct work_list_req rq = { 0 };
	struct app *a = NULL;
	sqlite3_stmt *st, *list = NULL;
	json_t *out = NULL;
	int n_before = 0, n_after = 0, busy = 0;

	bf_err_init(&err);
	work_error_init(&e);
	if (!(a = fresh_app(path, &err)))
		goto out;
	rq.target = "440881";
	rq.limit = 2;
	CHECK(work_list(a, &unit48, work_type_find("commitments"), &rq, &out, &e) == BF_OK);
	CHECK(json_array_size(json_object_get(out, "items")) == 2);
	json_decref(out);
	for (st = sqlite3_next_stmt(a->store->db, NULL); st; st = sqlite3_next_stmt(a->store->db, st))
		n_before++;
	rq.offset = 1; /* another page: the same statement, limit and offset are bound */
	CHECK(work_list(a, &unit48, work_type_find("commitments"), &rq, &out, &e) == BF_OK);
	CHECK(json_array_size(json_object_get(out, "items")) == 2);
	json_decref(out);
	for (st = sqlite3_next_stmt(a->store->db, NULL); st; st = sqlite3_next_stmt(a->store->db, st)) {
		n_after++;
		busy += sqlite3_stmt_busy(st);
		if (strstr(sqlite3_sql(st), "FROM \"commitment\" x WHERE x.target = ?1") &&
		    strstr(sqlite3_sql(st), "LIMIT ?"))
			list = st;
	}
	CHECK_INT(n_after, n_before);
	CHECK_INT(busy, 0);
	CHECK(list != NULL);
	if (list)
		CHECK_INT(sqlite3_stmt_status(list, SQLITE_STMTSTATUS_RUN, 0), 2);
out:
	app_close(a);
	unlink(path);
	bf_err_release(&err);
}

/* The rows of a query as one text ("a|b\n..."), for comparing two queries' answers. */
static void query_text(sqlite3 *db, const char *sql, struct buf *out)
{
	sqlite3_stmt *st;
	buf_reset(out);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		buf_adds(out, "(bad sql)");
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(st); i++)
			buf_addf(out, "%s%s", i ? "|" : "", sqlite3_column_text(st, i) ?
				 (const char *)sqlite3_column_text(st, i) : "");
		buf_addc(out, '\n');
	}
	sqlite3_finalize(st);
}

/* A bulk import's sums (store/work_bulk): with the triggers dropped, rows go in without their
 * sums; the rebuild makes every sum table equal its GROUP BY over the base table again and puts
 * the triggers back, so that a later write keeps the sums as before. */
static void test_work_bulk_sums(void)
{
	static const char *const pairs[][2] = {
		{ "SELECT round, target, unit, status, n FROM work_sum_status_unit ORDER BY 1, 2, 3, 4",
		  "SELECT round, target, unit, status, count(*) FROM commitment GROUP BY 1, 2, 3, 4 "
		  "ORDER BY 1, 2, 3, 4" },
		{ "SELECT round, target, measure, n, target_value, delivered_value, confirmed_value "
		  "FROM work_sum_measure_target ORDER BY 1, 2, 3",
		  "SELECT round, target, measure, count(*), sum(target_value), sum(delivered_value), "
		  "sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END) FROM commitment "
		  "WHERE status <> 'dropped' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3" },
		{ "SELECT round, target, task, kind, n, amount FROM work_sum_resource_task "
		  "ORDER BY 1, 2, 3, 4",
		  "SELECT round, target, IFNULL(task, ''), kind, count(*), sum(amount) FROM resource "
		  "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4" },
	};
	static const char *const res[] = { "9901", "2023-2026", "funds", "777", "440881", "U048",
					   "", "", "2025-01-02", "x", "0" };
	static const char *const com[] = { "9901", "2023-2026", "440881", "U048", "A1", "", "t",
					   "亩", "40", "10", "2025-06-30", "confirmed", "", "", "",
					   "", "", "", "0" };
	char path[64];
	struct bf_err err;
	struct app *a = NULL;
	struct work_bulk *b;
	struct buf x = BUF_INIT, y = BUF_INIT;

	bf_err_init(&err);
	if (!(a = fresh_app(path, &err)))
		goto out;
	CHECK(store_begin_import(a->store, false, &err) == BF_OK);
	b = work_bulk_new(a->store);
	work_bulk_sums_off(b);
	query_text(a->store->db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
				 "name LIKE 'work_sum_%'", &x);
	CHECK_STR(buf_cstr(&x), "0\n");
	CHECK(work_bulk_put(b, WORK_RESOURCES, res, NULL, &err) == BF_OK);
	CHECK(work_bulk_put(b, WORK_COMMITMENTS, com, NULL, &err) == BF_OK);
	query_text(a->store->db, pairs[2][0], &x); /* the sums do not know the rows yet */
	query_text(a->store->db, pairs[2][1], &y);
	CHECK(strcmp(buf_cstr(&x), buf_cstr(&y)) != 0);
	CHECK(work_bulk_sums_rebuild(b, &err) == BF_OK);
	work_bulk_free(b);
	CHECK(store_commit(a->store, &err) == BF_OK);
	query_text(a->store->db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
				 "name LIKE 'work_sum_%'", &x);
	CHECK_STR(buf_cstr(&x), "6\n");
	/* a write after the import: kept by the triggers again */
	CHECK(store_exec(a->store, "UPDATE commitment SET delivered_value = 30 WHERE id = 9901; "
			 "DELETE FROM resource WHERE id = 1", &err) == BF_OK);
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		query_text(a->store->db, pairs[i][0], &x);
		query_text(a->store->db, pairs[i][1], &y);
		CHECK(x.len > 0);
		CHECK_STR(buf_cstr(&x), buf_cstr(&y));
	}
out:
	buf_release(&x);
	buf_release(&y);
	app_close(a);
	unlink(path);
	bf_err_release(&err);
}

const struct unit_test work_tests[] = {
	{ "work-values", test_work_values },
	{ "work-transitions", test_work_transitions },
	{ "work-scopes", test_work_scopes },
	{ "work-no-reload", test_work_no_reload },
	{ "work-list-cached", test_work_list_cached },
	{ "work-bulk-sums", test_work_bulk_sums },
	{ NULL, NULL },
};
