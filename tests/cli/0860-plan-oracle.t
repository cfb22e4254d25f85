# The planner against GLPK (glpsol) on 300 random instances with a fixed seed: same status,
# same objective (1e-6), and every constraint of bangfu's assignment checked independently.
$ python3 $TESTDIR/plan/oracle --bangfu bangfu --count 300 --seed 20231117 | tail -n 1
oracle: 300 instances \([0-9]+ infeasible\), 0 failed (re)
