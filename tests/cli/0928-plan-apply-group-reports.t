# `bangfu plan --apply` drops the round's groups the plan does not use, but not one with group
# reports or assessments: the apply is refused (nothing written), naming the group and what it
# has, before the commit's foreign key would refuse it without a word of which (app/depends).
$ bangfu init > /dev/null
$ sqlite3 bangfu.db "INSERT INTO grp SELECT 'G2023-440881-B', round, target, 0, NULL FROM grp WHERE id = 'G2023-440881'; INSERT INTO group_report (\"group\", period, created, updated) SELECT 'G2023-440881-B', id, '2024-01-01', '2024-01-01' FROM period ORDER BY id LIMIT 2"
$ bangfu plan --round 2023-2026 --apply > /dev/null
bangfu: group G2023-440881-B has 2 group reports; delete or move them first
[1]
$ sqlite3 bangfu.db "SELECT count(*) FROM grp WHERE id = 'G2023-440881-B'; SELECT count(*) FROM audit"
1
0
$ sqlite3 bangfu.db "DELETE FROM group_report"; bangfu plan --round 2023-2026 --apply | grep -c '^已应用'; sqlite3 bangfu.db "SELECT count(*) FROM grp WHERE id = 'G2023-440881-B'"
1
0
