# Empty lines are ignored but still counted: the bad kind on line 6 (after blank lines 2, 4
# and 5) is reported on line 6.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/blank-lines/* .
$ bangfu import targets.csv
bangfu: targets.csv:6: column 'kind': 'town' is not one of: county, autonomous_county, county_city, district
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
