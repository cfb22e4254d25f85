# The work report's scope is core/work's (the work's lists' own), per round: unit U048 leads
# 廉江市 440881's group in round 2023-2026 and 始兴县 440222's in a second round 2027-2029
# (tests/data/round2: a round, its group, a task and a commitment, imported as CSV). Asked for
# 2023-2026 it sees 440881 only, for 2027-2029 440222 only (not every target it ever served);
# a county summary of the other round's target is 404; the office sees every target.
$ bangfu init > /dev/null && bangfu import "$TESTDIR/data/round2" | sed -E 's/ \(UTF-8\)//g'
imported 1 row from rounds.csv, 1 row from groups.csv, 2 rows from members.csv, 1 row from tasks.csv, 1 row from commitments.csv
$ for a in 'boss admin' 'tongji unit --unit U048' 'xingning county --target 440222'; do set -- $a; n=$1; shift; echo 'a long enough secret' | bangfu user add $n --role "$@" --password-stdin > /dev/null; done
$ serve-bg
$ as tongji GET '/api/v1/reports/work?by=target&round=2023-2026' | sed 1d | jq -c '[.scope, .round, [.items[].key]]'
["unit","2023-2026",["440881"]]
$ as tongji GET '/api/v1/reports/work?by=target&round=2027-2029' | sed 1d | jq -c '[.scope, .round, [.items[] | [.key, .commitments, .planned]], .total.commitments]'
["unit","2027-2029",[["440222",1,1]],1]
$ as tongji GET '/api/v1/reports/work?by=unit&round=2027-2029' | sed 1d | jq -c '[.items[].key]'
["U048","U052"]
$ as tongji GET '/api/v1/reports/work?by=prefecture&round=2023-2026' | sed 1d | jq -c '[.items[].key]'
["湛江市"]
$ as tongji GET '/api/v1/reports/county/440222?round=2023-2026' | sed -n 1p; as tongji GET '/api/v1/reports/county/440222?round=2027-2029' | sed 1d | jq -c '[.round, .work.commitments, .work.planned]'
HTTP 404
["2027-2029",1,1]
$ as tongji GET '/api/v1/reports/county/440881?round=2027-2029' | sed -n 1p
HTTP 404
$ as xingning GET '/api/v1/reports/work?by=target&round=2027-2029' | sed 1d | jq -c '[.scope, [.items[].key]]'
["target",["440222"]]
$ as boss GET '/api/v1/reports/work?by=target&round=2027-2029' | sed 1d | jq -c '[.scope, (.items | length), .total.commitments]'
["all",62,1]
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
