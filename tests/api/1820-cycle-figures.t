# A group report's figures against a hand-computed fixture: tests/data/work-fixture.sql (the
# work of 廉江市 440881, G2023-440881: commitments #1-#4 created 2024-01-02, resources 1-3,
# policy 1) with #2 delivered 2024-05-20 and confirmed 2024-06-10 and 始兴县's #5 delivered
# 2024-02-15; the bundled cadres of G2023-440881: C0050 and C0051 from 2023-12-20, C0052 from
# 2024-05-16, C0053 from 2024-05-05. Worked out by hand from those rows, not by bangfu:
#  2024Q1 (2024-01-01..03-31): created 4, delivered 0, confirmed 0, open and due by the end 0;
#    funds 1 entry 1,000,000 yuan; yuan 1,000,000; policies 0; cadres arrived 0, left 0, on
#    post at the end 2.
#  2024Q2 (04-01..06-30): created 0, delivered 1 (家: 1 commitment, 5), confirmed 1, open due
#    0; investment 1 x 25,000,000, training 1 x 300; yuan 25,000,000; policies 1 (2024-05-01);
#    arrived 2, left 0, on post 4.
#  2025Q1 (2025-01-01..03-31): open and due by the end 1 (#1, due 2025-03-31, in progress).
#  G2023-440222 2024Q1: created 2, delivered 1 (亩 100); funds 2,500,000.
# Approval freezes the figures: a resource changed afterwards (here behind bangfu's back, in
# the database) moves a draft's figures, not the approved one's; reopening counts them again.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql" && sqlite3 bangfu.db "UPDATE commitment SET delivered_on = '2024-05-20', confirmed_on = '2024-06-10' WHERE id = 2; UPDATE commitment SET delivered_on = '2024-02-15' WHERE id = 5"
$ echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ for p in 2 3 6; do as boss POST /api/v1/group-reports "{\"group\":\"G2023-440881\",\"period\":$p}" | sed 1d | jq -c '[.period_name, .figures.commitments, .figures.delivered_values, .figures.yuan, .figures.policies, .figures.cadres]'; done
["2024Q1",{"created":4,"delivered":0,"confirmed":0,"open_due":0},[],1000000,0,{"arrived":0,"left":0,"on_post":2}]
["2024Q2",{"created":0,"delivered":1,"confirmed":1,"open_due":0},[{"measure":"家","commitments":1,"value":5}],25000000,1,{"arrived":2,"left":0,"on_post":4}]
["2025Q1",{"created":0,"delivered":0,"confirmed":0,"open_due":1},[],0,0,{"arrived":0,"left":0,"on_post":4}]
$ for r in 1 2; do as boss GET /api/v1/group-reports/$r | sed 1d | jq -c '[.figures.resources | to_entries[] | select(.value.entries > 0) | "\(.key) \(.value.entries) \(.value.amount)"]'; done
["funds 1 1000000"]
["investment 1 25000000","training 1 300"]
$ as boss POST /api/v1/group-reports '{"group":"G2023-440222","period":2}' | sed 1d | jq -c '[.figures.commitments.created, .figures.commitments.delivered, .figures.delivered_values, .figures.resources.funds.amount]'
[2,1,[{"measure":"亩","commitments":1,"value":100}],2500000]
$ as boss POST /api/v1/group-reports/2/submit > /dev/null && as boss POST /api/v1/group-reports/2/approve | sed 1d | jq -c '[.status, .figures_frozen, .figures.yuan]'
["approved",true,25000000]
$ sqlite3 bangfu.db "UPDATE resource SET amount = 26000000 WHERE id = 2; UPDATE resource SET amount = 1200000 WHERE id = 1"
$ for r in 1 2; do as boss GET /api/v1/group-reports/$r | sed 1d | jq -c '[.period_name, .status, .figures_frozen, .figures.yuan]'; done
["2024Q1","draft",false,1200000]
["2024Q2","approved",true,25000000]
$ as boss POST /api/v1/group-reports/2/reopen '{"reason":"资金数更正"}' | sed 1d | jq -c '[.status, .figures_frozen, .figures.yuan]'
["draft",false,26000000]
$ sqlite3 bangfu.db "SELECT json_extract(after, '$.figures.yuan') FROM audit WHERE entity = 'group_report' AND action = 'approve'"
25000000
