# A quote opened on line 3 and never closed.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/unterminated-quote/* .
$ bangfu import targets.csv
bangfu: targets.csv:3: malformed CSV: a quoted field is never closed
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
