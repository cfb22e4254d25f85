# bangfu plan --round with a needs table that lets only universities lead: 62 targets need a
# lead, 20 universities can give one. The plan is infeasible (exit 1) and says why, naming the
# targets and units; --apply writes nothing. 省统计局 still leads 廉江市: a published group is
# kept whatever the table says about its lead's category.
$ bangfu init > /dev/null
$ grep -v '^lead:' "$TESTDIR/../data/guangdong/plan-needs.csv" > needs.csv; echo 'lead:university,1,,,,,,,,,,,,' >> needs.csv
$ bangfu plan --round 2023-2026 --needs needs.csv --apply
规划 plan · 轮次 round 2023-2026 · 需求表 needs needs.csv
无解 infeasible: targets 440222, 440224, 440229, 440232, 440233, 440281, 440282, 440513 and 53 more need 61 leads but only units U082, U083, U084, U085, U086, U087, U088, U089 and 12 more may lead them, with 20 places left: allow more pairs, raise capacities or lower mmin
[1]
$ bangfu plan --round 2023-2026 --needs needs.csv --format json | jq -c '[.status, .groups, .statistics]'
["infeasible",[],null]
[1]
$ bangfu audit verify
audit trail intact: 0 rows, every hash matches
