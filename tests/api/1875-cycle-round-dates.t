# A round's dates change (docs/cycle.md "Periods"): its periods are cut again as they were cut
# (quarterly, due 10 days after), in the write's transaction. Without reports the new cut
# simply replaces the old; a draft report moves with its period's name (2026Q3 shortened to
# end 2026-08-31); a change that would alter the period of a submitted or approved report,
# or remove the period of any report, is refused with 409 naming the report, its period and
# what to do, and nothing changes (neither the round nor its periods).
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ as boss PATCH /api/v1/rounds/2023-2026 '{"end":"2026-09-30"}' | sed -n 1p; as boss GET '/api/v1/periods?round=2023-2026' | sed 1d | jq -c '[.total, .items[0].name, .items[0].start, .items[-1].name, .items[-1].end, .items[-1].due]'
HTTP 200
[12,"2023Q4","2023-11-16","2026Q3","2026-09-30","2026-10-10"]
$ as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":12}' | sed 1d | jq -c '[.id, .period_name, .end, .status]'
[1,"2026Q3","2026-09-30","draft"]
$ as boss PATCH /api/v1/rounds/2023-2026 '{"end":"2026-08-31"}' | sed -n 1p; as boss GET '/api/v1/periods?round=2023-2026' | sed 1d | jq -c '[.total, .items[0].name, .items[0].start, .items[-1].name, .items[-1].end, .items[-1].due]'
HTTP 200
[12,"2023Q4","2023-11-16","2026Q3","2026-08-31","2026-09-10"]
$ as boss GET /api/v1/group-reports/1 | sed 1d | jq -c '[.id, .period, .period_name, .end, .due, .status]'
[1,12,"2026Q3","2026-08-31","2026-09-10","draft"]
$ as boss POST /api/v1/group-reports/1/submit | sed 1d | jq -r .status
submitted
$ as boss PATCH /api/v1/rounds/2023-2026 '{"end":"2026-09-30"}' | sed 1d | jq -r '.error | .code, .message'
conflict
round 2023-2026 cannot run from 2023-11-16 to 2026-09-30: group G2023-440881's report 1 (submitted) is on the period 2026Q3 (2026-07-01 to 2026-08-31), which the new dates change; an approved or submitted report keeps its period: an admin reopens it, or the office returns it, first
$ as boss POST /api/v1/group-reports/1/return '{"reason":"请按新的轮次日期重报"}' | sed 1d | jq -r .status
returned
$ as boss PATCH /api/v1/rounds/2023-2026 '{"end":"2026-06-30"}' | sed 1d | jq -r '.error.message'
round 2023-2026 cannot run from 2023-11-16 to 2026-06-30: group G2023-440881's report 1 (returned) is on the period 2026Q3 (2026-07-01 to 2026-08-31), which the new dates remove; change the dates so that the period remains
$ as boss PATCH /api/v1/rounds/2023-2026 '{"end":"2026-12-31"}' | sed -n 1p; as boss GET '/api/v1/periods?round=2023-2026' | sed 1d | jq -c '[.total, .items[0].name, .items[0].start, .items[-1].name, .items[-1].end, .items[-1].due]'
HTTP 200
[13,"2023Q4","2023-11-16","2026Q4","2026-12-31","2027-01-10"]
$ as boss GET /api/v1/group-reports/1 | sed 1d | jq -c '[.period_name, .start, .end, .status]'
["2026Q3","2026-07-01","2026-09-30","returned"]
$ sqlite3 bangfu.db "SELECT start, \"end\" FROM round WHERE name = '2023-2026'"
2023-11-16|2026-12-31
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
