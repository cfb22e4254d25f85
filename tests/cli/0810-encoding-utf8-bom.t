# A UTF-8 targets.csv with a BOM is detected and imported; the BOM is not part of the first
# column's name.
$ bangfu init > /dev/null
$ printf '\357\273\277' > targets.csv && cat $TESTDIR/data/encodings/targets.csv >> targets.csv
$ bangfu import targets.csv
imported 2 rows from targets.csv (UTF-8 with BOM)
$ bangfu show target 449901 --as-of 2026-06-30 --format json | grep -E '"(adcode|name_zh|note)"'
    "adcode": "449901",
    "name_zh": "测试县",
    "note": "测试数据（示例）"
