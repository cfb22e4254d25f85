# Malformed requests at the HTTP level: path traversal, NUL and invalid UTF-8 in the path and
# the query, very long URLs, unknown methods, cookies and CSRF headers with strange bytes, and
# broken HTTP framing sent over a raw socket (tests/api/rawhttp). tests/api/probe sums each
# answer up as "HTTP STATUS CODE [FIELD]" (the JSON error object), "not JSON" or "not an error
# object". Expected: the right status with the JSON error object whenever the request reaches
# bangfu; broken framing is answered by libmicrohttpd itself (an HTML page) and only its
# status is checked. Never a 500, never a crash; every request reaches the access log as a
# JSON line; afterwards the server still answers, stops cleanly and logged no sanitizer
# report.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ ln -s "$TESTDIR/api/probe" "$TESTDIR/api/rawhttp" . && api login boss 'a long enough secret' > /dev/null && mkdir anon && ln -s ../port anon/port
$ for p in '/api/v1/../../etc/passwd' '/api/v1/%2e%2e/%2e%2e/etc/passwd' '/api/v1/targets/..%2f..%2fetc%2fpasswd' '/api/v1/targets/%2e%2e' '/api/v1/targets/..' '/../../../etc/passwd' '/api/v1/targets/%00' '/api/v1/targets/440881%00' '/api/v1/targets/440881%00/../../x' '/API/V1/TARGETS' '/api/v1//targets' '/api/v1/targets/' '/api/v1/targets/440881/'; do printf '%-40s ' "$p"; ./probe --path-as-is -- GET "$p"; done
/api/v1/../../etc/passwd                 HTTP 404 not_found
/api/v1/%2e%2e/%2e%2e/etc/passwd         HTTP 404 not_found
/api/v1/targets/..%2f..%2fetc%2fpasswd   HTTP 404 not_found
/api/v1/targets/%2e%2e                   HTTP 404 not_found
/api/v1/targets/..                       HTTP 404 not_found
/../../../etc/passwd                     HTTP 404 not_found
/api/v1/targets/%00                      HTTP 404 not_found
/api/v1/targets/440881%00                HTTP 404 not_found
/api/v1/targets/440881%00/../../x        HTTP 404 not_found
/API/V1/TARGETS                          HTTP 404 not_found
/api/v1//targets                         HTTP 404 not_found
/api/v1/targets/                         HTTP 404 not_found
/api/v1/targets/440881/                  HTTP 404 not_found
$ ./probe GET /api/v1/targets/%ff%fe; ./probe GET "$(printf '/api/v1/targets/\xff\xfe')"; ./probe GET "$(printf '/api/v1/\xc3\x28')"; ./probe GET /api/v1/reports/%ff; ./probe PATCH /api/v1/rounds/%ff '{"note":"x"}'; ./probe DELETE /api/v1/cadres/%c3%28; ./probe GET /api/v1/members/%ff,U048
HTTP 404 not_found
HTTP 404 not_found
HTTP 404 not_found
HTTP 404 not_found
HTTP 404 not_found
HTTP 404 not_found
HTTP 404 not_found
$ ./probe GET '/api/v1/targets?q=%ff'; ./probe GET '/api/v1/targets?sort=%ff'; ./probe GET '/api/v1/targets?%ff=1'; ./probe GET '/api/v1/check?round=%ff'; ./probe GET '/api/v1/reports/summary?round=%c3%28'; ./probe GET '/api/v1/audit?user=%ff'
HTTP 200
HTTP 400 invalid_input sort
HTTP 400 invalid_input \xFF
HTTP 404 not_found
HTTP 404 not_found
HTTP 200
$ ./probe GET '/api/v1/targets?format=xml'; ./probe GET '/api/v1/audit?from=yesterday'; ./probe GET '/api/v1/targets?limit=1e400'; ./probe GET '/api/v1/targets?limit=0x10'; ./probe GET '/api/v1/targets?offset=99999999999'; ./probe GET '/api/v1/reports/rotations?within=-1'; ./probe GET '/api/v1/check?as_of=2026-13-01'
HTTP 400 invalid_input format
HTTP 400 invalid_input from
HTTP 400 invalid_input limit
HTTP 400 invalid_input limit
HTTP 400 invalid_input offset
HTTP 400 invalid_input within
HTTP 400 invalid_input as_of
$ # URLs over 8 KB get a JSON 414, and over the 48 KB connection memory libmicrohttpd answers 414 itself in HTML
$ a8k=$(head -c 8000 /dev/zero | tr '\0' a); a100k=$(head -c 102400 /dev/zero | tr '\0' a); ./probe GET /api/v1/targets/$a8k; ./probe GET /api/v1/targets/$a100k; ./probe GET "/api/v1/targets?q=$a100k"; ./probe GET /api/v1/$a100k
HTTP 404 not_found
HTTP 414 .* (re)
HTTP 414 .* (re)
HTTP 414 .* (re)
$ for m in FOO PUT OPTIONS TRACE PROPFIND get; do printf '%-9s' $m; ./probe $m /api/v1/targets; done; ./probe FOO /api/v1/nothing; ./probe PUT /api/v1/targets/440881 '{}'; (cd anon && ../probe FOO /api/v1/health)
FOO      HTTP 405 method_not_allowed
PUT      HTTP 405 method_not_allowed
OPTIONS  HTTP 405 method_not_allowed
TRACE    HTTP 405 method_not_allowed
PROPFIND HTTP 405 method_not_allowed
get      HTTP 405 method_not_allowed
HTTP 404 not_found
HTTP 405 method_not_allowed
HTTP 405 method_not_allowed
$ curl -s -D - -o /dev/null -X FOO -b jar "http://127.0.0.1:$(cat port)/api/v1/targets" | tr -d '\r' | grep -i '^allow:'
Allow: GET, POST
$ curl -s -I -b jar "http://127.0.0.1:$(cat port)/api/v1/targets/440881" | head -n 1 | tr -d '\r'
HTTP/1.1 200 OK
$ cd anon && for c in "$(printf 'bangfu_session=\xff\xfe\x01')" 'bangfu_session=' 'bangfu_session' ';;;;=;=' 'bangfu_session=""' "bangfu_session=$(head -c 5000 /dev/zero | tr '\0' A)" 'bangfu_session=%00' "$(printf 'bangfu_session=\x7f')" "$(for i in $(seq 300); do printf 'c%d=%d; ' $i $i; done)"; do ../probe -H "Cookie: $c" -- GET /api/v1/session; done
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
HTTP 401 unauthorized
$ tok=$(awk '$6 == "bangfu_session" {print $7}' jar); cd anon && ../probe -H "Cookie: bangfu_session=$tok" -- GET /api/v1/session; ../probe -H "$(printf 'Cookie: bangfu_session=%s\x01' $tok)" -- GET /api/v1/session; ../probe -H "Cookie: bangfu_session=${tok:0:42}" -- GET /api/v1/session
HTTP 200
HTTP 401 unauthorized
HTTP 401 unauthorized
$ mv csrf csrf.kept; for t in "$(printf '\xff\xfe')" "$(cat csrf.kept)x" "$(head -c 10000 /dev/zero | tr '\0' A)" ' '; do ./probe -H "X-CSRF-Token: $t" -- DELETE /api/v1/rounds/2023-2026; done; mv csrf.kept csrf
HTTP 403 forbidden
HTTP 403 forbidden
HTTP 403 forbidden
HTTP 403 forbidden
$ ./rawhttp 'GET /api/v1/session HTTP/1.1\r\nHost: x\r\nCookie: bangfu_session=a\rX-Injected: 1\r\nConnection: close\r\n\r\n'; ./rawhttp 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\nConnection: close\r\n\r\n'; ./rawhttp 'GET /api/v1/health HTTP/1.1\nHost: x\nConnection: close\n\n'; ./rawhttp 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n folded\r\nConnection: close\r\n\r\n'
HTTP/1.1 401 Unauthorized error unauthorized
HTTP/1.1 200 OK JSON
HTTP/1.1 200 OK JSON
HTTP/1.1 200 OK JSON
$ ./rawhttp 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\nConnection: close\r\n\r\n'; ./rawhttp 'GET /api/v1/health HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n'; ./rawhttp 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'; ./rawhttp 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffffffffffff\r\nabc\r\n0\r\n\r\n'; ./rawhttp 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n'
HTTP/1.1 400 Bad Request not JSON
HTTP/1.1 505 HTTP Version Not Supported not JSON
HTTP/1.1 400 Bad Request not JSON
HTTP/1.1 413 Content Too Large not JSON
HTTP/1.1 400 Bad Request not JSON
$ ./rawhttp 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 5\r\nConnection: close\r\n\r\nabcde'
HTTP/1.1 400 Bad Request error invalid_input
$ grep -c '^(null)$' server.log
0
[1]
$ api GET /api/v1/health | sed -n 1p
HTTP 200
$ kill $(cat .pids); for i in $(seq 100); do kill -0 $(cat .pids) 2>/dev/null || break; sleep 0.1; done; grep -x "bangfu: stopped" server.log
bangfu: stopped
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
