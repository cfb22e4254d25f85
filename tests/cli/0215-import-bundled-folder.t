# The bundled folder imports as a whole: its record files are read, the planner's needs table
# beside them (plan-needs.csv, read by `bangfu plan --needs`) is skipped.
$ bangfu init --empty > /dev/null && bangfu import "$TESTDIR/../data/guangdong"
imported 1 row from rounds.csv (UTF-8), 62 rows from targets.csv (UTF-8), 156 rows from units.csv (UTF-8), 62 rows from groups.csv (UTF-8), 170 rows from members.csv (UTF-8), 197 rows from cadres.csv (UTF-8), 305 rows from indicators.csv (UTF-8)
$ bangfu check > /dev/null && echo passes
passes
