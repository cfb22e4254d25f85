/* check: rules on a round; see check.h. */
#include "app/check.h"
#include "app/query.h"

enum bf_status check_round(const struct registry *r, const char *round, bf_day day,
			   size_t *round_ix, struct violations *out, struct bf_err *err)
{
	enum bf_status rc = query_round(r, round, day, round_ix, err);
	if (!rc)
		rules_check(r, *round_ix, day, out);
	return rc;
}

json_t *check_json(const struct registry *r, size_t round_ix, bf_day day,
		   const struct violations *v)
{
	json_t *rules = json_array();

	for (size_t k = 0; k < rules_count; k++) {
		json_t *items = json_array();
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i].rule == k)
				json_array_append_new(items,
						      json_pack("{s:s, s:s, s:s, s:s}", "subject",
								v->items[i].subject, "key",
								v->items[i].key, "message",
								v->items[i].message, "message_zh",
								v->items[i].message_zh));
		json_array_append_new(
			rules, json_pack("{s:s, s:s, s:s, s:s, s:I, s:o}", "tag", rules_table[k].tag,
					 "source", rules_table[k].source, "title_zh",
					 rules_table[k].title_zh, "title_en",
					 rules_table[k].title_en, "count",
					 (json_int_t)json_array_size(items), "items", items));
	}
	return json_pack("{s:o, s:o, s:I, s:o}", "round",
			 round_ix == REG_NONE ? json_null() : json_string(r->rounds[round_ix].name),
			 "as_of", query_date_json(day), "violations", (json_int_t)v->n, "rules",
			 rules);
}
