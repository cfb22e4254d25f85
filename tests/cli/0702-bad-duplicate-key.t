# The same key twice in one file: the second row is named with the line of the first.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/duplicate-key/* .
$ bangfu import targets.csv
bangfu: targets.csv:4: column 'adcode': duplicate key '449901' (also on targets.csv:2)
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
