# Every error is JSON {"error":{"code","message","field"}} with the right status: unknown
# endpoint 404, wrong method 405, bad query 400 naming the field, malformed login body 400,
# body over the limit 413.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg --body-limit 1024
$ api login wang 'a long enough secret' > /dev/null
$ api GET /api/v1/nothing
HTTP 404
{"error":{"code":"not_found","message":"no such endpoint","field":null}}
$ api PUT /api/v1/targets
HTTP 405
{"error":{"code":"method_not_allowed","message":"method not allowed on this path","field":null}}
$ api GET '/api/v1/targets?limit=-1'
HTTP 400
{"error":{"code":"invalid_input","message":"limit must be a whole number from 0 to 10000","field":"limit"}}
$ api GET '/api/v1/targets?limit=99999999999999999999999'
HTTP 400
{"error":{"code":"invalid_input","message":"limit must be a whole number from 0 to 10000","field":"limit"}}
$ api GET '/api/v1/targets?colour=red'
HTTP 400
{"error":{"code":"invalid_input","message":"unknown query parameter 'colour'","field":"colour"}}
$ api GET '/api/v1/targets?sort=height'
HTTP 400
{"error":{"code":"invalid_input","message":"sort: 'height' is not a column of targets.csv","field":"sort"}}
$ api GET '/api/v1/check?as_of=2026-02-30'
HTTP 400
{"error":{"code":"invalid_input","message":"as_of must be a date: YYYY-MM-DD","field":"as_of"}}
$ api GET '/api/v1/reports/nonsense'
HTTP 404
{"error":{"code":"not_found","message":"no such report: summary, coverage, groups, cadres, rotations, shares, indicators","field":null}}
$ api GET '/api/v1/targets/..%2F..%2Fetc%2Fpasswd'
HTTP 404
{"error":{"code":"not_found","message":"no such endpoint","field":null}}
$ api POST /api/v1/session '{"username":"wang"'
HTTP 400
{"error":{"code":"invalid_input","message":"the body is not valid JSON (line 1, column 18: '}' expected near end of file); send {\"username\":\"...\",\"password\":\"...\"}","field":null}}
$ api POST /api/v1/session '{"username":"wang","password":"x","extra":1}'
HTTP 400
{"error":{"code":"invalid_input","message":"1 object item(s) left unpacked: extra","field":null}}
$ api POST /api/v1/session '{"username":7,"password":"x"}'
HTTP 400
{"error":{"code":"invalid_input","message":"Expected string, got integer","field":null}}
$ api POST /api/v1/session "$(head -c 2000 /dev/zero | tr '\0' 'x')"
HTTP 413
{"error":{"code":"invalid_input","message":"the request body is larger than the limit","field":null}}
$ api -q GET /api/v1/health | jq -r .status
ok
