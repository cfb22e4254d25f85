# bangfu plan --repair: what-if changes re-solved with a bonus for every pair of the current
# formation (warm-started from it); only what must change changes. Removing a member of a group
# with two members moves only that unit; removing a lead gives its groups new leads and moves
# nothing else; a merge passes A's assignment to B; a capacity no one needs changes nothing.
# Nothing is written without --apply.
$ bangfu init > /dev/null
$ bangfu plan --round 2023-2026 --repair --without U111 | sed -n '/^修复/,$p'
修复 repair: --without U111
得分 score: 现有 current 704.75 → 修复后 repaired 702.50 (变化 change -2.25)
不变 units that stay: 155 · 调整 units that move: 1
单位 unit                    原 from        新 to
---------------------------  -------------  -----
U111 广东省港航集团有限公司  440881 member  -
$ bangfu plan --round 2023-2026 --repair --without U111 --format json | jq -c '[.kind, .repair.stays, (.repair.moves | length), .repair.delta, .solver.warm]'
["repair",155,1,-2.25,false]
$ bangfu plan --round 2023-2026 --repair --without U028 | sed -n '/^修复/,$p'
修复 repair: --without U028
得分 score: 现有 current 704.75 → 修复后 repaired 705.25 (变化 change +0.50)
不变 units that stay: 154 · 调整 units that move: 2
单位 unit      原 from      新 to
-------------  -----------  ------------------------
U028 省民政厅  440222 lead  -
U030 省财政厅  441481 lead  440222 lead, 441481 lead
$ bangfu plan --round 2023-2026 --repair --without U028 --format json | jq -c '[.repair.stays, (.repair.moves | length), .solver.warm]'
[154,2,true]
$ bangfu plan --round 2023-2026 --repair --merge U001=U002 | sed -n '/^修复/,$p'
修复 repair: --merge U001=U002
得分 score: 现有 current 704.75 → 修复后 repaired 705.75 (变化 change +1.00)
不变 units that stay: 154 · 调整 units that move: 2
单位 unit        原 from      新 to
---------------  -----------  ------------------------
U001 省委办公厅  441324 lead  -
U002 省委组织部  441881 lead  441324 lead, 441881 lead
$ bangfu plan --round 2023-2026 --repair --merge U001=U002 --format json | jq -c '[.repair.changes.merge, .solver.warm]'
[[{"from":"U001","to":"U002"}],false]
$ bangfu plan --round 2023-2026 --repair --capacity U048=2 | sed -n '/^修复/,$p'
修复 repair: --capacity U048=2
得分 score: 现有 current 704.75 → 修复后 repaired 704.75 (变化 change +0.00)
不变 units that stay: 156 · 调整 units that move: 0
$ bangfu plan --round 2023-2026 --repair --without U111,U132 --without U048 --format json | jq -c '[.repair.changes.without, [.repair.moves[].unit], (.groups[] | select(.target == "440881") | [.units[] | [.unit, .role, .fixed]])]'
[["U111","U132","U048"],["U024","U030","U048","U111","U132"],[["U024","lead",false],["U030","member",false]]]
$ bangfu audit verify
audit trail intact: 0 rows, every hash matches
$ sqlite3 bangfu.db "SELECT count(*) FROM member"
170
