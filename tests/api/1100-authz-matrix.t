# The authorization matrix (tests/api/authz-matrix.txt): every route of the route table, for
# every role (anon, admin, planner, unit U048, county 440881, auditor), with own and other
# records where the role's reach depends on the record. tests/api/authz-run prints one line
# per case whose status differs (and per route of openapi.json that the matrix misses), then
# the count. First the totals each role sees in the lists; last the audit trail of the writes
# and the server log.
$ bangfu init > /dev/null
$ for a in admin planner 'unit --unit U048' 'county --target 440881' auditor; do set -- $a; echo 'a long enough secret' | bangfu user add m_$1 --role "$@" --password-stdin; done
added account m_admin (admin)
added account m_planner (planner)
added account m_unit (unit)
added account m_county (county)
added account m_auditor (auditor)
$ serve-bg
$ for r in admin planner unit county auditor; do mkdir -p lists/$r && cp port lists/$r/ && (cd lists/$r && api login m_$r 'a long enough secret' > /dev/null && printf '%s' $r && for p in rounds targets units groups members cadres indicators; do printf ' %s=%s' $p "$(api -q GET /api/v1/$p | jq .total)"; done; echo); done
admin rounds=1 targets=62 units=156 groups=62 members=170 cadres=196 indicators=336
planner rounds=1 targets=62 units=156 groups=62 members=170 cadres=196 indicators=336
unit rounds=1 targets=1 units=3 groups=1 members=3 cadres=4 indicators=13
county rounds=1 targets=1 units=3 groups=1 members=3 cadres=4 indicators=13
auditor rounds=1 targets=62 units=156 groups=62 members=170 cadres=196 indicators=336
$ for r in admin planner unit county auditor; do (cd lists/$r && echo wrong-token > csrf && printf '%s ' $r && api PATCH /api/v1/rounds/2023-2026 '{"note":"wrong CSRF"}' | paste -sd ' '); done
admin HTTP 403 {"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
planner HTTP 403 {"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
unit HTTP 403 {"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
county HTTP 403 {"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
auditor HTTP 403 {"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
$ cd lists/admin && curl -s -b jar -H "X-CSRF-Token: $(jq -r .csrf ../planner/body.json)" -X PATCH -d '{"note":"another session token"}' http://127.0.0.1:$(cat port)/api/v1/rounds/2023-2026; echo
{"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
$ bash "$TESTDIR/api/authz-run" "$TESTDIR/api/authz-matrix.txt"
[0-9]+ cases, 0 mismatches (re)
$ bangfu audit verify
audit trail intact: [0-9]+ rows, every hash matches (re)
$ api -q GET /api/v1/health | jq -r .status
ok
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
