/* sheet: lists and reports as XLSX (util/xlsx); see sheet.h. The Chinese headers live in one
 * table here, so the API and the CLI name every column alike. */
#include "app/sheet.h"
#include "core/work.h"
#include "util/date.h"
#include "util/xalloc.h"
#include "util/xlsx.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A column's Chinese header; what limits the row to one table or report (NULL: any). date:
 * its text values are days (YYYY-MM-DD), written as date cells. */
struct label {
	const char *what, *key, *zh;
	bool date;
};

static const struct label labels[] = {
	{ "round", "name", "轮次", false },
	{ "indicator", "name", "指标", false },
	{ "indicator", "unit", "计量单位", false },
	{ "indicators", "unit", "计量单位", false },
	{ "indicator", "scope", "范围（县区代码或 province）", false },
	{ "cadre", "name", "姓名", false },
	{ "cadre", "unit", "派出单位代码", false },
	{ "cadres", "name", "姓名", false },
	{ "cadres", "unit", "派出单位代码", false },
	{ "rotations", "name", "姓名", false },
	{ "rotations", "unit", "派出单位代码", false },
	{ "rotations", "end", "期满日期", true },
	{ "rotations", "successor_start", "接任者到岗日期", true },
	{ "rotations", "handover_days", "交接间隔（天，负数为重叠）", false },
	{ "rotations", "handover", "交接（gap 空档 / overlap 重叠 / seamless 无缝）", false },
	{ "plan-rotations", "id", "干部编号", false },
	{ "plan-rotations", "name", "姓名", false },
	{ "plan-rotations", "unit", "派出单位代码", false },
	{ "plan-rotations", "lead", "牵头单位干部", false },
	{ "plan-rotations", "end", "期满日期", true },
	{ "plan-rotations", "successor_start", "接任者现定到岗日期", true },
	{ "plan-rotations", "arrival", "建议到岗日期", true },
	{ "plan-rotations", "handover_days", "交接间隔（天，负数为重叠）", false },
	{ "plan-rotations", "handover", "交接（gap 空档 / overlap 重叠 / seamless 无缝）", false },
	{ "plan-rotations", "why", "依据（handover 交接 / named 已定 / batch 分批提前 / asap 尽快）", false },
	{ "plan-rotations", "moved", "需调整现定日期", false },
	{ "cadre", "id", "干部编号", false },
	{ "cadres", "id", "干部编号", false },
	{ "rotations", "id", "干部编号", false },
	{ "groups", "id", "组团编号", false },
	{ "group", "id", "组团编号", false },
	{ "groups", "members", "成员单位代码", false },
	{ "shares", "share", "计算占比（%）", false },
	{ "shares", "article", "文章数字（%）", false },
	{ "work", "key", "键", false },
	{ "work", "name", "名称", false },
	{ "work", "targets", "帮扶对象数", false },
	{ "work", "planned", "计划", false },
	{ "work", "in_progress", "推进中", false },
	{ "work", "delivered", "已交付", false },
	{ "work", "confirmed", "已销号", false },
	{ "work", "dropped", "已放弃", false },
	{ "work", "commitments", "帮扶事项", false },
	{ "work", "overdue", "逾期", false },
	{ "work", "measures_text", "计量（交付/目标）", false },
	{ "work", "funds", "资金（元）", false },
	{ "work", "investment", "投资（元）", false },
	{ "work", "project", "项目", false },
	{ "work", "enterprise", "企业", false },
	{ "work", "talent", "人才", false },
	{ "work", "training", "培训（人次）", false },
	{ "work", "resource_entries", "资源条目", false },
	{ "work", "yuan", "资金与投资（元）", false },
	{ "work", "population", "常住人口", false },
	{ "work", "gdp_100m", "地区生产总值（亿元）", false },
	{ "work", "yuan_per_head", "人均（元）", false },
	{ "work", "yuan_per_100m_gdp", "每亿元GDP（元）", false },
	{ "work", "targets_lacking_population", "缺人口数据对象数", false },
	{ "work", "targets_lacking_gdp", "缺GDP数据对象数", false },
	{ "group_report", "id", "报告编号", false },
	{ "group_report", "period", "报告期编号", false },
	{ "group_report", "period_name", "报告期", false },
	{ "group_report", "due", "报送期限", true },
	{ "group_report", "status", "状态（draft/submitted/returned/approved）", false },
	{ "group_report", "late", "逾期未报", false },
	{ "group_report", "reason", "退回或重新开放理由", false },
	{ "group_report", "updated", "更新时间", false },
	{ "group_report", "submitted", "提交时间", false },
	{ "group_report", "submitted_by", "提交账户", false },
	{ "group_report", "decided", "审核时间", false },
	{ "group_report", "decided_by", "审核账户", false },
	{ "group_report", "contributions", "成员单位段落数", false },
	{ "group_report", "attachments", "附件数", false },
	{ "assessments", "kind", "考核类型（year 年度 / round 轮次期末）", false },
	{ "assessments", "grade", "评定等次", false },
	{ "assessments", "comment", "评语", false },
	{ "assessments", "graded", "评定时间", false },
	{ "assessments", "graded_by", "评定人账号", false },
	{ "assessments", "evidence_frozen", "依据已固定", false },
	{ "assessments", "commitments_due", "期内到期帮扶事项", false },
	{ "assessments", "commitments_delivered", "已交付", false },
	{ "assessments", "commitments_confirmed", "已销号", false },
	{ "assessments", "commitments_dropped", "已放弃", false },
	{ "assessments", "commitments_open", "未完成", false },
	{ "assessments", "measures_text", "计量（交付/目标）", false },
	{ "assessments", "funds", "资金（元）", false },
	{ "assessments", "investment", "投资（元）", false },
	{ "assessments", "project", "项目", false },
	{ "assessments", "enterprise", "企业", false },
	{ "assessments", "talent", "人才", false },
	{ "assessments", "training", "培训（人次）", false },
	{ "assessments", "yuan", "资金与投资（元）", false },
	{ "assessments", "policies", "政策文件", false },
	{ "assessments", "reports_on_time", "按期报告", false },
	{ "assessments", "reports_late", "逾期报告", false },
	{ "assessments", "reports_missing", "缺报", false },
	{ "assessments", "reports_not_due", "未到期", false },
	{ "assessments", "indicators_text", "指标变化（较基线年，全省对比）", false },
	{ NULL, "adcode", "行政区划代码", false },
	{ NULL, "name_zh", "中文名称", false },
	{ NULL, "name_en", "英文名称", false },
	{ NULL, "name", "名称", false },
	{ NULL, "prefecture", "地级市", false },
	{ NULL, "kind", "行政区类型", false },
	{ NULL, "old_area", "老区苏区", false },
	{ NULL, "classes", "分类", false },
	{ NULL, "region", "区域", false },
	{ NULL, "lon", "经度", false },
	{ NULL, "lat", "纬度", false },
	{ NULL, "verified", "已核实", false },
	{ NULL, "note", "备注", false },
	{ NULL, "code", "单位代码", false },
	{ NULL, "category", "单位类别", false },
	{ NULL, "capacity", "可帮扶县数", false },
	{ NULL, "strengths", "优势领域", false },
	{ NULL, "id", "编号", false },
	{ NULL, "round", "轮次", false },
	{ NULL, "target", "帮扶对象代码", false },
	{ NULL, "target_name", "帮扶对象", false },
	{ NULL, "group", "组团编号", false },
	{ NULL, "unit", "单位代码", false },
	{ NULL, "unit_name", "派出单位", false },
	{ NULL, "role", "角色", false },
	{ NULL, "rank", "职级", false },
	{ NULL, "post", "挂任职务", false },
	{ NULL, "start", "开始日期", true },
	{ NULL, "end", "结束日期", true },
	{ NULL, "planned_end", "计划期满", true },
	{ NULL, "actual_end", "实际离任", true },
	{ NULL, "as_of", "截至日期", true },
	{ NULL, "date", "日期", true },
	{ NULL, "due", "完成期限", true },
	{ NULL, "predecessor", "前任", false },
	{ NULL, "successor", "接任者", false },
	{ NULL, "cycle_years", "周期（年）", false },
	{ NULL, "scope", "范围", false },
	{ NULL, "year", "年份", false },
	{ NULL, "value", "数值", false },
	{ NULL, "quality", "数据质量", false },
	{ NULL, "source", "来源", false },
	{ NULL, "lead", "牵头单位代码", false },
	{ NULL, "lead_name", "牵头单位", false },
	{ NULL, "members", "成员单位", false },
	{ NULL, "member_names", "成员单位", false },
	{ NULL, "cadres_on_post", "在岗干部数", false },
	{ NULL, "on_post", "在岗", false },
	{ NULL, "days_left", "剩余天数", false },
	{ NULL, "measure", "口径", false },
	{ NULL, "indicator", "指标", false },
	{ NULL, "share", "占比（%）", false },
	{ NULL, "article", "文章数字（%）", false },
	{ NULL, "counties_with_data", "有数据的县数", false },
	{ NULL, "counties", "县数", false },
	{ NULL, "approximate_values", "近似值个数", false },
	{ NULL, "counties_total", "各县合计", false },
	{ NULL, "province_total", "全省合计", false },
	{ NULL, "units", "单位数", false },
	{ NULL, "units_assisting", "参与帮扶的单位数", false },
	{ NULL, "targets", "帮扶对象数", false },
	{ NULL, "covered", "已覆盖", false },
	{ NULL, "uncovered", "未覆盖", false },
	{ NULL, "groups", "组团数", false },
	{ NULL, "within_days", "期限（天）", false },
	{ NULL, "land_share", "土地面积占比（%）", false },
	{ NULL, "population_share", "常住人口占比（%）", false },
	{ NULL, "gdp_share", "GDP 占比（%）", false },
	{ NULL, "baseline_year", "基线年份", false },
	{ NULL, "baseline", "基线值", false },
	{ NULL, "latest_year", "最新年份", false },
	{ NULL, "latest", "最新值", false },
	{ NULL, "change", "变化", false },
	{ NULL, "change_pct", "变化（%）", false },
	{ NULL, "province_change_pct", "全省变化（%）", false },
};

static const struct label *label_of(const char *what, const char *key)
{
	const struct label *any = NULL;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		if (strcmp(labels[i].key, key) != 0)
			continue;
		if (labels[i].what && what && strcmp(labels[i].what, what) == 0)
			return &labels[i];
		if (!labels[i].what && !any)
			any = &labels[i];
	}
	return any;
}

/* The work's records (core/work) name their columns themselves. */
static const struct work_field *work_column(const char *what, const char *key)
{
	const struct work_type *t = work_type_find(what);
	int i = t ? work_field_index(t, key) : -1;
	return i >= 0 ? &t->fields[i] : NULL;
}

const char *sheet_label(const char *what, const char *key)
{
	const struct work_field *wf = what ? work_column(what, key) : NULL;
	if (wf)
		return wf->zh;
	if (what && work_type_find(what) && strcmp(key, "overdue") == 0)
		return "逾期";
	if (what && work_type_find(what) && strcmp(key, "evidence_files") == 0)
		return "佐证附件数";
	const struct label *l = label_of(what, key);
	return l ? l->zh : key;
}

/* Dates come from the record type's field when there is one, else from the label table. */
static bool is_date(const struct sheet_spec *sp, const char *key)
{
	const struct label *l;
	const struct work_field *wf = sp->what ? work_column(sp->what, key) : NULL;
	if (wf)
		return wf->type == WF_DATE;
	if (sp->type) {
		const struct field_def *f = model_field(sp->type, key);
		if (f)
			return f->type == FT_DATE;
	}
	return (l = label_of(sp->what, key)) && l->date;
}

static void join_text(json_t *a, struct buf *b)
{
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		if (i)
			buf_adds(b, "; ");
		if (json_is_string(v))
			buf_adds(b, json_string_value(v));
		else if (json_is_number(v))
			buf_addf(b, "%.15g", json_number_value(v));
	}
}

/* One value as the cell its JSON type (and the column) calls for. */
static void put(struct xlsx *x, size_t row, size_t col, json_t *v, bool date)
{
	bf_day d;
	struct buf b = BUF_INIT;

	switch (json_typeof(v)) {
	case JSON_STRING:
		if (date && date_parse(json_string_value(v), &d))
			xlsx_date(x, row, col, d);
		else
			xlsx_text(x, row, col, json_string_value(v));
		break;
	case JSON_INTEGER:
	case JSON_REAL:
		xlsx_number(x, row, col, json_number_value(v));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		xlsx_bool(x, row, col, json_is_true(v));
		break;
	case JSON_ARRAY:
		join_text(v, &b);
		xlsx_text(x, row, col, buf_cstr(&b));
		break;
	default: /* null: an empty cell; objects do not occur in lists */
		break;
	}
	buf_release(&b);
}

/* The column keys: the spec's, the record type's fields, or the first item's keys. */
static size_t columns_of(const struct sheet_spec *sp, json_t *items, const char ***out)
{
	size_t n = 0;
	const char *k;
	json_t *v;

	if (sp->columns) {
		while (sp->columns[n])
			n++;
		*out = xmalloc((n + 1) * sizeof **out);
		memcpy(*out, sp->columns, n * sizeof **out);
	} else if (sp->type) {
		*out = xmalloc((sp->type->nfields + 1) * sizeof **out);
		for (; n < sp->type->nfields; n++)
			(*out)[n] = sp->type->fields[n].name;
	} else {
		*out = xmalloc((json_object_size(json_array_get(items, 0)) + 1) * sizeof **out);
		json_object_foreach(json_array_get(items, 0), k, v)
			(*out)[n++] = k;
	}
	return n;
}

static void items_sheet(struct xlsx *x, const struct sheet_spec *sp, json_t *items,
			const char **cols, size_t n)
{
	size_t i;
	json_t *it;
	bool *date = xcalloc(n ? n : 1, sizeof *date);

	for (size_t c = 0; c < n; c++) {
		xlsx_header(x, c, sheet_label(sp->what, cols[c]));
		date[c] = is_date(sp, cols[c]);
	}
	json_array_foreach(items, i, it)
		for (size_t c = 0; c < n; c++)
			put(x, i + 1, c, json_object_get(it, cols[c]), date[c]);
	xlsx_freeze_header(x, true);
	free(date);
}

/* A report without items: one row per value (nested objects and lists of objects left out,
 * as in the CSV). */
static void values_sheet(struct xlsx *x, const struct sheet_spec *sp, json_t *doc)
{
	const char *k;
	json_t *v;
	size_t row = 1;

	xlsx_header(x, 0, "项目");
	xlsx_header(x, 1, "值");
	xlsx_header(x, 2, "key");
	json_object_foreach(doc, k, v) {
		if (json_is_object(v) || (json_is_array(v) && json_is_object(json_array_get(v, 0))))
			continue;
		xlsx_text(x, row, 0, sheet_label(sp->what, k));
		put(x, row, 1, v, is_date(sp, k));
		xlsx_text(x, row, 2, k);
		row++;
	}
	xlsx_freeze_header(x, false);
}

/* 说明 columns: what the file is, then each column's header and key. */
static void notes_sheet(struct xlsx *x, const struct sheet_spec *sp, const char **cols, size_t n)
{
	char now[21];
	static const char *const head[] = { "列 column", "中文表头 header", "键 key (API, CSV)" };

	xlsx_add_sheet(x, "说明 columns");
	for (size_t c = 0; c < 3; c++)
		xlsx_header(x, c, head[c]);
	for (size_t c = 0; c < n; c++) {
		char letter[8];
		snprintf(letter, sizeof letter, "%s%c", c >= 26 ? "A" : "", (char)('A' + c % 26));
		xlsx_text(x, c + 1, 0, letter);
		xlsx_text(x, c + 1, 1, sheet_label(sp->what, cols[c]));
		xlsx_text(x, c + 1, 2, cols[c]);
	}
	date_now_utc(now);
	xlsx_text(x, n + 2, 0, "bangfu");
	xlsx_text(x, n + 2, 1, sp->title ? sp->title : sp->what);
	xlsx_text(x, n + 3, 0, "生成 made (UTC)");
	xlsx_text(x, n + 3, 1, now);
	xlsx_freeze_header(x, false);
}

enum bf_status sheet_xlsx(const struct sheet_spec *sp, json_t *doc, struct buf *out,
			  struct bf_err *err)
{
	json_t *items = json_object_get(doc, "items");
	struct xlsx *x = xlsx_new("数据 data");
	const char **cols = NULL;
	size_t n = 0;

	if (json_is_array(items) && (json_array_size(items) || sp->columns || sp->type)) {
		n = columns_of(sp, items, &cols);
		items_sheet(x, sp, items, cols, n);
	} else {
		values_sheet(x, sp, doc);
	}
	notes_sheet(x, sp, cols, n);
	free(cols);
	return xlsx_finish(x, out, err);
}

enum bf_status sheet_workbook(const struct sheet_spec *specs, json_t *const *docs,
			      const char *const *names, size_t n, struct buf *out,
			      struct bf_err *err)
{
	static const char *const head[] = { "表 sheet", "列 column", "中文表头 header",
					    "键 key (API, CSV)" };
	struct xlsx *x = xlsx_new(n ? names[0] : "数据 data");
	size_t row = 1;

	for (size_t i = 0; i < n; i++) {
		const char **cols;
		size_t nc = columns_of(&specs[i], json_object_get(docs[i], "items"), &cols);
		if (i)
			xlsx_add_sheet(x, names[i]);
		items_sheet(x, &specs[i], json_object_get(docs[i], "items"), cols, nc);
		free(cols);
	}
	xlsx_add_sheet(x, "说明 columns");
	for (size_t c = 0; c < 4; c++)
		xlsx_header(x, c, head[c]);
	for (size_t i = 0; i < n; i++) {
		const char **cols;
		size_t nc = columns_of(&specs[i], json_object_get(docs[i], "items"), &cols);
		for (size_t c = 0; c < nc; c++, row++) {
			char letter[8];
			snprintf(letter, sizeof letter, "%s%c", c >= 26 ? "A" : "", (char)('A' + c % 26));
			xlsx_text(x, row, 0, names[i]);
			xlsx_text(x, row, 1, letter);
			xlsx_text(x, row, 2, sheet_label(specs[i].what, cols[c]));
			xlsx_text(x, row, 3, cols[c]);
		}
		free(cols);
	}
	xlsx_freeze_header(x, true);
	return xlsx_finish(x, out, err);
}
