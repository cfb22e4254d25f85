# Windows line ends (CRLF) are accepted and the CR is not kept in the last field.
$ bangfu init > /dev/null
$ sed 's/$/\r/' $TESTDIR/data/encodings/targets.csv > targets.csv
$ bangfu import targets.csv
imported 2 rows from targets.csv (UTF-8)
$ bangfu show target 449901 --as-of 2026-06-30 --format json | grep -E '"(note)"'
    "note": "测试数据（示例）"
$ bangfu show target 449902 --as-of 2026-06-30 --format json | grep -E '"(note)"'
    "note": null
