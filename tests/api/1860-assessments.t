# The year's and the round's assessment (docs/cycle.md, Assessment) against a hand-computed
# fixture: tests/data/work-fixture.sql and tests/data/assess-fixture.sql on the bundled data
# (廉江市 440881, group G2023-440881: U048 lead, U111, U132; round 2023-11-16 to 2026-12-31,
# quarterly periods). Worked out by hand from those rows, not by bangfu:
#  2024 (2024-01-01..12-31): commitments due in it #2, #8, #9, #10, #11: due 5, dropped 1
#    (#11), planned 4, delivered by 12-31 3 (#2 05-20, #8 10-05, #10 06-20), confirmed by 12-31
#    1 (#2; #10 was confirmed 2025-01-15), open 1 (#9); per measure (not dropped): 亩 1
#    commitment 80 of 80, 人次 2 (#8 100/60, #9 50/0) 60 of 150, 家 1 5 of 5. Resources: funds
#    2 entries 1,000,000 + 234,567 = 1,234,567 (the 1 yuan of 2025-01-01 is outside),
#    investment 25,000,000, training 300; yuan 26,234,567. Policies 1 (2024-05-01). Reports:
#    2024Q1 on time (04-08, due 04-10), 2024Q2 late (07-15, due 07-10), 2024Q3 none and
#    2024Q4 a draft never submitted: missing 2. GDP 400 (2022, the baseline year) to 460
#    (2024): +60, +15.00%; the province 100,000 to 110,000: +10.00%.
#  2023 (2023-11-16..12-31): nothing due; 2023Q4 missing; GDP 400 to 420 (2023) +5.00%,
#    the province +5.00%.
#  The round: due 8 (#1-#4, #8-#11), dropped 2, delivered 3, confirmed 2, open 3; 亩 2
#    (300/120 + 80/80) 200 of 380, 人次 3 (200/0, 100/60, 50/0) 60 of 350, 家 1 5 of 5; funds
#    3 entries 1,234,568; yuan 26,234,568; policies 2; 13 periods (2023Q4-2026Q4), 1 on time,
#    1 late; GDP to 2024 +15.00%.
# Grading freezes the evidence: a resource changed afterwards moves an ungraded assessment's
# evidence, not the graded one's; clearing the grade thaws it.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql" && sqlite3 bangfu.db < "$TESTDIR/data/assess-fixture.sql"
$ for a in 'boss admin' 'wang planner' 'shenji auditor' 'tongji unit --unit U048' 'shixing unit --unit U028' 'lianjiang county --target 440881'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"year","year":2024}' | sed 1d | jq -c '[.kind, .year, .created, .existing, (.ids | length)]'
["year",2024,62,0,62]
$ as wang POST /api/v1/assessments '{"round":"2023-2026","kind":"year","year":2024}' | sed 1d | jq -c '[.created, .existing]'
[0,62]
$ as boss POST /api/v1/assessments '{"group":"G2023-440881","kind":"year","year":2023}' | sed 1d | jq -c '[.group, .kind, .year, .start, .end, .evidence.commitments.due, .evidence.reports.missing, .evidence.indicators.items]'
["G2023-440881","year",2023,"2023-11-16","2023-12-31",0,1,[{"indicator":"gdp","unit":"100m_yuan","baseline_year":2022,"baseline":400,"latest_year":2023,"latest":420,"change":20,"change_pct":5,"province_change_pct":5}]]
$ as wang POST /api/v1/assessments '{"group":"G2023-440881","kind":"round"}' | sed 1d | jq -c '[.kind, .year, .start, .end]'
["round",null,"2023-11-16","2026-12-31"]
$ as boss GET '/api/v1/assessments?group=G2023-440881&year=2024' | sed 1d | jq -c '.total, (.items[0] | [.target_name, .lead, .grade, .evidence_frozen]), .items[0].evidence.commitments, .items[0].evidence.resources, [.items[0].evidence.yuan, .items[0].evidence.policies], (.items[0].evidence.reports | [.periods, .on_time, .late, .missing, .not_due]), [.items[0].evidence.reports.items[] | "\(.period_name) \(.due) \(.submitted) \(.verdict)"], .items[0].evidence.indicators'
1
["廉江市","U048",null,false]
{"due":5,"planned":4,"delivered":3,"confirmed":1,"dropped":1,"open":1,"measures":[{"measure":"亩","commitments":1,"target_value":80,"delivered_value":80},{"measure":"人次","commitments":2,"target_value":150,"delivered_value":60},{"measure":"家","commitments":1,"target_value":5,"delivered_value":5}]}
{"funds":{"entries":2,"amount":1234567},"investment":{"entries":1,"amount":25000000},"project":{"entries":0,"amount":0},"enterprise":{"entries":0,"amount":0},"talent":{"entries":0,"amount":0},"training":{"entries":1,"amount":300}}
[26234567,1]
[4,1,1,2,0]
["2024Q1 2024-04-10 2024-04-08 on_time","2024Q2 2024-07-10 2024-07-15 late","2024Q3 2024-10-10 null missing","2024Q4 2025-01-10 null missing"]
{"baseline_year":2022,"last_year":2024,"items":[{"indicator":"gdp","unit":"100m_yuan","baseline_year":2022,"baseline":400,"latest_year":2024,"latest":460,"change":60,"change_pct":15,"province_change_pct":10}]}
$ as boss GET '/api/v1/assessments?group=G2023-440881&kind=round' | sed 1d | jq -c '.items[0].evidence | [.commitments.due, .commitments.dropped, .commitments.delivered, .commitments.confirmed, .commitments.open, ([.commitments.measures[] | "\(.measure) \(.commitments) \(.delivered_value)/\(.target_value)"] | join("; ")), .resources.funds, .yuan, .policies, .reports.periods, .reports.on_time, .reports.late, .reports.missing + .reports.not_due, .indicators.items[0].change_pct]'
[8,2,3,2,3,"亩 2 200/380; 人次 3 60/350; 家 1 5/5",{"entries":3,"amount":1234568},26234568,2,13,1,1,11,15]
$ as boss GET /api/v1/assessments | sed 1d | jq -c '[.total, (.items | length), ([.items[] | .group] == ([.items[] | .group] | sort))]'
[64,64,true]
$ as boss GET '/api/v1/assessments?kind=year&year=2024&limit=10&offset=60' | sed 1d | jq -c '[.total, (.items | length)]'
[62,2]
$ as boss PATCH /api/v1/assessments/17 '{"grade":"很好"}'
HTTP 400
{"error":{"code":"invalid_input","message":"grade: give 优秀 (excellent), 良好 (good), 一般 (fair) or 较差 (poor), or null to clear it","field":"grade","message_zh":"grade：应为 优秀、良好、一般 或 较差（null 为撤销评定）"}}
$ as boss PATCH /api/v1/assessments/17 '{"grade":1}' | sed 1d | jq -c '.error.field'
"grade"
$ as boss PATCH /api/v1/assessments/17 '{"rank":1}' | sed 1d | jq -c '[.error.field, .error.message]'
["rank","rank: not a field of this request"]
$ for u in tongji lianjiang shenji; do as $u PATCH /api/v1/assessments/17 '{"grade":"优秀"}' | sed -n 1p; done
HTTP 403
HTTP 403
HTTP 403
$ as wang PATCH /api/v1/assessments/17 '{"grade":"良好","comment":"交付按期，报告一次逾期"}' | sed 1d | jq -c '[.group, .year, .grade, .comment, .graded_by, .evidence_frozen, .evidence.yuan]'
["G2023-440881",2024,"良好","交付按期，报告一次逾期","wang",true,26234567]
$ sqlite3 bangfu.db "UPDATE resource SET amount = 2000000 WHERE id = 1"
$ as boss GET '/api/v1/assessments?group=G2023-440881' | sed 1d | jq -c '[.items[] | [.kind, .year, .grade, .evidence_frozen, .evidence.resources.funds.amount]]'
[["year",2023,null,false,0],["year",2024,"良好",true,1234567],["round",null,null,false,2234568]]
$ as boss PATCH /api/v1/assessments/17 '{"comment":"复核后维持"}' | sed 1d | jq -c '[.grade, .comment, .evidence_frozen, .evidence.resources.funds.amount]'
["良好","复核后维持",true,1234567]
$ as boss PATCH /api/v1/assessments/17 '{"grade":null}' | sed 1d | jq -c '[.grade, .evidence_frozen, .evidence.resources.funds.amount]'
[null,false,2234567]
$ as boss PATCH /api/v1/assessments/17 '{"grade":"优秀"}' | sed 1d | jq -c '[.grade, .evidence_frozen, .evidence.resources.funds.amount]'
["优秀",true,2234567]
$ sqlite3 bangfu.db "SELECT action, json_extract(after, '$.grade'), json_extract(after, '$.evidence.yuan') FROM audit WHERE entity = 'assessment' AND action <> 'create' ORDER BY id"
grade|良好|26234567
grade|良好|
ungrade||
grade|优秀|27234567
$ sqlite3 bangfu.db "SELECT count(*) FROM audit WHERE entity = 'assessment' AND action = 'create'"
64
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"year","year":2027}' | sed 1d | jq -c '[.error.field, .error.message, .error.message_zh]'
["year","year: give a year of the round, 2023 to 2026","year：应为本轮次内的年份（2023年至2026年）"]
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"year","year":"2024"}' | sed 1d | jq -c '[.error.field, .error.message]'
["year","year: give the year as a number (2024)"]
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"year"}' | sed 1d | jq -c '[.error.field, .error.message]'
["year","year: a year's assessment needs the year (2024)"]
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"round","year":2026}' | sed 1d | jq -c '[.error.field, .error.message]'
["year","year: a round assessment covers the whole round (2023 to 2026): give no year"]
$ as boss POST /api/v1/assessments '{"round":"2023-2026","kind":"quarter","year":2024}' | sed 1d | jq -c '[.error.field]'
["kind"]
$ as boss POST /api/v1/assessments '{"round":"1999","kind":"round"}' | sed 1d | jq -c '[.error.field, .error.message]'
["round","round: no such round"]
$ as boss POST /api/v1/assessments '{"group":"G2023-440881","kind":"year","year":2024}' | sed 1d | jq -c '[.error.code, .error.field]'
["conflict","group"]
$ as boss GET '/api/v1/assessments?year=24x' | sed 1d | jq -c '[.error.field]'
["year"]
$ as boss GET '/api/v1/assessments?grade=best' | sed 1d | jq -c '[.error.field]'
["grade"]
$ as boss GET '/api/v1/assessments?sort=grade' | sed 1d | jq -c '[.error.field]'
["sort"]
$ as boss GET '/api/v1/assessments?grade=%E4%BC%98%E7%A7%80' | sed 1d | jq -c '[.total, .items[0].group, (.items[0] | has("rank"))]'
[1,"G2023-440881",false]
$ as boss GET '/api/v1/assessments?grade=none&kind=year&year=2024' | sed 1d | jq -c '.total'
61
$ for u in boss wang shenji tongji shixing lianjiang; do printf '%s ' $u; as $u GET '/api/v1/assessments?limit=1000' | sed 1d | jq -c '[.total, ([.items[].group] | unique)] | if .[0] > 3 then .[0] else . end'; done
boss 64
wang 64
shenji 64
tongji [3,["G2023-440881"]]
shixing [1,["G2023-440222"]]
lianjiang [3,["G2023-440881"]]
$ for u in tongji lianjiang; do as $u GET /api/v1/assessments/17 | sed 1d | jq -c '[.group, .grade]'; done
["G2023-440881","优秀"]
["G2023-440881","优秀"]
$ as shixing GET /api/v1/assessments/17 | sed -n 1p; as lianjiang GET "/api/v1/assessments/$(as boss GET '/api/v1/assessments?group=G2023-440222' | sed 1d | jq '.items[0].id')" | sed -n 1p
HTTP 404
HTTP 404
$ for u in wang tongji lianjiang shenji; do as $u GET /api/v1/session | sed 1d | jq -c '[.user.role, .capabilities.assessments]'; done
["planner",{"read":"all","create":true,"grade":true}]
["unit",{"read":"unit","create":false,"grade":false}]
["county",{"read":"target","create":false,"grade":false}]
["auditor",{"read":"all","create":false,"grade":false}]
$ as tongji GET '/api/v1/assessments?format=csv' | sed 1d | tr -d '\r' | sed 's/^\xef\xbb\xbf//' | cut -d, -f2,9,10,13,18-22,24,30-33
group,kind,year,grade,commitments_due,commitments_delivered,commitments_confirmed,commitments_dropped,commitments_open,funds,yuan,policies,reports_on_time,reports_late
G2023-440881,year,2023,,0,0,0,0,0,0,0,0,0,0
G2023-440881,year,2024,优秀,5,3,1,1,1,2234567,27234567,1,1,1
G2023-440881,round,,,8,3,2,2,3,2234568,27234568,2,1,1
$ cd as-boss && curl -s -b jar -o a.xlsx "http://127.0.0.1:$(cat port)/api/v1/assessments?group=G2023-440881&format=xlsx" && xlsx-read a.xlsx 3 | sed '/^sheet 说明/q' | grep -E '^(sheets|sheet |[IMQR]1 |AD1 |[IJMQR]3 |AD3 )'
sheets: 数据 data | 说明 columns
sheet 数据 data: frozen 1 row(s), filter A1:AJ4
I1 s 考核类型（year 年度 / round 轮次期末）
M1 s 评定等次
Q1 s 依据已固定
R1 s 期内到期帮扶事项
AD1 s 资金与投资（元）
I3 s year
J3 n 2024
M3 s 优秀
Q3 b 1
R3 n 5
AD3 n 27234567
sheet 说明 columns: frozen 1 row(s)
