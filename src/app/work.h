/* app/work: the use cases of the groups' work (docs/work.md) for the API and the CLI: list,
 * read, create, change and delete tasks, needs, commitments, resources and policies, and
 * attach evidence files to a commitment. Each write is one transaction: the facts the rules
 * need are looked up in it (store/work), the rules judged (core/work: values, roles, the
 * status transitions), the record written, the audit row appended (entity task, need,
 * commitment, resource, policy, with the record before and after), and 'work_generation'
 * moved, never the registry's 'generation'. Records come back as JSON, as docs/work.md
 * shows them (a commitment with overdue and evidence_files). */
#ifndef BF_APP_WORK_H
#define BF_APP_WORK_H
#include <jansson.h>
#include "app/app.h"
#include "core/access.h"
#include "core/work.h"

/* A list's filters and page (NULL: no filter). overdue: only commitments planned or in
 * progress due before as_of (default today). limit 0: the default (100); at most 10000. */
struct work_list_req {
	const char *round, *target, *unit, *task, *status, *kind, *need, *q, *sort, *as_of;
	bool overdue;
	long limit, offset;
};
#define WORK_LIST_DEFAULT 100
#define WORK_LIST_MAX 10000

/* {"items":[records], "total":N}: the records of type t that p may read and that match. */
enum bf_status work_list(struct app *app, const struct principal *p, const struct work_type *t,
			 const struct work_list_req *rq, json_t **out, struct work_error *e);
/* One record by key ("round,code" for a task, the id otherwise). */
enum bf_status work_get(struct app *app, const struct principal *p, const struct work_type *t,
			const char *key, json_t **out, struct work_error *e);
/* Creates a record from body (a JSON object of its columns); *out the record as stored. */
enum bf_status work_create(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, json_t *body, json_t **out,
			   struct work_error *e);
/* Creates a record from each object of the array bodies, all in one transaction (each
 * judged as the ones before it left the store, each audited): all are written, or none, and
 * *failed is then the index of the record refused. *out the records as stored (an array). */
enum bf_status work_create_all(struct app *app, const struct principal *p, const char *address,
			       const struct work_type *t, json_t *bodies, json_t **out,
			       size_t *failed, struct work_error *e);
/* Changes the columns body gives (a status change is one of them). */
enum bf_status work_update(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, const char *key, json_t *body, json_t **out,
			   struct work_error *e);
enum bf_status work_delete(struct app *app, const struct principal *p, const char *address,
			   const struct work_type *t, const char *key, struct work_error *e);

/* Evidence files of a commitment: at most WORK_FILE_MAX bytes each; added by whoever may
 * change the commitment (its unit, admin), read by whoever may read it. */
#define WORK_FILE_MAX (8L << 20)
enum bf_status work_evidence_add(struct app *app, const struct principal *p, const char *address,
				 const char *commitment, const char *name, const void *data,
				 size_t len, json_t **out, struct work_error *e);
/* {"items":[{"id","commitment","name","mime","size","created","account"}], "total"}. */
enum bf_status work_evidence_list(struct app *app, const struct principal *p,
				  const char *commitment, json_t **out, struct work_error *e);
/* The file's bytes into data (the caller frees), its name and MIME type. */
struct work_download {
	char name[256];
	char mime[100];
	void *data;
	size_t len;
};
enum bf_status work_evidence_get(struct app *app, const struct principal *p, const char *id,
				 struct work_download *out, struct work_error *e);

/* Deletes evidence file id, by whoever may attach one to its commitment (its unit, admin),
 * audited (action detach, entity commitment, the file before). Refused (409) when it is the
 * only evidence of a delivered or confirmed commitment (give a text or link first), when the
 * commitment is confirmed and p is not the office, and when the delivery's day lies in a
 * period whose group report is approved (the lock, app/cycle). */
enum bf_status work_evidence_delete(struct app *app, const struct principal *p,
				    const char *address, const char *id, struct work_error *e);

/* The columns of t in order, NULL-ended, for CSV and XLSX (commitments add overdue and
 * evidence_files). */
const char *const *work_columns(const struct work_type *t);

/* Checks a record read from an import's CSV file (app/work_import) as the office's write of it
 * would be checked: the values and their lists (measures, kinds, statuses), the dates within
 * the round, the task of that round, the need or commitment of the same target and round, the
 * unit serving its target. The database as the import has left it so far is asked. */
enum bf_status work_check_import(struct app *app, const struct work_rec *r, struct work_error *e);

#endif
