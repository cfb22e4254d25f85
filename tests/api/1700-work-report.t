# The work report (GET /api/v1/reports/work, GET /api/v1/reports/county/{adcode}, `bangfu report
# work`) against a hand-computed fixture, tests/data/work-fixture.sql: 7 commitments and 7
# resources on 廉江市 440881 (U048 lead, U111, U132), 始兴县 440222 (U028, U052) and 仁化县 440224
# (U029). The expected figures were worked out by hand from that file, not by bangfu:
#  440881: planned 1 (#3), in_progress 1 (#1), confirmed 1 (#2), dropped 1 (#4), 4 in all;
#    overdue on 2025-06-30: 1 (#1, due 2025-03-31); 亩 120 of 300 (#4 dropped, left out), 家 5
#    of 5 (confirmed 5), 人次 0 of 200; funds 1,000,000 + investment 25,000,000 = 26,000,000
#    yuan, training 300; per head 26,000,000 / 1,363,470 (2020 census) = 19.07; per 亿元 of
#    GDP (latest, 2024: 579.15) = 44,893.38.
#  440222: planned 1 (#6, overdue: due 2025-06-01), delivered 1 (#5); 亩 100/100, 人次 10/80;
#    funds 2,500,000 + investment 3,000,000 = 5,500,000, project 2; per head / 198,060 =
#    27.77; per 亿元 / 80.3 = 68,493.15.
#  440224: in_progress 1 (#7, due 2026-01-31); 个 1/3; funds 999,999; / 186,009 = 5.38; / 112
#    (GDP 2017) = 8,928.56. 43 of the 62 targets lack a GDP figure (19 have one).
#  韶关市 (7 targets, 1,826,173 people: each its latest, 乐昌 383,000 of 2021): 440222 + 440224 = 3 commitments, 6,499,999 yuan, 3.56
#    per head. Total: 7 commitments (2 planned, 2 in progress, 1 delivered, 1 confirmed, 1
#    dropped), overdue 2; funds 4,499,999, investment 28,000,000.
#  On 2026-07-01 #3 (due 2026-06-30) and #7 are overdue too: 4.
# The answer goes gzip-compressed to a client that accepts it. Then: CSV and XLSX (every column, integers as integers); a unit sees its groups' targets only,
# a county its own, and the county summary likewise; the triggers keep the sums right after
# changes and deletes (each sum table equals a GROUP BY over its base table, no row differs
# either way: tests/data/work-sums-check.sql) and the report follows (worked out by hand
# again: #3 delivered 150, #1 dropped, #7 moved to 440222 U028, #6 deleted; resource 1 now
# 1,500,000, 2 on task B1, 5 deleted, 6 moved to 440224 U029); the CLI prints the same sums;
# a resource imported by `bangfu import` (another process) shows at once (the work's change
# counter moved, so the cached answer is not used): 440881 funds 1,500,000 + 500,000.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ for a in 'wang --role admin' 'tongji --role unit --unit U048' 'shixing --role county --target 440222'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin; done
added account wang (admin)
added account tongji (unit)
added account shixing (county)
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/work?as_of=2025-06-30' > t.json; jq -c '[.by, .round, .scope, (.items | length), .targets_lacking_gdp]' t.json
["target","2023-2026","all",62,43]
$ for k in 440881 440222 440224; do jq -c --arg k $k '.items[] | select(.key == $k) | [.key, .planned, .in_progress, .delivered, .confirmed, .dropped, .commitments, .overdue, .funds, .investment, .project, .training, .resource_entries, .yuan, .population, .yuan_per_head, .gdp_100m, .yuan_per_100m_gdp, .targets_lacking_gdp]' t.json; done
["440881",1,1,0,1,1,4,1,1000000,25000000,0,300,3,26000000,1363470,19.07,579.15,44893.38,0]
["440222",1,0,1,0,0,2,1,2500000,3000000,2,0,3,5500000,198060,27.77,80.3,68493.15,0]
["440224",0,1,0,0,0,1,0,999999,0,0,0,1,999999,186009,5.38,112,8928.56,0]
$ jq -c '.items[] | select(.key == "440881") | .measures[] | [.measure, .commitments, .target_value, .delivered_value, .confirmed_value]' t.json
["亩",1,300,120,0]
["人次",1,200,0,0]
["家",1,5,5,5]
$ jq -c '.items[] | select(.key == "440222") | .measures_text' t.json
"亩 100/100; 人次 10/80"
$ jq -c '.total | [.planned, .in_progress, .delivered, .confirmed, .dropped, .commitments, .overdue, .funds, .investment, .project, .training, .resource_entries, .yuan]' t.json
[2,2,1,1,1,7,2,4499999,28000000,2,300,7,32499999]
$ jq -c '[.items[] | select(.commitments == 0 and .yuan == 0)] | length' t.json
59
$ curl -s -b jar -H 'Accept-Encoding: gzip' -D h -o t.gz "http://127.0.0.1:$(cat port)/api/v1/reports/work?as_of=2025-06-30"; grep -i '^content-encoding' h | tr -d '\r'; gzip -dc t.gz | jq -c . > a.json; jq -c . t.json | cmp - a.json && echo same answer
Content-Encoding: gzip
same answer
$ api -q GET '/api/v1/reports/work?by=prefecture&as_of=2025-06-30' | jq -c '.items[] | select(.commitments > 0) | [.key, .targets, .commitments, .overdue, .yuan, .population, .yuan_per_head, .targets_lacking_population]'
["湛江市",5,4,1,26000000,5049781,5.15,0]
["韶关市",7,3,1,6499999,1826173,3.56,0]
$ for b in group unit task domain class; do api -q GET "/api/v1/reports/work?by=$b&as_of=2025-06-30" | jq -r '[.items[] | select(.commitments > 0 or .resource_entries > 0) | "\(.key):\(.commitments)/\(.overdue)/\(.yuan)"] | join(" ")'; done
G2023-440222:2/1/5500000 G2023-440224:1/0/999999 G2023-440881:4/1/26000000
U028:1/0/5500000 U029:1/0/999999 U048:2/1/1000000 U052:1/1/0 U111:1/0/25000000 U132:1/0/0
:0/0/28000000 A1:3/1/3500000 B1:2/0/999999 C1:2/1/0
:0/0/28000000 industry:3/1/3500000 public_services:2/1/0 urban_rural:2/0/999999
coastal:4/1/26000000 ecological:3/1/6499999 mountain:3/1/6499999
$ api -q GET '/api/v1/reports/work?as_of=2026-07-01' | jq '.total.overdue'
4
$ api GET '/api/v1/reports/work?by=county'
HTTP 400
{"error":{"code":"invalid_input","message":"by must be target, group, unit, prefecture, domain, task or class","field":"by"}}
$ api GET '/api/v1/reports/work?as_of=yesterday' | sed -n 1p
HTTP 400
$ curl -s -b jar "http://127.0.0.1:$(cat port)/api/v1/reports/work?as_of=2025-06-30&format=csv" > t.csv; head -n 1 t.csv | sed 's/^\xEF\xBB\xBF//'; grep '^440222,' t.csv
key,name,targets,planned,in_progress,delivered,confirmed,dropped,commitments,overdue,measures_text,funds,investment,project,enterprise,talent,training,resource_entries,yuan,population,gdp_100m,yuan_per_head,yuan_per_100m_gdp,targets_lacking_population,targets_lacking_gdp
440222,始兴县,1,1,0,1,0,0,2,1,亩 100/100; 人次 10/80,2500000,3000000,2,0,0,0,3,5500000,198060,80.3,27.77,68493.15,0,0
$ curl -s -b jar -o w.xlsx "http://127.0.0.1:$(cat port)/api/v1/reports/work?by=prefecture&as_of=2025-06-30&format=xlsx"; xlsx-read w.xlsx 20 | sed '/^sheet 说明/q' | grep -E '^(A1|L1|S1|V1) |^[A-Z]+[0-9]+ . 韶关市$'
A1 s 键
L1 s 资金（元）
S1 s 资金与投资（元）
V1 s 人均（元）
A16 s 韶关市
B16 s 韶关市
$ xlsx-read w.xlsx 20 | grep -E '^(L16|S16|V16) '
L16 n 3499999
S16 n 6499999
V16 n 3.56
$ api login tongji 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/work?as_of=2025-06-30' | jq -c '[.scope, [.items[].key], .total.commitments, .total.yuan]'
["unit",["440881"],4,26000000]
$ api -q GET '/api/v1/reports/work?by=prefecture&as_of=2025-06-30' | jq -c '[.items[] | [.key, .targets, .commitments, .yuan]]'
[["湛江市",1,4,26000000]]
$ api -q GET '/api/v1/reports/work?by=unit&as_of=2025-06-30' | jq -c '[.items[] | [.key, .commitments, .yuan]]'
[["U048",2,1000000],["U111",1,25000000],["U132",1,0]]
$ api GET '/api/v1/reports/county/440222' | sed -n 1p
HTTP 404
$ api login shixing 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/work?by=task&as_of=2025-06-30' | jq -c '[.scope, [.items[] | select(.commitments > 0 or .resource_entries > 0) | [.key, .commitments, .yuan]]]'
["target",[["",0,3000000],["A1",1,2500000],["B1",0,0],["C1",1,0]]]
$ api GET '/api/v1/reports/county/440881' | sed -n 1p
HTTP 404
$ api -q GET '/api/v1/reports/county/440222?as_of=2025-06-30' | jq -c '[.target.adcode, .round, [.groups[] | .id, [.units[].unit]], .work.commitments, .work.overdue, .work.yuan, .work.yuan_per_100m_gdp, .needs.listed, .policies.listed, [.overdue_commitments.items[].id], (.indicators | length > 0)]'
["440222","2023-2026",["G2023-440222",["U028","U052","U114"]],2,1,5500000,68493.15,0,0,[6],true]
$ api login wang 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/county/440881?as_of=2025-06-30' | jq -c '[.cadres_on_post, .work.planned, .work.confirmed, .work.dropped, .work.funds, .work.investment, .needs.items[0].title, .needs.items[0].commitments, .policies.items[0].doc_no, [.overdue_commitments.items[].id]]'
[4,1,1,1,1000000,25000000,"农田改造资金",1,"粤统〔2024〕1号",[1]]
$ sqlite3 bangfu.db "UPDATE commitment SET status = 'delivered', delivered_value = 150, evidence = 'x' WHERE id = 3; UPDATE commitment SET status = 'dropped', reason = 'x' WHERE id = 1; UPDATE commitment SET target = '440222', unit = 'U028', task = 'B1' WHERE id = 7; DELETE FROM commitment WHERE id = 6; UPDATE resource SET amount = 1500000 WHERE id = 1; UPDATE resource SET task = 'B1' WHERE id = 2; DELETE FROM resource WHERE id = 5; UPDATE resource SET target = '440224', unit = 'U029' WHERE id = 6; UPDATE meta SET value = value + 1 WHERE key = 'work_generation'"
$ sqlite3 bangfu.db < "$TESTDIR/data/work-sums-check.sql"
status_unit|0
status_task|0
measure_unit|0
measure_task|0
resource_unit|0
resource_task|0
status_target|0
measure_target|0
resource_target|0
$ api -q GET '/api/v1/reports/work?as_of=2025-06-30' > t.json; for k in 440881 440222 440224; do jq -c --arg k $k '.items[] | select(.key == $k) | [.key, .planned, .in_progress, .delivered, .confirmed, .dropped, .overdue, .measures_text, .funds, .investment, .project, .yuan]' t.json; done
["440881",0,0,1,1,2,0,"人次 150/200; 家 5/5",1500000,25000000,0,26500000]
["440222",0,1,1,0,0,0,"个 1/3; 亩 100/100",2500000,0,0,2500000]
["440224",0,0,0,0,0,0,"",999999,3000000,0,3999999]
$ api -q GET '/api/v1/reports/work?by=task&as_of=2025-06-30' | jq -r '[.items[] | "\(.key):\(.commitments)/\(.yuan)"] | join(" ")'
:0/3000000 A1:3/4000000 A2:0/0 A3:0/0 A4:0/0 B1:2/25999999 B2:0/0 B3:0/0 B4:0/0 C1:1/0 C2:0/0 C3:0/0 C4:0/0
$ bangfu report work --by prefecture --as-of 2025-06-30 --format csv | grep -E '^(湛江市|韶关市),' | cut -d, -f1-10,19
湛江市,湛江市,5,0,0,1,1,2,4,0,26500000
韶关市,韶关市,7,0,1,1,0,0,2,0,6499999
$ bangfu report work --by nonsense
bangfu report: --by 'nonsense': use target, group, unit, prefecture, domain, task or class
(see: bangfu report --help)
[2]
$ printf 'id,round,kind,amount,target,unit,task,commitment,date,source,illustrative\n8,2023-2026,funds,500000,440881,U048,A1,,2025-01-15,粤统〔2025〕2号,1\n' > resources.csv; bangfu import resources.csv | sed 's/ (UTF-8)//'
imported 1 row from resources.csv
$ api -q GET '/api/v1/reports/work?as_of=2025-06-30' | jq -c '.items[] | select(.key == "440881") | [.funds, .resource_entries, .yuan]'
[2000000,4,27000000]
