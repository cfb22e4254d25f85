# A file with 61 bad rows: the first 50 errors are listed, then bangfu stops; nothing is
# imported.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ { echo adcode,name_zh,prefecture,kind,old_area,verified; for i in $(seq 10 70); do echo 4499$i,县$i,湛江市,county,0,2; done; } > targets.csv
$ bangfu import targets.csv > out 2>&1
[1]
$ head -n 2 out
bangfu: targets.csv:2: column 'verified': '2' is not 0 or 1
bangfu: targets.csv:3: column 'verified': '2' is not 0 or 1
$ tail -n 3 out
bangfu: targets.csv:51: column 'verified': '2' is not 0 or 1
bangfu: stopping after 50 errors: fix these first
bangfu: nothing was imported
$ wc -l < out
52
$ bangfu export after && diff -r before after
exported 12 files to after
