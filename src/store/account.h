/* account: the store's accounts, sessions and change counter (schema v2). Plain records in,
 * plain records out; password hashing and session policy live in app/auth. */
#ifndef BF_STORE_ACCOUNT_H
#define BF_STORE_ACCOUNT_H
#include <stdbool.h>
#include <stdint.h>
#include "store/store.h"

struct account {
	char name[65];
	char role[16];
	char unit[33];      /* "" unless role is unit */
	char target[7];     /* "" unless role is county */
	char password_hash[160];
	int disabled;
	char created[32];
	char email[255];    /* "" when none (schema6.sql; not read with a session) */
};

struct session {
	char account[65];
	char csrf[65];
	int64_t created, last_seen; /* unix seconds */
};

/* Inserts a new account; an existing name is BF_ECONFLICT. */
enum bf_status account_insert(struct store *s, const struct account *a, struct bf_err *err);
/* Updates the role, unit, target, password hash, disabled flag and e-mail of an existing account
 * (the name and creation time never change). */
enum bf_status account_update(struct store *s, const struct account *a, struct bf_err *err);
/* BF_ENOTFOUND when there is no such account. */
enum bf_status account_get(struct store *s, const char *name, struct account *out,
			   struct bf_err *err);
/* Every account, sorted by name; *out is malloc'ed (free it). */
enum bf_status account_list(struct store *s, struct account **out, size_t *n,
			    struct bf_err *err);

enum bf_status session_insert(struct store *s, const char *token_hash, const char *account,
			      const char *csrf, int64_t now, const char *address,
			      struct bf_err *err);
/* The session of token_hash with its account, in one query (every API request asks). */
enum bf_status session_get_account(struct store *s, const char *token_hash,
				   struct session *ses, struct account *acc, struct bf_err *err);
enum bf_status session_touch(struct store *s, const char *token_hash, int64_t now,
			     struct bf_err *err);
enum bf_status session_delete(struct store *s, const char *token_hash, struct bf_err *err);
/* Ends every session of an account (disabled, password changed). */
enum bf_status session_delete_account(struct store *s, const char *account,
				      struct bf_err *err);

/* Ends the sessions last seen before seen_before or created before created_before. */
enum bf_status session_purge(struct store *s, int64_t seen_before, int64_t created_before,
			     struct bf_err *err);
/* Ends all but the keep newest sessions of account. */
enum bf_status session_cap(struct store *s, const char *account, long keep, struct bf_err *err);
/* The number of sessions of account (-1 on a database error). */
long session_count(struct store *s, const char *account);

/* The change counter: every write transaction bumps it, readers compare it to decide whether
 * a cached registry is stale. */
int64_t store_generation(struct store *s);
enum bf_status store_generation_bump(struct store *s, struct bf_err *err);

#endif
