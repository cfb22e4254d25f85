# Failed logins are slowed down: after 5 failures for an account, even the right password
# must wait (429 with Retry-After). Sessions end after the idle time (and expired ones are
# purged: the answer then says the session has ended). Steps that must follow each other
# within a second share one command line.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg --session-idle 3
$ for i in 1 2 3 4 5; do api login wang wrong | sed -n 1p; done; curl -s -D h -o b -H 'Content-Type: application/json' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session; head -n 1 h | tr -d '\r'; grep -i '^retry-after' h | tr -d '\r'; sed -E 's/in [12] seconds/in N seconds/' b; echo
HTTP 401
HTTP 401
HTTP 401
HTTP 401
HTTP 401
HTTP/1.1 429 Too Many Requests
Retry-After: [12] (re)
{"error":{"code":"too_many_attempts","message":"too many failed logins: try again in N seconds","field":null}}
$ sleep 2.2; api login wang 'a long enough secret'; api GET /api/v1/session | sed -n 1p
HTTP 200
{"name":"wang","role":"planner","unit":null,"target":null}
HTTP 200
$ sleep 4.5; api GET /api/v1/session | sed -n 1p; api -q GET /api/v1/session | jq -r .error.code
HTTP 401
unauthorized
