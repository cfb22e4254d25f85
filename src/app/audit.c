/* audit: the hash-chained audit trail; see audit.h. */
#include "app/audit.h"
#include "app/app_int.h"
#include "store/audit.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* SHA-256 over prev and each field, each followed by a 0x1F separator ("" for NULL). */
static void row_hash(const char *prev, const struct audit_row *r, char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	const char *parts[] = { prev, r->time, r->account, r->address, r->action,
				r->entity, r->key, r->before, r->after };

	crypto_hash_sha256_init(&st);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const char *p = parts[i] ? parts[i] : "";
		crypto_hash_sha256_update(&st, (const unsigned char *)p, strlen(p));
		crypto_hash_sha256_update(&st, (const unsigned char *)"\x1f", 1);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof h);
}

enum bf_status audit_append(struct store *s, const char *account, const char *address,
			    const char *action, const char *entity, const char *key,
			    json_t *before, json_t *after, struct bf_err *err)
{
	char prev[65], hash[65], when[32];
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	struct timespec ts;
	struct tm tm;
	struct audit_row row;
	enum bf_status rc;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(when, 21, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(when + 19, sizeof when - 19, ".%03dZ", (int)(ts.tv_nsec / 1000000) % 1000);
	row = (struct audit_row){ 0, when, account, address, action, entity, key, b, a, hash };
	if (!(rc = audit_last_hash(s, prev, err))) {
		row_hash(prev, &row, hash);
		rc = audit_insert(s, &row, err);
	}
	free(b);
	free(a);
	return rc;
}

struct walk {
	char prev[65];
	int64_t rows, bad;
};

static bool check_row(const struct audit_row *r, void *ctx)
{
	struct walk *w = ctx;
	char h[65];

	row_hash(w->prev, r, h);
	w->rows++;
	if (strcmp(h, r->hash ? r->hash : "") != 0) {
		w->bad = r->id;
		return false;
	}
	snprintf(w->prev, sizeof w->prev, "%s", r->hash);
	return true;
}

enum bf_status audit_verify(struct app *app, int64_t *rows, int64_t *bad, struct bf_err *err)
{
	struct walk w = { "", 0, 0 };
	enum bf_status rc = audit_each(app->store, NULL, NULL, NULL, NULL, check_row, &w, err);
	*rows = w.rows;
	*bad = w.bad;
	return rc;
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *parsed(const char *s)
{
	json_t *j = s ? json_loads(s, 0, NULL) : NULL;
	return j ? j : json_null();
}

static bool add_row(const struct audit_row *r, void *ctx)
{
	json_array_append_new(ctx, json_pack("{s:I, s:s, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:s}",
					     "id", (json_int_t)r->id, "time", r->time, "user",
					     text_or_null(r->account), "address",
					     text_or_null(r->address), "action", r->action,
					     "entity", r->entity, "key", text_or_null(r->key),
					     "before", parsed(r->before), "after",
					     parsed(r->after), "hash", r->hash));
	return true;
}

enum bf_status audit_list(struct app *app, const struct audit_request *q, json_t **out,
			  struct bf_err *err)
{
	json_t *items = json_array(), *asc = json_array();
	struct audit_query page = { q->account, q->entity, q->from, q->to, q->before, q->offset,
				    q->limit };
	enum bf_status rc;
	int64_t total;
	size_t n;

	if (page.limit <= 0 || page.limit > AUDIT_MAX_LIMIT)
		page.limit = page.limit <= 0 ? AUDIT_DEFAULT_LIMIT : AUDIT_MAX_LIMIT;
	if ((rc = audit_page(app->store, &page, add_row, items, &total, err))) {
		json_decref(items);
		json_decref(asc);
		*out = NULL;
		return rc;
	}
	n = json_array_size(items); /* newest first: give them oldest first, as the chain runs */
	for (size_t i = n; i-- > 0;)
		json_array_append(asc, json_array_get(items, i));
	json_decref(items);
	/* older rows remain if the page is full and its oldest row is not the first match */
	*out = json_pack("{s:I, s:I, s:I, s:o, s:o}", "total", (json_int_t)total, "limit",
			 (json_int_t)page.limit, "offset", (json_int_t)page.offset, "items", asc,
			 "next_before",
			 n == (size_t)page.limit
				 ? json_integer(json_integer_value(
					   json_object_get(json_array_get(asc, 0), "id")))
				 : json_null());
	return BF_OK;
}

enum bf_status audit_head(struct app *app, char out[86], struct bf_err *err)
{
	return audit_hash_of(app->store, 0, out, err);
}

enum bf_status audit_verify_head(struct app *app, const char *head, enum audit_head_state *state,
				 char now[86], struct bf_err *err)
{
	char *end;
	long long id = strtoll(head, &end, 10);
	char at[86];
	enum bf_status rc;

	*state = AUDIT_HEAD_OK;
	if (id <= 0 || *end != ':' || strlen(end + 1) != 64 ||
	    strspn(end + 1, "0123456789abcdef") != 64)
		return bf_err_set(err, BF_EINPUT, "--head '%s': write ID:HASH as the server logged "
				  "it (\"audit_head\" lines), e.g. 1234:9f2c…(64 hex digits)", head);
	if ((rc = audit_hash_of(app->store, 0, now, err)) ||
	    (rc = audit_hash_of(app->store, id, at, err)))
		return rc;
	if (!at[0])
		*state = AUDIT_HEAD_CUT;
	else if (strcmp(at, head) != 0)
		*state = AUDIT_HEAD_CHANGED;
	return BF_OK;
}

enum bf_status audit_head_at(const char *db, char out[86], struct bf_err *err)
{
	struct app *a = NULL;
	enum bf_status rc = app_open(db, false, &a, err);

	if (!rc)
		rc = audit_head(a, out, err);
	app_close(a);
	return rc;
}
