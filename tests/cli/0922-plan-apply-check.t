# bangfu plan --apply writes the plan as the round's groups in one audited transaction. On the
# bundled round (itself planned) it changes nothing and `bangfu check` passes; applying a repair
# without U111 removes its membership, lists its cadres still serving as to be reassigned (they are
# not changed), and `bangfu check` reports them by rule cadre-quota.
$ bangfu init > /dev/null
$ bangfu check | tail -n 1
all rules pass · 全部规则通过
$ bangfu plan --round 2023-2026 --apply | tail -n 2
已应用 applied to round 2023-2026: 新建组团 groups created 0 · 加入 added 0 · 退出 removed 0 · 角色变化 role changed 0
需调整的干部 cadres serving whose unit left their group: 0
$ bangfu check | tail -n 1
all rules pass · 全部规则通过
$ bangfu audit verify
audit trail intact: 1 rows, every hash matches
$ bangfu plan --round 2023-2026 --repair --without U111 --apply | sed -n '/^已应用/,$p'
已应用 applied to round 2023-2026: 新建组团 groups created 0 · 加入 added 0 · 退出 removed 1 · 角色变化 role changed 0
需调整的干部 cadres serving whose unit left their group: 2
    - C0051 许晓 (U111, G2023-440881): reassign or end the term; `bangfu check` lists them
    - C0052 古丽韵 (U111, G2023-440881): reassign or end the term; `bangfu check` lists them
$ sqlite3 bangfu.db "SELECT count(*) FROM member WHERE unit = 'U111'; SELECT count(*) FROM cadre WHERE unit = 'U111'"
0
2
$ sqlite3 bangfu.db "SELECT account, action, entity, key FROM audit ORDER BY id" | sed "s/^cli:$(id -un)|/cli:USER|/"
cli:USER|apply|plan|2023-2026
cli:USER|delete|member|G2023-440881,U111
cli:USER|apply|plan|2023-2026
$ bangfu audit verify
audit trail intact: 3 rows, every hash matches
$ bangfu check --as-of 2025-06-01 | grep -E '^(✗|✓)|U111'
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✗ cadre-quota          S6    2  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
    - 干部 C0051 许晓（单位 U111）在 廉江市（组团 G2023-440881）挂职，但该单位不是这个组团的成员：请把单位加入组团或更正干部所属组团
      cadre C0051 许晓 of unit U111 serves in 廉江市 (group G2023-440881), but the unit is not a member of that group: add the unit to the group or correct the cadre's group
    - 干部 C0052 古丽韵（单位 U111）在 廉江市（组团 G2023-440881）挂职，但该单位不是这个组团的成员：请把单位加入组团或更正干部所属组团
      cadre C0052 古丽韵 of unit U111 serves in 廉江市 (group G2023-440881), but the unit is not a member of that group: add the unit to the group or correct the cadre's group
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
[1]
