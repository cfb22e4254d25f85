# The server: health needs no session; everything else does. Login errors are generic, a good
# login sets an HttpOnly SameSite=Strict cookie and returns the CSRF token; logout needs it.
# A clean start logs no complaint of libmicrohttpd's ("server" events: its logger must come first).
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin
added account wang (planner)
$ serve-bg
$ grep -c '"event":"server"' server.log
0
[1]
$ api GET /api/v1/health
HTTP 200
{"status":"ok","schema":6,"generation":2}
$ api GET /api/v1/targets
HTTP 401
{"error":{"code":"unauthorized","message":"sign in first","field":null}}
$ api login wang 'wrong password'
HTTP 401
{"error":{"code":"unauthorized","message":"wrong account name or password","field":null}}
$ api login nobody 'wrong password'
HTTP 401
{"error":{"code":"unauthorized","message":"wrong account name or password","field":null}}
$ api login wang 'a long enough secret'
HTTP 200
{"name":"wang","role":"planner","unit":null,"target":null}
$ grep -c 'HttpOnly' jar
1
$ curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session | tr -d '\r' | grep -i '^set-cookie' | sed -E 's/=[A-Za-z0-9_-]{43};/=TOKEN;/'
Set-Cookie: bangfu_session=TOKEN; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200
$ api -q GET /api/v1/session | jq -c .user
{"name":"wang","role":"planner","unit":null,"target":null}
$ api -q GET '/api/v1/targets?limit=2&sort=adcode' | jq -c '[.total, [.items[].adcode]]'
[62,["440222","440224"]]
$ api -q GET /api/v1/targets/440881 | jq -c '[.name_zh, .kind, .verified]'
["廉江市","county_city",1]
$ api GET /api/v1/targets/440000
HTTP 404
{"error":{"code":"not_found","message":"no target '440000'","field":null}}
$ mv csrf csrf.kept; api DELETE /api/v1/session
HTTP 403
{"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}}
$ mv csrf.kept csrf; api DELETE /api/v1/session
HTTP 204
$ api GET /api/v1/session
HTTP 401
{"error":{"code":"unauthorized","message":"sign in first","field":null}}
