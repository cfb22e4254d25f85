/* cmd_audit: `bangfu audit verify [--head ID:HASH]`: walks the hash chain of the audit trail,
 * and proves with a head the server logged that no row after it was cut. */
#include "app/audit.h"
#include "app/auth.h"
#include "cli/cli.h"
#include <string.h>

int cmd_audit(struct cli *c, int argc, char **argv)
{
	struct app *a = NULL;
	struct bf_err err;
	int64_t rows = 0, bad = 0;
	const char *head = NULL;
	enum audit_head_state hs = AUDIT_HEAD_OK;
	char now[86] = "";
	int rc = 0;

	if (argc == 4 && strcmp(argv[2], "--head") == 0)
		head = argv[3];
	else if (argc == 3 && strncmp(argv[2], "--head=", 7) == 0)
		head = argv[2] + 7;
	if ((argc != 2 && !head) || strcmp(argv[1], "verify") != 0)
		return cli_usage_error(c, "audit", "say: bangfu audit verify [--head ID:HASH]");
	bf_err_init(&err);
	if (!auth_init() || app_open(c->db, false, &a, &err) ||
	    audit_verify(a, &rows, &bad, &err) ||
	    (head && audit_verify_head(a, head, &hs, now, &err))) {
		rc = cli_fail(c, &err);
	} else if (hs == AUDIT_HEAD_CUT) {
		fprintf(c->out, "audit trail CUT: row %.*s, a head logged earlier, is gone; the trail "
				"now ends at %s: rows were deleted from its end (%lld rows read)\n",
			(int)strcspn(head, ":"), head, now[0] ? now : "nothing (it is empty)",
			(long long)rows);
		rc = 1;
	} else if (hs == AUDIT_HEAD_CHANGED) {
		fprintf(c->out, "audit trail REWRITTEN: row %.*s no longer has the hash logged for it: "
				"it, or a row before it, was changed and the chain recomputed\n",
			(int)strcspn(head, ":"), head);
		rc = 1;
	} else if (bad) {
		fprintf(c->out, "audit trail BROKEN at row %lld: it was edited, or a row before it "
				"was deleted (%lld rows read)\n", (long long)bad, (long long)rows);
		rc = 1;
	} else {
		fprintf(c->out, "audit trail intact: %lld rows, every hash matches\n",
			(long long)rows);
		if (head)
			fprintf(c->out, "head %s is there, unchanged; the trail now ends at %s\n", head,
				now);
	}
	app_close(a);
	bf_err_release(&err);
	return rc;
}
