# The round's edges on the bundled data (S7): the lead cadres' terms end in the round's last
# weeks with nobody after them, which needs no successor inside the round (--end-window,
# default 90 days): the round passes on its last days. Outside every round nothing is judged;
# with --round on such a day, only the rules that do not count who is on post.
$ bangfu init > /dev/null
$ bangfu check --as-of 2026-12-20 | tail -n1
all rules pass · 全部规则通过
$ bangfu check --as-of 2026-12-31 | tail -n1
all rules pass · 全部规则通过
$ bangfu check --as-of 2026-12-31 --format json | grep -E '"(round|in_progress|violations)"'
  "round": "2023-2026",
  "in_progress": true,
  "violations": 0,
$ bangfu check --as-of 2027-01-05
2027-01-05 没有进行中的轮次：未作检查（轮次：2023-2026 2023-11-16 至 2026-12-31；用 --round 指定要检查的轮次）
no round is in progress on 2027-01-05: nothing was judged (rounds: 2023-2026 2023-11-16 to 2026-12-31; give --round NAME to check one)
$ bangfu check --as-of 2020-01-01 --format json | grep -E '"(round|in_progress|note|violations)"'
  "round": null,
  "in_progress": false,
  "note": "no round is in progress on 2020-01-01: nothing was judged (rounds: 2023-2026 2023-11-16 to 2026-12-31; give --round NAME to check one)",
  "violations": 0,
$ bangfu check --as-of 2027-01-05 --round 2023-2026
轮次 2023-2026（2023-11-16 至 2026-12-31）在 2027-01-05 不在进行中：只检查与在岗人员无关的规则（coverage、group-shape、capacity、term）
round 2023-2026 (2023-11-16 to 2026-12-31) is not in progress on 2027-01-05: only the rules that do not count who is on post were judged (coverage, group-shape, capacity, term)
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
- cadre-quota          S6    -  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section (not judged · 未检查)
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
- rotation-continuity  S7    -  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days (not judged · 未检查)
all rules pass · 全部规则通过
$ bangfu check --as-of 2026-12-20 --end-window 5 | grep -c 'no successor is named'
[1-9][0-9]* (re)
[1]
$ bangfu check --end-window -3
bangfu check: --end-window '-3' is not a number of days (0-3650)
(see: bangfu check --help)
[2]
