/* registry: every record of the database in memory, sorted by key, with references resolved
 * to array indices and the inverse relations (a group's members and cadres, a unit's
 * memberships, a target's groups) as buckets. The rules and reports read it; nothing here
 * writes anywhere. One arena owns every string. */
#ifndef BF_REGISTRY_H
#define BF_REGISTRY_H
#include "core/model.h"
#include "util/arena.h"

#define REG_NONE ((size_t)-1)

/* Items of one relation, grouped by the index of their parent: the items of parent p are
 * items[off[p] .. off[p+1]), in key order. */
struct bucket {
	size_t *off;
	size_t *items;
};

struct registry {
	struct arena arena;
	struct bf_round *rounds;
	struct bf_target *targets;
	struct bf_unit *units;
	struct bf_group *groups;
	struct bf_member *members;
	struct bf_cadre *cadres;
	struct bf_indicator *indicators;
	size_t nrounds, ntargets, nunits, ngroups, nmembers, ncadres, nindicators;
	size_t caps[7];
	struct bucket group_members; /* by group: indices into members */
	struct bucket group_cadres;  /* by group: indices into cadres */
	struct bucket unit_members;  /* by unit: indices into members */
	struct bucket unit_cadres;   /* by unit: indices into cadres */
	struct bucket target_groups; /* by target: indices into groups */
	struct bucket target_indicators; /* by target: indices into indicators */
};

void registry_init(struct registry *r);
void registry_release(struct registry *r);
/* Appends an empty record of type t and returns it (valid until the next add). */
void *registry_add(struct registry *r, const struct record_type *t);
/* The array and count of type t. */
void *registry_items(const struct registry *r, const struct record_type *t, size_t *n);
/* Sorts every relation by key, resolves references and builds the buckets. Records whose
 * reference is unknown get REG_NONE (the store's foreign keys make that impossible). */
void registry_index(struct registry *r);

/* For edits in place (core/delta): registry_index without the sort (the arrays must be sorted
 * already), the buckets named by which (REG_B_* bits) rebuilt from the resolved indices, a slot
 * opened at index i of type t (the records from i on move up; returns it, cleared), the record
 * at i removed (the ones after it move down), and the key order the arrays are sorted in. */
enum {
	REG_B_GROUP_MEMBERS = 1, REG_B_GROUP_CADRES = 2, REG_B_UNIT_MEMBERS = 4,
	REG_B_UNIT_CADRES = 8, REG_B_TARGET_GROUPS = 16, REG_B_TARGET_INDICATORS = 32,
	REG_B_ALL = 63
};
void registry_reindex(struct registry *r);
/* Sets every cadre's successor_ix again (as registry_index does), from resolved indices. */
void registry_link_successors(struct registry *r);
void registry_rebuild(struct registry *r, unsigned which);
void *registry_insert_at(struct registry *r, const struct record_type *t, size_t i);
void registry_remove_at(struct registry *r, const struct record_type *t, size_t i);
int registry_cmp(const struct record_type *t, const void *a, const void *b);

size_t registry_find_round(const struct registry *r, const char *name);
size_t registry_find_target(const struct registry *r, const char *adcode);
size_t registry_find_unit(const struct registry *r, const char *code);
size_t registry_find_group(const struct registry *r, const char *id);
size_t registry_find_cadre(const struct registry *r, const char *id);
/* The index of the record of type t whose key, formatted as "a,b" (the key fields joined by
 * commas, as model_field_format writes them), is key; REG_NONE if there is none. A binary
 * search: keys hold no commas (model_check_*). */
size_t registry_find_key(const struct registry *r, const struct record_type *t, const char *key);
/* The round that contains day, else the one that started last before it, else the first;
 * REG_NONE if there are no rounds. */
size_t registry_current_round(const struct registry *r, bf_day day);
/* Whether b can succeed a: both of the same unit, in groups of the same target (both must
 * be resolved: registry_index). */
bool registry_same_post(const struct registry *r, const struct bf_cadre *a,
			const struct bf_cadre *b);
/* The lead membership of a group (the first if several), or REG_NONE. */
size_t registry_group_lead(const struct registry *r, size_t g);
/* The role of unit u in group g, or -1 if the unit is not a member. */
int registry_member_role(const struct registry *r, size_t g, size_t u);

#endif
