#!/usr/bin/env python3
"""bench/plan_gen.py: planner instances for `make bench` (fixed seed), as bangfu JSON and as a
CPLEX-LP integer program (the model of tests/plan/oracle) for CBC.

  provincial: 156 units x 62 targets, every pair (9,672 pairs)
  national:   30,000 units x 3,000 targets, 50 allowed targets per unit (1.5M pairs)

Units: 20% may serve two targets (S8), 40% may lead; 10% of pairs have no lead score.
Targets: mmin 1..3, mmax mmin+2..mmin+5, non-increasing bonuses (the first members count most).
Scores: lead 0-100, member 0-60, two decimals (so ties are rare but possible).
usage: bench/plan_gen.py provincial|national OUT.json [OUT.lp]
"""
import importlib.machinery
import json
import os
import random
import sys


def make(kind):
    rng = random.Random(20231117)
    if kind == "provincial":
        nu, nt, per_unit = 156, 62, None
    elif kind == "regional":  # for profiling: a sixth of national
        nu, nt, per_unit = 5000, 500, 50
    else:
        nu, nt, per_unit = 30000, 3000, 50
    units = [{"id": "U%05d" % i, "cap": 2 if rng.random() < 0.2 else 1, "min": 0,
              "can_lead": rng.random() < 0.4} for i in range(nu)]
    targets = []
    for t in range(nt):
        mmin = rng.randint(1, 3) if kind == "national" else 1
        mmax = mmin + rng.randint(2, 5)
        b, bonus = round(rng.uniform(10, 30), 2), []
        for _ in range(mmax):
            bonus.append(b)
            b = round(max(0.0, b - rng.uniform(1, 8)), 2)
        targets.append({"id": "T%04d" % t, "mmin": mmin, "mmax": mmax, "bonus": bonus})
    pairs = []
    for i, u in enumerate(units):
        ts = range(nt) if per_unit is None else rng.sample(range(nt), per_unit)
        for t in ts:
            lead = round(rng.uniform(0, 100), 2) if rng.random() >= 0.1 else None
            pairs.append({"unit": u["id"], "target": targets[t]["id"], "lead": lead,
                          "member": round(rng.uniform(0, 60), 2)})
    return {"units": units, "targets": targets, "pairs": pairs, "fixed": []}


def main():
    kind, out = sys.argv[1], sys.argv[2]
    inst = make(kind)
    with open(out, "w") as f:
        json.dump(inst, f, separators=(",", ":"))
    if len(sys.argv) > 3:
        here = os.path.dirname(os.path.abspath(__file__))
        oracle = importlib.machinery.SourceFileLoader(
            "oracle", os.path.join(here, "..", "tests", "plan", "oracle")).load_module()
        oracle.write_lp(inst, sys.argv[3])


if __name__ == "__main__":
    main()
