# The planner over HTTP: POST /api/v1/plans runs a plan (or a what-if repair) on a round and
# stores it; GET /api/v1/plans lists the stored plans with their statistics, side by side;
# GET /api/v1/plans/{id} returns one with its assignments and breakdowns; POST
# /api/v1/plans/{id}/apply writes it as the round's groups in one audited transaction.
# Planner and admin run and apply; the auditor reads; units and counties may not.
$ bangfu init > /dev/null
$ for u in wang:planner shenji:auditor; do echo 'a long enough secret' | bangfu user add ${u%%:*} --role ${u#*:} --password-stdin; done
added account wang (planner)
added account shenji (auditor)
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api POST /api/v1/plans '{"round":"2023-2026"}' | sed -n 1p; jq -c '[.id, .kind, .status, .account, .statistics.groups, .applied]' body.out
HTTP 201
[1,"plan","optimal","wang",62,null]
$ api -q GET /api/v1/plans/1 | jq -c '.plan.groups[] | select(.target == "440881") | [.group, [.units[] | [.unit, .role, .fixed]]]'
["G2023-440881",[["U048","lead",true],["U111","member",true],["U132","member",true]]]
$ api -q GET /api/v1/plans/1 | jq -c '[.plan.groups[].units[]] | [length, all(.breakdown | has("fit") and has("fit_total") and has("lead_weight") and has("continuity")), ([.[] | select(.role == "lead")] | length)]'
[170,true,62]
$ api -q GET /api/v1/plans/1 | jq -c '.plan | (.score - ([.groups[].score] | add) | fabs < 1e-6), (.objective >= .score and .objective - .score < 0.1), (.statistics.group_score.min <= .statistics.group_score.mean)'
true
true
true
$ api POST /api/v1/plans '{"round":"2023-2026","repair":{"without":["U111"]}}' | sed -n 1p; jq -c '[.id, .kind, .repair.changes, (.repair.moves > 0)]' body.out
HTTP 201
[2,"repair",{"without":["U111"],"merge":[],"capacity":[]},true]
$ api -q GET /api/v1/plans/2 | jq -c '.plan.repair.moves[] | select(.unit == "U111") | [.unit, .from, .to]'
["U111",[{"target":"440881","role":"member"}],[]]
$ api -q GET /api/v1/plans | jq -c '[.total, [.items[] | [.id, .kind, .status, (.statistics.memberships > 0), (.plan == null)]]]'
[2,[[2,"repair","optimal",true,true],[1,"plan","optimal",true,true]]]
$ api -q POST /api/v1/plans '{"round":"2099"}' | jq -c .error
{"code":"invalid_input","message":"no round named '2099' (rounds: 2023-2026)","field":"round"}
$ api -q POST /api/v1/plans '{"round":"2023-2026","colour":1}' | jq -c .error
{"code":"invalid_input","message":"colour: not a key of a plan request (round, needs, repair), or not of the right type","field":"colour"}
$ api -q POST /api/v1/plans '{"round":"2023-2026","repair":{"merge":{"U001":"U001"}}}' | jq -c .error
{"code":"invalid_input","message":"merge U001=U001: a unit cannot merge into itself","field":null}
$ api -q POST /api/v1/plans '{"round":"2023-2026","repair":{"capacity":{"U001":-1}}}' | jq -c .error
{"code":"invalid_input","message":"repair.capacity: give {\"UNIT\":N} with N from 0 to 9","field":"repair.capacity"}
$ api -q POST /api/v1/plans '{"round":"2023-2026","repair":{"without":["U999"]}}' | jq -c .error
{"code":"invalid_input","message":"without: no unit 'U999' (units are codes like U048)","field":null}
$ api -q POST /api/v1/plans '{"round":"2023-2026","needs":"condition,value\nset:member_min,0\nlead:party,1\n"}' | jq -c .error
{"code":"invalid_input","message":"needs: set:member_min must be at least 1: a group needs a member (S5, rule group-shape)","field":null}
$ api -q GET /api/v1/plans/99 | jq -c .error; api -q GET /api/v1/plans/x | jq -c .error.code; api -q GET '/api/v1/plans?sort=id' | jq -c .error.code
{"code":"not_found","message":"no plan 99","field":null}
"not_found"
"invalid_input"
$ api login shenji 'a long enough secret' > /dev/null
$ api GET /api/v1/plans | sed -n 1p; api POST /api/v1/plans '{"round":"2023-2026"}' | sed -n 1p; api POST /api/v1/plans/1/apply | sed -n 1p
HTTP 200
HTTP 403
HTTP 403
$ api login tongji 'a long enough secret' > /dev/null
$ api GET /api/v1/plans | sed -n 1p; api GET /api/v1/plans/1 | sed -n 1p
HTTP 403
HTTP 403
$ api login wang 'a long enough secret' > /dev/null
$ api POST /api/v1/plans/1/apply | sed -n 1p; jq -c '[.id, .applied.round, .applied.groups_created, (.applied.added | length) > 0, (.applied.cadres_to_reassign | length) > 0]' body.out
HTTP 200
[1,"2023-2026",0,false,false]
$ bangfu check --format json | jq -c '[.rules[] | select(.tag == "coverage" or .tag == "group-shape" or .tag == "capacity") | [.tag, .count]]'
[["coverage",0],["group-shape",0],["capacity",0]]
$ bangfu report groups --format json | jq -c '.items[] | select(.target == "440881") | [.id, .lead, .members]'
["G2023-440881","U048","U111;U132"]
$ api -q GET /api/v1/plans | jq -c '[.items[] | [.id, .applied != null, .applied_by]]'
[[2,false,null],[1,true,"wang"]]
$ api POST /api/v1/plans/1/apply | sed -n 1p; jq -c '[(.applied.added | length), (.applied.removed | length), (.applied.role_changed | length)]' body.out
HTTP 200
[0,0,0]
$ api login shenji 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/audit?entity=plan' | jq -c '[.items[] | [.user, .action, .key]]'
[["wang","create","1"],["wang","create","2"],["wang","apply","1"],["wang","apply","1"]]
$ bangfu audit verify
audit trail intact: [0-9]+ rows, every hash matches (re)
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
