/* model: the programme's records (rounds, targets, units, groups, memberships, cadres,
 * indicators) as C structs, and one descriptor table per record type that says, field by
 * field, its column name, type, whether it is part of the key, and what values are valid.
 * The CSV import/export and the SQL store are driven by these tables. Pure: no I/O. */
#ifndef BF_MODEL_H
#define BF_MODEL_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"
#include "util/date.h"

enum target_kind { KIND_COUNTY, KIND_AUTONOMOUS_COUNTY, KIND_COUNTY_CITY, KIND_DISTRICT };
enum cadre_rank { RANK_DIVISION, RANK_MIDDLE, RANK_SECTION };
enum member_role { ROLE_LEAD, ROLE_MEMBER };

extern const char *const model_kinds[];      /* indexed by enum target_kind, NULL-ended */
extern const char *const model_kinds_zh[];
extern const char *const model_ranks[];
extern const char *const model_ranks_zh[];
extern const char *const model_roles[];
extern const char *const model_roles_zh[];
extern const char *const model_categories[];
extern const char *const model_classes[];
extern const char *const model_strengths[];
extern const char *const model_qualities[];

/* Strings in records are borrowed: whoever fills a record owns the memory (an import row, a
 * registry's arena). Empty optional text is NULL; a missing date is BF_DAY_NONE; a missing
 * real is NAN. The ix fields are not columns: registry_index() fills them. */
struct bf_round {
	const char *name;
	bf_day start, end;
	long cycle_years;
	const char *note;
};

struct bf_target {
	const char *adcode, *name_zh, *name_en, *prefecture;
	int kind;
	long old_area;
	const char *classes, *region;
	double lon, lat;
	long verified;
	const char *note;
};

struct bf_unit {
	const char *code, *name_zh, *name_en;
	int category;
	long capacity;
	const char *strengths;
	long verified;
	const char *note;
};

struct bf_group {
	const char *id, *round, *target;
	long verified;
	const char *note;
	size_t round_ix, target_ix;
};

struct bf_member {
	const char *group, *unit;
	int role;
	const char *note;
	size_t group_ix, unit_ix;
};

struct bf_cadre {
	const char *id, *name, *unit, *group;
	int rank;
	const char *post;
	bf_day start, planned_end, actual_end;
	const char *predecessor;
	long verified;
	const char *note;
	size_t unit_ix, group_ix;
	long successor_ix; /* -1 when nobody names this cadre as predecessor */
};

struct bf_indicator {
	const char *scope, *name;
	long year;
	double value;
	const char *unit;
	int quality;
	const char *source;
};

enum field_type { FT_TEXT, FT_DATE, FT_INT, FT_REAL, FT_FLAG, FT_ENUM, FT_LIST };
enum { F_KEY = 1, F_REQUIRED = 2 };

/* A validator for text fields: returns false and writes why into why. */
typedef bool (*field_check_fn)(const char *s, struct buf *why);

struct field_def {
	const char *name;
	enum field_type type;
	size_t offset;
	unsigned flags;
	const char *const *allowed; /* FT_ENUM and FT_LIST: the valid words */
	field_check_fn check;       /* FT_TEXT: extra validation, may be NULL */
	long min, max;              /* FT_INT: bounds */
};

struct record_type {
	const char *file;   /* "targets.csv" */
	const char *table;  /* SQL table, "target" */
	const char *what;   /* "target" for messages */
	size_t size;
	const struct field_def *fields;
	size_t nfields;
	size_t nkey;        /* the first nkey fields form the key */
};

extern const struct record_type model_rounds, model_targets, model_units, model_groups,
	model_members, model_cadres, model_indicators;
/* All record types in dependency order (a type refers only to those before it). */
extern const struct record_type *const model_types[];
extern const size_t model_ntypes;

const struct record_type *model_type_by_file(const char *file);
const struct field_def *model_field(const struct record_type *t, const char *name);

/* Parses text s into the field of rec. Text values are stored as the pointer s itself (so s
 * must outlive rec). Returns false with a reason (without file/line) in why. */
bool model_field_parse(const struct field_def *f, const char *s, void *rec, struct buf *why);
/* Formats the field of rec as its CSV text into out ("" when empty). */
void model_field_format(const struct field_def *f, const void *rec, struct buf *out);
/* Sets every field of rec to empty (NULL, BF_DAY_NONE, NAN, 0). */
void model_record_clear(const struct record_type *t, void *rec);
/* Cross-field rules of one record (end after start...). Returns false with a reason and
 * the name of the offending field in *field. */
bool model_record_check(const struct record_type *t, const void *rec, const char **field,
			struct buf *why);

/* Field validators, public for the tests and for other front ends. */
bool model_check_adcode(const char *s, struct buf *why);
bool model_check_code(const char *s, struct buf *why);
bool model_check_scope(const char *s, struct buf *why);
bool model_check_ident(const char *s, struct buf *why);
bool model_check_round_name(const char *s, struct buf *why);
bool model_check_oneline(const char *s, struct buf *why);

/* The day a cadre leaves: actual_end if set, else planned_end. */
bf_day model_cadre_end(const struct bf_cadre *c);
bool model_cadre_on_post(const struct bf_cadre *c, bf_day day);
int model_enum_index(const char *const *words, const char *s);
bool model_list_has(const char *list, const char *word);

#endif
