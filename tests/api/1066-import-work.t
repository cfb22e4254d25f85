# POST /api/v1/import takes the work's CSV files (docs/work.md) beside the registry's: rows per
# file in the answer and the audit row; a bad cell is a problem with file, line, column (its
# place in the header) and field, and nothing is written.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ cp -r $TESTDIR/data/work/* .
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null
$ curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F "a=@bad-amount/needs.csv" -F "b=@bad-amount/resources.csv" http://127.0.0.1:$(cat port)/api/v1/import | jq -c '.error.problems[] | [.file, .line, .column, .field, .message]'
["resources.csv",2,8,"commitment","commitment: 9001 is not a commitment of target 440222 in round 2023-2026"]
["resources.csv",3,4,"amount","'1.5' is not a whole number from 1 to 1000000000000000"]
$ curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F "a=@good/needs.csv" -F "b=@good/commitments.csv" -F "c=@good/resources.csv" -F "d=@good/policies.csv" http://127.0.0.1:$(cat port)/api/v1/import | jq -c .
{"imported":{"needs.csv":2,"commitments.csv":3,"resources.csv":2,"policies.csv":1}}
$ api -q GET /api/v1/audit | jq -c '[.items[] | select(.entity != "account") | [.user, .action, .after]]'
[["boss","import",{"commitments.csv":3,"needs.csv":2,"policies.csv":1,"resources.csv":2}]]
