# Writes through the API: validated like an import row, permitted by role and record, refused
# with 422 naming the rule when they break capacity or give a group two leads, recorded in the
# hash-chained audit trail that `bangfu audit verify` checks.
$ bangfu init > /dev/null
$ for u in wang:planner shenji:auditor; do echo 'a long enough secret' | bangfu user add ${u%%:*} --role ${u#*:} --password-stdin; done
added account wang (planner)
added account shenji (auditor)
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api POST /api/v1/members '{"group":"G2023-440222","unit":"U048","role":"member"}' | sed -n 1p; api -q POST /api/v1/members '{"group":"G2023-440222","unit":"U048","role":"member"}' | jq -c '[.error.code, .error.rule]'
HTTP 422
["rule_violation","capacity"]
$ api -q PATCH /api/v1/members/G2023-440222,U052 '{"role":"lead"}' | jq -c '[.error.code, .error.rule]'
["rule_violation","group-shape"]
$ api -q POST /api/v1/members '{"group":"G2023-440222","unit":"U999","role":"member"}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"unit: 'U999' does not exist","message_zh":"“U999”不存在","field":"unit"}
$ api -q POST /api/v1/members '{"group":"G2023-440222","unit":"U048","role":"boss"}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"role: 'boss' is not one of: lead, member","field":"role"}
$ api -q POST /api/v1/members '{"group":"G2023-440222","unit":"U048","role":"member","colour":"red"}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"'colour' is not a column of this record","message_zh":"“colour”不是此类记录的字段","field":null}
$ api DELETE /api/v1/members/G2023-440222,U052
HTTP 204
$ api -q DELETE /api/v1/groups/G2023-440222 | jq -c .error.code
"conflict"
$ api -q POST /api/v1/cadres '{"id":"X1","name":"测试","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2027-12-31","verified":0}' | jq -c .error.code
"forbidden"
$ api login tongji 'a long enough secret' > /dev/null
$ api POST /api/v1/cadres '{"id":"X1","name":"测试","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2027-12-31","verified":0}' | sed -n 1p
HTTP 201
$ api -q PATCH /api/v1/cadres/X1 '{"post":"副科长","id":"X2"}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"id is part of the key and cannot change; create a new record instead","message_zh":"id 是主键的一部分，不能修改；请新建一条记录","field":"id"}
$ api -q PATCH /api/v1/cadres/X1 '{"post":"副科长"}' | jq -c '[.id, .post]'
["X1","副科长"]
$ api -q PATCH /api/v1/cadres/C0053 '{"post":"x"}' | jq -c .error.code
"forbidden"
$ api -q GET /api/v1/audit | jq -c .error.code
"forbidden"
$ api login shenji 'a long enough secret' > /dev/null
$ api -q GET /api/v1/audit | jq -c --arg me "cli:$(id -un)" '[.total, [.items[] | [(if .user == $me then "cli:USER" else .user end), .action, .entity, .key]]]'
[6,[["cli:USER","create","account","wang"],["cli:USER","create","account","shenji"],["cli:USER","create","account","tongji"],["wang","delete","member","G2023-440222,U052"],["tongji","create","cadre","X1"],["tongji","update","cadre","X1"]]]
$ api -q GET '/api/v1/audit?user=tongji&entity=cadre' | jq -c '[.items[-1].before.post, .items[-1].after.post]'
["科员","副科长"]
$ bangfu audit verify
audit trail intact: 6 rows, every hash matches
$ sqlite3 bangfu.db "UPDATE audit SET account = 'someone' WHERE id = 2"; bangfu audit verify
audit trail BROKEN at row 2: it was edited, or a row before it was deleted (2 rows read)
[1]
$ sqlite3 bangfu.db "UPDATE audit SET account = 'tongji' WHERE id = 2; DELETE FROM audit WHERE id = 1"; bangfu audit verify
audit trail BROKEN at row 2: it was edited, or a row before it was deleted (1 rows read)
[1]
