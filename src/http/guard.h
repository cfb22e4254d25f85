/* guard: the server's defences at the connection level, against clients that hold connections
 * without sending requests (slowloris). Every connection is tracked from accept to close:
 * at most `per_address` at once from one address (the extra ones are closed at once), and
 * each request must arrive in full by a deadline: its headers within `timeout` seconds of
 * the connection's start or of the previous answer (an idle keep-alive connection is closed
 * then too, as Apache's KeepAliveTimeout does), its body at GUARD_MIN_RATE bytes per second
 * or faster after that. The main thread sweeps the deadlines (guard_sweep) and ends a late
 * connection with shutdown(2), which libmicrohttpd sees as the client leaving. A connection
 * whose request is being answered has no deadline. Every refusal is logged with its reason
 * through the logger given to guard_init. */
#ifndef BF_HTTP_GUARD_H
#define BF_HTTP_GUARD_H
#include <microhttpd.h>
#include <stdint.h>

#define GUARD_MIN_RATE 65536

/* event: "connection_refused", "request_timeout"; reason: a sentence. */
typedef void guard_log_fn(const char *event, const char *address, const char *reason);

void guard_init(long per_address, long timeout_s, guard_log_fn *log);
/* libmicrohttpd's MHD_OPTION_NOTIFY_CONNECTION callback. */
void guard_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		  enum MHD_ConnectionNotificationCode toe);
/* The headers of a request are in; body_len bytes of body are to come (0: none). */
void guard_headers(struct MHD_Connection *c, uint64_t body_len);
/* The request is in full and being answered: no deadline until guard_idle. */
void guard_busy(struct MHD_Connection *c);
/* The request was answered: the next one must arrive within the timeout. */
void guard_idle(struct MHD_Connection *c);
/* Ends the connections past their deadline (the main thread, every 100 ms or so). */
void guard_sweep(void);
/* The numbers of connections open now and refused or timed out since the start. */
void guard_counts(long *open, long *refused, long *timed_out);
/* The client address of c as text ("?" when unknown); IPv4-mapped IPv6 as plain IPv4. */
void guard_address(struct MHD_Connection *c, char *out, size_t n);
#endif
