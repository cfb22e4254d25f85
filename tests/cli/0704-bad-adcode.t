# An adcode with 5 digits (44088).
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/bad-adcode/* .
$ bangfu import targets.csv
bangfu: targets.csv:2: column 'adcode': '44088' is not a county-level code: 6 digits not ending in 00, e.g. 440881
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
