# An indicator name may hold letters, digits, _, - and . only: "gdp total" (a space) is refused.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/bad-indicator-name/* .
$ bangfu import indicators.csv
bangfu: indicators.csv:2: column 'name': 'gdp total' is not a valid name: 1-40 letters, digits or -_.
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
