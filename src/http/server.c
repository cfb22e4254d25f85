/* server: libmicrohttpd daemon, requests, sessions, CSRF, access log; see http.h.
 * A request is judged from its headers alone on the first call of the access handler (the
 * gate: URL, route, session, role, CSRF, origin, declared size), and refused there, before any
 * of its body is read; a refused request's connection is closed. An accepted one is answered
 * on the last call, never the first (notes/dependencies.md: queuing on the first makes 0.9.75
 * close every connection). */
#include "http/http.h"
#include "http/digest_timer.h"
#include "http/guard.h"
#include <malloc.h>
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
#include <sys/resource.h>
#include <stdarg.h>
#include "util/fileio.h"
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include "util/text.h"
#include <time.h>

#define MAX_URL 8192

static const struct app_server_config *config;
static FILE *access_log;
static pthread_key_t app_key;

/* A request from its headers to its answer. Created by the URI callback, before libmicrohttpd
 * parses the query string. */
struct request {
	struct http_ctx cx;     /* filled at the gate, used again by the handler */
	char address[64];
	struct buf body;
	size_t received;        /* bytes of body so far (a form's are decoded, not kept) */
	struct http_upload upload;         /* a multipart/form-data body, decoded as it comes */
	struct MHD_PostProcessor *pp;
	bool gated;             /* the headers were judged */
	bool too_big;
	bool too_many_args;
	struct timespec t0;
	char id[17];
};

/* More query parameters than this are refused (414) before libmicrohttpd stores them: each
 * takes a record in the connection's 48 KiB memory pool, and past about 715 the pool was
 * exhausted and libmicrohttpd could not even answer (docs/performance.md). */
#define MAX_ARGS 256

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
	blob_unref(cx->blob); /* an answer sent after all (an error): out is the body */
	cx->blob = NULL;
	buf_reset(&cx->out);
	buf_adds(&cx->out, s ? s : "null");
	free(s);
	json_decref(v);
}

void http_send_blob(struct http_ctx *cx, struct blob *b, const char *content_type)
{
	blob_unref(cx->blob);
	cx->blob = b;
	cx->status = 200;
	cx->content_type = content_type;
	buf_reset(&cx->out);
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
	http_error_zh(cx, st, message, NULL, field);
}

void http_error_zh(struct http_ctx *cx, enum bf_status st, const char *message,
		   const char *message_zh, const char *field)
{
	json_t *e = json_pack("{s:s, s:o, s:o}", "code", bf_status_name(st), "message",
			      http_string(message, 2000), "field",
			      field ? http_string(field, 200) : json_null());

	snprintf(cx->reason, sizeof cx->reason, "%s", message);
	if (message_zh)
		json_object_set_new(e, "message_zh", http_string(message_zh, 2000));
	http_json(cx, http_status_of(st), json_pack("{s:o}", "error", e));
}

void http_fail(struct http_ctx *cx, const struct bf_err *err)
{
	http_error_zh(cx, err->status ? err->status : BF_EIO, bf_err_msg(err), bf_err_msg_zh(err),
		      NULL);
}

void http_percent_encode(struct buf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    strchr("-._~", *c))
			buf_addf(b, "%c", *c);
		else
			buf_addf(b, "%%%02X", *c);
	}
}

void http_download(struct http_ctx *cx, const char *name, const char *mime, const void *data,
		   size_t len)
{
	/* the type outlives the caller's record, as cx does */
	static _Thread_local char type[100];
	char ascii[80];
	struct buf enc = BUF_INIT;
	size_t n = 0;

	for (const unsigned char *c = (const unsigned char *)name; *c && n < sizeof ascii - 1; c++)
		ascii[n++] = (*c < 0x80 && *c >= 0x20 && *c != '"' && *c != '\\') ? (char)*c : '_';
	ascii[n] = '\0';
	/* the name percent-encoded, cut (at a character's start) to what the header holds */
	for (const unsigned char *c = (const unsigned char *)name;
	     *c && (enc.len < sizeof cx->disposition - sizeof ascii - 64 || (*c & 0xC0) == 0x80);
	     c++) {
		char one[2] = { (char)*c, '\0' };
		http_percent_encode(&enc, one);
	}
	snprintf(cx->disposition, sizeof cx->disposition,
		 "attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, buf_cstr(&enc));
	buf_reset(&cx->out);
	buf_add(&cx->out, data, len);
	cx->status = 200;
	snprintf(type, sizeof type, "%s", mime);
	cx->content_type = type;
	buf_release(&enc);
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
	struct auth_policy pol = { cx->cfg->session_idle, cx->cfg->session_max,
				   cx->cfg->sessions_per_account };
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

static bool safe_method(const char *m)
{
	return strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0 || strcmp(m, "OPTIONS") == 0;
}

/* A request that changes something must come from this server's own pages (or from a client
 * that is not a browser): a browser says where a request comes from in Sec-Fetch-Site and
 * Origin. This is what stops a page elsewhere from signing a browser in (login CSRF), which
 * the session's CSRF token cannot, as there is no session yet. */
static bool same_origin(struct http_ctx *cx)
{
	const char *site = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Sec-Fetch-Site");
	const char *origin = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Host");
	const char *o;

	if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return false;
	if (!origin)
		return true;
	o = strstr(origin, "://");
	return o && host && strcasecmp(o + 3, host) == 0;
}

static uint64_t content_length(struct http_ctx *cx, bool *chunked)
{
	const char *cl = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_TRANSFER_ENCODING);
	*chunked = te && strcasestr(te, "chunked");
	return cl ? strtoull(cl, NULL, 10) : 0;
}

static size_t url_length(struct MHD_Connection *conn, const char *url);
static int count_headers(struct MHD_Connection *conn, const char *name);

/* Judges a request from its headers; false when cx holds the refusal. */
static bool gate(struct request *rq)
{
	struct http_ctx *cx = &rq->cx;
	struct bf_err err;
	bool chunked, exists = false, ok = false;
	uint64_t len = content_length(cx, &chunked);

	bf_err_init(&err);
	if (rq->too_many_args) {
		http_error(cx, BF_EINPUT, "too many query parameters (at most 256)", NULL);
		cx->status = 414;
	} else if (url_length(cx->conn, cx->path) > MAX_URL) {
		http_error(cx, BF_EINPUT, "the URL is too long", NULL);
		cx->status = 414;
	} else if (count_headers(cx->conn, MHD_HTTP_HEADER_CONTENT_LENGTH) > 1) {
		http_error(cx, BF_EINPUT, "more than one Content-Length header", NULL);
	} else if (len > (uint64_t)cx->cfg->body_limit) {
		http_error(cx, BF_EINPUT, "the request body is larger than the limit", NULL);
		cx->status = 413;
	} else if (!(cx->route = http_route_find(cx->method, cx->path, &cx->param, &exists))) {
		http_error(cx, exists ? BF_EMETHOD : BF_ENOTFOUND,
			   exists ? "method not allowed on this path" : "no such endpoint", NULL);
		if (exists)
			http_allowed_methods(cx->path, cx->allow, sizeof cx->allow);
	} else if (!safe_method(cx->method) && !same_origin(cx)) {
		http_error(cx, BF_EFORBIDDEN, "a request from another site (Origin or "
					      "Sec-Fetch-Site) may not change anything here", NULL);
	} else if (!(cx->app = thread_app(&err))) {
		http_fail(cx, &err);
	} else if (sign_in(cx, &err) && !(cx->route->flags & R_PUBLIC)) {
		http_fail(cx, &err);
	} else if (!(cx->route->flags & R_PUBLIC) && cx->route->roles &&
		   !(cx->route->roles & (1u << cx->who.role))) {
		http_error(cx, BF_EFORBIDDEN, "your role may not do this", NULL);
	} else if ((cx->route->flags & R_WRITE) && cx->signed_in && !csrf_ok(cx)) {
		http_error(cx, BF_EFORBIDDEN, "missing or wrong X-CSRF-Token header", NULL);
	} else {
		ok = true;
		guard_headers(cx->conn, chunked ? (uint64_t)cx->cfg->body_limit : len);
	}
	bf_err_release(&err);
	return ok;
}

/* The handler of a request that passed the gate, with the registry snapshot if it reads it. */
static void dispatch(struct http_ctx *cx)
{
	struct bf_err err;

	bf_err_init(&err);
	if (!(cx->app = thread_app(&err))) {
		http_fail(cx, &err);
		goto out;
	}
	if (!http_route_prepare(cx)) /* the row's query parameters and body */
		goto out;
	if ((cx->route->flags & R_REGISTRY) && snapshot_get(cx->app, &cx->snap, &err)) {
		http_fail(cx, &err);
		goto out;
	}
	cx->route->handle(cx);
out:
	if (cx->snap)
		snapshot_put(cx->snap);
	cx->snap = NULL;
	json_decref(cx->json);
	cx->json = NULL;
	bf_err_release(&err);
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

static void log_append(const struct buf *line)
{
	pthread_mutex_lock(&log_lock);
	buf_add(&log_buf, line->data, line->len);
	if (log_buf.len >= LOG_BUFFER_MAX) {
		fwrite(log_buf.data, 1, log_buf.len, access_log);
		buf_reset(&log_buf);
	}
	pthread_mutex_unlock(&log_lock);
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
	buf_addf(&line, ",\"status\":%d,\"ms\":%.3f", cx->status,
		 (double)(t1.tv_sec - rq->t0.tv_sec) * 1e3 +
			 (double)(t1.tv_nsec - rq->t0.tv_nsec) / 1e6);
	if (cx->status >= 400 && cx->reason[0]) { /* every failure says why */
		buf_adds(&line, ",\"reason\":");
		log_string(&line, cx->reason, sizeof cx->reason);
	}
	buf_adds(&line, "}\n");
	log_append(&line);
	buf_release(&line);
}

void http_log_event(const char *event, const char *address, const char *reason)
{
	struct buf line = BUF_INIT;
	char when[21];

	date_now_utc(when);
	buf_addf(&line, "{\"time\":\"%s\",\"event\":\"%s\",\"address\":", when, event);
	if (address)
		log_string(&line, address, 64);
	else
		buf_adds(&line, "null");
	buf_adds(&line, ",\"reason\":");
	log_string(&line, reason, 400);
	buf_adds(&line, "}\n");
	log_append(&line);
	buf_release(&line);
}

/* libmicrohttpd's free callback of a response made of a blob: called when the response is
 * destroyed, after the last byte was sent or the connection closed. */
static void unref_body(void *cls)
{
	blob_unref(cls);
}

/* The response of cx's body: the blob if the handler sent one (the response takes the
 * reference; libmicrohttpd only reads the bytes), else out's memory (detached). */
static struct MHD_Response *make_response(struct http_ctx *cx)
{
	struct MHD_Response *res;
	struct blob *b = cx->blob;
	size_t len = cx->out.len; /* an XLSX body holds NUL bytes */

	cx->blob = NULL;
	if (!b)
		return MHD_create_response_from_buffer(len, buf_detach(&cx->out),
						       MHD_RESPMEM_MUST_FREE);
	res = MHD_create_response_from_buffer_with_free_callback_cls(
		blob_len(b), (void *)blob_data(b), unref_body, b);
	if (!res)
		blob_unref(b);
	return res;
}

static enum MHD_Result respond(struct MHD_Connection *conn, struct http_ctx *cx,
			    const struct request *rq)
{
	struct MHD_Response *res;
	enum MHD_Result r;

	if (!(res = make_response(cx)))
		return MHD_NO;
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
	if (cx->cfg->behind_https)
		MHD_add_response_header(res, "Strict-Transport-Security", HTTP_HSTS);
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

/* Called with the raw URI before libmicrohttpd parses its query string: a query of too many
 * parameters is cut off here (the query is this connection's own buffer, about to be split in
 * place) and the request answered 414 at the gate. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct request *rq = xcalloc(1, sizeof *rq);
	char *q = strchr(uri, '?');
	size_t n = 0;
	(void)cls;
	(void)conn;

	clock_gettime(CLOCK_MONOTONIC, &rq->t0);
	request_id(rq->id);
	for (const char *p = q; p && *p && n <= MAX_ARGS; p++)
		n += *p == '&' || *p == ';';
	if (n >= MAX_ARGS) {
		rq->too_many_args = true;
		q[1] = '\0';
	}
	return rq;
}

/* multipart/form-data: each file part becomes one upload named by its file name. */
static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct http_upload *up = cls;
	size_t i;
	(void)kind;
	(void)key;
	(void)content_type;
	(void)transfer_encoding;

	if (!filename)
		return MHD_YES;
	for (i = 0; i < up->n; i++)
		if (strcmp(up->name[i], fileio_basename(filename)) == 0)
			break;
	if (i == up->n && off == 0) {
		if (up->n == HTTP_MAX_UPLOADS) {
			up->too_many = true;
			return MHD_NO;
		}
		snprintf(up->name[up->n], sizeof up->name[0], "%s", fileio_basename(filename));
		buf_init(&up->data[up->n++]);
	}
	if (i < up->n)
		buf_add(&up->data[i], data, size);
	return MHD_YES;
}

static bool is_multipart(struct http_ctx *cx)
{
	const char *ct = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_TYPE);
	return ct && strncasecmp(ct, "multipart/form-data", 19) == 0;
}

/* A piece of an accepted request's body: decoded at once if it is a form, else kept. */
static void take_body(struct request *rq, const char *data, size_t n)
{
	if (rq->too_big || rq->received + n > (size_t)config->body_limit) {
		rq->too_big = true;
		return;
	}
	rq->received += n;
	if (!rq->pp) {
		buf_add(&rq->body, data, n);
		return;
	}
	if (!rq->upload.bad && MHD_post_process(rq->pp, data, n) != MHD_YES)
		rq->upload.bad = true;
}

static void answer(struct MHD_Connection *conn, struct request *rq, enum MHD_Result *r)
{
	*r = respond(conn, &rq->cx, rq);
	log_line(rq, &rq->cx);
	buf_release(&rq->cx.out);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **req_cls)
{
	struct request *rq = *req_cls;
	struct http_ctx *cx;
	enum MHD_Result r = MHD_YES;
	(void)cls;
	(void)version;

	if (!rq) /* not seen by on_uri (never happens): start it here */
		*req_cls = rq = on_uri(NULL, "", conn);
	cx = &rq->cx;
	if (!rq->gated) { /* the headers are in: judge the request before reading its body */
		rq->gated = true;
		cx->method = method;
		cx->path = url;
		cx->conn = conn;
		cx->body = &rq->body;
		cx->cfg = config;
		cx->now = (int64_t)time(NULL);
		guard_address(conn, rq->address, sizeof rq->address);
		cx->address = rq->address;
		if (http_static_wants(method, url) && !rq->too_many_args)
			return MHD_YES; /* the web UI's files: answered on the next call */
		if (!gate(rq)) {
			answer(conn, rq, &r); /* the body is never read; the connection closes */
			return r;
		}
		if (is_multipart(cx)) {
			rq->pp = MHD_create_post_processor(conn, 65536, on_part, &rq->upload);
			cx->upload = rq->pp ? &rq->upload : NULL; /* no boundary: 415 */
		}
		return MHD_YES;
	}
	if (*upload_size) {
		take_body(rq, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	guard_busy(conn);
	if (http_static_wants(method, url) && !cx->route) {
		r = (enum MHD_Result)http_static_serve(cx, rq->id);
		log_line(rq, cx);
		return r;
	}
	if (rq->too_big) {
		http_error(cx, BF_EINPUT, "the request body is larger than the limit", NULL);
		cx->status = 413;
	} else {
		dispatch(cx);
	}
	answer(conn, rq, &r);
	return r;
}

/* Large bodies were freed: give the memory back to the system now rather than keep it for
 * the next (glibc keeps freed heap memory by default). */
static atomic_bool trim_wanted;

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *rq = *req_cls;
	(void)cls;
	(void)toe;
	if (rq) {
		if (rq->received >= 1u << 20)
			atomic_store(&trim_wanted, true);
		if (rq->pp)
			MHD_destroy_post_processor(rq->pp);
		for (size_t i = 0; i < rq->upload.n; i++)
			buf_release(&rq->upload.data[i]);
		buf_release(&rq->body);
		blob_unref(rq->cx.blob); /* NULL once answered: the response took it */
		free(rq);
	}
	*req_cls = NULL;
	guard_idle(conn);
}

/* --listen: "IPV4:PORT", "[IPV6]:PORT", "localhost:PORT" (127.0.0.1 and ::1) or "*:PORT"
 * (every address, IPv6 and IPv4 on one dual-stack socket). */
struct listen_addr {
	struct sockaddr_storage sa[2];
	int n;
	bool any;
};

static bool parse_listen(const char *listen, struct listen_addr *la)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	long port;
	char *end;
	struct sockaddr_in *v4 = (struct sockaddr_in *)&la->sa[0];
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&la->sa[0];

	memset(la, 0, sizeof *la);
	if (!colon || (size_t)(colon - listen) >= sizeof host)
		return false;
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return false;
	la->n = 1;
	if (strcmp(host, "localhost") == 0) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		v4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		v6 = (struct sockaddr_in6 *)&la->sa[1];
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		v6->sin6_addr = in6addr_loopback;
		la->n = 2;
		return true;
	}
	if (strcmp(host, "*") == 0 || strcmp(host, "[::]") == 0 || !host[0]) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		v6->sin6_addr = in6addr_any;
		la->any = true;
		return true;
	}
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		host[strlen(host) - 1] = '\0';
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		return inet_pton(AF_INET6, host + 1, &v6->sin6_addr) == 1;
	}
	v4->sin_family = AF_INET;
	v4->sin_port = htons((uint16_t)port);
	return inet_pton(AF_INET, host, &v4->sin_addr) == 1;
}

/* libmicrohttpd's own error messages, as event lines; at most 10 a second (a flood of bad
 * connections must not flood the log), with the number left out said in the next one. */
static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	static pthread_mutex_t lk = PTHREAD_MUTEX_INITIALIZER;
	static long long second;
	static int lines;
	static long dropped;
	long long now = date_monotonic_ms() / 1000;
	char msg[300], reason[400];
	size_t n;
	(void)cls;

	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	pthread_mutex_lock(&lk);
	if (now != second) {
		second = now;
		lines = 0;
	}
	if (lines++ >= 10) {
		dropped++;
		pthread_mutex_unlock(&lk);
		return;
	}
	if (dropped)
		snprintf(reason, sizeof reason, "%s (and %ld such messages left out)", msg, dropped);
	else
		snprintf(reason, sizeof reason, "%s", msg);
	dropped = 0;
	pthread_mutex_unlock(&lk);
	http_log_event("server", NULL, reason);
}

static struct MHD_Daemon *start(const struct app_server_config *cfg, const struct sockaddr *sa,
				unsigned flags, unsigned threads, unsigned limit)
{
	if (!sa) /* no listening socket: the connections come from http_inject */
		flags |= MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC;
	return MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | flags, 0, NULL,
		/* the logger first: MHD logs the options after it through it, and says so if not */
		NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, sa, MHD_OPTION_THREAD_POOL_SIZE,
		threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, guard_notify, NULL, MHD_OPTION_URI_LOG_CALLBACK,
		on_uri, NULL,
		MHD_OPTION_CONNECTION_LIMIT, limit,
		/* idle seconds while an answer is being sent (the request deadlines are guard's) */
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(cfg->request_timeout * 3),
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)48 * 1024,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
}

/* Room for every connection allowed: the soft limit of open files raised to the hard one,
 * and the connection limit kept under it. */
static unsigned connection_limit(const struct app_server_config *cfg)
{
	struct rlimit rl;
	long max = cfg->max_connections;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		if (rl.rlim_cur < rl.rlim_max) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_NOFILE, &rl);
			getrlimit(RLIMIT_NOFILE, &rl);
		}
		if (rl.rlim_cur != RLIM_INFINITY && (rlim_t)max + 64 > rl.rlim_cur) {
			max = rl.rlim_cur > 128 ? (long)rl.rlim_cur - 64 : 64;
			fprintf(stderr, "bangfu: at most %ld connections (the limit of open files is "
					"%llu)\n", max, (unsigned long long)rl.rlim_cur);
		}
	}
	return (unsigned)max;
}

static void tick(struct app *main_store, int64_t *next_purge)
{
	log_flush();
	guard_sweep();
	if (atomic_exchange(&trim_wanted, false))
		malloc_trim(0);
	if (main_store && time(NULL) >= *next_purge) {
		struct auth_policy pol = { config->session_idle, config->session_max,
					   config->sessions_per_account };
		struct bf_err err;
		bf_err_init(&err);
		if (auth_sessions_purge(main_store, (int64_t)time(NULL), &pol, &err))
			http_log_event("session_purge", NULL, bf_err_msg(&err));
		bf_err_release(&err);
		*next_purge = (int64_t)time(NULL) + (config->session_idle < 60 ? config->session_idle : 60);
	}
	digest_timer_tick();
}

/* The fuzzers' server: no socket, no signals, no main thread's chores. */
struct MHD_Daemon *http_start_unlistened(const struct app_server_config *cfg, FILE *log)
{
	config = cfg;
	access_log = log;
	pthread_key_create(&app_key, close_app);
	guard_init(cfg->per_address, cfg->request_timeout, http_log_event);
	snapshot_answer_limit((size_t)cfg->answer_cache);
	return start(cfg, NULL, 0, 1, (unsigned)cfg->max_connections);
}

int http_serve(const struct app_server_config *cfg, FILE *log)
{
	struct listen_addr la;
	struct MHD_Daemon *d[2] = { NULL, NULL };
	struct app *main_store = NULL;
	struct bf_err err;
	int64_t next_purge = 0;
	sigset_t set;
	int sig;
	unsigned limit;
	char shown[80];
	const union MHD_DaemonInfo *info;

	config = cfg;
	access_log = log;
	id_prefix = randombytes_random();
	if (!parse_listen(cfg->listen, &la)) {
		fprintf(stderr, "bangfu serve: --listen '%s': write ADDRESS:PORT, e.g. "
				"127.0.0.1:8080, [::1]:8080, localhost:8080 (IPv4 and IPv6) or *:8080 "
				"(every address)\n", cfg->listen);
		return 2;
	}
	pthread_key_create(&app_key, close_app);
	/* Bodies of 1 MiB or more are always mapped and unmapped, never kept in the heap: glibc
	 * would otherwise raise this threshold as large blocks are freed and keep them. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	guard_init(cfg->per_address, cfg->request_timeout, http_log_event);
	snapshot_answer_limit((size_t)cfg->answer_cache);
	limit = connection_limit(cfg);
	/* Block the signals here so that every server thread inherits the mask, and wait for
	 * them below: a clean stop instead of a kill in the middle of a write. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d[0] = start(cfg, (const struct sockaddr *)&la.sa[0],
		     la.any ? MHD_USE_DUAL_STACK
			    : la.sa[0].ss_family == AF_INET6 ? MHD_USE_IPv6 : 0,
		     (unsigned)cfg->threads, limit);
	if (!d[0]) {
		fprintf(stderr, "bangfu serve: cannot listen on %s (in use? not an address of this "
				"machine?)\n", cfg->listen);
		return 1;
	}
	info = MHD_get_daemon_info(d[0], MHD_DAEMON_INFO_BIND_PORT);
	if (la.n == 2) { /* localhost: ::1 as well, on the same port, if the machine has IPv6 */
		((struct sockaddr_in6 *)&la.sa[1])->sin6_port = htons(info ? info->port : 0);
		if (!(d[1] = start(cfg, (const struct sockaddr *)&la.sa[1], MHD_USE_IPv6,
				   (unsigned)cfg->threads, limit)))
			fprintf(stderr, "bangfu: no IPv6 loopback (::1): serving IPv4 only\n");
	}
	if (la.any)
		snprintf(shown, sizeof shown, "[::]");
	else if (la.sa[0].ss_family == AF_INET6)
		snprintf(shown, sizeof shown, "%.*s", (int)(strrchr(cfg->listen, ':') - cfg->listen),
			 cfg->listen);
	else if (la.n == 2)
		snprintf(shown, sizeof shown, "localhost");
	else
		inet_ntop(AF_INET, &((struct sockaddr_in *)&la.sa[0])->sin_addr, shown, sizeof shown);
	fprintf(stderr, "bangfu: serving %s on http://%s:%u/ (Ctrl-C stops)\n", cfg->db, shown,
		info ? info->port : 0);
	fflush(stderr);
	bf_err_init(&err);
	if (app_open(cfg->db, false, &main_store, &err)) /* for the purge; the API runs without */
		http_log_event("session_purge", NULL, bf_err_msg(&err));
	bf_err_release(&err);
	digest_timer_init(cfg, http_log_event);
	for (;;) { /* the main thread's chores on a timer until a signal comes */
		struct timespec ts = { 0, LOG_FLUSH_MS * 1000000L };
		if ((sig = sigtimedwait(&set, NULL, &ts)) > 0)
			break;
		tick(main_store, &next_purge);
	}
	fprintf(stderr, "bangfu: stopping (signal %d): finishing requests in flight\n", sig);
	digest_timer_cancel();
	for (int i = 1; i >= 0; i--)
		if (d[i])
			MHD_stop_daemon(d[i]);
	while (!digest_timer_done()) { /* before the snapshot is cleared: a round reads it */
		struct timespec ts = { 0, LOG_FLUSH_MS * 1000000L };
		nanosleep(&ts, NULL);
		log_flush();
	}
	log_flush();
	buf_release(&log_buf);
	buf_release(&log_spare);
	snapshot_clear();
	if (main_store)
		app_close(main_store);
	fprintf(stderr, "bangfu: stopped\n");
	return 0;
}
