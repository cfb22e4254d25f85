/* rotation: successors' arrivals and the judgement of a group's departures; see rotation.h.
 * A group has few departures at a time (its posts are a handful), so the loops below are
 * quadratic in them on purpose: plain and exact. */
#include "core/rotation.h"
#include "util/xalloc.h"
#include <stdlib.h>

const char *const rotation_whys[] = { "handover", "named", "batch", "asap" };

size_t rotation_limit(const struct rotation_group *g)
{
	return g->posts / 2;
}

/* The first days w of the spans in which d counts as a loss: [*s, *e], empty when *e < *s.
 * A span starting on w holds d when w <= last <= w + span - 1, and d is a loss in it unless
 * its successor arrived by w. */
static void loss_days(const struct rotation_opts *o, const struct rotation_departure *d,
		      bf_day arrival, bf_day *s, bf_day *e)
{
	bf_day first = d->last - (bf_day)o->span + 1;
	*s = first > o->from ? first : o->from;
	*e = arrival == BF_DAY_NONE || arrival > d->last ? d->last : arrival - 1;
}

/* How many of the departures (their arrivals in at[]) are losses in the span starting on w. */
static size_t losses_on(const struct rotation_opts *o, const struct rotation_departure *d,
			const bf_day *at, size_t n, bf_day w)
{
	size_t k = 0;
	for (size_t j = 0; j < n; j++) {
		bf_day s, e;
		loss_days(o, &d[j], at[j], &s, &e);
		k += s <= w && w <= e;
	}
	return k;
}

/* The earliest first day of a span holding more than limit losses (the count only rises at
 * some departure's first day, so those are the days to try); BF_DAY_NONE if none. With
 * limit (size_t)-1 it answers the span with the most losses, into *most. */
static bf_day worst_span(const struct rotation_opts *o, const struct rotation_departure *d,
			 const bf_day *at, size_t n, size_t limit, size_t *most)
{
	bf_day best = BF_DAY_NONE;
	*most = 0;
	for (size_t i = 0; i < n; i++) {
		bf_day s, e;
		size_t k;
		loss_days(o, &d[i], at[i], &s, &e);
		if (e < s)
			continue;
		k = losses_on(o, d, at, n, s);
		if (limit != (size_t)-1 && k > limit && (best == BF_DAY_NONE || s < best))
			best = s, *most = k;
		if (limit == (size_t)-1 && (k > *most || (k == *most && k && s < best)))
			best = s, *most = k;
	}
	return best;
}

/* The first day the lead unit has no cadre on post: it starts with lead_posts, each lead
 * departure takes one away the day after its last, each successor adds one on arrival. */
static bf_day lead_lost(const struct rotation_group *g, const struct rotation_departure *d,
			const bf_day *at, size_t n)
{
	bf_day first = BF_DAY_NONE;
	if (!g->lead_posts)
		return BF_DAY_NONE;
	for (size_t i = 0; i < n; i++) {
		bf_day x = d[i].last + 1;
		long count = (long)g->lead_posts;
		if (!d[i].lead)
			continue;
		for (size_t j = 0; j < n; j++) {
			if (!d[j].lead)
				continue;
			count -= d[j].last + 1 <= x;
			count += at[j] != BF_DAY_NONE && at[j] <= x;
		}
		if (count <= 0 && (first == BF_DAY_NONE || x < first))
			first = x;
	}
	return first;
}

/* The arrivals judged: the proposed ones, or the named successors' (BF_DAY_NONE: none). */
static bf_day *arrivals(const struct rotation_departure *d, size_t n, bool proposed)
{
	bf_day *at = xmalloc((n ? n : 1) * sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[i] = proposed ? d[i].arrival : d[i].named;
	return at;
}

void rotation_judge(const struct rotation_opts *o, const struct rotation_group *g,
		    const struct rotation_departure *d, size_t n, bool proposed,
		    struct rotation_judgement *out)
{
	bf_day *at = arrivals(d, n, proposed);

	out->limit = rotation_limit(g);
	out->window = worst_span(o, d, at, n, (size_t)-1, &out->losses);
	out->lead_lost = lead_lost(g, d, at, n);
	out->ok = out->lead_lost == BF_DAY_NONE && out->losses <= out->limit;
	free(at);
}

/* Step 1, each departure alone: the named successor if it arrives by the hand-over day (or
 * by `earliest`: no one else could come sooner), else the hand-over day, else (that day is
 * before `earliest`) `earliest`. */
static void handover(const struct rotation_opts *o, struct rotation_departure *d)
{
	bf_day day = d->last + 1 - (bf_day)o->overlap;

	if (d->named != BF_DAY_NONE && (d->named <= day || d->named <= o->earliest)) {
		d->arrival = d->named;
		d->why = ROT_NAMED;
	} else if (day < o->earliest) {
		d->arrival = o->earliest;
		d->why = ROT_ASAP;
	} else {
		d->arrival = day;
		d->why = ROT_HANDOVER;
	}
}

/* Of the departures that are losses in the span starting on w, the one whose losses reach
 * furthest (the lead unit's first among equals, then the first listed). */
static size_t furthest(const struct rotation_opts *o, const struct rotation_departure *d,
		       const bf_day *at, const bool *moved, size_t n, bf_day w)
{
	size_t pick = n;
	bf_day pe = 0;
	for (size_t j = 0; j < n; j++) {
		bf_day s, e;
		loss_days(o, &d[j], at[j], &s, &e);
		if (!(s <= w && w <= e) || moved[j])
			continue;
		if (pick == n || e > pe || (e == pe && d[j].lead && !d[pick].lead))
			pick = j, pe = e;
	}
	return pick;
}

/* The first days of the spans to try, ascending: each departure's first, as worst_span. */
static bf_day *span_starts(const struct rotation_opts *o, const struct rotation_departure *d,
			   size_t n)
{
	bf_day *w = xmalloc((n ? n : 1) * sizeof *w);
	for (size_t i = 0; i < n; i++) {
		bf_day s, e, x;
		size_t k = i;
		loss_days(o, &d[i], BF_DAY_NONE, &s, &e);
		for (x = s; k > 0 && w[k - 1] > x; k--)
			w[k] = w[k - 1];
		w[k] = x;
	}
	return w;
}

void rotation_plan(const struct rotation_opts *o, const struct rotation_group *g,
		   struct rotation_departure *d, size_t n)
{
	size_t limit = rotation_limit(g);
	bool *moved = xcalloc(n ? n : 1, sizeof *moved);
	bf_day *at, *w = span_starts(o, d, n);

	for (size_t i = 0; i < n; i++)
		handover(o, &d[i]);
	at = arrivals(d, n, true);
	/* Step 2, the group: span by span in order, while one holds more than half of the
	 * posts as losses, bring forward the successor whose loss reaches furthest, to the
	 * span's length before the departure (or `earliest`), so that it is a loss in no span
	 * (or in fewer). Moving an arrival earlier only shortens its losses, so the spans
	 * already passed stay within the limit. */
	for (size_t k = 0; k < n; k++)
		while (losses_on(o, d, at, n, w[k]) > limit) {
			size_t j = furthest(o, d, at, moved, n, w[k]);
			bf_day early;
			if (j == n)
				break; /* the span's losses cannot arrive sooner */
			early = d[j].last + 1 - (bf_day)o->span;
			if (early < o->earliest)
				early = o->earliest;
			moved[j] = true;
			if (early >= at[j])
				continue; /* it cannot come sooner than it does */
			d[j].arrival = at[j] = early;
			d[j].why = ROT_BATCH;
		}
	free(moved);
	free(at);
	free(w);
}
