/* cmd_assess: `bangfu assessments list|create|grade` (app/assess: the year's and the round's
 * assessment of each group, docs/cycle.md). The CLI acts as the database's owner (admin) and
 * audits its writes as cli:USER. */
#include "app/assess.h"
#include "cli/cli.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const table_columns[] = {
	"id", "group", "target_name", "kind", "year", "grade", "commitments_due",
	"commitments_delivered", "commitments_confirmed", "yuan", "policies", "reports_on_time",
	"reports_late", "reports_missing", NULL
};
static const char *const one_columns[] = { "id", "group", "target_name", "kind", "year",
					   "start", "end", "grade", "comment", "graded_by",
					   "evidence_frozen", NULL };

struct opts {
	const char *round, *kind, *year, *group, *target, *prefecture, *grade, *comment;
	bool clear;
	long limit;
	enum cli_format format;
	char **args;
	int nargs;
};

static int parse(struct cli *c, int argc, char **argv, struct opts *o)
{
	static const struct option opts[] = {
		{ "round", required_argument, NULL, 'r' },   { "kind", required_argument, NULL, 'k' },
		{ "year", required_argument, NULL, 'y' },    { "group", required_argument, NULL, 'g' },
		{ "target", required_argument, NULL, 't' },  { "prefecture", required_argument, NULL, 'P' },
		{ "grade", required_argument, NULL, 'G' },   { "comment", required_argument, NULL, 'c' },
		{ "clear", no_argument, NULL, 'C' },         { "limit", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },  { NULL, 0, NULL, 0 }
	};
	int k;
	char *end;

	memset(o, 0, sizeof *o);
	o->format = FMT_TABLE;
	optind = 0;
	opterr = 0;
	while ((k = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (k) {
		case ':': return cli_usage_error(c, "assessments", "%s needs a value", argv[optind - 1]);
		case '?': return cli_usage_error(c, "assessments", "unknown option '%s'", argv[optind - 1]);
		case 'r': o->round = optarg; break;
		case 'k': o->kind = optarg; break;
		case 'y': o->year = optarg; break;
		case 'g': o->group = optarg; break;
		case 't': o->target = optarg; break;
		case 'P': o->prefecture = optarg; break;
		case 'G': o->grade = optarg; break;
		case 'c': o->comment = optarg; break;
		case 'C': o->clear = true; break;
		case 'l':
			o->limit = strtol(optarg, &end, 10);
			if (!*optarg || *end || o->limit < 1 || o->limit > ASSESS_LIST_MAX)
				return cli_usage_error(c, "assessments", "--limit '%s': give 1 to 10000",
						       optarg);
			break;
		case 'f':
			if (!cli_parse_format(optarg, &o->format))
				return cli_usage_error(c, "assessments",
						       "--format '%s': use table, csv, json or xlsx", optarg);
			break;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

/* Prints out (a list, or one assessment) in the format. */
static int print(struct cli *c, json_t *out, enum cli_format f, bool list)
{
	int rc = 0;
	if (f == FMT_XLSX) {
		json_t *doc = list ? json_incref(out) : json_pack("{s:[O]}", "items", out);
		rc = cli_print_xlsx(c, doc, "assessments", "assessments 考核", assess_columns);
		json_decref(doc);
	} else if (list || f == FMT_JSON) {
		cli_print(c, out, f, f == FMT_TABLE ? table_columns : assess_columns);
	} else {
		json_t *doc = json_pack("{s:[O]}", "items", out);
		cli_print(c, doc, f, f == FMT_TABLE ? one_columns : NULL);
		json_decref(doc);
	}
	return rc;
}

static int list(struct cli *c, struct app *app, const struct principal *who,
		const struct opts *o, struct bf_err *err)
{
	struct assess_list_req rq = { o->round, o->kind, o->year, o->group, o->target,
				      o->prefecture, o->grade, o->limit ? o->limit : ASSESS_LIST_MAX,
				      0, o->format != FMT_JSON };
	const char *field = NULL;
	json_t *out = NULL;
	int rc;

	if (assess_list(app, who, &rq, &out, err, &field))
		return cli_fail(c, err);
	rc = print(c, out, o->format, true);
	json_decref(out);
	return rc;
}

static int create(struct cli *c, struct app *app, const struct principal *who,
		  const struct opts *o, struct bf_err *err)
{
	json_t *body = json_pack("{s:s?, s:s?, s:s?}", "round", o->round, "kind", o->kind, "group",
				 o->group), *out = NULL;
	const char *field = NULL;
	char *end;
	int rc;

	if (o->year) {
		long y = strtol(o->year, &end, 10);
		if (!*o->year || *end) {
			json_decref(body);
			return cli_usage_error(c, "assessments", "--year '%s' is not a year", o->year);
		}
		json_object_set_new(body, "year", json_integer(y));
	}
	rc = assess_create(app, who, APP_CLI_ADDRESS, body, &out, err, &field);
	json_decref(body);
	if (rc)
		return cli_fail(c, err);
	if (o->group) {
		rc = print(c, out, o->format, false);
	} else if (o->format == FMT_JSON) {
		cli_print(c, out, FMT_JSON, NULL);
	} else {
		fprintf(c->out, "created %lld assessments (%s %s%s%s), %lld existed already\n",
			(long long)json_integer_value(json_object_get(out, "created")),
			json_string_value(json_object_get(out, "round")),
			json_string_value(json_object_get(out, "kind")), o->year ? " " : "",
			o->year ? o->year : "",
			(long long)json_integer_value(json_object_get(out, "existing")));
	}
	json_decref(out);
	return rc;
}

static int grade(struct cli *c, struct app *app, const struct principal *who,
		 const struct opts *o, struct bf_err *err)
{
	json_t *body = json_object(), *out = NULL;
	const char *field = NULL;
	int rc;

	if (o->clear)
		json_object_set_new(body, "grade", json_null());
	else if (o->grade)
		json_object_set_new(body, "grade", json_string(o->grade));
	if (o->comment)
		json_object_set_new(body, "comment", json_string(o->comment));
	rc = assess_grade(app, who, APP_CLI_ADDRESS, o->args[1], body, &out, err, &field);
	json_decref(body);
	if (rc)
		return cli_fail(c, err);
	rc = print(c, out, o->format, false);
	json_decref(out);
	return rc;
}

int cmd_assessments(struct cli *c, int argc, char **argv)
{
	struct opts o;
	struct app *app = NULL;
	struct bf_err err;
	char account[80];
	struct principal who = { account, ACC_ADMIN, NULL, NULL }; /* the database's owner */
	const char *sub;
	int rc;

	if ((rc = parse(c, argc, argv, &o)))
		return rc;
	sub = o.nargs ? o.args[0] : "";
	if (strcmp(sub, "list") != 0 && strcmp(sub, "create") != 0 && strcmp(sub, "grade") != 0)
		return cli_usage_error(c, "assessments", "give list, create or grade");
	if (strcmp(sub, "grade") == 0 && o.nargs != 2)
		return cli_usage_error(c, "assessments", "grade needs the assessment's id");
	if (strcmp(sub, "grade") != 0 && o.nargs != 1)
		return cli_usage_error(c, "assessments", "unexpected argument '%s'", o.args[1]);
	if (strcmp(sub, "grade") == 0 && !o.grade && !o.clear && !o.comment)
		return cli_usage_error(c, "assessments", "grade needs --grade, --clear or --comment");
	if (strcmp(sub, "grade") != 0 && (o.grade || o.clear || o.comment) &&
	    strcmp(sub, "list") != 0)
		return cli_usage_error(c, "assessments", "--grade, --clear and --comment are for grade");
	if (strcmp(sub, "list") == 0 && (o.clear || o.comment))
		return cli_usage_error(c, "assessments", "--clear and --comment are for grade");
	app_cli_account(account, sizeof account);
	bf_err_init(&err);
	if (app_open(c->db, false, &app, &err))
		rc = cli_fail(c, &err);
	else if (strcmp(sub, "list") == 0)
		rc = list(c, app, &who, &o, &err);
	else if (strcmp(sub, "create") == 0)
		rc = create(c, app, &who, &o, &err);
	else
		rc = grade(c, app, &who, &o, &err);
	app_close(app);
	bf_err_release(&err);
	return rc;
}
