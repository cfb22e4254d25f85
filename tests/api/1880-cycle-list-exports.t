# The reports list as the pages use it (docs/cycle.md, issue 12 §8): filtered by period and
# status, downloaded as CSV (the same rows, every column; late: submitted, if at all, after the due date) and as XLSX (Chinese headers in a
# frozen first row, dates as dates); a report answers "writes", what its reader may write now
# (the lead unit its narrative, a member unit its paragraph, nobody once it is submitted), so
# that the editor offers only the forms the API will take.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ for a in 'boss --role admin' 'planner --role planner' 'lead --role unit --unit U048' 'member --role unit --unit U111'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin > /dev/null; done
$ serve-bg
$ for p in 2 3; do as lead POST /api/v1/group-reports "{\"group\":\"G2023-440881\",\"period\":$p}" | sed -n 1p; done; as boss POST /api/v1/group-reports '{"group":"G2023-440222","period":2}' | sed -n 1p
HTTP 201
HTTP 201
HTTP 201
$ as lead GET /api/v1/group-reports/1 | sed 1d | jq -c '[.actions, .writes]'
[["submit"],{"narrative":true,"contribution":true,"attachment":true}]
$ as member GET /api/v1/group-reports/1 | sed 1d | jq -c '[.actions, .writes]'
[[],{"narrative":false,"contribution":true,"attachment":true}]
$ as planner GET /api/v1/group-reports/1 | sed 1d | jq -c '[.actions, .writes]'
[[],{"narrative":false,"contribution":false,"attachment":false}]
$ as lead POST /api/v1/group-reports/1/submit > /dev/null && as lead GET /api/v1/group-reports/1 | sed 1d | jq -c '[.actions, .writes]'
[[],{"narrative":false,"contribution":false,"attachment":false}]
$ as planner GET '/api/v1/group-reports?period=2&status=submitted' | sed 1d | jq -c '[.total, [.items[] | [.id, .group, .period_name, .status]]]'
[1,[[1,"G2023-440881","2024Q1","submitted"]]]
$ as planner GET '/api/v1/group-reports?period=2&format=csv' | sed 1d | cut -d, -f1-4,9,10,13,14 | tr -d '\r\357\273\277'
id,group,round,target,period_name,start,status,late
3,G2023-440222,2023-2026,440222,2024Q1,2024-01-01,draft,1
1,G2023-440881,2023-2026,440881,2024Q1,2024-01-01,submitted,1
$ as planner GET '/api/v1/group-reports?format=xlsx' | sed -n 1p
HTTP 200
$ cd as-planner && curl -s -b jar -o r.xlsx -D h "http://127.0.0.1:$(cat port)/api/v1/group-reports?status=draft&format=xlsx" && grep -i -o 'filename="[^"]*"' h && xlsx-read r.xlsx 3 | sed '/^sheet 说明/q' | grep -E '^(sheet|[ABIJLM][123]) '
filename="bangfu-group-reports.xlsx"
sheet 数据 data: frozen 1 row(s), filter A1:V3
A1 s 报告编号
B1 s 组团编号
I1 s 报告期
J1 s 开始日期
L1 s 报送期限
M1 s 状态（draft/submitted/returned/approved）
A2 n 2
B2 s G2023-440881
I2 s 2024Q2
J2 d 2024-04-01
L2 d 2024-07-10
M2 s draft
A3 n 3
B3 s G2023-440222
I3 s 2024Q1
J3 d 2024-01-01
L3 d 2024-04-10
M3 s draft
sheet 说明 columns: frozen 1 row(s)
