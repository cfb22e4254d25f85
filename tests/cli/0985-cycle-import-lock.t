# The reporting cycle's lock holds for the CSV import too (docs/cycle.md "Lock"): with group
# G2023-440881's report of 2024Q1 approved (written here straight into the database), a
# resource of 廉江市 440881 dated in 2024Q1, new or changed, and a commitment delivered on a
# day in 2024Q1 are refused naming the file, the line, the field, the period and who can
# reopen it, and nothing is imported; the same rows dated outside the period, another
# county's row of the same day, and the export imported again unchanged pass.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "INSERT INTO group_report (\"group\", period, status, created, updated) SELECT 'G2023-440881', id, 'approved', '2024-04-02T00:00:00Z', '2024-04-02T00:00:00Z' FROM period WHERE name = '2024Q1'"
$ bangfu export ex > /dev/null && mkdir a b c d
$ h=$(head -1 ex/resources.csv); printf '%s\n9,2023-2026,funds,7,440881,U048,,,2024-01-15,,0\n' "$h" > a/resources.csv; bangfu import a
bangfu: a/resources.csv:2: column 'date': the resource dated 2024-01-15 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
bangfu: nothing was imported
[1]
$ h=$(head -1 ex/resources.csv); printf '%s\n1,2023-2026,funds,1000001,440881,U048,A1,,2024-03-01,,1\n' "$h" > b/resources.csv; bangfu import b
bangfu: b/resources.csv:2: column 'date': the resource dated 2024-03-01 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
bangfu: nothing was imported
[1]
$ h=$(head -1 ex/commitments.csv); printf '%s\n3,2023-2026,440881,U132,C1,,医护培训,人次,200,200,2026-06-30,delivered,培训名单,,,2024-02-20,,,1\n' "$h" > c/commitments.csv; bangfu import c
bangfu: c/commitments.csv:2: column 'status': a status change dated 2024-02-20 lies in the period 2024Q1 (2024-01-01 to 2024-03-31), locked since group G2023-440881's report 1 was approved: an admin can reopen it (POST /api/v1/group-reports/1/reopen with a reason)
bangfu: nothing was imported
[1]
$ sqlite3 bangfu.db 'SELECT count(*), sum(amount) FROM resource; SELECT status FROM commitment WHERE id = 3'
7|32500301
planned
$ h=$(head -1 ex/resources.csv); printf '%s\n9,2023-2026,funds,7,440881,U048,,,2024-04-15,,0\n10,2023-2026,funds,9,440222,U028,,,2024-01-15,,0\n' "$h" > d/resources.csv; bangfu import d
imported 2 rows from resources.csv (UTF-8 with BOM)
$ bangfu import ex > /dev/null && sqlite3 bangfu.db 'SELECT count(*) FROM resource WHERE id IN (9, 10)'
2
