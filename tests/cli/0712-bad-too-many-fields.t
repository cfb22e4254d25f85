# A row with more fields than the header.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/too-many-fields/* .
$ bangfu import members.csv
bangfu: members.csv:2: has 5 fields but the header has 4
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
