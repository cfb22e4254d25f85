/* users: the server's accounts as an admin manages them through the API: list, create, change
 * (role with unit or target, disabled, password). Each change is one transaction together with
 * its audit row. Never returns, logs or audits a password or its hash. */
#ifndef BF_APP_USERS_H
#define BF_APP_USERS_H
#include <jansson.h>
#include "core/access.h"
#include "core/registry.h"
#include "app/app.h"
#include "store/account.h" /* struct account */

#define USERS_PASSWORD_LEN 16 /* length of a generated password */

struct users_result {
	json_t *user;      /* the account after the change (caller decrefs); NULL on error */
	const char *field; /* on error: the body's member at fault, if any */
	/* a password the server generated (create without "password", or "reset_password"),
	 * shown once to the admin; "" otherwise */
	char password[USERS_PASSWORD_LEN + 1];
};

/* An account as the API shows it: {name, role, unit, target, disabled, created, email}. */
json_t *users_json(const struct account *a);

/* {"items":[...],"total":N}, sorted by name. */
enum bf_status users_list(struct app *app, json_t **out, struct bf_err *err);

/* Creates an account from {"name","role","unit"?,"target"?,"password"?}; without a password
 * one is generated and returned in res->password. unit is required for role unit, target for
 * role county, and must exist in reg. BF_ECONFLICT when the name is taken. p is the admin
 * acting (for the audit trail). */
enum bf_status users_create(struct app *app, const struct registry *reg,
			    const struct principal *p, const char *address, json_t *body,
			    struct users_result *res, struct bf_err *err);

/* Changes the account name with {"role"?,"unit"?,"target"?,"disabled"?,"password"?,
 * "reset_password"?,"email"?} (an admin); anyone else may change only their own "email"
 * (BF_EFORBIDDEN otherwise). Changing the role drops a unit or target the new role does not take.
 * Disabling and a new password end the account's sessions. The last enabled admin can be
 * neither disabled nor given another role (BF_ECONFLICT). */
enum bf_status users_update(struct app *app, const struct registry *reg,
			    const struct principal *p, const char *address, const char *name,
			    json_t *body, struct users_result *res, struct bf_err *err);

/* The CLI's account commands (`bangfu user`): each is one transaction with its audit row
 * ("create" or "update", entity "account", the account before and after as users_json shows
 * it) written as account at address. The rules and messages are auth_account_add's,
 * auth_account_passwd's and auth_account_disable's. */
enum bf_status users_add(struct app *app, const char *account, const char *address,
			 const char *name, const char *role, const char *unit, const char *target,
			 const char *password, struct bf_err *err);
enum bf_status users_set_password(struct app *app, const char *account, const char *address,
				  const char *name, const char *password, struct bf_err *err);
enum bf_status users_set_disabled(struct app *app, const char *account, const char *address,
				  const char *name, bool disabled, struct bf_err *err);
/* Sets the account's e-mail address for the digests ("" or NULL: none; else checked by
 * core/inbox's inbox_email_ok). */
enum bf_status users_set_email(struct app *app, const char *account, const char *address,
			       const char *name, const char *email, struct bf_err *err);
/* Every account, sorted by name; *out is malloc'ed (free it). */
enum bf_status users_accounts(struct app *app, struct account **out, size_t *n,
			      struct bf_err *err);

#endif
