# Removing the group of 廉江市 (G2023-440881) from an export and importing it into a new
# database: check fails and names target 440881 廉江市 under coverage. (The work of the
# groups is left out: its commitments for 廉江市 would be refused without a group there.)
$ bangfu init > /dev/null
$ bangfu export a > /dev/null
$ for f in groups members cadres; do grep -v G2023-440881 a/$f.csv > tmp && mv tmp a/$f.csv; done; rm a/needs.csv a/commitments.csv a/resources.csv a/policies.csv
$ bangfu --db b.db init --empty > /dev/null
$ bangfu --db b.db import a
imported 1 row from rounds.csv (UTF-8 with BOM), 62 rows from targets.csv (UTF-8 with BOM), 156 rows from units.csv (UTF-8 with BOM), 61 rows from groups.csv (UTF-8 with BOM), 167 rows from members.csv (UTF-8 with BOM), 192 rows from cadres.csv (UTF-8 with BOM), 336 rows from indicators.csv (UTF-8 with BOM), 12 rows from tasks.csv (UTF-8 with BOM)
$ bangfu --db b.db check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✗ coverage             S3    1  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
    - 帮扶对象 440881 廉江市 在轮次 2023-2026 中没有组团：请在 groups.csv 中添加一个组团（并在 members.csv 中填写牵头单位和成员单位）
      target 440881 廉江市 has no group in round 2023-2026: add one in groups.csv (with its lead and members in members.csv)
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✓ cadre-quota          S6    0  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
1 violation of 1 rule
[1]
$ bangfu --db b.db report coverage --as-of 2026-06-30 --format json
{
  "round": "2023-2026",
  "targets": 62,
  "covered": 61,
  "uncovered": [
    "440881"
  ]
}
