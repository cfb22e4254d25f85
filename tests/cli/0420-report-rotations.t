# report rotations: terms ending within --within days of --as-of, soonest first, with the
# successor when one is named.
$ bangfu init > /dev/null
$ bangfu report rotations --as-of 2026-11-17 --within 30
round        2023-2026
as_of        2026-11-17
within_days  30

[items] 2
end         days_left  id     name    unit  unit_name         target  target_name  rank      post        successor
----------  ---------  -----  ------  ----  ----------------  ------  -----------  --------  ----------  ---------
2026-12-17  30         C0072  杨蕾婷  U034  省住房城乡建设厅  441224  怀集县       division  县委副书记
2026-12-17  30         C0145  郭红媛  U019  省高级人民法院    441624  和平县       division  县委副书记
$ bangfu report rotations --as-of 2024-07-01 --within 40 --format json
{
  "round": "2023-2026",
  "as_of": "2024-07-01",
  "within_days": 40,
  "items": [
    {
      "end": "2024-08-04",
      "days_left": 34,
      "id": "C0038",
      "name": "陈铭锐",
      "unit": "U133",
      "unit_name": "中国南方电网有限责任公司",
      "target": "440784",
      "target_name": "鹤山市",
      "rank": "middle",
      "post": "市工业园区管委会副主任",
      "successor": "C0039"
    }
  ]
}
$ bangfu report rotations --as-of 2026-06-30 --within 30 --format json
{
  "round": "2023-2026",
  "as_of": "2026-06-30",
  "within_days": 30,
  "items": []
}
