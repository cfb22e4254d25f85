/* server: libmicrohttpd daemon, requests, sessions, CSRF, access log; see http.h.
 * A response is queued on the second call of the access handler or later, never on the first
 * (notes/dependencies.md: queuing on the first makes 0.9.75 close every connection). */
#include "http/http.h"
#include "util/date.h"
#include "util/xalloc.h"
#include <microhttpd.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include "util/text.h"
#include <time.h>

#define MAX_URL 8192

static const struct app_server_config *config;
static FILE *access_log;
static pthread_key_t app_key;

struct request {
	struct buf body;
	bool too_big;
	bool started;
	struct timespec t0;
	char id[17];
};

static void close_app(void *p)
{
	app_close(p);
}

/* This thread's handle (its database connection), opened on first use. */
static struct app *thread_app(struct bf_err *err)
{
	struct app *a = pthread_getspecific(app_key);
	if (!a && app_open(config->db, false, &a, err) == BF_OK)
		pthread_setspecific(app_key, a);
	return a;
}

int http_status_of(enum bf_status st)
{
	static const int map[] = {
		[BF_OK] = 200, [BF_EINPUT] = 400, [BF_ENOTFOUND] = 404, [BF_ECONFLICT] = 409,
		[BF_EIO] = 500, [BF_EDB] = 503, [BF_EUSAGE] = 400, [BF_EAUTH] = 401,
		[BF_EFORBIDDEN] = 403, [BF_ETOOMANY] = 429, [BF_EVIOLATION] = 422,
		[BF_EMETHOD] = 405,
	};
	return map[st];
}

void http_json(struct http_ctx *cx, int status, json_t *v)
{
	char *s = v ? json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
	if (!s) { /* a value jansson could not build: never answer "null" */
		status = 500;
		s = strdup("{\"error\":{\"code\":\"io_error\",\"message\":\"cannot encode the "
			   "answer\",\"field\":null}}");
	}
	cx->status = status;
	cx->content_type = "application/json; charset=utf-8";
	buf_reset(&cx->out);
	buf_adds(&cx->out, s ? s : "null");
	free(s);
	json_decref(v);
}

/* Messages may quote the request (a key, a parameter): cut to a sane length and made valid
 * UTF-8, or jansson would refuse the string. */
json_t *http_string(const char *s, size_t max)
{
	struct buf b = BUF_INIT;
	json_t *j;
	text_sanitize(s, max, &b);
	j = json_string(buf_cstr(&b));
	buf_release(&b);
	return j;
}

void http_error(struct http_ctx *cx, enum bf_status st, const char *message, const char *field)
{
	http_json(cx, http_status_of(st),
		  json_pack("{s:{s:s, s:o, s:o}}", "error", "code", bf_status_name(st), "message",
			    http_string(message, 2000), "field",
			    field ? http_string(field, 200) : json_null()));
}

void http_fail(struct http_ctx *cx, const struct bf_err *err)
{
	http_error(cx, err->status ? err->status : BF_EIO, bf_err_msg(err), NULL);
}

const char *http_arg(struct http_ctx *cx, const char *name)
{
	return MHD_lookup_connection_value(cx->conn, MHD_GET_ARGUMENT_KIND, name);
}

static const char *cookie_name(void)
{
	return config->behind_https ? "__Host-bangfu_session" : "bangfu_session";
}

/* Signs the request in from its session cookie, if any. */
static enum bf_status sign_in(struct http_ctx *cx, struct bf_err *err)
{
	const char *token = MHD_lookup_connection_value(cx->conn, MHD_COOKIE_KIND, cookie_name());
	struct auth_policy pol = { cx->cfg->session_idle, cx->cfg->session_max };
	enum bf_status rc = auth_session_check(cx->app, token, cx->now, &pol, &cx->session, err);
	if (!rc) {
		cx->signed_in = true;
		cx->who = auth_principal(&cx->session.account);
	}
	return rc;
}

static bool csrf_ok(struct http_ctx *cx)
{
	const char *h = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "X-CSRF-Token");
	size_t n = strlen(cx->session.csrf);
	return h && strlen(h) == n && n && sodium_memcmp(h, cx->session.csrf, n) == 0;
}

/* Everything between the route table and the handler: session, role, CSRF, snapshot. */
static void dispatch(struct http_ctx *cx)
{
	bool exists = false;
	const struct route *rt = http_route_find(cx->method, cx->path, &cx->param, &exists);
	struct bf_err err;

	bf_err_init(&err);
	if (!rt) {
		http_error(cx, exists ? BF_EMETHOD : BF_ENOTFOUND,
			   exists ? "method not allowed on this path" : "no such endpoint", NULL);
		if (exists)
			http_allowed_methods(cx->path, cx->allow, sizeof cx->allow);
		goto out;
	}
	if (!(cx->app = thread_app(&err))) {
		http_fail(cx, &err);
		goto out;
	}
	if (sign_in(cx, &err) && !(rt->flags & R_PUBLIC)) {
		http_fail(cx, &err);
		goto out;
	}
	if (!(rt->flags & R_PUBLIC) && rt->roles && !(rt->roles & (1u << cx->who.role))) {
		http_error(cx, BF_EFORBIDDEN, "your role may not do this", NULL);
		goto out;
	}
	if ((rt->flags & R_WRITE) && cx->signed_in && !csrf_ok(cx)) {
		http_error(cx, BF_EFORBIDDEN, "missing or wrong X-CSRF-Token header", NULL);
		goto out;
	}
	cx->route = rt;
	if (!http_route_prepare(cx)) /* the row's query parameters and body */
		goto out;
	if ((rt->flags & R_REGISTRY) && snapshot_get(cx->app, &cx->snap, &err)) {
		http_fail(cx, &err);
		goto out;
	}
	rt->handle(cx);
out:
	if (cx->snap)
		snapshot_put(cx->snap);
	cx->snap = NULL;
	json_decref(cx->json);
	cx->json = NULL;
	bf_err_release(&err);
}

static void client_address(struct MHD_Connection *conn, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, n, "?");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  (socklen_t)n);
}

/* One JSON string (quotes included) of untrusted text, for the log line. */
static void log_string(struct buf *line, const char *s, size_t max)
{
	size_t n = 0;
	json_t *j;

	while (s[n] && n < max && s[n] >= 0x20 && s[n] < 0x7f && s[n] != '"' && s[n] != '\\')
		n++;
	if (!s[n]) { /* plain ASCII, the usual case: nothing to escape */
		buf_addc(line, '"');
		buf_add(line, s, n);
		buf_addc(line, '"');
		return;
	}
	j = http_string(s, max);
	char *enc = json_dumps(j, JSON_ENCODE_ANY);
	buf_adds(line, enc ? enc : "null");
	free(enc);
	json_decref(j);
}

/* The access log is written in batches, as nginx's `access_log ... buffer= flush=` does: a
 * request thread only appends its line to a buffer in memory (under a lock); the main thread
 * swaps the buffer for an empty one every LOG_FLUSH_MS and writes it outside the lock, so no
 * request waits for the disk. Only when the buffer reaches LOG_BUFFER_MAX (a disk that cannot
 * keep up) does a request thread write it itself. Everything is written at shutdown. A write
 * per request cost about a third of the server's time on a cached read. */
#define LOG_BUFFER_MAX (4u << 20)
#define LOG_FLUSH_MS 100

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static struct buf log_buf, log_spare;

/* Main thread only (and after the daemon stopped). */
static void log_flush(void)
{
	struct buf out;

	pthread_mutex_lock(&log_lock);
	out = log_buf;
	log_buf = log_spare;
	pthread_mutex_unlock(&log_lock);
	if (out.len)
		fwrite(out.data, 1, out.len, access_log);
	buf_reset(&out);
	log_spare = out;
}

/* One JSON line per request, whole lines only: stderr is unbuffered, so no line is
 * ever half-written or mixed with another thread's. */
static void log_line(const struct request *rq, const struct http_ctx *cx)
{
	struct timespec t1;
	struct buf line = BUF_INIT;
	char when[21];

	clock_gettime(CLOCK_MONOTONIC, &t1);
	date_now_utc(when);
	buf_addf(&line, "{\"time\":\"%s\",\"id\":\"%s\",\"user\":", when, rq->id);
	if (cx->signed_in)
		log_string(&line, cx->session.account.name, 64);
	else
		buf_adds(&line, "null");
	buf_addf(&line, ",\"address\":\"%s\",\"method\":", cx->address);
	log_string(&line, cx->method, 32);
	buf_adds(&line, ",\"path\":");
	log_string(&line, cx->path, 300);
	buf_addf(&line, ",\"status\":%d,\"ms\":%.3f}\n", cx->status,
		 (double)(t1.tv_sec - rq->t0.tv_sec) * 1e3 +
			 (double)(t1.tv_nsec - rq->t0.tv_nsec) / 1e6);
	pthread_mutex_lock(&log_lock);
	buf_add(&log_buf, line.data, line.len);
	if (log_buf.len >= LOG_BUFFER_MAX) {
		fwrite(log_buf.data, 1, log_buf.len, access_log);
		buf_reset(&log_buf);
	}
	pthread_mutex_unlock(&log_lock);
	buf_release(&line);
}

static enum MHD_Result respond(struct MHD_Connection *conn, struct http_ctx *cx,
			    const struct request *rq)
{
	struct MHD_Response *res;
	enum MHD_Result r;
	size_t len = cx->out.len; /* an XLSX body holds NUL bytes */
	char *body = buf_detach(&cx->out);

	res = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(res, "Content-Type", cx->content_type ? cx->content_type
								       : "application/json");
	MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(res, "Content-Security-Policy",
				"default-src 'self'; frame-ancestors 'none'");
	MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(res, "Cache-Control", cx->etag ? "no-cache" : "no-store");
	MHD_add_response_header(res, "X-Request-Id", rq->id);
	if (cx->etag) {
		MHD_add_response_header(res, "ETag", cx->etag);
		MHD_add_response_header(res, "Vary", "Accept-Encoding");
	}
	if (cx->content_encoding)
		MHD_add_response_header(res, "Content-Encoding", cx->content_encoding);
	if (cx->disposition[0])
		MHD_add_response_header(res, "Content-Disposition", cx->disposition);
	if (cx->set_cookie[0])
		MHD_add_response_header(res, "Set-Cookie", cx->set_cookie);
	if (cx->allow[0])
		MHD_add_response_header(res, "Allow", cx->allow);
	if (cx->retry_after > 0) {
		char ra[24];
		snprintf(ra, sizeof ra, "%ld", cx->retry_after);
		MHD_add_response_header(res, "Retry-After", ra);
	}
	r = MHD_queue_response(conn, (unsigned)cx->status, res);
	MHD_destroy_response(res);
	return r;
}

static enum MHD_Result count_one(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	struct { const char *name; int n; } *c = cls;
	(void)kind;
	(void)value;
	c->n += strcasecmp(key, c->name) == 0;
	return MHD_YES;
}

static enum MHD_Result add_len(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *value)
{
	(void)kind;
	*(size_t *)cls += strlen(key) + (value ? strlen(value) : 0) + 2;
	return MHD_YES;
}

/* The length of the path and the query string, as decoded. */
static size_t url_length(struct MHD_Connection *conn, const char *url)
{
	size_t n = strlen(url);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_len, &n);
	return n;
}

static int count_headers(struct MHD_Connection *conn, const char *name)
{
	struct { const char *name; int n; } c = { name, 0 };
	MHD_get_connection_values(conn, MHD_HEADER_KIND, count_one, &c);
	return c.n;
}

/* Percent-decoding as libmicrohttpd does it, except that %00 stays as it is: a decoded NUL
 * would silently cut the path short ("/targets/440881%00/x" would read as 440881). */
size_t http_unescape(char *s)
{
	char *r = s, *w = s;

	while (*r) {
		if (r[0] == '%' && isxdigit((unsigned char)r[1]) && isxdigit((unsigned char)r[2]) &&
		    !(r[1] == '0' && r[2] == '0')) {
			char hex[3] = { r[1], r[2], 0 };
			*w++ = (char)strtol(hex, NULL, 16);
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

static size_t unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls;
	(void)conn;
	return http_unescape(s);
}

/* A request id unique in this run and across runs: a random prefix drawn at start and a
 * counter (a random draw per request would cost a system call each). */
static uint32_t id_prefix;
static atomic_uint id_counter;

static void request_id(char out[17])
{
	snprintf(out, 17, "%08x%08x", id_prefix, atomic_fetch_add(&id_counter, 1u));
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **req_cls)
{
	struct request *rq = *req_cls;
	struct http_ctx cx;
	char address[64];
	enum MHD_Result r;
	(void)cls;
	(void)version;

	if (!rq) {
		rq = xcalloc(1, sizeof *rq);
		clock_gettime(CLOCK_MONOTONIC, &rq->t0);
		request_id(rq->id);
		*req_cls = rq;
		return MHD_YES;
	}
	if (*upload_size) {
		if (rq->body.len + *upload_size > (size_t)config->body_limit)
			rq->too_big = true;
		else
			buf_add(&rq->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	memset(&cx, 0, sizeof cx);
	rq->started = true;
	cx.method = method;
	cx.path = url;
	cx.conn = conn;
	cx.body = &rq->body;
	cx.cfg = config;
	cx.now = (int64_t)time(NULL);
	client_address(conn, address, sizeof address);
	cx.address = address;
	if (!rq->too_big && http_static_wants(method, url)) { /* the web UI's files */
		r = (enum MHD_Result)http_static_serve(&cx, rq->id);
		log_line(rq, &cx);
		return r;
	}
	if (rq->too_big)
		http_error(&cx, BF_EINPUT, "the request body is larger than the limit", NULL),
			cx.status = 413;
	else if (url_length(conn, url) > MAX_URL)
		http_error(&cx, BF_EINPUT, "the URL is too long", NULL), cx.status = 414;
	else if (count_headers(conn, MHD_HTTP_HEADER_CONTENT_LENGTH) > 1)
		http_error(&cx, BF_EINPUT, "more than one Content-Length header", NULL);
	else
		dispatch(&cx);
	r = respond(conn, &cx, rq);
	log_line(rq, &cx);
	buf_release(&cx.out);
	return r;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *req_cls;
	(void)cls;
	(void)conn;
	(void)toe;
	if (rq) {
		buf_release(&rq->body);
		free(rq);
	}
	*req_cls = NULL;
}

static bool parse_listen(const char *listen, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	long port;
	char *end;

	if (!colon || (size_t)(colon - listen) >= sizeof host)
		return false;
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || port < 0 || port > 65535)
		return false;
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	return inet_pton(AF_INET, strcmp(host, "localhost") == 0 ? "127.0.0.1" : host,
			 &sa->sin_addr) == 1;
}

int http_serve(const struct app_server_config *cfg, FILE *log)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;
	const union MHD_DaemonInfo *info;

	config = cfg;
	access_log = log;
	id_prefix = randombytes_random();
	if (!parse_listen(cfg->listen, &sa)) {
		fprintf(stderr, "bangfu serve: --listen '%s': write IPv4-ADDRESS:PORT, e.g. "
				"127.0.0.1:8080\n", cfg->listen);
		return 2;
	}
	pthread_key_create(&app_key, close_app);
	/* Block the signals here so that every server thread inherits the mask, and wait for
	 * them below: a clean stop instead of a kill in the middle of a write. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
			     0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, &sa,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			     MHD_OPTION_CONNECTION_TIMEOUT, 60u,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)48 * 1024,
			     MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bangfu serve: cannot listen on %s (in use? not an address of this "
				"machine?)\n", cfg->listen);
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "bangfu: serving %s on http://%.*s:%u/ (Ctrl-C stops)\n", cfg->db,
		(int)(strrchr(cfg->listen, ':') - cfg->listen), cfg->listen,
		info ? info->port : 0);
	fflush(stderr);
	for (;;) { /* flush the access log on a timer until a signal comes */
		struct timespec tick = { 0, LOG_FLUSH_MS * 1000000L };
		if ((sig = sigtimedwait(&set, NULL, &tick)) > 0)
			break;
		log_flush();
	}
	fprintf(stderr, "bangfu: stopping (signal %d): finishing requests in flight\n", sig);
	MHD_stop_daemon(d);
	log_flush();
	buf_release(&log_buf);
	buf_release(&log_spare);
	snapshot_clear();
	fprintf(stderr, "bangfu: stopped\n");
	return 0;
}
