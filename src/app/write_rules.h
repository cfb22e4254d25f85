/* write_rules: the rule findings a batch of writes can change, judged without judging the
 * whole round (app/write). From the changes and the registry before them it gathers the
 * records whose findings can differ (the targets, groups, units and cadres a change touches
 * or whose messages name a changed record); the findings of those alone, before and after,
 * decide whether a batch breaks a rule, and a round's full check after the batch is the one
 * before with those records' findings replaced. The property test (tests/unit/test_writes.c)
 * holds both to what judging the whole registry says. */
#ifndef BF_WRITE_RULES_H
#define BF_WRITE_RULES_H
#include "app/write.h"
#include "core/rules.h"

struct wrules;

/* On the registry before the batch (its buckets up to date). */
struct wrules *wrules_new(const struct registry *before, const struct write_change *c,
			  size_t n);
void wrules_free(struct wrules *w);
/* Whether the batch changes a round: then every record is affected. */
bool wrules_all(const struct wrules *w);

/* The findings of the affected records in round round_ix of r, appended to out in the
 * order rules_check lists them. */
void wrules_findings(const struct wrules *w, const struct registry *r, size_t round_ix,
		     bf_day day, const struct rules_opts *ro, struct violations *out);

/* A round's full findings before the batch (full, judged on before) less the affected
 * records' findings: kept for wrules_splice. */
struct wrules_kept;
struct wrules_kept *wrules_keep(const struct wrules *w, const struct registry *before,
				const struct violations *full);
void wrules_kept_free(struct wrules_kept *k);
/* The round's full findings after the batch (on after, the same round): the kept ones and
 * the affected records' findings now, in rules_check's order, into out (fresh). */
void wrules_splice(const struct wrules *w, const struct wrules_kept *k,
		   const struct registry *after, size_t round_ix, bf_day day,
		   const struct rules_opts *ro, struct violations *out);

#endif
