# Errors in one file of a folder: all errors are listed and the good file (units.csv)
# is not imported either.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp -r $TESTDIR/data/bad/two-files two-files
$ bangfu import two-files
bangfu: two-files/groups.csv:2: column 'verified': 'maybe' is not 0 or 1
bangfu: two-files/groups.csv:3: column 'target': '4408820' is not a county-level code: 6 digits not ending in 00, e.g. 440881
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
$ bangfu show unit U901 --as-of 2026-06-30
bangfu: no unit 'U901'
[1]
