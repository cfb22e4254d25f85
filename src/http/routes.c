/* routes: the API's route table and its handlers; see http.h. Each handler decodes the
 * request, calls one app function and encodes the result. */
#include "app/check.h"
#include "app/work.h"
#include "app/assess.h"
#include "app/cycle.h"
#include "app/list.h"
#include "app/report.h"
#include "app/audit.h"
#include "app/write.h"
#include "app/import.h"
#include "app/work_import.h"
#include "app/sheet.h"
#include "util/xlsx.h"
#include "util/fileio.h"
#include "http/http.h"
#include "util/csvio.h"
#include "util/text.h"
#include "util/table.h"
#include "util/xalloc.h"
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#define ALL 0u
#define READERS ((1u << ACC_ADMIN) | (1u << ACC_PLANNER) | (1u << ACC_AUDITOR))
#define PLANNERS ((1u << ACC_ADMIN) | (1u << ACC_PLANNER))

static const struct record_type *type_of(const char *path)
{
	static const struct { const char *seg; const struct record_type *t; } types[] = {
		{ "rounds", &model_rounds }, { "targets", &model_targets }, { "units", &model_units },
		{ "groups", &model_groups }, { "members", &model_members }, { "cadres", &model_cadres },
		{ "indicators", &model_indicators },
	};
	const char *seg = path + strlen("/api/v1/");
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t n = strlen(types[i].seg);
		if (strncmp(seg, types[i].seg, n) == 0 && (seg[n] == '\0' || seg[n] == '/'))
			return types[i].t;
	}
	return NULL;
}

/* ?format= is csv, xlsx or json; anything else is refused (400) before the handler runs. */
static bool format_ok(struct http_ctx *cx)
{
	const char *f = http_arg(cx, "format");
	if (!f || strcmp(f, "csv") == 0 || strcmp(f, "json") == 0 || strcmp(f, "xlsx") == 0)
		return true;
	http_error(cx, BF_EINPUT, "format must be csv, xlsx or json", "format");
	return false;
}

static bool wants_xlsx(struct http_ctx *cx)
{
	const char *f = http_arg(cx, "format");
	const char *acc = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Accept");
	return (f && strcmp(f, "xlsx") == 0) || (!f && acc && strstr(acc, "spreadsheetml"));
}

/* doc as an XLSX download named name.xlsx (app/sheet). */
static void send_xlsx(struct http_ctx *cx, json_t *doc, const struct sheet_spec *spec,
		      const char *name)
{
	struct bf_err err;

	bf_err_init(&err);
	buf_reset(&cx->out);
	if (sheet_xlsx(spec, doc, &cx->out, &err)) {
		http_fail(cx, &err);
	} else {
		cx->status = 200;
		cx->content_type = XLSX_CONTENT_TYPE;
		snprintf(cx->disposition, sizeof cx->disposition,
			 "attachment; filename=\"bangfu-%.*s.xlsx\"", (int)strcspn(name, ".") % 60,
			 name);
	}
	bf_err_release(&err);
}

static bool wants_csv(struct http_ctx *cx)
{
	const char *f = http_arg(cx, "format");
	const char *acc = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Accept");
	return (f && strcmp(f, "csv") == 0) || (acc && strstr(acc, "text/csv"));
}

/* items as CSV (UTF-8 with BOM, for Excel), columns in the given order. */
static void send_csv(struct http_ctx *cx, json_t *items, const char *const *cols, size_t ncols)
{
	struct table *t = table_new(ncols, cols);
	struct buf cell = BUF_INIT;
	char **row = xcalloc(ncols, sizeof *row);
	size_t i;
	json_t *it;

	json_array_foreach(items, i, it) {
		for (size_t c = 0; c < ncols; c++) {
			json_t *v = json_object_get(it, cols[c]);
			buf_reset(&cell);
			if (json_is_string(v))
				buf_adds(&cell, json_string_value(v));
			else if (json_is_integer(v))
				buf_addf(&cell, "%lld", (long long)json_integer_value(v));
			else if (json_is_real(v))
				buf_addf(&cell, "%.15g", json_real_value(v));
			else if (json_is_boolean(v))
				buf_adds(&cell, json_is_true(v) ? "1" : "0");
			row[c] = xstrdup(buf_cstr(&cell));
		}
		table_add_row(t, (const char *const *)row);
		for (size_t c = 0; c < ncols; c++)
			free(row[c]);
	}
	buf_reset(&cx->out);
	buf_adds(&cx->out, "\xEF\xBB\xBF");
	table_render_csv(t, &cx->out);
	cx->status = 200;
	cx->content_type = "text/csv; charset=utf-8";
	table_free(t);
	free(row);
	buf_release(&cell);
}

/* ---- health, openapi ------------------------------------------------------------------ */

static void h_health(struct http_ctx *cx)
{
	struct app_health h;

	app_health(cx->app, &h);
	http_json(cx, 200, json_pack("{s:s, s:i, s:I}", "status", "ok", "schema", h.schema,
				     "generation", (json_int_t)h.generation));
}


/* ---- session -------------------------------------------------------------------------- */

static json_t *user_json(const struct account *a)
{
	return json_pack("{s:s, s:s, s:o, s:o}", "name", a->name, "role", a->role, "unit",
			 a->unit[0] ? json_string(a->unit) : json_null(), "target",
			 a->target[0] ? json_string(a->target) : json_null());
}

static void set_cookie(struct http_ctx *cx, const char *token, long max_age)
{
	snprintf(cx->set_cookie, sizeof cx->set_cookie,
		 "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s",
		 cx->cfg->behind_https ? "__Host-bangfu_session" : "bangfu_session", token, max_age,
		 cx->cfg->behind_https ? "; Secure" : "");
}

/* A sign-in is JSON only: an HTML form of another site can send text/plain or a form
 * without asking the browser's permission (CORS), never application/json. */
static bool json_body(struct http_ctx *cx)
{
	const char *ct = MHD_lookup_connection_value(cx->conn, MHD_HEADER_KIND, "Content-Type");
	size_t n = strlen("application/json");
	if (ct && strncasecmp(ct, "application/json", n) == 0 && (!ct[n] || ct[n] == ';' || ct[n] == ' '))
		return true;
	http_error(cx, BF_EINPUT, "send the sign-in as Content-Type: application/json", NULL);
	cx->status = 415;
	return false;
}

static json_t *capabilities(const struct principal *p);

/* The session's capabilities with the server's settings the pages need: the hand-over
 * window of the cadres page (docs/rotations.md). */
static json_t *session_capabilities(const struct http_ctx *cx, const struct principal *p)
{
	json_t *c = capabilities(p);
	json_object_set_new(c, "rotation", json_pack("{s:I}", "window",
						    (json_int_t)cx->cfg->rotation_window));
	return c;
}

static void h_login(struct http_ctx *cx)
{
	json_error_t jerr;
	const char *user = NULL, *pw = NULL;
	struct auth_policy pol = { cx->cfg->session_idle, cx->cfg->session_max,
				   cx->cfg->sessions_per_account };
	struct auth_session ses;
	struct bf_err err;
	int64_t retry = 0;

	if (!json_body(cx))
		return;
	if (json_unpack_ex(cx->json, &jerr, JSON_STRICT, "{s:s, s:s}", "username", &user,
			   "password", &pw)) {
		http_error(cx, BF_EINPUT, jerr.text, NULL);
		return;
	}
	bf_err_init(&err);
	if (auth_login(cx->app, user, pw, cx->address, cx->now, &pol, &ses, &retry, &err)) {
		cx->retry_after = (long)retry;
		http_fail(cx, &err);
	} else {
		struct principal who = auth_principal(&ses.account);
		set_cookie(cx, ses.token, cx->cfg->session_max);
		http_json(cx, 200, json_pack("{s:o, s:o, s:s}", "user", user_json(&ses.account),
					     "capabilities", session_capabilities(cx, &who), "csrf",
					     ses.csrf));
	}
	bf_err_release(&err);
}

/* What the role may do, so that no client needs to know the roles: per kind of record the
 * scope it reads and writes (core/access), and per endpoint beyond the records whether the
 * route table's role mask lets it in. */
static json_t *capabilities(const struct principal *p)
{
	static const struct { const char *name, *method, *pattern; } actions[] = {
		{ "check", "GET", "/api/v1/check" },       { "reports", "GET", "/api/v1/reports/{key}" },
		{ "import", "POST", "/api/v1/import" },    { "audit", "GET", "/api/v1/audit" },
		{ "users", "GET", "/api/v1/users" },       { "plans", "GET", "/api/v1/plans" },
		{ "plan", "POST", "/api/v1/plans" },
		{ "work_report", "GET", "/api/v1/reports/work" },
		{ "county_report", "GET", "/api/v1/reports/county/{key}" },
	};
	json_t *records = json_object(), *acts = json_object();

	for (size_t i = 0; i < model_ntypes; i++) {
		const struct record_type *t = model_types[i];
		char name[32];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(t->file, "."), t->file);
		json_object_set_new(records, name,
				    json_pack("{s:s, s:s}", "read",
					      access_scopes[access_read_scope(p, t)], "write",
					      access_scopes[access_write_scope(p, t)]));
	}
	for (size_t i = 0; i < WK_N; i++) { /* the groups' work (core/work) */
		const struct work_type *t = &work_types[i];
		json_t *r = json_pack("{s:s, s:s}", "read",
				      access_scopes[work_read_scope(p, t->kind)], "write",
				      access_scopes[work_write_scope(p, t->kind)]);
		if (t->kind == WK_COMMITMENT) /* who starts and delivers, who confirms */
			json_object_update_new(r, json_pack("{s:s, s:s}", "deliver",
				access_scopes[work_deliver_scope(p)], "confirm",
				access_scopes[work_confirm_scope(p)]));
		json_object_set_new(records, t->plural, r);
	}
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		for (size_t k = 0; k < http_nroutes; k++)
			if (strcmp(http_routes[k].method, actions[i].method) == 0 &&
			    strcmp(http_routes[k].pattern, actions[i].pattern) == 0)
				json_object_set_new(acts, actions[i].name,
						    json_boolean(!http_routes[k].roles ||
								 (http_routes[k].roles &
								  (1u << p->role))));
	/* the reporting cycle (app/cycle): whose reports it reads, what it may do with them */
	/* the assessments (app/assess): whose it reads, whether it creates and grades them */
	return json_pack("{s:o, s:o, s:o, s:o}", "records", records, "actions", acts, "cycle",
			 cycle_capabilities(p), "assessments", assess_capabilities(p));
}

static void h_whoami(struct http_ctx *cx)
{
	http_json(cx, 200, json_pack("{s:o, s:o, s:s}", "user", user_json(&cx->session.account),
				     "capabilities", session_capabilities(cx, &cx->who), "csrf",
				     cx->session.csrf));
}

static void h_logout(struct http_ctx *cx)
{
	const char *token = MHD_lookup_connection_value(
		cx->conn, MHD_COOKIE_KIND,
		cx->cfg->behind_https ? "__Host-bangfu_session" : "bangfu_session");
	struct bf_err err;

	bf_err_init(&err);
	if (token && auth_logout(cx->app, token, &err)) {
		http_fail(cx, &err);
	} else {
		set_cookie(cx, "", 0);
		cx->status = 204;
	}
	bf_err_release(&err);
}

/* ---- records --------------------------------------------------------------------------- */

static bool parse_long(struct http_ctx *cx, const char *name, long def, long max, long *out)
{
	const char *v = http_arg(cx, name);
	char *end;
	char msg[96];

	*out = def;
	if (!v)
		return true;
	*out = strtol(v, &end, 10);
	if (*v && !*end && *out >= 0 && *out <= max)
		return true;
	snprintf(msg, sizeof msg, "%s must be a whole number from 0 to %ld", name, max);
	http_error(cx, BF_EINPUT, msg, name);
	return false;
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *value)
{
	(void)kind;
	buf_addf(cls, "&%s=%s", key, value ? value : "");
	return MHD_YES;
}

/* What a list answer depends on besides the data: the path, the reader's scope, the query. */
static void answer_key(struct http_ctx *cx, struct buf *key)
{
	buf_addf(key, "%s|%d|%s|%s|%d|", cx->path, cx->who.role, cx->who.unit ? cx->who.unit : "",
		 cx->who.target ? cx->who.target : "", wants_csv(cx));
	MHD_get_connection_values(cx->conn, MHD_GET_ARGUMENT_KIND, add_arg, key);
}

static void h_list_encode(struct http_ctx *cx);

/* Lists are answered from the snapshot's cache of encoded answers when the same reader asked
 * the same since the last change: encoding JSON is most of a list's cost. The cached bytes are
 * sent as they are, shared with the cache, never copied. */
static void h_list(struct http_ctx *cx)
{
	struct buf key = BUF_INIT;
	struct blob *body;

	if (wants_xlsx(cx)) { /* binary: not for the cache of text answers */
		h_list_encode(cx);
		return;
	}
	answer_key(cx, &key);
	if ((body = snapshot_answer_get(cx->snap, key.data))) {
		http_send_blob(cx, body, wants_csv(cx) ? "text/csv; charset=utf-8"
						       : "application/json; charset=utf-8");
	} else {
		h_list_encode(cx);
		if (cx->status == 200) {
			body = blob_take(&cx->out);
			snapshot_answer_put(cx->snap, key.data, body);
			http_send_blob(cx, body, cx->content_type);
		}
	}
	buf_release(&key);
}

static void h_list_encode(struct http_ctx *cx)
{
	const struct record_type *t = cx->route->record;
	const char *filters = list_filters(t);
	struct list_query lq = { 0 };
	struct bf_err err;
	json_t *out;

	if (!format_ok(cx) || !parse_long(cx, "limit", LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, &lq.limit) ||
	    !parse_long(cx, "offset", 0, 1000000000L, &lq.offset))
		return;
	lq.round = strchr(filters, 'r') ? http_arg(cx, "round") : NULL;
	lq.target = strchr(filters, 't') ? http_arg(cx, "target") : NULL;
	lq.unit = strchr(filters, 'u') ? http_arg(cx, "unit") : NULL;
	lq.rank = strchr(filters, 'k') ? http_arg(cx, "rank") : NULL;
	lq.q = http_arg(cx, "q");
	lq.sort = http_arg(cx, "sort");
	bf_err_init(&err);
	if (list_records(&cx->snap->reg, &cx->who, t, &lq, &out, &err)) {
		http_error(cx, err.status, bf_err_msg(&err), "sort");
	} else if (wants_xlsx(cx)) {
		struct sheet_spec spec = { t->what, t->file, NULL, t };
		send_xlsx(cx, out, &spec, t->file);
		json_decref(out);
	} else if (wants_csv(cx)) {
		const char *cols[64];
		for (size_t i = 0; i < t->nfields; i++)
			cols[i] = t->fields[i].name;
		send_csv(cx, json_object_get(out, "items"), cols, t->nfields);
		json_decref(out);
	} else {
		http_json(cx, 200, out);
	}
	bf_err_release(&err);
}

static void h_get(struct http_ctx *cx)
{
	struct bf_err err;
	json_t *out;

	bf_err_init(&err);
	if (list_get(&cx->snap->reg, &cx->who, cx->route->record, cx->param, &out, &err))
		http_fail(cx, &err);
	else
		http_json(cx, 200, out);
	bf_err_release(&err);
}

/* ---- writes and the audit trail -------------------------------------------------------- */

/* A problem of a write as an import reports one: {"file", "line", "column", "field",
 * "message", "message_zh"}; a JSON body has no file, line or column. */
static json_t *problem_json(const char *message, const char *message_zh, const char *field)
{
	struct buf zh = BUF_INIT;
	json_t *p;

	if (field)
		buf_addf(&zh, "字段“%s”：", field);
	buf_adds(&zh, message_zh ? message_zh : message ? message : "");
	p = json_pack("{s:n, s:n, s:n, s:o, s:o, s:o}", "file", "line", "column", "field",
		      field ? http_string(field, 200) : json_null(), "message",
		      http_string(message ? message : "", 2000), "message_zh",
		      http_string(buf_cstr(&zh), 2200));
	buf_release(&zh);
	return p;
}

/* The error of a write: code, message, the column at fault, the rule it would break (422)
 * and, in a batch, the index of the failing change (index < 0: none); problems holds the same
 * as an import's structured problems. */
static void write_error(struct http_ctx *cx, const struct bf_err *err, const char *field,
			const char *rule, long index)
{
	const char *zh = bf_err_msg_zh(err);
	json_t *e = json_pack("{s:s, s:o}", "code", bf_status_name(err->status), "message",
			      http_string(bf_err_msg(err), 2000));

	if (zh)
		json_object_set_new(e, "message_zh", http_string(zh, 2000));
	json_object_set_new(e, "field", field ? json_string(field) : json_null());
	json_object_set_new(e, "problems", json_pack("[o]", problem_json(bf_err_msg(err), zh,
									 field)));
	if (rule)
		json_object_set_new(e, "rule", json_string(rule));
	if (index >= 0)
		json_object_set_new(e, "index", json_integer(index));
	http_json(cx, http_status_of(err->status), json_pack("{s:o}", "error", e));
}

static void write_one(struct http_ctx *cx, enum write_op op)
{
	struct write_result res;
	struct bf_err err;

	bf_err_init(&err);
	if (write_record(cx->app, &cx->who, cx->address, cx->route->record, op, cx->param,
			 cx->json, &res, &err)) {
		write_error(cx, &err, res.field, res.rule, -1);
	} else if (op == WRITE_DELETE) {
		cx->status = 204;
	} else {
		http_json(cx, op == WRITE_CREATE ? 201 : 200, res.record);
	}
	bf_err_release(&err);
}

static void h_create(struct http_ctx *cx) { write_one(cx, WRITE_CREATE); }
static void h_update(struct http_ctx *cx) { write_one(cx, WRITE_UPDATE); }
static void h_delete(struct http_ctx *cx) { write_one(cx, WRITE_DELETE); }

/* Decodes one element of "changes"; false with a message naming its JSON path. */
static bool decode_change(json_t *v, size_t i, struct write_change *c, char *msg, size_t n)
{
	static const char *const ops[] = { "create", "update", "delete" };
	const char *k, *op = NULL, *entity = NULL;
	json_t *x;
	char path[64];
	bool op_ok = false;

	memset(c, 0, sizeof *c);
	if (!json_is_object(v)) {
		snprintf(msg, n, "changes[%zu]: give an object {\"op\",\"entity\",\"key\",\"record\"}",
			 i);
		return false;
	}
	json_object_foreach(v, k, x) {
		if (strcmp(k, "op") == 0 && json_is_string(x))
			op = json_string_value(x);
		else if (strcmp(k, "entity") == 0 && json_is_string(x))
			entity = json_string_value(x);
		else if (strcmp(k, "key") == 0 && json_is_string(x))
			c->key = json_string_value(x);
		else if (strcmp(k, "record") == 0 && json_is_object(x))
			c->body = x;
		else {
			snprintf(msg, n, "changes[%zu].%.40s: %s", i, k,
				 strcmp(k, "op") && strcmp(k, "entity") && strcmp(k, "key") &&
						 strcmp(k, "record")
					 ? "not a field of a change (op, entity, key, record)"
					 : "has the wrong type");
			return false;
		}
	}
	for (size_t j = 0; op && j < 3; j++)
		if (strcmp(op, ops[j]) == 0) {
			c->op = (enum write_op)j;
			op_ok = true;
		}
	snprintf(path, sizeof path, "/api/v1/%.40s", entity ? entity : "");
	if (!op_ok)
		snprintf(msg, n, "changes[%zu].op: give create, update or delete", i);
	else if (!entity || !(c->t = type_of(path)) || strchr(entity, '/'))
		snprintf(msg, n, "changes[%zu].entity: give rounds, targets, units, groups, members, "
				 "cadres or indicators", i);
	else if (c->op != WRITE_CREATE && !c->key)
		snprintf(msg, n, "changes[%zu].key: the record's key is needed to %s it", i,
			 ops[c->op]);
	else if (c->op != WRITE_DELETE && !c->body)
		snprintf(msg, n, "changes[%zu].record: give the record's columns as an object", i);
	else
		return true;
	return false;
}

bool http_changes_decode(json_t *body, struct write_change *ch, size_t *n, const char **round,
			 bool *dry, char *msg, size_t msgn)
{
	json_t *changes, *jdry = NULL, *jround = NULL;
	json_error_t jerr;

	*n = 0;
	if (!body || !json_is_object(body) ||
	    json_unpack_ex(body, &jerr, JSON_STRICT, "{s:o, s?o, s?o}", "changes", &changes,
			   "dry_run", &jdry, "round", &jround) ||
	    !json_is_array(changes) || (jdry && !json_is_boolean(jdry)) ||
	    (jround && !json_is_string(jround))) {
		snprintf(msg, msgn, "give {\"changes\":[{\"op\",\"entity\",\"key\",\"record\"}, "
				    "...], \"dry_run\":true|false, \"round\":NAME}");
		return false;
	}
	*dry = jdry && json_is_true(jdry);
	*round = jround ? json_string_value(jround) : NULL;
	if (json_array_size(changes) == 0 || json_array_size(changes) > WRITE_BATCH_MAX) {
		snprintf(msg, msgn, "changes: give between 1 and %d changes", WRITE_BATCH_MAX);
		return false;
	}
	for (size_t i = 0; i < json_array_size(changes); i++)
		if (!decode_change(json_array_get(changes, i), i, &ch[i], msg, msgn))
			return false;
	*n = json_array_size(changes);
	return true;
}

static void h_changes(struct http_ctx *cx)
{
	struct write_change ch[WRITE_BATCH_MAX];
	struct write_batch_result res;
	const char *round = NULL;
	bool dry_run = false;
	struct bf_err err;
	char msg[300];
	size_t n = 0;

	if (!http_changes_decode(cx->json, ch, &n, &round, &dry_run, msg, sizeof msg)) {
		char field[64];
		snprintf(field, sizeof field, "%.*s", (int)strcspn(msg, ":"), msg);
		http_error(cx, BF_EINPUT, msg, strncmp(msg, "give ", 5) ? field : NULL);
		return;
	}
	bf_err_init(&err);
	if (write_changes(cx->app, &cx->who, cx->address, ch, n,
			  round, &(struct rules_opts){ cx->cfg->end_window }, dry_run, &res, &err)) {
		write_error(cx, &err, res.field, res.rule, res.index < n ? (long)res.index : -1);
	} else {
		http_json(cx, 200, json_pack("{s:b, s:I, s:o, s:o}", "dry_run", dry_run, "applied",
					     (json_int_t)(dry_run ? 0 : n),
					     "records", res.records, "check",
					     res.check ? res.check : json_null()));
	}
	bf_err_release(&err);
}

/* from/to: a date (the whole day) or a time as the audit trail writes it. */
static bool time_arg(struct http_ctx *cx, const char *name, bool end, char out[40])
{
	const char *v = http_arg(cx, name);
	bf_day d;

	out[0] = '\0';
	if (!v)
		return true;
	if (strlen(v) >= 10 && strlen(v) < 32 && strspn(v + 10, "T0123456789:.Z") == strlen(v + 10)) {
		char day[11];
		memcpy(day, v, 10);
		day[10] = '\0';
		if (date_parse(day, &d)) {
			snprintf(out, 40, "%s%s", v, strlen(v) == 10 ? (end ? "T99" : "T") : "");
			return true;
		}
	}
	http_error(cx, BF_EINPUT, "give a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ)",
		   name);
	return false;
}

/* Appends "&key=value" (value percent-encoded), if there is a value. */
static void query_add(struct buf *b, const char *key, const char *value)
{
	if (!value)
		return;
	buf_addf(b, "&%s=", key);
	http_percent_encode(b, value);
}

/* The address of the audit page after this one: the same filters, older rows (before). */
static json_t *audit_next_url(struct http_ctx *cx, long limit, long before)
{
	static const char *const keep[] = { "user", "entity", "from", "to" };
	struct buf b = BUF_INIT;
	json_t *url;

	buf_addf(&b, "/api/v1/audit?limit=%ld&before=%ld", limit, before);
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
		query_add(&b, keep[i], http_arg(cx, keep[i]));
	url = json_string(buf_cstr(&b));
	buf_release(&b);
	return url;
}

static void h_audit(struct http_ctx *cx)
{
	char from[40], to[40];
	struct audit_request q = { 0 };
	struct bf_err err;
	long before;
	json_t *out;

	if (!time_arg(cx, "from", false, from) ||
	    !time_arg(cx, "to", true, to))
		return;
	if (!parse_long(cx, "limit", AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT, &q.limit) ||
	    q.limit == 0) {
		http_error(cx, BF_EINPUT, "limit must be a whole number from 1 to 1000", "limit");
		return;
	}
	if (!parse_long(cx, "offset", 0, 1000000000L, &q.offset) ||
	    !parse_long(cx, "before", 0, LONG_MAX, &before))
		return;
	q.account = http_arg(cx, "user");
	q.entity = http_arg(cx, "entity");
	q.from = from[0] ? from : NULL;
	q.to = to[0] ? to : NULL;
	q.before = before;
	bf_err_init(&err);
	if (audit_list(cx->app, &q, &out, &err)) {
		http_fail(cx, &err);
	} else {
		json_t *nb = json_object_get(out, "next_before");
		json_object_set_new(out, "next", json_is_integer(nb)
						 ? audit_next_url(cx, q.limit,
								  (long)json_integer_value(nb))
						 : json_null());
		http_json(cx, 200, out);
	}
	bf_err_release(&err);
}

/* ---- import --------------------------------------------------------------------------- */

/* The uploaded files: a multipart form decoded by the server as it arrived (http_upload), or
 * the raw body as one file (?file=NAME.csv). */
struct upload {
	const char *name[HTTP_MAX_UPLOADS];
	const struct buf *data[HTTP_MAX_UPLOADS];
	size_t n;
};

static bool read_upload(struct http_ctx *cx, struct upload *up)
{
	const char *file = http_arg(cx, "file");
	const struct http_upload *form = cx->upload;

	if (file) { /* one file as the raw body: POST /api/v1/import?file=cadres.csv */
		up->name[0] = fileio_basename(file);
		up->data[0] = cx->body;
		up->n = 1;
		return true;
	}
	if (!form) {
		http_error(cx, BF_EINPUT, "send the CSV files as multipart/form-data, or one file as "
					  "the body with ?file=NAME.csv", NULL);
		cx->status = 415;
		return false;
	}
	if (form->bad || form->too_many || form->n == 0) {
		http_error(cx, BF_EINPUT, form->too_many ? "at most 16 files per import"
							 : "no CSV file found in the form data",
			   NULL);
		return false;
	}
	for (size_t i = 0; i < form->n; i++) {
		up->name[i] = form->name[i];
		up->data[i] = &form->data[i];
	}
	up->n = form->n;
	return true;
}

/* ?dry_run=1|true|0|false (absent: false). */
static bool dry_run_arg(struct http_ctx *cx, bool *out)
{
	const char *v = http_arg(cx, "dry_run");
	*out = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	if (!v || *out || strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		return true;
	http_error(cx, BF_EINPUT, "dry_run must be 1, true, 0 or false", "dry_run");
	return false;
}

static void h_import(struct http_ctx *cx)
{
	struct upload up;
	struct import_source src[HTTP_MAX_UPLOADS];
	struct import_result res = { 0 };
	struct bf_err err;

	memset(&up, 0, sizeof up);
	if (!dry_run_arg(cx, &res.dry_run))
		return;
	if ((res.encoding = http_arg(cx, "encoding")) && !text_encoding_known(res.encoding)) {
		http_error(cx, BF_EINPUT, "encoding: not an encoding this server knows; use e.g. "
					  "GB18030, BIG5, SHIFT_JIS, EUC-KR, WINDOWS-1252, UTF-8", "encoding");
		return;
	}
	if (!read_upload(cx, &up))
		return;
	res.problems = json_array();
	for (size_t i = 0; i < up.n; i++)
		src[i] = (struct import_source){ up.name[i], up.data[i]->data ? up.data[i]->data : "",
						 up.data[i]->len };
	bf_err_init(&err);
	if (import_sources(cx->app, cx->who.name, cx->address, src, up.n, &res, &err)) {
		json_t *lines = json_array();
		const char *m = bf_err_msg(&err);
		while (*m) {
			const char *nl = strchr(m, '\n');
			size_t n = nl ? (size_t)(nl - m) : strlen(m);
			char *line = xstrndup(m, n);
			json_array_append_new(lines, http_string(line, 2000));
			free(line);
			m += n + (nl != NULL);
		}
		if (!json_array_size(res.problems)) /* a problem of no file's line: the message */
			json_array_append_new(res.problems, problem_json(json_string_value(
					json_array_get(lines, 0)), NULL, NULL));
		http_json(cx, http_status_of(err.status),
			  json_pack("{s:{s:s, s:O, s:n, s:o, s:O}}", "error", "code",
				    bf_status_name(err.status), "message", json_array_get(lines, 0),
				    "field", "errors", lines, "problems", res.problems));
	} else {
		json_t *rows = json_object();
		for (size_t t = 0; t < model_ntypes; t++)
			if (res.encodings[t])
				json_object_set_new(rows, model_types[t]->file,
						    json_integer((json_int_t)res.rows[t]));
		for (size_t t = 0; t < WORK_NFILES; t++)
			if (res.work_encodings[t])
				json_object_set_new(rows, work_import_names[t],
						    json_integer((json_int_t)res.work_rows[t]));
		http_json(cx, 200, res.dry_run ? json_pack("{s:b, s:o}", "dry_run", 1, "imported", rows)
					       : json_pack("{s:o}", "imported", rows));
	}
	bf_err_release(&err);
	json_decref(res.problems);
}

/* ---- check and reports ---------------------------------------------------------------- */

static bool day_arg(struct http_ctx *cx, bf_day *d)
{
	const char *v = http_arg(cx, "as_of");
	*d = date_today();
	if (!v || date_parse(v, d))
		return true;
	http_error(cx, BF_EINPUT, "as_of must be a date: YYYY-MM-DD", "as_of");
	return false;
}

static void h_check(struct http_ctx *cx)
{
	struct violations v;
	struct bf_err err;
	size_t round;
	bf_day day;

	if (!day_arg(cx, &day))
		return;
	bf_err_init(&err);
	violations_init(&v);
	if (check_round(&cx->snap->reg, http_arg(cx, "round"), day,
			&(struct rules_opts){ cx->cfg->end_window }, &cx->who, &round, &v, &err))
		http_fail(cx, &err);
	else
		http_json(cx, 200, check_json(&cx->snap->reg, round, day, &v));
	violations_release(&v);
	bf_err_release(&err);
}

static void h_report(struct http_ctx *cx)
{
	const struct report_def *d = report_find(cx->param);
	struct report_opts o = { http_arg(cx, "round"), 0, 180 };
	struct bf_err err;
	json_t *out;

	if (!d) {
		http_error(cx, BF_ENOTFOUND, "no such report: summary, coverage, groups, cadres, "
					     "rotations, shares, indicators", NULL);
		return;
	}
	if (!format_ok(cx) || !day_arg(cx, &o.as_of) ||
	    !parse_long(cx, "within", 180, 36500, &o.within))
		return;
	bf_err_init(&err);
	if (report_run(&cx->snap->reg, cx->param, &o, &out, &err)) {
		http_fail(cx, &err);
	} else if (wants_xlsx(cx)) {
		char title[96];
		struct sheet_spec spec = { d->name, title, d->columns, NULL };
		snprintf(title, sizeof title, "report %s %s", d->name, d->title_zh);
		send_xlsx(cx, out, &spec, d->name);
		json_decref(out);
	} else if (wants_csv(cx) && d->columns) {
		size_t n = 0;
		while (d->columns[n])
			n++;
		send_csv(cx, json_object_get(out, "items"), d->columns, n);
		json_decref(out);
	} else {
		http_json(cx, 200, out);
	}
	bf_err_release(&err);
}

/* The encoders above for the handlers of the other route files (routes_report.c). */
bool http_format_ok(struct http_ctx *cx) { return format_ok(cx); }
bool http_day_arg(struct http_ctx *cx, bf_day *d) { return day_arg(cx, d); }
bool http_wants_csv(struct http_ctx *cx) { return wants_csv(cx); }
bool http_wants_xlsx(struct http_ctx *cx) { return wants_xlsx(cx); }
void http_send_csv(struct http_ctx *cx, json_t *items, const char *const *cols, size_t ncols)
{
	send_csv(cx, items, cols, ncols);
}
void http_send_xlsx(struct http_ctx *cx, json_t *doc, const struct sheet_spec *spec,
		    const char *name)
{
	send_xlsx(cx, doc, spec, name);
}
bool http_long_arg(struct http_ctx *cx, const char *name, long def, long max, long *out)
{
	return parse_long(cx, name, def, max, out);
}

/* A page's bound as the cycle's and the assessments' lists take it (absent: 0). */
static bool page_arg(struct http_ctx *cx, const char *name, long *v)
{
	const char *s = http_arg(cx, name);
	char *end;
	*v = 0;
	if (!s)
		return true;
	*v = strtol(s, &end, 10);
	if (*s && !*end && *v >= 0 && *v <= 10000000)
		return true;
	http_error_zh(cx, BF_EINPUT, "give a whole number", "应为整数", name);
	return false;
}

bool http_list_args(struct http_ctx *cx, long *limit, long *offset)
{
	return format_ok(cx) && page_arg(cx, "limit", limit) && page_arg(cx, "offset", offset);
}

bool http_send_list(struct http_ctx *cx, json_t *out, const struct sheet_spec *spec,
		    const char *name)
{
	size_t n = 0;

	if (wants_xlsx(cx)) {
		send_xlsx(cx, out, spec, name);
	} else if (wants_csv(cx)) {
		while (spec->columns[n])
			n++;
		send_csv(cx, json_object_get(out, "items"), spec->columns, n);
		snprintf(cx->disposition, sizeof cx->disposition,
			 "attachment; filename=\"bangfu-%s.csv\"", name);
	} else {
		return false;
	}
	json_decref(out);
	return true;
}

/* ---- the table ------------------------------------------------------------------------ */

#define END { NULL, NULL, NULL }

static const struct route_param list_params[] = {
	{ "round", "string", "only the records of this round (groups, members, cadres)" },
	{ "target", "string", "only the records of this target (adcode)" },
	{ "unit", "string", "only the records of this unit (code)" },
	{ "rank", "string", "cadres of this rank: division, middle or section" },
	{ "q", "string", "only records with this text in a name or key" },
	{ "sort", "string", "a column to sort by, '-' before it for descending" },
	{ "limit", "integer", "records per page (default 100, at most 10000)" },
	{ "offset", "integer", "records to skip" },
	{ "format", "string", "json (default), csv or xlsx" },
	END,
};
static const struct route_param check_params[] = {
	{ "round", "string", "the round (default: the one in progress on as_of)" },
	{ "as_of", "date", "the day the rules are judged on (default: today)" },
	END,
};
static const struct route_param report_params[] = {
	{ "round", "string", "the round (default: the one in progress on as_of)" },
	{ "as_of", "date", "the day of the report (default: today)" },
	{ "within", "integer", "rotations: terms ending within this many days (default 180)" },
	{ "format", "string", "json (default), csv or xlsx" },
	END,
};
static const struct route_param work_report_params[] = {
	{ "by", "string", "rows by target (default), group, unit, prefecture, domain, task or class" },
	{ "round", "string", "the round (default: the one in progress on as_of)" },
	{ "as_of", "date", "overdue as of this day (default: today)" },
	{ "format", "string", "json (default), csv or xlsx" },
	END,
};
static const struct route_param county_report_params[] = {
	{ "round", "string", "the round (default: the one in progress on as_of)" },
	{ "as_of", "date", "the day of the summary (default: today)" },
	END,
};
static const struct route_param audit_params[] = {
	{ "user", "string", "only this account's changes" },
	{ "entity", "string", "only changes of this kind of record (cadre, member, account...)" },
	{ "from", "string", "from this day (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM:SSZ)" },
	{ "to", "string", "up to this day or time" },
	{ "limit", "integer", "rows per page, the newest first chosen (default 100, 1 to 1000)" },
	{ "before", "integer", "only rows with a smaller id (next_before of the page after)" },
	{ "offset", "integer", "newer rows to skip" },
	END,
};
static const struct route_param import_params[] = {
	{ "file", "string", "the file name when the body is one CSV file (not a form)" },
	{ "dry_run", "boolean", "1 or true: validate everything, write nothing" },
	{ "encoding", "string", "the files' encoding (an iconv name: BIG5, SHIFT_JIS, EUC-KR...), "
				"instead of detecting UTF-8 or GB18030" },
	END,
};

static const struct route_param periods_params[] = {
	{ "round", "string", "only the periods of this round" },
	END,
};
static const struct route_param group_reports_params[] = {
	{ "round", "string", "only the reports of this round" },
	{ "period", "integer", "only the reports of this period (its id)" },
	{ "status", "string", "draft, submitted, returned or approved" },
	{ "group", "string", "only this group's reports" },
	{ "target", "string", "only the reports of this target's groups (adcode)" },
	{ "prefecture", "string", "only the reports of targets in this prefecture (地级市)" },
	{ "limit", "integer", "reports per page (default 100, at most 10000)" },
	{ "offset", "integer", "reports to skip" },
	{ "format", "string", "json (default) or csv" },
	END,
};
static const struct route_param inbox_params[] = {
	{ "kind", "string", "only these kinds of item, comma-separated (report_due, report_overdue, "
	  "report_returned, report_waiting, commitment_overdue, confirmation_waiting, term_ending, "
	  "finding); the counts stay whole" },
	{ "summary", "boolean", "1: the counts per kind only (the header's badge)" },
	{ "limit", "integer", "items per page (default 100, at most 1000)" },
	{ "offset", "integer", "items of the asked kinds to skip, in the inbox's order (at most "
	  "100000); matched says how many there are" },
	{ "as_of", "date", "the day due and overdue are judged on (default: today)" },
	END,
};
static const struct route_param assessments_params[] = {
	{ "round", "string", "only the assessments of this round" },
	{ "kind", "string", "year (a year's end) or round (the round's end)" },
	{ "year", "integer", "only the assessments of this year" },
	{ "group", "string", "only this group's assessments" },
	{ "target", "string", "only the assessments of this target's groups (adcode)" },
	{ "prefecture", "string", "only the assessments of targets in this prefecture (地级市)" },
	{ "grade", "string", "优秀, 良好, 一般, 较差, or none (not graded yet)" },
	{ "limit", "integer", "assessments per page (default 100, at most 10000)" },
	{ "offset", "integer", "assessments to skip" },
	{ "format", "string", "json (default), csv or xlsx" },
	END,
};
static const struct route_param attachment_params[] = {
	{ "name", "string", "the file name when the body is the file itself (not a form)" },
	END,
};

/* A row: method, pattern, flags, roles, handler, summary, then what the route takes and
 * answers by name (.params, .body, .example, .record, .answer). */
#define ROW(m, pat, fl, ro, h, sum, ...)                                                      \
	{ .method = (m), .pattern = (pat), .flags = (fl), .roles = (ro), .handle = (h),        \
	  .summary = (sum), __VA_ARGS__ }

#define RECORD_EXAMPLE "{\"COLUMN\":\"VALUE\", ...} (docs/data-format.md)"

#define RECORDS(seg, what, rec)                                                               \
	ROW("GET", "/api/v1/" seg, R_REGISTRY, ALL, h_list, "list " what, .params = list_params,  \
	  .record = &(rec), .answer = ANS_LIST),                                               \
	ROW("POST", "/api/v1/" seg, R_WRITE, ALL, h_create, "create a " what, .body = BODY_JSON,  \
	  .example = RECORD_EXAMPLE, .record = &(rec), .answer = ANS_RECORD),                   \
	ROW("GET", "/api/v1/" seg "/{key}", R_REGISTRY, ALL, h_get, "one " what " by key",         \
	  .record = &(rec), .answer = ANS_RECORD),                                             \
	ROW("PATCH", "/api/v1/" seg "/{key}", R_WRITE, ALL, h_update, "change a " what,            \
	  .body = BODY_JSON, .example = RECORD_EXAMPLE, .record = &(rec), .answer = ANS_RECORD), \
	ROW("DELETE", "/api/v1/" seg "/{key}", R_WRITE, ALL, h_delete, "delete a " what,           \
	  .record = &(rec), .answer = ANS_EMPTY)

#define WORK_RECORDS(k, seg, what, ro, ex)                                                \
	ROW("GET", "/api/v1/" seg, 0, ALL, http_work_list, "list " what " (docs/work.md)",         \
	  .params = http_work_params[k], .answer = ANS_LIST),                                   \
	ROW("POST", "/api/v1/" seg, R_WRITE, ro, http_work_create, "create a " what,             \
	  .body = BODY_JSON, .example = ex, .answer = ANS_RECORD),                         \
	ROW("GET", "/api/v1/" seg "/{key}", 0, ALL, http_work_get, "one " what " by key",          \
	  .answer = ANS_RECORD),                                                                 \
	ROW("PATCH", "/api/v1/" seg "/{key}", R_WRITE, ro, http_work_update,                     \
	  "change a " what " (the fields given)", .body = BODY_JSON, .example = ex,        \
	  .answer = ANS_RECORD),                                                                 \
	ROW("DELETE", "/api/v1/" seg "/{key}", R_WRITE, ro, http_work_delete, "delete a " what,  \
	  .answer = ANS_EMPTY)

static const struct route_param evidence_params[] = {
	{ "file", "string", "the file name when the body is the file itself (not a form)" },
	END,
};

const struct route http_routes[] = {
	ROW("GET", "/api/v1/health", R_PUBLIC, ALL, h_health, "liveness; needs no session"),
	ROW("GET", "/api/v1/openapi.json", R_PUBLIC, ALL, http_openapi, "this API as OpenAPI 3.1"),
	ROW("POST", "/api/v1/session", R_PUBLIC, ALL, h_login, "sign in", .body = BODY_JSON,
	  .example = "{\"username\":\"...\",\"password\":\"...\"}"),
	ROW("GET", "/api/v1/session", 0, ALL, h_whoami, "the signed-in user and CSRF token"),
	ROW("DELETE", "/api/v1/session", R_WRITE, ALL, h_logout, "sign out", .answer = ANS_EMPTY),
	RECORDS("rounds", "round", model_rounds),
	RECORDS("targets", "target", model_targets),
	RECORDS("units", "unit", model_units),
	RECORDS("groups", "group", model_groups),
	RECORDS("members", "membership", model_members),
	RECORDS("cadres", "cadre", model_cadres),
	RECORDS("indicators", "indicator", model_indicators),
	WORK_RECORDS(WK_TASK, "tasks", "task of a round (key ROUND,CODE)", 1u << ACC_ADMIN,
		     "{\"round\":\"2023-2026\",\"code\":\"A1\",\"domain\":\"industry\",\"name_zh\":\"...\"}"),
	WORK_RECORDS(WK_NEED, "needs", "need of a county (需求清单)", ALL,
		     "{\"target\":\"440881\",\"task\":\"A1\",\"title\":\"...\",\"priority\":1}"),
	WORK_RECORDS(WK_COMMITMENT, "commitments", "commitment (帮扶事项; a status change is a PATCH "
		     "of status)", ALL,
		     "{\"target\":\"440881\",\"unit\":\"U048\",\"task\":\"A1\",\"title\":\"...\","
		     "\"measure\":\"亩\",\"target_value\":100,\"due\":\"2026-06-30\"}"),
	WORK_RECORDS(WK_RESOURCE, "resources", "resource brought in (资源导入)", ALL,
		     "{\"kind\":\"funds\",\"amount\":1000000,\"target\":\"440881\",\"unit\":\"U048\","
		     "\"date\":\"2025-03-01\"}"),
	WORK_RECORDS(WK_POLICY, "policies", "policy document (政策文件)", ALL,
		     "{\"unit\":\"U048\",\"title\":\"...\",\"date\":\"2025-03-01\","
		     "\"targets\":[\"440881\"],\"tasks\":[\"A1\"]}"),
	ROW("POST", "/api/v1/commitments/{key}/evidence", R_WRITE, ALL, http_work_evidence_add,
	  "attach an evidence file to a commitment (multipart/form-data, one file, at most 8 MB)",
	  .params = evidence_params, .body = BODY_UPLOAD, .answer = ANS_OBJECT),
	ROW("GET", "/api/v1/commitments/{key}/evidence", 0, ALL, http_work_evidence_list,
	  "the evidence files of a commitment", .answer = ANS_OBJECT),
	ROW("GET", "/api/v1/evidence/{key}", 0, ALL, http_work_evidence_get,
	  "an evidence file (a download with its type and name)", .answer = ANS_FILE),
	ROW("DELETE", "/api/v1/evidence/{key}", R_WRITE, ALL, http_work_evidence_delete,
	  "remove an evidence file (its commitment's unit, admin; not the only evidence of a "
	  "delivery, not in a locked period)", .answer = ANS_EMPTY),
	ROW("GET", "/api/v1/periods", 0, ALL, http_periods_list,
	  "the rounds' reporting periods (docs/cycle.md) with their reports by status",
	  .params = periods_params),
	ROW("POST", "/api/v1/periods", R_WRITE, 1u << ACC_ADMIN, http_periods_generate,
	  "cut a round into periods again: kind monthly, quarterly (default), half_yearly or "
	  "yearly, due due_days (default 10) after each end; refused once reports exist",
	  .body = BODY_JSON, .example = "{\"round\":\"2023-2026\",\"kind\":\"quarterly\","
					"\"due_days\":10}"),
	ROW("GET", "/api/v1/periods/{key}", 0, ALL, http_period_get, "one period by id"),
	ROW("PATCH", "/api/v1/periods/{key}", R_WRITE, 1u << ACC_ADMIN, http_period_update,
	  "change a period's name or due date", .body = BODY_JSON,
	  .example = "{\"due\":\"2024-04-15\"}"),
	ROW("GET", "/api/v1/group-reports", 0, ALL, http_group_reports_list,
	  "the group reports the reader may see (a unit: its groups'; a county: its own), "
	  "filtered by round, period, status, group, target, prefecture",
	  .params = group_reports_params),
	ROW("POST", "/api/v1/group-reports", R_WRITE, ALL, http_group_report_create,
	  "create a group's report for a period (the office or the group's units)",
	  .body = BODY_JSON, .example = "{\"group\":\"G2023-440881\",\"period\":3}"),
	ROW("POST", "/api/v1/group-reports/approve", R_WRITE, ALL, http_group_reports_approve,
	  "approve many submitted reports in one transaction (the office), all or none",
	  .body = BODY_JSON, .example = "{\"ids\":[1,2,3]}"),
	ROW("GET", "/api/v1/group-reports/{key}", 0, ALL, http_group_report_get,
	  "one report: figures (counted now for a draft, frozen once approved), narrative, "
	  "paragraphs, attachments, the reader's next actions"),
	ROW("PATCH", "/api/v1/group-reports/{key}", R_WRITE, ALL, http_group_report_update,
	  "write the narrative (the lead unit): problems, next_steps", .body = BODY_JSON,
	  .example = "{\"problems\":\"...\",\"next_steps\":\"...\"}"),
	ROW("POST", "/api/v1/group-reports/{key}/contribution", R_WRITE, ALL,
	  http_group_report_contribute, "write the unit's own paragraph (an admin names unit)",
	  .body = BODY_JSON, .example = "{\"text\":\"...\"}"),
	ROW("POST", "/api/v1/group-reports/{key}/submit", R_WRITE, ALL,
	  http_group_report_transition, "submit a draft or returned report (the lead unit)"),
	ROW("POST", "/api/v1/group-reports/{key}/return", R_WRITE, ALL,
	  http_group_report_transition, "return a submitted report with a reason (the office)",
	  .body = BODY_JSON, .example = "{\"reason\":\"...\"}"),
	ROW("POST", "/api/v1/group-reports/{key}/approve", R_WRITE, ALL,
	  http_group_report_transition,
	  "approve a submitted report (the office): its figures are frozen, its period locked"),
	ROW("POST", "/api/v1/group-reports/{key}/reopen", R_WRITE, ALL,
	  http_group_report_transition, "reopen an approved report with a reason (an admin)",
	  .body = BODY_JSON, .example = "{\"reason\":\"...\"}"),
	ROW("POST", "/api/v1/group-reports/{key}/attachments", R_WRITE, ALL,
	  http_group_report_attach,
	  "attach a PDF, DOCX, XLSX, JPEG or PNG (by content) to a draft report "
	  "(multipart/form-data, one file, or the body with ?name=FILE)",
	  .params = attachment_params, .body = BODY_UPLOAD),
	ROW("GET", "/api/v1/group-reports/{key}/attachments", 0, ALL,
	  http_group_report_attachments, "a report's attachments"),
	ROW("GET", "/api/v1/report-attachments/{key}", 0, ALL, http_report_attachment_get,
	  "an attachment, downloaded with its original name", .answer = ANS_FILE),
	ROW("GET", "/api/v1/inbox", R_REGISTRY, ALL, http_inbox,
	  "the signed-in person's inbox: what is theirs to do, with a count per kind "
	  "(docs/cycle.md)", .params = inbox_params),
	ROW("GET", "/api/v1/assessments", 0, ALL, http_assessments_list,
	  "the groups' assessments the reader may see (a unit: its groups'; a county: its own), "
	  "each with its evidence; filtered by round, kind, year, group, target, prefecture, grade; "
	  "never ranked", .params = assessments_params, .answer = ANS_LIST),
	ROW("POST", "/api/v1/assessments", R_WRITE, ALL, http_assessments_create,
	  "create the year's or the round's assessment of one group, or of every group of a round "
	  "(the office), in one transaction",
	  .body = BODY_JSON, .example = "{\"round\":\"2023-2026\",\"kind\":\"year\",\"year\":2024}"),
	ROW("GET", "/api/v1/assessments/{key}", 0, ALL, http_assessment_get,
	  "one assessment with its evidence (counted now, or frozen when graded)"),
	ROW("PATCH", "/api/v1/assessments/{key}", R_WRITE, ALL, http_assessment_grade,
	  "grade an assessment (the office): grade 优秀, 良好, 一般 or 较差 (null clears it), "
	  "comment; the first grade freezes the evidence",
	  .body = BODY_JSON, .example = "{\"grade\":\"良好\",\"comment\":\"...\"}"),
	ROW("POST", "/api/v1/changes", R_WRITE, ALL, h_changes,
	  "several creates, changes and deletes in one transaction; dry_run previews the checks",
	  .body = BODY_JSON,
	  .example = "{\"changes\":[{\"op\":\"update\",\"entity\":\"cadres\",\"key\":\"C0001\","
		     "\"record\":{\"post\":\"副县长\"}}],\"dry_run\":true}"),
	ROW("GET", "/api/v1/geo", 0, ALL, http_geo,
	  "the county-level units' boundaries (GeoJSON, adcode in each feature's properties)",
	  .answer = ANS_FILE),
	ROW("GET", "/api/v1/check", R_REGISTRY, ALL, h_check,
	  "the rule checks of a round (a unit or county: the findings about its own groups)",
	  .params = check_params),
	ROW("GET", "/api/v1/reports/work", R_REGISTRY, ALL, http_report_work,
	  "the work summed up by target, group, unit, prefecture, domain, task or class (a unit: "
	  "its groups' targets; a county: its own)", .params = work_report_params),
	ROW("GET", "/api/v1/reports/county/{key}", R_REGISTRY, ALL, http_report_county,
	  "one county's annual summary: group, cadres, needs, commitments, resources, policies, "
	  "indicators", .params = county_report_params),
	ROW("GET", "/api/v1/reports/{key}", R_REGISTRY, READERS, h_report, "a report",
	  .params = report_params),
	ROW("POST", "/api/v1/import", R_WRITE, 1u << ACC_ADMIN, h_import,
	  "import CSV files (multipart/form-data, or one file with ?file=NAME.csv), all or "
	  "nothing", .params = import_params, .body = BODY_UPLOAD),
	ROW("GET", "/api/v1/audit", 0, (1u << ACC_ADMIN) | (1u << ACC_AUDITOR), h_audit,
	  "the audit trail, filtered by user, entity, from, to, in pages", .params = audit_params),
	ROW("GET", "/api/v1/users", 0, 1u << ACC_ADMIN, http_users_list,
	  "the accounts (never their passwords)"),
	ROW("POST", "/api/v1/users", R_WRITE | R_REGISTRY, 1u << ACC_ADMIN, http_users_create,
	  "create an account: name, role, unit or target, password (generated when absent)",
	  .body = BODY_JSON, .example = "{\"name\":\"tongji\",\"role\":\"unit\",\"unit\":\"U048\"}"),
	ROW("PATCH", "/api/v1/users/{key}", R_WRITE | R_REGISTRY, ALL, http_users_update,
	  "change an account: role, unit, target, disabled, password, reset_password or email "
	  "(an admin); one's own email (anyone)",
	  .body = BODY_JSON, .example = "{\"disabled\":true}"),
	ROW("POST", "/api/v1/plans", R_WRITE | R_REGISTRY, PLANNERS, http_plans_create,
	  "run the planner on a round (or a what-if repair) and store the plan",
	  .body = BODY_JSON, .example = "{\"round\":\"NAME\"}"),
	ROW("GET", "/api/v1/plans", 0, READERS, http_plans_list,
	  "the stored plans with their statistics, to compare side by side"),
	ROW("GET", "/api/v1/plans/{key}", 0, READERS, http_plans_get,
	  "one stored plan: assignments, breakdowns, statistics"),
	ROW("POST", "/api/v1/plans/{key}/apply", R_WRITE, PLANNERS, http_plans_apply,
	  "apply a stored plan as the round's groups (one audited transaction)"),
};
const size_t http_nroutes = sizeof http_routes / sizeof http_routes[0];

struct arg_check {
	const struct route_param *allowed;
	const char *bad;
};

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	struct arg_check *ac = cls;
	(void)kind;
	(void)value;
	for (size_t i = 0; ac->allowed && ac->allowed[i].name; i++)
		if (strcmp(ac->allowed[i].name, key) == 0)
			return MHD_YES;
	ac->bad = key;
	return MHD_NO;
}

bool http_route_prepare(struct http_ctx *cx)
{
	const struct route *rt = cx->route;
	struct arg_check ac = { rt->params, NULL };
	json_error_t jerr;
	char msg[400];

	/* a parameter the route does not take is a typo that would silently not filter */
	MHD_get_connection_values(cx->conn, MHD_GET_ARGUMENT_KIND, check_arg, &ac);
	if (ac.bad) {
		if (rt->params)
			snprintf(msg, sizeof msg, "unknown query parameter '%.60s'", ac.bad);
		else
			snprintf(msg, sizeof msg, "unknown query parameter '%.60s': %s takes none",
				 ac.bad, rt->pattern);
		http_error(cx, BF_EINPUT, msg, ac.bad);
		return false;
	}
	if (rt->body != BODY_JSON)
		return true;
	cx->json = json_loadb(cx->body->data ? cx->body->data : "", cx->body->len,
			      JSON_REJECT_DUPLICATES, &jerr);
	if (cx->json && json_is_object(cx->json))
		return true;
	if (cx->json)
		snprintf(msg, sizeof msg, "the body must be a JSON object; send %s", rt->example);
	else
		snprintf(msg, sizeof msg, "the body is not valid JSON (line %d, column %d: %s); send "
			 "%s", jerr.line, jerr.column, jerr.text, rt->example);
	json_decref(cx->json);
	cx->json = NULL;
	http_error(cx, BF_EINPUT, msg, NULL);
	return false;
}

const struct route *http_route_find(const char *method, const char *path, const char **param,
				    bool *path_exists)
{
	static _Thread_local char key[256];

	*param = NULL;
	*path_exists = false;
	for (size_t i = 0; i < http_nroutes; i++) {
		const char *pat = http_routes[i].pattern, *brace = strchr(pat, '{');
		size_t pre = brace ? (size_t)(brace - pat) : strlen(pat);
		if (strncmp(path, pat, pre) != 0)
			continue;
		if (brace) { /* {key} is one segment; a pattern may go on after it ("/apply") */
			const char *rest = path + pre, *suffix = strchr(brace, '}') + 1;
			size_t n = strlen(rest), sn = strlen(suffix);
			if (n <= sn || strcmp(rest + n - sn, suffix) != 0)
				continue;
			n -= sn;
			if (memchr(rest, '/', n) || n >= sizeof key)
				continue;
			memcpy(key, rest, n);
			key[n] = '\0';
		} else if (path[pre] != '\0') {
			continue;
		}
		*path_exists = true;
		if (strcmp(method, http_routes[i].method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(http_routes[i].method, "GET") == 0)) {
			*param = brace ? key : NULL;
			return &http_routes[i];
		}
	}
	return NULL;
}

void http_allowed_methods(const char *path, char *out, size_t n)
{
	static const char *const methods[] = { "GET", "POST", "PATCH", "DELETE" };
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < 4; i++) {
		const char *param;
		bool exists;
		if (http_route_find(methods[i], path, &param, &exists))
			len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
						len ? ", " : "", methods[i]);
	}
}
