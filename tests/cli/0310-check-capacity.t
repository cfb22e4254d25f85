# A capacity-2 unit (U022) in a third group violates S8 (capacity); it sends a cadre, so
# nothing else is violated.
$ bangfu init > /dev/null
$ bangfu import $TESTDIR/data/rules/capacity
imported 1 row from members.csv (UTF-8), 1 row from cadres.csv (UTF-8)
$ bangfu check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✓ cadre-quota          S6    0  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
✗ capacity             S8    1  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
    - [阻止保存 blocks a save] 单位 U022 省发展改革委 参加了 3 个组团（轮次 2023-2026：G2023-440281 乐昌市, G2023-440784 鹤山市, G2023-440881 廉江市），但其帮扶容量为 2：请退出 1 个组团或提高容量（S8：经济部门和实力较强的单位可帮扶 2 个）
      unit U022 省发展改革委 is in 3 groups of round 2023-2026 (G2023-440281 乐昌市, G2023-440784 鹤山市, G2023-440881 廉江市) but its capacity is 2: remove it from 1 group(s) or raise its capacity (S8 allows 2 for economic departments and strong units)
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
1 violation of 1 rule
[1]
