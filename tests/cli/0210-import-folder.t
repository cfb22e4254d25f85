# Importing a folder reports rows and encoding per file, in dependency order; the export
# gives the files back (they are already sorted by key), each with a UTF-8 BOM added, and the
# work's five files (empty here: the small set has no work).
$ bangfu init --empty > /dev/null
$ bangfu import $TESTDIR/data/small
imported 1 row from rounds.csv (UTF-8), 3 rows from targets.csv (UTF-8), 5 rows from units.csv (UTF-8), 3 rows from groups.csv (UTF-8), 6 rows from members.csv (UTF-8), 7 rows from cadres.csv (UTF-8), 10 rows from indicators.csv (UTF-8)
$ bangfu export out
exported 12 files to out
$ ls out
cadres.csv
commitments.csv
groups.csv
indicators.csv
members.csv
needs.csv
policies.csv
resources.csv
rounds.csv
targets.csv
tasks.csv
units.csv
$ for f in out/*.csv; do head -c 3 $f | od -An -tx1; done | uniq -c
     12  ef bb bf
$ for f in $TESTDIR/data/small/*.csv; do tail -c +4 out/${f##*/} | diff $f -; done
