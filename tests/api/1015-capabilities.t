# GET /api/v1/session (and the sign-in answer) carries the user's capabilities, computed by
# core/access and the route table: per kind of record the scope it reads and writes (none,
# unit, target, all), and per endpoint beyond the records whether the role may call it. The web
# UI decides what to show from these alone, never from role names.
$ bangfu init > /dev/null
$ for u in boss:admin wang:planner shenji:auditor; do echo 'a long enough secret' | bangfu user add ${u%%:*} --role ${u#*:} --password-stdin > /dev/null; done
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add lianjiang --role county --target 440881 --password-stdin > /dev/null
$ serve-bg
$ for u in boss wang shenji tongji lianjiang; do api login $u 'a long enough secret' > /dev/null; api -q GET /api/v1/session | jq -c '[.user.role, (.capabilities.records | to_entries | map("\(.key):\(.value.read)/\(.value.write)") | join(" "))]'; done
["admin","rounds:all/all targets:all/all units:all/all groups:all/all members:all/all cadres:all/all indicators:all/all tasks:all/all needs:all/all commitments:all/all resources:all/all policies:all/all"]
["planner","rounds:all/all targets:all/none units:all/none groups:all/all members:all/all cadres:all/none indicators:all/none tasks:all/none needs:all/none commitments:all/all resources:all/none policies:all/none"]
["auditor","rounds:all/none targets:all/none units:all/none groups:all/none members:all/none cadres:all/none indicators:all/none tasks:all/none needs:all/none commitments:all/none resources:all/none policies:all/none"]
["unit","rounds:all/none targets:unit/none units:unit/none groups:unit/none members:unit/none cadres:unit/unit indicators:unit/none tasks:all/none needs:unit/none commitments:unit/unit resources:unit/unit policies:all/unit"]
["county","rounds:all/none targets:target/none units:target/none groups:target/none members:target/none cadres:target/none indicators:target/target tasks:all/none needs:target/target commitments:target/target resources:target/none policies:all/none"]
$ for u in boss wang shenji tongji lianjiang; do api login $u 'a long enough secret' > /dev/null; api -q GET /api/v1/session | jq -c '[.user.role, (.capabilities.actions | to_entries | map(select(.value) | .key) | join(" "))]'; done
["admin","check reports import audit users plans plan work_report county_report"]
["planner","check reports plans plan work_report county_report"]
["auditor","check reports audit plans work_report county_report"]
["unit","check work_report county_report"]
["county","check work_report county_report"]
$ curl -s -H 'Content-Type: application/json' -d '{"username":"tongji","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session | jq -c '[.user.unit, .capabilities.records.cadres, .capabilities.actions.check]'
["U048",{"read":"unit","write":"unit"},true]
$ for u in boss wang shenji tongji lianjiang; do api login $u 'a long enough secret' > /dev/null; api -q GET /api/v1/session | jq -c '[.user.role, .capabilities.records.commitments.deliver, .capabilities.records.commitments.confirm]'; done
["admin","all","all"]
["planner","none","all"]
["auditor","none","none"]
["unit","unit","none"]
["county","none","target"]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
