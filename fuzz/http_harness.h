/* http_harness: the whole server in process for the HTTP fuzzers (fuzz_cookie, fuzz_multipart):
 * a database with the bundled data and one signed-in admin, and bangfu's libmicrohttpd daemon
 * without a listening socket. harness_request() hands it one connection (a socket pair), sends
 * the request, reads the answer to its end and returns its status code; an answer that never
 * comes within 10 s is a hang, reported as a crash. */
#ifndef BF_FUZZ_HTTP_HARNESS_H
#define BF_FUZZ_HTTP_HARNESS_H
#include "app/auth.h"
#include "app/init.h"
#include "http/http.h"
#include "app/app.h"
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static struct MHD_Daemon *harness_daemon;
static struct app_server_config harness_cfg;
static char harness_token[AUTH_TOKEN_LEN], harness_csrf[65];

static char harness_dir[] = "/tmp/bangfu-fuzz-XXXXXX", harness_db[64];

static void harness_clean(void)
{
	char p[96];
	const char *ext[] = { "", "-wal", "-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", harness_db, ext[i]);
		unlink(p);
	}
	rmdir(harness_dir);
}

static void harness_start(void)
{
	char *dir = harness_dir, *db = harness_db;
	char pw[INIT_PASSWORD_LEN + 1];
	struct import_result res = { 0 };
	struct auth_session ses;
	struct auth_policy pol = { 1800, 43200, 10 };
	struct app *s = NULL;
	struct bf_err err;
	int64_t retry;

	bf_err_init(&err);
	if (!auth_init() || !mkdtemp(dir))
		abort();
	snprintf(db, sizeof harness_db, "%s/bangfu.db", dir);
	atexit(harness_clean);
	if (init_database(db, false, true, &res, pw, &err) || app_open(db, false, &s, &err) ||
	    auth_login(s, "admin", pw, "127.0.0.1", (int64_t)time(NULL), &pol, &ses, &retry, &err)) {
		fprintf(stderr, "harness: %s\n", bf_err_msg(&err));
		abort();
	}
	app_close(s);
	snprintf(harness_token, sizeof harness_token, "%s", ses.token);
	snprintf(harness_csrf, sizeof harness_csrf, "%s", ses.csrf);
	harness_cfg = (struct app_server_config){ .db = db, .threads = 1, .session_idle = 1800,
					    .session_max = 43200, .body_limit = 1 << 20,
					    .request_timeout = 10, .max_connections = 64,
					    .per_address = 64, .sessions_per_account = 10,
					    .answer_cache = 1 << 20, .end_window = 90 };
	harness_daemon = http_start_unlistened(&harness_cfg, fopen("/dev/null", "w"));
	if (!harness_daemon)
		abort();
}

/* Sends the request (head, then n bytes of body) and returns the answer's status code. */
static int harness_request(const char *head, const uint8_t *body, size_t n)
{
	struct sockaddr_in peer = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(0x7f000001) };
	struct timeval tv = { 10, 0 };
	char buf[4096];
	int sv[2], status = 0;
	ssize_t got;
	size_t total = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		abort();
	setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	if (MHD_add_connection(harness_daemon, sv[0], (struct sockaddr *)&peer, sizeof peer) != MHD_YES)
		abort();
	if (write(sv[1], head, strlen(head)) < 0 || (n && write(sv[1], body, n) < 0))
		; /* the server may close early: its answer is read below all the same */
	shutdown(sv[1], SHUT_WR);
	while ((got = read(sv[1], buf, sizeof buf - 1)) > 0) {
		buf[got] = '\0';
		if (total == 0 && got > 12)
			status = atoi(buf + 9);
		total += (size_t)got;
	}
	if (got < 0) {
		fprintf(stderr, "harness: no answer within 10 s\n");
		abort();
	}
	close(sv[1]);
	return status;
}
/* libFuzzer's start-up hook: the server and the signed-in admin, once per process. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	harness_start();
	return 0;
}

#endif
