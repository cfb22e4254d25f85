# A record that others still refer to is not deleted, and the 409 names what refers to it, in
# English and Chinese, counted in the transaction before the commit (app/depends): a group with
# its cadres, reports and assessments; a unit, a target and a round with the work and the
# cycle's records; a task, a need and a commitment of the work. A batch that removes the
# cadres first names only what is left; a dry run is refused the same way; nothing refused is
# audited, and a group nothing refers to goes.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed -n 1p; as boss POST /api/v1/group-reports '{"group":"G2023-440881","period":3}' | sed -n 1p; as boss POST /api/v1/assessments '{"group":"G2023-440881","kind":"year","year":2024}' | sed -n 1p
HTTP 201
HTTP 201
HTTP 201
$ sqlite3 bangfu.db "SELECT count(*) FROM audit" > audit.before
$ as boss DELETE /api/v1/groups/G2023-440881 > out; sed -n 1p out; sed 1d out | jq -r '.error | .code, .message, .message_zh'
HTTP 409
conflict
group G2023-440881 has 4 cadres, 2 group reports and 1 assessment; delete or move them first
组团 G2023-440881 还有 4 名帮扶干部、2 份组团报告、1 项考核：请先将其删除或移走
$ as boss POST /api/v1/changes '{"dry_run":true,"changes":[{"op":"delete","entity":"cadres","key":"C0050"},{"op":"delete","entity":"cadres","key":"C0051"},{"op":"delete","entity":"cadres","key":"C0052"},{"op":"delete","entity":"cadres","key":"C0053"},{"op":"delete","entity":"groups","key":"G2023-440881"}]}' | sed 1d | jq -c '.error | [.code, .index, .message]'
["conflict",4,"group G2023-440881 has 2 group reports and 1 assessment; delete or move them first"]
$ for k in units/U048 targets/440881 rounds/2023-2026 tasks/2023-2026,A1 needs/1; do as boss DELETE /api/v1/$k | sed 1d | jq -r '.error | "\(.message)\n\(.message_zh)"'; done
unit U048 has 1 group membership, 1 cadre, 2 commitments, 1 resource entry and 1 policy; delete or move them first
帮扶单位 U048 还有 1 个组团成员身份、1 名帮扶干部、2 项帮扶事项、1 条资源导入、1 份政策文件：请先将其删除或移走
target 440881 has 1 group, 8 indicator values, 1 need, 4 commitments, 3 resource entries and 1 policy; delete or move them first
帮扶对象 440881 还有 1 个组团、8 条指标数据、1 条需求、4 项帮扶事项、3 条资源导入、1 份政策文件：请先将其删除或移走
round 2023-2026 has 62 groups, 1 need, 7 commitments, 7 resource entries and 1 policy; delete or move them first
轮次 2023-2026 还有 62 个组团、1 条需求、7 项帮扶事项、7 条资源导入、1 份政策文件：请先将其删除或移走
task 2023-2026,A1 has 1 need, 3 commitments and 2 resource entries; delete or move them first
重点任务 2023-2026,A1 还有 1 条需求、3 项帮扶事项、2 条资源导入：请先将其删除或移走
need 1 has 1 commitment; delete or move it first
需求 1 还有 1 项帮扶事项：请先将其删除或移走
$ as boss POST /api/v1/resources '{"kind":"funds","amount":1000,"target":"440881","unit":"U111","commitment":2,"date":"2024-06-01"}' | sed -n 1p; as boss DELETE /api/v1/commitments/2 | sed 1d | jq -r .error.message
HTTP 201
commitment 2 has 1 resource entry; delete or move it first
$ as boss GET /api/v1/groups/G2023-440881 | sed 1d | jq -r .id; sqlite3 bangfu.db "SELECT count(*) - 1 FROM audit" | diff - audit.before && echo nothing refused was audited
G2023-440881
nothing refused was audited
$ as boss POST /api/v1/groups '{"id":"G2023-X","round":"2023-2026","target":"440881","verified":0}' | sed -n 1p; as boss POST /api/v1/assessments '{"group":"G2023-X","kind":"round"}' | sed -n 1p; as boss DELETE /api/v1/groups/G2023-X | sed 1d | jq -r .error.message
HTTP 201
HTTP 201
group G2023-X has 1 assessment; delete or move it first
$ sqlite3 bangfu.db "DELETE FROM assessment WHERE \"group\" = 'G2023-X'"; as boss DELETE /api/v1/groups/G2023-X | sed -n 1p
HTTP 204
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
