# A file with a UTF-8 BOM and an invalid UTF-8 sequence (a truncated character, at byte 98 of
# the file): no GB18030 guess after a UTF-8 BOM.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp $TESTDIR/data/bad/invalid-utf8/* .
$ bangfu import targets.csv
bangfu: targets.csv:2: byte 0xE8 (offset 98) is not valid UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
