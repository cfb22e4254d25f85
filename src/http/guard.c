/* guard: connection limits per address and request deadlines; see guard.h. */
#include "http/guard.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define PEER_BUCKETS 1024

/* The addresses with connections open now: entries live only while a connection does, so the
 * table is as large as the number of open connections at most. */
struct peer {
	struct peer *next;
	char addr[64];
	long open;
};

struct tracked {
	struct tracked *prev, *next;
	struct peer *peer;
	int fd;
	long long deadline_ms; /* 0: none (being answered) */
	bool ended;            /* shut down by the guard */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct tracked *head;
static struct peer *peers[PEER_BUCKETS];
static long per_address = 64, timeout_ms = 10000;
static guard_log_fn *logger;
static long n_open, n_refused, n_timed_out;
/* Refusals are logged at most once a second, with the number since the last line, so that a
 * flood of connections cannot flood the log. */
static long refused_unlogged;
static long long refused_logged_ms;

void guard_init(long per_addr, long timeout_s, guard_log_fn *log)
{
	per_address = per_addr;
	timeout_ms = timeout_s * 1000;
	logger = log;
}

void guard_address(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, n, "?");
	if (sa && sa->sa_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
	} else if (sa && sa->sa_family == AF_INET6) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(a)) /* a dual-stack socket's IPv4 client */
			inet_ntop(AF_INET, &a->s6_addr[12], out, (socklen_t)n);
		else
			inet_ntop(AF_INET6, a, out, (socklen_t)n);
	}
}

static struct peer *peer_of(const char *addr, bool create)
{
	size_t h = 5381;
	struct peer **pp, *p;

	for (const char *s = addr; *s; s++)
		h = h * 33 + (unsigned char)*s;
	for (pp = &peers[h % PEER_BUCKETS]; (p = *pp); pp = &p->next)
		if (strcmp(p->addr, addr) == 0)
			return p;
	if (!create)
		return NULL;
	p = xcalloc(1, sizeof *p);
	snprintf(p->addr, sizeof p->addr, "%s", addr);
	p->next = peers[h % PEER_BUCKETS];
	peers[h % PEER_BUCKETS] = p;
	return p;
}

static void peer_drop(struct peer *gone)
{
	size_t h = 5381;
	for (const char *s = gone->addr; *s; s++)
		h = h * 33 + (unsigned char)*s;
	for (struct peer **pp = &peers[h % PEER_BUCKETS]; *pp; pp = &(*pp)->next)
		if (*pp == gone) {
			*pp = gone->next;
			free(gone);
			return;
		}
}

static void log_refused(const char *addr, long long now)
{
	char reason[200];
	if (now - refused_logged_ms < 1000) {
		refused_unlogged++;
		return;
	}
	snprintf(reason, sizeof reason, "more than %ld connections at once from this address "
		 "(%ld more refused in the last second, from any address)", per_address,
		 refused_unlogged);
	refused_unlogged = 0;
	refused_logged_ms = now;
	if (logger)
		logger("connection_refused", addr, reason);
}

static void started(struct MHD_Connection *c, void **ctx)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct tracked *t = xcalloc(1, sizeof *t);
	char addr[64];
	long long now = date_monotonic_ms();

	guard_address(c, addr, sizeof addr);
	t->fd = ci ? ci->connect_fd : -1;
	t->deadline_ms = now + timeout_ms;
	pthread_mutex_lock(&lock);
	t->peer = peer_of(addr, true);
	t->next = head;
	if (head)
		head->prev = t;
	head = t;
	n_open++;
	if (++t->peer->open > per_address && t->fd >= 0) {
		/* libmicrohttpd sees the end of the stream and closes the connection at once */
		shutdown(t->fd, SHUT_RDWR);
		t->ended = true;
		n_refused++;
		log_refused(addr, now);
	}
	pthread_mutex_unlock(&lock);
	*ctx = t;
}

/* Under the lock; called before libmicrohttpd closes the socket, so that the sweeper never
 * shuts down a descriptor that was closed and reused. */
static void closed(struct tracked *t)
{
	if (t->prev)
		t->prev->next = t->next;
	else
		head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	if (--t->peer->open == 0)
		peer_drop(t->peer);
	n_open--;
	free(t);
}

void guard_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		  enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		started(c, socket_context);
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
		pthread_mutex_lock(&lock);
		closed(*socket_context);
		pthread_mutex_unlock(&lock);
		*socket_context = NULL;
	}
}

static void set_deadline(struct MHD_Connection *c, long long deadline)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct tracked *t = ci ? ci->socket_context : NULL;
	if (!t)
		return;
	pthread_mutex_lock(&lock);
	t->deadline_ms = deadline;
	pthread_mutex_unlock(&lock);
}

void guard_headers(struct MHD_Connection *c, uint64_t body_len)
{
	uint64_t body_ms = body_len / (GUARD_MIN_RATE / 1000);
	set_deadline(c, body_len ? date_monotonic_ms() + timeout_ms +
					   (long long)(body_ms < 86400000 ? body_ms : 86400000)
				 : 0);
}

void guard_busy(struct MHD_Connection *c)
{
	set_deadline(c, 0);
}

void guard_idle(struct MHD_Connection *c)
{
	set_deadline(c, date_monotonic_ms() + timeout_ms);
}

void guard_sweep(void)
{
	long long now = date_monotonic_ms();
	long ended = 0;
	char addr[64] = "";

	pthread_mutex_lock(&lock);
	for (struct tracked *t = head; t; t = t->next)
		if (!t->ended && t->deadline_ms && now > t->deadline_ms && t->fd >= 0) {
			shutdown(t->fd, SHUT_RDWR);
			t->ended = true;
			if (!ended++)
				snprintf(addr, sizeof addr, "%s", t->peer->addr);
		}
	n_timed_out += ended;
	pthread_mutex_unlock(&lock);
	if (ended && logger) {
		char reason[200];
		snprintf(reason, sizeof reason, "%ld connection%s closed: the request did not arrive "
			 "in full within %ld s (the address is the first one's)", ended,
			 ended == 1 ? "" : "s", timeout_ms / 1000);
		logger("request_timeout", addr, reason);
	}
}

void guard_counts(long *open, long *refused, long *timed_out)
{
	pthread_mutex_lock(&lock);
	*open = n_open;
	*refused = n_refused;
	*timed_out = n_timed_out;
	pthread_mutex_unlock(&lock);
}
