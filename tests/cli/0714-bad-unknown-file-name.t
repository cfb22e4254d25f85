# A file whose name is not one of the seven bangfu files.
$ bangfu init > /dev/null && bangfu export before
exported 7 files to before
$ cp $TESTDIR/data/bad/unknown-file-name/* .
$ bangfu import foo.csv
bangfu: foo.csv: not a bangfu file name; expected one of rounds.csv, targets.csv, units.csv, groups.csv, members.csv, cadres.csv, indicators.csv
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 7 files to after
