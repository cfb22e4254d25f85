/* plan_print: a round's plan (app/plan_round JSON) as terminal tables for `bangfu plan
 * --round`: the balance statistics, each group's score, every chosen pair with the reason it
 * scores what it scores, a repair's moves, and what an apply changed. Chinese with English
 * beside it, aligned by display width (util/table). */
#ifndef BF_PLAN_PRINT_H
#define BF_PLAN_PRINT_H
#include <jansson.h>
#include "cli/cli.h"

/* The plan; a repair prints the difference with the current formation instead of the pairs. */
void plan_print_round(struct cli *c, json_t *plan);
/* The result of plan_round_apply. */
void plan_print_applied(struct cli *c, json_t *applied);
/* "fit planning 1, education 1; lead 3; continuity 4" from a breakdown object. */
void plan_print_why(json_t *breakdown, struct buf *out);

#endif
