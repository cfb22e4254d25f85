# Removing an evidence file (DELETE /api/v1/evidence/{id}, docs/work.md): the commitment's unit
# (or admin) may, another unit of the group, the county and the planner may not; it is audited
# (detach, by the account, with the file before as its attach row wrote it: who attached it,
# when); the only evidence of a delivered commitment stays until a text or link is given; and
# once the group's report of the delivery's period is approved the
# delivery's evidence is locked (409 naming the period) until an admin reopens the report.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ for a in 'boss admin' 'wang planner' 'tongji unit --unit U048' 'u111 unit --unit U111' 'lianjiang county --target 440881'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ printf 'one\n' > a.txt; printf 'two\n' > b.txt; for f in a.txt b.txt; do curl -s -b as-tongji/jar -H "X-CSRF-Token: $(as tongji GET /api/v1/session > /dev/null; cat as-tongji/csrf)" -F "file=@$f" http://127.0.0.1:$(cat port)/api/v1/commitments/1/evidence | jq -c '[.id, .name]'; done
[1,"a.txt"]
[2,"b.txt"]
$ sqlite3 bangfu.db "UPDATE commitment SET status = 'delivered', delivered_on = '2024-03-10' WHERE id = 1"
$ for w in u111 lianjiang wang; do as $w DELETE /api/v1/evidence/1 | jq -r -R 'fromjson? // . | if type == "object" then .error.code else . end'; done
HTTP 403
forbidden
HTTP 403
forbidden
HTTP 403
forbidden
$ as tongji DELETE /api/v1/evidence/1 | sed -n 1p; as tongji GET /api/v1/commitments/1/evidence | sed 1d | jq -c '[.total, .items[].name]'
HTTP 204
[1,"b.txt"]
$ sqlite3 bangfu.db "SELECT account, action, entity, key, json_extract(before, '$.name'), after IS NULL FROM audit ORDER BY id DESC LIMIT 1"
tongji|detach|commitment|1|a.txt|1
$ as boss GET '/api/v1/audit?entity=commitment' | sed 1d | jq -c '[.items[] | select(.action == "detach")][0] as $d | [.items[] | select(.action == "attach" and .after.id == 1)][0] as $a | [$d.user, $d.before.account, $d.before.created == $a.after.created, $d.before == $a.after]'
["tongji","tongji",true,true]
$ as tongji DELETE /api/v1/evidence/2 | sed 1d | jq -r '.error | .code, .field, .message'
conflict
evidence
the commitment is delivered and this file is its only evidence: give an evidence text or link first
$ as tongji PATCH /api/v1/commitments/1 '{"evidence":"县签收单"}' | sed 1d | jq -r .evidence
县签收单
$ as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' > /dev/null && as boss POST /api/v1/group-reports/1/submit > /dev/null && as boss POST /api/v1/group-reports/1/approve | sed 1d | jq -r .status
approved
$ as tongji DELETE /api/v1/evidence/2 | sed 1d | jq -r '.error | .code, .field, .message'
conflict
evidence
the evidence of a delivery dated 2024-03-10 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
$ as boss POST /api/v1/group-reports/1/reopen '{"reason":"附件更正"}' | sed 1d | jq -r .status
draft
$ as tongji DELETE /api/v1/evidence/2 | sed -n 1p; as tongji DELETE /api/v1/evidence/2 | sed -n 1p; as boss GET /api/v1/commitments/1/evidence | sed 1d | jq -c .total
HTTP 204
HTTP 404
0
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
