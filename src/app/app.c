/* app: the front ends' handle; see app.h. */
#include "app/app_int.h"
#include "app/query.h"
#include "store/account.h"
#include "util/xalloc.h"
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

enum bf_status app_open(const char *path, bool create, struct app **out, struct bf_err *err)
{
	struct store *s = NULL;
	enum bf_status rc = store_open(path, create, &s, err);

	*out = NULL;
	if (rc)
		return rc;
	*out = xcalloc(1, sizeof **out);
	(*out)->store = s;
	return BF_OK;
}

void app_close(struct app *a)
{
	if (!a)
		return;
	store_close(a->store);
	free(a);
}

void app_health(struct app *a, struct app_health *h)
{
	h->schema = store_schema_version(a->store);
	h->generation = (long long)store_generation(a->store);
}

enum bf_status app_load(struct app *a, struct registry *r, struct bf_err *err)
{
	return query_load(a->store, r, err);
}

void app_cli_account(char *out, size_t n)
{
	struct passwd pw, *res = NULL;
	char buf[1024];
	const char *user = NULL;

	if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &res) == 0 && res && res->pw_name[0])
		user = res->pw_name;
	else if (getenv("USER") && getenv("USER")[0])
		user = getenv("USER");
	if (user)
		snprintf(out, n, "cli:%.64s", user);
	else
		snprintf(out, n, "cli:%ld", (long)getuid());
}

enum bf_status app_finish(struct app *app, enum bf_status rc, struct bf_err *err)
{
	if (rc) {
		store_rollback(app->store);
		return rc;
	}
	return store_commit(app->store, err);
}
