# A required column (verified) missing from the header: nothing is imported.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/missing-column/* .
$ bangfu import targets.csv
bangfu: targets.csv:1: column 'verified': missing from the header (required columns of targets.csv: adcode,name_zh,prefecture,kind,old_area,verified)
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
