/* app/inbox: a person's inbox; see inbox.h. */
#include "app/inbox.h"
#include "app/app_int.h"
#include "app/check.h"
#include "core/rules.h"
#include "store/inbox.h"
#include <string.h>

void inbox_req_init(struct inbox_req *rq)
{
	memset(rq, 0, sizeof *rq);
	rq->today = date_today();
	rq->due_days = INBOX_DUE_DAYS_DEFAULT;
	rq->end_window = RULES_END_WINDOW_DEFAULT;
	rq->limit = INBOX_LIMIT_DEFAULT;
}

enum bf_status inbox_parse_kinds(const char *s, unsigned *bits, struct bf_err *err)
{
	char word[40];

	*bits = 0;
	while (s && *s) {
		size_t n = strcspn(s, ",");
		int k;
		snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), s);
		if ((k = inbox_kind_find(word)) < 0) {
			struct buf all = BUF_INIT;
			for (int i = 0; inbox_kinds[i]; i++)
				buf_addf(&all, "%s%s", i ? ", " : "", inbox_kinds[i]);
			bf_err_set(err, BF_EINPUT, "kind: '%s' is no kind of inbox item; give one or "
				   "more of %s, separated by commas", word, buf_cstr(&all));
			bf_err_zh(err, "kind：没有“%s”这类待办；可选：%s", word, buf_cstr(&all));
			buf_release(&all);
			return BF_EINPUT;
		}
		*bits |= 1u << k;
		s += n + (s[n] == ',');
	}
	return BF_OK;
}

/* The findings of the rules about the groups p's unit is a member of, in the round in
 * progress: each group judged alone (rules_check_one), so the cost follows the unit's groups.
 * All are kept when any is (limit > 0): they come in the unit's order of groups, not the
 * inbox's, and are few. */
static void findings(const struct registry *r, const struct principal *p,
		     const struct inbox_req *rq, struct inbox *b)
{
	struct rules_opts opts = { rq->end_window };
	size_t u = registry_find_unit(r, p->unit), round;
	struct bf_err ignore;

	bf_err_init(&ignore);
	if (u == REG_NONE || check_which(r, NULL, rq->today, &round, &ignore) ||
	    round == REG_NONE) {
		bf_err_release(&ignore);
		return;
	}
	for (size_t k = r->unit_members.off[u]; k < r->unit_members.off[u + 1]; k++) {
		size_t g = r->members[r->unit_members.items[k]].group_ix;
		const struct bf_group *grp = &r->groups[g];
		struct violations v;
		if (grp->round_ix != round)
			continue;
		violations_init(&v);
		rules_check_one(r, round, rq->today, &opts, RULES_GROUP, g, &v);
		for (size_t i = 0; i < v.n; i++) {
			const struct bf_target *t = &r->targets[grp->target_ix];
			struct inbox_item *it;
			b->count[IK_FINDING]++;
			if (rq->limit <= 0)
				continue;
			it = inbox_add(b, IK_FINDING);
			it->id = arena_strdup(&b->arena, grp->id);
			it->group = it->id;
			it->target = t->adcode;
			it->target_zh = t->name_zh;
			it->target_en = t->name_en;
			it->label = arena_strdup(&b->arena, v.items[i].message);
			it->label_zh = arena_strdup(&b->arena, v.items[i].message_zh);
		}
		violations_release(&v);
	}
	bf_err_release(&ignore);
}

enum bf_status inbox_collect(struct app *app, const struct registry *reg,
			     const struct principal *p, const struct inbox_req *rq,
			     struct inbox *b, struct bf_err *err)
{
	struct store *s = app->store;
	unsigned k = inbox_kinds_of(p), asked = rq->kinds ? rq->kinds : ~0u;
	enum bf_status rc = BF_OK;

	/* every kind is counted (the badge's total); only the asked ones keep their items */
#define HAS(kind) (k & (1u << (kind)))
#define LIM(kind) (!rq->summary && (asked & (1u << (kind))) ? rq->offset + rq->limit : 0)
	if (!rc && (HAS(IK_REPORT_DUE) || HAS(IK_REPORT_OVERDUE)))
		rc = store_inbox_reports_owed(s, p->unit, rq->today, rq->due_days,
					      LIM(IK_REPORT_DUE) | LIM(IK_REPORT_OVERDUE), b, err);
	if (!rc && HAS(IK_REPORT_RETURNED))
		rc = store_inbox_reports_returned(s, p->unit, LIM(IK_REPORT_RETURNED), b, err);
	if (!rc && HAS(IK_REPORT_WAITING))
		rc = store_inbox_reports_waiting(s, LIM(IK_REPORT_WAITING), b, err);
	if (!rc && HAS(IK_COMMITMENT_OVERDUE))
		rc = store_inbox_commitments_overdue(s, p->role == ACC_UNIT ? p->unit : NULL,
						     p->target, rq->today,
						     LIM(IK_COMMITMENT_OVERDUE), b, err);
	if (!rc && HAS(IK_CONFIRMATION))
		rc = store_inbox_confirmations(s, p->target, LIM(IK_CONFIRMATION), b, err);
	if (!rc && HAS(IK_TERM_ENDING))
		rc = store_inbox_terms_ending(s, p->unit, rq->today, INBOX_TERM_DAYS,
					      LIM(IK_TERM_ENDING), b, err);
	if (!rc && HAS(IK_FINDING) && reg) {
		struct inbox_req r2 = *rq;
		r2.limit = LIM(IK_FINDING);
		findings(reg, p, &r2, b);
	}
	if (!rc) { /* due and overdue come from one look-up: drop the kind not asked for */
		size_t n = 0;
		for (size_t i = 0; i < b->n; i++)
			if (asked & (1u << b->items[i].kind))
				b->items[n++] = b->items[i];
		b->n = n;
		inbox_sort(b);
	}
#undef HAS
#undef LIM
	return rc;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *item_json(const struct inbox_item *it, bf_day today)
{
	struct buf zh = BUF_INIT, en = BUF_INIT, href = BUF_INIT;
	const char *type;
	char due[11];
	json_t *j;

	inbox_title(it, today, &zh, &en);
	type = inbox_href(it, &href);
	j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:{s:s, s:o}, s:s}", "kind", inbox_kinds[it->kind],
		      "kind_zh", inbox_kinds_zh[it->kind], "kind_en", inbox_kinds_en[it->kind],
		      "title_zh", buf_cstr(&zh), "title_en", buf_cstr(&en), "record", "type", type,
		      "id", str_or_null(it->id), "href", buf_cstr(&href));
	if (it->due != BF_DAY_NONE) {
		date_format(it->due, due);
		json_object_set_new(j, "due", json_string(due));
		json_object_set_new(j, "days", json_integer(inbox_days(it->due, today)));
	} else {
		json_object_set_new(j, "due", json_null());
		json_object_set_new(j, "days", json_null());
	}
	json_object_set_new(j, "group", str_or_null(it->group));
	json_object_set_new(j, "target", str_or_null(it->target));
	json_object_set_new(j, "target_name", str_or_null(it->target_zh));
	if (it->period) {
		json_object_set_new(j, "period", json_string(it->period));
		json_object_set_new(j, "period_id", json_integer(it->period_id));
	}
	if (it->unit)
		json_object_set_new(j, "unit", json_string(it->unit));
	if (it->reason)
		json_object_set_new(j, "reason", json_string(it->reason));
	if (it->since)
		json_object_set_new(j, "since", json_string(it->since));
	buf_release(&zh);
	buf_release(&en);
	buf_release(&href);
	return j;
}

json_t *inbox_json(const struct inbox *b, const struct principal *p,
		   const struct inbox_req *rq)
{
	unsigned k = inbox_kinds_of(p), asked = rq->kinds ? rq->kinds : ~0u;
	json_t *kinds = json_array(), *counts = json_object(), *items = json_array();
	long total = 0, matched = 0;
	char today[11];

	for (int i = 0; i < IK_N; i++)
		if (k & (1u << i)) {
			json_array_append_new(kinds, json_string(inbox_kinds[i]));
			json_object_set_new(counts, inbox_kinds[i], json_integer(b->count[i]));
			total += b->count[i];
			matched += asked & (1u << i) ? b->count[i] : 0;
		}
	date_format(rq->today, today);
	json_t *out = json_pack("{s:s, s:I, s:o, s:o, s:I}", "as_of", today, "due_days",
				(json_int_t)rq->due_days, "kinds", kinds, "counts", counts,
				"total", (json_int_t)total);
	if (rq->summary) {
		json_decref(items);
		return out;
	}
	for (size_t i = (size_t)rq->offset; i < b->n && (long)i < rq->offset + rq->limit; i++)
		json_array_append_new(items, item_json(&b->items[i], rq->today));
	json_object_set_new(out, "matched", json_integer(matched));
	json_object_set_new(out, "limit", json_integer(rq->limit));
	json_object_set_new(out, "offset", json_integer(rq->offset));
	json_object_set_new(out, "items", items);
	return out;
}

enum bf_status inbox_get(struct app *app, const struct registry *reg,
			 const struct principal *p, const struct inbox_req *rq, json_t **out,
			 struct bf_err *err)
{
	struct inbox b;
	enum bf_status rc;

	*out = NULL;
	inbox_init(&b);
	if (!(rc = inbox_collect(app, reg, p, rq, &b, err)))
		*out = inbox_json(&b, p, rq);
	inbox_release(&b);
	return rc;
}
