# The bundled folder imports as a whole: its record files are read, the planner's needs table
# beside them (plan-needs.csv, read by `bangfu plan --needs`) is skipped, and its work/ subfolder
# (the work's CSV files, docs/work.md) comes in the same import.
$ bangfu init --empty > /dev/null && bangfu import "$TESTDIR/../data/guangdong"
imported 1 row from rounds.csv \(UTF-8\), 62 rows from targets.csv \(UTF-8\), 156 rows from units.csv \(UTF-8\), [0-9]+ rows from groups.csv \(UTF-8\), [0-9]+ rows from members.csv \(UTF-8\), [0-9]+ rows from cadres.csv \(UTF-8\), [0-9]+ rows from indicators.csv \(UTF-8\), 12 rows from tasks.csv \(UTF-8\), [0-9]+ rows from needs.csv \(UTF-8\), [0-9]+ rows from commitments.csv \(UTF-8\), [0-9]+ rows from resources.csv \(UTF-8\), [0-9]+ rows from policies.csv \(UTF-8\) (re)
$ bangfu check > /dev/null && echo passes
passes
$ for t in needs commitments resources policies; do echo "$t $(($(bangfu work list $t --format csv | wc -l) - 1)) $(($(wc -l < "$TESTDIR/../data/guangdong/work/$t.csv") - 1))"; done | awk '{print $1, ($2 == $3 && $2 > 0) ? "all imported" : "DIFFER " $2 " " $3}'
needs all imported
commitments all imported
resources all imported
policies all imported
