# The web UI's files (src/http/static.c): GET and HEAD outside /api/ serve the embedded web/
# assets with their type, an ETag (304 when it matches), the gzip copy when accepted; unknown
# paths and any ".." are 404; /api/ stays the API's.
$ bangfu init > /dev/null
$ serve-bg
$ curl -s -D h -o body http://127.0.0.1:$(cat port)/ && tr -d '\r' < h | grep -iE '^(HTTP|content-type|cache-control|etag|x-content-type-options)' | sed -E 's/"[0-9a-f]{16}"/"HASH"/'
HTTP/1.1 200 OK
Content-Type: text/html; charset=utf-8
X-Content-Type-Options: nosniff
Cache-Control: no-cache
ETag: "HASH"
$ grep -c '<script type="module" src="/js/app.js">' body
1
$ for p in /js/app.js /css/app.css /img/icon.svg /i18n/zh.js; do curl -s -o /dev/null -w '%{http_code} %{content_type}\n' http://127.0.0.1:$(cat port)$p; done
200 text/javascript; charset=utf-8
200 text/css; charset=utf-8
200 image/svg+xml
200 text/javascript; charset=utf-8
$ curl -s -I -o /dev/null -w '%{http_code} %{content_type}\n' http://127.0.0.1:$(cat port)/index.html
200 text/html; charset=utf-8
$ e=$(curl -s -D - -o /dev/null http://127.0.0.1:$(cat port)/js/api.js | tr -d '\r' | sed -n 's/^ETag: //p'); curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "If-None-Match: $e" http://127.0.0.1:$(cat port)/js/api.js
304 0
$ curl -s -o plain.js http://127.0.0.1:$(cat port)/vendor/echarts.min.js && curl -s -D h -o gz.js.gz -H 'Accept-Encoding: gzip' http://127.0.0.1:$(cat port)/vendor/echarts.min.js && tr -d '\r' < h | grep -i '^content-encoding'; gunzip -c gz.js.gz | cmp - plain.js && echo same; [ $(stat -c %s gz.js.gz) -lt $(stat -c %s plain.js) ] && echo smaller
Content-Encoding: gzip
same
smaller
$ for p in /nope.js /js/ /js/nope.js '/../src/store/schema.sql' '/js/../index.html' '/%2e%2e/Makefile' '/./index.html' '//index.html' '/guangdong/targets.csv' '/schema.sql' '/js/app.js%00.html'; do printf '%s ' "$p"; curl -s --path-as-is -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$(cat port)$p"; done
/nope.js 404
/js/ 404
/js/nope.js 404
/../src/store/schema.sql 404
/js/../index.html 404
/%2e%2e/Makefile 404
/./index.html 404
//index.html 404
/guangdong/targets.csv 404
/schema.sql 404
/js/app.js%00.html 404
$ curl -s -w ' %{http_code} %{content_type}\n' http://127.0.0.1:$(cat port)/nope.html
{"error":{"code":"not_found","message":"no such page or file","field":null}} 404 application/json; charset=utf-8
$ curl -s -o /dev/null -w '%{http_code}\n' -X POST http://127.0.0.1:$(cat port)/index.html
404
$ curl -s -w ' %{http_code}\n' http://127.0.0.1:$(cat port)/api/v1/nope
{"error":{"code":"not_found","message":"no such endpoint","field":null}} 404
$ sleep 0.3; grep -c '"path":"/js/app.js"' server.log
1
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
