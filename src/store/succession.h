/* succession: the one cadre a predecessor check needs, looked up by key (indexed: the cost
 * does not grow with the registry). */
#ifndef BF_STORE_SUCCESSION_H
#define BF_STORE_SUCCESSION_H
#include "core/rules.h"
#include "store/store.h"

/* Fills out with cadre id's unit, its group's target and its predecessor (pointers into
 * buffers of s, valid until the next call); false when there is no such cadre (or on a
 * database error, which the write or import then meets itself). */
bool store_cadre_post(struct store *s, const char *id, struct rules_post *out);
/* The target of group id, copied into out (NULL when there is no such group). */
const char *store_group_target(struct store *s, const char *id, char *out, size_t n);
/* The id of a cadre other than id that names pred as its predecessor, copied into out (NULL
 * if none): a post is taken over by one successor. Indexed (cadre_predecessor). */
const char *store_other_successor(struct store *s, const char *pred, const char *id, char *out,
				  size_t n);
/* A rules_post_fn over the store (ctx: the struct store). */
bool store_cadre_post_fn(void *ctx, const char *id, struct rules_post *out);

#endif
