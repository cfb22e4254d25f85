# A membership naming a unit that is neither in the import nor in the database.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/unknown-unit/* .
$ bangfu import members.csv
bangfu: members.csv:2: column 'unit': 'U999' is not a known unit (units.csv), neither in this import nor in the database
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
