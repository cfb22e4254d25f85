# The lock on a commitment's status change (docs/cycle.md "Lock", issue 12 §3): 廉江市's
# commitment 3 was delivered on 2024-03-20 (set here; tests/data/work-fixture.sql), so group
# G2023-440881's report of 2024Q1 counts it; once that report is approved, the county can
# neither send the delivery back nor confirm it (409 naming the period, the group's report and
# who can reopen it, in English and Chinese; field status) and it stays delivered; 始兴县's
# commitment 5, delivered on the same day, can be confirmed (another target); an admin
# reopens the report with a reason and the delivery can be sent back, which the report's
# figures then show.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "UPDATE commitment SET status = 'delivered', delivered_value = target_value, evidence = '名单', delivered_on = '2024-03-20' WHERE id IN (3, 5)"
$ for a in 'boss --role admin' 'county --role county --target 440881' 'county2 --role county --target 440222'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed 1d | jq -c '[.figures.commitments.delivered, .figures.delivered_values]'
[1,[{"measure":"人次","commitments":1,"value":200}]]
$ as boss POST /api/v1/group-reports/1/submit > /dev/null && as boss POST /api/v1/group-reports/1/approve | sed 1d | jq -r .status
approved
$ as county PATCH /api/v1/commitments/3 '{"status":"in_progress","reason":"名单不全"}' | sed 1d | jq -r '.error | .code, .field, .message, .message_zh'
conflict
status
a status change dated 2024-03-20 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
日期为2024-03-20的状态变更属于已锁定的报告期2024Q1（2024-01-01至2024-03-31）：组团G2023-440881的报告已审核通过；如需修改，请管理员填写理由后重新开放
$ as county PATCH /api/v1/commitments/3 '{"status":"confirmed"}' | sed -n 1p
HTTP 409
$ sqlite3 bangfu.db 'SELECT status, delivered_on FROM commitment WHERE id = 3'
delivered|2024-03-20
$ as county2 PATCH /api/v1/commitments/5 '{"status":"confirmed"}' | sed 1d | jq -r .status
confirmed
$ as boss POST /api/v1/group-reports/1/reopen '{"reason":"县里退回了培训名单"}' | sed 1d | jq -r '.status, .reason'
draft
县里退回了培训名单
$ as county PATCH /api/v1/commitments/3 '{"status":"in_progress","reason":"名单不全"}' | sed 1d | jq -r .status
in_progress
$ as boss GET /api/v1/group-reports/1 | sed 1d | jq -c '[.figures.commitments.delivered, .figures.delivered_values]'
[0,[]]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
