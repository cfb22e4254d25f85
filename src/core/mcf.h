/* mcf: minimum-cost flow with lower bounds on a directed graph, exact in integers. A network
 * is built arc by arc (bounds lo <= cap, int64 costs), solved from scratch by a primal network
 * simplex (block pricing over mixed arcs, strongly feasible trees; an artificial big-M root
 * basis, so an infeasible network ends with flow left on the root's arcs, which mcf_unmet
 * reports per node), and re-optimised after changes by successive shortest paths from the
 * previous optimal flow and potentials (warm start: the work follows what changed). Changes
 * can be logged and rolled back, so one solved network serves many what-ifs. Node supplies
 * are 0: a circulation, with the demands expressed by lower bounds. No domain knowledge:
 * core/plan builds the planner's network on it. Pure: no I/O. */
#ifndef BF_MCF_H
#define BF_MCF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MCF_MAX_FLOW 1000000000 /* every bound and the sum of the capacities stay in int32 */

enum mcf_status {
	MCF_OPTIMAL,    /* a circulation within every bound at minimum cost */
	MCF_INFEASIBLE, /* no circulation meets every bound: mcf_unmet says where */
	MCF_OVERFLOW,   /* the costs are too large to add up exactly (|cost| x nodes > 1e17) */
};

struct mcf; /* opaque: the network, its last flow and potentials */

/* A network of n nodes (0 .. n-1) and no arcs; arcs_hint arcs are reserved. */
struct mcf *mcf_new(int32_t n, int32_t arcs_hint);
void mcf_free(struct mcf *m);
/* A deep copy (network, flow, potentials), without the change log. */
struct mcf *mcf_clone(const struct mcf *m);

/* Adds arc src -> dst with flow bounds [lo, cap] and cost per unit; returns its index
 * (0, 1, ...). Only before the first solve. */
int32_t mcf_add_arc(struct mcf *m, int32_t src, int32_t dst, int32_t lo, int32_t cap,
		    int64_t cost);
/* New bounds of an arc before the first solve. */
void mcf_set_bounds(struct mcf *m, int32_t arc, int32_t lo, int32_t cap);

int32_t mcf_nodes(const struct mcf *m);
int32_t mcf_arcs(const struct mcf *m);
int32_t mcf_src(const struct mcf *m, int32_t arc);
int32_t mcf_dst(const struct mcf *m, int32_t arc);
int32_t mcf_lo(const struct mcf *m, int32_t arc);
int32_t mcf_cap(const struct mcf *m, int32_t arc);
int64_t mcf_cost(const struct mcf *m, int32_t arc);

/* Solves from scratch (network simplex). big_m > 0 sets the artificial arcs' cost (it must
 * exceed the cost of any simple path); 0 computes one from the costs. */
enum mcf_status mcf_solve(struct mcf *m, int64_t big_m);
/* After a solve or resolve: the flow on an arc (within its bounds), a node's potential (the
 * reduced cost cost + pi[src] - pi[dst] of every arc is >= 0 below its capacity and <= 0 above
 * its lower bound), the total cost, and the simplex pivots or shortest paths of the last
 * solve or resolve. */
int32_t mcf_flow(const struct mcf *m, int32_t arc);
int64_t mcf_potential(const struct mcf *m, int32_t node);
int64_t mcf_total_cost(const struct mcf *m);
size_t mcf_steps(const struct mcf *m);
/* After an infeasible solve: the flow the node could not route: > 0 an excess that has no way
 * out, < 0 a deficit that nothing can meet, 0 balanced. */
int64_t mcf_unmet(const struct mcf *m, int32_t node);

/* Potentials again valid for the flow but free of the artificial root's big M: the shortest
 * reduced-cost distances from node from in the residual network added to the potentials
 * (a node from cannot reach gets the largest distance). out has mcf_nodes entries. Only
 * after an optimal solve or resolve. */
void mcf_tight_potentials(const struct mcf *m, int32_t from, int64_t *out);

/* Grows the marked set (mark[v] != 0) in the residual network of the current flow: forward,
 * with every node a marked node can reach; backward, with every node that can reach one. */
void mcf_reach(const struct mcf *m, char *mark, bool forward);

/* Warm start. After an optimal solve or resolve: changes an arc's bounds and cost, keeping
 * its flow where its reduced cost under the current potentials allows (clipped to the new
 * bounds; saturated if the reduced cost is negative, emptied if positive), so every residual
 * arc keeps a non-negative reduced cost and only node balances break. */
void mcf_change_arc(struct mcf *m, int32_t arc, int32_t lo, int32_t cap, int64_t cost);
/* Restores balance by successive shortest paths (Dijkstra on reduced costs from whichever of
 * the excess and deficit sides has fewer nodes, potentials moved on the settled nodes only).
 * MCF_OPTIMAL, or MCF_INFEASIBLE if some imbalance cannot be routed (the flow is then not a
 * circulation: roll back or solve again). */
enum mcf_status mcf_resolve(struct mcf *m);
/* Change log: after mcf_log_begin every change of mcf_change_arc and mcf_resolve is logged,
 * and mcf_log_rollback undoes them all (flow, bounds, costs, potentials), ending the log. */
void mcf_log_begin(struct mcf *m);
void mcf_log_rollback(struct mcf *m);

#endif
