/* fixture: a small registry built in memory for the rule and store tests: round R
 * (2023-11-16..2026-12-31, 3 years), targets 440881 and 441423, units U1 (capacity 2), U2,
 * U3, U4, groups G1 (440881: U1 lead, U2 member) and G2 (441423: U3 lead, U4 member), and
 * one cadre per membership on post from 2024-01-01 (leads) or 2024-06-01 (members). All
 * rules pass on it as of 2025-01-01. */
#ifndef BF_FIXTURE_H
#define BF_FIXTURE_H
#include "core/registry.h"

void fixture_build(struct registry *r);
struct bf_cadre *fixture_cadre(struct registry *r, const char *id, const char *unit,
			       const char *group, int rank, const char *start, const char *end);
struct bf_member *fixture_member(struct registry *r, const char *group, const char *unit,
				 int role);
bf_day fixture_day(const char *s);

#endif
