# bangfu plan --round --format json: every assignment with its breakdown and the statistics;
# the plan's score is the sum of the group scores (the objective adds 0.0001 per pair kept in
# place, the stability bonus); another needs table (--needs) changes the plan: without a member
# cost every capacity is used.
$ bangfu init > /dev/null
$ bangfu plan --round 2023-2026 --format json > plan.json; jq -c '[.round, .kind, .status, .objective, .score, .needs, .solver.warm]' plan.json
["2023-2026","plan","optimal",704.767,704.75,"plan-needs.csv (bundled)",false]
$ jq -c '.statistics | [.groups, .memberships, .units_used, .units_twice, .group_score, .prefecture_spread]' plan.json
[62,170,156,14,{"min":5,"mean":11.366935483871,"max":27.75},11.125]
$ jq -c '.statistics.prefectures[] | select(.prefecture == "湛江市")' plan.json
{"prefecture":"湛江市","groups":5,"mean":9.7}
$ jq -c '.groups[] | select(.target == "440881") | [.group, .score, .bonus, .support]' plan.json
["G2023-440881",10.75,11.25,0.25]
$ jq -c '.groups[] | select(.target == "440881") | .units[] | [.unit, .role, .fixed, .score, .breakdown]' plan.json
["U048","lead",true,4.5,{"fit":{"planning":1,"digital":0.5},"fit_total":1.5,"lead_weight":3,"continuity":0,"member_cost":0,"keep":0.0001}]
["U111","member",true,-1.5,{"fit":{"industry":1,"marine":3},"fit_total":4,"lead_weight":0,"continuity":0,"member_cost":-5.5,"keep":0.0001}]
["U132","member",true,-3.5,{"fit":{"industry":1,"planning":1},"fit_total":2,"lead_weight":0,"continuity":0,"member_cost":-5.5,"keep":0.0001}]
$ jq '(.score - ([.groups[].score] | add)) | fabs < 1e-6' plan.json
true
$ jq '[.groups[].units[] | .score - (.breakdown | .fit_total + .lead_weight + .continuity + .member_cost) | fabs] | max < 1e-9' plan.json
true
$ jq -c '{leads_per_group: ([.groups[] | [.units[] | select(.role == "lead")] | length] | unique)}' plan.json
{"leads_per_group":[1]}
$ sed 's/^set:member_cost,5.5,/set:member_cost,0,/' "$TESTDIR/../data/guangdong/plan-needs.csv" > needs.csv; bangfu plan --round 2023-2026 --needs needs.csv --format json | jq -c '[.needs, .statistics.memberships, .statistics.units_twice]'
["needs.csv",184,28]
