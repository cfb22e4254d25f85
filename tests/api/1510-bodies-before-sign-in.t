# Bodies before sign-in: a request is judged from its headers (route, session, role, CSRF,
# declared size) and refused before its body is read, so anonymous uploads cost no memory.
# 100 anonymous uploads of 8 MB (10 at a time) must leave the server's peak memory (VmHWM)
# within 64 MB of where it was; each is refused 401 in JSON. An unknown route, a missing CSRF
# token and a declared size over --body-limit are refused the same way. A signed-in admin's
# multipart import is decoded as it arrives (not buffered whole first) and still works.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ head -c 8000000 /dev/zero | tr '\0' 'x' > big.csv; pid=$(head -n 1 .pids); grep VmHWM /proc/$pid/status | awk '{print $2}' > hwm.before
$ seq 100 | xargs -P 10 -I{} curl -s -o /dev/null -w '%{http_code}\n' -F 'file=@big.csv;filename=cadres.csv' http://127.0.0.1:$(cat port)/api/v1/import | sort | uniq -c | sed 's/^ *//'
100 401
$ pid=$(head -n 1 .pids); after=$(grep VmHWM /proc/$pid/status | awk '{print $2}'); echo "peak grew by $(( (after - $(cat hwm.before)) / 1024 )) MB" | sed -E 's/by ([0-9]|[1-5][0-9]|6[0-3]) MB/by less than 64 MB/'
peak grew by less than 64 MB
$ curl -s -w ' %{http_code}\n' --data-binary @big.csv http://127.0.0.1:$(cat port)/api/v1/nowhere
{"error":{"code":"not_found","message":"no such endpoint","field":null}} 404
$ api login boss 'a long enough secret' | sed -n 1p; curl -s -b jar -w ' %{http_code}\n' -F 'file=@big.csv;filename=cadres.csv' http://127.0.0.1:$(cat port)/api/v1/import
HTTP 200
{"error":{"code":"forbidden","message":"missing or wrong X-CSRF-Token header","field":null}} 403
$ head -c 20000000 /dev/zero > huge.bin; curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -w ' %{http_code}\n' -F 'file=@huge.bin;filename=cadres.csv' http://127.0.0.1:$(cat port)/api/v1/import
{"error":{"code":"invalid_input","message":"the request body is larger than the limit","field":null}} 413
$ bangfu export ex > /dev/null; curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F 'a=@ex/targets.csv;filename=targets.csv' -F 'b=@ex/units.csv;filename=units.csv' 'http://127.0.0.1:'$(cat port)'/api/v1/import?dry_run=1' | jq -c .
{"dry_run":true,"imported":{"targets.csv":62,"units.csv":156}}
$ grep -c '"path":"/api/v1/import","status":401,"ms":[0-9.]*,"reason":"sign in first"' server.log
100
