# The lock an approved report puts on its period (issue 12 §3, docs/cycle.md): once group
# G2023-440881's report of 2024Q1 is approved, a resource of 廉江市 440881 dated in 2024Q1
# (resource 1, 2024-03-01, tests/data/work-fixture.sql) can no longer be changed, deleted or
# added (409 naming the period and who can reopen it, in English and Chinese); another
# county's resource of the same day (始兴县's resource 4) and 廉江市's of another period
# (resource 2, 2024-04-01) still can; an admin reopens the report with a reason and the
# resource can be changed again.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ as boss PATCH /api/v1/resources/1 '{"amount":1100000}' | sed -n 1p
HTTP 200
$ as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' > /dev/null && as boss POST /api/v1/group-reports/1/submit > /dev/null && as boss POST /api/v1/group-reports/1/approve | sed 1d | jq -r .status
approved
$ as boss PATCH /api/v1/resources/1 '{"amount":1200000}' | sed 1d | jq -r '.error | .code, .message, .message_zh'
conflict
the resource dated 2024-03-01 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
日期为2024-03-01的资源属于已锁定的报告期2024Q1（2024-01-01至2024-03-31）：组团G2023-440881的报告已审核通过；如需修改，请管理员填写理由后重新开放
$ as boss DELETE /api/v1/resources/1 | sed -n 1p
HTTP 409
$ as boss POST /api/v1/resources '{"kind":"funds","amount":5,"target":"440881","unit":"U048","date":"2024-02-01"}' | sed -n 1p
HTTP 409
$ as boss PATCH /api/v1/resources/2 '{"date":"2024-03-15"}' | sed -n 1p
HTTP 409
$ for r in 2 4; do as boss PATCH /api/v1/resources/$r '{"source":"x"}' | sed -n 1p; done
HTTP 200
HTTP 200
$ sqlite3 bangfu.db 'SELECT amount FROM resource WHERE id = 1'
1100000
$ as boss POST /api/v1/group-reports/1/reopen '{"reason":"资金数更正"}' | sed 1d | jq -r .status
draft
$ as boss PATCH /api/v1/resources/1 '{"amount":1200000}' | sed 1d | jq -r .amount
1200000
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
