# 10 MB of random bytes as cadres.csv: rejected as not text, nothing imported. The bytes differ
# on each run: the message is a regex (it also allows the 1-in-30000 chance that the bytes
# start with a BOM).
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ head -c 10000000 /dev/urandom > cadres.csv
$ bangfu import cadres.csv
bangfu: cadres\.csv:([0-9]+: byte 0x[0-9A-F]{2} \(offset [0-9]+\) is not valid UTF-8( and the file is not GB18030 either)?; save the file as UTF-8 \(CSV UTF-8 in Excel\)| not valid UTF-16[LB]E at byte [0-9]+) (re)
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
