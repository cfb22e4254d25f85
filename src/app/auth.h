/* auth: accounts, passwords and sessions. Passwords are hashed with Argon2id (libsodium);
 * session tokens are 256 random bits, handed to the browser once and stored only as a SHA-256
 * hash; each session has its own CSRF token. Failed logins are slowed down per account and per
 * address. Errors are generic: a failed login never says whether the name exists. */
#ifndef BF_AUTH_H
#define BF_AUTH_H
#include <stdbool.h>
#include <stdint.h>
#include "core/access.h"
#include "app/app.h"
#include "store/account.h" /* struct account */

#define AUTH_TOKEN_LEN 44 /* base64url of 32 bytes, without padding, plus NUL */
#define AUTH_MIN_PASSWORD 8

/* Must be called once before any other auth function (initialises libsodium). */
bool auth_init(void);

/* Whether password is acceptable: 8 characters or more (15 recommended), at most 1024 bytes
 * of valid UTF-8, not a commonly used password, and libpwquality's checks (repeats, runs,
 * palindromes, the account's name user (may be NULL), dictionary words). Otherwise why says
 * what is wrong, in Chinese and English. */
bool auth_password_ok(const char *password, const char *user, struct buf *why);

/* Whether name is a valid account name: 1-64 lower-case letters, digits, '.', '_' or '-'. */
bool auth_name_ok(const char *name);

/* Creates an account. role is one of access_roles; unit (a unit code) is required for role
 * unit, target (an adcode) for role county, and must exist. */
enum bf_status auth_account_add(struct store *s, const char *name, const char *role,
				const char *unit, const char *target, const char *password,
				struct bf_err *err);
enum bf_status auth_account_passwd(struct store *s, const char *name, const char *password,
				   struct bf_err *err);
/* Disables an account and ends its sessions. */
enum bf_status auth_account_disable(struct store *s, const char *name, bool disabled,
				    struct bf_err *err);
/* Writes n random characters from an easy-to-type alphabet into out (n + 1 bytes), drawn
 * until auth_password_ok accepts them for user (NULL: no account yet). */
void auth_random_password(char *out, size_t n, const char *user);

struct auth_session {
	struct account account;
	char token[AUTH_TOKEN_LEN]; /* only filled by auth_login */
	char csrf[65];
};

/* Session lifetime: idle seconds since the last request, absolute seconds since login; and
 * how many sessions one account may have at once (0: 10). */
struct auth_policy {
	int64_t idle, absolute;
	long per_account;
};

/* Checks name and password and opens a session (ending the account's oldest past
 * pol->per_account, and every expired one). Wrong name, wrong password and disabled account
 * all give the same BF_EAUTH message after the same work (an Argon2id check); too many recent
 * failures of the name or the address give BF_ETOOMANY with *retry_after in seconds. */
enum bf_status auth_login(struct app *app, const char *name, const char *password,
			  const char *address, int64_t now, const struct auth_policy *pol,
			  struct auth_session *out, int64_t *retry_after, struct bf_err *err);
/* Finds the session of token, refreshing its idle timer; BF_EAUTH when unknown or expired. */
enum bf_status auth_session_check(struct app *app, const char *token, int64_t now,
				  const struct auth_policy *pol, struct auth_session *out,
				  struct bf_err *err);
enum bf_status auth_logout(struct app *app, const char *token, struct bf_err *err);
/* Ends every session past its idle or absolute time (the server calls it every minute). */
enum bf_status auth_sessions_purge(struct app *app, int64_t now, const struct auth_policy *pol,
				   struct bf_err *err);
/* The principal of an account (pointers into a). */
struct principal auth_principal(const struct account *a);

#endif
