# POST /api/v1/changes: several writes in one transaction. A dry run writes nothing and shows
# the round's checks as they would be (the groups editor's live preview); a real batch that
# leaves a second lead is refused with 422 naming the rule, and the order of the changes within
# a batch does not matter for the rule (only the end state counts). Errors name the change.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api -q POST /api/v1/changes '{"dry_run":true,"changes":[{"op":"update","entity":"members","key":"G2023-440881,U111","record":{"role":"lead"}}]}' | jq -c '[.dry_run, .applied, .records[0].role, [.check.rules[] | select(.tag == "group-shape") | .items[].key]]'
[true,0,"lead",["G2023-440881"]]
$ api -q GET '/api/v1/members/G2023-440881,U111' | jq -r .role
member
$ api POST /api/v1/changes '{"changes":[{"op":"update","entity":"members","key":"G2023-440881,U111","record":{"role":"lead"}}]}' > out; sed 1q out
HTTP 422
$ api -q POST /api/v1/changes '{"changes":[{"op":"update","entity":"members","key":"G2023-440881,U111","record":{"role":"lead"}}]}' | jq -r .error.rule
group-shape
$ api -q POST /api/v1/changes '{"changes":[{"op":"update","entity":"members","key":"G2023-440881,U111","record":{"role":"lead"}},{"op":"update","entity":"members","key":"G2023-440881,U048","record":{"role":"member"}}]}' | jq -c '[.dry_run, .applied, [.records[].role]]'
[false,2,["lead","member"]]
$ api -q GET '/api/v1/members?target=440881' | jq -c '[.items[] | [.unit, .role]]'
[["U048","member"],["U111","lead"],["U132","member"]]
$ sqlite3 bangfu.db 'SELECT action, entity, key FROM audit ORDER BY id'
create|account|wang
update|member|G2023-440881,U111
update|member|G2023-440881,U048
$ bangfu audit verify
audit trail intact: 3 rows, every hash matches
$ api -q POST /api/v1/changes '{"changes":[{"op":"update","entity":"members","key":"G2023-440881,U048","record":{"note":"ok"}},{"op":"delete","entity":"members","key":"nope"}]}' | jq -c '.error | del(.problems)'
{"code":"not_found","message":"no membership 'nope'","message_zh":"没有这条记录：membership “nope”","field":null,"index":1}
$ api -q GET '/api/v1/members/G2023-440881,U048' | jq -r .note
published: 南方杂志 2024-05-29 县里来了工作队 (nfzz.net.cn)
$ api -q POST /api/v1/changes '{"changes":[{"op":"create","entity":"members","record":{"group":"G2023-440881","unit":"U001","role":"boss"}}]}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"role: 'boss' is not one of: lead, member","field":"role","index":0}
$ api -q POST /api/v1/changes '{"changes":[{"op":"bogus","entity":"members"}]}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"changes[0].op: give create, update or delete","field":"changes[0].op"}
$ api -q POST /api/v1/changes '{"changes":[{"op":"delete","entity":"../audit","key":"x"}]}' | jq -r .error.field
changes[0].entity
$ api -q POST /api/v1/changes '{"changes":[{"op":"update","entity":"members","key":"a,b"}]}' | jq -r .error.message
changes[0].record: give the record's columns as an object
$ api -q POST /api/v1/changes '{"changes":[],"dry_run":true}' | jq -r .error.message
changes: give between 1 and 500 changes
$ api -q POST /api/v1/changes '{"changes":[{"op":"delete","entity":"members","key":"a,b"}],"extra":1}' | jq -r .error.code
invalid_input
$ api -q POST /api/v1/changes '{"changes":[{"op":"create","entity":"members","record":{"group":"G2023-440881","unit":"U001","role":"member"}}],"round":"1999","dry_run":true}' | jq -r .error.message
no round named '1999' (rounds: 2023-2026)
