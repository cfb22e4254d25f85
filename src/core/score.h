/* score: the planner's scores from the data (S12, S17). Each unit's strengths meet each
 * target's needs over the 11 dimensions of model_strengths; a target's needs come from its
 * classes, kind, old-area flag and indicators through an editable needs table (docs/planner.md,
 * data/guangdong/plan-needs.csv); leading adds a weight by unit category; keeping the
 * previous round's pairing adds a continuity bonus; each target's k-th member adds a
 * non-increasing marginal bonus, scaled up for targets that need a stronger group. Every pair
 * score comes with its breakdown. Pure: the table is parsed from text; no I/O. */
#ifndef BF_SCORE_H
#define BF_SCORE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/registry.h"
#include "util/buf.h"

#define SCORE_NDIM 11       /* the words of model_strengths, in that order */
#define SCORE_NCAT 11       /* the words of model_categories, in that order */
#define SCORE_MAX_MEMBERS 16 /* the largest member_max a table may set */

enum score_cond_kind { COND_ALL, COND_CLASS, COND_KIND, COND_OLD_AREA, COND_INDICATOR };
enum score_op { OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ };

/* One need row: when the condition holds for a target, need[] is added to the target's needs
 * and support to its need for a stronger group. */
struct score_rule {
	char condition[64];          /* as written, e.g. "class=coastal", "gdp_per_head<40000" */
	enum score_cond_kind kind;
	char word[48];               /* class, kind or indicator name */
	enum score_op op;
	double value;                /* the number compared with (indicators, old_area) */
	double support;
	double need[SCORE_NDIM];
	char note[160];
};

/* A parsed needs table with its parameters. Defaults (score_table_defaults) are overridden
 * by the table's set: and lead: rows. */
struct score_table {
	struct score_rule *rules;    /* owned */
	size_t nrules;
	bool can_lead[SCORE_NCAT];   /* a category without a lead: row may not lead */
	double lead_weight[SCORE_NCAT];
	double continuity;           /* same target and same role in the previous round */
	double continuity_role;      /* same target, the other role */
	double member_cost;          /* subtracted from every member score: a unit's extra
	                              * assignment must earn its cadres */
	double keep;                 /* repair: bonus for every pair of the current formation */
	double stability;            /* plan: bonus for every pair of the current formation, too
	                              * small to outweigh any real difference: among equally good
	                              * formations the one in place is kept */
	int member_min, member_max;  /* members per group; member_min >= 1 (S5, group-shape) */
	double bonus[SCORE_MAX_MEMBERS]; /* base marginal bonus of the k-th member, non-increasing */
};

/* Empty table with the built-in parameter defaults and no rules, no leads. */
void score_table_defaults(struct score_table *t);
void score_table_release(struct score_table *t);
/* Parses a needs table (CSV text, UTF-8; columns condition, value, the 11 dimensions, note)
 * into t (initialised here). name is used in messages ("plan-needs.csv:12: ..."). Returns
 * false with every problem listed in why. */
bool score_table_parse(const char *text, size_t len, const char *name, struct score_table *t,
		       struct buf *why);

/* A target's needs: the sum of the rows whose condition holds. */
struct score_needs {
	double need[SCORE_NDIM];
	double support;
	size_t matched[32];          /* indices of the rules that held (the first 32) */
	size_t nmatched;
};

/* Evaluates every rule on target t of r. An indicator condition uses the latest year of the
 * indicator; gdp_per_head (yuan per person: gdp * 1e8 / pop_resident) and pop_density
 * (persons per km2) are derived from the latest gdp, pop_resident and land_area. A condition
 * on a missing indicator does not hold. */
void score_target_needs(const struct score_table *st, const struct registry *r, size_t t,
			struct score_needs *out);
/* The value an indicator condition reads (NAN when missing); public for tests and reports. */
double score_indicator(const struct registry *r, size_t t, const char *name);

/* Why a unit scores what it scores at a target in a role. */
struct score_breakdown {
	double fit[SCORE_NDIM];      /* strength (0/1) x need, per dimension */
	double fit_total;
	double lead_weight;          /* leads only */
	double continuity;           /* previous round's pairing kept */
	double member_cost;          /* members only, as a negative number */
	double keep;                 /* repair: the pair is in the current formation */
	double total;
};

/* The role (ROLE_LEAD, ROLE_MEMBER) unit u had in target t's group of round prev, or -1
 * (also when prev is REG_NONE). */
int score_previous_role(const struct registry *r, size_t prev, size_t t, size_t u);
/* The round that started last before round (REG_NONE if none). */
size_t score_previous_round(const struct registry *r, size_t round);
/* The score of unit u at a target with needs n in role (ROLE_LEAD or ROLE_MEMBER); prev_role
 * from score_previous_role; keep: the pair is in the current formation with this role. */
void score_pair(const struct score_table *st, const struct bf_unit *u,
		const struct score_needs *n, int role, int prev_role, bool keep,
		struct score_breakdown *out);
/* The same score without the breakdown, fast enough for every unit x target pair of a
 * national round: score_unit_mask (the unit's strengths as bits, bit d = model_strengths[d])
 * once per unit, score_fit (the fit of those strengths at a target: Σ need over the bits, in
 * dimension order, so it equals score_pair's fit_total exactly) once per strength set and
 * target, score_total the pair's total as score_pair adds it up. */
unsigned score_unit_mask(const struct bf_unit *u);
double score_fit(const struct score_needs *n, unsigned mask);
double score_total(const struct score_table *st, const struct bf_unit *u, double fit, int role,
		   int prev_role, bool keep);
/* Whether unit u may lead (its category has a lead: row). */
bool score_can_lead(const struct score_table *st, const struct bf_unit *u);
/* The target's marginal bonuses bonus[0..member_max): base bonus x (1 + support), support
 * floored at -1, so they stay non-increasing. */
void score_target_bonus(const struct score_table *st, const struct score_needs *n,
			double *bonus);

#endif
