# The reporting cycle's workflow (docs/cycle.md, issue 12 §1-§3) on 廉江市's group G2023-440881
# (U048 lead, U111 member) with the accounts admin2, planner, lead (U048), member (U111),
# other (U028, 始兴县's group), county (440881) and auditor: the round's default periods;
# who may create a report; every transition x role from every state (draft, submitted,
# returned, approved): the right role from the right state moves it, anyone else gets 409 with
# the allowed next states (404 for who may not read it); return and reopen need a reason,
# shown on the report; approval freezes the figures; the narrative by the lead unit only,
# paragraphs by the group's units, nothing changes once submitted or approved (409 naming the
# period and who can reopen it); bulk approval all or none; every transition in the audit
# trail; the CLI's lists.
$ bangfu init > /dev/null && sqlite3 bangfu.db < "$TESTDIR/data/cycle-clear-work.sql" && sqlite3 bangfu.db < "$TESTDIR/data/work-fixture.sql"
$ for a in 'admin2 --role admin' 'planner --role planner' 'lead --role unit --unit U048' 'member --role unit --unit U111' 'other --role unit --unit U028' 'county --role county --target 440881' 'auditor --role auditor'; do set -- $a; echo 'a long enough secret' | bangfu user add "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as auditor GET '/api/v1/periods?round=2023-2026' | sed 1d | jq -c '[.total, .items[0].name, .items[0].start, .items[0].due, .items[1].name, .items[-1].name, .items[-1].end, .items[-1].due]'
[13,"2023Q4","2023-11-16","2024-01-10","2024Q1","2026Q4","2026-12-31","2027-01-10"]
$ for w in county auditor other; do printf '%s ' $w; as $w POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed -n 1p; done
county HTTP 403
auditor HTTP 403
other HTTP 403
$ as member POST /api/v1/group-reports '{"group":"G2023-440881","period":2}' | sed 1d | jq -c '[.id, .status, .lead, .period_name, .start, .end, .due, .actions]'
[1,"draft","U048","2024Q1","2024-01-01","2024-03-31","2024-04-10",[]]
$ as lead POST /api/v1/group-reports '{"group":"G2023-440881","period":2}'
HTTP 409
{"error":{"code":"conflict","message":"group G2023-440881 already has a report for period 2: report 1","field":"period","message_zh":"组团G2023-440881在该报告期已有报告（编号1）"}}
$ as lead POST /api/v1/group-reports '{"group":"G2023-440881","period":99}' | sed -n 1p
HTTP 400
$ as lead GET /api/v1/group-reports/1 | sed 1d | jq -c .actions
["submit"]
$ as lead PATCH /api/v1/group-reports/1 '{"problems":"资金到位慢","next_steps":"推进农田改造"}' | sed 1d | jq -c '[.problems, .next_steps]'
["资金到位慢","推进农田改造"]
$ as member PATCH /api/v1/group-reports/1 '{"problems":"x"}' | sed 1d | jq -c '.error | [.code, .message_zh]'
["forbidden","报告正文由牵头单位撰写"]
$ as member POST /api/v1/group-reports/1/contribution '{"text":"U111 引进企业5家"}' | sed 1d | jq -c '[.contributions[] | [.unit, .text, .account]]'
[["U111","U111 引进企业5家","member"]]
$ as member POST /api/v1/group-reports/1/contribution '{"text":"x","unit":"U048"}' | sed 1d | jq -c '.error.field'
"unit"
$ for w in county auditor planner; do printf '%s ' $w; as $w POST /api/v1/group-reports/1/contribution '{"text":"x"}' | sed -n 1p; done
county HTTP 403
auditor HTTP 403
planner HTTP 403
$ as other POST /api/v1/group-reports/1/contribution '{"text":"x"}' | sed -n 1p
HTTP 404
$ for w in planner member county auditor other; do printf '%s ' $w; as $w POST /api/v1/group-reports/1/submit | sed -n 1p; done
planner HTTP 409
member HTTP 409
county HTTP 409
auditor HTTP 409
other HTTP 404
$ as county POST /api/v1/group-reports/1/submit
HTTP 409
{"error":{"code":"conflict","message":"cannot submit a report that is draft as county: allowed next: submitted (submit, by the lead unit)","field":"status","message_zh":"草稿状态的报告不能执行此操作（submit）；可转到：已提交（牵头单位）","allowed":["submitted"]}}
$ for a in return approve reopen; do printf '%s ' $a; as admin2 POST /api/v1/group-reports/1/$a '{"reason":"x"}' | sed 1d | jq -c '.error.allowed'; done
return ["submitted"]
approve ["submitted"]
reopen ["submitted"]
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -c '[.status, .submitted_by, .actions]'
["submitted","lead",[]]
$ as lead PATCH /api/v1/group-reports/1 '{"problems":"y"}' | sed 1d | jq -c '.error | [.code, .message]'
["conflict","the report of 2024Q1 is submitted: it can be changed again when the office returns it"]
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -c '.error.allowed'
["returned","approved"]
$ for w in lead member county auditor; do for a in return approve; do printf '%s %s ' $w $a; as $w POST /api/v1/group-reports/1/$a '{"reason":"x"}' | sed -n 1p; done; done
lead return HTTP 409
lead approve HTTP 409
member return HTTP 409
member approve HTTP 409
county return HTTP 409
county approve HTTP 409
auditor return HTTP 409
auditor approve HTTP 409
$ as admin2 POST /api/v1/group-reports/1/reopen '{"reason":"x"}' | sed -n 1p
HTTP 409
$ as planner GET /api/v1/group-reports/1 | sed 1d | jq -c .actions
["return","approve"]
$ as planner POST /api/v1/group-reports/1/return '{}'
HTTP 400
{"error":{"code":"invalid_input","message":"reason: give the reason (it is shown to the group and kept)","field":"reason","message_zh":"reason：请填写理由（会显示给组团并留档）"}}
$ as planner POST /api/v1/group-reports/1/return '{"reason":"请补充资金到位情况"}' | sed 1d | jq -c '[.status, .reason, .decided_by]'
["returned","请补充资金到位情况","planner"]
$ as lead GET /api/v1/group-reports/1 | sed 1d | jq -c '[.status, .reason, .actions]'
["returned","请补充资金到位情况",["submit"]]
$ as lead PATCH /api/v1/group-reports/1 '{"problems":"资金到位慢：已补充"}' | sed 1d | jq -c .problems
"资金到位慢：已补充"
$ for w in planner admin2; do for a in approve return reopen; do printf '%s %s ' $w $a; as $w POST /api/v1/group-reports/1/$a '{"reason":"x"}' | sed 1d | jq -c '.error.allowed'; done; done
planner approve ["submitted"]
planner return ["submitted"]
planner reopen ["submitted"]
admin2 approve ["submitted"]
admin2 return ["submitted"]
admin2 reopen ["submitted"]
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -c '[.status, .reason]'
["submitted",""]
$ as admin2 POST /api/v1/group-reports/1/approve | sed 1d | jq -c '[.status, .decided_by, .figures_frozen, .figures.resources.funds.amount, .actions]'
["approved","admin2",true,1000000,["reopen"]]
$ as lead PATCH /api/v1/group-reports/1 '{"problems":"z"}' | sed 1d | jq -c '.error | [.code, .message, .message_zh]'
["conflict","the period 2024Q1 is locked: its report is approved; an admin can reopen it (POST .../reopen with a reason)","2024Q1已锁定：报告已审核通过；可由管理员填写理由后重新开放"]
$ as member POST /api/v1/group-reports/1/contribution '{"text":"z"}' | sed -n 1p
HTTP 409
$ for w in lead planner; do for a in submit return approve reopen; do printf '%s %s ' $w $a; as $w POST /api/v1/group-reports/1/$a '{"reason":"x"}' | sed 1d | jq -c '[.error.code, .error.allowed]'; done; done
lead submit ["conflict",["draft"]]
lead return ["conflict",["draft"]]
lead approve ["conflict",["draft"]]
lead reopen ["conflict",["draft"]]
planner submit ["conflict",["draft"]]
planner return ["conflict",["draft"]]
planner approve ["conflict",["draft"]]
planner reopen ["conflict",["draft"]]
$ as admin2 POST /api/v1/group-reports/1/reopen | sed -n 1p
HTTP 400
$ as admin2 POST /api/v1/group-reports/1/reopen '{"reason":"县里更正了资金数"}' | sed 1d | jq -c '[.status, .reason, .figures_frozen, .actions]'
["draft","县里更正了资金数",false,["submit"]]
$ as lead POST /api/v1/group-reports/1/submit | sed 1d | jq -r .status
submitted
$ as planner POST /api/v1/group-reports '{"group":"G2023-440881","period":3}' | sed 1d | jq -c '[.id, .status, .period_name]'
[2,"draft","2024Q2"]
$ as admin2 POST /api/v1/group-reports/2/submit | sed 1d | jq -r .status
submitted
$ as planner POST /api/v1/group-reports/2/approve | sed 1d | jq -r .status
approved
$ for w in admin2 planner auditor lead member county other; do printf '%s ' $w; as $w GET /api/v1/group-reports | sed 1d | jq -c '[.total, [.items[] | [.id, .status, .late]]]'; done
admin2 [2,[[2,"approved",true],[1,"submitted",true]]]
planner [2,[[2,"approved",true],[1,"submitted",true]]]
auditor [2,[[2,"approved",true],[1,"submitted",true]]]
lead [2,[[2,"approved",true],[1,"submitted",true]]]
member [2,[[2,"approved",true],[1,"submitted",true]]]
county [2,[[2,"approved",true],[1,"submitted",true]]]
other [0,[]]
$ as other GET /api/v1/group-reports/1 | sed -n 1p
HTTP 404
$ as planner GET '/api/v1/group-reports?status=submitted&prefecture=湛江市' | sed 1d | jq -c '[.total, .items[0].id]'
[1,1]
$ as planner GET '/api/v1/group-reports?status=nonsense' | sed 1d | jq -c '.error.field'
"status"
$ for g in G2023-440222 G2023-440224; do as admin2 POST /api/v1/group-reports "{\"group\":\"$g\",\"period\":2}" | sed 1d | jq -r .id; done
3
4
$ as admin2 POST /api/v1/group-reports/3/submit | sed -n 1p
HTTP 200
$ as planner POST /api/v1/group-reports/approve '{"ids":[1,3,4]}' | sed 1d | jq -c '.error | [.code, .message, .allowed]'
["conflict","cannot approve a report that is draft as planner: allowed next: submitted (submit, by the lead unit) (report 4: nothing was approved)",["submitted"]]
$ as planner GET '/api/v1/group-reports?status=approved' | sed 1d | jq -c '{approved: [.items[].id]}'
{"approved":[2]}
$ as lead POST /api/v1/group-reports/approve '{"ids":[1]}' | sed -n 1p
HTTP 409
$ as planner POST /api/v1/group-reports/approve '{"ids":[1,99]}' | sed 1d | jq -c '.error | [.code, .message]'
["invalid_input","ids: report 99 does not exist or is given twice"]
$ as planner POST /api/v1/group-reports/approve '{"ids":[1,3]}' | sed 1d | jq -c .
{"approved":2,"ids":[1,3],"status":"approved"}
$ as planner GET '/api/v1/group-reports?status=approved' | sed 1d | jq -c '[.items[] | [.id, .decided_by]]'
[[2,"planner"],[3,"planner"],[1,"planner"]]
$ as admin2 GET '/api/v1/audit?entity=group_report&limit=100' | sed 1d | jq -r '.items[] | select(.key == "1") | [.user, .action, (.before.status // "-"), .after.status // "-", .after.reason // "-"] | join(" ")'
member create - draft -
lead update - - -
lead submit draft submitted -
planner return submitted returned 请补充资金到位情况
lead update - - -
lead submit returned submitted -
admin2 approve submitted approved -
admin2 reopen approved draft 县里更正了资金数
lead submit draft submitted -
planner approve submitted approved -
$ bangfu audit verify
audit trail intact: [0-9]+ rows, every hash matches (re)
$ bangfu reports list --status approved
total  3

[items] 3
id  group         target_name  period_name  due         status    late  reason
--  ------------  -----------  -----------  ----------  --------  ----  ------
2   G2023-440881  廉江市       2024Q2       2024-07-10  approved  yes
3   G2023-440222  始兴县       2024Q1       2024-04-10  approved  yes
1   G2023-440881  廉江市       2024Q1       2024-04-10  approved  yes
$ bangfu periods list --round 2023-2026 --format csv | sed -n '2,4p'
1,2023-2026,2023Q4,2023-11-16,2023-12-31,2024-01-10,quarterly,0,0,0,0,0
2,2023-2026,2024Q1,2024-01-01,2024-03-31,2024-04-10,quarterly,3,1,0,0,2
3,2023-2026,2024Q2,2024-04-01,2024-06-30,2024-07-10,quarterly,1,0,0,0,1
$ bangfu reports list --status nonsense
bangfu: status: give draft, submitted, returned or approved
[1]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
