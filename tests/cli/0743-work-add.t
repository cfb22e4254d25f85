# `bangfu work add KIND` creates a record through app/work's create (the API's rules), audited as
# cli:<os user>: from --COLUMN VALUE arguments, or from stdin as JSON (an object, an array) or
# CSV with a header; a refused record names its column (exit 2) and, from stdin, the line or
# the record; the records from stdin are one transaction, all written (each audited, the work's
# counter moved once) or none; an unknown column is a usage error listing the columns.
$ bangfu init > /dev/null
$ bangfu work add resources --id 9101 --kind funds --amount 500000 --target 440881 --unit U048 --date 2025-03-01 --source '粤财〔2025〕1号'
created resource 9101 (资源导入)
$ bangfu work list resources --target 440881 --kind funds --format csv | grep '^9101,' | cut -d, -f1-10
9101,2023-2026,funds,500000,440881,U048,,,2025-03-01,粤财〔2025〕1号
$ sqlite3 bangfu.db "SELECT account LIKE 'cli:%', action, entity, key FROM audit ORDER BY id DESC LIMIT 1"; sqlite3 bangfu.db "SELECT account LIKE 'cli:%' FROM resource WHERE id = 9101"
1|create|resource|9101
1
$ bangfu work add resources --kind funds --amount 1.5 --target 440881 --unit U048 --date 2025-03-01
bangfu: amount: give a whole number of yuan (or items), not a fraction
bangfu: 字段“amount”：须为整数（元或个数），不能有小数
[2]
$ bangfu work add commitments --target 440222 --unit U048 --task A1 --title x --measure 个 --target_value 2 --due 2025-06-30 2>&1 | head -1
bangfu: target: unit U048 is not a member of a group of 440222 in round 2023-2026
[2]
$ bangfu work add needs --colour red 2>&1 | head -1
bangfu work: '--colour': the columns of needs are --id, --round, --target, --task, --title, --detail, --priority, --illustrative (or - to read records from stdin)
[2]
$ echo '{"id":9201,"target":"440881","task":"A1","title":"冷链","priority":1}' | bangfu work add needs - --format json | jq -c '[.id, .target, .round, (.account | startswith("cli:"))]'
[9201,"440881","2023-2026",true]
$ printf 'id,target,task,title,priority\n9202,440881,A1,仓储,2\n9203,440881,A1,物流,9\n9204,440881,A1,不会写入,1\n' | bangfu work add needs -
bangfu: stdin:3: priority: must be from 1 to 3 (got 9)
bangfu: 字段“priority”：须在 1 到 3 之间（收到 9）
bangfu: nothing written: the 3 records are one transaction, all or none (没有写入任何记录)
[2]
$ bangfu work list needs --target 440881 --format csv | grep -c '^920[1-4],'; sqlite3 bangfu.db "SELECT count(*) FROM audit WHERE entity = 'need'"
1
1
$ echo '[{"id":9205,"target":"440881","task":"A1","title":"冷库","priority":1},{"id":9206,"target":"440881","task":"Z9","title":"无此任务","priority":1}]' | bangfu work add needs - 2>&1 | head -n 1; bangfu work list needs --target 440881 --format csv | grep -c '^920[5-6],'
bangfu: stdin: record 2: task: 'Z9' is not a task of round 2023-2026
0
[1]
$ sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'work_generation'" > gen; printf 'id,target,task,title,priority\n9202,440881,A1,仓储,2\n9203,440881,A1,物流,3\n9204,440881,A1,装卸,1\n' | bangfu work add needs -
created need 9202 (需求清单)
created need 9203 (需求清单)
created need 9204 (需求清单)
$ sqlite3 bangfu.db "SELECT account LIKE 'cli:%', action, key FROM audit WHERE entity = 'need' ORDER BY id"; echo $(( $(sqlite3 bangfu.db "SELECT value FROM meta WHERE key = 'work_generation'") - $(cat gen) )) commit
1|create|9201
1|create|9202
1|create|9203
1|create|9204
1 commit
$ echo '[{"id":9301,"unit":"U048","title":"政策一","date":"2024-05-01","targets":"440881","tasks":"A1;B1"}]' | bangfu work add policies -
created policy 9301 (政策文件)
$ bangfu work list policies --format csv | grep '^9301,' | cut -d, -f1,3,8,9
9301,U048,440881,A1; B1
