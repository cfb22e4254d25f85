# An infeasible instance: two targets need leads and only U7 may lead; the reason names them.
$ bangfu plan --instance $TESTDIR/data/plan/infeasible.json | grep -v '^seconds'
status     infeasible
reason     targets 441423 and 441426 need 2 leads but only unit U7 may lead them, with 1 place left: allow more pairs, raise capacities or lower mmin
[1]
$ bangfu plan --instance $TESTDIR/data/plan/infeasible.json --format json | jq -c '[.status, .objective, (.reason | length > 0)]'
["infeasible",null,true]
[1]
