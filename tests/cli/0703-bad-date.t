# A date that does not exist (2024-02-30).
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/bad-date/* .
$ bangfu import cadres.csv
bangfu: cadres.csv:2: column 'start': '2024-02-30' is not a date; write YYYY-MM-DD, e.g. 2023-11-16
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
