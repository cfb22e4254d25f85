/* cli: the `bangfu` command line. One row per subcommand in cli_commands[] (cli.c), one file
 * per subcommand (cmd_<name>.c). Commands parse arguments, call one app function and print;
 * they hold no rules. Exit codes: 0 success, 1 failure or violations found, 2 usage error. */
#ifndef BF_CLI_H
#define BF_CLI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include "app/app.h"
#include "util/date.h"
#include "util/err.h"

#define EXIT_USAGE 2

struct cli {
	const char *db;   /* database path: --db, BANGFU_DB or ./bangfu.db */
	FILE *out, *err;
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *summary; /* one line, Chinese and English */
	const char *usage;   /* the full --help text */
};

extern const struct cli_command cli_commands[];

int cli_main(int argc, char **argv);
/* The function `bangfu serve` runs (main.c passes the HTTP layer's): the CLI does not include
 * the other front end. */
void cli_set_server(app_server_fn fn);

/* Output formats shared by report, show and check. */
enum cli_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_XLSX };
bool cli_parse_format(const char *s, enum cli_format *f);
/* Prints v in the format; columns orders the "items" table (may be NULL). */
void cli_print(struct cli *c, json_t *v, enum cli_format f, const char *const *columns);
/* Writes v as an XLSX file (app/sheet) to c->out, which must not be a terminal; what names
 * the report for the Chinese headers. Returns an exit code. */
int cli_print_xlsx(struct cli *c, json_t *v, const char *what, const char *title,
		   const char *const *columns);
/* Prints err's message (each line prefixed "bangfu: ") and returns the exit code. */
int cli_fail(struct cli *c, const struct bf_err *err);
/* Prints a usage error and returns EXIT_USAGE. */
int cli_usage_error(struct cli *c, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Handles -h/--help: returns true (after printing) if argv asks for help. */
bool cli_wants_help(struct cli *c, const char *cmd, int argc, char **argv);
/* Parses --as-of: a date, or "today". */
bool cli_parse_day(const char *s, bf_day *d);

struct app_server_config;
/* Parses a settings file's text ("name = value" lines, '#' comments) into cfg, in place;
 * false after printing what is wrong with FILE:LINE. (Exposed for fuzz/fuzz_config.c.) */
bool serve_config_parse(struct app_server_config *cfg, char *text, const char *path, struct cli *c);

/* The server's settings into cfg, as `bangfu serve` reads them: defaults, --config FILE (or
 * BANGFU_CONFIG), the environment, then --SETTING VALUE flags. own: the command's own flags,
 * skipped here ("--dry-run"; "--as-of=" takes a value; NULL-ended). 0, or an exit code after
 * printing what is wrong. */
int cli_server_settings(struct cli *c, const char *cmd, int argc, char **argv,
			struct app_server_config *cfg, const char *const *own);
/* Prints the settings' help lines: every one (prefix NULL) or those of the mail ("smtp"). */
void cli_server_settings_help(FILE *f, const char *prefix);

int cmd_init(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);
int cmd_work(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_user(struct cli *c, int argc, char **argv);
int cmd_serve(struct cli *c, int argc, char **argv);
int cmd_audit(struct cli *c, int argc, char **argv);
int cmd_plan(struct cli *c, int argc, char **argv);
int cmd_plan_rotations(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_periods(struct cli *c, int argc, char **argv);
int cmd_reports(struct cli *c, int argc, char **argv);
int cmd_assessments(struct cli *c, int argc, char **argv);
int cmd_restore(struct cli *c, int argc, char **argv);
int cmd_digest(struct cli *c, int argc, char **argv);

#endif
