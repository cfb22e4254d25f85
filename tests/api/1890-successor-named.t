# Naming a successor through the API (issue 12 §6, docs/rotations.md): the session answers the
# server's hand-over window (--rotation-window 45 here) as capabilities.rotation.window; the
# unit U048 names the successor of its own cadre C0050 (201: a new cadre whose predecessor is
# C0050, arriving 14 days before the term ends); it cannot name one for U111's cadre C0051,
# neither as a cadre of its own unit (400 on the field predecessor, the same words as for a
# cadre that does not exist) nor as a cadre of U111 (403); a second successor of C0050 is
# refused; the office naming a successor of another unit (U132 for U111's C0052) is refused too. The
# rotations report then shows the overlap (-14 days) and the gap (5 days), and `bangfu plan
# rotations` keeps the named successor who arrives in time and brings the late one forward.
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin > /dev/null; echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg --rotation-window 45
$ api login tongji 'a long enough secret' > /dev/null; api -q GET /api/v1/session | jq -c '.capabilities.rotation'
{"window":45}
$ api POST /api/v1/cadres '{"id":"C9050","name":"接任甲","unit":"U048","group":"G2023-440881","rank":"division","post":"市委副书记","start":"2026-12-06","planned_end":"2029-12-05","predecessor":"C0050","verified":0}' | sed -n 1p
HTTP 201
$ api -q POST /api/v1/cadres '{"id":"C9051","name":"接任乙","unit":"U048","group":"G2023-440881","rank":"middle","post":"市自然资源局副局长","start":"2026-12-20","planned_end":"2029-12-19","predecessor":"C0051","verified":0}' | jq -c '.error | del(.problems)'
{"code":"invalid_input","message":"predecessor: no cadre 'C0051' of unit U048 serves target 440881: a successor takes over the post of a cadre of the same unit in the same target","message_zh":"单位 U048 在帮扶对象 440881 没有干部 'C0051'：接任者接替的是同一单位在同一帮扶对象的干部","field":"predecessor"}
$ api POST /api/v1/cadres '{"id":"C9051","name":"接任乙","unit":"U111","group":"G2023-440881","rank":"middle","post":"市自然资源局副局长","start":"2026-12-20","planned_end":"2029-12-19","predecessor":"C0051","verified":0}' | sed -n 1p
HTTP 403
$ api -q POST /api/v1/cadres '{"id":"C9052","name":"接任丙","unit":"U048","group":"G2023-440881","rank":"division","post":"市委副书记","start":"2026-12-10","planned_end":"2029-12-09","predecessor":"C0050","verified":0}' | jq -c '[.error.code, .error.field, .error.message_zh]'
["invalid_input","predecessor","干部 C0050 已由 C9050 接任：一个岗位只有一名接任者（先修改那名干部的前任，或填写另一名前任）"]
$ api login boss 'a long enough secret' > /dev/null; api -q POST /api/v1/cadres '{"id":"C9053","name":"接任丁","unit":"U132","group":"G2023-440881","rank":"middle","post":"副市长","start":"2026-12-20","planned_end":"2029-12-19","predecessor":"C0052","verified":1}' | jq -c '.error | [.code, .field, .message]'
["invalid_input","predecessor","predecessor: no cadre 'C0052' of unit U132 serves target 440881: a successor takes over the post of a cadre of the same unit in the same target"]
$ api -q POST /api/v1/cadres '{"id":"C9051","name":"接任乙","unit":"U111","group":"G2023-440881","rank":"middle","post":"市自然资源局副局长","start":"2026-12-25","planned_end":"2029-12-24","predecessor":"C0051","verified":0}' | jq -c '[.id, .predecessor, .start]'
["C9051","C0051","2026-12-25"]
$ api -q GET '/api/v1/reports/rotations?as_of=2026-11-17&within=32' | jq -r '.items[] | select(.target == "440881") | [.id, .successor, .successor_start, .handover_days, .handover] | @tsv'
C0050	C9050	2026-12-06	-14	overlap
C0051	C9051	2026-12-25	5	gap
$ bangfu plan rotations --as-of 2026-11-17 --window 40 --format json | jq -r '.items[] | select(.group == "G2023-440881") | [.id, .successor, .arrival, .why, .moved] | @tsv'
C0050	C9050	2026-12-06	named	false
C0051	C9051	2026-12-06	handover	true
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
