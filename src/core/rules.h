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
};

struct violations {
	struct violation *items;
	size_t n, cap;
};

void violations_init(struct violations *v);
void violations_release(struct violations *v);

/* Runs every rule for round round_ix as of day, appending to out in rule order. */
void rules_check(const struct registry *r, size_t round_ix, bf_day day, struct violations *out);
/* Index of a rule by tag, or -1. */
int rules_find(const char *tag);

#endif
