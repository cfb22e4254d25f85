# Slow connections (slowloris): 1,500 connections from one address (127.0.0.2), each sending
# 8 bytes every 5 s, must not stop anyone else. At most --per-address connections at once
# come from one address (the rest are closed at once, and logged), and a request must arrive
# in full within --request-timeout seconds (default 10), so even those end. Meanwhile another
# client (127.0.0.1) asks for health and a signed-in read every 0.5 s: every answer within 2 s.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg
$ api login wang 'a long enough secret' | sed -n 1p
HTTP 200
$ slowloris "$(cat port)" 1500 13 "$(awk '$6 == "bangfu_session" { print $6 "=" $7 }' jar)"
opened all 1500
health: every request answered within 2 s
signed-in read: every request answered within 2 s
slow connections still open after 13 s: 0
$ grep -c '"event":"connection_refused","address":"127.0.0.2","reason":"more than 64 connections at once from this address' server.log | sed 's/^[1-9][0-9]*$/logged/'
logged
$ grep -qE '"event":"request_timeout","address":"127.0.0.2","reason":"[0-9]+ connections? closed: the request did not arrive in full within 10 s' server.log && echo logged
logged
$ api -q GET /api/v1/health | jq -r .status
ok
