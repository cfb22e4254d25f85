/* openapi: GET /api/v1/openapi.json, generated from the route table (http_routes) and the
 * records' field descriptors (core/model via app): every route with its query parameters, its
 * request body and its answer; every record type as a schema whose properties are its columns
 * with their types, enumerations, bounds and which are required. Nothing here is written by
 * hand, so the document cannot drift from what the server does. */
#include "http/http.h"
#include <stdio.h>
#include <string.h>

/* "membership" -> "Membership" (the schema's name) and the suffix into out. */
static void schema_name(const struct record_type *t, const char *suffix, char *out, size_t n)
{
	snprintf(out, n, "%c%s%s", t->what[0] - 'a' + 'A', t->what + 1, suffix);
}

static json_t *ref(const struct record_type *t, const char *suffix)
{
	char name[64], path[96];
	schema_name(t, suffix, name, sizeof name);
	snprintf(path, sizeof path, "#/components/schemas/%s", name);
	return json_pack("{s:s}", "$ref", path);
}

static json_t *words(const char *const *w)
{
	json_t *a = json_array();
	for (size_t i = 0; w && w[i]; i++)
		json_array_append_new(a, json_string(w[i]));
	return a;
}

/* One column as a JSON schema: empty optional values are null. */
static json_t *field_schema(const struct field_def *f)
{
	bool optional = !(f->flags & (F_KEY | F_REQUIRED));
	json_t *s = json_object();

	switch (f->type) {
	case FT_TEXT:
		json_object_set_new(s, "type", json_string("string"));
		break;
	case FT_DATE:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "format", json_string("date"));
		break;
	case FT_INT:
		json_object_set_new(s, "type", json_string("integer"));
		if (f->min < f->max) {
			json_object_set_new(s, "minimum", json_integer(f->min));
			json_object_set_new(s, "maximum", json_integer(f->max));
		}
		break;
	case FT_FLAG:
		json_object_set_new(s, "type", json_string("integer"));
		json_object_set_new(s, "enum", json_pack("[i, i]", 0, 1));
		break;
	case FT_REAL:
		json_object_set_new(s, "type", json_string("number"));
		break;
	case FT_ENUM:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "enum", words(f->allowed));
		break;
	case FT_LIST:
		json_object_set_new(s, "type", json_string("string"));
		json_object_set_new(s, "description",
				    json_string("words joined by ';', each one of x-words"));
		json_object_set_new(s, "x-words", words(f->allowed));
		break;
	}
	if (optional && f->type != FT_INT && f->type != FT_FLAG) {
		json_t *type = json_object_get(s, "type");
		json_object_set_new(s, "type", json_pack("[O, s]", type, "null"));
		if (json_object_get(s, "enum"))
			json_array_append_new(json_object_get(s, "enum"), json_null());
	}
	if (f->flags & F_KEY)
		json_object_set_new(s, "description", json_string("part of the record's key"));
	return s;
}

/* The record's schema; with required, the key and required columns must be given (a create),
 * without it any subset (a change). */
static json_t *record_schema(const struct record_type *t, bool required)
{
	json_t *props = json_object(), *req = json_array();

	for (size_t i = 0; i < t->nfields; i++) {
		const struct field_def *f = &t->fields[i];
		json_object_set_new(props, f->name, field_schema(f));
		if (f->flags & (F_KEY | F_REQUIRED))
			json_array_append_new(req, json_string(f->name));
	}
	if (!required) {
		json_decref(req);
		return json_pack("{s:s, s:o, s:b, s:s}", "type", "object", "properties", props,
				 "additionalProperties", 0, "description",
				 "the columns that change (the key's cannot)");
	}
	return json_pack("{s:s, s:o, s:o, s:b, s:s}", "type", "object", "properties", props,
			 "required", req, "additionalProperties", 0, "description", t->what);
}

static json_t *param_json(const struct route_param *p)
{
	json_t *schema = strcmp(p->type, "date") == 0
				 ? json_pack("{s:s, s:s}", "type", "string", "format", "date")
				 : json_pack("{s:s}", "type", p->type);
	return json_pack("{s:s, s:s, s:s, s:o}", "name", p->name, "in", "query", "description",
			 p->help, "schema", schema);
}

static json_t *request_body(const struct route *rt)
{
	json_t *schema;

	if (rt->body == BODY_UPLOAD)
		return json_pack("{s:b, s:{s:{s:{s:s, s:{s:{s:s, s:{s:s, s:s}}}}}, s:{s:{s:s}}}}",
				 "required", 1, "content", "multipart/form-data", "schema",
				 "type", "object", "properties", "files", "type", "array",
				 "items", "type", "string", "format", "binary", "text/csv",
				 "schema", "type", "string");
	if (rt->record)
		schema = ref(rt->record, strcmp(rt->method, "PATCH") == 0 ? "Change" : "");
	else
		schema = json_pack("{s:s}", "type", "object");
	json_t *media = json_pack("{s:o}", "schema", schema);
	json_t *example = rt->example ? json_loads(rt->example, 0, NULL) : NULL;
	if (example)
		json_object_set_new(media, "example", example);
	return json_pack("{s:b, s:{s:o}}", "required", 1, "content", "application/json", media);
}

static json_t *answer_schema(const struct route *rt)
{
	switch (rt->answer) {
	case ANS_RECORD:
		return rt->record ? ref(rt->record, "") : json_pack("{s:s}", "type", "object");
	case ANS_LIST:
		return json_pack("{s:s, s:{s:{s:s, s:o}, s:{s:s}}, s:[s, s]}", "type", "object",
				 "properties", "items", "type", "array", "items",
				 rt->record ? ref(rt->record, "") : json_pack("{s:s}", "type", "object"), "total", "type", "integer", "required",
				 "items", "total");
	default:
		return json_pack("{s:s}", "type", "object");
	}
}

static json_t *responses(const struct route *rt)
{
	json_t *r = json_object();
	const char *ok = rt->answer == ANS_EMPTY           ? "204"
			 : strcmp(rt->method, "POST") == 0 && rt->answer == ANS_RECORD ? "201"
										     : "200";

	if (rt->answer == ANS_EMPTY)
		json_object_set_new(r, ok, json_pack("{s:s}", "description", "done"));
	else if (rt->answer == ANS_FILE)
		json_object_set_new(r, ok, json_pack("{s:s}", "description", rt->summary));
	else
		json_object_set_new(r, ok, json_pack("{s:s, s:{s:{s:o}}}", "description",
						     rt->summary, "content", "application/json",
						     "schema", answer_schema(rt)));
	json_object_set_new(r, "400", json_pack("{s:s, s:{s:{s:{s:s}}}}", "description",
						"bad input: the error names the parameter or field",
						"content", "application/json", "schema", "$ref",
						"#/components/schemas/Error"));
	if (!(rt->flags & R_PUBLIC)) {
		json_object_set_new(r, "401", json_pack("{s:s}", "description", "not signed in"));
		json_object_set_new(r, "403", json_pack("{s:s}", "description",
							"the role may not (or no CSRF token)"));
	}
	return r;
}

static json_t *operation(const struct route *rt)
{
	json_t *op = json_pack("{s:s, s:o}", "summary", rt->summary, "responses", responses(rt));
	json_t *params = json_array();

	if (strchr(rt->pattern, '{'))
		json_array_append_new(params, json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", "key",
							"in", "path", "required", 1, "schema",
							"type", "string"));
	for (size_t i = 0; rt->params && rt->params[i].name; i++)
		json_array_append_new(params, param_json(&rt->params[i]));
	if (json_array_size(params))
		json_object_set_new(op, "parameters", params);
	else
		json_decref(params);
	if (rt->body != BODY_NONE)
		json_object_set_new(op, "requestBody", request_body(rt));
	if (!(rt->flags & R_PUBLIC))
		json_object_set_new(op, "security", json_pack("[{s:[]}]", "session"));
	if (rt->roles) {
		json_t *roles = json_array();
		for (int i = 0; access_roles[i]; i++)
			if (rt->roles & (1u << i))
				json_array_append_new(roles, json_string(access_roles[i]));
		json_object_set_new(op, "x-roles", roles);
	}
	return op;
}

static json_t *schemas(void)
{
	json_t *s = json_object();
	char name[64];

	for (size_t i = 0; i < model_ntypes; i++) {
		schema_name(model_types[i], "", name, sizeof name);
		json_object_set_new(s, name, record_schema(model_types[i], true));
		schema_name(model_types[i], "Change", name, sizeof name);
		json_object_set_new(s, name, record_schema(model_types[i], false));
	}
	json_object_set_new(
		s, "Error",
		json_pack("{s:s, s:{s:{s:s, s:{s:{s:s}, s:{s:s}, s:{s:[s, s]}}}}}", "type",
			  "object", "properties", "error", "type", "object", "properties", "code",
			  "type", "string", "message", "type", "string", "field", "type", "string",
			  "null"));
	return s;
}

void http_openapi(struct http_ctx *cx)
{
	json_t *paths = json_object();

	for (size_t i = 0; i < http_nroutes; i++) {
		const struct route *rt = &http_routes[i];
		json_t *item = json_object_get(paths, rt->pattern);
		char method[8];
		size_t k;

		if (!item) {
			item = json_object();
			json_object_set_new(paths, rt->pattern, item);
		}
		for (k = 0; rt->method[k] && k + 1 < sizeof method; k++)
			method[k] = (char)(rt->method[k] | 0x20);
		method[k] = '\0';
		json_object_set_new(item, method, operation(rt));
	}
	http_json(cx, 200,
		  json_pack("{s:s, s:{s:s, s:s}, s:o, s:{s:o, s:{s:{s:s, s:s, s:s}}}}", "openapi",
			    "3.1.0", "info", "title", "bangfu API", "version", "1", "paths", paths,
			    "components", "schemas", schemas(), "securitySchemes", "session",
			    "type", "apiKey", "in", "cookie", "name", "bangfu_session"));
}
