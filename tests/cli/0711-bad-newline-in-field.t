# A quoted field with a line break inside (lines 2-3): the error names line 2, and a bad
# flag on line 5 still gets its own line number.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/newline-in-field/* .
$ bangfu import targets.csv
bangfu: targets.csv:2: column 'note': contains a line break; put the text on one line
bangfu: targets.csv:5: column 'verified': 'yes' is not 0 or 1
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
