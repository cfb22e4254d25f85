# bangfu assessments list|create|grade (docs/cycle.md, Assessment) on the fixture of
# tests/api/1860 (tests/data/work-fixture.sql and assess-fixture.sql; the figures are worked
# out by hand there): 廉江市's group G2023-440881 in 2024 has 5 commitments due, 3 delivered,
# 1 confirmed, 26,234,567 yuan, 1 policy, reports 1 on time, 1 late, 2 missing. The CLI acts
# as the database's owner and audits as cli:USER; bad input exits 1 naming the field, bad
# usage 2.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql" && sqlite3 bangfu.db < "$TESTDIR/data/assess-fixture.sql"
$ bangfu assessments create --round 2023-2026 --kind year --year 2024
created 62 assessments (2023-2026 year 2024), 0 existed already
$ bangfu assessments create --round 2023-2026 --kind year --year 2024
created 0 assessments (2023-2026 year 2024), 62 existed already
$ bangfu assessments list --group G2023-440881 --format csv | tr -d '\r' | sed 's/^\xef\xbb\xbf//' | cut -d, -f2,9,10,13,17-24,30-35
group,kind,year,grade,evidence_frozen,commitments_due,commitments_delivered,commitments_confirmed,commitments_dropped,commitments_open,measures_text,funds,yuan,policies,reports_on_time,reports_late,reports_missing,reports_not_due
G2023-440881,year,2024,,no,5,3,1,1,1,亩 80/80; 人次 60/150; 家 5/5,1234567,26234567,1,1,1,2,0
$ id=$(bangfu assessments list --group G2023-440881 --format json | jq '.items[0].id'); bangfu assessments grade $id --grade 良好 --comment '交付按期' --format json | jq -c '[.grade, .comment, .evidence_frozen, .evidence.yuan, (.graded_by | startswith("cli:"))]'
["良好","交付按期",true,26234567,true]
$ bangfu assessments list --grade 良好
total  1

[items] 1
id  group         target_name  kind  year  grade  commitments_due  commitments_delivered  commitments_confirmed  yuan      policies  reports_on_time  reports_late  reports_missing
--  ------------  -----------  ----  ----  -----  ---------------  ---------------------  ---------------------  --------  --------  ---------------  ------------  ---------------
17  G2023-440881  廉江市       year  2024  良好   5                3                      1                      26234567  1         1                1             2
$ bangfu assessments list --grade none --format json | jq '.total'
61
$ bangfu assessments grade 17 --grade 很好
bangfu: grade: give 优秀 (excellent), 良好 (good), 一般 (fair) or 较差 (poor), or null to clear it
[1]
$ bangfu assessments create --round 2023-2026 --kind year --year 2030
bangfu: year: give a year of the round, 2023 to 2026
[1]
$ bangfu assessments create --round 2023-2026 --kind round --group G2023-440881 --format json | jq -c '[.kind, .start, .end, .evidence.commitments.due, .evidence.yuan]'
["round","2023-11-16","2026-12-31",8,26234568]
$ bangfu assessments list --year 2024 --format xlsx > a.xlsx && xlsx-read a.xlsx 2 | sed '/^sheet 说明/q' | grep -E '^(sheets|[AM][12] )'
sheets: 数据 data | 说明 columns
A1 s 编号
M1 s 评定等次
A2 n 1
$ bangfu assessments grade 17
bangfu assessments: grade needs --grade, --clear or --comment
(see: bangfu assessments --help)
[2]
$ bangfu assessments rank
bangfu assessments: give list, create or grade
(see: bangfu assessments --help)
[2]
$ bangfu assessments list --format pdf
bangfu assessments: --format 'pdf': use table, csv, json or xlsx
(see: bangfu assessments --help)
[2]
$ bangfu assessments --help | sed -n '9,10p'
考核。指挥部办公室在每年年末和轮次期末对每个组团（不针对个人，不排名）进行考核，评定等次
（优秀、良好、一般、较差）并写评语；旁列系统计算的依据。
$ sqlite3 bangfu.db "SELECT action, count(*), min(account LIKE 'cli:%') FROM audit WHERE entity = 'assessment' GROUP BY action ORDER BY action"
create|63|1
grade|1|1
$ bangfu audit verify | sed 's/[0-9]* rows/N rows/'
audit trail intact: N rows, every hash matches
