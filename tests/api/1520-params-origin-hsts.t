# The request's edges: a query of 2,000 parameters is answered 414 in JSON at once (it used to
# exhaust libmicrohttpd's connection memory and get no answer for 60 s); a sign-in must be
# JSON (415 otherwise) and come from this site (403 for Origin or Sec-Fetch-Site of another),
# so a page elsewhere cannot sign a browser in; under --behind-https every answer carries HSTS;
# localhost listens on IPv6 as well as IPv4; every failure's log line says why.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg
$ q=$(seq 2000 | sed 's/.*/a&=1/' | paste -sd '&'); curl -s -m 5 -w ' %{http_code} %{time_total}\n' "http://127.0.0.1:$(cat port)/api/v1/health?$q" | sed -E 's/ 0\.[0-9]+$/ within a second/'
{"error":{"code":"invalid_input","message":"too many query parameters (at most 256)","field":null}} 414 within a second
$ q=$(seq 700 | sed 's/.*/a&=1/' | paste -sd '&'); curl -s -m 5 -o out.json -w '%{http_code}\n' "http://127.0.0.1:$(cat port)/index.html?$q"; jq -r .error.message out.json
414
too many query parameters (at most 256)
$ curl -s -w ' %{http_code}\n' -H 'Content-Type: text/plain' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session
{"error":{"code":"invalid_input","message":"send the sign-in as Content-Type: application/json","field":null}} 415
$ curl -s -w ' %{http_code}\n' -H 'Origin: http://evil.example' -H 'Content-Type: application/json' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session
{"error":{"code":"forbidden","message":"a request from another site (Origin or Sec-Fetch-Site) may not change anything here","field":null}} 403
$ curl -s -H 'Sec-Fetch-Site: cross-site' -H 'Content-Type: application/json' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session | jq -r .error.code
forbidden
$ curl -s -o /dev/null -w '%{http_code}\n' -H "Origin: http://127.0.0.1:$(cat port)" -H 'Sec-Fetch-Site: same-origin' -H 'Content-Type: application/json; charset=utf-8' -d '{"username":"wang","password":"a long enough secret"}' http://127.0.0.1:$(cat port)/api/v1/session
200
$ curl -s -D - -o /dev/null http://127.0.0.1:$(cat port)/api/v1/health | { grep -ci strict-transport || true; }
0
$ grep -c '"status":415,"ms":[0-9.]*,"reason":"send the sign-in as Content-Type: application/json"' server.log
1
$ kill $(cat .pids) && rm .pids && serve-bg --behind-https 1 && curl -s -D - -o /dev/null http://127.0.0.1:$(cat port)/api/v1/health | grep -i strict-transport | tr -d '\r'; curl -s -D - -o /dev/null http://127.0.0.1:$(cat port)/ | grep -i strict-transport | tr -d '\r'
Strict-Transport-Security: max-age=31536000
Strict-Transport-Security: max-age=31536000
$ kill $(cat .pids) && rm .pids; bangfu serve --listen localhost:0 2> v6.log & echo $! >> .pids; sleep 2; port=$(sed -n 's|.*http://localhost:\([0-9]*\)/.*|\1|p' v6.log); curl -s "http://[::1]:$port/api/v1/health" | jq -r .status; curl -s "http://127.0.0.1:$port/api/v1/health" | jq -r .status
ok
ok
$ bangfu serve --listen '[::1]:0' 2> v6only.log & echo $! >> .pids; sleep 2; sed -n 's|.*on \(http://\[::1\]\):[0-9]*/.*|\1|p' v6only.log
http://[::1]
