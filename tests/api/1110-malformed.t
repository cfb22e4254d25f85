# Malformed request bodies, as a signed-in admin: bad JSON, wrong types, huge numbers, deep
# nesting, invalid UTF-8, unknown fields, empty bodies, bodies on GET and DELETE, bodies over
# the limit, malformed imports. tests/api/probe sums each answer up as "HTTP STATUS CODE
# [FIELD]" (the JSON error object), "not JSON" or "not an error object". Expected: the right
# 4xx with the JSON error object, never a 500, never a crash, nothing written (every name
# below starts with X-); afterwards the server still answers, stops cleanly and its log holds
# no sanitizer report.
# A cell is text, as in a CSV file: a JSON number or a numeric string is accepted for any
# column (by design: "give a string, a number or null"); a boolean is not a count.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg --body-limit 1048576
$ ln -s "$TESTDIR/api/probe" . && api login boss 'a long enough secret' > /dev/null
$ for b in '{"name":' 'nope' '{"name":"X-a",}' "{'name':'X-a'}" '{"name":"X-a"} {"name":"X-b"}' '{"name":"X-a","name":"X-b"}' '[]' '"X-a"' 'null' '42' '   ' ''; do printf '%-32s ' "$b"; ./probe POST /api/v1/rounds "$b"; done
{"name":                         HTTP 400 invalid_input
nope                             HTTP 400 invalid_input
{"name":"X-a",}                  HTTP 400 invalid_input
{'name':'X-a'}                   HTTP 400 invalid_input
{"name":"X-a"} {"name":"X-b"}    HTTP 400 invalid_input
{"name":"X-a","name":"X-b"}      HTTP 400 invalid_input
[]                               HTTP 400 invalid_input
"X-a"                            HTTP 400 invalid_input
null                             HTTP 400 invalid_input
42                               HTTP 400 invalid_input
                                 HTTP 400 invalid_input
                                 HTTP 400 invalid_input
$ ./probe PATCH /api/v1/rounds/2023-2026 ''; ./probe POST /api/v1/session ''; ./probe POST /api/v1/session '[]'
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
$ printf '\xef\xbb\xbf{"name":"X-bom","start":"2030-01-01","end":"2032-12-31","cycle_years":3}' > bom.json; ./probe POST /api/v1/rounds @bom.json
HTTP 400 invalid_input
$ printf '{"name":"X-n\x00ul","start":"2030-01-01","end":"2032-12-31","cycle_years":3}' > nul.json; ./probe POST /api/v1/rounds @nul.json; ./probe POST /api/v1/rounds '{"name":"X-nul","start":"2030-01-01","end":"2032-12-31","cycle_years":3,"note":"a\u0000b"}'
HTTP 400 invalid_input
HTTP 400 invalid_input
$ for v in '"name":{"a":1},"cycle_years":3' '"name":["X-a"],"cycle_years":3' '"name":null,"cycle_years":3' '"name":"","cycle_years":3' '"name":"X-a","cycle_years":3.5' '"name":"X-a","cycle_years":"three"' '"name":"X-a","cycle_years":[3]' '"name":"X-a","cycle_years":{"n":3}' '"name":"X-a","cycle_years":null' '"name":"X-a","cycle_years":-0' '"name":"X-bool","cycle_years":true'; do printf '%-38s ' "$v"; ./probe POST /api/v1/rounds "{\"start\":\"2030-01-01\",\"end\":\"2032-12-31\",$v}"; done
"name":{"a":1},"cycle_years":3         HTTP 400 invalid_input name
"name":["X-a"],"cycle_years":3         HTTP 400 invalid_input name
"name":null,"cycle_years":3            HTTP 400 invalid_input name
"name":"","cycle_years":3              HTTP 400 invalid_input name
"name":"X-a","cycle_years":3.5         HTTP 400 invalid_input cycle_years
"name":"X-a","cycle_years":"three"     HTTP 400 invalid_input cycle_years
"name":"X-a","cycle_years":[3]         HTTP 400 invalid_input cycle_years
"name":"X-a","cycle_years":{"n":3}     HTTP 400 invalid_input cycle_years
"name":"X-a","cycle_years":null        HTTP 400 invalid_input cycle_years
"name":"X-a","cycle_years":-0          HTTP 400 invalid_input cycle_years
"name":"X-bool","cycle_years":true     HTTP 400 invalid_input cycle_years
$ ./probe POST /api/v1/rounds '{"name":"X-d","start":20300101,"end":"2032-12-31","cycle_years":3}'; ./probe POST /api/v1/rounds '{"name":"X-d","start":"2030-02-30","end":"2032-12-31","cycle_years":3}'; ./probe POST /api/v1/rounds '{"name":"X-d","start":"2033-01-01","end":"2032-12-31","cycle_years":3}'
HTTP 400 invalid_input start
HTTP 400 invalid_input start
HTTP 400 invalid_input end
$ ./probe POST /api/v1/rounds '{"name":7,"start":"2030-01-01","end":"2032-12-31","cycle_years":"3"}'; ./probe DELETE /api/v1/rounds/7
HTTP 201
HTTP 204
$ for v in '"old_area":"yes"' '"old_area":2' '"lon":"east"' '"lon":500' '"lat":-91' '"verified":[1]' '"classes":["coastal"]' '"classes":"coastal;beach"' '"kind":7' '"name_zh":{"zh":"x"}' '"adcode":440881'; do printf '%-28s ' "$v"; ./probe PATCH /api/v1/targets/440881 "{$v}"; done
"old_area":"yes"             HTTP 400 invalid_input old_area
"old_area":2                 HTTP 400 invalid_input old_area
"lon":"east"                 HTTP 400 invalid_input lon
"lon":500                    HTTP 400 invalid_input lon
"lat":-91                    HTTP 400 invalid_input lat
"verified":[1]               HTTP 400 invalid_input verified
"classes":["coastal"]        HTTP 400 invalid_input classes
"classes":"coastal;beach"    HTTP 400 invalid_input classes
"kind":7                     HTTP 400 invalid_input kind
"name_zh":{"zh":"x"}         HTTP 400 invalid_input name_zh
"adcode":440881              HTTP 200
$ for v in '1e400' '-1e400' '99999999999999999999999' '-99999999999999999999999' '1e308' '1e-400'; do printf '%-26s ' "$v"; ./probe POST /api/v1/rounds "{\"name\":\"X-a\",\"start\":\"2030-01-01\",\"end\":\"2032-12-31\",\"cycle_years\":$v}"; done
1e400                      HTTP 400 invalid_input
-1e400                     HTTP 400 invalid_input
99999999999999999999999    HTTP 400 invalid_input
-99999999999999999999999   HTTP 400 invalid_input
1e308                      HTTP 400 invalid_input cycle_years
1e-400                     HTTP 400 invalid_input cycle_years
$ for v in '"value":1e400' '"value":"1e400"' '"value":"inf"' '"value":"nan"' '"value":"0x10"' '"value":"1,5"' '"value":[]'; do printf '%-18s ' "$v"; ./probe POST /api/v1/indicators "{\"scope\":\"440881\",\"name\":\"x_huge\",\"year\":2024,\"quality\":\"estimate\",$v}"; done
"value":1e400      HTTP 400 invalid_input
"value":"1e400"    HTTP 400 invalid_input value
"value":"inf"      HTTP 400 invalid_input value
"value":"nan"      HTTP 400 invalid_input value
"value":"0x10"     HTTP 400 invalid_input value
"value":"1,5"      HTTP 400 invalid_input value
"value":[]         HTTP 400 invalid_input value
$ for v in '"year":99999999999999999999' '"year":2101' '"year":1e3' '"year":"2024x"'; do printf '%-30s ' "$v"; ./probe POST /api/v1/indicators "{\"scope\":\"440881\",\"name\":\"x_huge\",\"value\":1,\"quality\":\"estimate\",$v}"; done
"year":99999999999999999999    HTTP 400 invalid_input
"year":2101                    HTTP 400 invalid_input year
"year":1e3                     HTTP 400 invalid_input year
"year":"2024x"                 HTTP 400 invalid_input year
$ head -c 100000 /dev/zero | tr '\0' '[' > deep.json; ./probe POST /api/v1/rounds @deep.json; ./probe POST /api/v1/session @deep.json; ./probe PATCH /api/v1/rounds/2023-2026 @deep.json
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
$ { printf '{"name":'; for i in $(seq 20000); do printf '{"a":'; done; printf 1; for i in $(seq 20000); do printf '}'; done; printf '}'; } > deep2.json; ./probe POST /api/v1/rounds @deep2.json; { printf '{"name":"X-a","note":'; head -c 100000 /dev/zero | tr '\0' '['; } > deep3.json; ./probe POST /api/v1/rounds @deep3.json
HTTP 400 invalid_input
HTTP 400 invalid_input
$ { printf '{"note":"'; head -c 1000 /dev/zero | tr '\0' '['; printf '"}'; } > brackets.json; ./probe PATCH /api/v1/rounds/2023-2026 @brackets.json
HTTP 200
$ printf '{"name":"X-\xff\xfe","start":"2030-01-01","end":"2032-12-31","cycle_years":3}' > u1.json; printf '{"name":"X-u","start":"2030-01-01","end":"2032-12-31","cycle_years":3,"note":"\xc3\x28"}' > u2.json; printf '{"\xff":1}' > u3.json; for f in u1 u2 u3; do ./probe POST /api/v1/rounds @$f.json; done; printf '{"username":"boss\xc0\xaf","password":"a long enough secret"}' > u4.json; ./probe POST /api/v1/session @u4.json; ./probe POST /api/v1/rounds '{"name":"X-u5","start":"2030-01-01","end":"2032-12-31","cycle_years":3,"note":"\ud800"}'
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
$ api -q POST /api/v1/rounds '{"name":"X-a","start":"2030-01-01","end":"2032-12-31","cycle_years":3,"colour":"red"}' | jq -r .error.message; for b in '{"":1}' '{"__proto__":{"admin":true}}' '{"note":"x","Note":"y"}'; do printf '%-30s ' "$b"; ./probe PATCH /api/v1/rounds/2023-2026 "$b"; done
'colour' is not a column of this record
{"":1}                         HTTP 400 invalid_input
{"__proto__":{"admin":true}}   HTTP 400 invalid_input
{"note":"x","Note":"y"}        HTTP 400 invalid_input
$ ./probe GET /api/v1/targets/440881 '{"adcode":"440222"}'; ./probe DELETE /api/v1/rounds/X-none '{"a":1}'
HTTP 200
HTTP 404 not_found
$ head -c 1100000 /dev/zero | tr '\0' 'x' > big.txt; ./probe GET /api/v1/health @big.txt; ./probe POST /api/v1/rounds @big.txt; ./probe POST /api/v1/session @big.txt; ./probe POST '/api/v1/import?file=rounds.csv' @big.txt
HTTP 413 invalid_input
HTTP 413 invalid_input
HTTP 413 invalid_input
HTTP 413 invalid_input
$ printf 'name,start,end,cycle_years\nX-\xff,2030-01-01,2032-12-31,3\n' > bad.csv; head -c 3000 /dev/zero | tr '\0' '\001' > ctl.bin; ./probe POST '/api/v1/import?file=rounds.csv' @bad.csv; ./probe POST '/api/v1/import?file=cadres.csv' @ctl.bin; ./probe POST '/api/v1/import?file=../../etc/passwd' 'root:x:0:0'; ./probe POST '/api/v1/import?file=rounds.csv' ''; ./probe POST '/api/v1/import?file=%ff.csv' 'a,b'
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
HTTP 400 invalid_input
$ printf 'name,start,end,cycle_years\n' > rounds.csv; ./probe -H 'Content-Type: multipart/form-data; boundary=XYZ' -- POST /api/v1/import 'garbage'; ./probe -H 'Content-Type: multipart/form-data' -- POST /api/v1/import 'garbage'; ./probe -H 'Content-Type: text/csv' -- POST /api/v1/import 'name,start'; ./probe $(for i in $(seq 17); do echo -F f$i=@rounds.csv\;filename=r$i.csv; done) -- POST /api/v1/import
HTTP 400 invalid_input
HTTP 415 invalid_input
HTTP 415 invalid_input
HTTP 400 invalid_input
$ api -q GET '/api/v1/rounds?q=X-' | jq .total; api -q GET /api/v1/audit | jq -c '[.items[] | [.action, .entity, .key]]'
0
[["create","account","boss"],["create","round","7"],["delete","round","7"],["update","target","440881"],["update","round","2023-2026"]]
$ api GET /api/v1/health | sed -n 1p
HTTP 200
$ kill $(cat .pids); for i in $(seq 100); do kill -0 $(cat .pids) 2>/dev/null || break; sleep 0.1; done; grep -x "bangfu: stopped" server.log
bangfu: stopped
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
