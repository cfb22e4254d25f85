/* query: what every read-only use case shares: loading the registry, choosing the round,
 * and turning records into JSON objects whose keys are the CSV column names. */
#ifndef BF_QUERY_H
#define BF_QUERY_H
#include <jansson.h>
#include "core/registry.h"
#include "util/err.h"

struct store;
struct cyc_cell;

/* Loads the whole database into r (initialised here; the caller releases it). */
enum bf_status query_load(struct store *s, struct registry *r, struct bf_err *err);
/* The round named name, or with name NULL the round current on day (REG_NONE if the
 * database has no round). An unknown name is an error listing the rounds there are. */
enum bf_status query_round(const struct registry *r, const char *name, bf_day day, size_t *ix,
			   struct bf_err *err);
/* A new JSON object with every field of rec. */
json_t *query_record_json(const struct record_type *t, const void *rec);
/* "YYYY-MM-DD" as a JSON string, or null for BF_DAY_NONE. */
json_t *query_date_json(bf_day d);
/* A JSON string, or null for NULL. */
json_t *query_str_json(const char *s);
/* A store row's cell as JSON: an integer as a number, NULL as null, anything else as a
 * string. */
json_t *query_cell_json(const struct cyc_cell *c);
/* A store row callback (cyc_row_fn): appends the row's cells to the JSON array ctx as one
 * object of query_cell_json's values. */
void query_row_json(void *ctx, const struct cyc_cell *c, int n);

#endif
