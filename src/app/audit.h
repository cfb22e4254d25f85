/* audit: the audit trail. Every write appends, in its own transaction, who, when, from where,
 * what (entity and key) and the record before and after as JSON. Each row's hash is SHA-256
 * over the previous row's hash and its own fields, so `bangfu audit verify` finds any row that
 * was edited or deleted. */
#ifndef BF_APP_AUDIT_H
#define BF_APP_AUDIT_H
#include <jansson.h>
#include <stdint.h>
#include "app/app.h"

struct store;

/* Appends a row; before/after may be NULL (create, delete). Call inside the write's
 * transaction. The one function every write path of app/ audits through (API and CLI alike);
 * the CLI's account is "cli:<os user>" (app_cli_account). */
enum bf_status audit_append(struct store *s, const char *account, const char *address,
			    const char *action, const char *entity, const char *key,
			    json_t *before, json_t *after, struct bf_err *err);
/* Walks the chain: *rows counted; *bad is the id of the first row whose hash does not match
 * (0 when the chain is intact). */
enum bf_status audit_verify(struct app *app, int64_t *rows, int64_t *bad, struct bf_err *err);
/* "ID:HASH" of the trail's newest row ("" when empty): the head the server logs at start, at
 * stop and every few minutes, so that a copy of it outside the database can later prove
 * that no row after it was cut (a chain's rows cannot show that their successors are gone). */
enum bf_status audit_head(struct app *app, char out[86], struct bf_err *err);
/* The same, on its own connection to the database at path db. */
enum bf_status audit_head_at(const char *db, char out[86], struct bf_err *err);
enum audit_head_state {
	AUDIT_HEAD_OK,      /* the row is there with that hash */
	AUDIT_HEAD_CUT,     /* the row is gone: the trail was cut before or at it */
	AUDIT_HEAD_CHANGED, /* the row has another hash: it or a row before it was rewritten */
};
/* Checks a logged head "ID:HASH" (BF_EINPUT when it is not one); now gets the current head. */
enum bf_status audit_verify_head(struct app *app, const char *head, enum audit_head_state *state,
				 char now[86], struct bf_err *err);
#define AUDIT_DEFAULT_LIMIT 100
#define AUDIT_MAX_LIMIT 1000
/* What a reader asks of the trail: filters (NULL: none) and the page. */
struct audit_request {
	const char *account, *entity, *from, *to;
	int64_t before;         /* only rows with a smaller id (0: no bound) */
	long offset, limit;
};
/* One page of the trail as {"total":N,"items":[...],"next_before":ID|null}: the newest
 * q->limit rows (1..AUDIT_MAX_LIMIT; 0: the default) that match the filters, below
 * q->before and after q->offset newer ones, in id order (oldest first within the page);
 * total counts every row that matches the filters; next_before is the id to give as before
 * for the page of older rows (null when there is none). */
enum bf_status audit_list(struct app *app, const struct audit_request *q, json_t **out,
			  struct bf_err *err);

#endif
