/* cmd_audit: `bangfu audit verify`: walks the hash chain of the audit trail. */
#include "app/audit.h"
#include "app/auth.h"
#include "cli/cli.h"
#include <string.h>

int cmd_audit(struct cli *c, int argc, char **argv)
{
	struct app *a = NULL;
	struct bf_err err;
	int64_t rows = 0, bad = 0;
	int rc = 0;

	if (argc != 2 || strcmp(argv[1], "verify") != 0)
		return cli_usage_error(c, "audit", "say: bangfu audit verify");
	bf_err_init(&err);
	if (!auth_init() || app_open(c->db, false, &a, &err) ||
	    audit_verify(a, &rows, &bad, &err)) {
		rc = cli_fail(c, &err);
	} else if (bad) {
		fprintf(c->out, "audit trail BROKEN at row %lld: it was edited, or a row before it "
				"was deleted (%lld rows read)\n", (long long)bad, (long long)rows);
		rc = 1;
	} else {
		fprintf(c->out, "audit trail intact: %lld rows, every hash matches\n",
			(long long)rows);
	}
	app_close(a);
	bf_err_release(&err);
	return rc;
}
