/* check: rules on a round; see check.h. */
#include "app/check.h"
#include "app/query.h"
#include <stdlib.h>

void check_visible(const struct registry *r, const struct principal *p, struct violations *v)
{
	size_t n = 0;

	if (!p || access_reads_all(p))
		return;
	for (size_t i = 0; i < v->n; i++) {
		struct violation *x = &v->items[i];
		if (access_can_read_finding(r, p, x->subject, x->key)) {
			v->items[n++] = *x;
			continue;
		}
		free(x->key);
		free(x->message);
		free(x->message_zh);
	}
	v->n = n;
}

enum bf_status check_which(const struct registry *r, const char *round, bf_day day,
			   size_t *round_ix, struct bf_err *err)
{
	enum bf_status rc = query_round(r, round, day, round_ix, err);
	/* unnamed: only the round in progress; judging the last (or first) one as if it were
	 * would count everyone as gone (or not yet come) */
	if (!rc && !round && !rules_round_live(r, *round_ix, day))
		*round_ix = REG_NONE;
	return rc;
}

enum bf_status check_round(const struct registry *r, const char *round, bf_day day,
			   const struct rules_opts *opts, const struct principal *p,
			   size_t *round_ix, struct violations *out, struct bf_err *err)
{
	enum bf_status rc = check_which(r, round, day, round_ix, err);
	if (!rc) {
		rules_check(r, *round_ix, day, opts, out);
		check_visible(r, p, out);
	}
	return rc;
}

void check_note(const struct registry *r, size_t round_ix, bf_day day,
		const struct violations *v, struct buf *en, struct buf *zh)
{
	char d[11], a[11], b[11];

	date_format(day, d);
	if (round_ix == REG_NONE) {
		buf_addf(en, "no round is in progress on %s: nothing was judged", d);
		buf_addf(zh, "%s 没有进行中的轮次：未作检查", d);
		if (r->nrounds) {
			buf_adds(en, " (rounds:");
			buf_adds(zh, "（轮次：");
			for (size_t i = 0; i < r->nrounds; i++) {
				date_format(r->rounds[i].start, a);
				date_format(r->rounds[i].end, b);
				buf_addf(en, " %s %s to %s", r->rounds[i].name, a, b);
				buf_addf(zh, "%s%s %s 至 %s", i ? "，" : "", r->rounds[i].name, a, b);
			}
			buf_adds(en, "; give --round NAME to check one)");
			buf_adds(zh, "；用 --round 指定要检查的轮次）");
		}
		return;
	}
	date_format(r->rounds[round_ix].start, a);
	date_format(r->rounds[round_ix].end, b);
	if (rules_round_live(r, round_ix, day)) {
		buf_addf(en, "round %s (%s to %s), in progress on %s", r->rounds[round_ix].name, a,
			 b, d);
		buf_addf(zh, "轮次 %s（%s 至 %s），%s 进行中", r->rounds[round_ix].name, a, b, d);
		return;
	}
	buf_addf(en, "round %s (%s to %s) is not in progress on %s: only the rules that do not "
		     "count who is on post were judged (",
		 r->rounds[round_ix].name, a, b, d);
	buf_addf(zh, "轮次 %s（%s 至 %s）在 %s 不在进行中：只检查与在岗人员无关的规则（",
		 r->rounds[round_ix].name, a, b, d);
	for (size_t k = 0, n = 0; k < rules_count; k++)
		if (v->judged & 1u << k) {
			buf_addf(en, "%s%s", n ? ", " : "", rules_table[k].tag);
			buf_addf(zh, "%s%s", n++ ? "、" : "", rules_table[k].tag);
		}
	buf_adds(en, ")");
	buf_adds(zh, "）");
}

json_t *check_json(const struct registry *r, size_t round_ix, bf_day day,
		   const struct violations *v)
{
	json_t *rules = json_array();
	struct buf en = BUF_INIT, zh = BUF_INIT;
	json_t *out;

	for (size_t k = 0; k < rules_count; k++) {
		json_t *items = json_array();
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i].rule == k)
				json_array_append_new(items,
						      json_pack("{s:s, s:s, s:s, s:s, s:b}",
								"subject", v->items[i].subject,
								"key", v->items[i].key, "message",
								v->items[i].message, "message_zh",
								v->items[i].message_zh, "blocking",
								v->items[i].blocking));
		json_array_append_new(
			rules, json_pack("{s:s, s:s, s:s, s:s, s:b, s:I, s:o}", "tag",
					 rules_table[k].tag, "source", rules_table[k].source,
					 "title_zh", rules_table[k].title_zh, "title_en",
					 rules_table[k].title_en, "judged", (v->judged >> k) & 1,
					 "count", (json_int_t)json_array_size(items), "items", items));
	}
	check_note(r, round_ix, day, v, &en, &zh);
	out = json_pack("{s:o, s:o, s:b, s:s, s:s, s:I, s:o}", "round",
			round_ix == REG_NONE ? json_null() : json_string(r->rounds[round_ix].name),
			"as_of", query_date_json(day), "in_progress",
			rules_round_live(r, round_ix, day), "note", buf_cstr(&en), "note_zh",
			buf_cstr(&zh), "violations", (json_int_t)v->n, "rules", rules);
	buf_release(&en);
	buf_release(&zh);
	return out;
}
