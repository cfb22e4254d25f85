# A GB18030 targets.csv (as Chinese Excel saves CSV) is detected and imported; the Chinese
# text reads back correctly.
$ bangfu init > /dev/null
$ iconv -f UTF-8 -t GB18030 $TESTDIR/data/encodings/targets.csv > targets.csv
$ bangfu import targets.csv
imported 2 rows from targets.csv (GB18030)
$ bangfu show target 449901 --as-of 2026-06-30 --format json
{
  "target": {
    "adcode": "449901",
    "name_zh": "测试县",
    "name_en": "Test County",
    "prefecture": "湛江市",
    "kind": "county",
    "old_area": 0,
    "classes": "coastal;agricultural",
    "region": "沿海经济带-西翼",
    "lon": 110.1,
    "lat": 21.7,
    "verified": 0,
    "note": "测试数据（示例）"
  },
  "groups": [],
  "cadres": [],
  "indicators": []
}
$ bangfu show target 449902 --as-of 2026-06-30 --format json | grep -E '"(name_zh|prefecture|region)"'
    "name_zh": "测试自治县",
    "prefecture": "韶关市",
    "region": "北部生态发展区",
