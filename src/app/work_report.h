/* work_report: the groups' work summed up (issue 11 §7): GET /api/v1/reports/work?by=... and
 * `bangfu report work --by ...`, and one county's annual summary (GET
 * /api/v1/reports/county/{adcode}). The sums come from the running-sum tables that triggers
 * keep (store/work_report), so a report reads a few thousand rows whatever the number of
 * commitments and resources; the registry maps targets to prefectures, classes and groups and
 * gives the population and GDP. Money is integer yuan end to end; only the ratios (yuan per
 * head, per 亿元 of GDP) are reals. A unit sees the rows of the targets of its groups in the
 * round asked only (not another round's), a county its own: core/work's read scope, the
 * work's lists' own. JSON answers are cached, bounded in bytes, keyed on both
 * change counters (the registry's and the work's), the query and the reader's scope. */
#ifndef BF_WORK_REPORT_H
#define BF_WORK_REPORT_H
#include <jansson.h>
#include "app/app.h"
#include "core/access.h"
#include "core/registry.h"
#include "util/blob.h"
#include "util/buf.h"
#include "util/err.h"

/* What a row is: by target, group, unit, prefecture, domain, task or class (NULL-ended). */
extern const char *const work_report_bys[];
/* The items' keys for CSV and XLSX, in order (the measures as one text column). */
extern const char *const work_report_columns[];

struct work_report_opts {
	const char *round; /* NULL: the round in progress on as_of */
	bf_day as_of;      /* overdue: due before this day and still planned or in progress */
	const char *by;    /* one of work_report_bys; NULL: target */
};

/* The report: {"by", "round", "as_of", "scope", "items": [...], "total": {...},
 * "targets_lacking_population", "targets_lacking_gdp", "note", "note_zh"}. A bad by is
 * BF_EUSAGE naming the choices; an unknown round BF_EUSAGE listing them. */
enum bf_status work_report_run(struct app *app, const struct registry *r,
			       const struct principal *who, const struct work_report_opts *o,
			       json_t **out, struct bf_err *err);
/* The same as compact JSON in *out, answered from the cache when neither counter
 * (generation: the registry's, as the caller loaded it) has moved since. *out is the cached
 * bytes themselves, not a copy, with a reference the caller drops (blob_unref) once sent: the
 * cache may drop its own meanwhile. With gzip (the client accepts it), an answer of a kilobyte
 * or more comes gzip-compressed (compressed once, when computed) and *gzipped is true. On
 * failure *out is NULL. */
enum bf_status work_report_answer(struct app *app, const struct registry *r,
				  long long generation, const struct principal *who,
				  const struct work_report_opts *o, bool gzip, struct blob **out,
				  bool *gzipped, struct bf_err *err);
/* Bytes of cached answers at most (default 16 MiB; 0: no cache). */
void work_report_cache_limit(size_t bytes);

/* One county's summary for a round: the target, its group with units and cadres on post, the
 * needs, commitments by status with the overdue ones, resources by kind, policies, and its
 * indicators against the round's baseline (report indicators). BF_ENOTFOUND for an unknown
 * adcode or one the reader may not see. */
enum bf_status work_report_county(struct app *app, const struct registry *r,
				  const struct principal *who, const char *adcode,
				  const struct work_report_opts *o, json_t **out,
				  struct bf_err *err);

#endif
