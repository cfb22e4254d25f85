# A folder holding no .csv file.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp -r $TESTDIR/data/bad/no-csv-folder no-csv-folder
$ bangfu import no-csv-folder
bangfu: no-csv-folder: the folder holds no .csv file
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
