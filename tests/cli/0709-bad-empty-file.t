# An empty (0-byte) file.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/empty-file/* .
$ bangfu import cadres.csv
bangfu: cadres.csv: the file is empty; it needs at least the header line
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
