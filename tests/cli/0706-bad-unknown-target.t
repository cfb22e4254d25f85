# A group naming a target that is neither in the import nor in the database.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/unknown-target/* .
$ bangfu import groups.csv
bangfu: groups.csv:2: column 'target': '449999' is not a known target (targets.csv), neither in this import nor in the database
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
