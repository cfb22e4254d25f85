/* xalloc: the one allocation wrapper family. Every heap allocation in bangfu goes through
 * here; on exhaustion it aborts with a message (out of memory is not a recoverable error). */
#ifndef BF_XALLOC_H
#define BF_XALLOC_H
#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows *p (an array of *cap elements of elsize bytes) so that it holds at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t elsize);

#endif
