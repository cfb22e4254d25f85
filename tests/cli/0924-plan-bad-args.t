# bangfu plan --round: malformed --merge and --capacity values, repair changes without
# --repair and options that do not go together are usage errors (exit 2); unknown units,
# rounds and a bad needs table are errors (exit 1); none of them writes anything.
$ bangfu init > /dev/null
$ bangfu plan --round 2023-2026 --repair --merge U001
bangfu plan: --merge 'U001': write A=B (unit A passes to unit B)
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --merge =U002
bangfu plan: --merge '=U002': write A=B (unit A passes to unit B)
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --merge U001=U002=U003
bangfu plan: --merge 'U001=U002=U003': write A=B (unit A passes to unit B)
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --capacity U001=x
bangfu plan: --capacity U001=x: the capacity must be a whole number from 0 to 9
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --capacity U001=10
bangfu plan: --capacity U001=10: the capacity must be a whole number from 0 to 9
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --capacity U001=-1
bangfu plan: --capacity U001=-1: the capacity must be a whole number from 0 to 9
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --capacity U001
bangfu plan: --capacity 'U001': write UNIT=N (N from 0 to 9)
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --capacity
bangfu plan: --capacity needs a value
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --without U001
bangfu plan: --without, --merge and --capacity need --repair
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --apply --export-instance x.json
bangfu plan: --apply and --export-instance do not go together
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --instance x.json
bangfu plan: give --instance FILE or --round NAME, not both
(see: bangfu plan --help)
[2]
$ bangfu plan
bangfu plan: give --round NAME (or --instance FILE.json)
(see: bangfu plan --help)
[2]
$ bangfu plan --round 2023-2026 --repair --without U999
bangfu: without: no unit 'U999' (units are codes like U048)
[1]
$ bangfu plan --round 2023-2026 --repair --merge U001=U001
bangfu: merge U001=U001: a unit cannot merge into itself
[1]
$ bangfu plan --round 2023-2026 --repair --merge U001=U999
bangfu: merge: no unit 'U999' (units are codes like U048)
[1]
$ bangfu plan --round 1999 --apply
bangfu: no round named '1999' (rounds: 2023-2026)
[1]
$ printf 'condition,value\nset:bonus_2,9\nlead:party,1\nclass=space,1\n' > n.csv; bangfu plan --round 2023-2026 --needs n.csv --apply
bangfu: n.csv:4: condition 'class=space': write *, class=CLASS, kind=KIND, old_area=1, INDICATOR<NUMBER (or <=, >, >=, =), set:PARAMETER or lead:CATEGORY
[1]
$ bangfu plan --round 2023-2026 --needs missing.csv
bangfu: missing.csv: cannot open: No such file or directory
[1]
$ bangfu audit verify
audit trail intact: 0 rows, every hash matches
