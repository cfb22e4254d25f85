# A cadre's predecessor (S7) is a cadre of the same unit serving the same target: another
# unit's cadre and a cadre that does not exist get the same 400, so a unit cannot learn which
# cadre ids exist elsewhere (C0001 is U028's, in 440222); a cycle of predecessors is refused in
# writes, in /changes and in import, naming the field. Only the office (admin, planner)
# verifies: a unit setting verified on its own cadre gets 403. A post has one successor: a
# second cadre naming the same predecessor is refused, in writes and in import.
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin
added account wang (planner)
$ serve-bg
$ api login tongji 'a long enough secret' > /dev/null
$ api POST /api/v1/cadres '{"id":"X1","name":"测试X1","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"C0001","verified":0}' | sed -E 's/,"problems":\[.*\]\}\}$/}}/'
HTTP 400
{"error":{"code":"invalid_input","message":"predecessor: no cadre 'C0001' of unit U048 serves target 440881: a successor takes over the post of a cadre of the same unit in the same target","message_zh":"单位 U048 在帮扶对象 440881 没有干部 'C0001'：接任者接替的是同一单位在同一帮扶对象的干部","field":"predecessor"}}
$ api POST /api/v1/cadres '{"id":"X1","name":"测试X1","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"C9999","verified":0}' | sed -E 's/,"problems":\[.*\]\}\}$/}}/'
HTTP 400
{"error":{"code":"invalid_input","message":"predecessor: no cadre 'C9999' of unit U048 serves target 440881: a successor takes over the post of a cadre of the same unit in the same target","message_zh":"单位 U048 在帮扶对象 440881 没有干部 'C9999'：接任者接替的是同一单位在同一帮扶对象的干部","field":"predecessor"}}
$ api POST /api/v1/cadres '{"id":"X1","name":"测试X1","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"C0050","verified":0}' | sed -n 1p; api POST /api/v1/cadres '{"id":"X2","name":"测试X2","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"X1","verified":0}' | sed -n 1p
HTTP 201
HTTP 201
$ api -q PATCH /api/v1/cadres/X1 '{"predecessor":"X2"}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"predecessor: naming X2 would make a cycle of predecessors (X1 → X2 → … → X1): a successor comes after its predecessor","message_zh":"填写 X2 会形成接任循环（X1 → X2 → … → X1）：接任者应在前任之后","field":"predecessor"}
$ api -q POST /api/v1/changes '{"changes":[{"op":"create","entity":"cadres","record":{"id":"C9001","name":"测试C9001","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":null,"verified":0}},{"op":"create","entity":"cadres","record":{"id":"C9002","name":"测试C9002","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"C9001","verified":0}},{"op":"update","entity":"cadres","key":"C9001","record":{"predecessor":"C9002"}}],"dry_run":true}' | jq -c '[.error.field, .error.index]'
["predecessor",2]
$ api -q PATCH /api/v1/cadres/X1 '{"verified":1}' | jq -c '.error | del(.problems)'
{"code":"forbidden","message":"verified: only the office (admin, planner) verifies records; leave verified as it is","message_zh":"只有指挥部办公室（管理员、专班）可以核实记录；请保持“已核实”不变","field":"verified"}
$ api POST /api/v1/cadres '{"id":"X3","name":"测试X3","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":null,"verified":1}' | sed -n 1p
HTTP 403
$ api -q GET /api/v1/cadres/X1 | jq -c '[.predecessor, .verified]'
["C0050",0]
$ api login wang 'a long enough secret' > /dev/null; api -q PATCH /api/v1/groups/G2023-440881 '{"verified":0}' | jq -c .verified
0
$ printf 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\nC9001,甲,U052,G2023-440222,section,x,2025-01-01,2026-12-31,,C9002,0,\nC9002,乙,U052,G2023-440222,section,x,2025-01-01,2026-12-31,,C9001,0,\nC9003,丙,U052,G2023-440222,section,x,2025-01-01,2026-12-31,,C0005,0,\n' > cadres.csv; bangfu import cadres.csv
bangfu: cadres.csv:2: column 'predecessor': naming C9002 would make a cycle of predecessors (C9001 → C9002 → … → C9001): a successor comes after its predecessor
bangfu: cadres.csv:3: column 'predecessor': naming C9001 would make a cycle of predecessors (C9002 → C9001 → … → C9002): a successor comes after its predecessor
bangfu: cadres.csv:4: column 'predecessor': no cadre 'C0005' of unit U052 serves target 440222: a successor takes over the post of a cadre of the same unit in the same target
bangfu: nothing was imported
[1]
$ api login tongji 'a long enough secret' > /dev/null; api -q POST /api/v1/cadres '{"id":"X4","name":"测试X4","unit":"U048","group":"G2023-440881","rank":"section","post":"科员","start":"2025-01-01","planned_end":"2026-12-31","predecessor":"C0050","verified":0}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"predecessor: cadre C0050 already has a successor, X1: one successor takes over a post (change that cadre's predecessor first, or name another) · 该干部已有接任者","message_zh":"干部 C0050 已由 X1 接任：一个岗位只有一名接任者（先修改那名干部的前任，或填写另一名前任）","field":"predecessor"}
$ printf 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\nC9101,甲,U028,G2023-440222,section,x,2025-01-01,2026-12-31,,C0001,0,\nC9102,乙,U028,G2023-440222,section,y,2025-01-01,2026-12-31,,C0001,0,\n' > cadres.csv; bangfu import cadres.csv
bangfu: cadres.csv:2: column 'predecessor': cadre C0001 already has a successor, C9102: one successor takes over a post (change that cadre's predecessor first, or name another) · 该干部已有接任者
bangfu: cadres.csv:3: column 'predecessor': cadre C0001 already has a successor, C9101: one successor takes over a post (change that cadre's predecessor first, or name another) · 该干部已有接任者
bangfu: nothing was imported
[1]
