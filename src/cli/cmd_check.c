/* cmd_check: `bangfu check [--round NAME] [--as-of DATE] [--end-window DAYS]
 * [--format table|json]`. */
#include "app/check.h"
#include "app/query.h"
#include "cli/query_opts.h"

/* One finding: Chinese first, English on the next line (the same words as the web UI's). */
static void print_finding(struct cli *c, const struct violation *f)
{
	const char *mark = f->blocking ? "[阻止保存 blocks a save] " : "";
	if (f->message_zh && *f->message_zh)
		fprintf(c->out, "    - %s%s\n      %s\n", mark, f->message_zh, f->message);
	else
		fprintf(c->out, "    - %s%s\n", mark, f->message);
}

static void print_text(struct cli *c, const struct registry *r, size_t round, bf_day day,
		       const struct violations *v)
{
	char d[11];
	size_t rules_hit = 0;

	date_format(day, d);
	if (rules_round_live(r, round, day)) {
		fprintf(c->out, "round %s, as of %s\n", r->rounds[round].name, d);
	} else {
		struct buf en = BUF_INIT, zh = BUF_INIT;
		check_note(r, round, day, v, &en, &zh);
		fprintf(c->out, "%s\n%s\n", buf_cstr(&zh), buf_cstr(&en));
		buf_release(&en);
		buf_release(&zh);
		if (round == REG_NONE)
			return;
	}
	for (size_t k = 0; k < rules_count; k++) {
		size_t n = 0;
		for (size_t i = 0; i < v->n; i++)
			n += v->items[i].rule == k;
		if (!(v->judged & 1u << k)) {
			fprintf(c->out, "- %-20s %-3s   -  %s · %s (not judged · 未检查)\n",
				rules_table[k].tag, rules_table[k].source, rules_table[k].title_zh,
				rules_table[k].title_en);
			continue;
		}
		fprintf(c->out, "%s %-20s %-3s %3zu  %s · %s\n", n ? "✗" : "✓", rules_table[k].tag,
			rules_table[k].source, n, rules_table[k].title_zh, rules_table[k].title_en);
		rules_hit += n > 0;
		for (size_t i = 0; i < v->n; i++)
			if (v->items[i].rule == k) /* a blocking finding refuses the write that makes it */
				print_finding(c, &v->items[i]);
	}
	if (v->n)
		fprintf(c->out, "%zu violation%s of %zu rule%s\n", v->n, v->n == 1 ? "" : "s",
			rules_hit, rules_hit == 1 ? "" : "s");
	else
		fprintf(c->out, "all rules pass · 全部规则通过\n");
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	struct query_opts q;
	struct rules_opts ro;
	struct cli_db db;
	struct violations v;
	size_t round;
	int rc;

	if ((rc = query_opts_parse(c, "check", "raef", argc, argv, &q)))
		return rc;
	if (q.nargs)
		return cli_usage_error(c, "check", "unexpected argument '%s'", q.args[0]);
	if (q.format == FMT_CSV || q.format == FMT_XLSX)
		return cli_usage_error(c, "check", "--format %s is not offered; use table or json",
				       q.format == FMT_CSV ? "csv" : "xlsx");
	ro.end_window = q.end_window;
	violations_init(&v);
	if (cli_db_load(c, &db) ||
	    check_round(&db.r, q.round, q.as_of, &ro, NULL, &round, &v, &db.err)) {
		rc = cli_fail(c, &db.err);
	} else if (db.r.nrounds == 0) {
		fprintf(c->err, "bangfu: the database has no round yet; import rounds.csv\n");
		rc = 1;
	} else if (q.format == FMT_JSON) {
		json_t *j = check_json(&db.r, round, q.as_of, &v);
		cli_print(c, j, FMT_JSON, NULL);
		json_decref(j);
		rc = v.n ? 1 : 0;
	} else {
		print_text(c, &db.r, round, q.as_of, &v);
		rc = v.n ? 1 : 0;
	}
	violations_release(&v);
	cli_db_release(&db);
	return rc;
}
