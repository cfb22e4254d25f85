# Read permissions: a unit sees only its own groups and what hangs on them, a county only its
# own target; both are refused another's record (403) and the province-wide reports; the checks
# answer them with the findings about their own groups (1090).
# The auditor reads everything.
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ echo 'a long enough secret' | bangfu user add lianjiang --role county --target 440881 --password-stdin
added account lianjiang (county)
$ echo 'a long enough secret' | bangfu user add shenji --role auditor --password-stdin
added account shenji (auditor)
$ serve-bg
$ api login tongji 'a long enough secret' > /dev/null; for p in targets units groups members cadres indicators rounds; do printf '%s ' $p; api -q GET /api/v1/$p | jq -c '.total'; done
targets 1
units 3
groups 1
members 3
cadres 4
indicators 13
rounds 1
$ api GET /api/v1/targets/440222 | sed -n 1p; api GET /api/v1/units/U001 | sed -n 1p; api GET /api/v1/cadres/C0050 | sed -n 1p
HTTP 403
HTTP 403
HTTP 200
$ api GET /api/v1/check | sed -n 1p; api GET /api/v1/reports/summary | sed -n 1p
HTTP 200
HTTP 403
$ api login lianjiang 'a long enough secret' > /dev/null; api -q GET /api/v1/targets | jq -c '[.total, .items[0].adcode]'; api -q GET '/api/v1/cadres?sort=id' | jq -c '[.items[].id]'
[1,"440881"]
["C0050","C0051","C0052","C0053"]
$ api login shenji 'a long enough secret' > /dev/null; api -q GET /api/v1/targets | jq .total; api -q GET /api/v1/check?as_of=2026-06-30 | jq .violations
62
0
