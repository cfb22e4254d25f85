# A cadre who left (actual_end) before the round ends, with no successor, violates S7
# (terms); the group's remaining three cadres leave together with the round (in its end
# window), which is no rotation: continuity holds.
$ bangfu init > /dev/null
$ bangfu import $TESTDIR/data/rules/term-ended/cadres.csv > /dev/null
$ bangfu check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✓ cadre-quota          S6    0  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✗ term                 S7    1  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
    - 干部 C0052 古丽韵（U111，廉江市）已于 2026-03-31 离任且未指定接任者：请添加新干部并填写 predecessor=C0052
      cadre C0052 古丽韵 (U111, 廉江市) left on 2026-03-31 and no successor is named: add the new cadre with predecessor=C0052
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
1 violation of 1 rule
[1]
