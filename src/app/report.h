/* report: the programme's reports (summary, coverage, groups, cadres, rotations, shares, indicators) as
 * JSON values, for the CLI and the API alike. A report with rows has an "items" array whose
 * objects have the keys listed in its report_def.columns. */
#ifndef BF_REPORT_H
#define BF_REPORT_H
#include <jansson.h>
#include "core/registry.h"
#include "util/err.h"

struct report_opts {
	const char *round; /* NULL: the round current on as_of */
	bf_day as_of;
	long within;       /* rotations: days ahead */
};

struct report_def {
	const char *name;
	const char *title_zh;
	const char *help;
	const char *const *columns; /* NULL for reports without items */
	json_t *(*run)(const struct registry *r, size_t round, const struct report_opts *o);
};

extern const struct report_def report_defs[];
extern const size_t report_count;

const struct report_def *report_find(const char *name);
/* Runs report name; *out is a new JSON object owned by the caller. */
enum bf_status report_run(const struct registry *r, const char *name,
			  const struct report_opts *o, json_t **out, struct bf_err *err);

/* The article's figures for the 57 counties (S10), in percent. */
#define ARTICLE_LAND_SHARE 71.7
#define ARTICLE_POPULATION_SHARE 28.0
#define ARTICLE_GDP_SHARE 12.4

#endif
