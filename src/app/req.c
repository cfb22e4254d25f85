/* app/req: a use case's request decoded and checked; see req.h. */
#include "app/req.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum bf_status req_bad(struct bf_err *err, const char **field, const char *name,
		       const char *en, const char *zh)
{
	*field = name;
	bf_err_set(err, BF_EINPUT, "%s: %s", name, en);
	bf_err_zh(err, "%s：%s", name, zh);
	return BF_EINPUT;
}

bool req_only_keys(json_t *body, const char *const *keys, struct bf_err *err,
		   const char **field)
{
	const char *k;
	json_t *v;
	json_object_foreach(body, k, v) {
		size_t i = 0;
		while (keys[i] && strcmp(keys[i], k) != 0)
			i++;
		if (!keys[i]) {
			req_bad(err, field, k, "not a field of this request", "不是本请求的字段");
			return false;
		}
	}
	return true;
}

bool req_opt_string(json_t *body, const char *key, size_t max, const char **out,
		    struct bf_err *err, const char **field)
{
	json_t *v = json_object_get(body, key);
	*out = NULL;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_string(v) || json_string_length(v) > max) {
		char en[80], zh[80];
		snprintf(en, sizeof en, "give a string of at most %zu bytes", max);
		snprintf(zh, sizeof zh, "应为不超过%zu字节的文字", max);
		req_bad(err, field, key, en, zh);
		return false;
	}
	*out = json_string_value(v);
	return true;
}

bool req_parse_id(const char *text, int64_t *id)
{
	if (!text || !*text || strlen(text) > 18 || strspn(text, "0123456789") != strlen(text))
		return false;
	*id = strtoll(text, NULL, 10);
	return *id > 0;
}

const char *req_str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}
