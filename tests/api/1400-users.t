# The admin's accounts API: GET /api/v1/users lists the accounts without their passwords; POST
# creates one (the password given, or generated and shown once); PATCH changes the role (with
# unit or target), disables and enables, sets or resets the password. Errors name the field;
# the last enabled admin stays; only admins may; every change is in the audit trail.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user passwd admin --password-stdin > /dev/null
$ echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin
added account wang (planner)
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null; api -q GET /api/v1/users | jq -c .error.code
"forbidden"
$ api login admin 'a long enough secret' > /dev/null; api -q GET /api/v1/users | jq -c '[.total, [.items[] | [.name, .role, .disabled]], (.items[0] | keys)]'
[2,[["admin","admin",false],["wang","planner",false]],["created","disabled","email","name","role","target","unit"]]
$ api POST /api/v1/users '{"name":"tongji","role":"unit","unit":"U048","password":"统计局的一个长口令 long"}' | sed -n 1p
HTTP 201
$ api -q POST /api/v1/users '{"name":"lianjiang","role":"county","target":"440881"}' > made.json; jq -c '[.name, .role, .target, (.password | length)]' made.json
["lianjiang","county","440881",16]
$ api -q POST /api/v1/users '{"name":"tongji","role":"auditor"}' | jq -c '.error | [.code, .field]'
["conflict","name"]
$ api -q POST /api/v1/users '{"name":"Bad Name","role":"auditor"}' | jq -c '.error | [.code, .field]'
["invalid_input","name"]
$ api -q POST /api/v1/users '{"name":"x1","role":"boss"}' | jq -c '.error | [.code, .field]'
["invalid_input","role"]
$ api -q POST /api/v1/users '{"name":"x1","role":"unit"}' | jq -c '.error | [.field, .message]'
["unit","role unit needs its unit (a code such as U048)"]
$ api -q POST /api/v1/users '{"name":"x1","role":"unit","unit":"U999"}' | jq -c '.error | [.field, .message]'
["unit","unit 'U999' does not exist"]
$ api -q POST /api/v1/users '{"name":"x1","role":"planner","target":"440881"}' | jq -c '.error.field'
"target"
$ api -q POST /api/v1/users '{"name":"x1","role":"auditor","password":"12345678"}' | jq -c '.error | [.field, .message]'
["password","这是最常用的口令之一，请另选; this password is among the most commonly used ones: choose another"]
$ api -q POST /api/v1/users '{"name":"x1","role":"auditor","colour":"red"}' | jq -c '.error.message'
"'colour' is not a member of this request"
$ api -q POST /api/v1/users '{"name":"x1","role":"auditor","disabled":"yes"}' | jq -c '.error.message'
"'disabled' is not a member of this request"
$ api -q PATCH /api/v1/users/wang '{"disabled":"yes"}' | jq -c '.error | [.field, .message]'
["disabled","disabled: give true or false"]
$ mkdir s && cp port s/ && cd s && api login lianjiang "$(jq -r .password ../made.json)" | sed -n 1p
HTTP 200
$ api -q PATCH /api/v1/users/lianjiang '{"role":"unit"}' | jq -c '.error | [.field, .message]'
["unit","role unit needs its unit (a code such as U048)"]
$ api -q PATCH /api/v1/users/lianjiang '{"role":"unit","unit":"U048"}' | jq -c '[.role, .unit, .target]'
["unit","U048",null]
$ cd s && api -q GET /api/v1/session | jq -c .user
{"name":"lianjiang","role":"unit","unit":"U048","target":null}
$ api -q PATCH /api/v1/users/lianjiang '{"disabled":true}' | jq -c .disabled; cd s && api GET /api/v1/session | sed -n 1p; api login lianjiang "$(jq -r .password ../made.json)" | sed -n 1p
true
HTTP 401
HTTP 401
$ api -q PATCH /api/v1/users/lianjiang '{"disabled":false,"reset_password":true}' > reset.json; jq -c '[.disabled, (.password | length)]' reset.json; cd s && api login lianjiang "$(jq -r .password ../reset.json)" | sed -n 1p
[false,16]
HTTP 200
$ api -q PATCH /api/v1/users/lianjiang '{"password":"另一个足够长的口令 too"}' | jq -c 'has("password")'; cd s && api GET /api/v1/session | sed -n 1p
false
HTTP 401
$ api -q PATCH /api/v1/users/lianjiang '{"password":"x","reset_password":true}' | jq -c '.error.field'
"password"
$ api -q PATCH /api/v1/users/admin '{"disabled":true}' | jq -c '.error | [.code, .field]'; api -q PATCH /api/v1/users/admin '{"role":"planner"}' | jq -c '.error | [.code, .field, .message]'
["conflict","disabled"]
["conflict","role","'admin' is the last enabled admin: enable or create another admin first"]
$ api -q PATCH /api/v1/users/nobody '{"disabled":true}' | jq -c '.error.code'; api -q GET '/api/v1/users?role=admin' | jq -c '.error.code'
"not_found"
"invalid_input"
$ api -q GET '/api/v1/audit?entity=account' | jq -c --arg me "cli:$(id -un)" '.items[] | [(if .user == $me then "cli:USER" else .user end), .action, .key, .before.role, .after.role, .after.disabled, .after.password_changed]'
["cli:USER","update","admin","admin","admin",false,true]
["cli:USER","create","wang",null,"planner",false,null]
["admin","create","tongji",null,"unit",false,null]
["admin","create","lianjiang",null,"county",false,null]
["admin","update","lianjiang","county","unit",false,null]
["admin","update","lianjiang","unit","unit",true,null]
["admin","update","lianjiang","unit","unit",false,true]
["admin","update","lianjiang","unit","unit",false,true]
$ api -q GET '/api/v1/audit?entity=account' | grep -c -i -E 'argon|password_hash|统计局的'
0
[1]
$ bangfu user list | grep lianjiang | awk '{print $1, $2, $3, $4}'
lianjiang unit U048 no
$ bangfu audit verify
audit trail intact: 8 rows, every hash matches
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
