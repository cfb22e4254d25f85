# The inbox in pages (docs/cycle.md "Inbox and digests"): `limit` and `offset` slice the items
# of the asked kinds in the inbox's order (due day, kind, group, period, id), `matched` counts
# them on every page, and `total` and `counts` stay the whole inbox's, so the badge
# (summary=1) does not move with the page. The office's 70 reports waiting come in three
# pages that together are the whole list, once each; a lead unit's inbox of six kinds pages
# the same way across kinds; a page past the end is empty; a bad offset is 400 naming it.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "INSERT INTO group_report (\"group\", period, status, created, updated, submitted, submitted_by) SELECT g.id, p.id, 'submitted', '2024-04-01T00:00:00Z', '2024-04-01T00:00:00Z', '2024-04-02T00:00:00Z', 'x' FROM grp g JOIN period p ON p.round = g.round AND p.id IN (2, 3) WHERE g.id <> 'G2023-440881' ORDER BY g.id LIMIT 70"
$ sqlite3 bangfu.db "DELETE FROM cadre WHERE id = 'C0053'"
$ for a in 'wang planner' 'lead unit --unit U048'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as wang GET '/api/v1/inbox?summary=1' | sed 1d | jq -c '[.total, .counts, has("matched")]'
[70,{"report_waiting":70},false]
$ as wang GET '/api/v1/inbox?limit=1000' | sed 1d | jq -r '.items[] | "\(.record.id) \(.period) \(.group)"' > all; wc -l < all; sed -n '1p;35p;36p;70p' all
70
1 2024Q1 G2023-440222
69 2024Q1 G2023-441426
2 2024Q2 G2023-440222
70 2024Q2 G2023-441426
$ for o in 0 25 50; do as wang GET "/api/v1/inbox?limit=25&offset=$o" | sed 1d | jq -r '.items[] | "\(.record.id) \(.period) \(.group)"'; done > paged; cmp all paged && echo the pages are the whole list; sort all | uniq -d | wc -l
the pages are the whole list
0
$ for o in 0 50 70 100; do as wang GET "/api/v1/inbox?limit=25&offset=$o" | sed 1d | jq -c '[.total, .matched, .limit, .offset, (.items | length)]'; done
[70,70,25,0,25]
[70,70,25,50,20]
[70,70,25,70,0]
[70,70,25,100,0]
$ as lead GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -c '[.total, .matched, .counts]'
[15,15,{"report_due":0,"report_overdue":12,"report_returned":0,"commitment_overdue":1,"term_ending":1,"finding":1}]
$ as lead GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | "\(.kind) \(.record.id)"' > all; for o in 0 4 8 12; do as lead GET "/api/v1/inbox?as_of=2026-12-02&limit=4&offset=$o" | sed 1d | jq -r '.items[] | "\(.kind) \(.record.id)"'; done | cmp - all && echo the pages are the whole list; awk '{print $1}' all | uniq | paste -sd ' '
the pages are the whole list
report_overdue commitment_overdue report_overdue term_ending finding
$ as lead GET '/api/v1/inbox?as_of=2026-12-02&kind=term_ending,finding&limit=1&offset=1' | sed 1d | jq -c '[.total, .matched, [.items[].kind]]'
[15,2,["finding"]]
$ for o in -1 x 100001; do as lead GET "/api/v1/inbox?offset=$o" | sed 1d | jq -c '[.error.field, .error.message]'; done
["offset","offset: give a whole number from 0 to 100000"]
["offset","offset: give a whole number from 0 to 100000"]
["offset","offset: give a whole number from 0 to 100000"]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
