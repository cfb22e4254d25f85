# POST /api/v1/import (admin): the CLI's CSV files as multipart/form-data, or one file as the
# body with ?file=NAME.csv; all or nothing, every error listed with FILE:LINE, audited.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ bangfu export ex > /dev/null && sed -i 's/Shixing County/Shixing/' ex/targets.csv
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null; api -q POST '/api/v1/import?file=targets.csv' "$(cat ex/targets.csv)" | jq -c .error.code
"forbidden"
$ api login boss 'a long enough secret' > /dev/null
$ curl -s -b jar -H "X-CSRF-Token: $(cat csrf)" -F "a=@ex/targets.csv" -F "b=@ex/units.csv" http://127.0.0.1:$(cat port)/api/v1/import
{"imported":{"targets.csv":62,"units.csv":156}}
$ api -q GET /api/v1/targets/440222 | jq -r .name_en
Shixing
$ printf 'adcode,name_zh,prefecture,kind,old_area,verified\n440222,始兴县,韶关市,county,0,1\n44088,x,y,county,0,1\n440881,廉江市,湛江市,town,0,1\n' > bad.csv; api POST '/api/v1/import?file=targets.csv' "$(cat bad.csv)" | sed 1q; api -q POST '/api/v1/import?file=targets.csv' "$(cat bad.csv)" | jq -r '.error.errors[]'
HTTP 400
targets.csv:3: column 'adcode': '44088' is not a county-level code: 6 digits not ending in 00, e.g. 440881
targets.csv:4: column 'kind': 'town' is not one of: county, autonomous_county, county_city, district
$ api -q GET /api/v1/targets/440222 | jq -r .name_en
Shixing
$ api -q POST /api/v1/import 'plain text' | jq -c .error.message
"send the CSV files as multipart/form-data, or one file as the body with ?file=NAME.csv"
$ api -q GET /api/v1/audit | jq -c '[.items[] | select(.entity != "account") | [.user, .action, .key, .after]]'
[["boss","import","targets.csv,units.csv",{"targets.csv":62,"units.csv":156}]]
$ bangfu audit verify
audit trail intact: 3 rows, every hash matches
