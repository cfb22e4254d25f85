/* app/assess: the year's and the round's assessment of each group (issue 12 §7,
 * docs/cycle.md) for the API and the CLI: assessments listed (filtered, paged, scoped to the
 * reader by core/assess), read one by one, created for one group or for every group of a
 * round in one transaction, and graded (优秀 良好 一般 较差, with a comment) by the office.
 * Beside each, the evidence bangfu counts for its group's target within its window: the
 * commitments due (delivered and confirmed against planned, per measure target and delivered
 * values), the resources brought in by kind (integer yuan), the policies issued, the group's
 * reports on time, late or missing, and the target's indicators since the round's baseline
 * year against the province's. The evidence is counted when read until the assessment is
 * graded, and frozen into it then. Groups only, never people; no rank, no order by grade.
 * Every write is one audited transaction (entity assessment). Refusals carry English and
 * Chinese (struct bf_err) and the field at fault. */
#ifndef BF_APP_ASSESS_H
#define BF_APP_ASSESS_H
#include <jansson.h>
#include <stdbool.h>
#include "app/app.h"
#include "core/access.h"

struct assess_list_req {
	const char *round, *kind, *year, *group, *target, *prefecture, *grade;
	long limit, offset;
	bool flat; /* for CSV and XLSX: the evidence as flat columns (assess_columns) */
};
#define ASSESS_LIST_DEFAULT 100
#define ASSESS_LIST_MAX 10000
/* {"items":[assessments with their evidence],"total"}: those who may read. grade "none"
 * filters the ungraded. */
enum bf_status assess_list(struct app *app, const struct principal *who,
			   const struct assess_list_req *rq, json_t **out, struct bf_err *err,
			   const char **field);
/* The columns of a flat list, for CSV and XLSX (NULL-ended). */
extern const char *const assess_columns[];
/* One assessment with its evidence ("evidence_frozen": whether graded and frozen). */
enum bf_status assess_get(struct app *app, const struct principal *who, const char *id,
			  json_t **out, struct bf_err *err, const char **field);
/* body {"round", "kind" (year or round), "year" (for kind year), "group" (absent: every
 * group of the round)}: one group's, 201 with the assessment (409 if it exists); every
 * group's, {"created": N, "existing": M, "ids": [...]}, the existing ones left as they are.
 * The office only. */
enum bf_status assess_create(struct app *app, const struct principal *who,
			     const char *address, json_t *body, json_t **out, struct bf_err *err,
			     const char **field);
/* body {"grade" (优秀, 良好, 一般, 较差; null clears it and thaws the evidence), "comment"}:
 * the first grade freezes the evidence; a later one keeps it. The office only. */
enum bf_status assess_grade(struct app *app, const struct principal *who, const char *address,
			    const char *id, json_t *body, json_t **out, struct bf_err *err,
			    const char **field);
/* What p may do with assessments, for GET /api/v1/session: {"read": scope, "create",
 * "grade"}. */
json_t *assess_capabilities(const struct principal *p);

#endif
