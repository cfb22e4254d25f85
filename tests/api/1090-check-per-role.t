# What each person may see of the rule checks: a unit (U048, lead of 廉江市's group
# G2023-440881) and a county (440881) call GET /api/v1/check and get only the findings about
# their own group, its cadres, units and target; the findings in a write's answer (a dry-run
# batch of /changes, or a real one) are filtered the same way. The auditor sees them all.
# BANGFU_END_WINDOW=0: on 2026-12-20 the leads whose terms ended need successors, so the
# round has findings in many groups (and while the round is in progress every group's team
# leaves with it: a continuity finding in each group, none of the others' in a unit's answer).
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ echo 'a long enough secret' | bangfu user add lianjiang --role county --target 440881 --password-stdin
added account lianjiang (county)
$ echo 'a long enough secret' | bangfu user add shenji --role auditor --password-stdin
added account shenji (auditor)
$ BANGFU_END_WINDOW=0 serve-bg
$ api login shenji 'a long enough secret' > /dev/null; api -q GET '/api/v1/check?as_of=2026-12-20' | jq -c '[.violations, ([.rules[].items[].key] | map(select(. == "G2023-440881" or . == "C0050" or . == "C0051")) | length)]'
[66,3]
$ api login tongji 'a long enough secret' > /dev/null; api GET '/api/v1/check?as_of=2026-12-20' | sed -n 1p; api -q GET '/api/v1/check?as_of=2026-12-20' | jq -c '[.violations, [.rules[].items[].key]]'
HTTP 200
[3,["G2023-440881","C0050","C0051"]]
$ api login lianjiang 'a long enough secret' > /dev/null; api -q GET '/api/v1/check?as_of=2026-12-20' | jq -c '[.violations, [.rules[].items[].key]]'
[3,["G2023-440881","C0050","C0051"]]
$ api login tongji 'a long enough secret' > /dev/null; api -q POST /api/v1/changes '{"changes":[{"op":"create","entity":"cadres","record":{"id":"X1","name":"测试","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2022-06-01","planned_end":"2025-05-31","verified":0}}],"dry_run":true,"round":"2023-2026"}' | jq -c '[.check.round, ([.check.rules[].items[].key] | index("X1") != null), ([.check.rules[].items[].key] | all(. == "G2023-440881" or . == "X1" or . == "C0050" or . == "C0051"))]'
["2023-2026",true,true]
$ api -q POST /api/v1/changes '{"changes":[{"op":"create","entity":"cadres","record":{"id":"X1","name":"测试","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2022-06-01","planned_end":"2025-05-31","verified":0}}],"round":"2023-2026"}' | jq -c '[.applied, ([.check.rules[].items[].key] | all(. == "G2023-440881" or . == "X1" or . == "C0050" or . == "C0051"))]'
[1,true]
