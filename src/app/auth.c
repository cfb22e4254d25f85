/* auth: passwords (Argon2id), sessions and the login slow-down; see auth.h. */
#include "app/auth.h"
#include "app/app_int.h"
#include "util/date.h"
#include "util/text.h"
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Argon2id at 19 MiB and 2 passes: ~30 ms here (notes/dependencies.md), OWASP's minimum. */
#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19U * 1024 * 1024)

/* The most common passwords of public breach lists (a short excerpt: the policy's point is to
 * refuse the few that attackers try first). */
static const char *const common[] = {
	"12345678", "123456789", "1234567890", "password", "password1", "password123",
	"qwertyuiop", "11111111", "00000000", "88888888", "66666666", "12341234", "abc12345",
	"iloveyou", "1q2w3e4r", "1qaz2wsx", "qwerty123", "admin123", "administrator",
	"welcome1", "sunshine", "princess", "football", "baseball", "superman", "a1234567",
	"aa123456", "woaini1314", "5201314520", "147258369", "987654321", "11223344",
	"12344321", "123123123", "asdfghjkl", "zxcvbnm123", "changeme", "passw0rd", "p@ssw0rd",
	"bangfu123", "guangdong", "letmein1", NULL,
};

bool auth_init(void)
{
	return sodium_init() >= 0;
}

bool auth_password_ok(const char *pw, struct buf *why)
{
	size_t n = strlen(pw);

	if (n < AUTH_MIN_PASSWORD) {
		buf_addf(why, "the password needs at least %d characters (15 or more is better)",
			 AUTH_MIN_PASSWORD);
		return false;
	}
	if (n > 1024 || text_utf8_invalid_at(pw, n) != n) {
		buf_adds(why, "the password must be valid UTF-8 text of at most 1024 bytes");
		return false;
	}
	for (size_t i = 0; common[i]; i++)
		if (strcasecmp(pw, common[i]) == 0) {
			buf_adds(why, "this password is among the most commonly used ones: choose "
				      "another");
			return false;
		}
	return true;
}

bool auth_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("._-", *s)))
			return false;
	return true;
}

static enum bf_status hash_password(const char *pw, char *out, size_t outlen,
				    struct bf_err *err)
{
	struct buf why = BUF_INIT;
	enum bf_status rc = BF_OK;

	if (!auth_password_ok(pw, &why))
		rc = bf_err_set(err, BF_EINPUT, "%s", why.data);
	else if (outlen < crypto_pwhash_STRBYTES ||
		 crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT,
				       crypto_pwhash_ALG_ARGON2ID13) != 0)
		rc = bf_err_set(err, BF_EIO, "cannot hash the password (out of memory?)");
	buf_release(&why);
	return rc;
}

enum bf_status auth_account_add(struct store *s, const char *name, const char *role,
				const char *unit, const char *target, const char *password,
				struct bf_err *err)
{
	struct account a;
	int r = model_enum_index(access_roles, role ? role : "");

	memset(&a, 0, sizeof a);
	if (!auth_name_ok(name))
		return bf_err_set(err, BF_EINPUT, "account name '%s': use 1-64 lower-case letters, "
						  "digits, '.', '_' or '-'", name);
	if (r < 0)
		return bf_err_set(err, BF_EINPUT, "role '%s': use admin, planner, unit, county or "
						  "auditor", role ? role : "");
	if ((r == ACC_UNIT) != (unit && *unit))
		return bf_err_set(err, BF_EINPUT, r == ACC_UNIT ? "role unit needs --unit CODE"
								: "only role unit takes --unit");
	if ((r == ACC_COUNTY) != (target && *target))
		return bf_err_set(err, BF_EINPUT, r == ACC_COUNTY ? "role county needs --target "
								    "ADCODE"
								  : "only role county takes --target");
	snprintf(a.name, sizeof a.name, "%s", name);
	snprintf(a.role, sizeof a.role, "%s", role);
	snprintf(a.unit, sizeof a.unit, "%s", unit ? unit : "");
	snprintf(a.target, sizeof a.target, "%s", target ? target : "");
	date_now_utc(a.created);
	if (hash_password(password, a.password_hash, sizeof a.password_hash, err))
		return err->status;
	if (account_insert(s, &a, err) == BF_EINPUT) {
		bf_err_release(err);
		return bf_err_set(err, BF_EINPUT, "%s '%s' does not exist",
				  r == ACC_UNIT ? "unit" : "target", r == ACC_UNIT ? unit : target);
	}
	return err->status;
}

enum bf_status auth_account_passwd(struct store *s, const char *name, const char *password,
				   struct bf_err *err)
{
	struct account a;
	enum bf_status rc;

	if ((rc = account_get(s, name, &a, err)) ||
	    (rc = hash_password(password, a.password_hash, sizeof a.password_hash, err)) ||
	    (rc = account_update(s, &a, err)))
		return rc;
	return session_delete_account(s, name, err);
}

enum bf_status auth_account_disable(struct store *s, const char *name, bool disabled,
				    struct bf_err *err)
{
	struct account a;
	enum bf_status rc;

	if ((rc = account_get(s, name, &a, err)))
		return rc;
	a.disabled = disabled;
	if ((rc = account_update(s, &a, err)))
		return rc;
	return disabled ? session_delete_account(s, name, err) : BF_OK;
}

void auth_random_password(char *out, size_t n)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (size_t i = 0; i < n; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[n] = '\0';
}

static void random_token(char out[AUTH_TOKEN_LEN])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, AUTH_TOKEN_LEN, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static void token_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* Failed logins, per account name and per address: after LIMIT failures within WINDOW
 * seconds, further attempts wait 2^(failures - LIMIT) seconds, at most MAX_WAIT. Kept in
 * memory: a restart forgets them, which only helps a legitimate user. */
#define SLOTS 256
#define LIMIT 5
#define WINDOW 900
#define MAX_WAIT 900

struct failures {
	char key[80];
	int count;
	int64_t first, until;
};

static struct failures table[SLOTS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static struct failures *slot(const char *key, int64_t now)
{
	size_t h = 5381, oldest = 0;
	for (const char *p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (size_t i = 0; i < 8; i++) {
		struct failures *f = &table[(h + i) % SLOTS];
		if (strcmp(f->key, key) == 0)
			return f;
		if (table[(h + oldest) % SLOTS].first > f->first)
			oldest = i;
	}
	struct failures *f = &table[(h + oldest) % SLOTS];
	memset(f, 0, sizeof *f);
	snprintf(f->key, sizeof f->key, "%s", key);
	f->first = now;
	return f;
}

/* Seconds to wait before key may try again (0: now). */
static int64_t wait_for(const char *key, int64_t now)
{
	int64_t w;
	pthread_mutex_lock(&table_lock);
	struct failures *f = slot(key, now);
	/* now has whole seconds: count the current second too, so a wait is never cut short */
	w = f->until >= now ? f->until - now + 1 : 0;
	pthread_mutex_unlock(&table_lock);
	return w;
}

static void record(const char *key, int64_t now, bool failed)
{
	pthread_mutex_lock(&table_lock);
	struct failures *f = slot(key, now);
	if (!failed || (now - f->first > WINDOW && f->until < now)) {
		f->count = 0;
		f->first = now;
		f->until = 0;
	}
	if (failed && ++f->count >= LIMIT) {
		int shift = f->count - LIMIT < 10 ? f->count - LIMIT : 10;
		int64_t w = (int64_t)1 << shift;
		f->until = now + (w < MAX_WAIT ? w : MAX_WAIT);
	}
	pthread_mutex_unlock(&table_lock);
}

enum bf_status auth_login(struct app *app, const char *name, const char *password,
			  const char *address, int64_t now, struct auth_session *out,
			  int64_t *retry_after, struct bf_err *err)
{
	struct store *s = app->store;
	char kname[80], kaddr[80], hash[65];
	struct bf_err ignore;
	bool ok;
	int64_t w;

	snprintf(kname, sizeof kname, "n:%.70s", name);
	snprintf(kaddr, sizeof kaddr, "a:%.70s", address ? address : "");
	w = wait_for(kname, now);
	if (wait_for(kaddr, now) > w)
		w = wait_for(kaddr, now);
	if (w > 0) {
		*retry_after = w;
		return bf_err_set(err, BF_ETOOMANY, "too many failed logins: try again in %lld "
						    "seconds", (long long)w);
	}
	memset(out, 0, sizeof *out);
	bf_err_init(&ignore);
	ok = account_get(s, name, &out->account, &ignore) == BF_OK && !out->account.disabled &&
	     crypto_pwhash_str_verify(out->account.password_hash, password, strlen(password)) == 0;
	bf_err_release(&ignore);
	record(kname, now, !ok);
	record(kaddr, now, !ok);
	if (!ok)
		return bf_err_set(err, BF_EAUTH, "wrong account name or password");
	random_token(out->token);
	random_token(out->csrf);
	token_hash(out->token, hash);
	return session_insert(s, hash, name, out->csrf, now, address, err);
}

/* Recently confirmed sessions, so that a request usually needs no SQLite read: an entry is
 * used while no write was committed by this process since it was read (a logout, a disabled
 * account, any change) and for at most SESSION_CACHE_MS, the delay after which a change
 * made by another process (`bangfu user disable` from the CLI) takes effect. */
#define SESSION_CACHE 64
#define SESSION_CACHE_MS 1000

struct cached_session {
	char hash[65];
	struct session ses;
	struct account acc;
	long long epoch;
	long long checked_ms;    /* monotonic */
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cached_session cache[SESSION_CACHE];

static bool cache_get(const char *hash, struct session *ses, struct account *acc)
{
	long long now = date_monotonic_ms();
	struct cached_session *c = &cache[((unsigned char)hash[0] * 31u + (unsigned char)hash[1]) % SESSION_CACHE];
	bool hit;

	pthread_mutex_lock(&cache_lock);
	hit = strcmp(c->hash, hash) == 0 && c->epoch == store_local_epoch() &&
	      now - c->checked_ms < SESSION_CACHE_MS;
	if (hit) {
		*ses = c->ses;
		*acc = c->acc;
	}
	pthread_mutex_unlock(&cache_lock);
	return hit;
}

static void cache_put(const char *hash, long long epoch, long long checked_ms,
		      const struct session *ses, const struct account *acc)
{
	struct cached_session *c = &cache[((unsigned char)hash[0] * 31u + (unsigned char)hash[1]) % SESSION_CACHE];

	pthread_mutex_lock(&cache_lock);
	snprintf(c->hash, sizeof c->hash, "%s", hash);
	c->ses = *ses;
	c->acc = *acc;
	c->epoch = epoch;
	c->checked_ms = checked_ms;
	pthread_mutex_unlock(&cache_lock);
}

enum bf_status auth_session_check(struct app *app, const char *token, int64_t now,
				  const struct auth_policy *pol, struct auth_session *out,
				  struct bf_err *err)
{
	struct store *s = app->store;
	struct session ses;
	char hash[65];
	struct bf_err e;
	enum bf_status rc;
	long long epoch = store_local_epoch(), t = date_monotonic_ms(); /* before the read */
	bool cached;

	memset(out, 0, sizeof *out);
	if (!token || strlen(token) != AUTH_TOKEN_LEN - 1)
		return bf_err_set(err, BF_EAUTH, "sign in first");
	token_hash(token, hash);
	if (!(cached = cache_get(hash, &ses, &out->account))) {
		bf_err_init(&e);
		rc = session_get_account(s, hash, &ses, &out->account, &e);
		bf_err_release(&e);
		if (rc == BF_ENOTFOUND)
			return bf_err_set(err, BF_EAUTH, "sign in first (the session has ended)");
		if (rc)
			return bf_err_set(err, rc, "cannot read the session");
	}
	if (now - ses.last_seen > pol->idle || now - ses.created > pol->absolute) {
		session_delete(s, hash, err);
		return bf_err_set(err, BF_EAUTH, "the session has expired: sign in again");
	}
	if (out->account.disabled)
		return bf_err_set(err, BF_EAUTH, "the account is disabled");
	snprintf(out->csrf, sizeof out->csrf, "%s", ses.csrf);
	if (cached)
		return BF_OK;
	/* Refresh the idle timer at most once a minute: most requests stay read-only. */
	if (now - ses.last_seen >= 60)
		return session_touch(s, hash, now, err);
	cache_put(hash, epoch, t, &ses, &out->account);
	return BF_OK;
}

enum bf_status auth_logout(struct app *app, const char *token, struct bf_err *err)
{
	struct store *s = app->store;
	char hash[65];
	token_hash(token, hash);
	return session_delete(s, hash, err);
}

struct principal auth_principal(const struct account *a)
{
	struct principal p = { a->name, model_enum_index(access_roles, a->role),
			       a->unit[0] ? a->unit : NULL, a->target[0] ? a->target : NULL };
	return p;
}
