/* score: needs table, target needs, pair scores and their breakdowns; see score.h. */
#include "core/score.h"
#include "util/csvio.h"
#include "util/xalloc.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void score_table_defaults(struct score_table *t)
{
	static const double bonus[SCORE_MAX_MEMBERS] = { 6, 3, 1 }; /* the rest 0 */

	memset(t, 0, sizeof *t);
	t->continuity = 4;
	t->continuity_role = 2;
	t->member_cost = 0;
	t->keep = 100;
	t->stability = 0.0001;
	t->member_min = 1;
	t->member_max = 3;
	memcpy(t->bonus, bonus, sizeof bonus);
}

void score_table_release(struct score_table *t)
{
	free(t->rules);
	t->rules = NULL;
	t->nrules = 0;
}

/* ---- parsing ---------------------------------------------------------------------------- */

struct parse {
	struct score_table *t;
	const char *name;
	struct buf *why;
	int col[SCORE_NDIM + 3];   /* field index of condition, value, dims..., note; -1 missing */
	size_t nerr, cap;
	bool header_done;
};

enum { C_COND = 0, C_VALUE = 1, C_DIM = 2, C_NOTE = 2 + SCORE_NDIM };

__attribute__((format(printf, 3, 4)))
static void perr(struct parse *p, size_t line, const char *fmt, ...)
{
	va_list ap;
	if (p->why->len)
		buf_addc(p->why, '\n');
	if (line)
		buf_addf(p->why, "%s:%zu: ", p->name, line);
	else
		buf_addf(p->why, "%s: ", p->name);
	va_start(ap, fmt);
	buf_vaddf(p->why, fmt, ap);
	va_end(ap);
	p->nerr++;
}

static const char *column_name(int c)
{
	if (c == C_COND)
		return "condition";
	if (c == C_VALUE)
		return "value";
	if (c == C_NOTE)
		return "note";
	return model_strengths[c - C_DIM];
}

static void header(struct parse *p, const struct csvio_row *row)
{
	for (int c = 0; c <= C_NOTE; c++)
		p->col[c] = -1;
	for (size_t i = 0; i < row->nfields; i++) {
		const char *f = row->fields[i] ? row->fields[i] : "";
		int c = 0;
		if (i == 0 && strncmp(f, "\xEF\xBB\xBF", 3) == 0)
			f += 3;
		while (c <= C_NOTE && strcmp(column_name(c), f) != 0)
			c++;
		if (c > C_NOTE)
			perr(p, row->line, "unknown column '%s' (columns: condition, value, the "
					   "strengths industry ... business_env, note)", f);
		else
			p->col[c] = (int)i;
	}
	if (p->col[C_COND] < 0 || p->col[C_VALUE] < 0)
		perr(p, row->line, "the columns 'condition' and 'value' are required");
}

static const char *field(const struct parse *p, const struct csvio_row *row, int c)
{
	int i = p->col[c];
	if (i < 0 || (size_t)i >= row->nfields || !row->fields[i])
		return "";
	return row->fields[i];
}

static bool number(const char *s, double *out)
{
	char *end;
	if (!*s) {
		*out = 0;
		return true;
	}
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out);
}

static bool ident(const char *s, size_t n)
{
	if (n == 0 || n >= 48)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '.' || s[i] == '-'))
			return false;
	return true;
}

/* "NAME OP NUMBER" with OP one of <, <=, >, >=, =. */
static bool parse_comparison(const char *s, struct score_rule *r)
{
	size_t n = strcspn(s, "<>=");
	const char *op = s + n;
	size_t oplen = (op[0] && op[1] == '=' && op[0] != '=') ? 2 : 1;

	if (!*op || !ident(s, n))
		return false;
	memcpy(r->word, s, n);
	r->word[n] = '\0';
	if (op[0] == '<')
		r->op = oplen == 2 ? OP_LE : OP_LT;
	else if (op[0] == '>')
		r->op = oplen == 2 ? OP_GE : OP_GT;
	else
		r->op = OP_EQ;
	return *(op + oplen) && number(op + oplen, &r->value);
}

static bool parse_condition(const char *s, struct score_rule *r)
{
	if (strcmp(s, "*") == 0) {
		r->kind = COND_ALL;
		return true;
	}
	if (strncmp(s, "class=", 6) == 0 || strncmp(s, "kind=", 5) == 0) {
		bool cls = s[0] == 'c';
		const char *w = s + (cls ? 6 : 5);
		r->kind = cls ? COND_CLASS : COND_KIND;
		snprintf(r->word, sizeof r->word, "%s", w);
		return model_enum_index(cls ? model_classes : model_kinds, w) >= 0;
	}
	if (strcmp(s, "old_area=1") == 0 || strcmp(s, "old_area=0") == 0) {
		r->kind = COND_OLD_AREA;
		r->value = s[9] - '0';
		return true;
	}
	r->kind = COND_INDICATOR;
	return parse_comparison(s, r);
}

/* set:NAME rows: the parameters. */
static bool set_param(struct score_table *t, const char *name, double v)
{
	struct { const char *name; double *p; } reals[] = {
		{ "continuity", &t->continuity }, { "continuity_role", &t->continuity_role },
		{ "member_cost", &t->member_cost }, { "keep", &t->keep },
		{ "stability", &t->stability },
	};
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++)
		if (strcmp(name, reals[i].name) == 0) {
			*reals[i].p = v;
			return true;
		}
	if (strcmp(name, "member_min") == 0 || strcmp(name, "member_max") == 0) {
		if (v != floor(v) || v < 0 || v > SCORE_MAX_MEMBERS)
			return false;
		*(name[8] == 'i' ? &t->member_min : &t->member_max) = (int)v;
		return true;
	}
	if (strncmp(name, "bonus_", 6) == 0 && name[6] >= '1' && name[6] <= '9' &&
	    strspn(name + 6, "0123456789") == strlen(name + 6) && strlen(name + 6) <= 2) {
		int k = atoi(name + 6);
		if (k > SCORE_MAX_MEMBERS)
			return false;
		t->bonus[k - 1] = v;
		return true;
	}
	return false;
}

static void data_row(struct parse *p, const struct csvio_row *row)
{
	const char *cond = field(p, row, C_COND);
	struct score_rule r;
	double v;

	memset(&r, 0, sizeof r);
	if (!number(field(p, row, C_VALUE), &v)) {
		perr(p, row->line, "column 'value': '%s' is not a number", field(p, row, C_VALUE));
		return;
	}
	for (int d = 0; d < SCORE_NDIM; d++)
		if (!number(field(p, row, C_DIM + d), &r.need[d]))
			perr(p, row->line, "column '%s': '%s' is not a number", model_strengths[d],
			     field(p, row, C_DIM + d));
	if (strncmp(cond, "set:", 4) == 0) {
		if (!set_param(p->t, cond + 4, v))
			perr(p, row->line, "'%s': no such parameter or a bad value (parameters: "
					   "continuity, continuity_role, member_cost, keep, "
					   "stability, member_min, member_max, bonus_1 ... "
					   "bonus_16)", cond);
		return;
	}
	if (strncmp(cond, "lead:", 5) == 0) {
		int c = model_enum_index(model_categories, cond + 5);
		if (c < 0) {
			perr(p, row->line, "'%s': not a unit category", cond);
			return;
		}
		p->t->can_lead[c] = true;
		p->t->lead_weight[c] = v;
		return;
	}
	if (strlen(cond) >= sizeof r.condition || !parse_condition(cond, &r)) {
		perr(p, row->line, "condition '%s': write *, class=CLASS, kind=KIND, old_area=1, "
				   "INDICATOR<NUMBER (or <=, >, >=, =), set:PARAMETER or lead:CATEGORY",
		     cond);
		return;
	}
	snprintf(r.condition, sizeof r.condition, "%s", cond);
	snprintf(r.note, sizeof r.note, "%s", field(p, row, C_NOTE));
	r.support = v;
	{
		void *a = p->t->rules;
		xgrow(&a, &p->cap, p->t->nrules + 1, sizeof r);
		p->t->rules = a;
	}
	p->t->rules[p->t->nrules++] = r;
}

static bool on_row(const struct csvio_row *row, void *ctx)
{
	struct parse *p = ctx;
	if (!p->header_done) {
		header(p, row);
		p->header_done = true;
	} else if (p->col[C_COND] >= 0 && p->col[C_VALUE] >= 0) {
		data_row(p, row);
	}
	return p->nerr < 20;
}

static void check_params(struct parse *p)
{
	const struct score_table *t = p->t;
	size_t end = 0;
	bool lead = false;

	if (t->member_min < 1)
		perr(p, end, "set:member_min must be at least 1: a group needs a member (S5, rule "
			     "group-shape)");
	if (t->member_max < t->member_min)
		perr(p, end, "set:member_max (%d) is below set:member_min (%d)", t->member_max,
		     t->member_min);
	for (int k = 1; k < t->member_max && k < SCORE_MAX_MEMBERS; k++)
		if (t->bonus[k] > t->bonus[k - 1])
			perr(p, end, "bonus_%d (%g) is above bonus_%d (%g): the marginal bonuses must "
				     "not increase", k + 1, t->bonus[k], k, t->bonus[k - 1]);
	for (int c = 0; c < SCORE_NCAT; c++)
		lead = lead || t->can_lead[c];
	if (!lead)
		perr(p, end, "no lead:CATEGORY row: no unit could lead a group");
}

bool score_table_parse(const char *text, size_t len, const char *name, struct score_table *t,
		       struct buf *why)
{
	struct parse p = { .t = t, .name = name, .why = why };
	size_t line = 0;
	struct buf cwhy = BUF_INIT;

	score_table_defaults(t);
	if (!csvio_read(text, len, on_row, &p, &line, &cwhy))
		perr(&p, line, "%s", buf_cstr(&cwhy));
	buf_release(&cwhy);
	if (!p.header_done)
		perr(&p, 1, "the table is empty: give a header and rows");
	if (!p.nerr)
		check_params(&p);
	if (p.nerr) {
		score_table_release(t);
		return false;
	}
	return true;
}

/* ---- needs ------------------------------------------------------------------------------ */

static double latest(const struct registry *r, size_t t, const char *name)
{
	double v = NAN;
	long year = 0;
	for (size_t k = r->target_indicators.off[t]; k < r->target_indicators.off[t + 1]; k++) {
		const struct bf_indicator *x = &r->indicators[r->target_indicators.items[k]];
		if (strcmp(x->name, name) == 0 && x->year > year) {
			year = x->year;
			v = x->value;
		}
	}
	return v;
}

double score_indicator(const struct registry *r, size_t t, const char *name)
{
	if (strcmp(name, "gdp_per_head") == 0) {
		double gdp = latest(r, t, "gdp"), pop = latest(r, t, "pop_resident");
		return pop > 0 ? gdp * 1e8 / pop : NAN;
	}
	if (strcmp(name, "pop_density") == 0) {
		double pop = latest(r, t, "pop_resident"), land = latest(r, t, "land_area");
		return land > 0 ? pop / land : NAN;
	}
	return latest(r, t, name);
}

static bool compare(double a, enum score_op op, double b)
{
	switch (op) {
	case OP_LT: return a < b;
	case OP_LE: return a <= b;
	case OP_GT: return a > b;
	case OP_GE: return a >= b;
	case OP_EQ: return a == b;
	}
	return false;
}

static bool holds(const struct score_rule *rule, const struct registry *r, size_t t)
{
	const struct bf_target *x = &r->targets[t];
	double v;

	switch (rule->kind) {
	case COND_ALL:
		return true;
	case COND_CLASS:
		return x->classes && model_list_has(x->classes, rule->word);
	case COND_KIND:
		return x->kind >= 0 && strcmp(model_kinds[x->kind], rule->word) == 0;
	case COND_OLD_AREA:
		return x->old_area == (long)rule->value;
	case COND_INDICATOR:
		v = score_indicator(r, t, rule->word);
		return !isnan(v) && compare(v, rule->op, rule->value);
	}
	return false;
}

void score_target_needs(const struct score_table *st, const struct registry *r, size_t t,
			struct score_needs *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < st->nrules; i++) {
		const struct score_rule *rule = &st->rules[i];
		if (!holds(rule, r, t))
			continue;
		for (int d = 0; d < SCORE_NDIM; d++)
			out->need[d] += rule->need[d];
		out->support += rule->support;
		if (out->nmatched < sizeof out->matched / sizeof out->matched[0])
			out->matched[out->nmatched++] = i;
	}
}

/* ---- pairs ------------------------------------------------------------------------------ */

size_t score_previous_round(const struct registry *r, size_t round)
{
	size_t best = REG_NONE;
	if (round == REG_NONE)
		return REG_NONE;
	for (size_t i = 0; i < r->nrounds; i++)
		if (r->rounds[i].start < r->rounds[round].start &&
		    (best == REG_NONE || r->rounds[i].start > r->rounds[best].start))
			best = i;
	return best;
}

int score_previous_role(const struct registry *r, size_t prev, size_t t, size_t u)
{
	if (prev == REG_NONE)
		return -1;
	for (size_t k = r->target_groups.off[t]; k < r->target_groups.off[t + 1]; k++) {
		size_t g = r->target_groups.items[k];
		int role;
		if (r->groups[g].round_ix == prev && (role = registry_member_role(r, g, u)) >= 0)
			return role;
	}
	return -1;
}

bool score_can_lead(const struct score_table *st, const struct bf_unit *u)
{
	return u->category >= 0 && u->category < SCORE_NCAT && st->can_lead[u->category];
}

unsigned score_unit_mask(const struct bf_unit *u)
{
	unsigned mask = 0;
	for (int d = 0; d < SCORE_NDIM; d++)
		if (u->strengths && model_list_has(u->strengths, model_strengths[d]))
			mask |= 1u << d;
	return mask;
}

double score_fit(const struct score_needs *n, unsigned mask)
{
	double fit = 0;
	for (int d = 0; d < SCORE_NDIM; d++)
		if (mask & (1u << d))
			fit += n->need[d];
	return fit;
}

double score_total(const struct score_table *st, const struct bf_unit *u, double fit, int role,
		   int prev_role, bool keep)
{
	struct score_breakdown b;
	b.fit_total = fit;
	b.lead_weight = role == ROLE_LEAD && score_can_lead(st, u) ? st->lead_weight[u->category]
								    : 0;
	b.member_cost = role == ROLE_MEMBER ? -st->member_cost : 0;
	b.continuity = prev_role < 0 ? 0 : prev_role == role ? st->continuity
							       : st->continuity_role;
	b.keep = keep ? st->keep : 0;
	return b.fit_total + b.lead_weight + b.continuity + b.member_cost + b.keep;
}

void score_pair(const struct score_table *st, const struct bf_unit *u,
		const struct score_needs *n, int role, int prev_role, bool keep,
		struct score_breakdown *out)
{
	unsigned mask = score_unit_mask(u);
	memset(out, 0, sizeof *out);
	for (int d = 0; d < SCORE_NDIM; d++)
		if (mask & (1u << d))
			out->fit[d] = n->need[d];
	out->fit_total = score_fit(n, mask);
	if (role == ROLE_LEAD && score_can_lead(st, u))
		out->lead_weight = st->lead_weight[u->category];
	if (role == ROLE_MEMBER)
		out->member_cost = -st->member_cost;
	if (prev_role >= 0)
		out->continuity = prev_role == role ? st->continuity : st->continuity_role;
	if (keep)
		out->keep = st->keep;
	out->total = score_total(st, u, out->fit_total, role, prev_role, keep);
}

void score_target_bonus(const struct score_table *st, const struct score_needs *n,
			double *bonus)
{
	double f = 1 + (n->support < -1 ? -1 : n->support);
	for (int k = 0; k < st->member_max; k++)
		bonus[k] = st->bonus[k] * f;
}
