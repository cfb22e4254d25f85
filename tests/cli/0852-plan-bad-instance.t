# Bad instances: errors name the JSON path and say what to write.
$ cp $TESTDIR/data/plan/bad.json . && bangfu plan --instance bad.json
bangfu: bad.json: pairs[1].lead: give a number or null
[1]
$ echo '{"units":[{"id":"U1","cap":1}],"targets":[{"id":"T1","mmin":0,"mmax":2,"bonus":[1]}],"pairs":[]}' > b.json && bangfu plan --instance b.json
bangfu: b.json: targets[0].bonus: give an array of mmax = 2 numbers (the k-th member's bonus)
[1]
$ echo '{"units":[{"id":"U1","cap":1}],"targets":[{"id":"T1","mmin":0,"mmax":2,"bonus":[1,2]}],"pairs":[]}' > b.json && bangfu plan --instance b.json
bangfu: b.json: targets[0].bonus[1]: is above the one before: bonuses must not increase (a later member adds no more)
[1]
$ echo '{"units":[{"id":"U1","cap":1},{"id":"U1","cap":2}],"targets":[],"pairs":[]}' > b.json && bangfu plan --instance b.json
bangfu: b.json: units[1].id: 'U1' is also units[0]
[1]
$ echo '{"units":[{"id":"U1","cap":1}],"targets":[{"id":"T1","mmin":0,"mmax":0}],"pairs":[{"unit":"U2","target":"T1","lead":1,"member":1}]}' > b.json && bangfu plan --instance b.json
bangfu: b.json: pairs[0].unit: 'U2' is not in units
[1]
$ echo '{"units":[{"id":"U1","cap":1}],"targets":[{"id":"T1","mmin":0,"mmax":0}],"pairs":[{"unit":"U1","target":"T1","lead":1,"member":1},{"unit":"U1","target":"T1","lead":1,"member":1}]}' > b.json && bangfu plan --instance b.json
bangfu: b.json: pair 1: unit U1 and target T1 are paired twice
[1]
$ echo '{"units":[' > b.json && bangfu plan --instance b.json
bangfu: b.json: line 2, column 0: ']' expected near end of file
[1]
$ bangfu plan --instance missing.json
bangfu: missing.json: cannot open: No such file or directory
[1]
$ bangfu plan
bangfu plan: give .*--instance FILE.json.* (re)
(see: bangfu plan --help)
[2]
$ bangfu plan --instance x.json --format csv
bangfu plan: --format 'csv': use table or json
(see: bangfu plan --help)
[2]
$ bangfu plan --help | grep -c -e '--instance FILE.json \[--format table|json\]'
1
