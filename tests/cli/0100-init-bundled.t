# init loads the bundled Guangdong data: 156 units, 62 targets, 62 groups, 190 cadres on post
# on 2026-06-30; the summary and coverage reports (table and JSON) and `check` all agree.
$ bangfu init
created bangfu.db
loaded the bundled Guangdong data set (data/guangdong/SOURCES.md): 1 rounds.csv, 62 targets.csv, 156 units.csv, 62 groups.csv, 170 members.csv, 196 cadres.csv, 336 indicators.csv
loaded the groups' work (data/guangdong/work): 12 tasks.csv, 382 needs.csv, 676 commitments.csv, 469 resources.csv, 87 policies.csv
note: pairings other than 廉江市's, and every cadre, are illustrative demonstration data (示例数据), and so is the work except the tasks' article wording (the 12 tasks themselves are judgement, 判断)
account admin, password [A-Za-z0-9]{16} \(shown once: write it down, or set another with `bangfu user passwd admin --password-stdin`\) (re)
$ bangfu report summary --as-of 2026-06-30
round            2023-2026
as_of            2026-06-30
units            156
units_assisting  156
targets          62
covered          62
groups           62
cadres_on_post   190
$ bangfu report summary --as-of 2026-06-30 --format json
{
  "round": "2023-2026",
  "as_of": "2026-06-30",
  "units": 156,
  "units_assisting": 156,
  "targets": 62,
  "covered": 62,
  "groups": 62,
  "cadres_on_post": 190
}
$ bangfu report coverage --as-of 2026-06-30 --format json
{
  "round": "2023-2026",
  "targets": 62,
  "covered": 62,
  "uncovered": []
}
$ bangfu check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✓ cadre-quota          S6    0  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
all rules pass · 全部规则通过
