# A file whose name is not one of the bangfu files (seven of the registry, five of the work).
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/unknown-file-name/* .
$ bangfu import foo.csv
bangfu: foo.csv: not a bangfu file name; expected one of rounds.csv, targets.csv, units.csv, groups.csv, members.csv, cadres.csv, indicators.csv, tasks.csv, needs.csv, commitments.csv, resources.csv, policies.csv
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
