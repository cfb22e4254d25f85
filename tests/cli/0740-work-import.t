# The work's CSV files (docs/work.md) import beside the bundled registry: rows per file; a bad
# cell is refused naming file, line and column, and nothing of the import is written (the
# export before and after are the same); the export gives the work back, and an empty
# database that imports the whole export (registry and work in one transaction) exports the
# same files. A policy's tasks leave the database whole for backup's integrity check. A row
# meets the rules an API write of it would (core/work): a measure outside the list, a date
# outside the round, a unit not in a group of the target, a need of another county.
$ bangfu init > /dev/null && bangfu export before
exported 12 files to before
$ cp -r $TESTDIR/data/work/* .
$ bangfu import bad-amount
bangfu: bad-amount/resources.csv:3: column 'amount': '1.5' is not a whole number from 1 to 1000000000000000
bangfu: nothing was imported
[1]
$ bangfu import bad-need
bangfu: bad-need/commitments.csv:3: column 'need': need: 9009 is not a need of target 440222 in round 2023-2026
bangfu: nothing was imported
[1]
$ bangfu import bad-status
bangfu: bad-status/commitments.csv:3: column 'status': status: 'underway' is not one of: planned, in_progress, delivered, confirmed, dropped
bangfu: nothing was imported
[1]
$ bangfu export after && diff -r before after
exported 12 files to after
$ bangfu import good
imported 2 rows from needs.csv (UTF-8), 3 rows from commitments.csv (UTF-8), 2 rows from resources.csv (UTF-8), 1 row from policies.csv (UTF-8)
$ bangfu backup c.db | cut -d: -f1
backed up bangfu.db to c.db
$ bangfu export a && for f in needs commitments resources policies; do tail -c +4 a/$f.csv | grep -c '^900'; done
exported 12 files to a
2
3
2
1
$ tail -n 1 a/policies.csv
9001,2023-2026,U022,关于支持山区县茶产业发展的若干措施,,2024-08-01,农业,440281;440784,A3;A4,,0
$ bangfu --db b.db init --empty > /dev/null && bangfu --db b.db import a > /dev/null && bangfu --db b.db export b
exported 12 files to b
$ diff -r a b && echo same
same
$ mkdir rules && printf 'id,round,target,unit,task,need,title,measure,target_value,delivered_value,due,status,evidence,evidence_link,reason,delivered_on,confirmed_on,confirmed_by,illustrative\n9001,2023-2026,440881,U048,A4,,好,斤,2,0,2026-12-20,planned,,,,,,,0\n9002,2023-2026,440881,U048,A4,,好,家,2,0,2027-03-01,planned,,,,,,,0\n9003,2023-2026,440881,U028,A4,,好,家,2,0,2026-12-20,planned,,,,,,,0\n9004,2023-2026,440881,U048,A4,1,好,家,2,0,2026-12-20,planned,,,,,,,0\n9005,2023-2026,440881,U048,A4,,好,家,2,0,2026-12-20,planned,,,,,,,0\n' > rules/commitments.csv && bangfu import rules
bangfu: rules/commitments.csv:2: column 'measure': measure: '斤' is not one of: 亩, 家, 个, 项, 人, 人次, 户, 万元, 公里, 平方米, 吨, 场, 所, 套
bangfu: rules/commitments.csv:3: column 'due': due: 2027-03-01 is outside the round 2023-2026 (2023-11-16 to 2026-12-31)
bangfu: rules/commitments.csv:4: column 'target': target: unit U028 is not a member of a group of 440881 in round 2023-2026
bangfu: rules/commitments.csv:5: column 'need': need: 1 is not a need of target 440881 in round 2023-2026
bangfu: nothing was imported
[1]
$ printf 'id,round,kind,amount,target,unit,task,commitment,date,source,illustrative\n9001,2023-2026,funds,100,440881,U048,,,2020-01-01,x,0\n' > rules/resources.csv && rm rules/commitments.csv && bangfu import rules
bangfu: rules/resources.csv:2: column 'date': date: 2020-01-01 is outside the round 2023-2026 (2023-11-16 to 2026-12-31)
bangfu: nothing was imported
[1]
