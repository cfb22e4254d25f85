/* show: one record with its relations as JSON (a county's groups, cadres and indicators; a
 * unit's groups and cadres; a group's members and cadres; a cadre's chain of rotation). */
#ifndef BF_SHOW_H
#define BF_SHOW_H
#include <jansson.h>
#include "core/registry.h"
#include "util/err.h"

/* kind is target, unit, group or cadre. *out is new, owned by the caller. */
enum bf_status show_record(const struct registry *r, const char *kind, const char *key,
			   bf_day day, json_t **out, struct bf_err *err);

#endif
