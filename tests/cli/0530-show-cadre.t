# show cadre C0050 (JSON), and a cadre who left early: not on post, with a successor.
$ bangfu init > /dev/null
$ bangfu show cadre C0050 --as-of 2026-06-30 --format json
{
  "cadre": {
    "id": "C0050",
    "name": "陈卫军",
    "unit": "U048",
    "group": "G2023-440881",
    "rank": "division",
    "post": "市委副书记",
    "start": "2023-12-20",
    "planned_end": "2026-12-19",
    "actual_end": null,
    "predecessor": null,
    "verified": 0,
    "note": "示例数据 illustrative",
    "unit_name": "省统计局",
    "on_post": true,
    "successor": null
  },
  "target": "440881",
  "target_name": "廉江市",
  "round": "2023-2026"
}
$ bangfu show cadre C0075 --as-of 2026-06-30 --format json | grep -E '"(actual_end|on_post|successor)"'
    "actual_end": "2024-07-28",
    "on_post": false,
    "successor": "C0076"
