# GET /api/v1/check at the round's edges: on the bundled round's last days every rule passes
# (terms ending in the last 90 days need no successor); BANGFU_END_WINDOW=0 (the server
# setting) asks for successors to the end. On a day outside every round no round is judged.
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add shenji --role auditor --password-stdin
added account shenji (auditor)
$ serve-bg
$ api login shenji 'a long enough secret' > /dev/null; api -q GET '/api/v1/check?as_of=2026-12-20' | jq -c '[.round, .in_progress, .violations]'
["2023-2026",true,0]
$ api -q GET '/api/v1/check?as_of=2027-01-05' | jq -c '[.round, .in_progress, .violations, .note]'
[null,false,0,"no round is in progress on 2027-01-05: nothing was judged (rounds: 2023-2026 2023-11-16 to 2026-12-31; give --round NAME to check one)"]
$ api -q GET '/api/v1/check?as_of=2027-01-05&round=2023-2026' | jq -c '[.round, .in_progress, .violations, [.rules[] | select(.judged | not) | .tag]]'
["2023-2026",false,0,["cadre-quota","rotation-continuity"]]
$ BANGFU_END_WINDOW=0 serve-bg
$ api login shenji 'a long enough secret' > /dev/null; api -q GET '/api/v1/check?as_of=2026-12-20' | jq -c '.rules[] | select(.tag == "term") | [.count > 0, (.items[0].message | test("no successor"))]'
[true,true]
$ BANGFU_END_WINDOW=4000 bangfu serve --listen 127.0.0.1:0
bangfu serve: BANGFU_END_WINDOW: end-window '4000' is not a whole number from 0 to 3650
[2]
