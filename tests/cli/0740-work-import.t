# The work's CSV files (docs/work.md) import beside the bundled registry: rows per file; a bad
# cell is refused naming file, line and column, and nothing of the import is written (the
# export before and after are the same); the export gives the work back, and an empty
# database that imports the whole export (registry and work in one transaction) exports the
# same files. A policy's tasks leave the database whole for backup's integrity check.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp -r $TESTDIR/data/work/* .
$ bangfu import bad-amount
bangfu: bad-amount/resources.csv:3: column 'amount': '1.5' is not a whole number from 1 to 1000000000000000
bangfu: nothing was imported
[1]
$ bangfu import bad-need
bangfu: bad-need/commitments.csv:3: column 'need': '9009' is not a known need of the same target and round (needs.csv), neither in this import nor in the database
bangfu: nothing was imported
[1]
$ bangfu import bad-status
bangfu: bad-status/commitments.csv:3: column 'status': 'underway': the database refuses it (CHECK constraint failed: status IN ('planned', 'in_progress', 'delivered', 'confirmed', 'dropped'))
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
$ bangfu import good
imported 2 rows from needs.csv (UTF-8), 3 rows from commitments.csv (UTF-8), 2 rows from resources.csv (UTF-8), 1 row from policies.csv (UTF-8)
$ bangfu backup c.db | cut -d: -f1
backed up bangfu.db to c.db
$ bangfu export a && for f in needs commitments resources policies; do tail -c +4 a/$f.csv | grep -c '^900'; done
exported 12 files to a
2
3
2
1
$ tail -n 1 a/policies.csv
9001,2023-2026,U028,关于支持山区县茶产业发展的若干措施,,2024-08-01,农业,440222;440224,A3;A4,,0
$ bangfu --db b.db init --empty > /dev/null && bangfu --db b.db import a > /dev/null && bangfu --db b.db export b
exported 12 files to b
$ diff -r a b && echo same
same
