/* app/req: decoding a use case's request inside app/: a JSON body's members checked against
 * the fields the request takes, its strings bounded, a record's id from a path. A refusal is
 * BF_EINPUT with the message in English and Chinese and *field naming the member. */
#ifndef BF_APP_REQ_H
#define BF_APP_REQ_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "util/err.h"

/* Fills err with "name: en" (zh in Chinese), *field = name; returns BF_EINPUT. */
enum bf_status req_bad(struct bf_err *err, const char **field, const char *name,
		       const char *en, const char *zh);
/* Refuses members of body that are not in keys (NULL-ended). */
bool req_only_keys(json_t *body, const char *const *keys, struct bf_err *err,
		   const char **field);
/* A string member of body (*out NULL if absent or null); false (with the error) if present
 * but not a string or longer than max bytes. *out is body's. */
bool req_opt_string(json_t *body, const char *key, size_t max, const char **out,
		    struct bf_err *err, const char **field);
/* A record's id: digits only, 1 to 18 of them, above 0. */
bool req_parse_id(const char *text, int64_t *id);
/* The string member k of o, "" if it has none (o's). */
const char *req_str(json_t *o, const char *k);

#endif
