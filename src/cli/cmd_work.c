/* cmd_work: `bangfu work list tasks|needs|commitments|resources|policies [filters]
 * [--format table|csv|json|xlsx]`: the groups' work (app/work) as the database's owner sees
 * it, filtered and paged in SQL as the API's lists are; `bangfu work add KIND --FIELD VALUE
 * ...` (or `-`: JSON or CSV records on stdin, all in one transaction) creates records through
 * app/work's create, the API's, as the account cli:<os user> with the office's rights, each
 * audited. */
#include "app/work.h"
#include "cli/cli.h"
#include "util/buf.h"
#include "util/csvio.h"
#include "util/text.h"
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define ADD_STDIN_MAX (8L << 20) /* bytes of records read from stdin */
#define ADD_RECORDS_MAX 10000    /* records of one `work add -` */

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

/* A column's text as the JSON value the API would be sent: a whole number for integer and
 * flag columns when it reads as one (else the text, which app/work refuses naming the column),
 * a list as its ';'-joined text, "" as null (absent). */
static json_t *cell_json(const struct work_field *f, const char *v)
{
	char *end;
	long long i;

	if (!*v)
		return json_null();
	if (f->type == WF_INT || f->type == WF_FLAG) {
		double d;
		i = strtoll(v, &end, 10);
		if (!*end)
			return json_integer(i);
		d = strtod(v, &end); /* 1.5: a number, which the API refuses as a fraction */
		if (!*end)
			return json_real(d);
	}
	return json_string(v);
}

/* Prints a record created (as JSON, or a line). */
static void print_created(struct cli *c, const struct work_type *t, json_t *rec, bool json)
{
	char key[96];

	if (json) {
		char *text = json_dumps(rec, JSON_COMPACT);
		fprintf(c->out, "%s\n", text ? text : "null");
		free(text);
		return;
	}
	if (t->kind == WK_TASK)
		snprintf(key, sizeof key, "%s,%s", json_string_value(json_object_get(rec, "round")),
			 json_string_value(json_object_get(rec, "code")));
	else
		snprintf(key, sizeof key, "%lld",
			 (long long)json_integer_value(json_object_get(rec, "id")));
	fprintf(c->out, "created %s %s (%s)\n", t->name, key, t->zh);
}

/* The refusal of a record, with where it came from ("" for the arguments). */
static int refused(struct cli *c, const struct work_error *e, const char *where)
{
	fprintf(c->err, "bangfu: %s%s%s\nbangfu: %s\n", where, where[0] ? ": " : "", e->message,
		e->message_zh);
	return e->status == BF_EINPUT ? EXIT_USAGE : 1;
}

/* One record from the arguments, created through app/work as who. */
static int add_one(struct cli *c, struct app *app, const struct principal *who,
		   const struct work_type *t, json_t *body, bool json)
{
	struct work_error e;
	json_t *out = NULL;

	work_error_init(&e);
	if (work_create(app, who, APP_CLI_ADDRESS, t, body, &out, &e))
		return refused(c, &e, "");
	print_created(c, t, out, json);
	json_decref(out);
	return 0;
}

/* The records read from stdin, each with where it came from ("stdin:3", "stdin: record 2"). */
struct batch {
	json_t *records, *where;
};

static int batch_add(struct cli *c, struct batch *b, json_t *body, const char *where)
{
	if (json_array_size(b->records) >= ADD_RECORDS_MAX) {
		json_decref(body);
		fprintf(c->err, "bangfu: %s: at most %d records at once\n", where, ADD_RECORDS_MAX);
		return EXIT_USAGE;
	}
	json_array_append_new(b->records, body);
	json_array_append_new(b->where, json_string(where));
	return 0;
}

/* All the records in one transaction (app/work): all written, or none, the refused one named
 * with its line and column. */
static int batch_write(struct cli *c, struct app *app, const struct principal *who,
		       const struct work_type *t, const struct batch *b, bool json)
{
	struct work_error e;
	json_t *out = NULL, *rec;
	size_t failed = 0, i, n = json_array_size(b->records);
	int rc;

	work_error_init(&e);
	if (work_create_all(app, who, APP_CLI_ADDRESS, t, b->records, &out, &failed, &e)) {
		const char *where = json_string_value(json_array_get(b->where, failed));
		rc = refused(c, &e, where ? where : "stdin");
		if (n > 1)
			fprintf(c->err, "bangfu: nothing written: the %zu records are one transaction, "
				"all or none (没有写入任何记录)\n", n);
		return rc;
	}
	json_array_foreach(out, i, rec)
		print_created(c, t, rec, json);
	json_decref(out);
	return 0;
}

struct csv_add {
	struct cli *c;
	const struct work_type *t;
	struct batch *b;
	char **header;
	size_t ncols;
	int rc;
};

static bool on_csv_row(const struct csvio_row *row, void *ctx)
{
	struct csv_add *a = ctx;
	char where[64];
	json_t *body;

	if (!a->header) {
		a->header = calloc(row->nfields ? row->nfields : 1, sizeof *a->header);
		for (size_t i = 0; i < row->nfields; i++) {
			int k = work_field_index(a->t, row->fields[i]);
			if (k < 0) {
				fprintf(a->c->err, "bangfu: stdin:%zu: column '%s' is not a column of "
					"%s\n", row->line, row->fields[i], a->t->plural);
				a->rc = EXIT_USAGE;
			}
			a->header[i] = strdup(row->fields[i]);
		}
		a->ncols = row->nfields;
		return a->rc == 0;
	}
	snprintf(where, sizeof where, "stdin:%zu", row->line);
	if (row->nfields != a->ncols) {
		fprintf(a->c->err, "bangfu: %s: has %zu fields but the header has %zu\n", where,
			row->nfields, a->ncols);
		a->rc = EXIT_USAGE;
		return false;
	}
	body = json_object();
	for (size_t i = 0; i < row->nfields; i++)
		if (row->fields[i][0])
			json_object_set_new(body, a->header[i],
					    cell_json(&a->t->fields[work_field_index(a->t, a->header[i])],
						      row->fields[i]));
	a->rc = batch_add(a->c, a->b, body, where);
	return a->rc == 0;
}

/* The records of a JSON document: one object, or an array of objects. */
static int read_json(struct cli *c, const char *p, struct batch *b)
{
	json_error_t je;
	json_t *doc = json_loads(p, 0, &je), *one;
	size_t i;
	int rc = 0;

	if (!doc) {
		fprintf(c->err, "bangfu: stdin:%d: not JSON: %s\n", je.line, je.text);
		return EXIT_USAGE;
	}
	if (json_is_object(doc))
		rc = batch_add(c, b, json_incref(doc), "stdin");
	else if (json_array_size(doc) > ADD_RECORDS_MAX)
		rc = cli_usage_error(c, "work", "stdin: at most %d records at once", ADD_RECORDS_MAX);
	json_array_foreach(doc, i, one) {
		char where[64];
		snprintf(where, sizeof where, "stdin: record %zu", i + 1);
		if (rc)
			break;
		if (!json_is_object(one)) {
			fprintf(c->err, "bangfu: %s: give an object of columns\n", where);
			rc = EXIT_USAGE;
		} else {
			rc = batch_add(c, b, json_incref(one), where);
		}
	}
	json_decref(doc);
	return rc;
}

/* The records of CSV text with a header line. */
static int read_csv(struct cli *c, const struct work_type *t, const struct buf *text,
		    struct batch *b)
{
	struct csv_add a = { c, t, b, NULL, 0, 0 };
	struct buf why = BUF_INIT;
	size_t line = 0;

	if (!csvio_read(text->data ? text->data : "", text->len, on_csv_row, &a, &line, &why) &&
	    why.len) {
		fprintf(c->err, "bangfu: stdin:%zu: %s\n", line, why.data);
		a.rc = a.rc ? a.rc : EXIT_USAGE;
	} else if (!a.header) {
		fprintf(c->err, "bangfu: stdin: no records (give a JSON object or array, or CSV "
			"with a header line)\n");
		a.rc = EXIT_USAGE;
	}
	for (size_t i = 0; a.header && i < a.ncols; i++)
		free(a.header[i]);
	free(a.header);
	buf_release(&why);
	return a.rc;
}

/* Records from stdin: one JSON object, a JSON array of objects, or CSV with a header line;
 * read whole, then written in one transaction. */
static int add_stdin(struct cli *c, struct app *app, const struct principal *who,
		     const struct work_type *t, bool json)
{
	struct buf in = BUF_INIT, text = BUF_INIT, why = BUF_INIT;
	struct batch b = { json_array(), json_array() };
	char chunk[65536];
	size_t n, line = 0;
	const char *enc = NULL, *p;
	int rc = 0;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0 && in.len <= (size_t)ADD_STDIN_MAX)
		buf_add(&in, chunk, n);
	if (in.len > (size_t)ADD_STDIN_MAX) {
		rc = cli_usage_error(c, "work", "stdin: at most %ld bytes of records", ADD_STDIN_MAX);
		goto out;
	}
	if (!text_to_utf8(in.data ? in.data : "", in.len, NULL, &text, &enc, &line, &why)) {
		fprintf(c->err, "bangfu: stdin:%zu: %s\n", line, buf_cstr(&why));
		rc = EXIT_USAGE;
		goto out;
	}
	for (p = buf_cstr(&text); *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'; p++)
		;
	rc = *p == '{' || *p == '[' ? read_json(c, p, &b) : read_csv(c, t, &text, &b);
	if (!rc && json_array_size(b.records) == 0) {
		fprintf(c->err, "bangfu: stdin: no records\n");
		rc = EXIT_USAGE;
	}
	if (!rc)
		rc = batch_write(c, app, who, t, &b, json);
out:
	json_decref(b.records);
	json_decref(b.where);
	buf_release(&in);
	buf_release(&text);
	buf_release(&why);
	return rc;
}

/* `work add KIND (--FIELD VALUE ... | -) [--format text|json]`. */
static int cmd_work_add(struct cli *c, int argc, char **argv)
{
	const struct work_type *t;
	char account[80];
	struct principal who = { account, ACC_ADMIN, NULL, NULL };
	struct app *app = NULL;
	struct bf_err err;
	json_t *body = json_object();
	bool from_stdin = false, json = false;
	int rc = 0;

	if (argc < 2 || !(t = work_type_find(argv[1]))) {
		json_decref(body);
		return cli_usage_error(c, "work", "give `work add` and one of tasks, needs, "
						  "commitments, resources, policies");
	}
	for (int i = 2; i < argc && !rc; i++) {
		const char *name = argv[i] + 2;
		int k;
		if (strcmp(argv[i], "-") == 0) {
			from_stdin = true;
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			json = strcmp(argv[++i], "json") == 0;
			if (!json && strcmp(argv[i], "text") != 0)
				rc = cli_usage_error(c, "work", "--format '%s': use text or json", argv[i]);
		} else if (strncmp(argv[i], "--", 2) != 0 || (k = work_field_index(t, name)) < 0) {
			struct buf cols = BUF_INIT;
			for (size_t f = 0; f < t->nfields; f++)
				if (!(t->fields[f].flags & WF_SERVER))
					buf_addf(&cols, "%s--%s", cols.len ? ", " : "", t->fields[f].name);
			rc = cli_usage_error(c, "work", "'%s': the columns of %s are %s (or - to read "
							  "records from stdin)", argv[i], t->plural,
					     buf_cstr(&cols));
			buf_release(&cols);
		} else if (i + 1 >= argc) {
			rc = cli_usage_error(c, "work", "%s needs a value", argv[i]);
		} else {
			json_object_set_new(body, name, cell_json(&t->fields[k], argv[++i]));
		}
	}
	if (!rc && from_stdin == (json_object_size(body) > 0))
		rc = cli_usage_error(c, "work", "give the columns as --FIELD VALUE, or - to read "
						  "records (JSON or CSV) from stdin, not both");
	if (rc) {
		json_decref(body);
		return rc;
	}
	app_cli_account(account, sizeof account);
	bf_err_init(&err);
	if (app_open(c->db, false, &app, &err))
		rc = cli_fail(c, &err);
	else if (from_stdin)
		rc = add_stdin(c, app, &who, t, json);
	else
		rc = add_one(c, app, &who, t, body, json);
	json_decref(body);
	app_close(app);
	bf_err_release(&err);
	return rc;
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
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return cmd_work_add(c, argc - 1, argv + 1);
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
