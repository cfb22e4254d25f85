# `bangfu export --format xlsx` writes the work's sheets beside the registry's (issue 11 §9): a
# sheet each for tasks, needs, commitments, resources and policies, read back here by
# tests/bin/xlsx-read: Chinese headers, numbers as numbers, days as dates, every record (a
# sheet's rows equal the CSV's lines: header + records); a work record added after init is in it.
$ bangfu init > /dev/null
$ printf 'id,round,kind,amount,target,unit,task,commitment,date,source,illustrative\n9001,2023-2026,funds,123456789,440881,U048,,,2024-05-06,测试 9001,0\n' > resources.csv && bangfu import resources.csv
imported 1 row from resources.csv (UTF-8)
$ bangfu export --format xlsx all.xlsx
exported 12 sheets to all.xlsx
$ xlsx-read all.xlsx 1 | grep '^sheets'
sheets: 轮次 rounds | 帮扶对象 targets | 帮扶单位 units | 组团 groups | 组团成员 members | 帮扶干部 cadres | 指标 indicators | 重点任务 tasks | 需求清单 needs | 帮扶事项 commitments | 资源导入 resources | 政策文件 policies | 说明 columns
$ for t in tasks needs commitments resources policies; do rows=$(xlsx-read all.xlsx 1 | grep " $t: " | sed -E 's/.*filter A1:[A-Z]+([0-9]+)$/\1/'); lines=$(bangfu work list $t --format csv | wc -l); echo "$t $rows $lines $([ "$rows" = "$lines" ] && echo same)"; done | sed -E 's/ [0-9]+ [0-9]+ / N N /'
tasks N N same
needs N N same
commitments N N same
resources N N same
policies N N same
$ xlsx-read all.xlsx 2 | sed -n '/^sheet 帮扶事项/,/^sheet 资源/p' | grep -E '^(A|H|I|K|L|V)[12] '
A1 s 编号
H1 s 计量单位
I1 s 目标值
K1 s 完成期限
L1 s 状态
V1 s 逾期
A2 n 1
H2 s 个
I2 n 3
K2 d 2024-08-02
L2 s confirmed
V2 b 0
$ xlsx-read all.xlsx 100000 | sed -n '/^sheet 资源导入/,/^sheet 政策/p' | grep -A12 '^A[0-9]* n 9001$' | grep -E '^(A|D|I|J)[0-9]+ ' | sed -E 's/^([A-Z])[0-9]+/\1/'
A n 9001
D n 123456789
I d 2024-05-06
J s 测试 9001
