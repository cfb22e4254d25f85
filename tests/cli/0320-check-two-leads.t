# A second lead unit in a group violates S5 (group shape); the new lead also sends no
# division-level cadre (S6).
$ bangfu init > /dev/null
$ bangfu import $TESTDIR/data/rules/two-leads/members.csv > /dev/null
$ bangfu check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✗ group-shape          S5    1  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
    - [阻止保存 blocks a save] 组团 G2023-440881（廉江市）有 2 个牵头单位：只保留一个牵头单位，其余改为成员单位
      group G2023-440881 (廉江市) has 2 lead units: keep one lead, make the others members
✗ cadre-quota          S6    1  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
    - 牵头单位 U111 广东省港航集团有限公司 在岗处级干部 0 名（廉江市，组团 G2023-440881，2026-06-30）：应恰好 1 名
      lead unit U111 广东省港航集团有限公司 has 0 division-level cadres on post in 廉江市 (group G2023-440881) on 2026-06-30: it must have exactly 1
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
2 violations of 2 rules
[1]
