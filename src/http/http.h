/* http: the JSON API over libmicrohttpd. server.c owns the daemon, the per-thread database
 * connections, request bodies, sessions, CSRF and the access log; routes.c holds the route
 * table (one row per endpoint: method, path, who may call it) and thin handlers that decode,
 * call one app function and encode. No SQL and no rules here. */
#ifndef BF_HTTP_H
#define BF_HTTP_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include "app/app.h"
#include "app/auth.h"
#include "app/snapshot.h"
#include "app/write.h"
#include "util/blob.h"
#include "util/buf.h"

/* A multipart/form-data body, decoded part by part as it arrives: each file part is one
 * upload, named by its file name (parts of the same name are joined). */
#define HTTP_MAX_UPLOADS 16
struct http_upload {
	char name[HTTP_MAX_UPLOADS][128];
	struct buf data[HTTP_MAX_UPLOADS];
	size_t n;
	bool too_many;          /* more than HTTP_MAX_UPLOADS files */
	bool bad;               /* not a form libmicrohttpd could decode */
};

/* Behind a TLS proxy, every answer tells browsers to keep to https for a year (RFC 6797). */
#define HTTP_HSTS "max-age=31536000"

/* Runs the server until SIGINT or SIGTERM; returns a process exit code. An app_server_fn:
 * main.c hands it to the CLI (cli_set_server), which never includes this layer. */
int http_serve(const struct app_server_config *cfg, FILE *log);

/* For the fuzzers (fuzz/http_harness.h): the same server without a listening socket, with one
 * thread; connections are handed to it with libmicrohttpd's MHD_add_connection. */
struct MHD_Daemon *http_start_unlistened(const struct app_server_config *cfg, FILE *log);

/* One JSON line on the log for a failure that has no request line of its own (a refused or
 * timed-out connection, a failed purge): {"time","event","address","reason"}. */
void http_log_event(const char *event, const char *address, const char *reason);

/* What a handler sees and fills. */
struct http_ctx {
	const char *method, *path;
	struct MHD_Connection *conn;
	const struct buf *body;         /* empty for a multipart body: see upload */
	const struct http_upload *upload; /* a multipart/form-data body, or NULL */
	const char *address;
	struct app *app;                /* this thread's handle */
	struct snapshot *snap;          /* loaded for routes that read the registry */
	bool signed_in;
	struct auth_session session;
	struct principal who;
	const char *param;              /* the {key} of the path, if any */
	const struct route *route;      /* the row of the route table being answered */
	json_t *json;                   /* BODY_JSON: the decoded body (an object; the
					 * dispatcher owns it) */
	const struct app_server_config *cfg;
	int64_t now;
	/* the response */
	int status;
	const char *content_type;
	struct buf out;
	/* set: the body instead of out, a cached answer sent as it is (no copy); the context
	 * holds a reference that the response takes over (see respond in server.c) */
	struct blob *blob;
	char set_cookie[256];
	char allow[64];                 /* the Allow header of a 405 */
	long retry_after;
	const char *etag;               /* set: Cache-Control no-cache and this ETag, not no-store */
	const char *content_encoding;   /* "gzip" when out (or blob) holds compressed bytes */
	char disposition[800];          /* the Content-Disposition of a download, if any */
	char reason[160];               /* an error's message, for the log line */
};

enum route_flags {
	R_PUBLIC = 1,   /* no session needed */
	R_REGISTRY = 2, /* the handler reads the registry snapshot */
	R_WRITE = 4,    /* changes data: needs the X-CSRF-Token header */
};

/* A query parameter a route takes: its name, its type in OpenAPI ("string", "integer",
 * "boolean", "date") and what it does. */
struct route_param {
	const char *name;
	const char *type;
	const char *help;
};

/* What a route's request body is. The dispatcher reads it once for every route. */
enum route_body {
	BODY_NONE,   /* no body: one sent is ignored */
	BODY_JSON,   /* a JSON object, decoded and checked before the handler (cx->json) */
	BODY_UPLOAD, /* CSV files: multipart/form-data, or one file as the body (cx->body) */
};

/* What a route answers, for its OpenAPI response schema. */
enum route_answer {
	ANS_OBJECT,  /* a JSON object described by the summary */
	ANS_RECORD,  /* one record of the row's record type */
	ANS_LIST,    /* {"items": [records], "total"}: a page of the row's record type */
	ANS_EMPTY,   /* 204, no body */
	ANS_FILE,    /* a file (GeoJSON, CSV) */
};

/* One row per endpoint. To add an endpoint: a handler and a row; the row says everything the
 * dispatcher checks before the handler runs (session, role, CSRF, parameters, body) and
 * everything GET /api/v1/openapi.json says about it. */
struct route {
	const char *method;
	const char *pattern;   /* "/api/v1/targets/{key}" */
	unsigned flags;
	unsigned roles;        /* bit per enum acc_role allowed; 0 = every signed-in role */
	void (*handle)(struct http_ctx *cx);
	const char *summary;
	/* the query parameters it takes, ended by a NULL name (NULL: none); any other is
	 * refused with 400 naming it */
	const struct route_param *params;
	enum route_body body;
	const char *example;   /* BODY_JSON: a body to send, quoted by errors and OpenAPI */
	const struct record_type *record; /* the records it reads or writes, if any */
	enum route_answer answer;
};

extern const struct route http_routes[];
extern const size_t http_nroutes;

/* Finds the route for method and path; *param receives the {key} (a pointer into a static
 * per-thread buffer). *method_ok is false when the path exists with another method. */
const struct route *http_route_find(const char *method, const char *path, const char **param,
				    bool *path_exists);

/* Checks the request against cx->route: every query parameter is one the row names (else 400
 * naming it), and a BODY_JSON body is a JSON object (else 400 with the line and column, and
 * the row's example), decoded into cx->json. False after answering the error. */
bool http_route_prepare(struct http_ctx *cx);

/* Percent-decodes s in place (the path and each query key and value, as libmicrohttpd hands
 * them over), keeping %00 as it is; returns the new length. */
size_t http_unescape(char *s);

/* The methods that path accepts, as an Allow header value ("GET, POST"). */
void http_allowed_methods(const char *path, char *out, size_t n);

/* A JSON string of untrusted text: cut after max bytes, invalid UTF-8 escaped as \xNN. */
json_t *http_string(const char *s, size_t max);

/* openapi.c: GET /api/v1/openapi.json, from the route table and the records' descriptors. */
void http_openapi(struct http_ctx *cx);

/* routes_users.c: the admin's account endpoints. */
void http_users_list(struct http_ctx *cx);
void http_users_create(struct http_ctx *cx);
void http_users_update(struct http_ctx *cx);

/* routes_plan.c: the planner's plans (app/plans). */
void http_plans_create(struct http_ctx *cx);
void http_plans_list(struct http_ctx *cx);
void http_plans_get(struct http_ctx *cx);
void http_plans_apply(struct http_ctx *cx);

/* routes_cycle.c: the reporting cycle (app/cycle, docs/cycle.md). */
void http_periods_list(struct http_ctx *cx);
void http_period_get(struct http_ctx *cx);
void http_periods_generate(struct http_ctx *cx);
void http_period_update(struct http_ctx *cx);
void http_group_reports_list(struct http_ctx *cx);
void http_group_report_get(struct http_ctx *cx);
void http_group_report_create(struct http_ctx *cx);
void http_group_report_update(struct http_ctx *cx);
void http_group_report_contribute(struct http_ctx *cx);
void http_group_report_transition(struct http_ctx *cx);
void http_group_reports_approve(struct http_ctx *cx);
void http_group_report_attach(struct http_ctx *cx);
void http_group_report_attachments(struct http_ctx *cx);
void http_report_attachment_get(struct http_ctx *cx);

/* routes_inbox.c: the signed-in person's inbox (app/inbox). */
void http_inbox(struct http_ctx *cx);
/* routes_assess.c: the assessments (app/assess, docs/cycle.md). */
void http_assessments_list(struct http_ctx *cx);
void http_assessment_get(struct http_ctx *cx);
void http_assessments_create(struct http_ctx *cx);
void http_assessment_grade(struct http_ctx *cx);

/* routes_report.c: the work reports (app/work_report). */
void http_report_work(struct http_ctx *cx);
void http_report_county(struct http_ctx *cx);
/* routes.c's encoders, for the handlers of other route files: ?format= checked (400 if not
 * json, csv or xlsx), ?as_of= parsed (400 if not a date; default today), which format is
 * wanted, and items or a document sent as CSV or XLSX. */
struct sheet_spec;
bool http_format_ok(struct http_ctx *cx);
bool http_day_arg(struct http_ctx *cx, bf_day *d);
bool http_wants_csv(struct http_ctx *cx);
bool http_wants_xlsx(struct http_ctx *cx);
/* static.c: whether the client accepts a gzip answer (Accept-Encoding). */
bool http_accepts_gzip(struct http_ctx *cx);
void http_send_csv(struct http_ctx *cx, json_t *items, const char *const *cols, size_t ncols);
void http_send_xlsx(struct http_ctx *cx, json_t *doc, const struct sheet_spec *spec,
		    const char *name);
/* ?NAME= as a whole number from 0 to max (def when absent); false after a 400 naming it. */
bool http_long_arg(struct http_ctx *cx, const char *name, long def, long max, long *out);
/* A list's ?format=, ?limit= and ?offset= (whole numbers up to 10,000,000; 0 when absent);
 * false after a 400 naming the one at fault. */
bool http_list_args(struct http_ctx *cx, long *limit, long *offset);
/* Sends out (a list: {"items": [...]}) as the XLSX or CSV the request asks for, spec's
 * columns, as the download bangfu-NAME.xlsx or .csv, and takes out; false (out untouched)
 * when the request asks for JSON. */
bool http_send_list(struct http_ctx *cx, json_t *out, const struct sheet_spec *spec,
		    const char *name);
/* routes_work.c: the groups' work (app/work), its handlers and the query parameters of its
 * lists, by enum work_kind. */
void http_work_list(struct http_ctx *cx);
void http_work_get(struct http_ctx *cx);
void http_work_create(struct http_ctx *cx);
void http_work_update(struct http_ctx *cx);
void http_work_delete(struct http_ctx *cx);
void http_work_evidence_add(struct http_ctx *cx);
void http_work_evidence_list(struct http_ctx *cx);
void http_work_evidence_get(struct http_ctx *cx);
void http_work_evidence_delete(struct http_ctx *cx);
extern const struct route_param http_work_params[5][16];

/* Response helpers for handlers. */
void http_json(struct http_ctx *cx, int status, json_t *v);          /* takes v */
/* A 200 of a cached answer's bytes as they are, without a copy: takes the caller's reference
 * to b, which the response drops once libmicrohttpd has sent it (or the connection closed). */
void http_send_blob(struct http_ctx *cx, struct blob *b, const char *content_type);
void http_error(struct http_ctx *cx, enum bf_status st, const char *message, const char *field);
/* The same with the message in Chinese too (message_zh; NULL: none). */
void http_error_zh(struct http_ctx *cx, enum bf_status st, const char *message,
		   const char *message_zh, const char *field);
/* The error err holds: its status, message, and message_zh when the code gave one. */
void http_fail(struct http_ctx *cx, const struct bf_err *err);
/* Appends s percent-encoded (all but RFC 3986's unreserved characters). */
void http_percent_encode(struct buf *b, const char *s);
/* Answers a stored file as a download: its type, and Content-Disposition attachment with its
 * name (an ASCII fallback and the UTF-8 name as RFC 5987's filename*), never shown inline. */
void http_download(struct http_ctx *cx, const char *name, const char *mime, const void *data,
		   size_t len);
int http_status_of(enum bf_status st);
/* A query-string argument, or NULL. */
const char *http_arg(struct http_ctx *cx, const char *name);

/* ---- static.c: the web UI, embedded as assets "web/..." ---- */

/* True for a GET or HEAD outside /api/: the web UI's, answered by http_static_serve. */
bool http_static_wants(const char *method, const char *path);

/* Queues the answer for cx->path ("/" is web/index.html): the file with its Content-Type,
 * an ETag (304 for a matching If-None-Match), Cache-Control: no-cache, the gzip copy when the
 * client accepts it; 404 for anything else, ".." included. Sets cx->status; returns
 * libmicrohttpd's enum MHD_Result. */
int http_static_serve(struct http_ctx *cx, const char *request_id);

/* Answers an API request with the embedded asset name (as http_static_serve: ETag, 304 for a
 * matching If-None-Match, the .gz copy when accepted) in cx->out, with content type type. */
void http_asset_answer(struct http_ctx *cx, const char *name, const char *type);

/* routes_geo.c: GET /api/v1/geo, the counties' boundaries (asset geo/guangdong.json). */
void http_geo(struct http_ctx *cx);
/* Decodes the body of POST /api/v1/changes ({"changes":[...], "dry_run", "round"}) into at
 * most WRITE_BATCH_MAX changes, which point into body; false with a message naming the JSON
 * path. (A function of its own for fuzz/fuzz_changes.c.) */
bool http_changes_decode(json_t *body, struct write_change *ch, size_t *n, const char **round,
			 bool *dry, char *msg, size_t msgn);

#endif
