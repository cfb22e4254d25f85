# A NUL byte in a field: not a text file.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/nul-byte/* .
$ bangfu import targets.csv
bangfu: targets.csv:2: contains a NUL byte; this is not a text CSV file
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
