# bangfu plan --instance: a small hand-solved instance (U1 may serve two targets and leads
# both; U4 is fixed as T2's member), as a table and as JSON.
$ bangfu plan --instance $TESTDIR/data/plan/small.json | grep -v '^seconds'
status     optimal
objective  32.000000
assignments 5
T1
  lead    U1
  member  U2
  member  U3
T2
  lead    U1
  member  U4
$ bangfu plan --instance $TESTDIR/data/plan/small.json --format json | jq -c '[.status, .objective, (.assignments | length)]'
["optimal",32,5]
