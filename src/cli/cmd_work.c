/* cmd_work: `bangfu work list tasks|needs|commitments|resources|policies [filters]
 * [--format table|csv|json|xlsx]`: the groups' work (app/work) as the database's owner sees
 * it, filtered and paged in SQL as the API's lists are. */
#include "app/work.h"
#include "cli/cli.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* The terminal table's columns per kind (CSV, JSON and XLSX have every column). */
static const char *const table_columns[WK_N][12] = {
	[WK_TASK] = { "round", "code", "domain_zh", "name_zh", "classes", "verified", NULL },
	[WK_NEED] = { "id", "round", "target", "task", "priority", "title", NULL },
	[WK_COMMITMENT] = { "id", "target", "unit", "task", "title", "measure", "target_value",
			    "due", "status", "overdue" },
	[WK_RESOURCE] = { "id", "target", "unit", "kind", "amount", "date", "source", NULL },
	[WK_POLICY] = { "id", "unit", "doc_no", "title", "date", "targets", NULL },
};

static int long_opt(struct cli *c, const char *name, const char *arg, long max, long *out)
{
	char *end;
	*out = strtol(arg, &end, 10);
	if (*arg && !*end && *out >= 0 && *out <= max)
		return 0;
	return cli_usage_error(c, "work", "%s '%s': give a whole number from 0 to %ld", name, arg,
			       max);
}

int cmd_work(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "round", required_argument, NULL, 'r' }, { "target", required_argument, NULL, 't' },
		{ "unit", required_argument, NULL, 'u' },  { "task", required_argument, NULL, 'k' },
		{ "status", required_argument, NULL, 's' }, { "kind", required_argument, NULL, 'K' },
		{ "overdue", no_argument, NULL, 'o' },      { "as-of", required_argument, NULL, 'a' },
		{ "q", required_argument, NULL, 'q' },      { "sort", required_argument, NULL, 'S' },
		{ "limit", required_argument, NULL, 'l' },  { "offset", required_argument, NULL, 'O' },
		{ "format", required_argument, NULL, 'f' }, { NULL, 0, NULL, 0 }
	};
	/* the database's owner: every record (the CLI works on the file directly) */
	struct principal who = { "cli", ACC_ADMIN, NULL, NULL };
	struct work_list_req rq = { 0 };
	enum cli_format fmt = FMT_TABLE;
	const struct work_type *t;
	struct work_error e;
	struct bf_err err;
	struct app *app = NULL;
	json_t *out = NULL;
	bf_day day;
	int o, rc = 0;

	if (cli_wants_help(c, "work", argc, argv))
		return 0;
	rq.limit = WORK_LIST_MAX;
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (o) {
		case 'r': rq.round = optarg; break;
		case 't': rq.target = optarg; break;
		case 'u': rq.unit = optarg; break;
		case 'k': rq.task = optarg; break;
		case 's': rq.status = optarg; break;
		case 'K': rq.kind = optarg; break;
		case 'o': rq.overdue = true; break;
		case 'q': rq.q = optarg; break;
		case 'S': rq.sort = optarg; break;
		case 'a':
			if (!cli_parse_day(optarg, &day))
				return cli_usage_error(c, "work", "--as-of '%s' is not a date "
								  "(YYYY-MM-DD or today)", optarg);
			rq.as_of = optarg;
			break;
		case 'l':
			if ((rc = long_opt(c, "--limit", optarg, WORK_LIST_MAX, &rq.limit)))
				return rc;
			break;
		case 'O':
			if ((rc = long_opt(c, "--offset", optarg, 1000000000L, &rq.offset)))
				return rc;
			break;
		case 'f':
			if (!cli_parse_format(optarg, &fmt))
				return cli_usage_error(c, "work", "--format '%s': use table, csv, xlsx "
								  "or json", optarg);
			break;
		case ':':
			return cli_usage_error(c, "work", "%s needs a value", argv[optind - 1]);
		default:
			return cli_usage_error(c, "work", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 2 || strcmp(argv[optind], "list") != 0)
		return cli_usage_error(c, "work", "give `work list` and one of tasks, needs, "
						  "commitments, resources, policies");
	if (!(t = work_type_find(argv[optind + 1])))
		return cli_usage_error(c, "work", "'%s': give tasks, needs, commitments, resources "
						  "or policies", argv[optind + 1]);
	if (rq.as_of && strcmp(rq.as_of, "today") == 0)
		rq.as_of = NULL;
	bf_err_init(&err);
	work_error_init(&e);
	if (app_open(c->db, false, &app, &err)) {
		rc = cli_fail(c, &err);
	} else if (work_list(app, &who, t, &rq, &out, &e)) {
		fprintf(c->err, "bangfu: %s\nbangfu: %s\n", e.message, e.message_zh);
		rc = e.status == BF_EINPUT ? EXIT_USAGE : 1;
	} else if (fmt == FMT_XLSX) {
		char title[96];
		snprintf(title, sizeof title, "work %s %s", t->plural, t->zh);
		rc = cli_print_xlsx(c, out, t->name, title, work_columns(t));
	} else {
		cli_print(c, out, fmt, fmt == FMT_TABLE ? table_columns[t->kind] : work_columns(t));
		if (fmt == FMT_TABLE &&
		    (long)json_array_size(json_object_get(out, "items")) <
			    (long)json_integer_value(json_object_get(out, "total")))
			fprintf(c->err, "bangfu: %zu of %lld shown; use --offset for the next page\n",
				json_array_size(json_object_get(out, "items")),
				(long long)json_integer_value(json_object_get(out, "total")));
	}
	json_decref(out);
	app_close(app);
	bf_err_release(&err);
	return rc;
}
