/* users: accounts managed through the API, each change audited in its transaction; see
 * users.h. Validation names the body member at fault so that a form can show it by the field. */
#include "app/users.h"
#include "app/app_int.h"
#include "app/audit.h"
#include "app/auth.h"
#include "core/inbox.h"
#include <stdio.h>
#include <string.h>

/* The decoded body; NULL / -1 for members not given. */
struct user_body {
	const char *name, *role, *unit, *target, *password, *email;
	bool has_unit, has_target, has_email, reset;
	int disabled;
};

json_t *users_json(const struct account *a)
{
	return json_pack("{s:s, s:s, s:o, s:o, s:b, s:s, s:o}", "name", a->name, "role", a->role,
			 "unit", a->unit[0] ? json_string(a->unit) : json_null(), "target",
			 a->target[0] ? json_string(a->target) : json_null(), "disabled",
			 a->disabled != 0, "created", a->created, "email",
			 a->email[0] ? json_string(a->email) : json_null());
}

enum bf_status users_list(struct app *app, json_t **out, struct bf_err *err)
{
	struct store *s = app->store;
	struct account *a;
	size_t n;
	json_t *items;

	*out = NULL;
	if (account_list(s, &a, &n, err))
		return err->status;
	items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, users_json(&a[i]));
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)n);
	free(a);
	return BF_OK;
}

static enum bf_status fail(struct users_result *res, const char *field, struct bf_err *err,
			   enum bf_status st, const char *msg, const char *arg)
{
	res->field = field;
	return bf_err_set(err, st, msg, arg);
}

static bool is_flag(const char *k)
{
	return strcmp(k, "disabled") == 0 || strcmp(k, "reset_password") == 0;
}

static void assign(struct user_body *b, const char *k, json_t *v)
{
	const char *sv = json_is_string(v) ? json_string_value(v) : NULL;
	if (strcmp(k, "name") == 0)
		b->name = sv;
	else if (strcmp(k, "role") == 0)
		b->role = sv;
	else if (strcmp(k, "unit") == 0)
		b->unit = sv, b->has_unit = true;
	else if (strcmp(k, "target") == 0)
		b->target = sv, b->has_target = true;
	else if (strcmp(k, "password") == 0)
		b->password = sv;
	else if (strcmp(k, "email") == 0)
		b->email = sv, b->has_email = true;
	else if (strcmp(k, "disabled") == 0)
		b->disabled = json_is_true(v);
	else
		b->reset = json_is_true(v);
}

/* allowed: the members this request takes, NULL-ended (static strings: res->field points
 * into them). */
static enum bf_status decode(json_t *body, const char *const *allowed, struct user_body *b,
			     struct users_result *res, struct bf_err *err)
{
	const char *k;
	json_t *v;

	memset(b, 0, sizeof *b);
	b->disabled = -1;
	if (!json_is_object(body))
		return fail(res, NULL, err, BF_EINPUT, "the body must be a JSON object such as "
				"{\"name\":\"wang\",\"role\":\"planner\"}%s", "");
	json_object_foreach(body, k, v) {
		size_t i = 0;
		while (allowed[i] && strcmp(allowed[i], k) != 0)
			i++;
		if (!allowed[i])
			return fail(res, NULL, err, BF_EINPUT, "'%.100s' is not a member of this "
					"request", k);
		if (is_flag(k) ? !json_is_boolean(v) : !(json_is_string(v) || json_is_null(v)))
			return fail(res, allowed[i], err, BF_EINPUT,
				    is_flag(k) ? "%s: give true or false" : "%s: give a string", k);
		assign(b, allowed[i], v);
	}
	return BF_OK;
}

static enum bf_status check_role(const char *role, int *out, struct users_result *res,
				 struct bf_err *err)
{
	*out = model_enum_index(access_roles, role ? role : "");
	if (*out >= 0)
		return BF_OK;
	return fail(res, "role", err, BF_EINPUT, "role '%.40s': use admin, planner, unit, county "
			"or auditor", role ? role : "");
}

/* A unit account names an existing unit, a county account an existing target; no one else
 * names either. */
static enum bf_status check_scope(const struct registry *reg, int role, const char *unit,
				  const char *target, struct users_result *res,
				  struct bf_err *err)
{
	if (role == ACC_UNIT && !*unit)
		return fail(res, "unit", err, BF_EINPUT, "role unit needs its unit (a code such "
				"as U048)%s", "");
	if (role != ACC_UNIT && *unit)
		return fail(res, "unit", err, BF_EINPUT, "only role unit takes a unit%s", "");
	if (role == ACC_COUNTY && !*target)
		return fail(res, "target", err, BF_EINPUT, "role county needs its target (an "
				"adcode such as 440881)%s", "");
	if (role != ACC_COUNTY && *target)
		return fail(res, "target", err, BF_EINPUT, "only role county takes a target%s",
			    "");
	if (*unit && registry_find_unit(reg, unit) == REG_NONE)
		return fail(res, "unit", err, BF_EINPUT, "unit '%.40s' does not exist", unit);
	if (*target && registry_find_target(reg, target) == REG_NONE)
		return fail(res, "target", err, BF_EINPUT, "target '%.40s' does not exist", target);
	return BF_OK;
}

/* An e-mail address for the digests (core/inbox), or none ("" or null). */
static enum bf_status check_email(const char *email, struct users_result *res,
				  struct bf_err *err)
{
	if (!email || !*email || inbox_email_ok(email))
		return BF_OK;
	fail(res, "email", err, BF_EINPUT, "email '%.60s' is not an e-mail address such as "
	     "wang@gd.gov.cn (at most 254 characters, 64 before the @; no spaces, brackets, "
	     "commas, quotes or empty parts between dots)", email);
	bf_err_zh(err, "email：“%.60s”不是有效的电子邮件地址（如 wang@gd.gov.cn；最多 254 个字符，"
		  "@ 前最多 64 个；不含空格、括号、逗号、引号，点号之间不能为空）", email);
	return BF_EINPUT;
}

static enum bf_status check_password(const char *pw, const char *user,
				     struct users_result *res, struct bf_err *err)
{
	struct buf why = BUF_INIT;
	enum bf_status rc = BF_OK;

	if (!auth_password_ok(pw, user, &why))
		rc = fail(res, "password", err, BF_EINPUT, "%s", why.data);
	buf_release(&why);
	return rc;
}

/* Ends the transaction: commit when rc is BF_OK, else roll back. */
static enum bf_status finish(struct store *s, enum bf_status rc, struct bf_err *err)
{
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

enum bf_status users_create(struct app *app, const struct registry *reg,
			    const struct principal *p, const char *address, json_t *body,
			    struct users_result *res, struct bf_err *err)
{
	struct store *s = app->store;
	static const char *const allowed[] = { "name", "role", "unit", "target", "password",
					       "email", NULL };
	struct user_body b;
	struct account a;
	const char *pw;
	enum bf_status rc;
	int role;

	memset(res, 0, sizeof *res);
	if ((rc = decode(body, allowed, &b, res, err)))
		return rc;
	if (!b.name || !auth_name_ok(b.name))
		return fail(res, "name", err, BF_EINPUT, "name '%.70s': use 1-64 lower-case "
				"letters, digits, '.', '_' or '-'", b.name ? b.name : "");
	if ((rc = check_role(b.role, &role, res, err)) ||
	    (rc = check_scope(reg, role, b.unit ? b.unit : "", b.target ? b.target : "", res,
			      err)))
		return rc;
	if (b.password && (rc = check_password(b.password, b.name, res, err)))
		return rc;
	if ((rc = check_email(b.email, res, err)))
		return rc;
	if (!b.password)
		auth_random_password(res->password, USERS_PASSWORD_LEN, b.name);
	pw = b.password ? b.password : res->password;
	if ((rc = store_begin(s, err)))
		return rc;
	rc = auth_account_add(s, b.name, b.role, b.unit, b.target, pw, err);
	if (rc == BF_ECONFLICT)
		res->field = "name";
	if (!rc)
		rc = account_get(s, b.name, &a, err);
	if (!rc && b.email && *b.email) {
		snprintf(a.email, sizeof a.email, "%s", b.email);
		rc = account_update(s, &a, err);
	}
	if (!rc) {
		res->user = users_json(&a);
		rc = audit_append(s, p->name, address, "create", "account", a.name, NULL,
				  res->user, err);
	}
	if ((rc = finish(s, rc, err))) {
		json_decref(res->user);
		res->user = NULL;
		res->password[0] = '\0';
	}
	return rc;
}

/* Applies the body's role, unit, target and disabled to a (a copy of the stored account). */
static enum bf_status overlay(const struct registry *reg, const struct user_body *b,
			      struct account *a, struct users_result *res, struct bf_err *err)
{
	enum bf_status rc;
	int role;

	if (b->role) {
		if ((rc = check_role(b->role, &role, res, err)))
			return rc;
		snprintf(a->role, sizeof a->role, "%s", b->role);
	}
	role = model_enum_index(access_roles, a->role);
	if (b->has_unit || role != ACC_UNIT)
		snprintf(a->unit, sizeof a->unit, "%.32s", b->unit ? b->unit : "");
	if (b->has_target || role != ACC_COUNTY)
		snprintf(a->target, sizeof a->target, "%.6s", b->target ? b->target : "");
	if (b->has_unit && b->unit && strlen(b->unit) >= sizeof a->unit)
		return fail(res, "unit", err, BF_EINPUT, "unit '%.40s' does not exist", b->unit);
	if (b->has_target && b->target && strlen(b->target) >= sizeof a->target)
		return fail(res, "target", err, BF_EINPUT, "target '%.40s' does not exist",
			    b->target);
	if (b->disabled >= 0)
		a->disabled = b->disabled;
	if (b->has_email)
		snprintf(a->email, sizeof a->email, "%s", b->email ? b->email : "");
	return check_scope(reg, role, a->unit, a->target, res, err);
}

static bool enabled_admin(const struct account *a)
{
	return !a->disabled && strcmp(a->role, "admin") == 0;
}

/* Someone must still be able to manage accounts after the change. */
static enum bf_status keeps_an_admin(struct store *s, const struct account *old,
				     const struct account *now, struct users_result *res,
				     struct bf_err *err)
{
	struct account *all;
	size_t n, others = 0;

	if (!enabled_admin(old) || enabled_admin(now))
		return BF_OK;
	if (account_list(s, &all, &n, err))
		return err->status;
	for (size_t i = 0; i < n; i++)
		others += enabled_admin(&all[i]) && strcmp(all[i].name, old->name) != 0;
	free(all);
	if (others)
		return BF_OK;
	return fail(res, now->disabled ? "disabled" : "role", err, BF_ECONFLICT,
		    "'%s' is the last enabled admin: enable or create another admin first",
		    old->name);
}

static enum bf_status update_in(struct store *s, const struct registry *reg,
				const struct principal *p, const char *address, const char *name,
				const struct user_body *b, const char *pw,
				struct users_result *res, struct bf_err *err)
{
	struct account old, a;
	json_t *before;
	enum bf_status rc;

	if ((rc = account_get(s, name, &old, err)))
		return rc;
	a = old;
	if ((rc = overlay(reg, b, &a, res, err)) || (rc = keeps_an_admin(s, &old, &a, res, err)) ||
	    (rc = account_update(s, &a, err)))
		return rc;
	if (a.disabled && !old.disabled && (rc = session_delete_account(s, name, err)))
		return rc;
	if (pw && (rc = auth_account_passwd(s, name, pw, err)))
		return rc;
	res->user = users_json(&a);
	before = users_json(&old);
	if (pw)
		json_object_set_new(res->user, "password_changed", json_true());
	rc = audit_append(s, p->name, address, "update", "account", name, before, res->user, err);
	json_object_del(res->user, "password_changed");
	json_decref(before);
	return rc;
}

enum bf_status users_update(struct app *app, const struct registry *reg,
			    const struct principal *p, const char *address, const char *name,
			    json_t *body, struct users_result *res, struct bf_err *err)
{
	struct store *s = app->store;
	static const char *const allowed[] = { "role", "unit", "target", "disabled", "password",
					       "reset_password", "email", NULL };
	static const char *const own[] = { "email", NULL };
	bool admin = p->role == ACC_ADMIN;
	struct user_body b;
	const char *pw = NULL;
	enum bf_status rc;

	memset(res, 0, sizeof *res);
	/* anyone else changes only their own e-mail address */
	if (!admin && strcmp(p->name, name) != 0) {
		bf_err_set(err, BF_EFORBIDDEN, "only an admin changes another account");
		bf_err_zh(err, "只有管理员可以修改其他账号");
		return BF_EFORBIDDEN;
	}
	if ((rc = decode(body, admin ? allowed : own, &b, res, err))) {
		if (!admin && !res->field) {
			bf_err_release(err);
			bf_err_set(err, BF_EFORBIDDEN, "your own account: you may change its email "
				   "only (an admin changes the rest)");
			bf_err_zh(err, "本账号只能修改电子邮件地址（其他由管理员修改）");
			return BF_EFORBIDDEN;
		}
		return rc;
	}
	if ((rc = check_email(b.email, res, err)))
		return rc;
	if (b.password && b.reset)
		return fail(res, "password", err, BF_EINPUT, "give a password or reset_password, "
				"not both%s", "");
	if (b.password && (rc = check_password(b.password, name, res, err)))
		return rc;
	if (b.reset)
		auth_random_password(res->password, USERS_PASSWORD_LEN, name);
	pw = b.password ? b.password : b.reset ? res->password : NULL;
	if ((rc = store_begin(s, err)))
		return rc;
	rc = update_in(s, reg, p, address, name, &b, pw, res, err);
	if ((rc = finish(s, rc, err))) {
		json_decref(res->user);
		res->user = NULL;
		res->password[0] = '\0';
	}
	return rc;
}

/* ---- the CLI's account commands ----------------------------------------------------------- */

/* Runs one account change of the CLI in a transaction with its audit row: before is the
 * account's JSON before (NULL for a create); the row's after is the account as it is after. */
static enum bf_status cli_audited(struct store *s, const char *account, const char *address,
				  const char *name, json_t *before, bool password,
				  enum bf_status rc, struct bf_err *err)
{
	struct account a;
	json_t *after = NULL;

	if (!rc)
		rc = account_get(s, name, &a, err);
	if (!rc) {
		after = users_json(&a);
		if (password)
			json_object_set_new(after, "password_changed", json_true());
		rc = audit_append(s, account, address, before ? "update" : "create", "account",
				  name, before, after, err);
	}
	json_decref(after);
	json_decref(before);
	return finish(s, rc, err);
}

/* The account's JSON as it is now, or NULL (the change that follows reports the error). */
static json_t *account_now(struct store *s, const char *name)
{
	struct account a;
	struct bf_err ignore;
	json_t *j = NULL;

	bf_err_init(&ignore);
	if (account_get(s, name, &a, &ignore) == BF_OK)
		j = users_json(&a);
	bf_err_release(&ignore);
	return j;
}

enum bf_status users_add(struct app *app, const char *account, const char *address,
			 const char *name, const char *role, const char *unit, const char *target,
			 const char *password, struct bf_err *err)
{
	struct store *s = app->store;
	enum bf_status rc;

	/* foreign keys checked at once: a missing unit or target is named by auth_account_add */
	if ((rc = store_begin_strict(s, err)))
		return rc;
	rc = auth_account_add(s, name, role, unit, target, password, err);
	return cli_audited(s, account, address, name, NULL, false, rc, err);
}

enum bf_status users_set_password(struct app *app, const char *account, const char *address,
				  const char *name, const char *password, struct bf_err *err)
{
	struct store *s = app->store;
	json_t *before;
	enum bf_status rc;

	if ((rc = store_begin(s, err)))
		return rc;
	before = account_now(s, name);
	rc = auth_account_passwd(s, name, password, err);
	return cli_audited(s, account, address, name, before, true, rc, err);
}

enum bf_status users_set_disabled(struct app *app, const char *account, const char *address,
				  const char *name, bool disabled, struct bf_err *err)
{
	struct store *s = app->store;
	json_t *before;
	enum bf_status rc;

	if ((rc = store_begin(s, err)))
		return rc;
	before = account_now(s, name);
	rc = auth_account_disable(s, name, disabled, err);
	return cli_audited(s, account, address, name, before, false, rc, err);
}

enum bf_status users_set_email(struct app *app, const char *account, const char *address,
			       const char *name, const char *email, struct bf_err *err)
{
	struct store *s = app->store;
	struct users_result res;
	struct account a;
	json_t *before;
	enum bf_status rc;

	memset(&res, 0, sizeof res);
	if ((rc = check_email(email, &res, err)))
		return rc;
	if ((rc = store_begin(s, err)))
		return rc;
	before = account_now(s, name);
	rc = account_get(s, name, &a, err);
	if (!rc) {
		snprintf(a.email, sizeof a.email, "%s", email ? email : "");
		rc = account_update(s, &a, err);
	}
	return cli_audited(s, account, address, name, before, false, rc, err);
}

enum bf_status users_accounts(struct app *app, struct account **out, size_t *n,
			      struct bf_err *err)
{
	return account_list(app->store, out, n, err);
}
