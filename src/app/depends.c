/* depends: the words of a refused delete; the counting is store/depends'. */
#include "app/depends.h"
#include "store/depends.h"
#include "util/buf.h"
#include <string.h>

/* A record that can be referred to (its name, in Chinese), and one that refers (its name,
 * plural, and Chinese measure word with noun). */
static const struct word {
	const char *kind, *one, *many, *zh;
} parents[] = {
	{ "round", "round", NULL, "轮次" },
	{ "target", "target", NULL, "帮扶对象" },
	{ "unit", "unit", NULL, "帮扶单位" },
	{ "grp", "group", NULL, "组团" },
	{ "cadre", "cadre", NULL, "干部" },
	{ "task", "task", NULL, "重点任务" },
	{ "need", "need", NULL, "需求" },
	{ "commitment", "commitment", NULL, "帮扶事项" },
}, children[] = {
	{ "group", "group", "groups", "个组团" },
	{ "need", "need", "needs", "条需求" },
	{ "commitment", "commitment", "commitments", "项帮扶事项" },
	{ "resource", "resource entry", "resource entries", "条资源导入" },
	{ "policy", "policy", "policies", "份政策文件" },
	{ "indicator", "indicator value", "indicator values", "条指标数据" },
	{ "account", "account", "accounts", "个账号" },
	{ "membership", "group membership", "group memberships", "个组团成员身份" },
	{ "cadre", "cadre", "cadres", "名帮扶干部" },
	{ "report_contribution", "paragraph of a group report",
	  "paragraphs of group reports", "段组团报告段落" },
	{ "group_report", "group report", "group reports", "份组团报告" },
	{ "assessment", "assessment", "assessments", "项考核" },
	{ "successor", "cadre naming it as predecessor", "cadres naming it as predecessor",
	  "名以其为前任的干部" },
};

static const struct word *word_of(const struct word *w, size_t n, const char *kind)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w[i].kind, kind) == 0)
			return &w[i];
	return NULL;
}

/* "2 group reports and 1 assessment" / "2 份组团报告、1 项考核" */
static void list(const struct store_dependent *d, size_t n, struct buf *en, struct buf *zh)
{
	for (size_t i = 0; i < n; i++) {
		const struct word *w = word_of(children, sizeof children / sizeof children[0],
					       d[i].kind);
		const char *one = w ? w->one : d[i].kind, *many = w ? w->many : d[i].kind;
		buf_adds(en, i == 0 ? "" : i + 1 == n ? " and " : ", ");
		buf_addf(en, "%lld %s", d[i].n, d[i].n == 1 ? one : many);
		buf_addf(zh, "%s%lld %s", i ? "、" : "", d[i].n, w ? w->zh : d[i].kind);
	}
}

enum bf_status depends_check(struct store *s, const char *table, const char *const *key,
			     size_t nkey, struct bf_err *err)
{
	struct store_dependent d[STORE_DEPENDS_MAX];
	const struct word *p = word_of(parents, sizeof parents / sizeof parents[0], table);
	struct buf en = BUF_INIT, zh = BUF_INIT, k = BUF_INIT;
	size_t n = 0;
	enum bf_status rc = BF_OK;

	if (!p || (rc = store_dependents(s, table, key, nkey, d, &n, err)) || n == 0)
		return rc;
	for (size_t i = 0; i < nkey; i++)
		buf_addf(&k, "%s%s", i ? "," : "", key[i]);
	list(d, n, &en, &zh);
	rc = bf_err_set(err, BF_ECONFLICT, "%s %s has %s; delete or move %s first", p->one,
			buf_cstr(&k), buf_cstr(&en), n == 1 && d[0].n == 1 ? "it" : "them");
	bf_err_zh(err, "%s %s 还有 %s：请先将其删除或移走", p->zh, buf_cstr(&k), buf_cstr(&zh));
	buf_release(&en);
	buf_release(&zh);
	buf_release(&k);
	return rc;
}
