# Bytes 0xFF 0xFF: neither UTF-8 nor GB18030.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/wrong-encoding/* .
$ bangfu import targets.csv
bangfu: targets.csv:2: byte 0xFF (offset 92) is not valid UTF-8 and the file is not GB18030 either; save the file as UTF-8 (CSV UTF-8 in Excel)
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
