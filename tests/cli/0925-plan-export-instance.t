# bangfu plan --round --export-instance writes the round's instance (the JSON that
# `bangfu plan --instance` reads); solving it gives the round plan's objective.
$ bangfu init > /dev/null
$ bangfu plan --round 2023-2026 --export-instance round.json
wrote round.json: 156 units, 62 targets, 9672 pairs, 3 fixed
$ jq -c '[(.units | length), (.targets | length), (.pairs | length), .fixed]' round.json
[156,62,9672,[{"unit":"U048","target":"440881","role":"lead"},{"unit":"U111","target":"440881","role":"member"},{"unit":"U132","target":"440881","role":"member"}]]
$ jq -c '.targets[] | select(.id == "440881")' round.json
{"id":"440881","mmin":1,"mmax":3,"bonus":[7.5,3.75,0]}
$ bangfu plan --instance round.json --format json | jq .objective; bangfu plan --round 2023-2026 --format json | jq .objective
704.767
704.767
$ bangfu plan --round 2023-2026 --repair --without U111 --export-instance repair.json; jq -c '.units[] | select(.id == "U111")' repair.json
wrote repair.json: 156 units, 62 targets, 9672 pairs, 2 fixed
{"id":"U111","cap":0,"min":0,"can_lead":true}
