# Failed logins are slowed down: after 5 failures for an account, even the right password
# must wait (429 with Retry-After). Sessions end after the idle time.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg --session-idle 1
$ for i in 1 2 3 4 5; do api login wang wrong | sed -n 1p; done
HTTP 401
HTTP 401
HTTP 401
HTTP 401
HTTP 401
$ api login wang 'a long enough secret' | sed -E 's/in [12] seconds/in N seconds/'
HTTP 429
{"error":{"code":"too_many_attempts","message":"too many failed logins: try again in N seconds","field":null}}
$ curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session | tr -d '\r' | grep -i '^retry-after'
Retry-After: [12] (re)
$ sleep 2.2; api login wang 'a long enough secret'
HTTP 200
{"name":"wang","role":"planner","unit":null,"target":null}
$ api GET /api/v1/session | sed -n 1p
HTTP 200
$ sleep 2.2; api GET /api/v1/session
HTTP 401
{"error":{"code":"unauthorized","message":"the session has expired: sign in again","field":null}}
