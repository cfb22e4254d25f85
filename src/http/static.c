/* static: the web UI's files, embedded at build time as assets named "web/..." (Makefile), for
 * GET and HEAD on every path outside /api/. It never touches the file system and serves
 * nothing but web/ assets, so no path can reach another file. */
#include "http/http.h"
#include "util/asset.h"
#include "util/xalloc.h"
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MAX_NAME 512

/* One strong validator per asset, computed once: FNV-1a 64 over the bytes. */
static char (*etags)[24];
static pthread_once_t etags_once = PTHREAD_ONCE_INIT;

static void etags_compute(void)
{
	etags = xcalloc(assets_count ? assets_count : 1, sizeof *etags);
	for (size_t i = 0; i < assets_count; i++) {
		uint64_t h = 0xcbf29ce484222325u;
		for (const unsigned char *p = assets[i].begin; p < assets[i].end; p++)
			h = (h ^ *p) * 0x100000001b3u;
		snprintf(etags[i], sizeof etags[i], "\"%016llx\"", (unsigned long long)h);
	}
}

bool http_static_wants(const char *method, const char *path)
{
	return (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0) &&
	       strcmp(path, "/api") != 0 && strncmp(path, "/api/", 5) != 0;
}

static const char *type_of(const char *name)
{
	static const struct { const char *ext, *type; } types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".mjs", "text/javascript; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".json", "application/json; charset=utf-8" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".woff2", "font/woff2" },
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

/* The asset name for a request path: "/" is the index; "..", "." and empty segments, a
 * backslash or a NUL kept encoded (%00) make the path unknown. */
static bool name_of(const char *path, char *out, size_t n)
{
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	if (path[0] != '/' || strlen(path) + 4 > n || strchr(path, '\\') || strchr(path, '%'))
		return false;
	for (const char *s = path; *s; ) {
		const char *e = strchr(s + 1, '/');
		size_t len = e ? (size_t)(e - s - 1) : strlen(s + 1);
		if (len == 0 || (len == 1 && s[1] == '.') || (len == 2 && s[1] == '.' && s[2] == '.'))
			return false;
		s = e ? e : s + 1 + len;
	}
	snprintf(out, n, "web%s", path);
	return true;
}

/* "gzip" in Accept-Encoding, unless refused with q=0 (or 0.0). */
static bool accepts_gzip(struct MHD_Connection *conn);
bool http_accepts_gzip(struct http_ctx *cx)
{
	return accepts_gzip(cx->conn);
}

static bool accepts_gzip(struct MHD_Connection *conn)
{
	const char *ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding");
	const char *g = ae ? strstr(ae, "gzip") : NULL;

	if (!g)
		return false;
	for (g += 4; *g == ' '; g++)
		;
	if (strncmp(g, ";q=0", 4) != 0)
		return true;
	if (*(g += 4) != '.')
		return false;
	for (g++; *g == '0'; g++)
		;
	return *g >= '1' && *g <= '9';
}

static void add_headers(struct MHD_Response *res, const char *request_id, const char *etag)
{
	MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
	/* ECharts' tooltips carry style attributes: inline styles, never inline scripts. */
	MHD_add_response_header(res, "Content-Security-Policy",
				"default-src 'self'; style-src 'self' 'unsafe-inline'; "
				"img-src 'self' data:; frame-ancestors 'none'");
	MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(res, "X-Request-Id", request_id);
	if (etag) {
		/* Not fingerprinted names: revalidate each time, a 304 when unchanged. */
		MHD_add_response_header(res, "Cache-Control", "no-cache");
		MHD_add_response_header(res, "ETag", etag);
		MHD_add_response_header(res, "Vary", "Accept-Encoding");
	}
}

static int queue(struct http_ctx *cx, const char *request_id, int status,
		 struct MHD_Response *res, const char *etag)
{
	enum MHD_Result r;
	add_headers(res, request_id, etag);
	if (cx->cfg->behind_https)
		MHD_add_response_header(res, "Strict-Transport-Security", HTTP_HSTS);
	cx->status = status;
	r = MHD_queue_response(cx->conn, (unsigned)status, res);
	MHD_destroy_response(res);
	return r;
}

/* The API's error object, so every 404 of the server reads the same. */
static int not_found(struct http_ctx *cx, const char *request_id)
{
	static const char msg[] = "{\"error\":{\"code\":\"not_found\",\"message\":\"no such page "
				  "or file\",\"field\":null}}";
	struct MHD_Response *res = MHD_create_response_from_buffer(sizeof msg - 1, (void *)msg,
								   MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(res, "Content-Type", "application/json; charset=utf-8");
	MHD_add_response_header(res, "Cache-Control", "no-store");
	return queue(cx, request_id, 404, res, NULL);
}

int http_static_serve(struct http_ctx *cx, const char *request_id)
{
	char name[MAX_NAME], gzname[MAX_NAME + 3], etag[32];
	const struct asset *a, *gz = NULL;
	const char *inm;
	struct MHD_Response *res;

	if (!name_of(cx->path, name, sizeof name) || !(a = asset_find(name)))
		return not_found(cx, request_id);
	snprintf(gzname, sizeof gzname, "%s.gz", name);
	if (accepts_gzip(cx->conn) && (gz = asset_find(gzname)) &&
	    gz->end - gz->begin >= a->end - a->begin)
		gz = NULL;
	pthread_once(&etags_once, etags_compute);
	snprintf(etag, sizeof etag, "%.*s%s\"", 17, etags[a - assets],
		 gz ? "-gz" : "");
	inm = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "If-None-Match");
	if (inm && (strstr(inm, etag) || strcmp(inm, "*") == 0)) {
		res = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		return queue(cx, request_id, 304, res, etag);
	}
	if (gz)
		a = gz;
	res = MHD_create_response_from_buffer((size_t)(a->end - a->begin), (void *)a->begin,
					      MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(res, "Content-Type", type_of(name));
	if (gz)
		MHD_add_response_header(res, "Content-Encoding", "gzip");
	return queue(cx, request_id, 200, res, etag);
}

void http_asset_answer(struct http_ctx *cx, const char *name, const char *type)
{
	static _Thread_local char etag[32];
	char gzname[MAX_NAME + 3];
	const struct asset *a = asset_find(name), *gz = NULL;
	const char *inm;

	if (!a) {
		http_error(cx, BF_ENOTFOUND, "this build has no such file", NULL);
		return;
	}
	snprintf(gzname, sizeof gzname, "%s.gz", name);
	if (accepts_gzip(cx->conn) && (gz = asset_find(gzname)) &&
	    gz->end - gz->begin >= a->end - a->begin)
		gz = NULL;
	pthread_once(&etags_once, etags_compute);
	snprintf(etag, sizeof etag, "%.*s%s\"", 17, etags[a - assets], gz ? "-gz" : "");
	cx->etag = etag;
	cx->content_type = type;
	buf_reset(&cx->out);
	inm = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "If-None-Match");
	if (inm && (strstr(inm, etag) || strcmp(inm, "*") == 0)) {
		cx->status = 304;
		return;
	}
	if (gz) {
		a = gz;
		cx->content_encoding = "gzip";
	}
	buf_add(&cx->out, a->begin, (size_t)(a->end - a->begin));
	cx->status = 200;
}
