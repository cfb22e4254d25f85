/* delta: edits of a loaded registry in place (put a record: replace the one with its key or
 * insert it; remove one) that leave it as registry_index() would after loading the same
 * records: sorted by key, references resolved, buckets built. Each edit is logged, and
 * delta_undo puts everything back. The server's snapshot takes a write this way instead of
 * loading the database again.
 * Costs: finding a key and replacing a record that keeps its references is a binary search;
 * a changed reference, an insert or a removal also moves the array's tail and renumbers the
 * indices pointing into that type (memory moves and integer compares, no strings), and marks
 * the buckets it touches, which delta_refresh rebuilds (once for many edits) before they are
 * read. Removing a record that others still refer to (legal inside a transaction whose foreign
 * keys are checked at commit) makes every later edit re-resolve the whole registry: exact,
 * slow, and rare. Pure: no I/O. */
#ifndef BF_DELTA_H
#define BF_DELTA_H
#include <stdbool.h>
#include "core/registry.h"

#define DELTA_REC_MAX 256 /* bytes: the largest record type fits */

struct delta_op;

struct delta {
	struct delta_op *ops;  /* the undo log */
	size_t n, cap;
	unsigned dirty;        /* REG_B_* buckets out of date */
	bool dangling;         /* a removed record was still referred to */
	bool relinked;         /* successors were linked again (who succeeds whom may differ) */
	size_t bytes;          /* string bytes copied into the registry's arena */
};

void delta_init(struct delta *d);
void delta_release(struct delta *d);
/* Forgets the log (the edits stay): after a commit. */
void delta_keep(struct delta *d);

/* Puts rec (its strings are copied into r's arena): replaces the record with the same key, or
 * inserts it. Returns its index. */
size_t delta_put(struct delta *d, struct registry *r, const struct record_type *t,
		 const void *rec);
/* Removes the record of type t at index i. */
void delta_remove(struct delta *d, struct registry *r, const struct record_type *t, size_t i);
/* Rebuilds the out-of-date buckets among which (REG_B_* bits). */
void delta_refresh(struct delta *d, struct registry *r, unsigned which);
/* Reverts every logged edit, newest first, and empties the log. */
void delta_undo(struct delta *d, struct registry *r);

#endif
