/* mhd_ceiling: the ceiling for bench/http. A minimal libmicrohttpd server with the daemon
 * settings of `bangfu serve` (src/http/server.c: MHD_USE_INTERNAL_POLLING_THREAD |
 * MHD_USE_EPOLL, a thread pool of one thread per core, 60 s connection timeout), answering
 * every GET with one fixed JSON body: no routing, no session, no database, no access log.
 * What bangfu reaches on the same machine in the same run, divided by what this reaches, is
 * the share of the library's speed that bangfu keeps.
 *
 * Usage: mhd_ceiling PORT BODY
 *   PORT  TCP port on 127.0.0.1 (0: a free one; the port is printed on stderr as
 *         "mhd_ceiling: serving N bytes on http://127.0.0.1:PORT/", like bangfu serve)
 *   BODY  a file whose bytes are the body (e.g. a saved GET /api/v1/targets response), or a
 *         number of bytes: a JSON document of exactly that size is made up
 * Stops on SIGINT or SIGTERM.
 *
 * The response is queued on the second call of the access handler, never on the first: with
 * libmicrohttpd 0.9.75, queuing on the first call makes it send `Connection: close` on every
 * response (notes/dependencies.md), which would make the ceiling a floor.
 *
 * Build: cc -O2 -o build/bench/mhd_ceiling bench/mhd_ceiling.c \
 *            $(pkg-config --cflags --libs libmicrohttpd)
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <microhttpd.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct MHD_Response *response;	/* one response, shared by every request */
static struct MHD_Response *not_allowed;
static int marker;			/* *req_cls after the first call */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **req_cls)
{
	(void)cls;
	(void)url;
	(void)version;
	(void)upload;
	if (*req_cls == NULL) {		/* first call: headers only */
		*req_cls = &marker;
		return MHD_YES;
	}
	if (*upload_size) {		/* drain any body */
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return MHD_queue_response(conn, MHD_HTTP_METHOD_NOT_ALLOWED, not_allowed);
	return MHD_queue_response(conn, MHD_HTTP_OK, response);
}

/* The body: the file's bytes, or N bytes of made-up JSON ({"items":["xxx..."]}). */
static char *make_body(const char *arg, size_t *len)
{
	char *end, *b;
	unsigned long long n;
	FILE *f;
	long sz;

	errno = 0;
	n = strtoull(arg, &end, 10);
	if (*arg && !*end && !errno) {
		static const char head[] = "{\"items\":[\"", tail[] = "\"]}";
		size_t fixed = sizeof head - 1 + sizeof tail - 1;
		if (n < fixed || n > (1ull << 30)) {
			fprintf(stderr, "mhd_ceiling: BODY size must be %zu..%llu bytes\n", fixed,
				1ull << 30);
			return NULL;
		}
		if (!(b = malloc(n)))
			return NULL;
		memcpy(b, head, sizeof head - 1);
		memset(b + sizeof head - 1, 'x', n - fixed);
		memcpy(b + n - (sizeof tail - 1), tail, sizeof tail - 1);
		*len = n;
		return b;
	}
	if (!(f = fopen(arg, "rb"))) {
		fprintf(stderr, "mhd_ceiling: %s: %s\n", arg, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(b = malloc(sz ? (size_t)sz : 1)) || fread(b, 1, (size_t)sz, f) != (size_t)sz) {
		fprintf(stderr, "mhd_ceiling: %s: cannot read\n", arg);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = (size_t)sz;
	return b;
}

int main(int argc, char **argv)
{
	static const char na[] = "{\"error\":\"method not allowed\"}";
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	sigset_t set;
	long port, cores = sysconf(_SC_NPROCESSORS_ONLN);
	char *end, *body;
	size_t len = 0;
	int sig;

	if (argc != 3) {
		fprintf(stderr, "usage: mhd_ceiling PORT BODY-FILE|BODY-BYTES\n");
		return 2;
	}
	port = strtol(argv[1], &end, 10);
	if (!*argv[1] || *end || port < 0 || port > 65535) {
		fprintf(stderr, "mhd_ceiling: PORT must be 0..65535\n");
		return 2;
	}
	if (!(body = make_body(argv[2], &len)))
		return 2;
	response = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	not_allowed = MHD_create_response_from_buffer(sizeof na - 1, (void *)na,
						      MHD_RESPMEM_PERSISTENT);
	if (!response || !not_allowed)
		return 1;
	MHD_add_response_header(response, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(not_allowed, "Content-Type", "application/json; charset=utf-8");

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

	/* as bangfu: block the signals in every thread, wait for them in main */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
			     0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, &sa,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cores > 0 ? cores : 1),
			     MHD_OPTION_CONNECTION_TIMEOUT, 60u, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "mhd_ceiling: cannot listen on 127.0.0.1:%ld\n", port);
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "mhd_ceiling: serving %zu bytes on http://127.0.0.1:%u/ (%ld threads)\n",
		len, info ? info->port : (unsigned)port, cores > 0 ? cores : 1);
	fflush(stderr);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	MHD_destroy_response(response);
	MHD_destroy_response(not_allowed);
	fprintf(stderr, "mhd_ceiling: stopped\n");
	return 0;
}
