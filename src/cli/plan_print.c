/* plan_print: tables for a round's plan; see plan_print.h. Numbers are printed with two
 * decimals; the solver's time is left to --format json, so the tables are reproducible. */
#include "cli/plan_print.h"
#include "util/table.h"
#include <string.h>

static double num(json_t *o, const char *k)
{
	return json_number_value(json_object_get(o, k));
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static const char *role_zh(const char *role)
{
	return strcmp(role, "lead") == 0 ? "牵头 lead" : "成员 member";
}

static void render(struct cli *c, struct table *t)
{
	struct buf b = BUF_INIT;
	table_render_text(t, &b);
	fputs(buf_cstr(&b), c->out);
	buf_release(&b);
	table_free(t);
}

void plan_print_why(json_t *bd, struct buf *out)
{
	json_t *fit = json_object_get(bd, "fit"), *v;
	const char *k;
	bool first = true;

	json_object_foreach(fit, k, v) {
		buf_addf(out, "%s%s %g", first ? "fit " : ", ", k, json_number_value(v));
		first = false;
	}
	if (first)
		buf_adds(out, "fit 0");
	if (num(bd, "lead_weight") != 0)
		buf_addf(out, "; lead %g", num(bd, "lead_weight"));
	if (num(bd, "continuity") != 0)
		buf_addf(out, "; continuity %g", num(bd, "continuity"));
	if (num(bd, "member_cost") != 0)
		buf_addf(out, "; member cost %g", num(bd, "member_cost"));
	if (num(bd, "keep") >= 0.01)
		buf_addf(out, "; kept %g", num(bd, "keep"));
	else if (num(bd, "keep") > 0)
		buf_adds(out, "; in place"); /* the stability bonus (docs/planner.md) */
}

static void print_stats(struct cli *c, json_t *plan)
{
	json_t *st = json_object_get(plan, "statistics"), *gs = json_object_get(st, "group_score");
	static const char *const hp[] = { "地市 prefecture", "组团 groups", "平均得分 mean score" };
	struct table *t = table_new(3, hp);
	size_t i;
	json_t *p;

	fprintf(c->out, "目标值 objective  %.2f (组团得分合计 sum of group scores %.2f)\n",
		num(plan, "objective"), num(plan, "score"));
	fprintf(c->out, "组团 groups %lld · 成员关系 memberships %lld · 参与单位 units %lld "
			"(帮扶两个县 twice: %lld)\n",
		(long long)num(st, "groups"), (long long)num(st, "memberships"),
		(long long)num(st, "units_used"), (long long)num(st, "units_twice"));
	fprintf(c->out, "组团得分 group score: 最低 min %.2f · 平均 mean %.2f · 最高 max %.2f\n",
		num(gs, "min"), num(gs, "mean"), num(gs, "max"));
	fprintf(c->out, "地市间差距 spread across prefectures (max - min of the means): %.2f\n\n",
		num(st, "prefecture_spread"));
	json_array_foreach(json_object_get(st, "prefectures"), i, p) {
		char n[32], m[32];
		snprintf(n, sizeof n, "%lld", (long long)num(p, "groups"));
		snprintf(m, sizeof m, "%.2f", num(p, "mean"));
		table_add_row(t, (const char *const[]){ str(p, "prefecture"), n, m });
	}
	render(c, t);
}

static void print_groups(struct cli *c, json_t *plan)
{
	static const char *const hg[] = { "对象 target", "组团 group", "成员数 members",
					  "加成 bonus", "组团得分 score" };
	static const char *const hu[] = { "对象 target", "单位 unit", "角色 role", "得分 score",
					  "原因 why" };
	struct table *g = table_new(5, hg), *u = table_new(5, hu);
	struct buf why = BUF_INIT, tn = BUF_INIT, un = BUF_INIT;
	size_t i, k;
	json_t *x, *y;

	json_array_foreach(json_object_get(plan, "groups"), i, x) {
		char n[16], b[32], s[32];
		buf_reset(&tn);
		buf_addf(&tn, "%s %s", str(x, "target"), str(x, "name_zh"));
		snprintf(n, sizeof n, "%zu", json_array_size(json_object_get(x, "units")) - 1);
		snprintf(b, sizeof b, "%.2f", num(x, "bonus"));
		snprintf(s, sizeof s, "%.2f", num(x, "score"));
		table_add_row(g, (const char *const[]){ tn.data, str(x, "group"), n, b, s });
		json_array_foreach(json_object_get(x, "units"), k, y) {
			buf_reset(&why);
			buf_reset(&un);
			plan_print_why(json_object_get(y, "breakdown"), &why);
			buf_addf(&un, "%s %s%s", str(y, "unit"), str(y, "name_zh"),
				 json_is_true(json_object_get(y, "fixed")) ? " (固定 fixed)" : "");
			snprintf(s, sizeof s, "%.2f", num(y, "score"));
			table_add_row(u, (const char *const[]){ tn.data, un.data,
								role_zh(str(y, "role")), s,
								why.data });
		}
	}
	fputc('\n', c->out);
	render(c, g);
	fprintf(c->out, "\n为何在此 why each unit is here:\n");
	render(c, u);
	buf_release(&why);
	buf_release(&tn);
	buf_release(&un);
}

static void places(json_t *a, struct buf *out)
{
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x)
		buf_addf(out, "%s%s %s", i ? ", " : "", str(x, "target"), str(x, "role"));
	if (!json_array_size(a))
		buf_adds(out, "-");
}

static void print_repair(struct cli *c, json_t *rep)
{
	static const char *const hm[] = { "单位 unit", "原 from", "新 to" };
	struct table *t = table_new(3, hm);
	json_t *ch = json_object_get(rep, "changes"), *x;
	struct buf from = BUF_INIT, to = BUF_INIT, un = BUF_INIT;
	size_t i;

	fprintf(c->out, "\n修复 repair:");
	json_array_foreach(json_object_get(ch, "without"), i, x)
		fprintf(c->out, " --without %s", json_string_value(x));
	json_array_foreach(json_object_get(ch, "merge"), i, x)
		fprintf(c->out, " --merge %s=%s", str(x, "from"), str(x, "to"));
	json_array_foreach(json_object_get(ch, "capacity"), i, x)
		fprintf(c->out, " --capacity %s=%lld", str(x, "unit"),
			(long long)num(x, "capacity"));
	fprintf(c->out, "\n得分 score: 现有 current %.2f → 修复后 repaired %.2f (变化 change %+.2f)\n",
		num(rep, "score_before"), num(rep, "score_after"), num(rep, "delta"));
	fprintf(c->out, "不变 units that stay: %lld · 调整 units that move: %zu\n",
		(long long)num(rep, "stays"), json_array_size(json_object_get(rep, "moves")));
	json_array_foreach(json_object_get(rep, "moves"), i, x) {
		buf_reset(&from);
		buf_reset(&to);
		buf_reset(&un);
		places(json_object_get(x, "from"), &from);
		places(json_object_get(x, "to"), &to);
		buf_addf(&un, "%s %s", str(x, "unit"), str(x, "name_zh"));
		table_add_row(t, (const char *const[]){ un.data, from.data, to.data });
	}
	if (table_rows(t))
		render(c, t);
	else
		table_free(t);
	buf_release(&from);
	buf_release(&to);
	buf_release(&un);
}

/* A sparse instance (docs/planner.md, "Planning at national size"): how many pairs it had
 * and whether its optimum is proven to be the whole instance's. Nothing for every pair. */
static void print_instance(struct cli *c, json_t *in)
{
	if (!json_is_true(json_object_get(in, "sparse")))
		return;
	fprintf(c->out, "稀疏实例 sparse instance: %.0f of %.0f pairs (%.0f first, %.0f added in %.0f "
			"pricing rounds)\n", num(in, "pairs"), num(in, "pairs_possible"),
		num(in, "pairs_first"), num(in, "pairs_added"), num(in, "pricing_rounds"));
	if (strcmp(str(in, "optimality"), "proven") == 0)
		fprintf(c->out, "最优性 optimality: proven: %s\n", str(in, "proof"));
	else
		fprintf(c->out, "注意 note: %s\n", str(in, "note"));
}

void plan_print_round(struct cli *c, json_t *plan)
{
	json_t *rep = json_object_get(plan, "repair");

	fprintf(c->out, "规划 plan · 轮次 round %s · 需求表 needs %s\n", str(plan, "round"),
		str(plan, "needs"));
	print_instance(c, json_object_get(plan, "instance"));
	if (strcmp(str(plan, "status"), "optimal") != 0) {
		fprintf(c->out, "无解 infeasible: %s\n", str(plan, "reason"));
		return;
	}
	print_stats(c, plan);
	if (rep)
		print_repair(c, rep);
	else
		print_groups(c, plan);
}

void plan_print_applied(struct cli *c, json_t *a)
{
	json_t *cadres = json_object_get(a, "cadres_to_reassign"), *x;
	size_t i;

	fprintf(c->out, "\n已应用 applied to round %s: 新建组团 groups created %lld · 加入 added %zu · "
			"退出 removed %zu · 角色变化 role changed %zu\n",
		str(a, "round"), (long long)num(a, "groups_created"),
		json_array_size(json_object_get(a, "added")),
		json_array_size(json_object_get(a, "removed")),
		json_array_size(json_object_get(a, "role_changed")));
	fprintf(c->out, "需调整的干部 cadres serving whose unit left their group: %zu\n",
		json_array_size(cadres));
	json_array_foreach(cadres, i, x)
		fprintf(c->out, "    - %s %s (%s, %s): reassign or end the term; `bangfu check` "
				"lists them\n",
			str(x, "id"), str(x, "name"), str(x, "unit"), str(x, "group"));
}
