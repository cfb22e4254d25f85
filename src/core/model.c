/* model: record descriptors, field parsing and formatting; see model.h. */
#include "core/model.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const model_kinds[] = { "county", "autonomous_county", "county_city", "district",
				    NULL };
const char *const model_kinds_zh[] = { "县", "自治县", "县级市", "市辖区", NULL };
const char *const model_ranks[] = { "division", "middle", "section", NULL };
const char *const model_ranks_zh[] = { "处级", "中层", "科级", NULL };
const char *const model_roles[] = { "lead", "member", NULL };
const char *const model_roles_zh[] = { "牵头单位", "成员单位", NULL };
const char *const model_categories[] = { "party", "legislature", "judiciary", "government",
					 "institution", "mass_org", "central_unit", "university",
					 "provincial_soe", "central_soe", "finance", NULL };
const char *const model_classes[] = { "coastal", "mountain", "agricultural", "ecological",
				      "industrial", "tourism", NULL };
const char *const model_strengths[] = { "industry", "agriculture", "marine", "tourism",
					"ecology", "planning", "education", "health", "finance",
					"digital", "business_env", NULL };
const char *const model_qualities[] = { "official", "approx", "estimate", "illustrative", NULL };

#define TEXT(s, f, fl, chk) { #f, FT_TEXT, offsetof(struct s, f), fl, NULL, chk, 0, 0 }
#define DATE(s, f, fl) { #f, FT_DATE, offsetof(struct s, f), fl, NULL, NULL, 0, 0 }
#define INT(s, f, lo, hi) { #f, FT_INT, offsetof(struct s, f), F_REQUIRED, NULL, NULL, lo, hi }
#define REAL(s, f, fl) { #f, FT_REAL, offsetof(struct s, f), fl, NULL, NULL, 0, 0 }
#define FLAG(s, f) { #f, FT_FLAG, offsetof(struct s, f), F_REQUIRED, NULL, NULL, 0, 1 }
#define ENUM(s, f, words) { #f, FT_ENUM, offsetof(struct s, f), F_REQUIRED, words, NULL, 0, 0 }
#define LIST(s, f, words) { #f, FT_LIST, offsetof(struct s, f), 0, words, NULL, 0, 0 }
#define KEY (F_KEY | F_REQUIRED)
#define REQ F_REQUIRED

static const struct field_def round_fields[] = {
	TEXT(bf_round, name, KEY, model_check_round_name),
	DATE(bf_round, start, REQ),
	DATE(bf_round, end, REQ),
	INT(bf_round, cycle_years, 1, 10),
	TEXT(bf_round, note, 0, NULL),
};

static const struct field_def target_fields[] = {
	TEXT(bf_target, adcode, KEY, model_check_adcode),
	TEXT(bf_target, name_zh, REQ, NULL),
	TEXT(bf_target, name_en, 0, NULL),
	TEXT(bf_target, prefecture, REQ, NULL),
	ENUM(bf_target, kind, model_kinds),
	FLAG(bf_target, old_area),
	LIST(bf_target, classes, model_classes),
	TEXT(bf_target, region, 0, NULL),
	REAL(bf_target, lon, 0),
	REAL(bf_target, lat, 0),
	FLAG(bf_target, verified),
	TEXT(bf_target, note, 0, NULL),
};

static const struct field_def unit_fields[] = {
	TEXT(bf_unit, code, KEY, model_check_code),
	TEXT(bf_unit, name_zh, REQ, NULL),
	TEXT(bf_unit, name_en, 0, NULL),
	ENUM(bf_unit, category, model_categories),
	INT(bf_unit, capacity, 1, 2),
	LIST(bf_unit, strengths, model_strengths),
	FLAG(bf_unit, verified),
	TEXT(bf_unit, note, 0, NULL),
};

static const struct field_def group_fields[] = {
	TEXT(bf_group, id, KEY, model_check_ident),
	TEXT(bf_group, round, REQ, model_check_round_name),
	TEXT(bf_group, target, REQ, model_check_adcode),
	FLAG(bf_group, verified),
	TEXT(bf_group, note, 0, NULL),
};

static const struct field_def member_fields[] = {
	TEXT(bf_member, group, KEY, model_check_ident),
	TEXT(bf_member, unit, KEY, model_check_code),
	ENUM(bf_member, role, model_roles),
	TEXT(bf_member, note, 0, NULL),
};

static const struct field_def cadre_fields[] = {
	TEXT(bf_cadre, id, KEY, model_check_ident),
	TEXT(bf_cadre, name, REQ, NULL),
	TEXT(bf_cadre, unit, REQ, model_check_code),
	TEXT(bf_cadre, group, REQ, model_check_ident),
	ENUM(bf_cadre, rank, model_ranks),
	TEXT(bf_cadre, post, REQ, NULL),
	DATE(bf_cadre, start, REQ),
	DATE(bf_cadre, planned_end, REQ),
	DATE(bf_cadre, actual_end, 0),
	TEXT(bf_cadre, predecessor, 0, model_check_ident),
	FLAG(bf_cadre, verified),
	TEXT(bf_cadre, note, 0, NULL),
};

static const struct field_def indicator_fields[] = {
	TEXT(bf_indicator, scope, KEY, model_check_scope),
	TEXT(bf_indicator, name, KEY, model_check_round_name),
	{ "year", FT_INT, offsetof(struct bf_indicator, year), KEY, NULL, NULL, 1949, 2100 },
	REAL(bf_indicator, value, REQ),
	TEXT(bf_indicator, unit, 0, NULL),
	ENUM(bf_indicator, quality, model_qualities),
	TEXT(bf_indicator, source, 0, NULL),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
const struct record_type model_rounds = { "rounds.csv", "round", "round", sizeof(struct bf_round),
					  round_fields, N(round_fields), 1 };
const struct record_type model_targets = { "targets.csv", "target", "target",
					   sizeof(struct bf_target), target_fields,
					   N(target_fields), 1 };
const struct record_type model_units = { "units.csv", "unit", "unit", sizeof(struct bf_unit),
					 unit_fields, N(unit_fields), 1 };
const struct record_type model_groups = { "groups.csv", "grp", "group", sizeof(struct bf_group),
					  group_fields, N(group_fields), 1 };
const struct record_type model_members = { "members.csv", "member", "membership",
					   sizeof(struct bf_member), member_fields,
					   N(member_fields), 2 };
const struct record_type model_cadres = { "cadres.csv", "cadre", "cadre", sizeof(struct bf_cadre),
					  cadre_fields, N(cadre_fields), 1 };
const struct record_type model_indicators = { "indicators.csv", "indicator", "indicator",
					      sizeof(struct bf_indicator), indicator_fields,
					      N(indicator_fields), 3 };

const struct record_type *const model_types[] = { &model_rounds, &model_targets, &model_units,
						  &model_groups, &model_members, &model_cadres,
						  &model_indicators };
const size_t model_ntypes = N(model_types);

const struct record_type *model_type_by_file(const char *file)
{
	for (size_t i = 0; i < model_ntypes; i++)
		if (strcmp(model_types[i]->file, file) == 0)
			return model_types[i];
	return NULL;
}

const struct field_def *model_field(const struct record_type *t, const char *name)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return &t->fields[i];
	return NULL;
}

int model_enum_index(const char *const *words, const char *s)
{
	for (int i = 0; words[i]; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

static void list_words(const char *const *words, struct buf *out)
{
	for (int i = 0; words[i]; i++)
		buf_addf(out, "%s%s", i ? ", " : "", words[i]);
}

bool model_list_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && strncmp(p, word, n) == 0)
			return true;
		p = e ? e + 1 : p + len;
	}
	return false;
}

static bool parse_list(const struct field_def *f, const char *s, struct buf *why)
{
	const char *p = s;

	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char word[64];
		if (len == 0 || len >= sizeof word) {
			buf_adds(why, "empty or overlong item in the list; separate items by ';'");
			return false;
		}
		memcpy(word, p, len);
		word[len] = '\0';
		if (model_enum_index(f->allowed, word) < 0) {
			buf_addf(why, "'%s' is not one of: ", word);
			list_words(f->allowed, why);
			return false;
		}
		if (!e)
			break;
		p = e + 1;
		if (!*p) {
			buf_adds(why, "the list ends with ';'");
			return false;
		}
	}
	return true;
}

/* Plain decimal numbers only: strtol/strtod would also take spaces, hex, inf and nan. */
static bool decimal(const char *s, bool real)
{
	const char *p = s + (*s == '-' || *s == '+');
	if (*p < '0' || *p > '9')
		return p[0] == '.' && real && p[1] >= '0' && p[1] <= '9';
	return strspn(p, real ? "0123456789.eE+-" : "0123456789") == strlen(p);
}

static bool parse_long(const char *s, long *out)
{
	char *end;
	if (!decimal(s, false))
		return false;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && end != s && *end == '\0';
}

static bool parse_text(const struct field_def *f, const char *s, void *p, struct buf *why)
{
	if (!model_check_oneline(s, why))
		return false;
	if (f->check && !f->check(s, why))
		return false;
	*(const char **)p = s;
	return true;
}

static bool parse_value(const struct field_def *f, const char *s, void *p, struct buf *why)
{
	long l;
	double d;
	char *end;

	switch (f->type) {
	case FT_TEXT:
		return parse_text(f, s, p, why);
	case FT_DATE:
		if (date_parse(s, (bf_day *)p))
			return true;
		buf_addf(why, "'%s' is not a date; write YYYY-MM-DD, e.g. 2023-11-16", s);
		return false;
	case FT_INT:
	case FT_FLAG:
		if (parse_long(s, &l) && l >= f->min && l <= f->max) {
			*(long *)p = l;
			return true;
		}
		if (f->type == FT_FLAG)
			buf_addf(why, "'%s' is not 0 or 1", s);
		else
			buf_addf(why, "'%s' is not a whole number from %ld to %ld", s, f->min, f->max);
		return false;
	case FT_REAL:
		errno = 0;
		d = decimal(s, true) ? strtod(s, &end) : (end = (char *)s, 0);
		if (errno == 0 && end != s && *end == '\0' && isfinite(d)) {
			*(double *)p = d;
			return true;
		}
		buf_addf(why, "'%s' is not a number", s);
		return false;
	case FT_ENUM:
		if ((*(int *)p = model_enum_index(f->allowed, s)) >= 0)
			return true;
		buf_addf(why, "'%s' is not one of: ", s);
		list_words(f->allowed, why);
		return false;
	case FT_LIST:
		if (!parse_list(f, s, why))
			return false;
		*(const char **)p = s;
		return true;
	}
	return false;
}

bool model_field_parse(const struct field_def *f, const char *s, void *rec, struct buf *why)
{
	void *p = (char *)rec + f->offset;

	if (*s == '\0') {
		if (f->flags & F_REQUIRED) {
			buf_adds(why, "is required but empty");
			return false;
		}
		return true; /* model_record_clear left it empty */
	}
	return parse_value(f, s, p, why);
}

void model_field_format(const struct field_def *f, const void *rec, struct buf *out)
{
	const void *p = (const char *)rec + f->offset;
	char day[11];

	switch (f->type) {
	case FT_TEXT:
	case FT_LIST:
		if (*(const char *const *)p)
			buf_adds(out, *(const char *const *)p);
		break;
	case FT_DATE:
		if (*(const bf_day *)p != BF_DAY_NONE) {
			date_format(*(const bf_day *)p, day);
			buf_adds(out, day);
		}
		break;
	case FT_INT:
	case FT_FLAG:
		buf_addf(out, "%ld", *(const long *)p);
		break;
	case FT_REAL:
		if (!isnan(*(const double *)p))
			buf_addf(out, "%.15g", *(const double *)p);
		break;
	case FT_ENUM:
		if (*(const int *)p >= 0)
			buf_adds(out, f->allowed[*(const int *)p]);
		break;
	}
}

void model_record_clear(const struct record_type *t, void *rec)
{
	memset(rec, 0, t->size);
	for (size_t i = 0; i < t->nfields; i++) {
		void *p = (char *)rec + t->fields[i].offset;
		if (t->fields[i].type == FT_DATE)
			*(bf_day *)p = BF_DAY_NONE;
		else if (t->fields[i].type == FT_REAL)
			*(double *)p = NAN;
		else if (t->fields[i].type == FT_ENUM)
			*(int *)p = -1;
	}
	if (t == &model_cadres)
		((struct bf_cadre *)rec)->successor_ix = -1;
}

static bool check_round(const struct bf_round *r, const char **field, struct buf *why)
{
	if (r->end > r->start)
		return true;
	*field = "end";
	buf_adds(why, "the round must end after it starts");
	return false;
}

static bool check_target(const struct bf_target *t, const char **field, struct buf *why)
{
	if (isnan(t->lon) != isnan(t->lat)) {
		*field = isnan(t->lon) ? "lon" : "lat";
		buf_adds(why, "give both lon and lat, or neither");
		return false;
	}
	if (!isnan(t->lon) && (fabs(t->lon) > 180 || fabs(t->lat) > 90)) {
		*field = fabs(t->lon) > 180 ? "lon" : "lat";
		buf_adds(why, "out of range (lon -180..180, lat -90..90)");
		return false;
	}
	return true;
}

static bool check_cadre(const struct bf_cadre *c, const char **field, struct buf *why)
{
	if (c->planned_end < c->start) {
		*field = "planned_end";
		buf_adds(why, "is before start");
		return false;
	}
	if (c->actual_end != BF_DAY_NONE && c->actual_end < c->start) {
		*field = "actual_end";
		buf_adds(why, "is before start");
		return false;
	}
	if (c->predecessor && strcmp(c->predecessor, c->id) == 0) {
		*field = "predecessor";
		buf_adds(why, "a cadre cannot be their own predecessor");
		return false;
	}
	return true;
}

bool model_record_check(const struct record_type *t, const void *rec, const char **field,
			struct buf *why)
{
	if (t == &model_rounds)
		return check_round(rec, field, why);
	if (t == &model_targets)
		return check_target(rec, field, why);
	if (t == &model_cadres)
		return check_cadre(rec, field, why);
	return true;
}

bool model_check_oneline(const char *s, struct buf *why)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++, n++)
		if (*p < 0x20 && *p != '\t') {
			buf_adds(why, *p == '\n' || *p == '\r'
					      ? "contains a line break; put the text on one line"
					      : "contains a control character");
			return false;
		}
	if (n > 2000) {
		buf_adds(why, "is longer than 2000 bytes");
		return false;
	}
	return true;
}

bool model_check_adcode(const char *s, struct buf *why)
{
	bool ok = strlen(s) == 6 && strspn(s, "0123456789") == 6 && strcmp(s + 4, "00") != 0;
	if (!ok)
		buf_addf(why, "'%s' is not a county-level code: 6 digits not ending in 00, "
			      "e.g. 440881",
			 s);
	return ok;
}

static bool check_chars(const char *s, size_t max, const char *extra, const char *what,
			struct buf *why)
{
	size_t n = strlen(s);
	bool ok = n >= 1 && n <= max;
	for (const char *p = s; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= '0' && *p <= '9') || strchr(extra, *p);
	if (!ok)
		buf_addf(why, "'%s' is not a valid %s: 1-%zu letters, digits or %s", s, what, max,
			 extra);
	return ok;
}

bool model_check_code(const char *s, struct buf *why)
{
	return check_chars(s, 32, "-_", "code", why);
}

bool model_check_ident(const char *s, struct buf *why)
{
	return check_chars(s, 40, "-_", "identifier", why);
}

bool model_check_round_name(const char *s, struct buf *why)
{
	return check_chars(s, 40, "-_.", "name", why);
}

bool model_check_scope(const char *s, struct buf *why)
{
	if (strcmp(s, "province") == 0)
		return true;
	if (model_check_adcode(s, why))
		return true;
	buf_adds(why, ", or 'province'");
	return false;
}

bf_day model_cadre_end(const struct bf_cadre *c)
{
	return c->actual_end != BF_DAY_NONE ? c->actual_end : c->planned_end;
}

bool model_cadre_on_post(const struct bf_cadre *c, bf_day day)
{
	return c->start <= day && day <= model_cadre_end(c);
}
