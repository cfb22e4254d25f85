# export -> import into an empty database -> export gives the same files.
$ bangfu init > /dev/null
$ bangfu export a
exported 12 files to a
$ bangfu --db b.db init --empty
created b.db (empty)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu --db b.db import a
imported 1 row from rounds.csv (UTF-8 with BOM), 62 rows from targets.csv (UTF-8 with BOM), 156 rows from units.csv (UTF-8 with BOM), 62 rows from groups.csv (UTF-8 with BOM), 170 rows from members.csv (UTF-8 with BOM), 196 rows from cadres.csv (UTF-8 with BOM), 336 rows from indicators.csv (UTF-8 with BOM), 12 rows from tasks.csv (UTF-8 with BOM), 382 rows from needs.csv (UTF-8 with BOM), 676 rows from commitments.csv (UTF-8 with BOM), 469 rows from resources.csv (UTF-8 with BOM), 87 rows from policies.csv (UTF-8 with BOM)
$ bangfu --db b.db export b
exported 12 files to b
$ diff -r a b
