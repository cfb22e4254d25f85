/* auth: passwords (Argon2id), sessions and the login slow-down; see auth.h. */
#include "app/auth.h"
#include "app/app_int.h"
#include "util/date.h"
#include "util/text.h"
#include "util/xalloc.h"
#include <pthread.h>
#include <pwquality.h>
#include <string.h>
#include <strings.h>
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

/* libpwquality's checks: no character more than 3 times in a row, no run of more than 4
 * (12345, abcde), no palindrome, not the account's name, not a dictionary word (cracklib);
 * no composition rules (NIST SP 800-63B). Its dictionary is English: for a passphrase written
 * mostly in Chinese it would judge the few Latin letters alone, so such a one (more than half
 * of its characters outside ASCII) skips the dictionary and keeps the other checks. */
static pwquality_settings_t *pwq[2]; /* [0]: with the dictionary, [1]: without */
static pthread_once_t pwq_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t pwq_lock = PTHREAD_MUTEX_INITIALIZER;

static void pwq_make(void)
{
	for (int i = 0; i < 2; i++) {
		pwq[i] = pwquality_default_settings();
		pwquality_set_int_value(pwq[i], PWQ_SETTING_MIN_LENGTH, AUTH_MIN_PASSWORD);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_DIG_CREDIT, 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_UP_CREDIT, 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_LOW_CREDIT, 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_OTH_CREDIT, 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_MIN_CLASS, 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_MAX_REPEAT, 3);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_MAX_SEQUENCE, 4);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_DICT_CHECK, i == 0);
		pwquality_set_int_value(pwq[i], PWQ_SETTING_USER_CHECK, 1);
	}
}

/* The Chinese beside libpwquality's English, by its error code. */
static const char *pwq_zh(int code, const char *cracklib)
{
	if (code == PWQ_ERROR_CRACKLIB_CHECK && cracklib && !strstr(cracklib, "dictionary word"))
		return "口令过于简单或有规律"; /* cracklib's other verdicts: simplistic, too short... */
	switch (code) {
	case PWQ_ERROR_PALINDROME: return "口令是回文";
	case PWQ_ERROR_MAX_CONSECUTIVE: return "同一个字符连续出现超过 3 次";
	case PWQ_ERROR_MAX_SEQUENCE: return "含有超过 4 个字符的连续序列（如 12345、abcde）";
	case PWQ_ERROR_CRACKLIB_CHECK: return "口令基于字典中的单词";
	case PWQ_ERROR_USER_CHECK: return "口令含有帐号名";
	case PWQ_ERROR_MIN_LENGTH: return "口令太短";
	default: return "口令太弱";
	}
}

bool auth_password_ok(const char *pw, const char *user, struct buf *why)
{
	size_t n = strlen(pw), chars = 0, wide = 0;
	void *aux = NULL;
	char en[256];
	const char *msg, *zh;
	int r;

	if (n > 1024 || text_utf8_invalid_at(pw, n) != n) {
		buf_adds(why, "口令须为不超过 1024 字节的 UTF-8 文本; the password must be valid UTF-8 "
			      "text of at most 1024 bytes");
		return false;
	}
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++)
		if ((*p & 0xc0) != 0x80) {
			chars++;
			wide += *p >= 0x80;
		}
	if (chars < AUTH_MIN_PASSWORD) {
		buf_addf(why, "口令至少需要 %d 个字符（15 个以上更好）; the password needs at least %d "
			      "characters (15 or more is better)", AUTH_MIN_PASSWORD, AUTH_MIN_PASSWORD);
		return false;
	}
	for (size_t i = 0; common[i]; i++)
		if (strcasecmp(pw, common[i]) == 0) {
			buf_adds(why, "这是最常用的口令之一，请另选; this password is among the most "
				      "commonly used ones: choose another");
			return false;
		}
	pthread_once(&pwq_once, pwq_make);
	/* cracklib keeps its open dictionary in static state and refuses a second open ("another
	 * dictionary already open"), so two server threads checking at once would fail each
	 * other: one check at a time. */
	pthread_mutex_lock(&pwq_lock);
	r = pwquality_check(pwq[wide * 2 > chars], pw, NULL, user, &aux);
	if (r == PWQ_ERROR_CRACKLIB_CHECK && aux && strstr(aux, "error loading dictionary")) {
		/* no readable dictionary (cracklib-runtime's files missing or being rebuilt): the
		 * password is not refused for the machine's fault; the other checks still hold */
		pwquality_strerror(en, sizeof en, r, aux);
		aux = NULL;
		r = pwquality_check(pwq[1], pw, NULL, user, &aux);
	}
	pthread_mutex_unlock(&pwq_lock);
	if (r >= 0)
		return true;
	zh = pwq_zh(r, r == PWQ_ERROR_CRACKLIB_CHECK ? aux : NULL); /* before strerror frees aux */
	msg = pwquality_strerror(en, sizeof en, r, aux); /* en, or a constant string */
	buf_addf(why, "%s，请另选; %c%s: choose another", zh,
		 msg[0] >= 'A' && msg[0] <= 'Z' ? msg[0] - 'A' + 'a' : msg[0], msg[0] ? msg + 1 : "");
	return false;
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

static enum bf_status hash_password(const char *pw, const char *user, char *out, size_t outlen,
				    struct bf_err *err)
{
	struct buf why = BUF_INIT;
	enum bf_status rc = BF_OK;

	if (!auth_password_ok(pw, user, &why))
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
	if (hash_password(password, name, a.password_hash, sizeof a.password_hash, err))
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
	    (rc = hash_password(password, name, a.password_hash, sizeof a.password_hash, err)) ||
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

void auth_random_password(char *out, size_t n, const char *user)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	struct buf why = BUF_INIT;

	/* Drawn again while the checks every password must pass refuse it: a random string now
	 * and then holds a run (abcde), a repeat or something cracklib finds in its dictionary,
	 * and the account would then not be created (init failed at random). Few draws fail. */
	for (int tries = 0; tries < 100; tries++) {
		for (size_t i = 0; i < n; i++)
			out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		out[n] = '\0';
		buf_reset(&why);
		if (n < AUTH_MIN_PASSWORD || auth_password_ok(out, user, &why))
			break;
	}
	buf_release(&why);
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

/* Failed sign-ins slow down further attempts, per name and per address, kept apart so that
 * neither locks out the other:
 *  - per name: after LIMIT failures within WINDOW seconds, the name's attempts are refused
 *    (before any hashing) for 2^(failures - LIMIT) seconds, at most MAX_WAIT. The state of a
 *    real account lives in a table of real accounts only (one entry per account, never
 *    evicted: flooding with invented names cannot reset admin's delay); invented names get
 *    the same treatment in a bounded table (NAME_SLOTS), so the answers do not tell which
 *    names exist. Evicting an invented name only forgets that name.
 *  - per address: past ADDR_LIMIT failures within WINDOW, the address's failed attempts are
 *    answered 429 with its Retry-After, in a bounded table (ADDR_SLOTS). It never refuses
 *    before the password is checked, so the right password of a real account still signs in
 *    from an address shared with an attacker (a NAT or a proxy); what it bounds is the
 *    hashing: one Argon2 at a time per throttled address.
 * Kept in memory: a restart forgets them, which only helps a legitimate user. */
#define NAME_SLOTS 4096
#define ADDR_SLOTS 4096
#define LIMIT 5
#define ADDR_LIMIT 20
#define WINDOW 900
#define MAX_WAIT 900

struct failures {
	char key[80];
	int count;
	bool busy;               /* a sign-in of this address is being checked */
	int64_t first, until;
};

struct account_failures {
	struct account_failures *next;
	struct failures f;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static struct failures names[NAME_SLOTS], addrs[ADDR_SLOTS];
static struct account_failures *accounts[1024];

/* A slot of a bounded table: the key's own, or else the oldest of 8 neighbours, reset. */
static struct failures *slot(struct failures *table, size_t n, const char *key, int64_t now)
{
	size_t h = 5381, oldest = 0;
	for (const char *p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (size_t i = 0; i < 8; i++) {
		struct failures *f = &table[(h + i) % n];
		if (strcmp(f->key, key) == 0)
			return f;
		if (table[(h + oldest) % n].first > f->first)
			oldest = i;
	}
	struct failures *f = &table[(h + oldest) % n];
	memset(f, 0, sizeof *f);
	snprintf(f->key, sizeof f->key, "%s", key);
	f->first = now;
	return f;
}

/* The entry of a real account, created on its first failure; never evicted. */
static struct failures *account_slot(const char *name, int64_t now)
{
	size_t h = 5381;
	struct account_failures *a;
	for (const char *p = name; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (a = accounts[h % 1024]; a; a = a->next)
		if (strcmp(a->f.key, name) == 0)
			return &a->f;
	a = xcalloc(1, sizeof *a);
	snprintf(a->f.key, sizeof a->f.key, "%s", name);
	a->f.first = now;
	a->next = accounts[h % 1024];
	accounts[h % 1024] = a;
	return &a->f;
}

static struct failures *account_find(const char *name)
{
	size_t h = 5381;
	for (const char *p = name; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (struct account_failures *a = accounts[h % 1024]; a; a = a->next)
		if (strcmp(a->f.key, name) == 0)
			return &a->f;
	return NULL;
}

/* Seconds to wait before f may try again (0: now); now has whole seconds: count the current
 * second too, so a wait is never cut short. */
static int64_t wait_of(const struct failures *f, int64_t now)
{
	return f && f->until >= now ? f->until - now + 1 : 0;
}

static void count(struct failures *f, int64_t now, bool failed, int limit)
{
	if (!failed || (now - f->first > WINDOW && f->until < now)) {
		f->count = 0;
		f->first = now;
		f->until = 0;
	}
	if (failed && ++f->count >= limit) {
		int shift = f->count - limit < 10 ? f->count - limit : 10;
		int64_t w = (int64_t)1 << shift;
		f->until = now + (w < MAX_WAIT ? w : MAX_WAIT);
	}
}

/* The name's wait: a real account's entry if it has one, else the invented names' table. */
static int64_t name_wait(const char *name, int64_t now)
{
	struct failures *f = account_find(name);
	if (!f) {
		char key[80];
		snprintf(key, sizeof key, "%.70s", name);
		f = slot(names, NAME_SLOTS, key, now);
	}
	return wait_of(f, now);
}

static void name_record(const char *name, bool real, int64_t now, bool failed)
{
	char key[80];
	snprintf(key, sizeof key, "%.70s", name);
	if (real)
		count(account_slot(key, now), now, failed, LIMIT);
	else
		count(slot(names, NAME_SLOTS, key, now), now, failed, LIMIT);
}

/* An Argon2id hash of a random password with the same parameters as real ones: unknown and
 * disabled accounts are checked against it, so that every sign-in costs the same time and
 * the time does not tell which names exist. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	char pw[33];
	auth_random_password(pw, 32, NULL);
	if (crypto_pwhash_str_alg(dummy_hash, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		dummy_hash[0] = '\0';
}

static bool password_matches(const struct account *a, bool real, const char *password)
{
	bool ok;
	pthread_once(&dummy_once, dummy_make);
	ok = crypto_pwhash_str_verify(real ? a->password_hash : dummy_hash, password,
				      strlen(password)) == 0;
	return ok && real && !a->disabled;
}

static enum bf_status purge(struct store *s, int64_t now, const struct auth_policy *pol,
			    struct bf_err *err);

enum bf_status auth_login(struct app *app, const char *name, const char *password,
			  const char *address, int64_t now, const struct auth_policy *pol,
			  struct auth_session *out, int64_t *retry_after, struct bf_err *err)
{
	struct store *s = app->store;
	char kaddr[80], hash[65];
	struct bf_err ignore;
	struct failures *fa;
	bool ok, real, addr_throttled;
	int64_t w;
	enum bf_status rc;

	snprintf(kaddr, sizeof kaddr, "%.70s", address ? address : "");
	pthread_mutex_lock(&table_lock);
	w = name_wait(name, now);
	fa = slot(addrs, ADDR_SLOTS, kaddr, now);
	addr_throttled = wait_of(fa, now) > 0;
	if (!w && addr_throttled && fa->busy)
		w = wait_of(fa, now); /* one check at a time from a throttled address */
	if (!w && addr_throttled)
		fa->busy = true;
	pthread_mutex_unlock(&table_lock);
	if (w > 0) {
		*retry_after = w;
		return bf_err_set(err, BF_ETOOMANY, "too many failed logins: try again in %lld "
						    "seconds", (long long)w);
	}
	memset(out, 0, sizeof *out);
	bf_err_init(&ignore);
	real = account_get(s, name, &out->account, &ignore) == BF_OK;
	bf_err_release(&ignore);
	ok = password_matches(&out->account, real, password);
	if ((int64_t)time(NULL) > now) /* a wait counts from the end of the check (~30 ms+) */
		now = (int64_t)time(NULL);
	pthread_mutex_lock(&table_lock);
	name_record(name, real, now, !ok);
	fa = slot(addrs, ADDR_SLOTS, kaddr, now);
	if (addr_throttled)
		fa->busy = false;
	count(fa, now, !ok, ADDR_LIMIT);
	w = ok ? 0 : wait_of(fa, now);
	pthread_mutex_unlock(&table_lock);
	if (!ok && w > 0) {
		*retry_after = w;
		return bf_err_set(err, BF_ETOOMANY, "too many failed logins from this address: try "
						    "again in %lld seconds", (long long)w);
	}
	if (!ok)
		return bf_err_set(err, BF_EAUTH, "wrong account name or password");
	random_token(out->token);
	random_token(out->csrf);
	token_hash(out->token, hash);
	/* Expired sessions go at every sign-in too (and every minute, auth_sessions_purge), and
	 * an account keeps its per_account newest sessions. */
	if ((rc = purge(s, now, pol, err)) ||
	    (rc = session_insert(s, hash, name, out->csrf, now, address, err)))
		return rc;
	return session_cap(s, name, pol->per_account > 0 ? pol->per_account : 10, err);
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

/* When each session was last used, to the second, in memory. The database's last_seen is
 * refreshed at most once a minute (most requests stay read-only), so it may be up to 59 s
 * behind: the idle timeout is judged against this table, which is exact, and the database's
 * value only counts when the table has nothing newer (after a restart). Entries go with
 * their session (sign-out, expiry, the purge): the table is as large as the live sessions,
 * which only signed-in users create and which are capped per account. */
#define ACTIVITY_BUCKETS 4096

/* Seconds between two writes of a session's last_seen: a minute, or a quarter of a shorter
 * idle time (so that the database's copy is never far behind). */
static int64_t touch_every(const struct auth_policy *pol)
{
	int64_t t = pol->idle / 4;
	return t < 1 ? 1 : t > 60 ? 60 : t;
}

struct activity {
	struct activity *next;
	char hash[65];
	int64_t seen;
};

static pthread_mutex_t activity_lock = PTHREAD_MUTEX_INITIALIZER;
static struct activity *activity[ACTIVITY_BUCKETS];

static struct activity **activity_at(const char *hash)
{
	size_t h = 0;
	struct activity **pp;
	for (int i = 0; i < 8; i++) /* the hash is random: its first hex digits will do */
		h = h * 16 + (size_t)(hash[i] <= '9' ? hash[i] - '0' : hash[i] - 'a' + 10);
	pp = &activity[h % ACTIVITY_BUCKETS];
	while (*pp && strcmp((*pp)->hash, hash) != 0)
		pp = &(*pp)->next;
	return pp;
}

/* The later of seen and the recorded use of hash; records now as its use (now > 0). */
static int64_t activity_swap(const char *hash, int64_t seen, int64_t now)
{
	struct activity **pp, *a;
	pthread_mutex_lock(&activity_lock);
	pp = activity_at(hash);
	if ((a = *pp) && a->seen > seen)
		seen = a->seen;
	if (now > 0 && !a) {
		a = *pp = xcalloc(1, sizeof *a);
		snprintf(a->hash, sizeof a->hash, "%s", hash);
	}
	if (now > 0)
		a->seen = now;
	pthread_mutex_unlock(&activity_lock);
	return seen;
}

static void activity_drop(const char *hash)
{
	struct activity **pp, *a;
	pthread_mutex_lock(&activity_lock);
	pp = activity_at(hash);
	if ((a = *pp)) {
		*pp = a->next;
		free(a);
	}
	pthread_mutex_unlock(&activity_lock);
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
	int64_t seen;

	memset(out, 0, sizeof *out);
	if (!token || strlen(token) != AUTH_TOKEN_LEN - 1)
		return bf_err_set(err, BF_EAUTH, "sign in first");
	token_hash(token, hash);
	if (!(cached = cache_get(hash, &ses, &out->account))) {
		bf_err_init(&e);
		rc = session_get_account(s, hash, &ses, &out->account, &e);
		bf_err_release(&e);
		if (rc == BF_ENOTFOUND) {
			activity_drop(hash);
			return bf_err_set(err, BF_EAUTH, "sign in first (the session has ended)");
		}
		if (rc)
			return bf_err_set(err, rc, "cannot read the session");
	}
	seen = activity_swap(hash, ses.last_seen, 0);
	if (now - seen > pol->idle || now - ses.created > pol->absolute) {
		activity_drop(hash);
		session_delete(s, hash, err);
		return bf_err_set(err, BF_EAUTH, "the session has expired: sign in again");
	}
	if (out->account.disabled)
		return bf_err_set(err, BF_EAUTH, "the account is disabled");
	activity_swap(hash, seen, now);
	snprintf(out->csrf, sizeof out->csrf, "%s", ses.csrf);
	if (cached)
		return BF_OK;
	/* The database's copy, for the purge and a restart: at most once a minute. */
	if (now - ses.last_seen >= touch_every(pol))
		return session_touch(s, hash, now, err);
	cache_put(hash, epoch, t, &ses, &out->account);
	return BF_OK;
}

static enum bf_status purge(struct store *s, int64_t now, const struct auth_policy *pol,
			    struct bf_err *err)
{
	/* A session used within the idle time has a last_seen at most touch_every() behind in
	 * the database: only older ones are certainly over. */
	int64_t lag = touch_every(pol);
	pthread_mutex_lock(&activity_lock);
	for (size_t i = 0; i < ACTIVITY_BUCKETS; i++)
		for (struct activity **pp = &activity[i], *a; (a = *pp);)
			if (now - a->seen > pol->idle + lag) {
				*pp = a->next;
				free(a);
			} else {
				pp = &a->next;
			}
	pthread_mutex_unlock(&activity_lock);
	return session_purge(s, now - pol->idle - lag, now - pol->absolute, err);
}

enum bf_status auth_sessions_purge(struct app *app, int64_t now, const struct auth_policy *pol,
				   struct bf_err *err)
{
	return purge(app->store, now, pol, err);
}

enum bf_status auth_logout(struct app *app, const char *token, struct bf_err *err)
{
	struct store *s = app->store;
	char hash[65];
	token_hash(token, hash);
	activity_drop(hash);
	return session_delete(s, hash, err);
}

struct principal auth_principal(const struct account *a)
{
	struct principal p = { a->name, model_enum_index(access_roles, a->role),
			       a->unit[0] ? a->unit : NULL, a->target[0] ? a->target : NULL };
	return p;
}
