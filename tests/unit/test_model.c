/* Tests of src/core/model: parsing and formatting fields, record checks. */
#include <math.h>
#include <stdio.h>
#include "unit.h"
#include "core/model.h"

static bool parse(const struct record_type *t, const char *field, const char *s, void *rec,
		  struct buf *why)
{
	buf_reset(why);
	return model_field_parse(model_field(t, field), s, rec, why);
}

static void test_fields(void)
{
	struct bf_target t;
	struct buf why = BUF_INIT;

	model_record_clear(&model_targets, &t);
	CHECK(parse(&model_targets, "adcode", "440881", &t, &why));
	CHECK_STR(t.adcode, "440881");
	CHECK(!parse(&model_targets, "adcode", "44088", &t, &why));
	CHECK(strstr(buf_cstr(&why), "6 digits") != NULL);
	CHECK(!parse(&model_targets, "adcode", "440800", &t, &why));
	CHECK(parse(&model_targets, "kind", "county_city", &t, &why));
	CHECK_INT(t.kind, KIND_COUNTY_CITY);
	CHECK(!parse(&model_targets, "kind", "town", &t, &why));
	CHECK(strstr(buf_cstr(&why), "county, autonomous_county") != NULL);
	CHECK(parse(&model_targets, "classes", "coastal;mountain", &t, &why));
	CHECK(!parse(&model_targets, "classes", "coastal;;mountain", &t, &why));
	CHECK(!parse(&model_targets, "classes", "seaside", &t, &why));
	CHECK(!parse(&model_targets, "old_area", "2", &t, &why));
	CHECK(!parse(&model_targets, "name_zh", "", &t, &why));
	CHECK_STR(buf_cstr(&why), "is required but empty");
	CHECK(!parse(&model_targets, "name_zh", "a\nb", &t, &why));
	CHECK(parse(&model_targets, "lon", "110.137", &t, &why));
	CHECK(!parse(&model_targets, "lat", "north", &t, &why));
	CHECK(!parse(&model_targets, "lat", "nan", &t, &why));
	buf_release(&why);
}

static void test_format_roundtrip(void)
{
	struct bf_indicator x;
	struct buf why = BUF_INIT, out = BUF_INIT;
	const char *values[] = { "19.81", "126012510", "0.1", "129118.58" };

	for (size_t i = 0; i < 4; i++) {
		model_record_clear(&model_indicators, &x);
		CHECK(parse(&model_indicators, "value", values[i], &x, &why));
		buf_reset(&out);
		model_field_format(model_field(&model_indicators, "value"), &x, &out);
		CHECK_STR(buf_cstr(&out), values[i]);
	}
	buf_release(&why);
	buf_release(&out);
}

static void test_cadre_check(void)
{
	struct bf_cadre c;
	struct buf why = BUF_INIT;
	const char *field = NULL;

	model_record_clear(&model_cadres, &c);
	c.id = "C1";
	date_parse("2024-01-01", &c.start);
	date_parse("2023-12-31", &c.planned_end);
	CHECK(!model_record_check(&model_cadres, &c, &field, &why));
	CHECK_STR(field, "planned_end");
	date_parse("2026-12-31", &c.planned_end);
	buf_reset(&why);
	CHECK(model_record_check(&model_cadres, &c, &field, &why));
	c.predecessor = "C1";
	CHECK(!model_record_check(&model_cadres, &c, &field, &why));
	CHECK_STR(field, "predecessor");
	buf_release(&why);
}

static void test_on_post(void)
{
	struct bf_cadre c;
	bf_day d;

	model_record_clear(&model_cadres, &c);
	date_parse("2024-01-01", &c.start);
	date_parse("2026-12-31", &c.planned_end);
	date_parse("2025-06-30", &d);
	CHECK(model_cadre_on_post(&c, d));
	date_parse("2025-06-29", &c.actual_end);
	CHECK(!model_cadre_on_post(&c, d));
	CHECK(model_cadre_on_post(&c, d - 1));
	CHECK(!model_cadre_on_post(&c, c.start - 1));
}

const struct unit_test model_tests[] = {
	{ "core/model field parsing", test_fields },
	{ "core/model number formatting round trip", test_format_roundtrip },
	{ "core/model cadre record checks", test_cadre_check },
	{ "core/model on post", test_on_post },
	{ NULL, NULL },
};
