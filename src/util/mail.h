/* mail: an e-mail message in UTF-8 (RFC 5322 with MIME, RFC 2045-2047): the subject as
 * RFC 2047 encoded words (base64, each of whole UTF-8 characters, folded), the body text/plain;
 * charset=UTF-8 in base64 lines of 76, CRLF line ends everywhere. Addresses go in as they are:
 * the caller checks them (no line breaks or brackets may reach a header). */
#ifndef BF_MAIL_H
#define BF_MAIL_H
#include <stddef.h>
#include <time.h>
#include "util/buf.h"

struct mail {
	const char *from, *to;
	const char *subject;     /* UTF-8 */
	const char *body;        /* UTF-8, '\n' line ends */
	const char *message_id;  /* without the brackets: digest.NAME.DAY@bangfu */
	time_t date;
};

/* The whole message into out. */
void mail_compose(const struct mail *m, struct buf *out);
/* text as RFC 2047 encoded words "=?UTF-8?B?...?=" of at most 75 characters each, joined by
 * CRLF and a space (a folded header); plain ASCII without specials is written as it is. */
void mail_header_words(const char *text, struct buf *out);
/* The base64 of p (n bytes) in lines of at most 76 characters, each ended by CRLF. */
void mail_base64_lines(const void *p, size_t n, struct buf *out);

#endif
