# A row whose key exists replaces the whole record: U048 gets a new name_en and its note,
# empty in the new row, becomes null; nothing else changes.
$ bangfu init > /dev/null
$ bangfu show unit U048 --as-of 2026-06-30 --format json | head -n 11
{
  "unit": {
    "code": "U048",
    "name_zh": "省统计局",
    "name_en": "Guangdong Provincial Bureau of Statistics",
    "category": "government",
    "capacity": 1,
    "strengths": "digital;planning",
    "verified": 1,
    "note": "published: leads the 廉江市 group (南方杂志 2024-05-29 县里来了工作队; nfzz.net.cn)"
  },
$ bangfu import $TESTDIR/data/replace/units.csv
imported 1 row from units.csv (UTF-8)
$ bangfu show unit U048 --as-of 2026-06-30 --format json | head -n 11
{
  "unit": {
    "code": "U048",
    "name_zh": "省统计局",
    "name_en": "Statistics Bureau of Guangdong Province",
    "category": "government",
    "capacity": 1,
    "strengths": "digital;planning",
    "verified": 1,
    "note": null
  },
$ bangfu report summary --as-of 2026-06-30 --format json | grep -E '"(units|groups)"'
  "units": 156,
  "groups": 62,
