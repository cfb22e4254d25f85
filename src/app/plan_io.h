/* plan_io: the planner's instance and solution as JSON (docs/planner.md), on jansson. Reads an
 * instance file into a struct plan_instance that this module owns; writes instances and
 * solutions. Knows nothing of the database: app/plan_round.c builds instances from a round. */
#ifndef BF_PLAN_IO_H
#define BF_PLAN_IO_H
#include <jansson.h>
#include "core/plan.h"
#include "util/arena.h"
#include "util/err.h"

/* An instance read from JSON. in points into the arrays below; every array and string is
 * owned here (the ids in the arena) and released by plan_io_release. */
struct plan_io {
	struct plan_instance in;
	struct plan_unit *units;
	struct plan_target *targets;
	struct plan_pair *pairs;
	struct plan_fixed *fixed;
	double *bonus;          /* every target's bonus values, one after the other */
	struct arena strings;
};

void plan_io_init(struct plan_io *p);
void plan_io_release(struct plan_io *p);

/* Parses an instance (the "units", "targets", "pairs" and optional "fixed" arrays; a "meta"
 * value is allowed and ignored) and validates it. Errors name the JSON path and say what to
 * write: `pairs[17].lead: give a number or null`. */
enum bf_status plan_io_parse(struct plan_io *p, const char *text, size_t len,
			     struct bf_err *err);
/* Reads and parses the file at path (errors start with the path). */
enum bf_status plan_io_read(struct plan_io *p, const char *path, struct bf_err *err);

/* The instance as a new JSON object in the format plan_io_parse reads. */
json_t *plan_io_instance_json(const struct plan_instance *in);
/* A solution of in as a new JSON object: {"status", "objective", "assignments": [{"unit",
 * "target", "role"}], "seconds"} and "reason" when infeasible. */
json_t *plan_io_solution_json(const struct plan_instance *in, const struct plan_solution *s);

#endif
