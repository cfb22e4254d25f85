# bangfu plan --pairs sparse: a small data set of bench/gen_national.py (60 targets, 600 units;
# SYNTHETIC) with its needs table. The sparse instance keeps a few of the 36,000 unit x target
# pairs (alike units pooled), prices every left-out pair against the optimum's potentials and
# proves that none could improve it: the objective is the one over every pair (--pairs all).
# Under the bundled needs table (3 members at most) the round is infeasible and the answer
# says that the instance was pruned.
$ python3 "$TESTDIR/../bench/gen_national.py" data 60 600 3000 > /dev/null; bangfu init --empty > /dev/null; bangfu import data > /dev/null
$ bangfu plan --round 2023-2026 --needs data/plan-needs.csv --pairs sparse --format json 2>/dev/null > sparse.json; jq -c '[.status, .instance.sparse, .instance.optimality, .instance.pairs_possible, .instance.pairs < 10000, .instance.note]' sparse.json
["optimal",true,"proven",36000,true,null]
$ jq -r .instance.proof sparse.json
none of the [0-9]+ left-out pairs has a negative reduced cost under the optimal potentials: the optimum is the optimum over every pair (re)
$ bangfu plan --round 2023-2026 --needs data/plan-needs.csv --pairs all --format json 2>/dev/null > all.json; jq -c '[.instance.sparse, .instance.optimality, .objective]' all.json; jq .objective sparse.json
[false,"complete",1948.5625]
1948.5625
$ jq -c '[.statistics.units_used, .statistics.groups]' sparse.json all.json
[600,60]
[600,60]
$ jq -r '.groups[].units[].unit' sparse.json | sort | uniq -c | awk '$1 > 2' | wc -l
0
$ bangfu plan --round 2023-2026 --needs data/plan-needs.csv --pairs sparse 2>/dev/null | sed -n 2,3p
稀疏实例 sparse instance: [0-9]+ of 36000 pairs \([0-9]+ first, [0-9]+ added in [0-9]+ pricing rounds\) (re)
最优性 optimality: proven: none of the [0-9]+ left-out pairs has a negative reduced cost under the optimal potentials: the optimum is the optimum over every pair (re)
$ bangfu plan --round 2023-2026 --pairs sparse --format json 2>/dev/null | jq -r '.status, .instance.optimality, .instance.note'
infeasible
pruned
the instance was pruned to [0-9]+ of 36000 pairs and is infeasible as pruned \(found by the checks before any flow\): the reason names only the pairs kept \(--pairs all checks every pair\) (re)
[1]
$ bangfu plan --round 2023-2026 --pairs many
bangfu plan: --pairs 'many': use auto, all or sparse (re)
.* (re)
[2]
