# Small data set: every rule passes on 2026-06-30; on 2026-08-01 cadre C7's planned term
# has ended without a successor (S7) and unit U5 has nobody on post (S6); JSON form too.
$ bangfu init --empty > /dev/null
$ bangfu import $TESTDIR/data/small > /dev/null
$ bangfu check --as-of 2026-06-30
round 2023-2026, as of 2026-06-30
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✓ cadre-quota          S6    0  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✓ term                 S7    0  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
all rules pass · 全部规则通过
$ bangfu check --as-of 2026-08-01
round 2023-2026, as of 2026-08-01
✓ coverage             S3    0  全覆盖：每个帮扶对象有且仅有一个组团 · Coverage: every target has exactly one group
✓ group-shape          S5    0  组团构成：1家牵头单位、至少1家成员单位 · Group shape: one lead unit and at least one member
✗ cadre-quota          S6    1  选派干部：牵头单位1名处级、成员单位1-2名中层或科级 · Cadre quota: lead sends 1 division-level, members 1-2 middle/section
    - 成员单位 U5 戊厅 在岗中层或科级干部 0 名（兴宁市，组团 G-441481，2026-08-01）：应为 1 至 2 名
      member unit U5 戊厅 has 0 middle- or section-level cadres on post in 兴宁市 (group G-441481) on 2026-08-01: it must have 1 or 2
✓ capacity             S8    0  帮扶数量：单位帮扶对象数不超过其容量 · Capacity: a unit assists at most its capacity of targets
✗ term                 S7    1  任期：3年为周期，期满须有接任 · Terms: 3-year cycle, a successor when a term ends
    - 干部 C7 周七（U5，兴宁市）已于 2026-07-20 离任且未指定接任者：请添加新干部并填写 predecessor=C7
      cadre C7 周七 (U5, 兴宁市) left on 2026-07-20 and no successor is named: add the new cadre with predecessor=C7
✓ rotation-continuity  S7    0  轮换衔接：牵头干部与半数以上干部不得在90天内同时离任 · Rotation continuity: the lead and most cadres must not leave within 90 days
2 violations of 2 rules
[1]
$ bangfu check --as-of 2026-08-01 --format json
{
  "round": "2023-2026",
  "as_of": "2026-08-01",
  "in_progress": true,
  "note": "round 2023-2026 (2023-11-16 to 2026-12-31), in progress on 2026-08-01",
  "note_zh": "轮次 2023-2026（2023-11-16 至 2026-12-31），2026-08-01 进行中",
  "violations": 2,
  "rules": [
    {
      "tag": "coverage",
      "source": "S3",
      "title_zh": "全覆盖：每个帮扶对象有且仅有一个组团",
      "title_en": "Coverage: every target has exactly one group",
      "judged": true,
      "count": 0,
      "items": []
    },
    {
      "tag": "group-shape",
      "source": "S5",
      "title_zh": "组团构成：1家牵头单位、至少1家成员单位",
      "title_en": "Group shape: one lead unit and at least one member",
      "judged": true,
      "count": 0,
      "items": []
    },
    {
      "tag": "cadre-quota",
      "source": "S6",
      "title_zh": "选派干部：牵头单位1名处级、成员单位1-2名中层或科级",
      "title_en": "Cadre quota: lead sends 1 division-level, members 1-2 middle/section",
      "judged": true,
      "count": 1,
      "items": [
        {
          "subject": "group",
          "key": "G-441481",
          "message": "member unit U5 戊厅 has 0 middle- or section-level cadres on post in 兴宁市 (group G-441481) on 2026-08-01: it must have 1 or 2",
          "message_zh": "成员单位 U5 戊厅 在岗中层或科级干部 0 名（兴宁市，组团 G-441481，2026-08-01）：应为 1 至 2 名",
          "blocking": false
        }
      ]
    },
    {
      "tag": "capacity",
      "source": "S8",
      "title_zh": "帮扶数量：单位帮扶对象数不超过其容量",
      "title_en": "Capacity: a unit assists at most its capacity of targets",
      "judged": true,
      "count": 0,
      "items": []
    },
    {
      "tag": "term",
      "source": "S7",
      "title_zh": "任期：3年为周期，期满须有接任",
      "title_en": "Terms: 3-year cycle, a successor when a term ends",
      "judged": true,
      "count": 1,
      "items": [
        {
          "subject": "cadre",
          "key": "C7",
          "message": "cadre C7 周七 (U5, 兴宁市) left on 2026-07-20 and no successor is named: add the new cadre with predecessor=C7",
          "message_zh": "干部 C7 周七（U5，兴宁市）已于 2026-07-20 离任且未指定接任者：请添加新干部并填写 predecessor=C7",
          "blocking": false
        }
      ]
    },
    {
      "tag": "rotation-continuity",
      "source": "S7",
      "title_zh": "轮换衔接：牵头干部与半数以上干部不得在90天内同时离任",
      "title_en": "Rotation continuity: the lead and most cadres must not leave within 90 days",
      "judged": true,
      "count": 0,
      "items": []
    }
  ]
}
[1]
