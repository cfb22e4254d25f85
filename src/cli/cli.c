/* cli: global options, the command table and dispatch; see cli.h. */
#include "cli/cli.h"
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define VERSION "0.1.0"

const struct cli_command cli_commands[] = {
	{ "init", cmd_init, "创建数据库 · create the database (bundled Guangdong data by default)",
	  "usage: bangfu [--db PATH] init [--empty] [--force]\n"
	  "\n"
	  "创建数据库并载入内置的广东数据。Creates the database and loads the bundled Guangdong\n"
	  "data set (62 targets, 156 units, the 2023-2026 round; pairings other than 廉江市's and\n"
	  "all cadres are illustrative).\n"
	  "\n"
	  "  --empty   create an empty database (schema only)\n"
	  "  --force   replace an existing database (its data is lost: export it first)\n" },
	{ "import", cmd_import, "导入CSV · import CSV files or folders, all or nothing",
	  "usage: bangfu [--db PATH] import [--encoding NAME] PATH...\n"
	  "\n"
	  "导入CSV文件或文件夹。Loads rounds.csv, targets.csv, units.csv, groups.csv, members.csv,\n"
	  "cadres.csv and indicators.csv (any subset; a folder means every such file in it). UTF-8\n"
	  "(with or without BOM) and GB18030/GBK (with or without BOM) are detected; a file that\n"
	  "reads as GB18030 only by accident (Big5, Shift-JIS, EUC-KR, Windows-1252) is refused.\n"
	  "A row whose key exists replaces the record. On any error nothing is written and every\n"
	  "error is listed as FILE:LINE: column 'NAME': what is wrong. Columns: docs/data-format.md.\n"
	  "\n"
	  "  --encoding NAME   the files' encoding, not detected: BIG5, SHIFT_JIS, EUC-KR,\n"
	  "                    WINDOWS-1252, GB18030, UTF-8 (any name `iconv -l` lists)\n" },
	{ "export", cmd_export, "导出CSV · export every table as CSV into a folder",
	  "usage: bangfu [--db PATH] export DIR\n"
	  "       bangfu [--db PATH] export --format xlsx FILE.xlsx\n"
	  "\n"
	  "导出全部数据为CSV。Writes the seven CSV files into DIR (created if missing), sorted by\n"
	  "key, in the format `bangfu import` reads. With --format xlsx, one spreadsheet with a\n"
	  "sheet per table (Chinese headers, frozen; numbers and dates typed; text never a\n"
	  "formula) and a last sheet (说明) giving each header's English column name.\n" },
	{ "check", cmd_check, "规则检查 · check the programme's rules on a round",
	  "usage: bangfu [--db PATH] check [--round NAME] [--as-of DATE] [--end-window DAYS]\n"
	  "                                 [--format table|json]\n"
	  "\n"
	  "检查规则。Checks coverage (S3), group shape (S5), cadre quotas (S6), capacity (S8),\n"
	  "terms (S7) and rotation continuity (S7) for the round (default: the round in progress\n"
	  "on --as-of, which defaults to today). Prints violations grouped by rule; exits 1 if any.\n"
	  "On a day outside every round nothing is judged (it says so and exits 0); with --round\n"
	  "on a day outside that round, the rules that count who is on post (cadre-quota,\n"
	  "rotation-continuity, successors) are not judged.\n"
	  "  --end-window DAYS  期末窗口 a term that ends within DAYS before the round's end needs\n"
	  "                     no successor: its post counts as filled to the end and its leaving\n"
	  "                     is no rotation (default 90, 0-3650)\n" },
	{ "report", cmd_report, "报表 · summary, coverage, groups, cadres, rotations, shares, indicators",
	  "usage: bangfu [--db PATH] report NAME [--round NAME] [--as-of DATE] [--within DAYS]\n"
	  "                                      [--format table|csv|xlsx|json]\n"
	  "\n"
	  "报表。Reports:\n"
	  "  summary    the round at a glance (总览)\n"
	  "  coverage   targets with and without a group (覆盖, S3)\n"
	  "  groups     every group with its lead and members (组团, S5)\n"
	  "  cadres     every cadre of the round (帮扶干部, S6)\n"
	  "  rotations  terms ending within --within days, default 180 (轮换, S7)\n"
	  "  shares     the 57 counties' share of land, population, GDP (占比, S10); when a\n"
	  "             county lacks a figure, how many do and why no share is computed\n"
	  "  indicators each target's indicators since the round's baseline year (the last\n"
	  "             full year before it starts) to --as-of's year, and the province's change\n"
	  "             over the same years (指标变化)\n"
	  "CSV output starts with a UTF-8 BOM so that Excel opens it correctly. --format xlsx\n"
	  "writes a spreadsheet (redirect it to a file): Chinese headers in a frozen first row,\n"
	  "numbers and dates as such, text never as a formula; its second sheet (说明) gives\n"
	  "each header's English key.\n" },
	{ "show", cmd_show, "查看 · one target, unit, group or cadre with its relations",
	  "usage: bangfu [--db PATH] show target|unit|group|cadre KEY [--as-of DATE]\n"
	  "                                      [--format table|json]\n"
	  "\n"
	  "查看一条记录。Shows a target (by adcode: its groups, cadres, indicators), a unit (by\n"
	  "code: its groups and cadres), a group (by id) or a cadre (by id).\n" },
	{ "plan", cmd_plan, "规划 · form groups: the exact optimal assignment of units to targets",
	  "usage: bangfu [--db PATH] plan --round NAME [--apply] [--format table|json]\n"
	  "                                    [--needs FILE] [--pairs auto|all|sparse]\n"
	  "       bangfu [--db PATH] plan --round NAME --export-instance FILE [--needs FILE]\n"
	  "       bangfu [--db PATH] plan --round NAME --repair [--without UNIT[,UNIT...]]\n"
	  "                                    [--merge A=B] [--capacity UNIT=N] [--apply]\n"
	  "       bangfu plan --instance FILE.json [--format table|json]\n"
	  "\n"
	  "组团规划。Assigns units to targets as the one lead or as members, maximising the\n"
	  "pair scores plus each target's bonus per member, within every unit's capacity and\n"
	  "minimum and every target's member bounds, with the fixed pairs kept (docs/planner.md).\n"
	  "The solution is exact (network simplex). Exits 1 if the instance is infeasible, with\n"
	  "the reason naming the units and targets in conflict.\n"
	  "\n"
	  "--round plans the round from the database: scores from the units' strengths and the\n"
	  "targets' needs (the needs table, data/guangdong/plan-needs.csv), continuity and lead\n"
	  "weights, the published groups fixed. It prints the objective, each group's score, the\n"
	  "balance (min/mean/max group score, spread across prefectures) and why each unit is\n"
	  "where it is.\n"
	  "\n"
	  "  --round NAME      plan this round of the database\n"
	  "  --apply           write the plan as the round's groups and memberships (one audited\n"
	  "                    transaction; cadres whose unit leaves a group are listed)\n"
	  "  --needs FILE      another needs table (CSV, the columns of docs/planner.md)\n"
	  "  --pairs P         auto (default): every unit x target pair up to 2,000,000 of them,\n"
	  "                    else a sparse instance (the pairs that can matter, then every\n"
	  "                    left-out pair priced against the optimum and added if it could\n"
	  "                    improve it; the answer says whether the optimum is proven);\n"
	  "                    all or sparse to choose. Progress goes to stderr after a second\n"
	  "  --export-instance FILE  write the round's instance as JSON (for --instance)\n"
	  "  --repair          what-if: re-solve keeping the current groups where possible and\n"
	  "                    show who moves, who stays and the change in score\n"
	  "  --without UNIT    (repair) the unit leaves; repeatable, or UNIT,UNIT\n"
	  "  --merge A=B       (repair) unit A's capacity and assignments pass to unit B\n"
	  "  --capacity UNIT=N (repair) the unit's capacity becomes N (0-9)\n"
	  "  --instance FILE   the instance as JSON: units, targets, pairs, fixed\n"
	  "  --format F        table (default) or json\n" },
	{ "user", cmd_user, "账号 · accounts of the web server: add, list, disable, enable, passwd",
	  "usage: bangfu [--db PATH] user add NAME --role ROLE [--unit CODE] [--target ADCODE]\n"
	  "                                   --password-stdin\n"
	  "       bangfu [--db PATH] user list\n"
	  "       bangfu [--db PATH] user disable|enable NAME\n"
	  "       bangfu [--db PATH] user passwd NAME --password-stdin\n"
	  "\n"
	  "账号管理。Roles: admin (指挥部办公室, everything), planner (县域经济专班: rounds, groups),\n"
	  "unit (帮扶单位, with --unit: its own groups and cadres), county (帮扶对象, with --target:\n"
	  "its own target), auditor (审计监督: reads everything, the audit log included).\n"
	  "The password is read from the first line of standard input: at least 8 characters\n"
	  "(15 or more recommended), not a commonly used one, no character more than 3 times in\n"
	  "a row, no run like 12345 or abcde, not the account's name, not a dictionary word\n"
	  "(libpwquality); the refusal says why. Changing a password or disabling an account\n"
	  "ends its sessions.\n" },
	{ "audit", cmd_audit, "审计 · verify the audit trail's hash chain",
	  "usage: bangfu [--db PATH] audit verify\n"
	  "\n"
	  "审计校验。Every change, through the server or the CLI (as cli:USER), is recorded with\n"
	  "who, when, from where and the record before and after; each row's hash covers the\n"
	  "previous row's. verify walks the chain and exits 1 naming the first row that was\n"
	  "edited or follows a deleted one.\n" },
	{ "serve", cmd_serve, "服务 · serve the web interface and the JSON API",
	  NULL /* cmd_serve prints its own help: the settings table */ },
	{ NULL, NULL, NULL, NULL },
};

static void main_help(FILE *f)
{
	fprintf(f, "bangfu %s — 组团纵向帮扶管理 · group-based vertical assistance to counties\n\n"
		   "usage: bangfu [--db PATH] COMMAND [ARGS]\n\n"
		   "commands:\n",
		VERSION);
	for (const struct cli_command *k = cli_commands; k->name; k++)
		fprintf(f, "  %-8s %s\n", k->name, k->summary);
	fprintf(f, "\noptions:\n"
		   "  --db PATH   the database (default: $BANGFU_DB, else ./bangfu.db)\n"
		   "  --help      this help; `bangfu COMMAND --help` for a command\n"
		   "  --version   print the version\n");
}

int cli_usage_error(struct cli *c, const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(c->err, "bangfu%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(c->err, fmt, ap);
	va_end(ap);
	fprintf(c->err, "\n(see: bangfu %s%s--help)\n", cmd ? cmd : "", cmd ? " " : "");
	return EXIT_USAGE;
}

int cli_fail(struct cli *c, const struct bf_err *err)
{
	const char *m = bf_err_msg(err);
	while (*m) {
		const char *nl = strchr(m, '\n');
		size_t n = nl ? (size_t)(nl - m) : strlen(m);
		fprintf(c->err, "bangfu: %.*s\n", (int)n, m);
		m += n + (nl != NULL);
	}
	return bf_status_exit_code(err->status);
}

bool cli_wants_help(struct cli *c, const char *cmd, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			for (const struct cli_command *k = cli_commands; k->name; k++)
				if (strcmp(k->name, cmd) == 0)
					fputs(k->usage, c->out);
			return true;
		}
	}
	return false;
}

bool cli_parse_day(const char *s, bf_day *d)
{
	if (strcmp(s, "today") == 0) {
		*d = date_today();
		return true;
	}
	return date_parse(s, d);
}

static const char *option_value(int *i, int argc, char **argv, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], name) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int cli_main(int argc, char **argv)
{
	struct cli c = { getenv("BANGFU_DB"), stdout, stderr };
	int i = 1;

	setlocale(LC_CTYPE, "C.UTF-8");
	if (!c.db || !*c.db)
		c.db = "bangfu.db";
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *v;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			main_help(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("bangfu %s\n", VERSION);
			return 0;
		}
		if ((v = option_value(&i, argc, argv, "--db"))) {
			c.db = v;
			continue;
		}
		if (strcmp(argv[i], "--db") == 0)
			return cli_usage_error(&c, NULL, "--db needs a value");
		return cli_usage_error(&c, NULL, "unknown option '%s'", argv[i]);
	}
	if (i == argc) {
		main_help(stderr);
		return EXIT_USAGE;
	}
	for (const struct cli_command *k = cli_commands; k->name; k++)
		if (strcmp(k->name, argv[i]) == 0) {
			if (k->usage && cli_wants_help(&c, k->name, argc - i, argv + i))
				return 0;
			return k->run(&c, argc - i, argv + i);
		}
	return cli_usage_error(&c, NULL, "unknown command '%s'", argv[i]);
}
