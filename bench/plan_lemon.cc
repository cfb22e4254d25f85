// bench/plan_lemon.cc: the planner's peer for `make bench`. Reads a bangfu planner instance
// (JSON, with jansson), builds the same min-cost circulation as src/core/plan.c (docs/planner.md,
// "The network"; a unit with "copies" n stands for n alike units: its bounds and its pair and
// member arcs carry n) and solves it with LEMON's NetworkSimplex (block search). Prints one JSON line:
// {"status", "objective", "seconds"} where seconds covers building the graph and solving (the
// best of RUNS, default 1).
// Build: g++ -O2 -std=c++17 bench/plan_lemon.cc -ljansson (bench/plan does it).
#include <jansson.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <unordered_map>
#include <vector>

using namespace lemon;
typedef SmartDigraph G;
static long long scaled(double x) { return std::llround(x * 1e6); }

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		std::fprintf(stderr, "usage: plan_lemon INSTANCE.json [RUNS]\n");
		return 2;
	}
	json_error_t je;
	json_t *root = json_load_file(argv[1], 0, &je);
	if (!root) {
		std::fprintf(stderr, "plan_lemon: %s: %s\n", argv[1], je.text);
		return 1;
	}
	json_t *units = json_object_get(root, "units"), *targets = json_object_get(root, "targets");
	json_t *pairs = json_object_get(root, "pairs"), *fixed = json_object_get(root, "fixed");
	size_t nu = json_array_size(units), nt = json_array_size(targets), np = json_array_size(pairs);
	std::unordered_map<std::string, size_t> uix, tix;
	std::vector<int> cap(nu), mn(nu), lead_ok_u(nu), copies(nu);
	for (size_t i = 0; i < nu; i++) {
		json_t *u = json_array_get(units, i);
		uix[json_string_value(json_object_get(u, "id"))] = i;
		cap[i] = (int)json_integer_value(json_object_get(u, "cap"));
		json_t *m = json_object_get(u, "min"), *cl = json_object_get(u, "can_lead");
		mn[i] = m ? (int)json_integer_value(m) : 0;
		json_t *cp = json_object_get(u, "copies"); /* a pool of alike units (docs/planner.md) */
		copies[i] = cp && json_integer_value(cp) > 1 ? (int)json_integer_value(cp) : 1;
		lead_ok_u[i] = !cl || json_is_true(cl);
	}
	struct P { size_t u, t; bool lead; double ls, ms; int fix_lead, fix_mem; };
	std::vector<P> ps(np);
	for (size_t i = 0; i < np; i++) {
		json_t *p = json_array_get(pairs, i), *l = json_object_get(p, "lead");
		ps[i].u = uix[json_string_value(json_object_get(p, "unit"))];
		ps[i].t = 0;
		ps[i].lead = l && !json_is_null(l) && lead_ok_u[ps[i].u];
		ps[i].ls = ps[i].lead ? json_number_value(l) : 0;
		ps[i].ms = json_number_value(json_object_get(p, "member"));
		ps[i].fix_lead = ps[i].fix_mem = 0;
	}
	std::vector<int> mmin(nt), mmax(nt);
	std::vector<std::vector<double>> bonus(nt);
	for (size_t t = 0; t < nt; t++) {
		json_t *x = json_array_get(targets, t), *b = json_object_get(x, "bonus");
		tix[json_string_value(json_object_get(x, "id"))] = t;
		mmin[t] = (int)json_integer_value(json_object_get(x, "mmin"));
		mmax[t] = (int)json_integer_value(json_object_get(x, "mmax"));
		for (int k = 0; k < mmax[t]; k++)
			bonus[t].push_back(b ? json_number_value(json_array_get(b, (size_t)k)) : 0.0);
	}
	std::unordered_map<unsigned long long, size_t> pix;
	for (size_t i = 0; i < np; i++) {
		json_t *p = json_array_get(pairs, i);
		ps[i].t = tix[json_string_value(json_object_get(p, "target"))];
		pix[(unsigned long long)ps[i].u * 1000003ull + ps[i].t] = i;
	}
	for (size_t i = 0; i < json_array_size(fixed); i++) {
		json_t *f = json_array_get(fixed, i);
		size_t u = uix[json_string_value(json_object_get(f, "unit"))];
		size_t t = tix[json_string_value(json_object_get(f, "target"))];
		P &p = ps[pix[(unsigned long long)u * 1000003ull + t]];
		(std::string(json_string_value(json_object_get(f, "role"))) == "lead" ? p.fix_lead : p.fix_mem) = 1;
	}
	int runs = argc == 3 ? std::atoi(argv[2]) : 1;
	double best = 1e300, cpu_best = 1e300;
	for (int run = 0; run < runs; run++) {
	auto t0 = std::chrono::steady_clock::now();
	std::clock_t c0 = std::clock();
	G g;
	G::ArcMap<int> lo(g), up(g);
	G::ArcMap<long long> cost(g);
	long long constant = 0, total = 0;
	auto arc = [&](G::Node a, G::Node b, int l, int u, long long c) {
		G::Arc e = g.addArc(a, b);
		lo[e] = l, up[e] = u, cost[e] = c;
	};
	G::Node S = g.addNode(), T = g.addNode();
	std::vector<G::Node> un(nu), ln(nt), mnode(nt);
	for (size_t i = 0; i < nu; i++) {
		un[i] = g.addNode();
		total += (long long)cap[i] * copies[i];
	}
	for (size_t t = 0; t < nt; t++)
		ln[t] = g.addNode(), mnode[t] = g.addNode();
	arc(T, S, 0, (int)total, 0);
	for (size_t i = 0; i < nu; i++)
		arc(S, un[i], mn[i] * copies[i], cap[i] * copies[i], 0);
	for (size_t t = 0; t < nt; t++) {
		arc(ln[t], T, 1, 1, 0);
		if (mmin[t] > 0) {
			arc(mnode[t], T, mmin[t], mmin[t], 0);
			for (int k = 0; k < mmin[t]; k++)
				constant += scaled(bonus[t][(size_t)k]);
		}
		for (int k = mmin[t]; k < mmax[t];) {
			int j = k + 1;
			while (j < mmax[t] && scaled(bonus[t][(size_t)j]) == scaled(bonus[t][(size_t)k]))
				j++;
			arc(mnode[t], T, 0, j - k, -scaled(bonus[t][(size_t)k]));
			k = j;
		}
	}
	for (size_t i = 0; i < np; i++) {
		const P &p = ps[i];
		G::Node from = un[p.u];
		if (cap[p.u] >= 2 && p.lead) {
			G::Node pn = g.addNode();
			arc(from, pn, p.fix_lead || p.fix_mem, copies[p.u], 0);
			from = pn;
		}
		if (p.lead)
			arc(from, ln[p.t], p.fix_lead, 1, -scaled(p.ls));
		arc(from, mnode[p.t], p.fix_mem, copies[p.u], -scaled(p.ms));
	}
	NetworkSimplex<G, int, long long> ns(g);
	ns.lowerMap(lo).upperMap(up).costMap(cost);
	NetworkSimplex<G, int, long long>::ProblemType r = ns.run();
	double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
	double cpu = (double)(std::clock() - c0) / CLOCKS_PER_SEC;
	if (secs < best)
		best = secs;
	if (cpu < cpu_best)
		cpu_best = cpu;
	if (run + 1 < runs)
		continue;
	secs = best;
	if (r == NetworkSimplex<G, int, long long>::OPTIMAL)
		std::printf("{\"status\": \"optimal\", \"objective\": %.6f, \"seconds\": %.6f, "
			    "\"cpu\": %.6f, \"nodes\": %d, \"arcs\": %d}\n",
			    (double)(constant - ns.totalCost()) / 1e6, secs, cpu_best, countNodes(g),
			    countArcs(g));
	else
		std::printf("{\"status\": \"infeasible\", \"objective\": null, \"seconds\": %.6f, "
			    "\"cpu\": %.6f}\n", secs, cpu_best);
	}
	json_decref(root);
	return 0;
}
