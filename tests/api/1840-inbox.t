# The inbox (issue 12 §5, docs/cycle.md "Inbox and digests"), as of 2026-12-02, on 廉江市's group
# G2023-440881 (U048 lead; U111, U132 members) with the work fixture, a member's cadre removed
# (C0053: U132 then sends no cadre, a cadre-quota finding about the group) and commitment 2
# delivered, not confirmed; the server's window for reports due is 40 days (--inbox-due-days),
# so 2026Q4 (due 2027-01-10, in 39 days) is due. Accounts: admin2, planner, lead (U048), member
# (U111), other (U028, 始兴县's lead), county (440881), auditor. Each role's inbox: the lead unit
# its reports due, overdue and returned, its overdue commitment, its cadre's term ending
# without a successor, the finding; a member unit its cadres' terms and the finding only; the
# county its target's overdue commitments and the delivery waiting for its confirmation; the
# office the report waiting; the auditor nothing. Then each item goes when it is done.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ sqlite3 bangfu.db "DELETE FROM cadre WHERE id = 'C0053'; UPDATE commitment SET status = 'delivered', confirmed_on = NULL, delivered_on = '2026-11-20', evidence = '签约5家' WHERE id = 2"
$ for a in 'admin2 --role admin' 'planner --role planner' 'lead --role unit --unit U048' 'member --role unit --unit U111' 'other --role unit --unit U028' 'county --role county --target 440881' 'auditor --role auditor'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin > /dev/null; done
$ serve-bg --inbox-due-days 40
$ as lead POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed 1d | jq -r .id
1
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -r .status
submitted
$ as planner POST /api/v1/group-reports/1/return '{"reason":"请补充资金到位情况"}' | sed 1d | jq -r .status
returned
$ as lead POST /api/v1/group-reports '{"group":"G2023-440881","period":3}' | sed 1d | jq -r .id
2
$ as lead POST /api/v1/group-reports/2/submit | sed 1d | jq -r .status
submitted
$ for w in admin2 planner lead member other county auditor; do printf '%s ' $w; as $w GET '/api/v1/inbox?as_of=2026-12-02&summary=1' | sed 1d | jq -c '[.total, .counts, has("items")]'; done
admin2 [1,{"report_waiting":1},false]
planner [1,{"report_waiting":1},false]
lead [15,{"report_due":1,"report_overdue":10,"report_returned":1,"commitment_overdue":1,"term_ending":1,"finding":1},false]
member [3,{"report_due":0,"report_overdue":0,"report_returned":0,"commitment_overdue":0,"term_ending":2,"finding":1},false]
other [14,{"report_due":1,"report_overdue":12,"report_returned":0,"commitment_overdue":0,"term_ending":1,"finding":0},false]
county [3,{"commitment_overdue":2,"confirmation_waiting":1},false]
auditor [0,{},false]
$ as lead GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | [.kind, .record.type, (.record.id // "-"), .href, (.due // "-"), (.days // "-")] | @tsv'
report_overdue	group_report	-	#/reports?group=G2023-440881&period=1	2024-01-10	-1057
report_returned	group_report	1	#/reports/1	2024-04-10	-966
report_overdue	group_report	-	#/reports?group=G2023-440881&period=4	2024-10-10	-783
report_overdue	group_report	-	#/reports?group=G2023-440881&period=5	2025-01-10	-691
commitment_overdue	commitment	1	#/commitments/1	2025-03-31	-611
report_overdue	group_report	-	#/reports?group=G2023-440881&period=6	2025-04-10	-601
report_overdue	group_report	-	#/reports?group=G2023-440881&period=7	2025-07-10	-510
report_overdue	group_report	-	#/reports?group=G2023-440881&period=8	2025-10-10	-418
report_overdue	group_report	-	#/reports?group=G2023-440881&period=9	2026-01-10	-326
report_overdue	group_report	-	#/reports?group=G2023-440881&period=10	2026-04-10	-236
report_overdue	group_report	-	#/reports?group=G2023-440881&period=11	2026-07-10	-145
report_overdue	group_report	-	#/reports?group=G2023-440881&period=12	2026-10-10	-53
term_ending	cadre	C0050	#/cadres/C0050	2026-12-19	17
report_due	group_report	-	#/reports?group=G2023-440881&period=13	2027-01-10	39
finding	group	G2023-440881	#/groups/G2023-440881	-	-
$ as lead GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | select(.kind != "report_overdue") | .title_zh, .title_en'
组团G2023-440881（廉江市）2024Q1报告被退回：请补充资金到位情况
Group G2023-440881 (Lianjiang City): the report for 2024Q1 was returned: 请补充资金到位情况
帮扶事项“高标准农田”（U048，廉江市）已逾期611天（截止2025-03-31）
Commitment "高标准农田" (U048, Lianjiang City) is overdue by 611 days (due 2025-03-31)
干部陈卫军（C0050，组团G2023-440881）任期将于2026-12-19届满（还有17天），尚未确定接任人
Cadre 陈卫军 (C0050, group G2023-440881): the term ends on 2026-12-19 (17 days left) and no successor is named
组团G2023-440881（廉江市）2026Q4报告将于2027-01-10截止（还有39天）
Group G2023-440881 (Lianjiang City): the report for 2026Q4 is due on 2027-01-10 (39 days left)
组团G2023-440881（廉江市）规则检查：成员单位 U132 中国国家铁路集团有限公司广州局集团 在岗中层或科级干部 0 名（廉江市，组团 G2023-440881，2026-12-02）：应为 1 至 2 名
Group G2023-440881 (Lianjiang City): rule check: member unit U132 中国国家铁路集团有限公司广州局集团 has 0 middle- or section-level cadres on post in 廉江市 (group G2023-440881) on 2026-12-02: it must have 1 or 2
$ as lead GET '/api/v1/inbox?as_of=2026-12-02&kind=report_returned' | sed 1d | jq -c '[.total, .counts.report_returned, [.items[] | [.kind, .reason, .period, .href]]]'
[15,1,[["report_returned","请补充资金到位情况","2024Q1","#/reports/1"]]]
$ as member GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | [.kind, .href, (.due // "-")] | @tsv'
term_ending	#/cadres/C0051	2026-12-19
term_ending	#/cadres/C0052	2026-12-31
finding	#/groups/G2023-440881	-
$ as county GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | [.kind, .href, (.due // "-"), .title_zh] | @tsv'
commitment_overdue	#/commitments/1	2025-03-31	帮扶事项“高标准农田”（U048，廉江市）已逾期611天（截止2025-03-31）
commitment_overdue	#/commitments/3	2026-06-30	帮扶事项“医护培训”（U132，廉江市）已逾期155天（截止2026-06-30）
confirmation_waiting	#/commitments/2	-	帮扶事项“引进企业”（U111）已交付（2026-11-20），待确认销号
$ as planner GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -r '.items[] | [.kind, .href, .title_zh, .title_en] | @tsv' | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}提交/DAY提交/; s/submitted [0-9-]{10}/submitted DAY/'
report_waiting	#/reports/2	组团G2023-440881（廉江市）2024Q2报告已提交，待审核（DAY提交）	Group G2023-440881 (Lianjiang City): the report for 2024Q2 was submitted and waits for review (submitted DAY)
$ as other GET '/api/v1/inbox?as_of=2026-12-02' | sed 1d | jq -c '[.total, ([.items[].group] | unique)]'
[14,["G2023-440222"]]
$ as auditor GET /api/v1/inbox | sed 1d | jq -c '[.kinds, .total, .items]'
[[],0,[]]
$ as lead GET '/api/v1/inbox?as_of=2026-12-02&limit=2' | sed 1d | jq -c '[.total, (.items | length), .items[0].period]'
[15,2,"2023Q4"]
$ as lead GET '/api/v1/inbox?as_of=2026-12-02&kind=term_ending,finding' | sed 1d | jq -c '[.total, [.items[].kind]]'
[15,["term_ending","finding"]]
$ as lead GET '/api/v1/inbox?kind=overdue' | sed 1d | jq -c '.error.field'
"kind"
$ as lead GET '/api/v1/inbox?limit=0' | sed -n 1p
HTTP 400
$ as lead GET '/api/v1/inbox?as_of=2026-13-01' | sed -n 1p
HTTP 400
$ as lead GET '/api/v1/inbox?summary=yes' | sed -n 1p
HTTP 400
$ as lead GET '/api/v1/inbox?nonsense=1' | sed -n 1p
HTTP 400
$ as lead POST /api/v1/cadres '{"id":"C9001","name":"李明","unit":"U048","group":"G2023-440881","rank":"division","post":"市委副书记","start":"2026-12-15","planned_end":"2029-12-14","predecessor":"C0050","verified":0}' | sed -n 1p
HTTP 201
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -r .status
submitted
$ as county PATCH /api/v1/commitments/2 '{"status":"confirmed"}' | sed 1d | jq -r .status
confirmed
$ as planner POST /api/v1/group-reports/approve '{"ids":[1,2]}' | sed 1d | jq -c .approved
2
$ for w in planner lead county; do printf '%s ' $w; as $w GET '/api/v1/inbox?as_of=2026-12-02&summary=1' | sed 1d | jq -c '[.total, .counts]'; done
planner [0,{"report_waiting":0}]
lead [13,{"report_due":1,"report_overdue":10,"report_returned":0,"commitment_overdue":1,"term_ending":0,"finding":1}]
county [2,{"commitment_overdue":2,"confirmation_waiting":0}]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
