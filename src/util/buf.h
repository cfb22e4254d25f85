/* buf: a growable, always NUL-terminated byte buffer (after git's strbuf, curl's dynbuf).
 * Invariant: data[len] == '\0' once anything was appended; an initialised empty buf has
 * data == NULL, and buf_cstr() returns "" for it. The buf owns data. */
#ifndef BF_BUF_H
#define BF_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
const char *buf_cstr(const struct buf *b);
/* Hands data to the caller (who frees it) and leaves b empty. Never NULL. */
char *buf_detach(struct buf *b);

#endif
