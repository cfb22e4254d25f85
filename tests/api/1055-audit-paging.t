# GET /api/v1/audit in pages: the newest `limit` rows (default 100, at most 1000) that match
# the filters, oldest first within the page, with `total` (every matching row) and
# `next_before` (the id to give as `before` for the older rows; null on the last page);
# `next`, the whole address of that page with the same filters; `offset` skips newer rows. (Rows 1 and 2: the two `user add`, audited as cli:USER.) Out-of-range values are a 400 naming the parameter.
$ bangfu init > /dev/null
$ echo 'a long enough secret' | bangfu user add tongji --role unit --unit U048 --password-stdin
added account tongji (unit)
$ echo 'a long enough secret' | bangfu user add shenji --role auditor --password-stdin
added account shenji (auditor)
$ serve-bg
$ api login tongji 'a long enough secret' > /dev/null; for p in 一 二 三 四 五; do api -q PATCH /api/v1/cadres/C0050 "{\"post\":\"市委副书记$p\"}" > /dev/null; done
$ api login shenji 'a long enough secret' > /dev/null; api -q GET '/api/v1/audit?entity=cadre&limit=2' | jq -c '[.total, .limit, .next_before, [.items[] | [.id, .after.post]]]'
[5,2,6,[[6,"市委副书记四"],[7,"市委副书记五"]]]
$ api -q GET '/api/v1/audit?entity=cadre&limit=2&before=6' | jq -c '[.total, .next_before, [.items[].id], .next]'
[5,4,[4,5],"/api/v1/audit?limit=2&before=4&entity=cadre"]
$ api -q GET "$(api -q GET '/api/v1/audit?entity=cadre&limit=2&before=6&from=2020-01-01' | jq -r .next)" | jq -c '[.next_before, [.items[].id], .next]'
[null,[3],null]
$ api -q GET '/api/v1/audit?entity=cadre&limit=1&to=2099-12-31T23:59:59Z' | jq -r .next
/api/v1/audit?limit=1&before=7&entity=cadre&to=2099-12-31T23%3A59%3A59Z
$ api -q GET '/api/v1/audit?entity=cadre&limit=2&before=4' | jq -c '[.total, .next_before, [.items[].id]]'
[5,null,[3]]
$ api -q GET '/api/v1/audit?limit=1&offset=1&entity=cadre' | jq -c '[.total, .offset, [.items[].id]]'
[5,1,[6]]
$ api -q GET '/api/v1/audit?entity=cadre' | jq -c '[.total, .limit, .next_before, (.items | length)]'
[5,100,null,5]
$ api -q GET '/api/v1/audit?user=nobody' | jq -c '[.total, .next_before, .items]'
[0,null,[]]
$ api GET '/api/v1/audit?limit=1001'
HTTP 400
{"error":{"code":"invalid_input","message":"limit must be a whole number from 1 to 1000","field":"limit"}}
$ api -q GET '/api/v1/audit?limit=0' | jq -c .error
{"code":"invalid_input","message":"limit must be a whole number from 1 to 1000","field":"limit"}
$ api -q GET '/api/v1/audit?before=x' | jq -c .error.field
"before"
