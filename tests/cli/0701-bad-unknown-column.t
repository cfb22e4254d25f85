# An unknown column (colour) in the header: nothing is imported.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/unknown-column/* .
$ bangfu import units.csv
bangfu: units.csv:1: column 'colour': unknown column; the columns of units.csv are code,name_zh,name_en,category,capacity,strengths,verified,note
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
