/* Tests of src/util: dates, CSV reading with line numbers, encodings, display width, blobs. */
#include <stdio.h>
#include "unit.h"
#include "util/blob.h"
#include "util/csvio.h"
#include "util/date.h"
#include "util/table.h"
#include "util/text.h"

static void test_date_roundtrip(void)
{
	bf_day d;
	char s[11];
	CHECK(date_parse("2023-11-16", &d));
	date_format(d, s);
	CHECK_STR(s, "2023-11-16");
	CHECK_INT(date_from_ymd(1970, 1, 1), 0);
	CHECK(date_parse("2024-02-29", &d));
	date_format(date_add_years(d, 3), s);
	CHECK_STR(s, "2027-02-28");
	CHECK(!date_parse("2023-02-29", &d));
	CHECK(!date_parse("2023-13-01", &d));
	CHECK(!date_parse("2023-1-01", &d));
	CHECK(!date_parse("2023-01-01x", &d));
	CHECK(!date_parse("", &d));
}

struct rows {
	char text[512];
	size_t n;
};

static bool collect(const struct csvio_row *row, void *ctx)
{
	struct rows *r = ctx;
	size_t len = strlen(r->text);
	snprintf(r->text + len, sizeof r->text - len, "%zu:", row->line);
	for (size_t i = 0; i < row->nfields; i++) {
		len = strlen(r->text);
		snprintf(r->text + len, sizeof r->text - len, "%s[%s]", i ? "," : "", row->fields[i]);
	}
	len = strlen(r->text);
	snprintf(r->text + len, sizeof r->text - len, ";");
	r->n++;
	return true;
}

static void test_csv_lines(void)
{
	const char *in = "a,b\n\n1,\"x\ny\"\r\n2, z \n\"q\"\"q\",3";
	struct rows r = { "", 0 };
	struct buf why = BUF_INIT;
	size_t line;
	CHECK(csvio_read(in, strlen(in), collect, &r, &line, &why));
	CHECK_STR(r.text, "1:[a],[b];3:[1],[x\ny];5:[2],[z];6:[q\"q],[3];");
	buf_release(&why);
}

static void test_csv_errors(void)
{
	struct rows r = { "", 0 };
	struct buf why = BUF_INIT;
	const char *open = "a,b\n1,\"never closed\n2,3\n";
	size_t line;
	const char nul[] = "a,b\n1,x\0y\n";

	CHECK(!csvio_read(open, strlen(open), collect, &r, &line, &why));
	CHECK_INT(line, 2);
	buf_reset(&why);
	CHECK(!csvio_read(nul, sizeof nul - 1, collect, &r, &line, &why));
	CHECK(strstr(buf_cstr(&why), "NUL") != NULL);
	buf_release(&why);
}

static void test_csv_write(void)
{
	struct buf b = BUF_INIT;
	const char *f[] = { "plain", "a,b", "say \"hi\"", " pad", NULL };
	csvio_put_row(&b, f, 5);
	CHECK_STR(buf_cstr(&b), "plain,\"a,b\",\"say \"\"hi\"\"\",\" pad\",\n");
	buf_release(&b);
}

static void test_encodings(void)
{
	struct buf out = BUF_INIT, why = BUF_INIT;
	const char *enc;
	size_t line;
	const char gb[] = "\xc1\xae\xbd\xad\xca\xd0"; /* 廉江市 in GB18030 */
	const char bom[] = "\xef\xbb\xbfok";
	const char bad[] = "ok\n\xff\xfe\xff";

	CHECK(text_to_utf8(gb, sizeof gb - 1, NULL, &out, &enc, &line, &why));
	CHECK_STR(enc, "GB18030");
	CHECK_STR(buf_cstr(&out), "廉江市");
	CHECK(text_to_utf8(bom, sizeof bom - 1, NULL, &out, &enc, &line, &why));
	CHECK_STR(enc, "UTF-8 with BOM");
	CHECK_STR(buf_cstr(&out), "ok");
	CHECK(!text_to_utf8(bad, sizeof bad - 1, NULL, &out, &enc, &line, &why));
	CHECK_INT(line, 2);
	buf_release(&out);
	buf_release(&why);
}

static void test_width(void)
{
	struct buf b = BUF_INIT;
	CHECK_INT(text_width("廉江市"), 6);
	CHECK_INT(text_width("ab"), 2);
	text_pad(&b, "县", 4);
	CHECK_STR(buf_cstr(&b), "县  ");
	buf_release(&b);
}

static void test_table(void)
{
	const char *h[] = { "名称", "n" };
	const char *r1[] = { "廉江市", "4" };
	struct table *t = table_new(2, h);
	struct buf b = BUF_INIT;
	table_add_row(t, r1);
	table_render_text(t, &b);
	CHECK_STR(buf_cstr(&b), "名称    n\n------  -\n廉江市  4\n");
	table_free(t);
	buf_release(&b);
}

static void test_date_now(void)
{
	char now[21];
	bf_day d;
	long long a = date_monotonic_ms(), b;

	date_now_utc(now);
	CHECK(strlen(now) == 20 && now[10] == 'T' && now[19] == 'Z');
	now[10] = '\0';
	CHECK(date_parse(now, &d));
	b = date_monotonic_ms();
	CHECK(b >= a && a > 0);
}

/* A blob takes a buf's memory as it is (no copy) and lives until its last reference goes
 * (under ASan a use after the cache's unref, or a lost reference, is reported). */
static void test_blob(void)
{
	struct buf b = BUF_INIT;
	struct blob *x, *y;
	const char *p;

	buf_add(&b, "a\0b", 3);
	p = b.data;
	x = blob_take(&b);
	CHECK(b.data == NULL && b.len == 0);
	CHECK(blob_data(x) == p); /* the same memory */
	CHECK_INT(blob_len(x), 3);
	CHECK(memcmp(blob_data(x), "a\0b", 4) == 0);
	y = blob_ref(x);
	blob_unref(x); /* the cache's, say: the response's still holds the bytes */
	CHECK(memcmp(blob_data(y), "a\0b", 4) == 0);
	blob_unref(y);
	x = blob_new("", 0);
	CHECK_STR(blob_data(x), "");
	CHECK_INT(blob_len(x), 0);
	blob_unref(x);
	blob_unref(NULL);
	CHECK(blob_ref(NULL) == NULL);
}

const struct unit_test util_tests[] = {
	{ "util/date round trip", test_date_roundtrip },
	{ "util/date now and monotonic clock", test_date_now },
	{ "util/csv line numbers", test_csv_lines },
	{ "util/csv errors", test_csv_errors },
	{ "util/csv write", test_csv_write },
	{ "util/text encodings", test_encodings },
	{ "util/text width", test_width },
	{ "util/table", test_table },
	{ "util/blob", test_blob },
	{ NULL, NULL },
};
