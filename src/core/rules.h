/* rules: the programme's rules (S3, S5, S6, S7, S8) checked on a registry for one round and
 * one day. A violation names the record and says how to fix it. Violations are findings, not
 * errors: a round in preparation is allowed to be incomplete. Pure: no I/O. */
#ifndef BF_RULES_H
#define BF_RULES_H
#include "core/registry.h"

struct rule_info {
	const char *tag;      /* stable: used by tests, the API and the UI */
	const char *source;   /* the brief's fact, e.g. "S3" */
	const char *title_zh;
	const char *title_en;
};

extern const struct rule_info rules_table[];
extern const size_t rules_count;

struct violation {
	size_t rule;          /* index into rules_table */
	const char *subject;  /* "target", "group", "unit" or "cadre" */
	char *key;            /* the subject's key */
	char *message;        /* in English */
	char *message_zh;     /* the same in Chinese */
	/* a rule break, not mere incompleteness: a unit over capacity, a second lead. A write
	 * that adds one is refused (app/write); the web UI blocks a save on it. */
	bool blocking;
};

struct violations {
	struct violation *items;
	size_t n, cap;
	unsigned judged;      /* bit per rule that rules_check evaluated (see rules_check) */
};

/* How the rules read the round's edges. */
struct rules_opts {
	/* A term that ends in the round's last end_window days needs no successor inside the
	 * round: its post counts as filled to the round's end, and its leaving is no rotation
	 * (the round ends). 0: no window. */
	long end_window;
};

#define RULES_END_WINDOW_DEFAULT 90L
#define RULES_END_WINDOW_MAX 3650L

void violations_init(struct violations *v);
void violations_release(struct violations *v);

/* Runs the rules for round round_ix as of day, appending to out in rule order; opts NULL
 * means the defaults. On a day inside the round every rule is judged; on a day outside it
 * only the rules that do not count who is on post (coverage, group shape, capacity, the
 * length and start of terms): cadre-quota, rotation-continuity and the successor part of
 * term are then left out, and out->judged says which rules were judged. */
void rules_check(const struct registry *r, size_t round_ix, bf_day day,
		 const struct rules_opts *opts, struct violations *out);
/* Whether round_ix is in progress on day (start <= day <= end). */
bool rules_round_live(const struct registry *r, size_t round_ix, bf_day day);
/* One cadre as the succession rule sees it: its unit, the target of its group, whom it names
 * as predecessor (NULL: nobody). */
struct rules_post {
	const char *id, *unit, *target, *predecessor;
};
/* Looks up cadre id (as the database holds it now); false if there is none. The strings may
 * live only until the next call. */
typedef bool (*rules_post_fn)(void *ctx, const char *id, struct rules_post *out);

/* Whether cadre c may name c->predecessor (S7: a successor takes over a post): that cadre is
 * of the same unit and serves the same target, and following the predecessors from it never
 * comes back to c (no cycle). On false, why says so in English and why_zh in Chinese; a
 * predecessor that does not exist and one of another unit or target get the same words, so
 * the answer does not tell whether a cadre id exists elsewhere. */
bool rules_predecessor_ok(const struct rules_post *c, rules_post_fn lookup, void *ctx,
			  struct buf *why, struct buf *why_zh);

/* The findings rules_check makes while it looks at one record of round round_ix (app/write
 * judges only the records a write can change): a target's coverage; a group's shape, quota
 * (with the cadres serving in it for a unit that is not its member) and continuity; a unit's
 * capacity; a cadre's term. Each rule's findings come in rules_check's order when the records
 * are taken in key order. */
enum rules_subject { RULES_TARGET, RULES_GROUP, RULES_UNIT, RULES_CADRE };
void rules_check_one(const struct registry *r, size_t round_ix, bf_day day,
		     const struct rules_opts *opts, enum rules_subject kind, size_t i,
		     struct violations *out);
/* Index of a rule by tag, or -1. */
int rules_find(const char *tag);

#endif
