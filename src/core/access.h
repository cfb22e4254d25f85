/* access: who may see what. The five roles of the programme and, for every record type, whether
 * a signed-in person may read a record. The one place where read permissions are decided: the
 * app layer asks here for every list and every record it returns. Pure: no I/O. */
#ifndef BF_ACCESS_H
#define BF_ACCESS_H
#include <stdbool.h>
#include "core/registry.h"

enum acc_role { ACC_ADMIN, ACC_PLANNER, ACC_UNIT, ACC_COUNTY, ACC_AUDITOR };

extern const char *const access_roles[]; /* NULL-ended, by enum acc_role */
extern const char *const access_roles_zh[];

/* A signed-in person. unit is set for ACC_UNIT, target for ACC_COUNTY. */
struct principal {
	const char *name;
	int role;
	const char *unit;
	const char *target;
};

/* Whether p may read rec (of type t) in r. Admin, planner and auditor read everything; a unit
 * reads its own groups, their targets, member units, cadres and indicators; a county reads
 * its own target with its groups, their units and cadres. Rounds and provincial indicators are
 * public to every signed-in person. */
bool access_can_read(const struct registry *r, const struct principal *p,
		     const struct record_type *t, const void *rec);
/* Whether p sees every record (no filtering needed). */
bool access_reads_all(const struct principal *p);
/* Whether p may see a rule finding about subject ("target", "group", "unit", "cadre") key:
 * whoever may read that record (a unit its own groups, their targets, units and cadres; a
 * county its own target's). */
bool access_can_read_finding(const struct registry *r, const struct principal *p,
			     const char *subject, const char *key);

#endif

#ifndef BF_ACCESS_WRITE
#define BF_ACCESS_WRITE
/* Whether p may create, change or delete rec (of type t): admin anything; planner rounds,
 * groups and memberships; a unit the cadres it sends to its own groups; a county the
 * indicators of its own target; an auditor nothing. For a change, ask for the record before
 * and after. */
bool access_can_write(const struct registry *r, const struct principal *p,
		      const struct record_type *t, const void *rec);
/* Whether p may write records of type t at all (asked first, before any validation). */
bool access_may_write_type(const struct principal *p, const struct record_type *t);
/* Whether p may give rec (of type t) its verified value, old being the record before (NULL:
 * a create). Only the office (admin, planner) verifies; anyone else leaves the flag as it
 * was (0 on a create). True for types without the flag. */
bool access_can_set_verified(const struct principal *p, const struct record_type *t,
			     const void *old, const void *rec);

/* Which records of a type p reads or writes, as access_can_read and access_can_write decide
 * them one by one: none, those of its unit (its groups and what hangs on them), those of its
 * target, or all. The API's session answer carries them so that the web UI asks no role
 * names. (A unit or county also reads the rounds and the provincial indicators.) */
enum acc_scope { SCOPE_NONE, SCOPE_UNIT, SCOPE_TARGET, SCOPE_ALL };
extern const char *const access_scopes[]; /* by enum acc_scope: "none", "unit", ... */
enum acc_scope access_read_scope(const struct principal *p, const struct record_type *t);
enum acc_scope access_write_scope(const struct principal *p, const struct record_type *t);
#endif
