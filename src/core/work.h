/* work: the rules of the groups' work (docs/work.md): the five records (tasks, needs,
 * commitments, resources, policies) described field by field, what values they take (the
 * measures, the resource kinds, the statuses, integer amounts up to 2^53, dates within the
 * round), who may read and write which record (the roles table of docs/work.md), and the
 * commitment's status transitions with who may make each. Pure: no I/O. What the rules need
 * to know about the database (the round's dates, whether a task is of the round, whether a
 * unit is a member of a group of the target in the round) the caller looks up and hands over
 * in struct work_facts. Every refusal is a struct work_error naming the field, in English and
 * Chinese. */
#ifndef BF_WORK_H
#define BF_WORK_H
#include <stdbool.h>
#include <stddef.h>
#include "core/access.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/err.h"

enum work_kind { WK_TASK, WK_NEED, WK_COMMITMENT, WK_RESOURCE, WK_POLICY, WK_N };

enum work_ftype {
	WF_TEXT,  /* a string ('' when absent unless WF_NULL) */
	WF_INT,   /* an integer, at most 2^53 in magnitude */
	WF_DATE,  /* YYYY-MM-DD */
	WF_FLAG,  /* 0 or 1 */
	WF_LIST,  /* a list of strings (JSON array; ';'-joined in CSV and here) */
	WF_TIME,  /* a UTC time the server sets */
};

enum {
	WF_KEY = 1,    /* part of the key */
	WF_REQ = 2,    /* a create must give it (unless the server fills it in) */
	WF_SERVER = 4, /* set by the server only */
	WF_NULL = 8,   /* may be NULL (absent) */
};

struct work_field {
	const char *name;
	enum work_ftype type;
	unsigned flags;
	const char *zh;  /* the column's Chinese header */
};

struct work_type {
	enum work_kind kind;
	const char *name;    /* "commitment": the table and the audit entity */
	const char *plural;  /* "commitments": the API's path segment */
	const char *zh;      /* 帮扶事项 */
	const struct work_field *fields;
	size_t nfields;
	size_t nkey;         /* the first nkey fields are the key */
};

extern const struct work_type work_types[WK_N];
/* The type whose plural (or name) is s, or NULL. */
const struct work_type *work_type_find(const char *s);
/* The index of field name in t, or -1. */
int work_field_index(const struct work_type *t, const char *name);

#define WORK_MAXF 24
#define WORK_INT_MAX 9007199254740992LL /* 2^53: exact in a JSON number and a double */

/* One value of a record. */
struct work_val {
	bool null;          /* NULL (WF_NULL fields) */
	long long i;        /* WF_INT, WF_FLAG */
	const char *s;      /* WF_TEXT, WF_DATE, WF_TIME, WF_LIST (';'-joined) */
};

/* A record: t's fields in order. Strings belong to whoever built it (an arena). */
struct work_rec {
	const struct work_type *t;
	struct work_val v[WORK_MAXF];
};

void work_rec_init(struct work_rec *r, const struct work_type *t);
const char *work_s(const struct work_rec *r, const char *field); /* NULL if NULL */
long long work_i(const struct work_rec *r, const char *field);
bool work_null(const struct work_rec *r, const char *field);
void work_set_s(struct work_rec *r, const char *field, const char *s); /* s not copied */
void work_set_i(struct work_rec *r, const char *field, long long i);
void work_set_null(struct work_rec *r, const char *field);

/* A refusal: the status, the field at fault (or NULL) and the message in both languages. */
struct work_error {
	enum bf_status status;
	const char *field;
	char message[400];
	char message_zh[400];
};
void work_error_init(struct work_error *e);
/* Fills e (both formats take the same arguments); returns st. */
enum bf_status work_fail(struct work_error *e, enum bf_status st, const char *field,
			 const char *en, const char *zh, ...);

/* The value lists: NULL-ended, with their Chinese names beside. */
extern const char *const work_measures[];
extern const char *const work_kinds[];      /* resource kinds */
extern const char *const work_kinds_zh[];
extern const char *const work_statuses[];
extern const char *const work_statuses_zh[];
extern const char *const work_domains[];
extern const char *const work_domains_zh[];
/* Whether the resource kind counts yuan (funds, investment) rather than items. */
bool work_kind_is_yuan(const char *kind);

/* A JSON value's kind, as the caller decoded it, for work_check_json. */
enum work_json { WJ_NULL, WJ_STRING, WJ_INT, WJ_REAL, WJ_BOOL, WJ_ARRAY, WJ_OTHER };
/* Whether a value of JSON kind j fits field f (an integer field refuses a fraction, a string
 * and a number beyond 2^53 naming the field); i is the integer (WJ_INT) or the boolean. */
enum bf_status work_check_json(const struct work_field *f, enum work_json j, long long i,
			       bool too_big, struct work_error *e);

/* What the rules need to know from the database about a record (looked up by the caller in
 * the write's transaction). Booleans that do not apply to the record's type stay true. */
struct work_facts {
	bool round_ok;          /* the round exists */
	bf_day round_start, round_end;
	bool target_ok, unit_ok;
	bool task_ok;           /* the task is a task of the record's round (or none given) */
	bool need_ok;           /* the need exists, of the same target and round (or none) */
	bool commitment_ok;     /* the commitment exists, of the same target and round (or none) */
	bool serves;            /* the record's unit is a member of a group of its target in
				 * its round (commitments, resources) */
	const char *bad_target;   /* policy: the first target that does not exist */
	const char *unserved;     /* policy: the first target outside the unit's groups */
	const char *bad_task;     /* policy: the first task that is not of the round */
	bool actor_serves;      /* a unit principal: it is a member of a group of the record's
				 * target in the record's round (reads) */
	long evidence_files;    /* commitment: files attached */
	bool reason_given;      /* the change itself gives a reason (drop, send back) */
};
void work_facts_init(struct work_facts *f);

/* Fills the defaults of a new record: status planned, priority 2, delivered_value 0, the
 * principal's unit (a unit's commitments, resources and policies) or target (a county's
 * needs) when not given. */
void work_defaults(struct work_rec *r, const struct principal *p);

/* Checks the values of r against the facts: every required field, the value lists, the
 * numbers, the dates within the round, the references. */
enum bf_status work_check_record(const struct work_rec *r, const struct work_facts *f,
				 struct work_error *e);

/* Which records of kind k p reads (SCOPE_ALL, SCOPE_UNIT: of the targets of its groups,
 * SCOPE_TARGET: of its own target) and writes. */
enum acc_scope work_read_scope(const struct principal *p, enum work_kind k);
enum acc_scope work_write_scope(const struct principal *p, enum work_kind k);
/* Which commitments p starts, delivers and drops (its unit's; admin all), and which it
 * confirms and sends back (a county its target's; planner and admin all). */
enum acc_scope work_deliver_scope(const struct principal *p);
enum acc_scope work_confirm_scope(const struct principal *p);
/* Whether p may read r; f->actor_serves as looked up for p. */
bool work_can_read(const struct principal *p, const struct work_rec *r,
		   const struct work_facts *f);

enum work_op { WORK_CREATE, WORK_UPDATE, WORK_DELETE };
/* Whether p may make writes of this kind at all (asked before the values are judged): an
 * auditor nothing, a county and the planner no new or deleted commitments. */
enum bf_status work_check_op(const struct principal *p, enum work_kind k, enum work_op op,
			     struct work_error *e);
/* Whether p may make this write: old is the record before (NULL: create), new after (NULL:
 * delete); fo, fn their facts. A commitment's status change is judged by
 * work_check_transition, which this calls. */
enum bf_status work_check_write(const struct principal *p, enum work_op op,
				const struct work_rec *old, const struct work_rec *new,
				const struct work_facts *fo, const struct work_facts *fn,
				struct work_error *e);

/* A commitment going from status from to to (equal: no change) by p: the transition must be
 * one of docs/work.md's (planned → in_progress → delivered → confirmed; planned or in_progress
 * → dropped with a reason; delivered → in_progress, a send-back with a reason), made by whom
 * it belongs to (the unit: start, drop, deliver; the county of the target, the planner:
 * confirm, send back; admin all), and delivered needs evidence. */
enum bf_status work_check_transition(const struct principal *p, const struct work_rec *old,
				     const struct work_rec *new, const struct work_facts *f,
				     struct work_error *e);

/* Whether a commitment of that status and due day is overdue on as_of. */
bool work_overdue(const char *status, const char *due, bf_day as_of);

#endif
