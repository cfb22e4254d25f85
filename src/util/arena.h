/* arena: a bump allocator for many small objects that die together (a loaded registry, one
 * request). Memory is released only by arena_release. */
#ifndef BF_ARENA_H
#define BF_ARENA_H
#include <stddef.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};

void arena_init(struct arena *a);
void arena_release(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);   /* zeroed, aligned to 16 */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s); /* NULL stays NULL */

#endif
