# An import that changes a round's dates cuts its periods again (docs/cycle.md "Periods"): with
# group G2023-440881's report of 2026Q3 approved (written here straight into the database),
# rounds.csv ending the round on 2026-08-31 would change that period: refused naming the
# report, the period and who can unlock it, and nothing is imported; ending it on 2026-09-30
# keeps 2026Q3 as it is and drops 2026Q4 (which holds no report).
$ bangfu init > /dev/null && bangfu export ex > /dev/null && mkdir r
$ sqlite3 bangfu.db "INSERT INTO group_report (\"group\", period, status, created, updated) SELECT 'G2023-440881', id, 'approved', '2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z' FROM period WHERE name = '2026Q3'"
$ sed 's/2026-12-31/2026-08-31/' ex/rounds.csv > r/rounds.csv && bangfu import r
bangfu: round 2023-2026 cannot run from 2023-11-16 to 2026-08-31: group G2023-440881's report 1 (approved) is on the period 2026Q3 (2026-07-01 to 2026-09-30), which the new dates change; an approved or submitted report keeps its period: an admin reopens it, or the office returns it, first
bangfu: nothing was imported
[1]
$ bangfu periods list --format csv | tail -n 2
12,2023-2026,2026Q3,2026-07-01,2026-09-30,2026-10-10,quarterly,1,0,0,0,1
13,2023-2026,2026Q4,2026-10-01,2026-12-31,2027-01-10,quarterly,0,0,0,0,0
$ sed 's/2026-12-31/2026-09-30/' ex/rounds.csv > r/rounds.csv && bangfu import r
imported 1 row from rounds.csv (UTF-8 with BOM)
$ bangfu periods list --format csv | tail -n 2
11,2023-2026,2026Q2,2026-04-01,2026-06-30,2026-07-10,quarterly,0,0,0,0,0
12,2023-2026,2026Q3,2026-07-01,2026-09-30,2026-10-10,quarterly,1,0,0,0,1
