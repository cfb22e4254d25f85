/* cmd_user: `bangfu user add|list|disable|enable|passwd|email`: the accounts of the web server. */
#include "app/auth.h"
#include "app/users.h"
#include "cli/cli.h"
#include "util/table.h"
#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* Reads the password from the first line of standard input. */
static bool read_password(char *out, size_t n)
{
	size_t len;
	if (!fgets(out, (int)n, stdin))
		return false;
	len = strlen(out);
	while (len && (out[len - 1] == '\n' || out[len - 1] == '\r'))
		out[--len] = '\0';
	return true;
}

static int user_list(struct cli *c, struct app *a, struct bf_err *err)
{
	static const char *const head[] = { "name", "role", "unit", "target", "disabled",
					    "created", "email" };
	struct account *acc;
	struct table *t;
	struct buf out = BUF_INIT;
	size_t n;

	if (users_accounts(a, &acc, &n, err))
		return cli_fail(c, err);
	t = table_new(7, head);
	for (size_t i = 0; i < n; i++) {
		const char *row[] = { acc[i].name, acc[i].role, acc[i].unit, acc[i].target,
				      acc[i].disabled ? "yes" : "no", acc[i].created, acc[i].email };
		table_add_row(t, row);
	}
	table_render_text(t, &out);
	fputs(buf_cstr(&out), c->out);
	buf_release(&out);
	table_free(t);
	free(acc);
	return 0;
}

struct user_opts {
	const char *role, *unit, *target, *email;
	bool stdin_pw;
};

static int parse(struct cli *c, int argc, char **argv, struct user_opts *o)
{
	static const struct option opts[] = { { "role", required_argument, NULL, 'r' },
					      { "unit", required_argument, NULL, 'u' },
					      { "target", required_argument, NULL, 't' },
					      { "password-stdin", no_argument, NULL, 'p' },
					      { "email", required_argument, NULL, 'e' },
					      { NULL, 0, NULL, 0 } };
	int ch;

	memset(o, 0, sizeof *o);
	optind = 0;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': o->role = optarg; break;
		case 'u': o->unit = optarg; break;
		case 't': o->target = optarg; break;
		case 'p': o->stdin_pw = true; break;
		case 'e': o->email = optarg; break;
		case ':': return cli_usage_error(c, "user", "%s needs a value", argv[optind - 1]);
		default: return cli_usage_error(c, "user", "unknown option '%s'", argv[optind - 1]);
		}
	}
	return 0;
}

static int with_password(struct cli *c, const struct user_opts *o, char *pw, size_t n)
{
	if (!o->stdin_pw)
		return cli_usage_error(c, "user", "give the password on standard input with "
						  "--password-stdin (never on the command line)");
	if (!read_password(pw, n)) {
		fprintf(c->err, "bangfu: no password on standard input\n");
		return 1;
	}
	return 0;
}

static int run(struct cli *c, struct app *a, const char *verb, const char *name,
	       const char *arg, const struct user_opts *o, struct bf_err *err)
{
	char pw[1100], who[80];
	int rc;

	app_cli_account(who, sizeof who);
	if (strcmp(verb, "add") == 0) {
		if (!o->role)
			return cli_usage_error(c, "user", "user add needs --role");
		if ((rc = with_password(c, o, pw, sizeof pw)))
			return rc;
		if (users_add(a, who, APP_CLI_ADDRESS, name, o->role, o->unit, o->target, pw,
			      err))
			return cli_fail(c, err);
		if (o->email && users_set_email(a, who, APP_CLI_ADDRESS, name, o->email, err))
			return cli_fail(c, err);
		fprintf(c->out, "added account %s (%s)\n", name, o->role);
	} else if (strcmp(verb, "passwd") == 0) {
		if ((rc = with_password(c, o, pw, sizeof pw)))
			return rc;
		if (users_set_password(a, who, APP_CLI_ADDRESS, name, pw, err))
			return cli_fail(c, err);
		fprintf(c->out, "changed the password of %s; its sessions are ended\n", name);
	} else if (strcmp(verb, "disable") == 0 || strcmp(verb, "enable") == 0) {
		bool off = verb[0] == 'd';
		if (users_set_disabled(a, who, APP_CLI_ADDRESS, name, off, err))
			return cli_fail(c, err);
		fprintf(c->out, "%s account %s\n", off ? "disabled" : "enabled", name);
	} else if (strcmp(verb, "email") == 0) {
		bool none = strcmp(arg, "none") == 0 || !*arg;
		if (users_set_email(a, who, APP_CLI_ADDRESS, name, none ? "" : arg, err))
			return cli_fail(c, err);
		if (none)
			fprintf(c->out, "%s has no e-mail address now (no digests)\n", name);
		else
			fprintf(c->out, "the e-mail address of %s is %s\n", name, arg);
	} else {
		return cli_usage_error(c, "user", "unknown action '%s' (add, list, disable, enable, "
						  "passwd, email)", verb);
	}
	return 0;
}

int cmd_user(struct cli *c, int argc, char **argv)
{
	struct user_opts o;
	struct app *a = NULL;
	struct bf_err err;
	int rc;

	if ((rc = parse(c, argc, argv, &o)))
		return rc;
	argv += optind;
	argc -= optind;
	if (argc < 1)
		return cli_usage_error(c, "user", "say add, list, disable, enable or passwd");
	if (strcmp(argv[0], "email") == 0 && argc != 3)
		return cli_usage_error(c, "user", "user email needs an account name and an address "
						  "(or none)");
	if (strcmp(argv[0], "list") != 0 && strcmp(argv[0], "email") != 0 && argc != 2)
		return cli_usage_error(c, "user", "user %s needs one account name", argv[0]);
	bf_err_init(&err);
	if (!auth_init() || app_open(c->db, false, &a, &err))
		rc = cli_fail(c, &err);
	else if (strcmp(argv[0], "list") == 0)
		rc = user_list(c, a, &err);
	else
		rc = run(c, a, argv[0], argv[1], argc > 2 ? argv[2] : "", &o, &err);
	app_close(a);
	bf_err_release(&err);
	return rc;
}
