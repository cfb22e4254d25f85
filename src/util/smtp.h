/* smtp: hands one e-mail to a mail server with libcurl's SMTP (smtp:// or smtps://; STARTTLS
 * when the server offers it), bounded by a timeout, with the server's or libcurl's reason on a
 * failure. No domain here: the message is made by util/mail and the caller. */
#ifndef BF_SMTP_H
#define BF_SMTP_H
#include <stdatomic.h>
#include <stddef.h>
#include "util/err.h"

struct smtp_server {
	const char *url;       /* smtp://HOST:PORT or smtps://HOST:PORT */
	const char *from;      /* the envelope sender, an address */
	const char *user;      /* login, or NULL/"" for none */
	const char *password;  /* with user */
	long timeout;          /* seconds for the whole message, and for each reply */
	const atomic_bool *cancel; /* NULL, or set by another thread to give up at once */
};

/* Sends msg (a whole RFC 5322 message, CRLF line ends) to the address to. BF_EIO with the
 * reason (connection refused, the server's reply to RCPT TO, a timeout ...) on failure. */
enum bf_status smtp_send(const struct smtp_server *srv, const char *to, const char *msg,
			 size_t len, struct bf_err *err);

#endif
